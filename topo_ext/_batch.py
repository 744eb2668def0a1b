"""The core of a batch create, without I/O (`_resource.sync_batch` / `async_batch` are its two shells): the items
checked and cut into chunks of at most the documented limit, all-or-nothing operations sent whole (or refused before
anything is sent), the chunks' results merged into one, a failing chunk turned into a `BatchError` naming it.

Items are checked before they are sent, named by their input index (`items[150]`): a list or tuple wholly before
the first chunk (a bad item sends nothing and raises the plain `TypeError`/`ValueError`), a lazy iterable chunk by
chunk (a bad item in a later chunk raises `BatchError` for that chunk, caused by that error: the earlier chunks
were sent). A closed client raises `ClientClosedError` before anything is read or sent; closed between chunks it
is a `BatchError` caused by `ClientClosedError` (the earlier chunks stay committed).
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from typing import Any

import httpx

from . import _exceptions as exc
from . import _telemetry
from ._arguments import OPTIONS, check_options
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
        self.op = op
        size, iterable = _chunk_size(op, chunk_size), _iterable(items)
        self.lazy = not isinstance(items, Sequence)
        if isinstance(items, Sequence):  # every item checked before anything is sent (or refused as too many)
            for start in range(0, len(items), size):
                self._check(list(items[start:start + size]), start)
        self.atomic = op.spec.batch_all_or_nothing
        self.chunks = _chunks(_whole(op, iterable, size) if self.atomic and not allow_partial else iterable, size)
        self.results: list[Any] = []
        self.items: list[Any] = []
        self.span = (0, 0)
        self.response: httpx.Response | None = None

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for chunk in self.chunks:
            self.span = start, stop = (self.span[1], self.span[1] + len(chunk))
            if self.lazy:  # a lazy iterable's chunk, checked before it is sent
                try:
                    self._check(chunk, start)
                except (TypeError, ValueError) as err:
                    if not start:
                        raise
                    raise _batch_error(err, start, stop, self.items, self.atomic) from err
            yield {"items": chunk, **self.options}

    def _check(self, chunk: list[Any], start: int) -> None:
        """The chunk's request checked as sending it will check it; a bad item named by its input index."""
        try:
            self.op.request_kwargs((), {"items": chunk, **self.options})
        except exc.TopoError:
            raise
        except (TypeError, ValueError) as err:
            if not start or type(err) not in (TypeError, ValueError):
                raise
            raise type(err)(_ITEM.sub(lambda m: f"items[{int(m[1]) + start}]", str(err), count=1)) from None

    @contextlib.contextmanager
    def chunk(self) -> Iterator[None]:
        start, stop = self.span
        try:
            with _telemetry.batch_chunk(start, stop):
                yield
        except exc.TopoError as err:
            if isinstance(err, exc.ClientClosedError) and not start:
                raise  # nothing was sent: as every call of a closed client
            raise _batch_error(err, start, stop, self.items, self.atomic) from err

    def add(self, result: Any, response: httpx.Response) -> None:
        """One chunk's answer. Leniently decoded, its fields may be None (left out) or of any type: items that are
        None count as none; items that are not a list make the answer unusable (APIResponseValidationError, which
        `chunk()` turns into a BatchError saying the chunk may have been created)."""
        items = result.items
        if items is not None and not isinstance(items, list):
            raise exc.APIResponseValidationError(
                f"Topo's answer has items of type {type(items).__name__}, not a list",
                response=response, request_id=getattr(result, "_request_id", None))
        for item in items or ():
            index = getattr(item, "index", None)
            if isinstance(index, int) and not isinstance(index, bool):
                item.index = index + self.span[0]
            self.items.append(item)
        self.results.append(result)
        self.response = response

    def merged(self) -> Any:
        """One result of the chunks' results: one chunk's as decoded; several joined, items in input order (those
        left out count as none), each summary count the sum over the chunks if every chunk gave an int for it,
        else None (unknown: a count left out or of another type, already in `client.drift`); the summary None if
        no chunk had one."""
        if not self.results:
            raise ValueError("items: at least one item is required")
        first = self.results[0]
        if len(self.results) == 1:
            return first
        summaries = [r.summary for r in self.results]
        kind = next((type(s) for s in summaries if hasattr(s, "total")), None)
        summary = kind(**{name: _sum(getattr(s, name, None) for s in summaries)
                          for name in ("total", "succeeded", "failed")}) if kind is not None else None
        merged = type(first)(items=self.items, summary=summary)
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


_ITEM = re.compile(r"(?<![\w.])items\[(\d+)\]")  # an item named by its index within the chunk


def _sum(counts: Iterable[Any]) -> int | None:
    total = 0
    for count in counts:
        if not isinstance(count, int) or isinstance(count, bool):
            return None
        total += count
    return total


def _batch_error(err: BaseException, start: int, stop: int, done: list[Any], atomic: bool) -> exc.BatchError:
    if 200 <= getattr(err, "status_code", 0) < 300:  # accepted, but its answer unusable: it may be in
        committed = (f"this chunk may have been created and {len(done)} item result(s) before it succeeded; "
                     "do not resend it blindly")
    elif atomic:  # each request is all-or-nothing: this chunk left nothing, the earlier ones are in
        committed = (f"the first {start} items were committed (earlier chunks) and stay" if start
                     else "nothing was committed")
    else:
        committed = f"{len(done)} item result(s) before it succeeded"
    return exc.BatchError(
        f"batch items [{start}:{stop}] failed: {err}; {committed} (see .succeeded)",
        start=start, stop=stop, succeeded=done, cause=err,
    )


def _iterable(items: Any) -> Iterable[Any]:
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise TypeError(f"items: expected an iterable of items, got {type(items).__name__}")
    iterable: Iterable[Any] = items
    return iterable
