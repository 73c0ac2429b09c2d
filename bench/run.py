"""Benchmark of regevents over the shared development texts (stdlib timing only).

One command, from the project root::

    .venv/bin/python bench/run.py            # everything, the 100x scaling run included
    .venv/bin/python bench/run.py --quick    # scaling up to 10x only
    .venv/bin/python bench/run.py --check    # exit 1 when a target is missed
    .venv/bin/python bench/run.py --json out.json

What it measures, and why this way (docs/performance.md has the figures):

* ``import regevents`` in fresh interpreters (median of several), and whether
  dateparser got imported (it must be lazy);
* a whole ``regevents.parse`` of every shared text, against the time of
  opencc-python-reimplemented's ``OpenCC('t2s').convert`` on the same text:
  the target is parse <= 0.2x t2s per article;
* every stage on its own, called the way ``regevents/pipeline.py`` calls it
  (the stage functions are imported from their modules; the replica is checked
  against ``regevents.parse`` so a change of the pipeline cannot go unnoticed);
* normalising all texts against t2s of all texts: the target is >= 10x faster;
* peak traced memory (tracemalloc) of one article and of a 10x input;
* linear cost: parse time of 1x, 10x, 100x concatenations of the texts, both as
  whole pages (after the first page's related-news list everything is furniture)
  and as bodies only (the readable lines of every text, so every extractor runs
  over the whole input). Target: 100x costs at most ~120x the 1x time.

Times are the minimum over ``--repeat`` runs (the least disturbed run) unless
said otherwise; a warm-up parse of every text runs first, so one-off table
builds (t2s tables, rule compilation, gazetteers) are not charged to a stage.
Memo caches keyed by wording are cleared before every timed run
(:func:`forget_wordings`), so a repeat does not find its own names and posts
already read: each article is timed as if seen for the first time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEXTS = ROOT / "fixtures" / "texts"

# Targets from the issue.
PARSE_VS_T2S_MAX = 0.2
T2S_VS_NORMALISE_MIN = 10.0
IMPORT_MAX_S = 0.3
SCALE_100_MAX = 1.2  # 100x input may cost at most ~120x the 1x time

STAGES = (
    "published", "normalise", "zone", "source", "document",
    "meetings", "documents", "attendees", "goals", "resolve", "validate",
)


def load_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.txt"))}


# ------------------------------------------------------------------ stages


def staged_parse(text: str, published: object = None, times: dict[str, float] | None = None):
    """``regevents.pipeline.parse`` stage by stage, each stage timed into ``times``.

    Mirrors pipeline.py (same functions, same arguments, same order) without
    editing it; :func:`check_replica` compares the result with ``regevents.parse``.
    """
    from regevents.document import Document
    from regevents.extract.attendees import find_attendees
    from regevents.extract.documents import find_documents
    from regevents.extract.goals import find_goals
    from regevents.extract.meetings import find_meetings
    from regevents.models import trusted_assign
    from regevents.normalize import normalize
    from regevents.pipeline import published_edtf
    from regevents.resolve import resolve
    from regevents.source import read_source
    from regevents.validate import check
    from regevents.zones import zone

    t = times if times is not None else {}
    clock = time.perf_counter

    def timed(name: str, fn: Callable[..., Any], *args: Any) -> Any:
        if fn is check:  # pipeline.py passes its clean text and zoning by keyword
            args, kwargs = args[:2], {"clean": args[2], "zoning": args[3]}
        else:
            kwargs = {}
        t0 = clock()
        out = fn(*args, **kwargs)
        t[name] = t.get(name, 0.0) + clock() - t0
        return out

    ref = timed("published", published_edtf, published)
    clean = timed("normalise", normalize, text)
    zoning = timed("zone", zone, clean.text)
    source = timed("source", read_source, clean, zoning, ref)
    doc = timed("document", Document, clean, zoning, source)
    meetings = timed("meetings", find_meetings, doc)
    documents = timed("documents", find_documents, doc, meetings)
    attendees = timed("attendees", find_attendees, doc, meetings)
    goals = timed("goals", find_goals, doc, meetings, attendees)
    article = timed("resolve", resolve, source, meetings, attendees, documents, goals)
    trusted_assign(article, "issues", timed("validate", check, article, text, clean, zoning))
    return article


# The stage calls of pipeline.parse that staged_parse() mirrors, as written there.
MIRRORED_CALLS = [
    "ref = published_edtf(published)",
    "clean = normalize(text)",
    "zoning = zone(clean.text)",
    "source = read_source(clean, zoning, ref)",
    "doc = Document(clean, zoning, source)",
    "meetings = find_meetings(doc)",
    "documents = find_documents(doc, meetings)",
    "attendees = find_attendees(doc, meetings)",
    "goals = find_goals(doc, meetings, attendees)",
    "article = resolve(source, meetings, attendees, documents, goals)",
    'trusted_assign(article, "issues", check(article, text, clean=clean, zoning=zoning))',
]


def check_replica(texts: dict[str, str]) -> list[str]:
    """Why the staged replica may no longer be the pipeline (empty when it is).

    The stage calls of ``pipeline.parse`` must be the mirrored ones, and the
    replica's output must equal ``regevents.parse``'s on every text.
    """
    import inspect

    import regevents
    from regevents import pipeline

    problems = []
    body = [ln.strip() for ln in inspect.getsource(pipeline.parse).splitlines()]
    calls = [ln for ln in body if "=" in ln and "(" in ln and not ln.startswith(("if ", "raise ", "def ", '"""'))]
    if calls != MIRRORED_CALLS:
        problems.append(f"pipeline.parse calls changed: {sorted(set(calls) ^ set(MIRRORED_CALLS))}")
    problems += [f"output differs on {n}" for n, s in texts.items()
                 if staged_parse(s).model_dump() != regevents.parse(s).model_dump()]
    return problems


