"""The runtime drift record: keys, counts, one log record per key, no secrets, nothing reported for known data."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from tests.conftest import TEST_KEY
from tests.specdata import UUID_A, WHEN, MockAPI, instance, schema
from tests.unknowns import absent
from topo_ext import Topo
from topo_ext._drift import REDACTED, DriftRecord, drift_record
from topo_ext.events import UnknownEvent, decode_activity_page, parse_event

WEBHOOK_SECRET = "whsec_do_not_leak_6b1d"
FIELD, OTHER_FIELD = absent("unlisted_field"), absent("unlisted_other")  # names the spec does not have
REASON, EVENT = absent("UNLISTED_REASON"), absent("unlisted.event")


def _contact(**extra: object) -> dict[str, object]:
    return {**instance(schema("Contact")), **extra}


def test_key_format_for_fields_enums_and_event_types(client: Topo, api: MockAPI) -> None:
    api.override["get_contact"] = lambda r: httpx.Response(200, json=_contact(**{FIELD: "teal"}))
    api.override["get_contact_exclusion"] = lambda r: httpx.Response(
        200, json={**instance(schema("ContactExclusion")), "reason": REASON})
    client.contacts.get(UUID_A)
    client.contact_exclusions.get(UUID_A)
    parse_event({"type": EVENT, "organization_id": UUID_A})  # no client: the process's record
    assert client.drift.keys() | drift_record().keys() == {
        f"Contact.{FIELD}",
        f'ExclusionReason="{REASON}"',
        f'ActivityPayload.type="{EVENT}"',
    }
    entry = next(e for e in client.drift.entries() if e.kind == "field")
    assert (entry.schema, entry.name, entry.count, entry.example) == ("Contact", FIELD, 1, "teal")


def test_nested_models_report_under_their_own_class(client: Topo, api: MockAPI) -> None:
    page = instance(schema("ContactPage"))
    page["items"] = [_contact(**{OTHER_FIELD: 44}), _contact(**{OTHER_FIELD: 45})]
    api.override["list_contacts"] = lambda r: httpx.Response(200, json=page)
    client.contacts.list().items  # noqa: B018 (decoding is the point)
    assert client.drift.keys() == {f"Contact.{OTHER_FIELD}"}
    assert client.drift.entries()[0].count == 2  # once per key, counted


def test_event_fields_and_camel_case(client: Topo) -> None:
    activity = {"id": UUID_A, "created_at": WHEN, "payload": {
        "type": "message.sent", "organizationId": UUID_A, "personId": UUID_A, FIELD: "happy", "sequenceId": 5}}
    page = decode_activity_page(json.dumps({"items": [activity], "total_count": 1, "total_pages": 1,
                                            "has_more": False}).encode())
    payload = page.items[0].payload
    assert payload.person_id == UUID_A  # camelCase spelling of a known field: known, not drift
    assert payload.sequence_id == 5  # a value of another type is kept too
    assert drift_record().keys() == {f"MessageSentEvent.{FIELD}", "MessageSentEvent.sequence_id (unexpected type)"}
    assert not client.drift  # decoded without a client: the process-wide record, not this client's


def test_one_warning_per_new_key_and_the_option_to_silence_it(api: MockAPI, caplog: pytest.LogCaptureFixture) -> None:
    api.override["get_contact"] = lambda r: httpx.Response(200, json=_contact(**{FIELD: "teal"}))
    http = httpx.Client(transport=httpx.MockTransport(api))
    with caplog.at_level(logging.WARNING, logger="topo"):
        client = Topo(api_key=TEST_KEY, base_url="https://t/v1", http_client=http)
        for _ in range(3):
            client.contacts.get(UUID_A)
    records = [r for r in caplog.records if r.name == "topo" and f"Contact.{FIELD}" in r.getMessage()]
    assert len(records) == 1 and records[0].levelno == logging.WARNING
    assert client.drift.entries()[0].count == 3

    caplog.clear()
    drift_record().clear()
    with caplog.at_level(logging.WARNING, logger="topo"):
        quiet = Topo(api_key=TEST_KEY, base_url="https://t/v1", http_client=http, log_drift=False)
        quiet.contacts.get(UUID_A)
    assert not [r for r in caplog.records if r.name == "topo"]
    assert quiet.drift.keys() == {f"Contact.{FIELD}"}  # still recorded


def test_known_data_reports_nothing(client: Topo, api: MockAPI, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError(f"reported although nothing was unknown: {args}")

    monkeypatch.setattr(DriftRecord, "report", fail)
    client.contacts.get(UUID_A)
    client.contact_exclusions.list().items  # noqa: B018
    client.activities.list().items  # noqa: B018
    assert not client.drift


def test_drift_records_never_hold_secrets(api: MockAPI, caplog: pytest.LogCaptureFixture) -> None:
    secrets = [TEST_KEY, WEBHOOK_SECRET, "tok-123456", "hunter2", "pk-98765", "sig-abcdef"]
    api.override["get_contact"] = lambda r: httpx.Response(200, json=_contact(
        api_token="tok-123456", password="hunter2", signing_key="pk-98765", last_signature="sig-abcdef",
        note=TEST_KEY, echo=f"Bearer {TEST_KEY}", old_hook={"secret": WEBHOOK_SECRET, "list": [WEBHOOK_SECRET]},
        nested={"deep": [{"access_token": "tok-123456"}]}))
    api.override["create_webhook"] = lambda r: httpx.Response(201, json={
        **instance(schema("WebhookSubscriptionWithSecret")), "secret": WEBHOOK_SECRET,
        "previous_secret": WEBHOOK_SECRET, "rotation": {"next": WEBHOOK_SECRET}})
    http = httpx.Client(transport=httpx.MockTransport(api))
    with caplog.at_level(logging.DEBUG):
        client = Topo(api_key=TEST_KEY, base_url="https://t/v1", http_client=http)
        client.contacts.get(UUID_A)
        client.webhooks.create(body={"name": "n", "url": "https://example.com/hook", "event_types": ["message.sent"]})
        event = parse_event({"type": "message.sent", "organization_id": UUID_A, "auth_token": "tok-123456",
                             "copy": WEBHOOK_SECRET})
        unknown = parse_event({"type": "x.y", "client_secret": WEBHOOK_SECRET})
    assert isinstance(unknown, UnknownEvent) and event.extra["auth_token"] == "tok-123456"  # kept on the object
    assert {"Contact.api_token", "Contact.note", "WebhookSubscriptionWithSecret.previous_secret",
            "MessageSentEvent.auth_token"} <= client.drift.keys() | drift_record().keys()
    dumped = (client.drift.to_json() + repr(client.drift) + drift_record().to_json()
              + "".join(r.getMessage() for r in caplog.records))
    for secret in secrets:
        assert secret not in dumped
    examples = {e.key: e.example for e in client.drift.entries() + drift_record().entries()}
    assert examples["Contact.password"] == REDACTED
    assert examples["Contact.nested"] == {"deep": [{"access_token": REDACTED}]}
    assert examples["Contact.echo"] == REDACTED


OTHER_KEY = "plain-key-no-known-prefix-7c3e"  # not key-shaped: only knowing it finds it


def _echo_key(request: httpx.Request) -> str:
    return request.headers["authorization"].removeprefix("Bearer ")


def test_the_clients_keys_echoed_as_field_names_or_enum_values_are_cut_out(
        api: MockAPI, caplog: pytest.LogCaptureFixture) -> None:
    api.override["get_contact_exclusion"] = lambda r: httpx.Response(
        200, json={**instance(schema("ContactExclusion")), "reason": _echo_key(r)})
    api.override["get_contact"] = lambda r: httpx.Response(200, json=_contact(**{f"x_{_echo_key(r)}": _echo_key(r)}))
    client = Topo(api_key=TEST_KEY, base_url="https://t/v1", http_client=httpx.Client(transport=httpx.MockTransport(api)))
    with caplog.at_level(logging.WARNING):
        for each in (client.with_options(api_key=OTHER_KEY), client):  # the copy shares the record: its key too
            each.contact_exclusions.get(UUID_A)
            each.contacts.get(UUID_A)
    assert client.drift.keys() == {f'ExclusionReason="{REDACTED}"', f"Contact.x_{REDACTED}"}
    assert [e.count for e in client.drift.entries()] == [2, 2]
    assert {e.example for e in client.drift.entries()} == {REDACTED}
    dumped = client.drift.to_json() + repr(client.drift) + "".join(r.getMessage() for r in caplog.records)
    assert REDACTED in dumped and TEST_KEY not in dumped and OTHER_KEY not in dumped


def test_a_key_too_short_to_tell_from_words_is_not_cut_from_drift_keys() -> None:
    record = DriftRecord()
    record.hide("ACTIVE")
    record.report("enum", "ExclusionReason", "ACTIVE")
    assert record.keys() == {'ExclusionReason="ACTIVE"'}
