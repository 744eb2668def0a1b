"""The runtime wheel as a service installs it: built, installed (not editable, no dev dependencies) into a clean
virtualenv, and the README's Usage block run with it against the local sandbox. pip may fetch the runtime
dependencies from the configured index (or its cache); the test lists what it pulled and checks every one is a
runtime dependency of topo-client (no pytest, starlette, vcrpy, ...)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from topo_tools.sandbox import Sandbox

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
# The names the Usage block leaves to the reader, bound to real sandbox objects through the installed client.
PRELUDE = """
from topo_ext import Topo as _Topo
_c = _Topo()
contact_id = next(iter(_c.contacts.list())).id
exclusion_id = next(iter(_c.contact_exclusions.list())).id
"""
# Every distribution the runtime may pull in, read back from the clean venv: name -> its Requires-Dist (no extras).
CLOSURE = """
import json, re
from importlib.metadata import distributions
out = {}
for d in distributions():
    reqs = [r for r in (d.requires or []) if "extra ==" not in r and 'extra == "' not in r]
    norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
    out[norm(d.metadata["Name"])] = [norm(re.split(r"[ ;<>=!~\\[(]", r, 1)[0]) for r in reqs]
print(json.dumps(out))
"""


def usage_block() -> str:
    section = README.read_text().split("## Usage", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "README Usage has no python block"
    return match.group(1)


def _run(*argv: str | Path, **kwargs: object) -> str:
    done = subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload]
    assert done.returncode == 0, done.stdout + done.stderr
    return str(done.stdout)


@pytest.mark.slow
def test_the_runtime_wheel_installs_cleanly_and_runs_the_readme_usage(tmp_path: Path) -> None:
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist",
         ROOT)
    (wheel,) = (tmp_path / "dist").glob("topo_client-*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel)

    installed: dict[str, list[str]] = json.loads(_run(python, "-c", CLOSURE))
    reachable, todo = set(), ["topo-client"]
    while todo:
        name = todo.pop()
        if name not in reachable and name in installed:
            reachable.add(name)
            todo += installed[name]
    pulled = sorted(set(installed) - {"topo-client", "pip", "setuptools"})
    print("runtime dependencies pip installed:", ", ".join(pulled))
    assert set(pulled) <= reachable, f"not needed by topo-client: {sorted(set(pulled) - reachable)}"
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert {re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower() for d in declared} <= set(pulled)
    assert not {"pytest", "starlette", "uvicorn", "vcrpy", "topo-tools"} & set(installed)

    (tmp_path / "usage.py").write_text(PRELUDE + usage_block())
    with Sandbox(seed=3, activities=50) as sb:
        env = {"PATH": os.environ.get("PATH", ""), "TOPO_API_KEY": sb.api_key, "TOPO_BASE_URL": sb.base_url}
        out = _run(python, "-I", tmp_path / "usage.py", cwd=tmp_path, env=env)
    lines = out.splitlines()
    assert lines and "contacts" in lines[0].lower()  # client.me().scopes
    assert len(lines) > 2 and (tmp_path / "cursor.json").is_file()  # contacts and activities printed; cursor saved
