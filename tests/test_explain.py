"""The review page of ``regevents explain``: read back with html.parser, checked against the article.

The article here is built by hand (not parsed) so the page is tested on every
kind of record, overlapping spans, issues and hostile text, whatever the
extractors currently find. One test renders it in headless Chromium when one
is installed.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regevents.cli import main
from regevents.explain import Mark, background, render_html, render_text, segments
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

TEXT = (
    "湖北日报讯(记者 王某)9月10日上午,长三角地区主要领导座谈会在芜湖召开。\r\n"
    "江西省委书记王某某出席并讲话。会议审议通过《长三角一体化发展规划》等2个文件,"
    "提出加强科技创新合作。<script>alert('x')</script> & \"引号\" 完"
)


def span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle), text=needle)


def sample_article(text: str = TEXT) -> Article:
    sentence = span(text, "9月10日上午,长三角地区主要领导座谈会在芜湖召开")
    return Article(
        source=Source(outlet="湖北日报", published="XXXX-09-10", byline=["王某"], published_from="dateline", evidence=[span(text, "湖北日报")]),
        meetings=[
            Meeting(id="m1", name="长三角地区主要领导座谈会", kind="座谈会", date="XXXX-09-10", city="芜湖", chair="p1",
                    evidence=[sentence, span(text, "王某某出席并讲话。会议审议通过")], rule="meetings.held_in")
        ],
        attendees=[
            Attendee(id="p1", name="王某某", roles=[Role(title="书记", org="江西省委")], meetings=["m1"],
                     evidence=[span(text, "江西省委书记王某某")], actions=["出席", "讲话"], rule="attendees.post_name")
        ],
        documents=[
            SignedDocument(id="d1", title="长三角一体化发展规划", action="adopted", meeting="m1",
                           evidence=[span(text, "审议通过《长三角一体化发展规划》")], group="g1", group_size=2,
                           count_evidence=span(text, "等2个文件"), rule="documents.adopted")
        ],
        goals=[
            CooperationGoal(id="g1", text="加强科技创新合作", kind="proposal", meeting="m1",
                            evidence=[span(text, "加强科技创新合作")], rule="goals.proposal</script>")
        ],
        issues=[
            Issue(code="count_mismatch", severity="warning", message="the article says 2 documents but lists 1",
                  refs=["d1"], evidence=[span(text, "等2个文件")]),
            Issue(code="damaged_name", severity="info", message="a name <b>was</b> repaired", refs=["p1"], evidence=[]),
        ],
    )


class Page(HTMLParser):
    """What a test needs from the page: the text pane, its highlighted pieces, scripts, links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.in_text = 0
        self.text = ""
        self.pieces: list[tuple[int, int, dict[str, str]]] = []  # (start, end, attrs) in text offsets
        self._open: list[tuple[int, dict[str, str]] | None] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self.ids: set[str] = set()
        self.attrs_seen: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.issue_items: list[str] = []
        self._issue_depth = 0
        self._issue_buf = ""

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.tags.append(tag)
        for k, v in a.items():
            self.attrs_seen.append((tag, k, v))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "pre" and a.get("id") == "text":
            self.in_text = 1
        elif self.in_text and tag == "span":
            self.in_text += 1
            self._open.append((len(self.text), a) if "data-k" in a else None)
        if tag == "script":
            self._script = a
            self.scripts.append((a, ""))
        if tag == "li" and "issue" in a.get("class", ""):
            self._issue_depth = 1
            self._issue_buf = ""
        elif self._issue_depth and tag == "li":
            self._issue_depth += 1

    def handle_endtag(self, tag):
        if self.in_text and tag == "span":
            self.in_text -= 1
            opened = self._open.pop()
            if opened is not None:
                self.pieces.append((opened[0], len(self.text), opened[1]))
        elif self.in_text and tag == "pre":
            self.in_text = 0
        if tag == "script":
            self._script = None
        if self._issue_depth and tag == "li":
            self._issue_depth -= 1
            if not self._issue_depth:
                self.issue_items.append(self._issue_buf)

    def handle_data(self, data):
        if self.in_text:
            self.text += data
        if self._script is not None:
            a, body = self.scripts[-1]
            self.scripts[-1] = (a, body + data)
        if self._issue_depth:
            self._issue_buf += data


