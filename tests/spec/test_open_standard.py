"""The shipped spec (generated/topo_client/openapi.json) says in standard JSON Schema what the client does: open
enums and the event union accept values the spec does not list. A standard validator (jsonschema) accepts every
success response of every operation with unknown enum values and an unknown event type, derived to be absent from
the spec; the marked form the client reads back is exactly the one the generator used."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import openapi_spec_validator
import pytest

from generator import bundle
from topo_client._schema import OPEN, merge_all_of, open_marked
from topo_ext._spec import document, operations, resolve
from topo_tools.specdata import instance

SHIPPED: dict[str, Any] = json.loads(resources.files("topo_client").joinpath("openapi.json").read_text())
MARKED = document()
OPEN_SCHEMAS = {name: s for name, s in MARKED["components"]["schemas"].items() if s.get(OPEN) is True}
LISTED = {str(v) for s in OPEN_SCHEMAS.values() for v in s.get("enum", ())}
LISTED |= {str(k) for s in OPEN_SCHEMAS.values() for k in s.get("discriminator", {}).get("mapping", {})}
UNKNOWN = "_".join(["UNLISTED", *sorted(LISTED)])[:60] + "_X"  # longer than any listed value: not one of them
assert UNKNOWN not in json.dumps(MARKED)
RESPONSES = sorted((op for op in operations().values() if op.success_body), key=lambda o: o.operation_id)


def with_unknowns(node: dict[str, Any], depth: int = 0) -> Any:
    """A valid instance of `node` (marked form) except that every open enum holds UNKNOWN and every event of the
    open union is an UNKNOWN event type."""
    target = resolve(node)
    if target.get(OPEN) is True:
        return {"type": UNKNOWN} if "oneOf" in target else UNKNOWN
    if "allOf" in target:
        target = merge_all_of(MARKED, target)
    for key in ("anyOf", "oneOf"):
        if key in target:
            choices = [c for c in target[key] if resolve(c).get("type") != "null"] or target[key]
            return with_unknowns(choices[0], depth)
    if "properties" in target:
        return {name: with_unknowns(prop, depth + 1) for name, prop in target["properties"].items()}
    if target.get("type") == "array" and depth < 4:
        return [with_unknowns(target.get("items", {}), depth + 1)]
    return instance(target)


def validate(doc: dict[str, Any], schema: dict[str, Any], value: Any) -> None:
    jsonschema.Draft202012Validator({**schema, "components": doc["components"]}).validate(value)


def test_the_spec_has_open_sets() -> None:
    assert any("enum" in s for s in OPEN_SCHEMAS.values()) and any("oneOf" in s for s in OPEN_SCHEMAS.values())


@pytest.mark.parametrize("op", RESPONSES, ids=lambda o: o.operation_id)
def test_a_standard_validator_accepts_unknown_values_in_every_response(op: Any) -> None:
    assert op.success_body is not None
    validate(SHIPPED, op.success_body, instance(op.success_body))  # listed values still validate
    validate(SHIPPED, op.success_body, with_unknowns(op.success_body))


def test_every_open_set_is_reached_and_was_closed_in_the_marked_form() -> None:
    for name in OPEN_SCHEMAS:
        ref = {"$ref": f"#/components/schemas/{name}"}
        value = with_unknowns(ref)
        validate(SHIPPED, ref, value)
        with pytest.raises(jsonschema.ValidationError):
            validate(MARKED, ref, value)  # what the shipped spec looked like before: closed


def test_the_shipped_spec_is_valid_openapi() -> None:
    openapi_spec_validator.validate(SHIPPED)


def test_the_client_reads_back_exactly_what_the_generator_used() -> None:
    marked = bundle.bundle()
    assert json.loads(bundle.dumps(bundle.shipped(marked))) == SHIPPED
    assert open_marked(bundle.shipped(marked)) == marked
    assert bundle.OPEN == OPEN
    assert marked == MARKED
