"""Page zoning: which lines of a scraped page are the article.

Scraped pages carry navigation, share widgets, licence lines, editor chains,
photo captions and "related news" lists that name other people and meetings.
Extraction must read only the headline and the body, so each line of the clean
text gets one zone:

``headline``  lines before the body that are not anything else;
``meta``      stamps, sources and credit lines (read by :mod:`regevents.source`);
``body``      the article from its lead on;
``caption``   photo captions (credits are read from them, records are not);
``furniture`` everything else.

The line patterns live in ``data/zones.rules.json`` with their examples. The
structure rules are here: a navigation line makes everything above it
furniture; a related-list header, an editor chain or a licence line ends the
article, so everything below it is furniture.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .rules import TIMEOUT_MIN_CHARS, Rule, load_rules

HEADLINE, META, BODY, CAPTION, FURNITURE = "headline", "meta", "body", "caption", "furniture"
READABLE = frozenset({HEADLINE, BODY})


@dataclass(frozen=True)
class Line:
    start: int  # clean offsets, end excludes the newline
    end: int
    zone: str
    rule: str | None = None


@dataclass(frozen=True)
class Zoning:
    lines: tuple[Line, ...]
    readable_text: str  # the clean text with every non-readable character blanked (same length)

    def lines_in(self, *zones: str) -> list[Line]:
        return [ln for ln in self.lines if ln.zone in zones]

    def zone_at(self, i: int) -> str | None:
        # lines are in text order: bisect, so callers may ask per hit at no quadratic cost
        j = bisect.bisect_right(self.lines, i, key=lambda ln: ln.start) - 1
        if j >= 0 and self.lines[j].start <= i < self.lines[j].end:
            return self.lines[j].zone
        return None


_AFTER_END_KEPT = ("editor_chain", "meta_line")  # credits still read below the article's end


@lru_cache(maxsize=1)
def _zone_rules() -> tuple[tuple[Rule, Callable[[str], object], tuple[str | None, str | None, str | None]], ...]:
    """Each zone rule, in file order, with its compiled search and what it classifies a line as.

    A rule split for speed into its ``^``-anchored and its unanchored alternatives (the second
    says ``part_of`` the first) is reported under the first one's name.
    """
    return tuple(
        (r, r.pattern.search, (r.meta.get("kind"), r.meta.get("zone", FURNITURE), r.meta.get("part_of", r.name)))
        for r in load_rules("zones").values()
    )


def _classify(line: str) -> tuple[str | None, str | None, str | None]:
    """(kind, zone, rule name) of the first zone rule that fires, in file order."""
    short = len(line) < TIMEOUT_MIN_CHARS  # (a longer line goes through Rule.search and its timeout)
    for rule, search, found in _zone_rules():
        if search(line) if short else rule.search(line):
            return found
    return None, None, None


def _looks_like_lead(line: str) -> bool:
    """A lead has a full stop, or is long prose (a headline is short and unpunctuated)."""
    stripped = line.strip()
    return "。" in stripped or (len(stripped) >= 80 and "," in stripped)


def _line_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every line, newline excluded; no empty line after a final newline."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    if spans and spans[-1][0] == len(text):
        spans.pop()  # the text is empty or ends with a newline
    return spans


def zone(text: str) -> Zoning:
    """Zone the clean text line by line. Pure; linear in the text."""
    spans = _line_spans(text)

    zones: list[str] = []
    rules: list[str | None] = []
    body_started = False
    ended = False
    last_nav = -1  # lines above the last navigation line above the body are furniture
    seen: dict[str, tuple[str | None, str | None, str | None]] = {}  # pages repeat lines, blank ones above all
    credit_rules = [r for r in load_rules("zones").values() if r.meta.get("part_of", r.name) in _AFTER_END_KEPT]
    for start, end in spans:
        line = text[start:end]
        found = seen.get(line)
        if found is None:
            if ended and not any(r.search(line) for r in credit_rules):
                # neither credit rule fires, so the first rule that fires is not one: furniture
                # (two searches instead of all seven on the bulk of a page's tail)
                zones.append(FURNITURE)
                rules.append("after_article_end")
                continue
            found = seen[line] = _classify(line)
        kind, z, name = found
        if ended:
            # past the article's end only more credits are worth a look
            zones.append(META if name in _AFTER_END_KEPT else FURNITURE)
            rules.append(name if name in _AFTER_END_KEPT else "after_article_end")
            continue
        if kind == "nav":
            if not body_started:
                last_nav = len(zones)
            zones.append(FURNITURE)
        elif kind == "tail":
            zones.append(FURNITURE if name != "editor_chain" else META)
            if body_started or name != "editor_chain":
                ended = body_started or name == "related_list_header"
        elif kind == "line":
            zones.append(z or FURNITURE)
        elif body_started:
            zones.append(BODY)
        elif _looks_like_lead(line):
            body_started = True
            zones.append(BODY)
        else:
            zones.append(HEADLINE)
        rules.append(name)
    # applied once here: resetting the lists at every navigation line was quadratic
    if last_nav > 0:
        zones[:last_nav] = [FURNITURE] * last_nav
        rules[:last_nav] = ["before_navigation"] * last_nav

    lines = tuple(Line(s, e, z, r) for (s, e), z, r in zip(spans, zones, rules))
    pieces: list[str] = []
    pos = 0
    for ln in lines:
        if ln.zone not in READABLE:
            pieces.append(text[pos : ln.start])
            pieces.append(" " * (ln.end - ln.start))
            pos = ln.end
    pieces.append(text[pos:])
    return Zoning(lines, "".join(pieces))


def readable_lines(original: str) -> list[str]:
    """The headline and body lines of ``original``, as the input writes them (noise kept), blank ones left out.

    Why: an article-like input with no page furniture (the benchmark's and the scaling
    test's "bodies"), cut from the original so that it is still a realistic input."""
    from .normalize import normalize

    clean = normalize(original)
    lines: list[str] = []
    for ln in zone(clean.text).lines:
        if ln.zone in READABLE:
            a, b = clean.orig_range(ln.start, ln.end)
            if original[a:b].strip():
                lines.append(original[a:b])
    return lines
