"""Quotes and speakers: every case the seeds show, the marks a page may use, and properties."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import presswire
from presswire import Article, Document, Fingerprint, Lexicon, PluginRegistry, Quote
from presswire.errors import TimeLimitExceededError
from presswire.limits import Deadline
from presswire.quotes import extract_quotes
from presswire.quotes.confidence import CONFIDENCE, MIN_CONFIDENCE
from presswire.quotes.lexicon import DEFAULT_LEXICON
from presswire.quotes.marks import _may_open_single, find_quote_spans, mark_positions
from presswire.quotes.sentences import SENTENCE_END, sentence_ends
from presswire.quotes.speakers import _CAPITALISED_RUN as CAPITALISED_RUN
from presswire.quotes.speakers import MAX_NAME_WORDS, canonical_key, find_names, is_title_case
from presswire.quotes.tokens import _WORD_OR_MARK, Token, tokenize

from .conftest import SEED_FILES

# The token pattern without possessive repeats: what tokenize must give the matches of.
TOKEN_PATTERN = re.compile(_WORD_OR_MARK.format(p=""))

RYABKOV_INTRO = "Russian Deputy Foreign Minister Sergei Ryabkov spoke in Moscow on Tuesday."


def quotes(
    *paragraphs: str, context: Sequence[str] = (), min_confidence: float = MIN_CONFIDENCE
) -> list[Quote]:
    """The statements ``parse`` would keep; ``min_confidence=0`` adds the guesses."""
    return extract_quotes(list(paragraphs), context=context, min_confidence=min_confidence)


def one(*paragraphs: str) -> Quote:
    found = quotes(*paragraphs)
    assert len(found) == 1, found
    return found[0]


def speaker_of(quote: Quote) -> tuple[str | None, str | None]:
    assert quote.speaker is not None
    return quote.speaker.mention, quote.speaker.name


# ---------------------------------------------------------------- where the attribution is
def test_attribution_after_the_quote() -> None:
    q = one(RYABKOV_INTRO, "“We see no reason to hope for a dynamic improvement,” Ryabkov added.")
    assert q.text == "We see no reason to hope for a dynamic improvement"
    assert speaker_of(q) == ("Ryabkov", "Sergei Ryabkov")
    assert (q.kind, q.cue) == ("direct", "added")


def test_description_after_the_quote_resolves_to_the_person() -> None:
    q = one(RYABKOV_INTRO, '"It is important to remove irritants," the high-ranking diplomat said.')
    assert speaker_of(q) == ("the high-ranking diplomat", "Sergei Ryabkov")
    assert q.speaker is not None and q.speaker.role == "Russian Deputy Foreign Minister"


def test_verb_before_speaker() -> None:
    q = one("“There will be no talks this week,” said Kremlin spokesman Dmitry Peskov.")
    assert speaker_of(q) == ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov")


@pytest.mark.parametrize(
    ("paragraph", "verb"),
    [
        ("“Sometimes us ex-diplomats need our fix!” Clinton said to People.", "said"),
        ("“Who needs a fix now?” Clinton asked the crowd. “Not me.”", "asked"),
    ],
)
def test_a_quotation_ending_in_an_exclamation_or_question_takes_the_cue_after(
    paragraph: str, verb: str
) -> None:
    first = quotes("Hillary Clinton spoke in Iowa.", paragraph)[0]
    assert first.speaker is not None and first.speaker.name == "Hillary Clinton"
    assert first.cue == verb


def test_a_quotation_ending_in_a_full_stop_ends_its_sentence() -> None:
    found = quotes(
        "Marco Rubio and Hillary Clinton spoke in Iowa.",
        "Clinton said she would win “because the polls say so.” Rubio said the polls were wrong.",
    )
    # Rubio's sentence is his own statement, not the attribution of Clinton's words
    assert [(q.speaker.name if q.speaker else None, q.kind) for q in found] == [
        ("Hillary Clinton", "mixed"),
        ("Marco Rubio", "indirect"),
    ]
    assert found[1].text == "the polls were wrong"


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        (
            '"There is no path for him," said the woman, who spoke on condition of anonymity.',
            "the woman",
        ),
        (
            "Another commenter said, “We all know how she feels about the police.”",
            "Another commenter",
        ),
        ("“In her America, the middle class gets crushed,” says a narrator.", "a narrator"),
        ('"The harm is incalculable," federal prosecutors wrote.', "prosecutors"),
        ("“We will not comment,” officials said.", "officials"),
    ],
)
def test_a_person_noun_speaks_without_being_tied_to_a_named_person(
    paragraph: str, mention: str
) -> None:
    q = quotes("Hillary Clinton spoke in Iowa on Monday.", paragraph)[-1]
    assert q.speaker is not None
    assert (q.speaker.mention, q.speaker.name, q.speaker.key) == (mention, None, None)


@pytest.mark.parametrize(
    ("paragraph", "verb"),
    [
        ('"We ought to start it up this morning," he went on.', "went"),
        ("“This is a big political win for me,” he confessed.", "confessed"),
        ('"An awful lot of analysts said no," remembered Clinton.', "remembered"),
        ("“Is Obama profiling?” reacted Clinton.", "reacted"),
        ("“You’ve called women fat pigs,” Clinton charged.", "charged"),
        ("“Why is this not crystal clear proof?” Clinton demanded.", "demanded"),
        ("“Some of us thought we could work with them,” Clinton points out.", "points"),
    ],
)
def test_more_reporting_verbs(paragraph: str, verb: str) -> None:
    q = quotes("Hillary Clinton spoke in Iowa on Monday.", paragraph)[-1]
    assert q.speaker is not None and q.speaker.name == "Hillary Clinton"
    assert q.cue == verb


@pytest.mark.parametrize(
    ("paragraph", "name", "verb"),
    [
        (
            '"Both of them scare me," Harry Bond, 30, of Raleigh, N.C., who was among those '
            "polled, said in a follow-up interview.",
            "Harry Bond",
            "said",
        ),
        (
            "“You get it only by virtue of your marriage,” Melanne Verveer, who served as Hillary "
            "Clinton’s chief of staff during the Clinton administration, told CBS News.",
            "Melanne Verveer",
            "told",
        ),
    ],
)
def test_a_name_after_the_quotation_speaks_over_a_run_of_appositives(
    paragraph: str, name: str, verb: str
) -> None:
    q = quotes(paragraph)[0]
    assert (speaker_of(q), q.cue) == ((name, name), verb)


def test_a_list_of_places_before_a_verb_with_its_own_subject_does_not_speak() -> None:
    found = quotes("“We are all worried about it now,” Russia, China and Iran, said Tom Smith.")
    assert [q.speaker.name for q in found if q.speaker] != ["Russia"]


def test_a_name_and_a_colon_before_a_quotation_attribute_it() -> None:
    found = quotes(
        "The surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates "
        "have seen the biggest boost.” The White House: “We are aware of the reports.”",
    )
    assert [q.speaker and q.speaker.name for q in found] == ["Daron Shaw", None]
    assert (found[0].cue, found[0].confidence) == (None, CONFIDENCE["cue"])


def test_a_document_read_out_speaks_without_a_name() -> None:
    q = quotes("“Roger Ailes has spoken to Donald Trump a few times,” the statement read.")[0]
    assert (q.cue, q.confidence) == ("read", CONFIDENCE["cue"])
    assert q.speaker is not None and (q.speaker.mention, q.speaker.name) == ("the statement", None)


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("“He is fun, he is an interesting guy,” the host said.", "the host"),
        ('"It is great fun watching the dogfight," one user wrote.', "one user"),
    ],
)
def test_a_short_description_before_the_verb_speaks(paragraph: str, mention: str) -> None:
    q = one(paragraph)
    assert q.speaker is not None and q.speaker.mention == mention


def test_lower_case_modifiers_before_a_role_after_the_verb() -> None:
    q = one('"It is his best role," said conservative activist Bob Klaus, who backs no one.')
    assert q.speaker is not None
    assert (q.speaker.mention, q.speaker.name) == ("conservative activist Bob Klaus", "Bob Klaus")
    # modifiers that lead to no role or name are no speaker: 'said in a statement'
    paragraph = '"We will win this state and the next one," said quite loudly in a statement.'
    assert [q.speaker for q in quotes(paragraph, min_confidence=0)] == [None]


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We are alive, unlike the robots you will see next week” at the convention, he said.",
        '"We are here to stay" for the long run, said Peskov.',
    ],
)
def test_a_sentence_that_goes_on_after_the_quotation_ends_with_its_cue(paragraph: str) -> None:
    q = quotes("Dmitry Peskov spoke on Friday.", paragraph)[-1]
    assert q.speaker is not None and q.speaker.name == "Dmitry Peskov"


def test_a_cue_after_a_comma_must_end_the_sentence() -> None:
    found = quotes(
        '"We are here to stay for the people," and the long run, he said that Ryabkov left.',
        min_confidence=0,
    )
    assert [q.speaker for q in found] == [None]


@pytest.mark.parametrize("noun", ["answer", "comment", "note"])
def test_a_verb_form_after_a_determiner_or_possessive_is_a_noun(noun: str) -> None:
    q = one(
        "Kremlin spokesman Dmitry Peskov spoke on Friday.",
        f'The spokesman added that Moscow’s {noun} would be "thought-out and effective" soon.',
    )
    assert speaker_of(q) == ("The spokesman", "Dmitry Peskov")
    assert (q.kind, q.cue) == ("mixed", "added")  # the clause it reports holds the quotation
    assert q.text == f'Moscow’s {noun} would be "thought-out and effective" soon'


def test_a_short_description_of_any_words_is_a_speaker_but_not_after_a_preposition() -> None:
    q = one('"Traffic will be back to normal by the weekend," the harbour master said.')
    assert speaker_of(q) == ("the harbour master", None)
    q = one(
        "He gave an interview on Monday.",
        'He said no progress was possible and at one point even called it "impossible".',
    )
    assert q.speaker is not None and q.speaker.mention == "He"


@pytest.mark.parametrize(
    "paragraph",
    [
        'On Saturday, Trump issued a statement saying that Scalia was "a remarkable person".',
        'Powell said he reviewed the messages and disagrees, because "I do not see it".',
    ],
)
def test_documents_and_clause_fragments_are_not_speakers(paragraph: str) -> None:
    for quote in quotes(paragraph):
        assert quote.speaker is None or quote.speaker.mention not in {
            "a statement",
            "the messages and",
        }


def test_double_apostrophes_do_not_leak_into_the_speaker() -> None:
    paragraph = "''My business got bad,'' Mr. Hutto said. ''We kept the doors open.''"
    q = one(paragraph)  # one statement its attribution interrupts
    assert q.fragment_texts(paragraph) == ("My business got bad", "We kept the doors open.")
    assert q.speaker is not None and q.speaker.mention == "Mr. Hutto"


@pytest.mark.parametrize(
    ("attribution", "mention"),
    [
        ("Senate Majority Leader Mitch McConnell, R-Ky., said", "Mitch McConnell, R-Ky.,"),
        ("Paris, who used to work on Capitol Hill, said", "Paris, who used to work on"),
        ("Seth McKee, a political scientist at Texas Tech, said", "Seth McKee, a political"),
    ],
)
def test_appositive_after_the_quote(attribution: str, mention: str) -> None:
    q = one(f"“Our assumption is that the veto will be overridden,” {attribution} Tuesday.")
    assert q.speaker is not None and mention in q.speaker.mention and q.cue == "said"


@pytest.mark.parametrize(
    ("attribution", "mention", "name"),
    [
        ("Rep. John Mica (R-Fla.) said", "Rep. John Mica (R-Fla.)", "John Mica"),
        ("said Mr. McGinley, the law professor", "Mr. McGinley", "McGinley"),
        ("the New York businessman said", "the New York businessman", None),
        ("said Army Capt. Christian Pardo", "Army Capt. Christian Pardo", "Christian Pardo"),
    ],
)
def test_speakers_with_brackets_honorifics_and_named_modifiers(
    attribution: str, mention: str, name: str | None
) -> None:
    q = quotes(
        "Donald Trump spoke in Ohio.", f'"We cannot deny the right to question," {attribution}.'
    )[0]
    assert q.speaker is not None
    assert q.speaker.mention == mention and q.speaker.name == name


def test_initials_do_not_end_the_speaker_phrase() -> None:
    q = one("“This is a disgusting day for all of us,” said Rep. G.K. Butterfield (D-N.C.).")
    assert q.speaker is not None and q.speaker.mention.startswith("Rep. G.K. Butterfield")


@pytest.mark.parametrize(
    ("paragraph", "mention", "verb"),
    [
        (
            "Weaver did not seem impressed on Tuesday, telling reporters, “A lot of people "
            "said the governor should step down.”",
            "Weaver",
            "telling",
        ),
        (
            "“We were wrong not to confront him early on,” Ramos, 58, told the paper.",
            "Ramos, 58,",
            "told",
        ),
    ],
)
def test_participle_clauses_and_ages(paragraph: str, mention: str, verb: str) -> None:
    # A lone capitalised word opening a sentence is a speaker only if the article names a
    # person so ('Outside the arena, ...' is not): here the full names come first.
    q = quotes("Jeff Weaver met Luis Ramos in Vermont on Monday.", paragraph)[-1]
    assert q.speaker is not None and (q.speaker.mention, q.cue) == (mention, verb)


@pytest.mark.parametrize(
    ("attribution", "name", "role"),
    [
        (
            "said Kristen Day, executive director of Democrats for Life",
            "Kristen Day",
            None,  # after the verb the phrase ends at the name
        ),
        (
            "Kristen Day, executive director of Democrats for Life, said",
            "Kristen Day",
            "executive director of Democrats for Life",
        ),
        (
            "Seth McKee, a political scientist at Texas Tech, said",
            "Seth McKee",
            "political scientist at Texas Tech",
        ),
        (
            "Tad Devine, Sanders’s chief strategist, said",
            "Tad Devine",
            "Sanders’s chief strategist",
        ),
        (
            "Senate Majority Leader Mitch McConnell, R-Ky., said",
            "Mitch McConnell",
            "Senate Majority Leader",
        ),
        ("Ramos, 58, said", "Ramos", None),
    ],
)
def test_roles_from_appositives_and_titles(attribution: str, name: str, role: str | None) -> None:
    q = one(f"“This platform says you are no longer welcome in the party,” {attribution}.")
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == (name, role)


def test_a_role_with_of_the_before_the_name() -> None:
    q = one(
        "Responding to the tweet, Speaker of the House Rep. Paul Ryan (R-WI) said "
        "“such images have got no place in a presidential campaign.”"
    )
    assert q.speaker is not None
    assert q.speaker.mention == "Speaker of the House Rep. Paul Ryan (R-WI)"
    assert q.speaker.name == "Paul Ryan"


def test_phrasal_reporting_verbs_need_their_particle() -> None:
    q = one("“We will never accept a deal like this one,” Smith shot back.")
    assert q.speaker is not None and (q.speaker.mention, q.cue) == ("Smith", "shot")
    assert all(q.cue != "shot" for q in quotes("Police shot the man near a sign saying “Stop”."))


@pytest.mark.parametrize(
    ("paragraph", "mention", "verb"),
    [
        (
            "The home was renovated. Said Dorothy Poynter, who grew up nearby, “We were all "
            "so proud of him.”",
            "Dorothy Poynter",
            "said",
        ),
        (
            "Supporters punched a protester, with Trump reportedly yelling: “Get him the hell "
            "out of here!”",
            "Trump",
            "yelling",
        ),
    ],
)
def test_inverted_verb_and_absolute_construction(paragraph: str, mention: str, verb: str) -> None:
    q = one(paragraph)
    assert q.speaker is not None and (q.speaker.mention, q.cue) == (mention, verb)


def test_the_sentence_subject_follows_an_opening_participle_clause() -> None:
    q = quotes(
        "Hillary Clinton spoke on Monday.",
        "Reprising one of her favorite lines, the former secretary of state turned to the "
        "crowd: “We are stronger together, and we will win this fight.”",
    )[-1]
    assert q.speaker is not None
    # the article gives Clinton no role a 'secretary' fits: the description stays as written
    assert (q.speaker.mention, q.speaker.name) == ("the former secretary", None)


@pytest.mark.parametrize(
    ("paragraphs", "mention", "name", "verb"),
    [
        (
            [
                "A Warren adviser, who spoke on the condition of anonymity, said of the "
                "senator, “She takes the threat very seriously and will help unify the party.”"
            ],
            "A Warren adviser, who spoke on the condition of anonymity,",
            None,
            "said",
        ),
        (
            [
                "Hillary Clinton won the primary by a wide margin.",
                "Clinton, who called Sanders shortly after the winner was declared, told her "
                "supporters, “I still love New Hampshire, and I always will.”",
            ],
            "Clinton, who called Sanders shortly after the winner was declared,",
            "Hillary Clinton",
            "told",
        ),
        (
            [
                "Hillary Clinton spoke in Iowa.",
                "Clinton has since come around on what happened: “Yes, I should have used two "
                "email addresses. Not doing so was a mistake.”",
            ],
            "Clinton",
            "Hillary Clinton",
            None,
        ),
        (
            ["Cruz himself said Tuesday that “the only way to win the state of Iowa is to ask.”"],
            "Cruz",
            "Cruz",
            "said",
        ),
    ],
)
def test_the_sentence_subject_speaks_across_clauses_and_colons(
    paragraphs: list[str], mention: str, name: str | None, verb: str | None
) -> None:
    q = quotes(*paragraphs)[-1]
    assert q.speaker is not None
    assert (q.speaker.mention, q.speaker.name, q.cue) == (mention, name, verb)


def test_a_coordinated_verb_takes_its_clause_subject() -> None:
    found = quotes(
        "Jeb Bush spoke in New Hampshire on Monday.",
        "Speaking to reporters, Bush referred to Rubio as “a bright, charismatic leader” but "
        "described his leadership skills as a “work in progress.”",
    )
    # 'described' has no subject of its own: the clause's, Bush, speaks
    assert [(q.text, q.speaker and q.speaker.name, q.cue) for q in found] == [
        ("a bright, charismatic leader", "Jeb Bush", "referred"),
        ("work in progress.", "Jeb Bush", "described"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        (
            "Sims say he was “kind of riding the fence” until Haley said she was backing the "
            "Florida senator.",
            "Sims",
        ),
        (
            "Hillary Clinton accuses Bernie Sanders of subjecting her to an “artful smear” "
            "regarding her links while Sanders suggests she is captive.",
            "Hillary Clinton",
        ),
    ],
)
def test_a_quotation_inside_a_clause_belongs_to_that_clauses_verb(
    paragraph: str, mention: str
) -> None:
    q, *reported = quotes(paragraph)
    assert q.speaker is not None and q.speaker.mention == mention
    # the verb after it reports a statement of its own: 'Sanders suggests she is captive'
    assert all(r.start > q.end and r.kind == "indirect" for r in reported)


@pytest.mark.parametrize(
    ("paragraph", "not_a_mention"),
    [
        ("At one point the crowd reprised the caustic chant “Lock her up! Lock her up!”", "the"),
        ("She was “extremely careless” in her use of a private email server, he said.", "a"),
        ("McConnell says the people seek a leader to counter “lectures and distractions”", "a"),
        ("Obama said he expected that Americans will say “no” to his measures.", "that"),
    ],
)
def test_nouns_and_clauses_are_not_descriptions_of_speakers(
    paragraph: str, not_a_mention: str
) -> None:
    for q in quotes(paragraph):
        assert q.speaker is None or not q.speaker.mention.lower().startswith(not_a_mention + " ")


def test_a_name_set_off_after_its_role() -> None:
    q = one(
        "And Florida’s Republican attorney general, Pam Bondi, vowed to go after “anyone who "
        "attacks our community.”"
    )
    assert q.speaker is not None and (q.speaker.mention, q.cue) == ("Pam Bondi,", "vowed")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Outside the arena, about two hundred protesters gathered: “Dump Trump, dump him now, "
        "dump him today.”",
        "Trump’s plan includes: “a wall along the entire southern border, paid for by Mexico.”",
        "The email went on to say: “Today, people just don’t feel as much of a need to come.”",
        "Outside the arena, some protesters gathered, chanting “Dump Trump, dump him now, dump "
        "him today.”",
    ],
)
def test_a_sentence_opening_that_is_no_person_does_not_speak(paragraph: str) -> None:
    assert [q.speaker for q in quotes(paragraph, min_confidence=0)] == [None]
    assert quotes(paragraph) == []  # a quotation without a speaker is a guess


def test_reported_is_a_reporting_verb() -> None:
    q = one("Politico reported that the campaign “has no plans to change course this year.”")
    assert q.speaker is not None and (q.speaker.mention, q.cue) == ("Politico", "reported")


def test_the_object_of_a_preposition_is_no_speaker() -> None:
    found = quotes("PolitiFact rated 32% of Republican claims as “false” or “pants on fire.”")
    assert all(q.speaker is None or q.speaker.mention != "Republican" for q in found)


def test_attribution_before_the_quote() -> None:
    q = one(
        "Anatoly Antonov gave an interview on Monday.",
        'He then noted that "The State Department sent a minor official to the meeting."',
    )
    assert speaker_of(q) == ("He", "Anatoly Antonov")
    assert (q.kind, q.cue) == ("direct", "noted")


def test_interrupted_quote_keeps_its_speaker() -> None:
    found = quotes(
        "Foreign Minister Sergey Lavrov spoke to journalists.",
        "“We offered this as soon as he took office,” he continued. “I mentioned this to "
        "Secretary of State [Antony] Blinken.”",
    )
    [q] = found  # one statement in two fragments, as sure as its cue
    assert q.speaker is not None and q.speaker.name == "Sergey Lavrov"
    assert q.text == (
        "We offered this as soon as he took office I mentioned this to Secretary of State "
        "[Antony] Blinken."
    )
    assert len(q.fragments) == 2 and q.confidence == CONFIDENCE["cue"]


def test_quotation_after_its_attribution_sentence_goes_on_with_it() -> None:
    # a long appositive makes the attribution a sentence of its own between the two halves
    found = quotes(
        '"Wall Street’s a pretty cynical place," said Tim Hess, a real estate developer in '
        'Virginia, who introduced Mr. Clarke to his banking contacts. "But when you see '
        'somebody with that kind of passion, people lean forward."',
    )
    [q] = found
    assert speaker_of(q) == ("Tim Hess", "Tim Hess")
    assert q.text.endswith("people lean forward.") and len(q.fragments) == 2


def test_quotation_a_sentence_after_an_unquoted_one_is_only_a_guess() -> None:
    found = quotes(
        '"It was a deal," said Ann Lee, a lawyer. Patriot later sold the mine to him and '
        "to his partners in Virginia for a dollar. "
        '"He showed again and again an ability to put together deals."',
        min_confidence=0,
    )
    assert [q.confidence for q in found] == [
        CONFIDENCE["cue"],
        CONFIDENCE["continues last speaker"],
    ]


def test_dash_and_name_after_a_quotation_attribute_it() -> None:
    found = quotes(
        "“The most unqualified child to ever run for president.” ― Francisco Herrero",
        "“He does not answer to anyone and he respects no one at all.”― Julie A. Diaz Martinez.",
    )
    assert [speaker_of(q) for q in found] == [
        ("Francisco Herrero", "Francisco Herrero"),
        ("Julie A. Diaz Martinez", "Julie A. Diaz Martinez"),
    ]
    assert [q.confidence for q in found] == [CONFIDENCE["cue"]] * 2


def test_a_middle_initial_stays_in_the_name_as_written() -> None:
    found = quotes(
        "Ronald R. Fieldstone, a Miami lawyer, spoke to us.",
        "“There is a need for more oversight,” Fieldstone said.",
    )
    assert speaker_of(found[0]) == ("Fieldstone", "Ronald R. Fieldstone")
    assert found[0].speaker is not None and found[0].speaker.key == "ronald-r-fieldstone"


def test_dash_after_a_quotation_that_a_sentence_goes_on_from_is_no_attribution() -> None:
    found = quotes("“We will win this state,” — Mr. Trump told crowds in Ohio in the summer.")
    assert [speaker_of(q) for q in found] == [("Mr. Trump", "Trump")]
    assert found[0].cue == "told"


def test_two_quotes_in_one_sentence() -> None:
    found = quotes(
        RYABKOV_INTRO,
        "“It has not been possible to move forward,” Ryabkov said, adding that, “This does "
        "not mean that relations are hopeless.”",
    )
    assert [(q.speaker.name if q.speaker else None, q.cue) for q in found] == [
        ("Sergei Ryabkov", "said"),
        ("Sergei Ryabkov", "adding"),
    ]
    assert [q.kind for q in found] == ["direct", "direct"]


# ---------------------------------------------------------------- relayed quotes
@pytest.mark.parametrize(
    ("relay", "via", "mention"),
    [
        ("the state-run TASS news agency quoted Ryabkov as saying", "TASS", "Ryabkov"),
        ("Russia’s Interfax quoted Ryabkov as saying", "Interfax", "Ryabkov"),
        ("Ryabkov told Interfax", "Interfax", "Ryabkov"),
        ("Ryabkov said on Monday, according to Reuters", "Reuters", "Ryabkov"),
        # any source relays, and it may stand well after the verb
        (
            "Ryabkov said at a news conference in Moscow, according to the Moscow Times",
            "the Moscow Times",
            "Ryabkov",
        ),
    ],
)
def test_relayed_quotes_name_the_agency(relay: str, via: str, mention: str) -> None:
    q = one(RYABKOV_INTRO, f"“I see no reason to hope for an improvement,” {relay}.")
    assert speaker_of(q) == (mention, "Sergei Ryabkov")
    assert q.via == via


@pytest.mark.parametrize(
    "relay", ["Interfax quoted Ryabkov as saying:", "The TASS agency quoted him as saying that"]
)
def test_relay_before_the_quote(relay: str) -> None:
    q = one(RYABKOV_INTRO, f"{relay} “we see no reason to hope for an improvement.”")
    assert q.speaker is not None and q.speaker.name == "Sergei Ryabkov"
    assert q.via in {"Interfax", "TASS"} and q.cue == "quoted"


@pytest.mark.parametrize(
    "sentence",
    [
        "According to Kommersant, Ryabkov said on Monday that there was “no reason to hope.”",
        "Ryabkov said on Monday that there was “no reason to hope,” according to Kommersant.",
    ],
)
def test_according_to_around_a_cue_before_the_quote_relays_it(sentence: str) -> None:
    q = one(RYABKOV_INTRO, sentence)
    assert speaker_of(q) == ("Ryabkov", "Sergei Ryabkov")
    assert (q.via, q.cue) == ("Kommersant", "said")


def test_the_second_half_of_a_relayed_quotation_is_relayed_too() -> None:
    paragraph = "“I see no reason,” Ryabkov said, according to Kommersant. “We will wait and see.”"
    q = one(RYABKOV_INTRO, paragraph)
    assert q.fragment_texts(paragraph) == ("I see no reason", "We will wait and see.")
    assert (q.via, q.text) == ("Kommersant", "I see no reason We will wait and see.")


def test_told_reporters_is_not_a_relay() -> None:
    q = one("“No, that’s not enough,” Kremlin spokesman Dmitry Peskov told reporters.")
    assert q.via is None and q.cue == "told"


# ---------------------------------------------------------------- partial quotes and scare quotes
@pytest.mark.parametrize(
    ("paragraphs", "text", "name"),
    [
        (
            [
                RYABKOV_INTRO.replace(" spoke in Moscow on Tuesday.", " was in Moscow."),
                "Sergei Ryabkov said Russia cannot hope for a “dynamic improvement” in relations.",
            ],
            "Russia cannot hope for a “dynamic improvement” in relations",
            "Sergei Ryabkov",
        ),
        (
            [
                "Russian ambassador Anatoly Antonov gave an interview.",
                "He said no one should expect progress that way, and even called the prospect "
                '"a hopeless one, in fact".',
            ],
            "no one should expect progress that way",
            "Anatoly Antonov",
        ),
        (
            [
                "Foreign Minister Sergey Lavrov gave an interview.",
                "According to Lavrov, the crisis began in 2016. Moscow waited for the new "
                "administration to reverse the “excesses” of the outgoing president.",
            ],
            "the crisis began in 2016",
            "Sergey Lavrov",
        ),
    ],
)
def test_partial_quotes_in_reported_speech(paragraphs: list[str], text: str, name: str) -> None:
    """A quotation inside the clause a verb reports is part of that statement (mixed); the
    reported clause ends where another statement begins."""
    first, *rest = quotes(*paragraphs)
    assert first.text == text
    assert first.kind == ("mixed" if "“" in text else "indirect")
    assert first.speaker is not None and first.speaker.name == name
    assert all(q.speaker and q.speaker.name == name for q in rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The ‘Russiagate’ narrative persisted in the US during the entire term.",
        "The operation, code-named “Desert Storm”, began in January.",
        'His book "The Art of the Deal" sold well.',
        "Russia’s economy and Moscow's markets didn't suffer, officials' data show.",
    ],
)
def test_scare_quotes_titles_and_apostrophes_are_not_quotes(paragraph: str) -> None:
    assert quotes(paragraph) == []


def test_a_title_opening_a_sentence_is_not_the_last_speakers_quotation() -> None:
    found = quotes(
        "“We bought shows that travel well,” said Peter Rice, the network’s chairman.",
        "“Hawaii Five-0,” the 1960s procedural that CBS revived in 2010, is considered a hit "
        "abroad.",
    )
    assert [q.text for q in found] == ["We bought shows that travel well"]


# ---------------------------------------------------------------- paragraphs
def test_unattributed_quotation_paragraph_belongs_to_the_speaker_before() -> None:
    found = quotes(
        "Kremlin spokesman Dmitry Peskov spoke on Friday.",
        "Peskov once again rejected the allegations of election meddling.",
        "“We have never interfered in America’s internal affairs, and we never will.”",
        min_confidence=0,
    )
    stance, *found = found  # 'rejected the allegations': a stance, below the default floor
    assert (stance.kind, stance.cue, stance.confidence) == ("indirect", "rejected", 0.45)
    assert len(found) == 1 and found[0].kind == "direct"
    assert found[0].speaker is not None and found[0].speaker.name == "Dmitry Peskov"
    # no cue, but the paragraph before opens with its speaker: kept by default
    assert found[0].confidence == CONFIDENCE["after its speaker"] >= MIN_CONFIDENCE
    # a paragraph that names someone else in between makes it a guess, left out by default
    guess = quotes(
        "Kremlin spokesman Dmitry Peskov spoke on Friday.",
        "Peskov once again rejected the allegations of election meddling.",
        "Markets fell after Senator Lindsey Graham proposed new sanctions against Moscow.",
        "“We have never interfered in America’s internal affairs, and we never will.”",
        min_confidence=0,
    )[-1]
    assert guess.confidence == CONFIDENCE["continues last speaker"] < MIN_CONFIDENCE
    assert guess.speaker is not None and guess.speaker.name == "Dmitry Peskov"


def test_a_paragraph_ending_in_a_colon_introduces_the_next_speaker() -> None:
    found = quotes(
        "Hillary Clinton spoke in Ohio on Monday.",
        "In response to the attack, Republican nominee Donald Trump issued the following "
        "statement:",
        "“Our prayers are with all those affected by the horrible attacks in Munich.”",
    )
    assert [(q.speaker and q.speaker.name) for q in found] == ["Donald Trump"]
    assert found[0].confidence == CONFIDENCE["introduced"]


def test_only_the_paragraph_right_after_an_introducer_is_introduced() -> None:
    found = quotes(
        "Donald Trump said:",
        "“We have a situation where our inner cities are living in hell.”",
        "“We have to bring back law and order to this country, and fast.”",
        min_confidence=0,
    )
    assert [speaker_of(q) for q in found] == [("Donald Trump", "Donald Trump")] * 2
    assert [q.confidence for q in found] == [
        CONFIDENCE["introduced"],
        CONFIDENCE["after its speaker"],  # the paragraph before is his quotation
    ]


def test_cues_after_a_quotation_left_open_are_still_read() -> None:
    found = quotes('Carson said "we will act on it. "This is an absolute epidemic," Cruz said.')
    assert [(q.text, q.speaker and q.speaker.mention) for q in found] == [
        ("we will act on it.", "Carson"),
        ("This is an absolute epidemic", "Cruz"),
    ]


def test_a_sentence_ending_inside_the_closing_mark_ends_the_cue_window() -> None:
    found = quotes(
        '"I believe there should be exceptions," Bush said. "And so that belief puts me in the '
        'right place." Rubio said he does support an exception.'
    )
    assert [(q.speaker and q.speaker.mention, q.kind) for q in found] == [
        ("Bush", "direct"),  # both quotations, one statement
        ("Rubio", "indirect"),
    ]
    assert len(found[0].fragments) == 2 and found[1].text == "he does support an exception"


def test_a_speaker_phrase_does_not_reach_across_a_quotation() -> None:
    # the quotation's words are not tokens, but it still stands between the words around it
    found = quotes(
        "Asked whether Clinton “has the integrity to serve effectively as president,” "
        "75 percent of Democrats said yes, but 55 percent of all voters say she does not."
    )
    mentions = [q.speaker.mention for q in found if q.speaker]
    assert mentions and not any("integrity" in mention for mention in mentions), mentions


@pytest.mark.parametrize(
    "verb", ["barked", "snapped", "muttered", "scoffed", "chided", "exclaimed", "fumed", "opined"]
)
def test_verbs_of_manner_report_speech(verb: str) -> None:
    q = one(f"“Go back to Univision,” Trump {verb}, and a guard escorted Ramos out.")
    assert (speaker_of(q), q.cue) == (("Trump", "Trump"), verb)


def test_first_between_the_speaker_and_the_verb_is_no_part_of_the_mention() -> None:
    q = one("Clinton first called the attack “spontaneous and unplanned” in a speech on Monday.")
    assert (speaker_of(q), q.cue) == (("Clinton", "Clinton"), "called")


def test_a_full_stop_without_a_space_still_ends_a_word() -> None:
    text = "“North Korea is theirs,” Trump said.Trump claimed the U.S. had 3.5 per cent."
    words = [t.text for t in tokenize(text)]
    assert words[words.index("said") + 1 : words.index("said") + 3] == [".", "Trump"]
    assert {"U.S", "3.5"} <= set(words)
    assert [(speaker_of(q), q.kind) for q in quotes(text)] == [
        (("Trump", "Trump"), "direct"),
        (("Trump", "Trump"), "indirect"),  # 'Trump claimed the U.S. had 3.5 per cent'
    ]


@given(
    st.text(alphabet=st.sampled_from("ab[]. ’'-_\t\n\x1c\xa0\u3000é“”,1ⒶΣİ"), max_size=40),
    st.integers(-3, 45),
    st.integers(-3, 45),
)
@example("said] a_ [Antony], U.S. No.2x Ⓐ. said.Trump Russia’s ‘Yes’", 0, 70)
@example(" ΟΔΟΣ. ΟΔΟΣ-ΑΣ ΣΑΣ İstanbul’s", 0, 40)  # final sigmas, İ lower-cased to two
@example("a\tb c\xa0d", 0, 9)  # white space other than spaces, never two in a row
@example("a  b c", 0, 6)  # spaces only, two in a row
@example("“ he said. a b", 1, 14)  # a single space before the first run
def test_tokenize_gives_the_matches_of_the_token_pattern_with_their_offsets(
    text: str, offset: int, end: int
) -> None:
    # tokenize reads runs of non-space characters, most of them without the regex, splits
    # the rest with possessive repeats (Python 3.11), and sets the fields itself instead of
    # calling Token(): the same tokens as the plain pattern's matches
    made = [Token(m.group(), *m.span()) for m in TOKEN_PATTERN.finditer(text, offset, end)]
    fields = ("text", "start", "end", "lower", "is_word")
    expected = [tuple(getattr(t, f) for f in fields) for t in made]
    found = [tuple(getattr(t, f) for f in fields) for t in tokenize(text, offset, end)]
    assert found == expected


# The capitalised-run regex without possessive repeats: what the faster one must find.
PLAIN_CAPITALISED_RUN = re.compile(
    r"[\[A-Z][\w’'.\-]*\]?(?:\s+(?:(?:de|van|von|der|bin|al|el|da|di|du|la|le|ibn|abu|ben)"
    r"\s+)?[\[A-Z][\w’'.\-]*\]?)+"
)


@given(st.text(alphabet=st.sampled_from("AbZ de la[].'’- \n,"), max_size=40))
def test_capitalised_runs_are_those_of_the_plain_regex(text: str) -> None:
    found = [m.span() for m in CAPITALISED_RUN.finditer(text)]
    assert found == [m.span() for m in PLAIN_CAPITALISED_RUN.finditer(text)]


def span_texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text, DEFAULT_LEXICON.quote_pairs)]


def test_a_closing_mark_spaced_from_a_nested_one_closes() -> None:
    text = "\"You shake hands and say, 'Well done,' \" said Rep. Diane Russell, a legislator."
    assert span_texts(text) == ["You shake hands and say, 'Well done,'"]


def test_an_opening_mark_typed_for_a_closing_one_closes() -> None:
    text = "“Mrs. Clinton could lose Iowa,“ said Jim Clyburn. He called it “a firewall.”"
    assert span_texts(text) == ["Mrs. Clinton could lose Iowa,", "a firewall."]


def test_a_straight_opening_mark_closes_with_a_curly_one() -> None:
    text = '"I don’t think it’s getting the attention,” Grassley said. He called it "a farce."'
    assert span_texts(text) == ["I don’t think it’s getting the attention,", "a farce."]


def test_an_opening_mark_after_a_space_inside_a_quotation_opens() -> None:
    text = "“He called it “a firewall” in Iowa"
    assert span_texts(text) == ["He called it", "a firewall"]


def test_quotation_over_several_paragraphs() -> None:
    found = quotes(
        "Kremlin spokesman Dmitry Peskov said: “The first paragraph of a long statement opens here",
        "“and the second paragraph opens again without closing the first one,",
        "“and the third one closes it at last.”",
        "Markets were calm on the day, and trading was light in Moscow and London.",
    )
    assert [q.paragraph for q in found] == [0, 1, 2]
    assert all(q.speaker is not None and q.speaker.name == "Dmitry Peskov" for q in found)
    # the paragraphs a quotation left open goes on in are as sure as an introduced one
    assert [q.confidence for q in found] == [CONFIDENCE["cue"]] + [CONFIDENCE["introduced"]] * 2
    assert found[0].text.endswith("opens here")


@pytest.mark.parametrize(
    "paragraph",
    [
        "He said “an odd number of marks” runs “to the end of this paragraph only",
        'Straight "quotes" and “curly” and «guillemets» and ‘single’ and "unclosed',
        "“Nested ‘inner quote’ and an ellipsis… and [editorial] brackets,” said Peskov.",
        '”Backwards marks“ and » reversed « ones and a lone " mark',
        "'''",
        "“",
        "",
    ],
)
def test_any_marks_give_a_list_and_never_swallow_the_next_paragraph(paragraph: str) -> None:
    follower = "Markets were calm, and trading was light in Moscow and London all day."
    found = quotes(paragraph, follower)
    assert all(q.paragraph == 0 for q in found)


def test_guillemets_with_french_spacing_close_before_the_attribution() -> None:
    q = one(
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Friday.",
        "« Nous ne sommes pas intéressés », the spokesman said.",
    )
    assert q.text == "Nous ne sommes pas intéressés"
    assert speaker_of(q) == ("the spokesman", "Dmitry Peskov") and q.confidence == 0.9


def test_guillemets_and_single_quotes_used_as_double() -> None:
    q = one("«We will respond to any provocation without hesitation,» Peskov said.")
    assert q.text == "We will respond to any provocation without hesitation"
    q = one("'We will respond to any provocation without hesitation,' Peskov said.")
    assert q.text == "We will respond to any provocation without hesitation"


# ---------------------------------------------------------------- speakers
def test_description_resolved_from_a_name_one_sentence_later() -> None:
    found = quotes(
        "“We proposed a complete reset,” Russia’s chief diplomat said on Tuesday. Foreign "
        "Minister Sergey Lavrov spoke to journalist Dmitry Kiselyov."
    )
    assert found[0].speaker is not None
    assert found[0].speaker.mention == "Russia’s chief diplomat"
    assert found[0].speaker.name == "Sergey Lavrov"


def test_possessive_description_resolves_by_role() -> None:
    found = quotes(
        "Kremlin spokesman Dmitry Peskov and Russian President Vladimir Putin met reporters.",
        "Putin’s press secretary added that “nothing has changed” since then.",
    )
    assert found[0].speaker is not None
    assert (found[0].speaker.name, found[0].speaker.role) == ("Dmitry Peskov", "Kremlin spokesman")


def test_pronoun_resolves_to_the_last_speaker_not_the_last_name() -> None:
    found = quotes(
        "Russian ambassador Anatoly Antonov spoke to Channel One.",
        "He said relations would not improve under President Joe Biden.",
        "“Improvement is impossible in the near future,” he said in the interview.",
    )
    assert found[0].speaker is not None and found[0].speaker.name == "Anatoly Antonov"


def test_two_appositives_are_stepped_over_to_the_name() -> None:
    found = quotes(
        "Willie Minor, a lawyer in Dallas, who runs a small theater company, recalled that "
        "in 2009, “I called all my lenders and creditors.”"
    )
    assert found[0].speaker is not None and found[0].speaker.name == "Willie Minor"


def test_headline_words_do_not_run_into_names() -> None:
    headline = "Glenn Beck Says Hillary Clinton Supporters Have Dropped Out Of Sight"
    names = [m.name for m in find_names(headline, 0, DEFAULT_LEXICON)]
    assert "Glenn Beck" in names  # 'Says' is a reporting verb: no name word
    assert all(len(name.split()) <= MAX_NAME_WORDS for name in names)
    assert is_title_case(headline)
    assert not is_title_case("Hillary Clinton told supporters in Iowa that she would win.")


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Peskov condemned what he called “a brazen provocation” by Kyiv.", "Peskov"),
        ("That question led Peskov to condemn what he called “a brazen provocation.”", "he"),
    ],
)
def test_what_he_called_is_mentioned_by_the_subject_of_the_outer_verb(
    sentence: str, mention: str
) -> None:
    found = quotes("Kremlin spokesman Dmitry Peskov spoke on Tuesday.", sentence)
    assert found[0].speaker is not None
    assert (found[0].speaker.mention, found[0].speaker.name) == (mention, "Dmitry Peskov")


def test_a_pronoun_speaker_keeps_its_own_words_as_mention() -> None:
    found = quotes(
        "Israeli Prime Minister Benjamin Netanyahu spoke on Wednesday.",
        "Netanyahu said that he would meet Trump, although he tweeted that he "
        "“rejects Donald Trump's latest comments about Muslims.”",
    )
    meeting, tweet = found
    assert (meeting.text, meeting.kind, meeting.cue) == ("he would meet Trump", "indirect", "said")
    assert tweet.speaker is not None and tweet.cue == "tweeted"
    assert (tweet.speaker.mention, tweet.speaker.name) == ("he", "Benjamin Netanyahu")


def test_a_clause_after_a_quotation_lends_it_no_speaker() -> None:
    found = quotes(
        "Christie refers to the candidate as “Mr. Trump,” while Trump refers to the governor "
        "as “Chris.”"
    )
    assert [q.speaker.mention if q.speaker else None for q in found] == ["Christie", "Trump"]
    assert [q.cue for q in found] == ["refers", "refers"]


def test_hailed_reports_speech() -> None:
    quote = one("Trump has hailed Britain’s vote as “fantastic,” speaking in Scotland.")
    assert quote.speaker is not None and (quote.speaker.mention, quote.cue) == ("Trump", "hailed")


def test_a_participle_after_a_quotation_has_no_subject_after_it() -> None:
    quote = one("Clinton called the plan “reckless,” saying Americans deserved better.")
    assert quote.speaker is not None and (quote.speaker.mention, quote.cue) == (
        "Clinton",
        "called",
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        # the object of a preposition speaks for nobody
        "Protesters marching through the streets chanted “What curfew?” and kept going.",
        # 'a ... tweet' is a noun: a singular subject would take 'tweets'
        "Clinton is describing as “unhinged” a Donald Trump tweet attacking a former model.",
    ],
)
def test_a_noun_phrase_before_a_verb_form_is_no_speaker(paragraph: str) -> None:
    assert all(q.speaker is None for q in quotes(paragraph))


def test_an_object_pronoun_after_the_verb_is_no_speaker() -> None:
    found = quotes(
        "Obama rebuked critics who want him to condemn “radical Islamists,” saying it "
        "would change nothing."
    )
    assert all(q.speaker is None or q.speaker.mention != "it" for q in found)


def test_a_past_tense_after_a_name_ends_the_subject() -> None:
    found = quotes(
        "Speaker Paul Ryan met the nominee on Friday.",
        "Ryan endorsed Trump on Friday, telling reporters he was “not quite there yet.”",
    )
    assert found[0].speaker is not None
    assert (found[0].speaker.mention, found[0].speaker.name) == ("Ryan", "Paul Ryan")


def test_a_function_word_opening_a_sentence_is_no_part_of_a_name() -> None:
    found = quotes(
        "Neither Donald Trump nor his aides answered.",
        "“We will win,” Trump said.",
    )
    assert found[0].speaker is not None and found[0].speaker.name == "Donald Trump"


def test_a_title_case_headline_gives_no_names_to_speakers() -> None:
    found = quotes(
        "“I am not ready,” Donald Trump said on Tuesday.",
        context=["Glenn Beck Slams Wall Street Donald Trump"],
    )
    assert found[0].speaker is not None
    assert (found[0].speaker.name, found[0].speaker.key) == ("Donald Trump", "donald-trump")


def test_a_headline_name_gives_way_to_the_one_in_a_sentence() -> None:
    found = quotes(
        "The former governor of Florida, Jeb Bush, spoke on Friday.",
        "“I am in it to win,” Bush said.",
        context=["Why Voters Doubt: Billionaire Jeb Bush"],
    )
    assert found[0].speaker is not None and found[0].speaker.name == "Jeb Bush"


def test_a_name_with_a_word_glued_in_front_does_not_replace_the_name() -> None:
    found = quotes(
        "Jeb Bush and John Kasich campaigned in Iowa.",
        "The former Govs Jeb Bush and John Kasich spoke later.",
        "“We will win,” Bush said.",
    )
    assert found[0].speaker is not None and found[0].speaker.name == "Jeb Bush"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Ryabkov", "Sergey Ryabkov"),
        ("Dmitry Peskov", "Dmitri Peskov"),
        ("Anatoly Antonov", "Anatoliy Antonov"),
        ("Antony Blinken", "Anthony Blinken"),
        ("Sergej Lavrov", "Sergey Lavrov"),
        ("José Martí", "Jose Marti"),
    ],
)
def test_one_key_across_transliterations(a: str, b: str) -> None:
    lexicon = presswire.DEFAULT_LEXICON
    assert canonical_key(a, lexicon) == canonical_key(b, lexicon)


def test_same_key_across_the_seeds() -> None:
    keys: dict[str, set[str]] = {}
    for path in SEED_FILES:
        for quote in presswire.parse(path).quotes:
            assert quote.speaker is not None
            keys.setdefault(quote.speaker.key or "", set()).add(path.name[:3])
    assert keys["sergei-ryabkov"] == {"000", "001"}  # Sergei (PressTV) and Sergey (TASS)
    assert keys["dmitry-peskov"] == {"000", "002"}


# ---------------------------------------------------------------- hooks
class BlockQuotePlugin:
    name = "blocky"

    def presswire_fingerprint(self, document: Document) -> Fingerprint:
        return Fingerprint(score=0.9)

    def presswire_extract_text(self, document: Document) -> Article:
        return Article(paragraphs=[line for line in document.lines if line])

    def presswire_block_quotes(self, article: Article) -> list[int]:
        return [i for i, p in enumerate(article.paragraphs) if p.startswith("We ")]


def test_any_plugin_can_name_block_quotes(bare_registry: PluginRegistry) -> None:
    bare_registry.register(BlockQuotePlugin())
    page = (
        "Kremlin spokesman Dmitry Peskov said the talks would go on.\n\n"
        "We will not let anyone interfere in our affairs, and we have said so many times.\n\n"
        "Markets were calm on the day."
    )
    article = presswire.parse(page, registry=bare_registry)
    reported, quote = article.quotes
    assert (reported.kind, reported.text) == ("indirect", "the talks would go on")
    assert (quote.kind, quote.paragraph) == ("block", 1)
    assert quote.speaker is not None and quote.speaker.name == "Dmitry Peskov"


def test_rt_marks_its_unmarked_quotation_paragraphs() -> None:
    article = presswire.parse(SEED_FILES[2])
    blocks = [q.text[:30] for q in article.quotes if q.kind == "block"]
    assert blocks == ["Naturally, we would be much ha", "This is our unchanging princip"]


class AgencyPlugin:
    name = "agency"

    def presswire_quote_lexicon(self) -> Lexicon:
        return Lexicon(agencies=("Pravda Wire",), reporting_verbs=("opined",))


def test_plugins_extend_the_lexicon(bare_registry: PluginRegistry) -> None:
    page = (
        "“Prices will fall next year, and then they will rise again,” Pravda Wire quoted "
        "Petrov as saying.\n\n“Rates will rise in the spring and the summer,” Ivan Petrov opined."
    )
    before = presswire.parse(page, registry=bare_registry, source_format="text").quotes
    bare_registry.register(AgencyPlugin())
    after = presswire.parse(page, registry=bare_registry, source_format="text").quotes
    assert [q.via for q in before] == [None, None] or len(before) < 2
    assert [q.via for q in after] == ["Pravda Wire", None]
    assert after[1].cue == "opined"


def test_cue_windows_are_bounded_so_a_sentence_of_many_quotes_stays_linear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from presswire.quotes import quotations as module

    seen: list[int] = []
    real = module.cue_before

    def spy(tokens: list, before: list[int], *args: object) -> object:
        seen.append(len(before))
        return real(tokens, before, *args)

    monkeypatch.setattr(module, "cue_before", spy)
    found = quotes("Smith said" + " and the “big beautiful” wall, the" * 500 + ".")
    # quotations listed under one cue are one statement
    [q] = found
    assert len(q.fragments) == 500 and q.speaker is not None and q.speaker.mention == "Smith"
    assert max(seen) <= module.BEFORE_WINDOW


class _SliceCounter(str):
    """A paragraph that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key: object) -> str:  # type: ignore[override]
        piece = str.__getitem__(self, key)  # type: ignore[index]
        _SliceCounter.copied += len(piece)
        return piece


