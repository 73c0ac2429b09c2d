"""Premises of the fifth pass's shortcuts in validate and zone: each fast path equals its reference.

* ``checks_structure._sound_references`` answers True only when ``reference_issues_raw`` finds
  nothing (random articles built with ``model_construct``, every reference field broken in turn);
* ``checks_roles._title_known`` (a known suffix) equals ``split_role`` + ``is_title``;
* ``zones._RuleFilter.line_masks`` equals ``mask`` line by line, and folding a whole text then
  splitting it gives the folded lines.
"""
from __future__ import annotations

import random

import pytest

from regevents.checks_roles import _title_known
from regevents.checks_structure import _REFERENCES, SECTIONS, reference_issues, reference_issues_raw
from regevents.gazetteer import posts
from regevents.models import Article
from regevents.zones import _fold, _zone_rules

_MODELS = dict(SECTIONS)


def _raw(article: Article) -> list:
    return reference_issues_raw({s: list(getattr(article, s, []) or []) for s, _ in SECTIONS})


def _record(section: str, rid: object, **refs: object):
    base = {
        "meetings": dict(name="会议", kind="座谈会", status="held"),
        "attendees": dict(name="张某"),
        "documents": dict(title="协议", action="signed"),
        "goals": dict(text="合作", kind="focus_area"),
    }[section]
    return _MODELS[section].model_construct(id=rid, **base, **refs)


def _random_article(rnd: random.Random) -> Article:
    ids = ["m1", "m2", "p1", "p2", "d1", "g1", "x9", 7, None]
    secs = {}
    for section, _model in SECTIONS:
        recs = []
        for _ in range(rnd.randint(0, 3)):
            refs = {}
            for sec, name, _target, _what, is_list in _REFERENCES:
                if sec == section:
                    value = rnd.choice(ids)
                    refs[name] = [rnd.choice(ids) for _ in range(rnd.randint(0, 2))] if is_list and rnd.random() < 0.8 else value
            recs.append(_record(section, rnd.choice(ids[:7]), **refs))
        secs[section] = recs
    return Article.model_construct(**secs)


def test_sound_references_fast_path_equals_the_general_reader():
    rnd = random.Random(5)
    for _ in range(500):
        a = _random_article(rnd)
        assert reference_issues(a) == _raw(a)


@pytest.mark.parametrize("section,name,target,what,is_list", _REFERENCES)
def test_every_reference_field_is_read_by_the_fast_path(section, name, target, what, is_list):
    """A dangling value in each field of _REFERENCES is reported (the fast path does not vouch for it)."""
    recs = {section: [_record(section, rid)] for section, rid in zip(_MODELS, ("m1", "p1", "d1", "g1"))}
    assert all(type(r[0]) is _MODELS[s] for s, r in recs.items())
    sound = Article.model_construct(**recs)
    assert reference_issues(sound) == []
    rec = recs[section][0]
    rec.__dict__[name] = ["zz"] if is_list else "zz"
    broken = Article.model_construct(**recs)
    found = reference_issues(broken)
    assert [i.code for i in found] == ["dangling_reference"] and found == _raw(broken)


def _title_known_reference(title: str) -> bool:
    if not title:
        return False
    _org, bare = posts().split_role(title)
    return posts().is_title(bare)


def test_title_known_equals_split_role():
    titles = list(posts().title_words.words)
    chars = sorted(set("".join(titles)) | set("省市委江西湖北会长副中共"))
    rnd = random.Random(3)
    cases = list(titles)
    for _ in range(5000):
        head = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 5)))
        tail = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 2)))
        cases.append(head + rnd.choice(titles + [""]) + tail)
    for t in cases:
        assert _title_known(t) == _title_known_reference(t), t


def test_line_masks_equal_one_mask_per_line():
    rules, filt = _zone_rules()
    words = sorted({w for zr in rules for w in (zr.rule.meta.get("requires") or ())})
    extra = ["ΑΣ", "\u0130", "ß", "ǅ", "ﬀ", "某", "。", " ", "年", "0"]
    rnd = random.Random(11)
    for _ in range(1000):
        lines = ["".join(rnd.choice(words + extra) for _ in range(rnd.randint(0, 5))) for _ in range(rnd.randint(0, 8))]
        text = "\n".join(lines)
        folded_lines = _fold(text).split("\n")
        assert folded_lines == [_fold(ln) for ln in text.split("\n")]
        assert filt.line_masks(folded_lines) == [filt.mask(f) for f in folded_lines]
