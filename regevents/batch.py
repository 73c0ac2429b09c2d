"""Batch parsing: many articles in, one result per article out, none lost.

Why a module of its own: the command line, a notebook and a cluster job
(:mod:`regevents.scale`) all need the same three things, and they must agree:

* **reading** inputs into :class:`Task` objects: a text file is one article; a
  JSONL file holds one ``{"id", "text", "published"}`` object a line; a folder
  is every matching file below it. Reading never raises: a file that is not
  UTF-8, a line that is not JSON or a ``text`` that is not a string becomes a
  task that already carries its :class:`Failure`;
* **processing** a task (:func:`process`): ``parse`` plus serialisation, with
  every exception turned into a failed :class:`Result`, so one bad article can
  never take the batch down or go missing from the output;
* **summarising** (:class:`Summary`): articles, records by type, issues by
  code, failures; summaries of partitions merge.

:func:`run` maps :func:`process` over tasks in order, in this process or in a
pool of worker processes (a worker that dies is replaced and the articles it
held are retried one by one, so only the article that kills a worker fails).

Text offsets: a text file is decoded as a whole (``bytes.decode``) with no
newline translation, so evidence spans index into exactly
``open(path, encoding=..., newline="").read()``.
"""
from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticSerializationError

from .models import Article
from .pipeline import parse, published_edtf

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
STDIN = "-"
STDIN_NAME = "<stdin>"
RECORD_TYPES = ("meetings", "attendees", "documents", "goals")

Stage = Literal["read", "input", "parse", "timeout", "worker"]


# --------------------------------------------------------------------------- result models


class Failure(BaseModel):
    """Why an article has no parse.

    ``stage``: ``read`` (file missing, not decodable, line not JSON), ``input``
    (a JSONL record without a string ``text``, a bad ``published``), ``parse``
    (the pipeline raised: a bug, please report it with the article),
    ``timeout`` (``--timeout`` exceeded), ``worker`` (the worker process died).
    """

    model_config = ConfigDict(extra="forbid")

    stage: Stage
    type: str
    message: str
    where: str | None = None  # innermost frame of a parse exception, "regevents/x.py:12 in f"


class Result(BaseModel):
    """One line of batch output: exactly one per input article, in input order."""

    model_config = ConfigDict(extra="forbid")

    id: str
    source: str | None = None  # where the article came from: "dir/a.txt", "in.jsonl:12", "<stdin>"
    ok: bool
    error: Failure | None = None
    article: Article | None = None


# --------------------------------------------------------------------------- tasks


@dataclass(frozen=True)
class Task:
    """One article to parse, or the record of why it could not be read."""

    id: str
    source: str
    text: str | None = None
    published: Any = None
    error: Failure | None = None


def _read_failure(exc: BaseException, stage: Stage = "read", hint: str = "") -> Failure:
    msg = str(exc)
    if isinstance(exc, UnicodeDecodeError):
        bad = exc.object[exc.start : exc.start + 4]
        msg = (
            f"not valid {exc.encoding}: byte {bad[:1].hex()} at offset {exc.start} ({exc.reason}); "
            "give the right --encoding (e.g. gb18030) or convert the file to UTF-8"
        )
    elif isinstance(exc, OSError) and exc.strerror:
        msg = exc.strerror
    return Failure(stage=stage, type=type(exc).__name__, message=msg + hint)


def _open_bytes(path: Path) -> bytes:
    if path.name.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            return fh.read()
    return path.read_bytes()


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def read_text_file(path: Path, encoding: str = "utf-8", name: str | None = None) -> Task:
    """One article from a text file (optionally ``.gz``); never raises."""
    name = name if name is not None else str(path)
    try:
        data = _open_bytes(path)
        text = data.decode(encoding)
    except (OSError, UnicodeDecodeError, EOFError, LookupError) as exc:
        return Task(id=name, source=name, error=_read_failure(exc))
    return Task(id=name, source=name, text=text)


def task_from_json_line(line: str, where: str) -> Task | None:
    """The task of one JSONL line (None for a blank line); ``where`` names the line and is the fallback id.

    A record is ``{"id": str|int (optional), "text": str, "published": str|null (optional)}``;
    other keys are ignored.
    """
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Task(id=where, source=where, error=Failure(stage="read", type="JSONDecodeError", message=f"line is not JSON: {exc}"))
    return task_from_record(record, where)


