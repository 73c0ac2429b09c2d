"""Tests for the Chinese date resolver (regevents.dates).

The bulk is the spec table ``tests/spec/dates.tsv``: one row per behaviour,
checked against the first mention find_dates returns (or: no mention at all).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from regevents.dates import Anchor, DateMention, find_dates, find_year, format_edtf, parse_stamp

SPEC = Path(__file__).parent / "spec" / "dates.tsv"


def _load_spec() -> list[tuple[str, str, str, str, str]]:
    rows = []
    header_seen = False
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 5, f"bad spec row: {line!r}"
        if not header_seen:
            assert cols == ["text", "anchor", "expected_value", "expected_span_text", "part_of_day"]
            header_seen = True
            continue
        rows.append(tuple(cols))
    return rows


ROWS = _load_spec()


def _none(s: str) -> str | None:
    return None if s == "-" else s


def test_spec_is_big_enough():
    assert len(ROWS) >= 70
    assert sum(1 for r in ROWS if r[3] == "-") >= 10  # negative rows


@pytest.mark.parametrize("text,anchor,value,span_text,pod", ROWS, ids=[f"{i:03d}-{r[0][:12]}" for i, r in enumerate(ROWS)])
def test_spec_row(text, anchor, value, span_text, pod):
    mentions = find_dates(text, Anchor.from_edtf(_none(anchor)))
    if span_text == "-":
        assert mentions == [], f"expected no mention, got {mentions}"
        return
    assert mentions, "expected a mention, got none"
    m = mentions[0]
    assert m.text == span_text
    assert text[m.start : m.end] == m.text
    assert m.value == _none(value)
    assert m.part_of_day == _none(pod)


# --------------------------------------------------------------------- flags & offsets


def test_flags_explicit_relative():
    a = Anchor.from_edtf("2019-05-24")
    (m,) = find_dates("2019年5月22日", a)
    assert m.year_explicit and not m.relative and m.kind == "date"
    (m,) = find_dates("5月22日", a)
    assert not m.year_explicit and not m.relative
    (m,) = find_dates("昨天", a)
    assert m.relative and not m.year_explicit
    (m,) = find_dates("周五", a)
    assert m.relative and m.value == "2019-05-24"
    (m,) = find_dates("日前", a)
    assert m.kind == "vague" and m.value is None
    (m,) = find_dates("7月28日至29日", a)
    assert m.kind == "range" and not m.year_explicit
    (m,) = find_dates("2019年度", a)
    assert m.kind == "year" and m.year_explicit
    (m,) = find_dates("2019年5月", a)
    assert m.kind == "month"


def test_several_mentions_in_order_with_offsets():
    text = "湖南日报贵阳7月7日电(记者) 7日,2023年泛珠三角区域合作行政首长联席会议在贵阳举行。19年来,各方合作。"
    ms = find_dates(text, Anchor.from_edtf("XXXX-07-07"))
    assert [m.text for m in ms] == ["7月7日", "7日", "2023年"]
    assert [m.value for m in ms] == ["XXXX-07-07", "XXXX-07-07", "2023"]
    for m in ms:
        assert text[m.start : m.end] == m.text
    assert [m.start for m in ms] == sorted(m.start for m in ms)


def test_mentions_do_not_overlap():
    text = "2023年12月30日至2024年1月2日;7月28日至29日;今日(18日)上午;12日下午"
    ms = find_dates(text)
    assert [m.text for m in ms] == ["2023年12月30日至2024年1月2日", "7月28日至29日", "今日(18日)上午", "12日下午"]
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start


def test_range_sides_completed_the_same_way():
    for anchor, expected in [
        (None, "XXXX-07-28/XXXX-07-29"),
        ("2024-07-30", "2024-07-28/2024-07-29"),
        ("XXXX-07-30", "XXXX-07-28/XXXX-07-29"),
    ]:
        (m,) = find_dates("7月28日至29日", Anchor.from_edtf(anchor))
        assert m.value == expected
    (m,) = find_dates("28日至29日")
    assert m.value == "XXXX-XX-28/XXXX-XX-29"


def test_backwards_range_is_not_a_mention():
    assert find_dates("7月29日至28日") == []
    assert find_dates("2024年1月2日至2023年12月30日") == []


def test_empty_and_plain_text():
    assert find_dates("") == []
    assert find_dates("会议强调,要加强区域合作。") == []


def test_type_errors():
    with pytest.raises(TypeError):
        find_dates(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_dates(b"5\xe6\x9c\x88")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_dates("5月22日", "2019-05-24")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_stamp(20190524)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_year(None)  # type: ignore[arg-type]


def test_mention_is_frozen():
    (m,) = find_dates("5月22日")
    assert isinstance(m, DateMention)
    with pytest.raises(AttributeError):
        m.value = "x"  # type: ignore[misc]


# --------------------------------------------------------------------- Anchor


@pytest.mark.parametrize(
    "s,expected",
    [
        ("2019-05-24", Anchor(2019, 5, 24)),
        ("XXXX-07-29", Anchor(None, 7, 29)),
        ("XXXX-XX-12", Anchor(None, None, 12)),
        ("2019-05", Anchor(2019, 5, None)),
        ("2019", Anchor(2019, None, None)),
        ("2024-07-28/2024-07-29", Anchor(2024, 7, 28)),
        (None, Anchor()),
        ("", Anchor()),
        ("not a date", Anchor()),
        ("2019-02-30", Anchor()),
    ],
)
def test_anchor_from_edtf(s, expected):
    assert Anchor.from_edtf(s) == expected


def test_anchor_roundtrip_and_date():
    assert Anchor.from_edtf("XXXX-07-29").edtf() == "XXXX-07-29"
    assert Anchor.from_edtf("2019-05-24").date is not None
    assert Anchor.from_edtf("XXXX-07-29").date is None
    assert Anchor().edtf() is None


def test_format_edtf():
    assert format_edtf(None, 9, 10) == "XXXX-09-10"
    assert format_edtf(None, None, 12) == "XXXX-XX-12"
    assert format_edtf(2019, 5) == "2019-05"
    assert format_edtf(2019) == "2019"


# --------------------------------------------------------------------- parse_stamp


@pytest.mark.parametrize(
    "s,expected",
    [
        ("2019-05-24", "2019-05-24"),
        ("2023-07-07 17:20:57", "2023-07-07"),
        ("05.11.2018", "2018-11-05"),
        ("13.10.2016", "2016-10-13"),
        ("2021/03/08", "2021-03-08"),
        ("2020/09/16", "2020-09-16"),
        ("2022年08月15日09:30", "2022-08-15"),
        ("2022年8月5日", "2022-08-05"),
        ("发布时间:2019-05-24 10:00 来源:中安在线", "2019-05-24"),
        ("  2024-07-29 08:15  ", "2024-07-29"),
        ("Copyright 2001-2024", None),
        ("Copyright © 2001-2024 All Rights Reserved", None),
        ("2019-02-30", None),
        ("2019-13-01", None),
        ("32.10.2016", None),
        ("1/5", None),
        ("10:24", None),
        ("", None),
        ("今天", None),
    ],
)
def test_parse_stamp(s, expected):
    assert parse_stamp(s) == expected


# --------------------------------------------------------------------- find_year


@pytest.mark.parametrize(
    "s,expected",
    [
        ("2023年度泛珠三角区域合作行政首长联席会议", 2023),
        ("2023年泛珠三角区域合作行政首长联席会议", 2023),
        ("二〇二三年长三角地区主要领导座谈会", 2023),
        ("2019年5月长三角地区主要领导座谈会", 2019),
        ("长三角地区主要领导座谈会", None),
        ("第十届长江中游城市群省会城市会商会", None),
        ("合作行动计划(2024-2025年)", None),
        ("19年来", None),
        ("5月22日座谈会", None),
    ],
)
def test_find_year(s, expected):
    assert find_year(s) == expected


# --------------------------------------------------------------------- import hygiene


def test_import_does_not_load_dateparser():
    code = (
        "import sys, regevents.dates as d\n"
        "assert 'dateparser' not in sys.modules, 'dateparser imported eagerly'\n"
        "d.find_dates('2019年5月22日,今(9)日上午')\n"
        "assert 'dateparser' not in sys.modules, 'find_dates must not need dateparser'\n"
        "assert d.parse_stamp('2019-05-24') == '2019-05-24'\n"
        "assert 'dateparser' not in sys.modules, 'year-first stamps are read without dateparser'\n"
        "assert d.parse_stamp('05.11.2018') == '2018-11-05'\n"
        "assert 'dateparser' in sys.modules, 'day-first stamps go through dateparser'\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert res.returncode == 0, res.stderr


def test_parse_stamp_skips_dateparser_for_non_dates():
    code = (
        "import sys, regevents.dates as d\n"
        "assert d.parse_stamp('Copyright 2001-2024') is None\n"
        "assert d.parse_stamp('长三角') is None\n"
        "assert 'dateparser' not in sys.modules\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert res.returncode == 0, res.stderr


# --------------------------------------------------------------------- robustness

from hypothesis import given, settings
from hypothesis import strategies as st

_ALPHABET = st.sampled_from(
    list("0123456789年月日号至到-—~.:/()今昨前明天周星期本上下午晚近此不久度份〇○一二三四五六七八九十, 会议召开每第")
)
_ANCHORS = st.sampled_from([None, "2019-05-24", "XXXX-07-29", "2020-03-01", "XXXX-03-01", "2019", "2019-12", "XXXX-XX-31"])


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_ALPHABET, max_size=40).map("".join), anchor=_ANCHORS)
def test_never_crashes_and_offsets_hold(text, anchor):
    ms = find_dates(text, Anchor.from_edtf(anchor))
    last = 0
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert m.start >= last and m.end > m.start
        last = m.end
        if m.value is not None:
            a = Anchor.from_edtf(m.value)  # every value is readable EDTF
            assert a != Anchor() or m.value.startswith("XXXX")


def test_digits_of_another_script_inside_a_number_do_not_crash():
    """``find_dates`` is public and may get text that is not normalised: a full-width digit
    after an ASCII one (``2３日``) is read as the number it is, not a KeyError."""
    (m,) = find_dates("2３日")
    assert (m.value, m.text) == ("XXXX-XX-23", "2３日")


@pytest.mark.parametrize(
    "text,anchor,value",
    [
        # a 综述 dated on the 20th reporting a meeting "本月12日"
        ("本月12日,某某都市圈会商会在某市召开。", "2022-09-20", "2022-09-12"),
        ("上月28日下午,两地签署协议。", "2022-01-05", "2021-12-28"),
        ("论坛将于下个月3日开幕。", "2022-12-05", "2023-01-03"),
        ("本月12日", "XXXX-09-20", "XXXX-09-12"),
        # no anchor month: a mention with no value, never the 12th of some guessed month
        ("本月12日", None, None),
        ("上月31日", "2022-03-20", None),  # no 31 February
    ],
)
def test_this_or_last_month_with_a_day(text, anchor, value):
    found = find_dates(text, Anchor.from_edtf(anchor))
    assert found[0].value == value and found[0].relative and found[0].kind == "date"
    assert found[0].text.endswith("日") or found[0].text.endswith("午")


def test_month_words_without_a_day_stay_no_date():
    # near misses: 本月初 / 上月 alone name no day
    assert find_dates("本月初以来,两地合作不断深化。上月,双方互访。", Anchor.from_edtf("2022-09-20")) == []


@pytest.mark.parametrize(
    "text,anchor,value,span",
    [
        # a Hong Kong or Macau paper writes the day in the bracket in Chinese numerals
        ("会议昨(十二)日在某地举行。", "2023-05-13", "2023-05-12", "昨(十二)日"),
        ("今(二十一)日上午,双方将共同主持会议。", "2023-04-21", "2023-04-21", "今(二十一)日上午"),
        ("昨(三十一)日,会议召开。", "2019-06-01", "2019-05-31", "昨(三十一)日"),
        # near miss: the digit form reads as before
        ("会议昨(12)日在某地举行。", "2023-05-13", "2023-05-12", "昨(12)日"),
    ],
)
def test_relative_day_with_the_day_in_chinese_numerals(text, anchor, value, span):
    found = find_dates(text, Anchor.from_edtf(anchor))
    assert (found[0].text, found[0].value, found[0].relative) == (span, value, True)


def test_a_bracket_without_a_day_is_no_relative_day():
    # near miss: 今(年) or a bracketed count is no day
    assert [m.text for m in find_dates("今(年)两地合作", Anchor.from_edtf("2023-05-13"))] == []


@pytest.mark.parametrize(
    "text,anchor,value",
    [
        # the last months of a year under an early stamp of the next: last week's event
        ("12月29日,会议在铁岭召开。", "2024-01-03", "2023-12-29"),
        ("11月30日至12月2日,代表团赴沪考察。", "2024-01-05", "2023-11-30/2023-12-02"),
        ("12月30日至1月2日", "2024-01-05", "2023-12-30/2024-01-02"),
        # near misses: a year written, a later stamp, a month too far back, a month without a day
        ("2024年12月29日,会议召开。", "2024-01-03", "2024-12-29"),
        ("12月29日,会议召开。", "2024-06-03", "2024-12-29"),
        ("9月29日,会议召开。", "2024-01-03", "2024-09-29"),
        ("12月,会议召开。", "2024-01-03", "2024-12"),
    ],
)
def test_a_day_late_in_the_year_under_an_early_stamp_is_the_year_before(text, anchor, value):
    (m,) = find_dates(text, Anchor.from_edtf(anchor))
    assert m.value == value
