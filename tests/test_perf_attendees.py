"""The premises of the attendees' shortcuts (fourth speed pass): each would fail if a rule edit broke one.

* list heads are found from their 、 with the left edge in the pattern, and the heads of one run
  share its predicate search (``attendees._list_mentions``);
* a bare title's unknown body or institution is read only when the character (kind) before the
  title can end one (``_body_suffix_ends``, ``_institution_kinds``, derived from the rules);
* the article's known names (and short forms) are read from an index of their occurrences
  (``attendees._Words``) exactly as their alternation pattern would find them.
"""
from __future__ import annotations

import random

import regex

from regevents.extract import attendees as A
from regevents.gazetteer import alternation
from regevents.rules import load_rules

_RULES = load_rules("attendees")
_SEED = 20261123


def _random_texts(alphabet: list[str], n: int, longest: int) -> list[str]:
    rnd = random.Random(_SEED)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(n)]


# ------------------------------------------------------------------ list heads


_OLD_HEAD = regex.compile(r"[\p{Han}\ufffd]{2,4}、")


def _heads_by_scan(text: str) -> list[int]:
    """The definition: a left-to-right scan of 2-4 name characters and a 、, no name character before,
    nor the middle dot of a transliterated name (甲·乙丙、 holds no list head: 乙丙 is that name's tail)."""
    return [
        m.start()
        for m in _OLD_HEAD.finditer(text)
        if not (m.start() > 0 and (A._HAN_OR_DAMAGE.match(text, m.start() - 1) or text[m.start() - 1] in "·・•"))
    ]


def test_list_heads_found_from_their_separator_equal_the_scan() -> None:
    alphabet = ["甲", "乙", "丙", "、", "、", ",", "\ufffd", " ", "a", "·"]
    for text in _random_texts(alphabet, 30_000, 16):
        assert [m.start("head") for m in A._LIST_HEAD.finditer(text)] == _heads_by_scan(text), text


def _list_mentions_reference(text: str) -> list[tuple[int, int]]:
    """``_list_mentions`` as it was: every head searched for a predicate up to the end of its own run."""
    pred = _RULES["list_predicate"].pattern
    taken: set[int] = set()
    out = []
    for start in _heads_by_scan(text):
        if start in taken:
            continue
        if A._predicate_in_run() and pred.search(text, start, A._NAME_LIST_RUN.match(text, start).end()) is None:
            continue
        names = A.read_name_list(text, start, set())
        if len(names) >= 2 and pred.match(text, names[-1].end):
            for h in names:
                if h.start not in taken:
                    out.append((h.start, h.end))
                    taken.add(h.start)
    return out


def test_list_mentions_share_the_predicate_search_of_their_run() -> None:
    assert A._predicate_in_run(), "list_predicate is no longer a literal alternation: the prefilter is off"
    alphabet = ["王刚", "李强", "张明", "、", "、", "、", ",", "出席", "共同", "会议", "先后", "推进", "。", "等", "领导"]
    for text in _random_texts(alphabet, 4_000, 14):
        got = [(m.name.start, m.name.end) for m in A._list_mentions(text, set(), set())]
        assert got == _list_mentions_reference(text), text


# ------------------------------------------------------------------ bodies before a bare title


def test_body_suffix_ends_are_derived_and_every_match_ends_with_one() -> None:
    ends = A._body_suffix_ends()
    assert ends is not None, "body_suffix changed shape: the last-character test is off (derive it again)"
    rule = _RULES["body_suffix"]
    for example in rule.match:
        assert example[-1] in ends
    alphabet = sorted(ends) + ["员", "管", "协", "商", "分", "支", "中", "集", "公", "城", "甲"]
    for text in _random_texts(alphabet, 20_000, 5):
        if rule.pattern.search(text):
            assert text[-1] in ends, text


def test_institution_kinds_cover_every_match() -> None:
    kinds = A._institution_kinds()
    assert kinds is not None, "institution_body no longer ends with its kind group: the kind test is off"
    rule = _RULES["institution_body"]
    for example in rule.match:
        m = rule.pattern.fullmatch(example) or rule.pattern.search(example)
        assert m is not None and example[: m.end()].endswith(m.group("kind"))
    # whatever the body reads, its kind ends the text before the title and is one that has the title
    words = ["复旦", "某某", "大学", "学院", "党校", "研究院", "科学院", "领导小组", "集团", "有限公司", "银行", "建设", ","]
    titles = ["校长", "院长", "组长", "董事长", "行长", "书记", "主任"]
    rnd = random.Random(_SEED)
    for _ in range(5_000):
        body = "".join(rnd.choice(words) for _ in range(rnd.randint(1, 4)))
        title = rnd.choice(titles)
        text = body + title
        if A._institution_body(text, len(body), title) is not None:
            assert any(body.endswith(k) for k in kinds.get(title, ())), text



# ------------------------------------------------------------------ known names


def _alternation_reading(words: set[str], text: str, spans: list[tuple[int, int]]) -> tuple[list, list]:
    """The definition: ``finditer`` of the words' alternation over the text, and the words of each
    ``(?:words)+`` match in each given range (the longest word at each step)."""
    alt = regex.compile(alternation(words))
    found = [m.span() for m in alt.finditer(text)]
    runs = []
    for a, b in spans:
        for m in regex.compile(f"(?:{alternation(words)})+").finditer(text, a, b):
            run, p = [], m.start()
            while p < m.end():
                e = alt.match(text, p, b).end()
                run.append((p, e))
                p = e
            runs.append(run)
    return found, runs


def test_known_words_read_as_their_alternation() -> None:
    """``_Words`` indexes occurrences (``str.find`` per word, or a class scan for many words) and reads
    them leftmost-longest: the same words and runs as the alternation pattern, on both paths."""
    rnd = random.Random(_SEED)
    alphabet = "甲乙丙丁戊"
    for _ in range(1_500):
        n = rnd.choice([1, 2, 4, 8, A._FIND_MAX_WORDS + 12])
        words = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 4))) for _ in range(n)}
        text = "".join(rnd.choice(alphabet + ",") for _ in range(rnd.randint(0, 24)))
        spans = [(a, rnd.randint(a, len(text))) for a in (rnd.randint(0, len(text)) for _ in range(2))]
        got = A._Words(words, text)
        want_found, want_runs = _alternation_reading(words, text, spans)
        assert list(got.finditer()) == want_found, (words, text)
        assert [r for a, b in spans for r in got.runs(a, b)] == want_runs, (words, text, spans)
