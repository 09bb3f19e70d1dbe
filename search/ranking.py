"""A query's matches, ranked, read a page at a time and counted up to a cap."""

from functools import reduce
from operator import and_

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, Q, Value, When
from django.utils.functional import cached_property

from search.text import query_terms

RANK = "search_rank"


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
        # By its name ("document") or its column's ("document_id"): both are the table's own column.
        field = next((f for f in queryset.model._meta.concrete_fields if field_name in (f.name, f.attname)), None)
        if field is None:
            continue  # across a relation or an annotation: the rank and the primary key order the rest
        order.append(("-" if descending else "") + field.attname)
    return order
