"""Role checks: titles known, titles fitting their org, no person with two
incompatible posts, and posts from outside the meeting's regions pointed out.

Why the territorial marker: a local post names the kind of division it belongs
to in its own characters (省长, 市委书记, 副区长, 自治区党委书记), and the
division it is attached to names its kind in its full name (江西省, 武汉市,
浦东新区). When both are known they must agree: a 省长 of 武汉市 is wrong, a
市长 of 上海市 (a municipality) or of 义乌市 (a county-level city) is right.
That is a rule of the genre, read from the words, not a list of cases.

A role is read as its printed wording ``org + title`` (the contract allows
either 省委书记 of 江西省 or 书记 of 江西省委; both read 江西省委书记), split as
``[中共] division rest``, the division being the longest known division name
at the start (from :func:`regevents.gazetteer.places`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from .checks_context import Context
from .gazetteer import LEVELS, Place, WordSet, place_words, places, posts
from .issues import make
from .models import Attendee, Issue, Meeting, Role

# rest of a government head/deputy post after its division: 长 / 省长 / 副市长 / 常务副区长 / 代县长
_GOV = regex.compile(r"(?P<pre>常务副|副|代)?(?P<marker>自治区|自治州|自治县|自治旗|[省市县区州旗盟镇乡])?长")
# rest of a party post after its division: 委书记 / 省委副书记 / 自治区党委书记 / 市委常委
_PARTY = regex.compile(
    r"(?P<marker>自治区|自治州|自治县|自治旗|[省市县区州旗盟])?(?:党委|委)(?P<post>常务副书记|副书记|书记|常委|委员)"
)

# name -> (pattern, must match, must not match, how: "fullmatch" | "search"); tests/test_validate.py runs them
PATTERNS: dict[str, tuple[regex.Pattern[str], tuple[str, ...], tuple[str, ...], str]] = {
    "gov_post": (_GOV, ("副省长", "长", "常务副市长", "代县长", "区长"), ("局长", "厅长", "院长", "市长助理"), "fullmatch"),
    "party_post": (_PARTY, ("省委书记", "委副书记", "自治区党委书记", "市委常委"), ("委员会主任", "纪委书记", "省委组织部部长"), "fullmatch"),
}

_MARKER_NAMES = {
    "省": "province (省)",
    "市": "city (市)",
    "县": "county (县)",
    "区": "district (区)",
    "州": "prefecture (州)",
    "旗": "banner (旗)",
    "盟": "league (盟)",
    "镇": "town (镇)",
    "乡": "township (乡)",
    "自治区": "autonomous region (自治区)",
    "自治州": "autonomous prefecture (自治州)",
    "自治县": "autonomous county (自治县)",
    "自治旗": "autonomous banner (自治旗)",
    "national": "national body",
}
_NATIONAL_CATEGORIES = frozenset({"government", "state", "congress"})
_MAX_DIVISION = 12


class Reading(NamedTuple):
    """A printed role (org + title) as the checks see it: a function of the wording alone."""

    printed: str  # org + title
    division: tuple[Place, ...]  # candidate divisions at the start, best first (empty: none)
    rest: str  # the printed wording after the division
    marker: str | None  # territorial marker the post names (省, 市 ...), None when implied or absent
    family: str | None  # gov_head | gov_deputy | party_head | party_deputy | None
    branch: str | None  # gov | party | national | None

    @property
    def place(self) -> Place | None:
        return self.division[0] if self.division else None


@lru_cache(maxsize=None)  # a table, not a wording: one entry, kept
def _division_words() -> WordSet:
    """Every wording ``places().lookup_all`` answers (full names, aliases and short forms of
    every level, former units and ordinary words included): the gazetteer's own word set of
    them (built once, and shared with the role reader of the attendees), which tells in one
    dictionary probe per candidate length which prefixes of a printed role are worth looking up."""
    return place_words(short_levels=LEVELS, words=True)


def _division_prefix(printed: str) -> tuple[tuple[Place, ...], int]:
    """Candidate divisions written at the start of ``printed`` and the length they take.

    A short form that is also an ordinary word (合作 for 合作市) does not count. The
    prefixes of 2 to min(len - 1, 12) characters are tried longest first, as a loop over
    every length would, but only those :func:`_division_words` holds (``lookup_all``
    finds nothing for the others).
    """
    g = places()
    for k in _division_words().ends_from(printed, 0, min(len(printed) - 1, _MAX_DIVISION)):
        if k < 2:
            break  # one-character words come last
        cand = printed[:k]
        usable = tuple(p for p in g.lookup_all(cand) if cand == p.name or cand in p.aliases or p.word == 0)
        if usable:
            return usable, k
    return (), 0


@lru_cache(maxsize=4096)
def read_printed(printed: str) -> Reading:
    """How a printed role reads: a function of the wording and the gazetteers alone, so each
    wording is read once (articles repeat the same posts)."""
    body = printed.removeprefix("中共")
    division, k = _division_prefix(body)
    rest = body[k:]
    while division:  # 湖北省武汉市市长: the post belongs to the innermost division
        inner, k = _division_prefix(rest)
        if not inner:
            break
        division, rest = inner, rest[k:]
    marker = family = branch = None
    if division:
        if m := _GOV.fullmatch(rest):
            branch = "gov"
            marker = m["marker"]
            family = "gov_deputy" if m["pre"] in ("副", "常务副") else "gov_head"
        elif m := _PARTY.fullmatch(rest):
            branch = "party"
            marker = m["marker"]
            family = {"书记": "party_head", "副书记": "party_deputy", "常务副书记": "party_deputy"}.get(m["post"])
        else:
            info = posts().info(rest)
            if info is not None and info.level == "national" and info.category in _NATIONAL_CATEGORIES:
                branch, marker = "national", "national"
    return Reading(printed, division, rest, marker, family, branch)


def read_role(role: Role) -> Reading:
    return read_printed((role.org or "") + role.title)


def fits(marker: str, place: Place, branch: str | None) -> bool:
    """Whether a post naming ``marker`` can belong to ``place``."""
    if marker == "national":
        return False
    name = place.name
    if marker == "区" and branch == "gov":
        return name.endswith("区") and not name.endswith(("自治区", "特别行政区"))
    return name.endswith(marker)


def _title_known(title: str) -> bool:
    """Whether ``posts().split_role(title)`` leaves a known bare title: whether some suffix of the
    title is one.

    Why that is the same: ``split_role`` gives either the title part of a full ``role_at`` match
    (a word of ``title_words``, the known titles, ending the text: a known suffix), or the first
    known suffix, or the whole text when no suffix is known (then not a title). So the answer
    is True exactly when a suffix is known, found here by at most ``len(title)`` set probes
    instead of the role reader's walk (tests/test_perf_checks.py compares both).
    """
    is_title = posts().is_title
    return any(is_title(title[i:]) for i in range(len(title)))


def check_roles(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    inside_of: dict[str, tuple[Meeting, frozenset[str]] | None] = {}  # per meeting, asked per attendee
    for person in ctx.article.attendees:
        roles = person.roles
        if not roles:
            continue  # nothing to read, and nothing any of the role checks could report
        read = [read_role(r) for r in roles]
        for role, rr in zip(roles, read):
            if not _title_known(role.title):
                out.append(make("unknown_title", [person.id], person.evidence, ref=person.id, name=person.name, title=role.title))
            if rr.marker is not None and rr.division and not any(fits(rr.marker, p, rr.branch) for p in rr.division):
                out.append(make("title_org_mismatch", [person.id], person.evidence, ref=person.id, name=person.name,
                                title=rr.rest, org=rr.division[0].name, marker=_MARKER_NAMES.get(rr.marker, rr.marker)))
        if len(read) > 1:  # a conflict takes two roles
            out.extend(_conflicts(person, read))
        if person.meetings and any(rr.division for rr in read):
            out.extend(_outside_regions(ctx, person, read, inside_of))
    return out


def _conflicts(person: Attendee, read: list[Reading]) -> list[Issue]:
    out: list[Issue] = []
    seen: set[tuple[str, str]] = set()
    placed = [rr for rr in read if rr.family and rr.place is not None]
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            pa, pb = a.place, b.place
            if pa is None or pb is None:
                continue
            same_place = pa.name == pb.name
            clash = (a.family == b.family and not same_place) or (
                same_place and {a.family, b.family} in ({"gov_head", "gov_deputy"}, {"party_head", "party_deputy"})
            )
            key = (min(a.printed, b.printed), max(a.printed, b.printed))
            if clash and key not in seen:
                seen.add(key)
                out.append(make("conflicting_roles", [person.id], person.evidence, ref=person.id, name=person.name,
                                first=a.printed, second=b.printed))
    return out


@lru_cache(maxsize=1024)
def _region_provinces(regions: tuple[str, ...]) -> frozenset[str]:
    """The regions with their provinces, short and full names: a function of the regions and the
    place gazetteer alone, so cached."""
    g = places()
    out: set[str] = set()
    for r in regions:
        out.add(r)
        p = g.lookup(r)
        if p is not None:
            out.add(p.province)
            out.add(p.short)
            out.add(p.name)
    return frozenset(out)


def _outside_regions(ctx: Context, person: Attendee, read: list[Reading],
                     inside_of: dict[str, tuple[Meeting, frozenset[str]] | None]) -> list[Issue]:
    """Posts of a division outside the regions of a meeting the person took part in.
    ``inside_of`` keeps each meeting's regions as read for an earlier attendee of the article."""
    out: list[Issue] = []
    done: set[tuple[str, str]] = set()
    for mid in person.meetings:
        if mid in inside_of:
            known = inside_of[mid]
        else:
            meeting = ctx.meeting(mid)
            known = inside_of[mid] = (meeting, _region_provinces(tuple(meeting.regions))) if meeting is not None and meeting.regions else None
        if known is None:
            continue
        meeting, inside = known
        for rr in read:
            if not rr.division:
                continue
            if any(p.province in inside or p.name in inside or p.short in inside for p in rr.division):
                continue
            place = rr.division[0]
            if (meeting.id, place.name) in done:
                continue
            done.add((meeting.id, place.name))
            out.append(make("role_outside_regions", [person.id, meeting.id], person.evidence, ref=person.id, name=person.name,
                            place=place.name, meeting=meeting.id, regions="、".join(meeting.regions)))
    return out
