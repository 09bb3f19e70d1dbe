"""Load: citizens browsing the pages and supervisors' scripts calling the API.

Run through bench/load/run.sh, which starts gunicorn on PostgreSQL and fails when any
request answers 5xx. (The reports workflow joins this load when the reports app lands.)
"""

import random

from locust import HttpUser, between, task

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
        self.client.get("/search/", params={"q": random.choice(QUERIES)}, name="/search/")

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
