"""Problems (生态环境问题): reported by citizens, hotlines or inspections, routed by the duty lists to a lead
department, handled within the jurisdiction's time limits and closed by the committee office (发现—交办—整改—销号)."""

from problems.models.consultations import Consultation, Opinion
from problems.models.limits import TimeLimits
from problems.models.problems import Event, Photo, Problem, ProblemQuerySet, Reminder
from problems.models.roles import HandlingRole, HotlineKey

__all__ = [
    "Consultation",
    "Event",
    "HandlingRole",
    "HotlineKey",
    "Opinion",
    "Photo",
    "Problem",
    "ProblemQuerySet",
    "Reminder",
    "TimeLimits",
]
