"""The ``regevents`` command line: ``parse``, ``schema``, ``explain``.

``parse`` prints one article's JSON (indented) when given one text file or
``-``; given several files, a folder or a JSONL file it prints JSONL, one
:class:`regevents.batch.Result` line per article in input order, and a summary
on stderr. An article that cannot be read or parsed is still a line (with
``"ok": false`` and its ``error``), and the exit status is then 1.

Exit status: 0 every article parsed; 1 some article failed; 2 bad usage
(unknown option, bad ``--published``, unwritable ``--out``); 130 interrupted.
"""
from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from . import __version__
from .batch import STDIN, Progress, Result, Summary, count_tasks, is_jsonl, iter_tasks, read_text_file, run
from .models import Article
from .pipeline import parse, published_edtf

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--workers needs a whole number, not {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("--workers must be 0 (one per CPU) or more")
    return n or (os.cpu_count() or 1)


def _seconds(value: str) -> float:
    try:
        s = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--timeout needs seconds, not {value!r}") from None
    if s <= 0:
        raise argparse.ArgumentTypeError("--timeout must be positive")
    return s


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="regevents",
        description="Chinese regional-cooperation news -> typed records with evidence spans.",
        epilog="Exit status: 0 all parsed, 1 some article failed (it is in the output with its error), 2 usage error.",
    )
    ap.add_argument("--version", action="version", version=f"regevents {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "parse",
        help="parse articles and print JSON (one article) or JSONL (several)",
        description=(
            "Parse articles. INPUT is a text file (one article), a JSONL file (*.jsonl, one "
            '{"id", "text", "published"} object a line), a folder (every --glob file below it) or - '
            "(standard input). One text file or - prints the article's JSON; anything else prints "
            "JSONL lines {id, source, ok, error, article} in input order, and a summary on stderr."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, JSONL file or - for standard input")
    p.add_argument("--published", metavar="DATE", help="publication date for articles that carry none (2019-05-24, XXXX-07-29 ...)")
    p.add_argument("--out", "-o", metavar="PATH", help="write the output here instead of standard output")
    p.add_argument("--workers", "-j", type=_workers, default=1, metavar="N", help="worker processes (default 1; 0 = one per CPU)")
    p.add_argument("--jsonl", action="store_true", help="always print JSONL result lines, even for one article")
    p.add_argument("--input-format", choices=("auto", "text", "jsonl"), default="auto", help="how to read inputs (auto: *.jsonl / *.ndjson are JSONL, the rest text; - is text)")
    p.add_argument("--glob", default="*.txt", metavar="PATTERN", help="which files of a folder to read (default *.txt)")
    p.add_argument("--encoding", default="utf-8", metavar="ENC", help="encoding of the inputs (default utf-8; e.g. gb18030)")
    p.add_argument("--timeout", type=_seconds, metavar="SECONDS", help="give up on an article after this long (POSIX; reported as a failure)")
    p.add_argument("--summary-json", metavar="PATH", help="also write the summary as JSON to PATH")
    prog = p.add_mutually_exclusive_group()
    prog.add_argument("--progress", dest="progress", action="store_true", default=None, help="show a progress bar on stderr (default: when stderr is a terminal)")
    prog.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=cmd_parse)

    s = sub.add_parser("schema", help="print the JSON Schema of the output", description="Print the JSON Schema (draft 2020-12) of Article, or of one batch result line.")
    s.add_argument("--result", action="store_true", help="the schema of a JSONL result line ({id, source, ok, error, article}) instead")
    s.add_argument("--mode", choices=("validation", "serialization"), default="validation", help="validation: what Article accepts (default); serialization: what parse writes (every field present)")
    s.set_defaults(func=cmd_schema)

    e = sub.add_parser(
        "explain",
        help="show an article's records against its text (HTML page or text report)",
        description="Parse one article and show every record with its evidence and rule: as a self-contained HTML page with --html, else as a text report.",
    )
    e.add_argument("file", metavar="FILE", help="a text file, or - for standard input")
    e.add_argument("--html", metavar="OUT", help="write a self-contained HTML review page to OUT (- for standard output)")
    e.add_argument("--published", metavar="DATE", help="publication date if the article carries none")
    e.add_argument("--encoding", default="utf-8", metavar="ENC", help="encoding of FILE (default utf-8)")
    e.add_argument("--title", help="page heading (default: the first meeting's name)")
    e.set_defaults(func=cmd_explain)
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if getattr(args, "published", None) is not None:
        try:
            args.published = published_edtf(args.published)
        except ValueError as exc:
            ap.error(str(exc))
    if getattr(args, "encoding", None) is not None:
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            ap.error(f"unknown encoding {args.encoding!r}")
    try:
        return args.func(args, ap)
    except BrokenPipeError:  # e.g. `regevents parse dir | head`
        _silence_stdout()
        return EXIT_FAILED


# --------------------------------------------------------------------------- output helpers


def _utf8_stdout() -> IO[str]:
    out = sys.stdout
    enc = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
    if enc not in ("utf-8", "utf8") and isinstance(out, io.TextIOWrapper):
        out.reconfigure(encoding="utf-8")
    return out


def _open_out(path: str | None, ap: argparse.ArgumentParser) -> tuple[IO[str], bool]:
    """The output stream and whether we opened it (and must close it)."""
    if path is None or path == "-":
        return _utf8_stdout(), False
    try:
        return open(path, "w", encoding="utf-8", newline="\n"), True
    except OSError as exc:
        ap.error(f"cannot write {path}: {exc.strerror or exc}")
        raise  # unreachable: ap.error exits


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # stdout is not a real file (tests); nothing more will be written to it


def _err(msg: str) -> None:
    print(f"regevents: {msg}", file=sys.stderr)


# --------------------------------------------------------------------------- parse


def _single(args: argparse.Namespace) -> bool:
    """One article named on the command line: print its JSON rather than JSONL."""
    if args.jsonl or len(args.inputs) != 1:
        return False
    item = args.inputs[0]
    fmt = args.input_format
    if item == STDIN:
        return fmt != "jsonl"
    if Path(item).is_dir():
        return False
    return fmt == "text" or (fmt == "auto" and not is_jsonl(item))


def cmd_parse(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    single = _single(args)
    out, opened = _open_out(args.out, ap)
    show_progress = (not single) and not args.quiet and (args.progress if args.progress is not None else sys.stderr.isatty())
    total = count_tasks(args.inputs, input_format=args.input_format, glob=args.glob) if show_progress else None
    progress = Progress(total, sys.stderr, enabled=show_progress)
    summary = Summary()
    tasks = iter_tasks(args.inputs, encoding=args.encoding, input_format=args.input_format, glob=args.glob)
    try:
        for outcome in run(tasks, workers=1 if single else args.workers, published=args.published, pretty=single, timeout=args.timeout):
            out.write(outcome.line + "\n")
            summary.add(outcome)
            progress.update(outcome.ok)
            if single and not outcome.ok and outcome.error is not None:
                _err(f"{outcome.id}: {outcome.error.stage}: {outcome.error.type}: {outcome.error.message}")
    except KeyboardInterrupt:
        progress.close()
        _err(f"interrupted after {summary.articles} articles")
        return EXIT_INTERRUPTED
    finally:
        out.flush()
        if opened:
            out.close()
    progress.close()
    if not single and not args.quiet:
        if summary.articles == 0:
            _err("no articles found in " + " ".join(args.inputs) + (f" (folders are searched for {args.glob})" if any(Path(i).is_dir() for i in args.inputs if i != STDIN) else ""))
        else:
            print(summary.render(), file=sys.stderr)
    if args.summary_json:
        try:
            Path(args.summary_json).write_text(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            _err(f"cannot write {args.summary_json}: {exc.strerror or exc}")
            return EXIT_FAILED
    return EXIT_FAILED if summary.failed else EXIT_OK


# --------------------------------------------------------------------------- schema


def json_schema(result: bool = False, mode: str = "validation") -> dict[str, Any]:
    """The JSON Schema of :class:`Article` (or of a batch :class:`Result` line)."""
    model = Result if result else Article
    body = model.model_json_schema(mode=mode)  # type: ignore[arg-type]
    if mode == "serialization":
        _all_required(body)  # parse writes every field, defaults included
    what = "one line of `regevents parse` JSONL output" if result else "the output of regevents.parse (docs/contract.md)"
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://regevents.invalid/schema/{'result' if result else 'article'}-{Article.model_fields['schema_version'].default}.json",
        "description": f"{what}; ids must be unique and references must resolve (checked by regevents.validate, not expressible here)",
    }
    return {**head, **body}


def _all_required(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "object" and isinstance(node.get("properties"), dict):
            node["required"] = list(node["properties"])
        for v in node.values():
            _all_required(v)
    elif isinstance(node, list):
        for v in node:
            _all_required(v)


def cmd_schema(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    out = _utf8_stdout()
    out.write(json.dumps(json_schema(args.result, args.mode), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


# --------------------------------------------------------------------------- explain


def cmd_explain(args: argparse.Namespace, ap: argparse.ArgumentParser) -> int:
    from .explain import render_html, render_text

    if args.file == STDIN:
        tasks = list(iter_tasks([STDIN], encoding=args.encoding, input_format="text"))
        task = tasks[0]
    else:
        task = read_text_file(Path(args.file), args.encoding)
    if task.error is not None:
        _err(f"{task.id}: {task.error.type}: {task.error.message}")
        return EXIT_FAILED
    assert task.text is not None
    try:
        article = parse(task.text, published=args.published)
    except Exception as exc:  # reported to the user with the exit status; nothing to render
        _err(f"{task.id}: parse failed: {type(exc).__name__}: {exc}")
        return EXIT_FAILED
    if args.html is None:
        _utf8_stdout().write(render_text(task.text, article, task.id))
        return EXIT_OK
    page = render_html(task.text, article, title=args.title)
    if args.html == "-":
        _utf8_stdout().write(page)
        return EXIT_OK
    try:
        Path(args.html).write_text(page, encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        _err(f"cannot write {args.html}: {exc.strerror or exc}")
        return EXIT_FAILED
    n = len(article.meetings) + len(article.attendees) + len(article.documents) + len(article.goals)
    _err(f"wrote {args.html}: {n} records, {len(article.issues)} issues")
    return EXIT_OK
