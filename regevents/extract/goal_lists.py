"""Cutting enumerations into items, aware of quotes and brackets.

Why a module of its own: goal lists in this genre are written with 、 between
items, 及/以及 before the last one, or as adjacent quotations
(``在“共抓生态保护,建设中国绿心”“共推红色旅游,弘扬奋斗精神”等九个方面``), and the
quotations themselves hold commas and 、. Every function here works on clean
offsets and scans once (depth counting), so a long paragraph costs one pass.
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

OPEN = {"“": "”", "‘": "’", "《": "》", "(": ")", "【": "】", "「": "」", "『": "』"}
CLOSE = {v: k for k, v in OPEN.items()}
CLAUSE = frozenset(",。;:!?\n")
SENTENCE = frozenset("。!?\n")
_TRIM = " \t,。;:!?、…—-"
_PAIRS = (("“", "”"), ("「", "」"), ('"', '"'))
_PAIR_CLOSE = dict(_PAIRS)
# what :func:`trim` may drop around an item: its trim characters and the marks of its quote pair
TRIMMED = frozenset(_TRIM) | {c for pair in _PAIRS for c in pair}
# the two characters around a cut of :func:`split_items` between adjacent quotations (“A”“B”, "A""B")
ADJACENT_QUOTES = ("”“", '”"', '""', '"“')


def _stop_class(stops: frozenset[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(OPEN) | set(CLOSE) | stops)) + "]"


@lru_cache(maxsize=32)
def _forward(stops: frozenset[str]) -> re.Pattern[str]:
    """The characters :func:`clause_end` must look at (brackets, quotes, ``stops``): a compiled
    search jumps over everything else instead of a Python step per character."""
    return re.compile(_stop_class(stops))


_BRACKETS = re.compile("[" + "".join(re.escape(c) for c in sorted(set(OPEN) | set(CLOSE))) + "]")


@lru_cache(maxsize=32)
def _stops_only(stops: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(stops)) + "]")


@lru_cache(maxsize=32)
def _backward(stops: frozenset[str]) -> regex.Pattern[str]:
    """The same characters, searched right to left (for :func:`clause_start`)."""
    return regex.compile("(?r)" + _stop_class(stops))


def clause_start(text: str, pos: int, limit: int = 200, stops: frozenset[str] = CLAUSE) -> int:
    """Start of the clause that ends at ``pos``: after the previous stop character outside quotes."""
    depth = 0
    floor = max(0, pos - limit)
    if pos - 1 < floor:
        return floor
    search = _backward(stops).search
    end = pos  # the next character to look at is the last one before ``end``
    while True:
        m = search(text, floor, end)
        if m is None:
            return floor
        i = m.start()
        ch = text[i]
        if ch in CLOSE:
            depth += 1
        elif ch in OPEN:
            depth = max(0, depth - 1)
        elif depth == 0:  # a stop character
            return i + 1
        end = i


def clause_end(text: str, pos: int, limit: int = 400, stops: frozenset[str] = CLAUSE) -> int:
    """Offset of the first stop character at or after ``pos`` outside quotes (or the limit / text end)."""
    depth = 0
    end = min(len(text), pos + limit)
    if pos < 0:  # (never from the extractors) Python indexing from the end: the plain loop
        return _clause_end_loop(text, pos, end, stops)
    for m in _forward(stops).finditer(text, pos, end):
        ch = m.group()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:  # a stop character
            return m.start()
    return end


def clauses(text: str, start: int, end: int, stops: frozenset[str] = CLAUSE) -> list[tuple[int, int]]:
    """The clauses of ``[start, end)`` (``end`` within the text), cut at ``stops`` outside quotes,
    each without its mark: what ``clause_end`` from each clause's start gives, in one pass (a
    clause starts at depth 0, which is where the previous one stopped)."""
    out: list[tuple[int, int]] = []
    s = start
    if _BRACKETS.search(text, start, end) is None:
        # no quote or bracket: every stop character ends a clause
        for m in _stops_only(stops).finditer(text, start, end):
            out.append((s, m.start()))
            s = m.start() + 1
        if s < end:
            out.append((s, end))
        return out
    depth = 0
    for m in _forward(stops).finditer(text, start, end):
        ch = m.group()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            out.append((s, i))
            s = i + 1
    if s < end:
        out.append((s, end))
    return out


def _clause_end_loop(text: str, i: int, end: int, stops: frozenset[str]) -> int:
    depth = 0
    while i < end:
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in stops:
            return i
        i += 1
    return end


@lru_cache(maxsize=32)
def _item_marks(seps: str, words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The characters :func:`split_items` acts on (quotes, brackets, separators, the first
    characters of the separator words); None when a word is empty (every position acts)."""
    if any(not w for w in words):
        return None
    chars = {'"'} | set(OPEN) | set(CLOSE) | set(seps) | {w[0] for w in words}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def split_items(text: str, start: int, end: int, seps: str = "、", words: tuple[str, ...] = ("以及", "及")) -> list[tuple[int, int]]:
    """Items of the list in ``[start, end)``: cut at ``seps`` and ``words`` outside quotes, and between
    adjacent quotations (“A”“B”). ASCII ``"`` count as quotes when they pair up inside the range
    (pages typed without curly quotes). Ranges are trimmed of punctuation and spaces.

    A compiled search jumps to the next character that can act (:func:`_item_marks`); at any
    other character the scan would do nothing."""
    marks = _item_marks(seps, words)
    items: list[tuple[int, int]] = []
    depth = 0
    ascii_quotes = text.count('"', start, end) % 2 == 0
    in_ascii = False
    s = start
    skip_to = start  # after a separator word, the scan goes on past its last character
    positions = range(start, end) if marks is None else (m.start() for m in marks.finditer(text, start, end))
    for i in positions:
        if i < skip_to:
            continue
        ch = text[i]
        if ch == '"' and ascii_quotes:
            if not in_ascii and depth == 0 and i > s and text[i - 1] in '"”':
                items.append((s, i))  # "A""B": adjacent quotations
                s = i
            in_ascii = not in_ascii
        elif ch in OPEN:
            if depth == 0 and not in_ascii and ch == "“" and i > s and text[i - 1] in '”"':
                items.append((s, i))
                s = i
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and not in_ascii:
            if ch in seps:
                items.append((s, i))
                s = i + 1
            else:
                for w in words:
                    if text.startswith(w, i) and i > s:
                        items.append((s, i))
                        s = skip_to = i + len(w)
                        break
    items.append((s, end))
    return [r for r in (trim(text, a, b) for a, b in items) if r[1] > r[0]]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding punctuation and spaces, and one pair of quotes around the whole item."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if end - start >= 2:
        # the pairs open with distinct marks: only the one opening with text[start] can apply
        cl = _PAIR_CLOSE.get(text[start])
        if cl is not None and text[end - 1] == cl and text.find(text[start], start + 1, end - 1) < 0:
            return start + 1, end - 1
    return start, end


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``[start, end)`` (cut at 。!? outside quotes), each without its final mark:
    the sentence clauses that hold more than punctuation and spaces."""
    out: list[tuple[int, int]] = []
    for s, e in clauses(text, start, end, SENTENCE):
        a, b = trim(text, s, e)
        if b > a:
            out.append((s, e))
    return out


def common_suffix(items: list[str]) -> str:
    if not items:
        return ""
    first = items[0]
    n = 0
    while n < len(first) and all(len(x) > n and x[-1 - n] == first[-1 - n] for x in items):
        n += 1
    return first[len(first) - n :] if n else ""


def common_prefix(items: list[str]) -> str:
    if not items:
        return ""
    first = items[0]
    n = 0
    while n < len(first) and all(len(x) > n and x[n] == first[n] for x in items):
        n += 1
    return first[:n]
