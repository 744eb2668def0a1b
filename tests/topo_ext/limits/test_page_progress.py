"""PageProgress: a page with the same items as the one before is a stall, told by the items' string ids (their
repr where they have none), whatever mix of items a lenient decode hands it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from topo_ext import _limits
from topo_ext._limits import PageProgress


@dataclass
class WithId:
    id: Any
    name: str = "x"


@dataclass
class NoId:
    name: str


def stalls(pages: list[list[Any]], allowed: int = 5) -> list[int]:
    """The stall count after each page."""
    progress = PageProgress(allowed)
    counts = []
    for number, items in enumerate(pages, start=1):
        assert progress.problem(number, None, items) is None
        counts.append(progress.stalls)
    return counts


def test_a_page_of_the_same_ids_is_a_stall_even_if_other_fields_differ() -> None:
    first = [WithId("a"), WithId("b")]
    assert stalls([first, [WithId("a", "changed"), WithId("b")], [WithId("c")]]) == [0, 1, 0]


@pytest.mark.parametrize("other", [NoId("x"), WithId(7), {"id": "a"}], ids=["no id", "int id", "mapping"])
def test_items_without_a_string_id_are_told_apart_by_their_repr(other: Any) -> None:
    same, changed = [WithId("a"), other], [WithId("a"), other]
    assert stalls([same, changed]) == [0, 1]
    if isinstance(other, NoId | WithId):
        different = [WithId("a"), type(other)(**{**vars(other), "name": "y"})]
        assert stalls([same, different]) == [0, 0]  # an int id is not an identity: same id, other content


def test_stalls_past_the_allowance_end_the_walk_and_progress_resets_them() -> None:
    page = [WithId("a")]
    progress = PageProgress(1)
    assert progress.problem(1, None, page) is None
    assert progress.problem(2, None, list(page)) is None  # one repeat: allowed
    assert progress.problem(3, None, [WithId("b")]) is None and progress.stalls == 0
    assert progress.problem(4, None, [WithId("b")]) is None
    assert progress.problem(5, None, [WithId("b")]) is not None  # two in a row


def test_empty_pages_are_not_stalls() -> None:
    assert stalls([[], []]) == [0, 0]


def test_the_same_ids_in_another_order_are_a_stall() -> None:
    # A server that ignores `page` and shuffles its answer would otherwise be walked forever.
    a, b, c = WithId("a"), WithId("b"), WithId("c")
    assert stalls([[a, b], [b, a], [a, b]]) == [0, 1, 2]
    assert stalls([[a, b], [a, c], [c, a, b]]) == [0, 0, 0]  # the same first id, other ids: progress
    assert stalls([[NoId("x"), NoId("y")], [NoId("y"), NoId("x")]]) == [0, 1]  # told apart by repr, as before
    progress = PageProgress(0)
    assert progress.problem(1, None, [a, b]) is None
    assert "repeats the items" in str(progress.problem(2, None, [b, a]))


def test_sets_are_built_only_when_a_page_starts_with_an_id_of_the_page_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []

    def spy(items: Any = ()) -> frozenset[Any]:
        built.append(items)
        return frozenset(items)

    monkeypatch.setattr(_limits, "frozenset", spy, raising=False)
    pages = [[WithId(f"{n}-{i}") for i in range(3)] for n in range(4)]
    assert stalls([*pages, [], []]) == [0] * 6
    assert built == []
    assert stalls([pages[0], pages[0][::-1]]) == [0, 1]
    assert len(built) == 2
