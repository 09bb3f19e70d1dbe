"""A client generated from the live schema by a generator this project does not use (openapi-python-client)
parses every answer of every list and record operation, CSV included, against a live server.

The generator reads only the schema, so whatever the schema says wrongly (a missing field, an untyped
object, a CSV documented as JSON) breaks the parsing here: models are checked for fields the schema
does not declare too (openapi-python-client keeps those in `additional_properties`).
"""

import datetime
import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
import urllib.request
from io import StringIO

import attrs
import pytest
from django.conf import settings
from django.core.management import call_command

from duties.models import Department, Document, DutyItem, Edition, Requirement, Sector
from problems import selectors as problem_selectors
from problems import services as problem_services
from problems.models import HotlineKey
from reports.models import Report
from tests import factories
from tests.problems import factories as problem_factories

PACKAGE = "portal_client"
GENERATOR_CONFIG = f"package_name_override: {PACKAGE}\npost_hooks: []\n"


@pytest.fixture
def api(live_server, transactional_db):
    """The live server with the fixture, an edition, a published report and a published problem in its steps,
    so that every record has an id."""
    call_command("load_duties", settings.DUTY_FIXTURE_PATH, stdout=StringIO())
    water = Department.objects.get(jurisdiction="360000", short_name="省水利厅")
    factories.make_edition(water, datetime.date(2025, 7, 1))
    department = Department.objects.get(pk=360000001)
    factories.make_filed_report(department, 2024, factories.make_approver(department), publish=True)
    county, housing = problem_factories.county_in_jiangxi(), Department.objects.get(pk=360000008)
    office = problem_factories.office(county.parent.parent, username="office")
    handler = problem_factories.handler(housing, username="handler")
    problem = problem_factories.accepted(problem_factories.file_problem(county).problem, office, handler, housing)
    problem_services.problem_progress(problem=problem, user=handler, note="已责令施工单位洒水降尘。")
    return live_server.url


@pytest.fixture
def generated(api, tmp_path):
    """The client package, generated from the live schema into a temporary folder and imported."""
    with urllib.request.urlopen(f"{api}/api/schema/?format=json") as response:
        (tmp_path / "schema.json").write_bytes(response.read())
    (tmp_path / "config.yaml").write_text(GENERATOR_CONFIG)
    command = [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(tmp_path / "schema.json")]
    command += ["--output-path", str(tmp_path / PACKAGE), "--meta", "none", "--config", str(tmp_path / "config.yaml")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name == PACKAGE or name.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def operations(package):
    """Every generated operation module: `portal_client.api.<tag>.<operation id>`."""
    api = importlib.import_module(f"{package.__name__}.api")
    for tag in pkgutil.iter_modules(api.__path__):
        tag_package = importlib.import_module(f"{api.__name__}.{tag.name}")
        for operation in pkgutil.iter_modules(tag_package.__path__):
            yield importlib.import_module(f"{tag_package.__name__}.{operation.name}")


def arguments(package, module):
    """Real values for the operation's required arguments: a record that exists, a province with a rule, a
    problem's text to route, a request to file as a hotline."""
    real = {
        "duties": DutyItem.objects.order_by("pk").first().pk,
        "departments": 360000001,
        "documents": Document.objects.order_by("pk").first().pk,
        "editions": Edition.objects.get().pk,
        "reports": Report.objects.published().get().pk,
        "provinces": "JiangXi",
        "sectors": Sector.objects.order_by("code").first().code,
        "requirements": Requirement.objects.order_by("pk").first().pk,
    }
    tag = module.__name__.split(".")[-2]
    number = problem_selectors.public_problems().get().number
    models = importlib.import_module(f"{package.__name__}.models")
    filed = models.RequestCreate(
        api_key=HotlineKey.issue("12345")[1],
        jurisdiction_id="360121",
        service_code=models.ProblemCategoryEnum("air"),
        description="工地夜间施工，扬尘很大。",
        address_string="莲塘镇澄湖东路",
    )
    given = {"id": real.get(tag), "code": real.get(tag), "province": "jiangxi", "year": 2024, "number": number}
    given |= {
        "jurisdiction": "360121",
        "text": "建筑工地扬尘",
        "service_code": models.ProblemCategoryEnum("air"),
        "service_request_id": number,
    }
    given["body"] = filed
    required = [
        name
        for name, parameter in inspect.signature(module.sync_detailed).parameters.items()
        if parameter.default is inspect.Parameter.empty and name != "client"
    ]
    return {name: given[name] for name in required}


def undeclared_fields(value, where="body"):
    """Fields the server sent that the schema does not declare, anywhere in a parsed answer."""
    if attrs.has(type(value)):
        yield from (f"{where}.{name}" for name in getattr(value, "additional_properties", {}))
        for field in attrs.fields(type(value)):
            if field.name != "additional_properties":
                yield from undeclared_fields(getattr(value, field.name), f"{where}.{field.name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from undeclared_fields(item, f"{where}[{index}]")


def test_a_generated_client_parses_every_answer_csv_included(api, generated):
    client = generated.Client(base_url=api, raise_on_unexpected_status=True)
    called = []
    for module in operations(generated):
        name = module.__name__.rsplit(".", 1)[-1]
        response = module.sync_detailed(client=client, **arguments(generated, module))
        assert response.status_code == (201 if name.endswith("_create") else 200), (name, response.content[:300])
        if name.endswith("_csv"):
            assert response.headers["content-type"] == "text/csv; charset=utf-8", name
            assert response.parsed == response.content.decode("utf-8") and response.parsed.startswith("\ufeff"), name
        else:
            assert response.headers["content-type"] == "application/json", name
            # GeoReport answers lists (of services, of requests); every other answer is one object.
            listed = name in {"open311_services", "open311_requests", "open311_request", "open311_request_create"}
            parsed = response.parsed if listed else [response.parsed]
            assert isinstance(parsed, list) and parsed, (name, type(response.parsed))
            for item in parsed:
                assert attrs.has(type(item)), (name, type(item))
                assert type(item).__name__ not in {"ParameterErrors", "Detail", "GeoReportError"}, name
            assert list(undeclared_fields(parsed)) == [], name
            body = json.loads(response.content)
            assert [item.to_dict() for item in parsed] == (body if listed else [body]), name
        called.append(name)
    assert len(called) == 51
    assert {"duties_list", "duties_retrieve", "duties_list_csv", "compliance_list_csv", "reports_retrieve"} <= set(
        called
    )
    assert {
        "problems_list_csv",
        "problems_retrieve",
        "routing_retrieve",
        "open311_request",
        "open311_request_create",
    } <= set(called)
