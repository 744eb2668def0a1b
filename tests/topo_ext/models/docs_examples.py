"""The example bodies printed in the Topo docs fact sheets (`tests.spec.docs_sheets.DOCS`), parsed, never retyped.

Each ```json block is matched to the operation it documents: by the `METHOD /v1/path` its heading or lead-in text
names, else (generic examples such as the pagination page's envelope) by the response schema whose properties best
match the body's keys. Blocks whose lead-in says they are a request body are not response examples.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from tests.spec.docs_sheets import DOCS
from topo_client._schema import merge_all_of, required_keys
from topo_ext._spec import OperationSpec, document, operations

_BLOCK = re.compile(r"^```(\w*)\s*$")
_CALL = re.compile(r"\b(GET|POST|PATCH|PUT|DELETE)\s+`?((?:/v1|…|\.\.\.)/[^\s`),→]*)")
_REQUEST = re.compile(r"request body|variables example", re.IGNORECASE)


@dataclass(frozen=True)
class Example:
    source: str  # file:line
    heading: str
    lead: str  # the text between the previous heading or code block and this one
    body: Any

    @property
    def is_request(self) -> bool:
        """The paragraph right before the block says it shows a request, not a response."""
        paragraphs = [p for p in self.lead.split("\n\n") if p.strip()]
        return bool(paragraphs and _REQUEST.search(paragraphs[-1]))


def blocks() -> list[Example]:
    """Every ```json block of every fact sheet, with where it stands."""
    found: list[Example] = []
    for path in sorted(DOCS.glob("*.md")):
        heading, lead, fence, body_lines, start = "", [], None, [], 0
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = _BLOCK.match(line)
            if fence is None and match:
                fence, body_lines, start = match.group(1), [], number
            elif fence is not None and line.strip() == "```":
                if fence == "json":
                    found.append(Example(f"{path.name}:{start}", heading, "\n".join(lead),
                                         json.loads("\n".join(body_lines))))
                fence, lead = None, []
            elif fence is not None:
                body_lines.append(line)
            elif line.startswith("#"):
                heading, lead = line, []
            else:
                lead.append(line)
    return found


def _properties(name: str) -> dict[str, Any]:
    props: dict[str, Any] = merge_all_of(document(), {"$ref": f"#/components/schemas/{name}"}).get("properties", {})
    return props


def required(name: str) -> set[str]:
    return set(required_keys(document(), {"$ref": f"#/components/schemas/{name}"}))


def item_schema(op: OperationSpec) -> str | None:
    """The schema of a list operation's items (page envelope or bare array)."""
    node = op.success_body or {}
    if op.success_schema:
        node = _properties(op.success_schema).get("items", {})
    items = node.get("items", {}) if node.get("type") == "array" else {}
    ref = items.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _by_call(text: str) -> OperationSpec | None:
    for method, raw in _CALL.findall(text):
        path = raw.rstrip(".:;'\"")
        suffix = path.startswith(("…", "..."))
        path = re.sub(r"^(/v1|…|\.\.\.)", "", path)
        matches = [op for op in operations().values() if op.method == method and (
            op.path.endswith(path) if suffix else _generic(op.path) == _generic(path))]
        if len(matches) == 1:
            return matches[0]
    return None


def _generic(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def _score(keys: set[str], schema: str) -> tuple[float, float]:
    """(share of the body's keys the schema knows, Jaccard similarity) - higher fits better."""
    props = set(_properties(schema))
    if not keys:
        return (0.0, 0.0)
    return (len(keys & props) / len(keys), len(keys & props) / len(keys | props))


def _by_shape(body: Any) -> tuple[str, OperationSpec | None]:
    """('error', None) for an error body, else ('ok', the GET operation whose schema fits the keys best)."""
    if isinstance(body, dict) and _score(set(body), "Error")[0] >= 0.75 and "items" not in body:
        return "error", None
    best: tuple[tuple[float, float], str, OperationSpec | None] = ((0.0, 0.0), "", None)
    for op in operations().values():
        if op.method != "GET" or op.success_body is None:
            continue
        if isinstance(body, dict) and "items" in body and isinstance(body["items"], list) and op.paginated:
            name, keys = item_schema(op), set(body["items"][0]) if body["items"] else set()
        elif isinstance(body, dict) and "items" not in body and op.success_schema and not op.paginated:
            name, keys = op.success_schema, set(body)
        else:
            continue
        score = _score(keys, name) if name else (0.0, 0.0)
        if score > best[0]:
            best = (score, op.operation_id, op)
    return ("ok", best[2]) if best[0][0] >= 0.75 else ("unmatched", None)


def response_examples() -> tuple[list[tuple[Example, OperationSpec]], list[Example], list[Example]]:
    """(response examples with their operation, error-body examples, blocks that are no response example)."""
    ok: list[tuple[Example, OperationSpec]] = []
    errors: list[Example] = []
    other: list[Example] = []
    seen: set[tuple[str, str]] = set()
    for example in blocks():
        if example.is_request:
            other.append(example)
            continue
        op = _by_call(example.heading) or _by_call(example.lead)
        kind = "ok"
        if op is None:
            kind, op = _by_shape(example.body)
        key = (op.operation_id if op else kind, json.dumps(example.body, sort_keys=True))
        if key in seen:
            continue  # the same generic example is quoted on several sheets
        seen.add(key)
        if kind == "error":
            errors.append(example)
        elif op is None:
            other.append(example)
        else:
            ok.append((example, op))
    return ok, errors, other
