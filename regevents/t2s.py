"""Traditional -> simplified conversion that never changes the length of a string.

opencc-python-reimplemented is correct but slow per call (~0.1 Mchar/s) and its
module is called ``opencc``, which clashes with the native OpenCC binding. So we
read its t2s dictionary files once (``TSPhrases.txt``, ``TSCharacters.txt``,
located through ``importlib.util.find_spec`` without importing the module) and
compile them into:

* a ``str.translate`` table for single characters;
* a ``regex`` alternation of the phrases, scanned with ``overlapped=True``.

The phrase step reproduces the reference algorithm exactly: inside each
separator-delimited segment it takes the longest phrase anywhere (leftmost
among equals), then recurses on what is left and right of it. Taking candidate
occurrences in (length desc, position asc) order and keeping the non-overlapping
ones is equivalent, and cheap because phrase hits are rare.

Only mappings that keep the length are compiled (all of t2s but a handful of
phrases whose value has another length); that is what lets normalisation keep a
one-to-one offset map. ``tests/test_t2s.py`` checks the output against the
reference converter on every shared text.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import regex

# The reference converter's separators: no dictionary entry contains one.
_SEPARATORS = (
    r"\s|-|,|\.|\?|!|\*|　|，|。|、|；|：|？|！|…|“|”|‘|’|『|』|「|」|﹁|﹂|—|－|（|）|《|》|〈|〉|～|．|／|＼"
    r"|︒|︑|︔|︓|︿|﹀|︹|︺|︙|︐|［|﹇|］|﹈|︕|︖|︰|︳|︴|︽|︾|︵|︶|｛|︷|｝|︸|﹃|﹄|【|︻|】|︼"
)


def _dictionary_dir() -> Path:
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("opencc-python-reimplemented is not installed (pip install opencc-python-reimplemented)")
    for loc in spec.submodule_search_locations:
        d = Path(loc) / "dictionary"
        if (d / "TSCharacters.txt").exists():
            return d
    raise ImportError(
        "the installed 'opencc' module has no TSCharacters.txt: another OpenCC package shadows "
        "opencc-python-reimplemented"
    )


def _read(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or "\t" not in line:
                continue
            key, value = line.split("\t", 1)
            table[key] = value.split(" ")[0]  # several candidates: the reference takes the first
    return table


class T2S:
    """Compiled, length-preserving t2s tables. Build once; call :meth:`convert`."""

    def __init__(self, directory: Path | None = None) -> None:
        d = directory or _dictionary_dir()
        chars = _read(d / "TSCharacters.txt")
        phrases = _read(d / "TSPhrases.txt")
        self.char_table = {ord(k): v for k, v in chars.items() if len(k) == 1 and len(v) == 1}
        self.phrases = {k: v for k, v in phrases.items() if len(k) == len(v) and len(k) > 1}
        # Phrases never hold a separator, so a phrase hit never crosses a segment
        # boundary and the reference's split step needs no counterpart here; the
        # separators themselves must stay untouched by the character table.
        sep = regex.compile(_SEPARATORS)
        self.phrases = {k: v for k, v in self.phrases.items() if not sep.search(k)}
        self.char_table = {c: v for c, v in self.char_table.items() if not sep.fullmatch(chr(c))}
        # Phrase lengths by first character: a character-class scan (C speed)
        # finds the few places where a phrase can start.
        self._lengths: dict[str, list[int]] = {}
        for k in self.phrases:
            self._lengths.setdefault(k[0], []).append(len(k))
        for lens in self._lengths.values():
            lens.sort(reverse=True)
        self._first_chars = frozenset(self._lengths)
        self._trad_chars = frozenset(chr(c) for c in self.char_table)

    def convert(self, text: str) -> str:
        """Simplified text of exactly ``len(text)`` characters."""
        hits = self._phrase_hits(text)
        if self._trad_chars.isdisjoint(text):
            if not hits:
                return text
            converted = text
        else:
            converted = text.translate(self.char_table)
        if not hits:
            return converted
        out = list(converted)
        for start, end, value in hits:
            out[start:end] = value
        return "".join(out)

    def _phrase_hits(self, text: str) -> list[tuple[int, int, str]]:
        cands: list[tuple[int, int]] = []  # (length, start)
        for ch in self._first_chars.intersection(text):
            lengths = self._lengths[ch]
            s = text.find(ch)
            while s >= 0:
                for n in lengths:
                    if text[s : s + n] in self.phrases:
                        cands.append((n, s))
                s = text.find(ch, s + 1)
        if not cands:
            return []
        cands.sort(key=lambda c: (-c[0], c[1]))
        taken: list[tuple[int, int, str]] = []
        used: set[int] = set()
        for n, s in cands:
            span = range(s, s + n)
            if any(i in used for i in span):
                continue
            used.update(span)
            taken.append((s, s + n, self.phrases[text[s : s + n]]))
        return taken


@lru_cache(maxsize=1)
def converter() -> T2S:
    """The process-wide converter, built on first use (about 50 ms)."""
    return T2S()


def to_simplified(text: str) -> str:
    """Length-preserving traditional -> simplified conversion."""
    return converter().convert(text)
