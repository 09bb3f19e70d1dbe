"""Turn what a citizen types into conditions on the duty lists.

A query is normalised (full-width to half-width, traditional and variant characters to
simplified) and split on whitespace and punctuation into terms; a row matches when it
contains every term. One of the sources is printed in traditional characters, so each
term is also looked for in its traditional form.
"""

import re
import unicodedata
from functools import lru_cache, reduce
from operator import and_, or_

import opencc
from django.db.models import Q

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8

_TO_SIMPLIFIED = opencc.OpenCC("t2s")
_TO_TRADITIONAL = opencc.OpenCC("s2t")
# Everything that is not a letter or a digit separates terms (Chinese and ASCII punctuation alike).
_SEPARATORS = re.compile(r"[^\w]+|_+")


@lru_cache(maxsize=1024)
def normalise(text: str) -> str:
    """Fold width, case and script so that equal words compare equal."""
    return _TO_SIMPLIFIED.convert(unicodedata.normalize("NFKC", text)).lower()


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, normalised, in the order typed."""
    terms = []
    for term in _SEPARATORS.split(normalise(query[:MAX_QUERY_LENGTH])):
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def term_variants(term: str) -> set[str]:
    return {term, _TO_TRADITIONAL.convert(term)}


def matches_all_terms(query: str, fields: list[str]) -> Q:
    """A condition true for rows where every term appears in at least one of `fields`."""
    terms = query_terms(query)
    if not terms:
        return Q()
    per_term = [
        reduce(or_, (Q(**{f"{field}__icontains": variant}) for field in fields for variant in term_variants(term)))
        for term in terms
    ]
    return reduce(and_, per_term)
