"""The searchable columns and the lookup that finds a term in them through PostgreSQL's n-gram index."""

from django.db import models
from django.db.models.lookups import Contains


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
