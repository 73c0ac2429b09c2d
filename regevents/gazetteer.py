"""Vocabularies (gazetteers) read from ``regevents/data/`` and the patterns built on them.

Why a module of its own: every extractor needs the same places, post titles,
organisations, surnames and meeting-type words, and each needs them as a
compiled ``regex`` pattern. The files are read once, lazily, through
``importlib.resources`` (so an installed wheel works), and every pattern is
compiled once and cached.

Files (UTF-8, tab-separated, ``#`` header lines name their source):

* ``divisions.tsv``: provinces, prefectures, counties (current and former);
* ``posts.tsv``: bare post titles (书记, 副书记, 省长, 常务副市长 ...);
* ``orgs.tsv``: bodies (国务院, 国家发展改革委) and local body words (省委, 人大常委会, 发改委);
* ``surnames.txt``: single and compound surnames;
* ``meeting_kinds.tsv``: meeting-type words (座谈会, 联席会议 ...) with their canonical form.

A printed role is ``[中共][place][org ...]title``: ``江西省委副书记`` is place
``江西`` + org ``省委`` + title ``副书记``; :func:`split_role` returns
``("江西省委", "副书记")`` and ``org + title`` always gives back the printed
wording, which is what the scorer compares.

All patterns match simplified Chinese (the cleaned text); all names are
matched longest first, through a character trie so that several thousand
names stay fast.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Iterable, Iterator, NamedTuple

import regex

__all__ = [
    "Place",
    "Gazetteer",
    "Post",
    "Posts",
    "RoleParts",
    "RoleSpan",
    "WordSet",
    "Org",
    "Orgs",
    "Surnames",
    "MeetingKind",
    "MeetingKinds",
    "places",
    "province_of",
    "place_pattern",
    "place_words",
    "autonomous_short_forms",
    "posts",
    "split_role",
    "orgs",
    "surnames",
    "meeting_kinds",
    "alternation",
    "vocab",
]

LEVELS = ("province", "prefecture", "county")
_LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}


# --------------------------------------------------------------- file reading

def _read_lines(filename: str) -> Iterator[str]:
    """Non-comment, non-blank lines of a data file."""
    ref = resources.files("regevents") / "data" / filename
    for line in ref.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


def _read_tsv(filename: str) -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts keyed by its header line."""
    lines = _read_lines(filename)
    header = next(lines).split("\t")
    rows = []
    for n, line in enumerate(lines, 2):
        cells = line.split("\t")
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        elif len(cells) > len(header):
            raise ValueError(f"{filename}: data line {n} has {len(cells)} cells, header has {len(header)}")
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return rows


def source_header(filename: str) -> list[str]:
    """The ``#`` comment lines at the top of a data file (they name its source)."""
    ref = resources.files("regevents") / "data" / filename
    out = []
    for line in ref.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        out.append(line)
    return out


# --------------------------------------------------------------- trie patterns

