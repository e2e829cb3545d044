"""Headline, authors, publication time and publisher of HTML pages from outlets without a
plugin: small synthetic pages, one for each way real pages state them."""

from __future__ import annotations

import json
from typing import Any

import pytest

import presswire
from presswire.html import page_metadata, parse_tree
from presswire.metadata import (
    page_authors,
    page_headline,
    page_published,
    page_publisher,
    person_names,
    strip_site_name,
)

BODY = "<p>" + "The council met on Tuesday and agreed a budget for the coming year. " * 3 + "</p>"


def page(head: str = "", body: str = "", jsonld: Any = None) -> str:
    script = (
        f'<script type="application/ld+json">{json.dumps(jsonld)}</script>'
        if jsonld is not None
        else ""
    )
    return f"<html><head>{head}{script}</head><body>{body}<article>{BODY}</article></body></html>"


def meta_of(markup: str) -> Any:
    return page_metadata(parse_tree(markup))


# ---------------------------------------------------------------- headline
@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        (
            "Samsung soll Smartphones zerstören - Golem.de",
            {"golem"},
            "Samsung soll Smartphones zerstören",
        ),
        ("津波注意報 気象庁：朝日新聞デジタル", {"朝日新聞デジタル"}, "津波注意報 気象庁"),
        ("US-Zinsen setzen Dax zu | Börsen-Zeitung", {"boersenzeitung"}, "US-Zinsen setzen Dax zu"),
        ("Plot Twist | The Gateway Pundit | by Cristina Laila", {"thegatewaypundit"}, "Plot Twist"),
        ("Wahl in Thüringen – DW – 13.06.2023", set(), "Wahl in Thüringen"),
        # the headline's own dash stays: only a segment known as noise is cut
        ("Epstein in same bed - then ‘asked to meet her sister’", {"dailystar"}, None),
    ],
)
def test_strip_site_name_cuts_only_the_site_segments(
    title: str, sites: set[str], expected: str | None
) -> None:
    assert strip_site_name(title, sites) == (expected or title)


def test_strip_site_name_cuts_a_leading_section() -> None:
    title = "Vierschanzentournee | Skisprung-Zoff ums Material"
    assert strip_site_name(title, set(), ["Vierschanzentournee"]) == "Skisprung-Zoff ums Material"


def test_headline_from_article_jsonld_before_open_graph() -> None:
    markup = page(
        '<meta property="og:title" content="An SEO title for search - Daily Example">',
        jsonld={"@type": "NewsArticle", "headline": "The council agrees a budget"},
    )
    assert page_headline(meta_of(markup)) == "The council agrees a budget"


def test_jsonld_headline_wins_where_og_title_and_h1_agree_on_another() -> None:
    markup = page(
        '<meta property="og:title" content="Council agrees budget">',
        "<h1>Council agrees budget</h1>",
        jsonld={"@type": "NewsArticle", "headline": "Council agrees 2024 budget after long row"},
    )
    assert page_headline(meta_of(markup)) == "Council agrees 2024 budget after long row"


@pytest.mark.parametrize(
    ("jsonld_headline", "expected"),
    [
        # a kicker before the headline is no part of it: the Open Graph title without it wins
        ("Budget row: Council agrees 2024 budget", "Council agrees 2024 budget"),
        ('"It will start soon": Council agrees 2024 budget', "Council agrees 2024 budget"),
        # no kicker separator, or a whole sentence before it: the JSON-LD headline stays
        ("The mayor says Council agrees 2024 budget", "The mayor says Council agrees 2024 budget"),
        (
            "After a night of talks that the mayor called the longest of her long career in "
            "office: Council agrees 2024 budget",
            "After a night of talks that the mayor called the longest of her long career in "
            "office: Council agrees 2024 budget",
        ),
    ],
)
def test_og_title_wins_where_the_jsonld_headline_is_it_behind_a_kicker(
    jsonld_headline: str, expected: str
) -> None:
    markup = page(
        '<meta property="og:title" content="Council agrees 2024 budget">',
        jsonld={"@type": "NewsArticle", "headline": jsonld_headline},
    )
    assert page_headline(meta_of(markup)) == expected


def test_headline_of_a_website_object_is_not_the_article_headline() -> None:
    markup = page(
        '<meta property="og:title" content="Council agrees budget">',
        jsonld={"@type": "WebSite", "headline": "News from the valley and the hills"},
    )
    assert page_headline(meta_of(markup)) == "Council agrees budget"


