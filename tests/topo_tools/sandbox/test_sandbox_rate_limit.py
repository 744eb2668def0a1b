"""The per-key token bucket: 429 with the error body and Retry-After (and retry-after-ms when asked)."""

from __future__ import annotations

import time
from typing import Any

import httpx

from topo_tools.sandbox import Sandbox


def test_burst_then_429_with_retry_after(client_for: Any, validate: Any) -> None:
    with Sandbox(activities=20, rate_limit=5, retry_after_ms=True) as sb, client_for(sb) as api:
        answers: list[httpx.Response] = []
        while len(answers) < 50 and 429 not in [r.status_code for r in answers]:
            answers.append(api.get("/me"))
        statuses = [r.status_code for r in answers]
        assert statuses[:5] == [200] * 5  # the bucket starts full: one second's worth
        limited = answers[-1]
        assert limited.status_code == 429
        validate(limited.json(), "Error")
        assert limited.json()["request_id"] == limited.headers["x-request-id"]
        assert int(limited.headers["retry-after"]) >= 1
        wait_ms = int(limited.headers["retry-after-ms"])
        assert 0 < wait_ms <= 1000
        assert sb.stats.rate_limited == statuses.count(429) == sb.stats.statuses[429]
        time.sleep(wait_ms / 1000 + 0.05)
        assert api.get("/me").status_code == 200  # waiting as told is enough


def test_limit_is_per_key_and_retry_after_ms_is_optional(client_for: Any) -> None:
    with Sandbox(activities=20, rate_limit=1) as sb:
        other = sb.make_key(scopes=[])
        with client_for(sb) as first, client_for(sb, other) as second:
            assert first.get("/me").status_code == 200
            limited = first.get("/me")
            assert limited.status_code == 429 and "retry-after-ms" not in limited.headers
            assert limited.headers["retry-after"] == "1"
            assert second.get("/me").status_code == 200


def test_unauthenticated_requests_do_not_spend_tokens(client_for: Any) -> None:
    with Sandbox(activities=20, rate_limit=1) as sb:
        with client_for(sb, "topo_nope") as stranger:
            assert [stranger.get("/me").status_code for _ in range(3)] == [401] * 3
        with client_for(sb) as api:
            assert api.get("/me").status_code == 200
