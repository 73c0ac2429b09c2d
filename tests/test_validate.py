"""The validation layer: every issue code fires on a fragment made for it and stays
quiet on its correct twin; correct articles of the development set raise no
error; hand-broken JSON is reported, never accepted or raised."""
from __future__ import annotations

import importlib
import json
from collections.abc import Callable

import pytest
import regex
from conftest import gold_for, read_text, text_names
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import regevents
from regevents import checks_grounding, checks_refs, checks_roles
from regevents.checks_refs import cn_number
from regevents.gazetteer import split_role
from regevents.issues import REGISTRY
from regevents.models import (
    Article,
    Attendee,
    CooperationGoal,
    Issue,
    Meeting,
    Role,
    SignedDocument,
    Source,
    Span,
)
from regevents.normalize import normalize
from regevents.validate import check, validate

validate_module = importlib.import_module("regevents.validate")  # the module; regevents.validate is the function

# ------------------------------------------------------------------ helpers


def sp(text: str, sub: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``sub`` in ``text``."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return Span(start=i, end=i + len(sub), text=sub)


def codes(issues: list[Issue]) -> set[str]:
    return {i.code for i in issues}


def person(pid: str, name: str, *roles: tuple[str, str | None], meetings=("m1",), ev: list[Span] | None = None) -> Attendee:
    return Attendee(id=pid, name=name, roles=[Role(title=t, org=o) for t, o in roles], meetings=list(meetings),
                    evidence=ev if ev is not None else [Span(start=0, end=1, text="x")])


def meeting(mid: str = "m1", **kw) -> Meeting:
    kw.setdefault("evidence", [Span(start=0, end=1, text="x")])
    return Meeting(id=mid, name=kw.pop("name", "座谈会"), **kw)


def locate(clean, s: str) -> Span | None:
    """Evidence for a canonical string in a cleaned text (a damaged spelling accepted)."""
    i = clean.text.find(s)
    if i >= 0:
        return clean.span(i, i + len(s))
    for k in range(len(s)):
        m = regex.search(regex.escape(s[:k]) + "\ufffd+" + regex.escape(s[k + 1 :]), clean.text)
        if m:
            return clean.span(m.start(), m.end())
    return None


def first(v):
    return v[0] if isinstance(v, list) else v


def gold_article(name: str) -> tuple[Article, str]:
    """A correct article built from the gold file, with evidence found in the text."""
    raw = read_text(name)
    g = gold_for(name)
    clean = normalize(raw)
    fallback = clean.span(0, min(5, len(clean.text)))

    def ev(s: str) -> list[Span]:
        return [locate(clean, s) or fallback]

    pub = g.get("published") or g.get("published_arg")
    if g.get("published_arg") and not g.get("published"):
        origin = "argument"
    else:
        origin = ("dateline" if pub.startswith("X") else "stamp") if pub else None
    meetings = [
        Meeting(id=f"m{i}", name=m["name"], kind=first(m.get("kind")), date=first(m.get("date")), city=first(m.get("city")),
                regions=m.get("regions") or [], status="held" if i == 1 else "mentioned", evidence=ev(m["name"]))
        for i, m in enumerate(g["meetings"], 1)
    ]
    people = []
    for i, a in enumerate(g["attendees"], 1):
        roles = [Role(title=t, org=o) for o, t in map(split_role, a["roles"])]
        people.append(Attendee(id=f"p{i}", name=a["name"], roles=roles, meetings=["m1"] if meetings else [], evidence=ev(a["name"])))
    for m, gm in zip(meetings, g["meetings"]):
        chair = first(gm.get("chair"))
        if chair:
            m.chair = next(p.id for p in people if p.name == chair)
    docs = [SignedDocument(id=f"d{i}", title=d["title"], action=first(d["action"]), aliases=d.get("aliases", []), evidence=ev(d["title"]))
            for i, d in enumerate(g["documents"], 1)]
    goals = [CooperationGoal(id=f"g{i}", text=x["text"], kind="focus_area", evidence=ev(x["text"]))
             for i, x in enumerate(g["goals"], 1) if x.get("required")]
    source = Source(outlet=g.get("outlet"), published=pub, published_from=origin, byline=g.get("byline", []))
    return Article(source=source, meetings=meetings, attendees=people, documents=docs, goals=goals), raw


SEED = "000_800a12ffd4e27745.txt"


def seed_with_groups(drop_document: bool = False, drop_goal: bool = False, groups: bool = True) -> tuple[Article, str]:
    """Seed 000 with its 等六个合作文件 and 九个方面 lists recorded as groups (or not)."""
    a, raw = gold_article(SEED)
    clean = normalize(raw)
    signed = [d for d in a.documents if d.action == "signed"]
    assert len(signed) == 6
    areas = [g for g in a.goals if "," in g.text]  # the nine quoted areas: 共抓生态保护,建设中国绿心 ...
    assert len(areas) == 9
    doc_count = locate(clean, "等六个合作文件")
    goal_count = locate(clean, "等九个方面")
    if groups:
        for d in signed:
            d.group, d.group_size, d.count_evidence = "docs1", 6, doc_count
        for g in areas:
            g.group, g.group_size, g.count_evidence = "goals1", 9, goal_count
    if drop_document:
        a.documents = [d for d in a.documents if d.id != signed[2].id]
    if drop_goal:
        a.goals = [g for g in a.goals if g.id != areas[4].id]
    return a, raw


def with_text(text: str, **parts) -> list[Issue]:
    return check(Article(**parts), text)


# ------------------------------------------------------------------ one case per code: (fires, stays quiet)

HEADLINE = "刘奇许达哲应勇讲话\n9月10日上午,长江中游三省座谈会在武汉举行。刘奇说,要加强合作。应勇在讲话中表示,要共同发展。\n"
SPEECH = "9月10日上午,长江中游三省座谈会在武汉举行。刘奇说,长江中游地区承东启西。\n"
DAMAGED = "江苏省委副书记、省长吳政??出席会议。"
STAMPED = "发布时间:2019-05-24\n5月22日,长三角地区主要领导座谈会在安徽芜湖召开。\n"
STAMPED_YEAR = "发布时间:2019-05-24\n2019年5月22日,长三角地区主要领导座谈会在安徽芜湖召开。\n"
GOOD = {"id": "m1", "name": "座谈会", "evidence": [{"start": 0, "end": 3, "text": "座谈会"}]}


def _dated(date: str, status: str = "held", published: str | None = "2019-05-24") -> list[Issue]:
    return check(Article(source=Source(published=published), meetings=[meeting(date=date, status=status)]))


def _roles(*roles: tuple[str, str | None], regions: tuple[str, ...] = ()) -> list[Issue]:
    return check(Article(meetings=[meeting(regions=list(regions))], attendees=[person("p1", "张三", *roles)]))


def _speech(*names: str) -> list[Issue]:
    return with_text(SPEECH, meetings=[meeting()], attendees=[person(f"p{i}", n) for i, n in enumerate(names, 1)])


def _headline(*names: str) -> list[Issue]:
    return with_text(HEADLINE, meetings=[meeting()], attendees=[person(f"p{i}", n) for i, n in enumerate(names, 1)])


def _chair(meetings: list[str]) -> list[Issue]:
    return check(Article(meetings=[meeting(chair="p1")], attendees=[person("p1", "王忠林", meetings=meetings)]))


def _docs(*titles: str) -> list[Issue]:
    ev = [Span(start=0, end=1, text="x")]
    return check(Article(documents=[SignedDocument(id=f"d{i}", title=t, action="referenced", evidence=ev) for i, t in enumerate(titles, 1)]))


def _damaged(span_text: str, name: str) -> list[Issue]:
    return with_text(DAMAGED, meetings=[meeting()], attendees=[person("p1", name, ev=[sp(DAMAGED, span_text)])])


def _year(text: str) -> list[Issue]:
    src = Source(published="2019-05-24", published_from="stamp", evidence=[sp(text, "2019-05-24")])
    return with_text(text, source=src, meetings=[meeting(date="2019-05-22", evidence=[sp(text, "长三角地区主要领导座谈会")])])


def _broken_check() -> list[Issue]:
    def boom(ctx):
        raise ValueError("boom")

    saved = validate_module.CHECKS
    validate_module.CHECKS = (*saved, ("boom", boom))
    try:
        return check(Article())
    finally:
        validate_module.CHECKS = saved


CASES: dict[str, tuple[Callable[[], list[Issue]], Callable[[], list[Issue]]]] = {
    # structure
    "invalid_json": (lambda: validate('{"meetings": ['), lambda: validate("{}")),
    "invalid_structure": (lambda: validate({"meetings": [{"id": "m1"}]}), lambda: validate({"meetings": [GOOD]})),
    "unknown_field": (lambda: validate({"meetings": [{**GOOD, "venu": "武汉"}]}), lambda: validate({"meetings": [{**GOOD, "venue": "武汉"}]})),
    "bad_edtf": (lambda: validate({"meetings": [{**GOOD, "date": "2019-02-30"}]}), lambda: validate({"meetings": [{**GOOD, "date": "XXXX-02-29"}]})),
    "bad_span": (lambda: validate({"meetings": [{**GOOD, "evidence": [{"start": 0, "end": 3, "text": "座谈"}]}]}),
                 lambda: validate({"meetings": [GOOD]})),
    "duplicate_id": (lambda: validate({"meetings": [GOOD], "attendees": [{"id": "m1", "name": "张三"}]}),
                     lambda: validate({"meetings": [GOOD], "attendees": [{"id": "p1", "name": "张三"}]})),
    "dangling_reference": (lambda: validate({"meetings": [{**GOOD, "chair": "p9"}]}),
                           lambda: validate({"meetings": [{**GOOD, "chair": "p1"}], "attendees": [{"id": "p1", "name": "张三", "meetings": ["m1"]}]})),
    "unknown_schema_version": (lambda: validate({"schema_version": "0.3"}), lambda: validate({"schema_version": "1.0"})),
    # dates
    "reversed_range": (lambda: _dated("2019-05-22/2019-05-21"), lambda: _dated("2019-05-21/2019-05-22")),
    "held_after_publication": (lambda: _dated("2019-05-28"), lambda: _dated("2019-05-24")),
    "announced_in_past": (lambda: _dated("2019-03-01", "announced"), lambda: _dated("2019", "announced")),
    "date_partial": (lambda: _dated("XXXX-09-10", published=None), lambda: _dated("2019-05-22")),
    "date_year_inferred": (lambda: _year(STAMPED), lambda: _year(STAMPED_YEAR)),
    # roles
    "unknown_title": (lambda: _roles(("省长助理员", "江西省")), lambda: _roles(("省长", "江西省"))),
    "title_org_mismatch": (lambda: _roles(("省长", "武汉市")), lambda: _roles(("市长", "上海市"))),
    "conflicting_roles": (lambda: _roles(("省长", "江西省"), ("省长", "湖南省")), lambda: _roles(("书记", "上海市委"), ("市长", "上海市"))),
    "role_outside_regions": (lambda: _roles(("书记", "重庆市委"), regions=("江西", "湖南", "湖北")),
                             lambda: _roles(("市长", "武汉市"), regions=("江西", "湖南", "湖北"))),
    # cross-references
    "chair_not_attendee": (lambda: _chair([]), lambda: _chair(["m1"])),
    "speaker_not_attendee": (lambda: _speech(), lambda: _speech("刘奇")),
    "headline_name_not_attendee": (lambda: _headline("刘奇", "应勇"), lambda: _headline("刘奇", "许达哲", "应勇")),
    "count_mismatch": (lambda: check(*seed_with_groups(drop_document=True)), lambda: check(*seed_with_groups())),
    "unresolved_short_name": (lambda: _docs("成渝地区双城经济圈建设规划纲要", "规划纲要"), lambda: _docs("成渝地区双城经济圈建设规划纲要", "邢台倡议")),
    # grounding
    "missing_evidence": (lambda: check(Article(attendees=[person("p1", "刘奇", meetings=(), ev=[])])),
                         lambda: check(Article(attendees=[person("p1", "刘奇", meetings=())]))),
    "span_mismatch": (lambda: validate({"attendees": [{"id": "p1", "name": "刘奇", "evidence": [{"start": 0, "end": 2, "text": "刘奇"}]}]}, text="江西省委书记刘奇"),
                      lambda: validate({"attendees": [{"id": "p1", "name": "刘奇", "evidence": [{"start": 6, "end": 8, "text": "刘奇"}]}]}, text="江西省委书记刘奇")),
    "damaged_text": (lambda: _damaged("吳政??", "吴政\ufffd"), lambda: _damaged("吳政??", "吴政隆")),
    "repaired_damaged_text": (lambda: _damaged("吳政??", "吴政隆"), lambda: _damaged("江苏省委", "江苏省委")),
    # the checker
    "check_failed": (_broken_check, lambda: check(Article())),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_fires(code):
    fires, _quiet = CASES[code]
    found = [i for i in fires() if i.code == code]
    assert found, f"{code} did not fire"
    for issue in found:
        assert issue.severity == REGISTRY[code].severity
        assert issue.message


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_stays_quiet(code):
    _fires, quiet = CASES[code]
    assert code not in codes(quiet())


def test_every_code_has_a_case():
    assert set(CASES) == set(REGISTRY)


# ------------------------------------------------------------------ the details the cases stand for


def test_refs_and_evidence_point_at_the_records():
    issues = [i for i in _roles(("省长", "武汉市")) if i.code == "title_org_mismatch"]
    assert issues[0].refs == ["p1"] and issues[0].evidence
    count = [i for i in check(*seed_with_groups(drop_document=True)) if i.code == "count_mismatch"]
    assert len(count) == 1
    assert "6" in count[0].message and "5" in count[0].message
    texts = [e.text for e in count[0].evidence]
    assert texts[0] == "等六個合作文件"  # the count, as the (traditional) original writes it ...
    assert len(texts) == 6  # ... and each item found
    assert all(r.startswith("d") for r in count[0].refs)


@pytest.mark.parametrize("groups", [True, False], ids=["recorded-groups", "text-lists"])
def test_seed_counts_agree_then_disagree(groups):
    """Seed 000: 六个合作文件 and 九个方面 agree with the lists; drop one item and the check fires."""
    assert "count_mismatch" not in codes(check(*seed_with_groups(groups=groups)))
    docs = [i for i in check(*seed_with_groups(drop_document=True, groups=groups)) if i.code == "count_mismatch"]
    assert len(docs) == 1 and "documents" in docs[0].message and "6" in docs[0].message
    goals = [i for i in check(*seed_with_groups(drop_goal=True, groups=groups)) if i.code == "count_mismatch"]
    assert len(goals) == 1 and "goals" in goals[0].message and "9" in goals[0].message and "8" in goals[0].message


def test_count_in_text_needs_records_inside_the_list():
    text = "会议签署了《甲协议》《乙方案》《丙方案》等三个合作文件。"
    ev = lambda t: [sp(text, t)]
    quiet = with_text(text, documents=[])
    assert "count_mismatch" not in codes(quiet)
    one_missing = with_text(text, documents=[SignedDocument(id="d1", title="甲协议", action="signed", evidence=ev("《甲协议》")),
                                             SignedDocument(id="d2", title="乙方案", action="signed", evidence=ev("《乙方案》"))])
    assert "count_mismatch" in codes(one_missing)


def test_count_before_a_colon_list():
    text = "双方签署三项协议:《甲协议》、《乙协议》和《丙协议》。"
    docs = [SignedDocument(id=f"d{i}", title=t, action="signed", evidence=[sp(text, f"《{t}》")]) for i, t in enumerate(["甲协议", "乙协议", "丙协议"], 1)]
    assert "count_mismatch" not in codes(with_text(text, documents=docs))
    assert "count_mismatch" in codes(with_text(text, documents=docs[:2]))


@pytest.mark.parametrize("s,n", [("六", 6), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("两", 2), ("15", 15), ("百", None), ("十十", None), ("", None)])
def test_cn_number(s, n):
    assert cn_number(s) == n


@pytest.mark.parametrize("date,status,published,expected", [
    ("XXXX-07-29/XXXX-07-28", "held", None, "reversed_range"),
    ("XXXX-12-30/XXXX-01-02", "held", None, None),  # may cross a year
    ("2019-05", "held", "2019-05-24", None),  # a coarser date is not 'after' by precision alone
    ("XXXX-05-28", "held", "XXXX-05-24", "held_after_publication"),
    ("XXXX-12-28", "held", "XXXX-01-03", None),  # last December, reported in January
    ("2024-07-28/2024-07-30", "held", "2024-07-29", None),  # started before the article
    ("2019-05-28", "mentioned", "2019-05-24", None),
    ("2019-05-22", "announced", "2019-05-24", "announced_in_past"),
])
def test_date_comparisons(date, status, published, expected):
    found = codes(_dated(date, status, published)) & {"reversed_range", "held_after_publication", "announced_in_past"}
    assert found == ({expected} if expected else set())


def test_partial_date_explains_what_is_missing():
    msgs = [i.message for i in _dated("XXXX-XX-12", published=None) if i.code == "date_partial"]
    assert "year and month" in msgs[0] and "published=" in msgs[0]
    msgs = [i.message for i in _dated("XXXX-07-28", published="XXXX-07-29") if i.code == "date_partial"]
    assert any("XXXX-07-29 has no year either" in m for m in msgs)
    msgs = [i.message for i in _dated("2019-XX-12") if i.code == "date_partial"]
    assert msgs and "lacks its month" in msgs[0]


@pytest.mark.parametrize("date", ["2020", "2020-05"])
def test_a_coarser_precision_is_not_partial(date):
    """2020年…座谈会 states a year: nothing is missing at that precision."""
    assert "date_partial" not in codes(_dated(date, "announced"))


def test_inferred_year_names_its_origin():
    msg = next(i.message for i in _year(STAMPED) if i.code == "date_year_inferred")
    assert "page stamp (2019-05-24)" in msg and "5月22日" in msg


@pytest.mark.parametrize("role,org,bad", [
    ("省长", "武汉", True), ("市长", "江西省", True), ("区长", "广西壮族自治区", True), ("副总理", "江西省", True),
    ("省委书记", "武汉市", True), ("市长", "湖北省武汉市", False), ("市长", "义乌市", False), ("省长", "江西", False),
    ("书记", "江西省委", False), ("党委书记", "广西壮族自治区", False), ("副秘书长", "国家发展改革委", False),
    ("行政长官", "香港特别行政区", False), ("常务副市长", "长沙市", False), ("副主任", "重庆市人大常委会", False),
])
def test_title_org_fit(role, org, bad):
    assert ("title_org_mismatch" in codes(_roles((role, org)))) is bad


@pytest.mark.parametrize("roles,conflict", [
    ((("省长", "江西省"), ("副省长", "江西省")), True),
    ((("书记", "武汉市委"), ("书记", "长沙市委")), True),
    ((("副书记", "江西省委"), ("省长", "江西省")), False),
    ((("常委", "湖北省委"), ("书记", "武汉市委")), False),
    ((("省长", "江西省"), ("省长", "江西")), False),  # one province written two ways
])
def test_conflicting_roles(roles, conflict):
    assert ("conflicting_roles" in codes(_roles(*roles))) is conflict


def test_headline_reports_only_the_missing_name():
    issues = [i for i in _headline("刘奇", "应勇") if i.code == "headline_name_not_attendee"]
    assert [i.message.split("'")[1] for i in issues] == ["许达哲"]
    assert issues[0].evidence[0].text == "刘奇许达哲应勇讲话"


@pytest.mark.parametrize("text,name", [
    ("会议指出。湖北省委副书记、省长王忠林在座谈会上说,要加强合作。", "王忠林"),
    ("会上,许达哲建议三省深化合作。", "许达哲"),
    ("中共中央政治局委员、上海市委书记李强在讲话中指出,要加快发展。", "李强"),
])
def test_speakers_after_their_posts(text, name):
    found = [i for i in with_text(text) if i.code == "speaker_not_attendee"]
    assert [i.message.split("'")[1] for i in found] == [name]
    assert "speaker_not_attendee" not in codes(with_text(text, attendees=[person("p1", name, meetings=())]))


@pytest.mark.parametrize("text", ["会议说明了合作的方向。", "他说,要加强合作。", "专家建议加快建设。", "各方在会上表示愿意合作。", "双方建议成立工作组。"])
def test_no_speaker_without_a_name(text):
    assert "speaker_not_attendee" not in codes(with_text(text))


def test_headline_name_after_a_post():
    text = "省委书记沈晓明在长沙会见嘉宾代表\n28日,省委书记沈晓明在长沙会见了来湘出席会商会的嘉宾。\n"
    found = [i for i in with_text(text) if i.code == "headline_name_not_attendee"]
    assert [i.message.split("'")[1] for i in found] == ["沈晓明"]
    assert "headline_name_not_attendee" not in codes(with_text(text, attendees=[person("p1", "沈晓明", meetings=())]))


def test_speaker_evidence_slices_the_original():
    issue = next(i for i in _speech() if i.code == "speaker_not_attendee")
    assert issue.evidence[0].text == "刘奇说"
    assert SPEECH[issue.evidence[0].start : issue.evidence[0].end] == "刘奇说"


def test_repair_evidence_is_the_damaged_wording():
    issue = next(i for i in _damaged("吳政??", "吴政隆") if i.code == "repaired_damaged_text")
    assert issue.evidence[0].text == "吳政??"
    assert "吴政隆" in issue.message


def test_damage_elsewhere_in_a_sentence_is_no_repair():
    text = "深入?(xié)商,吴政隆出席会议。"
    issues = with_text(text, meetings=[meeting()], attendees=[person("p1", "吴政隆", ev=[Span(start=0, end=len(text), text=text)])])
    assert "repaired_damaged_text" not in codes(issues)


def test_issues_come_errors_first():
    issues = check(Article(meetings=[meeting(date="XXXX-07-29/XXXX-07-28", evidence=[])]))
    ranks = [("error", "warning", "info").index(i.severity) for i in issues]
    assert ranks == sorted(ranks) and ranks


# ------------------------------------------------------------------ the development set


@pytest.mark.parametrize("name", text_names())
def test_correct_dev_articles_raise_no_error_or_warning(name):
    article, raw = gold_article(name)
    issues = check(article, raw)
    assert [i for i in issues if i.severity == "error"] == []
    assert [i for i in issues if i.severity == "warning"] == []
    assert validate(article.model_dump_json(), text=raw) == issues


@pytest.mark.parametrize("name", text_names())
def test_parse_output_validates_and_no_check_fails(name):
    raw = read_text(name)
    article = regevents.parse(raw)
    assert "check_failed" not in codes(article.issues)
    for issue in article.issues:
        assert issue.code in REGISTRY and issue.severity == REGISTRY[issue.code].severity
        for e in issue.evidence:
            assert raw[e.start : e.end] == e.text
    structural = {"invalid_json", "invalid_structure", "unknown_field", "bad_edtf", "bad_span", "duplicate_id", "dangling_reference", "span_mismatch"}
    assert not codes(validate(article.model_dump_json(), text=raw)) & structural


# ------------------------------------------------------------------ hand-broken JSON


def _seed_json() -> dict:
    article, _raw = gold_article(SEED)
    return json.loads(article.model_dump_json())


def test_hand_broken_json_is_reported_not_accepted():
    data = _seed_json()
    data["meetings"][0]["chair"] = "p99"  # a dangling id
    data["meetings"][0]["date"] = "XXXX-09-10/XXXX-09-09"  # a reversed range
    data["attendees"][0]["meetings"] = ["m1", "m7"]
    issues = validate(json.dumps(data, ensure_ascii=False))
    found = codes(issues)
    assert {"dangling_reference", "reversed_range"} <= found
    assert sum(i.code == "dangling_reference" for i in issues) == 2

    data = _seed_json()
    data["meetings"][0]["date"] = "2019-13-01"  # a bad EDTF string
    issues = validate(data)
    bad = [i for i in issues if i.code == "bad_edtf"]
    assert bad and bad[0].refs == ["m1"] and "2019-13-01" in bad[0].message
    # the meeting is left out, but references to it are not called dangling
    assert "dangling_reference" not in codes(issues)


def test_validate_accepts_every_form_alike():
    article, raw = gold_article(SEED)
    as_json = article.model_dump_json()
    expected = validate(as_json, text=raw)
    assert validate(article, text=raw) == expected
    assert validate(as_json.encode(), text=raw) == expected
    assert validate(json.loads(as_json), text=raw) == expected


@pytest.mark.parametrize("bad", [12, None, ["meetings"], 3.5])
def test_validate_misuse_raises_type_error(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        validate(bad)


def test_validate_text_must_be_str():
    with pytest.raises(TypeError):
        validate({}, text=b"abc")


@pytest.mark.parametrize("data", ["[1, 2]", '"x"', "null", b"\xff\xfe", "{" * 5000 + "}" * 5000, {"meetings": 3}, {"meetings": [None, 5, "x"]}, {"source": []}])
def test_odd_json_is_reported(data):
    issues = validate(data)
    assert issues and all(i.severity == "error" for i in issues)


def test_stored_issue_spans_are_checked_against_text():
    data = {"issues": [{"code": "x", "severity": "info", "message": "m", "evidence": [{"start": 0, "end": 2, "text": "ab"}]}]}
    assert "span_mismatch" in codes(validate(data, text="cd"))


# ------------------------------------------------------------------ robustness

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.text(max_size=8),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.sampled_from(["id", "name", "date", "chair", "meetings", "evidence", "start", "end", "text", "roles", "title", "org", "group", "group_size", "regions", "status"]), kids, max_size=6),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["meetings", "attendees", "documents", "goals", "source", "issues", "schema_version"]), _json, max_size=5))
def test_validate_never_raises(data):
    for issue in validate(data):
        assert issue.code in REGISTRY and issue.code != "check_failed"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="刘奇说建议讲话出席《》“”等六个方面协议在中表示。,\n?\ufffd吳政省长市委书记", max_size=200))
