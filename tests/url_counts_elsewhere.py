"""Routes whose fixed query counts a test of their own app asserts (tests/test_url_query_counts.py reads it)."""

# Routes whose fixed query counts a test of their own app asserts, with the data those pages need (plans
# filed for record, county governments' disclosures): the named module must hold such a test.
COUNTED_ELSEWHERE = {
    "plans:workspace": "tests/plans/test_views.py",
    "plans:plan_create": "tests/plans/test_views.py",
    "plans:plan_detail": "tests/plans/test_views.py",
    "plans:plan_decision": "tests/plans/test_views.py",
    "plans:plan_publish": "tests/plans/test_views.py",
    "plans:plan_revise": "tests/plans/test_views.py",
    "plans:public_detail": "tests/plans/test_views.py",
    "disclosures:workspace": "tests/disclosures/test_board.py",
    "disclosures:open": "tests/disclosures/test_board.py",
    "disclosures:edit": "tests/disclosures/test_board.py",
    "disclosures:attachment": "tests/disclosures/test_board.py",
    "disclosures:public_detail": "tests/disclosures/test_board.py",
    "disclosures:board": "tests/disclosures/test_board.py",
    "calendars:year_at_a_glance": "tests/calendars/test_year_at_a_glance.py",
    # Problems (filed, routed, handled): their pages and endpoints with 1 and 5 problems.
    "routing": "tests/problems/test_query_counts.py",
    "problem-list": "tests/problems/test_query_counts.py",
    "problem-detail": "tests/problems/test_query_counts.py",
    "open311:services": "tests/problems/test_query_counts.py",
    "open311:service": "tests/problems/test_query_counts.py",
    "open311:requests": "tests/problems/test_query_counts.py",
    "open311:request": "tests/problems/test_query_counts.py",
    "problems:list": "tests/problems/test_query_counts.py",
    "problems:new": "tests/problems/test_query_counts.py",
    "problems:feed": "tests/problems/test_query_counts.py",
    "problems:track": "tests/problems/test_query_counts.py",
    "problems:photo": "tests/problems/test_query_counts.py",
    "problems:department": "tests/problems/test_query_counts.py",
    "problems:detail": "tests/problems/test_query_counts.py",
    "problems:workspace": "tests/problems/test_query_counts.py",
    "problems:board": "tests/problems/test_query_counts.py",
    "problems:inspections": "tests/problems/test_query_counts.py",
    "problems:work": "tests/problems/test_query_counts.py",
}
