"""The meetings stage's shortcuts find what the full scans they replace find.

Each shortcut rests on a premise about a rule or the date grammar (an anchor character every
match holds, the longest match, where a date can start); these tests fail when an edit of the
rule data or the grammar breaks the premise, or when the shortcut is silently off.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import regex

from regevents import dates
from regevents.extract import meeting_names, meeting_places, meetings
from regevents.gazetteer import meeting_kinds
from regevents.rules import load_rules

TEXTS = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "texts").glob("*.txt"))


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in TEXTS]


# ------------------------------------------------------------------ kind_word windows


def test_kind_word_windows_are_in_use():
    """The rule keeps the shape the anchors are derived from, and its width is known."""
    windows = meeting_names._kind_windows()
    assert windows is not None
    longest = max(len(k.kind) for k in meeting_kinds())
    assert windows.width >= longest
    assert windows.width >= len("第一二三四五届全体会议")  # the ordinal branch at its longest


def test_every_kind_word_holds_an_anchor():
    windows = meeting_names._kind_windows()
    assert windows is not None
    for k in meeting_kinds():
        assert windows.anchors.search(k.kind), k.kind
    rule = load_rules("meetings")["kind_word"]
    for example in rule.match:
        for m in rule.pattern.finditer(example):
            assert windows.anchors.search(m.group()), (example, m.group())
            assert len(m.group()) <= windows.width


def test_kind_words_equal_the_whole_scan():
    rule = load_rules("meetings")["kind_word"]
    words = [k.kind for k in meeting_kinds()] + ["第五次会议", "第十二届全体会议", "第3次会议", "会议室", "论坛址"]
    chars = sorted(set("".join(words))) + list("堂所室场馆厅址员,。\n一二三四五六七八九十百零〇两0123456789届次")
    rnd = random.Random(11)
    cases = _texts() + list(rule.match) + list(rule.no_match)
    for _ in range(20000):
        cases.append("".join(rnd.choice(words) if rnd.random() < 0.4 else rnd.choice(chars) for _ in range(rnd.randint(1, 14))))
    for text in cases:
        assert [m.span() for m in meeting_names._kind_words(text)] == [m.span() for m in rule.pattern.finditer(text)], text


# ------------------------------------------------------------------ dates


def test_date_starts_are_the_first_condition():
    """``_STARTS`` (stdlib) holds exactly where the grammar's ``_FIRST`` lookahead holds."""
    first = regex.compile(dates._FIRST)
    chars = list("0123456789〇零一二三四五六七八九十年月日天周星期礼拜本这上下今昨前明去近此不久(-/:. 至到—–―~〜") + ["会", "\n"]
    rnd = random.Random(12)
    for _ in range(20000):
        s = "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 12)))
        assert [m.start() for m in dates._STARTS.finditer(s)] == [i for i in range(len(s)) if first.match(s, i)], s


def test_date_matches_equal_the_whole_scan():
    """Trying the grammar only at ``_STARTS`` finds what a scan of the grammar without its ``_FIRST``
    filter finds, including on text with digits of other scripts (a filter naming ASCII digits
    only must not lose a date) and with every separator and context the digit branch reads."""
    assert dates._DATE_SOURCE.startswith(dates._FIRST)
    whole = regex.compile(dates._DATE_SOURCE[len(dates._FIRST) :])
    chars = list("0123456789〇○O零一二三四五六七八九十年月日号天周星期礼拜本这上下今昨前明去近此不久至到-~ (),.:/、每第内后晚上午下午度—–―〜")
    chars += ["٣", "３", "᠑", "\n"]
    rnd = random.Random(13)
    cases = _texts()
    for _ in range(20000):
        cases.append("".join(rnd.choice(chars) for _ in range(rnd.randint(1, 24))))
    for s in cases:
        assert [m.span() for m in dates._matches(s)] == [m.span() for m in whole.finditer(s)], s
        assert [m.span() for m in dates._matches(s)] == [m.span() for m in dates.date_pattern().finditer(s)], s


# ------------------------------------------------------------------ places