def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex source matching any of ``words``, longest first.

    Built as a character trie (``芜湖(?:市|县)?``), so a match from a given
    position is always the longest listed word there, and the engine never
    tries thousands of branches one by one. Returns a pattern that never
    matches when ``words`` is empty.
    """
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    if not trie:
        return "(?!)"
    return _trie_source(trie)


def _trie_source(node: dict) -> str:
    """Regex source for the word endings below ``node`` ("" key = a word may end here)."""
    leaves: list[str] = []  # children that end a word and have no continuation: one [class]
    branches: list[str] = []
    for ch in sorted(k for k in node if k):
        tail = _trie_source(node[ch])
        if tail:
            branches.append(regex.escape(ch) + tail)
        else:
            leaves.append(ch)
    if len(leaves) == 1:
        branches.append(regex.escape(leaves[0]))
    elif leaves:
        branches.append("[" + "".join(regex.escape(c) for c in leaves) + "]")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        # a word may stop here; the greedy ? tries the longer continuation first
        return "(?:" + body + ")?"
    return body


class WordSet:
    """Words looked up in a dictionary at a position, in the order a trie pattern tries them.

    Why: a trie alternation of thousands of words (places, bodies) costs the
    ``regex`` engine ~5 us per character when tried position by position; a
    ``set`` lookup per candidate length gives the same words, longest first,
    with nothing to compile. ``endpos`` plays the part of a pattern's
    ``endpos``: a word must end at or before it.
    """

    __slots__ = ("_by_head", "_by_tail", "_singles", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words: frozenset[str] = frozenset(w for w in words if w)
        # Candidate lengths keyed by a word's first (last) TWO characters, so that a lookup at a
        # position where no word starts (ends) costs one dict miss, and a hit tries only the few
        # lengths sharing that pair (by one character, 室 or 中 alone would give a dozen). Words
        # of one character have no pair: they are a set of their own, and the shortest anyway.
        head: dict[str, set[int]] = {}
        tail: dict[str, set[int]] = {}
        for w in self.words:
            if len(w) >= 2:
                head.setdefault(w[:2], set()).add(len(w))
                tail.setdefault(w[-2:], set()).add(len(w))
        self._by_head = {c: tuple(sorted(ls, reverse=True)) for c, ls in head.items()}
        self._by_tail = {c: tuple(sorted(ls, reverse=True)) for c, ls in tail.items()}
        self._singles: frozenset[str] = frozenset(w for w in self.words if len(w) == 1)

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def ends_from(self, text: str, pos: int, endpos: int) -> list[int]:
        """End offsets of the words starting at ``pos`` and ending by ``endpos``, longest first
        (the order in which ``alternation(words)`` tries them there)."""
        if pos >= endpos:
            return []
        out: list[int] = []
        if pos + 2 <= endpos:
            lens = self._by_head.get(text[pos : pos + 2])
            if lens:
                words = self.words
                out = [pos + k for k in lens if pos + k <= endpos and text[pos : pos + k] in words]
        if self._singles and text[pos] in self._singles:
            out.append(pos + 1)
        return out

    def longest(self, text: str, pos: int = 0, endpos: int | None = None) -> int | None:
        """End of the longest word at ``pos`` (what ``regex.compile(alternation(words)).match`` finds), or None."""
        end = len(text) if endpos is None else endpos
        if pos >= end:
            return None
        if pos + 2 <= end:
            lens = self._by_head.get(text[pos : pos + 2])
            if lens:
                words = self.words
                for k in lens:
                    if pos + k <= end and text[pos : pos + k] in words:
                        return pos + k
        if self._singles and text[pos] in self._singles:
            return pos + 1
        return None

    def starts_before(self, text: str, end: int, floor: int = 0) -> list[int]:
        """Start offsets of the words ending at ``end`` and starting at or after ``floor``, longest first."""
        if end <= floor:
            return []
        out: list[int] = []
        if end - 2 >= floor:
            lens = self._by_tail.get(text[end - 2 : end])
            if lens:
                words = self.words
                out = [end - k for k in lens if end - k >= floor and text[end - k : end] in words]
        if self._singles and text[end - 1] in self._singles:
            out.append(end - 1)
        return out


# --------------------------------------------------------------- places

@dataclass(frozen=True, slots=True)
class Place:
    """One administrative division.

    ``province`` is the short name of the provincial-level unit (itself for a
    province); ``city`` the short name of the prefecture-level parent of a
    county-level unit (the municipality for its districts), else ``None``.
    ``word`` is 1 when ``short`` is also an ordinary word (合作, 来宾), 2 when
    ``name`` is too (城区, 范县); such names need context before they count.
    """

    name: str
    short: str
    level: str
    province: str
    city: str | None = None
    abbr: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    adcode: str = ""
    current: bool = True
    word: int = 0

    @property
    def is_province(self) -> bool:
        return self.level == "province"

    @property
    def is_municipality(self) -> bool:
        return self.level == "province" and self.adcode[:2] in {"11", "12", "31", "50"}


class Gazetteer:
    """Lookup of administrative divisions by full name, short name, alias or abbreviation."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self._places: list[Place] = []
        for r in rows:
            self._places.append(Place(
                name=r["name"],
                short=r["short"] or r["name"],
                level=r["level"],
                province=r["province"],
                city=r.get("city") or None,
                abbr=tuple(a for a in r.get("abbr", "").split(",") if a),
                aliases=tuple(a for a in r.get("alias", "").split(",") if a),
                adcode=r.get("adcode", ""),
                current=r.get("status", "current") != "former",
                word=int(r.get("word") or 0),
            ))
        self._by_name: dict[str, list[Place]] = {}
        self._by_short: dict[str, list[Place]] = {}
        self._by_abbr: dict[str, list[Place]] = {}
        for p in self._places:
            self._by_name.setdefault(p.name, []).append(p)
            for a in p.aliases:
                self._by_name.setdefault(a, []).append(p)
            if p.short != p.name:
                self._by_short.setdefault(p.short, []).append(p)
            for a in p.abbr:
                self._by_abbr.setdefault(a, []).append(p)
        for table in (self._by_name, self._by_short):
            for key, found in table.items():
                found.sort(key=self._rank)
        # provinces first, then cities in the order of the file
        for found in self._by_abbr.values():
            found.sort(key=lambda p: _LEVEL_RANK[p.level])
        self._patterns: dict[tuple[frozenset[str], frozenset[str], bool, bool], regex.Pattern[str]] = {}
        self._word_sets: dict[tuple[frozenset[str], frozenset[str], bool, bool], WordSet] = {}

    @staticmethod
    def _rank(p: Place) -> tuple:
        # current before former, higher level first, then municipalities and
        # provincial capitals' districts (lower adcode), for a stable choice
        return (not p.current, _LEVEL_RANK[p.level], p.adcode)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in self._by_name or name in self._by_short)

    def lookup_all(self, name: str) -> tuple[Place, ...]:
        """Every division written ``name`` (full name or alias first, then short form), best first."""
        return tuple(self._by_name.get(name, ())) + tuple(self._by_short.get(name, ()))

    def lookup(self, name: str) -> Place | None:
        """The division ``name`` most likely means: 芜湖市 / 芜湖 / 香港特区 -> the Place.

        Among several candidates a provincial-level unit beats a prefecture,
        which beats a county (海南, 吉林, 朝阳); current units beat former
        ones. Abbreviations (汉, 沪) are not accepted here: see :meth:`lookup_abbr`.
        """
        found = self._by_name.get(name) or self._by_short.get(name)
        if not found:
            return None
        if name in self._by_name and name in self._by_short:
            found = sorted(self._by_name[name] + self._by_short[name], key=self._rank)
        return found[0]

    def lookup_abbr(self, ch: str) -> Place | None:
        """The division a one-character press abbreviation stands for (沪 -> 上海, 汉 -> 武汉).

        Provincial abbreviations win over city ones (宁 -> 宁夏, not 南京).
        """
        found = self._by_abbr.get(ch)
        return found[0] if found else None

    def lookup_abbr_all(self, ch: str) -> tuple[Place, ...]:
        """Every division abbreviated ``ch`` (宁 -> 宁夏, 南京), provinces first."""
        return tuple(self._by_abbr.get(ch, ()))

    def province_of(self, name: str) -> str | None:
        """Short name of the province ``name`` lies in (芜湖 -> 安徽, 万州区 -> 重庆), or None."""
        p = self.lookup(name)
        return p.province if p else None

    def provinces(self) -> tuple[Place, ...]:
        """The 34 provincial-level units, in code order."""
        return tuple(p for p in self._places if p.level == "province")

    def abbreviations(self, level: str | None = None) -> dict[str, tuple[Place, ...]]:
        """Abbreviation -> places (provinces first); only those of ``level`` when given."""
        out = {}
        for a, found in self._by_abbr.items():
            sel = tuple(p for p in found if level is None or p.level == level)
            if sel:
                out[a] = sel
        return out

    def names(
        self,
        levels: Iterable[str] = LEVELS,
        *,
        short_levels: Iterable[str] = ("province", "prefecture"),
        former: bool = True,
        words: bool = False,
    ) -> set[str]:
        """Written forms of the divisions of ``levels``.

        Full names and aliases of every selected level; short forms only of
        ``short_levels`` (county shorts such as 大方, 南部, 会同 are too often
        ordinary words to be on by default). ``words=False`` drops names the
        data flags as ordinary words (``Place.word``).
        """
        levels = set(levels)
        short_levels = set(short_levels)
        out: set[str] = set()
        for p in self._places:
            if p.level not in levels or (not former and not p.current):
                continue
            if words or p.word < 2:
                out.add(p.name)
                out.update(p.aliases)
            if p.level in short_levels and (words or p.word == 0):
                out.add(p.short)
        return out

    def pattern_source(self, levels: Iterable[str] = LEVELS, **kw) -> str:
        """Regex source (non-capturing) of :meth:`names` with the same arguments."""
        return alternation(self.names(levels, **kw))

    def word_set(
        self,
        levels: Iterable[str] = LEVELS,
        *,
        short_levels: Iterable[str] = ("province", "prefecture"),
        former: bool = True,
        words: bool = False,
    ) -> WordSet:
        """:meth:`names` as a :class:`WordSet`: the dictionary twin of :meth:`pattern` (same words,
        longest first, nothing to compile); cached per argument set."""
        key = (frozenset(levels), frozenset(short_levels), former, words)
        found = self._word_sets.get(key)
        if found is None:
            found = WordSet(self.names(levels, short_levels=short_levels, former=former, words=words))
            self._word_sets[key] = found
        return found

    def pattern(
        self,
        levels: Iterable[str] = LEVELS,
        *,
        short_levels: Iterable[str] = ("province", "prefecture"),
        former: bool = True,
        words: bool = False,
    ) -> regex.Pattern[str]:
        """Compiled pattern of :meth:`names`, longest name first; cached per argument set."""
        key = (frozenset(levels), frozenset(short_levels), former, words)
        pat = self._patterns.get(key)
        if pat is None:
            pat = regex.compile(self.pattern_source(levels, short_levels=short_levels, former=former, words=words))
            self._patterns[key] = pat
        return pat


