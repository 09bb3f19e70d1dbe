"""Blocks the public pages include: a department's reports, and the latest published reports.

{% load report_tags %}
{% department_reports department %}
{% latest_reports 5 %}
"""

from django import template

from reports import selectors

register = template.Library()


@register.inclusion_tag("reports/includes/department_reports.html")
def department_reports(department):
    return {
        "department": department,
        "reports": selectors.published_reports_for_department(department),
        "record": selectors.on_time_record(department),
    }


@register.inclusion_tag("reports/includes/latest_reports.html")
def latest_reports(limit=10):
    return {"reports": selectors.latest_published_reports(limit)}
