"""The bundled document is valid OpenAPI 3.1 and bundles deterministically."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from tests.spec.spec_doc import ROOT, bundler, document


def test_document_is_valid_openapi_3_1() -> None:
    assert document()["openapi"].startswith("3.1.")
    validate(document(), cls=OpenAPIV31SpecValidator)


def test_validator_rejects_a_broken_document() -> None:
    broken = copy.deepcopy(document())
    operation = next(iter(broken["paths"].values()))["get"]
    operation["parameters"] = [{"name": "q", "in": "body", "schema": {}}]  # `body` is OpenAPI 2, not a location in 3.1
    with pytest.raises(OpenAPIValidationError):
        validate(broken, cls=OpenAPIV31SpecValidator)


def _bundle_cli(out: Path, hash_seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, str(ROOT / "generator" / "bundle.py"), "--out", str(out)], check=True, env=env)
    return out.read_bytes()


def test_bundling_twice_gives_identical_bytes(tmp_path: Path) -> None:
    in_process = bundler().dumps(document()).encode()  # bundled once in this process (cached for all tests)
    # ... and again by the command-line bundler, in a process with another hash seed, so that anything relying on
    # set or hash order would show.
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    assert _bundle_cli(tmp_path / "openapi.json", seed) == in_process


def test_bundle_rejects_a_name_defined_twice(tmp_path: Path) -> None:
    spec = tmp_path / "spec"
    (spec / "resources").mkdir(parents=True)
    (spec / "topo.openapi.yaml").write_text((ROOT / "spec" / "topo.openapi.yaml").read_text())
    fragment = "components:\n  schemas:\n    Me:\n      type: object\n"  # Me is already in the root
    (spec / "resources" / "dupe.yaml").write_text(fragment)
    with pytest.raises(SystemExit, match="Me is defined twice"):
        bundler().bundle(spec)
