"""After the load: every department filed at most one report for the year, each submitted once, nothing lost."""

import sys

from django.db.models import Count

from reports.models import Report, Revision

YEAR = int(__import__("os").environ["LOAD_REPORT_YEAR"])
reports = Report.objects.filter(year=YEAR, department__memberships__user__username__startswith="load-approver-")
per_department = reports.values("department").annotate(n=Count("pk")).filter(n__gt=1)
submitted = reports.exclude(state="draft")
double = Revision.objects.filter(report__in=submitted, kind="submission").values("report").annotate(n=Count("pk"))
double = [row for row in double if row["n"] != 1]
empty = submitted.filter(overall="")
print(
    f"reports {reports.count()}, submitted {submitted.count()}, duplicated {per_department.count()}, "
    f"submitted more than once {len(double)}, submitted without their text {empty.count()}"
)
if per_department.exists() or double or empty.exists():
    sys.exit("FAIL: lost or duplicated reports")
