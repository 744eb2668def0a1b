"""`client.sequence_templates`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

from ..api.sequence_templates import get_sequence_template, list_sequence_templates
from ..responses import SequenceTemplate, SequenceTemplatePage

_get_sequence_template = endpoint(get_sequence_template.build_request, SequenceTemplate)
_list_sequence_templates = endpoint(list_sequence_templates.build_request, SequenceTemplatePage)


class SequenceTemplates(SyncAPIResource[M]):
    """`client.sequence_templates`."""

    get = sync_op(_get_sequence_template)
    list = sync_list(_list_sequence_templates)


class AsyncSequenceTemplates(AsyncAPIResource[M]):
    """`client.sequence_templates` (AsyncTopo)."""

    get = async_op(_get_sequence_template)
    list = async_list(_list_sequence_templates)