@pytest.mark.parametrize(
    "build",
    [
        lambda n: "Smith said" + " and the “big beautiful” wall, the" * n + ".",
        lambda n: "Smith said" + " and “what a wall!” Smith said, the" * n + ".",
    ],
)
def test_a_sentence_of_many_quotes_is_read_with_slices_of_linear_total_size(
    build: object,
) -> None:
    sizes = {}
    for n in (100, 1000):
        text = _SliceCounter(build(n))  # type: ignore[operator]
        _SliceCounter.copied = 0
        extract_quotes([text])
        sizes[n] = _SliceCounter.copied / len(text)
    # copied characters per character of text do not grow with the number of quotations
    assert sizes[1000] < 2 * sizes[100] + 5


def test_quote_finding_checks_the_documents_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    expired = Deadline(1e-9)
    time.sleep(0.01)
    with pytest.raises(TimeLimitExceededError, match="finding quotes"):
        extract_quotes(["“We will win this race,” he said."], deadline=expired)

    # a paragraph of thousands of sentences of reported speech is checked as it is read
    class CountingDeadline(Deadline):
        checks = 0

        def check(self, stage: str) -> None:
            CountingDeadline.checks += 1

    extract_quotes(["Ryabkov said the talks went well. " * 1000], deadline=CountingDeadline(None))
    assert CountingDeadline.checks >= 1000 // 256

    # and parse lets the time limit through instead of reporting a failed quote search
    def out_of_time(*args: object, **kwargs: object) -> list[Quote]:
        raise TimeLimitExceededError("time limit exceeded while finding quotes")

    monkeypatch.setattr("presswire.pipeline.extract_quotes", out_of_time)
    with pytest.raises(TimeLimitExceededError):
        presswire.parse(SEED_FILES[0])


