"""Keep a problem's search columns current: only what its public page shows (never the reporter's words as
sent, the place or the contact)."""

from problems.models import Problem
from search import searchable_text


def problem_search_columns(problem: Problem) -> tuple[str, str]:
    if problem.published_at is None or problem.status == Problem.Status.WITHDRAWN:
        return "", ""
    department = problem.department
    title = searchable_text(problem.number, department.name if department else "")
    text = searchable_text(
        problem.public_text,
        problem.get_category_display(),
        problem.jurisdiction.name,
        department.short_name if department else "",
    )
    return title, f"{title} {text}".strip()


def reindex_problem(problem: Problem) -> None:
    title, text = problem_search_columns(problem)
    Problem.objects.filter(pk=problem.pk).update(search_title=title, search_text=text)
    problem.search_title, problem.search_text = title, text
