"""The quote extractor's word lists: data that plugins extend through a hook.

Every list here is plain data. A plugin adds to it by returning a :class:`Lexicon` from
``presswire_quote_lexicon``; presswire merges all of them with :data:`DEFAULT_LEXICON`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

__all__ = ["DEFAULT_LEXICON", "Lexicon", "words"]


def words(text: str) -> tuple[str, ...]:
    """The words of a block of text: how word lists are written here, one block per list."""
    return tuple(text.split())


def _lower_set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


def _name_variants(groups: Iterable[Iterable[str]]) -> Mapping[str, str]:
    """Each spelling maps to the group's first spelling: the canonical one."""
    canonical: dict[str, str] = {}
    for group in groups:
        spellings = [spelling.lower() for spelling in group]
        for spelling in spellings:
            canonical.setdefault(spelling, spellings[0])
    return canonical


MEMO_LIMIT = 100_000
"""Entries a lexicon's memo of word answers holds before it starts again."""


@frozen
class Lexicon:
    """Word lists for finding quotes and their speakers. All matching is case-insensitive.

    - ``reporting_verbs``: verb forms that attribute speech ('said', 'added', 'told').
    - ``speaker_nouns``: nouns that describe a speaker ('diplomat', 'spokesman'), with the
      role nouns they can refer to in ``noun_roles`` ('diplomat' -> minister, ambassador); a
      noun mapped to no role nouns ('woman' -> none) is never resolved to a named person.
    - ``agencies``: outlets that relay quotes ('TASS', 'Interfax'): ``via``.
    - ``quote_pairs``: opening mark -> closing marks.
    - ``name_variants``: groups of spellings of one first name ('Sergei', 'Sergey').
    - ``non_speakers``: capitalised words that are not names at the start of a phrase.
    - ``non_person_words``: last words of names of places and organisations ('States').
    - ``clause_verbs``: verb forms that report speech or thought as a clause opened by 'that'
      ('noted that ...', 'stressed that ...'): reported speech.
    - ``bare_clause_verbs``: verb forms that report a clause without 'that' as well ('Peskov
      said Moscow is ready'); they need not be listed in ``clause_verbs`` too.
    - ``stance_verbs``: verb forms that report a stance or a speech act through their object
      ('criticized the plan', 'called for talks', 'vowed to resign'); reported speech too,
      less sure than a clause.
    """

    reporting_verbs: frozenset[str] = field(default=frozenset(), converter=_lower_set)
    speaker_nouns: frozenset[str] = field(default=frozenset(), converter=_lower_set)
    noun_roles: Mapping[str, frozenset[str]] = field(factory=dict)
    agencies: tuple[str, ...] = ()
    quote_pairs: Mapping[str, str] = field(factory=dict)
    name_variants: Mapping[str, str] = field(factory=dict)
    non_speakers: frozenset[str] = field(default=frozenset(), converter=_lower_set)
    non_person_words: frozenset[str] = field(default=frozenset(), converter=_lower_set)
    clause_verbs: frozenset[str] = field(default=frozenset(), converter=_lower_set)
    bare_clause_verbs: frozenset[str] = field(default=frozenset(), converter=_lower_set)
    stance_verbs: frozenset[str] = field(default=frozenset(), converter=_lower_set)
    # Answers computed from the lists above (is this word part of a name, a name's key): the
    # same words recur across the articles of a corpus. Not part of the value: no eq, no init.
    _memos: dict[str, dict[str, Any]] = field(init=False, factory=dict, eq=False, repr=False)

    def _memo(self, table: str) -> dict[str, Any]:
        """The memo ``table``, emptied when it holds :data:`MEMO_LIMIT` entries (memory stays
        bounded on a corpus of any size)."""
        memo = self._memos.get(table)
        if memo is None or len(memo) >= MEMO_LIMIT:
            memo = self._memos[table] = {}
        return memo

    def merge(self, other: Lexicon) -> Lexicon:
        """A lexicon with the entries of both (``other``'s win where both map a key)."""
        roles = dict(self.noun_roles)
        for noun, targets in other.noun_roles.items():
            roles[noun] = frozenset(roles.get(noun, frozenset()) | frozenset(targets))
        return Lexicon(
            reporting_verbs=self.reporting_verbs | other.reporting_verbs,
            speaker_nouns=self.speaker_nouns | other.speaker_nouns,
            noun_roles=roles,
            agencies=tuple(dict.fromkeys((*self.agencies, *other.agencies))),
            quote_pairs={**self.quote_pairs, **other.quote_pairs},
            name_variants={**self.name_variants, **other.name_variants},
            non_speakers=self.non_speakers | other.non_speakers,
            non_person_words=self.non_person_words | other.non_person_words,
            clause_verbs=self.clause_verbs | other.clause_verbs,
            bare_clause_verbs=self.bare_clause_verbs | other.bare_clause_verbs,
            stance_verbs=self.stance_verbs | other.stance_verbs,
        )


