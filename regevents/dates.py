"""Chinese date resolver: find date mentions in (clean) news text, give them EDTF values.

Why a grammar of our own: official Chinese news writes dates as ``5月22日``,
``12日下午``, ``7月28日至29日``, ``今(9)日``, ``二〇二三年七月七日`` ... which no
general date library reads with offsets. ``dateparser`` is used only for page
stamps (``parse_stamp``), imported lazily there, never here at import time.

Input is the cleaned text (simplified script, full-width ASCII folded to ASCII,
U+3000 -> space). Offsets of every :class:`DateMention` are offsets into the
string given to :func:`find_dates`.

Completion policy (see ``../shared/CONTRACT.md`` "Dates (EDTF)"):

* a missing year/month is taken from the :class:`Anchor` (the article's dateline
  or stamp) when known, else written ``XXXX`` / ``XX``; no guessing across
  months ("don't be clever"): ``28日`` with anchor ``2019-05-24`` is
  ``2019-05-28``; ``12月28日`` with anchor ``2020-06-03`` is ``2020-12-28``;
* the exceptions: a range whose end month is before its start month
  (``12月30日至1月2日``) ends in the next year, and ``昨(31)日`` / ``前(30)日``
  whose written day is after the anchor day fall in the previous month, since
  these readings are forced; and a month and day with no year written in the
  last two months of a year, under an anchor early in the next one (``12月29日``
  under ``2024-01-03``), is the year before: news reports what has happened,
  and the genre drops the year of last week's event (see :func:`_year_of`);
* ``今日/昨天/前天/明天`` need the anchor day; without it the value is ``None``;
* ``本月12日`` / ``上月28日`` / ``下月3日`` take the anchor's month (or the one before or
  after); without an anchor month the value is ``None``;
* weekdays (``周五``, ``星期五``) need a full anchor date. Bare ``周五`` is the
  most recent Friday on or before the anchor (news reports past events);
  ``本周五`` is the Friday of the anchor's Monday-based week, ``上周五`` /
  ``下周五`` the Friday of the week before / after;
* vague words (``日前``, ``近日``, ``近期``, ``此前`` ...) are mentions with
  ``value=None``, ``kind="vague"``;
* year ranges (``2024-2025年``, ``2023年至2025年``) are plan periods, not event
  dates: they yield no mention (and their years are not read as single years).
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

import regex

__all__ = ["Anchor", "DateMention", "find_dates", "find_year", "parse_stamp", "format_edtf"]


# --------------------------------------------------------------------------- models


@dataclass(frozen=True)
class Anchor:
    """What the article lets us know about "now" (its dateline / stamp / `published`)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_edtf(cls, s: str | None) -> "Anchor":
        """``"2019-05-24"``, ``"XXXX-07-29"``, ``"2019-05"``, ``"2019"``, ``None`` -> Anchor.

        A range ``A/B`` anchors on its start. Anything unreadable gives an empty
        anchor (the article date is then simply unknown).
        """
        if s is None:
            return cls()
        if not isinstance(s, str):
            raise TypeError(f"Anchor.from_edtf expects str or None, got {type(s).__name__}")
        s = s.strip().split("/")[0]
        m = _EDTF_RE.fullmatch(s)
        if not m:
            return cls()
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        year = int(y) if y and "X" not in y else None
        month = int(mo) if mo and "X" not in mo else None
        day = int(d) if d and "X" not in d else None
        if month is not None and not 1 <= month <= 12:
            return cls()
        if day is not None and not _valid(year, month, day):
            return cls()
        return cls(year, month, day)

    @property
    def date(self) -> _dt.date | None:
        """The full anchor date, when year, month and day are all known."""
        if self.year and self.month and self.day:
            return _dt.date(self.year, self.month, self.day)
        return None

    def edtf(self) -> str | None:
        if self.year is None and self.month is None and self.day is None:
            return None
        if self.day is not None:
            return format_edtf(self.year, self.month, self.day)
        if self.month is not None:
            return format_edtf(self.year, self.month)
        return format_edtf(self.year)


