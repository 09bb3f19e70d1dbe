"""The users of the rehearsal (deploy/rehearse.py), every request through nginx over TLS.

Readers browse pages and the API; citizens file problems (the CAPTCHA in its test mode: loopback only) and
open their private link at once, as the portal sends them there; a clerk, signed in, saves the draft of a
report with an evidence file attached. Each request is recorded with its time, what it was, its outcome and
whether an error page said what happened in Chinese. Standard library only.
"""

import http.client
import json
import random
import re
import threading
import time
import uuid
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

HOST = "portal.test"
LOAD_PATHS = [
    "/",
    "/jiangxi/",
    "/jiangxi/departments/shui-li-ting/",
    "/jiangxi/duties/36000001001/",
    "/api/v1/duties/?province=jiangxi",
    "/api/v1/lead-departments/?search=" + quote("厕所"),
    "/search/?search=" + quote("扬尘"),
]
# Clients named in X-Forwarded-For are documentation addresses (RFC 5737): header values, never contacted.
CLIENTS = [f"{prefix}.{host}" for prefix in ("192.0.2", "198.51.100", "203.0.113") for host in range(1, 255)]
# What the portal's error pages say (portal/database.py, portal/errors.py, reports/services.py).
EXPLAINED = ("数据库暂时无法访问", "存储空间", "服务器处理请求时出错")
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + b"%" * 100_000 + b"\n"
# A 1x1 JPEG: the photo a citizen attaches while the media storage is full.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f"
    "1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000"
    "010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d0102030004"
    "1105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a43"
    "4445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6"
    "a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda"
    "0008010100003f00fbd3ffd9"
)


class Portal:
    """One keep-alive connection to nginx over TLS, with the cookies of one browser."""

    def __init__(self, port, context, client=None):
        self.port = port
        self.context = context
        self.connection = None
        self.client = client
        self.jar = {}
        self.timeout = 30  # seconds a client waits for an answer

    def request(self, method, path, headers=None, body=None):
        if self.connection is None:
            self.connection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, context=self.context, timeout=self.timeout
            )
        sent = {"Host": f"{HOST}:{self.port}", **(headers or {})}
        if self.client:
            sent.setdefault("X-Forwarded-For", self.client)
        if self.jar:
            sent.setdefault("Cookie", "; ".join(f"{name}={value}" for name, value in self.jar.items()))
        try:
            self.connection.request(method, path, body=body, headers=sent)
            response = self.connection.getresponse()
            answer = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        except Exception:
            self.connection.close()
            self.connection = None
            raise
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.jar[name.strip()] = value
        return answer

    def post_form(self, path, fields, files=None):
        origin = f"https://{HOST}:{self.port}"
        headers = {"Origin": origin, "Referer": origin + path}
        if files:
            boundary = uuid.uuid4().hex
            body = multipart(fields, files, boundary)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return self.request("POST", path, headers=headers, body=body)


def multipart(fields, files, boundary):
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content, content_type) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(f"{head}Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


class FormFields(HTMLParser):
    """A page's form fields as a browser would submit them."""

    def __init__(self, page):
        super().__init__()
        self.fields, self._textarea, self._select = {}, None, None
        self.feed(page.decode())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "checkbox", "radio"):
            self.fields[name] = attrs.get("value") or ""
        elif tag == "input" and name and attrs.get("type") in ("checkbox", "radio") and "checked" in attrs:
            self.fields[name] = attrs.get("value") or "on"
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and (self._select not in self.fields or "selected" in attrs):
            self.fields[self._select] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def explained(status, body):
    """Whether an answer is a success, or an error page (or the API's JSON) saying what happened."""
    if status < 500:
        return True
    try:
        text = str(json.loads(body))
    except ValueError:
        text = body.decode(errors="replace")
    return any(reason in text for reason in EXPLAINED)


