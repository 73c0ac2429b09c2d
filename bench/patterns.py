"""Review of every regular expression in regevents against adversarial runs (stdlib timing).

    .venv/bin/python bench/patterns.py            # runs of 20,000 characters
    .venv/bin/python bench/patterns.py --big 50000 --top 40

Collects every compiled pattern at module level in the package (``regex`` and
``re``), every rule of every ``data/*.rules.json``, the gazetteer's place
pattern and the date grammar (``dates.date_pattern()``, compiled on first
use), runs ``finditer`` over runs of one character or short unit (the shapes
that make an unbounded quantifier restart at every position), at two lengths,
and prints:

* super-linear patterns: the 10x longer run costs far more than 10x
  (quadratic shows ~100x); each has a per-run timeout so a catastrophic one
  cannot hang the review;
* the slowest linear patterns per character (a linear pattern can still make a
  6 MB input slow).

tests/test_robustness.py runs a small version of the same review in CI.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import regex

UNITS = [
    " ", "\n", "\u3000", "《", "》", "“", "”", "、", "，", ",", "。", "(", ")", "（", "【", "9", "会", "十", "日",
    "?", "\ufffd", "a", "·", "—", "会议", "《会》", "(会", "记者 ", "1月", "第一", "主持", "省长", "、会", "“会”", "会议在",
    "5月22日", "省委书记", "签署《", "《" + "会" * 20,
]


def all_patterns() -> dict[str, regex.Pattern[str] | re.Pattern[str]]:
    """The package's pattern inventory plus the gazetteer's big place pattern."""
    from regevents.rules import pattern_inventory

    found = pattern_inventory()
    from regevents.gazetteer import place_pattern

    found["regevents.gazetteer.place_pattern()"] = place_pattern()
    return found


def main(argv: list[str] | None = None) -> int:
    from regevents.rules import scan_seconds

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--big", type=int, default=20_000, help="length of the long runs")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per long run before giving up")
    args = ap.parse_args(argv)
    small_n = args.big // 10
    patterns = all_patterns()
    print(f"{len(patterns)} patterns x {len(UNITS)} runs, {small_n} and {args.big} characters")
    rows = []
    t0 = time.perf_counter()
    for name, p in patterns.items():
        for unit in UNITS:
            big = (unit * (args.big // len(unit) + 1))[: args.big]
            t_small = min(scan_seconds(p, big[:small_n], args.timeout) for _ in range(2))
            t_big = scan_seconds(p, big, args.timeout)
            rows.append((name, unit, t_small, t_big))
    print(f"review took {time.perf_counter() - t0:.1f} s\n")

    superlinear = sorted(
        (r for r in rows if r[3] > 0.02 and r[3] / max(r[2], 1e-6) > 30), key=lambda r: -min(r[3], 1e9)
    )
    print("super-linear (10x the run, > 30x the time):")
    seen = set()
    for name, unit, ts, tb in superlinear:
        if name in seen:
            continue
        seen.add(name)
        big_txt = "timeout" if tb == float("inf") else f"{tb * 1000:.0f} ms"
        print(f"  {name:55s} run of {unit!r:10s} {small_n}: {ts * 1000:7.2f} ms  {args.big}: {big_txt} "
              f"(x{tb / max(ts, 1e-6):.0f})")
    if not seen:
        print("  none")

    print(f"\nslowest per character (linear ones, {args.big}-character runs):")
    per_char: dict[str, tuple[float, str]] = {}
    for name, unit, ts, tb in rows:
        if name in seen or tb == float("inf"):
            continue
        us = tb / args.big * 1e6
        if us > per_char.get(name, (0.0, ""))[0]:
            per_char[name] = (us, unit)
    for name, (us, unit) in sorted(per_char.items(), key=lambda kv: -kv[1][0])[: args.top]:
        print(f"  {name:55s} {us:8.2f} us/char  (worst run {unit!r}; 6 MB would take {us * 6e6 / 1e6:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
