"""regevents.scale: partition functions without Dask, and the docs/scaling.md recipe with Dask (if installed)."""
from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from regevents.batch import Result
from regevents.scale import merge_summaries, parse_jsonl_partition, parse_partition, summarize_partition

ROOT = Path(__file__).resolve().parent.parent
SHORT = "5月22日,长三角地区主要领导座谈会在安徽芜湖召开。"
SHORT2 = "湖北日报讯 9月10日上午,长江中游城市群省会城市会商会在武汉举行。"


def test_parse_partition_keeps_every_record():
    records = [
        {"id": "a", "text": SHORT, "published": "2019-05-24"},
        SHORT2,
        {"id": "b", "text": b"bytes are not text"},
        {"text": SHORT},
        42,
    ]
    out = parse_partition(records)
    assert len(out) == len(records)
    for r in out:
        Result.model_validate(r)
    assert [r["ok"] for r in out] == [True, True, False, True, False]
    assert out[0]["id"] == "a" and out[0]["article"]["source"]["published"] == "2019-05-24"
    assert re.fullmatch(r"sha1:[0-9a-f]{16}", out[1]["id"])
    assert out[2]["error"]["stage"] == "input" and "bytes" in out[2]["error"]["message"]
    assert out[3]["id"] == parse_partition([{"text": SHORT}])[0]["id"]  # stable ids without an id field


def test_parse_partition_default_published():
    [r] = parse_partition([{"id": "a", "text": "会议在芜湖召开。"}], published="2024-07-30")
    assert r["article"]["source"]["published"] == "2024-07-30"


def test_parse_jsonl_partition_keeps_broken_lines():
    lines = [
        json.dumps({"id": "a", "text": SHORT}, ensure_ascii=False) + "\n",
        "\n",
        "{broken\n",
        json.dumps({"id": "c", "text": None}) + "\n",
        json.dumps({"text": SHORT2}, ensure_ascii=False).encode("utf-8"),
        b"\xff\xfe\n",
    ]
    out = parse_jsonl_partition(lines)
    assert [r["ok"] for r in out] == [True, False, False, True, False]
    assert out[1]["error"]["type"] == "JSONDecodeError" and out[1]["id"].startswith("sha1:")
    assert out[2]["id"] == "c" and out[2]["error"]["message"] == "'text' is of type NoneType, not a string"
    assert out[4]["error"]["stage"] == "read"


def test_summaries_merge():
    part1 = parse_jsonl_partition([json.dumps({"id": "a", "text": SHORT}, ensure_ascii=False), "nope"])
    part2 = parse_partition([{"id": "b", "text": SHORT2}])
    total = merge_summaries([summarize_partition(part1), summarize_partition(part2)])
    assert (total["articles"], total["ok"], total["failed"]) == (3, 2, 1)
    assert [f["stage"] for f in total["failures"]] == ["read"]
    assert set(total["records"]) == {"meetings", "attendees", "documents", "goals"}


def test_functions_pickle():
    for fn in (parse_partition, parse_jsonl_partition, summarize_partition, merge_summaries):
        assert pickle.loads(pickle.dumps(fn)) is fn


def recipe() -> str:
    doc = (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
    block = doc.split("<!-- recipe:dask -->", 1)[1].split("<!-- /recipe -->", 1)[0]
    return block.split("```python", 1)[1].rsplit("```", 1)[0]


def test_docs_recipe_runs_on_dask(tmp_path, monkeypatch, capsys):
    pytest.importorskip("dask.bag")
    import dask

    (tmp_path / "articles").mkdir()
    rows = [
        json.dumps({"id": "a", "text": SHORT}, ensure_ascii=False),
        "this line is not JSON",
        json.dumps({"id": "b", "text": SHORT2, "published": "2019-09-10"}, ensure_ascii=False),
    ]
    (tmp_path / "articles" / "part-0.jsonl").write_text("\n".join(rows[:2]) + "\n", encoding="utf-8")
    (tmp_path / "articles" / "part-1.jsonl").write_text(rows[2] + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with dask.config.set(scheduler="synchronous"):
        scope: dict = {}
        exec(compile(recipe(), "docs/scaling.md", "exec"), scope)
    summary = scope["summary"]
    assert (summary["articles"], summary["ok"], summary["failed"]) == (3, 2, 1)
    written = [json.loads(line) for f in sorted((tmp_path / "parsed").glob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()]
    assert [r["ok"] for r in written] == [True, False, True]
    assert written[2]["article"]["source"]["published"] == "2019-09-10"
    assert "3 articles, 1 failed" in capsys.readouterr().out
