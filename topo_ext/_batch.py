"""The core of a batch create, without I/O (`_resource.sync_batch` / `async_batch` are its two shells): the items
checked and cut into chunks of at most the documented limit, all-or-nothing operations sent whole (or refused before
anything is sent), the chunks' results merged into one, a failing chunk turned into a `BatchError` naming it.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from typing import Any

import httpx

from . import _exceptions as exc
from . import _telemetry
from ._arguments import OPTIONS, _to_jsonable, check_json, check_options
from ._operations import Operation


def _chunks(items: Iterable[Any], size: int) -> Iterable[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chunk_size(op: Operation[Any, Any], chunk_size: int | None) -> int:
    limit = op.spec.batch_max_items or 100
    if chunk_size is None:
        return limit
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or not 1 <= chunk_size <= limit:
        raise ValueError(f"chunk_size: must be an int between 1 and {limit}, got {chunk_size!r}")
    return chunk_size


class Batch:
    """The core of a batch create, without I/O. Iterating it gives each chunk's request keywords; the shell sends
    each inside `with batch.chunk():` (telemetry; a TopoError becomes a BatchError naming the chunk) and `add()`s
    the result; `merged()` joins the chunks' results into one of the same generated type, indexes re-based."""

    def __init__(self, op: Operation[Any, Any], items: Iterable[Any], chunk_size: int | None,
                 allow_partial: bool, options: dict[str, Any]) -> None:
        if unknown := sorted(set(options) - set(OPTIONS)):
            raise TypeError(f"{op.spec.python_method}() got an unexpected keyword argument {unknown[0]!r}")
        if not isinstance(allow_partial, bool):
            raise TypeError(f"allow_partial: expected True or False, got {type(allow_partial).__name__}")
        self.options = check_options(options)
        size, iterable = _chunk_size(op, chunk_size), _iterable(op, items)
        self.atomic = op.spec.batch_all_or_nothing
        self.chunks = _chunks(_whole(op, iterable, size) if self.atomic and not allow_partial else iterable, size)
        self.results: list[Any] = []
        self.items: list[Any] = []
        self.span = (0, 0)
        self.response: httpx.Response | None = None

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for chunk in self.chunks:
            self.span = (self.span[1], self.span[1] + len(chunk))
            yield {"items": chunk, **self.options}

    @contextlib.contextmanager
    def chunk(self) -> Iterator[None]:
        start, stop = self.span
        try:
            with _telemetry.batch_chunk(start, stop):
                yield
        except exc.TopoError as err:
            raise _batch_error(err, start, stop, self.items, self.atomic) from err

    def add(self, result: Any, response: httpx.Response) -> None:
        for item in result.items:
            if isinstance(getattr(item, "index", None), int):
                item.index += self.span[0]
            self.items.append(item)
        self.results.append(result)
        self.response = response

    def merged(self) -> Any:
        if not self.results:
            raise ValueError("items: at least one item is required")
        first = self.results[0]
        if len(self.results) == 1:
            return first
        totals = {
            name: sum(getattr(r.summary, name) for r in self.results) for name in ("total", "succeeded", "failed")
        }
        merged = type(first)(items=self.items, summary=type(first.summary)(**totals))
        if (request_id := self.results[-1]._request_id) is not None:
            merged.__dict__["_request_id_"] = request_id  # the last chunk's, as with_raw_response shows
        return merged


def _whole(op: Operation[Any, Any], items: Iterable[Any], size: int) -> list[Any]:
    """An all-or-nothing batch's items, all of them, if they fit in one request; otherwise InvalidRequestError
    before anything is sent (reads at most one item past the limit of a lazy iterable)."""
    taken = list(itertools.islice(items, size + 1))
    if len(taken) > size:
        count = f"{len(items)}" if isinstance(items, Sized) else f"more than {size}"
        raise exc.InvalidRequestError(
            f"items: {count} items, but {op.spec.python_method or op.spec.operation_id}() is all-or-nothing and "
            f"one request takes at most {size}; nothing was sent. Pass allow_partial=True to send chunks of "
            f"{size} (if a later chunk fails, the earlier ones stay committed)")
    return taken


def _batch_error(err: BaseException, start: int, stop: int, done: list[Any], atomic: bool) -> exc.BatchError:
    if atomic:  # each request is all-or-nothing: this chunk left nothing, the earlier ones are in
        committed = (f"the first {start} items were committed (earlier chunks) and stay" if start
                     else "nothing was committed")
    else:
        committed = f"{len(done)} item result(s) before it succeeded"
    return exc.BatchError(
        f"batch items [{start}:{stop}] failed: {err}; {committed} (see .succeeded)",
        start=start, stop=stop, succeeded=done, cause=err,
    )


def _iterable(op: Operation[Any, Any], items: Any) -> Iterable[Any]:
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise TypeError(f"items: expected an iterable of items, got {type(items).__name__}")
    if isinstance(items, Sequence) and op.spec.body_schema is not None:
        # Every item is checked before the first chunk goes out (a lazy iterable is checked chunk by chunk).
        check_json({"items": _to_jsonable(list(items), "items")}, op.spec.body_schema, "")
    iterable: Iterable[Any] = items
    return iterable
