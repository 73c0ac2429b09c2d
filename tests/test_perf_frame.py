"""Premises of the speed shortcuts of the page-frame stages (zones, normalise).

Each shortcut skips work when a cheap test says it cannot matter; these tests
fail when a rule or data edit breaks the premise, before outputs drift.
"""
from __future__ import annotations

import regex
from conftest import ROOT

from regevents.normalize import normalize
from regevents.rules import load_rules
from regevents.zones import _classify, _fold, _plan, _zone_rules, zone

FIXTURES = ROOT / "fixtures"


def _all_lines() -> list[str]:
    """Every distinct line of every shipped text, clean (as zoning sees it), and its raw form."""
    lines: set[str] = set()
    for path in sorted(FIXTURES.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        lines.update(raw.split("\n"))
        lines.update(normalize(raw).text.split("\n"))
    return sorted(lines)


def _required(rule) -> list[str]:
    return [_fold(w) for w in rule.meta.get("requires") or ()]


def test_every_zone_rule_names_its_required_words_or_is_the_blank_line_rule():
    for rule in load_rules("zones").values():
        words = rule.meta.get("requires")
        if rule.name == "page_widgets_blank":
            assert words is None  # a blank or digits-only line holds no particular word
        else:
            assert words and all(isinstance(w, str) and w for w in words), rule.name


def test_every_match_of_a_zone_rule_holds_one_of_its_required_words():
    """The premise of the zone rule filter, on the rules' examples and on every shipped line:
    the matched text itself (not just the line) holds a required word, case-folded."""
    lines = _all_lines()
    for rule in load_rules("zones").values():
        words = _required(rule)
        if not words:
            continue
        for text in [*rule.match, *lines]:
            for m in rule.pattern.finditer(text):
                assert any(w in _fold(m.group()) for w in words), (rule.name, m.group())


def test_removing_the_required_words_stops_the_match():
    """A mutation check: in every example and shipped line a rule matches, replacing each
    occurrence of its required words by a neutral character leaves a line it does not match.
    A rule edit adding an alternative without one of the words would (likely) fail here."""
    for rule in load_rules("zones").values():
        words = sorted(_required(rule), key=len, reverse=True)
        if not words:
            continue
        for text in [*rule.match, *_all_lines()]:
            if not rule.pattern.search(text):
                continue
            stripped = _fold(text)
            for w in words:
                stripped = stripped.replace(w, "\u3007")
            assert not rule.pattern.search(stripped), (rule.name, text)


def test_filtered_classification_equals_trying_every_rule():
    rules, filt = _zone_rules()
    for line in _all_lines():
        folded = _fold(line)
        mask = filt.mask(folded)
        full = next((zr.found for zr in rules if zr.rule.search(line)), (None, None, None))
        assert _classify(line, folded, mask) == full, line
        assert all(zr in _plan(mask) or not (zr.bit & mask) for zr in rules)


def test_casefold_keeps_every_case_insensitive_match_of_an_ascii_letter():
    """The `regex` module's (?i) matches a character to an ASCII letter only when its case
    fold is that letter, U+0130 aside (which _fold replaces first)."""
    letters = regex.compile(r"(?i)[a-z]")
    odd = [c for c in map(chr, range(0x110000)) if letters.fullmatch(c) and len(_fold(c)) != 1]
    assert odd == []
    for c in map(chr, range(0x110000)):
        if letters.fullmatch(c):
            assert regex.fullmatch("(?i)" + regex.escape(_fold(c)), c)


def test_page_widgets_split_keeps_the_blank_line_rule():
    z = zone("标题\n\n   \n 12 \n会议在武汉举行。\n")
    assert [ln.rule for ln in z.lines][1:4] == ["page_widgets"] * 3


def test_gloss_hosts_are_the_han_script_and_the_damage_marks():
    """normalize's stdlib class of what may precede a pinyin gloss equals the `regex` class
    [\\p{Han}?\\ufffd_!] it stands for, over every code point (and the fast test agrees)."""
    from regevents.normalize import _GLOSS_HOST, _is_gloss_host

    reference = regex.compile(r"[\p{Han}?\ufffd_!]")
    for cp in range(0x110000):
        ch = chr(cp)
        expected = reference.fullmatch(ch) is not None
        assert (_GLOSS_HOST.fullmatch(ch) is not None) == expected == _is_gloss_host(ch), hex(cp)


# ---------------------------------------------------------------- validate

def test_role_division_words_are_every_wording_the_gazetteer_looks_up():
    """checks_roles tries only the prefixes its word set holds: it must hold every full name,
    alias and short form ``places().lookup_all`` answers, and nothing it does not."""
    from regevents.checks_roles import _division_words
    from regevents.gazetteer import places

    every = {w for p in places() for w in (p.name, p.short, *p.aliases)}
    assert _division_words().words == frozenset(every)
    assert all(places().lookup_all(w) for w in every)
