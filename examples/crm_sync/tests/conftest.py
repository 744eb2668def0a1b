"""The example's own fixtures. Everything Topo comes from the topo-tools testing plugin (loaded by its entry point)."""

from pathlib import Path

import pytest
from crm_sync import connect


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "crm.sqlite"
    connect(path).close()
    return path
