"""Cross-reference checks: the records agree with each other and with the article.

* a meeting's chair takes part in it;
* people who speak (``X说``, ``X在讲话中表示``, ``X建议``) and people the
  headline names (``刘某唐某某张某讲话``) are attendees;
* a count the article states (``等六个合作文件``, ``九个方面``) equals the
  number of items found in its list. Extractors record such lists as a
  ``group`` with ``group_size`` and ``count_evidence``; when they do not, a
  list of 《titles》 or “quotes” directly followed (or, after a colon,
  preceded) by a count is read from the text, and compared with the records
  whose evidence lies inside it;
* a short document name (《规划纲要》) is an alias of the full title, not a
  document of its own.

The text patterns run on the clean text (simplified, ASCII punctuation), once
each, and are compiled at import.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

import regex

from .checks_context import Context
from .gazetteer import posts, surnames
from .issues import make
from .models import CooperationGoal, Issue, SignedDocument, Span

# --------------------------------------------------------------- numbers

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUM = r"(?:[0-9]{1,3}|[一二两三四五六七八九十]{1,3})"


def cn_number(s: str) -> int | None:
    """``六`` -> 6, ``十二`` -> 12, ``二十三`` -> 23, ``15`` -> 15; None if not a number below 100."""
    if s.isascii() and s.isdigit():
        return int(s)
    if not s or any(ch not in _CN_DIGITS and ch != "十" for ch in s):
        return None
    if "十" not in s:
        return _CN_DIGITS[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    t = _CN_DIGITS[tens] if tens else 1
    o = _CN_DIGITS[ones] if ones else 0
    return t * 10 + o


# --------------------------------------------------------------- patterns (each with examples, see PATTERNS)

# A list is matched only from its first item (not from inside it) and possessively (the
# count must follow the whole list), so a page of ten thousand titles stays linear.
_TITLE_SEP = r"(?:[、,和及与]|以及){0,2}"
_TITLE_LIST = rf"(?<!》{_TITLE_SEP})(?:《[^《》\n]{{1,200}}》{_TITLE_SEP}){{2,}}+"
_UNIT = r"(?:个|项|份|部|件)"
DOC_COUNT_AFTER = regex.compile(
    rf"(?P<list>{_TITLE_LIST})(?P<count>(?:等|共|这){{0,2}}(?P<n>{NUM}){_UNIT})"
)
DOC_COUNT_BEFORE = regex.compile(
    rf"(?P<count>(?P<n>{NUM}){_UNIT}[^。;:\n《》]{{0,12}}):(?P<list>{_TITLE_LIST})"
)
_QUOTE_LIST = r"(?<!”[、,]?)(?:“[^“”\n]{1,80}”[、,]?){2,}+"
_GOAL_NOUN = r"(?:方面|领域|重点|任务|举措|行动|工程|方向|目标|平台|机制|事项|板块)"
GOAL_COUNT_AFTER = regex.compile(
    rf"(?P<list>{_QUOTE_LIST})(?P<count>等?(?P<n>{NUM})(?:个|大|项|条)?{_GOAL_NOUN})"
)
# a clause that opens with a (titled) name and says something: 刘某说, 省长赵某某在讲话中表示, 唐某某建议
_CLAUSE_END = r"。;!?:,“”\n\s、"
_SPEAKER = regex.compile(
    rf"(?:(?<=^)|(?<=[{_CLAUSE_END}]))(?P<clause>[^{_CLAUSE_END}]{{2,30}}?)"
    r"(?P<cue>说(?![明服法])|建议|在(?:会上|会议上|座谈会上)?(?:的)?(?:讲话|致辞|发言)中(?:表示|指出|强调|说)|在会上(?:表示|说))"
)
# a headline clause: (titled) names run together, then what they did: 刘某唐某某张某讲话, 周某出席并致辞
_HEADLINE = regex.compile(
    rf"(?:(?<=^)|(?<=[{_CLAUSE_END}|]))(?P<clause>[^{_CLAUSE_END}|]{{2,30}}?)"
    r"(?P<cue>出席并(?:讲话|致辞|发言)|出席|讲话|致辞|主持|会见|会谈|率团|发言|见证)"
)
# Every match of _SPEAKER / _HEADLINE lies inside one clause (neither a clause nor a cue holds a
# clause-end character) and starts where the clause starts, and every cue holds one of these
# words: only clauses that hold one can match, and they are found from the words (see _clause_matches).
_CLAUSE_START_REV = regex.compile(rf"(?r)[{_CLAUSE_END}]")
_HEADLINE_CLAUSE_START_REV = regex.compile(rf"(?r)[{_CLAUSE_END}|]")
_SPEAKER_WORDS = re.compile(r"说|建议|表示|指出|强调")  # plain words: the stdlib engine scans faster
_HEADLINE_WORDS = re.compile(r"出席|讲话|致辞|主持|会见|会谈|率团|发言|见证")
# where the name part of a clause ends: 刘某在会上, 杨某某先后, 吴某某等27个, 张某某参加
_NAME_STOP = regex.compile(r"在|等|先后|分别|参加|一同|共同|也|还|均|\d")
_HAN = regex.compile(r"\p{Han}+")
# characters that do not occur in personal names but do in the bodies and nouns a cue may follow
_NOT_NAME = regex.compile(r"[会议省市县委局部府厅们者表团组届次各双与及的地区域乡村党协众]")

# name -> (pattern, must match, must not match, how); tests/test_validate.py runs them
PATTERNS: dict[str, tuple[regex.Pattern[str], tuple[str, ...], tuple[str, ...], str]] = {
    "doc_count_after": (DOC_COUNT_AFTER, ("签署了《甲协议》《乙方案》等六个合作文件", "通过《甲》和《乙》两项"), ("签署了《甲协议》等六个文件", "《甲》《乙》"), "search"),
    "doc_count_before": (DOC_COUNT_BEFORE, ("签署三项协议:《甲》、《乙》和《丙》",), ("签署三项协议。《甲》《乙》",), "search"),
    "goal_count_after": (GOAL_COUNT_AFTER, ("在“共抓生态保护”“共推红色旅游”等九个方面加强合作",), ("做好“红色、绿色、古色”文章", "“甲”“乙”两个字"), "search"),
    "speaker": (_SPEAKER, ("。刘某说,", ",唐某某建议三省", "\n张某在讲话中表示", "省长赵某某在座谈会上说"), ("会议说明了", "他说明", "据悉刘某说明"), "search"),
    "headline": (_HEADLINE, ("刘某唐某某张某讲话", "举行 周某出席并致辞", "省委书记黄某某在长沙会见嘉宾"), ("座谈会在汉举行", "深化协同发展 推动中部地区加快绿色崛起"), "search"),
    "name_stop": (_NAME_STOP, ("刘某在会上", "杨某某先后", "吴某某等27个"), ("刘某", "唐某某"), "search"),
    "not_name": (_NOT_NAME, ("会议", "双方", "代表"), ("刘某", "唐某某", "宋某某"), "search"),
}


# --------------------------------------------------------------- helpers

def _candidate(clause: str) -> str:
    """The name part of a clause: leading printed roles and anything from 在 on removed.

    ``省长赵某某在座谈会上`` -> ``赵某某``; ``中共中央政治局委员、上海市委书记陈某`` -> ``陈某``.
    """
    role_at = posts().role_at  # what role_pattern.match finds, by dictionary lookups (nothing to compile)
    pos = 0
    while pos < len(clause):
        m = role_at(clause, pos)
        if m is None or m.end == pos:
            break
        pos = m.end
        while pos < len(clause) and clause[pos] in "、 ":
            pos += 1
    name = clause[pos:]
    m = _NAME_STOP.search(name, 1)
    return name[: m.start()] if m else name


def _clause_matches(
    pattern: regex.Pattern[str], words: re.Pattern[str], starts: regex.Pattern[str], text: str,
    windows: Iterable[tuple[int, int]],
) -> list[regex.Match[str]]:
    """``list(pattern.finditer(blanked))`` for _SPEAKER and _HEADLINE, where ``blanked`` is ``text``
    with everything outside ``windows`` turned to spaces (each window ends before a newline or
    at the end of the text; see ``Context.headline_windows``), trying only the clauses that
    hold a cue word: a match starts at its clause's start and ends inside it, so the matches of
    ``finditer`` are those of ``match`` at the start of each such clause (scanning every position
    of the article for a lazy clause and a cue was most of the checks' time). A clause holds no
    newline or space, so one never leaves its window, and a window's first clause starts at
    the window (what precedes it, a newline or a blank, ends a clause)."""
    out: list[regex.Match[str]] = []
    for lo, hi in windows:
        prev = lo  # the end of the previous cue word (cue words hold no clause-end character)
        first = True
        for w in words.finditer(text, lo, hi):
            # the clause start: after the last clause end before the word; none since the previous
            # word means the same clause, already tried (each stretch of text is looked at once)
            stop = starts.search(text, prev, w.start())
            prev = w.end()
            if stop is None and not first:
                continue
            first = False
            m = pattern.match(text, stop.end() if stop is not None else lo)
            if m is not None:
                out.append(m)
    return out


def _looks_like_names(s: str, max_len: int) -> bool:
    """A run of one or more personal names: starts with a surname, no body/noun characters."""
    if not 2 <= len(s) <= max_len or not _HAN.fullmatch(s) or _NOT_NAME.search(s):
        return False
    return surnames().is_surname_start(s) > 0


def _attendee_names(ctx: Context) -> list[str]:
    return sorted({p.name for p in ctx.article.attendees if p.name}, key=len, reverse=True)


def _residue(run: str, names: Sequence[str]) -> list[str]:
    """The parts of a name run not covered by known names (longest names removed first)."""
    pieces = [run]
    for name in names:
        nxt: list[str] = []
        for piece in pieces:
            nxt.extend(p for p in piece.split(name))
        pieces = nxt
    return [p for p in (x.strip(" 、,") for x in pieces) if p]


def _first(spans: Iterable[Span]) -> list[Span]:
    for sp in spans:
        return [sp]
    return []


# --------------------------------------------------------------- checks

def check_refs(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    out.extend(_chairs(ctx))
    out.extend(_counts_by_group(ctx))
    out.extend(_short_names(ctx))
    if ctx.original is not None:
        out.extend(_speakers(ctx))
        out.extend(_headline_names(ctx))
        out.extend(_counts_in_text(ctx))
    return out


def _chairs(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for m in ctx.article.meetings:
        person = ctx.attendee(m.chair)
        if person is not None and m.id not in person.meetings:
            out.append(make("chair_not_attendee", [m.id, person.id], [*_first(m.evidence), *_first(person.evidence)],
                            chair=f"{person.id} ({person.name})", meeting=m.id))
    return out


def _speakers(ctx: Context) -> list[Issue]:
    text = ctx.readable
    if text is None:
        return []
    known = set(_attendee_names(ctx)) | set(ctx.article.source.byline)
    out: list[Issue] = []
    done: set[str] = set()
    for m in _clause_matches(_SPEAKER, _SPEAKER_WORDS, _CLAUSE_START_REV, text, ctx.body_windows()):
        name = _candidate(m["clause"])
        if name in known or name in done or not _looks_like_names(name, 4):
            continue
        done.add(name)
        span = ctx.span(m.start(), m.end())
        out.append(make("speaker_not_attendee", [], [span] if span else [], name=name, cue=m.group()))
    return out


def _headline_names(ctx: Context) -> list[Issue]:
    text = ctx.readable
    if text is None:
        return []
    names = _attendee_names(ctx)
    out: list[Issue] = []
    done: set[str] = set()
    for m in _clause_matches(_HEADLINE, _HEADLINE_WORDS, _HEADLINE_CLAUSE_START_REV, text, ctx.headline_windows()):
        for piece in _residue(_candidate(m["clause"]), names):
            if piece in done or not _looks_like_names(piece, 30):
                continue
            done.add(piece)
            span = ctx.span(m.start(), m.end())
            out.append(make("headline_name_not_attendee", [], [span] if span else [], name=piece, cue=m.group()))
    return out


def _count_issue(what: str, stated: int, members: Sequence[SignedDocument | CooperationGoal], cue: str,
                 count_span: Span | None) -> Issue:
    evidence = [count_span, *(sp for r in members for sp in r.evidence[:1])]
    return make("count_mismatch", [r.id for r in members], evidence, stated=stated, what=what, cue=cue, found=len(members))


def _counts_by_group(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for what, records in (("documents", ctx.article.documents), ("goals", ctx.article.goals)):
        groups: dict[str, list[SignedDocument | CooperationGoal]] = defaultdict(list)
        for r in records:
            if r.group is not None:
                groups[r.group].append(r)
        for gid, members in groups.items():
            sizes = sorted({r.group_size for r in members if r.group_size is not None})
            if not sizes:
                continue
            count_span = next((r.count_evidence for r in members if r.count_evidence is not None), None)
            cue = count_span.text if count_span is not None else f"group {gid}"
            for size in sizes:
                if size != len(members):
                    out.append(_count_issue(what, size, members, cue, count_span))
    return out


def _counts_in_text(ctx: Context) -> list[Issue]:
    text = ctx.readable
    if text is None:
        return []
    out: list[Issue] = []
    jobs = (
        ("documents", ctx.article.documents, (DOC_COUNT_AFTER, DOC_COUNT_BEFORE), "《"),
        ("goals", ctx.article.goals, (GOAL_COUNT_AFTER,), "“"),
    )
    for what, records, patterns, opener in jobs:
        if not records or opener not in text:
            continue
        for pattern in patterns:
            for m in pattern.finditer(text):
                stated = cn_number(m["n"])
                rng = ctx.orig_range(m.start("list"), m.end("list"))
                if stated is None or rng is None:
                    continue
                lo, hi = rng
                inside = [r for r in records if r.evidence and any(lo <= sp.start and sp.end <= hi for sp in r.evidence)]
                if not inside or any(r.group_size is not None for r in inside):
                    continue  # nothing found there, or the extractor recorded the count itself
                if stated != len(inside):
                    out.append(_count_issue(what, stated, inside, m["count"], ctx.span(m.start("count"), m.end("count"))))
    return out


def _short_names(ctx: Context) -> list[Issue]:
    docs = [d for d in ctx.article.documents if d.title]
    out: list[Issue] = []
    for short in docs:
        for full in docs:
            if full is short or full.title == short.title or len(short.title) < 2:
                continue
            if short.title in full.aliases or (len(short.title) < len(full.title) and full.title.endswith(short.title)):
                out.append(make("unresolved_short_name", [short.id, full.id], [*_first(short.evidence), *_first(full.evidence)],
                                short=short.id, short_title=short.title, full=full.id, full_title=full.title))
                break
    return out