class Load:
    """Readers, citizens and a clerk until `seconds` have passed; `records` and `filed` say what happened."""

    def __init__(self, arguments, *, readers, citizens, clerk=None, photos=False):
        self.arguments = arguments
        self.readers, self.citizens, self.clerk, self.photos = readers, citizens, clerk, photos
        self.records = []  # (seconds since start, kind, status or an error's name, ms, explained)
        self.filed = []  # markers of the problems the portal accepted (302 to their private link)
        self.lock = threading.Lock()
        self.start = self.deadline = 0.0

    def now(self):
        return time.monotonic() - self.start

    def record(self, kind, sent, outcome, body=b""):
        ok = explained(outcome, body) if isinstance(outcome, int) else False
        with self.lock:
            self.records.append((sent - self.start, kind, outcome, (time.monotonic() - sent) * 1000, ok))

    def timed(self, kind, call):
        sent = time.monotonic()
        try:
            status, headers, body = call()
        except Exception as error:  # every failure is counted and reported
            self.record(kind, sent, type(error).__name__)
            return None, {}, b""
        self.record(kind, sent, status, body)
        return status, headers, body

    def run(self, seconds, events):
        """Run the users for `seconds`; `events` are (seconds after the start, what to do), done in order."""
        self.start = time.monotonic()
        self.deadline = self.start + seconds
        users = [threading.Thread(target=self.reader, args=(seed,)) for seed in range(self.readers)]
        users += [threading.Thread(target=self.citizen, args=(seed,)) for seed in range(self.citizens)]
        if self.clerk:
            users.append(threading.Thread(target=self.clerk_saves))
        for user in users:
            user.start()
        happened = []
        for at, action in events:
            time.sleep(max(0.0, at - self.now()))
            happened.append((self.now(), action()))
        for user in users:
            user.join()
        return happened

    def reader(self, seed):
        chooser = random.Random(seed)
        portal = Portal(self.arguments.port, self.arguments.context)
        while time.monotonic() < self.deadline:
            portal.client = chooser.choice(CLIENTS)
            self.timed("read", lambda: portal.request("GET", chooser.choice(LOAD_PATHS)))

    def citizen(self, seed):
        portal = Portal(self.arguments.port, self.arguments.context)
        number = 0
        while time.monotonic() < self.deadline:
            number += 1
            # Another citizen each time (each address may file PROBLEM_REPORTS_PER_HOUR).
            portal.client = CLIENTS[(seed * 389 + number * 7 + int(self.start)) % len(CLIENTS)]
            self.file_problem(portal, f"演练{seed:02d}-{number:04d}-{uuid.uuid4().hex[:6]}")
            time.sleep(0.3)

    def file_problem(self, portal, marker):
        status, _headers, page = self.timed("form", lambda: portal.request("GET", "/problems/new/?province=jiangxi"))
        if status != 200:
            time.sleep(0.5)
            return
        fields = FormFields(page).fields
        fields.update(
            jurisdiction="360000",
            place=f"{marker} 号楼旁",
            category="air",
            description=f"建筑工地夜间施工扬尘很大（{marker}）",
            captcha_1="PASSED",
        )
        files = {"photos": ("现场.jpg", JPEG, "image/jpeg")} if self.photos else None
        status, headers, _body = self.timed("file", lambda: portal.post_form("/problems/new/", fields, files))
        link = headers.get("location", "")
        if status == 302 and link.startswith("/problems/track/"):
            with self.lock:
                self.filed.append(marker)
            # The citizen is sent to the private link at once: it must find what was just filed.
            self.timed("track", lambda: portal.request("GET", link))

    def clerk_saves(self):
        portal = self.clerk.signed_in()
        number = 0
        while time.monotonic() < self.deadline:
            number += 1
            self.clerk.save_draft(self, portal, f"演练保存第{number}次")
            time.sleep(1.0)


class Clerk:
    """The signed-in approver of a department, saving its report's draft with an evidence file."""

    def __init__(self, arguments, report_path):
        self.arguments = arguments
        self.report_path = report_path
        self.outcomes = []  # (seconds since the load's start, status, the text was kept, an explanation shown)

    def signed_in(self):
        portal = Portal(self.arguments.port, self.arguments.context, client="198.51.100.40")
        _status, _headers, body = portal.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        fields = {"username": "rehearsal", "password": self.arguments.password, "csrfmiddlewaretoken": token}
        portal.post_form("/accounts/login/", fields)
        return portal

    def save_draft(self, load, portal, text):
        status, _headers, page = load.timed("draft-form", lambda: portal.request("GET", self.report_path))
        if status != 200:
            return
        fields = FormFields(page).fields
        fields.update(overall=text, action="save")
        files = {"attachment": ("证明.pdf", PDF, "application/pdf")}
        status, _headers, body = load.timed("draft", lambda: portal.post_form(self.report_path, fields, files))
        if status is None:
            return
        _again, _headers, reread = portal.request("GET", self.report_path)
        kept = text.encode() in reread
        self.outcomes.append((load.now(), status, kept, "存储空间".encode() in body))
