"""Posts as ``Role(title, org)`` with the context the genre leaves out filled in.

The press writes a post once in full and then elides what the reader already
knows:

* inside one person: ``江西省委副书记、省长X`` -> 省长 of 江西省 (a government
  post after a Party committee belongs to the place, not to the committee);
  ``武汉市发改委党组成员、副主任X`` -> 副主任 of 武汉市发改委 (the same body);
* along a list: ``X区委副书记甲,区委常委、常务副区长乙`` -> 乙's 区委 is X区's;
  ``上海市委常委、市委秘书长甲出席,副市长乙主持`` -> 乙 is 上海市's 副市长;
* from the outlet: a provincial paper writes ``省委书记X`` for its own
  province (湖南日报 -> 湖南省委书记); such roles say ``org_inferred=True``.
  (Which of the two wins after a guest of another province is decided by the
  caller: ``attendees._home_side``.)
* SAR posts written alone (``政务司司长``, ``财经事务及库务局局长``, ``特首``):
  the SAR of the previous post, else the SAR government the sentence names
  (``香港特区政府出席会议的官员包括…``), else the outlet's or the article's
  only SAR (:class:`SarContext`). A SAR title never takes a mainland place.

Roles keep the printed wording of the body (``org + title`` reads like the
article with the context filled in): ``国务院港澳事务办公室主任`` stays as written,
not the short form ``国务院港澳办`` (``orgs().canonical`` is there to decide that
two wordings name one body, not to rewrite them). A place filled in from a
previous post keeps its printed form too: ``黔西南州委副书记、州长`` gives
``黔西南州`` + 州长, like the Party post before it, not the full gazetteer name.
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

from ..gazetteer import LEVELS, Place, WordSet, orgs, place_words, places, posts
from ..models import Role

# level words that open a body written without its place: 省委, 市政府, 自治区党委, 区委
_PARTIAL = regex.compile(r"(?:自治区|自治州|省|市|区|县|州)")
_LEVEL_CHARS = ("自治区", "自治州", "省", "市", "区", "县", "州")
_LEVEL_END = frozenset("省市区县州")
_PARTY_COMMITTEE_KINDS = frozenset({"local_party"})
# general titles that, after a Party committee post, head the place's government (自治区党委副书记、主席);
# other general titles stay with the committee (省委常委、秘书长 -> 省委秘书长)
_PLACE_HEADS = frozenset({"主席", "副主席", "常务副主席"})


@dataclass(frozen=True)
class RoleHit:
    """A printed role in the clean text: ``org`` as written (may be None or a bare level body like 省委)."""

    start: int
    end: int
    org: str | None
    title: str

    @property
    def raw(self) -> str:
        return (self.org or "") + self.title


# a body's own Party committee or group, written after the body (公安厅党委, 发改委党组)
_BODY_PARTY_SUFFIXES = ("党委", "党组", "党工委")


@dataclass(frozen=True)
class OrgContext:
    """What a resolved role says about where the person works: the place and the body."""

    place: Place | None
    org: str | None  # the full org as resolved (江西省委, 武汉市发改委, 国务院)
    body: str  # the org without its place (委 / 省委 -> 委, 发改委, '')
    inferred: bool = False
    written: str = ""  # the place as printed (黔西南州 in 黔西南州委), '' when it was filled in

    def place_as_written(self, level_word: str | None = None) -> str:
        """The place as the article printed it, when that form still names its level
        (``黔西南州`` for 州长); else the gazetteer's full name."""
        assert self.place is not None
        w = self.written
        if w and w[-1] in _LEVEL_END and _fits(self.place, w[-1]) and (not level_word or w.endswith(level_word)):
            return w
        return self.place.name

    @property
    def party_committee(self) -> bool:
        b = self.body
        if not b:
            return False
        o = orgs().lookup(b) or orgs().lookup(b.lstrip("省市区县州"))
        if o is not None:
            return o.kind in _PARTY_COMMITTEE_KINDS
        return b in ("委", "党委")


@lru_cache(maxsize=1)
def _place_words() -> WordSet:
    """Every place name, county short forms and ordinary words too, for :func:`_place_at_start`."""
    return place_words(short_levels=LEVELS, words=True)


