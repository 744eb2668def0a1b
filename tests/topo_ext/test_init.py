"""`topo_ext/__init__.py` is lazy (PEP 562): importing the package loads none of the heavy parts, every public name
still imports, and the names type checkers see are the ones `__getattr__` serves. (Its cost is a `make bench` row.)"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import topo_ext

INIT = Path(topo_ext.__file__)


def test_importing_the_package_loads_no_heavy_module() -> None:
    probe = "import sys, json, topo_ext; print(json.dumps(sorted(sys.modules)))"
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                           check=True).stdout))
    heavy = {"httpx", "msgspec", "attrs", "topo_client", "topo_ext.models", "topo_ext.events", "topo_ext._client",
             "topo_ext.streaming", "topo_ext.shared_budget", "topo_ext.webhooks"}
    assert "topo_ext" in loaded and not heavy & loaded, sorted(heavy & loaded)


def test_every_public_name_imports() -> None:
    probe = ("import topo_ext; ns = {}; exec('from topo_ext import *', ns); "
             "print(sorted(n for n in topo_ext.__all__ if n not in ns))")
    missing = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert missing.strip() == "[]"
    for name in topo_ext.__all__:
        assert getattr(topo_ext, name) is not None
    assert topo_ext.Topo.__module__ == "topo_ext._client" and topo_ext.events.__name__ == "topo_ext.events"


def test_what_type_checkers_see_is_what_getattr_serves() -> None:
    tree = ast.parse(INIT.read_text())
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    seen: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            seen[alias.name] = f".{node.module}" if node.module else f".{alias.name}"
    served = {**topo_ext._LAZY, **{name: f".{name}" for name in topo_ext._SUBMODULES}}
    assert seen == served
    assert set(served) | {"__version__"} == set(topo_ext.__all__)


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Topology'"):
        topo_ext.Topology  # noqa: B018
