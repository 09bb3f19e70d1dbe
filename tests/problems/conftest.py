"""People of the problem tests: Jiangxi's office, the housing and transport departments' handlers, Henan's
office, supervisors of Jiangxi and Henan, an admin; a county of Jiangxi with no list; a clock to set."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from duties.models import Department, Jurisdiction
from tests.problems import factories


@pytest.fixture
def jiangxi(db):
    return Jurisdiction.objects.get(code="360000")


@pytest.fixture
def henan(db):
    return Jurisdiction.objects.get(code="410000")


@pytest.fixture
def county(db):
    return factories.county_in_jiangxi()


@pytest.fixture
def housing(db):
    """江西省住房和城乡建设厅: leads the duty on building sites' dust (扬尘)."""
    return Department.objects.select_related("jurisdiction").get(pk=360000008)


@pytest.fixture
def transport(db):
    return Department.objects.select_related("jurisdiction").get(pk=360000009)


@pytest.fixture
def henan_department(db):
    return Department.objects.filter(jurisdiction="410000").first()


@pytest.fixture
def office(jiangxi):
    return factories.office(jiangxi, username="jiangxi-office", email="office@example.gov.cn")


@pytest.fixture
def other_office(henan):
    return factories.office(henan, username="henan-office")


@pytest.fixture
def handler(housing):
    return factories.handler(housing, username="housing-handler", email="handler@example.gov.cn")


@pytest.fixture
def other_handler(transport):
    return factories.handler(transport, username="transport-handler", email="transport@example.gov.cn")


@pytest.fixture
def supervisor(jiangxi):
    return factories.supervisor(jiangxi, username="jiangxi-supervisor")


@pytest.fixture
def other_supervisor(henan):
    return factories.supervisor(henan, username="henan-supervisor")


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", password=factories.PASSWORD)


@pytest.fixture
def clock(monkeypatch):
    """Set the time every service reads: `clock.set(factories.beijing(2026, 3, 1))`."""

    class Clock:
        now = None

        def set(self, moment):
            self.now = moment
            monkeypatch.setattr(timezone, "now", lambda: self.now)

    return Clock()