def test_separators_scan_like_the_regex_engine():
    fast = meeting_places._separators_before_place()
    slow = regex.compile(fast.pattern)
    names = sorted(meeting_places._region_names().names)[:400]
    pieces = names + ["、", "和", "及", "以及", "与", "会议", "合作", "以"]
    rnd = random.Random(14)
    for _ in range(5000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10)))
        assert [m.span() for m in fast.finditer(s)] == [m.span() for m in slow.finditer(s)], s


# ------------------------------------------------------------------ grouping


@pytest.mark.parametrize("index_from", [0, 10**9])
def test_grouping_with_and_without_the_series_index(monkeypatch, index_from):
    """A page of many meetings (the headline and body lines of all texts in one) groups the same
    whether every group is asked directly or the series index picks the candidates."""
    import regevents
    from regevents.zones import readable_lines

    page = "\n".join(line for t in _texts() for line in readable_lines(t)) + "\n"
    monkeypatch.setattr(meetings, "_INDEX_FROM", meetings._INDEX_FROM)
    expected = regevents.parse(page).model_dump()["meetings"]
    assert len(expected) > meetings._INDEX_FROM  # enough meetings for the index to be used
    monkeypatch.setattr(meetings, "_INDEX_FROM", index_from)
    assert regevents.parse(page).model_dump()["meetings"] == expected


def test_compounds_equal_the_whole_scan():
    """``region_compound`` tried only where two abbreviations start finds what its scan finds."""
    assert meeting_places._compound_starts() is not None  # the rule keeps the shape: in use
    rule = load_rules("meetings")["region_compound"]
    abbr = sorted(set(meeting_places._compound_starts().pattern.split("(?=")[0].strip("[]")))
    pieces = abbr + ["三省", "4市", "合作", "一体化", "边区", "是", "和", "的", "会议", "大湾区", "等地", ",", "\n"]
    rnd = random.Random(15)
    cases = _texts() + list(rule.match) + list(rule.no_match)
    for _ in range(20000):
        cases.append("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))))
    for s in cases:
        assert [m.span() for m in meeting_places._compounds(s)] == [m.span() for m in rule.pattern.finditer(s)], s


# ------------------------------------------------------------------ frame rules gated by their words

_GATED = {"held_after": "match", "held_before": "search", "main_venue": "match", "announced_after": "match", "habitual": "match"}


def test_frame_rules_hold_their_words():
    """Every match of a gated frame rule holds one of its ``holds_any`` words (meetings._may_match
    skips the rule on a context without one): each example's match holds one, and with the words
    made unmatchable in the pattern no example matches any more."""
    rules = load_rules("meetings")
    for name in _GATED:
        rule = rules[name]
        words = rule.meta["holds_any"]
        crippled = rule.source
        for w in sorted(words, key=len, reverse=True):
            crippled = crippled.replace(w, "(?!)")
        crippled_re = regex.compile(crippled)
        for example in rule.match:
            found = rule.pattern.search(example)
            assert found and any(w in found.group() for w in words), (name, example)
            assert crippled_re.search(example) is None, (name, example)


def test_frame_gates_never_drop_a_match():
    """On random contexts built from the rules' words, their examples and the shared texts' name
    contexts, a gated rule matches only where its gate lets it be tried."""
    rules = load_rules("meetings")
    pieces = ["在", "了", "的", "“", "与", "于", "由", "共同", "主持", "负责", "承办", "设", "主会场", "设在", "会场",
              "合肥", "北京市", "5月", "2024年", "今天", "以视频会议形式", "每年", "一次", ",", "。", "、", "?", "\n", "会议"]
    for name in _GATED:
        pieces += rules[name].meta["holds_any"]
    rnd = random.Random(16)
    cases = [ex for name in _GATED for ex in rules[name].match + rules[name].no_match]
    for text in _texts():
        for h in meeting_names.find_names(text):
            cases.append(meetings._right(text, h.end))
            cases.append(text[meetings._sentence_start(text, h.start) : h.start])
    for _ in range(20000):
        cases.append("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10))))
    for name, how in _GATED.items():
        try_rule = getattr(rules[name].pattern, how)
        for s in cases:
            if try_rule(s) is not None:
                assert meetings._may_match(name, s), (name, s)