def read_page(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    return p


def payload(page: Page) -> dict:
    body = next(b for a, b in page.scripts if a.get("id") == "regevents-data")
    return json.loads(body)


@pytest.fixture(scope="module")
def page() -> Page:
    return read_page(render_html(TEXT, sample_article(), title="sample"))


def test_text_pane_is_exactly_the_input(page):
    assert page.text == TEXT


def test_every_evidence_span_is_highlighted_exactly(page):
    article = sample_article()
    spans = {"source": article.source.evidence}
    for rec in [*article.meetings, *article.attendees, *article.documents, *article.goals]:
        spans[rec.id] = [*rec.evidence, *([rec.count_evidence] if getattr(rec, "count_evidence", None) else [])]
    for n, issue in enumerate(article.issues, 1):
        spans[f"i{n}"] = issue.evidence
    for key, key_spans in spans.items():
        covered = set()
        for start, end, attrs in page.pieces:
            if key in attrs["data-k"].split():
                covered.update(range(start, end))
        expected = {i for s in key_spans for i in range(s.start, s.end)}
        assert covered == expected, key


def test_pieces_are_coloured_by_record_type(page):
    by_offset = {}
    for start, end, attrs in page.pieces:
        for i in range(start, end):
            by_offset[i] = attrs
    person = TEXT.index("王某某")
    # spans that overlap without nesting: meeting evidence runs over the person and into the document
    assert by_offset[person]["data-t"] == "meeting attendee"
    assert by_offset[person]["data-k"] == "m1 p1"
    assert "linear-gradient" in by_offset[person]["style"]
    assert by_offset[TEXT.index("江西")]["data-t"] == "attendee"
    assert by_offset[TEXT.index("审议通过")]["data-t"] == "meeting document"
    assert by_offset[TEXT.index("长三角一体化发展规划")]["data-t"] == "document"
    goal = TEXT.index("加强科技创新合作")
    assert by_offset[goal]["data-t"] == "goal"
    assert by_offset[goal]["style"].startswith("background:#")
    # the stated count is both document evidence (count) and an issue: underlined and banded
    count = TEXT.index("等2个文件")
    assert "iss" in by_offset[count]["class"].split() and "sev-warning" in by_offset[count]["class"].split()
    assert "count" in by_offset[count]["class"].split()


def test_overlapping_types_are_drawn_in_bands():
    assert background(["meeting", "attendee"]).startswith("linear-gradient(")
    assert background(["goal"]) == "#e1a8f0"
    assert background([]) == ""


def test_hover_says_record_and_rule(page):
    goal = TEXT.index("加强科技创新合作")
    attrs = next(a for s, e, a in page.pieces if s <= goal < e)
    assert "goal g1" in attrs["title"] and "rule goals.proposal</script>" in attrs["title"]
    person = TEXT.index("王某某")
    attrs = next(a for s, e, a in page.pieces if s <= person < e)
    assert "attendee p1: 王某某 (江西省委书记) [rule attendees.post_name]" in attrs["title"]


def test_click_details_carry_every_record(page):
    data = payload(page)
    assert set(data["items"]) == {"source", "m1", "p1", "d1", "g1", "i1", "i2"}
    assert data["items"]["g1"]["rule"] == "goals.proposal</script>"
    assert data["items"]["d1"]["data"]["count_evidence"]["text"] == "等2个文件"
    assert data["items"]["i1"]["refs"] == ["d1"]
    assert data["items"]["p1"]["quotes"] == ["江西省委书记王某某"]
    for key in data["items"]:
        if data["items"][key]["quotes"]:
            assert f"at-{key}" in page.ids  # a link target at the first evidence


def test_issues_are_listed_beside_the_text(page):
    assert len(page.issue_items) == 2
    warning = next(t for t in page.issue_items if "count_mismatch" in t)
    assert "the article says 2 documents but lists 1" in warning and "d1" in warning and "等2个文件" in warning
    info = next(t for t in page.issue_items if "damaged_name" in t)
    assert "a name <b>was</b> repaired" in info  # shown as text, not markup


def test_page_is_self_contained_and_text_cannot_inject_markup(page):
    html = render_html(TEXT, sample_article())
    assert [t for t in page.tags if t == "script"] == ["script", "script"]  # data + code; the article's <script> is text
    for tag, attr, value in page.attrs_seen:
        assert attr != "src", (tag, value)
        if attr == "href":
            assert value.startswith("#"), value
    assert "link" not in page.tags and "iframe" not in page.tags and "img" not in page.tags
    assert "http://" not in html and "https://" not in html and "url(" not in html and "@import" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "</script>" not in next(b for a, b in page.scripts if a.get("id") == "regevents-data")


def test_bad_spans_are_flagged_not_fatal():
    text = "会议在芜湖召开。"
    article = Article(
        meetings=[
            Meeting(id="m1", name="会议", evidence=[Span(start=0, end=2, text="座谈"), Span(start=6, end=12, text="召开。后来呢")]),
        ]
    )
    html = render_html(text, article)
    page = read_page(html)
    assert page.text == text
    assert "Span problems" in html and "runs past the end" in html and "&#x27;座谈&#x27;" in html
    assert "span problems (2)" in render_text(text, article)


def test_empty_article_and_empty_text_render():
    page = read_page(render_html("", Article()))
    assert page.text == "" and payload(page)["items"] == {}
    assert "no records, no issues" in render_text("", Article())


def test_text_report_lists_records_rules_and_quotes():
    report = render_text(TEXT, sample_article(), "sample.txt")
    assert report.startswith(f"sample.txt: {len(TEXT)} characters")
    assert "m1     长三角地区主要领导座谈会 (XXXX-09-10 · 芜湖)  [rule meetings.held_in]" in report
    assert "count [" in report and "«等2个文件»" in report
    assert "i1     warning: count_mismatch: the article says 2 documents but lists 1  refs d1" in report


marks_strategy = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(["m1", "p1", "d1"])), max_size=12
)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), marks_strategy)
def test_segments_partition_the_text(text, raw):
    marks = [Mark(min(a, b), max(a, b), key, "evidence") for a, b, key in raw]
    segs = segments(text, marks)
    assert "".join(text[s.start : s.end] for s in segs) == text
    assert all(s.start < s.end for s in segs)
    for s in segs:
        inside = {id(m) for m in marks if m.start <= s.start and min(m.end, len(text)) >= s.end and m.end > m.start}
        assert {id(m) for m in s.marks} == inside


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40))
def test_any_text_survives_the_page(text):
    assert read_page(render_html(text, Article())).text == text


