"""The text search compares: normalised words (width, case, traditional and variant characters, punctuation folded).

Stored texts and queries go through the same `fold`, so that 揚塵, 扬尘 and ｢扬尘｣ are one word; `highlight_spans`
maps the matches back onto the text as written.
"""

import re
import unicodedata
from functools import lru_cache

import opencc

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8

_TO_SIMPLIFIED = opencc.OpenCC("t2s")
# Everything that is not a letter or a digit separates terms (Chinese and ASCII punctuation alike).
_SEPARATORS = re.compile(r"[^\w]+|_+")


def _dictionary_keys(chain):
    for entry in chain:  # a dictionary (longest key, shortest key, mapping), or a group of them
        yield from _dictionary_keys(entry) if isinstance(entry, list) else entry[2]


# What the conversion looks up (opencc-python-reimplemented keeps its loaded dictionaries in `_dict_chain_data`):
# a text in which no key of them starts anywhere comes out of it unchanged, and most texts, already simplified,
# are such: testing that is a sixth of the conversion's time, on an import's 20,000 rows a second.
_KEYS = list(_dictionary_keys(_TO_SIMPLIFIED._dict_chain_data))
_ONE_CHARACTER_KEYS = frozenset(key for key in _KEYS if len(key) == 1)
_LONGER_KEYS_STARTS = frozenset(key[:2] for key in _KEYS if len(key) > 1)
del _KEYS


def _may_convert(text: str) -> bool:
    if not _ONE_CHARACTER_KEYS.isdisjoint(text):
        return True
    return any(text[start : start + 2] in _LONGER_KEYS_STARTS for start in range(len(text) - 1))


def fold(text: str) -> str:
    """Fold width, case and script so that equal words compare equal."""
    text = unicodedata.normalize("NFKC", text)
    return (_TO_SIMPLIFIED.convert(text) if _may_convert(text) else text).lower()


normalise = lru_cache(maxsize=4096)(fold)  # queries repeat; stored texts go through `fold` uncached


def searchable_text(*parts: str) -> str:
    """The text stored for search: normalised words separated by single spaces."""
    return " ".join(word for part in parts if part for word in _SEPARATORS.split(fold(part)) if word)


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, normalised, in the order typed."""
    terms = []
    for term in _SEPARATORS.split(normalise(query[:MAX_QUERY_LENGTH])):
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


@lru_cache(maxsize=512)
def _folded_char(char: str) -> str:
    return normalise(char) if not _SEPARATORS.fullmatch(char) else " "


def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's terms occur in `text` as written (traditional, full-width and all), merged."""
    terms = query_terms(query)
    if not text or not terms:
        return []
    folded, origin = [], []
    for index, char in enumerate(text):
        for piece in _folded_char(char):
            folded.append(piece)
            origin.append(index)
    folded = "".join(folded)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term, start + 1)
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