def task_from_record(record: Any, where: str) -> Task:
    """The task of one decoded record (a dict with ``text``); anything else is a failed task."""
    if not isinstance(record, Mapping):
        return Task(id=where, source=where, error=Failure(stage="input", type="TypeError", message=f"expected an object with a 'text' field, got {type(record).__name__}"))
    rid = record.get("id")
    if rid is None:
        rid = where
    elif isinstance(rid, (str, int)) and not isinstance(rid, bool):
        rid = str(rid)
    else:
        return Task(id=where, source=where, error=Failure(stage="input", type="TypeError", message=f"'id' must be a string or integer, not {type(rid).__name__}"))
    text = record.get("text")
    if not isinstance(text, str):
        what = "missing" if "text" not in record else f"of type {type(text).__name__}, not a string"
        return Task(id=rid, source=where, error=Failure(stage="input", type="TypeError", message=f"'text' is {what}"))
    return Task(id=rid, source=where, text=text, published=record.get("published"))


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def tasks_from_jsonl_lines(lines: Iterable[bytes | str], name: str, encoding: str = "utf-8") -> Iterator[Task]:
    """Tasks from JSONL lines; a line without an id gets ``"<name>:<line number>"`` (1-based)."""
    first_encoding = "utf-8-sig" if _is_utf8(encoding) else encoding
    for lineno, raw in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        if isinstance(raw, bytes):
            try:
                line = raw.decode(first_encoding if lineno == 1 else encoding)
            except UnicodeDecodeError as exc:
                yield Task(id=where, source=where, error=_read_failure(exc))
                continue
        else:
            line = raw.lstrip("\ufeff") if lineno == 1 else raw
        task = task_from_json_line(line, where)
        if task is not None:
            yield task


def read_jsonl_file(path: Path, encoding: str = "utf-8", name: str | None = None) -> Iterator[Task]:
    """Tasks from a JSONL file (optionally ``.gz``), streamed line by line."""
    name = name if name is not None else str(path)
    try:
        fh = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")
    except OSError as exc:
        yield Task(id=name, source=name, error=_read_failure(exc))
        return
    with fh:
        try:
            yield from tasks_from_jsonl_lines(fh, name, encoding)
        except (OSError, EOFError) as exc:  # truncated .gz, I/O error mid-file
            yield Task(id=f"{name}:end", source=name, error=_read_failure(exc, hint=" (the rest of the file was not read)"))


