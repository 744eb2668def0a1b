"""Names a test can call "unknown": built to be absent from the spec it runs against, never typed as a plausible real
name (`favorite_color`, `SPAM_TRAP`, `message.bounced` all became real once Topo added them). README "Tests".

    FIELD = absent("unlisted_field")            # a property no schema has
    REASON = absent("UNLISTED_REASON")          # a value no enum lists
    EVENT = absent("unlisted.event")            # an event type the spec does not know
    absent("unlisted_field", taken=properties)  # absent from a set of your own (a spec in tmp_path, a body's keys)

`EXTRA_FIELD` / `UNKNOWN_VALUE` are what `instance(extra=True, unknown_enums=True)` and `MockAPI` put in bodies. What
a test expects of the spec comes from the spec too (`EVENT_TYPES`, `spec_names()`, `tests.specdata.schema`), never
a literal count.
"""

from topo_tools.specdata import EXTRA_FIELD, EXTRA_VALUE, UNKNOWN_VALUE, absent, names, spec_names

__all__ = ["EXTRA_FIELD", "EXTRA_VALUE", "UNKNOWN_VALUE", "absent", "names", "spec_names"]
