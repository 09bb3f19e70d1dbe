"""schemathesis hooks for the API contract run (.ci/api-contract) and the suite's fuzz test.

- CSV answers are read as text, so that their schema (`type: string`) is checked like any other.
- A schema can say what a value looks like, not whether the record it names exists: a well-formed
  `department=7` or `province=atlantis` that names nothing is, rightly, a 400. So that "valid data is
  accepted" (positive_data_acceptance) tests what the API does with valid data, positive cases name
  records that exist: each generated reference (`department`, `province`, `sector`, a record's `{id}` …)
  is replaced by one from the database, picked by the generated value so that examples stay diverse
  and reproducible. Negative cases are left as generated. Unknown references have tests of their own
  (tests/api/test_parameters.py).
- GeoReport's POST (`/open311/v2/requests.json`) files a request with a hotline's API key: a positive case
  gets a valid key (issued here once, again if its database lost it), a jurisdiction that exists and, when
  it has neither a place nor both coordinates, a place (GeoReport asks for one or the other, which a schema
  of independent fields cannot say). A negative case keeps its made-up key: GeoReport answers 403.
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
    from problems import selectors as problems
    from problems.models import Problem
    from reports import rules
    from reports.models import Report

    provinces = list(Jurisdiction.objects.provinces().order_by("code"))
    # A slug names a province in any case: JIANGXI and JiangXi are the same province as jiangxi.
    slugs = [name for p in provinces for name in (p.slug, p.slug.upper(), p.slug.capitalize())]
    province_names = [*(p.code for p in provinces), *slugs]
    jurisdictions = [*Jurisdiction.objects.order_by("code").values_list("code", flat=True), *slugs]
    departments = list(Department.objects.order_by("pk").values_list("pk", flat=True))
    return {
        "department": departments,
        "lead_department": departments,
        "document": list(Document.objects.order_by("pk").values_list("pk", flat=True)),
        "edition": list(Edition.objects.order_by("pk").values_list("pk", flat=True)),
        "sector": list(Sector.objects.order_by("code").values_list("code", flat=True)),
        "province": province_names,  # a province's code or slug: what every `province` names
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
        "problems:number": list(problems.public_problems().values_list("number", flat=True)),
        "jurisdiction_id": jurisdictions,
        "requests:service_request_id": list(Problem.objects.order_by("pk").values_list("number", flat=True)),
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
    """`duties` for /api/v1/duties/{id}/ and /api/v1/duties.csv; `requests` for /open311/v2/requests/{id}.json."""
    return (
        path.removeprefix("/api/v1/")
        .removeprefix("/open311/v2/")
        .split("/")[0]
        .removesuffix(".csv")
        .removesuffix(".json")
    )


_hotline_key = None


def hotline_key() -> str:
    """A valid hotline API key: issued once, and again when the database no longer has it (a test rolled back)."""
    global _hotline_key
    from problems.models import HotlineKey

    if _hotline_key is None or HotlineKey.authenticate(_hotline_key) is None:
        _hotline_key = HotlineKey.issue("接口契约测试")[1]
    return _hotline_key


def _filed_by_a_hotline(case, values):
    """A positive GeoReport POST as a hotline sends it: its key, an existing jurisdiction, a place."""
    body = case.body
    body["api_key"] = hotline_key()
    body["jurisdiction_id"] = _existing(values["jurisdiction_id"], body.get("jurisdiction_id"))
    located = body.get("lat") is not None and body.get("long") is not None
    if not str(body.get("address_string", "")).strip() and not located:
        body["address_string"] = "莲塘镇澄湖东路"


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
    if case.method == "POST" and isinstance(case.body, dict) and _is_positive(case, "body"):
        _filed_by_a_hotline(case, values)
    if case.path_parameters and _is_positive(case, "path"):
        for name, generated in case.path_parameters.items():
            options = values.get(f"{resource}:{name}")
            # One generated record in four keeps its made-up id: the 404 of a well-formed id is tested too.
            if options and zlib.crc32(repr(generated).encode()) % 4:
                case.path_parameters[name] = _existing(options, generated)
    return case
