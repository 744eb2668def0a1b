"""`topo api <resource>.<method>`: every operation of the spec as a command, built at run time from the spec.

Nothing here names an operation: the commands, their flags (with the spec's types, enums and bounds) and the way
each is called come from the bundled spec (`topo_ext._spec`), so an operation added to the spec is a command as
soon as the package is regenerated. Calls go through the public `Topo` client (its resource method when it has
one), so retries, typed errors and redaction apply as everywhere else.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import pkgutil
import sys
from collections.abc import Callable, Iterable
from typing import Any

from topo_client._schema import NOT_IN_DOCS

from .._client import Topo
from .._decoding import model_for
from .._exceptions import InvalidRequestError
from .._operations import Operation
from .._pagination import sync_list
from .._spec import OperationSpec, document, operations, resolve
from ._api_flags import Flag, body_flags, body_required, param_flags
from ._core import EXIT_OK, Context, UsageError, read_bounded
from ._output import is_tty, json_line

#: Flags of the `api` commands themselves; a body field with one of these names is set through --body only.
RESERVED = {"body", "jsonl", "raw", "allow_partial", "help", "api_key", "base_url", "timeout", "max_retries",
            "verbose", "json"}


def command_name(spec: OperationSpec) -> str:
    """`<resource>.<method>` (x-topo-resource / x-topo-method), or the method alone for top-level calls (`me`)."""
    method = spec.python_method or spec.operation_id
    return f"{spec.resource}.{method}" if spec.resource else method


def add_api(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "api", help="call any API operation: topo api <resource>.<method> (JSON in and out)",
        description=(
            "Call any operation of the Topo API. Commands are named <resource>.<method> as in the Python client "
            "(contacts.list, sequences.pause); the operationId (list_contacts) works too. Path and query "
            "parameters are flags; a request body comes from --body JSON, --body @file.json, --body @- (stdin) "
            "and/or one flag per body field (flags win). Output is the response as JSON: indented on a terminal, "
            "one line when piped. `topo api <command> --help` lists its flags with types, enums and bounds."))
    commands = group.add_subparsers(dest="api_command", metavar="OPERATION", required=True)
    for spec in sorted(operations().values(), key=command_name):
        _add_operation(commands, common, spec)


def _add_operation(commands: Any, common: argparse.ArgumentParser, spec: OperationSpec) -> None:
    name = command_name(spec)
    aliases = [spec.operation_id] if spec.operation_id != name else []
    raw = document()["paths"][spec.path][spec.method.lower()]
    summary = raw.get("summary") or f"{spec.method} {spec.path}"
    about = (raw.get("description") or "").strip()
    guess = f"\n\n{NOT_IN_DOCS} {spec.inferred}" if spec.inferred else ""
    parser = commands.add_parser(
        name, aliases=aliases, parents=[common], help=summary + (" (not in Topo's docs)" if spec.inferred else ""),
        description=f"{summary}{guess}\n\n{spec.method} {spec.path}  (operationId {spec.operation_id})"
                    + (f"\n\n{about}" if about else ""),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    flags: list[Flag] = []
    params = parser.add_argument_group("parameters")
    for flag in param_flags(spec):
        flag.add_to(params)
        flags.append(flag)
    if spec.body_schema is not None:
        body = parser.add_argument_group("request body")
        body.add_argument("--body", metavar="JSON|@FILE",
                          help="the request body: JSON text, @file.json, or @- to read standard input")
        taken = {f.name for f in flags} | RESERVED
        for flag in body_flags(spec):
            if flag.name not in taken:
                flag.add_to(body)
                flags.append(flag)
    if spec.batch_all_or_nothing:
        parser.add_argument(
            "--allow-partial", action="store_true",
            help=f"this batch is all-or-nothing and takes at most {spec.batch_max_items} items per request: send more "
                 "in chunks anyway (if a later chunk fails, the earlier ones stay committed)")
    output = parser.add_argument_group("output")
    if spec.paginated:
        output.add_argument("--jsonl", action="store_true",
                            help="walk every page and print one item per line (instead of the first page)")
    output.add_argument("--raw", action="store_true",
                        help="print {status_code, request_id, headers, body}: the HTTP response as sent")
    parser.set_defaults(handler=run_api, api_operation=spec.operation_id, api_flags=flags)


def run_api(ctx: Context) -> int:
    args = ctx.args
    spec = operations()[args.api_operation]
    kwargs: dict[str, Any] = {}
    for flag in args.api_flags:
        if flag.location != "body" and hasattr(args, flag.dest):
            kwargs[flag.name] = getattr(args, flag.dest)
    body = _body(ctx, spec) if spec.body_schema is not None else None
    if body is not None:
        kwargs["body"] = body
    if getattr(args, "jsonl", False) and args.raw:
        raise UsageError("--jsonl and --raw do not go together (--raw shows one HTTP response)")
    client = ctx.client()
    method, op = resolve_method(client, spec)
    batch = _is_batch(spec, body)
    _check(op, kwargs, batch)
    if args.raw:
        # One request, one response: a raw batch is sent as given (no chunking).
        _write_raw(ctx, _caller(client.with_raw_response, spec, op)(**kwargs))
        _secret_note(ctx, spec)
        return EXIT_OK
    # A batch method takes the items themselves and sends them in chunks of the documented maximum (an
    # all-or-nothing batch only with --allow-partial).
    partial = {"allow_partial": True} if getattr(args, "allow_partial", False) else {}
    try:
        result = method(kwargs.pop("body")["items"], **partial) if batch else method(**kwargs)
    except InvalidRequestError as err:  # nothing was sent: bad input, named in the client's words, and ours
        raise UsageError(str(err).replace("allow_partial=True", "--allow-partial")) from None
    if getattr(args, "jsonl", False):
        for item in result:
            ctx.out.write(json_line(to_data(item)))
            ctx.out.flush()
        return EXIT_OK
    _write(ctx, to_data(result))
    _secret_note(ctx, spec)
    return EXIT_OK


def _secret_note(ctx: Context, spec: OperationSpec) -> None:
    """Responses whose schema has a `secret` (webhooks.create) carry it once only: say so where a person reads."""
    if "secret" in resolve(spec.success_body or {}).get("properties", {}):
        ctx.note("the response includes a secret that Topo shows only this once: store it now")


def resolve_method(client: Topo, spec: OperationSpec) -> tuple[Callable[..., Any], Operation[Any, Any]]:
    """The client's own method for `spec` (`client.contacts.list`), or one made the way resources make theirs.

    The fallback covers an operation the spec (and the generated package) has but no resource file names yet.
    """
    target: Any = client
    for part in [*(spec.resource.split(".") if spec.resource else []), spec.python_method or ""]:
        target = getattr(target, part, None)
        if target is None:
            break
    op = getattr(target, "operation", None)
    if callable(target) and isinstance(op, Operation) and op.spec.operation_id == spec.operation_id:
        return target, op
    if callable(target) and not spec.params and spec.body_schema is None:
        return target, generated_operation(spec)  # a plain method such as client.me()
    op = generated_operation(spec)
    return _caller(client, spec, op), op


def _caller(client: Topo[Any], spec: OperationSpec, op: Operation[Any, Any]) -> Callable[..., Any]:
    """A call of `op` the way the generated methods make it: a list walks pages, anything else is one request."""
    if spec.paginated:
        return lambda **kwargs: sync_list(client, op, kwargs)
    return lambda **kwargs: client._call(op, (), kwargs)


def generated_operation(spec: OperationSpec) -> Operation[Any, Any]:
    """The `Operation` of the generated module `topo_client.api.<tag>.<operationId>`."""
    import topo_client.api

    for package in pkgutil.iter_modules(topo_client.api.__path__):
        name = f"topo_client.api.{package.name}.{spec.operation_id}"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as err:
            if err.name != name:  # the module exists but something it imports does not
                raise
            continue
        return Operation(spec.operation_id, module.build_request, model_for(spec))
    raise UsageError(f"{spec.operation_id}: the spec has this operation but the generated package does not; "
                     "run `make generate`")


def _is_batch(spec: OperationSpec, body: Any) -> bool:
    return spec.batch_max_items is not None and isinstance(body, dict) and isinstance(body.get("items"), list)


def _check(op: Operation[..., Any], kwargs: dict[str, Any], batch: bool) -> None:
    """Check the arguments as the client will (before anything is sent): bad input is a usage error."""
    try:
        if batch:
            size = op.spec.batch_max_items or 100
            items = kwargs["body"]["items"]
            if not items:
                raise ValueError("body.items: at least one item is required")
            for start in range(0, len(items), size):
                op.request_kwargs((), {**kwargs, "body": {**kwargs["body"], "items": items[start:start + size]}})
        else:
            op.request_kwargs((), kwargs)
    except (TypeError, ValueError) as err:
        raise UsageError(f"{command_name(op.spec)}: {err}") from None


def _body(ctx: Context, spec: OperationSpec) -> dict[str, Any]:
    """The request body from --body and the body-field flags (flags win); required fields checked."""
    args = ctx.args
    body: dict[str, Any] = {}
    if args.body is not None:
        given = _load_json(args.body, "--body")
        if isinstance(given, list) and spec.batch_max_items is not None:
            given = {"items": given}  # a bare list of items is the obvious shorthand for a batch
        if not isinstance(given, dict):
            raise UsageError(f"--body: expected a JSON object, got {type(given).__name__}")
        body = given
    for flag in args.api_flags:
        if flag.location == "body" and hasattr(args, flag.dest):
            body[flag.name] = getattr(args, flag.dest)
    flags = {f.name: f.option for f in args.api_flags if f.location == "body"}
    missing = [name for name in body_required(spec) if name not in body]
    if missing:
        named = ", ".join(f"{name} ({flags[name]})" if name in flags else name for name in missing)
        raise UsageError(f"missing required body field(s): {named}; give the flag(s) or put them in --body")
    return body


def _load_json(text: str, flag: str) -> Any:
    data: str | bytes = text
    if text.startswith("@"):
        path = text[1:]
        try:
            if path == "-":
                data = read_bounded(getattr(sys.stdin, "buffer", sys.stdin), f"{flag} @-")
            else:
                with open(path, "rb") as handle:
                    data = read_bounded(handle, f"{flag} {text}")
        except OSError as err:
            raise UsageError(f"{flag} {text}: {err.strerror or err}") from None
    try:
        source = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        return json.loads(source, parse_constant=_non_finite, parse_float=_finite)
    except UnicodeDecodeError as err:
        raise UsageError(f"{flag}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except RecursionError:
        raise UsageError(f"{flag}: not valid JSON (nested too deeply)") from None
    except ValueError as err:
        raise UsageError(f"{flag}: not valid JSON ({err})") from None


def _non_finite(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    """A JSON number as a float; one that overflows (1e999) would become inf, which JSON cannot carry."""
    if not math.isfinite(value := float(text)):
        raise ValueError(f"{text[:40]} is out of range")
    return value


def to_data(value: Any) -> Any:
    """JSON-ready data: models through their own `to_dict()` (unknown fields kept), pages as the envelope."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if hasattr(value, "iter_pages") and hasattr(value, "items"):
        return {"items": [to_data(i) for i in value.items], "total_count": value.total_count,
                "total_pages": value.total_pages, "has_more": value.has_more}
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    if isinstance(value, Iterable):
        return [to_data(v) for v in value]
    return str(value)


def _write(ctx: Context, data: Any) -> None:
    if data is None:
        return  # 204 No Content
    pretty = is_tty(ctx.out)
    ctx.out.write(json.dumps(data, ensure_ascii=False, default=str, indent=2 if pretty else None,
                             separators=None if pretty else (",", ":")) + "\n")
    ctx.out.flush()


def _write_raw(ctx: Context, response: Any) -> None:
    http = response.http_response
    try:
        body = http.json() if http.content else None
    except ValueError:
        body = http.text
    _write(ctx, {"status_code": response.status_code, "request_id": response.request_id,
                 "headers": dict(http.headers), "body": body})
