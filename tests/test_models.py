"""The contract models: strict, EDTF-checked, referentially whole, round-trippable."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from regevents.models import Article, Attendee, Meeting, Span, is_edtf


@pytest.mark.parametrize("s", ["2019-05-22", "XXXX-09-10", "XXXX-XX-12", "2024-07-28/2024-07-29", "2019", "2019-05", "XXXX-02-29"])
def test_edtf_accepted(s):
    assert is_edtf(s)
    Meeting(id="m1", name="x", date=s)


@pytest.mark.parametrize("s", ["2019-13-01", "2019-02-30", "5月22日", "2019/05/22", "XXXX-XX", "2019-05-22/", "", "2023-02-29"])
def test_edtf_rejected(s):
    assert not is_edtf(s)
    with pytest.raises(ValidationError):
        Meeting(id="m1", name="x", date=s)


def test_unknown_field_rejected():
    with pytest.raises(ValidationError):
        Meeting.model_validate({"id": "m1", "name": "x", "venue_typo": 1})


def test_span_text_length_must_agree():
    with pytest.raises(ValidationError):
        Span(start=0, end=3, text="ab")


def test_dangling_and_duplicate_ids_rejected():
    with pytest.raises(ValidationError, match="unknown attendee"):
        Article(meetings=[Meeting(id="m1", name="x", chair="p9")])
    with pytest.raises(ValidationError, match="duplicate id"):
        Article(meetings=[Meeting(id="m1", name="x")], attendees=[Attendee(id="m1", name="y")])
    with pytest.raises(ValidationError, match="unknown meeting"):
        Article(attendees=[Attendee(id="p1", name="y", meetings=["m2"])])


def test_round_trip():
    a = Article(
        meetings=[Meeting(id="m1", name="座谈会", date="XXXX-09-10", evidence=[Span(start=0, end=3, text="座谈会")])],
        attendees=[Attendee(id="p1", name="张三", meetings=["m1"])],
    )
    a.meetings[0].chair = "p1"
    assert Article.model_validate_json(a.model_dump_json()) == a
