"""What the API contract run (.ci/api-contract) adds to the duty-list fixture, through the same factories as the
tests: an edition (so that `editions/` and `?edition=` have a record), published reports (`reports/`), and
problems of a county filed by a citizen and by a hotline, published, assigned, accepted and progressing, and one
not yet published (`problems/`, Open311's `requests/`).

Run once on a fresh database: `manage.py shell < tests/api/contract_data.py`.
"""

import datetime

from duties.models import Department, Jurisdiction
from problems import services as problem_services
from problems.models import Problem
from tests import factories
from tests.problems import factories as problem_factories

water = Department.objects.get(jurisdiction="360000", short_name="省水利厅")
factories.make_edition(water, datetime.date(2025, 7, 1))
for pk, year in [(360000001, 2023), (360000001, 2024), (360000002, 2024)]:
    department = Department.objects.get(pk=pk)
    factories.make_filed_report(department, year, factories.make_approver(department), publish=True)

county = problem_factories.county_in_jiangxi()
housing = Department.objects.get(pk=360000008)
office = problem_factories.office(Jurisdiction.objects.get(code="360000"), username="contract-office")
handler = problem_factories.handler(housing, username="contract-handler")
accepted = problem_factories.accepted(problem_factories.file_problem(county).problem, office, handler, housing)
problem_services.problem_progress(problem=accepted, user=handler, note="已责令施工单位覆盖裸土、洒水降尘。")
problem_factories.assigned(
    problem_factories.file_problem(county, source=Problem.Source.HOTLINE).problem, office, housing
)
problem_factories.file_problem(county, anonymous=True)
print("contract data: 1 edition, 3 published reports, 3 problems (2 published)")
