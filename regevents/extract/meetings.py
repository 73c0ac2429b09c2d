"""Meetings: the one the article reports, the series' next one, and others held or referred to.

How it reads the genre:

1. **Names** (:mod:`.meeting_names`): every kind word (座谈会, 联席会议,
   ``…第五次会议``) with the noun phrase before it.
2. **Frames** (``data/meetings.rules.json``): the words around a name say
   what happened to it. ``<name>[date][在<place>]召开/举行`` or
   ``[在<place>]主持召开/出席 <name>`` report it as held;
   ``会议决定,<name>…``, ``<name>由<host>承办``, ``<name>将于…召开``,
   ``明年的<name>`` or a later year announce the series' next meeting;
   ``自<name>以来``, ``<name>后``, ``<name>上的重要讲话`` or an earlier year
   refer to a past one, and so does a held frame set in an earlier time
   (``今年5月,…主持召开<name>`` in an August article, ``此前,<name>于…召开``).
   ``会议在X设主会场`` gives the venue; a 分会场 never does.
3. **One record per meeting**: mentions with the same series name (the name
   without year and edition; a shorter one may be a suffix of a longer one:
   headline ``省会城市第十届会商会``) and no conflicting edition, year or
   status are one meeting, unless a longer name has a frame of its own at
   another time or place (``深入推进X座谈会`` cited inside a report on
   ``X座谈会``); bare references (会议, 会上, 此次会商会) are evidence of the
   reported meeting.
4. The reported meeting is the first one reported as held; it is ``m1``.
   In a preview, where nothing is held, it is the meeting the headline or
   lead announces (``X将于…召开``), still ``announced``. An event placed in
   its time (``论坛前举行了…签约仪式``) shares its date and place.
   An announced meeting of the same kind is its ``next_meeting``. A past
   meeting is kept only when a frame says it was held (主持召开…座谈会后);
   a past meeting merely alluded to is not a record. A meeting dated only by
   ``当天下午``/``同日``/``次日`` takes the day of the meeting reported before it.
5. A short name the article gives (``X(以下简称“泛珠大会”)``) is X wherever it
   appears (``本届泛珠大会``): evidence of X, never a meeting of its own.
   Participants written short in one name and in full in another (``浙川…`` /
   ``浙江四川…``) make one series. A clause saying who chaired (``…副省长X主持``)
   in a meeting's own paragraph is kept as that meeting's evidence; ``resolve``
   takes its chair from it, so two meetings on one day each get their own.

Dates come from :func:`regevents.dates.find_dates` anchored on the
article's own date (never guessed); city and province from the venue phrase
through the division gazetteer (:mod:`.meeting_places`).
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cache, cached_property

import regex

from ..dates import Anchor, DateMention, find_dates
from ..document import Document
from ..gazetteer import meeting_kinds
from ..models import Meeting, Span, trusted_model
from ..rules import load_rules
from ..zones import HEADLINE
from .goals import _holds_any
from .meeting_names import NameHit, Spans, find_names, is_weak
from .meeting_places import Venue, home_venue, parse_venue, region_head, regions_for_meeting
from .sentences import SENTENCE_STOPS, sentence_start

HELD, ANNOUNCED, MENTIONED = "held", "announced", "mentioned"

_SENT_STOP = SENTENCE_STOPS
_LIST_SEP = regex.compile(r"(?:、|和|及|以及|与)$")
_GAP_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)年")
_REL_YEAR = regex.compile(r"明年|来年|后年")  # the year of an announced meeting, from the article's year
_NEXT_PREFIX = regex.compile(r"下一?[届次]")
_PAST_REF = regex.compile(r"上一?[次届]|去年|前年|历[次届]|往届")  # 上次会议 is another meeting of the series
_RIGHT_WINDOW = 48
_ALIAS_WINDOW = 32  # (以下简称“…”) right after a name
_LEFT_WINDOW = 120


@dataclass
class _Mention:
    hit: NameHit
    status: str | None  # held / announced / mentioned, None when nothing frames it
    framed: bool  # a held verb (召开, 举行, 出席 ...) governs it, whatever its time
    rule: str | None
    sent_start: int
    frame_end: int  # clean offset where the framing clause ends (date search stops there)
    place: str | None = None
    host: str | None = None
    year: int | None = None  # the name's year or one written in the frame (2014年在合肥市举行)
    headline: bool = False
    date: DateMention | None = None  # the date of its own frame (framed mentions only)
    during: bool = False  # 论坛前/会议期间 …: held within the time and place of another meeting
    alias_of: "_Mention | None" = None  # a short name the article gave that meeting ((以下简称“泛珠大会”))
    day_shift: int | None = None  # 当天 (0) / 次日 (1): dated by the meeting reported just before it
    follows: str | None = None  # 会见后 / 会后: the event word it follows (its date is that event's)

    @cached_property
    def kind(self) -> str | None:
        """The canonical kind of its name (read once: grouping asks for it per candidate group)."""
        return _canon_kind(self.hit.kind)

    @cached_property
    def frame_key(self) -> tuple[str, str | None, str | None, str | None]:
        """(series, date, city, province) its own frame states (read once ``date`` is set):
        differently named frames that disagree are two meetings."""
        venue = parse_venue(self.place) if self.place else Venue(None, None, None)
        return (self.hit.series_key, self.date.value if self.date else None, venue.city, venue.province)


@dataclass
class _Group:
    mentions: list[_Mention] = field(default_factory=list)
    refs: list[tuple[int, int]] = field(default_factory=list)
    status: str | None = None
    framed: bool = False
    theme: str | None = None
    ref_frames: list[_Mention] = field(default_factory=list)  # 会议在X召开: a bare reference in a held frame
    frames: set[tuple[str, str | None, str | None, str | None]] = field(default_factory=set)  # frame_key of framed mentions
    # Kept up to date by add() (mentions are only ever added through it), so that grouping, which
    # asks each candidate group for these, does not recompute them over all its mentions:
    keys: dict[str, None] = field(default_factory=dict)  # distinct series keys of the mentions, in order
    _best: _Mention | None = None  # cache of best(), kept up to date by add()
    _first: int | None = None  # min start of the mentions
    _edition: int | None = None  # the first mention's edition that is not None
    _year: int | None = None  # the first mention's year that is not None

    @property
    def first(self) -> int:
        if self._first is None:
            raise ValueError("min() arg is an empty sequence")  # as min() over no mentions
        return self._first

    def edition(self) -> int | None:
        return self._edition

    def year(self) -> int | None:
        return self._year

    def kind(self) -> str | None:
        return self.best().kind

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        # best() kept as it goes: the first mention with the greatest key, as max() over the list gives
        if self._best is not None and _best_key(m) > _best_key(self._best):
            self._best = m
        start = m.hit.start
        if self._first is None or start < self._first:
            self._first = start
        if self._edition is None:
            self._edition = m.hit.edition
        if self._year is None:
            self._year = m.year
        self.keys.setdefault(m.hit.series_key)

    def best(self) -> _Mention:
        """The mention whose name says most: an edition first, then framed, then the longest."""
        if self._best is None:
            self._best = self._find_best()
        return self._best

    def name_by(self, mention: _Mention) -> None:
        """Name the group by ``mention`` rather than by the mention :func:`_best_key` prefers."""
        self._best = mention

    def _find_best(self) -> _Mention:
        return max(self.mentions, key=_best_key)


def _best_key(m: _Mention) -> tuple[bool, bool, bool, bool, int, int]:
    return (m.alias_of is None, m.hit.edition is not None, not m.hit.weak, m.framed, len(m.hit.name), -m.hit.start)


def _canon_kind(kind: str | None) -> str | None:
    if kind is None:
        return None
    return meeting_kinds().canonical(kind) or kind


def _sentence_start(text: str, pos: int) -> int:
    return sentence_start(text, pos, _LEFT_WINDOW)


def _right(text: str, end: int) -> str:
    stop = text.find("\n", end, end + _RIGHT_WINDOW)
    return text[end : stop if stop >= 0 else min(len(text), end + _RIGHT_WINDOW)]


def _earlier(value: str | None, anchor: Anchor) -> bool:
    """Is a month or year (``2023-05``, ``2019``, ``XXXX-05``) before the article's own month or year?"""
    if not value:
        return False
    parts = value.split("/")[0].split("-")
    y = int(parts[0]) if parts[0].isdigit() else None
    mo = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
    if y is not None and anchor.year is not None and y != anchor.year:
        return y < anchor.year
    if y is None and anchor.year is not None:
        return False  # a month of an unknown year against a known one: nothing to compare
    return mo is not None and anchor.month is not None and mo < anchor.month


