"""One search engine over duties, departments, documents, provisions and published reports.

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

from search.fields import SearchableModel, SearchTextField, grams_query
from search.ranking import RANK, SearchAwarePaginator, capped_count, is_ranked, ranked_slice, search
from search.text import MAX_QUERY_LENGTH, MAX_TERMS, fold, highlight_spans, normalise, query_terms, searchable_text

__all__ = [
    "MAX_QUERY_LENGTH",
    "MAX_TERMS",
    "RANK",
    "SearchAwarePaginator",
    "SearchTextField",
    "SearchableModel",
    "capped_count",
    "fold",
    "grams_query",
    "highlight_spans",
    "is_ranked",
    "normalise",
    "query_terms",
    "ranked_slice",
    "search",
    "searchable_text",
]
