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
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, reduce
from itertools import accumulate
from operator import or_
from typing import NamedTuple

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


def _line(span: tuple[int, int], zone_name: str, rule: str | None) -> Line:
    """``Line(*span, zone_name, rule)`` without the frozen dataclass's ``__init__`` (four
    ``object.__setattr__`` calls; a page has hundreds of lines): the same fields in the
    instance ``__dict__``, so equality, hashing and repr are the dataclass's own."""
    line = _new_line(Line)
    line.__dict__.update(start=span[0], end=span[1], zone=zone_name, rule=rule)
    return line


_new_line = object.__new__


_AFTER_END_KEPT = ("editor_chain", "meta_line")  # credits still read below the article's end


class _ZoneRule(NamedTuple):
    rule: Rule
    search: Callable[[str], object]  # the compiled pattern's search (short lines skip the Rule wrapper)
    found: tuple[str | None, str | None, str | None]  # (kind, zone, rule name) it classifies a line as
    bit: int  # this rule's bit in the masks of _RuleFilter (0: the rule names no required words)
    chars: str  # its one-character required words (case-folded), looked for with `in` on demand


def _fold(line: str) -> str:
    """The line as the required words are looked for in it: case-folded, so a case-insensitive
    rule (``(?i)copyright``) finds its folded word too. Exact for the `regex` module's ``(?i)``
    (simple case folding): every character it matches to an ASCII letter case-folds to that
    letter, except U+0130 (İ matches ``i`` but folds to ``i`` + U+0307), replaced first
    (tests/test_perf_frame.py checks this over every code point). A case-sensitive rule's word
    present in the line is present, folded, in the folded line, so folding never hides one."""
    return line.replace("\u0130", "i").casefold()


class _RuleFilter:
    """Which zone rules can fire on a line, from one scan of it for the rules' required words.

    A rule whose ``requires`` lists words can only match a line holding one of them (every
    match contains one: the premise tests/test_perf_frame.py checks), so a rule none of whose
    words the line holds is not tried. Words of two or more characters are found by one scan
    of the line (:meth:`mask`: the bits of the rules whose words occur); one-character words
    (``-``, ``年``, ``(``: common in prose, so a scan would stop at each) are asked with
    ``in`` only when their rule's turn comes (:func:`_may_fire`). The scan is exact:

    * it restarts one character after each hit's start, so every start position of a word is
      visited; at a position the alternation (longest words first) gives the longest word
      there, and every word starting there is a prefix of it;
    * a word's bits include those of every word it contains, so words inside a hit (a prefix,
      or one starting later inside it) count as found.
    """

    def __init__(self, rules: tuple[_ZoneRule, ...], requires: list[tuple[str, ...]]) -> None:
        owners: dict[str, int] = {}
        for zr, words in zip(rules, requires):
            for w in map(_fold, words):
                if len(w) > 1:
                    owners[w] = owners.get(w, 0) | zr.bit
        if any("\n" in w for w in owners):
            raise ValueError("a zone rule's required word holds a newline (line_masks reads lines joined by newlines)")
        self._bits = {w: reduce(or_, (b for v, b in owners.items() if v in w)) for w in owners}
        longest_first = sorted(owners, key=lambda w: (-len(w), w))
        self._scan = re.compile("|".join(map(re.escape, longest_first))).search

    def mask(self, folded: str) -> int:
        """The bits of the rules one of whose words of 2+ characters ``folded`` (a :func:`_fold`-ed line) holds."""
        bits = 0
        scan, table = self._scan, self._bits
        m = scan(folded)
        while m is not None:
            bits |= table[m.group()]
            m = scan(folded, m.start() + 1)
        return bits

    def line_masks(self, folded_lines: list[str]) -> list[int]:
        """:meth:`mask` of every line, from one scan of the lines joined by newlines.

        The same as a scan per line: no word holds a newline (checked when the words are
        loaded), so every hit lies inside one line, and restarting one character after each
        hit's start visits every start position of that line as :meth:`mask` does. A hit is
        given to its line by bisecting the lines' start offsets. One call per hit instead of
        one per line and hit (most lines hold no word at all)."""
        out = [0] * len(folded_lines)
        joined = "\n".join(folded_lines)
        scan, table = self._scan, self._bits
        m = scan(joined)
        if m is None:
            return out
        starts = list(accumulate((len(fl) + 1 for fl in folded_lines[:-1]), initial=0))
        while m is not None:
            at = m.start()
            out[bisect.bisect_right(starts, at) - 1] |= table[m.group()]
            m = scan(joined, at + 1)
        return out


