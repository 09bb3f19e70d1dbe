"""Character limits: stated in the hint, counted as one types, enforced with an error and never by cutting the text."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reports import services
from reports.models import Report, ReportEntry
from reports.text_limits import OVERALL_MAX_LENGTH, PROGRESS_MAX_LENGTH
from tests.reports.test_views import edit_url, form_data

pytestmark = pytest.mark.django_db


def described_ids_all_exist(page: str) -> list[str]:
    """The ids named by aria-describedby that no element of the page carries."""
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    named = {name for value in re.findall(r'aria-describedby="([^"]*)"', page) for name in value.split()}
    return sorted(named - ids)


def test_sixty_thousand_characters_are_refused_with_the_count_not_cut_and_not_called_saved(editor_client, draft):
    typed = "字" * 60_000
    response = editor_client.post(edit_url(draft), form_data(draft, overall=typed))
    assert response.status_code == 400
    page = response.content.decode()
    assert "最多可填写 50,000 字，现在是 60,000 字，请删减 10,000 字。" in page
    assert typed in page  # all of it is still in the form, to be shortened by the clerk
    assert "草稿已保存" not in page
    assert Report.objects.get(pk=draft.pk).overall == ""


def test_an_entry_of_two_hundred_thousand_characters_is_refused_on_that_entry(editor_client, draft):
    first = draft.entries.first()
    data = form_data(draft)
    data[f"entry-{first.pk}-progress"] = "进" * 200_000
    response = editor_client.post(edit_url(draft), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<a href="#id_entry-{first.pk}-progress">第 1 项事项 · 完成了哪些工作：最多可填写 10,000 字' in page
    assert not ReportEntry.objects.filter(pk=first.pk, progress__startswith="进").exists()


def test_a_line_break_counts_as_one_character_as_the_counter_counts_it(editor_client, draft):
    typed = "字" * (OVERALL_MAX_LENGTH - 1000) + "\r\n" * 999 + "尾"  # 50,999 as sent, 50,000 as typed
    assert editor_client.post(edit_url(draft), form_data(draft, overall=typed)).status_code == 302
    assert Report.objects.get(pk=draft.pk).overall == typed.replace("\r\n", "\n")


def test_the_limit_is_in_the_hint_and_no_maxlength_cuts_a_paste(editor_client, draft):
    page = editor_client.get(edit_url(draft)).content.decode()
    assert "maxlength" not in page
    assert 'id="id_overall_helptext">最多 50,000 字。</p>' in page
    overall = re.search(r"<textarea[^>]*id=\"id_overall\"[^>]*>", page).group(0)
    assert 'data-max-chars="50000"' in overall and 'aria-describedby="id_overall_helptext"' in overall
    assert "js/forms.js" in page
    assert described_ids_all_exist(page) == []


def test_the_model_holds_the_limit_whoever_writes(draft, editor):
    entry = draft.entries.first()
    with pytest.raises(ValidationError) as refused:
        services.report_draft_save(
            report=draft,
            user=editor,
            expected_version=draft.version,
            overall="",
            entries={entry.pk: services.EntryInput(status="done", progress="进" * (PROGRESS_MAX_LENGTH + 1))},
            sections={},
        )
    assert "最多可填写 10,000 字" in str(refused.value)


def test_the_workspace_list_and_the_login_page_name_only_existing_ids(editor_client, draft, client):
    assert described_ids_all_exist(editor_client.get(reverse("reports:workspace")).content.decode()) == []
    assert described_ids_all_exist(client.get(reverse("reports:login")).content.decode()) == []
