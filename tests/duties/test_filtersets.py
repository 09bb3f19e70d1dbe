"""The FilterSets shared by the pages and the API: how provinces, departments, roles and searches filter.

That every model field has a filter (or a reason) is tested for every FilterSet: tests/test_filterset_completeness.py.
"""

import pytest

from duties.filtersets import DepartmentFilterSet, DocumentFilterSet, DutyItemFilterSet, ProvisionFilterSet
from duties.models import Department, Document, DutyItem, Provision
from duties.templatetags.duties_tags import highlight

pytestmark = pytest.mark.django_db


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
