from tests.plans.conftest import *  # noqa: F403 (the report and plan tests' people)
