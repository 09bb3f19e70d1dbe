"""Lists export as CSV (Excel-friendly) and JSON; repeated requests get 304; CORS allows GET."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_a_whole_provinces_duty_list_downloads_as_one_csv(client):
    response = client.get("/api/v1/duties/", {"province": "jiangxi", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="duty.csv"' in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 84
    toilet = next(row for row in rows if "厕所革命" in row["text"])
    assert toilet["lead_departments"] == "江西省农业农村厅"
    assert toilet["document.doc_number"] == "赣环督察字〔2023〕373号"


def test_json_export_has_every_row_in_one_envelope(client):
    export = client.get("/api/v1/duties/", {"province": "jiangxi", "format": "json"}).json()
    assert (export["count"], len(export["results"]), export["next"]) == (84, 84, None)


def test_every_list_endpoint_exports_csv(client):
    for url in [
        "/api/v1/provinces/",
        "/api/v1/sectors/",
        "/api/v1/departments/",
        "/api/v1/documents/",
        "/api/v1/lead-departments/?search=水",
    ]:
        response = (
            client.get(url, {"format": "csv"} if "?" not in url else None)
            if "?" not in url
            else client.get(url + "&format=csv")
        )
        assert response.status_code == 200, url
        assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) > 1, url


def test_repeated_request_with_the_etag_gets_304(client):
    first = client.get("/api/v1/duties/", {"province": "jiangxi"})
    etag = first["ETag"]
    again = client.get("/api/v1/duties/", {"province": "jiangxi"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/duties/", {"province": "henan"}, HTTP_IF_NONE_MATCH=etag)
    assert other.status_code == 200


def test_cross_origin_reads_are_allowed(client):
    response = client.get("/api/v1/sectors/", HTTP_ORIGIN="https://journalist.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/sectors/", HTTP_ORIGIN="https://journalist.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")
    assert "Access-Control-Allow-Origin" not in client.get("/jiangxi/", HTTP_ORIGIN="https://x.example")
