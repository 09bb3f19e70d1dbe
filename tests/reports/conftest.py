"""People and departments the report tests share: Jiangxi's environment department and its staff,
another Jiangxi department, supervisors of Jiangxi and of Henan, an admin."""

import pytest

from duties.models import Department, Jurisdiction
from tests import factories


@pytest.fixture
def jiangxi(db):
    return Jurisdiction.objects.get(code="360000")


@pytest.fixture
def henan(db):
    return Jurisdiction.objects.get(code="410000")


@pytest.fixture
def department(db):
    """江西省生态环境厅: bears important duties and leads fifteen."""
    return Department.objects.select_related("jurisdiction").get(pk=360000001)


@pytest.fixture
def other_department(db):
    """江西省发展改革委."""
    return Department.objects.select_related("jurisdiction").get(pk=360000002)


@pytest.fixture
def editor(department):
    return factories.make_editor(department, username="editor")


@pytest.fixture
def approver(department):
    return factories.make_approver(department, username="approver")


@pytest.fixture
def other_editor(other_department):
    return factories.make_editor(other_department, username="other-editor")


@pytest.fixture
def other_approver(other_department):
    return factories.make_approver(other_department, username="other-approver")


@pytest.fixture
def supervisor(jiangxi):
    return factories.make_supervisor(jiangxi, username="supervisor")


@pytest.fixture
def other_supervisor(henan):
    return factories.make_supervisor(henan, username="henan-supervisor")


@pytest.fixture
def site_admin(db):
    return factories.make_user(superuser=True, username="site-admin")


@pytest.fixture
def no_role_user(db):
    return factories.make_user(username="no-role")


@pytest.fixture
def draft(department, editor):
    from reports import services

    return services.report_create(user=editor, department=department, year=2024)


@pytest.fixture
def clock(monkeypatch):
    """Set the time the services see: clock("2025-01-10 23:59", tz="Asia/Shanghai")."""
    import datetime
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    def set_now(value: str, tz: str = "Asia/Shanghai"):
        moment = datetime.datetime.fromisoformat(value).replace(tzinfo=ZoneInfo(tz))
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return set_now


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def approver_client(approver):
    from django.test import Client

    client = Client()
    client.force_login(approver)
    return client
