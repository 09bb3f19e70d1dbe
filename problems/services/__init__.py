"""Every write of a problem, by subject: filing and the reporter's link (reporting), the handling loop
(handling), consultation. Each checks who asks (problems.permissions) and the problem's state inside one
transaction, takes a row lock so that a repeated click takes a step once, and writes the timeline step and
its audit entry."""

from problems.services.consultation import consultation_decide, consultation_open, opinion_record
from problems.services.handling import (
    problem_accept,
    problem_assign,
    problem_close,
    problem_extend,
    problem_finish,
    problem_progress,
    problem_rectify,
    problem_reopen,
    problem_return,
)
from problems.services.reporting import (
    Filed,
    access_key_for,
    filed_with,
    key_opens,
    new_submit_token,
    problem_add_information,
    problem_decline,
    problem_enter_inspection,
    problem_publish,
    problem_submit,
    problem_withdraw,
)

__all__ = [
    "Filed",
    "access_key_for",
    "consultation_decide",
    "consultation_open",
    "filed_with",
    "key_opens",
    "new_submit_token",
    "opinion_record",
    "problem_accept",
    "problem_add_information",
    "problem_assign",
    "problem_close",
    "problem_decline",
    "problem_enter_inspection",
    "problem_extend",
    "problem_finish",
    "problem_progress",
    "problem_publish",
    "problem_rectify",
    "problem_reopen",
    "problem_return",
    "problem_submit",
    "problem_withdraw",
]
