"""A GeoReport v2 client written from the Open311 specification (wiki.open311.org/GeoReport_v2), not from the
portal's code: the endpoint paths with their format suffix, form-encoded POST parameters, the documented
fields of a service and of a service request, errors as a list of {code, description}.

The transport is any object with Django's test client's `get(path, params)` and `post(path, data)`.
"""


class GeoReportError(Exception):
    def __init__(self, status, errors):
        super().__init__(f"{status}: {errors}")
        self.status, self.errors = status, errors


class GeoReportClient:
    SERVICE_FIELDS = {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
    REQUEST_FIELDS = {
        "service_request_id",
        "status",
        "service_code",
        "service_name",
        "description",
        "agency_responsible",
        "requested_datetime",
        "updated_datetime",
        "address",
        "lat",
        "long",
    }

    def __init__(self, transport, endpoint, jurisdiction_id, api_key=None):
        self.transport, self.endpoint = transport, endpoint.rstrip("/")
        self.jurisdiction_id, self.api_key = jurisdiction_id, api_key

    def _check(self, response, ok=(200,)):
        body = response.json()
        if response.status_code not in ok:
            raise GeoReportError(response.status_code, body)
        assert isinstance(body, list), "GeoReport answers are lists"
        return body

    def services(self):
        body = self._check(
            self.transport.get(f"{self.endpoint}/services.json", {"jurisdiction_id": self.jurisdiction_id})
        )
        for service in body:
            assert self.SERVICE_FIELDS <= set(service)
            assert service["type"] in {"realtime", "batch", "blackbox"}
        return body

    def post_request(self, service_code, *, description, address_string=None, lat=None, long=None, **person):
        data = {"jurisdiction_id": self.jurisdiction_id, "service_code": service_code, "description": description}
        if self.api_key:
            data["api_key"] = self.api_key
        if address_string:
            data["address_string"] = address_string
        if lat is not None:
            data["lat"], data["long"] = lat, long
        data.update(
            {
                key: value
                for key, value in person.items()
                if key in {"first_name", "last_name", "email", "phone", "device_id", "account_id"}
            }
        )
        # The spec's 200; a 201 Created is as good.
        body = self._check(self.transport.post(f"{self.endpoint}/requests.json", data), ok=(200, 201))
        assert "service_request_id" in body[0] or "token" in body[0]
        return body[0]

    def get_request(self, service_request_id):
        params = {"jurisdiction_id": self.jurisdiction_id}
        body = self._check(self.transport.get(f"{self.endpoint}/requests/{service_request_id}.json", params))
        assert len(body) == 1 and self.REQUEST_FIELDS <= set(body[0])
        return body[0]

    def get_requests(self, **query):
        params = {"jurisdiction_id": self.jurisdiction_id, **query}
        body = self._check(self.transport.get(f"{self.endpoint}/requests.json", params))
        for request in body:
            assert self.REQUEST_FIELDS <= set(request)
            assert request["status"] in {"open", "closed"}
        return body