def test_check_never_raises_on_any_text(text):
    ev = [Span(start=0, end=min(3, len(text)), text=text[:3])]
    article = Article(
        source=Source(published="XXXX-05-24"),
        meetings=[meeting(date="XXXX-05-22", regions=["江西"], evidence=ev)],
        attendees=[person("p1", "刘奇", ("省长", "武汉市"), ev=ev)],
        documents=[SignedDocument(id="d1", title="协议", action="signed", group="a", group_size=2, evidence=ev)],
    )
    issues = check(article, text)
    assert "check_failed" not in codes(issues)
    for i in issues:
        for e in i.evidence:
            assert text[e.start : e.end] == e.text


@pytest.mark.parametrize("text", [
    "刘奇说," * 20000,
    "《甲》" * 5000 + "等六个",
    "《甲》、" * 5000,
    "“甲”" * 5000,
    "“甲”," * 5000 + "等九个方面",
    "三项协议:" + "《甲》、" * 5000,
    "刘奇许达哲应勇讲话" * 3000,
    "吳政??" * 5000,
    "会" * 100_000,
])
def test_check_is_linear_on_hostile_text(text):
    """Every text path runs (records exist for each), and long lists do not backtrack."""
    import time

    ev = [Span(start=0, end=3, text=text[:3])]
    article = Article(
        meetings=[meeting(date="2019-05-22", evidence=ev)],
        attendees=[person("p1", "吴政隆", ev=ev)],
        documents=[SignedDocument(id="d1", title="甲", action="signed", evidence=ev)],
        goals=[CooperationGoal(id="g1", text="甲", kind="task", evidence=ev)],
    )
    start = time.perf_counter()
    check(article, text)
    assert time.perf_counter() - start < 2


