"""Hostile input (issue 24): each input is built here, in memory, and must give an Article or
a documented error, never a traceback, a hang or output that cannot be written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presswire
from presswire import InputError, LimitExceededError, Limits
from presswire.html import MAX_ATTRIBUTES

PROSE = "Moscow said on Tuesday that the talks had failed and would not resume before spring."


# ---------------------------------------------------------------- markup that stalls parsers
def test_a_tag_with_a_hundred_thousand_attributes_loses_them_before_parsing() -> None:
    attributes = " ".join(f'a{n}="x"' for n in range(100_000))
    page = f"<html><body><p {attributes}>{PROSE}</p></body></html>"
    article = presswire.parse(page, limits=Limits(max_seconds=20))
    assert article.paragraphs == (PROSE,)
    assert any("lost their attributes" in warning for warning in article.warnings)


def test_a_long_tag_with_few_attributes_keeps_them() -> None:
    # an inline image of 50 KB is a long tag, not an attack: nothing is stripped
    image = f'<img alt="map" src="data:image/png;base64,{"A" * 50_000}">'
    page = f"<html><body>{image}<p>{PROSE}</p></body></html>"
    article = presswire.parse(page)
    assert not any("lost their attributes" in warning for warning in article.warnings)
    assert MAX_ATTRIBUTES >= 100


def test_a_page_of_more_tags_than_the_limit_is_refused_before_parsing() -> None:
    page = "<html><body>" + "<p>x" * 2_000 + "</body></html>"
    with pytest.raises(LimitExceededError, match=r"more than 1,000 tags.*max_elements"):
        presswire.parse(page, limits=Limits(max_elements=1_000))
    assert presswire.parse(page, limits=Limits(max_elements=10_000)).source_format == "html"


def test_markup_denser_than_any_article_is_refused_before_parsing() -> None:
    # 99,000 open <p> in 0.4 MB: under max_elements, but each parsed tag costs a kilobyte
    dense = "<html><body>" + "<p>x" * 99_000 + "</body></html>"
    with pytest.raises(LimitExceededError, match=r"elements and attributes.*max_elements"):
        presswire.parse(dense)
    attributes = "<html><body>" + ("<p " + " ".join(f"a{i}=x" for i in range(900)) + ">x") * 60
    with pytest.raises(LimitExceededError, match="elements and attributes"):
        presswire.parse(attributes)
    assert presswire.parse(dense, limits=Limits(max_elements=500_000)).source_format == "html"


def test_a_page_as_busy_as_the_busiest_real_one_is_read() -> None:
    # the busiest benchmark page: 19,200 elements and attributes in 366,000 characters
    row = '<tr><td class="c" id="i">1</td><td class="c">{}</td><td><a href="/x">y</a></td></tr>'
    table = "".join(row.format(n) for n in range(2_200))  # 19,800 of them in 188,000 characters
    page = f"<html><body><table>{table}</table><p>{PROSE}</p></body></html>"
    article = presswire.parse(page)
    assert article.source_format == "html" and PROSE in article.text


# ---------------------------------------------------------------- text that is not Unicode
def test_lone_surrogates_become_replacement_characters_and_the_article_says_so() -> None:
    text = PROSE.replace("talks", "talks \ud800")
    article = presswire.parse(text, url="https://example.org/\udc80")
    article.to_json().encode("utf-8")  # writable: no surrogate left
    assert "\ufffd" in article.paragraphs[0]
    assert article.url == "https://example.org/\ufffd"
    assert any("surrogate" in warning for warning in article.warnings)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".sqlite", ".parquet"])
def test_a_batch_writes_records_whose_input_held_lone_surrogates(
    tmp_path: Path, suffix: str
) -> None:
    line = json.dumps(
        {"id": "a\ud800", "url": "https://x.example/\ud800", "text": PROSE + "\ud800"}
    )
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    summary = presswire.batch([source], tmp_path / f"out{suffix}", workers=1, progress=False)
    assert (summary.read, summary.parsed, summary.failed) == (1, 1, 0)


# ---------------------------------------------------------------- one rule for every input
def test_nul_is_refused_in_text_as_in_bytes() -> None:
    with pytest.raises(InputError, match="NUL"):
        presswire.parse(b"text\x00" + PROSE.encode())
    with pytest.raises(InputError, match="NUL"):
        presswire.parse("text\x00" + PROSE)


@pytest.mark.parametrize("url", [5, b"https://example.org/", ["https://example.org/"]])
def test_a_url_that_is_no_str_is_a_documented_error(url: object) -> None:
    with pytest.raises(InputError, match="url must be a str"):
        presswire.parse(PROSE, url=url)  # type: ignore[arg-type]


# ---------------------------------------------------------------- spreadsheet formulas
def test_csv_cells_that_a_spreadsheet_would_run_are_escaped_and_resume_reads_them_back(
    tmp_path: Path,
) -> None:
    text = "“=HYPERLINK(1) is all they will get from us,” Peskov said on Friday in Moscow."
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "=1+1", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"

    def rows() -> list[dict[str, str]]:
        with out.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    presswire.batch([source], out, workers=1, progress=False)
    written = rows()
    assert [(row["id"], row["text"][:11]) for row in written] == [("'=1+1", "'=HYPERLINK")]
    assert not any(
        value.startswith(("=", "+", "-", "@")) for row in written for value in row.values()
    )
    # resume reads the escaped cells back and writes them once escaped, not twice
    again = presswire.batch([source], out, workers=1, progress=False, resume=True)
    assert (again.read, again.skipped) == (1, 1)
    assert rows() == written


# ---------------------------------------------------------------- WARC faults
def _warc(pages: int) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for number in range(pages):
        body = f"<html><body><p>{PROSE}</p>{'<p>' + PROSE + '</p>' * 30}</body></html>".encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://example.org/{number}",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
        )
        writer.write_record(record)
    return buffer.getvalue()


def _outcomes(out: Path) -> list[tuple[str, str]]:
    lines = out.read_text(encoding="utf-8").splitlines()
    return [(Path(r["source"]).name, r.get("error") or "ok") for r in map(json.loads, lines)]


def test_a_warc_record_cut_off_is_an_error_record_not_a_short_article(tmp_path: Path) -> None:
    whole = _warc(2)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: len(whole) - 200])  # the second record loses its end
    out = tmp_path / "out.jsonl"
    summary = presswire.batch([cut], out, workers=1, progress=False)
    outcomes = _outcomes(out)
    assert outcomes[0][1] == "ok"
    assert outcomes[1][0].startswith("cut.warc@") and "cut off" in outcomes[1][1]
    assert (summary.parsed, summary.failed) == (1, 1)


def test_a_file_that_is_no_warc_is_an_error_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad, good = tmp_path / "a_bad.warc", tmp_path / "b_good.warc"
    bad.write_bytes(bytes(range(256)) * 8)  # warcio raised out of the batch on such a file
    good.write_bytes(_warc(1))
    out = tmp_path / "out.jsonl"
    summary = presswire.batch([bad, good], out, workers=1, progress=False)
    outcomes = _outcomes(out)
    assert outcomes[0][0] == "a_bad.warc@0" and "not a readable WARC record" in outcomes[0][1]
    assert outcomes[1] == ("b_good.warc@0", "ok")  # the next input is read
    assert (summary.parsed, summary.failed) == (1, 1)


def test_a_text_file_named_warc_is_an_error_record_not_records_passed_over(
    tmp_path: Path,
) -> None:
    # warcio reads lines that are no WARC header as old ARC records
    text = tmp_path / "notes.warc"
    text.write_text("not a warc at all\nsecond line of notes\n")
    summary = presswire.batch([text], tmp_path / "out.jsonl", workers=1, progress=False)
    outcomes = _outcomes(tmp_path / "out.jsonl")
    assert len(outcomes) == 1 and outcomes[0][0] == "notes.warc@0"
    assert "neither a WARC nor an ARC record" in outcomes[0][1]
    assert (summary.failed, summary.passed_over) == (1, {})


def test_a_gzipped_warc_cut_in_the_middle_says_so(tmp_path: Path) -> None:
    import gzip

    packed = gzip.compress(_warc(1))
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    out = tmp_path / "out.jsonl"
    summary = presswire.batch([cut], out, workers=1, progress=False)
    assert summary.failed == 1
    assert "WARC" in _outcomes(out)[0][1]


# ---------------------------------------------------------------- plugins that misbehave
class _ExitingFingerprint:
    name = "exits"

    def presswire_fingerprint(self, document: object) -> object:
        raise SystemExit(3)


class _SleepingFingerprint:
    name = "sleeps"

    def presswire_fingerprint(self, document: object) -> object:
        import time

        time.sleep(0.6)
        return None


class _CorruptArticle:
    name = "corrupts"

    def presswire_fingerprint(self, document: object) -> presswire.Fingerprint:
        return presswire.Fingerprint(score=0.9)

    def presswire_extract_text(self, document: object) -> presswire.Article:
        article = presswire.Article(paragraphs=[PROSE])
        object.__setattr__(article, "paragraphs", "not a tuple")  # behind the validators
        return article


class _FailingDescription:
    name = "nodescription"

    def presswire_outlet_info(self) -> object:
        raise RuntimeError("broken")


def _registry(*plugins: object) -> presswire.PluginRegistry:
    registry = presswire.PluginRegistry(autoload=False)
    for plugin in plugins:
        registry.register(plugin)
    return registry


def test_a_plugin_that_raises_systemexit_is_disabled_and_the_page_parsed() -> None:
    registry = _registry(_ExitingFingerprint())
    article = presswire.parse(PROSE, registry=registry)
    assert article.paragraphs == (PROSE,)
    assert any("'exits' failed to fingerprint: SystemExit" in w for w in article.warnings)
    again = presswire.parse(PROSE, registry=registry)
    assert any("'exits' is disabled for this run" in w for w in again.warnings)


def test_a_plugin_that_takes_the_time_is_named_and_disabled() -> None:
    registry = _registry(_SleepingFingerprint())
    with pytest.raises(presswire.TimeLimitExceededError, match="'sleeps'"):
        presswire.parse(PROSE, registry=registry, limits=Limits(max_seconds=0.5))
    article = presswire.parse(PROSE, registry=registry)  # the default limit: no race
    assert article.paragraphs == (PROSE,)  # parsed without it
    assert "sleeps" in registry.disabled


def test_a_corrupted_article_from_a_plugin_falls_back_to_the_next_plugin() -> None:
    registry = _registry(_CorruptArticle())
    article = presswire.parse(PROSE, registry=registry)
    assert article.fingerprint is not None and article.fingerprint.plugin == "generic"
    assert any("'corrupts' failed" in w for w in article.warnings)


def test_a_plugin_that_cannot_describe_itself_does_not_break_the_outlets_table() -> None:
    registry = _registry(_FailingDescription())
    assert [name for name, _, _ in registry.outlets()] == ["generic"]
    assert "nodescription" in registry.disabled


def test_a_plugin_that_failed_to_load_is_named_in_every_parse() -> None:
    from presswire.registry import LoadFailure

    registry = _registry()
    registry.load_failures.append(LoadFailure("broken", "broken-package", "ImportError: no"))
    article = presswire.parse(PROSE, registry=registry)
    assert any("'broken' failed to load: ImportError" in w for w in article.warnings)


# ---------------------------------------------------------------- output paths
def _pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(PROSE + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("resume", [False, True])
def test_an_existing_folder_at_out_is_refused_and_left_alone(tmp_path: Path, resume: bool) -> None:
    pages = _pages(tmp_path)
    out = tmp_path / "out.jsonl"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="is a folder"):
        presswire.batch([pages], out, workers=1, progress=False, resume=resume)
    with pytest.raises(InputError, match="is a folder"):  # a rerun: still there, untouched
        presswire.batch([pages], out, workers=1, progress=False)
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_a_folder_named_like_the_partial_output_is_not_deleted(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    partial = tmp_path / "out.jsonl.partial"
    partial.mkdir()
    (partial / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="is a folder"):
        presswire.batch([pages], tmp_path / "out.jsonl", workers=1, progress=False)
    assert (partial / "keep.txt").exists()


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_symlink_at_the_partial_output_is_not_followed(tmp_path: Path, suffix: str) -> None:
    pages = _pages(tmp_path)
    target = tmp_path / "precious.txt"
    target.write_text("mine", encoding="utf-8")
    (tmp_path / f"out{suffix}.partial").symlink_to(target)
    with pytest.raises(InputError, match="symbolic link"):
        presswire.batch([pages], tmp_path / f"out{suffix}", workers=1, progress=False)
    assert target.read_text(encoding="utf-8") == "mine"


def test_a_folder_that_is_no_parquet_output_is_refused(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    out = tmp_path / "out.parquet"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not a presswire Parquet output"):
        presswire.batch([pages], out, workers=1, progress=False)
    assert (out / "articles" / "notes.txt").exists()


# ---------------------------------------------------------------- workers of a killed batch
SLOW_PARSER = """
import os, time

