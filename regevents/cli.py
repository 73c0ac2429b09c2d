"""Command line (minimal until the CLI issue lands): ``regevents parse FILE``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .pipeline import parse


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="regevents", description="Chinese regional-cooperation news -> structured records")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse articles and print JSON")
    p.add_argument("files", nargs="+")
    p.add_argument("--published", default=None)
    args = ap.parse_args(argv)
    for f in args.files:
        text = sys.stdin.read() if f == "-" else Path(f).read_text(encoding="utf-8")
        print(parse(text, published=args.published).model_dump_json(indent=1))
    return 0
