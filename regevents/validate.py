"""Validation layer: what is wrong or worth a look in an article, reported as data.

Two entry points:

* :func:`check` runs on every parse (``pipeline.py``) and on every article
  :func:`validate` could build: dates, roles, cross-references, grounding;
* :func:`validate` takes JSON produced elsewhere or edited by hand (a dict,
  JSON text or bytes, or an :class:`Article`), reads it through the models
  (:mod:`regevents.checks_structure`), reports what is broken instead of
  raising, and then runs :func:`check` on the sound part.

Every issue is built from the registry in :mod:`regevents.issues` (codes are
documented in ``docs/issues.md``). The checks are pure functions of the
article and the optional original text; a content problem never raises. Each
check runs on its own, so a bug in one is reported as a ``check_failed`` issue
naming it, and the others still run.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .checks_context import Context
from .checks_dates import check_dates
from .checks_grounding import check_grounding
from .checks_refs import check_refs
from .checks_roles import check_roles
from .checks_structure import decode, load, reference_issues
from .issues import make
from .models import Article, Issue
from .normalize import CleanText
from .zones import Zoning

__all__ = ["CHECKS", "check", "validate"]

CHECKS: tuple[tuple[str, Callable[[Context], list[Issue]]], ...] = (
    ("references", lambda ctx: reference_issues(ctx.article)),
    ("dates", check_dates),
    ("roles", check_roles),
    ("cross-reference", check_refs),
    ("grounding", check_grounding),
)


def check(
    article: Article,
    original: str | None = None,
    *,
    clean: CleanText | None = None,
    zoning: Zoning | None = None,
) -> list[Issue]:
    """Content checks of an article; ``original`` is the text it was parsed from, if known.

    The pipeline passes the ``clean`` text and its ``zoning`` it already has, so
    the checks that read the text do not normalise it a second time.

    Returns the issues, errors first, then warnings, then info. Never raises on
    content; a non-Article or a non-str ``original`` is API misuse (TypeError).
    """
    if not isinstance(article, Article):
        raise TypeError(f"check() needs an Article, not {type(article).__name__}")
    if original is not None and not isinstance(original, str):
        raise TypeError(f"original must be str or None, not {type(original).__name__}")
    ctx = Context(article, original)
    if original is not None and clean is not None and clean.original is original:
        ctx.__dict__["clean"] = clean  # prefill the cached properties
        if zoning is not None:
            ctx.__dict__["zoning"] = zoning
    issues: list[Issue] = []
    for name, run in CHECKS:
        try:
            issues.extend(run(ctx))
        except Exception as exc:  # noqa: BLE001 - reported as data, see the module docstring
            issues.append(make("check_failed", check=name, detail=f"{type(exc).__name__}: {exc}"[:200]))
    return _ordered(issues)


_RANK = {"error": 0, "warning": 1, "info": 2}


def _ordered(issues: list[Issue]) -> list[Issue]:
    """The issues without repeats (compared by their JSON), errors first, then warnings, then info."""
    if len(issues) < 2:
        return list(issues)  # nothing to repeat or reorder: no JSON to write
    seen: set[str] = set()
    unique: list[Issue] = []
    for issue in issues:
        key = issue.model_dump_json()
        if key not in seen:
            seen.add(key)
            unique.append(issue)
    return sorted(unique, key=lambda i: _RANK[i.severity])


def validate(data: Any, text: str | None = None) -> list[Issue]:
    """Check an article stored as JSON (or built elsewhere) and return its issues.

    ``data`` is a dict, JSON ``str``/``bytes`` or an :class:`Article`. Broken
    structure (a missing field, a bad EDTF date, a span whose text does not fit
    its offsets, a dangling or duplicate id) is reported as issues, never
    raised; the content checks then run on the records that are sound. Pass
    ``text`` (the original article) to also check that every span slices it
    and to run the checks that read the text (speakers, headline, counts).

    The issues already stored in ``data`` are not returned: the result is a
    fresh verdict. Raises ``TypeError`` only for a ``data`` of another type.
    """
    if text is not None and not isinstance(text, str):
        raise TypeError(f"text must be str or None, not {type(text).__name__}")
    if isinstance(data, Article):
        data = data.model_dump(mode="json", warnings=False)
    elif not isinstance(data, (str, bytes, bytearray, Mapping)):
        raise TypeError(
            f"validate() needs a dict, JSON str/bytes or Article, not {type(data).__name__}"
        )
    raw, issues = decode(data)
    if issues:
        return issues
    if not isinstance(raw, Mapping):
        return [make("invalid_structure", where="article", detail=f"the top level must be a JSON object, not {type(raw).__name__}")]
    article, issues = load(raw)
    issues.extend(i for i in check(article, text) if i.code not in _STRUCTURAL)
    return _ordered(issues)


# already reported by load() over the raw ids (a record left out for another reason is not "dangling")
_STRUCTURAL = frozenset({"duplicate_id", "dangling_reference"})
