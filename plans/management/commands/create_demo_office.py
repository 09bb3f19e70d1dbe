"""Create (or reset) a demo account of Jiangxi's committee office on a local database. Only with DEBUG on."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from duties.models import CommitteeOffice, Jurisdiction

DEMO_OFFICE = ("demo-office", "360000")


class Command(BaseCommand):
    help = "Create (or reset) the demo committee-office account (plans, problems). Only with DEBUG on."

    def handle(self, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for local databases only: run with DEBUG=1.")
        jurisdiction = Jurisdiction.objects.filter(code=DEMO_OFFICE[1]).first()
        if jurisdiction is None:
            raise CommandError("Load the duty lists first: manage.py load_duties.")
        password = secrets.token_urlsafe(9)  # fresh on every run: nothing fixed ships with the code
        user, _created = get_user_model().objects.get_or_create(username=DEMO_OFFICE[0])
        user.set_password(password)
        user.save()
        CommitteeOffice.objects.get_or_create(user=user, jurisdiction=jurisdiction)
        self.stdout.write(
            f"  {DEMO_OFFICE[0]:16} {jurisdiction.name}生态环境保护委员会办公室, password {password} "
            "(plans at /workspace/plans/, problems in the problems workspace)"
        )
