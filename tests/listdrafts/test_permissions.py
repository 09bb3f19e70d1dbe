"""Who may take each step of a department's list, at the services (whatever door is used) and on the pages."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from listdrafts import permissions, services
from listdrafts.models import ListDraft
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ["editor", "approver", "other_editor", "office", "henan_office", "supervisor", "anonymous"]
ALLOWED = {
    "create": {"editor", "approver"},
    "edit_row": {"editor", "approver"},
    "submit": {"editor", "approver"},
    "approve": {"office"},
    "return": {"office"},
    "record_approval": {"approver", "office"},
    "publish": {"approver"},
}
STATE_BEFORE = {
    "edit_row": "draft",
    "submit": "draft",
    "approve": "submitted",
    "return": "submitted",
    "record_approval": "reviewed",
    "publish": "approved",
}


@pytest.fixture
def people(request, editor, approver, other_editor, office, henan_office, supervisor):
    return {
        "editor": editor,
        "approver": approver,
        "other_editor": other_editor,
        "office": office,
        "henan_office": henan_office,
        "supervisor": supervisor,
        "anonymous": AnonymousUser(),
    }


def take(action, draft, user, department):
    if action == "create":
        return services.list_draft_create(user=user, department=department)
    if action == "edit_row":
        row = draft.rows.first()
        values = services.RowInput(text=f"{row.text}改", lead=row.lead, number=row.number)
        return services.draft_row_save(
            draft=draft, user=user, expected_version=draft.version, values=values, row_id=row.pk
        )
    if action == "submit":
        return services.list_draft_submit(draft=draft, user=user, expected_version=draft.version)
    if action == "approve":
        return services.list_draft_approve(draft=draft, user=user)
    if action == "return":
        return services.list_draft_return(draft=draft, user=user, comment="请修改。", row_comments={})
    if action == "record_approval":
        return services.list_draft_approval_record(
            draft=draft, user=user, approved_on=datetime.date.today(), title="审定文件"
        )
    return services.list_draft_publish(draft=draft, user=user)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ALLOWED))
def test_each_step_is_taken_only_by_whom_the_documents_give_it(
    action, role, people, department, editor, office, approver
):
    draft = None
    if action != "create":
        draft = factories.prepare_list(department, editor, office, approver, until=STATE_BEFORE[action])
    user = people[role]
    if role in ALLOWED[action]:
        take(action, draft, user, department)
    else:
        with pytest.raises(PermissionDenied):
            take(action, draft, user, department)
        if draft is not None:
            assert ListDraft.objects.get(pk=draft.pk).state == STATE_BEFORE[action]


READERS_BEFORE_SUBMISSION = {"editor", "approver"}
READERS_AFTER = {"editor", "approver", "office", "supervisor"}


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_read_by_its_department_and_once_submitted_by_its_office_and_supervisors(
    role, people, department, editor, office, client
):
    draft = factories.prepare_list(department, editor, office, until="draft")
    user = people[role]
    assert permissions.can_read(user, draft) is (role in READERS_BEFORE_SUBMISSION)
    if role != "anonymous":
        client.force_login(user)
    response = client.get(draft.get_absolute_url())
    expected = 200 if role in READERS_BEFORE_SUBMISSION else (302 if role == "anonymous" else 404)
    assert response.status_code == expected

    draft = services.list_draft_submit(draft=draft, user=editor, expected_version=draft.version)
    assert permissions.can_read(user, draft) is (role in READERS_AFTER)
    response = client.get(draft.get_absolute_url())
    expected = 200 if role in READERS_AFTER else (302 if role == "anonymous" else 404)
    assert response.status_code == expected


def test_a_countys_list_goes_to_the_countys_office_not_the_provinces(office):
    city, county = factories.make_local_lists(2, effective_on=datetime.date(2026, 1, 1))
    water = county.departments.get(slug="shui-wu-ju")
    water.bears_key_duties = True
    water.save(update_fields=["bears_key_duties"])
    county_editor = factories.make_editor(water)
    county_office = factories.make_office(county)
    draft = factories.prepare_list(water, county_editor, county_office, until="submitted")
    assert permissions.can_review(county_office, draft)
    assert not permissions.can_review(office, draft)  # Jiangxi's office: the province above
    with pytest.raises(PermissionDenied):
        services.list_draft_approve(draft=draft, user=office)
    services.list_draft_approve(draft=draft, user=county_office)


def test_the_pages_refuse_a_forged_step(client, department, editor, office, approver, other_editor):
    draft = factories.prepare_list(department, editor, office, approver, until="submitted")
    client.force_login(editor)  # the department may not review its own list
    response = client.post(f"/workspace/lists/{draft.pk}/review/", {"action": "approve", "comment": ""})
    assert response.status_code == 403
    client.force_login(other_editor)
    response = client.post(f"/workspace/lists/{draft.pk}/review/", {"action": "approve", "comment": ""})
    assert response.status_code == 404
    assert ListDraft.objects.get(pk=draft.pk).state == ListDraft.State.SUBMITTED
