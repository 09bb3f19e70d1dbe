"""The site's footer as a tag: it reads the settings itself, so the 500 and 503 pages, rendered without
context processors or the database, show the same footer as every other page."""

from django import template

from pages.site_identity import site_identity

register = template.Library()


@register.inclusion_tag("includes/site_footer.html")
def site_footer():
    return {"identity": site_identity()}
