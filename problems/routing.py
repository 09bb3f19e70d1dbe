"""Routing by the duty lists: which departments lead what a problem describes, and the duties that say so.

A problem's text is a sentence, not a query: "工地夜里施工，扬尘很大". Its meaningful terms are the runs of two
to four characters (normalised as the search normalises: simplified, width and case folded) that contain no
function character (的, 了, 很 …) and are not the words of reporting itself (举报, 反映 …). The duties in force
in the jurisdiction that contain any of them are found through the search's own lookup (`grams_contains`,
the n-gram index on PostgreSQL) and scored in Python: each term a duty contains counts by its length and by
how rare it is in the list (a term in more than half the list says nothing and is dropped), a term inside a
longer matching term counts once. A department's score is that of the duties it leads (lead or co-lead,
`DutyRole.LEADING`); departments come best first, each with the duties that justify it.

A county or city without a list of its own (or whose list matches nothing) is routed by the list of the
level above: county → city → province.
"""

import datetime
import math
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from duties.models import Department, DutyItem, DutyRole
from search import searchable_text

MAX_TEXT = 500
MAX_GRAM = 4
MAX_PROPOSALS = 5
MAX_DUTIES_PER_PROPOSAL = 3
MAX_LOOKUP_TERMS = 150
# A term found in more than this share of a list's duties does not tell departments apart.
COMMON_SHARE = 0.5
# A department (or a duty) scoring under this share of the best is noise beside it, and is not proposed.
WEAK_SHARE = 0.15
# Function characters: a term containing one is not a term ("扬尘很" is not; "扬尘" is).
STOP_CHARACTERS = set(
    "的了是在有很我你他她它们这那和与及或等都也就把被给从到对于个啊吧呢吗么着过还又才再太非常请该其之以而且但"
)
# The words of reporting itself, and of place and time, say nothing about who leads.
STOP_WORDS = (
    "举报",
    "投诉",
    "反映",
    "希望",
    "要求",
    "请求",
    "尽快",
    "处理",
    "解决",
    "严重",
    "影响",
    "问题",
    "情况",
    "附近",
    "周边",
    "居民",
    "群众",
    "小区",
    "每天",
    "经常",
    "晚上",
    "夜里",
    "白天",
    "早上",
    "一直",
    "现在",
    "目前",
    "今天",
    "昨天",
    "多次",
    "已经",
    "没有",
    "不能",
    "可以",
    "相关",
    "部门",
)


def meaningful_terms(text: str) -> list[str]:
    """The problem's candidate terms: normalised runs of 2–4 characters, longest first, without stop words."""
    words = searchable_text(text[:MAX_TEXT]).split()
    terms = {}
    for word in words:
        for size in range(MAX_GRAM, 1, -1):
            for start in range(len(word) - size + 1):
                gram = word[start : start + size]
                if any(char in STOP_CHARACTERS for char in gram) or any(gram in stop for stop in STOP_WORDS):
                    continue
                if any(stop in gram for stop in STOP_WORDS):
                    continue
                terms.setdefault(gram, None)
    return sorted(terms, key=lambda term: (-len(term), text.find(term)))


@dataclass
class DutyMatch:
    duty: DutyItem
    terms: list[str]
    score: float

    @property
    def basis(self) -> str:
        """ "依据：江西省住房和城乡建设厅 第 4 项": the duty's lead and its number as printed."""
        leads = "、".join(department.name for department in self.duty.lead_departments + self.duty.co_lead_departments)
        number = self.duty.number
        where = _("第 %(number)s 项") % {"number": number} if number.isdigit() else number
        return _("依据：%(department)s %(where)s") % {"department": leads, "where": where}


@dataclass
class Proposal:
    department: object
    score: float
    duties: list[DutyMatch] = field(default_factory=list)


@dataclass
class Routing:
    """The proposals for a problem in `jurisdiction`, read from the list of `list_jurisdiction`."""

    jurisdiction: object
    list_jurisdiction: object | None
    terms: list[str]
    proposals: list[Proposal]
    consulted: list[object]  # the levels looked at, nearest first

    @property
    def walked_up(self) -> bool:
        return self.list_jurisdiction is not None and self.list_jurisdiction.pk != self.jurisdiction.pk


def _levels(jurisdiction):
    while jurisdiction is not None:
        yield jurisdiction
        jurisdiction = jurisdiction.parent


def _list_of(level, day):
    return DutyItem.objects.as_of(day).filter(document__jurisdiction=level)


def _with_leads(duties):
    """Duties with what a proposal shows of them: their leads (for the basis) and their place (for their URL)."""
    roles = Prefetch(
        "roles",
        queryset=DutyRole.objects.filter(role__in=DutyRole.LEADING, department__isnull=False)
        .select_related("department__jurisdiction")
        .order_by("position"),
    )
    return duties.select_related("provision", "document__jurisdiction__parent__parent").prefetch_related(roles)


