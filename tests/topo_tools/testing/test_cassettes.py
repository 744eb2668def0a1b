"""Cassettes for consumers: recorded safely, replayed strictly, and a planted key fails the test."""

from __future__ import annotations

import json

import pytest
import vcr
import yaml

from topo_tools.testing import (
    PLACEHOLDER_KEY,
    PLACEHOLDER_SECRET,
    REPLAY_BASE_URL,
    CassetteLeakError,
    check_cassette,
    find_secrets,
    record_mode,
    scrub_request,
    scrub_response,
    vcr_config,
)

SERVICE_TEST = """
import json, pathlib

def test_register_hook(topo_cassette):
    client = topo_cassette.client(max_retries=0)
    assert client.me().scopes
    hook = client.webhooks.create(body={"name": "crm", "url": "http://127.0.0.1:9/h", "event_types": ["message.replied"]})
    assert hook.secret
    if topo_cassette.mode != "none":
        pathlib.Path("leaks.json").write_text(json.dumps({"key": topo_cassette.api_key, "secret": hook.secret}))
"""
CASSETTE = "cassettes/test_service/test_register_hook.yaml"


@pytest.fixture(scope="module")
def recording() -> dict:
    return {}


@pytest.fixture
def recorded(pytester, recording):
    """A service test and its cassette, recorded against a fresh sandbox (once per module, then copied into each
    test's folder); returns (cassette path, the key and secret the recording saw)."""
    pytester.makepyfile(test_service=SERVICE_TEST)
    path = pytester.path / CASSETTE
    if not recording:
        pytester.runpytest("-p", "no:cacheprovider", "--topo-record=sandbox").assert_outcomes(passed=1)
        recording.update(cassette=path.read_text(), leaks=json.loads((pytester.path / "leaks.json").read_text()))
    else:
        path.parent.mkdir(parents=True)
        path.write_text(recording["cassette"])
    return path, recording["leaks"]


def test_recording_redacts_the_key_and_the_webhook_secret(recorded):
    path, leaks = recorded
    text = path.read_text()
    assert leaks["key"] not in text and leaks["secret"] not in text
    assert f"Bearer {PLACEHOLDER_KEY}" in text and PLACEHOLDER_SECRET in text
    uris = [i["request"]["uri"] for i in yaml.safe_load(text)["interactions"]]
    assert uris and all(uri.startswith(REPLAY_BASE_URL + "/") for uri in uris)  # the sandbox's port is gone
    assert find_secrets(text) == []


def test_the_recording_replays_offline(recorded, pytester):
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_a_key_planted_in_the_cassette_fails_the_test(recorded, pytester):
    path, _ = recorded
    planted = "topo_live_sk_9f8e7d6c5b4a39281706"
    path.write_text(path.read_text().replace("x-request-id:", f"x-leaked: [{planted}]\n      x-request-id:", 1))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)  # the test itself fails, not its teardown
    result.stdout.fnmatch_lines(["*CassetteLeakError*test_register_hook.yaml holds secrets*an API key*"])
    assert planted not in result.stdout.str()  # the report names the line and kind, never the value


def test_a_webhook_secret_planted_in_the_cassette_fails_the_test(recorded, pytester):
    path, _ = recorded
    path.write_text(path.read_text().replace(PLACEHOLDER_SECRET, "whsec_0123456789abcdef0123"))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*holds secrets*a webhook secret*"])


def test_a_missing_cassette_says_how_to_record_it(pytester):
    pytester.makepyfile(test_service=SERVICE_TEST)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*does not exist: record it with*--topo-record=sandbox*"])


def test_a_request_the_service_changed_does_not_replay(recorded, pytester):
    pytester.makepyfile(test_service=SERVICE_TEST.replace('"name": "crm"', '"name": "crm-v2"'))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*CannotOverwriteExistingCassetteException*"])


# the pieces, without pytest ---------------------------------------------------------------------------------

