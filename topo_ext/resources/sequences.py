"""Sequence runs (enrollments) and sequence templates."""

from __future__ import annotations

from topo_client.api.sequence_templates import get_sequence_template, list_sequence_templates
from topo_client.api.sequences import (
    create_sequence,
    get_sequence,
    list_sequences,
    pause_sequence,
    resume_sequence,
    stop_sequence,
    update_sequence,
)
from topo_client.responses import Sequence, SequencePage, SequenceTemplate, SequenceTemplatePage

from .._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

_list = endpoint(list_sequences.build_request, SequencePage)
_create = endpoint(create_sequence.build_request, Sequence)
_get = endpoint(get_sequence.build_request, Sequence)
_update = endpoint(update_sequence.build_request, Sequence)
_pause = endpoint(pause_sequence.build_request, Sequence)
_resume = endpoint(resume_sequence.build_request, Sequence)
_stop = endpoint(stop_sequence.build_request, Sequence)
_t_list = endpoint(list_sequence_templates.build_request, SequenceTemplatePage)
_t_get = endpoint(get_sequence_template.build_request, SequenceTemplate)


class Sequences(SyncAPIResource[M]):
    list = sync_list(_list)
    create = sync_op(_create)
    get = sync_op(_get)
    update = sync_op(_update)
    pause = sync_op(_pause)
    resume = sync_op(_resume)
    stop = sync_op(_stop)


class AsyncSequences(AsyncAPIResource[M]):
    list = async_list(_list)
    create = async_op(_create)
    get = async_op(_get)
    update = async_op(_update)
    pause = async_op(_pause)
    resume = async_op(_resume)
    stop = async_op(_stop)


class SequenceTemplates(SyncAPIResource[M]):
    list = sync_list(_t_list)
    get = sync_op(_t_get)


class AsyncSequenceTemplates(AsyncAPIResource[M]):
    list = async_list(_t_list)
    get = async_op(_t_get)
