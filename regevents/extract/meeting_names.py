"""Meeting-name candidates: from a kind word back to the nearest stop.

Why this shape: official news writes a meeting's name as a noun phrase that
ends in its type word (座谈会, 联席会议, 会商会, ``…联席会议第五次会议``) and
starts right after punctuation, a date, or the word that introduces it
(召开, 出席, 在, 的 ...). Finding the (rare) kind words first and scanning a
short window back from each keeps the cost proportional to the number of
meetings, not to the length of the text. The stop words and kind words are
data (``data/meetings.rules.json``, ``data/meeting_kinds.tsv``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

import regex

from ..gazetteer import meeting_kinds
from ..rules import load_rules

_MAX_NAME = 48  # longest name scanned back from the kind word
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100}
_YEAR_START = regex.compile(r"^(?P<y>(?:19|20)\d\d)年度?")
_EDITION_TAIL = regex.compile(r"第[0-9一二三四五六七八九十百零〇两]{1,5}[届次](?:全体)?会议$")
_EDITION_ANY = regex.compile(r"第[0-9一二三四五六七八九十百零〇两]{1,5}[届次]|首[届次](?!会)")
TITLE = regex.compile(r"《[^《》\n]{1,120}》")  # a document title: a meeting name inside it is part of the title


def cn_number(s: str) -> int | None:
    """ASCII digits or a Chinese numeral (十, 二十九, 一百零一) -> int; None if not a number."""
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    total = 0
    num = 0
    for ch in s:
        if ch in _CN_DIGIT:
            num = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (num or 1) * _CN_UNIT[ch]
            num = 0
        else:
            return None
    return total + num


class Spans:
    """Sorted, non-overlapping ``[start, end)`` ranges with a logarithmic "is this offset inside one?"."""

    def __init__(self, spans=()) -> None:
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self._spans[i][0] <= pos < self._spans[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares a character with a range (ranges must not overlap each other)."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._spans[i][1] > start


@dataclass
class NameHit:
    """A meeting name found in the clean text (``[start, end)`` clean offsets)."""

    start: int
    end: int
    name: str
    kind: str | None
    edition: int | None
    year: int | None
    generic: bool  # no name of its own (此次会商会, 成果发布会): refers to a meeting named elsewhere
    weak: bool  # nothing but an edition or year besides generic words (第九届会商会): a name only in context

    @cached_property
    def series_key(self) -> str:
        """(read once: grouping compares it with every candidate group's keys)"""
        return series_key(self.name)


@lru_cache(maxsize=4096)
def series_key(name: str) -> str:
    """The name without its year, edition and ordinal-meeting tail: what stays the same across a series.

    (cached: a pure function of the name, and the same names recur within and across articles)"""
    s = _YEAR_START.sub("", name)
    s = _EDITION_TAIL.sub("", s) if not _EDITION_TAIL.fullmatch(s) else s
    s = _EDITION_ANY.sub("", s)
    return s.replace("联席会议", "联席会")


def edition_of(name: str) -> int | None:
    """The last 第N届/第N次 of a name as an int."""
    n = None
    for m in load_rules("meetings")["edition"].finditer(name):
        n = 1 if m.group("first") else cn_number(m.group("n"))
    return n


def year_of(name: str) -> int | None:
    m = _YEAR_START.match(name)
    return int(m.group("y")) if m else None


def is_weak(name: str) -> bool:
    """True when the name is only kind words with generic modifiers, an edition or a year
    (此次会议, 成果发布会, 第五次会议, 第九届会商会)."""
    rules = load_rules("meetings")
    core = rules["kind_word"].pattern.sub("", name)
    return bool(rules["generic_prefix"].pattern.match(core))


@cache
def _reverse(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """The same pattern searching right to left (finds the last match first)."""
    return regex.compile("(?r)" + pattern.pattern, pattern.flags & ~regex.REVERSE)


def _kind(name: str) -> str | None:
    """The kind word of a name; for ``A暨B`` (论坛暨洽谈会) that of A, the main event."""
    kinds = meeting_kinds()
    head, sep, _ = name.partition("暨")
    kind = (kinds.kind_of(head) if sep else None) or kinds.kind_of(name)
    return kind or ("会议" if name.endswith("会议") else None)


def _balanced_start(text: str, start: int, end: int) -> int:
    """Move ``start`` right past an unmatched bracket or quote inside the name."""
    if text.find("(", start, end) < 0 and text.find(")", start, end) < 0:
        return start  # no bracket: nothing to balance (most names)
    depth = 0
    cut = start
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                cut = i + 1
            else:
                depth -= 1
    if depth:
        # an opening bracket never closed: the name starts after the last one
        last_open = text.rfind("(", cut, end)
        if last_open >= 0:
            cut = last_open + 1
    return cut


def _name_start(text: str, ks: int, stop: regex.Pattern[str]) -> int | None:
    """Where the name ending in the kind word at ``ks`` begins; None if it runs too far back."""
    lo = max(0, ks - _MAX_NAME)
    pos = ks
    for _ in range(4):  # a quoted part inside the name (“一带一路”) is stepped over, a few times at most
        last = stop.search(text, lo, pos)  # a reverse pattern: the stop nearest the kind word
        if last is None:
            return lo if lo == 0 else None
        if last.group() == "”":
            q = text.rfind("“", max(lo, last.start() - 16), last.start())
            if q >= 0 and q < last.start() - 1 and not regex.search(r"[,。;!?、\n]", text[q:last.start()]):
                pos = q
                if q == lo or (q > 0 and stop.match(text, q - 1, q)):
                    return q
                continue
        return last.end()
    return None


# the shape of the rule kind_word that _kind_windows relies on: an ordinal meeting (its literal
# 会议 holds 会) or a kind word, then a one-character negative lookahead
_KIND_SHAPE = re.compile(r"\(\?:第\{NUM\}\[届次\]\(\?:全体\)\?会议\|\{MEETING_KIND\}\)\(\?!\[[^\]\\]+\]\)")
_EDITION_ANCHOR = "会"  # in the ordinal branch's literal 会议


@dataclass(frozen=True)
class _KindWindows:
    """Where ``kind_word`` can match: within ``width`` characters of an anchor character.

    Why it is exact: every match holds an anchor (the ordinal branch holds 会; each kind word
    holds 会 or is given its own last character as anchor) and is at most ``width`` long, so a
    match containing the anchor at ``p`` lies inside ``[p - width + 1, p + width)``; no match
    starts outside such windows, so the whole-text scan finds, window by window, what a scan of
    each window finds. The lookahead reads one character past a match, which the window's end
    (one past its last possible match end) still holds.
    """

    anchors: re.Pattern[str]
    width: int

    def ranges(self, text: str) -> list[tuple[int, int]]:
        """Merged ``[start, end)`` scan ranges over ``text`` (end includes the lookahead)."""
        out: list[tuple[int, int]] = []
        w = self.width
        n = len(text)
        for m in self.anchors.finditer(text):
            p = m.start()
            a, b = max(0, p - w + 1), min(n, p + w + 1)
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out


def _max_width(source: str) -> int | None:
    """The longest match of ``source`` by the stdlib parser; None when it cannot tell (a construct
    of the ``regex`` module only, or no bound)."""
    from re import _parser  # the stdlib's own width analysis; regex has none

    try:
        hi = _parser.parse(source).getwidth()[1]
    except re.error:
        return None
    return hi if hi < _parser.MAXREPEAT else None


@cache
def _kind_windows() -> _KindWindows | None:
    """The anchors and width of the rule ``kind_word`` as it stands, None when the rule has left
    the shape the anchors are derived from (then it is scanned whole)."""
    rule = load_rules("meetings")["kind_word"]
    if not _KIND_SHAPE.fullmatch(rule.template):
        return None
    width = _max_width(rule.source)
    if width is None:
        return None
    anchors = {_EDITION_ANCHOR} | {_EDITION_ANCHOR if _EDITION_ANCHOR in k.kind else k.kind[-1] for k in meeting_kinds()}
    return _KindWindows(re.compile("[" + "".join(sorted(map(re.escape, anchors))) + "]"), width)


def _kind_words(text: str) -> list[regex.Match[str]]:
    """``list(rules["kind_word"].pattern.finditer(text))``, scanning only around its anchors."""
    kind_re = load_rules("meetings")["kind_word"].pattern
    windows = _kind_windows()
    if windows is None:
        return list(kind_re.finditer(text))
    return [m for a, b in windows.ranges(text) for m in kind_re.finditer(text, a, b)]


def find_names(text: str) -> list[NameHit]:
    """Every meeting name in ``text``, longest reading, left to right (chained kinds make one name)."""
    rules = load_rules("meetings")
    stop = _reverse(rules["name_stop"].pattern)
    titles = Spans((t.start(), t.end()) for t in TITLE.finditer(text)) if "《" in text else Spans()
    raw: list[tuple[int, int]] = []
    for m in _kind_words(text):
        if titles.covers(m.start()):
            continue
        start = _name_start(text, m.start(), stop)
        if start is None:
            continue
        start = _balanced_start(text, start, m.start())
        raw.append((start, m.end()))
    # a kind word inside a longer name (协调会 in …协调会第十五届市长联席会议) is not a name of its own
    spans: list[tuple[int, int]] = []
    reach = -1
    for s, e in sorted(set(raw), key=lambda se: (se[0], -se[1])):
        if e <= reach:
            continue
        spans.append((s, e))
        reach = e
    hits: list[NameHit] = []
    for start, end in spans:
        read = _read_name(text[start:end])
        if read is None:
            continue
        cut, kind, edition, year, weak = read
        if cut is not None:
            end = start + cut
        hits.append(NameHit(
            start=start,
            end=end,
            name=text[start:end],
            kind=kind,
            edition=edition,
            year=year,
            generic=weak and edition is None and year is None,
            weak=weak,
        ))
    return hits


@lru_cache(maxsize=4096)
def _read_name(name: str) -> tuple[int | None, str | None, int | None, int | None, bool] | None:
    """(cut, kind, edition, year, weak) of a candidate name; None when it is a count (三次会议).

    ``cut`` is where a ceremony tail (…论坛开幕式) is cut off, None when kept whole. A pure
    function of the name, cached: the same names recur (会议, 座谈会, the headline's name in
    the body) and each reading runs several rules.
    """
    rules = load_rules("meetings")
    if rules["count_not_name"].pattern.match(name):
        return None
    cut = None
    tail = rules["ceremony_tail"].pattern.search(name)
    if tail and tail.start() > 0:
        cut = tail.start()
        name = name[:cut]
    return cut, _kind(name), edition_of(name), year_of(name), is_weak(name)
