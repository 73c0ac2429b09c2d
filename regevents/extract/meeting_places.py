"""Places of meetings: the venue phrase of a frame (在安徽芜湖召开) and the regions taking part.

Why a module: the venue phrase mixes divisions of several levels with press
abbreviations (在汉举行 = 武汉) and buildings (人民大会堂); the contract wants
the city and province as short names (芜湖, 安徽). The divisions come from
:mod:`regevents.gazetteer`; the enumeration rules from ``meetings.rules.json``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..gazetteer import Place, places
from ..rules import load_rules, read_rule_file
from .meeting_names import TITLE


class _Names:
    """Place names looked up in a dictionary, longest first: what ``place_pattern(...)`` finds.

    Why not the pattern: a trie alternation of thousands of names costs 0.25-0.45 s to compile
    (on the first parse of a process) and the ``regex`` engine tries it branch by branch; these
    readers only need "the longest name starting here", which a ``set`` answers per candidate
    length. :meth:`match_end` is ``pattern.match(text, pos, endpos)`` (the match's end),
    :meth:`finditer` is ``pattern.finditer(text)`` (spans), ``in`` is ``fullmatch``.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(n for n in names if n)
        lengths: dict[str, set[int]] = {}
        for n in self.names:
            lengths.setdefault(n[0], set()).add(len(n))
        self._lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}
        # where a name may start: a compiled search skips the other characters
        self._first = re.compile("[" + "".join(re.escape(c) for c in sorted(self._lengths)) + "]") if self._lengths else None

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def match_end(self, text: str, pos: int = 0, endpos: int | None = None) -> int | None:
        """End of the longest name starting at ``pos`` and ending by ``endpos``; None if none."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if pos >= end or pos < 0:
            return None
        lens = self._lengths.get(text[pos])
        if lens is None:
            return None
        names = self.names
        for k in lens:
            if pos + k <= end and text[pos : pos + k] in names:
                return pos + k
        return None

    def ends(self, text: str, pos: int, endpos: int) -> list[int]:
        """Ends of every name starting at ``pos`` and ending by ``endpos``, longest first."""
        end = min(endpos, len(text))
        if pos >= end or pos < 0:
            return []
        names = self.names
        return [pos + k for k in self._lengths.get(text[pos], ()) if pos + k <= end and text[pos : pos + k] in names]

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of the names from left to right, each the longest at its start, not overlapping."""
        if self._first is None:
            return
        pos = 0
        search = self._first.search
        while True:
            c = search(text, pos)
            if c is None:
                return
            start = c.start()
            end = self.match_end(text, start)
            if end is None:
                pos = start + 1
            else:
                yield start, end
                pos = end


@cache
def _place_names() -> _Names:
    """The names of ``place_pattern()``: full names of all levels, province and prefecture shorts."""
    return _Names(places().names())


@cache
def _region_names() -> _Names:
    """Provinces and prefectures only (``place_pattern(("province", "prefecture"))``): regions
    taking part are written at these levels."""
    return _Names(places().names(("province", "prefecture")))


@dataclass(frozen=True)
class Venue:
    city: str | None
    province: str | None
    venue: str | None  # what is left after the divisions (人民大会堂), if anything


def _city_province(p: Place) -> tuple[str | None, str | None]:
    """(city, province) short names for the most specific division named."""
    if p.level == "province":
        if p.is_municipality or p.province in ("香港", "澳门"):
            return p.short, p.province
        return None, p.province
    if p.level == "prefecture":
        return p.short, p.province
    # county level: a county-level city is a city in its own right; a district belongs to its city
    if p.name.endswith("市"):
        return p.short, p.province
    return p.city, p.province


def _pick(name: str, province: str | None) -> Place | None:
    """The division written ``name``, preferring one inside ``province`` when given."""
    g = places()
    found = g.lookup_all(name)
    if province:
        inside = [p for p in found if p.province == province and p.level != "province"]
        if inside:
            return inside[0]
    return g.lookup(name)


