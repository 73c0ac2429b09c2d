"""Cooperation goals: the goals, focus areas and tasks an article sets out.

The genre announces its goals in a handful of shapes (rules in
``data/goals.rules.json``):

* a stated count with its list: ``在A、B、C六个方面深化合作``,
  ``在“A”“B”…等九个方面重点领域加强合作``, ``五个方面深化合作。A。…B。…`` (items
  written as their own short sentences), ``三个方面:一是…二是…``;
* a quoted count label: ``坚持“四个共同”:共同推动A,共同推进B,…`` (the items number as the label
  says, or open with its word);
* items after a count's colon numbered in any one family (``(一)…(二)…``, ``1.…2.…``, ``①②``,
  ``一要…二要…``; a bare digit only where the count announced the list), on their own lines, or
  on lines with no number left (a stripped keycap) that each open with an action;
* numbered work after a colon with no count: ``会议明确了下一步重点工作:(一)A;(二)B``;
* a positioning list: ``目标定位:打造A、B、C``, or before its anchor:
  ``锚定建设A、B、C的目标定位``, ``按照《总体方案》确定的A、B、C战略定位``, or after
  ``建设成为/打造成为`` (``A、B、C和D``);
* a focus-area list: ``在A、B、C等方面推进相关工作``, ``包括在A、B及C方面的合作``,
  ``围绕A、B、C等重点领域,深入开展协同立法``;
* matters taken up together: ``就A、B、C等事项进行了协商``;
* an agenda: ``一是…二是…三是…`` inside a paragraph, or as paragraph headings
  (``以下几方面工作。`` then ``一是X。…`` / ``二是Y。…``), each item ending at its first ``。``;
* the contents of an initiative or declaration: ``《X倡议》指出,各成员市要A;B;C``;
* a parallel agenda: ``要以A为牵引,B;要以C为抓手,D;…`` or ``在A上走在前列,在B上走在前列,…``;
* a goal in quotes: ``锚定“…”的目标``;
* an enumeration whose items share a head: ``推进A一体化、B一体化、C一体化``.

Precision matters more than coverage: a person's speech (``X说,`` ``他强调,``)
is not read, except a proposal (``X建议,`` ``X在讲话中提出三点建议:``) with a
count or an agenda, whose items get ``proposed_by``, and a numbered agenda of the
meeting's chair or keynote speaker (``X强调,要重点抓好以下几方面工作:一是…``),
which is the meeting's programme (its items get no ``proposed_by``: they are set
out, not proposed). A sentence about what was achieved (…以来, 取得) is not read
for focus-area lists, unless the result is still to be reached (推动…取得新成效).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..document import Document
from ..gazetteer import orgs, places
from ..models import Attendee, CooperationGoal, Meeting, trusted_model
from ..rules import Rule, load_rules
from ..zones import BODY
from .goal_lists import (
    CLAUSE,
    SENTENCE,
    clause_end,
    clause_start,
    clauses as split_clauses,
    ADJACENT_QUOTES,
    TRIMMED,
    common_prefix,
    common_suffix,
    sentences,
    split_items,
    trim,
)

NORMAL, SPEECH, PROPOSAL = "normal", "speech", "proposal"
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_MEETING_VERBS = ("指出", "强调", "认为", "提出", "明确", "要求", "决定", "商定", "同意", "一致认为")
_MEETING_SUBJECT = regex.compile(
    r"(?:会议|大会|座谈会|联席会议|大家|与会各方|各方|双方)[^,。;]{0,6}?(?:" + "|".join(_MEETING_VERBS) + ")[,:]"
)
_HAN = regex.compile(r"^\p{Han}+$")
# actions that make an attendee the chair or a keynote speaker, whose numbered agenda is the meeting's programme
_MAIN_SPEAKER_ACTIONS = frozenset({"主持", "讲话"})
# an address (致辞) sets the programme only where its markers are musts (一要…二要…)
_ADDRESS_ACTIONS = _MAIN_SPEAKER_ACTIONS | {"致辞"}
_MAX_ITEM = 60
_MAX_COUNTED_ITEM = 100  # an item of a list whose count was stated (三点建议:一是…) may run longer
# stop sets of clause_end, built once (clause_end keeps a compiled search per set)
_STOP_FULL = frozenset("。\n")
_STOP_SEMI = frozenset(";。\n")
_STOP_COLON = frozenset("。:\n")
_HEADING_STOPS = frozenset("。;:\n")
_STATEMENT_STOPS = frozenset(",;:")


def _rules():
    return load_rules("goals")


# ------------------------------------------------------------------ prefilters
# A paragraph in which a rule cannot match is skipped before it is cut into clauses: most
# paragraphs hold no parallel agenda, no meeting-level statement. Each prefilter is derived
# from the rule file, so that a rule edit carries its prefilter along.

_PARALLEL_MIN = 3  # clauses in a parallel agenda (要以A为牵引,B;要以C为抓手,D;…)


def _holds(rule: Rule) -> tuple[str, ...]:
    """The literal strings every match of ``rule`` contains (its ``holds`` key in the rule file;
    tests/test_goals.py checks each one is required by the pattern)."""
    return tuple(rule.meta.get("holds", ()))


def _may_hold(text: str, start: int, end: int, holds: tuple[str, ...], matches: int) -> bool:
    """Can ``[start, end)`` hold ``matches`` disjoint matches of a rule whose every match contains
    each of ``holds``? (False is exact: each match needs its own copy of every literal.)"""
    return all(text.count(h, start, end) >= matches for h in holds)


def _holds_any(rule: Rule) -> re.Pattern[str] | None:
    """A plain search for the literals of which every match of ``rule`` contains one (its
    ``holds_any`` key; tests/test_goals.py checks the pattern needs them); None without the key."""
    words = rule.meta.get("holds_any")
    return _alternation(tuple(words)) if words else None


@lru_cache(maxsize=16)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


_PLAIN = regex.compile(r"(?:\p{Han}|\(\?:|[|)?])+")


def _plain(rule: Rule) -> re.Pattern[str] | regex.Pattern[str]:
    """``rule`` compiled by the standard ``re`` when its source is a plain alternation of Chinese
    words (Han characters, ``(?:``, ``|``, ``)``, ``?`` and nothing else: no class, escape or flag
    whose meaning could differ between the two engines), which ``re`` scans many times faster;
    else the rule's own pattern."""
    return _plain_source(rule.source) or rule.pattern


@lru_cache(maxsize=16)
def _plain_source(source: str) -> re.Pattern[str] | None:
    return re.compile(source) if _PLAIN.fullmatch(source) else None


def cn_number(s: str) -> int | None:
    """九 -> 9, 十二 -> 12, 二十 -> 20, 5 -> 5; None for anything else."""
    if s.isdigit():
        return int(s)
    if not s or any(ch not in _CN_DIGITS and ch != "十" for ch in s):
        return None
    if "十" in s:
        head, _, tail = s.partition("十")
        if "十" in tail:
            return None
        tens = _CN_DIGITS.get(head, 0) if head else 1
        ones = _CN_DIGITS.get(tail, 0) if tail else 0
        if (head and head not in _CN_DIGITS) or (tail and tail not in _CN_DIGITS):
            return None
        return tens * 10 + ones
    return _CN_DIGITS[s] if len(s) == 1 else None


@dataclass
class _Item:
    start: int
    end: int
    kind: str
    rule: str
    group: int | None = None
    group_size: int | None = None
    count: tuple[int, int] | None = None
    proposed_by: str | None = None
    text: str | None = None


