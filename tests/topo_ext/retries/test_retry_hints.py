"""The server's wait hints that are not a finite, short number of seconds are ignored, as if absent."""

from __future__ import annotations

import httpx
import pytest

from topo_ext._retries import MAX_NUMBER_CHARS, parse_retry_after


@pytest.mark.parametrize("header", ["retry-after-ms", "Retry-After", "RateLimit-Reset", "x-ratelimit-reset"])
@pytest.mark.parametrize("value", ["NaN", "inf", "-inf", "Infinity"])
def test_a_hint_that_is_not_a_finite_number_is_ignored(header: str, value: str) -> None:
    assert parse_retry_after(httpx.Headers({header: value})) is None


@pytest.mark.parametrize("header", ["retry-after-ms", "Retry-After", "RateLimit-Reset", "x-ratelimit-reset"])
def test_a_number_up_to_the_longest_readable_is_read_and_a_longer_one_ignored(header: str) -> None:
    longest = "1".zfill(MAX_NUMBER_CHARS)  # leading zeros: the same number, however long
    read = parse_retry_after(httpx.Headers({header: longest}))
    assert read == (0.001 if header == "retry-after-ms" else 1.0)
    assert parse_retry_after(httpx.Headers({header: "0" + longest})) is None
