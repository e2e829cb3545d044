"""An HTML page is parsed once: its metadata and trafilatura's main text come from one tree."""

from __future__ import annotations

from typing import Any

import pytest
import trafilatura
from lxml import etree

from presswire import Document, generic

PARAGRAPHS = [
    "Russian Deputy Foreign Minister Sergei Ryabkov said on Friday that Moscow was ready "
    "to discuss the treaty with Washington at any level.",
    "“We see no obstacles to talks,” Ryabkov told reporters, adding that the US side had "
    "not answered the latest proposals sent through diplomatic channels.",
    "The New START treaty expires in February, and neither side has said what comes after it.",
]
PAGE = (
    "<!DOCTYPE html><html><head><title>Ryabkov: ready to talk | News</title>"
    "<meta property='og:title' content='Ryabkov: Moscow ready to talk'>"
    "<meta property='article:published_time' content='2020-11-13T11:53:00+03:00'>"
    "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
    + "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    + "</article><footer>© News 2020</footer></body></html>"
)
# Pages trafilatura repairs before parsing: an XHTML doctype, a self-closing <html/>, a
# processing instruction.
XHTML = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n' + PAGE.split(">", 1)[1]
)
SELF_CLOSING = PAGE.replace("<html>", "<html lang='en'/>\n")
INSTRUCTION = PAGE.replace("<article>", "<article><?php echo 1; ?>")


def _body(result: Any) -> bytes | None:
    return None if result is None or result.body is None else etree.tostring(result.body)


def test_generic_hands_trafilatura_the_tree_the_metadata_were_read_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = Document(PAGE, source_format="html")
    given: list[Any] = []
    extract = trafilatura.bare_extraction

    def spy(content: Any, **options: Any) -> Any:
        given.append(content)
        return extract(content, **options)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    article = generic.presswire_extract_html(document)
    # the very tree, in the fast mode and (this short page) the full one: parsed once
    tree = document._trafilatura_tree()
    assert given and all(content is tree for content in given)
    assert article.title == "Ryabkov: Moscow ready to talk"
    assert article.published == "2020-11-13T11:53+03:00"
    assert list(article.paragraphs) == PARAGRAPHS


@pytest.mark.parametrize("page", [PAGE, XHTML, SELF_CLOSING, INSTRUCTION])
def test_trafilatura_extracts_the_same_from_the_tree_as_from_the_markup(page: str) -> None:
    tree = Document(page, source_format="html")._trafilatura_tree()
    assert tree is not None
    before = etree.tostring(tree)
    options: dict[str, Any] = {"fast": True, "include_tables": True, "with_metadata": False}
    from_markup = _body(trafilatura.bare_extraction(page, **options))
    assert from_markup is not None and b"Ryabkov" in from_markup
    assert _body(trafilatura.bare_extraction(tree, **options)) == from_markup
    assert etree.tostring(tree) == before  # trafilatura worked on a copy


def test_a_page_trafilatura_refuses_keeps_its_metadata() -> None:
    # one element, no "html" in its first characters: trafilatura takes it for no HTML page
    document = Document("<meta property='og:title' content='Kept'>", source_format="html")
    assert document._trafilatura_tree() is None
    assert document.metadata.first("og:title") == "Kept"


def test_scripts_and_styles_leave_the_tree_json_ld_and_the_text_around_them_stay() -> None:
    code = "<script>var said = 'not an article';</script><style>p { color: red }</style>"
    json_ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script>'
    )
    page = PAGE.replace("<article>", f"<article>{json_ld}").replace(
        PARAGRAPHS[1], PARAGRAPHS[1].replace("adding", f"adding{code} and") + code
    )
    options: dict[str, Any] = {"fast": True, "include_tables": True, "with_metadata": False}
    document = Document(page, source_format="html")
    tree = document._trafilatura_tree()
    assert [element.get("type") for element in tree.iter("script", "style")] == [
        "application/ld+json"
    ]
    assert document.metadata.jsonld[0]["headline"] == "H"
    # trafilatura drops code itself: the body is the one it extracts from the whole markup
    assert _body(trafilatura.bare_extraction(tree, **options)) == _body(
        trafilatura.bare_extraction(page, **options)
    )
    assert "adding and" in generic.presswire_extract_html(document).paragraphs[1]


@pytest.mark.parametrize(
    "page",
    [
        PAGE,
        XHTML,
        SELF_CLOSING,
        INSTRUCTION,
        PAGE.replace("<article>", "<article>\ufffe"),
        '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE,
    ],
)
def test_the_tree_is_the_one_trafilatura_load_html_builds(page: str) -> None:
    """presswire parses a normalised page itself where trafilatura would not repair it (its
    load_html first runs a regex over the whole page), and leaves the rest to load_html."""
    from presswire.html import _drop_code

    ours = Document.from_source(page, source_format="html")._trafilatura_tree()
    theirs = trafilatura.load_html(page)
    assert ours is not None and theirs is not None
    _drop_code(theirs)
    assert etree.tostring(ours) == etree.tostring(theirs)


def test_a_document_built_from_raw_markup_is_parsed_by_load_html() -> None:
    # lxml would read a control character as U+FFFD; load_html removes it, as it always did
    raw = PAGE.replace(PARAGRAPHS[2], PARAGRAPHS[2].replace("February", "Febr\x07uary"))
    tree = Document(raw, source_format="html")._trafilatura_tree()
    assert tree is not None and b"February" in etree.tostring(tree, encoding="utf-8")
