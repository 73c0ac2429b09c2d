"""The command line: parse (one article, batches, broken inputs, workers), schema, and the batch engine.

Most tests call ``regevents.cli.main`` in-process (fast); one runs the README's
first command as a subprocess. Worker-pool tests use two small articles.
"""
from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import regevents.batch as batch
from regevents.batch import Failure, Progress, Result, Summary, Task, iter_tasks, process, run
from regevents.cli import json_schema, main
from regevents.models import Article

ROOT = Path(__file__).resolve().parent.parent
README_ARTICLE = ROOT / "fixtures" / "texts" / "000_800a12ffd4e27745.txt"
SHORT = "5月22日,长三角地区主要领导座谈会在安徽芜湖召开。"
SHORT2 = "湖北日报讯 9月10日上午,长江中游城市群省会城市会商会在武汉举行。"


def raw_text(path: Path) -> str:
    """The text the CLI parses: the file decoded whole, no newline translation."""
    return path.read_bytes().decode("utf-8")


def assert_spans_slice(article: dict, text: str) -> None:
    def walk(node):
        if isinstance(node, dict):
            if set(node) == {"start", "end", "text"}:
                assert text[node["start"] : node["end"]] == node["text"]
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(article)


def lines_of(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Three articles, one of them not UTF-8, one in a subfolder, plus files that must be ignored."""
    d = tmp_path / "pages"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(SHORT, encoding="utf-8")
    (d / "b.txt").write_bytes("长三角会议在芜湖召开。".encode("gb18030"))  # not UTF-8
    (d / "sub" / "c.txt").write_text(SHORT2, encoding="utf-8")
    (d / "notes.md").write_text("not an article", encoding="utf-8")
    (d / ".hidden.txt").write_text("skipped", encoding="utf-8")
    return d


# --------------------------------------------------------------------------- parse: one article


def test_readme_command_prints_the_article_json():
    result = subprocess.run(
        [sys.executable, "-m", "regevents", "parse", str(README_ARTICLE.relative_to(ROOT))],
        cwd=ROOT, capture_output=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(result.stdout.decode("utf-8"))
    Article.model_validate(data)
    assert data["schema_version"] == "1.0"
    assert_spans_slice(data, raw_text(README_ARTICLE))
    assert result.stdout.startswith(b"{\n  ")  # indented for one article


def test_one_file_prints_the_article(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_bytes(("标题\r\n" + SHORT).encode("utf-8"))  # CRLF kept: offsets index the file as decoded
    assert main(["parse", str(f)]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    Article.model_validate(data)
    assert_spans_slice(data, raw_text(f))
    assert out.err == ""  # no summary or progress for one article


def test_published_option_applies(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("会议在芜湖召开。", encoding="utf-8")
    assert main(["parse", str(f), "--published", "2019-05-24"]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["published"] == "2019-05-24"


def test_bad_published_is_a_usage_error(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(SHORT, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(f), "--published", "someday"])
    assert exc.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SHORT.encode("utf-8")), encoding="utf-8"))
    assert main(["parse", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert_spans_slice(data, SHORT)


def test_stdin_jsonl(monkeypatch, capsys):
    body = json.dumps({"id": "x", "text": SHORT}, ensure_ascii=False) + "\n" + json.dumps({"id": "y", "text": SHORT2}, ensure_ascii=False) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body.encode("utf-8")), encoding="utf-8"))
    assert main(["parse", "-", "--input-format", "jsonl", "-q"]) == 0
    assert [r["id"] for r in lines_of(capsys.readouterr().out)] == ["x", "y"]


def test_one_broken_file_fails_with_its_error(tmp_path, capsys):
    f = tmp_path / "gbk.txt"
    f.write_bytes("会议召开".encode("gb18030"))
    assert main(["parse", str(f)]) == 1
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert data["ok"] is False and data["error"]["stage"] == "read" and data["error"]["type"] == "UnicodeDecodeError"
    assert "--encoding" in data["error"]["message"] and "UnicodeDecodeError" in out.err
    assert main(["parse", str(f), "--encoding", "gb18030"]) == 0
    json.loads(capsys.readouterr().out)


def test_jsonl_flag_forces_result_lines(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(SHORT, encoding="utf-8")
    assert main(["parse", str(f), "--jsonl", "-q"]) == 0
    [line] = lines_of(capsys.readouterr().out)
    Result.model_validate(line)
    assert line["id"] == str(f) and line["ok"] is True and line["error"] is None


# --------------------------------------------------------------------------- parse: batches


def test_folder_with_a_broken_file(folder, capsys):
    code = main(["parse", str(folder)])
    out = capsys.readouterr()
    lines = lines_of(out.out)
    assert [Path(r["id"]).name for r in lines] == ["a.txt", "b.txt", "c.txt"]  # sorted, recursive, only *.txt
    by_name = {Path(r["id"]).name: r for r in lines}
    assert by_name["b.txt"]["ok"] is False and by_name["b.txt"]["article"] is None
    assert by_name["b.txt"]["error"]["stage"] == "read"
    for name in ("a.txt", "c.txt"):
        r = by_name[name]
        assert r["ok"] is True and r["error"] is None
        Article.model_validate(r["article"])
        assert_spans_slice(r["article"], raw_text(Path(r["source"])))
    for line in lines:
        Result.model_validate(line)
    assert code == 1
    assert "articles: 3 (2 ok, 1 failed)" in out.err
    assert "records:" in out.err and "failures: 1" in out.err and "b.txt: read: UnicodeDecodeError" in out.err


def test_jsonl_with_broken_lines(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    rows = [
        json.dumps({"id": "ok1", "text": SHORT, "published": "2019-05-24"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "num", "text": 42}),
        json.dumps({"id": "notext"}),
        "",
        json.dumps(["a list"]),
        json.dumps({"id": "baddate", "text": SHORT, "published": "last week"}, ensure_ascii=False),
        json.dumps({"id": 7, "text": SHORT2}, ensure_ascii=False),
        json.dumps({"text": "会议\ud800召开"}),  # a lone surrogate escape: parsed, written as ASCII JSON
    ]
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary_file = tmp_path / "summary.json"
    assert main(["parse", str(f), "--summary-json", str(summary_file)]) == 1
    out = capsys.readouterr()
    lines = lines_of(out.out)
    assert [r["id"] for r in lines] == ["ok1", f"{f}:2", "num", "notext", f"{f}:6", "baddate", "7", f"{f}:9"]
    assert [r["ok"] for r in lines] == [True, False, False, False, False, False, True, True]
    assert lines[0]["article"]["source"]["published"] == "2019-05-24"
    assert lines[1]["error"]["type"] == "JSONDecodeError" and lines[1]["source"] == f"{f}:2"
    assert lines[2]["error"] == {"stage": "input", "type": "TypeError", "message": "'text' is of type int, not a string", "where": None}
    assert lines[3]["error"]["message"] == "'text' is missing"
    assert lines[5]["error"]["stage"] == "input" and "not a date" in lines[5]["error"]["message"]
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    assert summary["articles"] == 8 and summary["ok"] == 3 and summary["failed"] == 5
    assert set(summary["records"]) == {"meetings", "attendees", "documents", "goals"}
    assert [x["id"] for x in summary["failures"]] == [r["id"] for r in lines if not r["ok"]]


def test_gzipped_jsonl_and_out_file(tmp_path, capsys):
    f = tmp_path / "in.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "text": SHORT}, ensure_ascii=False) + "\n")
    out_file = tmp_path / "out.jsonl"
    assert main(["parse", str(f), "--out", str(out_file), "-q"]) == 0
    assert capsys.readouterr().out == ""
    [line] = lines_of(out_file.read_text(encoding="utf-8"))
    assert line["id"] == "a" and line["ok"]


def test_missing_input_is_a_failed_article(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(SHORT, encoding="utf-8")
    assert main(["parse", str(a), str(tmp_path / "nope.txt"), "-q"]) == 1
    lines = lines_of(capsys.readouterr().out)
    assert [r["ok"] for r in lines] == [True, False]
    assert lines[1]["error"]["type"] == "FileNotFoundError"


def test_empty_folder(tmp_path, capsys):
    assert main(["parse", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert out.out == "" and "no articles found" in out.err


def test_unwritable_out_is_a_usage_error(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text(SHORT, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(a), "--out", str(tmp_path / "no" / "such" / "dir.json")])
    assert exc.value.code == 2


def test_two_workers_give_the_same_output_in_order(folder, capsys):
    assert main(["parse", str(folder), "-q"]) == 1
    one = capsys.readouterr().out
    assert main(["parse", str(folder), "-q", "--workers", "2"]) == 1
    two = capsys.readouterr().out
    assert one == two


def test_progress_bar_when_asked(folder, capsys, monkeypatch):
    monkeypatch.setattr(batch.Progress, "__init__", _eager_progress_init)
    assert main(["parse", str(folder), "--progress"]) == 1
    err = capsys.readouterr().err
    assert "regevents  [" in err and "3/3" in err and "1 failed" in err


_real_progress_init = batch.Progress.__init__


def _eager_progress_init(self, total, stream=None, enabled=True, delay=0.5):
    _real_progress_init(self, total, stream, enabled, delay=0.0)
    self._last = -1.0


def test_progress_line_format():
    p = Progress(10, io.StringIO(), enabled=True, delay=0.0)
    p.done, p.failed = 4, 1
    line = p.line(p.start + 2.0)
    assert "[#########...............] 4/10  40%" in line and "2.0/s" in line and "eta 3s" in line and "1 failed" in line
    unknown = Progress(None, io.StringIO())
    unknown.done = 7
    assert "7 articles" in unknown.line()


def test_no_progress_for_a_pipe(folder, capsys):
    main(["parse", str(folder)])
    assert "\r" not in capsys.readouterr().err  # stderr is not a terminal here


# --------------------------------------------------------------------------- the batch engine


def _raising_parse(text, published=None):
    if "BOOM" in text:
        raise KeyError("boom")
    if "SLOW" in text:
        time.sleep(5)
    if "CRASH" in text:
        os._exit(3)  # a worker dying (segfault, OOM kill)
    return Article()


def test_parse_exception_is_reported_with_where(monkeypatch):
    monkeypatch.setattr(batch, "parse", _raising_parse)
    out = process(Task(id="x", source="x", text="BOOM"))
    assert not out.ok and out.error.stage == "parse" and out.error.type == "KeyError"
    assert out.error.where and "test_cli.py" in out.error.where
    assert json.loads(out.line)["error"]["message"] == "'boom'"


def test_timeout(monkeypatch):
    monkeypatch.setattr(batch, "parse", _raising_parse)
    t0 = time.monotonic()
    out = process(Task(id="x", source="x", text="SLOW"), timeout=0.2)
    assert time.monotonic() - t0 < 3
    assert not out.ok and out.error.stage == "timeout"
    assert process(Task(id="y", source="y", text="fine"), timeout=0.2).ok


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers must inherit the patched parse (fork)")
def test_a_dying_worker_loses_only_its_article(monkeypatch):
    monkeypatch.setattr(batch, "parse", _raising_parse)
    texts = ["a", "b", "CRASH", "c", "BOOM", "d"]
    tasks = [Task(id=str(i), source=str(i), text=t) for i, t in enumerate(texts)]
    outs = list(run(tasks, workers=2))
    assert [o.id for o in outs] == [str(i) for i in range(len(texts))]
    assert [o.ok for o in outs] == [True, True, False, True, False, True]
    assert outs[2].error.stage == "worker" and outs[4].error.stage == "parse"


def test_iter_tasks_reads_lazily_and_never_raises(tmp_path):
    (tmp_path / "x.jsonl").write_bytes(b'{"id": "a", "text": "t"}\n\xff\xfe\n')
    tasks = list(iter_tasks([str(tmp_path / "x.jsonl"), str(tmp_path / "missing.jsonl"), str(tmp_path)]))
    assert [t.id for t in tasks] == ["a", f"{tmp_path / 'x.jsonl'}:2", str(tmp_path / "missing.jsonl")]
    assert tasks[1].error.stage == "read" and tasks[2].error.type == "FileNotFoundError"


def test_summary_merges_and_renders():
    a, b = Summary(), Summary()
    a.add(process(Task(id="1", source="1", text=SHORT)))
    b.add(batch.failed(Task(id="2", source="2"), Failure(stage="read", type="X", message="bad")))
    total = a.merge(b)
    assert (total.articles, total.ok, total.failed) == (2, 1, 1)
    assert Summary.from_dict(total.to_dict()).to_dict() == total.to_dict()
    text = total.render()
    assert "articles: 2 (1 ok, 1 failed)" in text and "2: read: X: bad" in text


# --------------------------------------------------------------------------- schema


def test_schema_command(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema") and schema["title"] == "Article"
    for field in ("schema_version", "source", "meetings", "attendees", "documents", "goals", "issues"):
        assert field in schema["properties"]
    assert {"Meeting", "Attendee", "SignedDocument", "CooperationGoal", "Issue", "Span", "Role", "Source"} <= set(schema["$defs"])
    assert schema == json_schema()


def test_result_schema_and_serialization_mode(capsys):
    assert main(["schema", "--result"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["properties"]) == {"id", "source", "ok", "error", "article"}
    assert main(["schema", "--mode", "serialization"]) == 0
    ser = json.loads(capsys.readouterr().out)
    assert "meetings" in ser["required"]


def test_parse_output_validates_against_the_schema(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["parse", str(README_ARTICLE)]) == 0
    article = json.loads(capsys.readouterr().out)
    for mode in ("validation", "serialization"):
        jsonschema.validate(article, json_schema(mode=mode))
    jsonschema.validate({"id": "x", "ok": True, "error": None, "article": article, "source": None}, json_schema(result=True))


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out.startswith("regevents ")