@dataclass(frozen=True)
class DateMention:
    """One date expression found in the text.

    ``kind`` is the granularity read: ``date`` (one day, including 今日/周五),
    ``range`` (``A/B``), ``month``, ``year``, ``vague`` (日前/近日: value always
    None). ``relative`` says the value came from the anchor by a deictic word
    (今日, 昨天, 今(9)日, 周五, 今年5月, and the vague words).
    """

    start: int
    end: int
    text: str
    value: str | None
    part_of_day: str | None
    relative: bool
    year_explicit: bool
    kind: str = "date"

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


_EDTF_RE = regex.compile(r"(?P<y>\d{4}|XXXX)(?:-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?)?")


def format_edtf(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """EDTF text; unknown parts are ``X``. ``format_edtf(None, 9, 10) == "XXXX-09-10"``."""
    ys = f"{year:04d}" if year is not None else "XXXX"
    if month is None and day is None:
        return ys
    ms = f"{month:02d}" if month is not None else "XX"
    if day is None:
        return f"{ys}-{ms}"
    return f"{ys}-{ms}-{day:02d}"


def _valid(year: int | None, month: int | None, day: int) -> bool:
    """Calendar check; an unknown year may be a leap year, an unknown month has 31 days."""
    if not 1 <= day <= 31:
        return False
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]


# --------------------------------------------------------------------------- numerals

_CN_DIGIT = {"〇": 0, "○": 0, "O": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _num(s: str) -> int:
    """Decimal digits of any script (``22``, ``２２``, ``2２``: the grammar's digit class takes them all
    and a caller may pass text that is not normalised) or a Chinese numeral up to 99 (二十二, 十,
    十二, 三十一)."""
    if s.isdecimal():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT[s]


def _year_num(s: str) -> int:
    """``2019`` (decimal digits of any script) or digit-by-digit ``二〇一九``."""
    if s.isdecimal():
        return int(s)
    return int("".join(str(_CN_DIGIT[c]) for c in s))


# --------------------------------------------------------------------------- grammar
# Components. Every numeric component is guarded so it is never read out of a
# longer number (165项, 3.12, 2024-2025, 1/5, 10:24).

_NB = r"(?<![\d\-/:])(?<!\d\.)"  # not glued to a preceding number (an ellipsis ...5月 is fine)
_CN = "〇○零一二三四五六七八九十"
_YEAR_A = rf"{_NB}(?:19|20)\d\d"
_YEAR_C = rf"(?<![{_CN}])[一二][〇○O零一二三四五六七八九]{{3}}"
_YEAR = rf"(?:{_YEAR_A}|{_YEAR_C})"
_MON_A = r"(?:1[0-2]|0?[1-9])(?!\d)"
_MON_C = r"(?:十[一二]|[一二三四五六七八九十])"
_MONTH = rf"(?:{_MON_A}|{_MON_C})"
_DAY_A = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_DAY_C = r"(?:三十一|三十|二十[一二三四五六七八九]|二十|十[一二三四五六七八九]|十|[一二三四五六七八九])"
_DAY = rf"(?:{_DAY_A}|{_DAY_C})"
# a bare month must not follow a number or 年 (those are 2019年5月, read whole, or 每年5月)
_MSTART = rf"(?<![\d\-/:{_CN}百千万两几数年每])(?<!\d\.)"
_SEP = r" ?(?:至|到|-|—{1,2}|–|―|~|〜) ?"
_RELYEAR = r"(?:今年|去年|前年|明年)"
_REL_YEAR_OFFSET = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}

