"""The deadline week through nginx (deploy/rehearsal.sh deadline-week): readers, departments and citizens at once.

- Readers browse the pages and call the API, each a browser of its own (one keep-alive TLS connection, its own
  address), thinking 2-8 s between requests.
- Each department's editor opens its annual report, saves the draft three times (typing 3-8 s between saves);
  then its approver reads it and submits it, and clicks submit a second time, as people do. Their sessions
  were made beforehand (deploy/deadline_accounts.py), except a few approvers who sign in through the form:
  their sign-ins are counted on a route of their own.
- Each citizen opens the problem form, writes for 5-10 s, files it (and submits the same form again, a double
  click), opens the private link the portal sends them to and reads the number on it; then comes back to that
  link now and then.
Readers stop when the time is up; a department or citizen that has begun filing finishes. Afterwards
deploy/deadline_check.py compares the database with what each client was told. Standard library only.
"""

import argparse
import json
import random
import re
import ssl
import sys
import threading
import time
import uuid
from urllib.parse import quote

from deadline_check import check_database, print_results
from load import FormFields, Portal
from rehearse import wait_for_app_servers, wait_until_healthy

PROVINCES = {"jiangxi": "360000", "henan": "410000", "chongqing": "500000"}
DEPARTMENT_PAGES = [
    "/jiangxi/departments/shui-li-ting/",
    "/jiangxi/departments/zhu-fang-cheng-xiang-jian-she-ting/",
    "/henan/departments/sheng-tai-huan-jing-ting/",
    "/chongqing/departments/shui-li-ju/",
]
QUERIES = ["扬尘", "噪声", "排污口", "厕所", "揚塵", "水", "生态环境"]
# (weight, route, path): two thirds pages, a third the API, as the portal's access logs would mix them.
READS = [
    (4, "GET /", lambda r: "/"),
    (3, "GET /<province>/", lambda r: f"/{r.choice([*PROVINCES, 'jilin'])}/"),
    (3, "GET /<province>/departments/<slug>/", lambda r: r.choice(DEPARTMENT_PAGES)),
    (
        2,
        "GET /<province>/duties/<id>/",
        lambda r: r.choice(["/jiangxi/duties/36000001001/", "/jiangxi/duties/36000001067/"]),
    ),
    (1, "GET /<province>/documents/<id>/", lambda r: "/jiangxi/documents/36000001/"),
    (2, "GET /search/", lambda r: "/search/?search=" + quote(r.choice(QUERIES))),
    (1, "GET /sectors/<code>/", lambda r: "/sectors/housing-construction/"),
    (1, "GET /problems/", lambda r: "/problems/?jurisdiction=" + r.choice(list(PROVINCES))),
    (4, "GET /api/v1/duties/", lambda r: f"/api/v1/duties/?province={r.choice(list(PROVINCES))}"),
    (2, "GET /api/v1/lead-departments/", lambda r: "/api/v1/lead-departments/?search=" + quote(r.choice(QUERIES))),
    (2, "GET /api/v1/departments/", lambda r: f"/api/v1/departments/?province={r.choice(list(PROVINCES))}"),
]
NUMBER = re.compile(r'class="tracking-number">([^<]+)<')


def address(index):
    """Each client's own address, from the benchmarking block (RFC 2544): a header value, never contacted."""
    return f"198.18.{index // 250}.{index % 250 + 1}"


