"""The package version; kept equal to the spec's info.version (tests/test_packaging.py checks)."""

__version__ = "0.2.0"