@lru_cache(maxsize=1)
def _zone_rules() -> tuple[tuple[_ZoneRule, ...], _RuleFilter]:
    """Each zone rule, in file order, with its compiled search, what it classifies a line as and
    its filter bit; and the filter over their required words.

    A rule split for speed into its ``^``-anchored and its unanchored alternatives (the second
    says ``part_of`` the first) is reported under the first one's name.
    """
    loaded = list(load_rules("zones").values())
    requires = [tuple(r.meta.get("requires") or ()) for r in loaded]
    rules = tuple(
        _ZoneRule(
            r,
            r.pattern.search,
            (r.meta.get("kind"), r.meta.get("zone", FURNITURE), r.meta.get("part_of", r.name)),
            1 << i if words else 0,
            "".join(w for w in map(_fold, words) if len(w) == 1),
        )
        for i, (r, words) in enumerate(zip(loaded, requires))
    )
    return rules, _RuleFilter(rules, requires)


def _may_fire(zr: _ZoneRule, folded: str, mask: int) -> bool:
    """False only when the line holds none of the rule's required words (so it cannot fire)."""
    return not zr.bit or bool(zr.bit & mask) or _holds_char(folded, zr.chars)


def _holds_char(folded: str, chars: str) -> bool:
    for ch in chars:
        if ch in folded:
            return True
    return False


@lru_cache(maxsize=None)
def _plan(mask: int) -> tuple[_ZoneRule, ...]:
    """The rules, in file order, that a line of this :meth:`_RuleFilter.mask` may fire: those with
    no required words, with a one-character word (asked in :func:`_classify`) or with a longer
    word the line holds. At most 2**(number of rules) masks, a handful in practice."""
    return tuple(zr for zr in _zone_rules()[0] if not zr.bit or zr.bit & mask or zr.chars)


def _classify(line: str, folded: str, mask: int) -> tuple[str | None, str | None, str | None]:
    """(kind, zone, rule name) of the first zone rule that fires, in file order.

    ``folded`` is :func:`_fold` of the line and ``mask`` :meth:`_RuleFilter.mask` of it: a
    rule with required words none of which the line holds cannot fire, and is not tried
    (:func:`_may_fire`, spelled out: this loop runs for every distinct line of a page).
    """
    short = len(line) < TIMEOUT_MIN_CHARS  # (a longer line goes through Rule.search and its timeout)
    for rule, search, found, bit, chars in _plan(mask):
        if chars and not bit & mask and not _holds_char(folded, chars):
            continue
        if search(line) if short else rule.search(line):
            return found
    return None, None, None


@lru_cache(maxsize=1)
def _credit_rules() -> tuple[_ZoneRule, ...]:
    """The zone rules kept below the article's end (those reported as a credit rule), in file order."""
    return tuple(zr for zr in _zone_rules()[0] if zr.found[2] in _AFTER_END_KEPT)


def _fires_credit(line: str, folded: str, mask: int) -> bool:
    """Whether a credit rule (one kept below the article's end) fires on the line."""
    short = len(line) < TIMEOUT_MIN_CHARS  # as in _classify
    for zr in _credit_rules():
        if _may_fire(zr, folded, mask) and (zr.search(line) if short else zr.rule.search(line)):
            return True
    return False


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