# Optional weekday written after a date: 5月22日(星期三), 5月22日(周三), 5月22日星期三.
_WD_SUFFIX = r"(?:\((?:星期|周)[一二三四五六日天]\)|星期[一二三四五六日天])?"
# Part of day, longest first; single 晚/夜 only when not the start of another word.
_POD_WORDS = {
    "凌晨": "凌晨", "清晨": "早上", "早上": "早上", "早晨": "早上", "上午": "上午",
    "中午": "中午", "午间": "中午", "午后": "下午", "下午": "下午", "傍晚": "傍晚",
    "晚上": "晚上", "晚间": "晚上", "夜间": "夜间", "深夜": "夜间", "夜里": "夜间",
    "晚": "晚上", "夜": "夜间",
}
_POD = (r"(?P<pod>凌晨|清晨|早上|早晨|上午|中午|午间|午后|下午|傍晚|晚上|晚间|夜间|深夜|夜里"
        r"|晚(?![会宴报餐霞期年些于辈婚稻点])|夜(?![市景校班空色以]))?")

_DE = r"[日号]"  # day terminator after a month (5月22号 in colloquial copy)

_ALTS: list[tuple[str, str]] = [
    # plan periods: consumed and dropped
    ("yrange", rf"{_YEAR_A}年? ?(?:至|到|-|—{{1,2}}|–|~) ?(?:19|20)\d\d年度?"),
    # 2023年12月30日至2024年1月2日
    ("r_full", rf"(?:(?P<y1>{_YEAR})年|(?P<ry1>{_RELYEAR})|{_MSTART})(?P<m1>{_MONTH})月(?P<d1>{_DAY}){_DE}"
               rf"{_SEP}(?P<y2>{_YEAR})年(?P<m2>{_MONTH})月(?P<d2>{_DAY}){_DE}"),
    # 9月30日至10月2日 (year optional, carried)
    ("r_md", rf"(?:(?P<y1>{_YEAR})年|(?P<ry1>{_RELYEAR})|{_MSTART})(?P<m1>{_MONTH})月(?P<d1>{_DAY}){_DE}"
             rf"{_SEP}(?P<m2>{_MONTH})月(?P<d2>{_DAY}){_DE}"),
    # 7月28日至29日, 7月28-29日
    ("r_d", rf"(?:(?P<y1>{_YEAR})年|(?P<ry1>{_RELYEAR})|{_MSTART})(?P<m1>{_MONTH})月(?P<d1>{_DAY}){_DE}?"
            rf"{_SEP}(?P<d2>{_DAY}){_DE}"),
    # 2023年12月至2024年1月, 3月至5月 (both sides carry 月; 1-5月 statistics are not read)
    ("r_m", rf"(?:(?P<y1>{_YEAR})年|(?P<ry1>{_RELYEAR})|{_MSTART})(?P<m1>{_MONTH})月份?"
            rf"{_SEP}(?:(?P<y2>{_YEAR})年)?(?P<m2>{_MONTH})月份?"),
    # 2019年5月22日上午 / 今年5月22日 / 5月22日(周三)上午
    ("full", rf"(?:(?P<y1>{_YEAR})年|(?P<ry1>{_RELYEAR})|{_MSTART})(?P<m1>{_MONTH})月(?P<d1>{_DAY}){_DE}"
             rf"{_WD_SUFFIX}{_POD}"),
    # 2019年5月 / 今年5月 / 5月份 (ASCII month only when bare)
    ("month", rf"(?:(?P<y1>{_YEAR})年(?P<m1>{_MONTH})|(?P<ry1>{_RELYEAR})(?P<m1>{_MONTH})"
              rf"|{_MSTART}(?P<m1>{_MON_A}))月份?(?![日号\d])"),
    # 2019年度 / 2019年 (not 1990年代)
    ("year", rf"(?P<y1>{_YEAR})年度?(?!代)"),
    # 今(9)日, 今(9日), 今日(9日), 昨(8)日上午, 前(3)日, 明(10)日
    ("rel_d", rf"(?P<rw>今|昨|前|明)(?:[日天])?\((?P<d1>{_DAY})(?:\)日|日\)){_POD}"),
    # 今天, 今日, 昨天, 昨日, 前天, 前日, 明天, 明日
    ("rel", r"(?:(?<![如至迄])今(?P<rt>[日天])(?!头条|说法|关注|中国|亚洲|美国|世界|益|趋|渐|臻|之)"
            r"|(?P<ry>昨)[日天]"
            r"|(?<![目此之提事以当空从眼日年会赛节届生战门面跟史向超阵胸考课饭睡节前])(?P<rq>前)(?:天|日(?![益均常]))"
            r"|(?<![说表声证透阐申注标查指发英光鲜清分高精简聪黎开文好美失的])(?P<rm>明)(?:天|日(?![本程常益报之]))"
            rf"){_POD}"),
    # 本月12日, 上月28日, 下月3日上午 (the anchor's month, the one before or after)
    ("rel_md", rf"(?P<mp>本|上|下)个?月(?P<d1>{_DAY_A}){_DE}{_WD_SUFFIX}{_POD}"),
    # 28日至29日 (day range, month from anchor)
    ("r_dd", rf"(?<![\d\-/:月第近连续共约逾超达计余每号至到])(?<!\d\.)(?P<d1>{_DAY_A})日?{_SEP}(?P<d2>{_DAY_A})日"),
    # 12日下午 (ASCII digits only: 七日 is too often "seven days")
    ("day", rf"(?<![\d\-/:月第近连续共约逾超达计余每号前后])(?<!\d\.)(?P<d1>{_DAY_A})日"
            rf"(?!内|以内|之内|以上|以下|左右|游|均|期|间|起算|[日月年])(?:\((?:星期|周)[一二三四五六日天]\))?{_POD}"),
    # 周五, 星期五, 本周五, 上周五, 下周五 (not 每周五, 周一至周五, 一周一次)
    ("weekday", rf"(?<![每至到、{_CN}\d])(?P<wp>本|这|上|下)?(?:周(?P<wd>[一二三四五六日])|(?:星期|礼拜)(?P<wd>[一二三四五六日天]))"
                rf"(?![至到\-、和与及]|[一二三四五六日]|年){_POD}"),
    # vague: value None
    ("vague", r"(?<![\d一二三四五六七八九十节生念作期末间周月年工每假当即数昨今明前后本次同平终逐两几号])日前"
              r"|(?<![接靠附将邻临贴亲逼走趋最])近日(?![本子益均趋渐常程期])"
              r"|(?<![接靠附将邻临贴最])近期(?![间货])"
              r"|(?<![因为彼如至从对于借凭据由特藉在就以照])此前(?![提往])"
              r"|前不久|不久前"),
]