def test_explain_command_writes_the_page(tmp_path, capsys):
    src = Path(__file__).resolve().parent.parent / "fixtures" / "texts" / "001_cc6c4b9cc009c9ed.txt"
    out = tmp_path / "out.html"
    assert main(["explain", str(src), "--html", str(out)]) == 0
    text = src.read_bytes().decode("utf-8")
    page = read_page(out.read_text(encoding="utf-8"))
    assert page.text == text
    data = payload(page)
    for item in data["items"].values():
        for q in item["quotes"]:
            assert q in text
    assert "wrote" in capsys.readouterr().err


def test_explain_command_text_report_and_errors(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("5月22日,长三角地区主要领导座谈会在安徽芜湖召开。", encoding="utf-8")
    assert main(["explain", str(src)]) == 0
    assert capsys.readouterr().out.startswith(f"{src}: ")
    bad = tmp_path / "bad.txt"
    bad.write_bytes("会议".encode("gb18030"))
    assert main(["explain", str(bad)]) == 1
    assert "UnicodeDecodeError" in capsys.readouterr().err
    assert main(["explain", str(bad), "--encoding", "gb18030", "--html", "-"]) == 0
    assert read_page(capsys.readouterr().out).text == "会议"


def _script_file(tmp_path: Path) -> Path:
    page = read_page(render_html(TEXT, sample_article()))
    code = next(b for a, b in page.scripts if "id" not in a)
    path = tmp_path / "page.js"
    path.write_text(code, encoding="utf-8")
    return path


def test_script_is_valid_javascript(tmp_path):
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("node is not installed")
    result = subprocess.run([node, "--check", str(_script_file(tmp_path))], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _dump_dom(browser: str, page_file: Path) -> str:
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page_file.as_uri()]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert 'data-ready="1"' in result.stdout, result.stderr[-2000:]  # the script ran to its end without an error
    return result.stdout


def test_page_renders_in_headless_chromium(tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium installed (optional check)")
    html = render_html(TEXT, sample_article())
    page_file = tmp_path / "page.html"
    page_file.write_text(html, encoding="utf-8")
    rendered = read_page(_dump_dom(browser, page_file))
    assert rendered.text == TEXT.replace("\r\n", "\n")  # browsers normalise CRLF; nothing else changes
    person = TEXT.replace("\r\n", "\n").index("王某某")
    attrs = next(a for s, e, a in rendered.pieces if s <= person < e)
    assert "linear-gradient" in attrs["style"]

    # click the person, then switch meetings off: the details panel fills, the bands lose the meeting colour
    actions = (
        "<script>document.querySelector('#text .seg[data-k~=\"p1\"]').click();"
        "document.querySelector('input[data-type=meeting]').click();</script></body>"
    )
    page_file.write_text(html.replace("</body>", actions), encoding="utf-8")
    dom = _dump_dom(browser, page_file)
    clicked = read_page(dom)
    attrs = next(a for s, e, a in clicked.pieces if s <= person < e)
    assert "sel" in attrs["class"].split() and "linear-gradient" not in attrs["style"]
    details = dom[dom.index('id="detail-body"') :]
    assert "attendee p1" in details and "rule: attendees.post_name" in details and "江西省委书记王某某" in details