class _Modes:
    """Who is speaking where: ``normal`` narrative, a person's ``speech``, or a ``proposal``."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.values: list[tuple[str, str | None]] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int, mode: str, who: str | None) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.values.append((mode, who))

    def at(self, pos: int) -> tuple[str, str | None]:
        return self.region(pos)[1:]

    def region(self, pos: int) -> tuple[int, str, str | None]:
        """(where the region holding ``pos`` starts, its mode, its speaker); a position outside
        every region is normal narrative starting at itself."""
        # regions are added in text order and never overlap
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.ends[i]:
            return (self.starts[i], *self.values[i])
        return pos, NORMAL, None


class _Paras(list):
    """The body paragraphs ``(start, end)``, sorted and disjoint, with their starts and ends kept
    apart so that "which paragraph holds this offset" bisects instead of scanning them all (a
    scan per candidate made the goals stage quadratic in the length of the article)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        super().__init__(spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def first_from(self, pos: int) -> int:
        """Index of the first paragraph starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def holds(self, pos: int) -> bool:
        """Is ``pos`` inside a paragraph (``start <= pos < end``)?"""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def _paragraphs(doc: Document) -> _Paras:
    return _Paras([(ln.start, ln.end) for ln in doc.zoning.lines if ln.zone == BODY and ln.end > ln.start])


def _from(paras: list[tuple[int, int]], after: int) -> range:
    """Indices of the paragraphs starting at or after ``after`` (all of them for a plain list)."""
    first = paras.first_from(after) if isinstance(paras, _Paras) else 0
    return range(first, len(paras))


class _Names:
    """Where the attendees' names occur in an article: every occurrence of every name, overlapping
    ones too, sorted by start and longest first, found with ``str.find`` (no pattern to compile
    per article). :meth:`within` reads them as ``finditer`` of a longest-first alternation of the
    names reads ``[start, end)`` (gazetteer.alternation: leftmost, then longest, never
    overlapping a previous match, never past ``end``)."""

    def __init__(self, text: str, names: list[str]) -> None:
        hits: list[tuple[int, int, str]] = []
        for name in names:
            if name:
                i = text.find(name)
                while i >= 0:
                    hits.append((i, -len(name), name))
                    i = text.find(name, i + 1)
        hits.sort()
        self._hits = hits
        self._starts = [h[0] for h in hits]

    def within(self, start: int, end: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of the matches in ``[start, end)``, in text order."""
        hits = self._hits
        free = start  # where the next match may start (after the previous one)
        for k in range(bisect.bisect_left(self._starts, start), len(hits)):
            s, neg, name = hits[k]
            if s >= end:
                break
            if s >= free and s - neg <= end:
                free = s - neg
                yield s, free, name


_COUNTED = "counted"  # a speech tail that states a count of asks (提出三点希望:), a proposal like 建议


def _proposal_or_verb(m: regex.Match[str], counted_ask: regex.Pattern[str]) -> str:
    """The speech verb of a speech-tail match, or ``_COUNTED`` when the tail counts the speaker's asks
    (rule ``counted_ask``: 他提出三点希望: / 孙某在讲话中提出三点要求:): what they list is a proposal."""
    return _COUNTED if counted_ask.search(m.group()) else m.group("verb")


def _speech_modes(text: str, paras: list[tuple[int, int]], attendees: list[Attendee]) -> _Modes:
    rules = _rules()
    tail = rules["speech_tail"].pattern
    generic = rules["speech"].pattern
    proposal = rules["proposal_verb"].pattern
    counted_ask = rules["counted_ask"].pattern
    by_name = {a.name: a.id for a in attendees}
    names = _Names(text, list(by_name)) if by_name else None
    modes = _Modes()
    gate = _speech_gate()
    # 他说 / 他建议: the person named last before the pronoun, also in an earlier paragraph
    # (X主持会议并讲话。/ 他强调, …: the pronoun opening a paragraph is X)
    last_speaker: str | None = None
    for ps, pe in paras:
        if gate is not None and gate.search(text, ps, pe) is None:
            # no speech verb with its mark: no speech, tail or statement starts here, and the
            # paragraph's names only tell who was named last
            if names is not None:
                for _, _, name in names.within(ps, pe):
                    last_speaker = by_name[name]
            continue
        # (where the mode starts, mode, speaker id, speech verb)
        starts: list[tuple[int, str, str | None, str]] = []
        tails: list[tuple[int, int]] = []
        if names is not None:
            for ns, ne, name in names.within(ps, pe):
                starts.append((ns, "mention", by_name[name], ""))
                t = tail.match(text, ne, pe)
                if t:
                    # the speech starts right after the name: 孙某在讲话中提出三点建议: holds its count
                    starts.append((ne, "named", by_name[name], _proposal_or_verb(t, counted_ask)))
                    tails.append((ne, t.end()))
        for m in _MEETING_SUBJECT.finditer(text, ps, pe):
            if not any(a <= m.start() < b for a, b in tails):  # 孙某在会议上指出, is still his speech
                starts.append((m.start(), NORMAL, None, ""))
        for g in generic.finditer(text, ps, pe):
            if any(a < g.end() <= b for a, b in tails):
                continue  # 孙某代表四省区建议: the named speaker's own tail
            # the speech starts right after its speaker, as after a name: 他就A提出三点建议: holds its count
            starts.append((g.end("who"), "pronoun" if g.group("who") in ("他", "她") else SPEECH, None, _proposal_or_verb(g, counted_ask)))
        starts.sort(key=lambda x: x[0])
        resolved: list[tuple[int, str, str | None]] = []
        for pos, mode, who, verb in starts:
            if mode == "mention":
                last_speaker = who
                continue
            if mode == "pronoun":
                who = last_speaker
            if mode in ("named", "pronoun"):
                mode = PROPOSAL if who and (verb == _COUNTED or proposal.match(verb)) else SPEECH
            if who:
                last_speaker = who
            resolved.append((pos, mode, who))
        for i, (pos, mode, who) in enumerate(resolved):
            stop = resolved[i + 1][0] if i + 1 < len(resolved) else pe
            if stop > pos:
                modes.add(pos, stop, mode, who)
    return modes


# The rules scanned over the whole text, each tried only before its anchor words (``scan_anchor``).
_SCANNED = (
    "count", "count_label", "positioning", "positioning_before", "positioning_given",
    "positioning_become", "initiative", "target_quote", "coop_anchor", "topic_anchor",
    "coverage_anchor",
)


@lru_cache(maxsize=8)
def _anchor_table(spec: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]], frozenset[str]]:
    """For the anchor words of several rules (``spec``: one tuple of words per rule): one plain
    alternation of them all, longest first (so a hit is the longest word starting there); for
    each word, the rules that have a word starting where it starts (their words that are
    prefixes of it); and the first characters of the words."""
    every = sorted({w for words in spec for w in words}, key=lambda w: (-len(w), w))
    owners = {w: tuple(i for i, words in enumerate(spec) if any(w.startswith(x) for x in words)) for w in every}
    return _alternation(tuple(every)), owners, frozenset(w[0] for w in every)


class _Anchors:
    """Where the anchor words of several rules start in one text, found by ONE scan of a plain
    alternation of all their words (the ``re`` engine, several times faster per character than
    a rule on ``regex``), so that each rule is tried only before its own words.

    Exact: a hit is the longest word starting at its position and the words starting there are
    its prefixes (``_anchor_table``); a word starting inside a hit is looked up at its position
    (the scan goes on after the hit), so every start of every word is recorded for every rule
    it anchors."""

    def __init__(self, text: str, rules: tuple[Rule, ...]) -> None:
        self.text = text
        self.rules = rules
        pattern, owners, firsts = _anchor_table(tuple(tuple(r.meta["scan_anchor"]["words"]) for r in rules))
        at: list[list[int]] = [[] for _ in rules]
        match = pattern.match
        for hit in pattern.finditer(text):
            s, e = hit.span()
            for i in owners[hit.group()]:
                at[i].append(s)
            for p in range(s + 1, e):
                if text[p] in firsts:
                    inner = match(text, p)
                    if inner:
                        for i in owners[inner.group()]:
                            at[i].append(p)
        self.at = at

    def finditer(self, k: int) -> Iterator[regex.Match[str]]:
        """``rules[k].finditer(text)``, tried only where a match can start: every match holds one
        of the rule's words starting at most ``lead`` characters after the match start. The rule
        is tried at each such position in text order and never inside the previous match, which
        is what ``finditer`` returns."""
        text = self.text
        rule = self.rules[k]
        lead = rule.meta["scan_anchor"]["lead"]
        match = rule.pattern.match
        pos = 0  # the first position still to try (finditer goes on from the end of a match)
        for p in self.at[k]:
            q = max(pos, p - lead)
            while q <= p:
                m = match(text, q)
                if m:
                    yield m
                    q = m.end() if m.end() > q else q + 1
                else:
                    q += 1
            pos = max(pos, q)


