"""Which operations the strict API contract (tests/api/, .ci/api-contract) holds to every rule.

The problems' endpoints (/api/v1/problems/, /api/v1/routing/) joined after the contract was written: they
validate their parameters and are tested in tests/problems/, but not every field of their answers is described
in the schema yet and their records have no CSV address of their own. Open311 (/open311/v2/) answers in
GeoReport v2's own format, tested by a client written from that specification (tests/problems/). Bringing the
problems' endpoints under the contract is the next step; until then they are named here, nowhere else.
"""

import re

OUTSIDE_THE_CONTRACT = re.compile(r"^/?(api/v1/(problems|routing)|open311/)")
OUTSIDE_THE_CONTRACT_REGEX = r"^/(api/v1/(problems|routing)|open311/)"
GENERATED_TAGS_OUTSIDE = {"problems", "routing", "open311"}


def contract_paths(document: dict) -> dict:
    """The schema's paths the contract covers."""
    return {path: ops for path, ops in document["paths"].items() if not OUTSIDE_THE_CONTRACT.match(path)}


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