# ---------------------------------------------------------------- properties
NEUTRAL = st.sampled_from(
    [
        "the weather was mild and the markets were calm on the day.",
        "trading was light and prices barely moved in the afternoon session.",
        "the meeting lasted two hours and ended without a joint statement.",
    ]
)
SEED_PARAGRAPHS = [list(presswire.parse(path).paragraphs) for path in SEED_FILES]


def _assert_fragments_point_at_text(paragraphs: list[str], found: list[Quote]) -> None:
    for quote in found:
        paragraph = paragraphs[quote.paragraph]
        pieces = quote.fragment_texts(paragraph)
        assert " ".join(pieces) == quote.text
        assert all(piece.strip() for piece in pieces)
        assert (quote.start, quote.end) == (quote.fragments[0][0], quote.fragments[-1][1])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=6))
def test_any_text_gives_a_list_with_offsets_on_the_text(paragraphs: list[str]) -> None:
    _assert_fragments_point_at_text(paragraphs, extract_quotes(paragraphs, min_confidence=0))


# Sentences built from the words and marks of attributions: every frame and its failures.
ATTRIBUTION_WORDS = st.sampled_from(
    [
        "Peskov",
        "Sergei Ryabkov",
        "he",
        "the diplomat",
        "said",
        "told",
        "RT",
        "noted",
        "that",
        "according",
        "to",
        "TASS",
        "quoted",
        "as",
        "saying",
        "added",
        "adding",
        "Moscow",
        "is",
        "ready",
        "the",
        "talks",
        "failed",
        "“",
        "”",
        '"',
        ",",
        ".",
        ":",
        "and",
        "but",
        "on",
        "Monday",
        "criticized",
        "plan",
        "who",
        "we",
        "will",
        "win",
    ]
)
ATTRIBUTION_TEXT = st.lists(ATTRIBUTION_WORDS, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(ATTRIBUTION_TEXT, min_size=1, max_size=4))
def test_fragments_point_at_their_text(paragraphs: list[str]) -> None:
    """Offsets always point at their fragment's text, in every kind of statement."""
    _assert_fragments_point_at_text(paragraphs, extract_quotes(paragraphs, min_confidence=0))


