"""Differential check for changes that must not change any output (speed work, refactors).

    .venv/bin/python bench/differential.py snapshot /tmp/before.jsonl   # on the old tree
    .venv/bin/python bench/differential.py snapshot /tmp/after.jsonl    # on the new tree
    .venv/bin/python bench/differential.py compare /tmp/before.jsonl /tmp/after.jsonl

Why: the golden snapshots and the accuracy gate cover a few dozen clean
articles; a faster rewrite of a scan usually breaks on the inputs they do not
hold (traditional script, noise between tokens, a list cut by a line break,
two articles run together). The corpus here is built deterministically from
the shipped texts (development set and every held-out set):

* each text as shipped, and converted to traditional script (opencc ``s2t``);
* each text with 30 noise tokens inserted at seeded random places (emoji,
  pinyin glosses, damage marks, full-width spaces, commas, line breaks);
* each text with its lines shuffled (seeded), and with a third of its
  ``《》“”`` dropped (unclosed titles and quotes);
* consecutive pairs of texts, and all bodies repeated three times;
* 200 seeded random strings over the genre's characters.

``snapshot`` writes one line per input: the input's corpus name and
``parse(text).model_dump_json()`` (all fields: meetings, documents, goals,
source, issues). ``compare`` prints the inputs whose output differs, with the
first differing JSON path, and exits 1 when any does.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT_DIRS = ("fixtures/texts", "fixtures/heldout/texts", "fixtures/heldout2/texts",
             "fixtures/heldout3/texts", "fixtures/heldout4/texts", "fixtures/heldout5/texts",
             "fixtures/heldout6/texts", "fixtures/heldout7/texts", "fixtures/heldout8/texts",
             "fixtures/heldout9/texts", "fixtures/heldout10/texts")
NOISE = ["🏋️", "(xié)", "?", "??", "\u3000", "，", "乾", "么", "\n", "😀\u200d", "1\ufe0f\u20e3", "\ufffd"]
ALPHABET = list(
    "協同發展會議在漢舉行12日?？()（）xiéǎ🏋️‍♀*⃣🇨🇳㊙ ,，。、：；\n\u3000\xa0什么乾隆於畫沈么麼著覆藉瞭"
    "首页当前位置:责编:来源记者摄《》“”…—０１２ＡＢ\ufffd①■省长书记市长出席签署合作协议座谈会"
)


def corpus() -> Iterator[tuple[str, str]]:
    """(name, text) pairs, always the same ones in the same order."""
    from opencc import OpenCC  # opencc-python-reimplemented, a runtime dependency

    texts: list[tuple[str, str]] = []
    for d in TEXT_DIRS:
        for p in sorted((ROOT / d).glob("*.txt")):
            texts.append((f"{d.split('/')[1] if d.count('/') > 1 else 'dev'}/{p.name}", p.read_text(encoding="utf-8")))
    s2t = OpenCC("s2t")
    rnd = random.Random(20261122)
    for name, t in texts:
        yield name, t
        yield name + "#traditional", s2t.convert(t)
        chars = list(t)
        for _ in range(30):
            chars.insert(rnd.randrange(len(chars) + 1), rnd.choice(NOISE))
        yield name + "#noise", "".join(chars)
        lines = t.split("\n")
        rnd.shuffle(lines)
        yield name + "#shuffled", "\n".join(lines)
        yield name + "#unclosed", "".join(c for c in t if not (c in "《》“”" and rnd.random() < 0.33))
    for (n1, t1), (n2, t2) in zip(texts, texts[1:]):
        yield f"{n1}+{n2}", t1 + "\n\n" + t2
    yield "all*3", "\n\n".join(t for _, t in texts) * 3
    for i in range(200):
        yield f"random{i}", "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 160)))


def snapshot(out: Path) -> int:
    from regevents import parse

    n = 0
    with out.open("w", encoding="utf-8") as f:
        for name, text in corpus():
            f.write(json.dumps({"name": name, "out": json.loads(parse(text).model_dump_json())}, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} inputs -> {out}")
    return 0


def _first_diff(a: object, b: object, path: str = "$") -> str | None:
    if type(a) is not type(b):
        return f"{path}: {a!r:.120} != {b!r:.120}"
    if isinstance(a, dict):
        assert isinstance(b, dict)
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'after' if k in b else 'before'}"
            d = _first_diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        assert isinstance(b, list)
        for i, (x, y) in enumerate(zip(a, b)):
            d = _first_diff(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: {len(a)} items before, {len(b)} after"
        return None
    return None if a == b else f"{path}: {a!r:.120} != {b!r:.120}"


def compare(before: Path, after: Path) -> int:
    rows_a = [json.loads(x) for x in before.read_text(encoding="utf-8").splitlines()]
    rows_b = [json.loads(x) for x in after.read_text(encoding="utf-8").splitlines()]
    if [r["name"] for r in rows_a] != [r["name"] for r in rows_b]:
        print("the two snapshots hold different corpora (a text was added or removed): re-snapshot the old tree")
        return 2
    bad = 0
    for ra, rb in zip(rows_a, rows_b):
        d = _first_diff(ra["out"], rb["out"])
        if d:
            bad += 1
            print(f"{ra['name']}: {d}")
    print(f"{len(rows_a)} inputs, {bad} differ")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snapshot")
    s.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "snapshot":
        return snapshot(args.out)
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
