"""Hooks through which the generated code reports data the spec does not describe.

Copied verbatim into the generated package by `generator/generate.py`. The generated package knows nothing about
topo_ext; topo_ext's drift record installs these callbacks when it is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

#: Called with (schema name, enum value) the first time an unknown enum value is parsed.
on_unknown_enum: Callable[[type, str], None] | None = None

#: Called with (schema name, {field: value}) when a model is parsed from a dict holding undocumented fields.
on_unknown_fields: Callable[[str, Mapping[str, Any]], None] | None = None