MARKY = st.text(alphabet=st.sampled_from(list("“”\"'‘’«»„ said He Peskov,.:\n")), max_size=80)


@settings(max_examples=150, deadline=None)
@given(st.lists(MARKY, max_size=5))
def test_mark_soup_gives_a_list_with_offsets_on_the_text(paragraphs: list[str]) -> None:
    _assert_fragments_point_at_text(paragraphs, extract_quotes(paragraphs, min_confidence=0))


# The rule for a single mark that may open a quotation, as a regex: '‘', or "'" after white
# space, a bracket or a dash and before a non-space. The extractor uses a faster find loop.
SINGLE_OPENING_RULE = re.compile("\u2018|(?:^|(?<=[\\s(\\[{—–\\-/:;,]))'(?=\\S)")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("'‘’ \n(-:,aZ.")), max_size=30))
def test_single_mark_check_follows_its_rule(text: str) -> None:
    assert _may_open_single(text) == bool(SINGLE_OPENING_RULE.search(text))


def test_an_article_that_reports_nothing_skips_the_name_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_index(*args: object) -> None:
        raise AssertionError("the name index was built")

    monkeypatch.setattr("presswire.quotes.extract.PersonIndex", no_index)
    # no quote mark, no verb that reports: nothing to attribute
    assert quotes("Sergei Ryabkov arrived in Geneva on Monday.", "He is in Geneva.") == []
    with pytest.raises(AssertionError, match="name index"):  # 'said' asks for the index
        quotes("Sergei Ryabkov said the talks went well.", "He is in Geneva.")


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(range(len(SEED_PARAGRAPHS))), st.data())
def test_adding_an_unrelated_paragraph_changes_no_other_quote(
    seed: int, data: st.DataObject
) -> None:
    """No attribution changes, quoted or reported, kept by default or a guess below it."""
    paragraphs = SEED_PARAGRAPHS[seed]
    at = data.draw(st.integers(0, len(paragraphs)))
    neutral = data.draw(NEUTRAL)
    floor = data.draw(st.sampled_from([MIN_CONFIDENCE, 0.0]))
    changed = [*paragraphs[:at], neutral, *paragraphs[at:]]
    before = extract_quotes(paragraphs, min_confidence=floor)
    after = extract_quotes(changed, min_confidence=floor)
    shift = [q if q.paragraph < at else _moved(q, 1) for q in before]
    assert [_claims(q) for q in after] == [_claims(q) for q in shift]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(range(len(SEED_PARAGRAPHS))), st.data())