def files_in(folder: Path, glob: str = "*.txt") -> list[Path]:
    """Files below ``folder`` matching ``glob``, sorted, hidden files and folders skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(root)
        found.extend(base / f for f in files if not f.startswith(".") and Path(f).match(glob))
    return sorted(found)


InputFormat = Literal["auto", "text", "jsonl"]


def _format_of(name: str, fmt: InputFormat) -> Literal["text", "jsonl"]:
    if fmt != "auto":
        return fmt
    return "jsonl" if is_jsonl(name) else "text"


def iter_tasks(
    inputs: Iterable[str],
    *,
    encoding: str = "utf-8",
    input_format: InputFormat = "auto",
    glob: str = "*.txt",
    stdin: io.BufferedIOBase | None = None,
) -> Iterator[Task]:
    """Tasks for command-line style inputs: files, folders and ``-`` (standard input)."""
    for item in inputs:
        if item == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            if _format_of("", input_format) == "jsonl":
                yield from tasks_from_jsonl_lines(stream, STDIN_NAME, encoding)
            else:
                try:
                    yield Task(id=STDIN_NAME, source=STDIN_NAME, text=stream.read().decode(encoding))
                except (OSError, UnicodeDecodeError, LookupError) as exc:
                    yield Task(id=STDIN_NAME, source=STDIN_NAME, error=_read_failure(exc))
            continue
        path = Path(item)
        paths = files_in(path, glob) if path.is_dir() else [path]
        for p in paths:
            if _format_of(p.name, input_format) == "jsonl":
                yield from read_jsonl_file(p, encoding)
            else:
                yield read_text_file(p, encoding)


def count_tasks(inputs: Iterable[str], *, input_format: InputFormat = "auto", glob: str = "*.txt") -> int | None:
    """How many tasks :func:`iter_tasks` will yield, cheaply (for a progress bar); None if unknown."""
    total = 0
    for item in inputs:
        if item == STDIN:
            return None
        path = Path(item)
        for p in files_in(path, glob) if path.is_dir() else [path]:
            if _format_of(p.name, input_format) == "text":
                total += 1
            elif p.name.endswith(".gz"):
                return None
            else:
                try:
                    total += _count_nonblank_lines(p)
                except OSError:
                    total += 1
    return total


def _count_nonblank_lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


# --------------------------------------------------------------------------- processing


@dataclass
class Outcome:
    """What processing one task returns to the caller (small and picklable)."""

    id: str
    source: str
    ok: bool
    line: str  # the serialised output for this article
    counts: dict[str, int] = field(default_factory=dict)
    issues: dict[str, int] = field(default_factory=dict)
    error: Failure | None = None
    seconds: float = 0.0


class ArticleTimeout(Exception):
    """Raised inside :func:`process` when ``timeout`` seconds have passed."""


@contextlib.contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (POSIX, main thread only; otherwise no limit).

    Best effort: Python code is interrupted at the next bytecode; a long call
    inside a C extension is interrupted when it returns.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise ArticleTimeout(f"parsing took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(exc: BaseException) -> str | None:
    tb = exc.__traceback__
    if tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    path = Path(code.co_filename)
    parts = path.parts
    shown = "/".join(parts[parts.index("regevents") :]) if "regevents" in parts else path.name
    return f"{shown}:{tb.tb_lineno} in {code.co_name}"


def _to_json(result: Result, indent: int | None) -> str:
    """JSON of a result; lone surrogates (possible from JSON input) are written as escapes."""
    try:
        return result.model_dump_json(indent=indent, exclude_none=False)
    except PydanticSerializationError:
        return json.dumps(result.model_dump(mode="json"), ensure_ascii=True, indent=indent)


def _article_json(article: Article, indent: int | None) -> str:
    try:
        return article.model_dump_json(indent=indent)
    except PydanticSerializationError:
        return json.dumps(article.model_dump(mode="json"), ensure_ascii=True, indent=indent)


def _safe_line(line: str) -> str:
    """The line, re-escaped as ASCII JSON if it cannot be written as UTF-8."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(json.loads(line), ensure_ascii=True)
    return line


def failed(task: Task, error: Failure, pretty: bool = False, seconds: float = 0.0) -> Outcome:
    result = Result(id=task.id, source=task.source, ok=False, error=error)
    return Outcome(task.id, task.source, False, _safe_line(_to_json(result, 2 if pretty else None)), error=error, seconds=seconds)


def process(task: Task, published: str | None = None, pretty: bool = False, timeout: float | None = None) -> Outcome:
    """Parse one task; never raises for anything the article or input can cause.

    ``published`` is the default date for tasks without their own. With
    ``pretty`` a success is the article's indented JSON (the single-article
    output of ``regevents parse``); otherwise a one-line :class:`Result`.
    """
    t0 = time.perf_counter()
    if task.error is not None:
        return failed(task, task.error, pretty)
    try:
        ref = published_edtf(task.published) if task.published is not None else published
    except (TypeError, ValueError) as exc:
        return failed(task, Failure(stage="input", type=type(exc).__name__, message=str(exc)), pretty)
    try:
        with _deadline(timeout):
            article = parse(task.text, published=ref)  # type: ignore[arg-type]
    except ArticleTimeout as exc:
        return failed(task, Failure(stage="timeout", type="ArticleTimeout", message=str(exc)), pretty, time.perf_counter() - t0)
    except Exception as exc:  # reported in the output as this article's error, never swallowed
        err = Failure(stage="parse", type=type(exc).__name__, message=str(exc) or repr(exc), where=_where(exc))
        return failed(task, err, pretty, time.perf_counter() - t0)
    counts = {name: len(getattr(article, name)) for name in RECORD_TYPES}
    issues = dict(Counter(i.code for i in article.issues))
    if pretty:
        line = _article_json(article, 2)
    else:
        line = _to_json(Result(id=task.id, source=task.source, ok=True, article=article), None)
    return Outcome(task.id, task.source, True, _safe_line(line), counts, issues, None, time.perf_counter() - t0)


