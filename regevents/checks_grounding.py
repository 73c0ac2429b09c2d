"""Grounding: every record points at the text it comes from, every span slices
the original, and every repair of damaged input is listed.

Why list repairs: the contract asks for repaired canonical strings
(``林某某`` where the page printed ``林某??``), which is a judgement the parser
made. An info issue with the damaged original wording lets a person confirm it;
a canonical string that still carries ``?`` or U+FFFD is a warning.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from .checks_context import Context
from .issues import make
from .models import Issue, Span
from .normalize import DAMAGE, normalize

_DAMAGED_VALUE = regex.compile(r"\?{2,}|\ufffd")
# name -> (pattern, must match, must not match, how); tests/test_validate.py runs them
PATTERNS = {
    "damaged_value": (_DAMAGED_VALUE, ("林某??", "林某\ufffd"), ("林某某", "是否?"), "search"),
}


_MAX_RUNS = 50  # damaged runs examined per span: enough for any name, bounded on a page of '?'


def _short(s: str, n: int = 30) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _canonical(ctx: Context) -> Iterator[tuple[str, str, str, list[Span]]]:
    """(record id, field name, canonical value, evidence) of every record."""
    a = ctx.article
    for m in a.meetings:
        yield m.id, "name", m.name, m.evidence
    for p in a.attendees:
        yield p.id, "name", p.name, p.evidence
    for d in a.documents:
        yield d.id, "title", d.title, d.evidence
    for g in a.goals:
        yield g.id, "text", g.text, g.evidence


def _span_groups(ctx: Context) -> Iterator[tuple[str, str | None, list[Span]]]:
    """(where, record id or None, spans) of every list of spans in the article."""
    a = ctx.article
    yield "source", None, a.source.evidence
    for rid, _field, _value, evidence in _canonical(ctx):
        yield rid, rid, evidence
    for r in (*a.documents, *a.goals):
        if r.count_evidence is not None:
            yield f"{r.id}.count_evidence", r.id, [r.count_evidence]
    for i, issue in enumerate(a.issues):
        yield f"issues[{i}] ({issue.code})", None, issue.evidence


def check_grounding(ctx: Context) -> list[Issue]:
    records = list(_canonical(ctx))
    out = [make("missing_evidence", [rid], ref=rid) for rid, _field, _value, evidence in records if not evidence]
    if ctx.original is not None:
        out.extend(_span_mismatches(ctx, ctx.original))
    for rid, field, value, evidence in records:
        # damage is a ? or U+FFFD: a value or span without either has none (cheap `in` tests
        # first; a value that is no string goes to the pattern, which says what is wrong with it)
        if (not isinstance(value, str) or "?" in value or DAMAGE in value) and _DAMAGED_VALUE.search(value):
            out.append(make("damaged_text", [rid], evidence[:1], ref=rid, field=field, value=value))
            continue
        for sp in evidence:
            if "?" not in sp.text and DAMAGE not in sp.text:
                continue  # what _repair would find first
            found = _repair(ctx, sp, value)
            if found is not None:
                out.append(make("repaired_damaged_text", [rid], [found], ref=rid, field=field, value=value, original=found.text))
                break
    return out


def _span_mismatches(ctx: Context, text: str) -> list[Issue]:
    out: list[Issue] = []
    n = len(text)
    for owner, rid, spans in _span_groups(ctx):
        for sp in spans:
            start, end = sp.start, sp.end
            if end > n or start > end:
                out.append(make("span_mismatch", [rid] if rid is not None else [], [], ref=owner, start=start, end=end,
                                detail=f"lies outside the text (length {n})"))
            elif text[start:end] != sp.text:
                out.append(make("span_mismatch", [rid] if rid is not None else [], [], ref=owner, start=start, end=end,
                                detail=f"reads {_short(text[start:end])!r} in the text, not {_short(sp.text)!r}"))
    return out


def _repair(ctx: Context, sp: Span, value: str) -> Span | None:
    """The damaged stretch of ``sp`` that ``value`` fills in, as a span; None if none.

    ``value`` fills a damaged run [s, e) of the span's clean text when it can
    be written P + X + S with P ending the clean text just before s, S
    starting it just after e, and X (1 to e - s characters) standing for the
    damage (``林某??`` -> ``林某`` + ``某``). P and S may not both be empty: a
    value must touch sound text to be read as filling the damage.
    """
    raw = sp.text
    if "?" not in raw and DAMAGE not in raw or not value:
        return None
    if ctx.original is not None and sp.end <= len(ctx.original) and ctx.original[sp.start : sp.end] != raw:
        return None  # a mismatched span is reported as such; no repair is read from it
    clean = normalize(raw)
    t = clean.text
    n = len(value)
    for s, e in clean.damaged[:_MAX_RUNS]:
        for x_len in range(1, min(e - s, n) + 1):
            for p_len in range(n - x_len + 1):
                s_len = n - x_len - p_len
                if p_len + s_len == 0 or p_len > s or e + s_len > len(t):
                    continue
                if t[s - p_len : s] != value[:p_len] or t[e : e + s_len] != value[n - s_len :]:
                    continue
                if DAMAGE in value[p_len : p_len + x_len]:
                    continue
                lo, hi = clean.orig_range(s - p_len, e + s_len)
                return Span(start=sp.start + lo, end=sp.start + hi, text=raw[lo:hi])
    return None
