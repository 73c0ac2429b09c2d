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

Speed (``bench/run.py``): most phrases change nothing that the character table
would not change anyway. A phrase matters only if it holds a *trigger*: a
character whose phrase value differs from its table value (``乾`` in ``乾隆``,
``麼`` ...; a couple of dozen characters). A segment with no trigger converts
exactly like the character table alone, so the phrase step runs only on the
separator-delimited segments that hold a trigger, and ``convert`` on text with
neither traditional characters nor triggers returns it unchanged after one
pass over its distinct characters.
"""
from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

import regex

# The reference converter's separators: no dictionary entry contains one.
_SEPARATORS = (
    r"\s|-|,|\.|\?|!|\*|　|，|。|、|；|：|？|！|…|“|”|‘|’|『|』|「|」|﹁|﹂|—|－|（|）|《|》|〈|〉|～|．|／|＼"
    r"|︒|︑|︔|︓|︿|﹀|︹|︺|︙|︐|［|﹇|］|﹈|︕|︖|︰|︳|︴|︽|︾|︵|︶|｛|︷|｝|︸|﹃|﹄|【|︻|】|︼"
)


def _char_class(code_points: Iterable[int]) -> str:
    """A stdlib character class of exactly these code points, as ranges."""
    cps = sorted(set(code_points))
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        parts.append(re.escape(chr(cps[i])) + ("-" + re.escape(chr(cps[j])) if j > i else ""))
        i = j + 1
    return "[" + "".join(parts) + "]" if parts else "[^\\s\\S]"


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
        # Hong Kong variant forms (衞 for 衛) that TSCharacters lacks: map each
        # through its standard traditional form, when t2s converts that form.
        # Only characters t2s leaves untouched are added, so the output is the
        # reference's wherever the reference acts.
        variants = d / "HKVariantsRev.txt"
        if variants.exists():
            # never touch a character simplified text uses itself (叁, 吃, 台 are HK "variants" too)
            simplified = set(self.char_table.values()) | set(_read(d / "STCharacters.txt"))
            for k, v in _read(variants).items():
                if (
                    len(k) == 1
                    and len(v) == 1
                    and k not in simplified
                    and ord(k) not in self.char_table
                    and self.char_table.get(ord(v), k) != k
                ):
                    self.char_table[ord(k)] = self.char_table[ord(v)]
        # Phrase lengths by first character: a character-class scan (C speed)
        # finds the few places where a phrase can start.
        self._lengths: dict[str, list[int]] = {}
        for k in self.phrases:
            self._lengths.setdefault(k[0], []).append(len(k))
        for lens in self._lengths.values():
            lens.sort(reverse=True)
        self._first_chars = frozenset(self._lengths)
        self._trad_chars = frozenset(chr(c) for c in self.char_table)
        # Triggers: characters at which some phrase's value differs from what the
        # character table gives; a segment without one converts like the table.
        self._triggers = frozenset(
            k[i] for k, v in self.phrases.items() for i in range(len(k)) if v[i] != k[i].translate(self.char_table)
        )
        self._sep = sep
        # The gates of convert(), as stdlib character-class searches over the text
        # (a table lookup per character at C speed, no set of the text's characters):
        # classes of BMP characters only, as a class with astral members is walked
        # range by range; a text with an astral character takes the dict path.
        self._astral = re.compile("[\U00010000-\U0010ffff]")
        self._trad_bmp = re.compile(_char_class(c for c in self.char_table if c < 0x10000))
        self._trigger_re = re.compile(_char_class(map(ord, self._triggers)))
        # For BMP-only text, the character table as a list indexed by code point:
        # str.translate raises and clears a KeyError for every character a dict
        # lacks, which costs more than the lookup; a list covers every BMP
        # character (identity as the code point), so nothing is ever missing.
        bmp: list[int | str] = list(range(0x10000))
        for c, v in self.char_table.items():
            if c < 0x10000:
                bmp[c] = v
        self._bmp_table = bmp
        self._sep_chars = frozenset(a.lstrip("\\") for a in _SEPARATORS.split("|") if a != r"\s") | frozenset(
            c for c in map(chr, range(0x3001)) if c.isspace() and sep.fullmatch(c)
        )

    def convert(self, text: str, chars: AbstractSet[str] | None = None) -> str:
        """Simplified text of exactly ``len(text)`` characters.

        ``chars`` is accepted for compatibility and not needed: the gates are
        character-class searches over ``text``, cheaper than collecting its set.
        """
        if self._astral.search(text):
            converted = text.translate(self.char_table)  # astral keys: the dict has them all
        elif self._trad_bmp.search(text):
            converted = text.translate(self._bmp_table)
        else:
            converted = text  # nothing for the table to change
        hits = self._triggered_hits(text) if self._trigger_re.search(text) else []
        if not hits:
            return converted
        out = list(converted)
        for start, end, value in hits:
            out[start:end] = value
        return "".join(out)

    def _triggered_hits(self, text: str) -> list[tuple[int, int, str]]:
        """Phrase hits of the separator-delimited segments holding a trigger.

        The reference picks phrases segment by segment, so running the phrase
        step on one segment alone gives that segment's hits; the other segments
        hold only phrases whose value the character table gives anyway.
        """
        hits: list[tuple[int, int, str]] = []
        seg_end = -1
        seps = self._sep_chars
        for trigger in self._trigger_re.finditer(text):
            i = trigger.start()
            if i < seg_end:
                continue
            start = i
            while start > 0 and text[start - 1] not in seps:
                start -= 1
            m = self._sep.search(text, i)
            seg_end = m.start() if m else len(text)
            hits.extend((s + start, e + start, v) for s, e, v in self._phrase_hits(text[start:seg_end]))
        return hits

    def _phrase_hits(self, text: str) -> list[tuple[int, int, str]]:
        cands: list[tuple[int, int]] = []  # (length, start)
        for ch in self._first_chars.intersection(text):
            lengths = self._lengths[ch]
            s = text.find(ch)
            while s >= 0:
                for n in lengths:
                    # s + n <= len: a slice cut short by the end could equal a shorter phrase
                    if s + n <= len(text) and text[s : s + n] in self.phrases:
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


def to_simplified(text: str, chars: AbstractSet[str] | None = None) -> str:
    """Length-preserving traditional -> simplified conversion (``chars``: see :meth:`T2S.convert`)."""
    return converter().convert(text, chars)
