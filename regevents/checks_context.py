"""What every check reads: the article, and (when given) its original text, cleaned once.

Why a shared context: several checks (speakers, headline names, stated counts,
inferred years) read the article text. Normalising and zoning it costs about as
much as the rest of the checks together, so it is done at most once per
:func:`regevents.validate.check` call, lazily, and only when the original text
was given.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .models import Article, Attendee, CooperationGoal, Meeting, SignedDocument, Span
from .normalize import CleanText, normalize
from .zones import BODY, HEADLINE, Line, Zoning, zone

Record = Meeting | Attendee | SignedDocument | CooperationGoal


@dataclass
class Context:
    article: Article
    original: str | None = None
    _ids: dict[str, Record] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for rec in self.records():
            self._ids.setdefault(rec.id, rec)

    # ---------------------------------------------------------------- records

    def records(self) -> Iterator[Record]:
        a = self.article
        yield from a.meetings
        yield from a.attendees
        yield from a.documents
        yield from a.goals

    def get(self, rec_id: str | None) -> Record | None:
        return self._ids.get(rec_id) if rec_id is not None else None

    def meeting(self, rec_id: str | None) -> Meeting | None:
        rec = self.get(rec_id)
        return rec if isinstance(rec, Meeting) else None

    def attendee(self, rec_id: str | None) -> Attendee | None:
        rec = self.get(rec_id)
        return rec if isinstance(rec, Attendee) else None

    # ---------------------------------------------------------------- text

    @cached_property
    def clean(self) -> CleanText | None:
        return normalize(self.original) if self.original is not None else None

    @cached_property
    def zoning(self) -> Zoning | None:
        return zone(self.clean.text) if self.clean is not None else None

    @cached_property
    def readable(self) -> str | None:
        """Clean headline + body text, other lines blanked (same length as the clean text)."""
        return self.zoning.readable_text if self.zoning is not None else None

    @cached_property
    def body(self) -> str | None:
        """Clean text with everything but body lines blanked (same length)."""
        return self._only(BODY)

    @cached_property
    def headline(self) -> str | None:
        """Clean text with everything but headline lines blanked (same length)."""
        return self._only(HEADLINE)

    def _only(self, zone_name: str) -> str | None:
        """The readable text (headline and body kept, every other line blanked) with the
        lines of the other readable zone blanked too: the same string as blanking every
        line not in ``zone_name`` from the clean text, with a piece per headline line
        rather than per line of the page (a headline is a line or two, a page hundreds)."""
        if self.zoning is None or self.clean is None:
            return None
        other = HEADLINE if zone_name == BODY else BODY
        if zone_name == BODY:
            return _blank_lines(self.zoning.readable_text, [ln for ln in self.zoning.lines if ln.zone == other])
        return _keep_lines(self.zoning.readable_text, [ln for ln in self.zoning.lines if ln.zone == zone_name])

    def span(self, start: int, end: int) -> Span | None:
        """Evidence span (original offsets) for clean ``[start, end)``."""
        return self.clean.span(start, end) if self.clean is not None else None

    def orig_range(self, start: int, end: int) -> tuple[int, int] | None:
        return self.clean.orig_range(start, end) if self.clean is not None else None


def _blank_lines(text: str, lines: list[Line]) -> str:
    """``text`` with each of ``lines`` turned to spaces (same length)."""
    pieces: list[str] = []
    pos = 0
    for ln in lines:
        pieces.append(text[pos : ln.start])
        pieces.append(" " * (ln.end - ln.start))
        pos = ln.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _keep_lines(text: str, lines: list[Line]) -> str:
    """``text`` with everything but ``lines`` and the newlines turned to spaces (same length)."""
    pieces: list[str] = []
    pos = 0
    for ln in lines:
        pieces.append(_blank_keeping_newlines(text[pos : ln.start]))
        pieces.append(text[ln.start : ln.end])
        pos = ln.end
    pieces.append(_blank_keeping_newlines(text[pos:]))
    return "".join(pieces)


def _blank_keeping_newlines(s: str) -> str:
    return "\n".join(" " * len(part) for part in s.split("\n"))
