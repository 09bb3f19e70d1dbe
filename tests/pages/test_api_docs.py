"""The API documentation page lists the schema's every operation and parameter, in the portal's layout."""

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db


def test_every_operation_and_parameter_of_the_schema_is_on_the_page(client):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    response = client.get(reverse("api-docs"))
    html = response.content.decode()
    assertContains(response, '<html lang="zh-CN"')
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            assert f'id="{operation["operationId"]}"' in html
            assert f'<span class="api-method">{method.upper()}</span> <code>{path}</code>' in html
            for parameter in operation.get("parameters", []):
                assert f"<code>{parameter['name']}</code>" in html


def test_the_page_is_not_swagger_ui_and_asks_for_no_credentials(client):
    response = client.get(reverse("api-docs"))
    assertNotContains(response, '<script src="/static/drf_spectacular_sidecar')
    assertNotContains(response, "Authorize")
    assertContains(response, "无须注册或登录")
    assertContains(response, f'href="{reverse("api-schema")}?format=json"')