def test_removing_an_unrelated_paragraph_changes_no_other_quote(
    seed: int, data: st.DataObject
) -> None:
    paragraphs = SEED_PARAGRAPHS[seed]
    at = data.draw(st.integers(0, len(paragraphs)))
    with_neutral = [*paragraphs[:at], data.draw(NEUTRAL), *paragraphs[at:]]
    assert [_claims(q) for q in extract_quotes(paragraphs)] == [
        _claims(q if q.paragraph < at else _moved(q, -1)) for q in extract_quotes(with_neutral)
    ]


def _moved(quote: Quote, by: int) -> Quote:
    import attrs

    return attrs.evolve(quote, paragraph=quote.paragraph + by)


def _claims(quote: Quote) -> tuple[object, ...]:
    return (
        quote.paragraph,
        quote.start,
        quote.end,
        quote.kind,
        quote.speaker,
        quote.cue,
        quote.via,
    )


def test_the_lexicon_memo_stays_bounded_and_keeps_answers_per_lexicon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import presswire.quotes.lexicon as lexicon_module

    monkeypatch.setattr(lexicon_module, "MEMO_LIMIT", 5)
    lexicon = DEFAULT_LEXICON.merge(Lexicon())
    for n in range(30):  # a corpus of articles, each naming someone new
        paragraph = f"“We disagree,” said Maria{n} Petrova{n}."
        (quote,) = extract_quotes([paragraph], lexicon=lexicon)
        assert quote.speaker is not None and quote.speaker.name == f"Maria{n} Petrova{n}"
    # emptied at the limit when an article starts: at most one article's words over it
    assert all(len(memo) <= 5 + 5 for memo in lexicon._memos.values())
    # another lexicon that rules the word out answers differently: memos are not shared
    strict = lexicon.merge(Lexicon(non_speakers=["Maria29"]))
    (quote,) = extract_quotes(["“We disagree,” said Maria29 Petrova29."], lexicon=strict)
    assert quote.speaker is None or quote.speaker.name != "Maria29 Petrova29"


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("Bannon, who Beck on Wednesday called “a horrible, despicable human being.”", "Beck"),
        ("Trump in his announcement speech called the migrants “rapists” on live TV.", "Trump"),
        ("Sanders at a rally in Iowa on Sunday said the party was “ready to win.”", "Sanders"),
        ("He on Monday said the plan was “dead on arrival.”", "He"),
    ],
)
def test_time_and_place_phrases_between_subject_and_verb_are_stepped_over(
    paragraph: str, mention: str
) -> None:
    assert speaker_of(one(paragraph))[0] == mention


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        # a role in the phrase belongs to the subject
        (
            "The Council on American-Islamic Relations National Executive Director Nihad Awad"
            " says in a statement that Trump’s “inflammatory rhetoric has crossed the line.”",
            "Nihad Awad",
        ),
        # a name after a determiner is no person
        (
            "A group urging Britain to leave the European Union in a campaign message warned of"
            " an “Orlando-style atrocity” if Britain remained.",
            None,
        ),
    ],
)
def test_no_subject_is_taken_from_inside_a_noun_phrase(paragraph: str, name: str | None) -> None:
    found = quotes(paragraph)
    assert [speaker_of(q)[1] for q in found if q.confidence >= 0.5] == ([name] if name else [])


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        # a time or place phrase after the verb finishes the attribution
        (
            "Democrats had “put the biggest crack” yet in the glass ceiling for women, she said"
            " in a video message to the convention.",
            "she",
        ),
        ("Trump’s “excesses” are sickening, Hollande said Tuesday in Paris.", "Hollande"),
        # the person told, with or without a time or place phrase
        ("The plan is “a disaster” for the country, he told reporters.", "he"),
        (
            "“We will win” in November, the senator told The Washington Post on Monday.",
            "the senator",
        ),
        # the attribution ends a long sentence, after its last commas
        (
            "Julian Assange has been “arbitrarily detained” by Britain and Sweden since December"
            " 2010, and should be freed and compensated, the rights group says.",
            "the rights group",
        ),
        (
            "That would create a “summer of agony” for Clinton leading up to the convention,"
            " forcing her to fend off both Trump and Sanders, said Brad Bannon, a pollster.",
            "Brad Bannon",
        ),
    ],
)
def test_an_attribution_closing_the_sentence_names_the_speaker(
    paragraph: str, mention: str
) -> None:
    found = one(paragraph)
    assert found.confidence == CONFIDENCE["cue"]
    assert speaker_of(found)[0] == mention