def test_vcr_config_works_with_plain_vcrpy(tmp_path):
    config = vcr_config(cassette_dir=tmp_path, record="none")
    assert config["match_on"] == ["method", "path", "query", "body"]
    assert config["record_mode"] == "none" and vcr_config(record="live")["record_mode"] == "all"
    vcr.VCR(**config)  # every key is a VCR argument


def test_record_mode_reads_the_flag_or_the_environment(monkeypatch):
    monkeypatch.setenv("TOPO_RECORD", "live")
    assert record_mode() == "live" and record_mode("sandbox") == "sandbox" and record_mode("") == "none"
    monkeypatch.setenv("TOPO_RECORD", "1")
    assert record_mode() == "sandbox"
    with pytest.raises(ValueError, match="'everything'"):
        record_mode("everything")


def test_response_bodies_are_scrubbed_and_binary_bodies_are_scanned(tmp_path):
    leaked = '{"secret": "whsec_abcdef0123456789", "note": "key topo_live_sk_1234567890abcd"}'
    scrubbed = scrub_response({"body": {"string": leaked.encode()}, "headers": {"Set-Cookie": ["s=1"]}})
    assert find_secrets(scrubbed["body"]["string"].decode()) == []
    assert scrubbed["headers"]["Set-Cookie"] == ["REDACTED"]
    cassette = tmp_path / "binary.yaml"
    cassette.write_text(yaml.safe_dump({"interactions": [{"response": {"body": {"string": leaked.encode()}}}]}))
    assert "!!binary" in cassette.read_text()
    with pytest.raises(CassetteLeakError, match="a binary body: an API key"):
        check_cassette(cassette)
    check_cassette(tmp_path / "missing.yaml")  # nothing recorded yet: nothing to leak


def test_displayable_prefixes_are_not_secrets():
    assert find_secrets('"key_prefix": "topo_sbx_ab12", "secret_prefix": "whsec_529f"') == []
    assert find_secrets("authorization: [Bearer topo_REDACTED]") == []
    assert find_secrets("authorization: [Bearer abc.def]") == ["line 1: a bearer token"]


def test_live_recording_uses_topo_base_url_and_key_and_redacts_them(pytester, monkeypatch):
    from topo_tools.sandbox import Sandbox

    pytester.makepyfile(test_service=SERVICE_TEST)
    monkeypatch.delenv("TOPO_API_KEY", raising=False)
    result = pytester.runpytest("-p", "no:cacheprovider", "--topo-record=live")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*--topo-record=live needs TOPO_API_KEY*"])

    with Sandbox(seed=5, activities=10) as stand_in:  # stands in for the real API
        monkeypatch.setenv("TOPO_API_KEY", stand_in.api_key)
        monkeypatch.setenv("TOPO_BASE_URL", stand_in.base_url)
        pytester.runpytest("-p", "no:cacheprovider", "--topo-record=live").assert_outcomes(passed=1)
    text = (pytester.path / CASSETTE).read_text()
    assert stand_in.api_key not in text and find_secrets(text) == []
    assert all(i["request"]["uri"].startswith(REPLAY_BASE_URL + "/") for i in yaml.safe_load(text)["interactions"])


def test_secrets_are_scrubbed_wherever_they_appear_in_a_request(tmp_path):
    key, secret = "topo_live_sk_1234567890abcd", "whsec_abcdef0123456789"
    request = vcr.request.Request(
        "POST", f"https://api.topo.test/v1/contacts?api_key={key}&sig={secret}",
        f'{{"note": "{key}", "token": "Bearer opaque.token.value"}}'.encode(),
        {"X-Custom-Key": key, "X-Forward": f"Bearer {key}", "X-Other": "Bearer opaque.token.value"},
    )
    scrubbed = scrub_request(request)
    written = f"{scrubbed.uri}\n{scrubbed.headers}\n{scrubbed.body.decode()}"
    assert find_secrets(written) == [] and key not in written and secret not in written
    response = scrub_response({"body": {"string": b"{}"}, "headers": {"X-Echo": [f"Bearer {key}", key]}})
    assert find_secrets(str(response["headers"])) == []
