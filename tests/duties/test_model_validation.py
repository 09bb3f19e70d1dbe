"""`full_clean()` applies the rules the admin forms and the imports apply: a department's other names, and a
jurisdiction's GB/T 2260 code, level and parent."""

import pytest
from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from duties import gbt2260
from duties.admin_forms import JurisdictionAdminForm
from duties.models import Department, Jurisdiction
from duties.models.departments import ALIAS_IS_NAME, ALIAS_REPEATED, ALIAS_TOO_SHORT, ALIASES_NOT_A_LIST

pytestmark = pytest.mark.django_db


def messages(error: ValidationError, field: str) -> list[str]:
    return error.value.message_dict[field]


@pytest.mark.parametrize(
    ("aliases", "expected"),
    [
        (["委", "省发改委"], ALIAS_TOO_SHORT % {"name": "委"}),
        (["省发改委", "省发改委"], ALIAS_REPEATED % {"name": "省发改委"}),
        (["江西省发展和改革委员会"], ALIAS_IS_NAME % {"name": "江西省发展和改革委员会"}),
        ("省发改委", ALIASES_NOT_A_LIST),
        ([["省发改委"]], ALIASES_NOT_A_LIST),
    ],
)
def test_a_department_with_bad_other_names_does_not_validate(aliases, expected):
    department = Department.objects.get(name="江西省发展和改革委员会")
    department.aliases = aliases
    with pytest.raises(ValidationError) as error:
        department.full_clean()
    assert messages(error, "aliases") == [expected]


def test_a_department_with_good_other_names_validates():
    department = Department.objects.get(name="江西省发展和改革委员会")
    department.aliases = ["省发改委", "省发展改革委(省能源局)"]
    department.full_clean()


def hubei_city_under_jiangxi() -> Jurisdiction:
    return Jurisdiction(
        code="420100", name="武汉市", short_name="武汉", slug="wuhan", level="prefecture", kind="city",
        parent=Jurisdiction.objects.get(code="360000"),
    )  # fmt: skip


def test_a_prefecture_code_under_another_province_does_not_validate():
    with pytest.raises(ValidationError) as error:
        hubei_city_under_jiangxi().full_clean()
    expected = gbt2260.PARENT_FROM_CODE % {"code": "420100", "expected": "420000", "parent": "360000"}
    assert messages(error, "parent") == [expected]


def test_a_code_of_another_level_does_not_validate():
    city = hubei_city_under_jiangxi()
    city.code, city.level = "360900", "county"
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert list(error.value.message_dict) == ["level"]


def test_the_admin_form_gives_the_models_answer():
    city = hubei_city_under_jiangxi()
    data = {field: getattr(city, field) for field in ("code", "name", "short_name", "slug", "level", "kind")}
    form_class = modelform_factory(Jurisdiction, form=JurisdictionAdminForm, fields="__all__")  # as the admin does
    form = form_class(data={**data, "parent": "360000", "audit_reason": "新加入"})
    assert not form.is_valid()
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert form.errors["parent"] == messages(error, "parent")


def test_a_jurisdiction_whose_code_level_and_parent_agree_validates():
    Jurisdiction(
        code="360900", name="宜春市", short_name="宜春", slug="yichun", level="prefecture", kind="city",
        parent=Jurisdiction.objects.get(code="360000"),
    ).full_clean()  # fmt: skip
