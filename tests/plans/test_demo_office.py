"""The demo committee-office account for local use: it logs in with the printed password and decides on Jiangxi's
plans; refused without DEBUG."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from duties.models import CommitteeOffice

pytestmark = pytest.mark.django_db


def test_the_demo_office_logs_in_with_the_printed_password(settings):
    settings.DEBUG = True
    output = StringIO()
    call_command("create_demo_office", stdout=output)
    password = output.getvalue().split("password ")[1].split(" ")[0]
    assert get_user_model().objects.get(username="demo-office").check_password(password)
    assert CommitteeOffice.objects.filter(user__username="demo-office", jurisdiction="360000").exists()


def test_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("create_demo_office")
