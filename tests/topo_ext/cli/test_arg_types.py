"""The CLI's number argument types share one reader: a usage error names what was expected; nan is refused."""

from __future__ import annotations

import argparse

import pytest

from topo_ext.cli._core import non_negative_int, parse_number, positive_float, positive_int


@pytest.mark.parametrize(("kind", "expected"), [(int, "a whole number"), (float, "a number")])
def test_text_that_is_no_number_says_what_was_expected(kind: type, expected: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=f"'ten' is not {expected}$"):
        parse_number("ten", kind)


@pytest.mark.parametrize(("parse", "low_ok", "too_low"), [
    (positive_int, "1", "0"), (non_negative_int, "0", "-1"), (positive_float, "0.5", "0"),
])
def test_the_lower_bound_is_checked(parse: object, low_ok: str, too_low: str) -> None:
    assert callable(parse)
    assert parse(low_ok) == float(low_ok)
    with pytest.raises(argparse.ArgumentTypeError, match="must be"):
        parse(too_low)


def test_nan_is_not_a_positive_number() -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        positive_float("nan")
