"""A county government publishes each quarter's disclosure: who may, which quarters, and on time or late."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosures import services
from disclosures.models import Disclosure
from tests import factories

pytestmark = pytest.mark.django_db


def publish(body, user, year, quarter, **fields):
    disclosure = services.disclosure_open(user=user, body=body, year=year, quarter=quarter)
    disclosure = services.disclosure_save(
        disclosure=disclosure,
        user=user,
        expected_version=disclosure.version,
        text=fields.get("text", "本季度处置情况如下。"),
        link=fields.get("link", ""),
    )
    return services.disclosure_publish(disclosure=disclosure, user=user)


def test_a_disclosure_published_on_the_deadline_day_in_beijing_is_on_time(county_government, county_approver, clock):
    clock("2026-04-15 23:59")
    disclosure = publish(county_government, county_approver, 2026, 1)
    assert disclosure.is_published and disclosure.published_on_time
    assert disclosure.rule.topic == "固体废物和垃圾处置"
    assert str(disclosure.deadline) == "2026-04-15"


def test_one_minute_after_midnight_in_beijing_is_late(county_government, county_approver, clock):
    clock("2026-04-15 16:01", tz="UTC")  # 00:01 on 16 April in Beijing
    assert publish(county_government, county_approver, 2026, 1).published_on_time is False


def test_a_quarter_not_yet_begun_cannot_be_opened(county_government, county_editor, clock):
    clock("2026-05-01 09:00")
    with pytest.raises(ValidationError) as excinfo:
        services.disclosure_open(user=county_editor, body=county_government, year=2026, quarter=3)
    assert excinfo.value.messages == [services.QUARTER_NOT_OPEN % {"year": 2026, "quarter": 3}]


def test_only_the_governments_staff_write_and_only_its_approver_publishes(
    county_government, county_editor, county_approver, jilin_supervisor, clock
):
    clock("2026-04-10 09:00")
    other = factories.make_editor(county_government.__class__.objects.get(jurisdiction="220103"))
    for user in (other, jilin_supervisor):
        with pytest.raises(PermissionDenied):
            services.disclosure_open(user=user, body=county_government, year=2026, quarter=1)
    disclosure = services.disclosure_open(user=county_editor, body=county_government, year=2026, quarter=1)
    with pytest.raises(PermissionDenied):
        services.disclosure_publish(disclosure=disclosure, user=county_editor)


def test_a_link_alone_or_a_file_alone_is_enough_but_nothing_is_not(county_government, county_approver, clock):
    clock("2026-04-10 09:00")
    empty = services.disclosure_open(user=county_approver, body=county_government, year=2026, quarter=1)
    with pytest.raises(ValidationError) as excinfo:
        services.disclosure_publish(disclosure=empty, user=county_approver)
    assert excinfo.value.messages == [services.NOTHING_TO_PUBLISH]
    services.disclosure_attach(
        disclosure=empty, user=county_approver, upload=SimpleUploadedFile("通报.pdf", b"%PDF-1.4 test")
    )
    assert services.disclosure_publish(disclosure=empty, user=county_approver).is_published
    clock("2026-07-10 09:00")
    linked = publish(county_government, county_approver, 2026, 2, text="", link="https://www.example.gov.cn/q2")
    assert linked.is_published and linked.link == "https://www.example.gov.cn/q2"


def test_a_published_disclosure_is_not_edited_and_publishing_again_changes_nothing(
    county_government, county_approver, clock
):
    clock("2026-04-10 09:00")
    disclosure = publish(county_government, county_approver, 2026, 1)
    with pytest.raises(ValidationError) as excinfo:
        services.disclosure_save(
            disclosure=disclosure, user=county_approver, expected_version=disclosure.version, text="x", link=""
        )
    assert excinfo.value.messages == [services.ALREADY_PUBLISHED]
    again = services.disclosure_publish(disclosure=disclosure, user=county_approver)
    assert again.published_at == disclosure.published_at
    assert Disclosure.objects.count() == 1


def test_one_disclosure_per_government_and_quarter(county_government, county_editor, clock):
    clock("2026-04-10 09:00")
    services.disclosure_open(user=county_editor, body=county_government, year=2026, quarter=1)
    with pytest.raises(ValidationError):
        services.disclosure_open(user=county_editor, body=county_government, year=2026, quarter=1)
