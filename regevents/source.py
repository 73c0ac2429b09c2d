"""Source metadata: outlet, the article's own date, and the credited staff.

Why zones matter here: an outlet or a date is read only from the page header,
meta lines and the lead's dateline, never from a licence line
(``Copyright 2001-2024``) or a related-news list; credits are read from meta
lines, captions, the editor chain and the lead's parenthesis, never from the
body's prose (``接受记者采访时表示`` credits nobody).

Precedence, most specific first:
* outlet: ``来源:X`` line > dateline ``X讯`` / ``X北京10月20日电`` > ``X 2024-11-22`` stamp line
  > first crumb of the navigation (``星岛日报 > 港闻``) > a reporter's credit (``庆阳日报记者``);
* published: the page stamp > the dateline's month/day > the ``published`` argument.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .dates import Anchor, parse_stamp
from .models import Span
from .normalize import CleanText
from .rules import load_rules
from .zones import BODY, CAPTION, FURNITURE, HEADLINE, META, Zoning

# A credited name: a run without separators, a surname and one character set
# apart by a space ("李 娜"), which typesetters use to pad two-character names,
# or a romanised name of capitalised words (English mirror pages: "Editor: Wang Xiaoming").
_CREDIT_TOKEN = regex.compile(
    r"[A-Z][a-z]+(?:[ ][A-Z][a-z]+){1,2}(?![A-Za-z])|\p{Han}[ \u3000]{1,2}\p{Han}(?![^\s、,])|[^、,\s]+"
)
_SPACES = regex.compile(r"\s+")
_PADDED_NAME = regex.compile(r"\p{Han}[ \u3000]{1,2}\p{Han}")  # e-paper text pads with two: 尚  某
_CREDIT_ORG = regex.compile(r"\p{Han}{2,14}(?:中心|报社|日报|晚报|网|台|社|融媒体)")
_GENERIC_OUTLETS = frozenset({"本报", "本网", "本台", "本刊", "本站", "新闻", "消息"})
_HAN_NAME = regex.compile(r"\p{Han}{2,4}")
_LATIN_NAME = regex.compile(r"[A-Za-z][A-Za-z.\-]{1,30}(?: [A-Z][a-z]+){0,2}")
# a transliterated (Uyghur, Kazakh ...) name: parts joined by a middle dot, no surname
_DOTTED_NAME = regex.compile(r"\p{Han}{1,6}(?:[·・•]\p{Han}{1,8}){1,2}")
_LEAD_BRACKET = regex.compile(r"\([^()\n]{2,60}\)")  # a bracketed credit in the lead: (记者 某某)
_NOT_NAMES = frozenset({"总编室", "编辑部", "新闻中心", "综合", "供稿", "本报", "新华社"})


@dataclass
class SourceInfo:
    outlet: str | None = None
    published: str | None = None
    published_from: str | None = None  # "stamp" | "dateline" | "argument"
    byline: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    dateline_end: int | None = None  # clean offset where the dateline ends (the lead starts after it)
    dateline_md: tuple[int, int] | None = None  # month and day of the lead's dateline (本报8月25日讯)

    @property
    def anchor(self) -> Anchor:
        """The "today" of the article's relative dates (今天, 昨日, 今(9)日).

        The dateline says when the report was written; a page stamp may be a
        day later (posted after midnight, or the print edition's date), so the
        dateline's month and day win, with the year taken from the stamp.
        """
        base = Anchor.from_edtf(self.published)
        if self.dateline_md is None:
            return base
        month, day = self.dateline_md
        year = base.year
        if year is not None and base.month is not None and (month, day) > (base.month, base.day or 31):
            year -= 1  # a December dateline on a January stamp
        return Anchor(year, month, day)


def _valid_month_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _is_person_name(token: str) -> bool:
    if token in _NOT_NAMES:
        return False
    if _LATIN_NAME.fullmatch(token) or _DOTTED_NAME.fullmatch(token):
        return True
    if not _HAN_NAME.fullmatch(token):
        return False
    from .gazetteer import surnames  # the surname table loads on first use

    n = surnames().is_surname_start(token)
    return n > 0 and 2 <= len(token) <= n + 3


def _alone_in_slot(token: str, segment: str) -> bool:
    """Is ``token`` the whole credit slot and a transliterated name without its dot (某丽某尔)?

    Why: Uyghur and Kazakh staff are often credited without the dot and with a first
    syllable the surname table lacks; the slot (a credit keyword, the name, then the next
    keyword or the line's end) says a name stands there, and rule ``translit_name`` (every
    character a transliteration syllable) keeps words and stray characters out."""
    return segment.strip() == token and bool(load_rules("source")["translit_name"].pattern.match(token))


def _names_after(text: str, start: int, limit: int, end: int | None = None) -> tuple[list[str], int]:
    """Names credited after a credit keyword that ends at ``start``, and where the last one ends.

    Only ``text[:end]`` is read (``end`` rather than a slice: a copy of the text
    per credit keyword would make a page of credit lines quadratic).
    """
    rules = load_rules("source")
    limit_at = min(len(text) if end is None else end, start + limit)
    stop = rules["credit_stop"].search(text, start, limit_at)
    segment = text[start : stop.start() if stop else limit_at]
    names: list[str] = []
    last_end = start
    for m in _CREDIT_TOKEN.finditer(segment):
        token = m.group()
        if not _LATIN_NAME.fullmatch(token):
            token = _SPACES.sub("", token)  # typesetters pad two-character names: "李 娜"
        if token.endswith("摄") and len(token) > 2:
            token = token[:-1]
        # a two-character name padded with a space (编辑:望 舒) is a name whatever its surname: only names are padded
        padded = bool(_PADDED_NAME.fullmatch(m.group()))
        if padded or _is_person_name(token) or (not names and _alone_in_slot(token, segment)):
            names.append(token)
            last_end = start + m.start() + len(m.group())
        elif not names and _CREDIT_ORG.fullmatch(token):
            continue  # 文/某某区融媒体中心 刘某: the credited person's unit comes first
        else:
            break  # credits are a run of names; prose after them is not a credit
    return names, last_end


def _credit_regions(clean: CleanText, zoning: Zoning) -> list[tuple[int, int]]:
    """Clean ranges where staff credits may stand."""
    regions: list[tuple[int, int]] = []
    first_body = next((ln for ln in zoning.lines if ln.zone == BODY), None)
    for ln in zoning.lines:
        if ln.zone in (META, CAPTION) or (ln.zone == FURNITURE and ln.rule in ("editor_chain", "photo_caption")):
            regions.append((ln.start, ln.end))
    if first_body is not None:
        head = clean.text[first_body.start : min(first_body.end, first_body.start + 120)]
        for m in _LEAD_BRACKET.finditer(head):
            regions.append((first_body.start + m.start(), first_body.start + m.end()))
        lead = load_rules("source")["lead_credit"].pattern.search(head, 0, 40)
        if lead:
            regions.append((first_body.start + lead.start(), first_body.start + lead.end()))
    regions.extend(_body_photo_credits(clean.text, zoning))
    regions.extend(_body_credit_lines(clean.text, zoning))
    return regions


_MAX_CREDIT_LINE = 120  # a line of credits (记者/摄像/剪辑/编辑 …); a longer body line is prose


def _body_credit_lines(text: str, zoning: Zoning) -> list[tuple[int, int]]:
    """Credits the zoner left in the body: a line of credits alone (rule ``credit_line``: a video page's
    ``记者:甲 乙 摄像:丙``) and a bracketed reporter's credit closing a line (rule ``closing_credit``:
    ``…参加会议。(某某日报记者 甲)``). The line stays in the body; only the credit is read."""
    rules = load_rules("source")
    found: list[tuple[int, int]] = []
    for ln in zoning.lines_in(BODY):
        if ln.end - ln.start <= _MAX_CREDIT_LINE and rules["credit_line"].pattern.match(text, ln.start, ln.end):
            found.append((ln.start, ln.end))
        elif text.endswith(")", ln.start, ln.end) or text[max(ln.start, ln.end - 2) : ln.end].strip().endswith(")"):
            m = rules["closing_credit"].pattern.search(text, max(ln.start, ln.end - 40), ln.end)
            if m:
                found.append((m.start(), m.end()))
    return found


def _body_photo_credits(text: str, zoning: Zoning) -> list[tuple[int, int]]:
    """Photographers' credits closing body lines (``…在杭州召开。记者 王 某 摄``).

    Why not zone such a line as a caption: its sentence is often the only one that
    names where the meeting was held, and the body must keep it."""
    rule = load_rules("source")["body_photo_credit"].pattern
    found: list[tuple[int, int]] = []
    for ln in zoning.lines_in(BODY):
        if "摄" in text[max(ln.start, ln.end - 3) : ln.end]:  # cheap test first: the credit closes the line
            m = rule.search(text, ln.start, ln.end)
            if m:
                found.append((m.start(), m.end()))
    return found


def _byline(clean: CleanText, zoning: Zoning, credits: list[tuple[int, int]]) -> tuple[list[str], list[Span]]:
    rules = load_rules("source")
    text = clean.text
    names: list[str] = []
    evidence: list[Span] = []
    for start, end in credits:
        for m in rules["credit"].finditer(text, start, end):
            found, last_end = _names_after(text, m.end(), 40, end)
            for n in found:
                if n not in names:
                    names.append(n)
            if found:
                evidence.append(clean.span(m.start(), last_end))
    body_lines = zoning.lines_in(BODY)
    if body_lines:
        last = body_lines[-1]
        m = rules["trailing_signature"].search(text, last.start, last.end)
        if m and _is_person_name(m["name"]) and m["name"] not in names:
            names.append(m["name"])
            evidence.append(clean.span(m.start("name"), m.end("name")))
    return names, evidence


def _dateline(text: str, zoning: Zoning) -> regex.Match[str] | None:
    """The lead's dateline (``湖北日报讯``, ``人民网北京10月20日电``) in one of the first body lines."""
    rule = load_rules("source")["dateline"]
    for ln in zoning.lines_in(BODY)[:3]:
        m = rule.search(text, ln.start, ln.end)
        if m:
            return m
    return None