def test_headline_entities_and_soft_hyphens_are_read() -> None:
    markup = page(jsonld={"@type": "NewsArticle", "headline": "&#039;No&#039; to Heli\u00adport"})
    assert page_headline(meta_of(markup)) == "'No' to Heliport"


def test_site_name_taken_from_the_url_host() -> None:
    markup = page('<meta property="og:title" content="Budget agreed - Example Times">')
    meta = meta_of(markup)
    assert page_headline(meta, "https://www.exampletimes.co.uk/a/1") == "Budget agreed"
    assert page_headline(meta) == "Budget agreed - Example Times"  # no site known: kept


# ---------------------------------------------------------------- authors
@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Samya Kullab and Vasilisa Stepanenko"], ["Samya Kullab", "Vasilisa Stepanenko"]),
        (["Anna Martel und Lea Wagner"], ["Anna Martel", "Lea Wagner"]),
        (
            ["A. Modiba, C. Benit, S. Charlton and T. Zack"],
            ["A. Modiba", "C. Benit", "S. Charlton", "T. Zack"],
        ),
        (["Brazil, Rachel"], ["Rachel Brazil"]),
        (["By Jane Doe"], ["Jane Doe"]),
        (["chuck-ross"], ["Chuck Ross"]),
        (["d.kuckelkorn@boersen-zeitung.de"], []),
        (["https://www.facebook.com/example"], []),
        (["105092"], []),
        (["Chemnitzer Verlag und Druck GmbH & Co. KG"], []),
        (["Jane Doe", "jane doe"], ["Jane Doe"]),
    ],
)
def test_person_names(values: list[str], expected: list[str]) -> None:
    assert person_names(values) == expected


def test_person_names_leave_out_the_site() -> None:
    assert person_names(["n-tv NACHRICHTEN"], {"ntv"}) == []
    assert person_names(["VnExpress"], {"vnexpress"}) == []


def test_authors_from_jsonld_person_parts_and_references() -> None:
    markup = page(
        jsonld={
            "@graph": [
                {
                    "@type": "NewsArticle",
                    "author": [
                        {"@type": "Person", "givenName": "Anna Giulia", "familyName": "Fink"},
                        {"@id": "https://example.org/#/person/1"},
                    ],
                },
                {"@type": "Person", "@id": "https://example.org/#/person/1", "name": "Jan Roe"},
            ]
        }
    )
    assert page_authors(meta_of(markup)) == ["Anna Giulia Fink", "Jan Roe"]


def test_authors_from_jsonld_nested_in_a_webpage() -> None:
    markup = page(
        jsonld={
            "@type": "WebPage",
            "mainEntity": {
                "@type": "NewsArticle",
                "author": {"@type": "Person", "name": "S. Jung"},
            },
        }
    )
    assert page_authors(meta_of(markup)) == ["S. Jung"]


def test_authors_from_twitter_labels_and_author_links() -> None:
    labelled = page(
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Timo Shihepo">'
    )
    assert page_authors(meta_of(labelled)) == ["Timo Shihepo"]
    linked = parse_tree(page(body='<p>Von: <a href="/autoren/6601/">Nadja Zinsmeister</a></p>'))
    assert page_authors(page_metadata(linked), tree=linked) == ["Nadja Zinsmeister"]


def test_an_organisation_credit_is_kept_only_when_no_person_is_named() -> None:
    wire = page(jsonld={"@type": "NewsArticle", "author": ["Associated Press"]})
    assert page_authors(meta_of(wire)) == ["Associated Press"]
    desk = page(
        '<meta name="author" content="hessenschau.de, Frankfurt, Germany">',
        jsonld={
            "@type": "NewsArticle",
            "author": {"@type": "NewsMediaOrganization", "name": "Redaktion hessenschau.de"},
        },
    )
    assert page_authors(meta_of(desk), "https://www.hessenschau.de/x") == [
        "Redaktion hessenschau.de"
    ]
    both = page(
        '<meta name="author" content="Example Post">',
        jsonld={"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}},
    )
    assert page_authors(meta_of(both)) == ["Jane Doe"]


# ---------------------------------------------------------------- publication time
def test_published_prefers_the_article_object_and_keeps_its_offset() -> None:
    markup = page(
        '<meta property="article:published_time" content="2024-05-04T00:00:00Z">',
        jsonld={"@type": "NewsArticle", "datePublished": "2024-05-03T15:47:42+02:00"},
    )
    assert page_published(meta_of(markup)) == "2024-05-03T15:47:42+02:00"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("19 Nov 2019 07:09 GMT", "2019-11-19T07:09+00:00"),
        ("Tue Nov 19 2019 05:44:06 GMT+0000", "2019-11-19T05:44:06+00:00"),
    ],
)
def test_published_written_out(written: str, expected: str) -> None:
    markup = page(jsonld={"@type": "NewsArticle", "datePublished": written})
    assert page_published(meta_of(markup)) == expected


