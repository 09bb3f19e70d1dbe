"""The plan's form states its limits, counts them as one types and refuses a longer text with an error."""

import pytest

from tests.reports.test_text_limits import described_ids_all_exist

pytestmark = pytest.mark.django_db


def test_the_plan_form_states_and_enforces_its_limits(client, editor, plan):
    client.force_login(editor)
    url = plan.get_workspace_url()
    page = client.get(url).content.decode()
    assert "最多 20,000 字。" in page and "maxlength" not in page.split('id="plan-form"')[1].split("</form>")[0]
    response = client.post(url, {"version": plan.version, "overall_goal": "目" * 20_001})
    assert response.status_code == 400
    assert "现在是 20,001 字" in response.content.decode()
    assert described_ids_all_exist(response.content.decode()) == []