@lru_cache(maxsize=1)
def places() -> Gazetteer:
    """The division gazetteer (read once)."""
    return Gazetteer(_read_tsv("divisions.tsv"))


def province_of(name: str) -> str | None:
    """Short name of the province of a place name (芜湖 -> 安徽), None if unknown."""
    return places().province_of(name)


_AUTONOMOUS_LEVELS = ("自治州", "自治县", "自治旗")


def autonomous_short_forms(gazetteer: "Gazetteer") -> set[str]:
    """The press form of an autonomous unit: its short name + the level character (迪庆州 for
    迪庆藏族自治州, 大厂县 for 大厂回族自治县, 某某旗 for a 自治旗), as roles print it (迪庆州副州长).

    Only units whose short name is a plain place name (``word == 0``): the short of a county may
    be an ordinary word, and so may the short + 县 form.
    """
    out: set[str] = set()
    for p in gazetteer:
        lvl = next((lv for lv in _AUTONOMOUS_LEVELS if p.name.endswith(lv)), None)
        if lvl is not None and p.word == 0 and p.short != p.name and len(p.short) >= 2:
            out.add(p.short + lvl[-1])
    return out


def place_words(
    levels: Iterable[str] = LEVELS,
    *,
    short_levels: Iterable[str] = ("province", "prefecture"),
    former: bool = True,
    words: bool = False,
) -> WordSet:
    """The words of :func:`place_pattern` (same arguments) as a :class:`WordSet`."""
    return places().word_set(levels, short_levels=tuple(short_levels), former=former, words=words)