def _outlet(
    clean: CleanText, zoning: Zoning, credits: list[tuple[int, int]]
) -> tuple[str | None, Span | None, regex.Match[str] | None]:
    rules = load_rules("source")
    text = clean.text
    header_like = [ln for ln in zoning.lines if ln.zone in (META, HEADLINE, CAPTION) or ln.rule == "editor_chain"]
    for ln in header_like:
        m = rules["source_line"].search(text, ln.start, ln.end)
        if m and m["outlet"] not in _GENERIC_OUTLETS:
            return m["outlet"], clean.span(m.start("outlet"), m.end("outlet")), None
    dateline = _dateline(text, zoning)
    if dateline and dateline["outlet"] not in _GENERIC_OUTLETS:
        return dateline["outlet"], clean.span(dateline.start("outlet"), dateline.end("outlet")), dateline
    for ln in header_like:
        m = rules["stamp_outlet"].search(text, ln.start, ln.end)
        if m:
            return m["outlet"], clean.span(m.start("outlet"), m.end("outlet")), dateline
    # weaker evidence: a masthead or the first crumb of a navigation line, then a reporter's credit
    for ln in zoning.lines:
        if ln.zone == BODY:
            break
        m = rules["breadcrumb_outlet"].search(text, ln.start, ln.end) or rules["masthead_outlet"].search(text, ln.start, ln.end)
        if m:
            if m["outlet"] not in _GENERIC_OUTLETS:
                return m["outlet"], clean.span(m.start("outlet"), m.end("outlet")), dateline
    for start, end in credits:
        m = rules["credit_outlet"].search(text, start, end)
        if m and m["outlet"] not in _GENERIC_OUTLETS:
            return m["outlet"], clean.span(m.start("outlet"), m.end("outlet")), dateline
    return None, None, dateline


