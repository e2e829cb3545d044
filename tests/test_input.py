"""Reading sources: types, encodings, HTML detection, normalisation, limits."""

from __future__ import annotations

import io
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presswire
from presswire import (
    Article,
    Document,
    InputError,
    LimitExceededError,
    Limits,
    PresswireError,
    TimeLimitExceededError,
)
from presswire.decoding import check_not_binary, decode_bytes, looks_like_html, normalise_text
from presswire.rules import (
    MIN_PROSE_WORDS,
    SENTENCE_ENDINGS,
    clean_line,
    count_prose,
    is_headline,
    is_prose,
)

from .conftest import SEEDS

CYRILLIC = "Москва, 30 мая. /ТАСС/. Заместитель министра иностранных дел России Сергей Рябков."
LATIN1 = "Le ministre a déclaré à la presse que la réunion était très importante pour l'été."


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        ("\ufeffUTF-8 with a BOM: “quotes”".encode(), "utf-8-sig"),
        ("UTF-16 with a BOM: “quotes”".encode("utf-16"), "utf-16"),
        ("UTF-32 with a BOM: “quotes”".encode("utf-32"), "utf-32"),
        ("UTF-16 without a BOM, plain Latin text".encode("utf-16-le"), "utf-16-le"),
        ("Plain UTF-8: “quotes” and Рябков".encode(), "utf-8"),
    ],
)
def test_unicode_encodings(data: bytes, expected_encoding: str) -> None:
    text, encoding = decode_bytes(data)
    assert encoding == expected_encoding
    assert not text.startswith("\ufeff")
    assert "quotes" in text or "Latin" in text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (CYRILLIC * 3, "cp1251"),
        (CYRILLIC * 3, "koi8_r"),
        (LATIN1 * 3, "latin-1"),
        (LATIN1 * 3, "cp1252"),
    ],
)
def test_legacy_encodings_are_detected(text: str, codec: str) -> None:
    decoded, _ = decode_bytes(text.encode(codec))
    assert decoded == text


def test_declared_html_charset_wins_over_detection() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{CYRILLIC}</p></body></html>'
    article = presswire.parse(page.encode("cp1251"))
    assert article.source_format == "html"
    assert CYRILLIC in article.paragraphs[0]


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 20,
        bytes(range(256)) * 50,
        b"PK\x03\x04" + b"\x00\x14\x00" * 100,
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        presswire.parse(data)


@pytest.mark.parametrize("source", [12, None, 3.5, ["text"], object()])
def test_wrong_types_are_refused(source: object) -> None:
    with pytest.raises(InputError, match="cannot parse a"):
        presswire.parse(source)


