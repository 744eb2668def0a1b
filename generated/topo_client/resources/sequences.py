"""`client.sequences`: generated from the spec by generator/resources.py; do not edit."""

from __future__ import annotations

from topo_ext._resource import AsyncAPIResource, M, SyncAPIResource, async_list, async_op, endpoint, sync_list, sync_op

from ..api.sequences import (
    create_sequence,
    get_sequence,
    list_sequences,
    pause_sequence,
    resume_sequence,
    stop_sequence,
    update_sequence,
)
from ..responses import Sequence, SequencePage

_create_sequence = endpoint(create_sequence.build_request, Sequence)
_get_sequence = endpoint(get_sequence.build_request, Sequence)
_list_sequences = endpoint(list_sequences.build_request, SequencePage)
_pause_sequence = endpoint(pause_sequence.build_request, Sequence)
_resume_sequence = endpoint(resume_sequence.build_request, Sequence)
_stop_sequence = endpoint(stop_sequence.build_request, Sequence)
_update_sequence = endpoint(update_sequence.build_request, Sequence)


class Sequences(SyncAPIResource[M]):
    """`client.sequences`."""

    create = sync_op(_create_sequence)
    get = sync_op(_get_sequence)
    list = sync_list(_list_sequences)
    pause = sync_op(_pause_sequence)
    resume = sync_op(_resume_sequence)
    stop = sync_op(_stop_sequence)
    update = sync_op(_update_sequence)


class AsyncSequences(AsyncAPIResource[M]):
    """`client.sequences` (AsyncTopo)."""

    create = async_op(_create_sequence)
    get = async_op(_get_sequence)
    list = async_list(_list_sequences)
    pause = async_op(_pause_sequence)
    resume = async_op(_resume_sequence)
    stop = async_op(_stop_sequence)
    update = async_op(_update_sequence)
