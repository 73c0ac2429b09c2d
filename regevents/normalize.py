"""Normalisation: dirty page text -> clean simplified text, with an offset map.

What it does, in this order (each step is length-preserving except deletions):

1. **Deletions**, recorded in the offset map:
   * pinyin glosses glued after a character by a broken converter
     (``協(xié)同`` -> ``協同``, also after a damaged ``?``: ``重?(fù)``);
   * markup a scraper left (``<p style=…>``, ``&nbsp;``): all but its last character, which
     stands for what the markup meant (a space, a quotation mark, a line break); inline tags whole;
   * page labels handed over as GBK mojibake (``鏉ユ簮锛?`` for ``来源：``, data file
     ``page_labels.txt``): all but as many characters as the label has, which stand for it;
   * line breaks of a text laid out at a fixed width (a PDF e-paper page: most lines of one
     length, paragraphs opened by an indent): a full line's break inside its paragraph goes;
   * invisible format characters a page or an editor left in words (zero-width space, BOM,
     word joiner, soft hyphen, direction marks: ``吉庆\u200b华`` is one name);
   * emoji noise: pictographs, ZWJ, skin tones, variation selectors, keycap
     sequences (``*️⃣`` leaves no ``*``), flags, tags, playing cards, Egyptian
     hieroglyphs, arrows, dingbats, enclosed ideographs used as emoji (``㊙️``).
     Digits, Latin letters, CJK characters and CJK punctuation are never deleted.
2. **Damage marks**: runs of ``?`` standing for a lost character (``吳政??``,
   ``重?(fù)``, mojibake ``?!``) and U+FFFD become U+FFFD in the clean text, and
   their ranges are listed in :attr:`CleanText.damaged` for later repair.
3. **Width**: full-width ASCII forms become ASCII (``，`` -> ``,``), U+3000 and
   NBSP become a space, so rules are written once.
4. **Script**: traditional -> simplified with :mod:`regevents.t2s`.

Every clean character comes from exactly one original character, so a clean
range maps back to an original range and ``original[span.start:span.end] ==
span.text`` holds by construction.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import NamedTuple

import regex

from .models import Span, trusted_span
from .t2s import to_simplified

DAMAGE = "\ufffd"

_PINYIN_LETTERS = "a-zāáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"
# A gloss: (pinyin) right after a Han character or a damaged '?'. Lower case only,
# at most 7 letters: "(xié)", "(dǎo)", "(chuàng)". "(记者 李某某)" is never one.
_PINYIN_GLOSS = rf"(?<=[\p{{Han}}?\ufffd_!])\((?=[{_PINYIN_LETTERS}]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿü])[{_PINYIN_LETTERS}]{{1,7}}\)"

_EMOJI_CHARS = (
    r"\p{Extended_Pictographic}\p{Emoji_Modifier}"
    r"\u200d\ufe00-\ufe0f\u20e3"
    r"\U0001F1E6-\U0001F1FF"  # regional indicators (flags)
    r"\U000E0020-\U000E007F"  # tag characters (subdivision flags)
    r"\U00013000-\U0001343F"  # Egyptian hieroglyphs
    r"\U0001F000-\U0001FAFF"  # mahjong, playing cards, pictographs
    r"\u2190-\u21ff\u2b00-\u2bff\u27f0-\u27ff\u2900-\u297f"  # arrows
    r"\u2600-\u27bf"  # miscellaneous symbols, dingbats
)
_KEYCAP = r"[#*]\ufe0f?\u20e3"  # a digit keycap keeps its digit (1️⃣ -> 1): lists are numbered so
_NOISE = regex.compile(rf"(?P<pinyin>{_PINYIN_GLOSS})|(?P<emoji>{_KEYCAP}|[{_EMOJI_CHARS}]+)")

# '?' standing for a lost character: a run of two or more, one followed by a
# pinyin gloss (found while cutting it) or by mojibake punctuation, or U+FFFD.
_DAMAGE_RE = regex.compile(r"\?{2,}|\?(?=[!_])[!_]*|\ufffd+")

_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0xFFFD: 0xFFFD})

# Fast paths (see bench/run.py): most articles hold no noise and a few kinds of
# full-width characters, so normalize() first asks cheap questions of the whole
# text (a `str` membership test, or a stdlib character-class search, which runs at
# C speed) and runs a step only over what is there. Each gate is a necessary
# condition of the full step, so the output is the same.
#
# The scans use the stdlib engine, which walks a character class about twice as
# fast: _EMOJI_CHARS spelled as code point ranges (Unicode 14 properties of the
# `regex` module; tests/test_robustness.py checks both classes hold the same code
# points), and the gloss without its lookbehind (\p{Han} is `regex`-only), checked
# on the one character before it instead.
_EMOJI_BMP = (  # the ranges below U+10000 ...
    "\u00a9\u00ae\u200d\u203c\u2049\u20e3\u2122\u2139\u2190-\u21ff\u231a-\u231b\u2328\u23cf"
    "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa-\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf"
    "\u27f0-\u27ff\u2900-\u297f\u2b00-\u2bff\u3030\u303d\u3297\u3299\ufe00-\ufe0f"
)
_EMOJI_RANGES = _EMOJI_BMP + (  # ... and above it
    "\U00013000-\U0001343f\U0001f000-\U0001faff\U0001fc00-\U0001fffd\U000e0020-\U000e007f"
)
_GLOSS_CANDIDATE = _PINYIN_GLOSS.replace(r"(?<=[\p{Han}?\ufffd_!])", "", 1)
# The two alternatives of _NOISE, scanned apart. Exact: a gloss holds only '(',
# ')' and pinyin letters, an emoji match only '#', '*' and emoji characters, and
# no character is in both sets, so no match of one kind can start inside or
# overlap a match of the other, and _NOISE's matches are the union of both
# scans in text order. Apart, each scan is fast: the gloss starts with a literal
# '(' (the engine jumps from '(' to '('), and without a keycap ('#*' + U+20E3)
# the emoji alternative is a single class, which the engine also scans for.
_GLOSS_FAST = re.compile(_GLOSS_CANDIDATE)
_EMOJI_FAST = re.compile(rf"{_KEYCAP}|[{_EMOJI_RANGES}]+")
_EMOJI_RUN = re.compile(rf"[{_EMOJI_RANGES}]+")  # _EMOJI_FAST on a text without U+20E3
# a BMP emoji or any astral character: a single class over the BMP is a table lookup per character
_EMOJI_PRESENT = re.compile(rf"[{_EMOJI_BMP}]|[\U00010000-\U0010ffff]")
# what may stand right before a gloss: [\p{Han}?\ufffd_!] (_ and ! end mojibake runs: "?!缎吓_(tái)").
# \p{Han} of the `regex` module as code point ranges, for the stdlib engine (a `regex` call
# per gloss cost ~1 us; tests/test_perf_frame.py checks the ranges against \p{Han}).
_HAN_RANGES = (
    "\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"
    "\U00020000-\U0002a6df\U0002a700-\U0002b81e\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
    "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479"
)
_GLOSS_HOST = re.compile(rf"[{_HAN_RANGES}?\ufffd_!]")
_WIDE = {chr(k): chr(v) for k, v in _WIDTH.items() if k != v}
_WIDE_CLASS = re.compile("[" + "".join(map(re.escape, sorted(_WIDE))) + "]")
_FEW = 16  # up to this many kinds of wide characters, str.replace beats str.translate


def _fold_width(text: str, present: AbstractSet[str] | None = None) -> str:
    """``text.translate(_WIDTH)``; no value of ``_WIDE`` is a key, so replacing one kind at a time is the same.

    ``present``, if given, is a superset of the characters of ``text``; without it the
    kinds of wide characters come from one class scan (cheaper than a set of the text).
    """
    kinds = set(_WIDE_CLASS.findall(text)) if present is None else _WIDE.keys() & present
    if len(kinds) > _FEW:
        return text.translate(_WIDTH)
    for ch in kinds:
        text = text.replace(ch, _WIDE[ch])
    return text


# Markup a scraper left in the text: tags and character entities. Each match is deleted but for
# its last character (``;`` or ``>``), which stands in for what the markup meant: a space for
# ``&nbsp;``, a quotation mark for ``&ldquo;``, a line break for a block tag (``<p>``, ``<br>``).
# Inline tags (``<span …>``, ``</a>``) are deleted whole. A ``<`` not followed by a letter or
# ``/letter`` (``<<国家>>`` in place of 《》, ``a<b``) is no tag.
_MARKUP = re.compile(
    r"</?(?P<tag>[a-zA-Z][a-zA-Z0-9]{0,9})(?:\s[^<>\n]{0,400})?/?>"
    r"|&(?P<entity>[a-zA-Z]{2,8}|#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5});"
)
_ENTITIES = {
    "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
    "rsquo": "’", "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "quot": '"', "amp": "&",
    "lt": "<", "gt": ">", "apos": "'", "times": "×", "laquo": "«", "raquo": "»",
}
_BLOCK_TAGS = frozenset(
    "p br div li ul ol tr td th table h1 h2 h3 h4 h5 h6 section article header footer blockquote hr".split()
)


def _markup_char(m: re.Match[str]) -> str | None:
    """What a markup match leaves in the clean text (one character), "" for nothing, None for no markup."""
    tag = m.group("tag")
    if tag is not None:
        return "\n" if tag.lower() in _BLOCK_TAGS else ""
    name = m.group("entity")
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        return chr(code) if 0x20 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else None
    return _ENTITIES.get(name.lower())


def _markup(original: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    """Deletions ``(start, end, "markup")`` for the markup in ``original``, and the characters that
    stand in for some of it: ``(original position, character)`` of each kept last character."""
    cuts: list[tuple[int, int, str]] = []
    keep: list[tuple[int, str]] = []
    for m in _MARKUP.finditer(original):
        ch = _markup_char(m)
        if ch is None:
            continue
        if ch:
            if m.end() - 1 > m.start():
                cuts.append((m.start(), m.end() - 1, "markup"))
            keep.append((m.end() - 1, ch))
        else:
            cuts.append((m.start(), m.end(), "markup"))
    return cuts, keep


# Page labels in GBK mojibake: a page template stored in UTF-8 and read as GBK turns 来源： into
# 鏉ユ簮锛? (each three-byte character becomes one and a half). The labels are data; their mojibake
# forms are generated here, a byte the decoder refused standing as '?' or U+FFFD (one or two of them;
# optional at the end, where the byte may have joined the next character instead).
_LOST = "?\ufffd"


@lru_cache(maxsize=1)
def _mojibake_labels() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(a class of the forms' first characters, the forms longest first, form without lost marks -> label)."""
    data = (resources.files("regevents") / "data" / "page_labels.txt").read_text(encoding="utf-8")
    by_key: dict[str, str] = {}
    sources: list[str] = []
    for label in data.split("\n"):
        if not label or label.startswith("#"):
            continue
        form = label.encode("utf-8").decode("gbk", errors="replace")
        key = form.replace("\ufffd", "")
        if len(key) < len(label) or key in by_key:
            continue  # too short to stand for the label char by char, or the form of another label
        by_key[key] = label
        parts = re.split("(\ufffd+)", form)
        src = ""
        for i, part in enumerate(parts):
            if not part.startswith("\ufffd"):
                src += re.escape(part)
            else:
                src += f"[{_LOST}]{{{0 if i == len(parts) - 2 and not parts[-1] else 1},2}}"
        sources.append(src)
    sources.sort(key=len, reverse=True)
    firsts = sorted({by_key_form[0] for by_key_form in by_key})
    return re.compile("[" + "".join(firsts) + "]"), re.compile("|".join(sources)), by_key


