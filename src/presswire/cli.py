"""The ``presswire`` command: parse, quotes, fingerprint, plugins, outlets, schema.

Bad input (a missing path, a directory, binary data, a page over the limits) gets one line on
stderr, ``presswire: PATH: reason``; the other inputs are still processed and the exit code is 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from presswire import __version__
from presswire.corpus.query import QUERY_COLUMNS
from presswire.corpus.run import DEFAULT_BATCH_SIZE
from presswire.errors import PresswireError, one_line
from presswire.limits import Limits
from presswire.models import QUOTE_KINDS, Article
from presswire.pipeline import default_registry, fingerprint, parse
from presswire.serialize import json_schema

EXIT_OK = 0
EXIT_FAILED_RECORDS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
STDIN = "-"


def _add_limits(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=Limits().max_bytes,
        help="largest input accepted, in bytes (default %(default)s)",
    )
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=Limits().max_seconds,
        help="time allowed per input, in seconds (default %(default)s)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presswire",
        description="Turn scraped news pages (text dumps or HTML) into articles and quotes.",
    )
    parser.add_argument("--version", action="version", version=f"presswire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse_cmd = commands.add_parser(
        "parse",
        help="parse pages into articles",
        epilog="examples:\n"
        "  presswire parse page.html\n"
        "  presswire parse dump.txt --format text\n"
        "  curl -s https://example.org/news/1 | presswire parse - --format markdown\n"
        "  presswire parse *.txt --format jsonl -o articles.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse_cmd.add_argument("paths", nargs="+", metavar="PATH", help="files; '-' reads stdin")
    parse_cmd.add_argument(
        "--format",
        choices=("json", "jsonl", "text", "markdown", "body"),
        default="json",
        help="json: the article; for several inputs a list of records {source, status, "
        "article or error}, as batch writes them; jsonl: one line per input (records for "
        "several); text: a readable view; markdown: the article as Markdown; body: the lead and "
        "paragraphs alone, as plain text (default json)",
    )
    parse_cmd.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    parse_cmd.add_argument("--outlet", help="force this plugin instead of fingerprinting")
    parse_cmd.add_argument("--url", help="the page's URL, a hint for the plugins")
    _add_limits(parse_cmd)

    quotes_cmd = commands.add_parser(
        "quotes",
        help="one row per quote: who said what",
        epilog="examples:\n"
        "  presswire quotes page.txt\n"
        "  presswire quotes *.txt --kind direct,mixed --min-confidence 0.5 --format csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    quotes_cmd.add_argument("paths", nargs="+", metavar="PATH", help="files; '-' reads stdin")
    quotes_cmd.add_argument(
        "--format",
        choices=("jsonl", "csv", "table"),
        default="table",
        help="table (default), jsonl or csv (with a header row)",
    )
    quotes_cmd.add_argument("--outlet", help="force this plugin instead of fingerprinting")
    quotes_cmd.add_argument("--url", help="the page's URL, a hint for the plugins")
    _add_kind(quotes_cmd)
    quotes_cmd.add_argument(
        "--min-confidence",
        type=_unit_float,
        default=0.0,
        metavar="C",
        help="only quotes of at least this confidence, 0 to 1 (0.5 keeps the speakers found "
        "with a cue; default 0: all)",
    )
    _add_limits(quotes_cmd)

    fp_cmd = commands.add_parser("fingerprint", help="show every plugin's score for pages")
    fp_cmd.add_argument("paths", nargs="+", metavar="PATH", help="files; '-' reads stdin")
    fp_cmd.add_argument("--url", help="the page's URL, a hint for the plugins")
    fp_cmd.add_argument(
        "--format", choices=("text", "jsonl"), default="text", help="text (default) or jsonl"
    )
    fp_cmd.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # older name
    _add_limits(fp_cmd)

    plugins_cmd = commands.add_parser("plugins", help="list plugins: name, version, hooks")
    plugins_cmd.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    plugins_cmd.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # older name

    outlets_cmd = commands.add_parser("outlets", help="the table of supported outlets")
    outlets_cmd.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown (default: the table of docs/outlets.md) or json",
    )

    commands.add_parser("schema", help="print the JSON Schema of parse's output")
    _add_batch(commands)
    _add_query(commands)
    return parser


def _add_batch(commands: Any) -> None:
    from presswire.corpus.outputs import FORMATS

    batch_cmd = commands.add_parser(
        "batch",
        help="parse a corpus: folders, JSONL, WARC -> JSONL, CSV, Parquet or SQLite",
        description="Every input record gives one output record: an article, or an error "
        "with its reason. The output is written as OUT.partial and renamed when complete. "
        "Exit code 0: all parsed; 1: some records failed (see the output); 2: bad usage; "
        "130: interrupted (run again with --resume).",
        epilog="examples:\n"
        "  presswire batch pages/ --out corpus.sqlite\n"
        "  presswire batch CC-MAIN-*.warc.gz --out corpus.jsonl --workers 8\n"
        "  find pages -name '*.html' | presswire batch - --out corpus.parquet --resume",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch_cmd.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders (recursive), .jsonl[.gz], .warc[.gz]; '-' reads paths from stdin",
    )
    batch_cmd.add_argument("--out", required=True, help="output file (a folder for parquet)")
    batch_cmd.add_argument("--format", choices=FORMATS, help="default: from the output's suffix")
    batch_cmd.add_argument(
        "--workers", type=_positive_int, help="processes, at least 1 (default: number of cores)"
    )
    batch_cmd.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: worker processes on this machine, output in input order (default); "
        "dask: a Dask cluster (--scheduler, or a LocalCluster)",
    )
    batch_cmd.add_argument(
        "--overwrite",
        action="store_true",
        help="replace an existing OUT (without it, an existing OUT is refused: see --resume)",
    )
    batch_cmd.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster)")
    batch_cmd.add_argument(
        "--resume", action="store_true", help="keep what is written and skip those inputs"
    )
    batch_cmd.add_argument(
        "--quotes-only",
        action="store_true",
        help="keep only outlet, title, published, url and quotes",
    )
    batch_cmd.add_argument(
        "--include", action="append", default=[], metavar="GLOB", help="files in folders to read"
    )
    batch_cmd.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="files in folders to skip"
    )
    batch_cmd.add_argument("--text-field", default="text", help="JSONL field with a text dump")
    batch_cmd.add_argument("--html-field", default="html", help="JSONL field with HTML")
    batch_cmd.add_argument("--url-field", default="url", help="JSONL field with the URL")
    batch_cmd.add_argument("--id-field", default="id", help="JSONL field with an identifier")
    batch_cmd.add_argument("--outlet", help="force this plugin instead of fingerprinting")
    batch_cmd.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help=f"records per task (dask engine: page files per partition; default "
        f"{DEFAULT_BATCH_SIZE})",
    )
    batch_cmd.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: when stderr is a terminal)",
    )
    _add_limits(batch_cmd)


def _add_query(commands: Any) -> None:
    query_cmd = commands.add_parser(
        "query",
        help="quotes from a batch's SQLite output, by speaker and words",
        epilog="examples:\n"
        "  presswire query corpus.sqlite --speaker Ryabkov\n"
        "  presswire query corpus.sqlite --search 'arms control' --kind indirect --format csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    query_cmd.add_argument("database", help="a presswire batch --format sqlite output")
    query_cmd.add_argument("--speaker", help="words of the speaker's name ('Ryabkov')")
    query_cmd.add_argument(
        "--search",
        help="words the quote holds, all of them ('Russian-American', \"Biden's\"; a "
        '"phrase" in double quotes)',
    )
    query_cmd.add_argument(
        "--fts",
        action="store_true",
        help="read --search as SQLite full-text syntax (AND, OR, NEAR, prefix*)",
    )
    query_cmd.add_argument("--outlet", help="only this outlet")
    _add_kind(query_cmd)
    query_cmd.add_argument(
        "--min-confidence",
        type=_unit_float,
        default=0.0,
        metavar="C",
        help="only quotes of at least this confidence, 0 to 1 (default 0: all)",
    )
    query_cmd.add_argument("--limit", type=int, default=100, help="rows (default 100)")
    query_cmd.add_argument(
        "--format", choices=("table", "jsonl", "csv"), default="table", help="default table"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "parse":
            if args.output is None:
                return _cmd_parse(args, sys.stdout)
            with _output_file(args.output) as out:
                return _cmd_parse(args, out)
        if args.command == "fingerprint":
            return _cmd_fingerprint(args, sys.stdout)
        if args.command == "quotes":
            return _cmd_quotes(args, sys.stdout)
        if args.command == "plugins":
            return _cmd_plugins(args, sys.stdout)
        if args.command == "outlets":
            return _cmd_outlets(args, sys.stdout)
        if args.command == "batch":
            return _cmd_batch(args)
        if args.command == "query":
            return _cmd_query(args, sys.stdout)
        json.dump(json_schema(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    except KeyboardInterrupt:
        print("presswire: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `presswire parse ... | head`
        sys.stderr.close()
        return EXIT_OK
    except PresswireError as exc:  # e.g. --outlet names no plugin
        _error(None, exc)
        return EXIT_BAD_INPUT


def _output_file(path: str) -> TextIO:
    """``-o FILE``: opened for writing as UTF-8; a folder or an unwritable place is one line."""
    try:
        return open(path, "w", encoding="utf-8")  # closed by the caller's with
    except OSError as exc:
        raise PresswireError(f"{path}: cannot write: {exc.strerror}") from exc


def _error(path: str | None, exc: BaseException) -> None:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    named = path is not None and message.startswith((path, str(Path(path))))
    where = f"{path}: " if path and not named else ""
    print(f"presswire: {where}{message}", file=sys.stderr)


def _sources(paths: Sequence[str]) -> Iterator[tuple[str, Any]]:
    for path in paths:
        if path == STDIN:
            yield "<stdin>", sys.stdin.buffer.read()
        else:
            yield path, Path(path)


def _limits(args: argparse.Namespace) -> Limits:
    try:
        return Limits(max_bytes=args.max_bytes, max_seconds=args.max_seconds)
    except ValueError as exc:
        raise PresswireError(f"bad limit: {exc}") from exc


def _cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    limits = _limits(args)
    if args.outlet is not None and args.outlet not in default_registry():
        raise PresswireError(
            f"no plugin named {args.outlet!r}; registered: {', '.join(default_registry().names())}"
        )
    status = EXIT_OK
    several = len(args.paths) > 1
    if several and args.url is not None:
        print(
            f"presswire: --url {args.url} is given as the URL of each of the "
            f"{len(args.paths)} inputs",
            file=sys.stderr,
        )
    records: list[dict[str, Any]] = []
    for index, (label, source) in enumerate(_sources(args.paths)):
        record: dict[str, Any]
        try:
            article = parse(source, url=args.url, outlet=args.outlet, limits=limits)
        except PresswireError as exc:
            _error(label, exc)
            status = EXIT_BAD_INPUT
            # with several inputs each has its record, a failed one too (as batch writes)
            record = {"source": label, "status": "error", "error": one_line(exc)}
            if not several or args.format in ("text", "markdown", "body"):
                continue
        else:
            record = {"source": label, "status": "ok", "article": article.to_dict()}
        if args.format in ("text", "markdown", "body"):
            if index:
                out.write("\n" + ("=" * 72 if args.format == "text" else "---") + "\n\n")
            render = {"text": render_article, "markdown": render_markdown, "body": render_body}
            out.write(render[args.format](article, label))
        elif args.format == "jsonl":
            shown = record if several else record["article"]
            out.write(json.dumps(shown, ensure_ascii=False) + "\n")
        else:
            records.append(record if several else record["article"])
        out.flush()
    if args.format == "json" and records:
        json.dump(records if several else records[0], out, ensure_ascii=False, indent=2)
        out.write("\n")
    return status


def render_body(article: Article, label: str) -> str:
    """The article's text alone: lead and paragraphs, a blank line between them."""
    return f"{article.text}\n\n" if article.text else ""


