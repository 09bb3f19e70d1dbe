"""The query string of every API request, held to what its operation documents.

An endpoint accepts exactly the parameters its schema lists: its FilterSet's filters, `ordering`,
`page` and `page_size` on a list, `format`, and what an action reads itself (`as_of` on a duty,
`province` and `year` on compliance). Each may be given once and never empty:

- an unknown parameter is a 400 naming it: a misspelt filter (`?provnce=jiangxi`) must not answer
  the whole country as if it had been understood. (NetBox ignores unknown parameters; an API whose
  answers are cited as "who leads what" should rather say it did not understand.)
- a parameter given twice is a 400: which of the two values counts would be a guess;
- an empty value is a 400: the API has no "any" value, leave the parameter out instead. (The pages'
  forms send empty fields for "any"; they read the same FilterSets, which keep that meaning.)

`accepted_parameters` is what the schema documents too: tests/api/test_parameters.py compares the
two for every operation.
"""

import re

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, filters
from rest_framework.settings import api_settings

UNKNOWN_PARAMETER = "本接口没有参数“%(name)s”；可用的参数：%(accepted)s。"
NO_PARAMETERS = "（无）"
REPEATED_PARAMETER = "参数“%(name)s”只能出现一次。"
EMPTY_PARAMETER = "参数“%(name)s”的值不能为空；不需要时请省略该参数。"
NAME_SHOWN = 40  # characters of an unknown parameter's name repeated in the answer
# Digits only: int() also reads "1_000", "１２", " 12" and "+12", which no client means as a number here.
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")
MAX_WHOLE_NUMBER = 10**18 - 1


def is_whole_number(value) -> bool:
    """Whether `value` is a non-negative integer written in ASCII digits (at most 18 of them)."""
    return isinstance(value, int) or bool(_WHOLE_NUMBER.fullmatch(str(value)))


def is_file_export(view) -> bool:
    """Whether the request asked for a file by its address (`duties.csv`), not by `?format=`."""
    return view.kwargs.get(api_settings.FORMAT_SUFFIX_KWARG) is not None


def accepted_parameters(view) -> list[str]:
    """The query parameters the view's current action documents and reads."""
    names = list(getattr(view, "action_parameters", {}).get(view.action, ()))
    exporting = is_file_export(view)
    if not exporting:
        names.append(api_settings.URL_FORMAT_OVERRIDE)
    if view.action != "list":
        return names
    for backend in view.filter_backends:
        if issubclass(backend, DjangoFilterBackend) and getattr(view, "filterset_class", None) is not None:
            names.extend(view.filterset_class.base_filters)
        elif issubclass(backend, filters.OrderingFilter) and getattr(view, "ordering_fields", None):
            names.append(backend.ordering_param)
    paginator = view.paginator
    if paginator is not None and not exporting:
        names.extend(name for name in (paginator.page_query_param, paginator.page_size_query_param) if name)
    return names


def query_errors(query_params, accepted) -> dict[str, list[str]]:
    """What is wrong with the query string, by parameter: unknown, repeated or empty."""
    errors = {}
    for name in query_params:
        values = query_params.getlist(name)
        if name not in accepted:
            listed = "、".join(sorted(accepted)) or NO_PARAMETERS
            errors[name[:NAME_SHOWN]] = [_(UNKNOWN_PARAMETER) % {"name": name[:NAME_SHOWN], "accepted": listed}]
        elif len(values) > 1:
            errors[name] = [_(REPEATED_PARAMETER) % {"name": name}]
        elif values[0] == "":
            errors[name] = [_(EMPTY_PARAMETER) % {"name": name}]
    return errors


class DocumentedParametersOnly:
    """A viewset mixin: a 400 naming every query parameter the operation does not document, or got twice or empty.

    `action_parameters` names what an action reads itself, beyond filters, ordering, pages and format.
    """

    action_parameters: dict[str, tuple[str, ...]] = {}

    def initial(self, request, *args, **kwargs):
        # A method the endpoint does not serve is a 405 whatever its parameters (DRF would check them first).
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        errors = query_errors(request.query_params, accepted_parameters(self))
        if errors:
            raise exceptions.ValidationError(errors)
