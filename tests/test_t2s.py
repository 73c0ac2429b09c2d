"""Our length-preserving t2s tables agree with opencc-python-reimplemented."""
from __future__ import annotations

import pytest
from conftest import read_text, text_names

from regevents.normalize import normalize
from regevents.t2s import to_simplified

opencc = pytest.importorskip("opencc")


@pytest.fixture(scope="module")
def reference():
    return opencc.OpenCC("t2s")


@pytest.mark.parametrize("name", text_names())
def test_same_as_reference_on_shared_texts(reference, name):
    raw = read_text(name)
    assert to_simplified(raw) == reference.convert(raw)
    cleaned = normalize(raw).text
    assert to_simplified(cleaned) == reference.convert(cleaned)


@pytest.mark.parametrize("trad,simp", [("長江經濟帶", "长江经济带"), ("協同發展", "协同发展"), ("乾隆", "乾隆"), ("頭髮", "头发")])
def test_known_words(reference, trad, simp):
    assert to_simplified(trad) == simp == reference.convert(trad)


def test_length_preserved_everywhere(shared_texts):
    for raw in shared_texts.values():
        assert len(to_simplified(raw)) == len(raw)


def test_hong_kong_variants_are_simplified(reference):
    # TSCharacters lacks the Hong Kong form 衞 (衛); the reference leaves it alone
    assert reference.convert("醫療衞生") == "医疗衞生"
    assert to_simplified("醫療衞生") == "医疗卫生"


def test_simplified_characters_listed_as_variants_are_left_alone():
    # HKVariantsRev also lists characters simplified text uses itself (叁, 吃, 台)
    assert to_simplified("叁吃台") == "叁吃台"