# Where a date can start, as a lookahead that lets the engine skip every other position
# cheaply. It only states what the alternatives need anyway (a filter, never a reading):
# an ASCII digit that opens a number and is followed by what a date number needs; a weekday
# word; a Chinese numeral with 年 or 月 within the next four characters (二〇一九年, 十二月);
# 今/昨/前/明/去 before 年, 日, 天, ( or 不 (今年, 昨日, 今(9)日, 前不久); 本/这/上/下 before a
# weekday; 日前, 近日, 近期, 此前, 不久前. Common characters such as 一, 三, 上, 不 fail it at
# once instead of trying all fifteen alternatives (3x faster).
# Each branch is (what may not come just before, first character class, what must follow it).
# Digits are ASCII only: every numeric component of the grammar opens with 0-9 (19|20, 1[0-2],
# 0?[1-9], [12]\d ...), so no alternative can start at another digit. The digit branch:
# every alternative that opens with a number refuses a digit, -, / or : before it, and a digit
# and a point (_NB, _MSTART, r_dd, day: ``(?<![\d\-/:...])(?<!\d\.)``; only the ASCII digits of
# those \d are named here, so the filter lets through a superset); and the number is either a
# month or a day of one or two characters followed by 月, 日 or a range separator (_MON_A,
# _DAY_A then 月 / 日 / _SEP), or a four-character year followed by 年, a space or a range
# separator (_YEAR_A then 年 / yrange's separator). Inside a number (the 0 of 2023) or before
# another word (165项, 3.12) the grammar is not tried: ~5 of 6 digit positions of a page.
_DIGIT_BEFORE = (r"[0-9\-/:]", r"[0-9]\.")  # fixed-width contexts no numeric alternative starts after
_DIGIT_AFTER = r"(?:.?[月日 至到\-—–―~〜]|.{3}[年 至到\-—–~])"
_FIRST_BRANCHES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (_DIGIT_BEFORE, "0-9", _DIGIT_AFTER),
    ((), "周星礼", ""),
    ((), "一二三四五六七八九十", ".{0,3}[年月]"),
    ((), "今昨前明去", "[年日天(不]"),
    ((), "本这上下", "(?:[周星礼]|个?月)"),
    ((), "日", "前"),
    ((), "近", "[日期]"),
    ((), "此", "前"),
    ((), "不", "久"),
)
_FIRST = "(?=" + "|".join(
    "".join(f"(?<!{b})" for b in before) + f"[{first}]{rest}" for before, first, rest in _FIRST_BRANCHES
) + ")"
# The same condition for the stdlib engine, one character per position: it finds the few
# places where a date can start (~1% of the characters) at a fraction of the cost of the
# ``regex`` engine stepping through every position (see :func:`_matches`). Written as one
# class of every first character, then the branch's own condition (a one-character
# lookbehind says which branch; what may not come before is read behind that character),
# so that the engine skips to the next such character at once.
_STARTS = re.compile(
    "[" + "".join(first for _, first, _ in _FIRST_BRANCHES) + "](?:"
    + "|".join(
        f"(?<=[{first}])" + "".join(f"(?<!{b}[{first}])" for b in before) + f"(?={rest})"
        for before, first, rest in _FIRST_BRANCHES
    )
    + ")"
)
_DATE_SOURCE = _FIRST + "(?:" + "|".join(f"(?P<K_{name}>{pat})" for name, pat in _ALTS) + ")"
_KINDS = [name for name, _ in _ALTS]
_KIND_GROUPS = [(name, f"K_{name}") for name in _KINDS]
_date_re: regex.Pattern[str] | None = None


