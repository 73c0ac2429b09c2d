"""The registry of issue codes: one place for every code, its severity and wording.

Why a registry: users store thousands of parsed articles and filter them by
``Issue.code``, so codes must be stable and their meaning written down once.
Every code here is documented in ``docs/issues.md`` with an example (a test
checks both directions), and every ``Issue`` the library emits is built with
:func:`make`, which refuses a code that is not registered.

Severity:

* ``error``   the record or the JSON is wrong (a reversed range, a 省长 of a
  city, a span that does not slice the input): do not trust it as is;
* ``warning`` likely wrong, worth a human look (a stated count that disagrees
  with the list, a speaker who is not an attendee);
* ``info``    an explanation of how a value was reached (a year taken from the
  page stamp, a damaged name that was repaired).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .models import Issue, Span

Severity = Literal["error", "warning", "info"]

__all__ = ["REGISTRY", "IssueCode", "Severity", "codes", "make"]


@dataclass(frozen=True)
class IssueCode:
    """A registered code: ``template`` is ``str.format``-ed with the keyword arguments of :func:`make`."""

    code: str
    severity: Severity
    template: str
    example: str  # a fragment (or JSON edit) that raises it; repeated in docs/issues.md
    group: str  # structure | dates | roles | references | grounding


_CODES: tuple[IssueCode, ...] = (
    # ------------------------------------------------------------ structure (validate() only)
    IssueCode("invalid_json", "error", "the data is not valid JSON: {detail}",
              '\'{"meetings": [\'', "structure"),
    IssueCode("invalid_structure", "error", "{where}: {detail}",
              '{"meetings": [{"id": "m1"}]} (a meeting without its name)', "structure"),
    IssueCode("unknown_field", "error", "{where}: unknown field (a typo?); the contract has no such field",
              '{"meetings": [{"id": "m1", "name": "座谈会", "venu": "武汉"}]}', "structure"),
    IssueCode("bad_edtf", "error", "{where}: {value!r} is not an EDTF date of the contract (e.g. 2019-05-22, XXXX-09-10, XXXX-XX-12, 2024-07-28/2024-07-29) or not on the calendar",
              '"date": "2019-02-30" or "date": "5月22日"', "structure"),
    IssueCode("bad_span", "error", "{where}: {detail}",
              '{"start": 0, "end": 3, "text": "座谈"} (2 characters for 3 offsets)', "structure"),
    IssueCode("duplicate_id", "error", "id {id!r} is used by more than one record; ids must be unique in the article",
              'a meeting and an attendee both with "id": "m1"', "structure"),
    IssueCode("dangling_reference", "error", "{owner} refers to {what} {ref!r}, which is not in the article",
              '{"id": "m1", "chair": "p9"} with no attendee p9', "structure"),
    IssueCode("unknown_schema_version", "warning", "schema_version {value!r} is not {expected!r}; fields may have changed meaning",
              '"schema_version": "0.3"', "structure"),
    # ------------------------------------------------------------ dates
    IssueCode("reversed_range", "error", "{ref}'s date {value} ends before it starts; swap the two dates",
              '"date": "2024-07-29/2024-07-28"', "dates"),
    IssueCode("held_after_publication", "error", "{ref} is reported as held on {value}, after the article's date {published}; one of the two dates is wrong",
              'source.published "2019-05-24", a held meeting dated "2019-05-28"', "dates"),
    IssueCode("announced_in_past", "warning", "{ref} is announced for {value}, before the article's date {published}; was it held rather than announced, or is the date wrong?",
              'source.published "2024-11-22", an announced meeting dated "2024-03-01"', "dates"),
    IssueCode("date_partial", "info", "{ref}'s date {value} lacks its {missing}: {reason}",
              '9月10日上午,…座谈会在武汉举行。 with no dated stamp -> "XXXX-09-10"', "dates"),
    IssueCode("date_year_inferred", "info", "the year {year} of {ref}'s date {value} is not written with the date ({written}); it comes from {origin}",
              '5月22日,…座谈会在安徽芜湖召开。 under 发布时间:2019-05-24 -> "2019-05-22"', "dates"),
    # ------------------------------------------------------------ roles
    IssueCode("unknown_title", "warning", "{ref} ({name}): the post {title!r} is not in the post gazetteer; check the title or add it to data/posts.tsv",
              '{"title": "省长助理员", "org": "江西省"}', "roles"),
    IssueCode("title_org_mismatch", "error", "{ref} ({name}): {title!r} is a post of a {marker}, but {org!r} is not one",
              '{"title": "省长", "org": "武汉市"}', "roles"),
    IssueCode("conflicting_roles", "warning", "{ref} ({name}) is given conflicting posts {first!r} and {second!r} in one article; one of them belongs to someone else",
              '江西省长X … 湖南省长X (one person, two governorships)', "roles"),
    IssueCode("role_outside_regions", "info", "{ref} ({name}) holds a post of {place}, which is not among the regions of {meeting} ({regions})",
              'a meeting of 江西, 湖南, 湖北 attended by 重庆市委书记X', "roles"),
    # ------------------------------------------------------------ cross-references
    IssueCode("chair_not_attendee", "warning", "{chair} chairs {meeting} but does not list it among the meetings they attended",
              '{"id": "m1", "chair": "p6"} with p6.meetings == []', "references"),
    IssueCode("speaker_not_attendee", "warning", "{name!r} speaks in the article ({cue}) but is not an attendee of any meeting",
              '刘某说,… with no attendee 刘某', "references"),
    IssueCode("headline_name_not_attendee", "warning", "the headline names {name!r} ({cue}), not found among the attendees in the body",
              'headline 刘某唐某某张某讲话 with no attendee 唐某某', "references"),
    IssueCode("count_mismatch", "warning", "the article states {stated} {what} ({cue!r}) but {found} are listed",
              '签署了《A》《B》《C》《D》《E》等六个合作文件 (five titles)', "references"),
    IssueCode("unresolved_short_name", "warning", "{short} 《{short_title}》 looks like the short name of {full} 《{full_title}》; record it as an alias of {full}",
              '《成渝地区双城经济圈建设规划纲要》 … 《规划纲要》 as two documents', "references"),
    # ------------------------------------------------------------ grounding
    IssueCode("missing_evidence", "error", "{ref} has no evidence span; every record must point at the text it comes from",
              '{"id": "p1", "name": "刘某", "evidence": []}', "grounding"),
    IssueCode("span_mismatch", "error", "{ref}: span [{start}, {end}) {detail}",
              'a span {"start": 0, "end": 2, "text": "刘某"} over a text beginning 江西', "grounding"),
    IssueCode("damaged_text", "warning", "{ref}'s {field} {value!r} still carries damaged characters (? or U+FFFD); repair it from the context",
              '{"name": "林某\ufffd"}', "grounding"),
    IssueCode("repaired_damaged_text", "info", "{ref}'s {field} {value!r} was repaired: the original reads {original!r}",
              '江苏省委副书记、省长林某?? -> attendee 林某某', "grounding"),
    # ------------------------------------------------------------ the checker itself
    IssueCode("check_failed", "warning", "the {check} check could not run on this article ({detail}); please report it",
              'never on purpose: a bug in a check, reported instead of raised', "structure"),
)

REGISTRY: dict[str, IssueCode] = {c.code: c for c in _CODES}
if len(REGISTRY) != len(_CODES):  # pragma: no cover - a programming error caught at import
    raise RuntimeError("duplicate issue code in regevents.issues")


def codes() -> list[str]:
    """Every registered code, in registry order."""
    return list(REGISTRY)


def make(code: str, refs: Iterable[str] = (), evidence: Iterable[Span | None] = (), **fields: object) -> Issue:
    """An :class:`Issue` for a registered ``code``, its message filled from ``fields``.

    Raises ``KeyError`` for an unregistered code or a template field not
    given: both are programming errors, never content problems (and a check
    that makes one is reported as ``check_failed``, see :mod:`regevents.validate`).
    """
    spec = REGISTRY[code]
    message = spec.template.format(**fields)
    seen: set[tuple[int, int, str]] = set()
    spans: list[Span] = []
    for sp in evidence:
        if sp is None:
            continue
        key = (sp.start, sp.end, sp.text)
        if key not in seen:
            seen.add(key)
            spans.append(sp)
    return Issue(code=code, severity=spec.severity, message=message, refs=list(dict.fromkeys(refs)), evidence=spans)
