"""The output contract (docs/contract.md) as strict Pydantic models.

Every model rejects unknown fields so that a typo in hand-edited JSON is caught
rather than silently dropped. Fields beyond the contract are allowed to be added
here (the contract says the project may add, never rename or drop).

Article-level integrity (unique ids, resolvable references) is checked by a
model validator, so ``Article.model_validate_json`` refuses JSON with a dangling
id. The softer, content-level checks live in :mod:`regevents.validate`.
"""
from __future__ import annotations

from typing import Literal, TypeVar

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.0"

# ---------------------------------------------------------------- EDTF

_EDTF_DATE = regex.compile(
    r"(?:(?P<y>\d{4}|XXXX)(?:-(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?)?)"
)


def _valid_edtf_date(s: str) -> bool:
    """A single EDTF date at year, month or day precision, with X for unknown parts."""
    m = _EDTF_DATE.fullmatch(s)
    if not m:
        return False
    y, mo, d = m["y"], m["m"], m["d"]
    if mo and mo != "XX" and not 1 <= int(mo) <= 12:
        return False
    if d and d != "XX":
        day = int(d)
        if not 1 <= day <= 31:
            return False
        if mo and mo != "XX":
            import calendar

            year = int(y) if y != "XXXX" else 2000  # a leap year: 02-29 allowed without a year
            if day > calendar.monthrange(year, int(mo))[1]:
                return False
    if y == "XXXX" and mo == "XX" and not d:
        return False  # "XXXX-XX" says nothing
    return True


def is_edtf(s: str) -> bool:
    """True for the EDTF forms the contract uses: a date, or a closed range ``A/B``."""
    parts = s.split("/")
    if len(parts) == 1:
        return _valid_edtf_date(parts[0])
    if len(parts) == 2:
        return all(_valid_edtf_date(p) for p in parts)
    return False


def _check_edtf(v: str | None) -> str | None:
    if v is not None and not is_edtf(v):
        raise ValueError(f"not an EDTF date: {v!r} (expected e.g. 2019-05-22, XXXX-09-10, XXXX-XX-12, 2024-07-28/2024-07-29)")
    return v


# ---------------------------------------------------------------- records


class _Strict(BaseModel):
    # defer_build: the validators and serializers are built on first use rather than at
    # import (about a third of `import regevents`); a parse builds them once per process.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)


class Span(_Strict):
    """Half-open ``[start, end)`` character offsets into the ORIGINAL input."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _consistent(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text has {len(self.text)} characters for offsets [{self.start}, {self.end})")
        return self


_object_setattr = object.__setattr__
_M = TypeVar("_M", bound=BaseModel)


def trusted_span(start: int, end: int, text: str) -> Span:
    """A :class:`Span` the caller knows to be valid, built without validation.

    What ``Span.model_construct(start=..., end=..., text=...)`` builds (the same
    ``__dict__``, fields set, no extra, no private state), set directly: the
    evidence of every record is made here, thousands per page, and the generic
    ``model_construct`` costs several times more than the object itself.
    """
    span = _object_new(Span)
    _object_setattr(span, "__dict__", {"start": start, "end": end, "text": text})
    _object_setattr(span, "__pydantic_fields_set__", {"start", "end", "text"})
    _object_setattr(span, "__pydantic_extra__", None)
    _object_setattr(span, "__pydantic_private__", None)
    return span


_object_new = object.__new__


def trusted_model(cls: type[_M], **values: object) -> _M:
    """``cls.model_construct(**values)`` for the models here (no aliases, no private state,
    factories that take no argument), built directly: pydantic's generic version inspects
    each default factory's signature on every call, which costs more than the whole model."""
    fields: dict[str, object] = {}
    for name, info in cls.__pydantic_fields__.items():
        if name in values:
            fields[name] = values[name]
        elif info.default_factory is not None:
            fields[name] = info.default_factory()  # type: ignore[call-arg]
        else:
            fields[name] = info.default
    model = _object_new(cls)
    _object_setattr(model, "__dict__", fields)
    _object_setattr(model, "__pydantic_fields_set__", set(values))
    _object_setattr(model, "__pydantic_extra__", None)
    _object_setattr(model, "__pydantic_private__", None)
    return model


