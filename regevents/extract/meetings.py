"""Meetings (placeholder until the meetings issue lands)."""
from __future__ import annotations

from ..document import Document
from ..models import Meeting


def find_meetings(doc: Document) -> list[Meeting]:
    """Meetings the article reports, ids m1, m2 ... ; the reported (held) one first."""
    return []
