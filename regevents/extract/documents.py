"""Documents named in 《》 (placeholder until the meetings issue lands)."""
from __future__ import annotations

from ..document import Document
from ..models import Meeting, SignedDocument


def find_documents(doc: Document, meetings: list[Meeting]) -> list[SignedDocument]:
    """Every 《…》 title with its action; ids d1, d2 ..."""
    return []
