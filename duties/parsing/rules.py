"""Reporting and disclosure rules as the documents state them.

Read from any provision: the annual thematic report (每年1月10日前 / 每年2月底前 向…报告,
抄送…, 向社会公开), the deadline to publish the duty lists (印发后2个月内), and quarterly
disclosure topics (第一季度通报…情况).
"""

import re
from dataclasses import dataclass, field

from .numbering import chinese_to_int
from .records import ProvisionNode

ANNUAL_REPORT_RE = re.compile(
    r"(?P<written>于?每年(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日|底)前向(?P<to>[^,，。]+?)报告)"
)
COPY_TO_RE = re.compile(r"抄送(?P<copy>[^,，。]+)")
PUBLISH_RE = re.compile(r"向社会公开")
LIST_PUBLICATION_RE = re.compile(r"(?P<written>(?:本方案|本意见)?印发后(?P<months>\d+)个月内[^。]*?向社会公开)")
QUARTER_RE = re.compile(r"(?P<written>第(?P<quarter>[一二三四])季度通报(?P<topic>[^,，;；。]+?)情况)")


@dataclass
class RuleRecord:
    kind: str
    provision: ProvisionNode
    text_as_written: str
    deadline_month: int | None = None
    deadline_day: int | None = None
    months_after_issue: int | None = None
    quarter: int | None = None
    topic: str = ""
    submit_to: list[str] = field(default_factory=list)
    copy_to: list[str] = field(default_factory=list)
    publish_online: bool = False


def split_bodies(written: str) -> list[str]:
    """'上级主管部门和本级环委会' → two bodies; '本级党委和政府' stays one (政府 alone names no body)."""
    bodies = []
    for part in re.split(r"[、]", written):
        halves = part.split("和")
        if len(halves) == 2 and all(len(half) >= 3 for half in halves):
            bodies.extend(halves)
        else:
            bodies.append(part)
    return [body for body in bodies if body]


def read_rules(provisions: list[ProvisionNode]) -> list[RuleRecord]:
    rules = []
    for index, provision in enumerate(provisions):
        text = provision.text
        if match := ANNUAL_REPORT_RE.search(text):
            copy = COPY_TO_RE.search(text)
            following = provisions[index + 1].text if index + 1 < len(provisions) else ""
            # Henan states publication in the measure after the reporting one.
            published = bool(PUBLISH_RE.search(text)) or ("专题报告" in following and "公开" in following)
            rules.append(
                RuleRecord(
                    "annual-report",
                    provision,
                    match["written"],
                    deadline_month=int(match["month"]),
                    deadline_day=int(match["day"]) if match["day"] else None,
                    submit_to=split_bodies(match["to"]),
                    copy_to=split_bodies(copy["copy"]) if copy else [],
                    publish_online=published,
                )
            )
        if match := LIST_PUBLICATION_RE.search(text):
            rules.append(
                RuleRecord(
                    "list-publication",
                    provision,
                    match["written"],
                    months_after_issue=int(match["months"]),
                    publish_online=True,
                )
            )
        for match in QUARTER_RE.finditer(text):
            rules.append(
                RuleRecord(
                    "quarterly-disclosure",
                    provision,
                    match["written"],
                    quarter=chinese_to_int(match["quarter"]),
                    topic=match["topic"],
                    publish_online=True,
                )
            )
    return rules
