"""Accounts, reports, editions and city and county lists the duty-list fixtures do not give: made through the
services."""

import dataclasses
import datetime
import itertools

from django.contrib.auth import get_user_model

from duties import search_index, selectors
from duties import services as duty_services
from duties.models import Department, DutyItem, Jurisdiction, Sector
from reports import services
from reports.models import Membership, Report

_serial = itertools.count(1)
PASSWORD = "correct-horse-battery-staple-17"


def make_user(*, role=None, department=None, province=None, superuser=False, username=None):
    """An active account, with a membership when `role` is given."""
    user_model = get_user_model()
    username = username or f"user{next(_serial)}"
    if superuser:
        user = user_model.objects.create_superuser(username=username, password=PASSWORD)
    else:
        user = user_model.objects.create_user(username=username, password=PASSWORD)
    if role is not None:
        Membership.objects.create(user=user, role=role, department=department, province=province)
    return user


def make_editor(department, **kwargs):
    return make_user(role=Membership.Role.EDITOR, department=department, **kwargs)


def make_approver(department, **kwargs):
    return make_user(role=Membership.Role.APPROVER, department=department, **kwargs)


def make_supervisor(province, **kwargs):
    return make_user(role=Membership.Role.SUPERVISOR, province=province, **kwargs)


def save_draft(report, user, *, overall="全年履职情况良好。", status="done", progress="已完成。", **changes):
    """Save `report` as a draft with every entry set to `status`."""
    report = Report.objects.get(pk=report.pk)
    entries = {
        entry.pk: services.EntryInput(status=status, progress=progress, figures="", evidence_links="")
        for entry in report.entries.all()
    }
    sections = {section.pk: changes.get("section_body", "专项工作推进顺利。") for section in report.sections.all()}
    return services.report_draft_save(
        report=report, user=user, expected_version=report.version, overall=overall, entries=entries, sections=sections
    )


def make_filed_report(department, year, approver, *, publish=False):
    """A report submitted (and optionally published) by `approver`."""
    report = services.report_create(user=approver, department=department, year=year)
    report = save_draft(report, approver)
    report = services.report_submit(report=report, user=approver, expected_version=report.version)
    if publish:
        report = services.report_publish(report=report, user=approver)
    return report


# A city's or county's departments, in the order they join: sector, name after the jurisdiction's, slug.
LOCAL_DEPARTMENTS = [
    ("water-resources", "水务局", "shui-wu-ju"),
    ("housing-construction", "住房和城乡建设局", "zhu-jian-ju"),
    ("natural-resources", "自然资源局", "zi-ran-zi-yuan-ju"),
    ("agriculture-rural", "农业农村局", "nong-ye-nong-cun-ju"),
    ("transport", "交通运输局", "jiao-tong-yun-shu-ju"),
    ("industry-it", "工业和信息化局", "gong-ye-he-xin-xi-hua-ju"),
    ("development-reform", "发展和改革委员会", "fa-zhan-gai-ge-wei"),
    ("finance", "财政局", "cai-zheng-ju"),
    ("public-security", "公安局", "gong-an-ju"),
    ("market-regulation", "市场监督管理局", "shi-chang-jian-guan-ju"),
    ("emergency-management", "应急管理局", "ying-ji-guan-li-ju"),
    ("forestry", "林业局", "lin-ye-ju"),
    ("urban-management", "城市管理局", "cheng-shi-guan-li-ju"),
    ("commerce", "商务局", "shang-wu-ju"),
    ("education", "教育局", "jiao-yu-ju"),
    ("audit", "审计局", "shen-ji-ju"),
    ("justice", "司法局", "si-fa-ju"),
    ("energy", "能源局", "neng-yuan-ju"),
    ("ecology-environment", "生态环境局", "sheng-tai-huan-jing-ju"),
    ("government-affairs", "机关事务管理局", "ji-guan-shi-wu-guan-li-ju"),
]
JIANGXI_WATER_RESOURCES = 360000010  # 江西省水利厅: cooperates on every local duty made here


