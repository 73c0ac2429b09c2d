"""Accuracy gate: the fixture sets scored with the project's scorer.

Sets: ``dev`` (the shared development texts, ``fixtures/texts``) and
``heldout`` … ``heldout10`` (articles the team wrote in the genre, each first
scored unseen to measure generalisation, ``fixtures/heldout*``; their
ANALYSIS.md files say what they test). Floors live in ``tests/accuracy_floors.json`` and only
go up: whenever a score improves, raise them (``python tests/test_accuracy.py
--update`` prints the current figures in that file's format). The scorer is a
vendored copy of the shared ``eval/score.py`` (``tests/gold_scorer.py``).
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
SETS = {
    "dev": (ROOT / "fixtures" / "texts", ROOT / "fixtures" / "gold"),
    "heldout": (ROOT / "fixtures" / "heldout" / "texts", ROOT / "fixtures" / "heldout" / "gold"),
    "heldout2": (ROOT / "fixtures" / "heldout2" / "texts", ROOT / "fixtures" / "heldout2" / "gold"),
    "heldout3": (ROOT / "fixtures" / "heldout3" / "texts", ROOT / "fixtures" / "heldout3" / "gold"),
    "heldout4": (ROOT / "fixtures" / "heldout4" / "texts", ROOT / "fixtures" / "heldout4" / "gold"),
    "heldout5": (ROOT / "fixtures" / "heldout5" / "texts", ROOT / "fixtures" / "heldout5" / "gold"),
    "heldout6": (ROOT / "fixtures" / "heldout6" / "texts", ROOT / "fixtures" / "heldout6" / "gold"),
    "heldout7": (ROOT / "fixtures" / "heldout7" / "texts", ROOT / "fixtures" / "heldout7" / "gold"),
    "heldout8": (ROOT / "fixtures" / "heldout8" / "texts", ROOT / "fixtures" / "heldout8" / "gold"),
    "heldout9": (ROOT / "fixtures" / "heldout9" / "texts", ROOT / "fixtures" / "heldout9" / "gold"),
    "heldout10": (ROOT / "fixtures" / "heldout10" / "texts", ROOT / "fixtures" / "heldout10" / "gold"),
}


def current_summary(which: str) -> dict:
    sys.path.insert(0, str(HERE))
    import gold_scorer

    texts, gold = SETS[which]
    buf = io.StringIO()
    with redirect_stdout(buf):
        gold_scorer.main(["--texts", str(texts), "--gold", str(gold), "--json"])
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


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request) -> tuple[str, dict[str, float]]:
    return request.param, flatten(current_summary(request.param))


def test_no_parse_errors(scored):
    _, scores = scored
    assert scores.get("parse_errors", 0) == 0


def test_floors_hold(scored):
    which, scores = scored
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[which]
    below = {k: (scores.get(k), f) for k, f in floors.items() if not k.startswith("max_") and scores.get(k, 0) + 1e-9 < f}
    assert not below, f"{which}: below floor (got, floor): {below}"
    ceilings = {k[4:]: v for k, v in floors.items() if k.startswith("max_")}
    above = {k: (scores.get(k), c) for k, c in ceilings.items() if scores.get(k, 0) > c}
    assert not above, f"{which}: above ceiling (got, ceiling): {above}"


if __name__ == "__main__":
    if "--update" in sys.argv:
        out = {}
        for which in sorted(SETS):
            s = flatten(current_summary(which))
            keep = {k: round(v, 4) for k, v in s.items() if k not in ("parse_errors", "not_attendees_listed")}
            keep["max_not_attendees_listed"] = s.get("not_attendees_listed", 0)
            out[which] = keep
        print(json.dumps(out, indent=1, ensure_ascii=False))