def _worker_died(task: Task, pretty: bool) -> Outcome:
    err = Failure(stage="worker", type="BrokenProcessPool", message="the worker process died while parsing this article (crash or out of memory)")
    return failed(task, err, pretty)


def _isolated(fn: Any, task: Task, pretty: bool) -> Outcome:
    """Run one task alone in a fresh worker, so a crash is pinned on the article that caused it."""
    with ProcessPoolExecutor(1) as one:
        try:
            return one.submit(fn, task).result()
        except BrokenProcessPool:
            return _worker_died(task, pretty)


def _submit(pool: ProcessPoolExecutor, fn: Any, task: Task) -> Future[Outcome]:
    try:
        return pool.submit(fn, task)
    except BrokenProcessPool as exc:  # the pool broke before we noticed: handled like a failed future
        fut: Future[Outcome] = Future()
        fut.set_exception(exc)
        return fut


# A short article touching every stage (page stamp, dateline, meeting, post, document, goal).
_WARM_UP = Task(
    id="warm-up",
    source="warm-up",
    text="发布时间:2019-05-24 来源:湖北日报\n湖北日报讯 5月22日,长江中游城市群省会城市会商会在武汉举行。"
    "湖北省委书记王某出席并讲话。会议审议通过了《合作宣言》,提出加强科技创新合作等3个方面。",
)


def _warm_parent() -> None:
    """Load rules, vocabularies and dateparser once in the parent, so forked workers start warm.

    Every worker would otherwise pay the lazy loading (about two seconds) itself.
    Only useful with the ``fork`` start method; :func:`process` never raises.
    """
    if multiprocessing.get_start_method() == "fork":
        process(_WARM_UP)


