import datetime

import pytest

from duties import spreadsheet
from duties.models import Department, Jurisdiction

pytestmark = pytest.mark.django_db


def test_dbg():
    lists = [(j, None) for j in Jurisdiction.objects.all()] + [
        (d.jurisdiction, d) for d in Department.objects.select_related("jurisdiction")
    ]
    for j, d in lists:
        rows = spreadsheet.list_rows(j, d)
        for data in (spreadsheet.write_csv(rows), spreadsheet.write_xlsx(rows)):
            p = spreadsheet.import_preview(
                jurisdiction=j, department=d, effective_on=datetime.date(2026, 12, 1), data=data, file_name="x.csv"
            )
            if p.errors or (p.plan and p.plan.has_changes):
                print(
                    j,
                    d,
                    len(rows),
                    [str(e) for e in p.errors][:5],
                    p.plan and (len(p.plan.added), len(p.plan.changed), len(p.plan.removed)),
                )