def make_local_lists(size: int, *, effective_on: datetime.date):
    """南昌市 (360100) and its 东湖区 (360102), each with `size` departments and `size` duties in force.

    Called again with a larger size, it adds departments and publishes one more edition of each list with
    the new duties and the first one reworded. Duty i is led by the jurisdiction's 水务局, co-led by its i-th
    department, and the province's 水利厅 cooperates on it: every list, search and department page reaches them.
    """
    city, _ = Jurisdiction.objects.get_or_create(
        code="360100",
        defaults={
            "name": "南昌市",
            "short_name": "南昌",
            "slug": "nanchang",
            "level": "prefecture",
            "kind": "city",
            "parent_id": "360000",
        },
    )
    county, _ = Jurisdiction.objects.get_or_create(
        code="360102",
        defaults={
            "name": "东湖区",
            "short_name": "东湖",
            "slug": "donghu",
            "level": "county",
            "kind": "district",
            "parent": city,
        },
    )
    for jurisdiction in (city, county):
        departments = _local_departments(jurisdiction, size)
        _publish_local_list(jurisdiction, departments, size, effective_on)
    return city, county


def _local_departments(jurisdiction, size):
    departments = list(jurisdiction.departments.order_by("position"))
    for position, (sector, name, slug) in enumerate(LOCAL_DEPARTMENTS[len(departments) : size], start=len(departments)):
        department = Department.objects.create(
            jurisdiction=jurisdiction,
            name=f"{jurisdiction.name}{name}",
            short_name=f"{jurisdiction.short_name}{name.removesuffix('委员会')}",
            sector=Sector.objects.get(code=sector),
            slug=slug,
            position=position,
        )
        search_index.reindex_department(department)
        departments.append(department)
    return departments


def _publish_local_list(jurisdiction, departments, size, effective_on):
    in_force = list(DutyItem.objects.current().filter(document__jurisdiction=jurisdiction).order_by("position", "pk"))
    # The duties in force stay, the first reworded: the edition adds, changes and keeps duties.
    drafts = [
        duty_services.DutyDraft(
            duty.lineage,
            duty.number,
            f"{duty.text.removesuffix('。')}，含水生态修复。" if row == 1 else duty.text,
            duty_services.roles_of(duty),
            row,
        )
        for row, duty in enumerate(in_force, start=1)
    ]
    for row in range(len(in_force) + 1, size + 1):
        roles = [duty_services.RoleDraft("lead", departments[0].pk, departments[0].short_name)]
        if row > 1:
            roles.append(duty_services.RoleDraft("co-lead", departments[row - 1].pk, departments[row - 1].short_name))
        roles.append(duty_services.RoleDraft("cooperating", JIANGXI_WATER_RESOURCES, "省水利厅"))
        text = f"负责{jurisdiction.name}第{row}片区的水资源保护和河湖管理工作。"
        drafts.append(duty_services.DutyDraft(None, str(row), text, tuple(roles), row))
    plan = duty_services.edition_plan(
        jurisdiction=jurisdiction, department=None, effective_on=effective_on, drafts=drafts
    )
    duty_services.edition_publish(
        plan=plan,
        basis=f"{jurisdiction.name}生态环境保护具体事项清单（{effective_on:%Y}年）",
        file_name=f"{jurisdiction.slug}-{effective_on:%Y}.csv",
        file_sha256=f"{size:064d}",
    )


