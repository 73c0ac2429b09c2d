"""Linear cost: parse time grows in proportion to the input.

CI version of bench/run.py's scaling run (1x, 10x, 100x there): 1x against 20x
of two inputs, with a generous bound (2x the linear prediction, so timing noise
does not fail it but a quadratic step, 20x too slow at 20x, does):

* ``pages``: the shared pages one after another. After the first page's
  related-news list everything is furniture, so this exercises normalisation,
  zoning and the readers of whole pages;
* ``bodies``: the article lines of the shared texts only, so every extractor
  runs over the whole input (many meetings, people, titles and dates).
"""
from __future__ import annotations

import time

import pytest
from conftest import read_text, text_names

import regevents
from regevents.normalize import normalize
from regevents.zones import READABLE, readable_lines, zone

FACTOR = 20
SLACK = 2.0  # x the linear prediction
BODY_CHARS = 3_000  # the bodies unit, cut at a line end


def best_time(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        regevents.parse(text)
        best = min(best, time.perf_counter() - t)
    return best


def pages_unit() -> str:
    return "\n\n".join(read_text(n) for n in text_names()) + "\n\n"


def bodies_unit() -> str:
    lines = [line for name in text_names() for line in readable_lines(read_text(name))]
    out: list[str] = []
    size = 0
    for line in lines:  # whole lines from several articles, about BODY_CHARS in all
        out.append(line)
        size += len(line) + 1
        if size >= BODY_CHARS:
            break
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("unit_of", [pages_unit, bodies_unit], ids=["pages", "bodies"])
def test_cost_is_linear(unit_of):
    unit = unit_of()
    regevents.parse(unit)  # warm-up: tables and rules are built once per process
    one = best_time(unit, 5)
    bound = SLACK * FACTOR * one + 0.05
    many = best_time(unit * FACTOR, 1)
    if many > bound:  # measure once more before blaming the code for a busy machine
        many = min(many, best_time(unit * FACTOR, 1))
    assert many <= bound, (
        f"{FACTOR}x input took {many:.3f} s, {many / one:.0f}x the 1x time ({one * 1000:.1f} ms)"
    )


def test_bodies_input_is_read_at_every_size():
    """The bodies input stays article text when repeated (no page tail blanks the rest), so the
    extractors really run over all of it, and it yields records."""
    unit = bodies_unit()
    clean = normalize(unit * FACTOR)
    readable = sum(ln.end - ln.start for ln in zone(clean.text).lines if ln.zone in READABLE)
    assert readable >= 0.8 * len(clean.text.replace("\n", ""))
    a = regevents.parse(unit)
    assert a.meetings or a.attendees or a.documents