def _place_at_start(s: str) -> str:
    """The longest place name ``s`` opens with, or '' (a dictionary lookup: the place trie pattern
    costs the ``regex`` engine ~30 us a call, trying its first characters one by one)."""
    end = _place_words().longest(s)
    return s[:end] if end else ""


@lru_cache(maxsize=1)
def outlet_regions() -> dict[str, str]:
    """Outlet -> home region name ('' for national outlets), from ``data/people_outlets.tsv``."""
    ref = resources.files("regevents") / "data" / "people_outlets.tsv"
    out: dict[str, str] = {}
    lines = [ln for ln in ref.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    for ln in lines[1:]:
        cells = ln.split("\t")
        out[cells[0].strip()] = cells[1].strip() if len(cells) > 1 else ""
    return out


def home_region(outlet: str | None) -> Place | None:
    """The region an outlet reports from: the table first, else a place its name starts with (湖南日报 -> 湖南)."""
    if not outlet:
        return None
    table = outlet_regions()
    if outlet in table:
        return places().lookup(table[outlet]) if table[outlet] else None
    m = _place_at_start(outlet)
    if len(m) >= 2:
        p = places().lookup(m)
        if p is not None and p.word == 0:
            if p.level in ("province", "prefecture"):
                return p
            if p.level == "county" and _COUNTY_PAPER.fullmatch(outlet, len(m)) and len(places().lookup_all(m)) == 1:
                return p  # 吴江日报, 萧山发布: a county's or district's own paper (我区区委书记甲); 鼓楼 is several
    return None


# what follows a county's name in the name of its own paper or account (a county-level place opening a
# longer name, 吴江新闻网 or 江阴市民卡中心, is no paper of it unless the rest is one of these)
_COUNTY_PAPER = re.compile(r"(?:日报|报|新闻网|新闻|融媒体中心|融媒|发布|电视台|广播电视台)")


@lru_cache(maxsize=4096)
def split_place(org: str) -> tuple[Place | None, str, str]:
    """(place, place as written, rest) of an org string: 江西省委 -> (江西省, '江西省', '委').

    Cached: a pure function of the string, asked for the same few orgs again and again while an
    article's roles are read and resolved."""
    core = org.removeprefix("中共")
    m = _place_at_start(core)
    if m and _body_word_at_start(core, len(m)):
        return None, "", core  # 公安局, 新华社, 合作交流办: a body word, not the county 公安 or 合作
    if m:
        p = places().lookup(m)
        if p is not None:
            written, rest = m, core[len(m):]
            # 黔西南州委: the trie may stop at 黔西南 leaving 州委; keep the level word with the place
            lvl = next((w for w in _LEVEL_CHARS if rest.startswith(w) and len(rest) > len(w)), None)
            if lvl and not written.endswith(lvl) and _fits(p, lvl):
                written, rest = written + lvl, rest[len(lvl):]
            child = _child_place(p, rest)
            if child is not None:
                # 常州市金坛区委: the district's committee, printed after its city; the place is the district
                q, w2, rest2 = child
                return q, written + w2, rest2
            return p, written, rest
    return None, "", core


def _child_place(parent: Place, rest: str) -> tuple[Place, str, str] | None:
    """(place, place as written, rest) when ``rest`` opens with a division inside ``parent``, else None.

    Only a full division name (金坛区, 溧阳市), never a short form: the short form of a county
    is too often the start of an ordinary word.
    """
    m = _place_at_start(rest)
    if len(m) < 2:
        return None
    q = next((c for c in places().lookup_all(m) if within(c, parent) and c.name == m), None)
    if q is None or _body_word_at_start(rest, len(m)):
        return None
    sub = split_place(rest)  # 江苏省常州市金坛区委: down to the lowest division
    if sub[0] is not None and (sub[0] == q or within(sub[0], q)):
        return sub[0], sub[1], sub[2]
    return q, m, rest[len(m) :]


def within(child: Place, parent: Place) -> bool:
    """Is ``child`` a division below ``parent`` (金坛区 in 常州市, 常州市 in 江苏省)?"""
    if child.level == parent.level or child is parent:
        return False
    if parent.level == "province":
        return child.province == parent.short and child.level != "province"
    return parent.level == "prefecture" and child.level == "county" and child.city == parent.short


def is_sar(place: Place | None) -> bool:
    """Is ``place`` one of the two special administrative regions?"""
    return place is not None and place.adcode[:2] in ("81", "82")


def _body_word_at_start(core: str, place_end: int) -> bool:
    """Does a known body word longer than the place read at the start of ``core`` start there too?

    County short names such as 公安, 新华, 合作 begin body words (公安局, 新华社,
    合作交流办); the longer reading wins, except for the bodies of the SARs
    (香港特区政府 is Hong Kong's).
    """
    b = orgs().words.longest(core)
    if b is None or b <= place_end:
        return False
    o = orgs().lookup(core[:b])
    return o is not None and o.kind not in _SAR_KINDS


def _fits(place: Place, level_word: str) -> bool:
    """Can ``level_word`` (省, 市, 自治区 ...) stand for ``place``? 市 fits 上海市 and 长沙市, not 湖南省."""
    return place.name.endswith(level_word)


def _join(place: Place, partial: str) -> str | None:
    """Place + a body written without it: (湖南省, 省委) -> 湖南省委; (上海市, 市政府) -> 上海市政府;
    an autonomous prefecture as the genre prints it (湘西…自治州, 州委) -> 湘西州委."""
    parts = _join_parts(place, partial)
    return parts[0] + parts[1] if parts else None


def _join_parts(place: Place, partial: str, full: bool = False) -> tuple[str, str] | None:
    """(place as printed, body) of :func:`_join`, or None when the level word does not fit the place."""
    for lvl in _LEVEL_CHARS:
        if partial.startswith(lvl):
            return (_name_for_level(place, lvl, full), partial[len(lvl):]) if _fits(place, lvl) else None
    return None


def _name_for_level(place: Place, lvl: str, full: bool = False) -> str:
    """How the genre prints ``place`` before a body or title that names it by the level word ``lvl``: its
    full name, except an autonomous prefecture, printed short + 州 (湘西州委书记, 湘西州州长), unless the
    article itself prints the full name (``full``: 伊犁哈萨克自治州党委书记甲,…州党委副书记乙)."""
    if not full and lvl == "州" and place.level == "prefecture" and place.name.endswith("自治州") and place.short:
        return place.short + "州"
    return place.name


def _province_of(place: Place | None) -> Place | None:
    """The province a city or county lies in (宁德市 -> 福建省); None for a province or no place."""
    if place is None or place.level == "province" or not place.province:
        return None
    prov = places().lookup(place.province)
    return prov if prov is not None and prov.level == "province" else None


def _title_level_word(title: str) -> str | None:
    """The level a head-of-government title names itself (省长 -> 省, 常务副市长 -> 市), else None."""
    info = posts().info(title)
    if info is None or info.category not in ("government", "sar"):
        return None
    for lvl in ("省", "市", "区", "县", "州"):
        if lvl in title:
            return lvl
    return "" if info.category == "sar" else None


@dataclass(frozen=True)
class SarContext:
    """The special administrative region a sentence or an article speaks of, for SAR posts written alone.

    ``owner`` is what a SAR body (政务司, 财经事务及库务局) is prefixed with: the SAR government as the
    sentence printed it (香港特区政府出席会议的官员包括…) or the region's name (澳门特别行政区).
    """

    place: Place
    owner: str
    inferred: bool  # False when the sentence itself names the SAR government


_SAR_GOVERNMENT = ("特别行政区政府", "特区政府")


def _sar_body(org: str) -> bool:
    """A body of a SAR government written without its region (政务司, 经济财政司, 行政长官办公室,
    特区政府政务司)."""
    if split_place(org)[0] is not None:
        return False
    if org.startswith(_SAR_GOVERNMENT):
        return True
    o = orgs().lookup(org)
    return o is not None and o.kind in _SAR_KINDS and not org.endswith("政府")


_SAR_KINDS = ("sar", "sar_council")  # orgs.tsv: a SAR government's bodies, and its councils outside it


def _council(org: str) -> bool:
    """A SAR council outside the government (立法会): its owner is the region, not the government."""
    o = orgs().lookup(org)
    return o is not None and o.kind == "sar_council"


# how the name of a SAR bureau or office ends (发展局, 政务司, 廉政公署, 行政长官办公室)
_SAR_BODY_END = regex.compile(r"(?:局|司|署|处|办|办公室|委员会)$")


def _unlisted_sar_body(org: str, prev: OrgContext | None) -> bool:
    """A body the vocabulary lacks, written alone right after a SAR government's official
    (``香港特区政府某某局局长甲、发展局局长乙``): a bureau of the same government.

    The vocabulary leaves out the SAR bureaus whose names also name mainland departments (发展局,
    房屋局, 教育局 ...); after a SAR official in the same list such a bureau is the SAR's.
    """
    if _sar_owner(prev) is None or orgs().lookup(org) is not None or _PARTIAL.match(org):
        return False
    return split_place(org)[0] is None and bool(_SAR_BODY_END.search(org))


def _sar_owner(prev: OrgContext | None) -> str | None:
    """What a SAR body after ``prev`` belongs to: ``prev``'s region, with 政府 when ``prev``'s body is the government."""
    if prev is None or not is_sar(prev.place):
        return None
    assert prev.place is not None
    w = prev.written or prev.place.name
    return w + "政府" if prev.body.startswith("政府") else w


def _committee_owner(prev: OrgContext | None) -> str | None:
    """The unit the previous post belongs to, when a body written alone is that unit's, or None.

    Why: a chain goes on from a unit's Party committee to a body of the same unit written alone
    (某某新区党工委书记、管委会主任 -> 某某新区管委会). The unit is the previous org less its Party
    suffix (某某新区党工委), or the previous org itself when the title carried the committee
    (某某新区 + 党工委书记) and the org is no body of the vocabulary. Never a bare place or level
    word: a place's own bodies are written with their level word (州党委书记、州政府秘书长)."""
    if prev is None or not prev.org:
        return None
    owner = next((prev.org[: -len(x)] for x in _BODY_PARTY_SUFFIXES if prev.org.endswith(x)), None)
    if owner is None and orgs().lookup(split_place(prev.org)[2] or prev.org) is None:
        owner = prev.org
    if owner is None:
        return None
    rest = split_place(owner)[2]
    return owner if len(rest) >= 2 and not _PARTIAL.fullmatch(rest) else None


_SPECIAL_COMMITTEE = regex.compile(r"\p{Han}{2,}委员会$")
_ASSEMBLY_KINDS = ("local_cppcc", "local_congress", "central_cppcc", "central_congress")


def _assembly_owner(prev: OrgContext | None) -> str | None:
    """The 政协 or 人大 a special committee written alone after ``prev`` belongs to, or None.

    Why: a 政协 or 人大 member's chain goes on to the assembly's own special committee without
    repeating the assembly (重庆市政协常委、人口资源环境建设委员会主任). The committees are the
    assembly's, not its standing committee's: 某某省人大常委会 + 财政经济委员会 -> 某某省人大财政经济委员会."""
    if prev is None or not prev.org:
        return None
    o = orgs().lookup(split_place(prev.org)[2] or prev.org)
    if o is None or o.kind not in _ASSEMBLY_KINDS:
        return None
    return prev.org.removesuffix("常委会").removesuffix("常务委员会")


def _unplaced_party_body(prev: OrgContext | None) -> bool:
    """Is ``prev`` the Party committee of a body that names no place (第一师党委, 某某集团党委)?"""
    if prev is None or not prev.org or prev.place is not None:
        return False
    return any(prev.org.endswith(x) and len(prev.org) > len(x) for x in _BODY_PARTY_SUFFIXES)


def takes_place_from(hit: RoleHit, place: Place) -> bool:
    """Does ``hit`` name no place of its own, and can ``place`` give it one (省委 + 陕西省, 省长 + 陕西省)?"""
    if hit.org:
        return bool(_PARTIAL.match(hit.org)) and split_place(hit.org)[0] is None and _join(place, hit.org) is not None
    lvl = _title_level_word(hit.title)
    return bool(lvl) and _fits(place, lvl)


def takes_sar(hit: RoleHit) -> bool:
    """Does :func:`resolve_role` read its ``sar`` argument for ``hit``? Only for a SAR body written
    alone (政务司) and a SAR title written alone (行政长官, 特首): the two branches that use it."""
    if hit.org:
        return _sar_body(hit.org)
    return _title_level_word(hit.title) == ""


def resolve_role(
    hit: RoleHit, prev: OrgContext | None, home: Place | None, sar: SarContext | None = None, home_in_full: bool = False
) -> tuple[Role, OrgContext]:
    """The role of ``hit`` with its missing place or body taken from ``prev``, else from ``home``.

    ``home_in_full``: the article prints the home region's full name (伊犁哈萨克自治州), so a place
    filled in from it is written that way too (see :func:`_name_for_level`).

    A SAR post written alone (财政司司长, 行政长官) takes its region from ``prev`` when that is a SAR,
    else from ``sar`` (the SAR government of the sentence, the outlet's or the article's only SAR).
    """
    title = hit.title
    org = hit.org
    if org and (_sar_body(org) or _unlisted_sar_body(org, prev)):
        owner = _sar_owner(prev)
        inferred = prev.inferred if owner is not None and prev is not None else True
        if owner is None and sar is not None:
            owner, inferred = sar.owner, sar.inferred
        if owner is not None:
            if owner.endswith("政府") and _council(org):
                owner = owner[: -len("政府")]  # 香港特区 + 立法会, not 香港特区政府 + 立法会
            if org.startswith(_SAR_GOVERNMENT):
                # 特区政府政务司: only the region is missing (香港 + 特区政府政务司)
                region = split_place(owner)[0]
                owner = region.short if region is not None else owner
            full = owner + org
            place, written, rest = split_place(full)
            return Role(title=title, org=full, org_inferred=inferred, raw=hit.raw), OrgContext(place, full, rest, inferred, written)
        return Role(title=title, org=org, raw=hit.raw), OrgContext(None, org, org)
    if org:
        place, written, rest = split_place(org)
        if place is not None:
            ctx = OrgContext(place, org, rest, written=written)
            return Role(title=title, org=org, raw=hit.raw), ctx
        if _PARTIAL.match(org):
            # 省委 / 市委 / 省政府 / 省 (省领导): the place comes from context; a city outlet's 省 is its province
            for source, inferred in (
                (prev.place if prev else None, prev.inferred if prev else False),
                (home, True),
                (_province_of(home), True),
            ):
                if source is None:
                    continue
                parts = _join_parts(source, org, home_in_full and source is home)
                if parts:
                    full, body = parts[0] + parts[1], parts[1]
                    if prev is not None and source is prev.place:
                        # 黔西南州委副书记、州政府秘书长: the place as the previous post printed it
                        full = prev.place_as_written(org[: len(org) - len(body)]) + body
                    written = full[: len(full) - len(body)]
                    ctx = OrgContext(source, full, body, inferred, written if written != source.name else "")
                    return Role(title=title, org=full, org_inferred=inferred, raw=hit.raw), ctx
            return Role(title=title, org=org, raw=hit.raw), OrgContext(None, org, org)
        body = orgs().lookup(org)
        if body is not None and body.kind == "party_department" and prev is not None and prev.party_committee and prev.org:
            # 省委常委、宣传部部长 -> the committee's department: 湖南省委宣传部
            full = prev.org + org
            ctx = OrgContext(prev.place, full, split_place(full)[2] if prev.place else full, prev.inferred, prev.written)
            return Role(title=title, org=full, org_inferred=prev.inferred, raw=hit.raw), ctx
        if body is not None and body.kind == "local_government" and prev is not None and prev.party_committee and prev.place is not None:
            # 阿克苏地委副书记、行署专员 -> the same place's government body: 阿克苏地区行署
            full = prev.place.name + org
            ctx = OrgContext(prev.place, full, org, prev.inferred)
            return Role(title=title, org=full, org_inferred=prev.inferred, raw=hit.raw), ctx
        owner = _committee_owner(prev) if body is not None and body.kind == "local_department" else None
        if owner is not None and prev is not None:
            # 某某新区党工委书记、管委会主任 -> the zone's managing body: 某某新区管委会
            full = owner + org
            ctx = OrgContext(prev.place, full, split_place(full)[2] if prev.place else full, prev.inferred, prev.written)
            return Role(title=title, org=full, org_inferred=prev.inferred, raw=hit.raw), ctx
        assembly = _assembly_owner(prev) if body is None and _SPECIAL_COMMITTEE.search(org) else None
        if assembly is not None and prev is not None:
            # 某某市政协常委、人口资源环境委员会主任 -> a special committee of that 政协 (人大 for 人大常委会)
            full = assembly + org
            ctx = OrgContext(prev.place, full, split_place(full)[2] if prev.place else full, prev.inferred, prev.written)
            return Role(title=title, org=full, org_inferred=prev.inferred, raw=hit.raw), ctx
        ctx = OrgContext(None, org, org)
        return Role(title=title, org=org, raw=hit.raw), ctx

    # a bare title: 省长, 市长, 主席, 副主任, 秘书长
    lvl = _title_level_word(title)
    if lvl == "":
        # 行政长官, 特首: only a SAR can own them
        if prev is not None and is_sar(prev.place):
            assert prev.place is not None
            written = prev.place_as_written()
            ctx = OrgContext(prev.place, written, "", prev.inferred, written if written != prev.place.name else "")
            return Role(title=title, org=written, org_inferred=prev.inferred, raw=hit.raw), ctx
        if sar is not None:
            name = sar.place.name
            return Role(title=title, org=name, org_inferred=sar.inferred, raw=hit.raw), OrgContext(sar.place, name, "", sar.inferred)
        return Role(title=title, org=None, raw=hit.raw), OrgContext(None, None, "")
    if lvl is not None:
        for source, inferred in ((prev.place if prev else None, prev.inferred if prev else False), (home, True)):
            if source is not None and _fits(source, lvl):
                written = prev.place_as_written(lvl) if prev is not None and source is prev.place else _name_for_level(source, lvl, home_in_full)
                ctx = OrgContext(source, written, "", inferred, written if written != source.name else "")
                return Role(title=title, org=written, org_inferred=inferred, raw=hit.raw), ctx
        return Role(title=title, org=None, raw=hit.raw), OrgContext(None, None, "")
    info = posts().info(title)
    category = info.category if info else "general"
    names_own_body = category == "state" or (category == "government" and info is not None and info.level == "national")
    if names_own_body or (category == "military" and not _unplaced_party_body(prev)):
        # 国家主席, 中央军委主席, 总理: posts that name their own body; a 政委 after the Party committee
        # of a body with no place (第一师党委书记、政委) is that body's
        return Role(title=title, org=None, raw=hit.raw), OrgContext(None, None, "")
    if prev is not None and prev.org and category != "party":
        # 公安厅党委委员、副厅长: the department's Party committee, then a post of the department itself
        for suffix in _BODY_PARTY_SUFFIXES:
            body_org = prev.org[: -len(suffix)]
            if prev.org.endswith(suffix) and split_place(body_org)[2]:
                ctx = OrgContext(prev.place, body_org, split_place(body_org)[2], prev.inferred, prev.written)
                return Role(title=title, org=body_org, org_inferred=prev.inferred, raw=hit.raw), ctx
    if prev is not None and prev.org:
        heads_place = category in ("government", "sar") or title in _PLACE_HEADS
        if prev.party_committee and heads_place and prev.place is not None:
            written = prev.place_as_written()
            ctx = OrgContext(prev.place, written, "", prev.inferred, written if written != prev.place.name else "")
            return Role(title=title, org=written, org_inferred=prev.inferred, raw=hit.raw), ctx
        return Role(title=title, org=prev.org, org_inferred=prev.inferred, raw=hit.raw), prev
    return Role(title=title, org=None, raw=hit.raw), OrgContext(None, None, "")