def _header_lines(zoning: Zoning) -> list[tuple[int, int]]:
    """The meta and headline lines above the body: a page stamp stands above the article."""
    found: list[tuple[int, int]] = []
    for ln in zoning.lines:
        if ln.zone == BODY:
            break
        if ln.zone in (META, HEADLINE):
            found.append((ln.start, ln.end))
    return found


def _stamp(clean: CleanText, zoning: Zoning) -> tuple[str | None, Span | None]:
    rules = load_rules("source")
    text = clean.text
    lines = _header_lines(zoning)
    for start, end in lines:
        for m in rules["stamp"].finditer(text, start, end):
            if rules["not_page_date"].pattern.search(text, max(start, m.start() - 12), m.start()):
                continue  # 成文日期:2023年09月13日 dates the drafting; the page's 发布日期 follows
            value = parse_stamp(m.group())
            if value:
                return value, clean.span(m.start(), m.end())
    return None, None


def _month_day_stamp(clean: CleanText, zoning: Zoning, year: int | None) -> tuple[str | None, Span | None]:
    """A year-less page stamp (``发布时间:09-22 10:30``) as ``XXXX-09-22`` (the caller's year if known).

    Read only when no full stamp stands above the body; it still outranks the dateline,
    which says when the report was written, not when the page was published."""
    m = None
    for start, end in _header_lines(zoning):
        m = load_rules("source")["stamp_month_day"].search(clean.text, start, end)
        if m and _valid_month_day(int(m["month"]), int(m["day"])):
            break
        m = None
    if m is None:
        return None, None
    value = f"{year if year else 'XXXX'}-{int(m['month']):02d}-{int(m['day']):02d}"
    return value, clean.span(m.start("month"), m.end("day"))


