"""The decoder's walks below a list or a dict (`walker`'s `many` and `mapping`): no generated model has such a
field today (lists hold models or scalars), so a model of this module's own carries them. Unknown keys of the models
inside are kept and reported as they are at the top."""

from __future__ import annotations

from tests.unknowns import absent
from topo_client._struct import TopoStruct
from topo_client.responses import AccountList
from topo_ext._decoding import DecodeOptions, decode_value
from topo_ext._drift import DriftRecord


class Nested(TopoStruct):
    groups: list[list[AccountList]] | None = None
    by_name: dict[str, AccountList] | None = None


def lists(*names: str, unknown: str) -> list[dict[str, object]]:
    return [{"id": f"id-{n}", "name": n, unknown: n.upper()} for n in names]


def test_models_inside_a_list_of_lists_and_a_dict_keep_their_unknown_keys() -> None:
    unknown = absent("unlisted_field")
    data = {"groups": [lists("a", "b", unknown=unknown), lists("c", unknown=unknown)],
            "by_name": {"x": lists("x", unknown=unknown)[0], "y": lists("y", unknown=unknown)[0]}}
    record = DriftRecord()
    value = decode_value(Nested, data, DecodeOptions(record=record))
    assert [[a.name for a in group] for group in value.groups] == [["a", "b"], ["c"]]
    assert [[a.extra for a in group] for group in value.groups] == [[{unknown: "A"}, {unknown: "B"}], [{unknown: "C"}]]
    assert {k: (a.name, a.extra) for k, a in value.by_name.items()} == {"x": ("x", {unknown: "X"}),
                                                                        "y": ("y", {unknown: "Y"})}
    (entry,) = record.entries()
    assert entry.name.endswith(unknown) and entry.count == 5  # reported for every model that carried it
