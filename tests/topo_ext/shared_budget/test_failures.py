"""SharedBudget when Redis fails or holds garbage, and its argument checks: no raw redis error, no password shown."""

from __future__ import annotations

import math
import socket
from typing import Any

import pytest

from bench._redis import RedisServer
from topo_ext import SharedBudget, TopoError

PW = "s3cretPassw0rd"


def _down_url() -> str:
    with socket.socket() as probe:  # a free loopback port: nothing listens there once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://user:{PW}@127.0.0.1:{port}/0"


def _raw(server: RedisServer) -> Any:
    import redis

    return redis.Redis.from_url(server.url)


def test_an_unreachable_redis_never_fails_current_rate_and_reset_says_so() -> None:
    budget = SharedBudget(_down_url(), key="topo:down", rate=5, timeout=0.2)
    assert budget.current_rate() == 5.0 and budget.degraded  # the in-process gate's rate, as the gate calls use
    assert budget.current_rate() == 5.0
    with pytest.raises(TopoError, match=r"topo:down.*ConnectionError.*not reset") as caught:
        budget.reset()
    assert PW not in str(caught.value) and caught.value.__context__ is None  # no redis error (or its traceback) attached


def test_a_wrong_password_degrades_like_an_unreachable_redis(redis_server: RedisServer) -> None:
    _raw(redis_server).config_set("requirepass", PW)
    url = redis_server.url.replace("redis://", "redis://:wrong@")
    budget = SharedBudget(url, key="topo:auth", rate=4)
    assert budget.current_rate() == 4.0 and budget.degraded
    assert budget.reserve() == 0.0
    with pytest.raises(TopoError, match="AuthenticationError") as caught:
        budget.reset()
    assert "wrong" not in str(caught.value)


@pytest.mark.parametrize("garbage", ["not-a-number", "nan", "inf", "-3", "0"])
def test_a_garbage_estimate_is_ignored(redis_server: RedisServer, garbage: str) -> None:
    budget = SharedBudget(redis_server.url, key="topo:junk", rate=10)
    _raw(redis_server).hset("topo:junk:gate", "estimate", garbage)
    assert budget.current_rate() == 10.0
    waits = [budget.reserve() for _ in range(3)]
    assert waits[2] - waits[1] == pytest.approx(0.1, abs=0.02)  # still spaced at the configured rate
    learning = SharedBudget(redis_server.url, key="topo:junk2")
    _raw(redis_server).hset("topo:junk2:gate", mapping={"estimate": garbage, "next": garbage, "cut_at": garbage})
    assert learning.current_rate() is None and learning.reserve() == 0.0 and not learning.degraded


def test_keys_of_the_wrong_type_are_replaced(redis_server: RedisServer) -> None:
    raw = _raw(redis_server)
    raw.set("topo:typo:gate", "a string")
    raw.rpush("topo:typo:passes", "a list")
    budget = SharedBudget(redis_server.url, key="topo:typo", rate=10)
    assert budget.current_rate() == 10.0 and not budget.degraded
    waits = [budget.reserve() for _ in range(3)]
    assert waits[2] - waits[1] == pytest.approx(0.1, abs=0.02) and not budget.degraded
    assert raw.type("topo:typo:gate") == b"hash"
    budget.on_success()  # the list under the passes key is dropped
    assert raw.type("topo:typo:passes") == b"hash"
    raw.hset("topo:typo:passes", mapping={"junk": "1", "12": "x"})
    budget.on_success()
    budget.on_429(1.0, 0.0)
    assert not budget.degraded and raw.type("topo:typo:passes") == b"hash"
    learned = budget.current_rate()
    assert learned is not None and 0 < learned <= 10


def test_reset_forgets_the_shared_state(redis_server: RedisServer) -> None:
    budget = SharedBudget(redis_server.url, key="topo:reset", rate=10)
    budget.reserve()
    budget.reset()
    assert not _raw(redis_server).exists("topo:reset:gate") and budget.reserve() == 0.0


NAN, INF = math.nan, math.inf


@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"url": 5}, TypeError, "url: .*int"),
    ({"url": f"http://u:{PW}@h:1"}, ValueError, r"url: .*redis://.*'http://\*\*\*@h:1'"),
    ({"url": f"redis://u:{PW}@h:notaport/0"}, ValueError, r"url: .*'redis://\*\*\*@h:notaport/0'"),
    ({"url": f"redis://u:{PW}@h:1/abc"}, ValueError, r"url: .*database"),
    ({"url": f"redis://u:p/{PW}@h:1/0"}, ValueError, r"url: .*'redis://\*\*\*@h:1/0'"),  # a '/' in the password
    ({"url": "redis://h:1/0", "timeout": -1}, ValueError, "timeout: .*-1"),
    ({"url": "redis://h:1/0", "timeout": "x"}, TypeError, "timeout: .*str"),
    ({"url": "redis://h:1/0", "timeout": NAN}, ValueError, "timeout"),
    ({"url": "redis://h:1/0", "retry_every": -1}, ValueError, "retry_every: .*-1"),
    ({"url": "redis://h:1/0", "retry_every": NAN}, ValueError, "retry_every"),
    ({"url": "redis://h:1/0", "retry_every": True}, TypeError, "retry_every"),
    ({"url": "redis://h:1/0", "rate": NAN}, ValueError, "rate: .*nan"),
    ({"url": "redis://h:1/0", "rate": INF}, ValueError, "rate: .*inf"),
    ({"url": "redis://h:1/0", "rate": 0}, ValueError, "rate"),
    ({"url": "redis://h:1/0", "rate": "10"}, TypeError, "rate: .*str"),
])
def test_bad_arguments_are_refused_naming_them(kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match) as caught:
        SharedBudget(key="topo:args", **kwargs)
    assert PW not in str(caught.value) and caught.value.__context__ is None
    assert not type(caught.value).__module__.startswith("redis")


def test_good_urls_are_accepted() -> None:
    for url in ("redis://h:1", "redis://h:1/", "rediss://:pw@h/3", "unix:///tmp/redis.sock?db=2"):
        assert SharedBudget(url, key="topo:ok").key == "topo:ok"
