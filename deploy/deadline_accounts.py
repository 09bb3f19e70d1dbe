"""The accounts of the deadline-week load (deploy/rehearsal.sh deadline-week), run with `manage.py shell`
on the rehearsal's own database only.

DEADLINE_DEPARTMENTS departments each get an editor and an approver. The fixtures hold fewer departments
that owe an annual report than a deadline week has; the rest are copies of them (same province, sector
and duties, named "（演练副本 n）") that exist in the rehearsal's database only. Every account has the
same rehearsal password, hashed once with the production hasher (PBKDF2 at Django's iterations, never
weakened); each has a session made beforehand, as if its user had signed in earlier that morning, except the
first DEADLINE_SIGN_INS approvers, who sign in through the login form during the load (counted apart).
Writes what the load needs as JSON to DEADLINE_ACCOUNTS.
"""

import json
import os

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.cached_db import SessionStore
from django.db import transaction

from duties.models import Department, DutyRole
from reports import rules
from reports.models import Membership

wanted = int(os.environ["DEADLINE_DEPARTMENTS"])
sign_ins = int(os.environ["DEADLINE_SIGN_INS"])
password = os.environ["DEADLINE_PASSWORD"]
real = [
    department
    for department in Department.objects.filter(bears_key_duties=True).select_related("jurisdiction").order_by("pk")
    if rules.annual_rule_for(department.jurisdiction) is not None
]


def copy_of(department, number):
    """A rehearsal-only department like `department`, leading the same duties."""
    copy = Department.objects.create(
        jurisdiction=department.jurisdiction,
        name=f"{department.name}（演练副本 {number}）",
        name_attested=False,
        short_name=f"{department.short_name}（演练副本 {number}）",
        sector=department.sector,
        slug=f"{department.slug}-yan-lian-{number}",
        bears_key_duties=True,
        key_duties_provision=department.key_duties_provision,
        position=department.position,
    )
    DutyRole.objects.bulk_create(
        DutyRole(
            duty_id=role.duty_id, department=copy, role=role.role, name_as_written=copy.name, position=role.position
        )
        for role in department.duty_roles.all()
    )
    return copy


def session_for(user):
    """A signed-in session, as django.contrib.auth.login leaves it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


with transaction.atomic():
    departments = real[:wanted]
    departments += [copy_of(real[n % len(real)], n // len(real) + 1) for n in range(wanted - len(departments))]
    hashed = make_password(password)  # one hash for every load account: setting up must not take minutes
    accounts = []
    for index, department in enumerate(departments):
        staff = {}
        for role in (Membership.Role.EDITOR, Membership.Role.APPROVER):
            user = get_user_model().objects.create(username=f"deadline-{role}-{index:03d}", password=hashed)
            Membership.objects.create(user=user, role=role, department=department)
            signs_in = role == Membership.Role.APPROVER and index < sign_ins
            staff[role] = {"username": user.username, "session": None if signs_in else session_for(user)}
        accounts.append({"department": department.pk, "name": department.name, **staff})
with open(os.environ["DEADLINE_ACCOUNTS"], "w", encoding="utf-8") as output:
    json.dump({"password": password, "departments": accounts}, output, ensure_ascii=False)
print(f"{len(accounts)} departments ({len(real)} from the fixtures), {2 * len(accounts)} accounts")
