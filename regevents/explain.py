"""Show a parse against its text: one self-contained HTML page, or a plain-text report.

Why: extraction is judged by eye first. The page shows the ORIGINAL input with
every evidence span highlighted by record type (meetings, attendees, documents,
goals, source fields), validation issues underlined in the text and listed
beside it, and each record's JSON and the rule that produced it on hover
(``title`` tooltips) or click. It needs no network: CSS and script are inline,
a Content-Security-Policy forbids fetching anything, and without script the
highlights, tooltips, anchors and per-record JSON (``<details>``) still work.

Overlapping spans are drawn by cutting the text at every span boundary: each
piece lists the records covering it (``data-k``) and is painted in horizontal
bands, one per record type. The text inside ``<pre id="text">`` is exactly the
input, so offsets can be checked against the page itself.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from .models import Article, Span

TYPES = ("meeting", "attendee", "document", "goal", "source")
COLORS = {
    "meeting": "#ffd54f",
    "attendee": "#81d4fa",
    "document": "#a5d6a7",
    "goal": "#e1a8f0",
    "source": "#cfd8dc",
}
SEVERITY_COLORS = {"error": "#d32f2f", "warning": "#ef6c00", "info": "#1565c0"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
MAX_QUOTES = 3  # distinct evidence quotes listed under an issue; all are underlined in the text
PLURAL = {"meeting": "Meetings", "attendee": "Attendees", "document": "Documents", "goal": "Goals", "source": "Source", "issue": "Issues"}


@dataclass
class Mark:
    """One highlighted span of one item."""

    start: int
    end: int
    key: str
    kind: str  # "evidence" or "count" (where a stated count is)


@dataclass
class Item:
    """One thing shown on the page: a record, the source block or an issue."""

    key: str
    type: str  # one of TYPES, or "issue"
    label: str
    rule: str | None
    data: dict[str, Any]
    marks: list[Mark] = field(default_factory=list)
    severity: str | None = None
    refs: list[str] = field(default_factory=list)


def _label(type_: str, rec: Any) -> str:
    if type_ == "meeting":
        extra = " · ".join(x for x in (rec.date, rec.city) if x)
        return rec.name + (f" ({extra})" if extra else "")
    if type_ == "attendee":
        roles = "、".join((r.org or "") + r.title for r in rec.roles)
        return rec.name + (f" ({roles})" if roles else "")
    if type_ == "document":
        return f"《{rec.title}》 {rec.action}"
    if type_ == "goal":
        text = rec.text if len(rec.text) <= 40 else rec.text[:39] + "…"
        return f"{text} ({rec.kind})"
    return ""


def collect(article: Article) -> list[Item]:
    """The items of an article in page order: source, meetings, attendees, documents, goals, issues."""
    items: list[Item] = []
    src = article.source
    if src.outlet or src.published or src.byline or src.evidence:
        label = " · ".join(x for x in (src.outlet, src.published, "、".join(src.byline)) if x) or "source"
        item = Item("source", "source", label, None, src.model_dump(mode="json"))
        item.marks = [Mark(s.start, s.end, "source", "evidence") for s in src.evidence]
        items.append(item)
    groups: list[tuple[str, list[Any]]] = [
        ("meeting", list(article.meetings)),
        ("attendee", list(article.attendees)),
        ("document", list(article.documents)),
        ("goal", list(article.goals)),
    ]
    for type_, records in groups:
        for rec in records:
            item = Item(rec.id, type_, _label(type_, rec), getattr(rec, "rule", None), rec.model_dump(mode="json"))
            item.marks = [Mark(s.start, s.end, rec.id, "evidence") for s in rec.evidence]
            count = getattr(rec, "count_evidence", None)
            if count is not None:
                item.marks.append(Mark(count.start, count.end, rec.id, "count"))
            items.append(item)
    for n, issue in enumerate(article.issues, 1):
        item = Item(f"i{n}", "issue", f"{issue.code}: {issue.message}", None, issue.model_dump(mode="json"))
        item.severity = issue.severity
        item.refs = list(issue.refs)
        item.marks = [Mark(s.start, s.end, item.key, "evidence") for s in issue.evidence]
        items.append(item)
    return items


def span_problems(text: str, article: Article) -> list[str]:
    """Spans that do not slice the text they claim (a bug upstream; the page flags them)."""
    out: list[str] = []

    def check(owner: str, s: Span) -> None:
        if s.end > len(text):
            out.append(f"{owner}: span [{s.start}, {s.end}) runs past the end of the text ({len(text)} characters)")
        elif text[s.start : s.end] != s.text:
            out.append(f"{owner}: span [{s.start}, {s.end}) says {s.text!r} but the text there is {text[s.start:s.end]!r}")

    for s in article.source.evidence:
        check("source", s)
    for rec in [*article.meetings, *article.attendees, *article.documents, *article.goals]:
        for s in rec.evidence:
            check(rec.id, s)
        count = getattr(rec, "count_evidence", None)
        if count is not None:
            check(rec.id, count)
    for n, issue in enumerate(article.issues, 1):
        for s in issue.evidence:
            check(f"i{n} ({issue.code})", s)
    return out


@dataclass
class Segment:
    start: int
    end: int
    marks: list[Mark]


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece lists the marks covering it.

    Marks outside the text are clipped; empty marks are dropped.
    """
    n = len(text)
    usable = [m for m in marks if min(m.end, n) > m.start]
    cuts = sorted({0, n, *(min(m.start, n) for m in marks), *(min(m.end, n) for m in usable)})
    by_start = sorted(usable, key=lambda m: m.start)
    out: list[Segment] = []
    active: list[Mark] = []
    i = 0
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a]
        while i < len(by_start) and by_start[i].start <= a:
            if by_start[i].end > a:
                active.append(by_start[i])
            i += 1
        out.append(Segment(a, b, list(active)))
    return out


