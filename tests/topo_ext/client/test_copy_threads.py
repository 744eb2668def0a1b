"""`with_options()` and `with_raw_response` while other threads build the client's resources for the first time."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from tests.specdata import MockAPI
from topo_ext import Topo
from topo_ext._client import _lazy_attributes

ROUNDS = 300
COPIES = 20


@pytest.fixture
def fast_switching() -> Iterator[None]:
    """Threads switch as often as they can, so a copy is likely to meet a resource being built."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


@pytest.mark.usefixtures("fast_switching")
@pytest.mark.parametrize("copy", [lambda c: c.with_options(max_retries=1), lambda c: c.with_raw_response],
                         ids=["with_options", "with_raw_response"])
def test_copies_are_safe_while_other_threads_build_resources(copy: Callable[[Topo], Topo]) -> None:
    names = sorted(name for name in _lazy_attributes(Topo) if not name.startswith("_"))
    assert len(names) > 3  # something to build
    errors: list[BaseException] = []
    http = httpx.Client(transport=httpx.MockTransport(MockAPI()))
    for _ in range(ROUNDS):
        client = Topo(api_key=TEST_KEY, base_url=BASE_URL, http_client=http, log_drift=False)
        start = threading.Barrier(4)

        def copier(client: Topo = client, start: threading.Barrier = start) -> None:
            start.wait()
            try:
                for _ in range(COPIES):
                    copy(client)
            except BaseException as err:  # reported by the assertion below, in the test thread
                errors.append(err)

        def builder(part: int, client: Topo = client, start: threading.Barrier = start) -> None:
            start.wait()
            for name in names[part::2]:
                getattr(client, name)

        threads = [threading.Thread(target=copier), threading.Thread(target=copier),
                   threading.Thread(target=builder, args=(0,)), threading.Thread(target=builder, args=(1,))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
