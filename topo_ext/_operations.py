"""Operations: a generated request builder plus a decoder, with argument checking driven by its type hints and the spec.

An `Operation` is the description of one API call that both clients execute: `Topo` sends it with httpx's sync
client, `AsyncTopo` with the async one. Arguments are checked before anything is sent (`_arguments`), so bad input
fails with a `TypeError`/`ValueError` that names the argument.
"""

from __future__ import annotations

import importlib
import inspect
import typing
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any, Generic, ParamSpec, TypeVar

from topo_client.types import UNSET, Unset

from ._arguments import OPTIONS, ArgumentChecker, _describe, _to_jsonable, check_json, check_options
from ._drift import DecodeOptions
from ._spec import OperationSpec, operations, resolve
from ._spec import ParamSpec as SpecParam
from ._types import NOT_GIVEN

__all__ = ["OPTIONS", "ArgumentChecker", "Operation", "check_json", "check_options"]

P = ParamSpec("P")
T_co = TypeVar("T_co", covariant=True)
OPTIONS_SET = frozenset(OPTIONS)


def _load(ref: Any) -> Any:
    """A "module:name" reference, imported; anything else as given."""
    if not isinstance(ref, str):
        return ref
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


class Operation(Generic[P, T_co]):
    """One API call: `build` (generated) turns arguments into request keywords; `decode` turns the body into `T`,
    the generated response model `model` (leniently; see topo_ext._models). `build` and `model` may also be given
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
    def _decode(self) -> Callable[[bytes, DecodeOptions], T_co]:
        from ._models import decoder  # on the first call: `import topo_ext` does not load msgspec and the decoder

        return decoder(self.model)

    @property
    def inferred(self) -> str | None:
        """Why the endpoint is a guess (spec `x-topo-source: inferred`); None if Topo documents it."""
        return self.spec.inferred

    @property
    def max_page_size(self) -> int | None:
        """A list's documented maximum `size`: what a list call asks for unless told otherwise."""
        return self.spec.max_page_size

    def decode(self, raw: bytes, options: DecodeOptions | None = None) -> T_co:
        """The success body as the response model; drift goes to `options.record` (raises in strict mode)."""
        return self._decode(raw, options or DecodeOptions())

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
    def body_fields(self) -> dict[str, SpecParam]:
        """The body's top-level fields (keyword arguments), from the spec."""
        if self.spec.body_schema is None:
            return {}
        schema = resolve(self.spec.body_schema)
        required = set(schema.get("required", ()))
        return {name: SpecParam(name, "body", name in required, prop)
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

    def request_kwargs(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        """Check the arguments and return httpx request keywords (method, url, params, json, headers, timeout).

        Nothing here reports drift: request data that the spec does not describe is an error, not news from Topo.
        """
        name = self.spec.operation_id
        # Left out: NOT_GIVEN arguments, and per-request options that are None (the generated methods pass them all).
        options = {k: v for k in OPTIONS if (v := kwargs.get(k)) is not None}
        kwargs = {k: v for k, v in kwargs.items() if v is not NOT_GIVEN and k not in OPTIONS_SET}
        if len(args) > len(self._positional):
            raise TypeError(
                f"{name}() takes {len(self._positional)} positional argument(s) "
                f"({', '.join(self._positional) or 'none'}); pass the others by keyword"
            )
        named = dict(zip(self._positional, args, strict=False))
        for key in kwargs:
            if key in named:
                raise TypeError(f"{name}() got multiple values for argument {key!r}")
        named.update(kwargs)
        if options:
            options = check_options(options)
        checkers = self._checkers
        unknown = [k for k in named if k not in checkers]
        if unknown:
            accepted = [k for k in self._checkers if k != "body"] + list(OPTIONS)
            raise TypeError(f"{name}() got unexpected argument(s) {', '.join(map(repr, unknown))}; "
                            f"accepted: {', '.join(accepted)}")
        body_fields = self.body_fields
        fields = {k: named.pop(k) for k in list(named) if k in body_fields} if body_fields else {}
        if fields and "body" in named:
            raise TypeError(f"{name}(): pass the body as body= or as keyword arguments, not both "
                            f"({', '.join(fields)})")
        missing = [n for n in self._positional if n not in named]
        if body_fields and "body" not in named:
            missing += [n for n, f in body_fields.items() if f.required and n not in fields]
        if missing:
            raise TypeError(f"{name}() missing required argument(s) {', '.join(missing)}")
        body = named.pop("body", UNSET)  # checked after its keys: the model would keep (and report) unknown ones
        checked = {key: checkers[key](value) for key, value in named.items()}
        if self.spec.body_schema is not None:
            data = fields if isinstance(body, Unset) else body.to_dict() if hasattr(body, "to_dict") else body
            if not isinstance(data, Mapping):
                raise TypeError(f"body: got {_describe(body)}; expected a mapping of the body's fields")
            check_json(_to_jsonable(data), self.spec.body_schema, "")  # unknown keys and enum values first
            if isinstance(body, Unset):  # each field against its type, named as the argument
                data = {k: self._checkers[k](v) for k, v in fields.items()}
            data = {k: v for k, v in _to_jsonable(data).items() if v is not UNSET}
            checked["body"] = self._checkers["body"](data)
        limit = self.spec.batch_max_items
        items = getattr(checked.get("body"), "items", None)
        if limit is not None and isinstance(items, list) and len(items) > limit:
            raise ValueError(
                f"body.items: {len(items)} items; at most {limit} are allowed per request "
                "(the resource's create() accepts any number and sends them in chunks)"
            )
        build: Callable[..., dict[str, Any]] = self.build
        return build(**checked, **options)
