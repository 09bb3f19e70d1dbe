"""Template helpers for the public pages: page ranges and highlighted search terms."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

import search

register = template.Library()


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current page, with the paginator's ellipsis in the gaps."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


@register.filter
def highlight(text, query):
    """Escape `text` and wrap every occurrence of the query's terms in <mark>, whatever the script or width."""
    if not text:
        return ""
    pieces, last = [], 0
    for start, end in search.highlight_spans(text, query or ""):
        pieces.append(escape(text[last:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))
