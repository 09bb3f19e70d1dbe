"""Create demo accounts on a local database: an editor and an approver of one department, a supervisor.

Refuses to run unless DEBUG is on: production accounts are created by an administrator.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from duties.models import Department, Jurisdiction
from reports.models import Membership

DEMO_DEPARTMENT = ("360000", "zhu-fang-cheng-xiang-jian-she-ting")
DEMO_ACCOUNTS = [
    ("demo-editor", Membership.Role.EDITOR),
    ("demo-approver", Membership.Role.APPROVER),
    ("demo-supervisor", Membership.Role.SUPERVISOR),
]


class Command(BaseCommand):
    help = "Create (or reset) demo accounts for local use and print how to log in. Only with DEBUG on."

    def handle(self, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for local databases only: run with DEBUG=1.")
        department = Department.objects.filter(jurisdiction=DEMO_DEPARTMENT[0], slug=DEMO_DEPARTMENT[1]).first()
        if department is None:
            raise CommandError("Load the duty lists first: manage.py load_duties.")
        province = Jurisdiction.objects.get(code=DEMO_DEPARTMENT[0])
        # A fresh random password on every run: nothing fixed ships with the code.
        password = secrets.token_urlsafe(9)
        with transaction.atomic():
            for username, role in DEMO_ACCOUNTS:
                user, _ = get_user_model().objects.get_or_create(username=username)
                user.set_password(password)
                user.save()
                scope = {"province": province} if role == Membership.Role.SUPERVISOR else {"department": department}
                Membership.objects.update_or_create(user=user, defaults={"role": role, **scope})
        self.stdout.write(f"Demo accounts ({department.name}; supervisor of {province.name}), password {password}:")
        for username, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:16} {Membership.Role(role).label}")
        self.stdout.write("Log in at /accounts/login/ (the workspace is /workspace/)")
