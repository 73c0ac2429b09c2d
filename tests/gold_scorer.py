#!/usr/bin/env python3
# Vendored copy of ../shared/eval/score.py (the project scorer), so the accuracy gate runs without ../shared.
"""Score regevents output against hand-made gold annotations.

Usage (from the project root, with regevents importable):
    python ../shared/eval/score.py                       # seeds dev set
    python ../shared/eval/score.py --texts T --gold G    # another set
    python ../shared/eval/score.py --json                # machine-readable
    python ../shared/eval/score.py --pred DIR            # score saved JSON instead of calling parse

Each gold file (see GOLD.md) names its text file. For each text, the scorer
calls ``regevents.parse(text)`` with no other argument (unless --pred is
given), dumps it with ``model_dump(mode="json")`` and compares the result
with the gold file. Only the fields listed in CONTRACT.md are read.

Matching is deliberately lenient about form (punctuation, spaces, where a
role is split between ``org`` and ``title``) and strict about content.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_TEXTS = [HERE.parent / "seeds", HERE.parent / "articles"]
DEFAULT_GOLD = [HERE.parent / "gold" / "seeds", HERE.parent / "gold" / "articles"]

# ---------------------------------------------------------------- normalising

_PUNCT = re.compile(r"[\s\u3000]+")


def _strip_punct(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = _PUNCT.sub("", s)
    return "".join(ch for ch in s if not unicodedata.category(ch).startswith(("P", "S")))


def norm_text(s) -> str:
    return _strip_punct(str(s or ""))


_YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d年(?:度)?")


def norm_meeting(s) -> str:
    return _YEAR_PREFIX.sub("", norm_text(s))


_ALIASES = [
    ("国家发展和改革委员会", "国家发展改革委"),
    ("国家发改委", "国家发展改革委"),
    ("发展和改革委员会", "发展改革委"),
    ("发改委", "发展改革委"),
    ("人民政府", "政府"),
    ("国家发展改革委员会", "国家发展改革委"),
    ("壮族自治区", ""), ("回族自治区", ""), ("维吾尔自治区", ""), ("特别行政区", ""), ("自治区", ""), ("特区", ""),
]


def role_key(org, title) -> str:
    s = norm_text(org) + norm_text(title)
    if s.startswith("中共"):
        s = s[2:]
    for a, b in _ALIASES:
        s = s.replace(a, b)
    for twice in ("省省", "市市", "区区"):
        s = s.replace(twice, twice[0])
    return s


def norm_city(s) -> str:
    s = norm_text(s)
    for suf in ("特别行政区", "自治区", "市", "省", "区"):
        if s.endswith(suf) and len(s) > len(suf) + 1:
            s = s[: -len(suf)]
            break
    return s


def bigrams(s: str) -> set:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def dice(a: str, b: str) -> float:
    A, B = bigrams(a), bigrams(b)
    return 2 * len(A & B) / (len(A) + len(B)) if A and B else 0.0


def fuzzy_eq(a: str, b: str, *, dice_min=0.7, contain_min=0.5) -> float:
    """Similarity in [0, 1]; 0 means no match."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and short in long_ and len(short) / len(long_) >= contain_min:
        return 0.9 * len(short) / len(long_) + 0.1
    d = dice(a, b)
    return d if d >= dice_min else 0.0


# ---------------------------------------------------------------- matching

