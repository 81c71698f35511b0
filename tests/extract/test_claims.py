"""Tests of the claims finder on hand-written sentences and on the example article."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from eventwire.annotate import AnnotatedArticle, Annotator
from eventwire.extract.claims import CUE_FORMS, PIECE_JOINER, find_claims
from eventwire.records import ActorKind, Article, Claim
from eventwire.resolve.actors import ActorGazetteer
from eventwire.settings import AnnotateSettings

pytestmark = pytest.mark.slow

ClaimsOf = Callable[[str], list[Claim]]


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    return Annotator(AnnotateSettings(parse_mode="full"))


@pytest.fixture(scope="session")
def actors() -> ActorGazetteer:
    return ActorGazetteer.load()


def _annotate(annotator: Annotator, text: str) -> AnnotatedArticle:
    return annotator.annotate([Article(id="t", text=text)])[0]


@pytest.fixture(scope="session")
def claims_of(annotator: Annotator, actors: ActorGazetteer) -> ClaimsOf:
    def run(text: str) -> list[Claim]:
        return find_claims(_annotate(annotator, text), actors)

    return run


def _only(claims: list[Claim]) -> Claim:
    assert len(claims) == 1, [c.content.text for c in claims]
    return claims[0]


# -- cue before, after and around the content ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content", "direct"),
    [
        # cue before, indirect, with and without "that"
        (
            "The ministry said that 12 people were killed in the raid.",
            "say",
            "The ministry",
            "12 people were killed in the raid",
            False,
        ),
        (
            "Witnesses say the convoy was hit by a drone near the border.",
            "say",
            "Witnesses",
            "the convoy was hit by a drone near the border",
            False,
        ),
        # cue after the content
        (
            "Twelve people were killed in the raid, the ministry said.",
            "say",
            "the ministry",
            "Twelve people were killed in the raid",
            False,
        ),
        (
            "Iran is moving to close its bases, Israeli defence officials have claimed.",
            "claim",
            "Israeli defence officials",
            "Iran is moving to close its bases",
            False,
        ),
        # according to, before and after
        (
            "According to the ministry, 12 people were killed.",
            "according to",
            "the ministry",
            "12 people were killed",
            False,
        ),
        (
            "Twelve people were killed in the raid, according to local officials.",
            "according to",
            "local officials",
            "Twelve people were killed in the raid",
            False,
        ),
        # direct quotes: cue after, cue before with a colon, cue around (split quote)
        (
            '"We will fight until the end," the commander said.',
            "say",
            "the commander",
            "We will fight until the end",
            True,
        ),
        (
            'The commander said: "We will fight until the end."',
            "say",
            "The commander",
            "We will fight until the end.",
            True,
        ),
        (
            '"We will fight," Ahmed Ali, a spokesman, said, "until the end."',
            "say",
            "Ahmed Ali, a spokesman",
            f"We will fight{PIECE_JOINER}until the end.",
            True,
        ),
        # other cue verbs
        (
            "The rebels denied any involvement in the bombing.",
            "deny",
            "The rebels",
            "any involvement in the bombing",
            False,
        ),
        (
            "Islamic State claimed responsibility for the attack on the market.",
            "claim",
            "Islamic State",
            "responsibility for the attack on the market",
            False,
        ),
        (
            "Officials warned that the dam could collapse within days.",
            "warn",
            "Officials",
            "the dam could collapse within days",
            False,
        ),
        (
            "The government contends that the militia attacked first.",
            "contend",
            "The government",
            "the militia attacked first",
            False,
        ),
        (
            "The army announced a ceasefire in the north of the country.",
            "announce",
            "The army",
            "a ceasefire in the north of the country",
            False,
        ),
        (
            "The attack was carried out by a drone, said Colonel John Smith.",
            "say",
            "Colonel John Smith",
            "The attack was carried out by a drone",
            False,
        ),
    ],
)
def test_patterns(claims_of: ClaimsOf, text: str, cue: str, speaker: str, content: str, direct: bool) -> None:
    claim = _only(claims_of(text))
    assert claim.cue == cue
    assert claim.speaker is not None and claim.speaker.text == speaker
    assert claim.content.text == content
    assert claim.direct_quote is direct


def test_content_offsets_index_the_article(claims_of: ClaimsOf) -> None:
    text = "Fighting resumed on Monday. The ministry said that 12 people were killed in the raid."
    claim = _only(claims_of(text))
    assert text[claim.content.start : claim.content.end] == claim.content.text
    assert claim.evidence.start <= claim.content.start < claim.content.end <= claim.evidence.end
    assert claim.evidence.sentence == text[claim.evidence.start : claim.evidence.end]
    assert claim.evidence.sentence.startswith("The ministry said")  # not the unrelated sentence


def test_ids_are_stable_and_distinct(claims_of: ClaimsOf) -> None:
    text = "The army said the town was taken. Residents said the town was shelled."
    first, second = claims_of(text), claims_of(text)
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Troops shelled the town on Monday, killing five civilians.",
        "Twelve people were killed in the raid, according to reports.",  # the outlet's hedge
        "The spokesman did not say whether the troops would leave the town.",
        "Israel rarely claims responsibility for the attacks.",
        "No group has claimed responsibility for the attack.",
        "Nobody said when the talks would resume.",
    ],
)
def test_no_claim(claims_of: ClaimsOf, text: str) -> None:
    assert claims_of(text) == []


# -- a cue that ends its sentence -----------------------------------------------------------
# Copy without commas ("... killed 25 people the Observatory said") and appositive misreadings
# hang the speaker on the content; the word order still says who speaks.


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (  # no comma: the speaker read as an appositive of the victims
            "An explosion at a mosque on Friday killed at least 25 members of the Nusra Front "
            "the Syrian Observatory for Human Rights monitoring group said.",
            "the Syrian Observatory for Human Rights monitoring group",
            "An explosion at a mosque on Friday killed at least 25 members of the Nusra Front",
        ),
        (  # with a comma, the same misreading
            "An explosion at a mosque in Idlib on Friday killed at least 25 members of the "
            "Nusra Front, the Syrian Observatory for Human Rights said.",
            "the Syrian Observatory for Human Rights",
            "An explosion at a mosque in Idlib on Friday killed at least 25 members of the Nusra Front",
        ),
        (  # read as a relative clause on the content's last noun
            "Victims appeared to show symptoms consistent with a nerve agent the World Health "
            "Organization said on Wednesday.",
            "the World Health Organization",
            "Victims appeared to show symptoms consistent with a nerve agent",
        ),
        (  # read as a verb conjoined with the content's
            "Rebels attacked the town and officials said.",
            "officials",
            "Rebels attacked the town",
        ),
        (  # a clause the parse hung on the cue belongs to the content too
            "Two workers were killed when an air strike hit their office in Kafr Zeita the rescue "
            "service said on Saturday.",
            "the rescue service",
            "Two workers were killed when an air strike hit their office in Kafr Zeita",
        ),
        (  # "quoted X as saying" ends the sentence
            "At least 40 people were killed in the strikes RIA news agency quoted the Defence Ministry "
            "as saying.",
            "RIA news agency",
            "At least 40 people were killed in the strikes",
        ),
        (  # the speaker after a subjectless cue
            "Five volunteers were killed in the double-tap strike said the Civil Defence also known as "
            "the White Helmets.",
            "the Civil Defence",
            "Five volunteers were killed in the double-tap strike",
        ),
        (  # a closing "according to" frames the whole sentence, not only its last clause
            "Thirty-five people were killed on Monday when a warplane crashed into a market in "
            "the town of Ariha according to a local civil defense official.",
            "a local civil defense official",
            "Thirty-five people were killed on Monday when a warplane crashed into a market in "
            "the town of Ariha",
        ),
        # The parse hangs the speaker inside the content and the word order bounds it: from a
        # determiner, or a name run that starts where a new phrase shows.
        (  # a name with its acronym, after a place the preposition takes
            "Shelling killed three farmers in the countryside of Hama Syria Relief Network (SRN) reported.",
            "Syria Relief Network (SRN)",
            "Shelling killed three farmers in the countryside of Hama",
        ),
        (  # a determiner starts it; "in a statement" is the cue's own
            "Shelling killed four children in Idlib a local council said in a statement.",
            "a local council",
            "Shelling killed four children in Idlib",
        ),
        (  # a plural noun before a noun ends the content
            "Barrel bombs fell on the villages overnight and caused panic among farmers activists said.",
            "activists",
            "Barrel bombs fell on the villages overnight and caused panic among farmers",
        ),
        (  # coordinated speakers; an adjective after a noun starts the first
            "Jets hit a bakery in the rebel-held town of Saraqeb killing eight people local activists "
            "and a rescue worker said.",
            "local activists and a rescue worker",
            "Jets hit a bakery in the rebel-held town of Saraqeb killing eight people",
        ),
        (  # a state outlet after the place it is not part of
            "An explosion shook the port of Latakia state news agency SANA reported.",
            "state news agency SANA",
            "An explosion shook the port of Latakia",
        ),
        (  # a spelled number before a name is the content's
            "A rocket hit a house in the old quarter killing two sisters and wounding a third SANA said.",
            "SANA",
            "A rocket hit a house in the old quarter killing two sisters and wounding a third",
        ),
        (  # a date and "without giving further details" after the cue
            "A blast ripped through a bus station in Tartus Syrian state television reported on Friday "
            "without giving further details.",
            "Syrian state television",
            "A blast ripped through a bus station in Tartus",
        ),
        (  # a passive "was quoted as saying by" ends the sentence
            "Mortars hit the old market in Homs the provincial governor was quoted as saying by state "
            "television.",
            "the provincial governor",
            "Mortars hit the old market in Homs",
        ),
        (  # the participle's noun speaks, not its object
            "Strikes killed 30 fighters near the border an organisation monitoring the conflict said.",
            "an organisation monitoring the conflict",
            "Strikes killed 30 fighters near the border",
        ),
        (  # inverted: the content's last noun read as the subject, the speaker as the object
            "A car bomb near the central market killed at least seven people said the Syrian Civil Defence.",
            "the Syrian Civil Defence",
            "A car bomb near the central market killed at least seven people",
        ),
        (  # a subordinate clause after the cue is its circumstance
            "At least seven people died in rebel shelling of a neighbourhood of Aleppo at dawn on Saturday"
            " a monitoring group said as rebels took territory to the south.",
            "a monitoring group",
            "At least seven people died in rebel shelling of a neighbourhood of Aleppo at dawn on Saturday",
        ),
        (  # "updating an earlier toll" after the cue
            "Thirteen civilians were also killed in regime missile attacks on Eastern Ghouta the"
            " Observatory reported Thursday updating an earlier toll.",
            "the Observatory",
            "Thirteen civilians were also killed in regime missile attacks on Eastern Ghouta",
        ),
        (  # the parse hangs "reported" on the speaker as a participle ("a plan announced earlier")
            "Six civilians including two children were also killed by regime bombs that landed on"
            " eastern Harasta the observatory reported on Friday.",
            "the observatory",
            "Six civilians including two children were also killed by regime bombs that landed on"
            " eastern Harasta",
        ),
        (  # "said" takes no person for its object: the name after it is the speaker
            "A roadside bomb exploded near the market wounding two people but without causing deaths"
            " said Hamidi.",
            "Hamidi",
            "A roadside bomb exploded near the market wounding two people but without causing deaths",
        ),
        (  # "it said": the monitor or the ministry told before
            "Another four people were killed in an air raid on the southern rebel-held district of"
            " Sheikh Said it said.",
            "it",
            "Another four people were killed in an air raid on the southern rebel-held district of"
            " Sheikh Said",
        ),
    ],
)
def test_sentence_final_cue(claims_of: ClaimsOf, text: str, speaker: str, content: str) -> None:
    claim = _only(claims_of(text))
    assert claim.speaker is not None and claim.speaker.text == speaker
    assert claim.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "Here are nine ridiculous things the candidate has said about Latinos in the last year.",
        "The government will keep screening refugees in Honduras, a plan announced earlier this year.",
        "Sanders lost Ohio to his rival Hillary Clinton, who added to her delegate lead.",
        "It is about giving communities the chance to tell their own story.",
        "Troops withdrew from the town as the army said it would.",  # a comparison
        "Rebels did not know what the army said.",  # the cue's object
        "The convoy left two hours after the governor said.",  # a subordinate clause
        "The attack which killed 20 civilians was confirmed on Monday.",  # passive, no speaker
        "The army shelled the town the fighting continued.",  # not a reporting use
        "After the siege ended the mayor told the story of the village.",  # told what, not whom
        "The fire spread to a warehouse in the city said.",  # the preposition's object
    ],
)
def test_sentence_final_verbs_that_are_not_attributions(claims_of: ClaimsOf, text: str) -> None:
    assert claims_of(text) == []


def test_an_acronym_keeps_its_closing_bracket(claims_of: ClaimsOf) -> None:
    claim = _only(claims_of("The Syrian Network for Human Rights (SNHR) said that 40 people were killed."))
    assert claim.speaker is not None and claim.speaker.text == "The Syrian Network for Human Rights (SNHR)"


def test_a_spelled_number_before_a_named_speaker_is_not_its_name(claims_of: ClaimsOf) -> None:
    claim = _only(
        claims_of("Jets struck a bakery in Maarat al-Numan killing 11 people a third Reuters said.")
    )
    assert claim.speaker is not None and claim.speaker.text == "Reuters"


def test_a_well_parsed_final_cue_keeps_its_whole_speaker(claims_of: ClaimsOf) -> None:
    claim = _only(claims_of("The man was headed to Cairo for meetings, the news site RTL Info said."))
    assert claim.speaker is not None and claim.speaker.text == "the news site RTL Info"
    assert claim.content.text == "The man was headed to Cairo for meetings"


# -- multi-sentence quotes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"The army has withdrawn from the town. It will not return," the governor said.',
            "The army has withdrawn from the town. It will not return",
        ),
        (
            '"A bomb hit the school," Ali said. "Many children were hurt. We need help."',
            f"A bomb hit the school{PIECE_JOINER}Many children were hurt. We need help.",
        ),
    ],
)
def test_multi_sentence_quote(claims_of: ClaimsOf, text: str, content: str) -> None:
    claim = _only(claims_of(text))
    assert claim.content.text == content
    assert claim.direct_quote
    assert claim.evidence.start == 0 and claim.evidence.end == len(text)


def test_a_continuing_quote_with_its_own_cue_is_not_taken(claims_of: ClaimsOf) -> None:
    claims = claims_of('"A bomb hit the school," Ali said. "It was terrible," Sara added.')
    assert [(c.speaker.text if c.speaker else None, c.content.text) for c in claims] == [
        ("Ali", "A bomb hit the school"),
        ("Sara", "It was terrible"),
    ]


def test_quote_over_unparsed_sentences(actors: ActorGazetteer) -> None:
    text = 'The governor said: "The army has withdrawn. Nobody is left in the town. We are alone."'
    forms = CUE_FORMS
    annotator = Annotator(
        AnnotateSettings(parse_mode="selective"),
        selector=lambda s: any(w.strip('.,:"').lower() in forms for w in s.split()),
    )
    annotated = _annotate(annotator, text)
    assert [s.parsed for s in annotated.sentences] == [True, False, False]
    claim = _only(find_claims(annotated, actors))
    assert claim.content.text == "The army has withdrawn. Nobody is left in the town. We are alone."
    assert claim.direct_quote


# -- channel ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        (
            "Israeli officials told The Times of Israel that the strikes forced Tehran to withdraw.",
            "The Times of Israel",
        ),
        ("The army said in a statement to Reuters that it had struck targets in Gaza.", "Reuters"),
        ("Russian officials told the BBC in an interview that troops might leave Syria.", "BBC"),
        ("The group said on Telegram that its fighters had seized the village.", "Telegram"),
        # channels are outlets and platforms: reporters and named people are not
        ("A security source told reporters that the convoy was hit by a drone.", None),
        ("The minister told Putin that the troops would stay.", None),
    ],
)
def test_channel(claims_of: ClaimsOf, text: str, channel: str | None) -> None:
    assert _only(claims_of(text)).channel == channel


# -- speakers: anonymous, named, institutional, pronouns ---------------------------------------


@pytest.mark.parametrize(
    ("text", "anonymous"),
    [
        ("Officials said the bridge was destroyed in the attack.", True),
        ("Israeli defence officials said the bridge was destroyed in the attack.", True),
        ("A source close to the presidency said the minister had resigned.", True),
        ("Diplomats said the talks had stalled over the weekend.", True),
        ("Anonymous officials claimed the bridge was destroyed.", True),
        ("A ministry spokesman, speaking on condition of anonymity, said the base was hit.", True),
        ("Ahmed Ali, a spokesman, said the bridge was destroyed in the attack.", False),
        ("A spokesman for the army said the bridge was destroyed in the attack.", False),
        ("The Israeli army said in a statement that the bridge was destroyed.", False),
        ("Hamas said the bridge was destroyed in the attack.", False),
    ],
)
def test_anonymous(claims_of: ClaimsOf, text: str, anonymous: bool) -> None:
    speaker = _only(claims_of(text)).speaker
    assert speaker is not None and speaker.anonymous is anonymous


def test_institution_on_record(claims_of: ClaimsOf) -> None:
    speaker = _only(
        claims_of("The Israeli army said in a statement that it struck targets in Syria.")
    ).speaker
    assert speaker is not None
    assert (speaker.anonymous, speaker.country, speaker.kind) == (False, "ISR", ActorKind.STATE_FORCES)
    assert speaker.name  # the institution's canonical name from the gazetteer


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        ("Ahmed Ali, the mayor, said the town was shelled. He added that five civilians were killed.", "He"),
        ("Israeli officials said the base was hit. They added that the strikes would continue.", "They"),
    ],
)
def test_pronoun_speaker_takes_the_last_named_speaker(claims_of: ClaimsOf, text: str, pronoun: str) -> None:
    first, second = claims_of(text)
    assert first.speaker is not None and second.speaker is not None
    assert second.speaker.text == pronoun  # the words in the article
    assert second.speaker.name is not None and second.speaker.name == first.speaker.name
    assert (second.speaker.country, second.speaker.anonymous) == (
        first.speaker.country,
        first.speaker.anonymous,
    )


def test_definite_group_takes_earlier_affiliation(claims_of: ClaimsOf) -> None:
    text = (
        "Israeli defence officials said the base was hit. "
        "Iranian forces have left two bases, the anonymous officials claimed."
    )
    second = claims_of(text)[1]
    assert second.speaker is not None
    assert (second.speaker.country, second.speaker.anonymous) == ("ISR", True)


def test_unresolvable_pronoun_keeps_its_words(claims_of: ClaimsOf) -> None:
    speaker = _only(claims_of("He said the town was shelled overnight.")).speaker
    assert speaker is not None and speaker.text == "He" and speaker.name is None


# -- hedges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("Diplomats said the talks had reportedly stalled.", ["reportedly"]),
        ("Officials warned that the dam could collapse and may flood the valley.", ["could", "may"]),
        ("The ministry said 12 people were killed in the raid.", []),
        # a hedge outside the content is not the content's
        ("Officials could not be reached, but the army said the town was taken.", []),
    ],
)
def test_hedges(claims_of: ClaimsOf, text: str, hedges: list[str]) -> None:
    claims = [c for c in claims_of(text) if c.speaker is not None]
    assert claims and claims[-1].hedges == hedges


def test_cue_forms_cover_every_cue() -> None:
    for form in [
        "said",
        "says",
        "told",
        "claimed",
        "added",
        "according",
        "stated",
        "announced",
        "denied",
        "insisted",
        "warned",
        "contends",
    ]:
        assert form in CUE_FORMS


# -- the example article (issue 4 acceptance items 2, 5 and 6) -------------------------------


@pytest.fixture(scope="session")
def example_claims(
    example_path: Path, annotator: Annotator, actors: ActorGazetteer
) -> tuple[str, list[Claim]]:
    text = example_path.read_text("utf-8")
    article = Article(id="new-arab-2020-05-05", text=text, published=date(2020, 5, 5))
    return text, find_claims(annotator.annotate([article])[0], actors)


def test_example_channel(example_claims: tuple[str, list[Claim]]) -> None:
    _, claims = example_claims
    told = [c for c in claims if c.channel == "The Times of Israel"]
    assert len(told) == 1
    assert told[0].cue == "tell"
    assert told[0].content.text.startswith("the recent uptick in strikes has forced Tehran to withdraw")


def test_example_direct_quote(example_claims: tuple[str, list[Claim]]) -> None:
    _, claims = example_claims
    quote = [c for c in claims if c.content.text.startswith("Syria is paying a growing price")]
    assert len(quote) == 1
    assert quote[0].direct_quote
    assert quote[0].content.text.endswith("for a war that isn't [Syria's]")
    assert quote[0].speaker is not None and quote[0].speaker.anonymous


def test_example_anonymous_israeli_claim_holds_the_evacuation(
    example_claims: tuple[str, list[Claim]],
) -> None:
    text, claims = example_claims
    trigger = text.index("evacuated from a small number")
    holding = [c for c in claims if c.content.start <= trigger < c.content.end]
    assert len(holding) == 1
    speaker = holding[0].speaker
    assert speaker is not None
    assert (speaker.anonymous, speaker.country, holding[0].cue) == (True, "ISR", "claim")


def test_example_they_added_is_the_israeli_officials(example_claims: tuple[str, list[Claim]]) -> None:
    text, claims = example_claims
    intends = text.index("intends to continue strikes")
    claim = next(c for c in claims if c.content.start <= intends < c.content.end)
    assert claim.speaker is not None
    assert (claim.speaker.text, claim.speaker.country, claim.speaker.anonymous) == ("They", "ISR", True)
    assert claim.cue == "add"


def test_a_headline_names_its_source_before_the_agencys_dateline(claims_of: ClaimsOf) -> None:
    text = "Russian strikes kill 34 civilians in Syria's Deir Ezzor Monitor AFP Sunday 26 Nov 2017"
    claim = _only(claims_of(text))
    assert claim.speaker is not None and claim.speaker.text == "Monitor" and claim.cue == "say"
    assert claim.content.text == "Russian strikes kill 34 civilians in Syria's Deir Ezzor"
    # the people the news is about are not its source, and body text is not a headline
    assert claims_of("Syria forces kill 3 activists AFP Sunday 10 Jul 2016") == []
    assert claims_of("Officials met the Monitor AFP Sunday 10 Jul 2016") == []
