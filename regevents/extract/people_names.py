"""Reading a person's name where the grammar says one stands, and repairing damaged ones.

Why no list of people: the genre always puts a name in the same slots (after a
post title, in a 、-list before 出席, in 在…见证下), so the slot tells us that a
name starts here; the surname table and the word that follows the name tell us
where it ends. ``江西省委书记刘某,`` -> 刘某 because ``,`` ends it; ``姜某主持会议``
-> 姜某 because 主持 does; ``李某在讲话中`` -> 李某 (the shortest reading with a
boundary wins among the weak boundaries).

A damaged character (U+FFFD, possibly a run standing for one lost character)
counts as one character of the name; :func:`repair` fills it from another
mention of the same person elsewhere in the text. So does a lone ASCII ``?``
between two Han characters inside a name slot (``市长王?某主持``: a character the
page's encoding lost): normalisation keeps such a ``?`` as written, because
between Han characters it is more often a real question mark (``补贴发放多少?吉林``);
only :func:`read_name` reads it as a lost character, and the hit's text carries
U+FFFD in its place, so that the caller repairs the name from another mention
or drops it (:func:`lost_mark_in`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..gazetteer import surnames
from ..normalize import DAMAGE
from ..rules import load_rules

_HAN = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}*")
# characters that never occur inside a given name in this genre (function words, body words); 会, 向 and 之 are
# left out: they are ordinary given-name characters (王会某, 田向某, 陈之某), and the boundary rules end a name
# before 会见/会上/向与会 anyway
_NOT_IN_NAME = frozenset("的了是及等省市县区委局部厅说在对被其我你他她们这那")
_SENTENCE_END = frozenset("。!?\n")  # a slot name goes on to its predicate (出席, 主持, ,...)
# a name read without a known surname (read_slot_name) must also avoid the characters of body and group
# words that follow a post title (主席团成员, 常委会, 办公会, 联席会议, 代表队, 届次); 其 is allowed there
# (其其格 is a Mongolian name; 其中/其他 are refused by not_a_name)
_NOT_IN_SLOT_NAME = (_NOT_IN_NAME - frozenset("其")) | frozenset("之会向员团组者方处司院所站队班级届年月日号人家位名")
MAX_NAME = 4
# transliterated names of the ethnic minorities: parts joined by a middle dot (U+00B7 or U+30FB/U+2022 variants)
_DOTTED = regex.compile(r"\p{Han}{1,6}(?:[·・•]\p{Han}{1,8}){1,2}")
_DOTTED_HEAD = regex.compile(r"\p{Han}{1,6}(?:[·・•]\p{Han}{1,8})?[·・•]")
_DOTS = frozenset("·・•")
_PAD = frozenset(" \u3000")  # typesetters pad a two-character name with a space: 杨 某
LOST_MARK = "?"  # a lone ASCII question mark standing for one lost character of a name (read_name only)


@dataclass(frozen=True)
class NameHit:
    """A name read at ``start``: clean offsets ``[start, end)`` and the text (may hold U+FFFD)."""

    start: int
    end: int
    text: str
    strong: bool  # True when a strong boundary ended it

    @property
    def damaged(self) -> bool:
        return DAMAGE in self.text


def _rules():
    return load_rules("attendees")


@lru_cache(maxsize=1)
def _bounds() -> tuple[_Ends, regex.Pattern[str], regex.Pattern[str]]:
    """The ``name_end_strong`` (end of text included), ``name_end_weak`` and ``not_a_name`` patterns,
    looked up once: a parse reads hundreds of names."""
    rules = _rules()
    return _Ends(rules["name_end_strong"].pattern), rules["name_end_weak"].pattern, rules["not_a_name"].pattern


class _Ends:
    """A boundary pattern that also accepts the end of the text."""

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern

    def match(self, text: str, pos: int) -> bool:
        return pos >= len(text) or bool(self.pattern.match(text, pos))


def _units(text: str, pos: int, limit: int, lost_mark: bool = False) -> list[int]:
    """End offsets of up to ``limit`` name characters from ``pos``; a run of U+FFFD is one character.

    ``lost_mark``: one lone ``?`` after the first character and before a Han character counts as a
    name character too (``王?某``)."""
    window = text[pos : pos + limit]
    if DAMAGE not in window and not (lost_mark and LOST_MARK in window):
        # no damage among the characters that can count: the run of Han characters, one regex call
        run = _HAN_RUN.match(text, pos, min(len(text), pos + limit))
        return list(range(pos + 1, run.end() + 1)) if run is not None else []
    ends: list[int] = []
    i = pos
    n = len(text)
    while i < n and len(ends) < limit:
        ch = text[i]
        if ch == DAMAGE:
            while i < n and text[i] == DAMAGE:
                i += 1
            ends.append(i)
        elif _HAN.match(ch):
            i += 1
            ends.append(i)
        elif lost_mark and ch == LOST_MARK and ends and i + 1 < n and _HAN.match(text[i + 1]):
            lost_mark = False  # one lost character at most
            i += 1
            ends.append(i)
        else:
            break
    return ends


def lost_mark_in(text: str, start: int, end: int) -> bool:
    """Does the name read at ``[start, end)`` hold a ``?`` read as a lost character?"""
    return LOST_MARK in text[start:end]


@lru_cache(maxsize=1)
def _surname_function_chars() -> frozenset[str]:
    """Characters of ``_NOT_IN_NAME`` that are also surnames (区, 那): they may open a name."""
    return frozenset(c for c in _NOT_IN_NAME if surnames().is_surname_start(c) == 1)


def _has_function_char(name: str) -> bool:
    """Does ``name`` hold a function or body character where a name cannot?

    A surname that is also such a character (区某某, 那某某) may stand first: rule ``not_a_name``
    lists the words it opens (区长, 区委, 那些, 那里 ...)."""
    rest = name[1:] if name[:1] in _surname_function_chars() else name
    return not _NOT_IN_NAME.isdisjoint(rest)


def _surname_len(text: str, pos: int) -> int:
    """Characters of the surname at ``pos``; a damaged first character counts as a one-character surname."""
    if pos < len(text) and text[pos] == DAMAGE:
        return 1
    return surnames().is_surname_start(text, pos)


def plausible(name: str) -> bool:
    """Is ``name`` shaped like a Chinese personal name (surname + one to three characters, no function words)?"""
    if _DOTTED.fullmatch(name):
        return True
    units = _units(name, 0, MAX_NAME + 1)
    if not units or units[-1] != len(name) or not 2 <= len(units) <= MAX_NAME:
        return False
    if _has_function_char(name):
        return False
    if _rules()["not_a_name"].pattern.match(name):
        return False
    return _surname_len(name, 0) > 0


def _read_dotted(text: str, pos: int) -> NameHit | None:
    """A transliterated name at ``pos`` (艾某·某某某), its last part as short as a boundary allows."""
    if _DOTS.isdisjoint(text[pos + 1 : pos + 7]):
        return None  # the first dot follows one to six characters (_DOTTED_HEAD): none, no dotted name
    head = _DOTTED_HEAD.match(text, pos, min(len(text), pos + 24))
    if head is None:
        return None
    strong, weak, _ = _bounds()
    tail_max = len(_units(text, head.end(), 8))
    for k in range(1, tail_max + 1):
        # the shortest last part a boundary ends: 某某·某某介绍情况。 -> 某某·某某 (介绍), not up to 。;
        # a weak boundary only after two characters (a one-character last part is rare)
        end = head.end() + k
        if strong.match(text, end):
            return NameHit(pos, end, text[pos:end], True)
        w = weak.match(text, end) if k >= 2 else None
        if w is not None and w.end() - end >= 2 and strong.match(text, end + 1):
            continue  # 某某·买买提出席: the weak 提出 overlaps the strong 出席 one character on; the name takes 提
        if w is not None:
            return NameHit(pos, end, text[pos:end], False)
    return None


def read_name(text: str, pos: int, known: frozenset[str] | set[str] = frozenset()) -> NameHit | None:
    """The name starting at ``pos``, or None.

    Candidates are surname + 1 or 2 characters (compound surnames too), then a
    one-character surname + 3 (Hong Kong married names). A candidate is kept
    when what follows it is a boundary (``name_end_strong`` first, then
    ``name_end_weak``); a name already known in the article wins outright.
    Transliterated names (parts joined by a middle dot) need no surname.
    """
    dotted = _read_dotted(text, pos)
    if dotted is not None:
        return dotted
    s = _surname_len(text, pos)
    if not s:
        return None
    padded = _read_padded(text, pos, s)
    if padded is not None:
        return padded
    ends = _units(text, pos, MAX_NAME, lost_mark=True)
    if len(ends) < 2:
        return None
    strong, weak, not_a_name = _bounds()
    tried: dict[int, tuple[int, str] | None] = {}

    def cand(k: int) -> tuple[int, str] | None:
        # k = number of name units; surname units: s (compound counts s characters)
        if k > len(ends) or k < 2:
            return None
        if k in tried:
            return tried[k]
        end = ends[k - 1]
        name = text[pos:end]
        found = None
        # 郝某?率团: a two-character name before a lone ? and a predicate is a three-character name whose
        # last character was lost (a three-character name before it is whole: 杨某某?致辞 keeps 杨某某)
        if name.endswith(LOST_MARK):
            ok = k == s + 2 and bool(strong.match(text, end))
        else:
            ok = not (
                k == s + 1 and text.startswith(LOST_MARK, end) and k < len(ends) and ends[k] == end + 1 and strong.match(text, end + 1)
            )
        if ok and not (_has_function_char(name) or not_a_name.match(name)):
            found = end, name.replace(LOST_MARK, DAMAGE)  # 王?某 -> 王\ufffd某: repaired like any damage
        tried[k] = found
        return found

    base = [s + 1, s + 2]  # name units: surname + one or two given characters
    # a known name at this position is taken as is
    if known:
        for k in range(min(MAX_NAME, s + 3), 1, -1):
            c = cand(k)
            if c and c[1] in known:
                end, name = c
                return NameHit(pos, end, name, bool(strong.match(text, end)))
    for pat, is_strong in ((strong, True), (weak, False)):
        for k in base:
            c = cand(k)
            if c and pat.match(text, c[0]):
                return NameHit(pos, c[0], c[1], is_strong)
    if s == 1:  # one-character surname + three (Hong Kong married names, four-syllable Tibetan names)
        c = cand(4)
        fourth = ends[2] if len(ends) >= 4 else None  # where the fourth character starts
        if fourth is not None and (strong.match(text, fourth) or weak.match(text, fourth)):
            c = None  # 崔某某作为: the fourth character opens a boundary word, the name has three
        if c and (strong.match(text, c[0]) or weak.match(text, c[0])):
            married = surnames().is_surname_start(c[1], 1) > 0  # 林郑某某: two surnames
            if married or (c[0] < len(text) and text[c[0]] not in _SENTENCE_END):
                return NameHit(pos, c[0], c[1], bool(strong.match(text, c[0])))
    return None


def _read_padded(text: str, pos: int, s: int) -> NameHit | None:
    """A two-character name padded with one space (``杨 某,``): the surname, the space, one character,
    then a boundary. The hit spans the padded form; its text is the name without the space."""
    if s != 1 or pos + 3 > len(text) or text[pos + 1] not in _PAD or not _HAN.match(text[pos + 2]):
        return None
    name = text[pos] + text[pos + 2]
    strong, weak, not_a_name = _bounds()
    if _has_function_char(name) or not_a_name.match(name):
        return None
    end = pos + 3
    return NameHit(pos, end, name, True) if strong.match(text, end) else None


def read_slot_name(text: str, pos: int) -> NameHit | None:
    """A name of two or three characters whose first one is not in the surname table, or None.

    Only for the strongest slot the genre has, right after a chain of posts
    (``国家发展改革委副主任某某出席``): there the slot itself says that a name
    stands, so a surname the table lacks (a rare one, or the first syllable of a
    Mongolian or Tibetan name written without a dot) need not lose the person.
    The price is paid in boundaries: only a strong boundary (``name_end_strong``)
    other than the end of the sentence may end the name; the slot must not open with a boundary word (出席, 在, 与,
    等, 会见 ...) nor with a character of rule ``slot_not_initial`` (首先, 刚刚,
    线上 ...); the candidate must not be a word the rule ``not_a_name`` lists
    (亲自, 当天, 多次 ...) nor hold a function or body character. A surname that is also a function word
    (surnames.txt ``slot``: 者, 要, 矣, 起) may open the name here and only here (市委书记者某,
    市委书记要某某); its given characters are checked as usual, and ``not_a_name`` refuses the words it
    opens (要求, 起草).
    """
    if pos >= len(text) or not _HAN.match(text[pos]):
        return None
    rules = _rules()
    strong, weak = _Ends(rules["name_end_strong"].pattern), rules["name_end_weak"].pattern
    head = text[pos : pos + 6]
    if rules["not_a_name"].pattern.match(head):
        return None
    # a surname that is also a function word (者, 要: surnames.txt "slot") opens a name here, though the same
    # character opens a boundary (要) or is refused as a first character elsewhere
    word_surname = text[pos] in surnames().slot_only
    if not word_surname and (strong.match(text, pos) or weak.match(text, pos) or rules["slot_not_initial"].pattern.match(head)):
        return None
    ends = _units(text, pos, 3)
    for k in (2, 3):
        if k > len(ends):
            break
        end = ends[k - 1]
        name = text[pos:end]
        if DAMAGE in name or any(ch in _NOT_IN_SLOT_NAME for ch in name[1 if word_surname else 0 :]):
            return None
        if end < len(text) and text[end] not in _SENTENCE_END and strong.match(text, end):
            return NameHit(pos, end, name, True)
    return None


def name_ends_at(text: str, pos: int) -> bool:
    """Can a name end at ``pos`` (a strong or weak boundary follows)?"""
    strong, weak, _ = _bounds()
    return strong.match(text, pos) or bool(weak.match(text, pos))


def damage_patterns(name: str) -> list[regex.Pattern[str]]:
    """Patterns for the undamaged forms of ``name``: each U+FFFD run stands for one or two characters.

    One pattern per reading (a run as one character, then as two), so that every
    length is tried at every position; at most two damaged runs are expanded.
    """
    pieces = [m.group() for m in regex.finditer(r"\ufffd+|[^\ufffd]+", name)]
    variants = [""]
    runs = 0
    for piece in pieces:
        if piece.startswith(DAMAGE):
            runs += 1
            widths = (1, 2) if runs <= 2 else (1,)
            variants = [v + r"\p{Han}" * w for v in variants for w in widths]
        else:
            variants = [v + regex.escape(piece) for v in variants]
    return [regex.compile(v) for v in variants]


def repair(name: str, text: str, known: list[str]) -> tuple[str | None, list[tuple[int, int]]]:
    """The undamaged form of ``name`` and where the text shows it.

    First among the names already read elsewhere (``known``), then among every
    place in ``text`` where the pattern stands followed by a name boundary.
    Returns (None, []) when no single reading is supported.
    """
    pats = damage_patterns(name)
    fits = [k for k in known if DAMAGE not in k and any(p.fullmatch(k) for p in pats)]
    if len(set(fits)) == 1:
        fixed = fits[0]
        spans = [(m.start(), m.end()) for m in regex.finditer(regex.escape(fixed), text)]
        return fixed, spans
    rules = _rules()
    strong, weak = _Ends(rules["name_end_strong"].pattern), rules["name_end_weak"].pattern
    found: Counter[str] = Counter()
    where: dict[str, list[tuple[int, int]]] = {}
    for pat in pats:
        for m in pat.finditer(text):
            cand = m.group()
            if not plausible(cand):
                continue
            if strong.match(text, m.end()) or weak.match(text, m.end()):
                found[cand] += 1
                where.setdefault(cand, []).append((m.start(), m.end()))
    if not found:
        return None, []
    best = found.most_common()
    if len(best) > 1 and best[0][1] == best[1][1]:
        return None, []
    return best[0][0], where[best[0][0]]
