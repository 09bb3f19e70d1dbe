"""The FilterSets shared by the pages and the API: every filterable field has a filter."""

import pytest
from django.db import models

from duties.filtersets import DepartmentFilterSet, DocumentFilterSet, DutyItemFilterSet, ProvisionFilterSet
from duties.models import Department, Document, DutyItem, Provision
from duties.templatetags.duties_tags import highlight

pytestmark = pytest.mark.django_db

# Fields a list is filtered by: relations, choices and flags. Each maps to its filter's
# name, or to None with the reason it has none.
FILTERABLE = {
    DutyItemFilterSet: {
        "document": "document",
        "provision": None,  # one duty per provision: the duty's own page, not a filter
        "departments": "department",
        "edition": "edition",
        "ended_by": None,  # the edition's changes page lists what it ended
        "wording": None,  # the new wording's row in the edition's file: shown on the duty's page
    },
    DepartmentFilterSet: {
        "jurisdiction": "jurisdiction",
        "sector": "sector",
        "bears_key_duties": "key_duties",
        "name_attested": None,  # a note on the department's page, not a way to choose departments
        "key_duties_provision": None,  # the provision that lists key departments: shown, not filtered
    },
    DocumentFilterSet: {
        "jurisdiction": "jurisdiction",
        "issuing_bodies": None,  # a handful per document, shown on the document
        "script": None,  # the search folds scripts, so nobody filters by them
        "assigns_duties": None,  # every listed document is shown
    },
    ProvisionFilterSet: {
        "document": "document",
        "kind": "kind",
        "parent": None,  # the tree is shown on the document page
    },
}


def filterable_fields(model):
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # reverse relations
        if field.is_relation or getattr(field, "choices", None) or isinstance(field, models.BooleanField):
            yield field.name


@pytest.mark.parametrize("filterset", FILTERABLE, ids=lambda f: f.__name__)
def test_every_filterable_field_has_a_filter_or_a_reason(filterset):
    model = filterset._meta.model
    declared = FILTERABLE[filterset]
    assert set(filterable_fields(model)) == set(declared), "list each relation, choice and flag in FILTERABLE"
    for field, filter_name in declared.items():
        if filter_name is not None:
            assert filter_name in filterset.base_filters, f"{model.__name__}.{field} has no filter {filter_name!r}"


@pytest.mark.parametrize("value", ["jiangxi", "360000", "JiangXi"])
def test_province_is_named_by_code_or_slug(value):
    filterset = DutyItemFilterSet({"province": value}, DutyItem.objects.all())
    assert filterset.is_valid()
    assert filterset.qs.count() == 84


def test_unknown_province_is_a_field_error():
    filterset = DepartmentFilterSet({"province": "atlantis"}, Department.objects.all())
    assert not filterset.is_valid()
    assert filterset.errors["province"] == ["没有代码或拼音标识为“atlantis”的行政区。"]


def test_lead_department_includes_co_lead_but_not_cooperation():
    housing = Department.objects.get(jurisdiction="360000", slug="zhu-fang-cheng-xiang-jian-she-ting")
    led = DutyItemFilterSet({"lead_department": housing.pk}, DutyItem.objects.all()).qs
    involved = DutyItemFilterSet({"department": housing.pk}, DutyItem.objects.all()).qs
    cooperating = DutyItemFilterSet({"department": housing.pk, "role": "cooperating"}, DutyItem.objects.all()).qs
    assert led.count() == 8
    assert set(involved) == set(led) | set(cooperating)
    assert not set(led) & set(cooperating)


def test_key_duties_filter():
    keyed = DepartmentFilterSet({"province": "jiangxi", "key_duties": "true"}, Department.objects.all()).qs
    assert keyed.count() == 12 and all(d.bears_key_duties for d in keyed)


def test_document_and_provision_searches():
    assert [d.pk for d in DocumentFilterSet({"search": "373号"}, Document.objects.all()).qs] == [36000001]
    provisions = ProvisionFilterSet({"search": "專題報告"}, Provision.objects.all()).qs
    assert provisions.exists()


def test_highlight_escapes_the_text_around_the_match():
    assert highlight("<b>扬尘</b>治理", "揚塵") == "&lt;b&gt;<mark>扬尘</mark>&lt;/b&gt;治理"
    assert highlight("a & b", "") == "a &amp; b"