def render_markdown(article: Article, label: str) -> str:
    """The article as Markdown: headline, a line of its facts, lead, paragraphs, then the
    captions and the related links removed from the body."""
    lines = [f"# {article.title or '(no title)'}", ""]
    facts = [
        ", ".join(article.authors) or None,
        article.publisher or article.outlet,
        article.published,
        article.url,
    ]
    if any(facts):
        lines += ["*" + " · ".join(fact for fact in facts if fact) + "*", ""]
    if article.lead:
        lines += [f"**{article.lead}**", ""]
    for paragraph in article.paragraphs:
        lines += [paragraph, ""]
    for title, items in (("Captions", article.captions), ("Related", article.related)):
        if items:
            lines += [f"## {title}", "", *(f"- {item}" for item in items), ""]
    return "\n".join(lines)


def render_article(article: Article, label: str) -> str:
    """A readable view: header fields, then the body with subheadings."""
    fp = article.fingerprint
    lines = [f"# {article.title or '(no title)'}", ""]
    header = {
        "source": label,
        "outlet": article.outlet,
        "plugin": f"{fp.plugin} ({fp.score:.2f})" if fp else None,
        "published": article.published,
        "section": article.section,
        "dateline": " / ".join(
            part
            for part in (
                article.dateline.place,
                article.dateline.date_text,
                article.dateline.agency,
            )
            if part
        )
        if article.dateline
        else None,
        "authors": ", ".join(article.authors) or None,
        "url": article.url,
    }
    lines += [f"{key}: {value}" for key, value in header.items() if value]
    if article.lead:
        lines += ["", f"> {article.lead}"]
    lines.append("")
    lines += [f"{paragraph}\n" for paragraph in article.paragraphs]
    for title, items in (
        ("subheadings", article.subheadings),
        ("captions", article.captions),
        ("related", article.related),
        ("tags", article.tags),
        ("warnings", article.warnings),
    ):
        if items:
            lines.append(f"{title}:")
            lines += [f"  - {item}" for item in items]
    if article.quotes:
        lines.append("quotes:")
        lines += ["  - " + _table_row(row).split("\n")[0] for row in quote_rows(article, label)]
    return "\n".join(lines).rstrip("\n") + "\n"


