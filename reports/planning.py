"""What a department planned for the year, as its report shows beside each duty it led.

The annual plans live in an app above this one (it uses the reports' accounts and rules), so reports do not
import it: settings.REPORT_PLANNED_WORK names the function that answers, `(department, year) -> {subject_key:
PlannedWork}` (DutyItem.subject_key or Requirement.subject_key), and the project's settings wire the two
together. Without it a report opens with no plan.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class PlannedWork:
    goal: str
    tasks: str


def planned_work(department, year: int) -> dict[str, PlannedWork]:
    """The planned goal and key tasks of each duty (or requirement) `department` planned for `year`, by its
    subject_key."""
    source = getattr(settings, "REPORT_PLANNED_WORK", "")
    return import_string(source)(department, year) if source else {}
