"""The supervision problem list (督察问题清单) as a spreadsheet: read it, preview it with every error by row and
column, then enter each row as a problem in one transaction (problems.services.problem_enter_inspection).

Columns (CSV UTF-8 or XLSX, first sheet): 行政区划代码, 具体地点, 问题类别, 问题描述, 督察批次, 发现日期.
A category is its name as the form shows it (大气, 水 … or the code `air`, `water` …); a day is YYYY-MM-DD.
Confirming the same file twice enters its problems once: each row's form token derives from the file's digest.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from duties.days import parse_day
from duties.models import Jurisdiction
from duties.spreadsheet import FileError, RowError, read_table
from problems import permissions
from problems.models import Problem
from problems.services import problem_enter_inspection

CODE, PLACE, CATEGORY, DESCRIPTION, INSPECTION, OBSERVED = (
    "行政区划代码",
    "具体地点",
    "问题类别",
    "问题描述",
    "督察批次",
    "发现日期",
)
COLUMNS = [CODE, PLACE, CATEGORY, DESCRIPTION, INSPECTION, OBSERVED]
REQUIRED = [CODE, PLACE, CATEGORY, DESCRIPTION, INSPECTION]
PREVIEW_SECONDS = 3600


def _category(value: str) -> str | None:
    value = value.strip()
    for code, label in Problem.Category.choices:
        if value in (code, str(label), str(label).split("（")[0]):
            return code
    return None


@dataclass(frozen=True)
class InspectionRow:
    row: int
    jurisdiction: Jurisdiction
    place: str
    category: str
    description: str
    inspection: str
    observed_on: datetime.date | None


@dataclass
class InspectionPreview:
    digest: str
    rows: list[InspectionRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def can_confirm(self) -> bool:
        return bool(self.rows) and not self.errors


def _read_row(number, cells, province, errors) -> InspectionRow | None:
    before = len(errors)
    for column in REQUIRED:
        if not cells.get(column, "").strip():
            errors.append(RowError(number, column, _("不能为空。")))
    jurisdiction = None
    code = cells.get(CODE, "").strip()
    if code:
        jurisdiction = Jurisdiction.objects.filter(code=code, code__startswith=province.code[:2]).first()
        if jurisdiction is None:
            errors.append(
                RowError(
                    number, CODE, _("“%(code)s”不是%(province)s的行政区。") % {"code": code, "province": province.name}
                )
            )
    category = _category(cells.get(CATEGORY, ""))
    if cells.get(CATEGORY, "").strip() and category is None:
        errors.append(RowError(number, CATEGORY, _("“%(value)s”不是问题类别。") % {"value": cells[CATEGORY][:20]}))
    observed = None
    if cells.get(OBSERVED, "").strip():
        try:
            observed = parse_day(cells[OBSERVED])
        except ValueError as error:
            errors.append(RowError(number, OBSERVED, str(error)))
    if len(errors) > before:
        return None
    return InspectionRow(
        number,
        jurisdiction,
        cells[PLACE].strip(),
        category,
        cells[DESCRIPTION].strip(),
        cells[INSPECTION].strip(),
        observed,
    )


def inspection_preview(data: bytes, province) -> InspectionPreview:
    """Read the file and check every row; keep it for an hour so that confirming reads exactly this file."""
    preview = InspectionPreview(digest=hashlib.sha256(data).hexdigest())
    try:
        table = read_table(data)
    except FileError as error:
        preview.errors.append(error.error)
        return preview
    header = [cell.strip() for cell in table[0]] if table else []
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        preview.errors.append(RowError(1, "", _("缺少列：%(columns)s。") % {"columns": "、".join(missing)}))
        return preview
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row = _read_row(number, dict(zip(header, cells, strict=False)), province, preview.errors)
        if row is not None:
            preview.rows.append(row)
    if not preview.rows and not preview.errors:
        preview.errors.append(RowError(0, "", _("文件中没有问题。")))
    cache.set(f"problems:inspection-import:{preview.digest}", data, PREVIEW_SECONDS)
    return preview


@transaction.atomic
def inspection_import(*, user, province, digest: str) -> list[Problem]:
    """Enter every row of the previewed file as a problem; nothing if any row has an error."""
    if not permissions.can_enter_inspection(user, province):
        raise ValidationError(_("您没有权限导入该省的督察问题。"))
    data = cache.get(f"problems:inspection-import:{digest}")
    if data is None:
        raise ValidationError(_("预览已过期，请重新上传文件。"))
    preview = inspection_preview(data, province)
    if not preview.can_confirm:
        raise ValidationError([str(error) for error in preview.errors])
    return [
        problem_enter_inspection(
            user=user,
            jurisdiction=row.jurisdiction,
            place=row.place,
            category=row.category,
            description=row.description,
            inspection=row.inspection,
            observed_on=row.observed_on,
            submit_token=f"inspection-{digest[:40]}-{row.row}",
        )
        for row in preview.rows
    ]