def test_published_from_a_time_element() -> None:
    tree = parse_tree(
        page(body='<time itemprop="datePublished" datetime="2023-04-28T18:16:04+02:00">x</time>')
    )
    assert page_published(page_metadata(tree), tree=tree) == "2023-04-28T18:16:04+02:00"


def test_published_from_the_url_when_the_page_states_none() -> None:
    markup = page()
    tree = parse_tree(markup)
    found = page_published(page_metadata(tree), "https://example.org/2021/03/14/budget/", tree)
    assert found == "2021-03-14"


def test_parse_reads_the_metadata_of_a_generic_page() -> None:
    markup = page(
        '<meta property="og:site_name" content="Valley Herald">'
        '<meta property="og:title" content="Council agrees budget | Valley Herald">',
        jsonld={
            "@type": "NewsArticle",
            "datePublished": "19 Nov 2019 07:09 GMT",
            "author": "Jane Doe and John Roe",
        },
    )
    article = presswire.parse(markup, url="https://valleyherald.example/news/1")
    assert article.outlet is None
    assert article.title == "Council agrees budget"
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.published == "2019-11-19T07:09+00:00"
    assert article.publisher == "Valley Herald"


def test_publisher_as_the_page_gives_it() -> None:
    assert page_publisher(
        meta_of(page('<meta property="og:site_name" content="Valley Herald">'))
    ) == ("Valley Herald")
    markup = page(jsonld={"@type": "NewsArticle", "publisher": {"name": "Hill Times"}})
    assert page_publisher(meta_of(markup)) == "Hill Times"


# ---------------------------------------------------------------- hostile JSON-LD
def test_jsonld_nested_too_deep_is_skipped_not_raised() -> None:
    markup = (
        '<html><head><script type="application/ld+json">' + "[" * 100_000 + "</script></head>"
        f"<body>{BODY}</body></html>"
    )
    article = presswire.parse(markup)
    assert article.paragraphs


# ---------------------------------------------------------------- decoding
def test_utf8_bytes_that_declare_a_latin_charset_are_read_as_utf8() -> None:
    markup = page(
        '<meta charset="ISO-8859-15"><meta property="og:title" content="Tras su sanción">'
    )
    assert presswire.parse(markup.encode("utf-8")).title == "Tras su sanción"


def test_latin1_bytes_are_still_read_with_their_declared_charset() -> None:
    markup = page('<meta charset="ISO-8859-1"><meta property="og:title" content="Tras su sanción">')
    assert presswire.parse(markup.encode("latin-1")).title == "Tras su sanción"


def test_agencies_and_desks_credited_beside_a_person_are_kept_in_order() -> None:
    markup = page(
        jsonld={
            "@type": "NewsArticle",
            "author": [
                {"@type": "Person", "name": "Paula Steiger"},
                {"@type": "Organization", "name": "SDA"},
                [{"@type": "Person", "name": "Gear Team"}],
            ],
        }
    )
    assert page_authors(meta_of(markup)) == ["Paula Steiger", "SDA", "Gear Team"]


def test_a_desk_alone_is_credited_as_written() -> None:
    markup = page(
        jsonld={"@type": "NewsArticle", "author": {"@type": "Person", "name": "BR24 Redaktion"}}
    )
    assert page_authors(meta_of(markup), "https://www.br.de/nachrichten/x") == ["BR24 Redaktion"]