def slow(record, limits):
    with open(os.environ["PIDS_FILE"], "a") as handle:
        handle.write(f"{os.getpid()}\\n")
    time.sleep(60)
    raise RuntimeError("never reached in the test")
"""
BATCH_SCRIPT = """
import sys
import presswire
from slow_parser import slow

if __name__ == "__main__":
    presswire.batch(
        [sys.argv[1]], sys.argv[2], workers=2, progress=False, parser=slow, batch_size=1
    )
"""


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "State:\tZ" not in status  # a zombie has ended


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_workers_end_when_the_batch_process_is_killed(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    (tmp_path / "slow_parser.py").write_text(SLOW_PARSER, encoding="utf-8")
    (tmp_path / "run_batch.py").write_text(BATCH_SCRIPT, encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(4):
        (pages / f"{number}.txt").write_text(PROSE + "\n", encoding="utf-8")
    pids_file = tmp_path / "pids.txt"
    environment = {**os.environ, "PIDS_FILE": str(pids_file), "PYTHONPATH": str(tmp_path)}
    batch = subprocess.Popen(
        [sys.executable, "run_batch.py", str(pages), str(tmp_path / "out.jsonl")],
        cwd=tmp_path,
        env=environment,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if pids_file.exists() and len(set(pids_file.read_text().split())) >= 2:
                break
            time.sleep(0.1)
        workers = {int(pid) for pid in pids_file.read_text().split()}
        assert len(workers) == 2
        batch.send_signal(signal.SIGKILL)
        batch.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_running(pid) for pid in workers):
            time.sleep(0.1)
        assert not any(_running(pid) for pid in workers)
    finally:
        batch.kill()
        for pid in {int(p) for p in pids_file.read_text().split()} if pids_file.exists() else ():
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


# ---------------------------------------------------------------- generated hostile pages

_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFFFF, blacklist_categories=()),
    max_size=200,
)  # surrogates (Cs) included: str may hold them


@st.composite
def hostile_pages(draw: st.DrawFn) -> str:
    attributes = draw(st.integers(min_value=0, max_value=2_000))
    # a page of at most some 200,000 attributes in all: large, not the 16 MiB limit
    depth = draw(st.integers(min_value=0, max_value=min(2_000, 200_000 // (attributes + 1))))
    text = draw(_TEXT)
    tag = draw(st.sampled_from(["div", "p", "span", "b", "table", "li"]))
    attribute_list = " ".join(f'a{n}="{n}"' for n in range(attributes))
    opened = f"<{tag} {attribute_list}>" if attributes else f"<{tag}>"
    closing = draw(st.booleans())
    return (
        "<html><head><title>"
        + draw(_TEXT)
        + "</title></head><body>"
        + opened * depth
        + f"<p>{text} {PROSE}</p>"
        + (f"</{tag}>" * depth if closing else "")
        + "</body></html>"
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=hostile_pages())
def test_generated_hostile_pages_give_a_writable_article_or_a_documented_error(page: str) -> None:
    try:
        article = presswire.parse(page, limits=Limits(max_seconds=20))
    except presswire.PresswireError:
        return
    article.to_json().encode("utf-8")  # no lone surrogate, whatever the page held


@settings(max_examples=50, deadline=None)
@given(text=_TEXT, url=st.one_of(st.none(), _TEXT))
def test_generated_text_with_surrogates_gives_a_writable_article(
    text: str, url: str | None
) -> None:
    try:
        article = presswire.parse(text + " " + PROSE, url=url)
    except presswire.PresswireError:
        return
    article.to_json().encode("utf-8")


# ---------------------------------------------------------------- kill -9, then --resume
def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _written_sources(out: Path) -> list[str]:
    import sqlite3

    if out.suffix == ".jsonl":
        return [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    with sqlite3.connect(out) as connection:
        return [row[0] for row in connection.execute("SELECT source FROM articles")]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("suffix", [".jsonl", ".sqlite"])
def test_batches_killed_at_random_points_then_resumed_write_every_input_once(
    tmp_path: Path, suffix: str
) -> None:
    import random
    import signal
    import subprocess
    import sys
    import time

    pages = tmp_path / "pages"
    pages.mkdir()
    count = 600
    for number in range(count):
        quote = f"“We will meet again in week {number},” the minister told reporters."
        text = "\n\n".join([quote, PROSE] * 12) + "\n"
        (pages / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    partial = out.with_name(out.name + ".partial")
    command = [sys.executable, "-m", "presswire", "batch", str(pages), "--out", str(out)]
    command += ["--workers", "2", "--batch-size", "2", "--resume"]
    chance = random.Random(24)
    interrupted = 0
    for _cycle in range(3):  # kill the batch (and, once, a worker first) at a random moment
        batch = subprocess.Popen(command, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        started = time.monotonic()  # wait for records to be written, then a random moment

        def size() -> int:
            return partial.stat().st_size if partial.exists() else -1

        while size() < 0 and batch.poll() is None and time.monotonic() - started < 60:
            time.sleep(0.005)
        time.sleep(0.05)  # the file is created before its tables or first lines
        before = size()
        while size() <= before and batch.poll() is None and time.monotonic() - started < 60:
            time.sleep(0.005)
        time.sleep(chance.uniform(0.0, 0.2))
        if _cycle == 1 and (workers := _children(batch.pid)):
            import os

            os.kill(chance.choice(workers), signal.SIGKILL)
            time.sleep(chance.uniform(0.0, 0.2))
        batch.send_signal(signal.SIGKILL)
        batch.wait()
        interrupted += not out.exists()
        if out.exists():
            break
    for _attempt in range(3):  # then resume until the output is complete
        if out.exists() and not partial.exists():
            break
        subprocess.run(command, check=False, capture_output=True, timeout=300)
    assert interrupted  # at least one kill landed before the batch was done
    written = _written_sources(out)
    assert len(written) == count
    assert sorted(written) == sorted(str(path) for path in pages.glob("*.txt"))


def test_a_page_too_large_for_the_time_left_is_refused_before_the_uninterruptible_step() -> None:
    # trafilatura's pass over a page cannot be interrupted: a page it would take past the
    # limit is refused before it starts, not reported once the limit is long gone
    page = "<html><body><article>" + f"<p>{PROSE}</p>\n" * 40_000 + "</article></body></html>"
    with pytest.raises(presswire.TimeLimitExceededError, match="would be exceeded"):
        presswire.parse(page, limits=Limits(max_seconds=1))


def test_a_blank_url_is_no_url_and_a_padded_one_is_trimmed() -> None:
    # a blank URL reached the Article's validator and raised a ValueError from deep inside
    assert presswire.parse(PROSE, url="  ").url is None
    assert presswire.parse(PROSE, url=" https://example.org/a ").url == "https://example.org/a"
