"""Accuracy gate: the development set scored with the project's scorer.

Floors live in ``tests/accuracy_floors.json`` and only go up: whenever the
score improves, raise them (``python tests/test_accuracy.py --update`` prints
the current figures in that file's format). The scorer is a vendored copy of
the shared ``eval/score.py`` (``tests/gold_scorer.py``).
"""
from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FLOORS = HERE / "accuracy_floors.json"


def current_summary() -> dict:
    sys.path.insert(0, str(HERE))
    import gold_scorer

    buf = io.StringIO()
    with redirect_stdout(buf):
        gold_scorer.main(["--texts", str(ROOT / "fixtures" / "texts"), "--gold", str(ROOT / "fixtures" / "gold"), "--json"])
    return json.loads(buf.getvalue())["summary"]


def flatten(summary: dict) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in summary.items():
        if isinstance(value, dict) and "f1" in value:
            out[f"{key}.f1"] = value["f1"]
        elif isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, (int, float)):
                    out[f"{key}.{k}"] = v
        elif isinstance(value, (int, float)) and key not in ("seconds", "chars"):
            out[key] = value
    return out


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return flatten(current_summary())


def test_no_parse_errors(scores):
    assert scores.get("parse_errors", 0) == 0


def test_floors_hold(scores):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    below = {k: (scores.get(k), floor) for k, floor in floors.items() if k.startswith("max_") is False and scores.get(k, 0) + 1e-9 < floor}
    assert not below, f"below floor (got, floor): {below}"
    ceilings = {k[4:]: v for k, v in floors.items() if k.startswith("max_")}
    above = {k: (scores.get(k), c) for k, c in ceilings.items() if scores.get(k, 0) > c}
    assert not above, f"above ceiling (got, ceiling): {above}"


if __name__ == "__main__":
    if "--update" in sys.argv:
        s = flatten(current_summary())
        keep = {k: round(v, 4) for k, v in s.items() if k not in ("parse_errors", "not_attendees_listed")}
        keep["max_not_attendees_listed"] = s.get("not_attendees_listed", 0)
        print(json.dumps(keep, indent=1, ensure_ascii=False))
