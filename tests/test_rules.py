"""Every rule file's examples: each rule finds what it must and nothing it must not."""
from __future__ import annotations

import pytest

from regevents.rules import load_rules, rule_file_names

CASES = [
    (file, name, kind, example)
    for file in rule_file_names()
    for name, rule in load_rules(file).items()
    for kind, examples in (("match", rule.match), ("no_match", rule.no_match))
    for example in examples
]


def test_every_rule_has_evidence():
    for file in rule_file_names():
        for name, rule in load_rules(file).items():
            assert rule.match, f"{file}:{name} has no example it must match"
            assert rule.no_match, f"{file}:{name} has no example it must not match"


@pytest.mark.parametrize("file,name,kind,example", CASES, ids=[f"{c[0]}:{c[1]}:{c[2]}:{i}" for i, c in enumerate(CASES)])
def test_rule_example(file, name, kind, example):
    rule = load_rules(file)[name]
    found = rule.search(example)
    if kind == "match":
        assert found, f"{file}:{name} must match {example!r}"
    else:
        assert not found, f"{file}:{name} must not match {example!r} (matched {found.group()!r})"