def run(
    tasks: Iterable[Task],
    *,
    workers: int = 1,
    published: str | None = None,
    pretty: bool = False,
    timeout: float | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``tasks``, in input order; ``workers > 1`` uses that many processes.

    Tasks are read lazily and at most ``4 * workers`` are in flight, so memory
    stays flat over any number of articles.
    """
    fn = partial(process, published=published, pretty=pretty, timeout=timeout)
    if workers <= 1:
        for task in tasks:
            yield fn(task)
        return
    _warm_parent()
    window = 4 * workers
    source = iter(tasks)
    pending: deque[tuple[Task, Future[Outcome]]] = deque()
    pool = ProcessPoolExecutor(workers)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                task = next(source, None)
                if task is None:
                    exhausted = True
                else:
                    pending.append((task, _submit(pool, fn, task)))
            if not pending:
                break
            task, fut = pending.popleft()
            try:
                yield fut.result()
            except BrokenProcessPool:
                # Some article in flight killed its worker; every unfinished one is suspect.
                suspects = [(task, fut), *pending]
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                for t, f in suspects:
                    if f.done() and not f.cancelled() and f.exception() is None:
                        yield f.result()
                    else:
                        yield _isolated(fn, t, pretty)
                pool = ProcessPoolExecutor(workers)
            except Exception as exc:  # e.g. a result that could not be sent back: still one line for the article
                yield failed(task, Failure(stage="worker", type=type(exc).__name__, message=str(exc) or repr(exc)), pretty)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- summary


MAX_FAILURES_KEPT = 1000


@dataclass
class Summary:
    """Counts over a batch; ``merge`` combines the summaries of partitions."""

    articles: int = 0
    ok: int = 0
    failed: int = 0
    records: Counter[str] = field(default_factory=Counter)
    issues: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, Any]] = field(default_factory=list)  # the first MAX_FAILURES_KEPT
    seconds: float = 0.0  # wall-clock time from this summary's creation to its last add()
    parse_seconds: float = 0.0  # sum of per-article times
    started: float = field(default_factory=time.monotonic, repr=False, compare=False)

    def add(self, outcome: Outcome) -> None:
        """Count one outcome as it comes out of :func:`run`."""
        self._count(outcome)
        self.seconds = time.monotonic() - self.started

    def _count(self, outcome: Outcome) -> None:
        self.articles += 1
        self.parse_seconds += outcome.seconds
        if outcome.ok:
            self.ok += 1
            self.records.update(outcome.counts)
            self.issues.update(outcome.issues)
        else:
            self.failed += 1
            if len(self.failures) < MAX_FAILURES_KEPT and outcome.error is not None:
                self.failures.append({"id": outcome.id, "source": outcome.source, **outcome.error.model_dump(exclude_none=True)})

    def add_result(self, result: dict[str, Any]) -> None:
        """Count one :class:`Result` given as a dict (as :mod:`regevents.scale` produces)."""
        article = result.get("article") or {}
        error = result.get("error")
        self._count(
            Outcome(
                id=result.get("id", ""),
                source=result.get("source") or "",
                ok=bool(result.get("ok")),
                line="",
                counts={k: len(article.get(k, [])) for k in RECORD_TYPES} if result.get("ok") else {},
                issues=dict(Counter(i["code"] for i in article.get("issues", []))) if result.get("ok") else {},
                error=Failure.model_validate(error) if error else None,
            )
        )

    def merge(self, other: Summary) -> Summary:
        out = Summary(
            self.articles + other.articles,
            self.ok + other.ok,
            self.failed + other.failed,
            self.records + other.records,
            self.issues + other.issues,
            (self.failures + other.failures)[:MAX_FAILURES_KEPT],
            max(self.seconds, other.seconds),
            self.parse_seconds + other.parse_seconds,
        )
        for name in RECORD_TYPES:  # keep zero counts visible
            out.records.setdefault(name, 0)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "ok": self.ok,
            "failed": self.failed,
            "records": {k: self.records.get(k, 0) for k in RECORD_TYPES},
            "issues": dict(sorted(self.issues.items(), key=lambda kv: (-kv[1], kv[0]))),
            "failures": list(self.failures),
            "failures_listed": len(self.failures),
            "seconds": round(self.seconds, 3),
            "parse_seconds": round(self.parse_seconds, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Summary:
        return cls(
            d["articles"], d["ok"], d["failed"], Counter(d["records"]), Counter(d["issues"]),
            list(d["failures"]), d.get("seconds", 0.0), d.get("parse_seconds", 0.0),
        )

    def render(self, max_failures: int = 20) -> str:
        """A few lines for a person: what went in, what came out, what failed."""
        timing = f" in {self.seconds:.1f} s, {self.articles / self.seconds:.1f} articles/s" if self.seconds > 0 and self.articles else ""
        lines = [f"articles: {self.articles} ({self.ok} ok, {self.failed} failed){timing}"]
        lines.append("records:  " + ", ".join(f"{k} {self.records.get(k, 0)}" for k in RECORD_TYPES))
        if self.issues:
            lines.append("issues:   " + ", ".join(f"{k} {v}" for k, v in sorted(self.issues.items(), key=lambda kv: (-kv[1], kv[0]))))
        else:
            lines.append("issues:   none")
        if self.failed:
            lines.append(f"failures: {self.failed}")
            for f in self.failures[:max_failures]:
                lines.append(f"  {f['id']}: {f['stage']}: {f['type']}: {f['message']}")
            if self.failed > min(len(self.failures), max_failures):
                lines.append(f"  ... and {self.failed - min(len(self.failures), max_failures)} more")
        return "\n".join(lines)


# --------------------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on a terminal stream, redrawn at most ten times a second.

    It stays silent for the first ``delay`` seconds so short runs print nothing.
    """

    def __init__(self, total: int | None, stream: Any = None, enabled: bool = True, delay: float = 0.5) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.delay = delay
        self.done = 0
        self.failed = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def update(self, ok: bool = True) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.delay or now - self._last < 0.1:
            return
        self._last = now
        self._draw(now)

    def line(self, now: float | None = None) -> str:
        now = time.monotonic() if now is None else now
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        parts = ["regevents"]
        if self.total:
            frac = min(self.done / self.total, 1.0)
            width = 24
            fill = int(frac * width)
            parts.append(f"[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} {frac:4.0%}")
            if rate > 0 and self.done < self.total:
                parts.append(f"eta {_duration((self.total - self.done) / rate)}")
        else:
            parts.append(f"{self.done} articles")
        parts.append(f"{rate:.1f}/s")
        if self.failed:
            parts.append(f"{self.failed} failed")
        return "  ".join(parts)

    def _draw(self, now: float) -> None:
        self.stream.write("\r\x1b[K" + self.line(now))
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
