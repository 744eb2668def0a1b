"""A client (and each copy of it) cannot be pickled or copied; the TypeError says what to do instead, not which
lock inside it failed."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import BASE_URL, TEST_KEY
from topo_ext import AsyncTopo, Topo

HOW: dict[str, Callable[[Any], Any]] = {"pickle": pickle.dumps, "copy": copy.copy, "deepcopy": copy.deepcopy}


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("cls", [Topo, AsyncTopo])
def test_a_client_refuses_pickle_and_copy_saying_what_to_do(cls: type[Topo[Any]], how: str) -> None:
    http = (httpx.Client if cls is Topo else httpx.AsyncClient)(transport=httpx.MockTransport(httpx.Response))
    client = cls(api_key=TEST_KEY, base_url=BASE_URL, http_client=http)  # type: ignore[arg-type]
    for target in (client, client.with_options(max_retries=0), client.with_raw_response):
        with pytest.raises(TypeError, match=rf"^{cls.__name__} clients cannot be pickled or copied .*create one in "
                                            r"each process.*with_options\(\)") as caught:
            HOW[how](target)
        assert TEST_KEY not in str(caught.value)