QUOTE_COLUMNS = QUERY_COLUMNS
"""``presswire quotes`` has the columns of ``presswire query``."""


def quote_rows(article: Article, source: str) -> Iterator[dict[str, Any]]:
    """One flat row per quote of ``article``: the columns of ``presswire quotes``, a batch's
    quote columns (:func:`presswire.corpus.outputs.quote_rows`) with the article's."""
    from presswire.corpus.outputs import quote_rows as flat_quotes

    article_columns = {
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "source": source,
    }
    record = {"source": source, "status": "ok", "article": article.to_dict()}
    for quote in flat_quotes(record):
        row = {**quote, **article_columns}
        yield {name: row[name] for name in QUOTE_COLUMNS}


def _cmd_quotes(args: argparse.Namespace, out: TextIO) -> int:
    from presswire.corpus.outputs import escape_cell

    limits = _limits(args)
    status = EXIT_OK
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=QUOTE_COLUMNS, lineterminator="\n")
        writer.writeheader()
    for label, source in _sources(args.paths):
        try:
            article = parse(source, url=args.url, outlet=args.outlet, limits=limits)
        except PresswireError as exc:
            _error(label, exc)
            status = EXIT_BAD_INPUT
            continue
        for row in quote_rows(article, label):
            if row["confidence"] < args.min_confidence:
                continue
            if args.kind and row["kind"] not in args.kind:
                continue
            if writer is not None:
                writer.writerow({name: escape_cell(value) for name, value in row.items()})
            elif args.format == "jsonl":
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                out.write(_table_row(row))
        out.flush()
    return status


