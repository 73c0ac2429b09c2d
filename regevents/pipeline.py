"""The one module that knows the order of the stages.

normalise -> zone -> source -> extract (meetings, documents, attendees, goals)
-> resolve -> validate. Each stage is a pure function of what the earlier ones
returned; nothing here keeps state between calls.
"""
from __future__ import annotations

import datetime as _dt

from .dates import parse_stamp
from .document import Document
from .extract.attendees import find_attendees
from .extract.documents import find_documents
from .extract.goals import find_goals
from .extract.meetings import find_meetings
from .models import Article, is_edtf, trusted_assign
from .normalize import normalize
from .resolve import resolve
from .source import read_source
from .validate import check
from .zones import zone


def published_edtf(published: object) -> str | None:
    """The caller's ``published`` as EDTF: accepts None, date, datetime or a string.

    Raises ``TypeError`` for other types and ``ValueError`` for a string that is
    neither EDTF nor a numeric date stamp.
    """
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date().isoformat()
    if isinstance(published, _dt.date):
        return published.isoformat()
    if isinstance(published, str):
        s = published.strip()
        if is_edtf(s):
            return s
        value = parse_stamp(s)
        if value:
            return value
        raise ValueError(f"published={published!r} is not a date: use e.g. '2019-05-24', 'XXXX-07-29' or a datetime.date")
    raise TypeError(f"published must be str, datetime.date or None, not {type(published).__name__}")


def parse(text: str, published: object = None) -> Article:
    """Parse one article. ``text`` must be a str; ``published`` is the crawl date, if known."""
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(f"parse() needs str, not {type(text).__name__}: decode it first, e.g. text.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"parse() needs str, not {type(text).__name__}")
    ref = published_edtf(published)
    clean = normalize(text)
    zoning = zone(clean.text)
    source = read_source(clean, zoning, ref)
    doc = Document(clean, zoning, source)
    meetings = find_meetings(doc)
    documents = find_documents(doc, meetings)
    attendees = find_attendees(doc, meetings)
    goals = find_goals(doc, meetings, attendees)
    article = resolve(source, meetings, attendees, documents, goals)
    # issues made by the registry are valid, and they are not among the references the
    # article's integrity check reads: stored without re-validating the whole article
    trusted_assign(article, "issues", check(article, text, clean=clean, zoning=zoning))
    return article