def parse_venue(phrase: str) -> Venue:
    """``安徽芜湖`` -> (芜湖, 安徽); ``江西省南昌市`` -> (南昌, 江西); ``汉`` -> (武汉, 湖北); ``国新办`` -> venue only."""
    s = phrase.strip()
    if not s:
        return Venue(None, None, None)
    g = places()
    if len(s) == 1:
        p = g.lookup_abbr(s)
        if p is None:
            return Venue(None, None, None)
        city, prov = _city_province(p)
        return Venue(city, prov, None)
    chain: list[Place] = []
    pos = 0
    province: str | None = None
    names = _place_names()
    while pos < len(s):
        end = names.match_end(s, pos)
        if end is None:
            break
        p = _pick(s[pos:end], province)
        if p is None:
            break
        if province and p.province != province:
            break
        chain.append(p)
        province = p.province
        pos = end
    rest = s[pos:].strip() or None
    if rest:
        # a county-level city written short (在浏阳召开) is not in the default pattern
        p = g.lookup(rest)
        if p is not None and p.word == 0 and (not province or p.province == province):
            chain.append(p)
            rest = None
    if rest and (len(rest) > 16 or load_rules("meetings")["name_stop"].pattern.search(rest)):
        rest = None  # not a building: words of the sentence (会见了来湘)
    area = _area(rest, province) if rest else None
    if area is not None:
        city, prov, left = area
        return Venue(city, prov, left)
    if not chain:
        return Venue(None, None, rest)
    city, prov = None, None
    for p in chain:  # most specific last
        c, pr = _city_province(p)
        city = c or city
        prov = pr or prov
    return Venue(city, prov, rest)


@cache
def _venue_areas() -> dict[str, tuple[str, str]]:
    """Area name -> (city, province): ``venue_areas`` in ``meetings.rules.json``, longest name
    first (a short name such as 横琴 opens its long one)."""
    table = read_rule_file("meetings").get("venue_areas", {})
    rows = {k: (v[0], v[1]) for k, v in table.items() if isinstance(v, list) and len(v) == 2}
    return dict(sorted(rows.items(), key=lambda kv: -len(kv[0])))


def _area(rest: str, province: str | None) -> tuple[str, str, str | None] | None:
    """(city, province, what follows) when ``rest`` opens with a new area that is no division
    (雄安新区, 在河北雄安新区 after 河北, 横琴粤澳深度合作区 or its short 横琴); None otherwise or
    when it lies in another province. The longest name wins (横琴粤澳深度合作区 over 横琴).

    Why: a state-level new area run by its province (雄安新区) is where a meeting is held at a
    city's level, but the division tables have no row for it (its counties belong to 保定)."""
    for name, (city, prov) in _venue_areas().items():
        if rest.startswith(name) and (province is None or province == prov):
            return city, prov, rest[len(name) :].strip() or None
    return None


# the shape of the rule region_enum: a place, then 1-15 times a separator and a place
_ENUM_SHAPE = re.compile(r"\{PLACE\}\(\?:\(\?:(?P<seps>[^()\\\[\]{}.*+?^$]+)\)\(\?:\{PLACE\}\)\)\{(?P<lo>\d+),(?P<hi>\d+)\}")


@cache
def _enumeration_reader() -> Callable[[str, int, int], bool]:
    """``rules["region_enum"].pattern.fullmatch(text, start, end) is not None``, read with the place
    dictionary instead of the compiled rule.

    Why: the rule holds the place alternation twice (30 k characters, ~0.35 s to compile on the
    first parse of a process). It is read from ``meetings.rules.json`` as it stands: while it has
    the shape ``{PLACE}(?:(?:seps)(?:{PLACE})){lo,hi}`` the separators and the bounds come from it
    and a set of reachable offsets decides the full match (every place name at every step, as the
    engine's backtracking would try); a rule of any other shape is used compiled.
    """
    raw = next(r["pattern"] for r in read_rule_file("meetings")["rules"] if r["name"] == "region_enum")
    shape = _ENUM_SHAPE.fullmatch(raw)
    if shape is None:
        pattern = load_rules("meetings")["region_enum"].pattern
        return lambda text, start, end: pattern.fullmatch(text, start, end) is not None
    seps = tuple(shape.group("seps").split("|"))
    lo, hi = int(shape.group("lo")), int(shape.group("hi"))
    names = _place_names()

    def fullmatch(text: str, start: int, end: int) -> bool:
        end = min(end, len(text))
        reached = set(names.ends(text, start, end))
        for n in range(1, hi + 1):
            nxt: set[int] = set()
            for pos in reached:
                for sep in seps:
                    if text.startswith(sep, pos, end):
                        nxt.update(names.ends(text, pos + len(sep), end))
            if not nxt:
                return False
            if n >= lo and end in nxt:
                return True
            reached = nxt
        return False

    return fullmatch


