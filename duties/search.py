"""One search over duties, departments, documents, provisions and published reports.

Every searchable row keeps two normalised columns: `search_title` (what names it: a
department's names, a duty's lead departments, a provision's heading) and `search_text`
(the title and everything else it says). Normalising folds width, case, traditional and
variant characters (汙 → 污) and punctuation, so that 揚塵, 扬尘 and ｢扬尘｣ are one word.

A row matches when its `search_text` contains every term of the query. Chinese has no
spaces to split words on, so on PostgreSQL each row's text is also stored as its set of
character unigrams and bigrams (`search_text_grams`, computed by `portal_search_grams`,
GIN-indexed; duties/migrations/0003_search.py). A term of one or two characters is one
gram, so the index answers it exactly; a longer term is looked up by its bigrams and the
plain substring test confirms the candidates. Other databases run the substring test
alone. The answers are therefore the same everywhere; only the speed differs. Ranking: the
whole query in the title, then in the text, then any term in the title, then the list's
own order.
"""

import re
import unicodedata
from functools import lru_cache, reduce
from operator import and_

import opencc
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.lookups import Contains

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
RANK = "search_rank"

_TO_SIMPLIFIED = opencc.OpenCC("t2s")
# Everything that is not a letter or a digit separates terms (Chinese and ASCII punctuation alike).
_SEPARATORS = re.compile(r"[^\w]+|_+")


def fold(text: str) -> str:
    """Fold width, case and script so that equal words compare equal."""
    return _TO_SIMPLIFIED.convert(unicodedata.normalize("NFKC", text)).lower()


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


def grams_query(term: str) -> str:
    """A PostgreSQL tsquery for the rows whose grams include all of the term's (its bigrams, or itself)."""
    grams = [term] if len(term) == 1 else list(dict.fromkeys(term[i : i + 2] for i in range(len(term) - 1)))
    return " & ".join("'{}'".format(gram.replace("\\", "\\\\").replace("'", "''")) for gram in grams)


class SearchTextField(models.TextField):
    """A normalised text column that the `grams_contains` lookup can search through its index."""


@SearchTextField.register_lookup
class GramsContains(Contains):
    """`contains`, narrowed first through the n-gram index on PostgreSQL."""

    lookup_name = "grams_contains"

    def get_rhs_op(self, connection, rhs):
        return connection.operators["contains"] % rhs

    def as_postgresql(self, compiler, connection):
        # The grams are a stored column beside the text (`<column>_grams`, see the migration), so that
        # rechecking a candidate row costs a lookup in its grams, not recomputing them.
        table = compiler.quote_name_unless_alias(self.lhs.alias)
        grams = f"{table}.{connection.ops.quote_name(self.lhs.target.column + '_grams')}"
        if len(self.rhs) <= 2:
            # A word of one or two characters is one gram: having it is containing the word. No
            # substring test, so that counting reads the index, not every row.
            return f"{grams} @@ %s::tsquery", (grams_query(self.rhs),)
        like_sql, like_params = self.as_sql(compiler, connection)
        return f"({grams} @@ %s::tsquery AND {like_sql})", (grams_query(self.rhs), *like_params)


class SearchableModel(models.Model):
    """Keep a row's normalised title and text, indexed for search (see duties/search_index.py)."""

    search_title = SearchTextField(editable=False, blank=True, default="")
    search_text = SearchTextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True


def matches(terms: list[str]) -> Q:
    return reduce(and_, (Q(search_text__grams_contains=term) for term in terms))


def search(queryset, query: str):
    """The rows of `queryset` that contain every term of `query`, best first, then in the list's order."""
    terms = query_terms(query)
    if not terms:
        return queryset
    phrase = "".join(terms)
    if len(terms) == 1:
        # Every match contains the one word: only the title tells matches apart (and is short to read).
        rank = Case(When(search_title__contains=phrase, then=Value(3)), default=Value(2), output_field=IntegerField())
    else:
        rank = Case(
            When(search_title__contains=phrase, then=Value(3)),
            When(search_text__contains=phrase, then=Value(2)),
            When(reduce(lambda a, b: a | b, (Q(search_title__contains=term) for term in terms)), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return queryset.filter(matches(terms)).annotate(**{RANK: rank}).order_by(f"-{RANK}", *_own_order(queryset), "pk")


def _own_order(queryset):
    """The list's order by the table's own columns: ordering by a foreign key would join its table for every match."""
    order = []
    for name in queryset.query.order_by or queryset.model._meta.ordering:
        descending, field_name = name.startswith("-"), name.lstrip("-")
        field = next((f for f in queryset.model._meta.concrete_fields if f.name == field_name), None)
        if field is None:
            continue  # across a relation or an annotation: the rank and the primary key order the rest
        order.append(("-" if descending else "") + field.attname)
    return order


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
