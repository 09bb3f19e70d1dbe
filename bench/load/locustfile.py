"""Load: citizens browsing the pages and supervisors' scripts calling the API.

Run through bench/load/run.sh, which starts gunicorn on PostgreSQL and fails when any
request answers 5xx. Twenty department approvers save and submit their reports meanwhile,
and a hundred citizens file and follow problems.
"""

import itertools
import json
import os
import random
from html.parser import HTMLParser

from locust import HttpUser, between, events, task

LOAD_PASSWORD = "load-test-only-password-7Qz"  # set by bench/load/accounts.py on the load database only
REPORT_YEAR = os.environ.get("LOAD_REPORT_YEAR", "2026")
_staff_numbers = itertools.count()
PROVINCES = ["jiangxi", "henan", "chongqing", "jilin"]
DEPARTMENTS = [
    "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/",
    "/jiangxi/departments/sheng-tai-huan-jing-ting/",
    "/jiangxi/departments/nong-ye-nong-cun-ting/",
    "/henan/departments/sheng-tai-huan-jing-ting/",
]
QUERIES = ["扬尘", "噪声", "排污口", "厕所", "揚塵", "水", "生态环境"]


class Citizen(HttpUser):
    weight = 3
    wait_time = between(0.5, 2)

    @task(3)
    def home_and_province(self):
        self.client.get("/", name="/")
        self.client.get(f"/{random.choice(PROVINCES)}/", name="/<province>/")

    @task(3)
    def department(self):
        self.client.get(random.choice(DEPARTMENTS), name="/<province>/departments/<slug>/")

    @task(2)
    def duty_and_document(self):
        self.client.get("/jiangxi/duties/36000001067/", name="/<province>/duties/<id>/")
        self.client.get("/jiangxi/documents/36000001/", name="/<province>/documents/<id>/")

    @task(2)
    def search(self):
        self.client.get("/search/", params={"search": random.choice(QUERIES)}, name="/search/")

    @task(1)
    def compare(self):
        self.client.get("/sectors/housing-construction/", name="/sectors/<code>/")


class Supervisor(HttpUser):
    weight = 1
    wait_time = between(0.5, 2)

    @task(3)
    def duties(self):
        self.client.get("/api/v1/duties/", params={"province": random.choice(PROVINCES)}, name="/api/v1/duties/")

    @task(2)
    def lead_departments(self):
        self.client.get(
            "/api/v1/lead-departments/",
            params={"search": random.choice(QUERIES), "province": "jiangxi"},
            name="/api/v1/lead-departments/",
        )

    @task(1)
    def export(self):
        self.client.get("/api/v1/duties/", params={"province": "jiangxi", "format": "csv"}, name="/api/v1/duties/ csv")


