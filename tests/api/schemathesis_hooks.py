"""schemathesis hooks for the API contract run (.ci/api-contract) and the suite's fuzz test.

- CSV answers are read as text, so that their schema (`type: string`) is checked like any other.
- A schema can say what a value looks like, not whether the record it names exists: a well-formed
  `department=7` or `province=atlantis` that names nothing is, rightly, a 400. So that "valid data is
  accepted" (positive_data_acceptance) tests what the API does with valid data, positive cases name
  records that exist: each generated reference (`department`, `province`, `sector`, a record's `{id}` …)
  is replaced by one from the database, picked by the generated value so that examples stay diverse
  and reproducible. Negative cases are left as generated. Unknown references have tests of their own
  (tests/api/test_parameters.py).
"""

import functools
import os
import zlib

import schemathesis

if "DJANGO_SETTINGS_MODULE" not in os.environ:  # the schemathesis command, outside pytest
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    django.setup()


@schemathesis.deserializer("text/csv")
def csv_text(ctx, response):
    return response.content.decode("utf-8")


@functools.cache
def known_values() -> dict[str, list]:
    """What exists, by the parameter that names it: query parameters, and `{id}`/`{code}` by resource."""
    from duties.models import Department, Document, DutyItem, Edition, Jurisdiction, Sector
    from reports import rules
    from reports.models import Report

    provinces = list(Jurisdiction.objects.provinces().order_by("code"))
    # A slug names a province in any case: JIANGXI and JiangXi are the same province as jiangxi.
    slugs = [name for p in provinces for name in (p.slug, p.slug.upper(), p.slug.capitalize())]
    jurisdictions = [*Jurisdiction.objects.order_by("code").values_list("code", flat=True), *slugs]
    departments = list(Department.objects.order_by("pk").values_list("pk", flat=True))
    return {
        "department": departments,
        "lead_department": departments,
        "document": list(Document.objects.order_by("pk").values_list("pk", flat=True)),
        "edition": list(Edition.objects.order_by("pk").values_list("pk", flat=True)),
        "sector": list(Sector.objects.order_by("code").values_list("code", flat=True)),
        "province": jurisdictions,
        "jurisdiction": jurisdictions,
        "compliance:province": [p.code for p in provinces if rules.annual_rule_for(p) is not None]
        + [p.slug for p in provinces if rules.annual_rule_for(p) is not None],
        "duties:id": list(DutyItem.objects.order_by("pk").values_list("pk", flat=True)),
        "departments:id": departments,
        "documents:id": list(Document.objects.order_by("pk").values_list("pk", flat=True)),
        "editions:id": list(Edition.objects.order_by("pk").values_list("pk", flat=True)),
        "reports:id": list(Report.objects.published().order_by("pk").values_list("pk", flat=True)),
        "provinces:code": [*(p.code for p in provinces), *slugs],
        "sectors:code": list(Sector.objects.order_by("code").values_list("code", flat=True)),
    }


def _existing(values: list, generated):
    """One of `values`, chosen by the generated value (the same value always gives the same record)."""
    return values[zlib.crc32(repr(generated).encode()) % len(values)]


def _is_positive(case, location: str) -> bool:
    meta = case.meta
    if meta is None:
        return False
    component = meta.components.get(location) if meta.components else None
    mode = component.mode if component is not None else meta.generation.mode
    return mode.is_positive


def _resource(path: str) -> str:
    """`duties` for /api/v1/duties/{id}/ and /api/v1/duties.csv."""
    return path.removeprefix("/api/v1/").split("/")[0].removesuffix(".csv")


@schemathesis.hook
def map_case(context, case):
    values, resource = known_values(), _resource(case.operation.path)
    if case.query and _is_positive(case, "query"):
        for name, generated in list(case.query.items()):
            options = values.get(f"{resource}:{name}", values.get(name))
            if options == []:
                del case.query[name]  # nothing of the kind exists: no value of it is valid
            elif options is not None:
                case.query[name] = _existing(options, generated)
        if resource == "calendar" and "department" in case.query and "province" in case.query:
            # A department's calendar is within its province: name the department's own province.
            from duties.models import Department, province_slug_of

            department = Department.objects.select_related("jurisdiction").get(pk=case.query["department"])
            case.query["province"] = province_slug_of(department.jurisdiction)
    if case.path_parameters and _is_positive(case, "path"):
        for name, generated in case.path_parameters.items():
            options = values.get(f"{resource}:{name}")
            # One generated record in four keeps its made-up id: the 404 of a well-formed id is tested too.
            if options and zlib.crc32(repr(generated).encode()) % 4:
                case.path_parameters[name] = _existing(options, generated)
    return case