# ---------------------------------------------------------------- body fallback
def test_fast_path_failure_tells_a_menu_and_a_short_body_from_an_article() -> None:
    from presswire.generic import _fast_path_failure

    menu = "Skip to content Subscribe Sign In News Politics World Business Opinion Sports " * 4
    assert _fast_path_failure([menu]) == "menu"
    assert _fast_path_failure(["The council met on Tuesday and agreed a budget."]) == "short"
    article = "The council met on Tuesday and agreed a budget for the coming year. " * 30
    assert _fast_path_failure([article]) is None
    assert _fast_path_failure(["A paragraph of the article, ended."] * 4) is None  # many paragraphs


def test_a_menu_gives_way_to_the_full_modes_prose_even_when_that_is_shorter() -> None:
    from presswire.generic import _fuller_wins

    menu = ["Skip to content Subscribe Sign In News Politics World Business Opinion Sports " * 9]
    prose = ["The council met on Tuesday and agreed a budget for the coming year."] * 3
    assert _fuller_wins("menu", menu, prose)  # a third of the menu's length, but prose
    assert not _fuller_wins("menu", menu, [menu[0] + " Weather Travel"])  # another menu
    assert not _fuller_wins("menu", menu, [])
    assert not _fuller_wins("short", prose[:1], prose)  # a short body: only a much longer one


def test_text_trafilatura_leaves_after_an_element_is_a_paragraph() -> None:
    from lxml import etree

    from presswire.generic import _body_parts

    body = etree.fromstring(
        "<body>Opening words of the piece.<head rend='h2'>PS4 controller for $39.99</head>"
        "The price dropped to Black Friday levels.<p>A paragraph of its own.</p>"
        "Closing words after it.</body>"
    )
    paragraphs, subheadings = _body_parts(body, title=None)
    assert subheadings == ["PS4 controller for $39.99"]
    assert paragraphs == [
        "Opening words of the piece.",
        "The price dropped to Black Friday levels.",
        "A paragraph of its own.",
        "Closing words after it.",
    ]


def test_every_html_page_says_whose_it_is_whichever_plugin_reads_it() -> None:
    markup = (
        '<html><head><meta property="og:site_name" content="TASS"></head><body><article>'
        "<h1>Russia ready to talk</h1><p>MOSCOW, November 13. /TASS/. Moscow is ready to work"
        " with any American president, Kremlin spokesman Dmitry Peskov said on Friday.</p>"
        "</article></body></html>"
    )
    article = presswire.parse(markup)
    assert (article.outlet, article.publisher) == ("tass", "TASS")
    dump = "Council agrees budget\n\nThe council met on Tuesday and agreed a budget for the year."
    assert presswire.parse(dump).publisher is None  # a text dump states no publisher
    older = article.to_dict()
    del older["publisher"]  # output of schema version 2
    assert presswire.Article.from_dict(older).publisher is None


def test_republishing_notices_and_related_lines_are_not_paragraphs() -> None:
    body = (
        "<p>MOSCOW, March 3 - The council met on Tuesday and agreed a budget for the coming"
        " year after a long debate among its members.</p>"
        "<p>You may place this material on your blog or website with a link to the source.</p>"
        "<p>Read also: Council elects a new chair after three rounds of voting</p>"
        "<p>The new budget raises spending on schools and roads by a tenth, the council said"
        " in a statement on its website.</p>"
    )
    markup = (
        f"<html><head><title>Budget</title></head><body><article>{body}</article></body></html>"
    )
    paragraphs = presswire.parse(markup).paragraphs
    assert not any("place this material" in p or p.startswith("Read also") for p in paragraphs)
    assert any(p.startswith("The new budget") for p in paragraphs)


def test_a_stated_article_body_replaces_an_extraction_that_stopped_early() -> None:
    sentence = "The council met on Tuesday and agreed a budget for the coming year. "
    lines = [f"Paragraph {n}: " + sentence * 3 for n in range(12)]
    jsonld = {"@type": "NewsArticle", "articleBody": "\n".join(lines)}
    visible = "".join(f"<p>{line}</p>" for line in lines[:3])  # the page shows a quarter
    markup = page(jsonld=jsonld, body=f"<div>{visible}</div>")
    article = presswire.parse(markup)
    assert list(article.paragraphs) == [line.strip() for line in lines]
    assert any("articleBody" in warning for warning in article.warnings)
    # a stated body no longer than the extracted one is not taken
    short = {"@type": "NewsArticle", "articleBody": "\n".join(lines[:2])}
    assert not any("articleBody" in w for w in presswire.parse(page(jsonld=short)).warnings)
