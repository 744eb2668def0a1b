"""`python -m topo_tools.drift` on hostile or malformed input: one error line naming the file, exit 2, no traceback;
a drift report of a kind this tool does not know is reported, not a crash."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from topo_ext._limits import DEFAULT_LIMITS
from topo_tools import drift

MAX = DEFAULT_LIMITS.max_body_bytes


def gzip_bomb(size: int) -> bytes:
    """`size` bytes of spaces, gzipped, built in pieces (the test never holds `size` bytes)."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    piece = b" " * 2**20
    return b"".join(packer.compress(piece) for _ in range(size // len(piece) + 1)) + packer.flush()


def cassette(body: str) -> str:
    return ("interactions:\n- request: {method: GET, uri: 'http://x/v1/me'}\n  response:\n    status: {code: 200}\n"
            f"    body: {{string: {body}}}\n")


def gzipped_cassette(body: bytes) -> str:
    return cassette(f"!!binary '{base64.b64encode(body).decode()}'")


def report(**entry: object) -> str:
    return json.dumps({"drift": [{"kind": "field", "schema": "Contact", "name": "x", **entry}]})


def too_big(path: Path) -> None:
    with path.open("wb") as f:
        f.truncate(MAX + 1)  # sparse: costs no disk


def record(**fields: object) -> str:
    return json.dumps({"method": "GET", "path": "/v1/me", "body": {}, **fields})


Write = Callable[[Path], None]


def text(content: str | bytes) -> Write:
    return lambda path: path.write_bytes(content if isinstance(content, bytes) else content.encode())


HOSTILE: dict[str, tuple[str, Write, str]] = {
    "deep JSON": ("deep.json", text("[" * 100_000 + "]" * 100_000), "nested deeper than 64 levels"),
    "deep body string": ("deep.jsonl", text(record(body="[" * 5000 + "]" * 5000)), "nested deeper than 64 levels"),
    "non-UTF-8 JSON": ("nonutf8.json", text(b"\xff\xfe\x00\x01"), "not UTF-8 text"),
    "non-UTF-8 cassette": ("nonutf8.yaml", text(b"interactions: [\xff]\n"), "not UTF-8 text"),
    "file too big": ("big.json", too_big, f"larger than {MAX} bytes"),
    "operation a list": ("op.json", text(json.dumps({"operation": ["get_me"], "body": {}})),
                         "`operation` must be a string"),
    "schema a dict": ("schema.json", text(json.dumps({"schema": {"x": 1}, "body": {}})), "`schema` must be a string"),
    "method a number": ("method.json", text(json.dumps({"method": 5, "path": "/v1/me", "body": {}})),
                        "`method` must be a string"),
    "path a number": ("path.jsonl", text(record(path=7)), "`path` must be a string"),
    "superscript status": ("sup.json", text(json.dumps([json.loads(record(status="\u00b2"))])),
                           "status must be an HTTP status code"),
    "huge status": ("huge.json", text(record(status=10**40)), "status must be an HTTP status code"),
    "superscript status in a file name": ("get_contact.\u00b2.json", text("{}"), "status must be an HTTP status code"),
    "count not a number": ("count.json", text(report(count="many")), "`count` must be a positive integer"),
    "kind null": ("null.json", text(report(kind=None, schema=None, name=None)), "`kind` must be a string"),
    "kind a number": ("kind.json", text(report(kind=5)), "`kind` must be a string"),
    "name a dict": ("name.json", text(report(name={"a": 1})), "`name` must be a string"),
    "gzip bomb": ("bomb.yaml", text(gzipped_cassette(gzip_bomb(MAX + 1))),
                  f"larger than {MAX} bytes after decompression"),
    "not gzip": ("badgz.yaml", text(gzipped_cassette(b"\x1f\x8bnot gzip")),
                 "not valid gzip"),
    "truncated gzip": ("cut.yaml", text(gzipped_cassette(gzip_bomb(10)[:-12])),
                       "truncated"),
    "body not a string": ("alias.yaml", text("a: &a [x, x]\n" + cassette("*a")), "a string response.body.string"),
    "unsafe YAML tag": ("tag.yaml", text("interactions: !!python/object/apply:os.system ['echo PWNED']\n"),
                        "not valid YAML"),
}


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_bad_input_is_one_error_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    name, write, message = HOSTILE[case]
    path = tmp_path / name
    write(path)
    code = drift.main([str(path)])  # a traceback would fail the test here
    out, err = capsys.readouterr()
    assert code == 2, out
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"drift: {path}") and message in err, err


def test_a_kind_this_tool_does_not_know_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = [{"kind": "brand_new_kind", "schema": "Contact", "name": "x", "count": 3},
               {"kind": "missing", "schema": "Contact", "name": "id"}]  # the runtime's own DriftKind.MISSING
    path = tmp_path / "drift-report.json"
    path.write_text(json.dumps({"topo_client": "99.0.0", "drift": entries}))
    code = drift.main([str(path), "--patch", str(tmp_path / "patch.yaml")])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "  [brand_new_kind] Contact.x  (3x;" in out and "  Contact.id (missing)  (1x;" in out
    assert "Not patched (needs a person): Contact.id (missing), Contact.x" in (tmp_path / "patch.yaml").read_text()
    assert drift.main([str(path), "--json"]) == 1
    rows = json.loads(capsys.readouterr().out)["findings"]
    assert [(r["kind"], r["key"], r["count"]) for r in rows] == [("missing", "Contact.id (missing)", 1),
                                                                  ("brand_new_kind", "Contact.x", 3)]
