"""api.md (#31): generated with the code (`make check-generated` keeps it fresh), it lists every operation of the
spec under the client method that calls it, with its HTTP call, scopes and provenance, and every model users import
from `topo_ext.models`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import topo_ext.models
from topo_ext._spec import OperationSpec, document, operations

ROOT = Path(__file__).resolve().parents[2]
API_MD = (ROOT / "api.md").read_text()


def _section(op: OperationSpec) -> str:
    """The part of api.md that documents `op` (from its heading to the next)."""
    heading = f"## `client.{op.resource}`" if op.resource else "## The client"
    resource = API_MD.split(heading + "\n", 1)[1].split("\n## ", 1)[0]
    found = [part for part in resource.split("\n### ") if f"· `{op.operation_id}`" in part]
    assert len(found) == 1, f"{op.operation_id}: not documented once under {heading}"
    return found[0]


@pytest.mark.parametrize("op", sorted(operations().values(), key=lambda o: o.operation_id), ids=lambda o: o.operation_id)
def test_every_operation_is_listed_with_its_call_scopes_and_provenance(op: OperationSpec) -> None:
    section = _section(op)
    call = ".".join(filter(None, ["client", op.resource, op.python_method]))
    assert f"\n{call}(" in section
    assert f"`{op.method} {op.path}`" in section
    assert all(f"`{scope}`" in section for scope in op.scopes) or (not op.scopes and "scopes: none" in section)
    raw = document()["paths"][op.path][op.method.lower()]
    assert ("*inferred*" in section) == (raw.get("x-topo-source") == "inferred")


def test_every_public_model_is_listed() -> None:
    listed = set(re.findall(r"^\| `(\w+)` \|", API_MD, re.M))
    public = {name for name in dir(topo_ext.models) if isinstance(getattr(topo_ext.models, name), type)
              and not name.startswith("_") and getattr(topo_ext.models, name).__module__.startswith("topo_client")}
    assert public - listed == set()


def test_the_readme_links_it() -> None:
    assert "(api.md)" in (ROOT / "README.md").read_text()
