"""Load the lists as the source documents published them (the fixture the parser builds), indexed for search."""

from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from duties import search_index, selectors
from duties.models import DutyItem, Edition

EDITIONS_EXIST = _("清单已有修订版本，不再重新载入原始清单（否则会恢复已被修订终止的版本）。")


class FixtureRefused(Exception):
    """The fixture cannot be loaded over the data as it stands."""


def fixture_load(*, path: str) -> None:
    """Load the parser's fixture in one transaction (all of it or none), then index it; loading twice changes nothing.

    Refused once any edition exists: reloading would put back the versions that editions have ended.
    """
    if Edition.objects.exists():
        raise FixtureRefused(EDITIONS_EXIST)
    with transaction.atomic():
        call_command("loaddata", path, verbosity=0)
        DutyItem.objects.filter(lineage__isnull=True).update(lineage=F("pk"))
        search_index.reindex_all()
    selectors.forget_cached_counts()