# ------------------------------------------------------------------ the patterns' own examples

PATTERN_CASES = [
    (mod.__name__, name, how, kind, example)
    for mod in (checks_refs, checks_roles, checks_grounding)
    for name, (pattern, yes, no, how) in mod.PATTERNS.items()
    for kind, examples in (("match", yes), ("no_match", no))
    for example in examples
]


@pytest.mark.parametrize("module,name,how,kind,example", PATTERN_CASES)
def test_pattern_examples(module, name, how, kind, example):
    mod = {m.__name__: m for m in (checks_refs, checks_roles, checks_grounding)}[module]
    pattern = mod.PATTERNS[name][0]
    found = getattr(pattern, how)(example)
    assert bool(found) is (kind == "match"), f"{module}:{name} {kind} {example!r}"


def test_parsed_seed_counts_agree_and_a_dropped_item_is_reported():
    """End to end on seed 000: the parser's lists agree with 六个合作文件 / 九个方面; drop one and it shows."""
    raw = read_text(SEED)
    article = regevents.parse(raw)
    assert "count_mismatch" not in codes(article.issues)
    data = json.loads(article.model_dump_json())
    signed = [d for d in data["documents"] if d["action"] == "signed"]
    assert len(signed) == 6
    data["documents"] = [d for d in data["documents"] if d["id"] != signed[0]["id"]]
    found = [i for i in validate(data, text=raw) if i.code == "count_mismatch"]
    assert len(found) == 1 and "6" in found[0].message and "5" in found[0].message