@pytest.mark.parametrize(
    "paragraph",
    [
        # a clause of its own after the verb: its own reported speech
        "The plan is “a disaster” for the country, he said the bill would fail anyway.",
        # what was told, not who: 'told friends that ...', 'tells one joke about ...'
        "The book is “a marvel” of its kind, Donald told friends that it sold.",
        "His speech was “a tonic” for the party, he tells one joke about Trump.",
        # the one told is no speaker, nor the object of a preposition after 'said'
        "The plan was “reckless,” told Fox News.",
        "The plan was “a reckless gamble” for the party, said of Cruz.",
    ],
)
def test_no_closing_attribution_from_words_that_are_no_attribution(paragraph: str) -> None:
    # what follows the comma may report a statement of its own, never the quotation's
    found = quotes(paragraph, min_confidence=0)
    assert all(q.start > paragraph.index(",") for q in found if q.speaker), found


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("Donald Trump told reporters he thought Fields had “made up the story.”", "Donald Trump"),
        (
            "McCain said on his official Twitter feed that he was referring to Obama’s decisions,"
            " “not to the President himself.”",
            "McCain",
        ),
        ("Ban Ki-moon condemned what he called a “brazen breach” of resolutions.", "Ban Ki-moon"),
    ],
)
def test_a_pronoun_opening_a_reported_clause_gives_way_to_the_named_reporter(
    paragraph: str, mention: str
) -> None:
    # the paragraph before names someone else, whom the pronoun alone would be taken for
    found = quotes("Corey Lewandowski denied grabbing the reporter.", paragraph)
    assert len(found) == 1
    assert speaker_of(found[0]) == (mention, mention)


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        # the outer speaker is a pronoun too: the nearer one stays
        ("He said she called it “a disaster.”", "she"),
        # no reporting verb governs the pronoun's clause
        ("Trump arrived late, and he called the plan “a disaster.”", "he"),
    ],
)
def test_a_pronoun_stays_the_speaker_without_a_named_reporter(paragraph: str, mention: str) -> None:
    [quotation] = [q for q in quotes(paragraph) if q.kind == "partial"]
    assert speaker_of(quotation)[0] == mention


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        # 'according to' closing the sentence, however long, after the quotation
        (
            "As a reality TV boss on “The Apprentice,” Trump repeatedly demeaned women with"
            " sexist language, according to show insiders.",
            "show insiders",
        ),
        (
            "More than 100,000 people took part in a nationwide “walk-in” at 2,000 schools,"
            " according to the event organizer Alliance to Reclaim Our Schools (AROS).",
            "the event organizer Alliance to Reclaim Our Schools",
        ),
        # several lower-case words before the role
        (
            "According to conservative talk radio host Rush Limbaugh, the move reeks of “fear”"
            " and desperation.",
            "conservative talk radio host Rush Limbaugh",
        ),
    ],
)
def test_according_to_names_the_source_before_or_after_the_quotation(
    paragraph: str, mention: str
) -> None:
    found = one("Something happened on Monday.", paragraph)
    assert (speaker_of(found)[0], found.cue) == (mention, "according to")


