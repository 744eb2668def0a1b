"""Operations: a generated request builder plus a decoder, with argument checking driven by its type hints and the spec.

An `Operation` is the description of one API call that both clients execute: `Topo` sends it with httpx's sync
client, `AsyncTopo` with the async one. Arguments are checked before anything is sent (`_arguments`), so bad input
fails with a `TypeError`/`ValueError` that names the argument.
"""

from __future__ import annotations

import importlib
import inspect
import typing
from collections.abc import Callable
from functools import cached_property
from typing import Any, Generic, ParamSpec, TypeVar

from ._arguments import OPTIONS, ArgumentChecker, check_json, check_options, request_kwargs
from ._drift import DecodeOptions
from ._spec import OperationSpec, ParameterSpec, operations, resolve

__all__ = ["OPTIONS", "ArgumentChecker", "Operation", "check_json", "check_options"]

P = ParamSpec("P")
T_co = TypeVar("T_co", covariant=True)


def _load(ref: Any) -> Any:
    """A "module:name" reference, imported; anything else as given."""
    if not isinstance(ref, str):
        return ref
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


class Operation(Generic[P, T_co]):
    """One API call: `build` (generated) turns arguments into request keywords; `decode` turns the body into `T`,
    the generated response model `model` (leniently; see topo_ext._decoding). `build` and `model` may also be given
    as "module:name" (`"topo_client.responses:Me"`), imported on first use: the clients' own methods (`client.me()`)
    are defined where importing the models would slow `import topo_ext`."""

    def __init__(self, operation_id: str, build: Callable[P, dict[str, Any]] | str,
                 model: type[T_co] | str | None, spec: OperationSpec | None = None) -> None:
        self.operation_id = operation_id
        self._refs = (build, model)
        if spec is not None:  # the generated facts (else read from the bundled spec on first use: CLI, tools)
            self.__dict__["spec"] = spec

    @cached_property
    def build(self) -> Callable[P, dict[str, Any]]:
        build: Callable[P, dict[str, Any]] = _load(self._refs[0])
        return build

    @cached_property
    def model(self) -> type[T_co] | None:
        model: type[T_co] | None = _load(self._refs[1])
        return model

    @cached_property
    def decode(self) -> Callable[[bytes, DecodeOptions], T_co]:
        """The success body (bytes) as the response model; drift goes to the options' record (raises in strict
        mode). Built on the first call: `import topo_ext` does not load msgspec and the decoder."""
        from ._decoding import decoder

        return decoder(self.model)

    @property
    def inferred(self) -> str | None:
        """Why the endpoint is a guess (spec `x-topo-source: inferred`); None if Topo documents it."""
        return self.spec.inferred

    @cached_property
    def max_page_size(self) -> int | None:
        """A list's documented maximum `size`: what a list call asks for unless told otherwise."""
        return self.spec.max_page_size

    def __repr__(self) -> str:
        return f"Operation({self.operation_id})"

    @cached_property
    def spec(self) -> OperationSpec:
        return operations()[self.operation_id]

    @cached_property
    def signature(self) -> inspect.Signature:
        """The keyword form of the builder (body fields as arguments): what the client methods show."""
        forms = typing.get_overloads(self.build)
        return inspect.signature(forms[0] if forms else self.build)

    @cached_property
    def body_fields(self) -> dict[str, ParameterSpec]:
        """The body's top-level fields (keyword arguments), from the spec."""
        if self.spec.body_schema is None:
            return {}
        schema = resolve(self.spec.body_schema)
        required = set(schema.get("required", ()))
        return {name: ParameterSpec(name, "body", name in required, prop)
                for name, prop in schema.get("properties", {}).items()}

    @cached_property
    def _checkers(self) -> dict[str, ArgumentChecker]:
        forms = typing.get_overloads(self.build)
        hints = {**typing.get_type_hints(self.build), **(typing.get_type_hints(forms[0]) if forms else {})}
        for name in ("return", "fields", *OPTIONS):
            hints.pop(name, None)
        specs = {**self.spec.params, **self.body_fields}
        return {name: ArgumentChecker(name, hint, specs.get(name), self.spec.batch_max_items if name == "body"
                                      else None) for name, hint in hints.items()}

    @cached_property
    def _positional(self) -> list[str]:
        return [
            p.name
            for p in self.signature.parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]

    # The checks and the call of `build` live with the argument checkers: a warm call runs no code of this module.
    request_kwargs = request_kwargs
