"""The sink the lenient decoder reports to during one decode (`topo_client._shape.Sink`), for one client.

What the walk finds is counted once per distinct key and handed to the client's drift record at the end (`flush`),
or, in strict mode, raises `StrictValidationError` at the first difference. A module of its own, below
`topo_ext._decoding`: the decoder's walks call the sink while `_decoding` is on the stack, and no call goes back into a
module below its caller.
"""

from __future__ import annotations

from typing import Any

from topo_client._decode import DriftKind, Shape

from ._drift import DriftRecord, StrictValidationError

_PROBLEMS: dict[str, str] = {
    DriftKind.FIELD: "a field the spec does not describe",
    DriftKind.MISSING: "a field the spec requires is missing",
    DriftKind.ENUM: "an enum value the spec does not list",
    DriftKind.EVENT_TYPE: "an event type the spec does not list",
    DriftKind.TYPE: "a value of another type than the spec says",
}


class Collect:
    """A sink for one decode: counts each distinct key, then hands them to the record in one go."""

    __slots__ = ("found", "shapes", "strict")

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.found: dict[tuple[str, str, str], list[Any]] = {}
        self.shapes: dict[Shape, list[Any]] = {}  # the per-item hot path: one count per key set

    def tally(self, shape: Shape, data: dict[str, Any], count: int = 1) -> None:
        seen = self.shapes.get(shape)
        if seen is not None:
            seen[0] += count
        elif self.strict:
            kind, schema, name, example = shape.reports(data)[0]
            self.report(kind, schema, name, example)
        else:
            self.shapes[shape] = [count, data]

    def report(self, kind: str, schema: str, name: str, example: Any) -> None:
        if self.strict:
            shown = f"{name!r}" if kind in {DriftKind.ENUM, DriftKind.EVENT_TYPE} else f"field {name!r}"
            raise StrictValidationError(f"{schema}: {shown}: {_PROBLEMS.get(kind, kind)}")
        seen = self.found.get((kind, schema, name))
        if seen is None:
            self.found[(kind, schema, name)] = [1, example]
        else:
            seen[0] += 1

    def flush(self, record: DriftRecord) -> None:
        for (kind, schema, name), (count, example) in self.found.items():
            record.report(kind, schema, name, example, count=count)
        for shape, (count, data) in self.shapes.items():
            for kind, schema, name, example in shape.reports(data):
                record.report(kind, schema, name, example, count=count)