PHRASAL_VERBS = {
    "shot": "back",
    "fired": "back",
    "hit": "back",
    "pushed": "back",
    "chimed": "in",
    "weighed": "in",
    "piped": "up",
    "went": "on",
    "goes": "on",
    "points": "out",
    "pointed": "out",
}
"""Verbs that report speech only with their particle: 'Hillary shot back, “...”', '“...,” he
went on'; not when 'to' follows the particle ('went on to win', 'pushed back to May')."""


REPORTING_VERBS = words(
    """
    said says say saying told tells tell telling added adds adding stated states stating noted
    notes noting explained explains explaining stressed stresses stressing emphasized emphasised
    emphasizes emphasising emphasizing continued continues continuing declared declares insisted
    insists argued argues claimed claims warned warns asked asks replied replies answered
    answers wrote writes tweeted tweets posted announced announces remarked remarks concluded
    concludes pointed acknowledged acknowledges admitted admits recalled recalls suggested
    suggests observed observes affirmed affirms asserted asserts contended confirmed confirms
    denied denies called calls described describes urged urges vowed vows predicted predicts
    promised promises reiterated reiterates underlined underlines complained complains joked
    jokes quipped responded responds countered counters maintained maintains conceded concedes
    cautioned cautions lamented laments shouted yelled testified testifies disclosed revealed
    reveals commented comments characterized characterised dubbed labeled labelled
    quip quips quipped share shares shared sharing write writing wrote written decline declines
    declined pledge pledges pledged pledging urging cite cited citing affirm affirming
    emailed emailing think thinks thought recount recounts recounted agree agrees agreed
    disagree disagrees disagreed retort retorts retorted echo echoes echoed chime chimed muse
    mused boast boasts boasted brag brags bragged assure assures assured remind reminds
    reminded criticize criticizes criticized criticise criticised blast blasts blasted slam
    slams slammed accuse accuses accused praise praises praised defend defends defended
    mention mentions mentioned insisting arguing calling asking warning explaining
    stressing claiming noting telling declaring announcing suggesting recalling answering
    replying responding conceding acknowledging admitting vowing promising predicting
    insist argue claim warn ask reply answer write announce remark conclude acknowledge
    admit recall suggest observe affirm assert contend confirm deny describe urge vow predict
    promise reiterate underline complain joke respond maintain concede caution
    lament testify disclose reveal comment characterize dub label explain stress emphasize
    note add declare
    labeling labelling labels label brand brands branded branding tweeting tweet
    yell yells yelling shout shouts shouting scream screams screamed screaming
    reported reports chanted chanting interjected interjects remarking blamed
    blames mocked mocks mocking denounced denounces proclaimed proclaims repeated repeats
    pronounced elaborated implied thanked questioned expressed decried decries admitting
    praising accusing dismissed dismisses dismissing condemned condemns condemning alleged
    alleges alleging touted touts touting railed rails criticizing denouncing likened bemoaned
    wondered wonders referenced assailed hinted hints reminding thanking blasting slamming
    apologized retweeted pleaded confessed confesses remembered remembers reacted reacts
    charged demanded demands read reads hailed hails hailing referred refers referring
    barked barks snapped snaps whispered whispers muttered mutters griped gripes scoffed
    scoffs sneered sneers chided chides scolded scolds exclaimed exclaims opined opines gushed
    gushes raved raves fumed fumes marveled marvelled marvels pleads begged begs grumbled
    grumbles groused grouses ranted rants murmured murmurs
    """
)

