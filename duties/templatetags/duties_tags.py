"""Template helpers for the public pages: page ranges and highlighted search terms."""

import re
from functools import lru_cache

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from duties import search

register = template.Library()


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current page, with the paginator's ellipsis in the gaps."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


@lru_cache(maxsize=256)
def _highlight_pattern(query):
    """One compiled pattern per query, reused for every result on the page."""
    terms = search.query_terms(query)
    if not terms:
        return None
    # The same variants the search looks for, longest first so that a longer term wins.
    variants = sorted({variant for term in terms for variant in search.term_variants(term)}, key=len, reverse=True)
    return re.compile("|".join(re.escape(variant) for variant in variants), re.IGNORECASE)


@register.filter
def highlight(text, query):
    """Escape `text` and wrap every occurrence of the query's terms in <mark>."""
    if not text:
        return ""
    pattern = _highlight_pattern(query or "")
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))