def date_pattern() -> regex.Pattern[str]:
    """The date grammar, compiled on first use: compiling it costs 25-50 ms, which ``import
    regevents`` should not pay (a caller may never read a date)."""
    global _date_re
    if _date_re is None:
        _date_re = regex.compile(_DATE_SOURCE)
    return _date_re
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


# --------------------------------------------------------------------------- resolution


def _shift(anchor: Anchor, days: int) -> str | None:
    """Anchor day + ``days`` as EDTF, rolling months/years; None if not determinable."""
    if anchor.day is None:
        return None
    if anchor.month is None:
        d = anchor.day + days
        # any month has days 1-28; going back from a written day stays inside its month
        ok = 1 <= d <= 28 or (days < 0 and d >= 1)
        return format_edtf(anchor.year, None, d) if ok else None
    if anchor.year is not None:
        t = _dt.date(anchor.year, anchor.month, anchor.day) + _dt.timedelta(days=days)
        # a shift over New Year from a known year stays known
        return format_edtf(t.year, t.month, t.day)
    # unknown year: compute in a leap and a common year; if they disagree, we cannot say
    outs = set()
    for ref in (2000, 2001):
        if not _valid(ref, anchor.month, anchor.day):
            continue
        t = _dt.date(ref, anchor.month, anchor.day) + _dt.timedelta(days=days)
        outs.add((t.month, t.day))
    if len(outs) != 1:
        return None
    (mo, d), = outs
    return format_edtf(None, mo, d)


def _month_shift(anchor: Anchor, months: int) -> tuple[int | None, int | None]:
    """(year, month) of the anchor's month moved by ``months`` (本月 0, 上月 -1, 下月 1); the month is
    None without an anchor month, the year None without an anchor year (January's 上月 is December
    of a year before, still unknown)."""
    if anchor.month is None:
        return None, None
    index = anchor.month - 1 + months
    year = anchor.year + index // 12 if anchor.year is not None else None
    return year, index % 12 + 1


_CROSS_MONTHS = 2  # how far back over New Year a month with no year written may lie


