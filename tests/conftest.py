"""Shared fixtures: the development texts and gold copied into fixtures/."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "fixtures" / "texts"
GOLD = ROOT / "fixtures" / "gold"


def text_names() -> list[str]:
    return sorted(p.name for p in TEXTS.glob("*.txt"))


def read_text(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


def gold_for(name: str) -> dict:
    return json.loads((GOLD / (Path(name).stem + ".json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared_texts() -> dict[str, str]:
    return {n: read_text(n) for n in text_names()}