class Week:
    """Everyone at once until `seconds` have passed; `records` say what each request got."""

    def __init__(self, arguments, accounts):
        self.arguments, self.accounts = arguments, accounts
        self.records = []  # (route, seconds since the start, ms, status or an error's name)
        self.reports = {}  # department pk -> what its staff were told
        self.problems = []  # what each citizen was told
        self.sign_ins = []  # (status, ms) of the sign-ins through the form
        self.lock = threading.Lock()
        self.start = self.deadline = 0.0

    def portal(self, index, session=None):
        portal = Portal(self.arguments.port, self.arguments.context, client=address(index))
        portal.timeout = self.arguments.client_timeout
        if session:
            portal.jar["sessionid"] = session
        return portal

    def timed(self, route, call, *arguments):
        sent = time.monotonic()
        try:
            status, headers, body = call(*arguments)
        except Exception as error:  # every failure is counted and reported
            outcome, answer = type(error).__name__, (None, {}, b"")
        else:
            outcome, answer = status, (status, headers, body)
        with self.lock:
            self.records.append((route, sent - self.start, (time.monotonic() - sent) * 1000, outcome))
        return answer

    def run(self):
        arguments = self.arguments
        users = [threading.Thread(target=self.reader, args=(n,)) for n in range(arguments.readers)]
        for n, department in enumerate(self.accounts["departments"]):
            done = threading.Event()
            users.append(threading.Thread(target=self.editor, args=(n, department, done)))
            users.append(threading.Thread(target=self.approver, args=(n, department, done)))
        users += [threading.Thread(target=self.citizen, args=(n,)) for n in range(arguments.citizens)]
        self.start = time.monotonic()
        self.deadline = self.start + arguments.seconds
        for user in users:
            user.start()
        for user in users:
            user.join()
        return time.monotonic() - self.start

    def think(self, chooser, low, high):
        time.sleep(chooser.uniform(low, high))

    def reader(self, n):
        chooser = random.Random(n)
        self.think(chooser, 0, self.arguments.ramp)
        portal = self.portal(n)
        weights = [weight for weight, _route, _path in READS]
        while time.monotonic() < self.deadline:
            _weight, route, path = chooser.choices(READS, weights)[0]
            target = path(chooser)
            self.timed(route, portal.request, "GET", target)
            self.think(chooser, 2, 8)

    def editor(self, n, department, done):
        """Open the department's report (as the workspace's form does), save the draft three times."""
        chooser = random.Random(10_000 + n)
        self.think(chooser, 0, self.arguments.ramp)
        portal = self.portal(self.arguments.readers + 2 * n, department["editor"]["session"])
        state = self.reports.setdefault(department["department"], {"saved": [], "submitted": None})
        try:
            _status, _headers, page = self.timed("GET /workspace/", portal.request, "GET", "/workspace/")
            fields = FormFields(page).fields
            status, headers, _body = self.timed(
                "POST /workspace/reports/new/", portal.post_form, "/workspace/reports/new/", fields
            )
            state["path"] = path = headers.get("location", "") if status == 302 else ""
            for save in range(1, 4):
                if not path.startswith("/workspace/reports/"):
                    return
                fields = self.report_form(portal, path)
                self.think(chooser, 3, 8)
                text = f"{department['name']}：第 {save} 次保存的年度履职总体情况（截止周演练）。"
                fields.update(overall=text, action="save")
                status, _h, _b = self.timed("POST /workspace/reports/<id>/ save", portal.post_form, path, fields)
                if status == 302:
                    state["saved"].append(text)
        finally:
            done.set()
        self.browse_until_the_end(chooser, portal, "GET /workspace/", "/workspace/")

    def report_form(self, portal, path):
        _status, _headers, page = self.timed("GET /workspace/reports/<id>/", portal.request, "GET", path)
        return FormFields(page).fields

    def approver(self, n, department, done):
        """Once the editor is done: sign in if need be, read the draft, submit it, click submit again."""
        chooser = random.Random(20_000 + n)
        done.wait()
        state = self.reports[department["department"]]
        path = state.get("path", "")
        portal = self.portal(self.arguments.readers + 2 * n + 1, department["approver"]["session"])
        if not department["approver"]["session"] and not self.sign_in(portal, department["approver"]["username"]):
            return
        if not state["saved"]:
            return
        fields = self.report_form(portal, path)
        self.think(chooser, 2, 5)
        text = f"{state['saved'][-1]}审核人已核对。"
        fields.update(overall=text, action="submit")
        first, _h, _b = self.timed("POST /workspace/reports/<id>/ submit", portal.post_form, path, fields)
        again, _h, _b = self.timed("POST /workspace/reports/<id>/ submit again", portal.post_form, path, fields)
        _status, _headers, page = self.timed("GET /workspace/reports/<id>/", portal.request, "GET", path)
        if first == 302 and again == 302 and b'name="overall"' not in page and "已报送".encode() in page:
            state["submitted"], state["done_at"] = text, time.monotonic() - self.start
        self.browse_until_the_end(chooser, portal, "GET /workspace/reports/<id>/", path)

    def sign_in(self, portal, username):
        _status, _headers, page = self.timed("GET /accounts/login/", portal.request, "GET", "/accounts/login/")
        fields = {**FormFields(page).fields, "username": username, "password": self.accounts["password"]}
        sent = time.monotonic()
        status, headers, _body = self.timed("POST /accounts/login/", portal.post_form, "/accounts/login/", fields)
        self.sign_ins.append((status, (time.monotonic() - sent) * 1000))
        return status == 302 and headers.get("location") == "/workspace/"

    def citizen(self, n):
        chooser = random.Random(30_000 + n)
        self.think(chooser, 0, self.arguments.ramp)
        portal = self.portal(self.arguments.readers + 2 * len(self.accounts["departments"]) + n)
        province = chooser.choice(list(PROVINCES))
        form = f"/problems/new/?province={province}"
        status, _headers, page = self.timed("GET /problems/new/", portal.request, "GET", form)
        record = {"marker": f"截止周{n:03d}-{uuid.uuid4().hex[:6]}", "links": [], "number": None}
        self.problems.append(record)
        if status != 200:
            return
        fields = FormFields(page).fields
        self.think(chooser, 5, 10)
        fields.update(
            jurisdiction=PROVINCES[province],
            place=f"{record['marker']} 号楼旁",
            category="air",
            description=f"建筑工地夜间施工扬尘很大（{record['marker']}）",
            captcha_1="PASSED",
        )
        for route in ("POST /problems/new/", "POST /problems/new/ again"):
            status, headers, _body = self.timed(route, portal.post_form, form, fields)
            record["links"].append(headers.get("location", "") if status == 302 else "")
        link = record["links"][0]
        if not link.startswith("/problems/track/"):
            return
        status, _headers, page = self.timed("GET /problems/track/<key>/", portal.request, "GET", link)
        number = NUMBER.search(page.decode(errors="replace")) if status == 200 else None
        record["number"] = number.group(1).strip() if number else None
        record["done_at"] = time.monotonic() - self.start
        self.browse_until_the_end(chooser, portal, "GET /problems/track/<key>/", link)

    def browse_until_the_end(self, chooser, portal, route, path):
        """Back to one page now and then (the workspace, the report, the private link) until the time is up."""
        while True:
            self.think(chooser, 5, 15)
            if time.monotonic() >= self.deadline:
                return
            self.timed(route, portal.request, "GET", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cafile", required=True)
    parser.add_argument("--accounts", required=True, help="the JSON written by deploy/deadline_accounts.py")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--readers", type=int, default=500)
    parser.add_argument("--citizens", type=int, default=100)
    parser.add_argument("--ramp", type=float, default=20, help="clients arrive over this many seconds")
    parser.add_argument("--client-timeout", type=float, default=240, help="longer than nginx's 180 s")
    parser.add_argument("--primary-port", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--app-ports", type=int, nargs="+", required=True)
    arguments = parser.parse_args()
    arguments.context = ssl.create_default_context(cafile=arguments.cafile)
    if not wait_for_app_servers(arguments.app_ports) or not wait_until_healthy(
        Portal(arguments.port, arguments.context)
    ):
        print("FAIL  the portal did not become healthy through nginx")
        return 1
    with open(arguments.accounts, encoding="utf-8") as accounts:
        week = Week(arguments, json.load(accounts))
    print(
        f"== deadline week: {arguments.readers} readers, {len(week.accounts['departments'])} departments "
        f"(an editor and an approver each), {arguments.citizens} citizens, {arguments.seconds:.0f} s"
    )
    cpu = time.process_time()
    elapsed = week.run()
    print(f"   the load generator used {(time.process_time() - cpu) / elapsed:.0%} of a core")
    failures = print_results(week, elapsed)
    failures += check_database(week, arguments)
    print(f"== {len(failures)} check(s) failed: {failures}" if failures else "== every check passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