BARE_CLAUSE_VERBS = words(
    """
    say says said told tells tell add adds added believe believes believed think thinks
    thought claim claims claimed argue argues argued insist insists insisted suggest suggests
    suggested predict predicts predicted agree agrees agreed expect expects expected hope
    hopes hoped feel feels felt know knows knew estimate estimates estimated concede concedes
    conceded maintain maintains maintained assert asserts asserted contend contends contended
    """
)
"""Verbs that report a clause with or without 'that': 'Peskov said Moscow is ready'. Verbs
that as often take an object ('announced his candidacy', 'noted the irony') report a clause
only with 'that' (:data:`CLAUSE_VERBS`)."""

CLAUSE_VERBS = words(
    """
    note noted notes write wrote writes acknowledge acknowledged acknowledges admit admitted
    admits stress stressed stresses warn warned warns explain explained explains announce
    announced announces recall recalled recalls tweeted tweets declare confirm deny report
    alleging describe described describes pointed points charged charges cautioned cautions
    boasted boasts bragged brags lamented laments countered counters replied replies
    responded responds answered answers posted emailed projected projects calculated noting
    stressing emphasized emphasised emphasizes emphasises emphasizing underlined underlines
    underscored underscores reiterated reiterates declared declares observed observes
    remarked remarks reported reports confirmed confirms denied denies vowed vows promised
    promises pledged pledges revealed reveals disclosed discloses hinted hints indicated
    indicates alleged alleges fears feared worried worries assured assures reminded reminds
    testified testifies concluded concludes found finds showed shows show learned
    understands understood speculated implied implies signaled signalled signals complained
    complains arguing claiming insisting warning adding saying explaining suggesting
    acknowledging admitting believing thinking predicting announcing conceding recalling
    stated states stating
    """
)
"""Verbs that report a clause only when 'that' opens it: 'Ryabkov noted that ...', 'polls show
that ...' (those of :data:`BARE_CLAUSE_VERBS` report one with or without it, and are not
listed again). The reporting verbs of quotations (``reporting_verbs``) are another list:
'called', 'slammed' take a quotation, not a clause."""

STANCE_VERBS = words(
    """
    support supports supported supporting endorse endorses endorsed endorsing criticize
    criticizes criticized criticizing criticise criticises criticised criticising accuse
    accuses accused accusing describe describes described describing back backs backed
    backing oppose opposes opposed opposing praise praises praised praising defend defends
    defended defending attack attacks attacked attacking question questions questioned
    questioning reject rejects rejected rejecting dismiss dismisses dismissed dismissing
    cite cites cited citing propose proposes proposed proposing seek seeks sought seeking
    promise promises promised promising vow vows vowed vowing pledge pledges pledged
    pledging offer offers offered offering consider considers considered considering blame
    blames blamed blaming urge urges urged urging demand demands demanded demanding ask asks
    asked asking want wants wanted wanting plan plans planned planning hope hopes hoped
    hoping expect expects expected expecting fear fears feared fearing refuse refuses
    refused refusing decline declines declined declining deny denies denied denying doubt
    doubts doubted doubting favor favors favored favoring favour favours favoured favouring
    welcome welcomes welcomed welcoming condemn condemns condemned condemning denounce
    denounces denounced denouncing blast blasts blasted blasting slam slams slammed slamming
    mock mocks mocked mocking echo echoes echoed echoing recommend recommends recommended
    recommending request requests requested requesting call calls called calling tout touts
    touted touting hail hails hailed hailing applaud applauds applauded applauding thank
    thanks thanked thanking congratulate congratulates congratulated congratulating
    challenge challenges challenged challenging dispute disputes disputed disputing
    reference references referenced referencing mention mentions mentioned mentioning
    highlight highlights highlighted highlighting emphasize emphasizes emphasized
    emphasizing discuss discusses discussed discussing debate debates debated debating
    lobby lobbies lobbied lobbying advocate advocates advocated advocating champion
    champions championed championing recall recalls recalled recalling characterize
    characterizes characterized characterizing portray portrays portrayed portraying label
    labels labeled labelled labeling labelling brand brands branded branding dub dubs dubbed
    dubbing decry decries decried decrying lament laments lamented lamenting bemoan bemoans
    bemoaned bemoaning regret regrets regretted regretting apologize apologizes apologized
    apologizing acknowledge acknowledges acknowledged acknowledging admit admits admitted
    admitting concede concedes conceded conceding insist insists insisted insisting argue
    argues argued arguing claim claims claimed claiming suggest suggests suggested
    suggesting predict predicts predicted predicting warn warns warned warning announce
    announces announced announcing reveal reveals revealed revealing disclose discloses
    disclosed disclosing confirm confirms confirmed confirming report reports reported
    reporting note notes noted noting tweet tweets tweeted tweeting write writes wrote
    writing agree agrees agreed agreeing disagree disagrees disagreed disagreeing worry
    worries worried worrying complain complains complained complaining
    """
)
"""Verbs that report a stance or a speech act through their object: 'Trump criticized the
plan', 'Sanders called for a recount', 'Cruz vowed to fight on'."""

