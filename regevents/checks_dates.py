"""Date checks: ranges in order, held meetings not after the article, announced ones
not before it, and partial or inferred dates explained.

Calendar validity itself is enforced by the models (``bad_edtf`` in
:mod:`regevents.checks_structure`); here every date is already well-formed EDTF,
but it may be partial (``XXXX-09-10``), so comparisons are made only when they
are safe:

* both years known: as intervals (``2019-05`` is May 1st to 31st), so a
  coarser date never looks out of order by its precision alone;
* a year unknown: only inside one month (``XXXX-07-29/XXXX-07-28`` is
  reversed; ``XXXX-12-30/XXXX-01-02`` may cross a year and is left alone).
"""
from __future__ import annotations

import calendar
import datetime as _dt
from typing import NamedTuple

from .checks_context import Context
from .dates import Anchor, find_dates
from .issues import make
from .models import Issue, Meeting


class Parts(NamedTuple):
    year: int | None
    month: int | None
    day: int | None


def parts(s: str) -> Parts | None:
    """``2019-05-22`` -> (2019, 5, 22); ``XXXX-XX-12`` -> (None, None, 12); None if unreadable."""
    fields = s.split("-")
    if not 1 <= len(fields) <= 3:
        return None
    out: list[int | None] = []
    for f in fields:
        if f and set(f) == {"X"}:
            out.append(None)
        elif f.isascii() and f.isdigit():
            out.append(int(f))
        else:
            return None
    while len(out) < 3:
        out.append(None)
    return Parts(*out)


def split_range(value: str) -> tuple[Parts, Parts] | None:
    """Start and end of an EDTF value (a single date is its own start and end)."""
    pieces = value.split("/")
    if len(pieces) > 2:
        return None
    first = parts(pieces[0])
    last = parts(pieces[-1])
    if first is None or last is None:
        return None
    return first, last


def bounds(p: Parts) -> tuple[_dt.date, _dt.date] | None:
    """Earliest and latest day a date of known year can be; None without a year or off the calendar."""
    if p.year is None or not 1 <= p.year <= 9999:
        return None
    try:
        if p.month is None:
            if p.day is None:
                return _dt.date(p.year, 1, 1), _dt.date(p.year, 12, 31)
            day = min(p.day, 31)
            return _dt.date(p.year, 1, day), _dt.date(p.year, 12, day)
        last = calendar.monthrange(p.year, p.month)[1]
        if p.day is None:
            return _dt.date(p.year, p.month, 1), _dt.date(p.year, p.month, last)
        d = _dt.date(p.year, p.month, p.day)
        return d, d
    except ValueError:
        return None


def is_before(a: Parts, b: Parts) -> bool:
    """True only when ``a`` is certainly before ``b`` (see the module docstring)."""
    ba, bb = bounds(a), bounds(b)
    if ba is not None and bb is not None:
        return ba[1] < bb[0]
    if a.year is not None and b.year is not None:
        return False  # years known but a bound unreadable: no claim
    if a.month is not None and a.month == b.month and a.day is not None and b.day is not None:
        return a.day < b.day
    return False


def check_dates(ctx: Context) -> list[Issue]:
    a = ctx.article
    out: list[Issue] = []
    published = a.source.published
    pub = split_range(published) if published else None

    if published and pub is not None:
        if is_before(pub[1], pub[0]):
            out.append(make("reversed_range", [], a.source.evidence, ref="the article", value=published))
        if _lacks_parts(pub[0]):
            missing = _missing(pub[0])
            reason = "its stamp or dateline gives no more and no published= argument was given; pass published= to parse() to complete it"
            out.append(make("date_partial", [], a.source.evidence, ref="the article", value=published, missing=missing, reason=reason))

    for m in a.meetings:
        if not m.date:
            continue
        rng = split_range(m.date)
        if rng is None:
            continue
        start, end = rng
        if is_before(end, start):
            out.append(make("reversed_range", [m.id], m.evidence, ref=m.id, value=m.date))
            continue
        if pub is not None:
            if m.status == "held" and is_before(pub[1], start):
                out.append(make("held_after_publication", [m.id], [*m.evidence, *a.source.evidence[:1]],
                                ref=m.id, value=m.date, published=published))
            elif m.status == "announced" and is_before(end, pub[0]):
                out.append(make("announced_in_past", [m.id], [*m.evidence, *a.source.evidence[:1]],
                                ref=m.id, value=m.date, published=published))
        if _lacks_parts(start):
            out.append(_partial(m, start, published, pub))
    out.extend(_inferred_years(ctx))
    return out


def _lacks_parts(p: Parts) -> bool:
    """An unknown year, or an unknown month under a known day: parts missing, not a coarser precision.

    ``2020`` (a year, as 2020年…座谈会 states it) is complete at its precision;
    ``XXXX-09-10`` and ``2019-XX-12`` lack something the event had.
    """
    return p.year is None or (p.month is None and p.day is not None)


def _missing(p: Parts) -> str:
    if p.year is None and p.month is None:
        return "year and month"
    return "year" if p.year is None else "month"


def _partial(m: Meeting, start: Parts, published: str | None, pub: tuple[Parts, Parts] | None) -> Issue:
    missing = _missing(start)
    if published is None:
        reason = "the article states none and carries no dated stamp or dateline; pass published= to parse() to complete it"
    elif pub is not None and pub[0].year is None:
        reason = f"the article's own date {published} has no year either; pass published= to parse() to complete it"
    else:
        reason = f"the article's date {published} was not used to complete it (it would have meant guessing across a month or year)"
    return make("date_partial", [m.id], m.evidence, ref=m.id, value=m.date, missing=missing, reason=reason)


_ORIGIN = {
    "stamp": "the page stamp ({published})",
    "dateline": "the published= argument ({published}; the dateline gives only month and day)",
    "argument": "the published= argument ({published})",
}


def _inferred_years(ctx: Context) -> list[Issue]:
    """Meeting years not written in the text: say where they come from (needs the original)."""
    a = ctx.article
    dated = [m for m in a.meetings if m.date and m.date[:4].isdigit()]
    if not dated or ctx.readable is None:
        return []
    mentions = find_dates(ctx.readable, Anchor.from_edtf(a.source.published))
    by_value: dict[str, list] = {}
    explicit: set[str] = set()  # values written with their year somewhere (asked once per meeting)
    for mention in mentions:
        if mention.value:
            by_value.setdefault(mention.value, []).append(mention)
            if mention.year_explicit:
                explicit.add(mention.value)
    out: list[Issue] = []
    published = a.source.published
    for m in dated:
        found = by_value.get(m.date or "", [])
        if not found or (m.date or "") in explicit:
            continue
        year = m.date[:4] if m.date else "?"
        if published and published[:4] == year and a.source.published_from in _ORIGIN:
            origin = _ORIGIN[a.source.published_from].format(published=published)
        else:
            origin = "the article's context"
        if any(x.relative for x in found):
            origin += ", the date being relative to it"
        span = ctx.span(found[0].start, found[0].end)
        out.append(make("date_year_inferred", [m.id], [span] if span else [], year=year, ref=m.id, value=m.date,
                        written=found[0].text, origin=origin))
    return out
