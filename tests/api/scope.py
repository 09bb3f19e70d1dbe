"""Which operations the strict API contract (tests/api/, .ci/api-contract) holds to which rules.

Every operation of the schema is under the contract: documented parameters only, every field of every answer
described and typed, every error documented, schemathesis' every check. The portal's own API (/api/v1/) also
answers each list and record as a CSV file and errors as `{"<parameter>": [...]}`. GeoReport v2 (/open311/v2/)
keeps the shapes its specification fixes: JSON only, errors as a list of `{"code", "description"}`.
"""

import re

GEOREPORT = re.compile(r"^/?open311/")


def contract_paths(document: dict) -> dict:
    """The schema's paths the contract covers: all of them."""
    return dict(document["paths"])


def portal_paths(document: dict) -> dict:
    """The paths of the portal's own API, which answer CSV too and name parameters in their errors."""
    return {path: ops for path, ops in document["paths"].items() if not GEOREPORT.match(path)}


def contract_components(document: dict) -> dict:
    """The components the covered paths use, directly or through other components."""
    schemas, used, pending = document["components"]["schemas"], set(), [contract_paths(document)]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/") and (name := ref.rsplit("/", 1)[1]) not in used:
                used.add(name)
                pending.append(schemas.get(name, {}))
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return {name: schemas[name] for name in used if name in schemas}
