"""A NUL character in any parameter is a 400 naming it, on the pages and in the admin as in the API.

PostgreSQL refuses U+0000 in a string, so before this a filter that passed one on answered 500.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.null_characters import NULL_CHARACTER

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/search/?search=%E6%89%AC%E5%B0%98&province=%00", "province"),
        ("/search/?search=a%00b", "search"),
        ("/jiangxi/?as_of=2025-01-01%00", "as_of"),
        ("/jiangxi/departments/shui-li-ting/?as_of=%00", "as_of"),
        ("/reports/?page=%00", "page"),
        ("/search/?x%00y=1", "xy"),
    ],
)
def test_a_page_answers_400_naming_the_parameter(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert NULL_CHARACTER % {"name": parameter} in response.content.decode()


def test_an_address_with_a_nul_is_a_400(client):
    response = client.get("/api/v1/sectors/a%00b/")
    assert response.status_code == 400
    assert response.json() == {"path": [NULL_CHARACTER % {"name": "path"}]}


def test_the_admin_search_box_answers_400(admin_client):
    response = admin_client.get("/admin/duties/edition/", {"q": "\x00"})
    assert response.status_code == 400


def test_the_list_import_form_answers_400_naming_the_field(admin_client):
    data = {"jurisdiction": "360000", "effective_on": "2026-01-01", "basis": "赣水发\x00〔2026〕1号"}
    upload = SimpleUploadedFile("water.csv", b"\xef\xbb\xbf", content_type="text/csv")
    response = admin_client.post("/admin/duties/edition/import/", {**data, "file": upload})
    assert response.status_code == 400
    assert NULL_CHARACTER % {"name": "basis"} in response.content.decode()
