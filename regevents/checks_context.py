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
from .zones import HEADLINE, Zoning, zone

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

    def headline_windows(self) -> list[tuple[int, int]]:
        """The ``[start, end)`` of each headline line: where the readable text is the headline.

        A check reading the headline reads :attr:`readable` inside these windows instead of a
        copy of the page with every other line blanked (that copy cost a Python step per line
        of the page). Every window is followed by a newline or the end of the text, as each
        line is, and a clause never holds a newline, so a clause found inside a window ends
        inside it, exactly as in the blanked copy.
        """
        if self.zoning is None:
            return []
        return [(ln.start, ln.end) for ln in self.zoning.lines if ln.zone == HEADLINE]

    def body_windows(self) -> list[tuple[int, int]]:
        """The stretches of :attr:`readable` between the headline lines: where it is the body
        (everything else in it is blank already). Each stretch after a headline starts at that
        line's newline, so what is read there is cut off from the headline as by blanking it."""
        if self.readable is None:
            return []
        out: list[tuple[int, int]] = []
        lo = 0
        for start, end in self.headline_windows():
            out.append((lo, start))
            lo = end
        out.append((lo, len(self.readable)))
        return out

    def span(self, start: int, end: int) -> Span | None:
        """Evidence span (original offsets) for clean ``[start, end)``."""
        return self.clean.span(start, end) if self.clean is not None else None

    def orig_range(self, start: int, end: int) -> tuple[int, int] | None:
        return self.clean.orig_range(start, end) if self.clean is not None else None

