"""sitemap.xml lists every public page."""

import xml.etree.ElementTree as ET

import pytest

from duties.models import Department, Document, DutyItem

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_provinces_departments_documents_and_duties(client):
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    paths = {loc.text.split("testserver", 1)[1] for loc in ET.fromstring(response.content).findall(".//s:loc", NS)}
    assert {"/", "/jiangxi/", "/henan/", "/chongqing/", "/jilin/", "/sectors/housing-construction/"} <= paths
    assert {d.get_absolute_url() for d in Department.objects.all()} <= paths
    assert {d.get_absolute_url() for d in Document.objects.all()} <= paths
    assert len({d.get_absolute_url() for d in DutyItem.objects.select_related("document__jurisdiction")} & paths) == 84
    for path in ["/jiangxi/", Department.objects.first().get_absolute_url()]:
        assert client.get(path).status_code == 200