def _past_time(text: str, left_start: int, hit: NameHit, gap_end: int, dates: list[DateMention], anchor: Anchor) -> bool:
    """Does the time of its clause put a held frame in the past?

    ``今年5月,…主持召开X座谈会`` in an August article, ``2019年11月,首届…在淮安召开`` or
    ``此前,X于5月31日在无锡召开`` cite an earlier meeting; ``8月4日,X在石家庄召开`` reports
    one. A past word (此前, 早在, 去年) before the name decides; else the frame's own date
    after the name (X 2019年在淮安召开, X今天在…召开); else the date nearest before the name.
    A day date keeps the frame held: only a month or a year before the article's is past.
    """
    if load_rules("meetings")["past_time"].pattern.search(text, left_start, hit.start):
        return True
    before: DateMention | None = None
    own: DateMention | None = None
    for d in dates[bisect.bisect_left(dates, left_start, key=lambda d: d.start) :]:
        if d.start >= gap_end:
            break
        if d.end <= hit.start:
            before = d
        elif d.start >= hit.end and own is None:
            own = d
    d = own or before
    return d is not None and d.kind in ("month", "year") and _earlier(d.value, anchor)


def _analyse(
    text: str,
    hit: NameHit,
    prev: _Mention | None,
    anchor: Anchor,
    headline: bool,
    dates: list[DateMention],
    need: str | None = None,
) -> _Mention | None:
    """Read the frame around one name; None when the name is not a meeting (联席会议机制).

    ``need`` says which mentions the caller keeps: ``ANNOUNCED`` (a bare reference is a
    meeting of its own only when announced) or ``HELD`` (a reference's frame: held and framed).
    A mention that cannot be one is given up as None as soon as that is known, before the
    rules that could not change it are run (most bare references are neither)."""
    ref_year = anchor.year
    rules = load_rules("meetings")
    right = _right(text, hit.end)
    sent_start = _sentence_start(text, hit.start)
    left = text[sent_start : hit.start]
    # each frame rule is tried only when its side holds one of its words (_may_match)
    may_held_after = _may_match("held_after", right)
    may_held_before = _may_match("held_before", left)
    may_main_venue = _may_match("main_venue", right)
    if need == HELD and prev is None and not (may_held_after or may_held_before or may_main_venue):
        return None  # held needs a frame (below): none of the three frame rules can match
    if rules["not_a_meeting"].pattern.match(right):
        return None
    # 这是…首次召开的X: a held X there describes the meeting just reported (a past one stays mentioned)
    characterising = bool(rules["characterising"].pattern.match(left))
    if left.endswith(_ITEM_VERBS) and _planned_item(text, hit.start):
        return None  # 将重点办好五件实事:…;举办X大会: a task of the plan (a goal), not a meeting
    held_after = rules["held_after"].pattern.match(right) if may_held_after else None

    year = hit.year
    if held_after and year is None:
        y = _GAP_YEAR.search(held_after.group("gap"))
        year = int(y.group(1)) if y else None
    if year is None and ref_year:
        gap = held_after.group("gap") if held_after else ""
        rel = _REL_YEAR.search(left[-6:] + "|" + gap)
        if rel:
            year = ref_year + (1 if rel.group() in ("明年", "来年") else 2)
    ann_before = rules["announced_before"].pattern.search(left)
    ann_after = rules["announced_after"].pattern.match(right) if _may_match("announced_after", right) else None
    later_year = bool(year and ref_year and year > ref_year)
    listed_after_announced = prev is not None and prev.status == ANNOUNCED  # may share its status
    if need == ANNOUNCED and not (ann_before or ann_after or later_year or listed_after_announced):
        return None  # the status below is announced only through one of these
    if need == HELD and (ann_before or ann_after or later_year):
        return None  # announced, whatever its frame

    held_before = rules["held_before"].pattern.search(left) if may_held_before else None
    # 会议在X设主会场; after a held verb with no place of its own (以视频会议形式召开,主会场设在X) too
    main_venue = None
    if may_main_venue:
        main_venue = rules["main_venue"].pattern.match(right[held_after.end() :] if held_after else right)
    if held_after and held_after.group("place"):
        main_venue = None
    framed = bool(held_after or held_before or main_venue)
    if need == HELD and not framed and prev is None:
        return None  # held needs a frame (or the status of the name listed before it)
    past_before = rules["past_before"].pattern.search(left)
    past_after = rules["past_after"].pattern.match(right)
    during = bool(rules["during_meeting"].pattern.match(left))
    if framed and _may_match("habitual", right) and rules["habitual"].pattern.match(right):
        framed, held_after, main_venue = False, None, None  # 每年举行一次: the series' routine, not an event
    # an earlier year makes a past meeting; one year back may still be this meeting held late
    # (2023年…会商会 in January 2024) or an anchor taken from a crawl date, so a frame wins there
    earlier = bool(year and ref_year and (year < ref_year - 1 or (year < ref_year and not framed)))
    gap_end = hit.end + (held_after.end() if held_after else 0)
    past_time = framed and not earlier and _past_time(text, sent_start, hit, gap_end, dates, anchor)
    rule = None
    if ann_before or ann_after or later_year:
        status = ANNOUNCED
        rule = "announced_before" if ann_before else "announced_after" if ann_after else "later_year"
    elif past_before or past_after or earlier or past_time:
        status = MENTIONED
        rule = "past_before" if past_before else "past_after" if past_after else "earlier_year" if earlier else "past_time"
    elif framed and characterising:
        return None
    elif framed:
        status = HELD
        rule = "held_after" if held_after else "held_before" if held_before else "main_venue"
    elif prev is not None and prev.status and _LIST_SEP.search(left) and text[prev.hit.end : hit.start].strip() in ("、", "和", "及", "以及", "与"):
        # 召开了A、B、C: the later names share the frame of the first
        status, framed = prev.status, prev.framed
        rule = prev.rule if (prev.rule or "").startswith("listed_with_") else "listed_with_" + (prev.rule or "")
    else:
        status = None
    place = None
    frame_end = hit.end
    if held_after:
        place = held_after.group("place")
        frame_end = hit.end + held_after.end()
        if main_venue:
            place = main_venue.group("place")
    elif main_venue:
        place = main_venue.group("place")
        frame_end = hit.end + main_venue.end()
    elif held_before:
        place = held_before.group("place")
    if place and rules["sub_venue"].pattern.search(place):
        place = None  # 在濮阳分会场参加: a branch venue, not the meeting's
    host = ann_after.group("host") if ann_after else None
    shift = follows = None
    if framed:
        day = rules["same_day"].pattern.match(left) or (held_after and rules["same_day"].pattern.match(held_after.group("gap")))
        if day:
            shift = 0 if day.group("same") else 1
            follows = day.group("event")
    return _Mention(
        hit, status, framed, rule, sent_start, frame_end, place, host, year, headline,
        during=during, day_shift=shift, follows=follows,
    )