def _year_of(
    m: regex.Match[str], yg: str, ryg: str | None, anchor: Anchor, month: int | None = None
) -> tuple[int | None, bool, bool]:
    """(year, explicit, relative) for the year part of a match; ``month`` is the written month of
    a day date, which may put it in the year before the anchor's (:func:`_crossed_year`)."""
    if m.group(yg):
        return _year_num(m.group(yg)), True, False
    if ryg and m.group(ryg):
        off = _REL_YEAR_OFFSET[m.group(ryg)]
        return (anchor.year + off if anchor.year is not None else None), False, True
    return _crossed_year(anchor, month), False, False


def _crossed_year(anchor: Anchor, month: int | None) -> int | None:
    """The year of a day in ``month`` written without one: the anchor's, or the year before when
    the month lies at most ``_CROSS_MONTHS`` months before the anchor's month over New Year.

    Why: a report stamped 2024-01-03 on ``12月29日`` tells of a meeting five days earlier; read
    in the anchor's year it would be a day eleven months ahead. Only the months just before
    New Year turn: ``12月28日`` under a June stamp stays in the anchor's year (no guess)."""
    if anchor.year is None or anchor.month is None or month is None or month <= anchor.month:
        return anchor.year
    return anchor.year - 1 if anchor.month + 12 - month <= _CROSS_MONTHS else anchor.year


def _pod(m: regex.Match[str]) -> str | None:
    p = m.group("pod")
    return _POD_WORDS[p] if p else None


def _resolve(kind: str, m: regex.Match[str], anchor: Anchor) -> tuple[str | None, bool, bool, str] | None:
    """(value, relative, year_explicit, kind) or None when the match is not a valid mention."""
    g = m.group
    if kind == "yrange":
        return None
    if kind in ("r_full", "r_md", "r_d", "r_m"):
        m1 = _num(g("m1"))
        y1, expl, rel = _year_of(m, "y1", "ry1", anchor, m1 if kind in ("r_md", "r_d") else None)
        if kind == "r_m":
            m2 = _num(g("m2"))
            if g("y2"):
                y2 = _year_num(g("y2"))
            else:
                y2 = y1 + 1 if (y1 is not None and m2 < m1) else y1
            if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
                return None
            if (y1 is not None and y2 is not None and (y2, m2) <= (y1, m1)) or (y1 is None and m2 <= m1):
                return None
            return f"{format_edtf(y1, m1)}/{format_edtf(y2, m2)}", rel, expl, "range"
        d1 = _num(g("d1"))
        d2 = _num(g("d2"))
        if kind == "r_d":
            m2, y2 = m1, y1
        else:
            m2 = _num(g("m2"))
            if kind == "r_full":
                y2 = _year_num(g("y2"))
                if not expl and not rel:  # 12月30日至2024年1月2日: the start year follows from the end
                    y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
            else:
                y2 = y1 + 1 if (y1 is not None and m2 < m1) else y1
        if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
            return None
        if y1 is not None and y2 is not None:
            if _dt.date(y1, m1, d1) >= _dt.date(y2, m2, d2):
                return None
        elif (m2, d2) <= (m1, d1) and not (kind == "r_md" and m2 < m1):
            return None
        return f"{format_edtf(y1, m1, d1)}/{format_edtf(y2, m2, d2)}", rel, expl, "range"
    if kind == "full":
        mo, d = _num(g("m1")), _num(g("d1"))
        y, expl, rel = _year_of(m, "y1", "ry1", anchor, mo)
        if not _valid(y, mo, d):
            return None
        return format_edtf(y, mo, d), rel, expl, "date"
    if kind == "month":
        y, expl, rel = _year_of(m, "y1", "ry1", anchor)
        mo = _num(g("m1"))
        if not 1 <= mo <= 12:
            return None
        return format_edtf(y, mo), rel, expl, "month"
    if kind == "year":
        y = _year_num(g("y1"))
        if not 1900 <= y <= 2099:
            return None
        return format_edtf(y), False, True, "year"
    if kind == "rel_d":
        d = _num(g("d1"))
        y, mo = anchor.year, anchor.month
        # 昨(31)日 / 前(30)日 with anchor on the 1st: the written day is in the previous month
        if g("rw") in ("昨", "前") and anchor.day is not None and mo is not None and d > anchor.day:
            prev = _dt.date(y if y is not None else 2000, mo, 1) - _dt.timedelta(days=1)
            mo = prev.month
            if y is not None and prev.month == 12:
                y -= 1
        if not _valid(y, mo, d):
            return None
        return format_edtf(y, mo, d), True, False, "date"
    if kind == "rel":
        if g("rt"):
            off = 0
        elif g("ry"):
            off = -1
        elif g("rq"):
            off = -2
        else:
            off = 1
        return _shift(anchor, off), True, False, "date"
    if kind == "rel_md":
        y, mo = _month_shift(anchor, {"本": 0, "上": -1, "下": 1}[g("mp")])
        d = _num(g("d1"))
        if mo is None or not _valid(y, mo, d):
            return None, True, False, "date"
        return format_edtf(y, mo, d), True, False, "date"
    if kind == "r_dd":
        d1, d2 = _num(g("d1")), _num(g("d2"))
        y, mo = anchor.year, anchor.month
        if not (_valid(y, mo, d1) and _valid(y, mo, d2)) or d2 <= d1:
            return None
        return f"{format_edtf(y, mo, d1)}/{format_edtf(y, mo, d2)}", False, False, "range"
    if kind == "day":
        d = _num(g("d1"))
        if not _valid(anchor.year, anchor.month, d):
            return None
        return format_edtf(anchor.year, anchor.month, d), False, False, "date"
    if kind == "weekday":
        base = anchor.date
        if base is None:
            return None, True, False, "date"
        wd = _WEEKDAY[g("wd")]
        prefix = g("wp")
        if prefix is None:
            t = base - _dt.timedelta(days=(base.weekday() - wd) % 7)
        else:
            monday = base - _dt.timedelta(days=base.weekday())
            week = {"本": 0, "这": 0, "上": -1, "下": 1}[prefix]
            t = monday + _dt.timedelta(days=7 * week + wd)
        return format_edtf(t.year, t.month, t.day), True, False, "date"
    if kind == "vague":
        return None, True, False, "vague"
    raise AssertionError(kind)  # pragma: no cover


