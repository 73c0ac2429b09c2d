"""Rules as data beside their evidence.

A rule file is ``regevents/data/<name>.rules.json``: a JSON object whose
``rules`` list holds objects with

* ``name``: unique inside the file, used in ``Meeting.rule`` etc. so a record
  says which rule produced it;
* ``pattern``: a ``regex`` pattern (VERBOSE flag off, ``(?x)`` allowed inline).
  ``{PLACE}``-style placeholders are expanded from the file's ``vocab`` map or
  from vocabularies the caller passes to :func:`load_rules`;
* ``match``: examples the pattern must find (``search``);
* ``no_match``: examples it must not find;
* any other keys are kept in :attr:`Rule.meta` for the stage that uses it.

``tests/test_rules.py`` loads every rule file and runs all examples, in the
spirit of Duckling's ``Rules.hs`` + ``Corpus.hs``. Patterns are compiled once per
process (the loader is cached).

Safety net against catastrophic backtracking: :meth:`Rule.search` and
:meth:`Rule.finditer` over a long range pass the ``regex`` module's ``timeout=``
with a budget far above any linear scan (``TIMEOUT_BASE_S`` plus
``TIMEOUT_PER_CHAR_S`` per character). A rule that exhausts it is treated as
finding nothing more, with a :class:`RegexTimeoutWarning` naming it, so
``parse`` still returns. Ranges under ``TIMEOUT_MIN_CHARS`` (lines, windows,
a whole typical article) go without: the timeout costs a few microseconds per
call and about 30% of a long scan's time, and there the defence is the pattern
review in ``tests/test_robustness.py`` (every pattern run over adversarial runs).
"""
from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

RULE_SUFFIX = ".rules.json"

TIMEOUT_MIN_CHARS = 10_000  # ranges at least this long get a timeout (a typical article is shorter)
TIMEOUT_BASE_S = 0.5
TIMEOUT_PER_CHAR_S = 5e-6  # ~20x the slowest rule's linear scan


class RegexTimeoutWarning(RuntimeWarning):
    """A rule ran out of its time budget; it was treated as matching nothing more."""


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: regex.Pattern[str]
    match: tuple[str, ...]
    no_match: tuple[str, ...]
    meta: dict[str, Any] = field(default_factory=dict)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        end = len(text) if endpos is None else endpos
        if end - pos < TIMEOUT_MIN_CHARS:
            return self.pattern.search(text, pos, end)
        try:
            return self.pattern.search(text, pos, end, timeout=_budget(end - pos))
        except TimeoutError:
            self._gave_up(end - pos)
            return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        end = len(text) if endpos is None else endpos
        if end - pos < TIMEOUT_MIN_CHARS:
            return self.pattern.finditer(text, pos, end)
        return self._finditer_guarded(text, pos, end)

    def _finditer_guarded(self, text: str, pos: int, end: int) -> Iterator[regex.Match[str]]:
        try:
            # the budget counts the engine's time over the whole iteration, not the caller's
            yield from self.pattern.finditer(text, pos, end, timeout=_budget(end - pos))
        except TimeoutError:
            self._gave_up(end - pos)

    def _gave_up(self, n: int) -> None:
        warnings.warn(
            f"rule {self.name!r} exceeded its {_budget(n):.3g} s budget on {n} characters "
            "(catastrophic backtracking?): treated as matching nothing more",
            RegexTimeoutWarning,
            stacklevel=3,
        )


def _budget(n: int) -> float:
    return TIMEOUT_BASE_S + n * TIMEOUT_PER_CHAR_S


def _expand(pattern: str, vocab: dict[str, str]) -> str:
    for key, value in vocab.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


def read_rule_file(name: str) -> dict[str, Any]:
    """The raw JSON of ``data/<name>.rules.json``."""
    ref = resources.files("regevents") / "data" / f"{name}{RULE_SUFFIX}"
    return json.loads(ref.read_text(encoding="utf-8"))


def rule_file_names() -> list[str]:
    folder = resources.files("regevents") / "data"
    return sorted(p.name[: -len(RULE_SUFFIX)] for p in folder.iterdir() if p.name.endswith(RULE_SUFFIX))


def compile_rules(name: str, vocab: dict[str, str] | None = None) -> dict[str, Rule]:
    """Compile the rules of one file, placeholders expanded from ``vocab`` and the file's own ``vocab``."""
    data = read_rule_file(name)
    words: dict[str, str] = dict(data.get("vocab", {}))
    words.update(vocab or {})
    # let file-level vocab entries refer to each other / to caller vocab
    for _ in range(3):
        words = {k: _expand(v, words) for k, v in words.items()}
    out: dict[str, Rule] = {}
    for item in data["rules"]:
        item = dict(item)
        rname = item.pop("name")
        if rname in out:
            raise ValueError(f"{name}{RULE_SUFFIX}: duplicate rule name {rname!r}")
        pat = _expand(item.pop("pattern"), words)
        try:
            compiled = regex.compile(pat)
        except regex.error as exc:
            raise ValueError(f"{name}{RULE_SUFFIX}: rule {rname!r} does not compile: {exc}") from exc
        out[rname] = Rule(
            name=rname,
            pattern=compiled,
            match=tuple(item.pop("match", ())),
            no_match=tuple(item.pop("no_match", ())),
            meta=item,
        )
    return out


@lru_cache(maxsize=None)
def load_rules(name: str) -> dict[str, Rule]:
    """Compiled rules of ``data/<name>.rules.json`` (cached).

    A file may name a ``vocab_provider`` (``"module:function"``) returning a
    ``dict[str, str]`` of placeholder expansions built from the gazetteers, e.g.
    ``{"PLACE": "(?:上海|江苏|...)"}``.
    """
    data = read_rule_file(name)
    vocab: dict[str, str] = {}
    provider = data.get("vocab_provider")
    if provider:
        import importlib

        mod, _, func = provider.partition(":")
        vocab = getattr(importlib.import_module(mod), func)()
    return compile_rules(name, vocab)
