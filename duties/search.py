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
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.lookups import Contains
from django.utils.functional import cached_property

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
    """A PostgreSQL tsquery for the rows whose grams include the term's: itself, or bigrams covering it.

    Bigrams side by side (生态 环境 保护 责任, not also 态环 境保 护责) narrow as well, since the substring test
    confirms every candidate anyway, and make half the index lookups.
    """
    starts = [*range(0, len(term) - 1, 2), *([len(term) - 2] if len(term) % 2 and len(term) > 1 else [])]
    grams = [term] if len(term) == 1 else list(dict.fromkeys(term[i : i + 2] for i in starts))
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
        if getattr(compiler.query, "search_broad", False) and self.lhs.target.column == "search_text":
            # A page of a query that matches much of the table: read it in the list's order and stop at the
            # page, testing each row; through the index every match would be fetched first. (Titles stay
            # indexed: few rows are title hits.)
            return self.as_sql(compiler, connection)
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


def rank_levels(terms: list[str]) -> list[tuple[int, Q]]:
    """The ranks, best first, each with the condition that puts a match there (and in no better rank)."""
    phrase = "".join(terms)
    in_title = Q(search_title__grams_contains=phrase)
    if len(terms) == 1:
        # Every match contains the one word: only the title tells matches apart (and is short to read).
        return [(3, in_title), (2, ~in_title)]
    in_text = Q(search_text__grams_contains=phrase)
    any_in_title = reduce(lambda a, b: a | b, (Q(search_title__grams_contains=term) for term in terms))
    return [
        (3, in_title),
        (2, in_text & ~in_title),
        (1, any_in_title & ~in_text & ~in_title),
        (0, ~any_in_title & ~in_text & ~in_title),
    ]


def search(queryset, query: str):
    """The rows of `queryset` that contain every term of `query`, best first, then in the list's order.

    The result remembers its ranks (`query.search_levels`): `ranked_slice` and `SearchAwarePaginator`
    read a page rank by rank, each in the list's own order, so that a page of a query matching half the
    country stops after its first rows instead of ranking every match.
    """
    terms = query_terms(query)
    if not terms:
        return queryset
    levels = rank_levels(terms)
    rank = Case(*(When(condition, then=Value(value)) for value, condition in levels[:-1]), default=Value(levels[-1][0]))
    order = [*_own_order(queryset), "pk"]
    result = queryset.filter(matches(terms)).annotate(**{RANK: rank}).order_by(f"-{RANK}", *order)
    result.query.search_levels = ([condition for _value, condition in levels], order)
    return result


def is_ranked(queryset) -> bool:
    """Whether `queryset` is a search result still in its ranked order (no `?ordering=` since)."""
    levels = getattr(getattr(queryset, "query", None), "search_levels", None)
    return levels is not None and tuple(queryset.query.order_by[:1]) == (f"-{RANK}",)


def ranked_slice(queryset, start: int, stop: int, broad: bool = False) -> list:
    """`list(queryset[start:stop])` of a ranked search, read rank by rank in the list's own order.

    `broad`: the query matches more rows than the count's cap, so its texts are tested row by row in
    the list's order (PostgreSQL reaches the page after a few hundred rows) rather than via the index.
    """
    conditions, order = queryset.query.search_levels
    unordered = queryset.order_by()
    unordered.query.search_broad = broad
    ids, skip, wanted = [], start, stop - start
    for condition in conditions:
        if wanted <= 0:
            break
        level = unordered.filter(condition).order_by(*order).values_list("pk", flat=True)
        chunk = list(level[skip : skip + wanted])
        if chunk:
            ids, skip, wanted = ids + chunk, 0, wanted - len(chunk)
        elif skip:
            skip -= level[:skip].count()  # this rank holds fewer rows than the page skips
    rows = {row.pk: row for row in unordered.filter(pk__in=ids)}
    return [rows[pk] for pk in ids]


def capped_count(queryset, cap: int) -> tuple[int, bool]:
    """How many rows match, counting no further than `cap`: (count, whether there are more)."""
    found = queryset.order_by().values("pk")[: cap + 1].count()
    return min(found, cap), found > cap


class SearchAwarePaginator(Paginator):
    """Pages of a ranked search read rank by rank, counted up to settings.SEARCH_COUNT_CAP ("1000+")."""

    capped = False

    @cached_property
    def count(self):
        if not is_ranked(self.object_list):
            return super().count
        count, self.capped = capped_count(self.object_list, settings.SEARCH_COUNT_CAP)
        return count

    @property
    def count_display(self) -> str:
        return f"{self.count:,}+" if self.capped else f"{self.count:,}"

    def page(self, number):
        if not is_ranked(self.object_list):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(ranked_slice(self.object_list, bottom, top, broad=self.capped), number, self)


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
