"""Attendees and their posts, found through the genre's grammar around posts.

Where a name stands (no list of people is consulted):

* after a chain of posts: ``中共中央政治局委员、上海市委书记、市长韩某``,
  ``副市长姜某主持会议``, ``江西省领导殷某、吴某`` (a generic post such as 领导
  is shared by the 、-list that follows it, and so is a post several people
  hold at once: ``省政协副主席甲、乙``; a member that does not read as a
  name is passed over, and a body name is no member: ``、经济及科技发展局局长``).
  In that slot a name that is also a place is the name (``市委书记宁波出席``).
  A body the vocabulary lacks does not break the chain
  (``国务院副总理、某某领导小组组长``, ``某某大学校长``, ``国家发展改革委某某司司长``),
  and after a post with its body the slot holds a name even when its first
  character is not in the surname table (``people_names.read_slot_name``);
* before its posts in brackets: ``会议由王某某(某某省副省长)主持``,
  ``出席会议的还有:甲某(某省副省长)、乙某(某省副省长)`` (:func:`_bracketed_mention`);
* in a run of bare names before an attendance verb: ``甲某、乙某、丙某出席座谈会``;
* once known, anywhere else: ``王某主持会议`` gives 王某 the action 主持, and a
  run of names in a headline (``刘某许某某应某讲话``) is split with the names of
  the body.

Who is not an attendee: credited staff (``doc.source.byline``), a person named
inside someone else's quoted speech (``甲表示,国家主席乙在报告中指出``), a
person whose predicate is a citation (作出重要指示, 在…报告中, …座谈会后), and
names written before their title (``习某总书记关于…``), the genre's citation
form. Page furniture is already blank in ``doc.text``.

Damaged names (U+FFFD, or a lone ``?`` read inside a name slot: ``市长王?某主持``) are repaired
from another mention of the same person (a ``?`` name that cannot be repaired is dropped);
the evidence keeps the damaged mention first so that the validation layer can
report the repair.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..document import Document
from ..gazetteer import Place, RoleSpan, WordSet, alternation, orgs, place_words, places, posts, surnames
from ..models import Attendee, Meeting, Role, Span, trusted_model
from ..normalize import DAMAGE
from ..rules import load_rules
from ..zones import HEADLINE
from .meeting_names import cn_number
from .people_names import NameHit, lost_mark_in, name_ends_at, plausible, read_name, read_slot_name, repair
from .role_context import (
    OrgContext,
    RoleHit,
    SarContext,
    home_region,
    is_sar,
    resolve_role,
    split_place,
    takes_place_from,
    takes_sar,
    within,
)

_SENT_END = re.compile(r"[。!?\n]")  # the stdlib engine scans a plain class faster (whole text, every parse)
_CLAUSE_END = regex.compile(r"[,;。!?\n]")
# a list starts with two to four name characters after no name character, then a 、: found from the 、 (a
# literal the engine skips to), the rest read behind it; group ``head`` is where the list starts. (Each 、 after
# such a run is one list head, as in a left-to-right scan of ``[\p{Han}\ufffd]{2,4}、`` that drops the matches
# with a name character before them: the runs are cut by the 、 themselves, so no match can overlap another.)
_LIST_HEAD = regex.compile(r"、(?<=(?<![\p{Han}\ufffd·・•])(?P<head>[\p{Han}\ufffd]{2,4})、)")  # not the tail of a dotted name
_BETWEEN_MEMBERS = regex.compile(r"[,、;\s]*(?:(?:与|和|及|以及|同)[,、;\s]*)?")
_CONNECTOR = regex.compile(r"(?:^|[并、和及后])$")  # the gap before a further action ends with a joining word
_ATTRIBUTIVE = regex.compile(r"(?:会议|座谈会|大会|活动|会)?的")
_GENERIC = "generic"
_UNKNOWN_BODY = regex.compile(r"、(?P<body>\p{Han}{2,16})")
_LIST_SEP = regex.compile(r"、|以及|和|及")  # between members of a list after a post
_MEMBER = regex.compile(r"[\p{Han}\ufffd]{2,4}(?=、)")  # one member of a 、-list, read or not
_SEGMENT_MARKS = ",、;。:!?()“” \n"
_MARKS_CLASS = "".join(re.escape(c) for c in _SEGMENT_MARKS)
_LAST_MARK = re.compile(f"[{_MARKS_CLASS}][^{_MARKS_CLASS}]*\\Z")  # the last mark before the end (of a search range)
_MAX_BODY = 20  # 某某大运河文化旅游发展集团有限公司: company names run long
_MAX_ZONE_NAME = 8  # the proper name before 新区管委会, 高新区管委会 ...
_MAX_PREFIXED_BODY = 24  # place or central body + a body of its own (深圳市前海深港现代服务业合作区管理局)
_PARTIAL_BODY = regex.compile(r"(?:自治区|自治州|省|市|区|县|州)")  # 省委, 市政府: their place comes from context
_LEFT_WORDS = frozenset("与和及同由请向对将")
_TITLE_GOES_ON = frozenset("处员会")  # 书记处, 委员会: the post word is part of a longer word
_ALL_HAN = regex.compile(r"\p{Han}+")
_BODY_NAME = regex.compile(r"[\p{Han}A-Za-z0-9]{3,30}")  # a proper name may hold Latin and digits (G60)
_HAN_OR_DAMAGE = regex.compile(r"[\p{Han}\ufffd]")
MAX_EVIDENCE = 6
_WITNESS_END = "见证下"  # the literal rule ``witness`` ends with (在…见证下)
_MAX_ORG = 30


@dataclass
class Mention:
    """One place where a person is named."""

    name: NameHit
    start: int  # start of the role chain, or of the name
    kind: str  # "role" | "list" | "intro" | "known" | "headline"
    roles: list[RoleHit] = field(default_factory=list)
    resolved: list[Role] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    excluded: bool = False
    head: "Mention | None" = None  # the person whose post opens the list this member is in (副主席甲、乙)
    shares: str = ""  # what of the head's chain the member holds: "all" (省领导甲、乙), "last" (副主席), "" nothing
    tail: int = 0  # end of the posts written in brackets after the name (王某(某省副省长)), else 0

    @property
    def end(self) -> int:
        """Where the mention ends: after the name, or after the bracketed posts that follow it."""
        return max(self.name.end, self.tail)


def _rules():
    """The rule file. Short slices and windows are searched with ``rule.pattern`` directly: ``Rule.search``
    adds its timeout only to ranges of ``rules.TIMEOUT_MIN_CHARS`` or more, and its call costs as much as
    the search of a few characters."""
    return load_rules("attendees")


class _Sentences:
    def __init__(self, text: str) -> None:
        self.ends = [m.end() for m in _SENT_END.finditer(text)] + [len(text)]

    def keep_names_whole(self, names: Iterable[NameHit]) -> None:
        """A ``?`` read as a lost character inside a name (王?某) ends no sentence."""
        inside = {q + 1 for n in names for q in range(n.start + 1, n.end - 1) if n.damaged}
        if inside:
            self.ends = [e for e in self.ends if e not in inside]

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.ends, pos)

    def start(self, pos: int) -> int:
        i = self.index(pos)
        return self.ends[i - 1] if i > 0 else 0

    def end(self, pos: int) -> int:
        i = self.index(pos)
        return self.ends[min(i, len(self.ends) - 1)]


# ------------------------------------------------------------------ role chains


def _role_matches(text: str) -> list[RoleSpan]:
    """What ``posts().role_pattern.finditer`` finds in windows that end at a post title.

    A role always ends with a title, and its body and place are never longer
    than ``_MAX_ORG`` characters, so windows of that width before each title
    (merged where they touch) find the same roles as a scan of the whole text.

    Why not the pattern itself: it is a 32 k-character alternation (places x
    bodies x titles) that the engine tries at every position of a window,
    ~5 us a character. Here a role can only start where the dictionaries
    reach back to from a title (bodies back from it, a place back from those,
    ``中共`` before that); those starts are tried left to right with
    :meth:`Posts.role_at`, which reads forward in the pattern's own order, and
    a match resumes the scan at its end, as ``finditer`` does.
    """
    p = posts()
    title_starts = _title_starts(text)
    windows: list[list[int]] = []
    n = len(text)
    pos = 0
    for q in title_starts:  # posts().pattern.finditer(text), read from the title words
        if q < pos:
            continue
        e = p.title_end(text, q, n)
        if e is None:
            continue
        ws = max(0, q - _MAX_ORG)
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = e
        else:
            windows.append([ws, e])
        pos = e
    out: list[RoleSpan] = []
    orgs_, places_ = p.org_words, p.place_words
    for ws, we in windows:
        lo = bisect.bisect_left(title_starts, ws)
        hi = bisect.bisect_left(title_starts, we)
        if lo == hi:
            continue
        # where a match may start: a title, bodies before it, a place and 中共 before those
        reach = set(title_starts[lo:hi])
        todo = list(reach)
        while todo:
            q = todo.pop()
            for b in orgs_.starts_before(text, q, ws):
                if b not in reach:
                    reach.add(b)
                    todo.append(b)
        starts = set(reach)
        for q in reach:
            starts.update(places_.starts_before(text, q, ws))
        starts.update([q - 2 for q in starts if q - 2 >= ws and text.startswith("中共", q - 2)])
        memo: dict = {}
        pos = ws
        for s in sorted(starts):
            if s < pos:
                continue
            r = p.role_at(text, s, we, memo=memo)
            if r is not None:
                out.append(r)
                pos = r.end
    return out


@lru_cache(maxsize=1)
def _title_word_pattern() -> re.Pattern[str]:
    """Any post title word, without the context checks of ``posts().pattern`` (those are read in
    code: :meth:`Posts.title_end`). The stdlib engine skips to the titles' first characters in C;
    with the lookaheads, or in ``regex``, every position is tried (5x slower)."""
    return re.compile(alternation(posts().title_words.words))


def _title_starts(text: str) -> list[int]:
    """Every position where a post title word starts, overlapping ones too (副书记 and 书记)."""
    search = _title_word_pattern().search
    out: list[int] = []
    pos = 0
    while (m := search(text, pos)) is not None:
        q = m.start()
        out.append(q)
        pos = q + 1
    return out


_FINAL_ALTERNATION = re.compile(r"\(\?:(?P<alts>[^()]*)\)\$")
_LAST_GROUP_KIND = re.compile(r"\(\?P<kind>[^()]*\)\Z")


@lru_cache(maxsize=1)
def _body_suffix_ends() -> frozenset[str] | None:
    """The characters a match of rule ``body_suffix`` can end with (its last characters), or None.

    A body that must end like one (``_unknown_body``, ``_listed_body``) ends right before the title,
    so the character before the title must be one of these: one set test instead of the clause
    segment and three patterns, for the many bare titles after an ordinary word (习近平总书记).
    Derived from the rule's source while it keeps the shape ``(?:word|word|[chars]…)$`` of literal
    Han words and classes; any other shape returns None and turns the test off.
    """
    m = _FINAL_ALTERNATION.fullmatch(_rules()["body_suffix"].source)
    if m is None:
        return None
    out: set[str] = set()
    for alt in m.group("alts").split("|"):
        chars = alt[1:-1] if alt.startswith("[") and alt.endswith("]") else alt
        if not chars or not all(_HAN_OR_DAMAGE.match(c) for c in chars):
            return None
        out.update(chars if alt.startswith("[") else chars[-1])
    return frozenset(out)


@lru_cache(maxsize=1)
def _institution_kinds() -> dict[str, tuple[str, ...]] | None:
    """Title -> the institution kinds (rule ``institution_body``, its ``titles``) that have it, or None.

    ``_institution_body`` needs the body to end with a kind whose titles hold the title that follows
    it: when the text before the title ends with none of those kinds, there is nothing to read.
    Only while the rule ends with its ``kind`` group (so that a full match ends with the kind);
    otherwise None turns the test off.
    """
    rule = _rules()["institution_body"]
    if _LAST_GROUP_KIND.search(rule.source) is None:
        return None
    out: dict[str, list[str]] = {}
    for kind, titles in rule.meta["titles"].items():
        for t in titles:
            out.setdefault(t, []).append(kind)
    return {t: tuple(ks) for t, ks in out.items()}


def _ends_like_body(text: str, end: int) -> bool:
    """Can a body that matches rule ``body_suffix`` end at ``end`` (see :func:`_body_suffix_ends`)?"""
    ends = _body_suffix_ends()
    return ends is None or (end > 0 and text[end - 1] in ends)


def _unknown_body(text: str, title_start: int) -> int | None:
    """Start of ``place or known body + unknown body`` written right before a title, or None.

    Only from a clause start, only when the text begins with a known place
    (深圳市前海管理局 + 局长) or a known central body (国家发展改革委地区振兴司 +
    司长, 水利部黄河水利委员会 + 主任) and ends like a body name (rule
    ``body_suffix``), with no function word or verb in it (rule ``not_a_body``).
    """
    if not _ends_like_body(text, title_start):
        return None
    start = _post_start(text, title_start, _MAX_PREFIXED_BODY + 1)
    if start is None:
        return None
    cand = text[start:title_start]
    if len(cand) < 4 or not _rules()["body_suffix"].pattern.search(cand) or not _ALL_HAN.fullmatch(cand):
        return None
    if _rules()["not_a_body"].pattern.search(cand):
        return None
    place, _, rest = split_place(cand)
    if place is not None:
        return start if len(rest) >= 2 else None
    return start if _central_prefix(cand) else None


_JOINING = regex.compile(r"[与和同由](?=\p{Han}*\Z)")  # the last joining word of a window (由: 会议由…主持)


def _after_joining_word(text: str, title_start: int) -> int | None:
    """Where a post starts after the joining word that links two people (``甲与某某市某某局局长乙``)
    or names the chair (``会议由香港某某局总裁甲主持``), or None: the last 与/和/同/由 within a body's
    width before the title, followed by a place (so 自由贸易区 is no 由)."""
    floor = max(0, title_start - _MAX_PREFIXED_BODY - 1)
    m = _JOINING.search(text, floor, title_start)
    if m is None or m.end() >= title_start or place_words().longest(text, m.end()) is None:
        return None
    return m.end()


def _central_prefix(cand: str, rest: int = 2) -> bool:
    """Does ``cand`` open with a known central body and go on for ``rest`` characters or more
    (国家发展改革委 + 地区振兴司)?"""
    m = orgs().words.longest(cand)
    if m is None or len(cand) - m < rest:
        return False
    o = orgs().lookup(cand[:m])
    return o is not None and not o.is_local


def _local_body_without_place(org: str) -> bool:
    """A local body word written alone (管委会, 办公室, 党委), whose owner may be written before it."""
    o = orgs().lookup(org)
    return o is not None and o.is_local and not _PARTIAL_BODY.match(org) and split_place(org)[0] is None


def _body_prefix(text: str, start: int, org: str = "") -> int | None:
    """Start of what names the owner of a local body word written without its place, or None.

    ``广州南沙开发区`` + 管委会主任, ``某某建设领导小组`` + 办公室主任, ``某某大学`` +
    党委书记: the prefix fills its clause segment, holds no function word or verb,
    and opens with a place or a known central body, or is an institution (rule
    ``institution_body``), or is a zone (rule ``zone_body``: 某某示范区 + 执委会主任), or
    the proper name of the zone the body word itself opens with (某某 + 新区管委会主任).
    """
    seg = _post_start(text, start, _MAX_PREFIXED_BODY + 1)
    if seg is None or start - seg < 2:
        return None
    cand = text[seg:start]
    rules = _rules()
    mechanism = rules["mechanism_body"].pattern.search(cand) if _BODY_NAME.fullmatch(cand) else None
    if mechanism is not None and mechanism.start() >= 2 and not rules["not_a_body"].pattern.search(cand, 0, mechanism.start()):
        return seg  # 长三角G60科创走廊联席会议 + 办公室主任: a mechanism owns its office
    if not _ALL_HAN.fullmatch(cand) or rules["not_a_body"].pattern.search(cand):
        return None
    if split_place(cand)[0] is not None or _central_prefix(cand, rest=1) or rules["institution_body"].pattern.fullmatch(cand):
        return seg
    zone = rules["zone_body"].pattern
    if zone.search(cand):
        return seg  # 示范区 + 执委会主任, 某某新区 + 管委会主任: a zone owns its managing body
    if len(cand) <= _MAX_ZONE_NAME and any(zone.search(cand + org[:k]) for k in range(2, min(len(org), 7))):
        return seg  # 两江 + 新区管委会主任: the zone's own name
    return None


def _post_start(text: str, end: int, width: int) -> int | None:
    """Where a body written before a title at ``end`` may start: the clause segment (:func:`_clause_segment`),
    or later, right after a joining word that links two people when a place follows it
    (``厅长甲与澳门特区政府某某委员会主席乙``, ``甲、乙与河南大学党委书记丙``)."""
    start = _clause_segment(text, end, width)
    joined = _after_joining_word(text, end)
    return joined if joined is not None and (start is None or joined > start) else start


def _clause_segment(text: str, end: int, width: int) -> int | None:
    """Start of the text between the last clause mark (or 、) before ``end`` and ``end``, or None.

    None when no mark (nor the start of the text) lies within ``width`` characters:
    a body read this way must fill the whole segment, so that it cannot swallow a
    verb or a subject written before it.
    """
    floor = max(0, end - width)
    last = _LAST_MARK.search(text, floor, end)
    cut = last.start() - floor if last is not None else -1
    if cut < 0 and floor > 0:
        return None
    return floor + cut + 1


# the start of a company name up to a bracketed word in it (上海国际港务 + (集团), 琼州海峡 + (广东)), right after
# a clause mark; the inner word is one of these or a place (_bracketed_word_ok)
_BRACKETED_PART = regex.compile(r"(?:(?<=[,、;:。\s])|^)(?P<head>\p{Han}{2,12})\((?P<inner>\p{Han}{2,8})\)\Z")
_BRACKETED_WORDS = frozenset(("集团", "控股", "中国", "有限", "股份"))


def _bracketed_word_ok(inner: str) -> bool:
    """Can ``inner`` stand in brackets inside a company name? A company word (上海国际港务(集团)) or the
    place a branch or operator serves (琼州海峡(广东)轮渡运输有限公司, 中国(上海)自由贸易试验区 ...)."""
    return inner in _BRACKETED_WORDS or places().lookup(inner) is not None


def _institution_body(text: str, title_start: int, title: str) -> int | None:
    """Start of an institution the vocabulary lacks, written right before a title that fits it, or None.

    ``复旦大学校长``, ``某某大学党委书记``, ``某某研究院院长``, ``某某建设领导小组组长``: the
    body fills its clause segment and ends with an institution word (rule
    ``institution_body``, whose ``titles`` say which posts each kind of
    institution has), and holds no function word or verb (rule ``not_a_body``).
    """
    kinds = _institution_kinds()
    if kinds is not None and not any(text.endswith(k, 0, title_start) for k in kinds.get(title, ())):
        return None
    start = _post_start(text, title_start, _MAX_BODY + 1)
    if start is None or title_start - start < 3:
        return None
    cand = text[start:title_start]
    if start and text[start - 1] == ")":
        # 上海国际港务(集团)股份有限公司: a company name holds a bracketed word; read the name around it
        part = _BRACKETED_PART.search(text, max(0, start - _MAX_BODY), start)
        if part is not None and _bracketed_word_ok(part.group("inner")):
            start, cand = part.start(), part.group("head") + part.group("inner") + cand
    rule = _rules()["institution_body"]
    m = rule.pattern.fullmatch(cand)
    if m is None or not _ALL_HAN.fullmatch(cand) or _rules()["not_a_body"].pattern.search(cand):
        return None
    if title not in rule.meta["titles"].get(m.group("kind"), ()):
        return None
    return start


def _role_hits(text: str) -> tuple[list[RoleHit], list[RoleHit]]:
    """Printed roles whose left edge is credible (see rules bare_title_context, level_prefix), and the
    bare titles whose left edge is not (``、某某领导小组组长``): :func:`_chains` may still join those
    to the chain before them."""
    rules = _rules()
    out: list[RoleHit] = []
    dangling: list[RoleHit] = []
    for m in _role_matches(text):
        title = text[m.title_start : m.end]
        org = text[m.start : m.title_start] or None
        start = m.start
        if start > 0:
            lvl = rules["level_prefix"].pattern.search(text[max(0, start - 4) : start])
            if org is None:
                info = posts().info(title)
                if lvl and info is not None and info.category == _GENERIC:
                    org = lvl.group()  # 省领导
                    start -= len(org)
                elif (body := _unknown_body(text, start)) is not None:
                    org = text[body:start]  # 深圳市前海管理局局长: a place and a body the vocabulary lacks
                    start = body
                elif (inst := _institution_body(text, start, title)) is not None:
                    org = text[inst:start]  # 某某大学校长: an institution the vocabulary lacks
                    start = inst
                elif rules["body_title"].pattern.match(title) and (owner := _body_prefix(text, start, title)) is not None:
                    org = text[owner:start]  # 某某综合实验区 + 党工委书记: a zone owns its working committee
                    start = owner
                elif not rules["bare_title_context"].pattern.search(text[max(0, start - 2) : start]):
                    dangling.append(RoleHit(start, m.end, None, title))
                    continue
            elif lvl and _takes_level_word(org):
                org = lvl.group() + org  # 省发展改革委, 州党委: the level word the vocabulary left out
                start -= len(lvl.group())
            elif _local_body_without_place(org):
                owner = _body_prefix(text, start, org)
                if owner is not None:
                    org = text[owner:start] + org  # 某某大学党委书记, 广州某某开发区管委会主任
                    start = owner
        if org:
            start, org = _autonomous_place(text, start, org)
            start, org = _with_parent_place(text, start, org)
        out.append(RoleHit(start, m.end, org, title))
    return out, dangling


def _takes_level_word(org: str) -> bool:
    """Can a level word written before ``org`` (省, 州 ...) be its place? Not when ``org`` names a place,
    a central body, or has a level word of its own (州 + 市委 is no body: a name cut by a line break)."""
    if split_place(org)[0] is not None or _PARTIAL_BODY.match(org):
        return False
    return not org.startswith(("中共", "中央", "国家", "国务院", "全国"))


_AUTONOMOUS_LEVEL = regex.compile(r"[县州旗区]")
_MAX_AUTONOMOUS = 20  # 双江拉祜族佤族布朗族傣族自治县


def _autonomous_place(text: str, start: int, org: str) -> tuple[int, str]:
    """A place printed in full before a body that opens with its level character belongs to the role:
    ``大厂回族自治县`` + ``县委`` (大厂回族自治县委书记), ``盂县`` + ``县委`` (盂县县委书记).

    The role pattern reads a place and then a body, and no body is the bare ``委`` left after the full
    name, so the match starts at the level character; this walks back over the full name that ends
    with it. Names of autonomous units (``自治县``, ``自治州``, ``自治旗``): their short form is not the
    full name less its last character, so the short + body reading does not reach them; and any full
    name written again before its level body (盂县县委, 某某区区委): the level character printed twice.
    """
    if start == 0 or not _AUTONOMOUS_LEVEL.match(org) or split_place(org)[0] is not None:
        return start, org
    lvl_end = start + 1
    for b in _full_place_names().starts_before(text, lvl_end, max(0, lvl_end - _MAX_AUTONOMOUS)):
        cand = text[b:lvl_end]
        if b < start and "自治" in cand and any(p.name == cand for p in places().lookup_all(cand)):
            return b, text[b:start] + org
    for b in _full_place_names().starts_before(text, start, max(0, start - _MAX_AUTONOMOUS)):
        cand = text[b:start]
        if len(cand) >= 2 and cand[-1] == org[0] and any(p.name == cand for p in places().lookup_all(cand)):
            return b, cand + org  # 盂县 + 县委
    return start, org


_MAX_PLACE = 12  # 黔西南布依族苗族自治州


def _with_parent_place(text: str, start: int, org: str) -> tuple[int, str]:
    """``常州市`` + ``金坛区委``: a division printed right before the place its role opens with, and
    holding it, belongs to the role (roles keep their printed wording: 常州市金坛区委书记).

    The role pattern reads one place, so the match starts at the lower one; this walks back over
    the city and the province written before it.
    """
    full_names = _full_place_names()
    if not (start >= 2 and text.startswith("中共", start - 2)) and not any(
        start - b >= 2 for b in full_names.starts_before(text, start, max(0, start - _MAX_PLACE))
    ):
        return start, org  # no full place name of two or more characters and no 中共 before: nothing to add
    place = split_place(org)[0]
    if place is None or org.startswith("中共"):
        return start, org
    for _ in range(2):
        found = None
        for b in full_names.starts_before(text, start, max(0, start - _MAX_PLACE)):  # the longest first
            cand = text[b:start]
            if len(cand) < 2:
                continue
            parent = next((p for p in places().lookup_all(cand) if p.name == cand and within(place, p)), None)
            if parent is not None:
                found = (len(cand), parent)
                break
        if found is None:
            break
        k, parent = found
        start, org, place = start - k, text[start - k : start] + org, parent
    if text.startswith("中共", max(0, start - 2)) and start >= 2:
        start, org = start - 2, "中共" + org
    return start, org


@lru_cache(maxsize=1)
def _full_place_names() -> WordSet:
    """The full names of the divisions (江苏省, 常州市), the forms a parent place is printed in."""
    return WordSet(p.name for p in places())


def _chains(text: str, hits: list[RoleHit], dangling: list[RoleHit] = ()) -> list[list[RoleHit]]:
    """Roles joined by 、 (or written back to back) describe one person.

    A body the vocabulary lacks may stand between the 、 and the next role: in
    front of a known body (全国政协副主席、九三学社中央常务副主席) or in front of a
    bare title (国务院副总理、某某建设领导小组组长, a ``dangling`` hit). The chain
    keeps its recognised part either way and goes on to the name slot.
    """
    chains: list[list[RoleHit]] = []
    loose = {(h.start, h.end) for h in dangling}
    for h in sorted([*hits, *dangling], key=lambda h: (h.start, h.end)):
        is_dangling = h.org is None and (h.start, h.end) in loose
        if chains:
            last = chains[-1][-1]
            gap = text[last.end : h.start]
            if not is_dangling and (gap in ("、", "", "兼") or (gap == "," and _comma_joined(chains[-1], h))):
                chains[-1].append(h)
                continue
            unknown = _UNKNOWN_BODY.fullmatch(gap)
            if unknown and (h.org or is_dangling) and not _rules()["not_a_body"].pattern.search(unknown.group("body")):
                # 全国政协副主席、九三学社中央常务副主席: the body is not in the vocabulary but
                # stands between the 、 and the known part of the next role (or its bare title)
                chains[-1].append(RoleHit(last.end + 1, h.end, unknown.group("body") + (h.org or ""), h.title))
                continue
        if not is_dangling:
            chains.append([h])
        elif (listed := _listed_body(text, h)) is not None:
            chains.append([listed])
    return chains


def _comma_joined(chain: list[RoleHit], h: RoleHit) -> bool:
    """``第一师党委副书记、师长,阿拉尔市市长甲``: one person's posts in two bodies, the second printed
    with its own place after a comma (a 师 and its city share one head). Only when the chain before the
    comma names a body of its own (no place-level word alone: ``各市市委书记、市长,省某某委主任甲``
    lists posts of many people) and the post after it prints its place."""
    first = chain[0].org
    if not first or _PARTIAL_BODY.match(first) or split_place(first)[0] is not None:
        return False
    return h.org is not None and split_place(h.org)[0] is not None


def _listed_body(text: str, h: RoleHit) -> RoleHit | None:
    """A bare title after a body the vocabulary lacks, written as the next member of a list of
    people (``…局长甲、发展局局长乙``): the body and the title, or None.

    The body fills the text between the 、 and the title, a name ends right before the 、, and the
    body ends like one (rule ``body_suffix``) with no function word or verb (rule ``not_a_body``)
    and no place (a place would have made a role already). Its owner comes from context
    (``role_context.resolve_role``: a SAR bureau after a SAR official).
    """
    if not _ends_like_body(text, h.start):
        return None
    j = text.rfind("、", max(0, h.start - _MAX_BODY - 1), h.start)
    if j < 1 or not _HAN_OR_DAMAGE.match(text[j - 1]):
        return None
    body = text[j + 1 : h.start]
    rules = _rules()
    if len(body) < 2 or not _ALL_HAN.fullmatch(body) or not rules["body_suffix"].pattern.search(body):
        return None
    if rules["not_a_body"].pattern.search(body) or _PARTIAL_BODY.match(body) or split_place(body)[0] is not None:
        return None
    return RoleHit(j + 1, h.end, body, h.title)


def _is_generic(chain: list[RoleHit]) -> bool:
    if not chain:
        return False
    infos = [posts().info(h.title) for h in chain]
    return all(i is not None and i.category == _GENERIC for i in infos)


def _not_a_person(name: str, *, slot: bool = False) -> bool:
    """A body, a title or a place, not a name.

    ``slot``: the name stands right after a chain of specific posts and a strong boundary ends it
    (``主席吉林出席``, ``市委书记宁波,``). There the grammar says a person is named, and a name that is
    also a place (吉林, 宁波) is read as the name.
    """
    if DAMAGE in name:
        return False
    if name in orgs() or posts().is_title(name):
        return True
    return name in places() and not slot


def _place_follows(text: str, pos: int, role_starts: set[int]) -> bool:
    """Is the word before ``pos`` joined to a place (``宁波、温州两市``)? Then a place read before it is one
    of a list of places, not a name in the post slot. A place that opens the next person's role
    (``宁波、马鞍山市委书记某某``) is not such a list."""
    sep = _LIST_SEP.match(text, pos)
    if sep is None or sep.end() in role_starts:
        return False
    return place_words().longest(text, sep.end()) is not None


def _body_ahead(text: str, pos: int, role_starts: set[int]) -> bool:
    """Does a body name start at ``pos`` and run on to a post title (``、经济及科技发展局局长某某``)?

    A list member read at ``pos`` (经济, ended by the weak boundary 及) is then the start of a body,
    not a person: the text from ``pos`` to the title holds no mark, ends like a body (rule
    ``body_suffix``), and no recognised role starts inside it (``甲及省发展改革委主任乙`` keeps 甲).
    """
    stop = min(len(text), pos + _MAX_PREFIXED_BODY + 1)
    t = posts().pattern.search(text, pos, stop)
    if t is None or t.start() - pos < 3:
        return False
    cand = text[pos : t.start()]
    if not _ALL_HAN.fullmatch(cand) or not _rules()["body_suffix"].pattern.search(cand):
        return False
    if any(pos < r <= t.start() for r in role_starts):
        return False
    # 甲及省某某局局长乙, 甲和某某市某某局局长乙: a place or a level word after the joining word opens
    # the next person's post, even when its body is unknown
    for j in _LIST_SEP.finditer(cand):
        rest = j.end() + pos
        if place_words().longest(text, rest) is not None or _PARTIAL_BODY.match(text, rest):
            return False
    return True


# places joined by 、 and counted before a bare title: 苏州、常州、无锡三市 + 常务副市长甲、乙、丙
_COUNTED_PLACES = regex.compile(r"(?P<places>\p{Han}{2,8}(?:、\p{Han}{2,8}){1,9})(?P<count>[两二三四五六七八九十]{1,2})(?P<level>[省市区县州])\Z")
_MAX_COUNTED = 90


def _respective_mentions(text: str, h: RoleHit, known: set[str]) -> list[Mention]:
    """``苏州、常州、无锡三市常务副市长甲、乙、丙(分别)…``: one post of several places, held by as many
    people listed in the same order; the i-th name takes the i-th place (the genre's 分别 reading).

    Only when every listed word is a place of the counted level, the count is right, and the names
    after the title are exactly as many; otherwise nothing (the names are read as a list elsewhere)."""
    m = _COUNTED_PLACES.search(text, max(0, h.start - _MAX_COUNTED), h.start)
    if m is None or m.end() != h.start or cn_number(m["count"]) is None:
        return []
    words = m["places"].split("、")
    if len(words) != cn_number(m["count"]):
        return []
    found = [places().lookup(w) for w in words]
    if any(p is None or not p.name.endswith(m["level"]) for p in found):
        return []
    names = read_name_list(text, h.end, known)
    if len(names) != len(words):
        return []
    return [
        Mention(n, m.start() if i == 0 else n.start, "role", roles=[RoleHit(m.start(), h.end, p.name, h.title)])
        for i, (n, p) in enumerate(zip(names, found))
        if p is not None
    ]


_LIST_LEFT = regex.compile(r"(?:[,、;:。]|以及|和|及|与)\Z")  # what opens a member of a list of people


def _place_name_title_mention(text: str, h: RoleHit) -> Mention | None:
    """``以及黄山市程某某副市长出席``: a member of a list written place, name, then a bare title.

    The name (a surname and one or two characters) stands between the full name of a place and
    the title, the place opens a list member (a mark or a joining word before it), the title is a
    post (not 领导), and an attendance verb or a mark follows it. Exactly one reading of the name
    must fit."""
    info = posts().info(h.title)
    if info is None or info.category == _GENERIC:
        return None  # 四川省相关领导: a generic post follows a word, not a name
    if not _rules()["name_end_strong"].pattern.match(text, h.end):
        return None
    found: list[tuple[int, int, str]] = []
    for k in (2, 3):
        ns = h.start - k
        name = text[ns : h.start]
        if ns < 2 or not surnames().is_surname_start(name) or not plausible(name) or _not_a_person(name):
            continue
        for b in _full_place_names().starts_before(text, ns, max(0, ns - _MAX_PLACE)):
            place = text[b:ns]
            if len(place) >= 2 and places().lookup(place) is not None and _LIST_LEFT.search(text, max(0, b - 2), b):
                found.append((b, ns, place))
                break
    if len(found) != 1:
        return None
    b, ns, place = found[0]
    hit = NameHit(ns, h.start, text[ns : h.start], True)
    return Mention(hit, b, "role", roles=[RoleHit(b, h.end, place, h.title)])


def _role_mentions(text: str, known: set[str]) -> list[Mention]:
    out: list[Mention] = []
    hits, dangling = _role_hits(text)
    for h in dangling:
        found = _respective_mentions(text, h, known)
        after_name = None if found else _place_name_title_mention(text, h)
        out.extend(found if after_name is None else [after_name])
    role_starts = {h.start for h in hits}
    shared = _rules()["shared_post"].pattern
    for chain in _chains(text, hits, dangling):
        bracketed = _bracketed_mention(text, chain, known)
        if bracketed is not None:
            out.append(bracketed)  # 王某某(某某省副省长): the posts in brackets after the name
            continue
        pos = chain[-1].end
        if pos < len(text) and text[pos] == " ":
            pos += 1
        generic = _is_generic(chain)
        hit = read_name(text, pos, known)
        if hit is None and not generic:
            item = _name_first_item(text, chain, known)
            if item is not None:
                out.append(item)  # 甲某某,某某研究院副院长;: a guest list giving the name first
                continue
        if hit is None and not generic and any(h.org for h in chain):
            hit = read_slot_name(text, pos)  # 国家发展改革委副主任某某出席: a surname the table lacks
        if hit is None:
            continue
        slot = not generic and hit.strong and not _place_follows(text, hit.end, role_starts)
        if _not_a_person(hit.text, slot=slot):
            continue
        head = Mention(hit, chain[0].start, "role", roles=list(chain))
        out.append(head)
        # a 、-list after the name: 省领导甲、乙、丙 share a generic post, 副主席甲、乙 a post held by
        # several people at once (rule shared_post); others are listed bare
        shares = "all" if generic else ("last" if shared.search(chain[-1].title) else "")
        end = hit.end
        while (sep := _LIST_SEP.match(text, end)) and sep.end() not in role_starts:
            last = sep.group() != "、"  # 甲、乙和丙: a joining word brings in the last member
            if _body_ahead(text, sep.end(), role_starts):
                break  # 、经济及科技发展局局长某某: a body name, not a member
            nxt = read_name(text, sep.end(), known)
            if nxt is None or not plausible(nxt.text):
                # a member that does not read as a name is passed over, not taken as the end of the list
                skip = None if last else _MEMBER.match(text, sep.end())
                if skip is None or _not_a_person(skip.group()):
                    break
                end = skip.end()
                continue
            if _not_a_person(nxt.text) or (last and not nxt.strong):
                break
            if shares:
                out.append(Mention(nxt, nxt.start, "role", roles=list(chain), head=head, shares=shares))
            else:
                out.append(Mention(nxt, nxt.start, "list", head=head))
            end = nxt.end
            if last:
                break
    return out


_ITEM_OPEN = frozenset(":;\n")  # what opens an item of a guest list (嘉宾是:\n甲,…;\n乙,…。)
_ITEM_CLOSE = regex.compile(r"[ \u3000]*(?:[;。\n]|\Z)")


def _name_first_item(text: str, chain: list[RoleHit], known: set[str]) -> Mention | None:
    """An item of a guest list that gives the name first, then a comma and the posts
    (``他们是:\n甲某某,某某研究院副院长;\n乙某,某某集团副总裁。``), or None.

    Only when the item is exactly that: the name opens it (after a colon, a semicolon or a line
    start), one comma joins it to the chain, and the chain closes the item (; 。 or the line end), so
    that ``甲出席,某某局局长乙…`` (a name, then another person's post) is never read this way."""
    comma = chain[0].start - 1
    if comma < 2 or text[comma] != "," or not _ITEM_CLOSE.match(text, chain[-1].end):
        return None
    for k in (4, 3, 2):
        b = comma - k
        if b < 0 or (b > 0 and text[b - 1] not in _ITEM_OPEN):
            continue
        hit = read_name(text, b, known)
        if hit is None or hit.end != comma or not plausible(hit.text) or _not_a_person(hit.text):
            continue
        return Mention(hit, hit.start, "role", roles=list(chain), tail=chain[-1].end)
    return None


def _bracketed_mention(text: str, chain: list[RoleHit], known: set[str]) -> Mention | None:
    """A name followed by its posts in brackets: ``会议由王某某(某某省副省长)主持``,
    ``出席会议的还有:甲某(某省副省长)、乙某(某省副省长)``, or None.

    The brackets must hold the chain and nothing else. The name ends at the opening bracket and
    starts where the text before it allows (rule ``bracketed_name_left``: a mark, the start of the
    text, 由/与/和 ..., 的有/还有); the longest such name wins (由王某某: 王某某, not 某某).
    """
    lp, rp = chain[0].start - 1, chain[-1].end
    if lp < 2 or text[lp] != "(" or rp >= len(text) or text[rp] != ")":
        return None
    left = _rules()["bracketed_name_left"].pattern
    for k in (4, 3, 2):
        b = lp - k
        if b < 0 or not left.search(text[max(0, b - 2) : b]):
            continue
        hit = read_name(text, b, known)
        if hit is None or hit.end != lp or not plausible(hit.text) or _not_a_person(hit.text):
            continue
        return Mention(hit, hit.start, "role", roles=list(chain), tail=rp + 1)
    return None


def _intro_mentions(text: str, known: set[str], taken: set[int], roles: list[Mention]) -> list[Mention]:
    """Bare names that open a clause with an attendance verb, in 会议由X主持, and after 出席会议的还有
    (role mentions there are read by the role pass)."""
    rules = _rules()
    out: list[Mention] = []
    # the rule finds the verb and reads the name behind it (group name): starts in text order, each once
    for start in sorted({m.start("name") for m in rules["bare_subject"].finditer(text)}):
        hit = read_name(text, start, known)
        if (
            hit
            and hit.start not in taken
            and len(hit.text) >= 3
            and plausible(hit.text)
            and not _not_a_person(hit.text)
            and rules["action"].pattern.match(text, hit.end)
        ):
            out.append(Mention(hit, hit.start, "list"))
            taken.add(hit.start)
    for m in rules["chaired_by"].finditer(text):
        hit = read_name(text, m.end(), known)
        if hit and hit.start not in taken and plausible(hit.text) and not _not_a_person(hit.text) and text.startswith(("主持", "共同主持"), hit.end):
            out.append(Mention(hit, hit.start, "list"))
            taken.add(hit.start)
    by_start = {r.start: r for r in roles}
    role_starts = set(by_start)
    for m in rules["list_intro"].finditer(text):
        pos = m.end()
        for _ in range(40):
            role = by_start.get(pos)
            if role is not None:
                pos = role.end
            else:
                hit = None if _body_ahead(text, pos, role_starts) else read_name(text, pos, known)
                if hit is None or not plausible(hit.text):
                    skip = _MEMBER.match(text, pos)  # passed over, as in a list after a post
                    if skip is None or _not_a_person(skip.group()):
                        break
                    pos = skip.end() + 1
                    continue
                if _not_a_person(hit.text):
                    break
                if hit.start not in taken:
                    verb = _rules()["action"].pattern.search(m.group())
                    acts = [verb.group()] if verb else []
                    out.append(Mention(hit, hit.start, "intro", actions=acts))
                    taken.add(hit.start)
                pos = hit.end
            if pos < len(text) and text[pos] in "、,":
                pos += 1
                continue
            break
    return out


# what a list of names is written with: names (Han, U+FFFD, the dots of transliterated names) and 、
_NAME_LIST_RUN = regex.compile(r"[\p{Han}\ufffd·・•、]*")
_LITERAL_SYNTAX = frozenset("(?:)|")


@lru_cache(maxsize=1)
def _predicate_in_run() -> bool:
    """Is every match of rule ``list_predicate`` a non-empty run of Han characters?

    Then it is a prefilter for :func:`_list_mentions`: the names of a list and their 、 are one
    run of :data:`_NAME_LIST_RUN` characters, so the predicate after the last name starts inside
    that run and ends in it; a list head whose run holds no predicate cannot give a list. Derived
    from the rule (Han words, ``(?:…)``, ``|`` and ``?`` only, no empty match), so that a rule
    edit that breaks the premise turns the prefilter off instead of desyncing it.
    """
    rule = _rules()["list_predicate"]
    literal = all(c in _LITERAL_SYNTAX or _HAN_OR_DAMAGE.match(c) for c in rule.source)
    return literal and DAMAGE not in rule.source and rule.pattern.fullmatch("") is None


def read_name_list(text: str, start: int, known: set[str]) -> list[NameHit]:
    """The names of a bare 、 list from ``start`` (甲某、乙某、丙某), up to the first word that is no
    name; none when a word in it is known not to be a person (the run is no list of people)."""
    names: list[NameHit] = []
    pos = start
    while True:
        hit = read_name(text, pos, known)
        if hit is None or not plausible(hit.text) or _not_a_person(hit.text):
            return [] if hit is not None and names and _not_a_person(hit.text) else names
        names.append(hit)
        if hit.end < len(text) and text[hit.end] == "、":
            pos = hit.end + 1
            continue
        return names


def _list_mentions(text: str, known: set[str], taken: set[int]) -> list[Mention]:
    """Runs of bare names joined by 、 and followed by an attendance verb (甲、乙、丙出席座谈会)."""
    pred = _rules()["list_predicate"].pattern
    prefilter = _predicate_in_run()
    out: list[Mention] = []
    search = _LIST_HEAD.search
    run_end = -1  # the run of list characters the last head opened, and the last predicate found in it
    last_pred = -1
    at = 0
    while (m := search(text, at)) is not None:
        at = m.end()
        start = m.start("head")
        if start in taken:
            continue
        if prefilter:
            # the heads of one run share its end: a predicate found from an earlier head serves a later
            # one that starts before it, and none found from a head means none from the later ones
            if start >= run_end:
                run_end = _NAME_LIST_RUN.match(text, start).end()
                last_pred = -1
            if start > last_pred:
                found = pred.search(text, start, run_end)
                if found is None:
                    at = max(at, run_end)  # no attendance verb where the list could end (see _predicate_in_run)
                    continue
                last_pred = found.start()
        names = read_name_list(text, start, known)
        if len(names) >= 2 and pred.match(text, names[-1].end):
            for h in names:
                if h.start not in taken:
                    out.append(Mention(h, h.start, "list"))
                    taken.add(h.start)
    return out


# ------------------------------------------------------------------ exclusion and actions


def _excluded(text: str, m: Mention, sents: _Sentences, byline: set[str]) -> bool:
    rules = _rules()
    if m.name.text in byline:
        return True
    s0 = sents.start(m.start)
    if rules["reported_speech"].search(text, s0, m.start):
        return True
    if rules["former_post"].pattern.search(text[max(0, m.start - 4) : m.start]):
        return True
    clause = _CLAUSE_END.search(text, m.name.end)
    stop = clause.end() if clause else len(text)
    return bool(rules["citation_predicate"].search(text, m.name.end, stop)) or _future_part(text, m, sents)


_GAP_BREAKS = regex.compile(r"[。;:“”]")


def _future_part(text: str, m: Mention, sents: _Sentences) -> bool:
    """Is the person's predicate a part still to be played (rule ``future_predicate``: 将作主旨演讲)?

    Only when nothing between the name and the future verb reports a deed or a speech (rule
    ``action``, rule ``speech_verb``): people listed before one shared predicate
    (教授甲,研究员乙将作主旨演讲) all take it; ``甲出席会议,表示将出席…`` keeps 甲."""
    rules = _rules()
    f = rules["future_predicate"].search(text, m.name.end, sents.end(m.name.end))
    if f is None:
        return False
    gap = text[m.name.end : f.start()]
    return not (_GAP_BREAKS.search(gap) or rules["action"].pattern.search(gap) or rules["speech_verb"].pattern.search(gap))


def _actions(text: str, start: int, stop: int) -> list[str]:
    """Actions in a predicate: the first one, then those joined to it (出席会议并讲话, 率团出席)."""
    rule = _rules()["action"]
    canon: dict[str, str] = rule.meta.get("canon", {})
    acts: list[str] = []
    last_end = None
    for m in rule.finditer(text, start, stop):
        if last_end is not None and not _CONNECTOR.search(text[last_end : m.start()]):
            break
        if _ATTRIBUTIVE.match(text, m.end()):
            continue  # 向参加会议的嘉宾: describes others
        a = canon.get(m.group(), m.group())
        if a not in acts:
            acts.append(a)
        last_end = m.end()
    return acts


def _assign_actions(text: str, mentions: list[Mention], sents: _Sentences) -> None:
    """Mentions listed together share the predicate written after the last of them."""
    live = sorted((m for m in mentions if not m.excluded and m.kind not in ("headline", "intro")), key=lambda m: m.start)
    i = 0
    while i < len(live):
        j = i
        while (
            j + 1 < len(live)
            and sents.index(live[j + 1].start) == sents.index(live[j].name.end)
            and _BETWEEN_MEMBERS.fullmatch(text, live[j].name.end, max(live[j].name.end, live[j + 1].start))
        ):
            j += 1
        last = live[j]
        stop = sents.end(last.name.end)
        if j + 1 < len(live) and live[j + 1].start < stop:
            stop = live[j + 1].start
        if _rules()["citation_after_name"].pattern.match(text, last.name.end):
            acts: list[str] = []
        else:
            acts = _actions(text, last.name.end, stop)
        for m in live[i : j + 1]:
            m.actions = acts
        i = j + 1


# ------------------------------------------------------------------ the extractor


_FIND_MAX_WORDS = 48  # up to this many words, each is found with ``str.find``; beyond, one class scan


class _Words:
    """Where a few words (the article's known names) stand in one text, read as
    ``regex.compile(alternation(words))`` would find them: leftmost first, the longest at a position,
    without overlap (:meth:`finditer`); and ``(?:words)+`` runs (:meth:`runs`).

    Why not that pattern: its source (a trie) and its compilation cost more than the scan itself, and
    they would be paid for every article, whose names differ. Every occurrence of every word (overlapping
    ones too) is indexed once, by ``str.find`` per word (C speed, no pattern); the pattern's reading is
    then a walk over the occurrences: leftmost-longest is the first start at or after the previous end,
    with its longest word. For many words (a long page naming hundreds of people) a ``find`` per word
    would read the text once per word, so a character class of the first characters finds the
    candidates in one scan instead and a ``set`` lookup per length reads the words there.
    """

    def __init__(self, words: Iterable[str], text: str) -> None:
        uniq = {w for w in words if w}
        ends: dict[int, list[int]] = {}
        if len(uniq) <= _FIND_MAX_WORDS:
            find = text.find
            for w in uniq:
                k = len(w)
                i = find(w)
                while i >= 0:
                    ends.setdefault(i, []).append(i + k)
                    i = find(w, i + 1)
            for v in ends.values():
                if len(v) > 1:
                    v.sort(reverse=True)
        elif uniq:
            ws = WordSet(uniq)
            first = re.compile("[" + "".join(re.escape(c) for c in sorted({w[0] for w in uniq})) + "]")
            n = len(text)
            for m in first.finditer(text):
                found = ws.ends_from(text, m.start(), n)
                if found:
                    ends[m.start()] = found
        self._ends = ends  # start -> ends of the words there, longest first
        self._starts = sorted(ends)

    def finditer(self) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each word, as ``finditer`` of the alternation over the whole text."""
        ends = self._ends
        nxt = 0
        for i in self._starts:
            if i >= nxt:
                nxt = ends[i][0]
                yield i, nxt

    def _longest(self, pos: int, endpos: int) -> int | None:
        """End of the longest word at ``pos`` that ends by ``endpos``, or None."""
        for e in self._ends.get(pos, ()):
            if e <= endpos:
                return e
        return None

    def runs(self, pos: int, endpos: int) -> Iterator[list[tuple[int, int]]]:
        """The words of each ``(?:words)+`` match from ``pos`` to ``endpos`` (longest word at each step,
        as the greedy pattern reads)."""
        starts = self._starts
        nxt = pos
        for j in range(bisect.bisect_left(starts, pos), len(starts)):
            i = starts[j]
            if i >= endpos:
                break
            if i < nxt:
                continue
            e = self._longest(i, endpos)
            if e is None:
                continue
            run = [(i, e)]
            while (k := self._longest(e, endpos)) is not None:
                run.append((e, k))
                e = k
            yield run
            nxt = e


@dataclass
class _Person:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    extra_evidence: list[tuple[int, int]] = field(default_factory=list)


def _left_edge_ok(text: str, pos: int) -> bool:
    """A bare known name starts after punctuation, a joining word or a post title, not inside a word."""
    if pos == 0 or not _HAN_OR_DAMAGE.match(text[pos - 1]):
        return True
    # after a post title the mention is already a role mention; anything else is inside a word
    return text[pos - 1] in _LEFT_WORDS


def _short_forms(people: dict[str, _Person]) -> dict[str, str]:
    """Surname + post (马省长, 李书记) -> the one attendee it can stand for."""
    forms: dict[str, set[str]] = {}
    for name, person in people.items():
        if DAMAGE in name:
            continue
        n = surnames().is_surname_start(name)
        if not n or n >= len(name):
            continue
        for m in person.mentions:
            for r in m.resolved:
                info = posts().info(r.title)
                if info is None or info.category == _GENERIC:
                    continue
                forms.setdefault(name[:n] + r.title, set()).add(name)
    return {f: next(iter(ns)) for f, ns in forms.items() if len(ns) == 1}


def _own_region(text: str, meetings: list[Meeting]) -> Place | None:
    """The region a paper calls its own (会议在我市召开): the city (or province) of the held meetings.

    Only when the held meetings agree on one place of the right level; a paper
    without a home region in the outlet table gets it from its own words.
    """
    m = _rules()["own_region"].search(text)
    if m is None:
        return None
    want = m.group("level")
    found: set[str] = set()
    for mt in meetings:
        if mt.status != "held":
            continue
        name = mt.city if want == "市" else mt.province
        p = places().lookup(name) if name else None
        if p is not None and p.name.endswith(want) and (want == "省" or p.level in ("prefecture", "province")):
            found.add(p.name)
    return places().lookup(next(iter(found))) if len(found) == 1 else None


def _explicit_places(m: Mention) -> set[str]:
    """The places a mention's roles print (江苏省委书记 -> 江苏省)."""
    out: set[str] = set()
    for h in m.roles:
        p = split_place(h.org)[0] if h.org else None
        if p is not None:
            out.add(p.name)
    return out


def _home_side(
    m: Mention, prev: OrgContext, prev_generic: bool, gap: str, home: Place | None, home_seen: bool, later: list[Mention]
) -> bool:
    """Does a post written without its place, right after a person of ANOTHER region, belong to the
    outlet's home region rather than to that person's?

    A provincial paper writes its own leaders without the province and a guest with it. So a
    bare ``省委副书记`` after ``江苏省委书记甲`` is the home province's when the guest's clause has
    closed with its own predicate (rule ``closed_clause``: ``甲讲话,省委副书记…``) and the sentence
    shows both sides (``home_seen``: a home leader was already named in it, or the reported meeting
    is held in the home region; or the guest region is printed again for a later person:
    ``省委书记甲、江苏省委书记乙讲话,省委副书记、省长丙主持,江苏省委副书记、省长丁出席``). A generic
    post written again is the other side too (``江苏省领导甲、乙,省领导丙、丁参加``: one region
    would be one list), and so is a generic post after a guest's specific one when the sentence shows
    both sides (``中山市副市长甲,市领导乙、丙参加`` in a 江门 paper, the meeting held there). Otherwise the previous person's region stands (``江苏省委书记甲,省委副书记、
    省长乙率团``; ``会见江苏省委书记甲、省长乙``).
    """
    if home is None or prev.place is None or prev.inferred or prev.place.name == home.name:
        return False
    if not m.roles or not takes_place_from(m.roles[0], home):
        return False
    if _is_generic(m.roles) and (prev_generic or home_seen):
        return True
    if not _rules()["closed_clause"].search(gap):
        return False
    return home_seen or any(prev.place.name in _explicit_places(x) for x in later)


def _same_sole_post(roles: list[RoleHit], prev_roles: list[RoleHit]) -> bool:
    """Is the post chain the previous person's again, written without its place, and does it hold a post
    one person holds? Then it cannot be the same place's: the bare chain is the outlet's own region (or
    stays bare), however the clause before it ends. Two shapes: the first post is the previous person's
    last one (``扬州市委书记甲,市委书记乙``), or the whole chain repeats (``中山市委副书记、市长甲,市委副书记、
    市长乙``: 市长 is one person's). A chain of posts several people hold (rule ``shared_post``: 副市长,
    常委) may be the same place's (``某市副市长甲,副市长乙``)."""
    if not roles or not prev_roles:
        return False
    if _same_sole_chain(roles, prev_roles):
        return True
    return _sole_repeat(roles[0], prev_roles[-1])


_PARTY_COMMITTEE_OF_LEVEL = regex.compile(r"(?P<level>省|市|州|县|区)委")


_LIST_GAP = regex.compile(r"[,、]")


def _secretary_after_others(cur: RoleHit, prev_roles: list[RoleHit], gap: str) -> bool:
    """``郑州市委副书记、市长甲,市委书记乙出席``: a bare secretary (市委书记) listed right after another
    person of a printed place of that level who is not its secretary. The genre lists a place's secretary
    before its other leaders, so the secretary listed after them heads another place (the outlet's own,
    or stays bare). Only in one list (``gap``: a mark alone): a clause of the first person's own
    (``会议由某市市长甲主持,市委书记乙致欢迎辞``) orders people by what they did, not by rank."""
    if not _LIST_GAP.fullmatch(gap):
        return False
    m = _PARTY_COMMITTEE_OF_LEVEL.fullmatch(cur.org or "")
    if m is None or cur.title != "书记":
        return False
    printed = [split_place(h.org)[0] for h in prev_roles if h.org]
    if not any(p is not None and p.name.endswith(m["level"]) for p in printed):
        return False
    return all(h.title != "书记" for h in prev_roles)


def _sole_repeat(cur: RoleHit, last: RoleHit) -> bool:
    """``cur`` is ``last`` less its place (``市委书记`` after ``扬州市委书记``), and one person holds it."""
    if cur.title != last.title or not last.org or split_place(last.org)[0] is None:
        return False
    if (cur.org and split_place(cur.org)[0] is not None) or not last.raw.endswith(cur.raw) or last.raw == cur.raw:
        return False  # the post prints its own place, or is not the previous one less its place
    return _sole(cur.title)


def _same_sole_chain(roles: list[RoleHit], prev_roles: list[RoleHit]) -> bool:
    """The previous chain again, post for post, its first post less its place and the others as printed
    before, with at least one post one person holds."""
    if len(roles) < 2 or len(roles) != len(prev_roles) or any(a.title != b.title for a, b in zip(roles, prev_roles)):
        return False
    first, prev_first = roles[0], prev_roles[0]
    if not prev_first.org or split_place(prev_first.org)[0] is None:
        return False
    if (first.org and split_place(first.org)[0] is not None) or not prev_first.raw.endswith(first.raw) or prev_first.raw == first.raw:
        return False
    if any(a.raw != b.raw for a, b in zip(roles[1:], prev_roles[1:])):
        return False
    return any(_sole(h.title) for h in roles)


def _sole(title: str) -> bool:
    """A specific post one person holds (市委书记, 市长), not 副市长 or a generic 领导."""
    info = posts().info(title)
    if info is None or info.category == _GENERIC:
        return False
    return not _rules()["shared_post"].pattern.search(title)


def _sar_fallback(text: str, home: Place | None) -> SarContext | None:
    """The SAR bare SAR posts belong to when nothing nearer says: the outlet's, else the only SAR
    the article names (特首某某 in an article about Hong Kong alone)."""
    if is_sar(home):
        assert home is not None
        return SarContext(home, _printed_government(text, home), True)
    found = {p.name: p for m in _sar_names().finditer(text) if (p := places().lookup(m.group())) is not None}
    if len(found) == 1:
        p = next(iter(found.values()))
        return SarContext(p, _printed_government(text, p), True)
    return None


# a SAR official's post printed with the government before the body (特区政府政务司司长)
_GOVERNMENT_POST = regex.compile(r"(特别行政区政府|特区政府)\p{Han}{1,12}?(?:司|局|署|办公室)\p{Han}{0,2}?(?:司长|局长|署长|主任)")


def _printed_government(text: str, sar: Place) -> str:
    """What a SAR body written alone (财政司, 商务及经济发展局) is prefixed with at article level.

    The article's own form: when it prints a SAR official's post with the government before the
    body (由特区政府政务司司长甲…; 代表团成员包括财政司副司长乙), the bodies written alone are that
    government's too (香港特区政府, the region added as :func:`resolve_role` adds it to
    特区政府政务司); else the region's name (特区政府代表团 alone says nothing of the posts' form)."""
    m = _GOVERNMENT_POST.search(text)
    return sar.short + m.group(1) if m else sar.name


@lru_cache(maxsize=1)
def _sar_names() -> regex.Pattern[str]:
    names: set[str] = set()
    for p in places():
        if is_sar(p):
            names |= {p.name, p.short, *p.aliases}
    return regex.compile(alternation(names))


@lru_cache(maxsize=1)
def _sar_governments() -> regex.Pattern[str]:
    """SAR governments written with their region (香港特区政府, 澳门特别行政区政府)."""
    govs = {o.name for o in orgs() if o.kind == "sar" and o.name.endswith("政府") and is_sar(split_place(o.name)[0])}
    return regex.compile(alternation(govs))


def _sentence_sar(text: str, start: int, end: int) -> SarContext | None:
    """The SAR government a sentence names before a person (香港特区政府出席会议的官员包括…)."""
    last = None
    for g in _sar_governments().finditer(text, start, end):
        last = g
    if last is None:
        return None
    place = split_place(last.group())[0]
    assert place is not None
    return SarContext(place, last.group(), False)


def _hosted_at_home(meetings: list[Meeting], home: Place | None) -> bool:
    """Is a reported (held) meeting in the home region's province?"""
    if home is None:
        return False
    for mt in meetings:
        for name in (mt.city, mt.province):
            p = places().lookup(name) if mt.status == "held" and name else None
            if p is not None and p.province == home.province:
                return True
    return False


_GROUP_HEAD_REACH = 30  # 内蒙古自治区方面出席会议的领导还有: a place, 方面 and the list intro


def _group_head(text: str, start: int, end: int) -> OrgContext | None:
    """The place a list of participants is introduced with (rule ``group_head``: ``海南省方面出席的有
    副省长甲、省商务厅厅长乙``): the context its bare posts take, as if the first one printed it."""
    m = _rules()["group_head"].pattern.search(text, start, end)
    if m is None:
        return None
    words = m.group("place")
    for i in range(len(words) - 1):  # the longest place the words end with (会议期间海南省 -> 海南省)
        place = places().lookup(words[i:])
        if place is not None:
            return OrgContext(place, words[i:], "", written=words[i:])
    return None


def _resolve_mentions(text: str, role_ms: list[Mention], sents: _Sentences, home: Place | None, hosted: bool) -> None:
    """Fill every role mention's ``resolved`` roles, in text order (see :func:`_home_side`).

    The SAR context (a scan of the sentence, and of the text for the fallback) is read only for a
    mention with a post that can take it (:func:`role_context.takes_sar`): ``resolve_role`` ignores
    it for every other post."""
    fallback: list[SarContext | None] = []  # computed once, on first need
    home_in_full = home is not None and home.name in text  # 伊犁哈萨克自治州 printed: filled-in places are too
    prev_ctx: OrgContext | None = None
    prev_roles: list[RoleHit] = []
    prev_sent = -1
    prev_generic = False
    prev_end = 0
    home_seen = hosted
    sent_of = [sents.index(x.start) for x in role_ms]
    # role_ms is in text order: the mentions of one sentence are consecutive; group_end[i] is where the
    # sentence of mention i ends among them (its later mentions are role_ms[i + 1 : group_end[i]])
    group_end = [0] * len(role_ms)
    nxt = len(role_ms)
    for i in range(len(role_ms) - 1, -1, -1):
        if i + 1 < len(role_ms) and sent_of[i + 1] != sent_of[i]:
            nxt = i + 1
        group_end[i] = nxt
    for i, m in enumerate(role_ms):
        si = sent_of[i]
        if si != prev_sent:
            home_seen = hosted
        if m.head is not None and m.head.resolved:
            m.resolved = list(m.head.resolved) if m.shares == "all" else m.head.resolved[-1:]
            prev_end = m.end
            continue  # a list member shares its head's post, and its context
        ctx = prev_ctx if si == prev_sent else None
        if ctx is not None:
            later = [x for x in role_ms[i + 1 : group_end[i]] if x.head is None]
            gap = text[prev_end : m.start]
            if _home_side(m, ctx, prev_generic, gap, home, home_seen, later) or _same_sole_post(m.roles, prev_roles):
                ctx = None
            elif m.roles and _secretary_after_others(m.roles[0], prev_roles, gap):
                ctx = None
        if "方面" in text[max(prev_end, m.start - _GROUP_HEAD_REACH) : m.start]:
            ctx = _group_head(text, max(prev_end, sents.start(m.start), m.start - _GROUP_HEAD_REACH), m.start) or ctx
        sar = None
        if any(takes_sar(h) for h in m.roles):
            sar = _sentence_sar(text, sents.start(m.start), m.start)
            if sar is None:
                if not fallback:
                    fallback.append(_sar_fallback(text, home))
                sar = fallback[0]
        for h in m.roles:
            role, ctx = resolve_role(h, ctx, home, sar, home_in_full)
            m.resolved.append(role)
        if home is not None and any(r.org and split_place(r.org)[0] == home for r in m.resolved):
            home_seen = True  # a leader of the home region (printed or filled in) is named in this sentence
        prev_ctx, prev_sent, prev_generic, prev_end, prev_roles = ctx, si, _is_generic(m.roles), m.end, m.roles


def _quoted_expert(text: str, person: _Person, anchors: list[Mention]) -> bool:
    """An academic quoted for comment (某某大学教授甲说,…), not a participant.

    Every anchor is a post chain of academic posts only (院士, 教授: posts.tsv category), the
    person has no attendance action anywhere, and a speech verb follows the name right away
    (rule ``reported_speech``). An official quoted the same way is a participant of the meeting
    the article reports; an interviewed scholar is not."""
    if any(m.actions for m in person.mentions):
        return False
    for m in anchors:
        infos = [posts().info(h.title) for h in m.roles]
        if not infos or any(i is None or i.category != "academic" for i in infos):
            return False
    speech = _rules()["reported_speech"].pattern
    return any(speech.match(text, m.name.end) for m in anchors)


def _headline_ranges(doc: Document) -> list[tuple[int, int]]:
    return [(ln.start, ln.end) for ln in doc.zoning.lines if ln.zone == HEADLINE]


def find_attendees(doc: Document, meetings: list[Meeting]) -> list[Attendee]:
    """People who took part, with roles and actions; ids p1, p2 ..."""
    text = doc.text
    if not text.strip():
        return []
    rules = _rules()
    sents = _Sentences(text)
    byline = set(doc.source.byline)
    home = home_region(doc.source.outlet) or _own_region(text, meetings)
    heads = _headline_ranges(doc)

    head_starts = [s for s, _ in heads]

    def in_headline(pos: int) -> bool:
        i = bisect.bisect_right(head_starts, pos) - 1
        return i >= 0 and pos < heads[i][1]

    # 1. anchored mentions (headlines are read later, with the names of the body)
    mentions = [m for m in _role_mentions(text, set()) if not in_headline(m.start)]
    taken = {m.name.start for m in mentions}
    mentions += [m for m in _list_mentions(text, set(), taken) if not in_headline(m.start)]
    mentions += [m for m in _intro_mentions(text, set(), taken, mentions) if not in_headline(m.start)]
    mentions.sort(key=lambda m: m.start)
    sents.keep_names_whole(m.name for m in mentions)
    for m in mentions:
        m.excluded = _excluded(text, m, sents, byline)
    for m in mentions:
        if m.head is not None and m.head.excluded and m.head.name.text not in byline:
            m.excluded = True  # 时任某某副主席甲、乙: the list shares the head's history or citation

    # 2. roles with context: along the chain, then from the previous person of the sentence, then the outlet
    role_ms = [m for m in mentions if m.kind == "role" and not m.excluded]
    _resolve_mentions(text, role_ms, sents, home, _hosted_at_home(meetings, home))

    # 3. people, damaged names repaired from other mentions
    people: dict[str, _Person] = {}
    for m in mentions:
        if m.excluded:
            continue
        people.setdefault(m.name.text, _Person(m.name.text)).mentions.append(m)
    sound = [n for n in people if DAMAGE not in n]
    for name in [n for n in people if DAMAGE in n]:
        fixed, spans = repair(name, text, sound)
        if not fixed:
            if any(lost_mark_in(text, m.name.start, m.name.end) for m in people[name].mentions):
                del people[name]  # 王?某 read in a name slot and written nowhere in full: maybe a real question mark
            continue
        person = people.pop(name)
        person.name = fixed
        if fixed in people:
            people[fixed].mentions += person.mentions
            person = people[fixed]
        else:
            people[fixed] = person
        person.extra_evidence += spans[:2]

    # 4. known names elsewhere in the body and in headline runs
    known = {n for n in people if DAMAGE not in n}
    if known:
        known_words = _Words(known, text)
        seen = {(m.name.start, m.name.end) for p in people.values() for m in p.mentions}
        cite = rules["citation_after_name"].pattern
        head_verbs = rules["headline_verbs"].pattern
        for ks, ke in known_words.finditer():
            if (ks, ke) in seen or in_headline(ks):
                continue
            if not _left_edge_ok(text, ks) or not name_ends_at(text, ke):
                continue
            if cite.match(text, ke):
                continue
            hit = NameHit(ks, ke, text[ks:ke], True)
            m = Mention(hit, ks, "known")
            people[hit.text].mentions.append(m)
            mentions.append(m)
        # 马省长, 李书记: surname + post, when one attendee alone fits it
        short = _short_forms(people)
        if short:
            for ss, se in _Words(short, text).finditer():
                if in_headline(ss) or not _left_edge_ok(text, ss):
                    continue
                if se < len(text) and text[se] in _TITLE_GOES_ON:
                    continue
                hit = NameHit(ss, se, text[ss:se], True)
                m = Mention(hit, ss, "known")
                people[short[hit.text]].mentions.append(m)
                mentions.append(m)
        for hs, he in heads:
            for run in known_words.runs(hs, he):
                rs, re_ = run[0][0], run[-1][1]
                if not (re_ >= he or text[re_].isspace() or head_verbs.match(text, re_)):
                    continue
                if rs > hs and _HAN_OR_DAMAGE.match(text[rs - 1]):
                    continue
                acts = _actions(text, re_, min(he, re_ + 8))
                for ns, ne in run:
                    hit = NameHit(ns, ne, text[ns:ne], True)
                    m = Mention(hit, ns, "headline", actions=acts)
                    people[hit.text].mentions.append(m)

    # 5. actions from predicates, and 在…见证下
    _assign_actions(text, mentions, sents)
    by_name_start = sorted((m for p in people.values() for m in p.mentions), key=lambda m: m.name.start)
    name_starts = [m.name.start for m in by_name_start]
    witness = rules["witness"]
    # every match ends with the literal 见证下 (checked on the rule's source): without it, nothing to scan
    scan = not witness.source.endswith(_WITNESS_END) or _WITNESS_END in text
    for w in witness.finditer(text) if scan else ():
        lo = bisect.bisect_left(name_starts, w.start("who"))
        hi = bisect.bisect_left(name_starts, w.end("who"))
        for m in by_name_start[lo:hi]:  # (several mentions may share one actions list: 见证 goes in once)
            if "见证" not in m.actions:
                m.actions.append("见证")

    # 6. records, in order of first mention
    out: list[Attendee] = []
    ordered = sorted(people.values(), key=lambda p: min((m.start for m in p.mentions if m.kind in ("role", "list", "intro")), default=len(text)))
    for person in ordered:
        anchors = [m for m in person.mentions if m.kind in ("role", "list", "intro")]
        if not anchors or _quoted_expert(text, person, anchors):
            continue
        roles: list[Role] = []
        seen_roles: set[tuple[str | None, str]] = set()
        for m in anchors:
            for r in m.resolved:
                key = (r.org, r.title)
                if key not in seen_roles:
                    seen_roles.add(key)
                    roles.append(r)
        actions: list[str] = []
        for m in sorted(person.mentions, key=lambda m: m.start):
            for a in m.actions:
                if a not in actions:
                    actions.append(a)
        first = anchors[0]
        ranges: list[tuple[int, int]] = [(first.name.start, first.name.end)]
        if first.roles:
            ranges.append((first.start, first.end))
        ranges += person.extra_evidence
        for m in sorted(person.mentions, key=lambda m: m.start):
            ranges.append((m.name.start, m.name.end))
        evidence: list[Span] = []
        seen_r: set[tuple[int, int]] = set()
        for r in ranges:
            if r in seen_r or r[1] <= r[0]:
                continue
            seen_r.add(r)
            evidence.append(doc.span(*r))
            if len(evidence) >= MAX_EVIDENCE:
                break
        out.append(  # every value is built above from checked parts (Role records, trusted spans, str)
            trusted_model(
                Attendee,
                id=f"p{len(out) + 1}",
                name=person.name,
                roles=roles,
                evidence=evidence,
                actions=actions,
                rule=first.kind,
            )
        )
    return out