def read_source(clean: CleanText, zoning: Zoning, published: str | None = None) -> SourceInfo:
    """Outlet, date and byline of the article. ``published`` is the caller's EDTF date, if any."""
    info = SourceInfo()
    credits = _credit_regions(clean, zoning)  # read by the outlet's last resort and the byline
    outlet, outlet_span, dateline = _outlet(clean, zoning, credits)
    if dateline is None:
        dateline = _dateline(clean.text, zoning)
    info.outlet = outlet
    if outlet_span:
        info.evidence.append(outlet_span)
    if dateline is not None:
        info.dateline_end = dateline.end()

    if dateline is not None and dateline["month"] and _valid_month_day(int(dateline["month"]), int(dateline["day"])):
        info.dateline_md = (int(dateline["month"]), int(dateline["day"]))

    stamp, stamp_span = _stamp(clean, zoning)
    if not stamp:
        stamp, stamp_span = _month_day_stamp(clean, zoning, Anchor.from_edtf(published).year if published else None)
    if stamp:
        info.published, info.published_from = stamp, "stamp"
        info.evidence.append(stamp_span)  # type: ignore[arg-type]
    elif dateline is not None and dateline["month"]:
        month, day = int(dateline["month"]), int(dateline["day"])
        year = Anchor.from_edtf(published).year if published else None
        info.published = f"{year if year else 'XXXX'}-{month:02d}-{day:02d}"
        info.published_from = "dateline"
        info.evidence.append(clean.span(dateline.start("month"), dateline.end("day")))
    elif published:
        info.published, info.published_from = published, "argument"

    info.byline, spans = _byline(clean, zoning, credits)
    info.evidence.extend(spans)
    return info
