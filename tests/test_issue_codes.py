"""The issue-code registry and docs/issues.md say the same thing, code for code."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from regevents.issues import REGISTRY, codes, make
from regevents.models import Issue

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "issues.md"
HEADING = regex.compile(r"^### `(?P<code>[a-z_]+)` — (?P<severity>error|warning|info)\s*$", regex.M)


def documented() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for m in HEADING.finditer(text):
        assert m["code"] not in found, f"{m['code']} documented twice"
        found[m["code"]] = m["severity"]
    return found


def sections() -> dict[str, str]:
    """Code -> the text of its section in docs/issues.md."""
    text = DOC.read_text(encoding="utf-8")
    heads = list(HEADING.finditer(text))
    out = {}
    for m, nxt in zip(heads, [*heads[1:], None]):
        end = nxt.start() if nxt else len(text)
        out[m["code"]] = text[m.end() : end]
    return out


def test_every_registered_code_is_documented():
    missing = set(REGISTRY) - set(documented())
    assert not missing, f"codes without a section in docs/issues.md: {sorted(missing)}"


def test_every_documented_code_is_registered():
    unknown = set(documented()) - set(REGISTRY)
    assert not unknown, f"docs/issues.md documents unregistered codes: {sorted(unknown)}"


def test_documented_severity_matches_the_registry():
    for code, severity in documented().items():
        assert REGISTRY[code].severity == severity, code


@pytest.mark.parametrize("code", codes())
def test_every_section_has_an_example(code):
    body = sections()[code]
    assert "Example" in body, f"{code}: its section has no example"
    assert REGISTRY[code].example, f"{code}: no example in the registry"


def test_codes_are_stable_snake_case():
    for code in REGISTRY:
        assert regex.fullmatch(r"[a-z]+(?:_[a-z]+)*", code), code


def test_make_refuses_an_unregistered_code():
    with pytest.raises(KeyError):
        make("no_such_code")


def test_make_fills_the_template_and_dedups():
    issue = make("duplicate_id", ["m1", "m1"], id="m1")
    assert isinstance(issue, Issue)
    assert issue.refs == ["m1"] and "'m1'" in issue.message and issue.severity == "error"


def test_every_code_the_package_emits_is_registered():
    emitted: set[str] = set()
    for path in (ROOT / "regevents").rglob("*.py"):
        emitted.update(regex.findall(r'make\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert emitted, "no make(...) calls found"
    assert emitted <= set(REGISTRY), sorted(emitted - set(REGISTRY))
    # and every registered code is emitted somewhere
    assert set(REGISTRY) <= emitted, sorted(set(REGISTRY) - emitted)