@pytest.mark.parametrize(
    ("paragraphs", "mention"),
    [
        (
            ["In July, Gingrich cynically dismissed Estonia as “suburbs of St. Petersburg.”"],
            "Gingrich",
        ),
        (
            [
                "When Trump announced his candidacy, he infamously referred to Mexican immigrants"
                " as “criminals” and “rapists” while calling for a wall."
            ],
            "he",
        ),
        (["“We live in Satan’s kingdom,” my father often said."], "father"),
        (["Sanders spoke in Vermont.", "“This is your movement,” he now says."], "he"),
        # an adverb before a verb with no tense is no bridge: 'should formally declare'
        (
            [
                "Ben Carson spoke in Iowa.",
                "He laid out his plan, stating that the United States should formally declare war"
                " on the “caliphate” in Syria.",
            ],
            "He",
        ),
    ],
)
def test_an_adverb_between_the_speaker_and_the_verb_is_stepped_over(
    paragraphs: list[str], mention: str
) -> None:
    found = [q for q in quotes(*paragraphs) if q.speaker is not None]
    assert [speaker_of(q)[0] for q in found] == [mention] * len(found) and found


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("“Donald is an amazing leader,” said the 46-year-old.", "the 46-year-old"),
        (
            "“We have worked diligently to come as close to the goal as possible,” said the"
            " agency, which fell about 2,000 pages short.",
            "the agency",
        ),
        ("“It’s hard enough to come back to work,” said the designer.", "the designer"),
        # one taken from a group
        (
            "“There won’t be a path for Bernie to succeed,” said one of those advisers, who"
            " spoke on the condition of anonymity.",
            "one of those advisers",
        ),
        ("“It was unseemly,” said one of two witnesses.", "one of two witnesses"),
        (
            "Gary Johnson’s doctor is calling the candidate “extremely physically fit.”",
            "Gary Johnson’s doctor",
        ),
    ],
)
def test_people_described_by_age_or_occupation_speak(paragraph: str, mention: str) -> None:
    assert speaker_of(one(paragraph))[0] == mention


def test_a_partial_quotation_without_a_cue_goes_to_the_subject_of_its_sentence() -> None:
    quote = one(
        "In the depths of the Great Recession, Paul Ryan saw the safety net "
        "becoming “a hammock that lulls able-bodied people to lives of dependency.”"
    )
    assert quote.speaker is not None and quote.speaker.mention == "Paul Ryan"
    assert (quote.cue, quote.confidence) == (None, CONFIDENCE["sentence subject"])
    # with a verb that reports a clause, the clause is the statement, mixed
    quote = one(
        "In the depths of the Great Recession, Paul Ryan worried that the safety net was "
        "becoming “a hammock that lulls able-bodied people to lives of dependency.”"
    )
    assert (quote.cue, quote.kind) == ("worried", "mixed")
    assert quote.confidence == CONFIDENCE["reported"]
    assert quote.text.startswith("the safety net was becoming “a hammock")


@pytest.mark.parametrize(
    "paragraph",
    [
        # a term in scare quotes: too short to be words someone said
        "Mitt Romney seized on the issue of “religious liberty” in Iowa.",
        # a title: every word capitalised
        "Anthony Weiner acted in the Syfy movie “Sharknado 3: Oh Hell No!” last year.",
    ],
)
def test_the_subject_of_a_sentence_does_not_speak_a_term_or_a_title(paragraph: str) -> None:
    assert all(q.speaker is None for q in quotes(paragraph))


def test_who_after_a_name_speaks_for_that_name() -> None:
    quote = one(
        "On Thursday, Cruz won the endorsement of Sen. Mike Lee, who declared in the spin "
        "room, “I’m sending the signal that it’s time to unite.”"
    )
    assert quote.speaker is not None
    assert (quote.speaker.mention, quote.speaker.name, quote.cue) == (
        "who",
        "Mike Lee",
        "declared",
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        # a restrictive clause inside the reported one: 'anybody' is no speaker
        "Clinton mocked the complaint, saying anybody who complains about a microphone “is "
        "not having a good night.”",
        # a passive: Trump was called so, he did not say it
        "Trump, who was called “a fraud and a phony” by Mitt Romney, spoke on Friday.",
    ],
)
def test_who_in_a_restrictive_or_passive_clause_is_no_speaker(paragraph: str) -> None:
    assert all(q.speaker is None or q.speaker.mention != "who" for q in quotes(paragraph))


def test_the_following_is_no_speaker() -> None:
    quote = one(
        "Sen. Bernie Sanders spoke in July.",
        "On July 6, 2015, Sanders made the following comment: “For young people who dropped "
        "out of high school, the unemployment rate is 33 percent.”",
    )
    assert speaker_of(quote) == ("Sanders", "Bernie Sanders")


def test_a_past_tense_joined_to_the_verb_is_stepped_over() -> None:
    quote = one("When my mother mentioned the devil, I laughed and said, “I don't believe it.”")
    assert quote.speaker is not None and quote.speaker.mention == "I"


def test_a_long_relative_clause_after_the_name_is_stepped_over() -> None:
    quote = one(
        "Christie, who has campaigned heavily for GOP nominee Donald Trump since he suspended "
        "his own presidential campaign in February, blasted Clinton as a “disgrace.”"
    )
    assert quote.speaker is not None and quote.speaker.name == "Christie"


def test_a_pronoun_reported_by_a_joined_verb_is_mentioned_by_the_sentence_subject() -> None:
    quote = one(
        "Donald Trump bemoaned the unrest in Charlotte and said he thought that drugs were a "
        "“very, very big factor” in the violence."
    )
    assert speaker_of(quote) == ("Donald Trump", "Donald Trump")


@given(st.text(alphabet=st.sampled_from("a “”«»„\"'’‘"), max_size=30))
def test_mark_positions_are_those_a_regex_of_the_marks_finds(text: str) -> None:
    for marks in ('«»“”„"', "'’‘", "”"):
        pattern = re.compile("[" + re.escape(marks) + "]")
        assert mark_positions(text, marks) == [m.start() for m in pattern.finditer(text)]


@given(st.text(alphabet=st.sampled_from("aA1 .!?…”)“\n"), max_size=30))
def test_sentence_ends_are_the_sentence_regex_matches(text: str) -> None:
    # the regex is tried only at its opening marks: the same matches as scanning the text
    found = [m.span() for m in sentence_ends(text)]
    assert found == [m.span() for m in SENTENCE_END.finditer(text)]


PEOPLE = (
    "Kremlin spokesman Dmitry Peskov and Russian Deputy Foreign Minister Sergei Ryabkov spoke "
    "on Tuesday."
)