def _label_repairs(original: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    """Deletions ``(start, end, "mojibake")`` and stand-ins ``(position, character)`` that write each
    mojibake page label back: its first characters other than lost marks stand for the label's
    characters one for one, the rest of the form is deleted."""
    first, forms, by_key = _mojibake_labels()
    if first.search(original) is None:
        return [], []
    cuts: list[tuple[int, int, str]] = []
    keep: list[tuple[int, str]] = []
    for m in forms.finditer(original):
        label = by_key[m.group().replace("?", "").replace("\ufffd", "")]
        kept = 0
        for i in range(m.start(), m.end()):
            if kept < len(label) and original[i] not in _LOST:
                keep.append((i, label[kept]))
                kept += 1
            elif cuts and cuts[-1][1] == i:
                cuts[-1] = (cuts[-1][0], i + 1, "mojibake")
            else:
                cuts.append((i, i + 1, "mojibake"))
    return cuts, keep


# Invisible format characters: U+200B/U+200C zero-width (non-)joiner and space, U+200E/U+200F direction
# marks, U+2060 word joiner, U+FEFF BOM (also inside a text pasted together), U+00AD soft hyphen.
# (U+200D, the zero-width joiner, goes with the emoji it joins.) None of them is an emoji, gloss or
# markup character, so their matches never touch those kinds'.
_INVISIBLE = re.compile("[\u200b\u200c\u200e\u200f\u2060\ufeff\u00ad]+")


# Fixed-width text (a PDF e-paper page): lines cut at one width whatever the words, so names and
# posts break across lines (庞\n立新, 市委副\n书记). Such a page shows it in its line lengths: many
# lines within one character of the commonest length. A full line's break is dropped when the next
# line goes on with the paragraph (no indent opens it) and the full line does not end a sentence.
_WRAP_MIN_LINES = 8  # full lines a page needs to count as laid out at a fixed width ...
_WRAP_SHARE = 0.4  # ... and their share of the lines long enough to be text
_WRAP_TEXT_LINE = 8  # a line this long or longer is text, not a page number or a label
_WRAP_ENDS = "。!?;！？；"


def _soft_wraps(original: str) -> list[tuple[int, int, str]]:
    """Deletions ``(start, end, "wrap")`` of the line breaks inside paragraphs of a fixed-width text."""
    if original.count("\n") < _WRAP_MIN_LINES:
        return []
    lines = original.split("\n")
    widths = [len(ln.rstrip("\r")) for ln in lines]
    text_widths = [w for w, ln in zip(widths, lines) if w >= _WRAP_TEXT_LINE and ln.strip()]
    if len(text_widths) < _WRAP_MIN_LINES:
        return []
    common = max(set(text_widths), key=text_widths.count)
    full = sum(1 for w in text_widths if abs(w - common) <= 1)
    if full < _WRAP_MIN_LINES or full < _WRAP_SHARE * len(text_widths):
        return []
    cuts: list[tuple[int, int, str]] = []
    pos = 0
    for i, ln in enumerate(lines[:-1]):
        body = ln.rstrip("\r")
        nxt = lines[i + 1]
        end = pos + len(ln)  # the "\n" after the line
        if (
            abs(len(body) - common) <= 1
            and body.strip()
            and body[-1] not in _WRAP_ENDS
            and nxt.strip()
            and not nxt[0].isspace()
            and not nxt.strip().isdigit()  # a page number under the page's last line
        ):
            cuts.append((pos + len(body), end + 1, "wrap"))
        pos = end + 1
    return cuts


def _invisible(original: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "invisible") for m in _INVISIBLE.finditer(original)]


