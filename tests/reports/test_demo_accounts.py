"""Demo accounts exist only on a local (DEBUG) database, with a fresh random password each time."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from reports.models import Membership

pytestmark = pytest.mark.django_db


def create():
    output = io.StringIO()
    call_command("create_demo_accounts", stdout=output)
    text = output.getvalue()
    return text, text.split("password ", 1)[1].split(":", 1)[0]


@override_settings(DEBUG=True)
def test_demo_accounts_log_in_with_the_printed_password_which_changes_each_run():
    text, password = create()
    users = get_user_model().objects
    assert users.get(username="demo-approver").check_password(password)
    assert Membership.objects.filter(user__username="demo-supervisor", province="360000").exists()
    _, second = create()
    assert second != password and not users.get(username="demo-editor").check_password(password)


def test_demo_accounts_are_refused_without_debug():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_demo_accounts")
    assert not Membership.objects.exists()