def make_edition(department, effective_on, *, basis="赣环委办〔2025〕7号", drop_last=False):
    """An edition of `department`'s list from `effective_on` that rewords its first duty (and removes its last)."""
    versions = selectors.list_versions(department.jurisdiction, department).as_of(effective_on)
    drafts = [
        duty_services.DutyDraft(
            lineage=duty.lineage, number=duty.number, text=duty.text, roles=duty_services.roles_of(duty), row=row
        )
        for row, duty in enumerate(versions.order_by("document", "position"), start=2)
    ]
    drafts[0] = dataclasses.replace(drafts[0], text=f"{drafts[0].text}（修订）")
    if drop_last:
        drafts.pop()
    plan = duty_services.edition_plan(
        jurisdiction=department.jurisdiction, department=department, effective_on=effective_on, drafts=drafts
    )
    return duty_services.edition_publish(plan=plan, basis=basis, file_name="list.csv", file_sha256="0" * 64)


def make_office(jurisdiction, **kwargs):
    """An account that is `jurisdiction`'s committee office (plans are filed with it, problems assigned by it)."""
    from duties.models import CommitteeOffice

    user = make_user(**kwargs)
    CommitteeOffice.objects.create(user=user, jurisdiction=jurisdiction)
    return user


def fill_plan(plan, user, *, goal="全年完成清单所列任务。", unit="大气环境处", person="张三", **overrides):
    """Save `plan` with an overall goal and every entry's goal and responsible unit filled."""
    import datetime

    from plans import services as plan_services
    from plans.models import AnnualPlan

    plan = AnnualPlan.objects.get(pk=plan.pk)
    entries = {
        entry.pk: plan_services.PlanEntryInput(
            goal=overrides.get("entry_goal", f"完成第 {entry.position} 项。"),
            key_tasks=overrides.get("key_tasks", "制定实施细则；季度调度。"),
            measures="专班推进。",
            responsible_unit=unit,
            responsible_person=person,
            planned_completion=datetime.date(plan.year, 12, 31),
        )
        for entry in plan.entries.all()
    }
    return plan_services.plan_draft_save(
        plan=plan, user=user, expected_version=plan.version, overall_goal=goal, entries=entries
    )


def make_filed_plan(department, year, approver, office, *, publish=False):
    """A plan submitted by `approver` and acknowledged by `office` (and optionally published)."""
    from plans import services as plan_services

    plan = plan_services.plan_create(user=approver, department=department, year=year)
    plan = fill_plan(plan, approver)
    plan = plan_services.plan_submit(plan=plan, user=approver, expected_version=plan.version)
    plan = plan_services.plan_acknowledge(plan=plan, user=office)
    if publish:
        plan = plan_services.plan_publish(plan=plan, user=approver)
    return plan


def prepare_list(department, editor, office, approver=None, *, until="published", reword="（修订）"):
    """A draft of `department`'s list with its first row reworded, taken through the steps up to `until`:
    "draft", "submitted", "reviewed", "approved" or "published" (the last needs `approver`)."""
    import datetime

    from listdrafts import services as list_services

    draft = list_services.list_draft_create(user=editor, department=department)
    first = draft.rows.order_by("position").first()
    if first is not None:
        values = list_services.RowInput(
            **{field: getattr(first, field) for field in dataclasses.asdict(list_services.RowInput())}
        )
        values = dataclasses.replace(values, text=f"{first.text}{reword}")
        list_services.draft_row_save(
            draft=draft, user=editor, expected_version=draft.version, values=values, row_id=first.pk
        )
        draft.refresh_from_db()
    steps = ["draft", "submitted", "reviewed", "approved", "published"]
    if steps.index(until) >= 1:
        draft = list_services.list_draft_submit(draft=draft, user=editor, expected_version=draft.version)
    if steps.index(until) >= 2:
        draft = list_services.list_draft_approve(draft=draft, user=office)
    if steps.index(until) >= 3:
        draft = list_services.list_draft_approval_record(
            draft=draft,
            user=approver or office,
            approved_on=datetime.date.today(),
            title=f"关于{department.name}生态环境保护具体事项清单的批复",
            doc_number="赣办字〔2026〕12号",
            issued_on=datetime.date.today(),
        )
    if steps.index(until) >= 4:
        draft = list_services.list_draft_publish(draft=draft, user=approver)
    return draft
