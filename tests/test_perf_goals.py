"""The premises of the goals stage's shortcuts (fourth speed pass): a rule edit that breaks one
fails here, not silently in the output."""
from __future__ import annotations

import random

import pytest
import regex

from regevents.extract.goals import _SCANNED, _Anchors, _Names
from regevents.gazetteer import alternation
from regevents.rules import load_rules


def _rules():
    return load_rules("goals")


def test_every_scanned_rule_states_its_anchor():
    for name in _SCANNED:
        anchor = _rules()[name].meta.get("scan_anchor")
        assert anchor and anchor["words"] and anchor["lead"] >= 0, name


@pytest.mark.parametrize("name", _SCANNED)
def test_every_example_match_holds_an_anchor_word_within_lead(name):
    rule = _rules()[name]
    words, lead = rule.meta["scan_anchor"]["words"], rule.meta["scan_anchor"]["lead"]
    for example in rule.match:
        m = rule.search(example)
        assert m, (name, example)
        starts = [m.start() + k for k in range(lead + 1)]
        assert any(example.startswith(w, p) for p in starts for w in words if p + len(w) <= m.end()), (name, example)


def _pieces(rule) -> list[str]:
    """Fragments that make matches likely: the anchor words, pieces of the examples and the
    characters of the examples, punctuation and quotes."""
    out = list(rule.meta["scan_anchor"]["words"])
    for ex in rule.match + rule.no_match:
        out.append(ex)
        for _ in range(6):
            a = random.Random(ex).randint(0, len(ex))
            out.append(ex[a : a + 4])
        out.extend(ex)
    out += list(",。;:、“”\"「」《》\n 等的已") + ["一", "三", "五", "12"]
    return out


@pytest.mark.parametrize("name", _SCANNED)
def test_one_anchor_scan_equals_finditer(name):
    """All scanned rules share one anchor scan (their words overlap: 目标/目标定位, 方面/重点领域...);
    on strings dense in every rule's words and example pieces, each rule's anchored matches must
    be what a plain finditer returns."""
    rules = tuple(_rules()[n] for n in _SCANNED)
    k = _SCANNED.index(name)
    rule = rules[k]
    pieces = _pieces(rule) + [w for r in rules for w in r.meta["scan_anchor"]["words"]]
    rnd = random.Random(name)
    for _ in range(1500):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        want = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(s)]
        got = [(m.span(), m.groupdict()) for m in _Anchors(s, rules).finditer(k)]
        assert got == want, (name, s)
    for example in rule.match:
        text = "他说," + example + "。" + example
        want = [m.span() for m in rule.pattern.finditer(text)]
        assert [m.span() for m in _Anchors(text, rules).finditer(k)] == want


def test_names_are_read_like_a_longest_first_alternation():
    """_Names (str.find per name) gives what finditer of gazetteer.alternation gives, in any range."""
    rnd = random.Random(7)
    alpha = "张王李三四五"
    for _ in range(3000):
        names = list({"".join(rnd.choice(alpha) for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 5))})
        text = "".join(rnd.choice(alpha + ",") for _ in range(rnd.randint(0, 30)))
        a = rnd.randint(0, len(text))
        b = rnd.randint(a, len(text))
        want = [(m.start(), m.end(), m.group()) for m in regex.compile(alternation(names)).finditer(text, a, b)]
        assert list(_Names(text, names).within(a, b)) == want, (names, text, a, b)


_NOISE = ["、", "及", "以及", "以", "“", "”", "「", "」", '"', "《", "》", "(", ")", " ", "…", "—", "-", ",", "。", "等", "A"]


def _shared_head_list(rnd: random.Random) -> str:
    """A clause that may hold a shared-head list: a verb, then items that share a head or a tail,
    quoted or not, cut by 、 及 以及 or nothing, with gap and noise characters anywhere."""
    mids = ["产业", "交通", "生态", "面向全国的", "市场", "科技创新", "A", "上"] * 3 + ["以及", "及时"]
    head, tail = rnd.choice([("", "一体化"), ("面向", "力"), ("", "产业"), ("推进", ""), ("以及", ""), ("", "及时")])
    out = [rnd.choice(["", "会议", "三地"]), rnd.choice(["推进", "着力增强", "聚焦", "加强", ""])]
    for k in range(rnd.randint(2, 5)):
        if k:
            out.append(rnd.choice(["、", "、", "、", "及", "以及", "", "、、", "、 ", " 、", "…、"]))
        item = head + "".join(rnd.choice(mids) for _ in range(rnd.randint(0, 3))) + tail
        q = rnd.random()
        out.append(f"“{item}”" if q < 0.2 else f"「{item}」" if q < 0.3 else f'"{item}"' if q < 0.35 else item)
    s = "".join(out)
    for _ in range(rnd.choice([0, 0, 0, 1, 2, 3])):
        i = rnd.randint(0, len(s))
        s = s[:i] + rnd.choice(_NOISE) + s[i:]
    return s


def test_shared_head_gate_never_drops_a_list():
    """Step 8 skips a paragraph when _may_hold_shared_head says no: every clause of which
    _affix_items reads a list must pass it (clauses dense in lists, quotes, gaps and noise)."""
    from regevents.extract.goals import _affix_items, _clauses, _may_hold_shared_head

    rnd = random.Random(8)
    found = 0
    for _ in range(20000):
        s = _shared_head_list(rnd) + rnd.choice([",", "。", ""]) + _shared_head_list(rnd)
        lists = [c for c in _clauses(s, 0, len(s)) if s.count("、", *c) >= 2 and _affix_items(s, *c)]
        if lists:
            found += 1
            assert _may_hold_shared_head(s, 0, len(s)), s
    assert found > 500  # the strings do hold lists



def test_shared_head_gate_premises():
    """_may_hold_shared_head finds every separator word by its last character, and cuts only at
    what _affix_items cuts at (a single 、)."""
    from regevents.extract.goals import _AFFIX_SEPS, _AFFIX_WORD_END, _AFFIX_WORDS

    assert _AFFIX_WORDS and all(w.endswith(_AFFIX_WORD_END) for w in _AFFIX_WORDS)
    assert _AFFIX_SEPS == "、"


def test_adjacent_quotes_are_the_only_cuts_without_separators():
    """split_items with no separator and no word cuts only between adjacent quotations, whose two
    characters are among ADJACENT_QUOTES (the premise of _may_hold_shared_head)."""
    from regevents.extract.goal_lists import ADJACENT_QUOTES, split_items

    rnd = random.Random(5)
    cut = 0
    for _ in range(20000):
        s = "".join(rnd.choice('“”"「」《》()AB ') for _ in range(rnd.randint(0, 12)))
        if len(split_items(s, 0, len(s), seps="\x00", words=())) > 1:
            cut += 1
            assert any(q in s for q in ADJACENT_QUOTES), s
    assert cut > 100
