"""Attendees and their posts (placeholder until the attendees issue lands)."""
from __future__ import annotations

from ..document import Document
from ..models import Attendee, Meeting


def find_attendees(doc: Document, meetings: list[Meeting]) -> list[Attendee]:
    """People who took part, with roles and actions; ids p1, p2 ..."""
    return []
