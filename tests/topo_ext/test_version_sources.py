"""One version number: the package, both pyprojects (topo-client, topo-tools), the spec (and its bundled copy) and
the changelog agree."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import yaml

from topo_ext._version import __version__

ROOT = Path(__file__).resolve().parents[2]


def test_package_pyproject_and_spec_versions_are_equal() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    tools = tomllib.loads((ROOT / "tools" / "pyproject.toml").read_text())["project"]
    assert tools["version"] == pyproject and f"topo-client=={pyproject}" in tools["dependencies"]  # released together
    spec = yaml.safe_load((ROOT / "spec" / "topo.openapi.yaml").read_text())["info"]["version"]
    bundled = json.loads((ROOT / "generated" / "topo_client" / "openapi.json").read_text())["info"]["version"]
    assert __version__ == pyproject == spec == bundled


def test_changelog_has_a_section_for_the_current_version() -> None:
    versions = re.findall(r"^## \[(\d+\.\d+\.\d+)\]", (ROOT / "CHANGELOG.md").read_text(), re.MULTILINE)
    assert versions and versions[0] == __version__  # the newest released section is this version
