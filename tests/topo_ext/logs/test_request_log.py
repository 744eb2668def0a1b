"""The request log: one DEBUG line per attempt, one INFO line per operation, header values and (by default) bodies
never shown; `TOPO_LOG` from the environment; the README's example is what the CLI prints against the sandbox."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import MockAPI
from topo_ext import AsyncTopo, NotFoundError, Topo, _logs
from topo_ext.cli import main
from topo_tools.sandbox import Sandbox

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _restore_topo_logger(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    logger = logging.getLogger("topo")
    saved = logger.level, list(logger.handlers)
    monkeypatch.delenv("TOPO_LOG", raising=False)
    monkeypatch.delenv("TOPO_LOG_BODIES", raising=False)
    yield
    logger.setLevel(saved[0])
    logger.handlers[:] = saved[1]
    _logs.settings.bodies = False


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=1) as sb:
        yield sb


def _lines(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "topo" and r.levelno == level]


def _api_with_request_ids(api: MockAPI) -> MockAPI:
    def me(request: httpx.Request) -> httpx.Response:
        answer = api.respond(request)
        return httpx.Response(answer.status_code, content=answer.content,
                              headers={"content-type": "application/json", "x-request-id": "req_log1"})

    api.override["get_me"] = me
    return api


def _check_me_lines(caplog: pytest.LogCaptureFixture) -> None:
    (attempt,) = _lines(caplog, logging.DEBUG)
    assert re.fullmatch(rf"GET {re.escape(BASE_URL)}/me -> 200 in \d+ ms \(attempt 1, request_id=req_log1; "
                        r"headers: .*authorization.* \[values redacted\]\)", attempt)
    (operation,) = _lines(caplog, logging.INFO)
    assert re.fullmatch(rf"get_me: GET {re.escape(BASE_URL)}/me -> 200 in \d+ ms \(1 attempt, request_id=req_log1\)",
                        operation)
    assert TEST_KEY not in caplog.text and "Bearer" not in caplog.text


def test_sync_one_debug_line_per_attempt_and_one_info_line(api: MockAPI, caplog: pytest.LogCaptureFixture) -> None:
    http = httpx.Client(transport=httpx.MockTransport(_api_with_request_ids(api)))
    with caplog.at_level(logging.DEBUG, logger="topo"):
        Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http).me()
    _check_me_lines(caplog)


def test_async_one_debug_line_per_attempt_and_one_info_line(api: MockAPI, caplog: pytest.LogCaptureFixture) -> None:
    async def run() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(_api_with_request_ids(api)))
        await AsyncTopo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http).me()

    with caplog.at_level(logging.DEBUG, logger="topo"):
        asyncio.run(run())
    _check_me_lines(caplog)


def test_at_info_only_the_operation_line(client: Topo, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="topo"):
        client.contacts.list(size=5, email="alex@example.com")
    (line,) = [r.getMessage() for r in caplog.records if r.name == "topo"]
    assert line.startswith("list_contacts: GET ") and "size=5" in line and "email=alex%40example.com" in line


def test_the_query_shows_except_secret_looking_values(client: Topo, caplog: pytest.LogCaptureFixture) -> None:
    hidden = "not-for-logs-" + os.urandom(4).hex()
    with caplog.at_level(logging.DEBUG, logger="topo"):
        client.with_options(default_query={"access_token": hidden}).me()
    assert hidden not in caplog.text and "access_token=%5Bredacted%5D" in caplog.text


def test_bodies_only_when_asked_and_then_with_secrets_redacted(sandbox: Sandbox, caplog: pytest.LogCaptureFixture,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def create() -> str:
        client = Topo(api_key=sandbox.api_key, base_url=sandbox.base_url)
        created = client.webhooks.create(name="log test", url="https://example.com/hook",
                                         event_types=["message.sent"])
        assert created.secret
        return created.secret

    with caplog.at_level(logging.DEBUG, logger="topo"):
        secret = create()
    assert "body" not in caplog.text and "example.com/hook" not in caplog.text and secret not in caplog.text
    caplog.clear()
    monkeypatch.setenv("TOPO_LOG_BODIES", "1")
    with caplog.at_level(logging.DEBUG, logger="topo"):
        secret = create()
    bodies = [line for line in _lines(caplog, logging.DEBUG) if " body: " in line]
    assert [line.split(":")[0] for line in bodies] == ["request body", "response body"]
    assert "example.com/hook" in bodies[0] and '"secret": "[redacted]"' in bodies[1]
    assert secret not in caplog.text and sandbox.api_key not in caplog.text


def test_a_body_that_is_not_json_or_too_big_is_only_described() -> None:
    assert _logs.body_text(b"<html>" + os.urandom(8).hex().encode()) == "<22 bytes, not JSON, not shown>"
    assert _logs.body_text(b"[" * (_logs.MAX_BODY + 1)).startswith(f"<{_logs.MAX_BODY + 1} bytes")
    deep = b"[" * 100 + b"]" * 100
    assert "[too deep]" in _logs.body_text(deep)


def test_topo_log_sets_the_level_and_adds_one_stderr_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    logger = logging.getLogger("topo")
    logger.handlers.clear()
    monkeypatch.setenv("TOPO_LOG", "Info")
    for _ in range(2):
        Topo(api_key=TEST_KEY, base_url=BASE_URL)
    assert logger.level == logging.INFO and len(logger.handlers) == 1
    logger.setLevel(logging.DEBUG)  # a more verbose setting of yours (or the CLI's -v) stays
    Topo(api_key=TEST_KEY, base_url=BASE_URL)
    assert logger.level == logging.DEBUG


@pytest.mark.parametrize("cls", [Topo, AsyncTopo])
def test_a_bad_topo_log_names_the_variable(cls: type[Topo], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPO_LOG", "verbose")
    with pytest.raises(ValueError, match="TOPO_LOG: must be one of debug, info, got 'verbose'"):
        cls(api_key=TEST_KEY, base_url=BASE_URL)


def _cli(sandbox: Sandbox, level: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TOPO_LOG": level, "TOPO_API_KEY": sandbox.api_key, "TOPO_BASE_URL": sandbox.base_url,
           "TZ": "UTC"}
    return subprocess.run([sys.executable, "-m", "topo_ext.cli", *argv], env=env, capture_output=True, text=True,
                          timeout=60, check=False)


def test_topo_log_debug_topo_me_shows_the_request_and_no_key_or_header_value(sandbox: Sandbox) -> None:
    done = _cli(sandbox, "debug", "me")
    assert done.returncode == 0, done.stderr
    assert f"topo: debug: GET {sandbox.base_url}/me -> 200 in " in done.stderr
    assert "topo: info: get_me: GET " in done.stderr and "request_id=req_" in done.stderr
    assert sandbox.api_key not in done.stderr + done.stdout and "Bearer" not in done.stderr
    assert "topo-client-python/" not in done.stderr  # the User-Agent value: header values never show


def _normalized(text: str, base_url: str) -> list[str]:
    text = text.replace(base_url, "https://api.topo.io/v1")
    text = re.sub(r"in \d+ ms", "in N ms", text)
    return re.sub(r"req_\w+", "req_…", text).splitlines()


def test_the_readme_example_is_what_the_cli_prints(sandbox: Sandbox) -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("<!-- log-example:", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    command, *shown = block.splitlines()
    assert command == "$ TOPO_LOG=debug topo me --json 2>&1 >/dev/null"
    done = _cli(sandbox, "debug", "me", "--json")
    assert _normalized(done.stderr, sandbox.base_url) == _normalized("\n".join(shown), sandbox.base_url)


def test_the_cli_refuses_a_bad_topo_log_as_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOPO_LOG", "loud")
    monkeypatch.setenv("TOPO_API_KEY", TEST_KEY)
    out, err = io.StringIO(), io.StringIO()
    with httpx.Client(transport=httpx.MockTransport(MockAPI())) as http:
        code = main(["me"], http_client=http, stdout=out, stderr=err)
    assert code == 2 and err.getvalue() == "topo: error: TOPO_LOG: must be one of debug, info, got 'loud'\n"


def test_a_hostile_request_id_is_one_escaped_line_without_the_key(api: MockAPI, caplog: pytest.LogCaptureFixture) -> None:
    api.override["get_me"] = lambda request: httpx.Response(
        404, json={"type": "NotFoundIssue", "message": "nope"},
        headers={"x-request-id": f"{TEST_KEY}\x1b[2J\r\nget_me: forged" + "r" * 100_000})
    http = httpx.Client(transport=httpx.MockTransport(api))
    with caplog.at_level(logging.DEBUG, logger="topo"), pytest.raises(NotFoundError):
        Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, max_retries=0).me()
    lines = _lines(caplog, logging.DEBUG) + _lines(caplog, logging.INFO)
    assert len(lines) == 2 and all("request_id=[redacted]\\x1b[2J\\r\\nget_me: forged" in line for line in lines)
    assert not any("\r" in line or "\n" in line or "\x1b" in line or len(line) > 1000 for line in lines)
    assert TEST_KEY not in caplog.text