def home_venue(word: str, home: Place | None) -> Venue:
    """``我市``/``本省`` written by an outlet whose home is ``home``: its city, or only its province
    for 我省/我区 (a provincial paper's 我区 is its autonomous region)."""
    if home is None:
        return Venue(None, None, None)
    city, province = _city_province(home)
    if word.endswith(("省", "区")) and not (home.is_municipality and word.endswith("区")):
        return Venue(None, province, None) if home.level == "province" or word.endswith("省") else Venue(None, None, None)
    return Venue(city, province, None) if city else Venue(None, None, None)


def _abbr_places(run: str) -> list[Place]:
    """Places of a run of one-character abbreviations (鄂湘赣, 长株潭), ambiguity settled by the others' province."""
    g = places()
    options = [g.lookup_abbr_all(ch) for ch in run]
    if not all(options):
        return []
    provinces = {o[0].province for o in options if len(o) == 1}
    out: list[Place] = []
    for opts in options:
        inside = [p for p in opts if p.province in provinces]
        out.append(inside[0] if inside else opts[0])
    return out


def _short(p: Place) -> str:
    return p.short


@cache
def _region_members() -> dict[str, tuple[str, ...]]:
    """Named region -> its member provinces (``region_members`` in ``meetings.rules.json``)."""
    table = read_rule_file("meetings").get("region_members", {})
    return {k: tuple(v) for k, v in table.items() if isinstance(v, list)}


@lru_cache(maxsize=4096)
def region_head(name: str) -> tuple[frozenset[str], str]:
    """The regions a name opens with and the rest: ``浙川东西部协作联席会`` and ``浙江四川东西部协作联席会``
    both give ({浙江, 四川}, ``东西部协作联席会``).

    Why: a headline abbreviates the participants (浙川, 沪港) where the body writes them out, so the
    same series is printed two ways. Full province or prefecture names and one-character provincial
    abbreviations are read from the start, greedily; nothing is guessed when the run is ambiguous.
    """
    g = places()
    names = _region_names()
    found: list[str] = []
    pos = 0
    while pos < len(name):
        end = names.match_end(name, pos)
        p = g.lookup(name[pos:end]) if end is not None else None
        if p is not None:
            found.append(p.province if p.level == "province" else p.short)
            pos = end
            continue
        prov = [q for q in g.lookup_abbr_all(name[pos]) if q.level == "province"]
        if not prov:
            break
        found.append(prov[0].province)
        pos += 1
    return frozenset(found), name[pos:]


def regions_in_name(name: str) -> list[str]:
    """Regions named inside a meeting name: 粤港合作… -> 广东, 香港; …重庆四川党政… -> 重庆, 四川;
    京津冀协同发展座谈会 -> 北京, 天津, 河北 (a named region with fixed members)."""
    rules = load_rules("meetings")
    out: list[str] = []
    for m in rules["region_compound"].finditer(name):
        out.extend(_short(p) for p in _abbr_places(m.group()))
    if not out:
        members = _region_members()
        for m in rules["region_name"].finditer(name):
            out.extend(members.get(m.group(), ()))
    if not out:
        found = [places().lookup(name[a:b]) for a, b in _region_names().finditer(name)]
        found = [p for p in found if p is not None]
        if len(found) >= 2:
            out = [_short(p) for p in found]
    return list(dict.fromkeys(out))