@pytest.mark.parametrize(
    ("paragraph", "text", "mention", "name", "cue", "via"),
    [
        # X said (that) ...
        (
            "Peskov said that Moscow is ready to work with any American president.",
            "Moscow is ready to work with any American president",
            "Peskov",
            "Dmitry Peskov",
            "said",
            None,
        ),
        (
            "Peskov said Moscow is ready to work with any American president.",
            "Moscow is ready to work with any American president",
            "Peskov",
            "Dmitry Peskov",
            "said",
            None,
        ),
        # ..., X said
        (
            "Moscow has never interfered in US internal affairs, Ryabkov said on Tuesday.",
            "Moscow has never interfered in US internal affairs",
            "Ryabkov",
            "Sergei Ryabkov",
            "said",
            None,
        ),
        (
            "Moscow has never interfered in US affairs, said Ryabkov.",
            "Moscow has never interfered in US affairs",
            "Ryabkov",
            "Sergei Ryabkov",
            "said",
            None,
        ),
        # X told Y (that) ...: an agency told relays it
        (
            "Peskov told RT that Russia will accept either result of the election.",
            "Russia will accept either result of the election",
            "Peskov",
            "Dmitry Peskov",
            "told",
            "RT",
        ),
        (
            "Peskov told reporters Russia will accept either result of the election.",
            "Russia will accept either result of the election",
            "Peskov",
            "Dmitry Peskov",
            "told",
            None,
        ),
        # according to X, ... / ..., according to X
        (
            "According to Ryabkov, Moscow wants to change the negative trend.",
            "Moscow wants to change the negative trend",
            "Ryabkov",
            "Sergei Ryabkov",
            "according to",
            None,
        ),
        (
            "Moscow wants to change the negative trend, according to Ryabkov.",
            "Moscow wants to change the negative trend",
            "Ryabkov",
            "Sergei Ryabkov",
            "according to",
            None,
        ),
        # X noted / stressed / warned / believes / insisted / announced that ...
        (
            "Ryabkov noted that bilateral relations hit their lowest point.",
            "bilateral relations hit their lowest point",
            "Ryabkov",
            "Sergei Ryabkov",
            "noted",
            None,
        ),
        (
            "Ryabkov stressed that the treaty would collapse within a year.",
            "the treaty would collapse within a year",
            "Ryabkov",
            "Sergei Ryabkov",
            "stressed",
            None,
        ),
        (
            "Ryabkov warned that the treaty would collapse within a year.",
            "the treaty would collapse within a year",
            "Ryabkov",
            "Sergei Ryabkov",
            "warned",
            None,
        ),
        (
            "Peskov believes the sanctions will be lifted eventually.",
            "the sanctions will be lifted eventually",
            "Peskov",
            "Dmitry Peskov",
            "believes",
            None,
        ),
        (
            "Ryabkov insisted that Moscow had never interfered in the election.",
            "Moscow had never interfered in the election",
            "Ryabkov",
            "Sergei Ryabkov",
            "insisted",
            None,
        ),
        (
            "The Kremlin announced that Putin would not congratulate Biden yet.",
            "Putin would not congratulate Biden yet",
            "The Kremlin",
            None,
            "announced",
            None,
        ),
        # an attribution set off by commas, its speaker a description; a phrasal cue
        (
            "The plan, an inside source said, is to have volunteers hand out the editorial.",
            "The plan is to have volunteers hand out the editorial",
            "an inside source",
            None,
            "said",
            None,
        ),
        (
            "Ryabkov pointed out that the treaty would collapse within a year.",
            "the treaty would collapse within a year",
            "Ryabkov",
            "Sergei Ryabkov",
            "pointed out",
            None,
        ),
        (
            "Turnout was the second highest in a primary contest, election officials said.",
            "Turnout was the second highest in a primary contest",
            "election officials",
            None,
            "said",
            None,
        ),
        # a question: X asked (Y) whether ...
        (
            "Ryabkov asked the American side whether the treaty would survive the winter.",
            "whether the treaty would survive the winter",
            "Ryabkov",
            "Sergei Ryabkov",
            "asked",
            None,
        ),
        # X's view is that ...
        (
            "Ryabkov’s view is that the talks will not resume before the winter.",
            "the talks will not resume before the winter",
            "Ryabkov’s",
            "Sergei Ryabkov",
            "view is",
            None,
        ),
        # TASS quoted X as saying that ...: X speaks, TASS relays
        (
            "TASS quoted Ryabkov as saying that there was no reason to hope.",
            "there was no reason to hope",
            "Ryabkov",
            "Sergei Ryabkov",
            "quoted",
            "TASS",
        ),
        (
            "According to Kommersant, Ryabkov said that there was no reason to hope.",
            "there was no reason to hope",
            "Ryabkov",
            "Sergei Ryabkov",
            "said",
            "Kommersant",
        ),
        # speakers resolved as for quotations: a pronoun (the person the paragraph before
        # opens with), a description, a possessive role
        (
            "He noted that the talks would resume in Geneva next week.",
            "the talks would resume in Geneva next week",
            "He",
            "Dmitry Peskov",
            "noted",
            None,
        ),
        (
            "The diplomat noted that the talks would resume in Geneva next week.",
            "the talks would resume in Geneva next week",
            "The diplomat",
            "Sergei Ryabkov",
            "noted",
            None,
        ),
        (
            "Putin’s press secretary said that nothing has changed since then.",
            "nothing has changed since then",
            "Putin’s press secretary",
            "Dmitry Peskov",
            "said",
            None,
        ),
        # a description that fits nobody named stays as written, never the nearest name
        (
            "The expert warned that the sanctions would hurt both countries.",
            "the sanctions would hurt both countries",
            "The expert",
            None,
            "warned",
            None,
        ),
    ],
)
def test_reported_speech_frames(
    paragraph: str, text: str, mention: str, name: str | None, cue: str, via: str | None
) -> None:
    [q] = quotes(PEOPLE, paragraph)
    assert (q.kind, q.text, q.cue, q.via) == ("indirect", text, cue, via)
    assert q.speaker is not None and (q.speaker.mention, q.speaker.name) == (mention, name)
    assert q.confidence == CONFIDENCE["reported"]


@pytest.mark.parametrize(
    ("paragraph", "mention", "text"),
    [
        (
            "Political scientists say Republican turnout is higher this year.",
            "Political scientists",
            "Republican turnout is higher this year",
        ),
        (
            "About 4 in 10 say they want the next president to be more liberal.",
            "About 4 in 10",
            "they want the next president to be more liberal",
        ),
        (  # a share of those polled, in any tense
            "Twenty-four percent said she did nothing wrong at all.",
            "Twenty-four percent",
            "she did nothing wrong at all",
        ),
        (
            "Some of Clinton’s longtime allies said they have come to accept his position.",
            "Some of Clinton’s longtime allies",
            "they have come to accept his position",
        ),
    ],
)
def test_a_plain_group_opening_the_sentence_speaks(paragraph: str, mention: str, text: str) -> None:
    q = one(paragraph)
    assert (q.kind, q.text) == ("indirect", text)
    assert q.speaker is not None and (q.speaker.mention, q.speaker.name) == (mention, None)
    # a group after the content is a closing attribution; a clause opening the sentence is
    # no subject
    [closing] = quotes("The plan would fail, critics say.")
    assert (closing.text, closing.speaker.mention if closing.speaker else None) == (
        "The plan would fail",
        "critics",
    )
    assert quotes("What they did not say was that the talks had failed.") == []


def test_the_subject_before_words_set_off_by_commas_speaks_and_a_pair_closes_whole() -> None:
    paragraph = (
        "Mr. Trump, in a brief interview on Saturday, said his plane was a ''truly great "
        "aircraft.''"
    )
    q = one(paragraph)
    assert q.speaker is not None and (q.speaker.mention, q.cue, q.kind) == (
        "Mr. Trump",
        "said",
        "mixed",
    )
    assert q.text == "his plane was a ''truly great aircraft.''"  # both marks of the pair


def test_a_reported_statement_its_attribution_interrupts_is_one_in_two_fragments() -> None:
    paragraph = "The latest test, the agency said, was its biggest yet."
    q = one(paragraph)
    assert q.fragment_texts(paragraph) == ("The latest test", "was its biggest yet")
    assert (q.text, q.speaker.mention if q.speaker else None) == (
        "The latest test was its biggest yet",
        "the agency",
    )


def test_a_quotation_without_a_closing_mark_ends_at_its_attribution() -> None:
    q = one(
        PEOPLE,
        "“We will not leave this square, said a 43-year-old protester who gave only her "
        "first name.",
    )
    assert q.text == "We will not leave this square"
    assert q.speaker is not None and (q.speaker.mention, q.speaker.name) == (
        "a 43-year-old protester",
        None,
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "It is said that the talks failed in the end.",  # no speaker
        "This shows that the talks failed in the end.",
        "He said so.",  # too few words of its own
        # the one asked answers: no question of a speaker named here
        "Sanders was asked by host John Dickerson whether his aim was similar to Kennedy's.",
        # a relative clause, not a closing attribution
        "Relations remain strained over allegations of interference, which Moscow denies.",
        "Trump declined to say whether the talks failed.",  # an infinitive
    ],
)
def test_what_is_no_reported_statement(paragraph: str) -> None:
    assert quotes(PEOPLE, paragraph) == []


def test_statements_below_the_floor_are_kept_on_request() -> None:
    paragraph = "Ryabkov criticized the new sanctions against Russian banks."
    assert quotes(PEOPLE, paragraph) == []  # a stance: a guess at what was said
    [q] = quotes(PEOPLE, paragraph, min_confidence=0)
    assert (q.kind, q.cue, q.text) == (
        "indirect",
        "criticized",
        "the new sanctions against Russian banks",
    )
    assert q.confidence == CONFIDENCE["stance"] < MIN_CONFIDENCE
    page = f"{PEOPLE}\n\n{paragraph}\n\nMarkets were calm."
    assert presswire.parse(page).quotes == ()
    assert len(presswire.parse(page, min_quote_confidence=0).quotes) == 1


# ---------------------------------------------------------------- the lead
def test_a_statement_in_the_lead_is_found_and_marked_in_lead() -> None:
    lead = "Moscow is ready to work with any president, according to spokesman Dmitry Peskov."
    body = ["“We will respect the choice,” he said.", "The vote count goes on."]
    found = extract_quotes(body, lead=lead)
    assert [(q.in_lead, q.paragraph, q.text) for q in found] == [
        (True, 0, "Moscow is ready to work with any president"),
        (False, 0, "We will respect the choice"),
    ]
    # the lead's speaker is the one 'he' in the body's first paragraph refers to
    assert [q.speaker.key if q.speaker else None for q in found] == ["dmitry-peskov"] * 2
    article = Article(lead=lead, paragraphs=body, quotes=found)  # offsets point into the lead
    assert article.passage(found[0])[found[0].start : found[0].end] == found[0].text


def test_a_lead_statement_the_body_repeats_is_given_once_from_the_body() -> None:
    lead = "Sergey Ryabkov noted that relations hit their lowest point under the last government."
    body = [
        "PSKOV, May 30. /TASS/. Deputy Foreign Minister Sergey Ryabkov spoke on Tuesday.",
        "The diplomat noted that relations hit their lowest point under the last government.",
    ]
    found = extract_quotes(body, lead=lead)
    assert [(q.in_lead, q.paragraph) for q in found] == [(False, 1)]
    # the same words from somebody else are another statement: both stay
    other = "Sergey Lavrov noted that relations hit their lowest point under the last government."
    assert [q.in_lead for q in extract_quotes(body, lead=other)] == [True, False]


def test_only_a_standfirsts_worth_of_lead_statements_is_compared_with_the_body() -> None:
    """A lead of 50 statements is no standfirst: past the first 20 none is compared, so
    hostile pages cost linear time; those it compares and finds repeated are dropped."""
    statement = "Peskov said that talks go on."
    found = extract_quotes([statement] * 50, lead=" ".join([statement] * 50))
    assert sum(q.in_lead for q in found) == 50 - 20
    assert sum(not q.in_lead for q in found) == 50


def test_quotes_of_one_speaker_share_the_speaker_and_the_cue() -> None:
    """An article of thousands of '“...,” he said.' keeps one Speaker and one 'said'."""
    found = quotes(RYABKOV_INTRO, "“Yes,” he said. “No,” he said.", "“Maybe,” he said.")
    assert len(found) == 3
    assert found[0].speaker is found[1].speaker is found[2].speaker
    assert found[0].cue is found[1].cue is found[2].cue
