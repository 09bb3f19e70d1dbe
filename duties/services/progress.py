"""Long services (a list import of 20,000 rows) report how far they are: each is written as steps.

A service's steps are a generator that yields `(stage, done, total)` as it goes and returns its result, so
that the admin can stream each step to the editor's page as it happens (in the request's own thread and
transaction: closing the page rolls the publish back) and the command can print it; the plain service runs
the steps and hands each to a callback.
"""

from collections.abc import Callable, Generator
from typing import TypeVar

Result = TypeVar("Result")
Event = tuple[str, int, int]  # stage, done, total
Steps = Generator[Event, None, Result]
Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    """Report nothing."""


def run(steps: Steps, progress: Progress = no_progress) -> Result:
    """Run a service's steps to the end, handing each to `progress`; return the service's result."""
    while True:
        try:
            event = next(steps)
        except StopIteration as stop:
            return stop.value
        progress(*event)