STANCE_PARTICLES = frozenset(words("for on about against of out to with over"))
"""Words after a stance verb that open its object ('called for', 'warned of', 'talked
about'): the content starts after them, except 'to' ('vowed to fight')."""

SPEAKER_NOUNS = words(
    """
    diplomat minister spokesman spokeswoman spokesperson secretary president ambassador envoy
    official officials senator congressman congresswoman lawmaker governor mayor chairman
    chairwoman chair leader lawyer attorney candidate nominee adviser advisor aide director
    chief head premier commander general analyst expert economist professor researcher source
    sources representative rep deputy counselor councillor campaign manager strategist
    prosecutor judge justice officer agent colleague executive ceo founder author activist
    agency witness witnesses designer delegate delegates organizer organizers supporter
    supporters voter voters resident residents woman man teacher student doctor owner
    veteran worker workers protester protesters advisers advisors aides
    """
)

PERSON_NOUNS = words(
    """
    woman women man men voter voters supporter supporters resident residents employee employees
    worker workers commenter narrator staffer staffers observer observers attendee attendees
    protester protesters student students teacher mother father friend veteran member members
    delegate delegates donor donors operative insider person owner pastor fan fans neighbor
    neighbour caller viewer critic critics organizer organiser volunteer participant parents
    people
    """
)
"""Nouns for people a description does not tie to a named person ('said the woman', 'one
supporter said'): speakers, with the words as mention and no name."""

PLURAL_SPEAKER_NOUNS = words(
    """
    activists advisers advisors agents aides ambassadors analysts attorneys authors candidates
    chairmen chairwomen chiefs colleagues commanders commenters congressmen congresswomen
    councillors counselors deputies diplomats directors economists envoys executives experts
    founders governors insiders judges lawmakers lawyers leaders managers mayors ministers
    narrators nominees observers officers operatives organisers organizers owners pastors
    prosecutors researchers senators spokesmen spokespersons spokeswomen strategists teachers
    veterans viewers callers fathers mothers friends participants
    """
)
"""'federal prosecutors wrote', 'the spokesmen said': speakers that are a group, so never
resolved to one named person."""

# A description's head noun and the role nouns of the person it may refer to; none for the
# nouns of PERSON_NOUNS and for plurals, which are not resolved.
NOUN_ROLES = {
    "diplomat": frozenset({"diplomat", "minister", "ambassador", "envoy", "deputy"}),
    "secretary": frozenset({"secretary", "spokesman", "spokeswoman", "spokesperson"}),
    "spokesman": frozenset({"spokesman", "spokeswoman", "spokesperson", "secretary"}),
    "spokeswoman": frozenset({"spokesman", "spokeswoman", "spokesperson", "secretary"}),
    "spokesperson": frozenset({"spokesman", "spokeswoman", "spokesperson", "secretary"}),
    "envoy": frozenset({"envoy", "ambassador", "diplomat"}),
    "ambassador": frozenset({"ambassador", "envoy", "diplomat"}),
    "minister": frozenset({"minister"}),
    "president": frozenset({"president"}),
    "official": frozenset({"official", "minister", "secretary", "spokesman", "deputy"}),
    "senator": frozenset({"senator"}),
    "candidate": frozenset({"candidate", "nominee"}),
    "nominee": frozenset({"candidate", "nominee"}),
    **{noun: frozenset() for noun in PERSON_NOUNS + PLURAL_SPEAKER_NOUNS},
    "officials": frozenset(),
    "sources": frozenset(),
}

