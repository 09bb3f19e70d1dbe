"""The contact sheet shows every screenshot `screenshot()` leaves: a row per page or state, a column per variant."""

from tests.browser.contact_sheet import VARIANTS, write_contact_sheet


def test_one_row_per_page_and_one_cell_per_variant(tmp_path):
    for variant in VARIANTS:
        (tmp_path / f"home--{variant}.png").write_bytes(b"")
    (tmp_path / "error-404--390-normal.png").write_bytes(b"")
    (tmp_path / "not-a-variant.png").write_bytes(b"")
    html = write_contact_sheet(tmp_path).read_text(encoding="utf-8")
    assert html.count("<tr><th scope='row'>") == 2
    for variant in VARIANTS:
        assert f'<img src="home--{variant}.png"' in html
    assert '<img src="error-404--390-normal.png"' in html
    assert html.count("<td>—</td>") == 3  # the 404's three variants not taken
    assert "not-a-variant" not in html