def _add_kind(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--kind",
        type=_kinds,
        metavar="KINDS",
        help=f"only these kinds, comma-separated ({', '.join(QUOTE_KINDS)})",
    )


def _kinds(value: str) -> tuple[str, ...]:
    """'direct,mixed' as a tuple of quote kinds; an unknown kind is refused."""
    kinds = tuple(kind.strip() for kind in value.split(",") if kind.strip())
    unknown = [kind for kind in kinds if kind not in QUOTE_KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown kind {', '.join(unknown) or repr(value)}; "
            f"choose from {', '.join(QUOTE_KINDS)}"
        )
    return kinds


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return number


def _unit_float(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return number


REPORTED_KINDS = frozenset({"indirect", "mixed"})
"""Kinds shown without quote marks: what someone said in the writer's words."""


def _table_row(row: dict[str, Any]) -> str:
    who = row["speaker"] or row["mention"] or "(unknown)"
    if row["role"]:
        who += f" ({row['role']})"
    if row["via"]:
        who += f" via {row['via']}"
    text = row["text"] if len(row["text"]) <= 160 else row["text"][:157] + "..."
    where = row["source"]
    if row.get("paragraph") is not None:
        where += f" ¶{row['paragraph']}"
    label = f"[{row['kind']} {row['confidence']:.2f}]"
    if row["kind"] in REPORTED_KINDS:  # reported speech is not their words: no quote marks
        said = f"{row['cue']} " if row.get("cue") else ""
        return f"{who} {label} {said}– {text}\n    {where}\n"
    return f"{who} {label}: “{text}”\n    {where}\n"


def _cmd_fingerprint(args: argparse.Namespace, out: TextIO) -> int:
    limits = _limits(args)
    status = EXIT_OK
    for label, source in _sources(args.paths):
        try:
            results = fingerprint(source, url=args.url, limits=limits)
        except PresswireError as exc:
            _error(label, exc)
            status = EXIT_BAD_INPUT
            continue
        if args.json or args.format == "jsonl":
            record = {
                "source": label,
                "fingerprints": [
                    {"plugin": fp.plugin, "score": fp.score, "evidence": list(fp.evidence)}
                    for fp in results
                ],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        out.write(f"{label}\n")
        for fp in results:
            evidence = "; ".join(fp.evidence) or "-"
            out.write(f"  {fp.plugin:<12} {fp.score:5.2f}  {evidence}\n")
    return status


def _cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    registry = default_registry()
    infos = registry.info()
    if args.json or args.format == "json":
        data = [
            {
                "name": i.name,
                "version": i.version,
                "package": i.package,
                "hooks": list(i.hooks),
                "origin": i.origin,
            }
            for i in infos
        ]
        failures = [
            {"name": f.name, "package": f.package, "reason": f.reason}
            for f in registry.load_failures
        ]
        json.dump({"plugins": data, "failed": failures}, out, indent=2)
        out.write("\n")
        return EXIT_OK
    out.write(f"{'NAME':<12} {'VERSION':<12} {'PACKAGE':<24} HOOKS\n")
    for i in infos:
        hooks = ", ".join(h.removeprefix("presswire_") for h in i.hooks)
        out.write(f"{i.name:<12} {i.version or '-':<12} {i.package:<24} {hooks}\n")
    for failure in registry.load_failures:
        out.write(f"{failure.name:<12} FAILED TO LOAD ({failure.package}): {failure.reason}\n")
    return EXIT_OK


def outlets_markdown(only: Collection[str] | None = None) -> str:
    """The supported-outlets table of ``docs/outlets.md``, generated from the plugins
    (``only`` these plugin names, if given)."""
    rows = [
        "| plugin | outlet | recognises | fields it fills | forms | notes |",
        "|---|---|---|---|---|---|",
    ]
    for name, info, forms in default_registry().outlets():
        if only is not None and name not in only:
            continue
        cells = [
            f"`{name}`",
            f"{info.title} (`{info.outlet}`)" if info.outlet else info.title,
            "; ".join(info.recognises),
            ", ".join(f"`{field}`" for field in info.fields),
            ", ".join(forms),
            info.notes or "",
        ]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


def _cmd_outlets(args: argparse.Namespace, out: TextIO) -> int:
    if args.format == "markdown":
        out.write(outlets_markdown())
        return EXIT_OK
    data = [
        {
            "plugin": name,
            "outlet": info.outlet,
            "title": info.title,
            "recognises": list(info.recognises),
            "fields": list(info.fields),
            "forms": list(forms),
            "notes": info.notes,
        }
        for name, info, forms in default_registry().outlets()
    ]
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def _cmd_batch(args: argparse.Namespace) -> int:
    from presswire.corpus import batch

    out = Path(args.out)
    if out.exists() and not (args.resume or args.overwrite):
        raise PresswireError(f"{out} exists: --resume adds to it, --overwrite replaces it")
    try:
        summary = batch(
            args.inputs,
            out,
            format=args.format,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            resume=args.resume,
            quotes_only=args.quotes_only,
            include=args.include,
            exclude=args.exclude,
            text_field=args.text_field,
            html_field=args.html_field,
            url_field=args.url_field,
            id_field=args.id_field,
            outlet=args.outlet,
            limits=_limits(args),
            batch_size=args.batch_size,
            progress=args.progress,
        )
    except KeyboardInterrupt:
        print(
            f"presswire: interrupted; what was written is in {out}.partial: "
            "run the same command with --resume to finish",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    print(f"presswire: {summary.line()}", file=sys.stderr)
    return EXIT_OK if summary.ok else EXIT_FAILED_RECORDS


def _cmd_query(args: argparse.Namespace, out: TextIO) -> int:
    from presswire.corpus.outputs import escape_cell
    from presswire.corpus.query import QUERY_COLUMNS, query

    rows = query(
        args.database,
        speaker=args.speaker,
        search=args.search,
        fts=args.fts,
        outlet=args.outlet,
        kind=args.kind,
        min_confidence=args.min_confidence,
        limit=args.limit,
    )
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=QUERY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({name: escape_cell(value) for name, value in row.items()} for row in rows)
    elif args.format == "jsonl":
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    else:
        out.writelines(_table_row(row) for row in rows)
    return EXIT_OK
