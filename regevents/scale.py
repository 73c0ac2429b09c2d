"""Parsing on a cluster: functions to map over partitions (Dask bag, Spark, Ray ...).

Why no dask import here: the functions take and return plain Python objects,
so they work as ``bag.map_partitions(parse_jsonl_partition)`` with Dask, as
``rdd.mapPartitions(...)`` with Spark, or in a plain loop, and the library does
not depend on any of them. Everything is module-level and picklable.

Each input article gives exactly one result dict, the same object the command
line writes as a JSONL line (:class:`regevents.batch.Result`): ``{"id",
"source", "ok", "error", "article"}``. A broken record (not JSON, ``text`` not a
string, a parse that raised) is a result with ``ok: false`` and its ``error``,
never an exception that would kill the task and retry it forever.

Ids: a record's own ``id`` when it has one; otherwise ``sha1:<16 hex>`` of the
record's line (or text), which is stable across runs and partitionings.

Recipe (tested in ``tests/test_scale.py``; see docs/scaling.md)::

    import dask, dask.bag as db, json
    from regevents.scale import parse_jsonl_partition, summarize_partition, merge_summaries
    lines = db.read_text("articles/*.jsonl", blocksize="64MiB")
    results = lines.map_partitions(parse_jsonl_partition)
    write = results.map(json.dumps, ensure_ascii=False).to_textfiles("parsed/*.jsonl", compute=False)
    summary = results.reduction(summarize_partition, merge_summaries)
    _, summary = dask.compute(write, summary)
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from .batch import Failure, Summary, Task, process, task_from_json_line, task_from_record
from .pipeline import published_edtf

__all__ = ["parse_partition", "parse_jsonl_partition", "summarize_partition", "merge_summaries"]


def _digest(s: str) -> str:
    return "sha1:" + hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _result(task: Task, published: str | None, timeout: float | None) -> dict[str, Any]:
    return json.loads(process(task, published=published, timeout=timeout).line)


def _task_from_record(record: Any) -> Task:
    if isinstance(record, str):
        rid = _digest(record)
        return Task(id=rid, source=rid, text=record)
    if isinstance(record, Mapping):
        text = record.get("text")
        return task_from_record(record, _digest(text if isinstance(text, str) else repr(sorted(record.items(), key=str))))
    return task_from_record(record, _digest(repr(record)))


def parse_partition(records: Iterable[Any], published: str | None = None, timeout: float | None = None) -> list[dict[str, Any]]:
    """Parse a partition of ``{"id", "text", "published"}`` dicts (or bare article strings).

    ``published`` is the date for records that carry none. Use as
    ``bag.map_partitions(parse_partition)`` on a bag of dicts.
    """
    ref = published_edtf(published)
    return [_result(_task_from_record(r), ref, timeout) for r in records]


def parse_jsonl_partition(lines: Iterable[str | bytes], published: str | None = None, timeout: float | None = None) -> list[dict[str, Any]]:
    """Parse a partition of raw JSONL lines (as ``dask.bag.read_text`` gives them); blank lines are skipped.

    Taking raw lines rather than ``bag.map(json.loads)`` keeps a line that is
    not JSON in the output as a failed result instead of failing the job.
    """
    ref = published_edtf(published)
    out: list[dict[str, Any]] = []
    for raw in lines:
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                where = _digest(raw.decode("utf-8", "replace"))
                out.append(_result(Task(id=where, source=where, error=Failure(stage="read", type="UnicodeDecodeError", message=str(exc))), ref, timeout))
                continue
        else:
            line = raw
        line = line.lstrip("\ufeff")
        task = task_from_json_line(line, _digest(line.strip()))
        if task is not None:
            out.append(_result(task, ref, timeout))
    return out


def summarize_partition(results: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The summary (articles, records by type, issues by code, failures) of a partition's results."""
    summary = Summary()
    for r in results:
        summary.add_result(dict(r))
    return summary.to_dict()


def merge_summaries(summaries: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Combine partition summaries into one (the ``aggregate`` of ``bag.reduction``)."""
    total = Summary()
    for s in summaries:
        total = total.merge(Summary.from_dict(dict(s)))
    return total.to_dict()
