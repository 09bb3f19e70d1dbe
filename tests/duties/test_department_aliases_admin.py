"""A department's other names (其他写法) are edited in the admin one per line, as a list of names."""

import pytest
from django.urls import reverse

from duties import selectors
from duties.models import Department
from duties.models.departments import ALIAS_IS_NAME, ALIAS_REPEATED, ALIAS_TOO_SHORT

pytestmark = pytest.mark.django_db

NDRC = 360000002  # 江西省发展和改革委员会, whose documents write it three ways


def change_url(pk=NDRC):
    return reverse("admin:duties_department_change", args=[pk])


def posted(department: Department, aliases: str) -> dict:
    return {
        "jurisdiction": department.jurisdiction_id,
        "name": department.name,
        "name_attested": "on" if department.name_attested else "",
        "short_name": department.short_name,
        "aliases": aliases,
        "sector": department.sector_id,
        "slug": department.slug,
        "bears_key_duties": "on" if department.bears_key_duties else "",
        "key_duties_provision": department.key_duties_provision_id or "",
        "position": department.position,
        "audit_reason": "补充文件中的写法",
    }


def test_the_change_page_shows_one_name_per_line(admin_client):
    department = Department.objects.get(pk=NDRC)
    assert len(department.aliases) >= 2
    body = admin_client.get(change_url()).content.decode()
    assert "<textarea" in body and "\n".join(department.aliases) in body
    assert '["' not in body.split('name="aliases"')[1][:300]  # not a JSON text


def test_plain_text_lines_are_saved_as_a_list_of_names(admin_client):
    department = Department.objects.get(pk=NDRC)
    lines = "\n".join([*department.aliases, "  江西省发改委  ", "", "省能源局（省发展改革委）"])
    response = admin_client.post(change_url(), posted(department, lines))
    assert response.status_code == 302
    department.refresh_from_db()
    assert department.aliases[-2:] == ["江西省发改委", "省能源局（省发展改革委）"]
    assert selectors.DepartmentNames(department.jurisdiction).resolve("江西省发改委") == (True, NDRC)


def test_a_quoted_name_is_one_name_never_its_characters(admin_client):
    department = Department.objects.get(pk=NDRC)
    response = admin_client.post(change_url(), posted(department, '"省发改委"'))
    assert response.status_code == 302
    department.refresh_from_db()
    assert department.aliases == ['"省发改委"']


@pytest.mark.parametrize(
    "lines, message",
    [
        ("委\n省发改委", ALIAS_TOO_SHORT % {"name": "委"}),
        ("省发改委\n省发改委", ALIAS_REPEATED % {"name": "省发改委"}),
        ("江西省发展和改革委员会", ALIAS_IS_NAME % {"name": "江西省发展和改革委员会"}),
    ],
    ids=["one-character", "repeated", "the-name-itself"],
)
def test_names_that_would_mislead_the_import_are_refused(admin_client, lines, message):
    department = Department.objects.get(pk=NDRC)
    before = list(department.aliases)
    response = admin_client.post(change_url(), posted(department, lines))
    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors["aliases"]
    department.refresh_from_db()
    assert department.aliases == before


def test_a_one_character_alias_already_stored_names_no_department():
    department = Department.objects.get(pk=NDRC)
    Department.objects.filter(pk=NDRC).update(aliases=list("省发改委"))
    assert selectors.DepartmentNames(department.jurisdiction).resolve("委") == (False, None)
