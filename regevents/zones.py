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

from dataclasses import dataclass

import regex

from .rules import load_rules

HEADLINE, META, BODY, CAPTION, FURNITURE = "headline", "meta", "body", "caption", "furniture"
READABLE = frozenset({HEADLINE, BODY})

_LINE = regex.compile(r"[^\n]*\n?")


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
        for ln in self.lines:
            if ln.start <= i < ln.end:
                return ln.zone
        return None


def _classify(line: str) -> tuple[str | None, str | None, str | None]:
    """(kind, zone, rule name) of the first zone rule that fires, in file order."""
    for rule in load_rules("zones").values():
        if rule.search(line):
            return rule.meta.get("kind"), rule.meta.get("zone", FURNITURE), rule.name
    return None, None, None


def _looks_like_lead(line: str) -> bool:
    """A lead has a full stop, or is long prose (a headline is short and unpunctuated)."""
    stripped = line.strip()
    return "。" in stripped or (len(stripped) >= 80 and "," in stripped)


def zone(text: str) -> Zoning:
    """Zone the clean text line by line. Pure; linear in the text."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        end = m.end() - 1 if m.group().endswith("\n") else m.end()
        spans.append((m.start(), end))

    zones: list[str] = []
    rules: list[str | None] = []
    body_started = False
    ended = False
    for start, end in spans:
        line = text[start:end]
        kind, z, name = _classify(line)
        if ended:
            # past the article's end only more credits are worth a look
            zones.append(META if name in ("editor_chain", "meta_line") else FURNITURE)
            rules.append(name if name in ("editor_chain", "meta_line") else "after_article_end")
            continue
        if kind == "nav":
            if not body_started:
                zones[:] = [FURNITURE] * len(zones)
                rules[:] = ["before_navigation"] * len(rules)
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
