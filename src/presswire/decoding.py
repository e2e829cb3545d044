"""From a source (str, bytes, path, file object) to normalised text.

Decoding order for bytes: byte-order mark; the charset an HTML page declares; strict UTF-8;
charset-normalizer's detection (cp1251, latin-1, Shift-JIS, ...). Binary data is refused with
:class:`~presswire.errors.InputError` rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import html
import os
import re
import unicodedata
from typing import Any

import charset_normalizer

from presswire.errors import InputError, LimitExceededError
from presswire.limits import Limits

__all__ = [
    "Source",
    "decode_bytes",
    "looks_like_html",
    "normalise_text",
    "read_source",
    "unescape_entities",
]

Source = str | bytes | bytearray | memoryview | os.PathLike[str] | Any
"""What :func:`presswire.parse` accepts: text, bytes, a path, or a binary file object."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: the UTF-16 LE BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I
)
_HTML_START = ("<!doctype html", "<html", "<?xml")
_HTML_TAG = re.compile(
    r"<(?:html|head|body|div|p|span|a|article|section|meta|title|script|br|img|li|ul|table|"
    r"h[1-6]|link|main|header|footer|nav)\b[^<>]{0,500}>",
    re.I,
)
_HTML_CLOSE = re.compile(r"</(?:p|div|a|span|li|body|html|h[1-6]|article|section)\s*>", re.I)
_SNIFF = 65536  # characters (or bytes) inspected to classify a document

# Invisible characters removed by normalisation: C0/C1 controls (but tab and newline), the BOM;
# and the other line separators, which become newlines.
_CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)]))
"""Below the space, but tab and line breaks."""
_INVISIBLE_CHARS = _CONTROL_CHARS + "".join(map(chr, [*range(0x7F, 0xA0), 0xFEFF]))
# Regexes remove or count them, a C loop; but a character class costs the regex engine some
# sixty instructions a character, and ``in`` for each of the characters (memchr speed) tells
# first, at a third of that, that a page has none: most pages.
_INVISIBLE = re.compile("[" + re.escape(_INVISIBLE_CHARS) + "]")
_CONTROL = re.compile("[" + re.escape(_CONTROL_CHARS) + "]")


def _holds_any(text: str, chars: str) -> bool:
    return any(char in text for char in chars)


_MAX_UTF8_BYTES = 4
"""The most bytes one character takes in UTF-8."""

_OTHER_LINE_BREAKS = ("\x0c", "\u2028", "\u2029")  # form feed, line and paragraph separators


def read_source(source: Source, limits: Limits) -> str | bytes:
    """Return the source's content, refusing sources larger than ``limits.max_bytes``."""
    if isinstance(source, str):
        # A str is text, never a path: paths are given as pathlib.Path / os.PathLike.
        # Its UTF-8 size lies between len(source) and four times that (a lone surrogate takes
        # three bytes): it is encoded to be measured only when the limit lies in between, not
        # for every page far under it (the encoding cost almost 1% of a parse).
        length = len(source)
        if length * _MAX_UTF8_BYTES > limits.max_bytes and (
            length > limits.max_bytes
            or len(source.encode("utf-8", "surrogatepass")) > limits.max_bytes
        ):
            raise _too_large(limits)
        return source
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > limits.max_bytes:
            raise _too_large(limits)
        return data
    if isinstance(source, os.PathLike):
        return _read_path(source, limits)
    read = getattr(source, "read", None)
    if callable(read):
        try:
            data = read(limits.max_bytes + 1)
        except OSError as exc:
            raise InputError(f"cannot read from {source!r}: {exc}") from exc
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        if not isinstance(data, bytes):
            raise InputError(f"{type(source).__name__}.read() returned {type(data).__name__}")
        if len(data) > limits.max_bytes:
            raise _too_large(limits)
        return data
    raise InputError(
        f"cannot parse a {type(source).__name__}: give str (page text), bytes, a path "
        "(pathlib.Path) or a binary file object"
    )


