"""Read queries for quarterly disclosures: which governments must publish, the quarters' rules, the board of who
published on time, and the public pages. Each runs a fixed number of queries whatever the number of counties."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404

from disclosures.models import Disclosure, DisclosureAttachment, DisclosureTimeLimit
from duties.models import Department, Jurisdiction, ReportingRule
from duties.services.divisions import LOCAL_GOVERNMENT_SECTOR
from reports.rules import ComplianceStatus, deadline_status, today_in_china


def quarter_rules(province) -> dict[int, ReportingRule]:
    """The province's quarterly disclosure rules by quarter (Jilin: four topics); empty where it has none."""
    rules = ReportingRule.objects.filter(jurisdiction=province, kind=ReportingRule.Kind.QUARTERLY_DISCLOSURE)
    return {rule.quarter: rule for rule in rules.select_related("document", "provision").order_by("quarter")}


def disclosing_bodies(province):
    """The governments that disclose each quarter: those of the province's counties (各县(市、区)政府)."""
    return (
        Department.objects.filter(
            jurisdiction__code__startswith=province.code[:2],
            jurisdiction__level=Jurisdiction.Level.COUNTY,
            sector_id=LOCAL_GOVERNMENT_SECTOR,
        )
        .select_related("jurisdiction__parent")
        .order_by("jurisdiction_id", "position")
    )


def is_disclosing_body(department) -> bool:
    return (
        department.sector_id == LOCAL_GOVERNMENT_SECTOR
        and department.jurisdiction.level == Jurisdiction.Level.COUNTY
        and ReportingRule.objects.filter(
            jurisdiction__code=department.jurisdiction_id[:2] + "0000", kind=ReportingRule.Kind.QUARTERLY_DISCLOSURE
        ).exists()
    )


def applies(rule: ReportingRule, year: int) -> bool:
    """A rule asks for disclosures from the year its document was issued."""
    return rule.document.issued_year is not None and year >= rule.document.issued_year


def quarters_asked(province, year: int) -> list[int]:
    """The quarters of `year` on which the province's rules ask for a disclosure."""
    return [quarter for quarter, rule in quarter_rules(province).items() if applies(rule, year)]


def open_quarters(rules: dict, today: datetime.date) -> list[tuple[int, int]]:
    """The quarters a government may disclose on today: every quarter begun since the rules applied, newest first."""
    if not rules:
        return []
    first = min(rule.document.issued_year or today.year for rule in rules.values())
    current = (today.month - 1) // 3 + 1
    return [
        (year, quarter)
        for year in range(today.year, first - 1, -1)
        for quarter in range(4, 0, -1)
        if quarter in rules and (year, quarter) <= (today.year, current)
    ]


def disclosure_detail():
    return Disclosure.objects.with_body().prefetch_related(
        Prefetch("attachments", queryset=DisclosureAttachment.objects.order_by("uploaded_at", "id"))
    )


def published_disclosure(pk) -> Disclosure:
    disclosure = disclosure_detail().published().filter(pk=pk).first()
    if disclosure is None:
        raise Http404
    return disclosure


@dataclass(frozen=True)
class BoardRow:
    body: Department
    deadline: datetime.date
    status: str
    published_at: datetime.datetime | None
    disclosure: Disclosure | None


def board_rows(province, year: int, quarter: int, *, today: datetime.date | None = None) -> list[BoardRow]:
    """Each disclosing government of `province` and where its disclosure of `quarter` of `year` stands."""
    today = today or today_in_china()
    time_limit = DisclosureTimeLimit.objects.for_province(province)
    default_deadline = time_limit.deadline(year, quarter)
    published = {
        disclosure.body_id: disclosure
        for disclosure in Disclosure.objects.published().filter(
            body__jurisdiction__code__startswith=province.code[:2], year=year, quarter=quarter
        )
    }
    rows = []
    for body in disclosing_bodies(province):
        disclosure = published.get(body.pk)
        # A published disclosure keeps the deadline it was judged against.
        deadline = disclosure.deadline if disclosure is not None else default_deadline
        if disclosure is not None:
            status = ComplianceStatus.ON_TIME if disclosure.published_on_time else ComplianceStatus.LATE
        else:
            status = deadline_status(deadline, None, today)
        rows.append(BoardRow(body, deadline, status, disclosure and disclosure.published_at, disclosure))
    return rows


def disclosures_for_body(body):
    return Disclosure.objects.filter(body=body).select_related("rule").order_by("-year", "-quarter")