def place_pattern(
    levels: Iterable[str] = LEVELS,
    *,
    short_levels: Iterable[str] = ("province", "prefecture"),
    former: bool = True,
    words: bool = False,
) -> regex.Pattern[str]:
    """Compiled pattern of place names, longest first (see :meth:`Gazetteer.names`).

    Default: full names of all levels, short forms of provinces and
    prefectures, no ordinary-word names. Follow a match with
    ``places().lookup(m.group())``.
    """
    return places().pattern(levels, short_levels=tuple(short_levels), former=former, words=words)


# --------------------------------------------------------------- posts / orgs / roles

@dataclass(frozen=True, slots=True)
class Post:
    """A bare post title (副书记, 省长) with its category and the level it implies."""

    title: str
    category: str
    level: str


@dataclass(frozen=True, slots=True)
class Org:
    """A written form of a body: ``name`` as written, ``canonical`` to group variants, ``kind``."""

    name: str
    canonical: str
    kind: str

    @property
    def is_local(self) -> bool:
        """True for words written after a place (省委, 政府, 发改委), False for central bodies."""
        return self.kind.startswith(("local_", "party_department", "level"))


class Orgs:
    """Organisations and local body words from ``orgs.tsv``."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self._by_name: dict[str, Org] = {}
        for r in rows:
            org = Org(r["name"], r["canonical"] or r["name"], r["kind"])
            self._by_name.setdefault(org.name, org)

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """Every body name, longest first (compiled on first use, ~20 ms: the parse reads bodies
        through :attr:`words`)."""
        return regex.compile(self.source())

    @cached_property
    def words(self) -> WordSet:
        """Every body name as a :class:`WordSet` (``words.longest`` is ``pattern.match``, without the engine)."""
        return WordSet(self._by_name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Org]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def lookup(self, name: str) -> Org | None:
        return self._by_name.get(name)

    def canonical(self, name: str) -> str:
        """Canonical form of a body name (国家发改委 -> 国家发展改革委); the name itself if unknown."""
        org = self._by_name.get(name)
        return org.canonical if org else name

    def names(self, kinds: Iterable[str] | None = None) -> set[str]:
        sel = None if kinds is None else set(kinds)
        return {o.name for o in self._by_name.values() if sel is None or o.kind in sel}

    def source(self, kinds: Iterable[str] | None = None) -> str:
        return alternation(self.names(kinds))


class RoleSpan(NamedTuple):
    """Where a printed role lies (what ``Posts.role_pattern`` would match): ``[start, end)``, its title
    from ``title_start``, its place ``[place_start, place_end)`` or None."""

    start: int
    title_start: int
    end: int
    place_start: int | None
    place_end: int | None


@dataclass(frozen=True, slots=True)
class RoleParts:
    """A printed role split into its parts; ``(org or "") + title`` is the printed text."""

    org: str | None
    title: str
    place: str | None


class Posts:
    """Post titles from ``posts.tsv`` and the role pattern built from titles, orgs and places.

    ``pattern`` finds bare titles. ``role_pattern`` finds whole printed roles
    with groups ``org`` (possibly empty), ``place`` (inside org) and ``title``: ``江西省委副书记``,
    ``国家发展改革委副秘书长``, ``香港特别行政区行政长官``, ``常务副市长``.
    The org part is the shortest one that leaves a known title, so the title
    is the longest that fits (``长沙市发展和改革委员会`` + ``党组书记``).
    """

    def __init__(self, rows: Iterable[dict[str, str]], org_table: Orgs, gazetteer: Gazetteer) -> None:
        self._by_title: dict[str, Post] = {}
        for r in rows:
            self._by_title.setdefault(r["title"], Post(r["title"], r["category"], r["level"]))
        titles = alternation(self._by_title)
        # a title is not the start of a body name: 常委 in 常委会, 委员 in 委员会, and 行政长官 in the body
        # 行政长官办公室 (a body of orgs.tsv that begins with a title), whose own title follows it
        led = {o.name for o in org_table if any(o.name[:k] in self._by_title for k in range(1, len(o.name)))}
        not_led = f"(?!{alternation(led)})" if led else ""
        self.title_source: str = f"{not_led}(?:{titles})(?!会)"
        self.pattern: regex.Pattern[str] = regex.compile(self.title_source)
        self._org_table = org_table
        #: the words of ``role_pattern`` as dictionaries, for :meth:`role_at`
        self.title_words = WordSet(self._by_title)
        self.led_words = WordSet(led)
        self.place_words = WordSet(
            (gazetteer.names(short_levels=LEVELS, words=True)
             - {p.name for p in gazetteer if p.word == 2 and p.level == "county"})
            | autonomous_short_forms(gazetteer)
        )
        self.org_words = org_table.words

    # The regex forms of the role grammar are built on first use only: compiling the 32 k-character
    # role pattern costs ~0.5 s, and :meth:`role_at` finds the same roles without it.

    @cached_property
    def org_source(self) -> str:
        """Regex source of the org part of a role, ``[中共][place][org ...]`` (lazy)."""
        return f"(?:中共)?(?:{alternation(self.place_words.words)})?(?:{self._org_table.source()})*?"

    @cached_property
    def role_source(self) -> str:
        """Regex source of a printed role with groups org, place and title (lazy)."""
        place_src = alternation(self.place_words.words)
        org_src = self._org_table.source()
        return f"(?P<org>(?:中共)?(?P<place>{place_src})?(?:{org_src})*?)(?P<title>{self.title_source})"

    @cached_property
    def role_pattern(self) -> regex.Pattern[str]:
        """``role_source`` compiled (lazy; :meth:`role_at` is the fast equivalent of ``match``)."""
        return regex.compile(self.role_source)

    def role_at(
        self, text: str, pos: int, endpos: int | None = None, *, full: bool = False, memo: dict | None = None
    ) -> RoleSpan | None:
        """The role ``role_pattern.match(text, pos, endpos)`` finds (``full``: ``fullmatch``), by dictionary lookups.

        Same order of trial as the pattern: ``中共`` if present first; the place longest first, then
        none; then as few bodies as possible (each longest first) before a title (longest first)
        that no ``会`` follows and no body word that opens with a title (行政长官办公室) covers.
        Nothing beyond ``endpos`` is seen, as with the pattern. ``memo`` may be shared by calls with
        the same ``text``, ``endpos`` and ``full``: it holds, per position, the first title reachable
        through bodies.
        """
        end = len(text) if endpos is None else endpos
        if pos > end:
            return None
        if memo is None:
            memo = {}
        heads = (pos + 2, pos) if text.startswith("中共", pos, end) else (pos,)
        for a in heads:
            for b in (*self.place_words.ends_from(text, a, end), a):
                found = self._role_tail(text, b, end, full, memo)
                if found is not None:
                    if b == a:
                        return RoleSpan(pos, found[0], found[1], None, None)
                    return RoleSpan(pos, found[0], found[1], a, b)
        return None

    def title_end(self, text: str, pos: int, end: int | None = None, full: bool = False) -> int | None:
        """End of the title ``pattern.match(text, pos, end)`` finds (``full``: ending at ``end``), or None."""
        if end is None:
            end = len(text)
        if not full:
            m = self._title_match(text, pos, end)
            return m.end() if m is not None else None
        if self.led_words.ends_from(text, pos, end):
            return None
        for e in self.title_words.ends_from(text, pos, end):
            if full:
                if e == end:
                    return e
            elif e == end or text[e] != "会":
                return e
        return None

    @cached_property
    def _title_match(self) -> Callable[..., "re.Match[str] | None"]:
        """``pattern.match`` in the stdlib engine: the same source (a small trie with its two
        lookaheads, which both engines read alike), but a call costs a third of a ``regex`` one and
        less than the dictionary walk; :meth:`title_end` makes hundreds of calls a parse."""
        return re.compile(self.title_source).match

    def _role_tail(self, text: str, p0: int, end: int, full: bool, memo: dict) -> tuple[int, int] | None:
        """(title start, end) of the first match of ``(?:ORG)*?TITLE`` at ``p0``, in the pattern's order.

        Depth first over the bodies (lazy: a title is tried before one more body), iteratively so that
        a long run of body words cannot exhaust the stack; positions already tried are in ``memo``.
        """
        if p0 in memo:
            return memo[p0]
        path: list[list] = []  # [position, body ends to try from it, next index]
        p = p0
        while True:
            t = self.title_end(text, p, end, full)
            if t is not None:
                found = (p, t)
                memo[p] = found
                for frame in path:
                    memo[frame[0]] = found
                return found
            path.append([p, self.org_words.ends_from(text, p, end), 0])
            nxt = None
            while path:
                frame = path[-1]
                ends = frame[1]
                if frame[2] >= len(ends):
                    memo[frame[0]] = None
                    path.pop()
                    continue
                q = ends[frame[2]]
                frame[2] += 1
                if q not in memo:
                    nxt = q
                    break
                found = memo[q]
                if found is not None:
                    for f in path:
                        memo[f[0]] = found
                    return found
            if nxt is None:
                return None
            p = nxt

    def __contains__(self, title: object) -> bool:
        return title in self._by_title

    def __iter__(self) -> Iterator[Post]:
        return iter(self._by_title.values())

    def __len__(self) -> int:
        return len(self._by_title)

    def info(self, title: str) -> Post | None:
        """Category and level of a bare title (省长 -> government, province)."""
        return self._by_title.get(title)

    def is_title(self, text: str) -> bool:
        return text in self._by_title

    def parse_role(self, text: str) -> RoleParts | None:
        """(org, title, place) of a printed role made only of known words, else None.

        ``江西省委副书记`` -> org ``江西省委``, title ``副书记``, place ``江西``: the place
        is what a following bare title inherits (``、省长`` -> 江西 + 省长).
        """
        r = self.role_at(text, 0, full=True)
        if r is None:
            return None
        place = text[r.place_start : r.place_end] if r.place_start is not None else None
        return RoleParts(text[: r.title_start] or None, text[r.title_start :], place)

    def split_role(self, text: str) -> tuple[str | None, str]:
        """Split a printed role into (org, title); ``org + title == text`` when org is not None.

        ``江西省委副书记`` -> (``江西省委``, ``副书记``); ``省长`` -> (None, ``省长``);
        ``湖北省委常委`` -> (``湖北省委``, ``常委``). A role whose org part is
        not in the vocabularies still splits on its longest known title
        (``某某大学校长`` -> (``某某大学``, ``校长``)). Text with no known
        title at its end comes back as (None, text).
        """
        r = self.role_at(text, 0, full=True)
        if r is not None:
            return (text[: r.title_start] or None), text[r.title_start :]
        for i in range(len(text)):
            tail = text[i:]
            if tail in self._by_title:
                return (text[:i] or None), tail
        return None, text


@lru_cache(maxsize=1)
def orgs() -> Orgs:
    """The organisation table (read once)."""
    return Orgs(_read_tsv("orgs.tsv"))


@lru_cache(maxsize=1)
def posts() -> Posts:
    """The post-title table with its compiled patterns (read and compiled once)."""
    return Posts(_read_tsv("posts.tsv"), orgs(), places())


def split_role(text: str) -> tuple[str | None, str]:
    """(org, title) of a printed role; see :meth:`Posts.split_role`."""
    return posts().split_role(text)


# --------------------------------------------------------------- surnames

class Surnames:
    """Single and compound surnames from ``surnames.txt``."""

    def __init__(self, lines: Iterable[str]) -> None:
        rows = [s.split("\t") for s in lines if s.strip()]
        #: surnames that are also common function words or verbs (者, 要, 矣, 起): a line ``者\tslot``. They
        #: are not in ``single``: only the strongest name slot (right after a chain of posts) reads them
        self.slot_only: frozenset[str] = frozenset(r[0].strip() for r in rows if len(r) > 1 and r[1].strip() == "slot")
        items = [r[0].strip() for r in rows if len(r) == 1 or r[1].strip() != "slot"]
        self.single: frozenset[str] = frozenset(s for s in items if len(s) == 1)
        self.compound: frozenset[str] = frozenset(s for s in items if len(s) > 1)
        singles_in_order = [s for s in items if len(s) == 1]
        #: the 100 most frequent single surnames (first lines of the file)
        self.common: frozenset[str] = frozenset(singles_in_order[:100])
        self._max = max((len(s) for s in items), default=1)
        # compound surname lengths by first character, longest first: most positions start none
        by_first: dict[str, set[int]] = {}
        for s in self.compound:
            by_first.setdefault(s[0], set()).add(len(s))
        self._compound_lens = {c: tuple(sorted(ls, reverse=True)) for c, ls in by_first.items()}
        self.pattern: regex.Pattern[str] = regex.compile(alternation(items))

    def __contains__(self, s: object) -> bool:
        return s in self.single or s in self.compound

    def __len__(self) -> int:
        return len(self.single) + len(self.compound)

    def is_surname_start(self, text: str, pos: int = 0) -> int:
        """Length of the surname that starts ``text`` at ``pos`` (compound first), 0 if none."""
        if pos >= len(text):
            return 0
        for n in self._compound_lens.get(text[pos], ()):
            if pos + n <= len(text) and text[pos:pos + n] in self.compound:
                return n
        return 1 if text[pos] in self.single else 0


@lru_cache(maxsize=1)
def surnames() -> Surnames:
    """The surname list (read once)."""
    return Surnames(_read_lines("surnames.txt"))


# --------------------------------------------------------------- meeting kinds

@dataclass(frozen=True, slots=True)
class MeetingKind:
    kind: str
    canonical: str
    example: str


class MeetingKinds:
    """Meeting-type words from ``meeting_kinds.tsv``; ``pattern`` finds them longest first."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self._by_kind: dict[str, MeetingKind] = {}
        for r in rows:
            self._by_kind.setdefault(r["kind"], MeetingKind(r["kind"], r["canonical"] or r["kind"], r["example"]))
        self.source: str = alternation(self._by_kind)
        self.pattern: regex.Pattern[str] = regex.compile(self.source)

    def __contains__(self, kind: object) -> bool:
        return kind in self._by_kind

    def __iter__(self) -> Iterator[MeetingKind]:
        return iter(self._by_kind.values())

    def __len__(self) -> int:
        return len(self._by_kind)

    def canonical(self, kind: str) -> str | None:
        """Canonical kind of a kind word (联席会 -> 联席会议), None if not a kind word."""
        k = self._by_kind.get(kind)
        return k.canonical if k else None

    def kind_of(self, name: str) -> str | None:
        """Canonical kind of a meeting name: that of the LAST kind word in it.

        ``粤港合作联席会议第二十次会议`` -> 联席会议; ``经济协调会第十六届市长联席会议`` -> 联席会议
        (协调会 there names the body); ``线上签约仪式`` -> 签约仪式; None without a kind word.
        """
        last = None
        for m in self.pattern.finditer(name):
            last = m.group()
        return self.canonical(last) if last else None


