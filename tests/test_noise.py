"""Property-based and fuzz tests: parse survives any string, and noise does not change what it finds.

Three families (bounded for CI with ``max_examples`` and ``deadline=None``;
``derandomize=True`` keeps every run the same):

* random Unicode and shuffled fragments of the shared texts: never an
  exception, and every evidence span slices the input;
* noise added to a clean shared article (emoji after punctuation, pinyin
  glosses, traditional script, navigation above, a related-news list of other
  meetings below): the same, and the records found in the clean article
  survive (same meeting names, attendee names, document titles).

The traditional copy is made once per session with opencc's ``s2t`` (the
library itself never converts that way). Every shared text round-trips
``s2t`` -> our ``t2s`` exactly, which ``test_traditional_copies_round_trip``
checks, so a difference there is the pipeline's, not the converter's.
"""
from __future__ import annotations

import random
from functools import cache

import pytest
from conftest import read_text, text_names
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import regevents
from regevents.models import Article
from regevents.t2s import to_simplified

opencc = pytest.importorskip("opencc")

NAMES = text_names()
FUZZ = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
NOISE = settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def evidence_spans(a: Article):
    """Every evidence span of the records the issue names (source, meetings, attendees, documents, goals, issues)."""
    yield from a.source.evidence
    for rec in [*a.meetings, *a.attendees, *a.documents, *a.goals, *a.issues]:
        yield from rec.evidence
    for rec in [*a.documents, *a.goals]:
        if rec.count_evidence is not None:
            yield rec.count_evidence


def assert_grounded(text: str, a: Article) -> None:
    for sp in evidence_spans(a):
        assert 0 <= sp.start <= sp.end <= len(text), sp
        assert text[sp.start : sp.end] == sp.text, sp


def records(a: Article) -> dict[str, list[str]]:
    return {
        "meetings": sorted(m.name for m in a.meetings),
        "attendees": sorted(p.name for p in a.attendees),
        "documents": sorted(d.title for d in a.documents),
    }


@cache
def clean_parse(name: str) -> Article:
    return regevents.parse(read_text(name))


@cache
def traditional(name: str) -> str:
    return opencc.OpenCC("s2t").convert(read_text(name))


# ------------------------------------------------------------------ noise kinds
# Each takes the clean text and a seeded Random and returns the noisy text.

EMOJI = ["🏋️", "👍🏻", "🇨🇳", "㊙️", "*️⃣", "👨‍👩‍👧", "🎉", "✅", "🔥🔥", "⏳"]
PUNCT = set("，。、；：！？,;:")
GLOSSES = ["(xié)", "(fā)", "(zhǎn)", "(huì)", "(yì)", "(dǎo)", "(chuàng)", "(lǐng)"]
NAVIGATION = "首页 > 新闻中心 > 区域合作\n当前位置:首页 > 要闻 > 正文\n"
RELATED = (
    "\n相关新闻\n"
    "· 第七届区域合作与发展联席会议在江城召开 2021-06-18\n"
    "· 沿江九省市签署《流域生态保护合作框架协议》\n"
    "· 东部省份第三次协作联席会议举行,省长王建国出席并讲话\n"
)


def emoji_after_punctuation(text: str, rnd: random.Random) -> str:
    out = []
    for ch in text:
        out.append(ch)
        if ch in PUNCT and rnd.random() < 0.4:
            out.append(rnd.choice(EMOJI))
    return "".join(out)


def pinyin_glosses(text: str, rnd: random.Random) -> str:
    """A gloss after some Han characters; never a second gloss on one character (the texts carry some)."""
    out = []
    for ch, nxt in zip(text, text[1:] + " "):
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff" and nxt != "(" and rnd.random() < 0.08:
            out.append(rnd.choice(GLOSSES))
    return "".join(out)


def navigation_before(text: str, rnd: random.Random) -> str:
    return NAVIGATION + text


def related_list_after(text: str, rnd: random.Random) -> str:
    return text.rstrip("\n") + "\n" + RELATED


KINDS = {
    "emoji": emoji_after_punctuation,
    "pinyin": pinyin_glosses,
    "navigation": navigation_before,
    "related": related_list_after,
}
ALL_KINDS = sorted([*KINDS, "traditional"])  # traditional: the session's s2t copy, see traditional()


def noisy(name: str, kind: str, seed: int) -> str:
    if kind == "traditional":
        return traditional(name)
    return KINDS[kind](read_text(name), random.Random(seed))


# ------------------------------------------------------------------ properties


@FUZZ
@given(st.text(max_size=300))
def test_random_unicode_never_raises(text):
    a = regevents.parse(text)
    assert_grounded(text, a)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("《》“”、()（）【】0123456789会议在举行召开。，:记者摄 \n?🏋️首页责编来源")), max_size=400))
def test_genre_alphabet_never_raises(text):
    a = regevents.parse(text)
    assert_grounded(text, a)


@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), st.integers(0, 2**32 - 1), st.sampled_from(["line", "chunk"]))
def test_shuffled_fragments_never_raise(name, seed, how):
    raw = read_text(name)
    rnd = random.Random(seed)
    if how == "line":
        parts = raw.splitlines(keepends=True)
    else:
        cuts = sorted(rnd.sample(range(1, len(raw)), k=min(12, len(raw) - 1)))
        parts = [raw[i:j] for i, j in zip([0, *cuts], [*cuts, len(raw)])]
    rnd.shuffle(parts)
    text = "".join(parts[: rnd.randint(1, len(parts))])
    a = regevents.parse(text)
    assert_grounded(text, a)


@pytest.mark.parametrize("name", NAMES)
def test_traditional_copies_round_trip(name):
    assert to_simplified(traditional(name)) == to_simplified(read_text(name))


def _check_noise(name: str, kind: str, seed: int) -> None:
    text = noisy(name, kind, seed)
    a = regevents.parse(text)
    assert_grounded(text, a)
    assert records(a) == records(clean_parse(name)), f"{kind} noise changed the records of {name}"


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_noise_keeps_records(kind):
    """Every kind of noise on every shared text (one seed each)."""
    for name in NAMES:
        _check_noise(name, kind, seed=len(name))


@NOISE
@given(st.sampled_from(NAMES), st.sampled_from(["emoji", "pinyin"]), st.integers(0, 2**32 - 1))
def test_random_noise_keeps_records(name, kind, seed):
    """The random kinds again with other seeds."""
    _check_noise(name, kind, seed)


@settings(max_examples=4, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), st.integers(0, 2**32 - 1))
def test_all_noise_at_once_keeps_records(name, seed):
    rnd = random.Random(seed)
    text = traditional(name)
    text = pinyin_glosses(emoji_after_punctuation(text, rnd), rnd)
    text = related_list_after(navigation_before(text, rnd), rnd)
    a = regevents.parse(text)
    assert_grounded(text, a)
    assert records(a) == records(clean_parse(name))
