"""cProfile of regevents.parse, to find the hot spots behind bench/run.py's figures.

    .venv/bin/python bench/hotspots.py                      # the shared texts, 20 rounds
    .venv/bin/python bench/hotspots.py --input bodies --factor 30
    .venv/bin/python bench/hotspots.py --sort cumulative --top 40

Prints the functions with the most own time (or cumulative time) and the time
per regevents module (own time summed), after a warm-up parse so one-off table
builds are left out (``--cold`` keeps them: the first parse of a process).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import bodies_text, load_texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", choices=["texts", "pages", "bodies"], default="texts")
    ap.add_argument("--factor", type=int, default=1, help="concatenate the input this many times (pages/bodies)")
    ap.add_argument("--rounds", type=int, default=20, help="parse the shared texts this many times (texts)")
    ap.add_argument("--sort", choices=["tottime", "cumulative"], default="tottime")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--cold", action="store_true", help="no warm-up: include one-off builds")
    args = ap.parse_args(argv)

    import regevents

    texts = load_texts()
    if args.input == "texts":
        inputs = list(texts.values()) * args.rounds
    elif args.input == "pages":
        inputs = [("\n\n".join(texts.values()) + "\n\n") * args.factor]
    else:
        inputs = [bodies_text(texts) * args.factor]
    if not args.cold:
        for s in texts.values():
            regevents.parse(s)

    prof = cProfile.Profile()
    prof.enable()
    for s in inputs:
        regevents.parse(s)
    prof.disable()

    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"{len(inputs)} parse(s), {sum(map(len, inputs))} characters, {total:.2f} s under the profiler\n")
    per_module: dict[str, float] = {}
    for (file, _line, _fn), (_cc, _nc, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "/regevents/" in file:
            key = "regevents/" + file.split("/regevents/", 1)[1]
        elif "site-packages/" in file:
            key = file.split("site-packages/", 1)[1].split("/", 1)[0]
        elif file.startswith("~") or file == "<string>":
            key = "builtins (regex engine, str methods ...)"
        else:
            key = "stdlib"
        per_module[key] = per_module.get(key, 0.0) + tt
    print("own time by module:")
    for key, tt in sorted(per_module.items(), key=lambda kv: -kv[1])[:20]:
        print(f"  {tt:7.3f} s {100 * tt / total:5.1f}%  {key}")
    print()
    stats.sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
