"""Every example in the spec satisfies its schema (JSON Schema 2020-12, formats checked, refs resolved in the bundle),
and the check has teeth: broken copies of real examples are rejected."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from tests.spec.spec_doc import Example, document, errors, examples, holder_examples, lookup, walk
from topo_client._schema import required_keys

EXAMPLES = examples()
BY_ID = {e.id: e for e in EXAMPLES}


def test_examples_are_collected_from_every_place_they_can_be() -> None:
    """The collector misses nothing: every object carrying `example`/`examples` owns at least one collected example."""
    owners = {e.schema_ptr for e in EXAMPLES} | {e.schema_ptr.removesuffix("/schema") for e in EXAMPLES}
    carriers = [ptr for ptr, node in walk(lookup("")) if "example" in node or "examples" in node]
    assert carriers, "the spec has no examples at all"
    assert [ptr for ptr in carriers if ptr not in owners] == []


@pytest.mark.parametrize(
    "marker",
    [
        pytest.param("schema ", id="schema-examples-arrays"),
        pytest.param(" body examples[", id="request-body-media-types"),
        pytest.param(" 200 application/json examples[", id="response-media-types"),
        pytest.param("response ", id="shared-responses"),
    ],
)
def test_each_kind_of_example_is_checked(marker: str) -> None:
    assert any(marker in e.id for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_example_satisfies_its_schema(example: Example) -> None:
    problems = errors(example.value, example.schema_ptr)
    assert not problems, "\n".join(problems)


# --- the validator rejects broken examples ------------------------------------------------------------------------


def _required(schema: Any) -> list[str]:
    """Top-level required keys of a schema, through `$ref` and `allOf`."""
    return required_keys(document(), schema)


def _droppable(example: Example) -> str | None:
    if not isinstance(example.value, dict):
        return None
    return next((k for k in _required(lookup(example.schema_ptr)) if k in example.value), None)


DROPPABLE = [(e, key) for e in EXAMPLES if (key := _droppable(e))]


def test_most_object_examples_have_a_required_key_to_drop() -> None:
    assert len(DROPPABLE) >= len(EXAMPLES) // 2


@pytest.mark.parametrize(("example", "key"), DROPPABLE, ids=lambda v: v.id if isinstance(v, Example) else v)
def test_example_without_a_required_key_is_rejected(example: Example, key: str) -> None:
    broken = copy.deepcopy(example.value)
    del broken[key]
    assert any(f"'{key}' is a required property" in e for e in errors(broken, example.schema_ptr))


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        for part in path[:-1]:
            doc = doc[part]
        doc[path[-1]] = value

    return mutate


def _repeat_items(times: int) -> Callable[[Any], None]:
    def mutate(doc: Any) -> None:
        doc["items"] = doc["items"] * times

    return mutate


# (example id, mutation, text the validator's complaint must contain)
MUTATIONS = [
    pytest.param(
        "schema Me examples[0]",
        _set(("created_at",), "yesterday"),
        "is not a 'date-time'",
        id="Me.created_at-not-a-date-time",
    ),
    pytest.param("schema Me examples[0]", _set(("id",), "key-1"), "is not a 'uuid'", id="Me.id-not-a-uuid"),
    pytest.param(
        "list_webhooks (GET /webhooks) 200 application/json examples[generated_reference]",
        _set(("items", 0, "url"), "<string>"),
        "is not a 'uri'",
        id="list_webhooks.url-placeholder",
    ),
    pytest.param(
        "list_contacts (GET /contacts) 200 application/json examples[generated_reference]",
        _set(("items", 0, "id"), 42),
        "is not of type 'string'",
        id="list_contacts.items-through-allOf",
    ),
    pytest.param(
        "list_activities (GET /activities) 200 application/json examples[replies_for_a_contact]",
        _set(("items", 0, "payload", "type"), "message.teleported"),
        "is not valid under any",
        id="list_activities.payload-unknown-event-type",
    ),
    pytest.param(
        "create_contact_lists (POST /contact-lists) body examples[generated_reference]",
        _repeat_items(101),
        "is too long",
        id="create_contact_lists.101-items",
    ),
    pytest.param(
        "response BadRequest application/json examples[validation]",
        _set(("type",), 400),
        "is not valid under any of the given schemas",  # any string is a valid type (new types are additive)
        id="BadRequest.error-type-not-a-string",
    ),
    pytest.param(
        "create_contact_exclusion (POST /contact-exclusions) body examples[generated_reference]",
        _set(("reason",), "Oops"),
        "is not one of",
        id="create_contact_exclusion.unknown-reason",
    ),
]


@pytest.mark.parametrize(("example_id", "mutate", "complaint"), MUTATIONS)
def test_broken_copy_of_an_example_is_rejected(example_id: str, mutate: Callable[[Any], None], complaint: str) -> None:
    example = BY_ID[example_id]
    assert errors(example.value, example.schema_ptr) == []  # the original is fine...
    broken = copy.deepcopy(example.value)
    mutate(broken)
    problems = errors(broken, example.schema_ptr)
    assert any(complaint in p for p in problems), problems  # ...the copy is not, for the reason we broke it
    assert errors(example.value, example.schema_ptr) == []  # and the original was not touched


def test_parameter_examples_are_collected_and_checked() -> None:
    """The spec has no parameter examples yet; this shows both forms would be found and checked against the schema."""
    size = {**lookup("/components/parameters/Size"), "example": 50, "examples": {"too_big": {"value": 101}}}
    found = {e.id: e for e in holder_examples(size, "/components/parameters/Size", "param size")}
    assert set(found) == {"param size example", "param size examples[too_big]"}
    assert errors(found["param size example"].value, found["param size example"].schema_ptr) == []
    too_big = found["param size examples[too_big]"]
    assert any("101 is greater than the maximum of 100" in e for e in errors(too_big.value, too_big.schema_ptr))