def test_paths_and_file_objects(tmp_path: Path) -> None:
    seed = next(SEEDS.glob("002_*.txt"))
    from_path = presswire.parse(seed)
    assert presswire.parse(seed.read_bytes()) == from_path
    assert presswire.parse(seed.read_text("utf-8")) == from_path
    with seed.open("rb") as handle:
        assert presswire.parse(handle) == from_path
    assert presswire.parse(io.StringIO(seed.read_text("utf-8"))) == from_path
    with pytest.raises(InputError, match="no such file"):
        presswire.parse(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        presswire.parse(tmp_path)


def test_a_str_is_content_never_a_path() -> None:
    article = presswire.parse(str(next(SEEDS.glob("002_*.txt"))))
    assert article.paragraphs == ()  # the path's characters, not the file


def test_newlines_and_unicode_are_normalised_without_visible_change() -> None:
    decomposed = "Pe\u0301rez said\r\nthe\rend\u2028here\x00\x1b[0m\ufeff\u00a0ok"
    normalised = normalise_text(decomposed)
    assert normalised == "P\u00e9rez said\nthe\nend\nhere[0m\u00a0ok"
    assert unicodedata.is_normalized("NFC", normalised)


def test_crlf_dump_parses_like_lf_dump() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        data = seed.read_bytes()
        assert presswire.parse(data.replace(b"\n", b"\r\n")) == presswire.parse(data)


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("  <!-- saved by wget --><html lang='en'>", True),
        ("<div class='a'><p>One</p><p>Two</p><a href='/x'>x</a></div>", True),
        ("News / Foreign Policy\n\nTitle\n\nBody text that mentions <b> once.", False),
        ("He wrote 3 < 4 and 5 > 2 in plain text.", False),
        ("<!-- unterminated comment " + "x" * 100_000, False),
    ],
)
def test_html_detection(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


def test_source_format_can_be_forced() -> None:
    page = "<p>Some text that is long enough to be a paragraph of body text here.</p>"
    assert presswire.parse(page, source_format="text").source_format == "text"
    assert presswire.parse(page, source_format="html").source_format == "html"
    with pytest.raises(InputError):
        presswire.parse(page, source_format="pdf")  # type: ignore[arg-type]


def test_size_limit_is_checked_before_decoding(tmp_path: Path) -> None:
    big = "word " * 1000
    limits = Limits(max_bytes=1000)
    for source in (big, big.encode(), io.BytesIO(big.encode())):
        with pytest.raises(LimitExceededError, match="max_bytes"):
            presswire.parse(source, limits=limits)
    path = tmp_path / "big.txt"
    path.write_text(big)
    with pytest.raises(LimitExceededError, match=r"big\.txt"):
        presswire.parse(path, limits=limits)
    assert presswire.parse(big, limits=Limits(max_bytes=10_000)).source_format == "text"


def test_multibyte_str_is_measured_in_utf8_bytes() -> None:
    with pytest.raises(LimitExceededError):
        presswire.parse("Ж" * 600, limits=Limits(max_bytes=1000))  # 1200 bytes


@pytest.mark.parametrize(
    ("char", "size"),
    [("a", 1), ("Ж", 2), ("\u2019", 3), ("\ud800", 3), ("\U0001f600", 4)],  # \ud800: surrogate
)
def test_str_at_the_limit_passes_and_one_character_more_does_not(char: str, size: int) -> None:
    limits = Limits(max_bytes=1200)
    fits = char * (1200 // size)  # 1,200 bytes in UTF-8
    assert presswire.parse(fits, limits=limits).source_format == "text"
    with pytest.raises(LimitExceededError):
        presswire.parse(fits + char, limits=limits)


@pytest.mark.parametrize("bad", [{"max_bytes": 0}, {"max_seconds": -1}, {"max_bytes": "1"}])
def test_limits_are_validated(bad: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        Limits(**bad)  # type: ignore[arg-type]


class SlowPlugin:
    name = "slow"

    def presswire_fingerprint(self, document: Document) -> presswire.Fingerprint:
        time.sleep(0.3)
        return presswire.Fingerprint(score=0.9)

    def presswire_extract_text(self, document: Document) -> Article:
        for _ in range(1000):  # a long loop that checks the deadline, as plugins are told to
            time.sleep(0.01)
            document.deadline.check("slow plugin")
        return Article()


def test_time_limit_raises_its_own_error(bare_registry: presswire.PluginRegistry) -> None:
    bare_registry.register(SlowPlugin())
    started = time.monotonic()
    with pytest.raises(TimeLimitExceededError, match="max_seconds"):
        presswire.parse("text", limits=Limits(max_seconds=0.5), registry=bare_registry)
    assert time.monotonic() - started < 3
    with pytest.raises(TimeLimitExceededError):
        presswire.parse("text", limits=Limits(max_seconds=0.1), registry=bare_registry)


def test_time_limit_none_turns_the_check_off(bare_registry: presswire.PluginRegistry) -> None:
    assert presswire.parse("x", limits=Limits(max_seconds=None), registry=bare_registry)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.binary(), st.text(alphabet="<>/=\"' pdivahtml\n\r").map(str)))
def test_any_input_gives_an_article_or_a_documented_error(source: str | bytes) -> None:
    try:
        article = presswire.parse(source)
    except PresswireError:
        return
    assert isinstance(article, Article)
    assert article.fingerprint is not None


HTML_FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<a href='x'>",
        "</a>",
        "<html>",
        "<body>",
        "&amp;",
        "&#x1F600;",
        "&#0;",
        "\u0000",
        "<meta charset='utf-16'>",
        "<script type='application/ld+json'>{\"@graph\": [",
        "Kremlin spokesman Dmitry Peskov said the talks were useful and constructive.",
        "\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(HTML_FRAGMENTS, max_size=30).map("".join))
def test_any_html_soup_gives_an_article_or_a_documented_error(page: str) -> None:
    for source in (page, page.encode("utf-8", "surrogatepass")):
        try:
            article = presswire.parse(source)
        except PresswireError:
            continue
        assert isinstance(article, Article)


def test_deeply_nested_html_does_not_overflow() -> None:
    page = (
        "<html><body>"
        + "<div>" * 10_000
        + "<p>Deep text here with enough words to count as body.</p>"
        + "</div>" * 10_000
    )
    article = presswire.parse(page)
    assert article.source_format == "html"


def test_parse_many_keeps_input_order_and_is_lazy() -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    consumed: list[Path] = []

    def sources() -> Iterator[Path]:
        for seed in seeds:
            consumed.append(seed)
            yield seed

    results = presswire.parse_many(sources())
    first = next(results)
    assert consumed == seeds[:1]  # one source read per result, not the whole corpus
    rest = list(results)
    assert [first, *rest] == [presswire.parse(seed) for seed in seeds]


def test_parse_many_errors_raise_or_take_the_sources_place(tmp_path: Path) -> None:
    sources: list[object] = [SEEDS / "missing.txt", next(SEEDS.glob("002_*.txt")), b"\x00\x01"]
    results = list(presswire.parse_many(sources, errors="return"))
    assert [type(r).__name__ for r in results] == ["InputError", "Article", "InputError"]
    with pytest.raises(InputError):
        list(presswire.parse_many(sources))
    with pytest.raises(ValueError):
        list(presswire.parse_many(sources, errors="ignore"))  # type: ignore[call-overload]


@given(
    st.text(
        alphabet=st.sampled_from("ab. \t\n\r\xa0\u2009\u3000\u200b\ufeff\x85\u2028é"), max_size=40
    )
)
def test_clean_line_shortcut_agrees_with_split_and_join(text: str) -> None:
    # clean_line returns a text it deems clean as it is: that must be what split and join give
    assert clean_line(text) == " ".join(text.split())


@given(st.text(alphabet=st.sampled_from("ab \x00\x01\x08\t\n\x0b\x0c\r\x0e\x1f"), max_size=80))
def test_binary_text_is_refused_by_its_share_of_control_characters(text: str) -> None:
    # the rule, as a loop over characters: more than 5% below the space but tab and breaks
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
    if text and controls > 0.05 * len(text):
        with pytest.raises(InputError):
            check_not_binary(text)
    else:
        check_not_binary(text)


@given(st.text(alphabet=st.sampled_from("ab.! \t\xa0\n"), max_size=60))
def test_is_prose_counts_words_and_reads_the_ending(text: str) -> None:
    expected = len(text.split()) >= MIN_PROSE_WORDS and text.rstrip().endswith(SENTENCE_ENDINGS)
    assert is_prose(text) == expected


# lines of up to a dozen words ('c.' and 'd!' end sentences), with any white space between
_WORDY_LINES = st.lists(
    st.lists(st.sampled_from(["a", "bb", "c.", "d!", "e”", "f:"]), max_size=12).flatmap(
        lambda words: st.lists(
            st.sampled_from([" ", "  ", "\t", "\xa0", " \n "]),
            min_size=len(words) + 1,
            max_size=len(words) + 1,
        ).map(lambda gaps: gaps[0] + "".join(w + g for w, g in zip(words, gaps[1:], strict=True)))
    ),
    max_size=6,
)


@given(_WORDY_LINES)
def test_count_prose_of_clean_lines_is_the_number_of_prose_lines(lines: list[str]) -> None:
    clean = [clean_line(line) for line in lines]
    assert count_prose(clean) == sum(map(is_prose, clean))


@given(
    st.text(
        alphabet=st.sampled_from("ab \n\r\t\x00\x08\x0b\x0e\x1f\x7f\x85\x9f\xa0\ufeff\u2028é"),
        max_size=30,
    )
)
def test_normalise_text_removes_every_invisible_character_and_no_other(text: str) -> None:
    # the definition, without the check that spares most pages the regex
    expected = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    invisible = {*map(chr, range(0x09)), "\x0b", *map(chr, range(0x0E, 0x20))}
    invisible |= {*map(chr, range(0x7F, 0xA0)), "\ufeff"}
    expected = "".join(char for char in expected if char not in invisible)
    assert normalise_text(text) == unicodedata.normalize("NFC", expected)


@given(_WORDY_LINES, st.integers(0, 8))
def test_is_headline_counts_words_and_reads_the_ending(lines: list[str], max_words: int) -> None:
    for text in lines:
        words = len(text.split())
        ends = text.rstrip().endswith(SENTENCE_ENDINGS)
        assert is_headline(text, max_words=max_words) == (2 <= words <= max_words and not ends)


def test_every_sentence_ending_is_one_character() -> None:
    # is_prose, is_headline and count_prose look the last character up in a set
    assert all(len(ending) == 1 for ending in SENTENCE_ENDINGS)