@lru_cache(maxsize=1)
def meeting_kinds() -> MeetingKinds:
    """The meeting-kind table (read once)."""
    return MeetingKinds(_read_tsv("meeting_kinds.tsv"))


# --------------------------------------------------------------- rule vocabulary

class _Vocab(Mapping[str, str]):
    """The placeholder expansions, each built on first use.

    Why lazy: building all of them (the role source holds every place and body name) costs
    ~0.2 s, and a rule file needs only a few (``meetings.rules.json``: PLACE, PROVINCE, the
    abbreviations, MEETING_KIND).
    """

    def __init__(self, builders: dict[str, Callable[[], str]]) -> None:
        self._builders = builders
        self._built: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key not in self._built:
            self._built[key] = self._builders[key]()
        return self._built[key]

    def __contains__(self, key: object) -> bool:
        return key in self._builders  # without building it

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)


def _abbr_class(level: str) -> str:
    return "[" + "".join(sorted(a for a, ps in places().abbreviations(level).items())) + "]"


def _role_source() -> str:
    p = posts()
    return f"(?:{p.org_source})(?:{p.title_source})"


@lru_cache(maxsize=1)
def vocab() -> Mapping[str, str]:
    """Placeholder expansions for ``data/*.rules.json`` (``"vocab_provider": "regevents.gazetteer:vocab"``).

    Every value is a non-capturing regex source (built when first asked for):

    * ``PLACE``: full names of all levels + province/prefecture shorts (no ordinary words);
    * ``PROVINCE``, ``PREFECTURE``, ``COUNTY``: names of one level (full + short, no ordinary words);
    * ``PROVINCE_ABBR``: one-character provincial abbreviations (沪 苏 浙 皖 ...);
    * ``CITY_ABBR``: city abbreviations (汉 榕 穗 ...);
    * ``TITLE``: post titles; ``ORG``: body names and local body words;
    * ``ROLE``: a printed role, ``[中共][place][org...]title`` (no named groups);
    * ``SURNAME``: surnames, compound first; ``MEETING_KIND``: meeting-type words.
    """
    return _Vocab({
        "PLACE": lambda: places().pattern_source(),
        "PROVINCE": lambda: places().pattern_source(("province",)),
        "PREFECTURE": lambda: places().pattern_source(("prefecture",)),
        "COUNTY": lambda: places().pattern_source(("county",), short_levels=("county",)),
        "PROVINCE_ABBR": lambda: _abbr_class("province"),
        "CITY_ABBR": lambda: _abbr_class("prefecture"),
        "TITLE": lambda: posts().title_source,
        "ORG": lambda: orgs().source(),
        "ROLE": _role_source,
        "SURNAME": lambda: alternation(surnames().single | surnames().compound),
        "MEETING_KIND": lambda: meeting_kinds().source,
    })
