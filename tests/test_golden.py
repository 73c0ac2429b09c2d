"""Golden JSON: the full output for every shared text, as reviewed.

A change in any record, field, evidence span or issue shows up here as a diff
against ``fixtures/expected/<text>.json``. When a change is intended, review
the diff and regenerate the snapshots with::

    python tests/test_golden.py --update
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXPECTED = ROOT / "fixtures" / "expected"
TEXTS = ROOT / "fixtures" / "texts"
GOLD = ROOT / "fixtures" / "gold"


def _published_arg(name: str) -> str | None:
    gold = GOLD / (Path(name).stem + ".json")
    return json.loads(gold.read_text(encoding="utf-8")).get("published_arg") if gold.exists() else None


def current(name: str) -> dict:
    sys.path.insert(0, str(ROOT))
    import regevents

    text = (TEXTS / name).read_text(encoding="utf-8")
    return regevents.parse(text, published=_published_arg(name)).model_dump(mode="json")


NAMES = sorted(p.name for p in TEXTS.glob("*.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_output_matches_snapshot(name):
    expected = json.loads((EXPECTED / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
    got = current(name)
    for key in ("source", "meetings", "attendees", "documents", "goals", "issues", "primary_meeting"):
        assert got.get(key) == expected.get(key), f"{name}: {key} differs from fixtures/expected (regenerate if intended)"
    assert got == expected


if __name__ == "__main__" and "--update" in sys.argv:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        out = EXPECTED / (Path(name).stem + ".json")
        out.write_text(json.dumps(current(name), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", out.relative_to(ROOT))
