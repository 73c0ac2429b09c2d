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
