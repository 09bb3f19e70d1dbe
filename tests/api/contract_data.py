"""What the API contract run (.ci/api-contract) adds to the duty-list fixture, through the same factories as the
tests: an edition (so that `editions/` and `?edition=` have a record) and published reports (`reports/`).

Run once on a fresh database: `manage.py shell < tests/api/contract_data.py`.
"""

import datetime

from duties.models import Department
from tests import factories

water = Department.objects.get(jurisdiction="360000", short_name="省水利厅")
factories.make_edition(water, datetime.date(2025, 7, 1))
for pk, year in [(360000001, 2023), (360000001, 2024), (360000002, 2024)]:
    department = Department.objects.get(pk=pk)
    factories.make_filed_report(department, year, factories.make_approver(department), publish=True)
print("contract data: 1 edition, 3 published reports")