AGENCIES = (
    "TASS",
    "Interfax",
    "RIA Novosti",
    "RIA",
    "Sputnik",
    "RT",
    "Reuters",
    "AP",
    "Associated Press",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "Xinhua",
    "IRNA",
    "Tasnim",
    "Fars",
    "Anadolu",
    "Kyodo",
    "Yonhap",
    "dpa",
    "ANSA",
    "EFE",
    "PTI",
    "CNN",
    "Fox News",
    "NBC",
    "CBS",
    "ABC",
    "BBC",
    "Channel One",
    "Izvestia",
    "Kommersant",
)

QUOTE_PAIRS = {
    "\u201c": "\u201d",  # “ ”
    "\u201e": "\u201c\u201d",  # „ “ (German) or „ ” (Polish)
    "\u00ab": "\u00bb",  # « »
    "\u00bb": "\u00ab",  # » « (Danish)
    '"': '"\u201d',  # " " or " ”: scraped text mixes straight and curly marks
}

NAME_VARIANTS = _name_variants(
    [
        ("Sergei", "Sergey", "Serguei", "Sergej"),
        ("Dmitry", "Dmitri", "Dmitriy", "Dimitri", "Dmitrii"),
        ("Anatoly", "Anatoliy", "Anatoli", "Anatolii"),
        ("Antony", "Anthony"),
        ("Alexei", "Alexey", "Aleksei", "Aleksey", "Alexej"),
        ("Alexander", "Aleksandr", "Alexandr", "Aleksander"),
        ("Yuri", "Yury", "Yuriy", "Iurii"),
        ("Vasily", "Vasiliy", "Vasili", "Wassily"),
        ("Nikolai", "Nikolay", "Nicolai"),
        ("Mikhail", "Michail"),
        ("Andrei", "Andrey", "Andrej"),
        ("Maria", "Mariya"),
        ("Valentina", "Valentyna"),
        ("Yevgeny", "Evgeny", "Evgeniy", "Yevgeniy"),
        ("Grigory", "Grigoriy", "Grigori"),
        ("Vladimir", "Wladimir"),
        ("Viktor", "Victor"),
        ("Zelensky", "Zelenskyy", "Zelenskiy"),
        ("Mohammad", "Mohammed", "Muhammad", "Mohamed"),
        ("Hossein", "Hussein", "Hosein"),
        ("Javad", "Jawad"),
    ]
)

NON_SPEAKERS = words(
    """
    the a an but and or so then however meanwhile moreover also still in on at as when while
    after before if this that these those it its there here monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october
    november december because earlier later another first second finally amid despite although
    though since until unless whether what why how where which whose his her their our my your
    one some many most few both each every all no not now today yesterday instead indeed
    perhaps maybe even just only yet thus therefore nevertheless nonetheless otherwise contrast
    speaking asked neither either nor team other follow
    for with of from by among like about against into over under between through during
    without within toward towards across around near are is was were do does did
    """
)

NON_PERSON_WORDS = words(
    """
    states union college administration office hall war house department ministry council
    committee party academy sciences forum dialogue agency news times post journal street square
    court congress senate parliament duma kremlin republic kingdom nations organization
    organisation association institute university center centre bank fund company corporation
    group one two region oblast city sea ocean channel times tv television radio network press
    service services airport station bridge island islands mountains river valley county
    province district federation coalition alliance front army navy force forces guard police
    brigade battalion command school church mosque cathedral palace tower stadium club league
    cup games olympics summit conference festival award prize index exchange market gate
    """
)

DEFAULT_LEXICON = Lexicon(
    reporting_verbs=REPORTING_VERBS,
    speaker_nouns=SPEAKER_NOUNS + PERSON_NOUNS + PLURAL_SPEAKER_NOUNS,
    noun_roles=NOUN_ROLES,
    agencies=AGENCIES,
    quote_pairs=QUOTE_PAIRS,
    name_variants=NAME_VARIANTS,
    non_speakers=NON_SPEAKERS,
    non_person_words=NON_PERSON_WORDS,
    clause_verbs=CLAUSE_VERBS,
    bare_clause_verbs=BARE_CLAUSE_VERBS,
    stance_verbs=STANCE_VERBS,
)