def _anchored_finditer(rule: Rule, text: str) -> Iterator[regex.Match[str]]:
    """``rule.finditer(text)`` tried only before the rule's anchor words (see :class:`_Anchors`)."""
    return _Anchors(text, (rule,)).finditer(0)


@lru_cache(maxsize=1)
def _speech_gate() -> re.Pattern[str] | None:
    """The literals one of which every match of speech_tail, speech and _MEETING_SUBJECT holds (a
    speech verb and its mark: 表示, / 指出:); None when a rule has no ``holds_any``."""
    rules = _rules()
    words: list[str] = []
    for name in ("speech_tail", "speech"):
        got = rules[name].meta.get("holds_any")
        if not got:
            return None
        words.extend(got)
    words.extend(v + mark for v in _MEETING_VERBS for mark in ",:")
    return _alternation(tuple(dict.fromkeys(words)))


# ------------------------------------------------------------------ list readers


def _strip_lead(text: str, start: int, end: int) -> int:
    """Start of the first item once the words that open the list (在, 围绕, 聚力推进) are dropped."""
    lead = _plain(_rules()["list_lead"])
    best = start
    for m in lead.finditer(text, start, end):
        if end - m.end() >= 2:
            best = m.end()
    return best


def _list_before(text: str, end: int) -> list[tuple[int, int]]:
    """The items of the list that ends at ``end`` (before 等…方面 / 六个方面)."""
    if end > 0 and text[end - 1] == "等":
        end -= 1
    start = clause_start(text, end)
    items = split_items(text, start, end)
    return _lead_stripped(text, items)


def _lead_stripped(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items with the opening words dropped from the first one (only before its first quotation)."""
    if not items:
        return items
    a, b = items[0]
    q = text.find("“", a, b)
    if q > a and text[b - 1] == "”" and text.find("”", q, b) == b - 1:
        new_a = q  # 在“A” -> “A”: the words before a quoted item open the list
    else:
        new_a = _strip_lead(text, a, b)
    return [trim(text, new_a, b)] + items[1:]


def _ordinal_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """一是A;二是B;三是C within ``[start, end)``: the items in order, or [] when the run is broken."""
    return _run_items(text, start, end, _rules()["ordinal"].pattern, bare=False)


def _marked_items(text: str, start: int, end: int, bare: bool) -> list[tuple[int, int]]:
    """Items numbered in any one family (一是, (一), 1., (1), ①, 第一, and a bare digit when ``bare``,
    i.e. a count announced the list) within ``[start, end)``."""
    return _run_items(text, start, end, _rules()["item_marker"].pattern, bare=bare)


def _run_items(
    text: str, start: int, end: int, marker: regex.Pattern[str], bare: bool, first: int = 1, least: int = 2
) -> list[tuple[int, int]]:
    """The items of the first run of markers of one family counting on from ``first`` (1); [] when the
    run holds fewer than ``least`` items. Markers of another family inside an item are part of it."""
    ords: list[regex.Match[str]] = []
    family: str | None = None
    expect = first
    for m in marker.finditer(text, start, end):
        fam, num = _heading_number(m)
        before = text[m.start() - 1] if m.start() > start else ""
        if before and before not in (":;。\n" if fam == "bare" else ",;:。 \n"):
            continue
        if fam == "bare" and not bare:
            continue
        if family is None:
            if num != first:
                continue
            family = fam
        elif fam != family:
            continue
        elif num != expect:
            break
        ords.append(m)
        expect += 1
    if len(ords) < least:
        return []
    items = []
    for i, m in enumerate(ords):
        if i + 1 < len(ords):
            # an item ends at its first 。: what follows (黄河生态系统是一个有机整体。) explains it
            nxt = ords[i + 1].start()
            stop = clause_end(text, m.end(), nxt - m.end(), _STOP_FULL)
        else:
            stop = clause_end(text, m.end(), end - m.end(), _STOP_SEMI)
        a, b = trim(text, m.end(), stop)
        if b > a:
            items.append((a, b))
    return items


def _next_paragraph(paras: list[tuple[int, int]], pe: int) -> tuple[int, int] | None:
    """The paragraph after the one ending at ``pe`` (blank lines between are no paragraphs), or None."""
    if not isinstance(paras, _Paras):
        return None
    i = paras.first_from(pe)
    return paras[i] if i < len(paras) else None


def _next_paragraph_items(text: str, paras: list[tuple[int, int]], pe: int, n: int) -> list[tuple[int, int]]:
    """五项重点任务: / A,…;B,…;…;E。 : a count's colon ends its paragraph and the next one is the list,
    cut at ; into exactly the announced number of items (else none: a paragraph of prose follows)."""
    nxt = _next_paragraph(paras, pe)
    if nxt is None:
        return []
    ns, ne = nxt
    if ";" not in text[ns:ne]:
        return []
    items = split_items(text, ns, ne, seps=";", words=())
    return items if len(items) == n else []


def _marked_continuation(
    text: str, paras: list[tuple[int, int]], pe: int, first: int, missing: int, bare: bool
) -> list[tuple[int, int]]:
    """The rest of a count's numbered items when a paragraph break split the run (…第三,C。 / 第四,D;
    第五,E。): the next paragraph opens with item ``first`` and holds exactly the ``missing`` ones."""
    nxt = _next_paragraph(paras, pe)
    if nxt is None:
        return []
    ns, ne = nxt
    more = _run_items(text, ns, ne, _rules()["item_marker"].pattern, bare, first=first, least=1)
    if len(more) != missing or more[0][0] - ns > _CONTINUED_MARK:
        return []
    return more


_CONTINUED_MARK = 4  # the widest marker before a continued item's text: (十二)


def _short_sentence_items(text: str, after: int, para_end: int, n: int) -> tuple[list[tuple[int, int]], int]:
    """Items written as their own short sentences after a count: the first ``n`` comma-free sentences."""
    short = _rules()["short_sentence"].pattern
    sents = sentences(text, after, para_end)
    if not sents:
        return [], after
    first = trim(text, *sents[0])
    if not short.match(text[first[0] : first[1]]):
        return [], after
    items: list[tuple[int, int]] = []
    last = after
    for s, e in sents:
        a, b = trim(text, s, e)
        if short.match(text[a:b]):
            items.append((a, b))
            last = e
            if len(items) == n:
                break
    return items, last


def _heading_number(m: regex.Match[str]) -> tuple[str, int | None]:
    """(family, number) of an item marker: 二是 -> ("是", 2), (三) -> ("()", 3), 其二 -> ("其", 2), 4. -> ("1", 4),
    ② -> ("①", 2), a bare 3 -> ("bare", 3)."""
    groups = m.groupdict()
    if groups.get("ord"):
        return groups["fam"], cn_number(groups["ord"])
    if groups.get("cn"):
        return groups["fam"], cn_number(groups["cn"])
    if groups.get("pn"):
        return "()", cn_number(groups["pn"])
    if groups.get("dn"):
        return "第", cn_number(groups["dn"])
    if groups.get("qn"):
        return "其", cn_number(groups["qn"])
    if groups.get("ap"):
        return "(1)", int(groups["ap"])
    if groups.get("an"):
        return "1", int(groups["an"])
    if groups.get("circ"):
        return "①", ord(groups["circ"]) - 0x245F
    if groups.get("pcirc"):
        return "⑴", ord(groups["pcirc"]) - 0x2473
    return "bare", int(groups["bn"])


def _heading_items(
    text: str, paras: list[tuple[int, int]], after: int, n: int | None, families: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """Items that open the next paragraphs with ordinal headings (一是… 一、… (二)… 第三,…), in the
    order of their numbers and of one family; each item ends at its first 。 (the rest of the
    paragraph explains it). ``n`` None (以下几方面) reads the whole run."""
    heading = _rules()["ordinal_heading"].pattern
    items: list[tuple[int, int]] = []
    family: str | None = None
    expect = 1
    for k in _from(paras, after):
        ps, pe = paras[k]
        m = heading.match(text[ps:pe])
        if not m:
            break
        fam, num = _heading_number(m)
        if num != expect or (family is None and families is not None and fam not in families):
            break
        if fam == "bare" and n is None:
            break  # a bare digit is a number only where a count announced the list
        if family is not None and fam != family:
            break
        family = fam
        expect += 1
        start = ps + m.end()
        e = clause_end(text, start, pe - start, _HEADING_STOPS)
        a, b = trim(text, start, e)
        if b > a:
            items.append((a, b))
        if len(items) == n:
            break
    return items


_MIN_UNCOUNTED = 3  # lines or list items read with no count announcing them: three or more


def _line_items(text: str, paras: list[tuple[int, int]], after: int, n: int | None) -> list[tuple[int, int]]:
    """Items written one a line with no number left (a bullet or keycap stripped by the cleaner) after a
    count that ends its paragraph with a colon: the next ``n`` paragraphs, each one short sentence that
    opens with an action (共建…, 联合打造…). All ``n`` must be there, or nothing is read. With no count
    (``n`` None: 以下合作:) every such line that follows, three or more."""
    if n == 0:
        return []
    action = _rules()["item_action"].pattern
    bullet = _rules()["line_bullet"].pattern
    items: list[tuple[int, int]] = []
    prev_end = after
    for k in _from(paras, after):
        ps, pe = paras[k]
        a, b = trim(text, ps, pe)
        mark = bullet.match(text[a:b])
        if mark:
            a += mark.end()
        if not 2 <= b - a <= _MAX_ITEM or clause_end(text, a, b - a, SENTENCE) < b or not action.match(text[a:b]):
            break
        if n is None and (text.count("\n", prev_end, ps) > 1 or "," in text[a:b]):
            break  # uncounted: the run ends at a blank line or a line of two clauses (a closing slogan)
        prev_end = pe
        items.append((a, b))
        if len(items) == n:
            return items
    return items if n is None and len(items) >= _MIN_UNCOUNTED else []


def _bare_list(text: str, start: int, para_end: int) -> list[tuple[int, int]]:
    """``会议明确了下一步协同重点:A、B、C和D。``: an unnumbered list after a lead-in's colon, read only
    when it is the whole rest of the sentence (no comma or semicolon: a clause list is no item list),
    has three or more items, and every item is a short noun phrase (no more than 16 characters)."""
    end = clause_end(text, start, para_end - start, _STOP_FULL)
    if any(ch in ",;:" for ch in text[start:end]):
        return []
    items = _split_last_and(text, split_items(text, start, end), long_last=True)
    if len(items) < _MIN_UNCOUNTED or any(not 2 <= b - a <= 16 for a, b in items):
        return []
    return items


def _split_counted(text: str, start: int, end: int, n: int | None) -> list[tuple[int, int]]:
    """The items of a list after a count's colon: cut at ; when there is one, else at commas when
    they give exactly the announced number (共同推动A,共同推进B,…), else at 、."""
    if ";" in text[start:end]:
        return split_items(text, start, end, seps=";", words=())
    if n:
        commas = split_items(text, start, end, seps=",", words=())
        if len(commas) == n:
            return commas
    items = _last_clause_cut(text, split_items(text, start, end, seps="、", words=()))
    return _split_last_counted(text, items, n)


def _split_last_counted(text: str, items: list[tuple[int, int]], n: int | None) -> list[tuple[int, int]]:
    """``六项重点任务,即:A、B、C、D、E和F``: one item short of the count, the last one holds two
    joined by 和/及/以及. The count is the evidence, so the cut needs no likeness of the halves
    (which :func:`_split_last_and` asks for); it is made where the second half opens with an
    action (推动…), or else at the last 及/以及 (和 also opens words: 和谐), and only when both
    halves keep two characters or more."""
    if not n or len(items) != n - 1 or len(items) < 2:
        return items
    a, b = items[-1]
    action = _rules()["item_action"].pattern
    cuts = [m for m in _JOINER.finditer(text, a, b) if m.start() - a >= 2 and b - m.end() >= 2]
    if not cuts:
        return items
    acting = [m for m in cuts if action.match(text[m.end() : b])]
    if not acting:
        cuts = [m for m in cuts if m.group() != "和"]  # 和 also opens words (和谐, 和平): cut before an action only
    if not (acting or cuts):
        return items
    cut = (acting or cuts)[-1]
    return items[:-1] + [trim(text, a, cut.start()), trim(text, cut.end(), b)]


_JOINER = re.compile("以及|和|及")  # the words that join the last two items of a list


def _last_clause_cut(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``A、B、C、D,切实把…``: in a 、 list whose other items hold no comma, the first comma
    (outside quotes) in the last item opens a new clause of the sentence, not part of the item."""
    if len(items) < 2 or any("," in text[a:b] for a, b in items[:-1]):
        return items
    a, b = items[-1]
    cut = clause_end(text, a, b - a, frozenset(","))
    if cut >= b:
        return items
    last = trim(text, a, cut)
    return items[:-1] + [last] if last[1] > last[0] else items


