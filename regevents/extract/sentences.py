"""Sentence bounds shared by the extractors (one definition of where a sentence starts)."""
from __future__ import annotations

SENTENCE_STOPS = "。!?;\n"  # clean text: full-width ! ? ; are already ASCII


def sentence_start(text: str, pos: int, window: int) -> int:
    """Start of the sentence holding ``pos``: just after the last stop before it, looking back at most ``window``."""
    lo = max(0, pos - window)
    best = lo
    for ch in SENTENCE_STOPS:
        i = text.rfind(ch, lo, pos)
        if i >= 0 and i + 1 > best:
            best = i + 1
    return best
