"""A department's contact data (entered by the department or an admin, never invented, omitted where unknown)
and 我要纠错: a reader's correction reaches the department and its office, who answer it; the reader follows it
with a private link; nobody else sees it or the reader's e-mail."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from contact import selectors, services
from contact.models import CorrectionRequest
from duties.selectors import duties_for_department
from tests import factories

pytestmark = pytest.mark.django_db

READER_EMAIL = "reader-private@example.com"


def correction_form(client, department, **fields):
    page = client.get(f"/departments/{department.pk}/corrections/new/")
    assert page.status_code == 200
    data = {"submit_token": page.context["form"]["submit_token"].value(), "text": "第 3 项的牵头部门写错了。"}
    if "captcha" in page.context["form"].fields:
        data.update({"captcha_0": "x", "captcha_1": "PASSED"})
    return {**data, **fields}


def test_the_department_page_says_when_no_contact_is_known_and_offers_a_correction(client, department):
    html = client.get(department.get_absolute_url()).content.decode()
    assert "本部门尚未在平台登记联系方式。" in html
    assert f"/departments/{department.pk}/corrections/new/" in html
    assert "联系电话" not in html


def test_the_department_enters_its_contact_and_the_page_shows_only_what_is_filled(client, department, editor):
    client.force_login(editor)
    response = client.post(
        f"/workspace/departments/{department.pk}/contact/",
        {"address": "南昌市红谷滩区卧龙路 999 号", "phone": "0791-86866000", "website": "", "office_hours": ""},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(department.get_absolute_url()).content.decode()
    assert "南昌市红谷滩区卧龙路 999 号" in html and 'href="tel:0791-86866000"' in html
    assert "以上由本部门于" in html and "网站</dt>" not in html and "办公时间" not in html


def test_a_bad_website_is_a_field_error_and_keeps_what_was_typed(client, department, editor):
    client.force_login(editor)
    response = client.post(
        f"/workspace/departments/{department.pk}/contact/", {"address": "卧龙路 999 号", "website": "javascript:x"}
    )
    assert response.status_code == 400 and "website" in response.context["form"].errors
    assert "卧龙路 999 号" in response.content.decode() and selectors.contact_of(department) is None


def test_only_the_department_s_staff_and_admins_edit_its_contact(
    client, department, other_approver, supervisor, office, site_admin
):
    for user in (other_approver, supervisor, office):
        client.force_login(user)
        assert client.get(f"/workspace/departments/{department.pk}/contact/").status_code == 403
        with pytest.raises(PermissionDenied):
            services.contact_save(user=user, department=department, phone="1")
    client.logout()
    assert client.get(f"/workspace/departments/{department.pk}/contact/").status_code == 302  # to sign in
    contact = services.contact_save(user=site_admin, department=department, phone="0791-1")
    assert contact.get_entered_as_display() == "平台管理员"


def test_a_reader_sends_a_correction_once_and_the_department_and_office_are_told(
    client, department, editor, office, django_capture_on_commit_callbacks
):
    editor.email = "editor@example.gov.cn"
    editor.save()
    duty = duties_for_department(department).first()
    data = correction_form(client, department, duty=duty.pk, reporter_email=READER_EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(f"/departments/{department.pk}/corrections/new/", data)
        again = client.post(f"/departments/{department.pk}/corrections/new/", data)  # a double click
    assert first.status_code == again.status_code == 302 and first["Location"] == again["Location"]
    correction = CorrectionRequest.objects.get()
    assert correction.duty == duty and correction.status == "received"
    assert [sorted(message.to) for message in mail.outbox] == [["editor@example.gov.cn", "office@example.gov.cn"]]
    track = client.get(first["Location"]).content.decode()
    assert correction.number in track and "已收到，待处理" in track and "noindex" in track


def test_the_office_answers_and_the_reader_sees_it_and_is_told(
    client, department, office, django_capture_on_commit_callbacks
):
    sent = services.correction_send(
        department=department,
        text="联系电话有误。",
        submit_token=services.new_submit_token(),
        reporter_email=READER_EMAIL,
    )
    mail.outbox.clear()
    handler = Client()
    handler.force_login(office)
    assert handler.get("/workspace/corrections/").content.decode().count(sent.correction.number) == 1
    empty = handler.post(sent.correction.get_workspace_url(), {"decision": "accepted", "response": ""})
    assert empty.status_code == 400 and "response" in empty.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        handler.post(sent.correction.get_workspace_url(), {"decision": "accepted", "response": "已更正，谢谢。"})
    assert CorrectionRequest.objects.get().status == "accepted"
    assert [message.to for message in mail.outbox] == [[READER_EMAIL]]
    assert "已更正，谢谢。" in client.get(f"/corrections/track/{sent.access_key}/").content.decode()
    with pytest.raises(ValidationError):  # answered once
        services.correction_answer(correction=sent.correction, user=office, accepted=False, response="再答")


def test_nobody_else_reads_or_answers_a_correction(
    client, department, other_approver, other_supervisor, supervisor, approver
):
    sent = services.correction_send(
        department=department, text="有误。", submit_token=services.new_submit_token(), reporter_email=READER_EMAIL
    )
    henan_office = factories.make_office(other_supervisor.membership.province)
    for user in (other_approver, henan_office, supervisor):
        client.force_login(user)
        assert client.get(sent.correction.get_workspace_url()).status_code == 404
        assert sent.correction.number not in client.get("/workspace/corrections/").content.decode()
        with pytest.raises(PermissionDenied):
            services.correction_answer(correction=sent.correction, user=user, accepted=True, response="x")
    client.force_login(approver)
    assert READER_EMAIL in client.get(sent.correction.get_workspace_url()).content.decode()
    client.logout()
    assert client.get("/corrections/track/not-the-key/").status_code == 404
    for path in (department.get_absolute_url(), f"/corrections/track/{sent.access_key}/"):
        assert READER_EMAIL not in client.get(path).content.decode()


def test_a_duty_of_another_department_and_an_empty_text_are_refused(department, other_department):
    foreign = duties_for_department(other_department).first()
    with pytest.raises(ValidationError) as error:
        services.correction_send(
            department=department, duty=foreign, text="x", submit_token=services.new_submit_token()
        )
    assert "duty" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.correction_send(department=department, text="  ", submit_token=services.new_submit_token())
    assert "text" in error.value.message_dict and not CorrectionRequest.objects.exists()


def test_an_overlong_correction_is_an_error_not_cut_and_the_text_is_kept(client, department):
    data = correction_form(client, department, text="误" * 2001)
    response = client.post(f"/departments/{department.pk}/corrections/new/", data)
    assert response.status_code == 400 and "text" in response.context["form"].errors
    assert "误" * 2001 in response.content.decode() and not CorrectionRequest.objects.exists()


def test_every_page_reads_a_fixed_number_of_queries(client, department, other_department, office, editor):
    """The reader's form and link, the handlers' list and answer page and the contact form: the same counts
    with one correction as with four, and with a contact entered as without."""

    def count(user, path):
        client.logout()
        if user is not None:
            client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        return len(captured.captured_queries)

    def counts(sent):
        return {
            "new": count(None, f"/departments/{department.pk}/corrections/new/"),
            "track": count(None, f"/corrections/track/{sent.access_key}/"),
            "list": count(office, "/workspace/corrections/"),
            "work": count(office, sent.correction.get_workspace_url()),
            "contact": count(editor, f"/workspace/departments/{department.pk}/contact/"),
        }

    duty = duties_for_department(department).first()
    sent = services.correction_send(
        department=department, duty=duty, text="一", submit_token=services.new_submit_token()
    )
    one = counts(sent)
    for target in (department, other_department, other_department):
        services.correction_send(department=target, text="二", submit_token=services.new_submit_token())
    services.contact_save(user=editor, department=department, phone="0791-1")
    assert counts(sent) == one
    assert max(one.values()) <= 12, one


def test_a_mail_server_down_loses_no_correction_and_logs_no_address(
    client, department, office, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    import mailing

    def down(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(mailing, "send_mail", down)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.correction_send(
            department=department, text="有误。", submit_token=services.new_submit_token(), reporter_email=READER_EMAIL
        )
    assert CorrectionRequest.objects.filter(pk=sent.correction.pk).exists()
    assert f"correction {sent.correction.number}: notification failed" in caplog.text
    assert "office@example.gov.cn" not in caplog.text and READER_EMAIL not in caplog.text