def _colon_items(
    text: str, paras: list[tuple[int, int]], after: int, pe: int, n: int | None, numbered_only: bool
) -> tuple[list[tuple[int, int]], int]:
    """The items a count's colon announces, and where they end: numbered in the paragraph from the
    colon on (any family), else (not ``numbered_only``) the list up to the sentence end; when the
    colon ends the paragraph, numbered headings or bare lines in the next paragraphs."""
    if after >= pe - 1:
        items = _heading_items(text, paras, pe, n)
        if not items and not numbered_only:
            items = _line_items(text, paras, pe, n)
        if not items and not numbered_only and n is not None:
            items = _next_paragraph_items(text, paras, pe, n)
        return items, (items[-1][1] if items else after)
    end = clause_end(text, after, pe - after, _STOP_FULL)
    bare = n is not None
    items = _marked_items(text, after, end, bare)
    if not items:
        # items ending in 。 (1.A。2.B。): the run may go on past the sentence when it starts at the colon
        items = _marked_items(text, after, pe, bare)
        if items and items[0][0] - after > 4:
            items = []
    if items or numbered_only:
        return items, (items[-1][1] if items else after)
    return _split_counted(text, after, end, n), end


def _clauses(text: str, start: int, end: int, stops: frozenset[str] = CLAUSE) -> list[tuple[int, int]]:
    """The clauses of ``[start, end)``, cut at , 。 ; : ! ? (or ``stops``) outside quotes (each without its mark)."""
    return split_clauses(text, start, end, stops)


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    return clause_start(text, pos, 400, SENTENCE), clause_end(text, pos, 400, SENTENCE)


