"""Cooperation goals (placeholder until the goals issue lands)."""
from __future__ import annotations

from ..document import Document
from ..models import Attendee, CooperationGoal, Meeting


def find_goals(doc: Document, meetings: list[Meeting], attendees: list[Attendee]) -> list[CooperationGoal]:
    """Goals / focus areas / tasks the article sets out; ids g1, g2 ..."""
    return []