def greedy_match(golds, preds, sim):
    """Pair gold and predicted items one to one, best similarity first."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            s = sim(g, p)
            if s > 0:
                pairs.append((s, bool(g.get("required", True)), gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


class PRF:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp=0, fp=0, fn=0):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self):
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self):
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.p, 4), "recall": round(self.r, 4), "f1": round(self.f1, 4)}


class Acc:
    def __init__(self):
        self.ok = self.n = 0

    def add(self, ok: bool):
        self.n += 1
        self.ok += bool(ok)

    @property
    def value(self):
        return self.ok / self.n if self.n else 1.0


def score_set(gold_items, pred_items, sim, prf: PRF, misses: list, label: str, show):
    """Required gold items count for recall; optional ones only absorb predictions."""
    matches = greedy_match(gold_items, pred_items, sim)
    matched_g = {gi for gi, _ in matches}
    matched_p = {pi for _, pi in matches}
    tp = sum(1 for gi in matched_g if gold_items[gi].get("required", True))
    fn_items = [g for i, g in enumerate(gold_items) if g.get("required", True) and i not in matched_g]
    fp_items = [p for i, p in enumerate(pred_items) if i not in matched_p]
    prf.add(tp=tp, fp=len(fp_items), fn=len(fn_items))
    for g in fn_items:
        misses.append(f"missed {label}: {show(g)}")
    for p in fp_items:
        misses.append(f"spurious {label}: {show(p)}")
    return matches


# ---------------------------------------------------------------- reading predictions

def as_list(x):
    return x if isinstance(x, list) else []


def pred_roles(att) -> list:
    out = []
    for r in as_list(att.get("roles")):
        if isinstance(r, dict):
            out.append(role_key(r.get("org"), r.get("title")))
        elif isinstance(r, str):
            out.append(role_key(None, r))
    return [k for k in out if k]


def check_spans(record, text) -> bool:
    ev = record.get("evidence")
    if not isinstance(ev, list) or not ev:
        return False
    for sp in ev:
        if not isinstance(sp, dict):
            return False
        s, e = sp.get("start"), sp.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or not (0 <= s < e <= len(text)):
            return False
        if "text" in sp and sp["text"] != text[s:e]:
            return False
    return True


# ---------------------------------------------------------------- scoring one article

class Totals:
    def __init__(self):
        self.meetings = PRF()
        self.fields = {k: Acc() for k in ("kind", "date", "city", "chair", "edition", "theme")}
        self.date_partial = Acc()
        self.attendees = PRF()
        self.roles = PRF()
        self.documents = PRF()
        self.actions = Acc()
        self.goals = PRF()
        self.grounded = Acc()
        self.published = Acc()
        self.outlet = Acc()
        self.byline = PRF()
        self.banned = 0
        self.errors = 0
        self.seconds = 0.0
        self.chars = 0


_KINDS = {"联席会": "联席会议"}


def norm_kind(s) -> str:
    s = norm_text(s)
    return _KINDS.get(s, s)


def any_of(gold_value, pred_value, same) -> bool:
    """Gold may list several acceptable values."""
    options = gold_value if isinstance(gold_value, list) else [gold_value]
    return any(same(g, pred_value) for g in options)


def _date_partial(g, p) -> bool:
    g, p = str(g or ""), str(p or "")
    return bool(g) and g[4:] == p[4:] and len(g) == len(p)


def score_article(gold: dict, pred: dict, text: str, T: Totals, misses: list):
    pm = [m for m in as_list(pred.get("meetings")) if isinstance(m, dict)]
    pa = [a for a in as_list(pred.get("attendees")) if isinstance(a, dict)]
    pd = [d for d in as_list(pred.get("documents")) if isinstance(d, dict)]
    pg = [g for g in as_list(pred.get("goals")) if isinstance(g, dict)]
    by_id = {a.get("id"): a.get("name") for a in pa}

    # grounding: every record must point back into the original text
    for rec in pm + pa + pd + pg:
        T.grounded.add(check_spans(rec, text))

    # source: the article's own stamp, outlet and byline
    src = pred.get("source") if isinstance(pred.get("source"), dict) else {}
    if "published" in gold:
        want = gold["published"] or gold.get("published_arg") or None
        ok = want == (src.get("published") or None)
        T.published.add(ok)
        if not ok:
            misses.append(f"source.published expected {want!r}, got {src.get('published')!r}")
    if gold.get("outlet"):
        ok = norm_text(gold["outlet"]) == norm_text(src.get("outlet"))
        T.outlet.add(ok)
        if not ok:
            misses.append(f"source.outlet expected {gold['outlet']!r}, got {src.get('outlet')!r}")
    gb = [{"n": norm_text(n)} for n in gold.get("byline", [])]
    pb = [{"n": norm_text(n)} for n in as_list(src.get("byline")) if isinstance(n, str)]
    score_set(gb, pb, lambda g, p: 1.0 if g["n"] == p["n"] else 0.0, T.byline, misses, "byline name", lambda x: x["n"])

    # meetings
    gm = gold.get("meetings", [])
    m_pairs = score_set(gm, pm, lambda g, p: fuzzy_eq(norm_meeting(g["name"]), norm_meeting(p.get("name")), dice_min=0.75, contain_min=0.6),
                        T.meetings, misses, "meeting", lambda x: x.get("name"))
    matched = {gi: pi for gi, pi in m_pairs}
    for gi, g in enumerate(gm):
        if not g.get("required", True):
            continue
        p = pm[matched[gi]] if gi in matched else {}
        for f in T.fields:
            if f not in g:
                continue
            gv, pv = g[f], p.get(f)
            if f == "chair" and pv in by_id:
                pv = by_id[pv]
            if f == "city":
                ok = any_of(gv, pv, lambda a, b: norm_city(a) == norm_city(b))
            elif f == "kind":
                ok = any_of(gv, pv, lambda a, b: norm_kind(a) == norm_kind(b))
            elif f == "edition":
                ok = any_of(gv, pv, lambda a, b: a == b)
            elif f == "date":
                ok = any_of(gv, pv, lambda a, b: (a or None) == (b or None))
                T.date_partial.add(ok or any_of(gv, pv, _date_partial))
            else:
                ok = any_of(gv, pv, lambda a, b: norm_text(a) == norm_text(b))
            ok = ok and bool(p)
            T.fields[f].add(ok)
            if not ok and p:
                misses.append(f"meeting {g['name']}: {f} expected {gv!r}, got {pv!r}")

    # attendees (by name) and their roles (by name + role)
    ga = gold.get("attendees", [])
    score_set(ga, pa, lambda g, p: 1.0 if norm_text(g["name"]) == norm_text(p.get("name")) else 0.0,
              T.attendees, misses, "attendee", lambda x: x.get("name"))
    banned = {norm_text(n) for n in gold.get("not_attendees", [])}
    for p in pa:
        if norm_text(p.get("name")) in banned:
            T.banned += 1
            misses.append(f"listed as attendee but is not one: {p.get('name')}")
    g_roles, g_opt = [], set()
    for g in ga:
        n = norm_text(g["name"])
        for r in g.get("roles", []):
            g_roles.append({"k": (n, role_key(None, r)), "required": g.get("required", True)})
        for r in g.get("optional_roles", []):
            g_roles.append({"k": (n, role_key(None, r)), "required": False})
    p_roles = [{"k": (norm_text(p.get("name")), k)} for p in pa for k in pred_roles(p)]
    known = {norm_text(g["name"]) for g in ga}
    p_roles = [r for r in p_roles if r["k"][0] in known]  # roles of spurious people are already counted there
    score_set(g_roles, p_roles, lambda g, p: 1.0 if g["k"] == p["k"] else 0.0,
              T.roles, misses, "role", lambda x: "".join(x["k"][0]) + " " + x["k"][1])

    # documents
    gd = gold.get("documents", [])

    def doc_sim(g, p):
        t = norm_text(p.get("title"))
        names = [norm_text(g["title"])] + [norm_text(a) for a in g.get("aliases", [])]
        return max(fuzzy_eq(n, t, dice_min=0.85, contain_min=0.8) for n in names)

    d_pairs = score_set(gd, pd, doc_sim, T.documents, misses, "document", lambda x: x.get("title"))
    for gi, pi in d_pairs:
        if gd[gi].get("required", True):
            ok = any_of(gd[gi]["action"], pd[pi].get("action"), lambda a, b: a == b)
            T.actions.add(ok)
            if not ok:
                misses.append(f"document {gd[gi]['title']}: action expected {gd[gi]['action']}, got {pd[pi].get('action')}")

    # goals
    gg = gold.get("goals", [])
    score_set(gg, pg, lambda g, p: fuzzy_eq(norm_text(g["text"]), norm_text(p.get("text"))),
              T.goals, misses, "goal", lambda x: x.get("text"))


# ---------------------------------------------------------------- driver

def summary(T: Totals) -> dict:
    fields = {k: round(v.value, 4) for k, v in T.fields.items()}
    field_mean = sum(v.value for v in T.fields.values()) / len(T.fields)
    parts = [T.meetings.f1, field_mean, T.attendees.f1, T.roles.f1, T.documents.f1, T.goals.f1]
    return {
        "mission_score": round(sum(parts) / len(parts), 4),
        "meetings": T.meetings.row(),
        "meeting_fields": fields,
        "meeting_date_month_day": round(T.date_partial.value, 4),
        "attendees": T.attendees.row(),
        "not_attendees_listed": T.banned,
        "roles": T.roles.row(),
        "documents": T.documents.row(),
        "document_action_accuracy": round(T.actions.value, 4),
        "goals": T.goals.row(),
        "grounded_records": round(T.grounded.value, 4),
        "source_published": round(T.published.value, 4),
        "source_outlet": round(T.outlet.value, 4),
        "byline": T.byline.row(),
        "parse_errors": T.errors,
        "seconds": round(T.seconds, 4),
        "chars": T.chars,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=Path, action="append", help="folder of article texts (repeatable)")
    ap.add_argument("--gold", type=Path, action="append", help="folder of gold files (repeatable)")
    ap.add_argument("--pred", type=Path, help="folder of saved JSON outputs, named like the gold files")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--quiet", action="store_true", help="do not list misses")
    args = ap.parse_args(argv)

    parse = None
    if args.pred is None:
        sys.path.insert(0, os.getcwd())
        import regevents  # noqa: E402  (the project under test)
        parse = regevents.parse

    texts = args.texts or DEFAULT_TEXTS
    golds = args.gold or DEFAULT_GOLD
    T = Totals()
    report = {}
    for gpath in sorted(p for g in golds for p in g.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        text = next((t / gold["text"]).read_text(encoding="utf-8") for t in texts if (t / gold["text"]).exists())
        misses: list = []
        try:
            if parse is not None:
                t0 = time.perf_counter()
                result = parse(text, published=gold["published_arg"]) if gold.get("published_arg") else parse(text)
                T.seconds += time.perf_counter() - t0
                T.chars += len(text)
                pred = result.model_dump(mode="json") if hasattr(result, "model_dump") else result
            else:
                pred = json.loads((args.pred / gpath.name).read_text(encoding="utf-8"))
        except Exception as exc:  # a crash scores as an empty answer
            T.errors += 1
            misses.append(f"parse failed: {type(exc).__name__}: {exc}")
            pred = {}
        if not isinstance(pred, dict):
            T.errors += 1
            pred = {}
        score_article(gold, pred, text, T, misses)
        report[gold["text"]] = misses

    S = summary(T)
    if args.json:
        print(json.dumps({"summary": S, "misses": report}, ensure_ascii=False, indent=1))
        return 0
    if not args.quiet:
        for name, misses in report.items():
            print(f"== {name}: {len(misses)} misses")
            for m in misses:
                print("  ", m)
    print("-- summary")
    for k, v in S.items():
        print(f"{k:28s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