_JOIN = regex.compile(r"等?[0-9一二两三四五六七八九十]{1,2}个?(?:省区?市?|市|城市)(?:和|及|以及)")
_SEP = regex.compile(r"、|以及|和|及|与")
_LONGEST_PLACE = 9


def _place_before(text: str, end: int) -> int | None:
    """Start of the longest place name ending exactly at ``end``."""
    names = _region_names()
    for j in range(max(0, end - _LONGEST_PLACE), end - 1):
        if text[j:end] in names:
            return j
    return None


@cache
def _separators_before_place() -> re.Pattern[str]:
    """``_SEP`` only where a region name can start right after it.

    Why: 和/及/与/、 are frequent and most are not between places. A separator not followed by
    a region name's first character gives no enumeration (``match_end`` is None there), and
    leaving it out does not change which others are found (以及 is tried before 及, and both
    are followed by the same character), so :func:`_enumerations` finds the same spans."""
    first = "".join(sorted({n[0] for n in _region_names().names}))
    # on the stdlib engine (the same alternation of literals and one class): 2-3x faster per scan
    return re.compile(f"(?:{_SEP.pattern})(?=[{re.escape(first)}])")


def _enumerations(text: str) -> list[tuple[int, int]]:
    """Spans of place enumerations (湖北、湖南和江西), found from their separators.

    Anchoring on the separators keeps this cheap: the place pattern is tried
    only next to a 、/和/及, never at every character of the article.
    """
    names = _region_names()
    out: list[tuple[int, int]] = []
    for sep in _separators_before_place().finditer(text):
        if out and sep.start() < out[-1][1]:
            continue
        after = names.match_end(text, sep.end())
        if after is None:
            continue
        start = _place_before(text, sep.start())
        if start is None:
            continue
        end = after
        while True:  # extend to the right over further separators
            nxt = _SEP.match(text, end)
            more = names.match_end(text, nxt.end()) if nxt else None
            if more is None:
                break
            end = more
        out.append((start, end))
    return out


def regions_for_meeting(text: str, name: str, own: list[tuple[int, int]], is_primary: bool) -> list[str]:
    """The regions taking part in a meeting: those of its name; for the reported meeting, else an
    enumeration in its own sentences (``own``, clean offsets), else a participants' list
    (``X、Y、Z等N省市``) or a counted compound (``鄂湘赣三省``) anywhere. Places visited
    (来到信阳、郑州等地), branch venues and a speaker's proposal are never read as its regions."""
    out = regions_in_name(name)
    if out or not is_primary:
        return out
    for s, e in own:
        out = regions_in_text(text[s:e], relaxed=True)
        if out:
            return out
    return regions_in_text(text)


# the shape of the rule region_compound that _compound_starts relies on: zero-width lookbehinds,
# then two or more abbreviations (each a plain class of characters), then anything
_COMPOUND_SHAPE = re.compile(
    r"\(\?:\(\?<!\[[^\]]*\]\)\|\(\?<=\[[^\]]*\]\)\)\(\?:\{PROVINCE_ABBR\}\|\{CITY_ABBR\}\)\{2,\d+\}.*", re.S
)
_PLAIN_CLASS = re.compile(r"\[([^\]\\^\-\[]+)\]")


@cache
def _compound_starts() -> re.Pattern[str] | None:
    """Where a ``region_compound`` match can start: an abbreviation followed by another.

    Why it is exact: while the rule keeps its shape (zero-width lookbehinds, then
    ``(?:{PROVINCE_ABBR}|{CITY_ABBR}){2,n}``, each a plain class), every match opens with two
    such characters, so no match starts anywhere else. None when the rule has left that shape
    (then it is scanned whole)."""
    rule = load_rules("meetings")["region_compound"]
    if rule.words is None or not _COMPOUND_SHAPE.fullmatch(rule.template):
        return None
    chars: set[str] = set()
    for key in ("{PROVINCE_ABBR}", "{CITY_ABBR}"):
        plain = _PLAIN_CLASS.fullmatch(rule.words.expand(key))
        if plain is None:
            return None
        chars.update(plain.group(1))
    cls = "[" + "".join(sorted(chars)) + "]"
    return re.compile(f"{cls}(?={cls})")