def _noise(original: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of every match of ``_NOISE`` in ``original``, in text order."""
    found: list[tuple[int, int, str]] = []
    if "(" in original:
        # what _NOISE's lookbehind refuses: a gloss not right after a Han character or '?'
        found = [
            (m.start(), m.end(), "pinyin")
            for m in _GLOSS_FAST.finditer(original)
            if m.start() and _is_gloss_host(original[m.start() - 1])
        ]
    first = _EMOJI_PRESENT.search(original)  # every emoji match holds a BMP emoji or an astral character
    if first is not None:
        scan = _EMOJI_FAST if "\u20e3" in original else _EMOJI_RUN
        emoji = [(m.start(), m.end(), "emoji") for m in scan.finditer(original, max(first.start() - 2, 0))]
        if emoji:
            found = sorted(found + emoji) if found else emoji
    return found


def _is_gloss_host(ch: str) -> bool:
    """``_GLOSS_HOST.fullmatch(ch)``: the common CJK block by comparison, the rest by class."""
    return "\u4e00" <= ch <= "\u9fff" or _GLOSS_HOST.match(ch) is not None


class Removal(NamedTuple):
    """A stretch of the original input that is absent from the clean text.

    A named tuple rather than a frozen dataclass: a noisy page makes hundreds,
    and a tuple is several times cheaper to build.
    """

    start: int
    end: int
    kind: str  # "pinyin" | "emoji" | "markup" | "mojibake" | "invisible" | "wrap"


@dataclass
class CleanText:
    """The cleaned text and the way back to the original offsets."""

    original: str
    text: str
    removed: list[Removal] = field(default_factory=list)
    damaged: list[tuple[int, int]] = field(default_factory=list)  # clean ranges
    # offset map: clean positions where a deletion happened, and the total shift from there on
    _cut_at: list[int] = field(default_factory=list, repr=False)
    _shift: list[int] = field(default_factory=list, repr=False)

    def to_original(self, i: int) -> int:
        """Original offset of clean character ``i`` (``len(text)`` maps to ``len(original)``)."""
        if i >= len(self.text):
            return len(self.original) if i == len(self.text) else i + (self._shift[-1] if self._shift else 0)
        j = bisect.bisect_right(self._cut_at, i) - 1
        return i + (self._shift[j] if j >= 0 else 0)

    def orig_range(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering clean ``[start, end)``; end excludes trailing deletions."""
        if not self._cut_at:
            # nothing deleted (most articles): every clean offset is its original offset
            # (the other steps keep the length, so len(text) == len(original) too)
            return (start, end) if end > start else (start, start)
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1

    def span(self, start: int, end: int) -> Span:
        """Evidence for clean ``[start, end)``. Built without re-validation: the text
        is the original's own slice, so the model's invariant holds by construction
        (and the span is on the hot path of every extractor)."""
        s, e = self.orig_range(start, end)
        return trusted_span(s, e, self.original[s:e])

    def is_damaged(self, start: int, end: int) -> bool:
        # `damaged` is sorted and non-overlapping: the first range ending after
        # `start` is the only candidate (a bisection, as extractors ask per hit)
        j = bisect.bisect_right(self.damaged, start, key=lambda r: r[1])
        return j < len(self.damaged) and self.damaged[j][0] < end


class _Covered:
    """Sorted disjoint ranges, asked whether a range overlaps any of them."""

    def __init__(self, ranges: list[tuple[int, int, str]]) -> None:
        self._starts = [a for a, _, _ in ranges]
        self._ends = [b for _, b, _ in ranges]

    def overlaps(self, a: int, b: int) -> bool:
        j = bisect.bisect_right(self._starts, b - 1) - 1
        return j >= 0 and self._ends[j] > a


def _put_stand_ins(kept: str, stand_ins: list[tuple[int, str]], found: list[tuple[int, int, str]]) -> str:
    """``kept`` with each markup's kept last character replaced by what it stands for; positions are
    moved from the original to ``kept`` by the deletions before them (one character for one: the
    length, and so the offset map, is unchanged)."""
    starts = [s for s, _, _ in found]
    before = list(accumulate(e - s for s, e, _ in found))
    chars = list(kept)
    for pos, ch in stand_ins:
        j = bisect.bisect_right(starts, pos) - 1
        chars[pos - (before[j] if j >= 0 else 0)] = ch
    return "".join(chars)


def normalize(original: str) -> CleanText:
    """Clean ``original`` (see the module docstring). Pure; never raises on a str."""
    found = _noise(original)
    stand_ins: list[tuple[int, str]] = []
    if ("<" in original or "&" in original) and _MARKUP.search(original) is not None:
        cuts, stand_ins = _markup(original)
        if cuts:
            inside = _Covered(cuts)
            found = sorted(cuts + [f for f in found if not inside.overlaps(f[0], f[1])])
    hidden = _invisible(original) + _soft_wraps(original)
    if hidden:
        found = sorted(found + hidden)
    label_cuts, label_chars = _label_repairs(original)
    if label_chars:
        # a label form holds no emoji, gloss or markup character: its cuts overlap none of theirs
        found = sorted(found + label_cuts)
        stand_ins = sorted(stand_ins + label_chars)
    removed = list(map(Removal._make, found))  # both alternatives are named: kind is never None
    # Whole-list steps rather than one Python step per match: a noisy 5 MB page has 10^5 of them.
    deleted = list(accumulate(e - s for s, e, _ in found))
    clean_at = [s - d + (e - s) for (s, e, _), d in zip(found, deleted)]  # clean position of each cut
    # several cuts at one clean position (an emoji right after a gloss) keep the last total
    offsets = dict(zip(clean_at, deleted))
    cut_at, shift = list(offsets), list(offsets.values())
    glossed_q = [c - 1 for (s, _, k), c in zip(found, clean_at) if k == "pinyin" and c and original[s - 1] == "?"]
    if found:
        bounds = zip([0, *(e for _, e, _ in found)], [*(s for s, _, _ in found), len(original)])
        kept = "".join([original[a:b] for a, b in bounds])
    else:
        kept = original

    damaged: list[tuple[int, int]] = []
    if "?" in kept or DAMAGE in kept:
        marks = [m.span() for m in _DAMAGE_RE.finditer(kept)]
        marks += [(i, i + 1) for i in glossed_q if kept[i] == "?"]
        for s, e in sorted(set(marks)):
            if damaged and s < damaged[-1][1]:
                continue
            damaged.append((s, e))
        if damaged:
            out: list[str] = []
            prev = 0
            for s, e in damaged:
                out += (kept[prev:s], DAMAGE * (e - s))
                prev = e
            out.append(kept[prev:])
            kept = "".join(out)

    if stand_ins:
        kept = _put_stand_ins(kept, stand_ins, found)
    text = to_simplified(_fold_width(kept))
    return CleanText(original, text, removed, damaged, cut_at, shift)