# ------------------------------------------------------------------ timing helpers


def wording_caches() -> list[Any]:
    """The package's memo caches keyed by an article's wording (a post, a name, a set of names).

    Those are the ``functools`` caches with a bound of 64 or more; unbounded ones and small
    ones are tables built once or keyed by a rule, which any long run has warm anyway. A
    benchmark that parses the same texts again would find every wording cached from the
    previous round and report a speed no new article gets, so every timed run starts with
    these cleared (:func:`forget_wordings`): each parse pays for its wordings as at first sight.
    """
    import importlib
    import pkgutil

    import regevents

    found = []
    for info in pkgutil.walk_packages(regevents.__path__, "regevents."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            params = getattr(obj, "cache_parameters", None)
            if params is not None and (params().get("maxsize") or 0) >= 64:
                found.append(obj)
    return found


_WORDING_CACHES: list[Any] = []


def forget_wordings() -> None:
    if not _WORDING_CACHES:
        _WORDING_CACHES.extend(wording_caches())
    for cache in _WORDING_CACHES:
        cache.cache_clear()


def best_of(fn: Callable[[], Any], repeat: int, fresh: bool = True) -> float:
    """Least disturbed of ``repeat`` timed calls; with ``fresh``, wording caches are cleared first."""
    best = float("inf")
    for _ in range(repeat):
        if fresh:
            forget_wordings()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def import_time(runs: int) -> dict[str, Any]:
    """``import regevents`` in fresh interpreters: median/min seconds, dateparser laziness, top modules."""
    code = (
        "import sys, time; t = time.perf_counter(); import regevents; d = time.perf_counter() - t; "
        "print(d, 'dateparser' in sys.modules)"
    )
    # bytecode as an installed package has it: PYTHONDONTWRITEBYTECODE (any non-empty value, "0"
    # too) would leave every edited module to be compiled from source in each fresh interpreter
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", "import regevents"], cwd=ROOT, env=env, capture_output=True, check=True)
    samples: list[float] = []
    dateparser_loaded = False
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        secs, loaded = out.stdout.split()
        samples.append(float(secs))
        dateparser_loaded |= loaded == "True"
    # -X importtime: the heaviest modules by self time (microseconds), to say where the time goes.
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import regevents"], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    rows = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line or "self [us]" in line:
            continue
        self_us, cum_us, name = line[len("import time:"):].split("|")
        rows.append((int(self_us), int(cum_us), name.strip()))
    top = sorted(rows, reverse=True)[:8]
    # the first parse in a fresh process builds the t2s tables, compiles the rules,
    # loads the gazetteers and imports dateparser (on the first page stamp)
    first = (
        "import sys, time; sys.path.insert(0, '.'); import regevents; "
        "text = open(sys.argv[1], encoding='utf-8').read(); "
        "t = time.perf_counter(); regevents.parse(text); a = time.perf_counter() - t; "
        "t = time.perf_counter(); regevents.parse(text); print(a, time.perf_counter() - t)"
    )
    sample = str(min(TEXTS.glob("*.txt")))
    out = subprocess.run([sys.executable, "-c", first, sample], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    first_s, second_s = map(float, out.stdout.split())
    groups: dict[str, int] = {}
    for self_us, _, name in rows:
        head = name.split(".")[0]
        key = name if head == "regevents" else head
        groups[key] = groups.get(key, 0) + self_us
    return {
        "median_s": statistics.median(samples),
        "min_s": min(samples),
        "runs": runs,
        "dateparser_imported": dateparser_loaded,
        "first_parse_s": first_s,
        "second_parse_s": second_s,
        "top_self_ms": [(name, round(s / 1000, 1)) for s, _, name in top],
        "by_package_ms": sorted(((k, round(v / 1000, 1)) for k, v in groups.items()), key=lambda kv: -kv[1])[:10],
    }


# ------------------------------------------------------------------ scaling inputs


def bodies_text(texts: dict[str, str]) -> str:
    """The readable (headline + body) lines of every text, joined: an article-like input with no page tail."""
    from regevents.zones import readable_lines

    return "\n".join(line for s in texts.values() for line in readable_lines(s)) + "\n"


@dataclass
class ScaleRow:
    variant: str
    factor: int
    chars: int
    seconds: float
    per_unit: float = field(default=0.0)  # seconds / (factor * seconds at 1x): 1.0 is perfectly linear


def scaling(texts: dict[str, str], factors: list[int], repeat: int) -> list[ScaleRow]:
    import regevents

    pages = "\n\n".join(texts.values()) + "\n\n"
    bodies = bodies_text(texts)
    rows: list[ScaleRow] = []
    for variant, unit in (("pages", pages), ("bodies", bodies)):
        base = None
        for k in factors:
            s = unit * k
            secs = best_of(lambda s=s: regevents.parse(s), repeat if k <= 10 else 1)
            base = secs if base is None else base
            rows.append(ScaleRow(variant, k, len(s), secs, secs / (k * base)))
    return rows


# ------------------------------------------------------------------ memory


def peak_memory(text: str) -> int:
    import regevents

    tracemalloc.start()
    tracemalloc.reset_peak()
    regevents.parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


# ------------------------------------------------------------------ main


def run(args: argparse.Namespace) -> dict[str, Any]:
    texts = load_texts()
    total_chars = sum(map(len, texts.values()))
    result: dict[str, Any] = {
        "python": sys.version.split()[0],
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
        "cpus": os.cpu_count(),
        "texts": len(texts),
        "chars": total_chars,
        "repeat": args.repeat,
    }
    print(f"regevents benchmark: {len(texts)} texts, {total_chars} chars, Python {result['python']}, repeat={args.repeat}")

    imp = import_time(args.import_runs)
    result["import"] = imp
    print(f"\nimport regevents: median {imp['median_s']*1000:.0f} ms, min {imp['min_s']*1000:.0f} ms "
          f"over {imp['runs']} fresh interpreters (target < {IMPORT_MAX_S*1000:.0f} ms); "
          f"dateparser imported: {imp['dateparser_imported']}")
    print("  self time by package (ms, -X importtime): " + ", ".join(f"{k} {v}" for k, v in imp["by_package_ms"]))
    print(f"  first parse in a fresh process {imp['first_parse_s']*1000:.0f} ms (one-off builds; the second "
          f"{imp['second_parse_s']*1000:.0f} ms)")

    from opencc import OpenCC

    import regevents
    from regevents.normalize import normalize

    for s in texts.values():  # warm-up: one-off table builds are not charged to anyone
        regevents.parse(s)
    cc = OpenCC("t2s")
    cc.convert("漢字")

    diverging = check_replica(texts)
    result["replica_problems"] = diverging
    if diverging:
        print(f"\nWARNING: the per-stage replica is out of date ({'; '.join(diverging)}): "
              "update staged_parse() and MIRRORED_CALLS in bench/run.py")

    per_article = []
    stage_totals = dict.fromkeys(STAGES, 0.0)
    for name, s in texts.items():
        t_parse = best_of(lambda s=s: regevents.parse(s), args.repeat)
        t_t2s = best_of(lambda s=s: cc.convert(s), args.t2s_repeat)
        t_norm = best_of(lambda s=s: normalize(s), args.repeat)
        best_stage = dict.fromkeys(STAGES, float("inf"))
        for _ in range(args.repeat):
            times: dict[str, float] = {}
            forget_wordings()
            staged_parse(s, None, times)
            for k, v in times.items():
                best_stage[k] = min(best_stage[k], v)
        for k in STAGES:
            stage_totals[k] += best_stage[k]
        per_article.append({"name": name, "chars": len(s), "parse_s": t_parse, "t2s_s": t_t2s,
                            "normalise_s": t_norm, "ratio": t_parse / t_t2s})
    result["articles"] = per_article

    parse_total = sum(a["parse_s"] for a in per_article)
    t2s_total = sum(a["t2s_s"] for a in per_article)
    norm_total = sum(a["normalise_s"] for a in per_article)
    worst = max(per_article, key=lambda a: a["ratio"])
    result["totals"] = {
        "parse_s": parse_total,
        "t2s_s": t2s_total,
        "normalise_s": norm_total,
        "articles_per_s": len(texts) / parse_total,
        "chars_per_s": total_chars / parse_total,
        "parse_vs_t2s_total": parse_total / t2s_total,
        "parse_vs_t2s_worst": worst["ratio"],
        "parse_vs_t2s_worst_article": worst["name"],
        "t2s_vs_normalise": t2s_total / norm_total,
    }
    result["stages_s"] = stage_totals

    print(f"\n{'article':28s} {'chars':>6s} {'parse ms':>9s} {'t2s ms':>8s} {'parse/t2s':>9s}")
    for a in per_article:
        print(f"{a['name']:28s} {a['chars']:6d} {a['parse_s']*1000:9.2f} {a['t2s_s']*1000:8.1f} {a['ratio']:9.3f}")
    tot = result["totals"]
    print(f"{'all':28s} {total_chars:6d} {parse_total*1000:9.2f} {t2s_total*1000:8.1f} {tot['parse_vs_t2s_total']:9.3f}")
    print(f"\nthroughput: {tot['articles_per_s']:.1f} articles/s, {tot['chars_per_s']/1000:.0f} kchars/s")
    print(f"RATIO parse / opencc t2s: worst article {tot['parse_vs_t2s_worst']:.3f} ({worst['name']}), "
          f"all texts {tot['parse_vs_t2s_total']:.3f} (target <= {PARSE_VS_T2S_MAX})")
    print(f"RATIO opencc t2s / normalise (all texts): {tot['t2s_vs_normalise']:.1f}x "
          f"(normalise {norm_total*1000:.2f} ms, t2s {t2s_total*1000:.1f} ms; target >= {T2S_VS_NORMALISE_MIN:.0f}x)")

    stage_sum = sum(stage_totals.values())
    print("\nper stage, all texts (ms, best of repeat):")
    for k in STAGES:
        v = stage_totals[k]
        print(f"  {k:10s} {v*1000:8.2f}  {100*v/stage_sum:5.1f}%")
    print(f"  {'sum':10s} {stage_sum*1000:8.2f}")

    largest = max(texts.values(), key=len)
    mem_one = peak_memory(largest)
    mem_ten = peak_memory(("\n\n".join(texts.values()) + "\n\n") * 10)
    result["peak_memory_bytes"] = {"largest_article": mem_one, "largest_article_chars": len(largest),
                                   "pages_10x": mem_ten, "pages_10x_chars": (total_chars + 2 * len(texts)) * 10}
    print(f"\npeak traced memory: largest article ({len(largest)} chars) {mem_one/1e6:.2f} MB; "
          f"10x pages ({result['peak_memory_bytes']['pages_10x_chars']} chars) {mem_ten/1e6:.1f} MB")

    factors = [1, 10] if args.quick else [1, 10, 100]
    rows = scaling(texts, factors, args.repeat)
    result["scaling"] = [r.__dict__ for r in rows]
    print("\nlinear cost (per_unit = time / (factor x time at 1x); 1.0 is linear):")
    for r in rows:
        print(f"  {r.variant:6s} {r.factor:4d}x {r.chars:9d} chars {r.seconds:9.3f} s  per_unit {r.per_unit:5.2f}")

    failures = []
    if tot["parse_vs_t2s_worst"] > PARSE_VS_T2S_MAX:
        failures.append(f"parse/t2s worst {tot['parse_vs_t2s_worst']:.3f} > {PARSE_VS_T2S_MAX}")
    if tot["t2s_vs_normalise"] < T2S_VS_NORMALISE_MIN:
        failures.append(f"t2s/normalise {tot['t2s_vs_normalise']:.1f} < {T2S_VS_NORMALISE_MIN}")
    if imp["median_s"] > IMPORT_MAX_S:
        failures.append(f"import {imp['median_s']:.3f} s > {IMPORT_MAX_S} s")
    if imp["dateparser_imported"]:
        failures.append("dateparser imported by `import regevents`")
    for r in rows:
        if r.factor == 100 and r.per_unit > SCALE_100_MAX:
            failures.append(f"{r.variant} 100x costs {r.per_unit*100:.0f}x the 1x time")
    if diverging:
        failures.append("bench replica of the pipeline is out of date")
    result["failures"] = failures
    print("\ntargets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per measurement; the minimum is kept")
    ap.add_argument("--t2s-repeat", type=int, default=3, help="runs of the (slow) reference t2s per article")
    ap.add_argument("--import-runs", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="scaling up to 10x only")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    result = run(args)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if args.check and result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