def _compounds(text: str) -> list[regex.Match[str]]:
    """``list(rules["region_compound"].finditer(text))``, the rule tried only where a match can
    start (:func:`_compound_starts`, ~1% of a text's characters): each try reads at most a few
    characters, where a whole scan costs the ``regex`` engine ~50 ns per character."""
    rule = load_rules("meetings")["region_compound"]
    starts = _compound_starts()
    if starts is None:
        return list(rule.finditer(text))
    pattern = rule.pattern
    out: list[regex.Match[str]] = []
    pos = 0
    for start in starts.finditer(text):
        p = start.start()
        if p < pos:
            continue
        m = pattern.match(text, p)
        if m is not None:  # never empty: it holds two characters at least
            out.append(m)
            pos = m.end()
    return out


def regions_in_text(text: str, relaxed: bool = False) -> list[str]:
    """The first enumeration of participating places (with a count or 共聚-like context), else a counted compound.

    ``relaxed`` (a meeting's own sentence) accepts an enumeration without that context. An
    enumeration right after 在/来到/赴 … is where something happens, never the participants.
    """
    rules = load_rules("meetings")
    enum, context = _enumeration_reader(), rules["region_enum_context"].pattern
    located = rules["region_enum_not"].pattern
    g = places()
    if "《" in text:  # places inside a document title (《九江市、黄石市…框架协议》) are not the participants
        text = TITLE.sub(lambda t: " " * len(t.group()), text)
    spans = _enumerations(text)
    for i, (start, end) in enumerate(spans):
        if not enum(text, start, end):
            continue
        if located.search(text, max(0, start - 8), start):
            continue
        members = [text[start:end]]
        j = _JOIN.match(text, end)
        if j and i + 1 < len(spans) and spans[i + 1][0] == j.end():
            members.append(text[spans[i + 1][0] : spans[i + 1][1]])
            end = spans[i + 1][1]
        if not relaxed and not context.match(text[end : end + 12]) and not j:
            continue
        out: list[str] = []
        for chunk in members:
            for a, b in _region_names().finditer(chunk):
                p = g.lookup(chunk[a:b])
                if p is not None:
                    out.append(_short(p))
        if len(out) >= 2:
            return list(dict.fromkeys(out))
    for m in _compounds(text):
        if not relaxed and not context.match(text[m.end() : m.end() + 12]):
            continue  # 同京津冀协同发展…: another strategy named in passing, not the participants (鄂湘赣三省 are)
        found = _abbr_places(m.group())
        if len(found) >= 2:
            return list(dict.fromkeys(_short(p) for p in found))
    return []


def regions_of_orgs(orgs: list[str]) -> list[str]:
    """Regions of the bodies the attendees serve (陕西省委, 河南省, 梅州市委): provinces, unless
    cities serve too, when the meeting is one of cities (a municipality such as 上海 is both).

    Why: when neither the meeting's name nor a participants' list says who takes part
    (黄河流域…座谈会 where 陕西, 河南 and 山东 leaders speak), the attendees' regions do.
    A national body (国务院, 国家发展改革委) names no region. Mayors of 上海, 南京 and 合肥 make
    a meeting of cities; secretaries of 重庆, 江西 and 上海 one of provinces. At least two
    regions are needed: one is only the host.
    """
    names = _region_names()
    g = places()
    found: list[Place] = []
    for org in orgs:
        bare = org.removeprefix("中共")
        end = names.match_end(bare)
        p = g.lookup(bare[:end]) if end is not None else None
        if p is not None:
            found.append(p)
    provinces = list(dict.fromkeys(_short(p) for p in found if p.level == "province"))
    cities = list(dict.fromkeys(_short(p) for p in found if p.level != "province" or p.is_municipality))
    full_provinces = {_short(p) for p in found if p.level == "province" and not p.is_municipality}
    city_level = any(p.level != "province" for p in found)
    if city_level and len(full_provinces) < 2 and len(cities) >= 2:
        return cities
    return provinces if len(provinces) >= 2 else []
