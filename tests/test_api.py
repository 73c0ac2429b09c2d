"""The public API: misuse raises clearly, any string parses, offsets hold."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import read_text, text_names

import regevents
from regevents.models import Article


def spans_of(article: Article):
    yield from article.source.evidence
    for rec in [*article.meetings, *article.attendees, *article.documents, *article.goals, *article.issues]:
        yield from rec.evidence


@pytest.mark.parametrize("bad", [b"abc", bytearray(b"x"), 12, None, ["a"]])
def test_non_str_raises_type_error_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        regevents.parse(bad)


def test_bytes_error_suggests_decode():
    with pytest.raises(TypeError, match="decode"):
        regevents.parse("会议".encode())


def test_bad_published_raises_value_error():
    with pytest.raises(ValueError, match="published"):
        regevents.parse("会议。", published="not a date")
    with pytest.raises(TypeError):
        regevents.parse("会议。", published=3.5)


@pytest.mark.parametrize("published,expected", [("2019-05-24", "2019-05-24"), (dt.date(2020, 1, 2), "2020-01-02"), (dt.datetime(2021, 3, 8, 9, 30), "2021-03-08"), ("2021/03/08", "2021-03-08")])
def test_published_argument_forms(published, expected):
    assert regevents.parse("会议在武汉举行。", published=published).source.published == expected


@pytest.mark.parametrize(
    "hostile",
    ["", " ", "\n\n", "🏋️🎸⏳", "《" * 1000, "“" * 1000, "、" * 1000, "9" * 5000, "会" * 100_000, "(" * 10_000 + ")" * 10_000, "?" * 1000, "\ufffd" * 50, "《未闭合的标题"],
)
def test_hostile_strings_never_raise(hostile):
    a = regevents.parse(hostile)
    assert isinstance(a, Article)
    for sp in spans_of(a):
        assert hostile[sp.start : sp.end] == sp.text


@pytest.mark.parametrize("name", text_names())
def test_every_span_slices_the_input(name):
    raw = read_text(name)
    a = regevents.parse(raw)
    spans = list(spans_of(a))
    for sp in spans:
        assert 0 <= sp.start <= sp.end <= len(raw)
        assert raw[sp.start : sp.end] == sp.text
    assert Article.model_validate_json(a.model_dump_json()) == a