class FormFields(HTMLParser):
    """Collect a page's form fields as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.fields, self._textarea = {}, None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "checkbox"):
            self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and (self._select not in self.fields or "selected" in attrs):
            self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


class DepartmentStaff(HttpUser):
    """One of 20 departments' approvers: opens this year's report, saves it again and again, submits."""

    fixed_count = 20
    wait_time = between(1, 3)
    SAVES_BEFORE_SUBMIT = 5

    def on_start(self):
        number = next(_staff_numbers)
        self.username = f"load-approver-{number}"
        page = self.client.get("/accounts/login/", name="/accounts/login/")
        self.client.post(
            "/accounts/login/",
            {
                "username": self.username,
                "password": LOAD_PASSWORD,
                "csrfmiddlewaretoken": page.cookies.get("csrftoken", self.client.cookies.get("csrftoken")),
            },
            name="/accounts/login/",
        )
        created = self.client.post(
            "/workspace/reports/new/",
            {"year": REPORT_YEAR, "csrfmiddlewaretoken": self.client.cookies.get("csrftoken")},
            name="/workspace/reports/new/",
            allow_redirects=False,
        )
        self.report_url = created.headers.get("Location", "")
        self.saves = 0

    @task
    def save_then_submit(self):
        if not self.report_url.startswith("/workspace/reports/"):
            return
        page = self.client.get(self.report_url, name="/workspace/reports/<id>/")
        parser = FormFields()
        parser.feed(page.text)
        fields = parser.fields
        if "overall" not in fields:
            # Already submitted: a retry of the submission must change nothing.
            self.client.post(
                self.report_url,
                {"action": "submit", "csrfmiddlewaretoken": self.client.cookies.get("csrftoken")},
                name="/workspace/reports/<id>/ resubmit",
            )
            return
        self.saves += 1
        fields["overall"] = f"{self.username} 第 {self.saves} 次保存的总体情况。"
        fields["action"] = "submit" if self.saves > self.SAVES_BEFORE_SUBMIT else "save"
        fields["csrfmiddlewaretoken"] = self.client.cookies.get("csrftoken")
        with self.client.post(
            self.report_url, fields, name=f"/workspace/reports/<id>/ {fields['action']}", catch_response=True
        ) as response:
            # 400 (an incomplete form re-shown) and 409 (a concurrent save refused) are answers, not failures.
            if response.status_code in (200, 302, 400, 409):
                response.success()


# Citizens filing and following problems ---------------------------------------------------------------------
# Each of 100 files one report (and submits the same form a second time, as a double click does), then follows
# it through its private link and adds information now and then. Every (marker, link) pair is written to
# test-artifacts/load/problems.json for bench/load/check_problems.py: no duplicate, no lost report.
PROBLEM_RECORDS = []
_reporter_numbers = itertools.count()
PROBLEM_TEXTS = ["建筑工地夜间施工扬尘很大", "河道有人倾倒垃圾", "工厂排放废气有异味", "广场舞噪声扰民", "揚塵嚴重"]


class Reporter(HttpUser):
    fixed_count = 100
    wait_time = between(1, 3)

    def on_start(self):
        number = next(_reporter_numbers)
        self.marker = f"负载测试{number:03d}-{random.randrange(10**6):06d}"
        self.link = ""
        page = self.client.get("/problems/new/", params={"province": "jiangxi"}, name="/problems/new/")
        parser = FormFields()
        parser.feed(page.text)
        fields = parser.fields
        fields.update(
            {
                "jurisdiction": "360000",
                "place": f"{self.marker} 号楼旁",
                "category": "air",
                "description": f"{random.choice(PROBLEM_TEXTS)}（{self.marker}）",
                "observed_on": "",
                "captcha_1": "PASSED",
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken"),
            }
        )
        links = []
        for attempt in ("submit", "double submit"):
            response = self.client.post(
                "/problems/new/", fields, name=f"/problems/new/ {attempt}", allow_redirects=False
            )
            links.append(response.headers.get("Location", ""))
        self.link = links[0] if links[0].startswith("/problems/track/") else ""
        PROBLEM_RECORDS.append({"marker": self.marker, "links": links})

    @task(5)
    def follow(self):
        if self.link:
            self.client.get(self.link, name="/problems/track/<key>/")

    @task(2)
    def browse_problems(self):
        self.client.get("/problems/", params={"jurisdiction": "jiangxi"}, name="/problems/")

    @task(1)
    def add_information(self):
        if self.link:
            page = self.client.get(self.link, name="/problems/track/<key>/")
            token = self.client.cookies.get("csrftoken") or page.cookies.get("csrftoken")
            self.client.post(
                self.link,
                {"action": "information", "text": "又看到了。", "csrfmiddlewaretoken": token},
                name="/problems/track/<key>/ information",
            )


@events.quitting.add_listener
def _write_problem_records(environment, **kwargs):
    target = os.path.join("test-artifacts", "load", "problems.json")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as output:
        json.dump(PROBLEM_RECORDS, output, ensure_ascii=False)