def trusted_assign(model: BaseModel, name: str, value: object) -> None:
    """``model.<name> = value`` for a value the caller knows to be of the field's type.

    What validated assignment stores when the value needs no conversion (it also marks
    the field as set), without running the validator: for the pipeline's own links
    between records (ids it read from the records themselves), where validation can
    only pass. Pass a fresh list for a list field (validation would store a copy).
    """
    model.__dict__[name] = value
    model.__pydantic_fields_set__.add(name)


class Source(_Strict):
    outlet: str | None = None
    published: str | None = None
    byline: list[str] = Field(default_factory=list)
    published_from: Literal["stamp", "dateline", "argument"] | None = None
    evidence: list[Span] = Field(default_factory=list)

    _edtf = field_validator("published")(lambda cls, v: _check_edtf(v))


class Role(_Strict):
    title: str
    org: str | None = None
    org_inferred: bool = False  # org taken from context (outlet's home region), not the sentence
    raw: str | None = None  # the wording as it appeared (simplified)


class Meeting(_Strict):
    id: str
    name: str
    kind: str | None = None
    edition: int | None = None
    date: str | None = None
    city: str | None = None
    province: str | None = None
    chair: str | None = None
    theme: str | None = None
    regions: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    # beyond the contract
    status: Literal["held", "announced", "mentioned"] = "held"
    part_of_day: str | None = None
    venue: str | None = None
    host: str | None = None
    next_meeting: str | None = None  # id of the series' next meeting, when announced
    rule: str | None = None

    _edtf = field_validator("date")(lambda cls, v: _check_edtf(v))


class Attendee(_Strict):
    id: str
    name: str
    roles: list[Role] = Field(default_factory=list)
    meetings: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)
    actions: list[str] = Field(default_factory=list)  # 出席, 主持, 讲话, 致辞 ...
    rule: str | None = None


class SignedDocument(_Strict):
    id: str
    title: str
    action: Literal["signed", "adopted", "released", "referenced"]
    meeting: str | None = None
    signatories: list[str] = Field(default_factory=list)  # the parties as named (regions, bodies or people)
    evidence: list[Span] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    verb: str | None = None
    group: str | None = None  # documents listed together under one stated count share a group id
    group_size: int | None = None  # the count the article states for the group (等六个合作文件 -> 6)
    count_evidence: Span | None = None  # where that count is stated
    rule: str | None = None


class CooperationGoal(_Strict):
    id: str
    text: str
    kind: str
    meeting: str | None = None
    proposed_by: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    group: str | None = None  # goals of one enumeration share a group id
    group_size: int | None = None  # the count the article claims for the list (九个方面 -> 9)
    count_evidence: Span | None = None  # where that count is stated
    rule: str | None = None


class Issue(_Strict):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    refs: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)


class Article(_Strict):
    schema_version: str = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    meetings: list[Meeting] = Field(default_factory=list)
    attendees: list[Attendee] = Field(default_factory=list)
    documents: list[SignedDocument] = Field(default_factory=list)
    goals: list[CooperationGoal] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    primary_meeting: str | None = None  # id of the meeting the article reports (list order carries no meaning)

    def primary(self) -> "Meeting | None":
        """The meeting the article reports, or None."""
        return next((m for m in self.meetings if m.id == self.primary_meeting), None)

    @model_validator(mode="after")
    def _integrity(self) -> "Article":
        problems = reference_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self


def reference_problems(a: Article) -> list[str]:
    """Duplicate ids and references to ids that do not exist, as sentences."""
    out: list[str] = []
    seen: set[str] = set()
    for rec in [*a.meetings, *a.attendees, *a.documents, *a.goals]:
        if rec.id in seen:
            out.append(f"duplicate id {rec.id!r}")
        seen.add(rec.id)
    meetings = {m.id for m in a.meetings}
    people = {p.id for p in a.attendees}

    def need(ref: str | None, pool: set[str], what: str, owner: str) -> None:
        if ref is not None and ref not in pool:
            out.append(f"{owner} refers to unknown {what} {ref!r}")

    need(a.primary_meeting, meetings, "meeting", "primary_meeting")
    for m in a.meetings:
        need(m.chair, people, "attendee", m.id)
        need(m.next_meeting, meetings, "meeting", m.id)
    for p in a.attendees:
        for ref in p.meetings:
            need(ref, meetings, "meeting", p.id)
    for d in a.documents:
        need(d.meeting, meetings, "meeting", d.id)
    for g in a.goals:
        need(g.meeting, meetings, "meeting", g.id)
        need(g.proposed_by, people, "attendee", g.id)
    return out