_last_scan: tuple[str, tuple[tuple[str, regex.Match[str]], ...]] | None = None


def _scan(text: str) -> tuple[tuple[str, regex.Match[str]], ...]:
    """(kind, match) of every date expression in ``text``: what does not depend on the anchor.

    The matches of the last text scanned are kept: a parse reads the dates of the same
    readable text twice (the meetings, then the date checks, possibly with another anchor),
    and the scan is most of the cost. Only the last text is held, and only until the next one.
    """
    global _last_scan
    last = _last_scan
    if last is not None and (last[0] is text or last[0] == text):
        return last[1]
    found = tuple((next(k for k, g in _KIND_GROUPS if m.group(g) is not None), m) for m in _matches(text))
    _last_scan = (text, found)
    return found


def _matches(text: str) -> list[regex.Match[str]]:
    """``list(date_pattern().finditer(text))``, trying the grammar only where a date can start.

    Why it is the same: the grammar opens with ``_FIRST``, so no match starts where ``_STARTS``
    (the same branches) fails; ``match`` at such a position sees the whole text as the scan
    does (lookbehinds read before it, nothing is cut at the end); and no alternative matches
    the empty string, so the scan resumes exactly at the end of each match, as here.
    """
    pattern = date_pattern()
    out: list[regex.Match[str]] = []
    pos = 0
    for start in _STARTS.finditer(text, pos):
        p = start.start()
        if p < pos:
            continue
        m = pattern.match(text, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def find_dates(text: str, anchor: Anchor = Anchor()) -> list[DateMention]:
    """All date mentions in ``text``, left to right, non-overlapping.

    Each mention carries its EDTF ``value`` completed from ``anchor`` (or
    ``None`` when it gives no date: vague words, relative words without an
    anchor day). Spans include a trailing part of day (``9月10日上午``).
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates expects str, got {type(text).__name__}")
    if not isinstance(anchor, Anchor):
        raise TypeError(f"anchor must be an Anchor, got {type(anchor).__name__}")
    out: list[DateMention] = []
    for kind, m in _scan(text):
        res = _resolve(kind, m, anchor)
        if res is None:
            continue
        value, relative, year_explicit, out_kind = res
        pod = _pod(m) if kind in ("full", "rel_d", "rel_md", "rel", "day", "weekday") else None
        out.append(DateMention(m.start(), m.end(), m.group(), value, pod, relative, year_explicit, out_kind))
    return out


def find_year(text: str) -> int | None:
    """The first year written in ``text`` (``2023年度…``, ``2023年泛珠…``, ``二〇二三年…``).

    Year ranges (``2024-2025年``) and durations (``19年来``) give no year.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_year expects str, got {type(text).__name__}")
    for mention in find_dates(text):
        if mention.year_explicit and mention.value:
            return int(mention.value[:4])
    return None


# --------------------------------------------------------------------------- page stamps

# Cheap gate: only strings holding something shaped like a numeric date reach dateparser.
_STAMP_YMD = regex.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d\d)\s*(?P<s1>[-/.年])\s*(?P<m>\d{1,2})\s*(?P<s2>[-/.月])\s*(?P<d>\d{1,2})(?!\d)日?"
)
_STAMP_DMY = regex.compile(r"(?<![\d.\-/])(?P<d>\d{1,2})(?P<s1>[./-])(?P<m>\d{1,2})(?P=s1)(?P<y>(?:19|20)\d\d)(?!\d)")
_FIXED_BASE = _dt.datetime(2000, 1, 1)