def _read_path(path: os.PathLike[str], limits: Limits) -> bytes:
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except IsADirectoryError as exc:
        raise InputError(f"{name}: is a directory") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{name}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    if len(data) > limits.max_bytes:
        raise _too_large(limits, name)
    return data


def _too_large(limits: Limits, name: str | None = None) -> LimitExceededError:
    where = f"{name}: " if name else ""
    return LimitExceededError(
        f"{where}source is larger than Limits.max_bytes ({limits.max_bytes:,} bytes)"
    )


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raises InputError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"a {encoding} byte-order mark, but not {encoding} data") from exc
    head = data[:_SNIFF]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16 is None:
            raise InputError("binary data, not a page (it contains NUL bytes)")
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise InputError("binary data, not a page (it contains NUL bytes)") from exc
    # Valid UTF-8 first, whatever the page declares: bytes of another encoding that hold
    # non-ASCII text are almost never valid UTF-8, while pages stored or re-served as UTF-8
    # often keep the charset of their origin ('ISO-8859-15', 'GB2312'), which would turn
    # 'sanción' into 'sanciÃ³n'. ASCII decodes the same in every encoding we would pick.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(head)
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # pages lie about their charset; fall through to detection
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("binary data, not a page (no text encoding fits it)")
    return str(best), best.encoding


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly Latin script has a NUL in every other byte."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _declared_charset(head: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(head[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def check_no_nul(text: str) -> None:
    """Refuse text with a NUL character near its start, as :func:`decode_bytes` refuses bytes
    with a NUL byte there: no page holds one, binary data does."""
    if "\x00" in text[:_SNIFF]:
        raise InputError("binary data, not a page (it contains NUL characters)")


def check_not_binary(text: str) -> None:
    """Refuse decoded text that is mostly control characters (a decoder accepted binary data)."""
    head = text[:_SNIFF]
    if not head:
        return
    if not _holds_any(head, _CONTROL_CHARS):
        return
    # counted by the regex engine: a Python loop over 64K characters cost a page's parse time
    controls = len(_CONTROL.findall(head))
    if controls > 0.05 * len(head):
        raise InputError("binary data, not a page (too many control characters)")


def normalise_text(text: str) -> str:
    """Normalise newlines to ``\\n``, drop invisible control characters, compose to NFC.

    What a reader sees is unchanged: no-break spaces, dashes and quote marks are kept.
    """
    # str.replace and `in` run at memory speed; a regex alternation over a 200 KB page costs
    # milliseconds.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for separator in _OTHER_LINE_BREAKS:
        if separator in text:
            text = text.replace(separator, "\n")
    if _holds_any(text, _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    if unicodedata.is_normalized("NFC", text):  # the common case, checked without copying
        return text
    return unicodedata.normalize("NFC", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate (half of a UTF-16 pair, which no encoding can write:
    a ``str`` from broken JSON, ``"\\ud800"``) replaced by U+FFFD, and how many there were.
    The one rule for text that is not valid Unicode: it is made valid at the boundary, and
    the article says so."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """Turn HTML character references left in a text dump (``&amp;``, ``&#8217;``) into the
    characters a reader of the page saw. Only complete references (with the ``;``) are
    touched, so ``R&D`` or ``AT&T`` stay as they are."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page (or fragment) rather than a text dump."""
    head = text[:_SNIFF]
    if "<" not in head:
        return False  # no tag, no doctype: most text dumps, without the regexes
    start = head.lstrip()
    while start.startswith("<!--"):  # comments before the doctype (a loop: no regex backtracking)
        end = start.find("-->")
        if end < 0:
            break
        start = start[end + 3 :].lstrip()
    if start[:20].lower().startswith(_HTML_START):
        return True
    opening = 0
    for _ in _HTML_TAG.finditer(head):
        opening += 1
        if opening >= 3:
            break
    return opening >= 3 and _HTML_CLOSE.search(head) is not None