@cache
def _gate(name: str) -> re.Pattern[str]:
    """The plain search for the ``holds_any`` words of rule ``name`` (meetings.rules.json)."""
    gate = _holds_any(load_rules("meetings")[name])
    if gate is None:
        raise ValueError(f"meetings.rules.json: rule {name!r} has no holds_any words")
    return gate


def _may_match(name: str, side: str) -> bool:
    """Can rule ``name`` match ``side`` (the right or left context of a name)?

    Why it is exact: every match of the rule contains one of its ``holds_any`` words
    (tests/test_perf_meetings.py proves it on the rule's examples and on random strings), and the
    rule only reads ``side`` (or a suffix of it: ``main_venue`` after ``held_after``), so a side
    holding none of them gives no match. A stdlib search of a few literals costs a fraction of
    the rule's own try: most names are framed by one rule at most."""
    return _gate(name).search(side) is not None


_ITEM_VERBS = ("举办", "办好", "筹办")  # the item verbs of the rule planned_item
_ITEM_REACH = 300  # a task list is one sentence; the rule looks no further back than this


def _planned_item(text: str, pos: int) -> bool:
    """Is the name at ``pos`` an item of a plan's task list (rule ``planned_item``)? Its items are
    cut by ``;`` (a sentence stop for everything else), so the rule reads the whole sentence up to
    the name: back to the last ``。`` or line break."""
    lo = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos), pos - _ITEM_REACH) + 1
    left = text[lo:pos]
    return ":" in left and load_rules("meetings")["planned_item"].pattern.search(left) is not None


def _compatible(m: _Mention, g: _Group) -> bool:
    """May mention ``m`` be the meeting ``g``? Same kind and series; no conflicting edition, year or status."""
    k1, k2 = m.kind, g.kind()
    if k1 and k2 and k1 != k2:
        return False
    ed = g.edition()
    if m.hit.edition is not None and ed is not None and m.hit.edition != ed:
        return False
    yr = g.year()
    if m.year is not None and yr is not None and m.year != yr:
        return False
    if m.status and g.status and m.status != g.status:
        return False
    if m.status == MENTIONED and m.hit.edition is None and m.year is None:
        return False  # "上次座谈会": another meeting of the series, not this one
    if m.framed and any(_frames_conflict(m.frame_key, k) for k in g.frames):
        return False  # a longer name separately framed, at another time or place: another meeting
    a = m.hit.series_key
    return any(_related(a, b) for b in g.keys)


