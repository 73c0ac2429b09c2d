"""Documents named in 《》: what the meeting did with each (signed, adopted, released) or only referenced.

How the genre writes it: a governing verb, then one title or a list of titles
(``审议通过了《A》,审议并签署了《B》《C》…等六个合作文件``); sometimes the verb
follows (``《A》正式发布``); a short name stands for a title given earlier or
later (``《规划纲要》``). So, per title mention:

* the nearest verb before it in its sentence, other titles of the list
  skipped (``data/documents.rules.json``: ``verb``, ``verb_gap``), decides:
  签署/签订/签约 -> signed; 审议通过/通过/审定 -> adopted; 发布/印发/发出/宣读
  -> released; a verb of reference (落实, 贯彻, 按照 ...) -> referenced; a verb
  put in the past or future (去年签署的, 拟签署) is no action of this meeting;
* else a verb right after it (``post_verb``); else it is only referenced;
* mentions of one title are one document, the first action wins; a title
  contained in a longer one (规划纲要 in 长江三角洲区域一体化发展规划纲要) is an
  alias of it, not a document of its own;
* a stated count after a list (``等六个合作文件``) gives the listed documents
  a shared ``group`` with ``group_size`` and ``count_evidence``;
* the parties are read from the signing clause (``四省会城市公安部门签署的``),
  never the meeting itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..document import Document
from ..models import Meeting, SignedDocument, Span, trusted_model
from ..rules import load_rules
from .document_titles import TitleHit, find_titles, resolve_damaged
from .meeting_names import cn_number
from .sentences import SENTENCE_STOPS, sentence_start

_SENT_STOP = SENTENCE_STOPS
_MASK = "□"
_LIST_JOIN = regex.compile(r"^(?:、|和|及|与|以及|\s)*$")
_CLAUSE_STOP = regex.compile(r"[,;:。!?\n]")
_ACTIONS = ("signed", "adopted", "released", "referenced")


@dataclass
class _Reading:
    action: str
    verb: str | None
    verb_span: tuple[int, int] | None
    signatories: list[str]
    rule: str


@dataclass
class _Doc:
    title: str
    mentions: list[tuple[TitleHit, _Reading]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    group: str | None = None
    group_size: int | None = None
    count_span: tuple[int, int] | None = None

    @property
    def first(self) -> int:
        return min(h.start for h, _ in self.mentions)

    def decisive(self) -> _Reading:
        acted = [r for _, r in sorted(self.mentions, key=lambda x: x[0].start) if r.action != "referenced"]
        return acted[0] if acted else self.mentions[0][1]


def _sentence_start(text: str, pos: int) -> int:
    return sentence_start(text, pos, 160)


def _masked(text: str, hits: list[TitleHit]) -> str:
    """The text with every title blanked to □ (same length), so verbs are never read inside titles."""
    pieces: list[str] = []
    pos = 0
    for h in hits:
        if h.start < pos:
            continue
        pieces.append(text[pos : h.start])
        pieces.append(_MASK * (h.end - h.start))
        pos = h.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _parties(masked: str, lo: int, verb_start: int) -> list[str]:
    """Named parties of a signing clause: the words before the verb, minus lead-ins and adverbs."""
    rules = load_rules("documents")
    stops = list(_CLAUSE_STOP.finditer(masked, lo, verb_start))
    start = stops[-1].end() if stops else lo
    subject = masked[start:verb_start]
    lead = rules["signatory_lead"].pattern.match(subject)
    if lead:
        subject = subject[lead.end() :]
    trail = rules["signatory_trail"].pattern.search(subject)
    if trail:
        subject = subject[: trail.start()]
    subject = subject.strip()
    if not subject or _MASK in subject or len(subject) > 40 or rules["not_a_party"].pattern.match(subject):
        return []
    parts = [p.strip() for p in rules["party_split"].pattern.split(subject)]
    if len(parts) >= 2 and all(len(p) >= 2 for p in parts):
        return parts
    return [subject]


_SETTING = regex.compile(r"(?:上|期间|之际|时|中|会上)$")


def _setting_start(masked: str, s0: int, verb: int) -> int:
    """Start of the verb's clause, or of the clause before it when that one sets the scene (…论坛上,)
    or is only a time (2021年,)."""
    stops = [m.start() for m in _CLAUSE_STOP.finditer(masked, s0, verb)]
    if not stops:
        return s0
    start = stops[-1] + 1
    before = stops[-2] + 1 if len(stops) >= 2 else s0
    if _SETTING.search(masked, s0, stops[-1]) or load_rules("documents")["time_clause"].pattern.match(masked[before : stops[-1]]):
        start = before
    return start


def _in_the_past(masked: str, start: int, end: int, year: int | None) -> bool:
    """Is the clause ``[start, end)`` set in the past (去年…, 上届…, a year before the article's)?"""
    for m in load_rules("documents")["past_sentence"].finditer(masked, start, end):
        if m.group("year") is None or (year is not None and int(m.group("year")) < year):
            return True
    return False


def _read(text: str, masked: str, hit: TitleHit, year: int | None = None) -> _Reading:
    """The action of one title mention (see the module docstring); ``year`` is the article's."""
    rules = load_rules("documents")
    s0 = _sentence_start(masked, hit.start)
    last = None
    for vm in rules["verb"].finditer(masked, s0, hit.start):
        last = vm
    if last is not None:
        between = masked[last.end() : hit.start]
        if any(rules[r].pattern.match(between) for r in ("verb_gap", "verb_near", "verb_count_list")):
            action = last.lastgroup or "referenced"
            before = masked[max(s0, last.start() - 12) : last.start()]
            if action != "referenced" and rules["time_shift"].pattern.search(before):
                return _Reading("referenced", last.group(), last.span(), [], "time_shift")
            if action != "referenced" and _in_the_past(masked, _setting_start(masked, s0, last.start()), last.start(), year):
                return _Reading("referenced", last.group(), last.span(), [], "past_sentence")
            if action == "referenced":
                return _Reading("referenced", last.group(), last.span(), [], "reference_verb")
            parties = _parties(masked, s0, last.start()) if action == "signed" else []
            return _Reading(action, last.group(), last.span(), parties, "verb_before")
    rest = _rest_of_batch(masked, s0, hit.start)
    if rest is not None:
        return rest
    post = rules["post_verb"].pattern.match(text[hit.end : hit.end + 16])
    if post:
        verb = post.group("verb")
        vm = rules["verb"].pattern.fullmatch(verb)
        action = (vm.lastgroup if vm else None) or "referenced"
        span = (hit.end + post.start("verb"), hit.end + post.end("verb"))
        return _Reading(action, verb, span, [], "verb_after")
    return _Reading("referenced", None, None, [], "mentioned")


def _rest_of_batch(masked: str, s0: int, pos: int) -> _Reading | None:
    """``签署了8份合作文件。其中,…;其余6份文件分别为《A》《B》``: the titles of a clause that lists
    the rest of a counted batch (rule ``rest_list``) take the action of the verb that counted it
    (``count_object``), the last such verb earlier in the paragraph; None when there is none.

    Why: the genre names a few documents with their signatories, then lists the others in a
    clause of their own with no verb; the batch's verb is their action."""
    rules = load_rules("documents")
    if not rules["rest_list"].pattern.match(masked[s0:pos]):
        return None
    para = masked.rfind("\n", 0, s0) + 1
    found = None
    for vm in rules["verb"].finditer(masked, para, s0):
        if vm.lastgroup != "referenced" and rules["count_object"].pattern.match(masked[vm.end() : s0]):
            found = vm
    if found is None or rules["time_shift"].pattern.search(masked[max(para, found.start() - 12) : found.start()]):
        return None
    return _Reading(found.lastgroup or "referenced", found.group(), found.span(), [], "rest_of_batch")


def _lists(text: str, hits: list[TitleHit]) -> list[list[TitleHit]]:
    """Runs of titles written one after another (《A》《B》、《C》和《D》)."""
    runs: list[list[TitleHit]] = []
    for h in hits:
        if runs and _LIST_JOIN.match(text[runs[-1][-1].end : h.start]):
            runs[-1].append(h)
        else:
            runs.append([h])
    return runs


def _alias_target(title: str, docs: list[_Doc], pos: int) -> _Doc | None:
    """The document whose title contains ``title`` (a short name), nearest before ``pos``, else the first after."""
    cands = [d for d in docs if d.title != title and title in d.title and len(title) < len(d.title)]
    if not cands:
        return None
    before = [d for d in cands if d.first < pos]
    if before:
        return max(before, key=lambda d: d.first)
    return min(cands, key=lambda d: d.first)


def find_documents(doc: Document, meetings: list[Meeting]) -> list[SignedDocument]:
    """Every 《…》 title with its action; ids d1, d2 ..."""
    text = doc.text
    hits = resolve_damaged(find_titles(text))
    if not hits:
        return []
    masked = _masked(text, hits)
    rules = load_rules("documents")

    by_title: dict[str, _Doc] = {}
    for h in hits:
        d = by_title.setdefault(h.title, _Doc(h.title))
        d.mentions.append((h, _read(text, masked, h, doc.source.anchor.year)))

    # stated counts after a list of titles
    n_groups = 0
    for run in _lists(text, [h for h in hits if not h.damaged]):
        end = run[-1].end
        cm = rules["count_after"].pattern.match(text[end : end + 24])
        if not cm:
            continue
        size = cn_number(cm.group("n"))
        if size is None:
            continue
        n_groups += 1
        gid = f"dg{n_groups}"
        for h in run:
            d = by_title[h.title]
            if d.group is None:
                d.group, d.group_size = gid, size
                d.count_span = (end + cm.start(), end + cm.end())

    # short names: fold into the full title
    docs = sorted(by_title.values(), key=lambda d: d.first)
    for short in sorted(docs, key=lambda d: len(d.title)):
        target = _alias_target(short.title, [d for d in docs if d is not short], short.first)
        if target is None:
            continue
        target.mentions.extend(short.mentions)
        if short.title not in target.aliases:
            target.aliases.append(short.title)
        target.aliases.extend(a for a in short.aliases if a not in target.aliases)
        docs.remove(short)

    primary = next((m.id for m in meetings if m.status == "held"), None)
    out: list[SignedDocument] = []
    for i, d in enumerate(sorted(docs, key=lambda d: d.first), 1):
        reading = d.decisive()
        spans = sorted({(h.start, h.end) for h, _ in d.mentions})
        evidence: list[Span] = [doc.span(s, e) for s, e in spans]
        if reading.verb_span is not None:
            evidence.append(doc.span(*reading.verb_span))
        # every value is known valid (action: a group name of the verb rule, all of them actions)
        out.append(trusted_model(
            SignedDocument,
            id=f"d{i}",
            title=d.title,
            action=reading.action,  # type: ignore[arg-type]
            meeting=primary if reading.action != "referenced" else None,
            signatories=reading.signatories,
            evidence=evidence,
            aliases=d.aliases,
            verb=reading.verb,
            group=d.group,
            group_size=d.group_size,
            count_evidence=doc.span(*d.count_span) if d.count_span else None,
            rule=reading.rule,
        ))
    return out
