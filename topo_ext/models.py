"""The models users see: every response model (msgspec Structs from `topo_client.responses`), the request models
a body may be given as (attrs, from `topo_client.models`), and every enum, one class each.

Response models: every field is `T | None` (None when the API left it out); ids are `str`; datetimes are aware
(a naive value is read as UTC); unknown fields are kept in `model.extra`; `to_dict()` gives the wire form (UTC as
`Z`) and `Model.from_dict(data)` decodes a mapping as leniently as a response.
"""

from topo_client.models import *  # noqa: F403 - request bodies and the enums they share with responses
from topo_client.responses import *  # type: ignore[assignment]  # noqa: F403 - responses win a shared name