def _related(a: str, b: str) -> bool:
    """May series keys ``a`` and ``b`` name one series? Equal, one a suffix (4+ characters) of the
    other, or the same participants written short and in full."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or (len(short) >= 4 and long_.endswith(short)) or _same_participants(a, b)


_MIN_SUFFIX = 4  # the shortest series key that may be a suffix of another (_related)


class _SeriesIndex:
    """Which groups hold a series key related to a given one (:func:`_related`), without testing
    every group: grouping asked every earlier group, quadratic in the number of meetings.

    A group is listed under each of its keys (``exact``), under every suffix of 4+ characters of
    each key (``suffixes``) and under the (regions, rest) of each key that opens with two or more
    regions (``participants``). :meth:`candidates` gives, in creation order, every group that can
    be related; :func:`_compatible` still decides.
    """

    def __init__(self) -> None:
        self.exact: dict[str, set[int]] = {}
        self.suffixes: dict[str, set[int]] = {}
        self.participants: dict[tuple[frozenset[str], str], set[int]] = {}
        self._seen: set[tuple[str, int]] = set()

    def add(self, key: str, group: int) -> None:
        if (key, group) in self._seen:
            return
        self._seen.add((key, group))
        self.exact.setdefault(key, set()).add(group)
        for i in range(len(key) - _MIN_SUFFIX + 1):
            self.suffixes.setdefault(key[i:], set()).add(group)
        head = _participants(key)
        if head is not None:
            self.participants.setdefault(head, set()).add(group)

    def candidates(self, key: str) -> list[int]:
        found = set(self.exact.get(key, ()))
        if len(key) >= _MIN_SUFFIX:
            found.update(self.suffixes.get(key, ()))  # key is a suffix of theirs
            for i in range(1, len(key) - _MIN_SUFFIX + 1):
                found.update(self.exact.get(key[i:], ()))  # theirs is a suffix of key
        head = _participants(key)
        if head is not None:
            found.update(self.participants.get(head, ()))
        return sorted(found)


def _participants(key: str) -> tuple[frozenset[str], str] | None:
    """(regions, rest) of a key that :func:`_same_participants` can match, else None."""
    ra, rest = region_head(key)
    if len(ra) < 2 or len(rest) < 4:
        return None
    return ra, rest


def _same_participants(a: str, b: str) -> bool:
    """One series written with its participants abbreviated and in full (浙川东西部协作联席会 and
    浙江四川东西部协作联席会): the same two or more regions, then the same words."""
    ra, rest_a = region_head(a)
    if len(ra) < 2 or len(rest_a) < 4:
        return False
    rb, rest_b = region_head(b)
    return ra == rb and rest_a == rest_b


def _edtf_parts(value: str) -> list[tuple[int | None, ...]]:
    """The ends of an EDTF date or range as (year, month, day) with None for unknown parts."""
    out = []
    for end in value.split("/"):
        bits = end.split("-")
        out.append(tuple(int(b) if b.isdigit() else None for b in (bits + [""] * 3)[:3]))
    return out


_DAYS_APART = 3  # 22日开幕 … 24日闭幕: one event's frames may name different days


def _dates_conflict(a: str, b: str) -> bool:
    """True when no end of ``a`` can be an end of ``b``: another month or year, or days more than
    a few apart (2023-05 vs 2023-08-04; not XXXX-08-04 vs 2023-08-04, nor 11-22 vs 11-23)."""
    def agree(p: tuple[int | None, ...], q: tuple[int | None, ...]) -> bool:
        if any(x is not None and y is not None and x != y for x, y in zip(p[:2], q[:2])):
            return False
        return p[2] is None or q[2] is None or abs(p[2] - q[2]) <= _DAYS_APART

    return not any(agree(p, q) for p in _edtf_parts(a) for q in _edtf_parts(b))


def _frames_conflict(a: tuple[str | None, ...], b: tuple[str | None, ...]) -> bool:
    """Two frames (series, date, city, province) of differently named mentions that cannot be one
    event: different dates or places. Same-named frames are left to edition, year and status."""
    if a[0] == b[0]:
        return False
    if a[1] and b[1] and _dates_conflict(a[1], b[1]):
        return True
    return any(x and y and x != y for x, y in zip(a[2:], b[2:]))


_INDEX_FROM = 8  # groups made before grouping keeps a _SeriesIndex


def _group(mentions: list[_Mention]) -> list[_Group]:
    """Mentions into meetings: each joins the first group (in creation order) it is compatible with.

    Only groups holding a related series key can be compatible (:func:`_compatible` asks
    :func:`_related` last); while there are few groups each is asked directly, which costs less
    than keeping the index; from ``_INDEX_FROM`` groups on (a page of many meetings), the
    :class:`_SeriesIndex` lists the related ones, so the cost stays linear."""
    groups: list[_Group] = []
    index: _SeriesIndex | None = None
    # framed mentions first, so that a bare headline name joins the meeting the body reports
    order = sorted(mentions, key=lambda m: (m.status is None, m.hit.start))
    for m in order:
        alone = m.status == MENTIONED and m.hit.edition is None and m.year is None  # never joins (_compatible)
        key = m.hit.series_key
        gi = None
        if not alone:
            if index is None and len(groups) >= _INDEX_FROM:
                index = _SeriesIndex()
                for i, g in enumerate(groups):
                    for k in g.keys:
                        index.add(k, i)
            pool = index.candidates(key) if index is not None else range(len(groups))
            gi = next((i for i in pool if _compatible(m, groups[i])), None)
        if gi is None:
            groups.append(_Group(status=m.status))
            gi = len(groups) - 1
        target = groups[gi]
        target.add(m)
        if index is not None:
            index.add(key, gi)
        target.framed = target.framed or m.framed
        if m.framed:
            target.frames.add(m.frame_key)
        if target.status is None:
            target.status = m.status
    return groups


def _date_for(dates: list[DateMention], m: _Mention, hi: int) -> DateMention | None:
    """The date mention nearest the name in its sentence, up to the end of its frame (not inside the name)."""
    best: tuple[int, DateMention] | None = None
    # dates come left to right and never overlap: start at the first one ending inside the sentence
    for d in dates[bisect.bisect_right(dates, m.sent_start, key=lambda d: d.end) :]:
        if d.start >= hi:
            break
        if m.hit.start <= d.start and d.end <= m.hit.end:
            continue
        dist = m.hit.start - d.end if d.end <= m.hit.start else d.start - m.hit.end
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _refs(text: str, hits: list[NameHit], specific: list[tuple[int, int]]) -> list[tuple[int, int, str | None]]:
    """Bare references (会议, 会上, 此次会商会): (start, end, kind)."""
    rules = load_rules("meetings")
    no_ref, past = rules["no_ref_context"].pattern, rules["past_before"].pattern
    mechanism = rules["not_a_meeting"].pattern
    out: list[tuple[int, int, str | None]] = []
    named = Spans(specific)
    reach = -1  # end of the last reference kept (candidates come sorted by start)

    def inside(s: int, e: int) -> bool:
        return named.overlaps(s, e) or s < reach

    cands = [(h.start, h.end, _canon_kind(h.kind)) for h in hits if h.generic and not named.overlaps(h.start, h.end)]
    cands += [(m.start(), m.end(), _canon_kind(meeting_kinds().kind_of(m.group()))) for m in rules["generic_ref"].finditer(text)]
    for s, e, kind in sorted(cands):
        if inside(s, e):
            continue
        if no_ref.search(text, max(0, s - 4), min(len(text), e + 4)):
            continue
        if past.search(text[max(0, s - 4) : s]) or _PAST_REF.match(text, s, e) or mechanism.match(text[e : e + 8]):
            continue
        reach = e
        out.append((s, e, kind))
    return out


def _themes(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in load_rules("meetings")["theme"].finditer(text):
        theme = m.group("theme").strip()
        if theme:
            out.append((m.start(), m.end(), theme))
    return out


_SENT_STOP_RE = re.compile("[" + re.escape(_SENT_STOP) + "]")


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    start = _sentence_start(text, pos)
    # the first stop character at or after pos (a find per character ran to the end of the text
    # for every character that does not occur again)
    end = _SENT_STOP_RE.search(text, pos)
    return start, (end.start() if end is not None else len(text))


def find_meetings(doc: Document) -> list[Meeting]:
    """Meetings the article reports, ids m1, m2 ... ; the reported (held) one first."""
    text = doc.text
    anchor = doc.source.anchor
    headline_lines = Spans((ln.start, ln.end) for ln in doc.zoning.lines if ln.zone == HEADLINE)
    in_headline = headline_lines.covers

    hits = find_names(text)
    dates = find_dates(text, anchor) if hits else []
    mentions: list[_Mention] = []
    prev: _Mention | None = None
    for h in hits:
        m = _analyse(text, h, prev, anchor, in_headline(h.start), dates, need=ANNOUNCED if h.generic else None)
        if m is None:
            continue
        if h.generic and m.status != ANNOUNCED:
            continue  # a bare reference (此次会议); 下一届会议 announced is a meeting of its own
        if m.framed:
            m.date = _date_for(dates, m, m.frame_end)
        mentions.append(m)
        prev = m
    _mark_aliases(text, mentions)
    groups = _group([m for m in mentions if m.alias_of is None])
    group_of = {id(m): g for g in reversed(groups) for m in g.mentions}  # the first group holding it
    for m in mentions:
        if m.alias_of is not None:
            # another name of the same meeting: its evidence, never a meeting of its own
            group_of[id(m.alias_of)].add(m)
    groups = _merge_headline_short(groups)
    groups = _fold_bare_announced(groups)

    # the reported meeting: the first reported as held; failing that, a bare name in the headline or lead
    held = [g for g in groups if g.status == HELD]
    lead_end = next((ln.end for ln in doc.zoning.lines if ln.zone == "body"), 0)
    if not held:
        bare = [g for g in groups if g.status is None and g.first < lead_end]
        if bare:
            bare[0].status = HELD
            for m in bare[0].mentions:
                m.rule = m.rule or "headline_or_lead"
            held = [bare[0]]
    primary = min(held, key=lambda g: g.first) if held else None
    if primary is None:
        # a preview (X将于…召开): nothing held, the meeting the headline or lead announces is the subject
        announced = [g for g in groups if g.status == ANNOUNCED and g.first < lead_end]
        primary = min(announced, key=lambda g: g.first) if announced else None

    keep = [g for g in groups if g.status in (HELD, ANNOUNCED) or (g.status == MENTIONED and g.framed)]
    keep = [g for g in keep if g is primary or g.status != HELD or not g.best().hit.weak]
    if primary is not None:
        # an earlier meeting of the same series (2019年在芜湖召开…座谈会后) is history, not a record
        keys = {m.hit.series_key for m in primary.mentions}
        keep = [g for g in keep if g.status != MENTIONED or not keys & {m.hit.series_key for m in g.mentions}]
    keep.sort(key=lambda g: (g is not primary, g.first))
    _name_parts_apart(keep)

    specific = [(m.hit.start, m.hit.end) for m in mentions]
    for s, e, kind in _refs(text, hits, specific):
        target = primary
        if kind is not None and primary is not None and primary.kind() != kind:
            same = [g for g in keep if g.kind() == kind and g.status == HELD and g.first < s]
            target = same[-1] if same else primary
        if target is not None:
            target.refs.append((s, e))

    if primary is not None and primary.status == HELD:
        # "会议12日在武汉召开" under a headline that names it: the frame gives date and place
        # (a held frame says nothing of a meeting only announced: 召开新闻发布会,介绍…论坛)
        for s, e in primary.refs:
            ref = NameHit(s, e, text[s:e], None, None, None, True, True)
            m = _analyse(text, ref, None, anchor, in_headline(s), dates, need=HELD)
            if m is not None and m.status == HELD and m.framed:
                primary.ref_frames.append(m)

    themes = _themes(text)
    if themes:
        # the kept meetings' mentions and the reported meeting's references by start, so that each
        # theme looks only at its own sentence (looking at all of them per theme was quadratic)
        named = sorted((m.hit.start, i, m.hit.end) for i, g in enumerate(keep) for m in g.mentions)
        named_starts = [x[0] for x in named]
        # every kept meeting's references (会议, 论坛 ...: a bare 论坛 refers to the forum) by start
        refs = sorted((a, i) for i, g in enumerate(keep) for a, _ in g.refs)
    for ts, te, theme in themes:
        s0, s1 = _sentence_of(text, ts)
        # the meeting named nearest the theme in its sentence; else one referred to there (the
        # reported one first: 论坛以“…”为主题 after …论坛在X举行。 is the forum's theme)
        inside = named[bisect.bisect_left(named_starts, s0) : bisect.bisect_left(named_starts, s1)]
        near = min(((min(abs(a - te), abs(ts - b)), i) for a, i, b in inside), default=None)
        target = keep[near[1]] if near is not None else None
        if target is None:
            referred = {i for _, i in refs[bisect.bisect_left(refs, (s0, -1)) : bisect.bisect_left(refs, (s1, -1))]}
            if referred:
                own = next((i for i in referred if keep[i] is primary), min(referred))
                target = keep[own]
        if target is not None and target.theme is None:
            target.theme = theme
            target.refs.append((ts, te))
            bisect.insort(refs, (ts, next(i for i, g in enumerate(keep) if g is target)))

    clauses = _chair_clauses(text, keep)
    for g in keep:
        g.refs.extend(clauses.get(id(g), []))

    out: list[Meeting] = []
    ids = {id(g): f"m{i}" for i, g in enumerate(keep, 1)}
    for g in keep:
        out.append(_record(doc, g, ids[id(g)], dates, g is primary))
    body_start = next((ln.start for ln in doc.zoning.lines if ln.zone == "body"), 0)
    _date_from_previous(text, keep, out, dates, max(body_start, doc.source.dateline_end or 0))
    if primary is not None:
        bare = _name_bare_editions(out)
        nxt = next((g for g in keep if g is not primary and g.status == ANNOUNCED
                    and (g.kind() == primary.kind() or ids[id(g)] in bare)), None)
        if nxt is not None:
            out[0].next_meeting = ids[id(nxt)]
        _share_time_and_place(keep, out, primary)
    return out


_BARE_EDITION = regex.compile(r"第[0-9一二三四五六七八九十百零〇两]{1,5}[届次](?:全体)?会议")


def _name_bare_editions(out: list[Meeting]) -> set[str]:
    """``会议确定,第十九次会议将于2023年在烟台举行`` after a report on ``X第十八次会议``: the
    announced ``第十九次会议`` is the series' next one, named ``X第十九次会议`` with X's kind.

    Why: the genre names the next edition by its ordinal alone; a record called ``第十九次会议``
    says nothing on its own. Only an announced record whose whole name is an ordinal, when the
    reported meeting's name ends in an ordinal of another edition; its evidence keeps the text's
    wording. Returns the ids renamed."""
    reported = out[0]
    tail = _BARE_EDITION.search(reported.name)
    if tail is None or tail.end() != len(reported.name) or tail.start() == 0:
        return set()
    series = reported.name[: tail.start()]
    renamed = set()
    for m in out[1:]:
        if m.status == ANNOUNCED and _BARE_EDITION.fullmatch(m.name) and m.edition != reported.edition:
            m.name = series + m.name
            m.kind = reported.kind
            renamed.add(m.id)
    return renamed


def _name_parts_apart(keep: list[_Group]) -> None:
    """``A暨B`` (a headline's ``…联席会议第五次会议暨重点项目签约仪式``) where the body reports
    B as a meeting of its own: A's record is named as the body names A, not A暨B.

    Why: the longest name wins a group's naming (:func:`_best_key`), and the joint name is
    the longest; but with B a record of its own, A暨B would name two meetings at once."""
    names = {g.best().hit.name for g in keep}
    for g in keep:
        head, sep, tail = g.best().hit.name.partition("暨")
        if not sep or not any(n != g.best().hit.name and n and tail.endswith(n) for n in names):
            continue
        own = [m for m in g.mentions if m.hit.name == head and m.alias_of is None]
        if own:
            g.name_by(max(own, key=_best_key))


def _abbreviates(a: str, b: str) -> bool:
    """Is the shorter of two series keys written with a subset of the longer one's characters,
    in order? That is how the genre shortens a name (人社 for 人力资源社会保障, 湘鄂赣“通平修” for
    湘鄂赣边界“通平修”)."""
    short, long_ = sorted((a, b), key=len)
    rest = iter(long_)
    return all(ch in rest for ch in short)


_LEAD_IN_TAIL = 4  # characters a headline name keeps before its kind word once its lead-in is dropped


def _abbreviates_after_lead_in(headline: str, body: str, kind: str | None) -> bool:
    """Does the headline's series key, without a lead-in glued before the name (``湘赣携手`` in
    ``湘赣携手萍株两市合作发展会商会``), abbreviate the body's?

    Why: a headline may open with a short kicker run into the name (an emoji or a space between
    them is gone after normalising), so the whole key abbreviates nothing. The tail read must
    keep at least ``_LEAD_IN_TAIL`` characters before the kind word and half of the key: a bare
    kind word abbreviates every name of its kind."""
    floor = max(len(kind or "") + _LEAD_IN_TAIL, (len(headline) + 1) // 2)
    return any(_abbreviates(headline[i:], body) for i in range(1, len(headline) - floor + 1))


def _merge_headline_short(groups: list[_Group]) -> list[_Group]:
    """A headline naming the reported meeting in a short form (``湘赣边区人社协作联席会议召开`` over
    a body's ``湘赣边区域合作示范区人力资源社会保障协作联席会议在萍乡召开``) is that meeting.

    Why: neither name is a suffix of the other, so grouping keeps them apart, and the headline
    copy, first in the text, would become the reported meeting without the body's date or place.
    A group named only in the headline joins the one body meeting reported as held of its kind
    when the edition and year agree, the frames do not conflict and its name abbreviates that
    one's, whole or after a lead-in glued before it (``湘赣携手萍株…会商会召开``); with two such
    body meetings it is left alone (which one it names is not known).
    """
    out = list(groups)
    for h in groups:
        if not h.mentions or not all(m.headline for m in h.mentions) or h.status not in (HELD, None):
            continue
        body = [
            g for g in out
            if g is not h and g.status == HELD and g.kind() == h.kind() and _own_frame_start(g) is not None
        ]
        if len(body) != 1:
            continue
        g = body[0]
        if h.edition() is not None and g.edition() is not None and h.edition() != g.edition():
            continue
        if h.year() is not None and g.year() is not None and h.year() != g.year():
            continue
        if any(_frames_conflict(a, b) for a in h.frames for b in g.frames):
            continue
        whole = any(_abbreviates(a, b) for a in h.keys for b in g.keys)
        if not whole and not any(_abbreviates_after_lead_in(a, b, g.kind()) for a in h.keys for b in g.keys):
            continue
        named = g.best()
        for m in h.mentions:
            g.add(m)
            if m.framed:
                g.frames.add(m.frame_key)
        if not whole:
            g.name_by(named)  # the lead-in is no part of the name: the body's name stays
        g.framed = g.framed or h.framed
        out.remove(h)
    return out


def _fold_bare_announced(groups: list[_Group]) -> list[_Group]:
    """``介绍第三届X论坛筹备情况。…论坛将于10月28日至29日在襄阳举办`` / ``将举行开幕式``: a bare
    kind word announced (论坛, 开幕式) is the announced meeting the article names, not one of its own.

    Why: a bare kind word is kept as a meeting only when announced, for the series' next one
    (下一届会议, 论坛明年在X举办); in a preview the same words refer to the forum named in the
    headline. A group made only of bare kind words (no modifier, no year) joins the one named,
    not weak meeting of its kind that is announced or unframed, when there is exactly one; a
    bare part of an event (开幕式, rule ``event_part``) joins the announced meeting of the lead
    (the event it opens) or is dropped. Its frame (date, place) is the named meeting's."""
    part = load_rules("meetings")["event_part"].pattern
    out = list(groups)
    for g in groups:
        if g.status != ANNOUNCED or not all(m.hit.generic and m.year is None and m.hit.name == m.hit.kind for m in g.mentions):
            continue
        named = [h for h in out if h is not g and not h.best().hit.weak and h.status in (ANNOUNCED, None)]
        same = [h for h in named if h.kind() == g.kind()]
        target: _Group | None
        if len(same) == 1:
            target = same[0]
        elif all(part.match(m.hit.name) for m in g.mentions):
            target = min((h for h in named if h.status == ANNOUNCED), key=lambda h: h.first, default=None)
        else:
            continue
        out.remove(g)
        if target is None:
            continue
        for m in g.mentions:
            target.add(m)
            if m.framed:
                target.frames.add(m.frame_key)
        target.framed = target.framed or g.framed
        target.status = target.status or ANNOUNCED
    return out


def _mark_aliases(text: str, mentions: list[_Mention]) -> None:
    """``X(以下简称“泛珠大会”)``: every mention of the short name (泛珠大会, 本届泛珠大会), before or
    after, is the meeting X, so it becomes X's evidence rather than a meeting of its own."""
    rules = load_rules("meetings")
    defined: dict[str, _Mention] = {}
    for m in mentions:
        d = rules["alias_def"].pattern.match(text[m.hit.end : m.hit.end + _ALIAS_WINDOW])
        if d:
            defined.setdefault(d.group("alias"), m)
    if not defined:
        return
    prefix = rules["alias_prefix"].pattern
    for m in mentions:
        p = prefix.match(m.hit.name)
        core = m.hit.name[p.end() :] if p else m.hit.name
        target = defined.get(core)
        while target is not None and target.alias_of is not None:
            target = target.alias_of
        if target is not None and target is not m:
            m.alias_of = target


def _own_frame_start(g: _Group) -> int | None:
    """Start of the sentence where the body reports ``g`` as held (its own frame), if any."""
    own = [m.sent_start for m in g.mentions if m.framed and m.status == HELD and not m.headline and m.alias_of is None]
    return min(own) if own else None


def _chair_clauses(text: str, keep: list[_Group]) -> dict[int, list[tuple[int, int]]]:
    """Clauses saying who chaired (…副省长X主持), each in the paragraph of the meeting whose frame it
    follows, up to the next meeting reported there (``当天下午,Y在西安召开。Z主持``).

    Why: two meetings on one day each have a chair; the clause after a meeting's own frame names
    its own. They become evidence of that meeting, from which :func:`regevents.resolve.resolve`
    takes the chair (the attendee named inside the clause). Returns ``{id(group): spans}``.
    """
    starts: list[tuple[int, int]] = []  # (own frame's sentence start, index in keep)
    during: list[tuple[int, int]] = []
    for i, g in enumerate(keep):
        s = _own_frame_start(g) if g.status == HELD else None
        if s is not None:
            (during if any(m.during for m in g.mentions) else starts).append((s, i))
    # An event held during another (会后举行签约仪式) names its own chair only in a paragraph of
    # its own (会后举行X。X由Y主持): in the other meeting's paragraph the clause is that meeting's.
    paras = {_para_start(text, s) for s, _ in starts}
    starts += [(s, i) for s, i in during if _para_start(text, s) not in paras]
    starts.sort()
    rule = load_rules("meetings")["chair_clause"]
    out: dict[int, list[tuple[int, int]]] = {}
    for k, (s, i) in enumerate(starts):
        if k and starts[k - 1][0] == s:
            continue  # 召开了A、B: one frame for two meetings names no chair of either
        para_end = text.find("\n", s)
        end = para_end if para_end >= 0 else len(text)
        if k + 1 < len(starts) and s < starts[k + 1][0] < end:
            end = starts[k + 1][0]
        spans = [(c.start(), c.end()) for c in rule.finditer(text, s, end)]
        if spans:
            out[id(keep[i])] = spans
    return out


def _para_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


_DAY_SHIFT_MAX = 1


def _shift_date(value: str, days: int) -> str | None:
    """``value`` moved by ``days`` (0 or 1); None when the shift cannot be done without guessing
    (a range, an unknown month, a month end of an unknown year)."""
    if days == 0:
        return value if "/" not in value else None
    parts = value.split("-")
    if "/" in value or len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    if parts[0].isdigit():
        d = _dt.date(int(parts[0]), int(parts[1]), int(parts[2])) + _dt.timedelta(days=days)
        return d.isoformat()
    day = int(parts[2]) + days
    return f"XXXX-{parts[1]}-{day:02d}" if day <= 28 else None


def _date_from_previous(text: str, keep: list[_Group], out: list[Meeting], dates: list[DateMention], floor: int) -> None:
    """``当天下午,X在西安召开`` / ``次日`` / ``随后`` / ``会见后``: a meeting with no date of its own
    takes the day of the event reported just before it (that day, or the next).

    That event is the meeting reported before it, or one that is no meeting record: for
    ``会见后`` the sentence reporting the 会见 (when it comes after that meeting) gives the day;
    with no meeting before it at all, the nearest day date before it in its paragraph or the one
    before (never the dateline's, before ``floor``)."""
    framed = [(_own_frame_start(g), g, rec) for g, rec in zip(keep, out)]
    for s, g, rec in framed:
        if rec.date is not None or s is None:
            continue
        own = next((m for m in g.mentions if m.day_shift is not None and m.status == g.status), None)
        if own is None or own.day_shift is None or own.day_shift > _DAY_SHIFT_MAX:
            continue
        before = [(s2, r2.date) for s2, g2, r2 in framed if g2 is not g and s2 is not None and s2 < s]
        latest = max(before, key=lambda x: x[0]) if before else None
        value = latest[1] if latest else None
        if own.follows is not None and len(own.follows) >= 2:
            event = _event_day(text, s, own.follows, dates, floor)
            if event is not None and (latest is None or event[0] > latest[0]):
                value = event[1]
        elif latest is None:
            found = _day_in(dates, _paragraphs_back(text, s, floor, _DAY_PARAS_BACK), s)
            value = found[1] if found else None
        if value:
            rec.date = _shift_date(value, own.day_shift)


_EVENT_SEARCH = 3  # occurrences of the event word looked at, nearest first
_DAY_PARAS_BACK = 2  # paragraphs before its own that may hold the day 当天 refers to


def _paragraphs_back(text: str, pos: int, floor: int, n: int) -> int:
    """Start of the ``n``-th non-blank paragraph before the one holding ``pos`` (never before ``floor``).

    Why: ``3月21日上午,…揭牌仪式…举行。`` then a paragraph of figures, then ``当天下午,X召开``:
    the day 当天 refers to may lie two paragraphs back, and pages separate paragraphs with
    blank lines, which are no paragraph of their own."""
    start = text.rfind("\n", floor, pos) + 1
    while n > 0 and start > floor:
        prev = text.rfind("\n", floor, start - 1) + 1
        if text[prev : start - 1].strip():
            n -= 1
        start = prev
    return max(floor, start)


def _day_in(dates: list[DateMention], lo: int, hi: int) -> tuple[int, str] | None:
    """(start, value) of the last one-day date mention inside ``[lo, hi)``."""
    found = None
    for d in dates[bisect.bisect_left(dates, lo, key=lambda d: d.start) :]:
        if d.end > hi:
            break
        if d.kind == "date" and d.value:
            found = (d.start, d.value)
    return found


def _event_day(text: str, s: int, event: str, dates: list[DateMention], floor: int) -> tuple[int, str] | None:
    """(position, day) of the event word ``event`` (会见) last reported with a day date before ``s``:
    the date nearest before the word in its sentence."""
    pos = s
    for _ in range(_EVENT_SEARCH):
        pos = text.rfind(event, floor, pos)
        if pos < 0:
            break
        found = _day_in(dates, max(floor, _sentence_start(text, pos)), pos)
        if found:
            return found
    return None


def _share_time_and_place(keep: list[_Group], out: list[Meeting], primary: _Group) -> None:
    """论坛前举行了…签约仪式, 会议期间…: an event held within the reported meeting's time takes its
    date and place when its own frame states none."""
    main = out[keep.index(primary)]
    for g, rec in zip(keep, out):
        if g is primary or g.status != HELD or not any(m.during for m in g.mentions):
            continue
        if rec.date is None:
            rec.date = main.date
        if rec.city is None and rec.province is None:
            rec.city, rec.province = main.city, main.province


def _own_day(found: list[tuple[_Mention, DateMention]]) -> DateMention | None:
    """``6月27日至30日,…率代表团赴山东学习考察,出席X`` then ``29日下午,X在济南召开``: the day of
    the meeting's own frame (X在…召开) inside the range of a frame where X is only the object of
    a person's verb (出席X); None when the first dated frame is not such a range.

    Why: a delegation's trip (a 学习考察 from the 27th to the 30th) is written as a range with
    the meeting as one of its stops; the meeting's own report gives its day. Only a range the
    day falls in is given up: a range of the meeting's own frame (论坛28日至29日在襄阳举办) stays."""
    dated = [(m, d) for m, d in found if d.value is not None]
    if not dated or dated[0][0].rule != "held_before" or dated[0][1].kind != "range":
        return None
    span = _edtf_parts(dated[0][1].value or "")
    for m, d in dated[1:]:
        if m.rule == "held_after" and d.kind == "date" and d.value and _within(_edtf_parts(d.value)[0], span):
            return d
    return None


def _within(day: tuple[int | None, ...], span: list[tuple[int | None, ...]]) -> bool:
    """Is the fully known day (year, month, day) inside the range ``span`` (its two ends)?"""
    ends = [tuple(x for x in end if x is not None) for end in (day, *span)]
    if len(span) != 2 or any(len(end) != 3 for end in ends):
        return False
    return ends[1] <= ends[0] <= ends[2]


def _venue(doc: Document, place: str) -> Venue:
    """The venue phrase as city and province; 我市/本省 is the outlet's home, when it has one."""
    if load_rules("meetings")["home_place"].pattern.fullmatch(place.strip()):
        from .role_context import home_region  # the outlet table lives with the role context

        return home_venue(place.strip(), home_region(doc.source.outlet))
    return parse_venue(place)


def _record(doc: Document, g: _Group, mid: str, dates: list[DateMention], is_primary: bool) -> Meeting:
    text = doc.text
    best = g.best()
    framed = [m for m in g.mentions if m.status == g.status and m.framed] or list(g.mentions)
    # body mentions before the headline's (a headline abbreviates: 在汉举行); named ones before bare references
    framed.sort(key=lambda m: (m.headline, m.hit.start))
    framed += sorted(g.ref_frames, key=lambda m: (m.headline, m.hit.start))
    # the first frame with a usable date; a vague one (近日) there gives none rather than a guess
    found = [(m, d) for m, d in ((m, _date_for(dates, m, m.frame_end)) for m in framed) if d is not None]
    date_m = _own_day(found) or next((d for _, d in found if d.value is not None), None)
    value = date_m.value if date_m is not None else None
    if value is None and g.status == ANNOUNCED and g.year() is not None:
        value = f"{g.year():04d}"
    venue = Venue(None, None, None)
    for m in framed:
        if m.place:
            venue = _venue(doc, m.place)
            if venue.city or venue.province:
                break
    host = next((m.host for m in g.mentions if m.host), None)
    province = venue.province
    if province is None and host:
        province = parse_venue(host).province
    # regions: the name's, else (the reported meeting) those of its own sentences, else a participants' list
    own = sorted({_sentence_of(text, m.hit.start) for m in g.mentions if m.framed and m.status == g.status})
    regions = regions_for_meeting(text, best.hit.name, own, is_primary)
    spans: list[tuple[int, int]] = sorted({(m.hit.start, m.hit.end) for m in g.mentions} | set(g.refs))
    evidence: list[Span] = [doc.span(s, e) for s, e in spans]
    name = best.hit.name
    nxt = _NEXT_PREFIX.match(name)
    if nxt and not is_weak(name[nxt.end() :]):
        name = name[nxt.end() :]  # 下一届长江中游…会商会 is the series' …会商会, announced
    # trusted: every value is built above from known-valid parts (a date from the date grammar
    # or a four-digit year, a status from HELD/ANNOUNCED/MENTIONED), so validating them again per
    # meeting is only cost; later assignments (next_meeting, date) are still validated
    return trusted_model(
        Meeting,
        id=mid,
        name=name,
        kind=best.hit.kind and _canon_kind(best.hit.kind),
        edition=g.edition(),
        date=value,
        city=venue.city,
        province=province,
        theme=g.theme,
        regions=regions,
        evidence=evidence,
        status=g.status or MENTIONED,
        part_of_day=date_m.part_of_day if date_m is not None else None,
        venue=venue.venue,
        host=host,
        rule=next((m.rule for m in framed if m.rule), None),
    )
