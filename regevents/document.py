"""The typed hand-off between stages: what every extractor reads.

Extractors get a :class:`Document` and return contract records whose evidence
spans are already in ORIGINAL offsets (use ``doc.span(start, end)`` on clean
offsets). They read ``doc.text``: the clean text with every non-article line
(navigation, captions, licence lines, related-news lists) blanked to spaces, so
offsets are the clean text's and a related-news list can never yield a record.
"""
from __future__ import annotations

from dataclasses import dataclass

from .models import Span
from .normalize import CleanText
from .source import SourceInfo
from .zones import Zoning


@dataclass(frozen=True)
class Document:
    clean: CleanText
    zoning: Zoning
    source: SourceInfo

    @property
    def text(self) -> str:
        """Clean readable text (headline + body; everything else blanked, same length)."""
        return self.zoning.readable_text

    @property
    def full_text(self) -> str:
        """The whole clean text, furniture included (for source-like readers only)."""
        return self.clean.text

    def span(self, start: int, end: int) -> Span:
        """Evidence span in original offsets for clean ``[start, end)``."""
        return self.clean.span(start, end)

    def is_damaged(self, start: int, end: int) -> bool:
        return self.clean.is_damaged(start, end)
