"""Resolve: link the records the extractors found into one consistent article.

Extractors work independently; this stage decides the cross-references:
* the article's primary meeting is the first one reported as held; in a preview
  article, where none is, the announced one that find_meetings lists first;
* a chairing clause in a meeting's own paragraph (``当天下午,X召开。Z主持``; find_meetings
  keeps it as the meeting's evidence) names that meeting's chair: the attendee with the action
  主持 whose evidence lies inside the clause chairs it and took part in it;
* an attendee with no meeting of their own took part in the primary meeting;
* a meeting still without a chair: the attendee of that meeting whose actions include 主持,
  unless the meeting is only announced (nobody has chaired it yet);
* a document signed, adopted or released, and a goal, with no meeting belong
  to the primary meeting (a merely referenced document belongs to none);
* a primary meeting whose regions nothing in the text states takes those of its
  attendees' posts (陕西省委书记, 河南省委书记 -> 陕西, 河南).
"""
from __future__ import annotations

from .extract.meeting_places import regions_of_orgs
from .models import (
    Article,
    Attendee,
    CooperationGoal,
    Meeting,
    SignedDocument,
    Source,
    Span,
    reference_problems,
    trusted_assign,
    trusted_model,
)
from .source import SourceInfo

CHAIR_ACTION = "主持"


def primary_meeting(meetings: list[Meeting]) -> Meeting | None:
    """The meeting the article reports: the first held one in extraction order, else the first
    (find_meetings lists a preview's announced meeting first when nothing is held)."""
    return next((m for m in meetings if m.status == "held"), meetings[0] if meetings else None)


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _chairs_from_clauses(meetings: list[Meeting], attendees: list[Attendee]) -> None:
    """Chair and participation from the chairing clauses among a meeting's evidence (see
    ``extract.meetings._chair_clauses``): the first attendee who chaired something and is named
    inside one. Position, not order of mention, decides, so the chair of a second meeting on
    the same day is not given to the first."""
    chairs = [p for p in attendees if CHAIR_ACTION in p.actions]
    if not chairs:
        return
    for m in meetings:
        clauses = [e for e in m.evidence if CHAIR_ACTION in e.text]
        for clause in clauses:
            inside = [p for p in chairs if any(_inside(e, clause) for e in p.evidence)]
            for p in inside:
                if m.id not in p.meetings:
                    p.meetings.append(m.id)
            if inside and m.chair is None:
                trusted_assign(m, "chair", inside[0].id)


def resolve(
    source: SourceInfo,
    meetings: list[Meeting],
    attendees: list[Attendee],
    documents: list[SignedDocument],
    goals: list[CooperationGoal],
) -> Article:
    main = primary_meeting(meetings)
    _chairs_from_clauses(meetings, attendees)
    if main is not None:
        for person in attendees:
            if not person.meetings:
                trusted_assign(person, "meetings", [main.id])
        for d in documents:
            if d.meeting is None and d.action != "referenced":
                trusted_assign(d, "meeting", main.id)
        for g in goals:
            if g.meeting is None:
                trusted_assign(g, "meeting", main.id)
        if not main.regions:
            # no region in its name or a participants' list: those of the people who took part
            orgs = [r.org for p in attendees if main.id in p.meetings for r in p.roles if r.org]
            trusted_assign(main, "regions", [str(r) for r in regions_of_orgs(orgs)])
    for m in meetings:
        if m.chair is None and m.status != "announced":
            # a meeting still to be held has no chair yet: a 主持 in a preview (张某主持发布会) is
            # of the event reported now, not of the one announced
            chair = next((p for p in attendees if CHAIR_ACTION in p.actions and m.id in p.meetings), None)
            if chair is not None:
                trusted_assign(m, "chair", chair.id)
    # List order carries no meaning (the primary meeting is the first held one,
    # normally m1); announced and merely mentioned meetings are listed first so
    # that a consumer matching by name ("2020年…座谈会" vs "…座谈会") meets the
    # held meeting last, as the one to keep on a tie.
    meetings = [m for m in meetings if m.status != "held"] + [m for m in meetings if m.status == "held"]
    # The source is validated (its date may come from the caller); the records are the
    # extractors' own models, so the article is assembled as validation would (a new list
    # per section, the same record objects) without running it, unless its integrity
    # check would fail: then the validated constructor raises exactly that error.
    fields = dict(
        source=Source(
            outlet=source.outlet,
            published=source.published,
            published_from=source.published_from,  # type: ignore[arg-type]
            byline=list(source.byline),
            evidence=list(source.evidence),
        ),
        meetings=meetings,
        attendees=list(attendees),
        documents=list(documents),
        goals=list(goals),
        primary_meeting=main.id if main is not None else None,
    )
    article = trusted_model(Article, **fields)
    if reference_problems(article):
        return Article(**fields)
    return article
