"""The lists' workspace pages: what each shows, a file's errors by row, and queries that do not grow with the rows."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from duties.spreadsheet import list_rows, write_csv
from listdrafts import services
from listdrafts.models import ListDraft
from reports.rules import today_in_china
from tests import factories

pytestmark = pytest.mark.django_db


def queries(client, url, method="get", data=None, status=200):
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    assert response.status_code == status, (url, response.content[:2000])
    return len(captured.captured_queries)


def add_rows(draft, user, count):
    for number in range(count):
        services.draft_row_save(
            draft=draft,
            user=user,
            expected_version=ListDraft.objects.get(pk=draft.pk).version,
            values=services.RowInput(
                number=f"新{number}", text=f"负责新增的第 {number} 项工作。", lead=draft.department.short_name
            ),
        )


def test_the_workspace_pages_run_a_fixed_number_of_queries_whatever_the_rows(
    client, department, other_department, office
):
    """One department's list with 16 rows, another's with 21 more than its own: each page, and each step (whose
    edition adds rows in both), runs as many queries (the content types' cache emptied before each)."""
    counts = {}
    for measured, extra in ((department, 1), (other_department, 21)):
        editor, approver = factories.make_editor(measured), factories.make_approver(measured)
        draft = factories.prepare_list(measured, editor, office, until="draft")
        add_rows(draft, editor, extra)
        draft.refresh_from_db()
        url = draft.get_absolute_url()
        client.force_login(editor)
        counts.setdefault("detail (writing)", []).append(queries(client, url))
        counts.setdefault("row form", []).append(queries(client, f"{url}rows/{draft.rows.first().pk}/"))
        counts.setdefault("list (measured)", []).append(queries(client, "/workspace/lists/"))
        submit = {"version": draft.version, "comment": ""}
        counts.setdefault("submit", []).append(queries(client, f"{url}submit/", "post", submit, 302))
        client.force_login(office)
        counts.setdefault("detail (office)", []).append(queries(client, url))
        counts.setdefault("list (office)", []).append(queries(client, "/workspace/lists/"))
        review = {"action": "approve", "comment": "同意。"}
        counts.setdefault("review", []).append(queries(client, f"{url}review/", "post", review, 302))
        client.force_login(approver)
        counts.setdefault("detail (approval)", []).append(queries(client, url))
        approval = {"approval_title": "批复", "approval_doc_number": "", "approved_on": f"{today_in_china():%Y-%m-%d}"}
        counts.setdefault("approval", []).append(queries(client, f"{url}approval/", "post", approval, 302))
        counts.setdefault("detail (publishing)", []).append(queries(client, url))
        counts.setdefault("publish", []).append(queries(client, f"{url}publish/", "post", {}, 302))
        assert ListDraft.objects.get(pk=draft.pk).state == ListDraft.State.PUBLISHED
        client.logout()
        counts.setdefault("measured page", []).append(queries(client, measured.get_absolute_url()))
    assert {name: len(set(values)) for name, values in counts.items()} == dict.fromkeys(counts, 1), counts
    assert {name: values[0] for name, values in counts.items()} == {
        "detail (writing)": 16,  # the session and account, the draft with its rows, rounds and steps, the check
        "row form": 8,
        "list (measured)": 7,
        "submit": 29,  # the check again, the round, the step and its audit entry
        "detail (office)": 9,
        "list (office)": 6,
        "review": 27,
        "detail (approval)": 10,  # the decision documents to pick from
        "approval": 20,
        "detail (publishing)": 9,
        "publish": 48,  # the check, then the edition in bulk (duties.services.edition_publish)
        "measured page": 16,  # the department page's baseline (tests/url_count_baselines.py)
    }


def test_an_uploaded_file_with_errors_changes_nothing_and_names_its_rows(client, department, editor):
    draft = services.list_draft_create(user=editor, department=department)
    rows = list_rows(department.jurisdiction, department)
    rows[2]["牵头部门"] = "不存在的部门"
    client.force_login(editor)
    upload = {"version": draft.version, "file": _file(rows)}
    response = client.post(f"/workspace/lists/{draft.pk}/import/", upload)
    assert response.status_code == 400
    assert "第 4 行「牵头部门」：没有名为“不存在的部门”的部门" in response.content.decode()
    assert ListDraft.objects.get(pk=draft.pk).version == draft.version


def test_an_uploaded_file_replaces_the_rows(client, department, editor):
    draft = services.list_draft_create(user=editor, department=department)
    rows = list_rows(department.jurisdiction, department)[:3]
    rows[0]["事项内容"] = "按表格修订的表述。"
    client.force_login(editor)
    response = client.post(f"/workspace/lists/{draft.pk}/import/", {"version": draft.version, "file": _file(rows)})
    assert response.status_code == 302
    assert list(draft.rows.order_by("position").values_list("text", flat=True))[0] == "按表格修订的表述。"
    assert draft.rows.count() == 3
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "新增 0 项、修改 1 项、删去 12 项" in html


def test_the_detail_shows_each_rows_check_and_the_offices_comment(client, department, editor, office):
    draft = factories.prepare_list(department, editor, office, until="submitted")
    key = draft.rounds.get().rows[1]["key"]
    services.list_draft_return(draft=draft, user=office, comment="", row_comments={key: "请写明牵头处室。"})
    row = draft.rows.get(pk=key)
    services.draft_row_save(
        draft=draft,
        user=editor,
        expected_version=ListDraft.objects.get(pk=draft.pk).version,
        values=services.RowInput(number=row.number, text=row.text, lead="省某某厅"),
        row_id=row.pk,
    )
    client.force_login(editor)
    html = client.get(draft.get_absolute_url()).content.decode()
    assert "请写明牵头处室。" in html
    assert "没有名为“省某某厅”的部门" in html
    assert "退回修改" in html  # the round, kept in the history


def _file(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("list.csv", write_csv(rows), content_type="text/csv")


def test_the_tracker_page_and_api_show_a_list_in_review(client):
    from duties.models import Department

    ecology = Department.objects.select_related("jurisdiction").get(pk=500000001)
    editor = factories.make_editor(ecology)
    draft = services.list_draft_create(user=editor, department=ecology)
    values = services.RowInput(number="1", text="负责全市生态环境统一监督管理。", lead="重庆市生态环境局")
    services.draft_row_save(draft=draft, user=editor, expected_version=draft.version, values=values)
    services.list_draft_submit(draft=draft, user=editor, expected_version=draft.version + 1)
    rows = client.get("/api/v1/list-publication/", {"province": "chongqing"}).json()["results"]
    assert next(row["status"] for row in rows if row["department"]["id"] == ecology.pk) == "in_review"
    html = client.get("/chongqing/").content.decode()
    assert '<span class="status status--in_review">审核中</span>' in html