# a printed page's marks (第1版 要闻, (下转第三版), (上接第一版)): the text is a page of a paper, which
# may hold the next article after ours
_PRINT_PAGE = re.compile(r"^\s*(?:第[0-9一二三四五六七八九十]{1,3}版|[(（]?(?:下转|上接)第)")
_PRINT_FIRST = frozenset(" \t\u3000第(（")
# a paper's own lead opening an article (本报讯, 本报讯(记者…), 某某日报讯): one article has one
_LEAD_CREDIT = re.compile(r"^[\s【\[(]*(?:本报讯|\w{2,8}日报讯)")


def _page_number_follows(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Is line ``i`` followed by a line that is only a page number (1-3 digits)? Then line ``i`` is a
    printed page's footer, and the article may go on over the page (a PDF e-paper text)."""
    if i + 1 >= len(spans):
        return False
    s, e = spans[i + 1]
    nxt = text[s:e].strip()
    return 0 < len(nxt) <= 3 and nxt.isdigit()


_NO_RULE: tuple[str | None, str | None, str | None] = (None, None, None)


def zone(text: str) -> Zoning:
    """Zone the clean text line by line. Pure; linear in the text."""
    spans = _line_spans(text)

    zones: list[str] = []
    rules: list[str | None] = []
    body_started = False
    ended = False
    leads_seen = 0  # body lines that open with a paper's own lead (本报讯)
    printed = False  # a printed page's marks seen (第1版, 下转第三版): the page may hold more articles
    last_nav = -1  # lines above the last navigation line above the body are furniture
    seen: dict[str, tuple[str | None, str | None, str | None]] = {}  # pages repeat lines, blank ones above all
    folded_lines = _fold(text).split("\n")  # casefold maps character by character: line i is _fold(line i)
    masks = _zone_rules()[1].line_masks(folded_lines)
    for i, (start, end) in enumerate(spans):
        line = text[start:end]
        printed = printed or (line[:1] in _PRINT_FIRST and _PRINT_PAGE.match(line) is not None)
        found = seen.get(line)
        if found is None:
            folded, mask = folded_lines[i], masks[i]
            if ended and not _fires_credit(line, folded, mask):
                # no credit rule fires, so the first rule that fires is not one: furniture
                # (a few searches instead of all of them on the bulk of a page's tail); kept as
                # "no rule" for the line's repeats, which are below the end too (the end is final)
                seen[line] = _NO_RULE
                zones.append(FURNITURE)
                rules.append("after_article_end")
                continue
            found = seen[line] = _classify(line, folded, mask)
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
            if name == "editor_chain" and _page_number_follows(text, spans, i):
                pass  # a page's footer (责任编辑:… / 1) inside an article that goes on over the page
            elif body_started or name != "editor_chain":
                ended = body_started or name == "related_list_header"
        elif kind == "line":
            zones.append(z or FURNITURE)
        elif body_started:
            if _LEAD_CREDIT.match(line) and leads_seen and printed:
                # a second 本报讯 lead: the next article of a printed page begins (its headline above)
                if zones and zones[-1] == BODY and "。" not in text[spans[i - 1][0] : spans[i - 1][1]]:
                    zones[-1], rules[-1] = FURNITURE, "next_article"
                zones.append(FURNITURE)
                rules.append("next_article")
                ended = True
                continue
            leads_seen += bool(_LEAD_CREDIT.match(line))
            zones.append(BODY)
        elif _looks_like_lead(line):
            body_started = True
            leads_seen += bool(_LEAD_CREDIT.match(line))
            zones.append(BODY)
        else:
            zones.append(HEADLINE)
        rules.append(name)
    # applied once here: resetting the lists at every navigation line was quadratic
    if last_nav > 0:
        zones[:last_nav] = [FURNITURE] * last_nav
        rules[:last_nav] = ["before_navigation"] * last_nav

    lines = tuple(map(_line, spans, zones, rules))
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