def _candidates(level, terms, day):
    bigrams = list(dict.fromkeys(gram for term in terms for gram in (term[i : i + 2] for i in range(len(term) - 1))))
    lookup = reduce(or_, (Q(search_text__grams_contains=gram) for gram in bigrams[:MAX_LOOKUP_TERMS]))
    return list(_with_leads(_list_of(level, day).filter(lookup)).order_by("document_id", "position"))


def _score(duties, terms, list_size):
    texts = {duty.pk: searchable_text(duty.text) for duty in duties}
    found = {term: [duty for duty in duties if term in texts[duty.pk]] for term in terms}
    weights = {
        term: len(term) * math.log(1 + list_size / len(hits))
        for term, hits in found.items()
        if hits and (list_size < 4 or len(hits) / list_size <= COMMON_SHARE)
    }
    matches = []
    for duty in duties:
        hit = [term for term in weights if term in texts[duty.pk]]
        maximal = [term for term in hit if not any(term != other and term in other for other in hit)]
        if maximal:
            matches.append(DutyMatch(duty, maximal, sum(weights[term] for term in maximal)))
    return matches


def _proposals(matches):
    by_department = {}
    for match in sorted(matches, key=lambda m: -m.score):
        for role in match.duty.roles.all():
            proposal = by_department.setdefault(role.department_id, Proposal(role.department, 0.0))
            if match not in proposal.duties:
                proposal.score += match.score
                proposal.duties.append(match)
    ranked = sorted(by_department.values(), key=lambda p: (-p.score, -len(p.duties), p.department.position))
    best = ranked[0].score if ranked else 0
    ranked = [proposal for proposal in ranked if proposal.score >= WEAK_SHARE * best]
    for proposal in ranked:
        top = proposal.duties[0].score
        proposal.duties = [match for match in proposal.duties if match.score >= WEAK_SHARE * top][
            :MAX_DUTIES_PER_PROPOSAL
        ]
        proposal.score = round(proposal.score, 2)
    return ranked[:MAX_PROPOSALS]


def route(jurisdiction, text: str, day: datetime.date | None = None) -> Routing:
    """Propose the lead departments for a problem described by `text` in `jurisdiction`, best first."""
    terms = meaningful_terms(text)
    consulted, list_jurisdiction = [], None
    for level in _levels(jurisdiction):
        consulted.append(level)
        list_size = _list_of(level, day).count()
        if not list_size:
            continue  # no list at this level: the level above decides
        list_jurisdiction = level
        if not terms:
            break
        proposals = _proposals(_score(_candidates(level, terms, day), terms, list_size))
        if proposals:
            return Routing(jurisdiction, level, terms, proposals, consulted)
    return Routing(jurisdiction, list_jurisdiction, terms, [], consulted)


def record_of(routing: Routing) -> dict:
    """What `routing` proposed, by ids, to keep on the problem (`Problem.routing_record`) and read back later."""
    return {
        "list": routing.list_jurisdiction.pk if routing.list_jurisdiction is not None else None,
        "terms": routing.terms,
        "consulted": [level.pk for level in routing.consulted],
        "proposals": [
            {
                "department": proposal.department.pk,
                "score": proposal.score,
                "duties": [{"duty": m.duty.pk, "terms": m.terms, "score": m.score} for m in proposal.duties],
            }
            for proposal in routing.proposals
        ],
    }


def read_back(jurisdiction, record: dict) -> Routing:
    """The routing `record_of` kept, with its departments and duties as they are now, in three queries at most.

    `jurisdiction` comes with the levels above it (a problem's `with_places()`): the list's level is one of them.
    """
    levels = {level.pk: level for level in _levels(jurisdiction)}
    proposals = record["proposals"]
    department_ids = [proposal["department"] for proposal in proposals]
    duty_ids = [match["duty"] for proposal in proposals for match in proposal["duties"]]
    departments = Department.objects.select_related("jurisdiction").in_bulk(department_ids) if proposals else {}
    duties = _with_leads(DutyItem.objects.filter(pk__in=duty_ids)).in_bulk() if duty_ids else {}
    read = [
        Proposal(
            departments[proposal["department"]],
            proposal["score"],
            [DutyMatch(duties[m["duty"]], m["terms"], m["score"]) for m in proposal["duties"] if m["duty"] in duties],
        )
        for proposal in proposals
        if proposal["department"] in departments
    ]
    consulted = [levels[code] for code in record["consulted"] if code in levels]
    return Routing(jurisdiction, levels.get(record["list"]), record["terms"], read, consulted)
