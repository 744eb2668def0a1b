"""Sequence runs (enrollments) and sequence templates (generated: `topo_client.resources.sequence*`)."""

from topo_client.resources.sequence_templates import AsyncSequenceTemplates, SequenceTemplates
from topo_client.resources.sequences import AsyncSequences, Sequences

__all__ = ["AsyncSequenceTemplates", "AsyncSequences", "SequenceTemplates", "Sequences"]