def _para_of(paras: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    if isinstance(paras, _Paras):
        # the first paragraph with start <= pos <= end: paragraphs are sorted and disjoint, so it is
        # the first whose end reaches pos, provided it starts at or before pos
        j = bisect.bisect_left(paras.ends, pos)
        if j < len(paras) and paras.starts[j] <= pos:
            return paras[j]
        return pos, pos
    for ps, pe in paras:
        if ps <= pos <= pe:
            return ps, pe
    return pos, pos


# ------------------------------------------------------------------ the extractor


class _Ranges:
    """Ranges ``[start, end)`` added in any order, with "does any overlap ``[a, b)``?" answered
    from the sorted starts: only a range starting after ``a - longest`` and before ``b`` can
    overlap, so a query looks at those alone instead of every range (quadratic before)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0

    def append(self, r: tuple[int, int]) -> None:
        s, e = r
        i = bisect.bisect_right(self._starts, s)
        self._starts.insert(i, s)
        self._ends.insert(i, e)
        self._longest = max(self._longest, e - s)

    def overlaps(self, a: int, b: int) -> bool:
        """Is there a range with ``start < b and a < end``?"""
        starts, ends = self._starts, self._ends
        lo = bisect.bisect_right(starts, a - self._longest)
        hi = bisect.bisect_left(starts, b)
        return any(ends[i] > a for i in range(lo, hi))


class _Collector:
    def __init__(self, text: str) -> None:
        self.text = text
        self.items: list[_Item] = []
        self.consumed = _Ranges()  # spans a count's list has used up
        self._taken = _Ranges()  # the items' spans
        self.groups = 0

    def free(self, a: int, b: int) -> bool:
        return not self.consumed.overlaps(a, b) and not self._taken.overlaps(a, b)

    def add_group(self, ranges, kind, rule, size=None, count=None, who=None, min_items=2) -> bool:
        text = self.text
        longest = _MAX_COUNTED_ITEM if size else _MAX_ITEM  # a stated count vouches for a long item
        ranges = [r for r in ranges if 2 <= r[1] - r[0] <= longest]
        ranges = [r for r in ranges if self.free(*r)]
        if len(ranges) < min_items:
            return False
        self.groups += 1
        for a, b in ranges:
            self.items.append(
                _Item(a, b, kind, rule, self.groups, size, count, who, _clean_text(text[a:b]))
            )
            self._taken.append((a, b))
        return True


_SPACES = regex.compile(r"\s+")


def _clean_text(s: str) -> str:
    s = s.strip()
    return _SPACES.sub(" ", s)


def _strip_subject(text: str, a: int, b: int) -> int:
    m = _rules()["item_subject"].pattern.match(text[a:b])
    return a + m.end() if m and b - a - m.end() >= 4 else a


def find_goals(doc: Document, meetings: list[Meeting], attendees: list[Attendee]) -> list[CooperationGoal]:
    """Goals / focus areas / tasks the article sets out; ids g1, g2 ..."""
    text = doc.text
    paras = _paragraphs(doc)
    if not paras:
        return []
    rules = _rules()
    modes = _speech_modes(text, paras, attendees)
    main_speakers = {a.id for a in attendees if _MAIN_SPEAKER_ACTIONS.intersection(a.actions)}
    addressers = {a.id for a in attendees if _ADDRESS_ACTIONS.intersection(a.actions)}
    col = _Collector(text)
    kinds: dict[str, str] = rules["count"].meta.get("kinds", {})
    retro = rules["retrospective"].pattern
    prospective = rules["prospective"].pattern
    retro_intro = rules["retrospective_intro"].pattern
    agenda_intro = rules["agenda_intro"].pattern

    def allowed(pos: int, proposals: bool) -> tuple[bool, str | None]:
        mode, who = modes.at(pos)
        if mode == NORMAL:
            return True, None
        if mode == PROPOSAL and proposals:
            return True, who
        return False, None

    def numbered_allowed(pos: int, modal: bool = False) -> bool:
        """A numbered agenda in a speech is read when the speaker chairs or gives the keynote and
        the words before it set out work to do (要重点抓好以下几方面工作:), not a review; ``modal``:
        the markers say so themselves (一要…二要…: each item is a must), and then an address
        (致辞) sets the programme too (a guest's 一是… of its own plans does not)."""
        start, mode, who = modes.region(pos)
        if mode != SPEECH or retro_intro.search(text, start, pos) is not None:
            return False
        if modal:
            return who in addressers
        return who in main_speakers and agenda_intro.search(text, start, pos) is not None

    retro_seen: dict[tuple[int, int], bool] = {}

    def is_retro(a: int, b: int) -> bool:
        """Does ``[a, b)`` report past work? 取得/成效 inside a result still to be reached do not count.
        (Kept per range: the clauses of one sentence all ask about that sentence.)"""
        got = retro_seen.get((a, b))
        if got is None:
            got = retro_seen[(a, b)] = _reports_past(retro, prospective, text, a, b)
        return got

    in_body = paras.holds
    anchors = _Anchors(text, tuple(rules[name] for name in _SCANNED))

    def scan(name: str) -> Iterator[regex.Match[str]]:
        return anchors.finditer(_SCANNED.index(name))

    # 1. stated counts and their lists
    for m in scan("count"):
        if not in_body(m.start()):
            continue
        ok, who = allowed(m.start(), proposals=True)
        numbered_only = False  # in a chair's speech only a numbered agenda is read
        if not ok:
            if not numbered_allowed(m.start()):
                continue
            numbered_only = True
        unstated = m.group("num") == "几"  # 以下几方面工作: the items must follow
        n = None if unstated else cn_number(m.group("num"))
        if not unstated and (not n or n < 2 or n > 20):
            continue
        kind = "proposal" if who else kinds.get(m.group("noun"), "focus_area")
        if kind == "focus_area" and text.startswith("工作", m.end()):
            kind = "task"  # 以下几方面工作, 五个方面工作: a programme of work
        count = (m.start(), m.end())
        ps, pe = _para_of(paras, m.start())
        if not unstated and not numbered_only:
            before = _list_before(text, m.start())
            if len(before) >= 2 and is_retro(*_sentence_of(text, m.start())):
                continue  # 在A、B、C等五个方面取得显著成效: a report, not goals
            if len(before) >= 2 and col.add_group(before, kind, "count_list", n, count, who):
                continue
        colon = rules["count_tail_colon"].pattern.match(text[m.end() : pe])
        if colon and (m.end() + colon.end() < pe - 1 or n is not None):
            after = m.end() + colon.end()
            if is_retro(m.start(), after):
                continue  # 三项重点任务进展情况: a report follows, not goals
            items, last = _colon_items(text, paras, after, pe, n, numbered_only)
            if not items and numbered_only and n is not None:
                # a chair's 要在三个方面持续用力:在A上…;在B上…;在C上…: unnumbered, but exactly as counted
                items, last = _colon_items(text, paras, after, pe, n, False)
                if len(items) != n:
                    items = []
            if col.add_group(items, kind, "count_colon", n, count, who):
                col.consumed.append((m.start(), last))
                continue
            if after < pe - 1:
                continue
        sent_end = clause_end(text, m.end(), pe - m.end(), _STOP_COLON if colon else _STOP_FULL)
        items = _marked_items(text, sent_end, pe, bare=n is not None)
        if items and items[0][0] - sent_end > 4:
            items = []  # the agenda must follow the count's sentence at once
        if items and n is not None and len(items) < n:
            items = items + _marked_continuation(text, paras, pe, len(items) + 1, n - len(items), True)
        last = items[-1][1] if items else sent_end
        if not items and n is not None and not numbered_only:
            items, last = _short_sentence_items(text, sent_end + 1, pe, n)
        if not items and sent_end >= pe - 1:
            items = _heading_items(text, paras, pe, n)
            if not items and n is not None and not numbered_only:
                # 要在以下4个方面下功夫👇 then one line an item (the bullets were emoji, now gone)
                items = _line_items(text, paras, pe, n)
            last = items[-1][1] if items else sent_end
        if col.add_group(items, kind, "count_sentences", n, count, who):
            col.consumed.append((m.start(), max(last, pe if who else last)))

    # 1b. quoted count labels: 坚持“四个共同”:共同推动A,共同推进B,…
    for m in scan("count_label"):
        if not in_body(m.start()):
            continue
        ok, who = allowed(m.start(), proposals=True)
        if not ok or _slogan(m):
            continue
        n = cn_number(m.group("num"))
        if not n or n < 2 or n > 12:
            continue
        ps, pe = _para_of(paras, m.start())
        # after a full stop (做到“三个坚持”。) only a numbered run can be the items
        items, last = _colon_items(text, paras, m.end(), pe, n, numbered_only=m.group("stop") == "。")
        label = m.group("label")
        if len(items) != n and not (len(items) >= 2 and all(text.startswith(label, a) for a, _ in items)):
            continue  # the items must number as the label says, or each open with its label word
        if col.add_group(items, "proposal" if who else "task", "count_label", n, (m.start(), m.end("label") + 1), who):
            col.consumed.append((m.start(), last))

    # 2. positioning lists: 目标定位:A、B、C / 锚定建设A、B、C的目标定位
    for m in scan("positioning"):
        if not in_body(m.start()) or not allowed(m.start(), proposals=False)[0]:
            continue
        end = clause_end(text, m.end())
        col.add_group(split_items(text, m.end(), end), "positioning", "positioning", min_items=1)
    lead = rules["positioning_lead"].pattern
    for m in scan("positioning_before"):
        if not in_body(m.start()) or not allowed(m.start(), proposals=False)[0]:
            continue
        cs = clause_start(text, m.start())
        if not lead.match(text[cs : m.start()]) or is_retro(*_sentence_of(text, m.start())):
            continue
        items = _list_before(text, m.start())
        if len(items) >= 2 and not any(text[a:b] in places() or text[a:b] in orgs() for a, b in items):
            col.add_group(items, "positioning", "positioning_before")

    # 2b. positioning lists a plan set out: 按照《总体方案》确定的A、B、C战略定位
    for m in scan("positioning_given"):
        if not in_body(m.start()) or not allowed(m.start(), proposals=False)[0] or is_retro(m.start(), m.end()):
            continue
        items = _split_last_and(text, split_items(text, m.start("list"), m.end("list")))
        if _positioning_items(text, items):
            col.add_group(items, "positioning", "positioning_given")

    # 2c. positioning lists after 建设成为 / 打造成为: 携手把老区建设成为A、B、C和D
    for m in scan("positioning_become"):
        if not in_body(m.start()) or not allowed(m.start(), proposals=False)[0]:
            continue
        if is_retro(*_sentence_of(text, m.start())):
            continue
        items = _split_last_and(text, split_items(text, m.end(), clause_end(text, m.end())))
        if _positioning_items(text, items):
            col.add_group(items, "positioning", "positioning_become")

    # 3. initiatives and declarations
    for m in scan("initiative"):
        if not in_body(m.start()) or not allowed(m.start(), proposals=False)[0]:
            continue
        end = clause_end(text, m.end(), 600, _STOP_FULL)
        items = _ordinal_items(text, m.end(), end)
        if not items:
            parts = split_items(text, m.end(), end, seps=";", words=())
            items = [(_strip_subject(text, a, b), b) for a, b in parts]
            if len(items) == 1:
                items = _initiative_list(text, *items[0]) or items
        col.add_group(items, "initiative", "initiative")

    # 4. agendas: 一是…二是… inside a paragraph
    for ps, pe in paras:
        for m in rules["ordinal"].finditer(text, ps, pe):
            if cn_number(m.group("ord")) != 1:
                continue
            ok, who = allowed(m.start(), proposals=True)
            if not ok and not numbered_allowed(m.start(), modal=m.group("fam") == "要"):
                continue
            if retro_intro.search(text, ps, m.start()):
                continue
            items = _ordinal_items(text, m.start(), pe)
            col.add_group(items, "proposal" if who else "task", "agenda", who=who)

    # 4a. numbered work after a colon with no count: 会议明确了下一步重点工作:(一)A;(二)B / 1.A;2.B
    task_intro = rules["task_intro"].pattern
    lines_intro = rules["lines_intro"].pattern

    def announces_work(intro_start: int, end: int) -> bool:
        """Does the lead-in ``[intro_start, end)`` announce work to do, not review work done?"""
        return (
            _outside_titles(task_intro, text, intro_start, end)
            and _outside_titles(agenda_intro, text, intro_start, end)
            and not retro_intro.search(text, intro_start, end)
            and not is_retro(intro_start, end)
        )

    for ps, pe in paras:
        c = text.find(":", ps, pe)
        while c >= 0:
            intro_start = clause_start(text, c, c - ps, SENTENCE)
            ok, who = allowed(c, proposals=True)
            if (ok or numbered_allowed(c)) and announces_work(intro_start, c):
                if c >= pe - 1:
                    items = _heading_items(text, paras, pe, None)
                    if not items and ok:
                        items = _line_items(text, paras, pe, None)
                else:
                    items = _marked_items(text, c + 1, pe, bare=False)
                    if items and items[0][0] - c > 5:
                        items = []
                    if not items and ok:
                        items = _bare_list(text, c + 1, pe)
                col.add_group(items, "proposal" if who else "task", "agenda_colon", who=who)
            c = text.find(":", c + 1, pe)
        # the same lead-in with its colon lost (下一步重点抓好以下合作👇), the lines below it
        e = trim(text, ps, pe)[1]
        if ":" not in text[ps:pe] and lines_intro.search(text, max(ps, e - 12), e):
            ok, who = allowed(e - 1, proposals=True)
            if ok and announces_work(clause_start(text, e, e - ps, SENTENCE), e):
                col.add_group(_line_items(text, paras, pe, None), "proposal" if who else "task", "agenda_lines", who=who)

    # 4b. agendas as paragraph headings with no count before them: 一是X。…(paragraph) 二是Y。…
    heading = rules["ordinal_heading"].pattern
    for i, (ps, pe) in enumerate(paras):
        h = heading.match(text[ps : min(pe, ps + 16)])
        if not h or _heading_number(h) != ("是", 1):
            continue
        who = None
        if i > 0:
            qs, qe = paras[i - 1]
            ie = qe
            while ie > qs and text[ie - 1] in "。!?: \t":
                ie -= 1
            intro_start = clause_start(text, ie, ie - qs, SENTENCE)
            if retro_intro.search(text, intro_start, qe) or not agenda_intro.search(text, intro_start, qe):
                continue  # the paragraph before must announce work to do (要着重抓好以下几方面工作。)
            ok, who = allowed(qe - 1, proposals=True)
            if not ok and not numbered_allowed(qe - 1):
                continue
        items = _heading_items(text, paras, ps, None, frozenset({"是"}))
        col.add_group(items, "proposal" if who else "task", "agenda_headings", who=who)

    # 4c. a meeting-level statement whose clauses are all actions: 会议要求,要着力打造A,着力建设B
    statement = rules["meeting_statement"].pattern
    statement_gate = _holds_any(rules["meeting_statement"])
    for ps, pe in paras:
        if statement_gate is not None and statement_gate.search(text, ps, pe) is None:
            continue  # no sentence of the paragraph can open with a statement
        for s, e in sentences(text, ps, pe):
            if statement_gate is not None and statement_gate.search(text, s, e) is None:
                continue  # the match lies in the sentence and holds one of the words
            a, b = trim(text, s, e)
            m = statement.match(text[a:b])
            if m and not is_retro(a, b):
                col.add_group(_statement_items(text, a + m.end(), b), "task", "meeting_statement")

    # 5. parallel agendas: 要以A为牵引,B;要以C为抓手,D;…
    tail = rules["parallel_tail"].pattern
    tail_holds = _holds(rules["parallel_tail"])
    for ps, pe in paras:
        if not _may_hold(text, ps, pe, tail_holds, _PARALLEL_MIN):
            continue  # fewer than three clauses can match: no run
        run: list[tuple[int, int]] = []
        segs = _clauses(text, ps, pe, _STOP_SEMI)
        for a, b in segs + [(pe, pe)]:
            m = tail.search(text[a:b]) if b > a else None
            if m and allowed(a, proposals=False)[0]:
                run.append((a + m.start("item"), a + m.end("item")))
                continue
            if len(run) >= _PARALLEL_MIN:
                col.add_group(run, "task", "parallel")
            run = []

    # 5b. parallel agendas: 在A上走在前列,在B上走在前列,在C上走在前列
    # (clauses are cut once per paragraph, when first needed, and shared with step 8)
    clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def clauses_of(ps: int, pe: int) -> list[tuple[int, int]]:
        got = clauses.get((ps, pe))
        if got is None:
            got = clauses[(ps, pe)] = _clauses(text, ps, pe)
        return got

    on = rules["parallel_on"].pattern
    on_holds = _holds(rules["parallel_on"])
    for ps, pe in paras:
        if not _may_hold(text, ps, pe, on_holds, 2):
            continue  # a run needs two matching clauses at least
        runs: list[list[tuple[int, int, str]]] = [[]]
        for s, e in clauses_of(ps, pe):
            a, b = trim(text, s, e)
            m = on.match(text[a:b]) if b > a else None
            if m and allowed(a, proposals=False)[0]:
                runs[-1].append((a + m.start("item"), a + m.end("item"), m.group("vp")))
            elif runs[-1]:
                runs.append([])
        for run in runs:
            same_vp = len(run) == 2 and run[0][2] == run[1][2]
            if (len(run) >= 3 or same_vp) and not is_retro(run[0][0], run[-1][1]):
                col.add_group([(a, b) for a, b, _ in run], "task", "parallel_on")

    # 6. a goal in quotes
    for m in scan("target_quote"):
        if in_body(m.start()) and allowed(m.start(), proposals=False)[0]:
            col.add_group([(m.start("item"), m.end("item"))], "target", "target_quote", min_items=1)

    # 7. focus-area lists: 在A、B、C等方面推进相关工作
    for m in scan("coop_anchor"):
        if not in_body(m.start()) or not allowed(m.start(), proposals=False)[0]:
            continue
        if is_retro(*_sentence_of(text, m.start())):
            continue
        col.add_group(_list_before(text, m.start()), "focus_area", "coop_list")

    # 7b. matters taken up together: 就A、B、C等事项进行了协商
    topic_lead = rules["topic_lead"].pattern
    for m in scan("topic_anchor"):
        if not in_body(m.start()) or not allowed(m.start(), proposals=False)[0]:
            continue
        cs = clause_start(text, m.start())
        if not topic_lead.match(text[cs : m.start()]):
            continue
        if is_retro(cs, clause_end(text, m.end())):
            continue  # only the clause of the talks: 双方回顾了合作进展,围绕A、B等领域交换意见 holds topics
        col.add_group(_list_before(text, m.start()), "focus_area", "topic_list")

    # 7c. what signed documents or projects cover: 涵盖A、B、C等范畴 / 涉及A、B等领域
    coverage_lead = rules["coverage_lead"].pattern
    for m in scan("coverage_anchor"):
        if not in_body(m.start()) or not allowed(m.start(), proposals=False)[0]:
            continue
        cs = clause_start(text, m.start())
        lead_m = coverage_lead.match(text[cs : m.start()])
        if not lead_m or is_retro(*_sentence_of(text, m.start())):
            continue
        items = split_items(text, cs + lead_m.end(), m.start())
        if len(items) >= 2:
            col.add_group(items, "focus_area", "coverage_list")

    # 8. enumerations whose items share a head: 推进A一体化、B一体化、C一体化
    for ps, pe in paras:
        if text.count("、", ps, pe) < 2:
            continue  # no clause of the paragraph can hold two
        if not _may_hold_shared_head(text, ps, pe):
            continue  # no two adjacent items can share a head: no clause is cut
        for s, e in clauses_of(ps, pe):
            if text.count("、", s, e) >= 2 and _may_hold_shared_head(text, s, e) and allowed(s, proposals=False)[0]:
                items = _affix_items(text, s, e)  # pure, and cheaper than is_retro: asked first
                if items and not _prepositional(text, items) and not is_retro(*_sentence_of(text, s)):
                    col.add_group(items, "focus_area", "shared_head", min_items=3)

    # 8b. joint actions: 倡议五地共建A、共育B、共享C
    co_verb = rules["co_verb"].pattern
    for ps, pe in paras:
        if text.count("、共", ps, pe) < _CO_VERB_MIN - 1:
            continue  # every item after the first opens with 共 right after its 、
        for s, e in clauses_of(ps, pe):
            if text.count("、共", s, e) >= _CO_VERB_MIN - 1 and allowed(s, proposals=False)[0]:
                items = _co_verb_items(co_verb, text, s, e)
                if items and not is_retro(*_sentence_of(text, s)):
                    col.add_group(items, "task", "co_verb_list", min_items=_CO_VERB_MIN)

    # 8c. a list of aims a lead verb opens: 将着力推动A、B、C和D (each a noun phrase, three or more)
    object_lead = rules["object_list_lead"].pattern
    for ps, pe in paras:
        if text.count("、", ps, pe) < 2:
            continue
        for s, e in clauses_of(ps, pe):
            if text.count("、", s, e) >= 2 and allowed(s, proposals=False)[0]:
                items = _object_list_items(object_lead, text, s, e)
                if items and not is_retro(*_sentence_of(text, s)):
                    col.add_group(items, "focus_area", "object_list", min_items=3)

    # records, in text order
    out: list[CooperationGoal] = []
    seen: set[str] = set()
    group_ids: dict[int, str] = {}
    for it in sorted(col.items, key=lambda i: i.start):
        t = it.text or ""
        if not t or t in seen:
            continue
        seen.add(t)
        gid = None
        if it.group is not None:
            gid = group_ids.setdefault(it.group, f"gr{len(group_ids) + 1}")
        # every field is built here from known-valid values (no validation needed)
        out.append(
            trusted_model(
                CooperationGoal,
                id=f"g{len(out) + 1}",
                text=t,
                kind=it.kind,
                proposed_by=it.proposed_by,
                evidence=[doc.span(it.start, it.end)],
                group=gid,
                group_size=it.group_size,
                count_evidence=doc.span(*it.count) if it.count else None,
                rule=it.rule,
            )
        )
    return out


def _reports_past(retro: regex.Pattern[str], prospective: regex.Pattern[str], text: str, a: int, b: int) -> bool:
    """Does ``[a, b)`` hold a ``retro`` word outside every ``prospective`` phrase? (The prospective
    phrases are looked for only once a retro word is found: most ranges hold none.)"""
    shields: list[tuple[int, int]] | None = None
    for r in retro.finditer(text, a, b):
        if shields is None:
            shields = [(m.start(), m.end()) for m in prospective.finditer(text, a, b)]
        if not any(s <= r.start() and r.end() <= e for s, e in shields):
            return True
    return False


_STATEMENT_RUN = 3  # actions in a row that make a statement's goals when a clause of another kind follows


def _statement_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The goals of a meeting-level statement (``[start, end)`` after 会议要求,要): one per clause, or
    per 、 part when every part opens with an action; [] unless every clause opens with an action
    (``item_action``), none states a principle (``statement_principle``), and there are two or
    more, so that a statement of views (会议指出,两地山水相连,…) or one long aim is never read."""
    action = _rules()["item_action"].pattern
    principle = _rules()["statement_principle"].pattern
    items: list[tuple[int, int]] = []
    for s, e in _clauses(text, start, end, _STATEMENT_STOPS):
        a, b = trim(text, s, e)
        if b > a and text[a] == "要" and b - a > 1:
            a += 1  # 要坚持A,要坚持B: each clause repeats the modal the rule read before the first
        if b <= a:
            continue
        if principle.match(text[a:b]):
            return []  # 坚持以A为重点: a method, not a goal
        parts = split_items(text, a, b, words=())
        if len(parts) >= 2 and all(action.match(text[x:y]) for x, y in parts):
            items.extend(parts)
        elif action.match(text[a:b]):
            items.append((a, b))
        elif len(items) >= _STATEMENT_RUN:
            break  # 要A,要B,要C,保持…: a run of actions read, the sentence goes on with its purpose
        else:
            return []
    if len(items) < 2 or any(not 2 <= y - x <= _MAX_ITEM for x, y in items):
        return []
    return items


def _outside_titles(pattern: regex.Pattern[str], text: str, start: int, end: int) -> bool:
    """Does ``pattern`` occur in ``[start, end)`` outside a title in 《》 (《2023年工作要点》 names a
    document, it announces no work)?"""
    for m in pattern.finditer(text, start, end):
        if text.rfind("《", start, m.start()) <= text.rfind("》", start, m.start()):
            return True
    return False


def _slogan(m: regex.Match[str]) -> bool:
    """Is the quoted label a party-building slogan (“四个意识”), never a list of cooperation goals?"""
    return m.string[m.start("num") : m.end("label")] in _slogans()


@lru_cache(maxsize=1)
def _slogans() -> frozenset[str]:
    ref = resources.files("regevents") / "data" / "goal_slogans.tsv"
    rows = [ln for ln in ref.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return frozenset(ln.split("\t")[0].strip() for ln in rows[1:])


def _initiative_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """宣言提出,三市将携手打造A、B、C: a declaration of one clause whose object is a 、-list after its
    verb (list_lead) reads as that list, when the items name roles (:func:`_positioning_items`)."""
    if "、" not in text[start:end] or any(ch in ",;" for ch in text[start:end]):
        return []
    raw = split_items(text, start, end)
    items = _split_last_and(text, _lead_stripped(text, raw))
    if items[0][0] == raw[0][0] or not _positioning_items(text, items):
        return []  # no verb opens the list
    if "等" in text[items[-1][0] : items[-1][1]]:
        return []  # A、B等领域开展合作: a focus-area list, read by its own rule (coop_anchor)
    return items


def _positioning_items(text: str, items: list[tuple[int, int]]) -> bool:
    """A positioning list read without a 定位: colon: two or more items, each long enough to name a
    role (示范区, 新高地), none a place or a body (产业、创新、开放高地 is one item cut by its 、)."""
    words = [text[a:b] for a, b in items]
    return len(words) >= 2 and all(
        4 <= len(w) <= 30 and w not in places() and w not in orgs() for w in words
    )


def _object_list_items(lead: regex.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of ``[start, end)`` when the clause is a lead verb and a 、-list of three or more noun
    phrases that fills the clause (rule ``object_list_lead``: 下一步各方将着力推动A、B、C和D); [] for a
    focus-area list (等方面, read by coop_anchor), for prepositional parts (推动资源向A倾斜、向B倾斜),
    for parts that are clauses (rule ``clause_item``: 推进“朋友圈”逐步扩容、…) and for items of a
    length no aim has."""
    a, b = trim(text, start, end)
    m = lead.match(text, a, b)
    if m is None or "等" in text[m.end() : b]:
        return []
    items = _split_last_and(text, split_items(text, m.end(), b), long_last=True)
    if len(items) < 3 or any(not _OBJECT_ITEM_MIN <= y - x <= _OBJECT_ITEM_MAX for x, y in items):
        return []
    clause, body = _rules()["clause_item"].pattern, _rules()["not_a_topic"].pattern
    if _prepositional(text, items) or any(clause.search(text, x, y) for x, y in items):
        return []
    if any(body.search(text[x:y]) for x, y in items[:-1]):
        return []  # 推进长沙市委、株洲市委、湘潭市委有关工作: bodies, the aim is in the last part
    return items


def _prepositional(text: str, items: list[tuple[int, int]]) -> bool:
    """Does a list part after the first open with a preposition (rule ``prepositional_item``:
    推动资金向基层倾斜、向民生倾斜)? Then the parts complement one verb; they are no list of aims."""
    prepositional = _rules()["prepositional_item"].pattern
    return any(prepositional.match(text, x, y) for x, y in items[1:])


_OBJECT_ITEM_MIN, _OBJECT_ITEM_MAX = 4, 16


def _split_last_and(text: str, items: list[tuple[int, int]], long_last: bool = False) -> list[tuple[int, int]]:
    """Cut the last item of a 、-list at its last 和 (A、B、C和D) when both halves are items in their
    own right: four characters or more, each ending like the other half or an earlier item
    (示范区 … 传承区), so that 生态保护和高质量发展示范区 stays whole. With ``long_last`` (a bare
    list of short noun phrases), a last item more than four characters longer than every other
    one is cut too: a list's items are of a size, so it holds two."""
    if len(items) < 2:
        return items
    a, b = items[-1]
    cut = text.rfind("和", a, b)
    if cut < 0:
        return items
    left, right = (a, cut), (cut + 1, b)
    if left[1] - left[0] < 4 or right[1] - right[0] < 4:
        return items
    if long_last and b - a > max(y - x for x, y in items[:-1]) + 4:
        return items[:-1] + [left, right]
    ends = {text[y - 1] for _, y in items[:-1]} | {text[b - 1]}
    if text[cut - 1] not in ends or text[b - 1] not in ends | {text[cut - 1]}:
        return items
    return items[:-1] + [left, right]


_AFFIX_SEPS, _AFFIX_WORDS = "、", ("以及", "及")  # where _affix_items cuts its list
_AFFIX_WORD_END = "及"  # the last character of every separator word (tests/test_perf_goals.py)
_AFFIX_MIN, _AFFIX_MAX = 4, 24  # the length of an item after the first (affix of 2 + 2, and the cap)


@lru_cache(maxsize=1)
def _shared_head_gate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of :func:`_may_hold_shared_head`: ``heads``, the first two characters of the
    item after each 、; ``tails``, over the REVERSED text, the last two characters (reversed) of
    the item before each 、 (a pattern that opens with the literal 、 is a fast scan).

    An item is its piece with ``trim``'s characters (``TRIMMED``: trim characters, one pair of
    quotes) dropped at both ends; pieces that trim to nothing are dropped. The shared head is
    Han (``_HAN``), none of those characters nor a 、 or a stop: so after a 、 the possessive run
    of them (empty pieces included) ends exactly where an item with that head starts, and before
    a 、 the run of them without 、 starts exactly where an item ending with it ends. A run of 、
    and the item next to it are read once (``findall`` does not overlap)."""
    cls = lambda chars: "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"  # noqa: E731
    sep = _AFFIX_SEPS
    two = "(" + cls(TRIMMED | {sep} | CLAUSE).replace("[", "[^", 1) + "{2})"
    heads = re.compile(f"{sep}{cls(TRIMMED | {sep})}*+{two}")
    tails = re.compile(f"{sep}{cls(TRIMMED - {sep})}*+{two}")
    return heads, tails


def _may_hold_shared_head(text: str, start: int, end: int) -> bool:
    """Can ``[start, end)`` hold a clause that passes :func:`_affix_items`? Its items after the
    first (``raw[1:]``, two or more) all open with the same two Han characters, or all its items
    end with them. Where ``split_items`` cuts only at 、 (no separator word, each of which ends
    in 及, and no adjacent quotations), the two first of ``raw[1:]`` follow a 、 and the two first
    items end before one: two 、 are followed by items with the same head, or preceded by items
    with the same tail (:func:`_shared_head_gate`). False is exact; elsewhere, True."""
    seg = text[start:end]
    if _AFFIX_WORD_END in seg or (("”" in seg or '"' in seg) and any(q in seg for q in ADJACENT_QUOTES)):
        return True
    heads, tails = _shared_head_gate()
    got = heads.findall(seg)
    if len(set(got)) < len(got):
        return True
    got = tails.findall(seg[::-1])
    return len(set(got)) < len(got)


def _affix_items(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The items of a 、-list of three or more items that is the object of a verb (推进, 增强 ...) and
    whose items share a head of two or more characters that is not a body or place word; None when
    the clause holds no such list."""
    if _plain(_rules()["list_lead"]).search(text, start, end) is None:
        return None  # no verb in the clause can open the list (see below): not worth cutting it
    raw = split_items(text, start, end, seps=_AFFIX_SEPS, words=_AFFIX_WORDS)
    if len(raw) < 3 or any(b - a > 24 for a, b in raw[1:]):
        return None
    if not _may_share_head([text[a:b] for a, b in raw[1:]]):
        return None  # (the items after the first are the same whatever the first one is)
    lead_end = _strip_lead(text, raw[0][0], raw[0][1])
    if lead_end == raw[0][0]:
        return None  # no verb opens the list: a list of names, bodies or places
    not_topic = _rules()["not_a_topic"].pattern
    for first_start in (lead_end, raw[0][0]):
        items = [(first_start, raw[0][1])] + raw[1:]
        words = [text[a:b] for a, b in items]
        if len(words[0]) > 24 or any(w in places() or w in orgs() for w in words):
            continue
        for affix in (common_suffix(words), common_prefix(words)):
            if (
                len(affix) >= 2
                and _HAN.match(affix)
                and not not_topic.search(affix)
                and all(len(w) >= len(affix) + 2 for w in words)
            ):
                return items
    return None


def _may_share_head(rest: list[str]) -> bool:
    """Can a list whose later items are ``rest`` pass :func:`_affix_items`? Its head (two
    characters or more) is a prefix or suffix of every item, and every item is two characters
    longer than the head: so the later items alone must be four characters or more and share
    their first two or their last two characters."""
    if any(len(w) < 4 for w in rest):
        return False
    return len({w[:2] for w in rest}) == 1 or len({w[-2:] for w in rest}) == 1


_CO_VERB_MIN = 3  # items in a list of joint actions
_CO_VERB_ITEM_MIN = 5  # characters in each (a verb and an object of three): 共商、共建 is a slogan


def _co_verb_items(co_verb: regex.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a 、-list in ``[start, end)`` whose every item opens with a joint-action verb
    (共建A、共育B、共享C); the first item starts at the first such verb in it. [] otherwise."""
    raw = split_items(text, start, end, seps="、", words=())
    if len(raw) < _CO_VERB_MIN:
        return []
    first = co_verb.search(text, raw[0][0], raw[0][1])
    if first is None:
        return []
    items = [(first.start(), raw[0][1])] + raw[1:]
    for a, b in items:
        if b - a < _CO_VERB_ITEM_MIN or b - a > _MAX_ITEM or not co_verb.match(text, a, b):
            return []
    return items
