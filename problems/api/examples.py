"""Examples of the problems' answers for the schema (a test checks each against the schema it illustrates)."""

from drf_spectacular.utils import OpenApiExample

HOUSING = {"id": 360000008, "name": "江西省住房和城乡建设厅", "short_name": "省住房城乡建设厅"}
COUNTY = {"code": "360121", "name": "南昌县", "slug": "nanchangxian"}

PROBLEM_DETAIL = OpenApiExample(
    "办理中的问题",
    response_only=True,
    value={
        "number": "2026-000001",
        "url": "/problems/2026-000001/",
        "source": "citizen",
        "category": "air",
        "status": "accepted",
        "jurisdiction": COUNTY,
        "department": HOUSING,
        "text": "莲塘镇一处建筑工地夜间施工，扬尘较大。",
        "received_at": "2026-03-02T09:15:00+08:00",
        "acceptance_due": "2026-03-09",
        "accepted_at": "2026-03-04T10:00:00+08:00",
        "accepted_on_time": True,
        "handling_due": "2026-04-03",
        "extended_days": 0,
        "handled_at": None,
        "handled_on_time": None,
        "closed_at": None,
        "events": [
            {
                "kind": "assigned",
                "at": "2026-03-03T16:20:00+08:00",
                "department": HOUSING,
                "note": "",
                "due_on": "2026-03-09",
                "on_time": None,
            },
            {
                "kind": "accepted",
                "at": "2026-03-04T10:00:00+08:00",
                "department": HOUSING,
                "note": "",
                "due_on": "2026-04-03",
                "on_time": True,
            },
        ],
    },
)

ROUTING = OpenApiExample(
    "建筑工地扬尘",
    response_only=True,
    value={
        "jurisdiction": COUNTY,
        "list_jurisdiction": {"code": "360000", "name": "江西省", "slug": "jiangxi"},
        "terms": ["建筑工地", "扬尘"],
        "results": [
            {
                "department": HOUSING,
                "score": 3.5,
                "duties": [
                    {
                        "id": 36000001042,
                        "number": "4",
                        "text": "负责房屋建筑和市政基础设施工程施工扬尘污染防治的监督管理。",
                        "basis": "依据：江西省住房和城乡建设厅 第 4 项",
                        "terms": ["建筑工地", "扬尘"],
                        "url": "/jiangxi/duties/36000001042/",
                        "provision": "/jiangxi/documents/36000001/#item-42",
                    }
                ],
            }
        ],
    },
)
