"""The reporter's private page shows the lead departments the lists proposed when the problem was filed, kept on
the problem and read back: the same proposals as routing them anew, in a fixed number of queries, without routing
on every view."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from problems import routing, selectors
from problems.models import Problem
from tests.problems.factories import DUST, file_problem

pytestmark = pytest.mark.django_db
ROAD_DUST = "渣土车在城区道路上抛洒，道路扬尘严重。"
NO_MATCH = "天空颜色很奇怪。"


def proposals_html(routing_result):
    return render_to_string("problems/includes/proposals.html", {"routing": routing_result})


@pytest.mark.parametrize("description", [None, ROAD_DUST, NO_MATCH])
def test_the_kept_proposals_read_back_as_routing_anew_gives_them(county, description):
    filed = file_problem(county, **({"description": description} if description else {}))
    problem = selectors.problem_by_key(filed.access_key)
    assert problem.routing_record is not None
    anew = routing.route(problem.jurisdiction, problem.description)
    kept = routing.read_back(problem.jurisdiction, problem.routing_record)
    assert proposals_html(kept) == proposals_html(anew)
    assert (kept.walked_up, kept.terms, [p.score for p in kept.proposals]) == (
        anew.walked_up,
        anew.terms,
        [p.score for p in anew.proposals],
    )


def test_the_private_page_shows_the_proposal_with_its_duty_without_routing_again(client, county, monkeypatch):
    filed = file_problem(county)
    anew = proposals_html(routing.route(filed.problem.jurisdiction, filed.problem.description))
    assert "江西省住房和城乡建设厅" in anew

    def no_routing(*args, **kwargs):
        raise AssertionError("the private page routed the problem again")

    monkeypatch.setattr(routing, "route", no_routing)
    html = client.get(f"/problems/track/{filed.access_key}/").content.decode()
    assert anew.strip() in html


def track_queries(client, key):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/problems/track/{key}/").status_code == 200
    return len(captured.captured_queries)


def test_the_private_page_runs_a_fixed_number_of_queries(client, county):
    dust, road, none = (file_problem(county, description=text) for text in (DUST, ROAD_DUST, NO_MATCH))
    counts = {name: track_queries(client, filed.access_key) for name, filed in (("dust", dust), ("road", road))}
    # The problem with its steps, then its proposed departments and their duties with their leads.
    assert counts == {"dust": 5, "road": 5}
    assert track_queries(client, none.access_key) <= 5


def test_a_problem_filed_before_proposals_were_kept_is_routed_on_its_page(client, county):
    filed = file_problem(county)
    Problem.objects.filter(pk=filed.problem.pk).update(routing_record=None)
    assert "江西省住房和城乡建设厅" in client.get(f"/problems/track/{filed.access_key}/").content.decode()