_STAMP_FOREIGN = regex.compile(
    r"(?i)(?<![A-Za-z])(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}(?:19|20)\d\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?,?\s{1,3}(?:19|20)\d\d)(?![\d])"
)


def _parse_foreign_stamp(s: str) -> str | None:
    """English-style stamps (``Sept 16, 2020``, ``16 September 2020``): dateparser's strength."""
    m = _STAMP_FOREIGN.search(s)
    if m is None:
        return None
    import dateparser  # lazy: heavy import, only for stamps in a foreign format

    text = regex.sub(r"(?i)\bsept\b", "Sep", m.group())
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": _FIXED_BASE,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PARSERS": ["absolute-time"],
        },
    )
    if parsed is None:
        return None
    return f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"


def parse_stamp(s: str) -> str | None:
    """A page stamp -> EDTF full date, or None.

    Reads ``2019-05-24``, ``2023-07-07 17:20:57``, ``2021/03/08``,
    ``2022年08月15日09:30`` (year first) and ``05.11.2018`` / ``13.10.2016``
    (day.month.year, as European-style CMS footers write it; ``/`` and ``-``
    with the year last are read day-first too). The first date-shaped part of
    ``s`` is used (``发布时间:2019-05-24 来源:...`` works). ``Copyright
    2001-2024`` and other non-dates give None.
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_stamp expects str, got {type(s).__name__}")
    m = _STAMP_YMD.search(s)
    order = "YMD"
    if m is None:
        m = _STAMP_DMY.search(s)
        order = "DMY"
    if m is None:
        return _parse_foreign_stamp(s)
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not (1 <= mo <= 12 and _valid(y, mo, d)):
        return None
    if order == "YMD":
        # Year first (ISO and the Chinese CMS forms) is unambiguous and already
        # checked against the calendar: no need to pay ~1 ms for dateparser.
        return f"{y:04d}-{mo:02d}-{d:02d}"
    import dateparser  # lazy: heavy import, only for day-first (European) stamps

    canon = f"{y:04d}-{mo:02d}-{d:02d}" if order == "YMD" else f"{d:02d}.{mo:02d}.{y:04d}"
    parsed = dateparser.parse(
        canon,
        languages=["en"],
        settings={
            "DATE_ORDER": order,
            "RELATIVE_BASE": _FIXED_BASE,
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PARSERS": ["absolute-time"],
        },
    )
    if parsed is None:
        return None
    return f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"
