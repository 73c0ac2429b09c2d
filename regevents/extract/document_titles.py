"""Titles in 《》, including ones whose bracket was lost to damaged text.

Why apart from the actions: a title has to be found, cleaned (``《2023 年…纪要》``
-> ``2023年…纪要``) and told apart from a newspaper (《人民日报》) before any
verb is read, and damaged pages break brackets (``?!缎吓_(tái)倡議》``): a
closing bracket with no opening one is kept only as another mention of a
title already found, or as a new title when what precedes it is clean text
ending like a document (…协议》).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..rules import load_rules
from .meeting_names import Spans

# a run of spaces is matched from its first space only (never retried inside the run: linear)
_INNER_SPACE = regex.compile(r"(?<!\s)\s+(?=[\p{Han}\d“”《》〈〉()—])|(?<=[\p{Han}\d“”《》〈〉()—])\s+")
_CLEAN_RUN = regex.compile(r"^[\p{Han}0-9“”()—\-·]+$")
_RUN_STOP = regex.compile(r"[,。;:!?、\n《》\ufffd\s]")
_RUN_STOP_REV = regex.compile(r"(?r)[,。;:!?、\n《》\ufffd\s]")
_CLEAN_TAIL = regex.compile(r"[\p{Han}0-9“”—·\-]+$")
_CLEAN_HEAD = regex.compile(r"^[\p{Han}0-9“”—·\-]+")


@dataclass(frozen=True)
class TitleHit:
    start: int  # clean offsets of the whole 《…》 (or of the surviving part)
    end: int
    title: str  # canonical, without brackets
    damaged: bool = False  # a bracket was lost; the hit only counts if it matches a known title


def canonical(title: str) -> str:
    """Title without inner spaces next to Chinese text (``2023 年`` -> ``2023年``); Latin word spaces stay."""
    return _INNER_SPACE.sub("", title.strip())


def looks_like_document(title: str) -> bool:
    """Ends like a document (…协议, …方案, …纪要)."""
    return bool(load_rules("documents")["doc_suffix"].search(title))


def find_titles(text: str) -> list[TitleHit]:
    """Every title in ``text``, left to right: whole 《…》 and damaged halves."""
    if "《" not in text and "》" not in text:
        return []
    rules = load_rules("documents")
    media, media_after = rules["media_title"].pattern, rules["media_after"].pattern
    out: list[TitleHit] = []
    covered: list[tuple[int, int]] = []
    for m in rules["title"].finditer(text):
        covered.append((m.start(), m.end()))
        title = canonical(m.group("t"))
        if not title or media.match(title) or media_after.match(text[m.end() : m.end() + 8]):
            continue
        out.append(TitleHit(m.start(), m.end(), title))
    # a closing bracket whose opening one was lost, and the reverse
    inside = Spans(covered)
    # (each bracket found with str.find: a pattern per character cost a regex scan and a compile
    # cache lookup per call)
    for i in _positions(text, "》"):
        if inside.covers(i):
            continue
        lo = max(0, i - 60)
        stop = _RUN_STOP_REV.search(text, lo, i)
        start = stop.end() if stop else lo
        tail = _CLEAN_TAIL.search(text[start:i])
        if tail and len(tail.group()) >= 2:
            out.append(TitleHit(start + tail.start(), i + 1, canonical(tail.group()), damaged=True))
    for i in _positions(text, "《"):
        if inside.covers(i):
            continue
        stop = _RUN_STOP.search(text, i + 1, min(len(text), i + 61))
        end = stop.start() if stop else min(len(text), i + 61)
        head = _CLEAN_HEAD.match(text[i + 1 : end])
        if head and len(head.group()) >= 2:
            out.append(TitleHit(i, i + 1 + head.end(), canonical(head.group()), damaged=True))
    out.sort(key=lambda h: h.start)
    return out


def _positions(text: str, ch: str) -> Iterator[int]:
    """Every offset of the character ``ch`` in ``text``, in order."""
    i = text.find(ch)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1)


def resolve_damaged(hits: list[TitleHit]) -> list[TitleHit]:
    """Keep a damaged hit as a mention of a known title (same head or tail), or as a clean new title."""
    # each title once, in order of first mention: a repeated title never changes the best match
    # (a later equal one is not better), and comparing every damaged half with every mention of
    # every title was quadratic in a long text's mentions; a half met again gets the same answer
    known = list(dict.fromkeys(h.title for h in hits if not h.damaged))
    matched: dict[str, str | None] = {}
    out: list[TitleHit] = []
    for h in hits:
        if not h.damaged:
            out.append(h)
            continue
        if h.title not in matched:
            matched[h.title] = _matching_title(h.title, known)
        match = matched[h.title]
        if match is not None:
            out.append(TitleHit(h.start, h.end, match, damaged=True))
        elif len(h.title) >= 4 and _CLEAN_RUN.match(h.title) and looks_like_document(h.title):
            out.append(TitleHit(h.start, h.end, h.title, damaged=True))
    return out


def _matching_title(fragment: str, known: list[str]) -> str | None:
    """The known title that ``fragment`` (a damaged half) is the start or end of."""
    best: tuple[int, str] | None = None
    for t in known:
        head = _common_prefix(fragment, t)
        tail = _common_suffix(fragment, t)
        n = max(head, tail)
        # the surviving half must be most of the fragment and a real part of the title,
        # not just a shared ending (…协议)
        if n < len(fragment) * 0.8 or not (n * 2 >= len(t) or n >= 6):
            continue
        if best is None or n > best[0]:
            best = (n, t)
    return best[1] if best else None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