def background(types: list[str]) -> str:
    """CSS background for a piece covered by ``types``: one colour, or horizontal bands."""
    if not types:
        return ""
    if len(types) == 1:
        return COLORS[types[0]]
    step = 100 / len(types)
    bands = ",".join(f"{COLORS[t]} {i * step:.2f}% {(i + 1) * step:.2f}%" for i, t in enumerate(types))
    return f"linear-gradient(to bottom,{bands})"


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _json_for_script(obj: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` (no ``</script>`` can occur)."""
    s = json.dumps(obj, ensure_ascii=False)
    return s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _tooltip(seg: Segment, items: dict[str, Item], rank: dict[str, int]) -> str:
    lines: list[str] = []
    seen: set[str] = set()
    for m in sorted(seg.marks, key=lambda m: rank[m.key]):
        if m.key in seen:
            continue
        seen.add(m.key)
        it = items[m.key]
        if it.type == "issue":
            lines.append(f"{it.severity} {it.label}")
        else:
            what = "count of " if m.kind == "count" else ""
            rule = f" [rule {it.rule}]" if it.rule else ""
            name = it.type if it.key == "source" else f"{it.type} {it.key}"
            lines.append(f"{what}{name}: {it.label}{rule}")
    return "\n".join(lines)


def _render_text(text: str, items: dict[str, Item]) -> str:
    marks = [m for it in items.values() for m in it.marks]
    first: dict[str, int] = {}
    for m in marks:
        first[m.key] = min(first.get(m.key, m.start), m.start)
    anchors_at: dict[int, list[str]] = {}
    for key, pos in first.items():
        anchors_at.setdefault(min(pos, len(text)), []).append(key)
    rank = {key: n for n, key in enumerate(items)}  # page order: source, meetings, attendees ...
    parts: list[str] = []
    for seg in segments(text, marks):
        for key in anchors_at.pop(seg.start, []):
            parts.append(f'<span class="anchor" id="at-{_esc(key)}"></span>')
        piece = _esc(text[seg.start : seg.end])
        if not seg.marks:
            parts.append(piece)
            continue
        keys = sorted({m.key for m in seg.marks}, key=rank.__getitem__)
        types = [t for t in TYPES if any(items[k].type == t for k in keys)]
        issues = [items[k] for k in keys if items[k].type == "issue"]
        classes = ["seg"]
        if issues:
            worst = max((i.severity or "info" for i in issues), key=lambda s: SEVERITY_RANK.get(s, 0))
            classes += ["iss", f"sev-{worst}"]
        if any(m.kind == "count" for m in seg.marks):
            classes.append("count")
        if any(m.start == seg.start and items[m.key].type != "issue" for m in seg.marks):
            classes.append("start")  # a thin rule where a record's span begins: adjacent records stay apart
        style = f' style="background:{background(types)}"' if types else ""
        parts.append(
            f'<span class="{" ".join(classes)}" data-k="{_esc(" ".join(keys))}" data-t="{" ".join(types)}"'
            f' title="{_esc(_tooltip(seg, items, rank))}"{style}>{piece}</span>'
        )
    for keys in anchors_at.values():  # marks that start at the very end
        parts.extend(f'<span class="anchor" id="at-{_esc(k)}"></span>' for k in keys)
    return "".join(parts)


def _ref_links(keys: list[str], items: dict[str, Item]) -> str:
    links = []
    for k in keys:
        if k in items:
            links.append(f'<a href="#at-{_esc(k)}" data-sel="{_esc(k)}">{_esc(k)}</a>')
        else:
            links.append(f"<span class=\"dangling\">{_esc(k)}</span>")
    return " ".join(links)


def _quote(text: str, m: Mark) -> str:
    return text[m.start : min(m.end, len(text))]


def _issue_list(text: str, issues: list[Item], items: dict[str, Item]) -> str:
    if not issues:
        return '<p class="none">No issues.</p>'
    rows = []
    for it in sorted(issues, key=lambda i: -SEVERITY_RANK.get(i.severity or "info", 0)):
        code = it.data.get("code", "")
        refs = f' <span class="refs">→ {_ref_links(it.refs, items)}</span>' if it.refs else ""
        shown = list(dict.fromkeys(_quote(text, m) for m in it.marks))
        quotes = "".join(f"<q>{_esc(q)}</q>" for q in shown[:MAX_QUOTES])
        if len(shown) > MAX_QUOTES:
            quotes += f'<span class="more">and {len(shown) - MAX_QUOTES} more in the text</span>'

        jump = f' <a href="#at-{_esc(it.key)}" data-sel="{_esc(it.key)}">in text</a>' if it.marks else ""
        rows.append(
            f'<li class="issue sev-{_esc(it.severity or "info")}" data-key="{_esc(it.key)}">'
            f'<span class="sev">{_esc(it.severity or "")}</span> <code>{_esc(code)}</code> '
            f'{_esc(it.data.get("message", ""))}{refs}{jump}{quotes}</li>'
        )
    return "<ul>" + "".join(rows) + "</ul>"


def _record_list(records: list[Item]) -> str:
    out = []
    for type_ in TYPES:
        group = [r for r in records if r.type == type_]
        if not group:
            continue
        out.append(f'<h3><span class="sw" style="background:{COLORS[type_]}"></span>{PLURAL[type_]} ({len(group)})</h3><ul>')
        for r in group:
            where = (
                f'<a href="#at-{_esc(r.key)}" data-sel="{_esc(r.key)}">{_esc(r.key)}</a>'
                if r.marks
                else f'<span class="noev" title="no evidence span">{_esc(r.key)}</span>'
            )
            rule = f' <small class="rule">rule {_esc(r.rule)}</small>' if r.rule else ""
            js = _esc(json.dumps(r.data, ensure_ascii=False, indent=2))
            out.append(
                f'<li data-key="{_esc(r.key)}">{where} {_esc(r.label)}{rule}'
                f"<details><summary>JSON</summary><pre>{js}</pre></details></li>"
            )
        out.append("</ul>")
    return "".join(out) or '<p class="none">No records.</p>'


CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222;background:#fafafa}
header{padding:10px 16px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2}
h1{font-size:17px;margin:0 0 4px}
h2{font-size:15px;margin:14px 0 6px}
h3{font-size:14px;margin:10px 0 4px}
.meta{color:#555;margin:0 0 6px}
.legend label{margin-right:14px;white-space:nowrap;cursor:pointer}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin-right:4px;border:1px solid #0002}
main{display:flex;gap:16px;padding:12px 16px;align-items:flex-start}
#text-pane{flex:3;min-width:0}
#side{flex:2;min-width:280px;max-width:560px;position:sticky;top:90px;max-height:calc(100vh - 100px);overflow:auto}
#text{white-space:pre-wrap;word-break:break-word;font:16px/1.9 "Noto Serif CJK SC","Songti SC",serif;background:#fff;padding:14px 18px;border:1px solid #ddd;border-radius:4px;margin:0}
.seg{cursor:pointer;border-radius:2px}
.seg.start{box-shadow:inset 1px 0 0 #0007}
.seg.count{box-shadow:inset 0 -2px 0 #555}
.seg.count.start{box-shadow:inset 1px 0 0 #0007,inset 0 -2px 0 #555}
.seg.iss{text-decoration-line:underline;text-decoration-style:wavy;text-decoration-thickness:1.5px;text-underline-offset:4px}
.sev-error.iss{text-decoration-color:#d32f2f}.sev-warning.iss{text-decoration-color:#ef6c00}.sev-info.iss{text-decoration-color:#1565c0}
body.hide-issues .seg.iss{text-decoration:none}
.seg.sel{outline:2px solid #222;outline-offset:0}
aside section{background:#fff;border:1px solid #ddd;border-radius:4px;padding:4px 12px 10px;margin-bottom:12px}
aside ul{padding-left:18px;margin:4px 0}
aside li{margin:3px 0}
li.issue .sev{font-weight:600;text-transform:uppercase;font-size:11px}
li.sev-error .sev{color:#d32f2f}li.sev-warning .sev{color:#ef6c00}li.sev-info .sev{color:#1565c0}
q{display:block;color:#444;background:#f3f3f3;margin:2px 0;padding:0 6px;quotes:"«" "»"}
pre.json,details pre{white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f6f6f6;padding:6px;margin:4px 0;max-height:320px;overflow:auto}
.rule{color:#666}.more{color:#777;font-size:12px}.noev{color:#999;text-decoration:line-through}.none{color:#777}.dangling{color:#d32f2f}
.card{border-left:4px solid #999;padding:2px 8px;margin:6px 0}
.problems{color:#b71c1c}
"""

SCRIPT = r"""
(function(){
  var data = JSON.parse(document.getElementById('regevents-data').textContent);
  var items = data.items, colors = data.colors, order = data.types;
  var enabled = {}; order.forEach(function(t){ enabled[t] = true; });
  var segs = Array.prototype.slice.call(document.querySelectorAll('#text .seg'));
  function keysOf(el){ return (el.getAttribute('data-k') || '').split(' ').filter(Boolean); }
  function background(types){
    var t = types.filter(function(x){ return enabled[x]; });
    if (!t.length) return '';
    if (t.length === 1) return colors[t[0]];
    var step = 100 / t.length;
    return 'linear-gradient(to bottom,' + t.map(function(x, i){
      return colors[x] + ' ' + (i * step).toFixed(2) + '% ' + ((i + 1) * step).toFixed(2) + '%';
    }).join(',') + ')';
  }
  function paint(){
    segs.forEach(function(s){
      s.style.background = background((s.getAttribute('data-t') || '').split(' ').filter(Boolean));
    });
  }
  function el(tag, cls, text){
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function card(key){
    var it = items[key], c = el('div', 'card');
    c.style.borderLeftColor = it.type === 'issue' ? (data.severity[it.severity] || '#999') : colors[it.type];
    var h = el('div'); var b = el('b', null, it.type + (it.type === 'source' ? '' : ' ' + key));
    h.appendChild(b); h.appendChild(document.createTextNode(' ' + it.label)); c.appendChild(h);
    if (it.rule) c.appendChild(el('div', 'rule', 'rule: ' + it.rule));
    it.quotes.forEach(function(q){ c.appendChild(el('q', null, q)); });
    var related = Object.keys(items).filter(function(k){ return items[k].type === 'issue' && items[k].refs.indexOf(key) >= 0; });
    related.forEach(function(k){ c.appendChild(el('div', 'rel', items[k].severity + ' ' + items[k].label)); });
    c.appendChild(el('pre', 'json', JSON.stringify(it.data, null, 2)));
    c.addEventListener('click', function(ev){ ev.stopPropagation(); select([key]); });
    return c;
  }
  function select(keys){
    segs.forEach(function(s){
      var ks = keysOf(s), on = ks.some(function(k){ return keys.indexOf(k) >= 0; });
      s.classList.toggle('sel', on);
    });
    var body = document.getElementById('detail-body');
    while (body.firstChild) body.removeChild(body.firstChild);
    keys.forEach(function(k){ if (items[k]) body.appendChild(card(k)); });
    if (!keys.length) body.appendChild(el('p', 'none', 'Click highlighted text or a record.'));
    var det = document.getElementById('details'); if (det && det.scrollIntoView && keys.length) det.scrollIntoView({block: 'nearest'});
  }
  segs.forEach(function(s){ s.addEventListener('click', function(){ select(keysOf(s)); }); });
  Array.prototype.forEach.call(document.querySelectorAll('[data-sel]'), function(a){
    a.addEventListener('click', function(){ select([a.getAttribute('data-sel')]); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[data-type]'), function(cb){
    cb.addEventListener('change', function(){
      var t = cb.getAttribute('data-type');
      if (t === 'issue') { document.body.classList.toggle('hide-issues', !cb.checked); return; }
      enabled[t] = cb.checked; paint();
    });
  });
  paint();
  document.body.setAttribute('data-ready', '1');
})();
"""


def render_html(text: str, article: Article, title: str | None = None) -> str:
    """The review page for ``article`` parsed from ``text``, as one HTML string."""
    all_items = collect(article)
    items = {it.key: it for it in all_items}
    records = [it for it in all_items if it.type != "issue"]
    issues = [it for it in all_items if it.type == "issue"]
    problems = span_problems(text, article)
    first_meeting = next((m.name for m in article.meetings), None)
    first_line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    heading = title or first_meeting or first_line[:60] or "article"
    src = article.source
    meta = " · ".join(
        x
        for x in (
            src.outlet,
            src.published and f"published {src.published}" + (f" ({src.published_from})" if src.published_from else ""),
            src.byline and "byline " + "、".join(src.byline),
            f"{len(text)} characters",
            f"schema {article.schema_version}",
        )
        if x
    )
    counts = {t: sum(1 for r in records if r.type == t) for t in TYPES}
    legend = "".join(
        f'<label><input type="checkbox" checked data-type="{t}"><span class="sw" style="background:{COLORS[t]}"></span>'
        f"{PLURAL[t].lower()} ({counts[t]})</label>"
        for t in TYPES
    )
    legend += f'<label><input type="checkbox" checked data-type="issue"><span class="sw" style="background:{SEVERITY_COLORS["warning"]}"></span>issues ({len(issues)})</label>'
    payload = {
        "types": list(TYPES),
        "colors": COLORS,
        "severity": SEVERITY_COLORS,
        "items": {
            it.key: {
                "type": it.type,
                "label": it.label,
                "rule": it.rule,
                "severity": it.severity,
                "refs": it.refs,
                "quotes": [_quote(text, m) for m in it.marks],
                "data": it.data,
            }
            for it in all_items
        },
    }
    problem_html = (
        '<section class="problems"><h2>Span problems</h2><ul>' + "".join(f"<li>{_esc(p)}</li>" for p in problems) + "</ul></section>"
        if problems
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="regevents explain">
<title>{_esc("regevents: " + heading)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{_esc(heading)}</h1>
<p class="meta">{_esc(meta)}</p>
<div class="legend">{legend}</div>
</header>
<main>
<section id="text-pane"><pre id="text">{_render_text(text, items)}</pre></section>
<aside id="side">
{problem_html}
<section id="details"><h2>Selection</h2><div id="detail-body"><p class="none">Click highlighted text or a record.</p></div></section>
<section id="issues"><h2>Issues ({len(issues)})</h2>{_issue_list(text, issues, items)}</section>
<section id="records"><h2>Records</h2>{_record_list(records)}</section>
</aside>
</main>
<script type="application/json" id="regevents-data">{_json_for_script(payload)}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""


def render_text(text: str, article: Article, name: str | None = None) -> str:
    """A plain-text report: every record with its rule and quoted evidence, then the issues."""
    all_items = collect(article)
    out = [f"{name or 'article'}: {len(text)} characters"]
    problems = span_problems(text, article)
    for type_ in ("source", *(t for t in TYPES if t != "source"), "issue"):
        group = [it for it in all_items if it.type == type_]
        if not group:
            continue
        out.append("")
        out.append(f"{PLURAL[type_].lower()} ({len(group)})")
        for it in group:
            head = f"  {it.key:<6} {it.label}"
            if it.type == "issue":
                head = f"  {it.key:<6} {it.severity}: {it.label}" + (f"  refs {', '.join(it.refs)}" if it.refs else "")
            if it.rule:
                head += f"  [rule {it.rule}]"
            out.append(head)
            for m in it.marks:
                tag = "count " if m.kind == "count" else ""
                out.append(f"         {tag}[{m.start}, {m.end}) «{_quote(text, m)}»")
    if not all_items:
        out.append("no records, no issues")
    if problems:
        out.append("")
        out.append(f"span problems ({len(problems)})")
        out.extend(f"  {p}" for p in problems)
    return "\n".join(out) + "\n"
