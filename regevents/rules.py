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
process (the loader is cached), each on its first use, and a provider's placeholder
expansions are built only for the placeholders a file uses.

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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
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
    template: str  # the pattern as the file writes it, placeholders not yet expanded
    match: tuple[str, ...]
    no_match: tuple[str, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    file: str = ""  # the rule file, for messages
    words: "_Words | None" = field(default=None, repr=False, compare=False)  # the file's placeholders

    @cached_property
    def source(self) -> str:
        """The pattern with its placeholders expanded (on first use: the place names of {PLACE}
        are a 15 k-character source that most parses never need)."""
        return self.words.expand(self.template) if self.words is not None else self.template

    @cached_property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled pattern, compiled on first use: a rule a parse never reaches (an
        enumeration of thousands of place names, ~0.35 s to compile) costs nothing."""
        try:
            return regex.compile(self.source)
        except regex.error as exc:
            raise ValueError(f"{self.file}{RULE_SUFFIX}: rule {self.name!r} does not compile: {exc}") from exc

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


def read_rule_file(name: str) -> dict[str, Any]:
    """The raw JSON of ``data/<name>.rules.json``."""
    ref = resources.files("regevents") / "data" / f"{name}{RULE_SUFFIX}"
    return json.loads(ref.read_text(encoding="utf-8"))


def rule_file_names() -> list[str]:
    folder = resources.files("regevents") / "data"
    return sorted(p.name[: -len(RULE_SUFFIX)] for p in folder.iterdir() if p.name.endswith(RULE_SUFFIX))


_ROUNDS = 3  # file-level vocab entries may refer to each other / to the provider's, this deep


class _Words:
    """A rule file's placeholder expansions, computed on demand.

    What it gives is defined eagerly: ``words = dict(own); words.update(provided)``; then
    ``_ROUNDS`` times every entry is expanded with the previous round's entries; then each
    pattern once with the last round's. Expanding a text replaces ``{KEY}`` by the entry for
    every key in ``words``' order. Here an entry is looked up (and a provider builds it) only
    when its placeholder occurs in the text at that point: replacing an absent placeholder
    changes nothing, so the text is the same.
    """

    def __init__(self, own: dict[str, str], provided: Mapping[str, str]) -> None:
        self._keys = list(own) + [k for k in provided if k not in own]  # dict(own).update(provided) order
        self._own = own
        self._provided = provided
        self._memo: list[dict[str, str]] = [{} for _ in range(_ROUNDS + 1)]

    def _value(self, key: str, rounds: int) -> str:
        memo = self._memo[rounds]
        if key not in memo:
            if rounds == 0:
                memo[key] = self._provided[key] if key in self._provided else self._own[key]
            else:
                memo[key] = self._expand(self._value(key, rounds - 1), rounds - 1)
        return memo[key]

    def _expand(self, text: str, rounds: int) -> str:
        for key in self._keys:
            token = "{" + key + "}"
            if token in text:
                text = text.replace(token, self._value(key, rounds))
        return text

    def expand(self, pattern: str) -> str:
        """The pattern with the fully expanded entries put in."""
        return self._expand(pattern, _ROUNDS)


def compile_rules(name: str, vocab: Mapping[str, str] | None = None) -> dict[str, Rule]:
    """The rules of one file, placeholders expanded from ``vocab`` and the file's own ``vocab``.

    Each rule's placeholders are expanded and its pattern compiled when first used
    (:attr:`Rule.source`, :attr:`Rule.pattern`); a pattern that does not compile raises
    ``ValueError`` then (``tests/test_rules.py`` compiles them all).
    """
    data = read_rule_file(name)
    words = _Words(dict(data.get("vocab", {})), vocab or {})
    out: dict[str, Rule] = {}
    for item in data["rules"]:
        item = dict(item)
        rname = item.pop("name")
        if rname in out:
            raise ValueError(f"{name}{RULE_SUFFIX}: duplicate rule name {rname!r}")
        out[rname] = Rule(
            name=rname,
            template=item.pop("pattern"),
            match=tuple(item.pop("match", ())),
            no_match=tuple(item.pop("no_match", ())),
            meta=item,
            file=name,
            words=words,
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
    vocab: Mapping[str, str] = {}
    provider = data.get("vocab_provider")
    if provider:
        import importlib

        mod, _, func = provider.partition(":")
        vocab = getattr(importlib.import_module(mod), func)()
    return compile_rules(name, vocab)


def pattern_inventory() -> dict[str, "regex.Pattern[str] | re.Pattern[str]"]:
    """Every compiled pattern of the package, by name, for pattern reviews.

    Module-level patterns of every ``regevents`` module, every rule of every
    rule file, and the patterns compiled on first use (the date grammar).
    Imports every module: meant for ``bench/patterns.py`` and the robustness
    tests, never for the parse path.
    """
    import importlib
    import pkgutil
    import re

    import regevents

    found: dict[str, regex.Pattern[str] | re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(regevents.__path__, "regevents."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for key, value in vars(module).items():
            if isinstance(value, (regex.Pattern, re.Pattern)):
                found.setdefault(f"{info.name}.{key}", value)
    for file in rule_file_names():
        for name, rule in load_rules(file).items():
            found[f"{file}.rules:{name}"] = rule.pattern
    from .dates import date_pattern  # compiled on first use, so not a module attribute

    found["regevents.dates.date_pattern()"] = date_pattern()
    return found


def scan_seconds(pattern: "regex.Pattern[str] | re.Pattern[str]", text: str, budget: float | None = None) -> float:
    """Seconds ``finditer`` takes over ``text``; ``inf`` when a ``regex`` pattern runs past ``budget``.

    The timer of the pattern reviews (``bench/patterns.py``, the robustness tests): a
    catastrophic pattern costs ``budget`` instead of hanging the review. Stdlib ``re``
    patterns have no timeout and always run to the end."""
    import time

    t = time.perf_counter()
    try:
        if budget is not None and isinstance(pattern, regex.Pattern):
            for _ in pattern.finditer(text, timeout=budget):
                pass
        else:
            for _ in pattern.finditer(text):
                pass
    except TimeoutError:
        return float("inf")
    return time.perf_counter() - t
