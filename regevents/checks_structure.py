"""Structure: JSON produced elsewhere or edited by hand, read through the models.

Why not just ``Article.model_validate``: it raises on the first broken record
and refuses the whole article for one dangling id. A user validating a store
of thousands of articles wants every problem as an :class:`Issue`, and the
content checks to still run on what is sound. So each record is validated on
its own, a broken one is reported and left out, and the article-level
integrity (unique ids, resolvable references) is checked here over the raw
ids, so that a reference to a record that was left out for another reason is
not also called dangling.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from .issues import make
from .models import (
    SCHEMA_VERSION,
    Article,
    Attendee,
    CooperationGoal,
    Issue,
    Meeting,
    SignedDocument,
    Source,
)

SECTIONS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("meetings", Meeting),
    ("attendees", Attendee),
    ("documents", SignedDocument),
    ("goals", CooperationGoal),
)
_RECORD_TYPES = frozenset(model for _, model in SECTIONS)
_DATE_FIELDS = frozenset({"date", "published"})
_SPAN_FIELDS = frozenset({"evidence", "count_evidence"})


def _where(prefix: str, loc: Iterable[Any]) -> str:
    out = prefix
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "article"


def _label(section: str, index: int, item: Any) -> str:
    rid = item.get("id") if isinstance(item, Mapping) else None
    base = f"{section}[{index}]"
    return f"{base} ({rid})" if isinstance(rid, str) else base


def _rid(item: Any) -> list[str]:
    rid = item.get("id") if isinstance(item, Mapping) else None
    return [rid] if isinstance(rid, str) else []


def errors_to_issues(exc: ValidationError, prefix: str, refs: list[str]) -> list[Issue]:
    """One issue per pydantic error, coded by what went wrong."""
    out: list[Issue] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err.get("loc", ()))
        kind = err.get("type", "")
        where = _where(prefix, loc)
        detail = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if kind == "extra_forbidden":
            out.append(make("unknown_field", refs, where=where))
        elif loc and loc[-1] in _DATE_FIELDS and kind == "value_error":
            out.append(make("bad_edtf", refs, where=where, value=err.get("input")))
        elif any(part in _SPAN_FIELDS for part in loc):
            out.append(make("bad_span", refs, where=where, detail=detail))
        else:
            out.append(make("invalid_structure", refs, where=where, detail=detail))
    return out


def _validate_one(model: type[BaseModel], item: Any, prefix: str, refs: list[str]) -> tuple[Any, list[Issue]]:
    try:
        return model.model_validate(item), []
    except ValidationError as exc:
        return None, errors_to_issues(exc, prefix, refs)


def decode(data: Any) -> tuple[Any, list[Issue]]:
    """JSON text or bytes -> Python data; anything else passes through."""
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, [make("invalid_json", detail=f"not UTF-8 ({exc.reason} at byte {exc.start})")]
    if isinstance(data, str):
        try:
            return json.loads(data), []
        except json.JSONDecodeError as exc:
            return None, [make("invalid_json", detail=f"{exc.msg} at line {exc.lineno} column {exc.colno}")]
        except RecursionError:
            return None, [make("invalid_json", detail="nested too deeply")]
    return data, []


def load(data: Mapping[str, Any]) -> tuple[Article, list[Issue]]:
    """Build an :class:`Article` from raw data, reporting what is broken instead of raising.

    The returned article holds the sound records only and is assembled with
    ``model_construct`` (its integrity is reported here, not enforced), so the
    content checks can run on it.
    """
    issues: list[Issue] = []
    known = set(Article.model_fields)
    for key in data:
        if key not in known:
            issues.append(make("unknown_field", where=f"article.{key}"))

    version = data.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, str):
        issues.append(make("invalid_structure", where="schema_version", detail="must be a string"))
        version = SCHEMA_VERSION
    elif version != SCHEMA_VERSION:
        issues.append(make("unknown_schema_version", value=version, expected=SCHEMA_VERSION))

    source = Source()
    if "source" in data:
        parsed, errs = _validate_one(Source, data["source"], "source", [])
        issues.extend(errs)
        if parsed is not None:
            source = parsed

    parts: dict[str, list[Any]] = {}
    raw_sections: dict[str, list[Any]] = {}
    for section, model in (*SECTIONS, ("issues", Issue)):
        raw = data.get(section, [])
        if not isinstance(raw, list):
            issues.append(make("invalid_structure", where=section, detail=f"must be a list, not {type(raw).__name__}"))
            raw = []
        raw_sections[section] = raw
        kept: list[Any] = []
        for i, item in enumerate(raw):
            label = _label(section, i, item)
            parsed, errs = _validate_one(model, item, label, _rid(item))
            issues.extend(errs)
            if parsed is not None:
                kept.append(parsed)
        parts[section] = kept

    issues.extend(reference_issues_raw(raw_sections))
    article = Article.model_construct(
        schema_version=version,
        source=source,
        meetings=parts["meetings"],
        attendees=parts["attendees"],
        documents=parts["documents"],
        goals=parts["goals"],
        issues=parts["issues"],
    )
    return article, issues


# ------------------------------------------------------------------ references

# (section, field, target section, what, is_list)
_REFERENCES: tuple[tuple[str, str, str, str, bool], ...] = (
    ("meetings", "chair", "attendees", "attendee", False),
    ("meetings", "next_meeting", "meetings", "meeting", False),
    ("attendees", "meetings", "meetings", "meeting", True),
    ("documents", "meeting", "meetings", "meeting", False),
    ("goals", "meeting", "meetings", "meeting", False),
    ("goals", "proposed_by", "attendees", "attendee", False),
)


def _field(item: Any, name: str) -> Any:
    # the record models first (none is a Mapping): asking a model whether it is a Mapping
    # goes through the ABC machinery, and a built article (every parse) holds nothing else
    if type(item) in _RECORD_TYPES:
        return getattr(item, name, None)
    if isinstance(item, Mapping):
        return item.get(name)
    return getattr(item, name, None)


def reference_issues_raw(sections: Mapping[str, list[Any]]) -> list[Issue]:
    """Duplicate ids and references to absent ids, over raw dicts or model objects."""
    out: list[Issue] = []
    ids: dict[str, set[str]] = {}
    seen: set[str] = set()
    reported: set[str] = set()
    for section, _model in SECTIONS:
        pool = ids.setdefault(section, set())
        for item in sections.get(section, []):
            rid = _field(item, "id")
            if not isinstance(rid, str):
                continue
            if rid in seen and rid not in reported:
                reported.add(rid)
                out.append(make("duplicate_id", [rid], id=rid))
            seen.add(rid)
            pool.add(rid)
    for section, name, target, what, is_list in _REFERENCES:
        pool = ids.get(target, set())
        for i, item in enumerate(sections.get(section, [])):
            value = _field(item, name)
            values = value if (is_list and isinstance(value, list)) else [value]
            owner_id = _field(item, "id")
            owner = owner_id if isinstance(owner_id, str) else f"{section}[{i}]"
            for ref in values:
                if isinstance(ref, str) and ref not in pool:
                    out.append(make("dangling_reference", [owner] if isinstance(owner_id, str) else [],
                                    owner=f"{owner}.{name}", what=f"the {what}", ref=ref))
    return out


def reference_issues(article: Article) -> list[Issue]:
    """:func:`reference_issues_raw` for a built article (one made with ``model_construct`` may hold any).

    An article whose references are sound (every parse's) is recognised by :func:`_sound_references`,
    which reads the record models directly; only one it cannot vouch for goes through the general
    reader, which then finds and words the problems."""
    if _sound_references(article):
        return []
    return reference_issues_raw({s: list(getattr(article, s, []) or []) for s, _ in SECTIONS})


def _sound_references(article: Article) -> bool:
    """True only when :func:`reference_issues_raw` would report nothing for the article's records.

    Exact by construction: it answers True only for lists of the exact record models whose ids
    are distinct strings (no ``duplicate_id``) and whose references (:data:`_REFERENCES`) are each
    None or an id of their target section (no ``dangling_reference``; a non-str reference, which
    the general reader skips, makes it answer False, as does anything else it is not sure of).
    """
    ms, ps, ds, gs = (getattr(article, s, None) for s, _ in SECTIONS)
    if not (type(ms) is list and type(ps) is list and type(ds) is list and type(gs) is list):
        return False
    try:
        meetings = {m.id for m in ms if type(m) is Meeting}
        people = {p.id for p in ps if type(p) is Attendee}
        others = [d.id for d in ds if type(d) is SignedDocument] + [g.id for g in gs if type(g) is CooperationGoal]
        ids = meetings | people
        ids.update(others)
        if len(ids) != len(ms) + len(ps) + len(ds) + len(gs) or not all(type(i) is str for i in ids):
            return False  # a record of another type, a duplicate or a non-str id
        for m in ms:
            chair, nxt = m.chair, m.next_meeting
            if (chair is not None and chair not in people) or (nxt is not None and nxt not in meetings):
                return False
        for p in ps:
            refs = p.meetings
            if type(refs) is not list or not meetings.issuperset(refs):
                return False
        for d in ds:
            if d.meeting is not None and d.meeting not in meetings:
                return False
        for g in gs:
            if (g.meeting is not None and g.meeting not in meetings) or (
                g.proposed_by is not None and g.proposed_by not in people
            ):
                return False
    except (AttributeError, TypeError):  # a record lacking a field, an unhashable value: the general reader decides
        return False
    return True
