"""Tests of eventwire.resolve.actors: the packaged gazetteer and descriptive actor patterns."""

from __future__ import annotations

import pytest

from eventwire.records import ActorKind
from eventwire.resolve.actors import ActorGazetteer


@pytest.fixture(scope="module")
def gazetteer() -> ActorGazetteer:
    return ActorGazetteer.load()


def test_load_is_cached_and_versioned(gazetteer: ActorGazetteer) -> None:
    assert ActorGazetteer.load() is gazetteer
    assert gazetteer.version
    assert len(gazetteer.country_names) >= 193


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        ("IDF", "Israel Defense Forces", "ISR", ActorKind.STATE_FORCES),
        ("Hezbollah", "Hezbollah", "LBN", ActorKind.POLITICAL_MILITIA),
        ("IRGC", "Islamic Revolutionary Guard Corps", "IRN", ActorKind.STATE_FORCES),
        ("Ansar Allah", "Houthis", "YEM", ActorKind.REBELS),
        ("Daesh", "Islamic State", "SYR", ActorKind.REBELS),
        ("ISWAP", "Islamic State West Africa Province", "NGA", ActorKind.REBELS),
        ("HTS", "Hayat Tahrir al-Sham", "SYR", ActorKind.REBELS),
        ("Hashd al-Shaabi", "Popular Mobilisation Forces", "IRQ", ActorKind.POLITICAL_MILITIA),
        ("RSF", "Rapid Support Forces", "SDN", ActorKind.POLITICAL_MILITIA),
        ("al-Shabaab", "Al-Shabaab", "SOM", ActorKind.REBELS),
        ("Wagner", "Wagner Group", "RUS", ActorKind.EXTERNAL),
        ("UNIFIL", "UNIFIL", "LBN", ActorKind.EXTERNAL),
        ("SOHR", "Syrian Observatory for Human Rights", "SYR", ActorKind.ORGANIZATION),
        ("WHO", "World Health Organization", None, ActorKind.ORGANIZATION),
        ("the Kremlin", "Kremlin", "RUS", ActorKind.GOVERNMENT),
        ("Assad's forces", "Syrian Arab Army", "SYR", ActorKind.STATE_FORCES),
        ("Hezbollah fighters", "Hezbollah", "LBN", ActorKind.POLITICAL_MILITIA),
        ("Taliban militants", "Taliban", "AFG", ActorKind.REBELS),
    ],
)
def test_named_groups_resolve_by_alias(
    gazetteer: ActorGazetteer, text: str, name: str, country: str | None, kind: ActorKind
) -> None:
    actor = gazetteer.resolve(text)
    assert (actor.text, actor.name, actor.country, actor.kind) == (text, name, country, kind)


@pytest.mark.parametrize("word", ["who", "is", "eu", "un"])
def test_acronyms_match_only_in_their_case(gazetteer: ActorGazetteer, word: str) -> None:
    assert gazetteer.resolve(word).name == word


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        ("Israeli", "Military Forces of Israel", "ISR", ActorKind.STATE_FORCES),
        ("Israeli strikes", "Military Forces of Israel", "ISR", ActorKind.STATE_FORCES),
        ("Israeli army", "Military Forces of Israel", "ISR", ActorKind.STATE_FORCES),
        ("Russian forces", "Military Forces of Russia", "RUS", ActorKind.STATE_FORCES),
        ("the Ukrainian military", "Military Forces of Ukraine", "UKR", ActorKind.STATE_FORCES),
        ("14 Afghan soldiers", "Military Forces of Afghanistan", "AFG", ActorKind.STATE_FORCES),
        ("Kenyan police", "Police Forces of Kenya", "KEN", ActorKind.STATE_FORCES),
        ("Israeli defence officials", "Government of Israel", "ISR", ActorKind.GOVERNMENT),
        ("the Iranian foreign ministry", "Government of Iran", "IRN", ActorKind.GOVERNMENT),
        ("Tehran", "Government of Iran", "IRN", ActorKind.GOVERNMENT),
        ("Tel Aviv", "Government of Israel", "ISR", ActorKind.GOVERNMENT),
        ("Moscow", "Government of Russia", "RUS", ActorKind.GOVERNMENT),
        ("Protesters (Kenya)", "Protesters (Kenya)", "KEN", ActorKind.PROTESTERS),
    ],
)
def test_state_actors_from_demonyms_and_metonyms(
    gazetteer: ActorGazetteer, text: str, name: str, country: str, kind: ActorKind
) -> None:
    actor = gazetteer.resolve(text, context_countries=["SYR"])
    assert (actor.name, actor.country, actor.kind) == (name, country, kind)


def test_backed_militia_carries_its_sponsor(gazetteer: ActorGazetteer) -> None:
    actor = gazetteer.resolve("Iran-backed militia fighters", context_countries=["SYR"])
    assert (actor.kind, actor.country, actor.countries) == (ActorKind.POLITICAL_MILITIA, "IRN", ["IRN"])


def test_two_nationalities_are_both_kept(gazetteer: ActorGazetteer) -> None:
    actor = gazetteer.resolve("Iranian and Iraqi militia fighters", context_countries=["SYR"])
    assert (actor.kind, actor.country, actor.countries) == (
        ActorKind.POLITICAL_MILITIA,
        "IRN",
        ["IRN", "IRQ"],
    )


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("civilians", ActorKind.CIVILIANS, "Civilians (Syria)"),
        ("residents", ActorKind.CIVILIANS, "Civilians (Syria)"),
        ("villagers", ActorKind.CIVILIANS, "Civilians (Syria)"),
        ("a child", ActorKind.CIVILIANS, "Civilians (Syria)"),
        ("protesters", ActorKind.PROTESTERS, "Protesters (Syria)"),
        ("demonstrators", ActorKind.PROTESTERS, "Protesters (Syria)"),
        ("rioters", ActorKind.RIOTERS, "Rioters (Syria)"),
        ("an angry mob", ActorKind.RIOTERS, "Rioters (Syria)"),
        ("unidentified gunmen", ActorKind.UNKNOWN, "Unidentified Armed Group (Syria)"),
        ("armed men", ActorKind.UNKNOWN, "Unidentified Armed Group (Syria)"),
        ("police", ActorKind.STATE_FORCES, "Police Forces of Syria"),
        ("the regime", ActorKind.STATE_FORCES, "Military Forces of Syria"),
        ("regime forces", ActorKind.STATE_FORCES, "Military Forces of Syria"),
        ("the ministry", ActorKind.GOVERNMENT, "Government of Syria"),
        ("officials", ActorKind.GOVERNMENT, "Government of Syria"),
        ("the president", ActorKind.GOVERNMENT, "Government of Syria"),
        ("tribal militia", ActorKind.IDENTITY_MILITIA, "tribal militia"),
    ],
)
def test_descriptive_actors_take_the_context_country(
    gazetteer: ActorGazetteer, text: str, kind: ActorKind, name: str
) -> None:
    actor = gazetteer.resolve(text, context_countries=["SYR"])
    assert (actor.kind, actor.name, actor.country) == (kind, name, "SYR")


@pytest.mark.parametrize("text", ["rebels", "insurgents", "jihadists", "militants"])
def test_armed_opposition_words_are_rebels(gazetteer: ActorGazetteer, text: str) -> None:
    assert gazetteer.resolve(text, context_countries=["MLI"]).kind is ActorKind.REBELS


def test_context_free_descriptive_actor_has_no_country(gazetteer: ActorGazetteer) -> None:
    actor = gazetteer.resolve("civilians")
    assert (actor.kind, actor.country, actor.countries) == (ActorKind.CIVILIANS, None, [])


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("the Free Ghazal Brigade", "Free Ghazal Brigade", ActorKind.POLITICAL_MILITIA),
        ("the Movement for Justice", "Movement for Justice", ActorKind.REBELS),
        ("the Popular Liberation Front", "Popular Liberation Front", ActorKind.REBELS),
        ("the Green Farmers Party", "Green Farmers Party", ActorKind.ORGANIZATION),
        ("Qarib Mansour", "Qarib Mansour", ActorKind.UNKNOWN),
    ],
)
def test_unknown_named_groups_are_kept_with_a_guessed_kind(
    gazetteer: ActorGazetteer, text: str, name: str, kind: ActorKind
) -> None:
    actor = gazetteer.resolve(text, context_countries=["YEM"])
    assert (actor.name, actor.kind, actor.country) == (name, kind, "YEM")


def test_match_all_finds_groups_inside_a_phrase(gazetteer: ActorGazetteer) -> None:
    found = gazetteer.match_all("clashes between Hezbollah and the Syrian Democratic Forces")
    assert [entry.name for _, _, entry in found] == ["Hezbollah", "Syrian Democratic Forces"]


@pytest.mark.parametrize(
    ("text", "context", "name", "kind"),
    [
        # the article's country decides which coalition, and which Kurdish force, is meant
        ("the coalition", ("SYR",), "US-led coalition", ActorKind.STATE_FORCES),
        ("coalition warplanes", ("IRQ",), "US-led coalition", ActorKind.STATE_FORCES),
        ("coalition warplanes", ("YEM",), "Saudi-led coalition", ActorKind.STATE_FORCES),
        ("Kurdish-led forces", ("SYR",), "Syrian Democratic Forces", ActorKind.REBELS),
        ("international coalition", (), "US-led coalition", ActorKind.STATE_FORCES),
        ("Army of Conquest", ("SYR",), "Jaysh al-Fatah", ActorKind.REBELS),
        # aircraft and crews are a state's forces; a leader's air force is his state's
        ("Russian pilots", ("SYR",), "Military Forces of Russia", ActorKind.STATE_FORCES),
        ("Planes of the Russian air force", ("SYR",), "Military Forces of Russia", ActorKind.STATE_FORCES),
        ("an Israeli plane", ("SYR",), "Military Forces of Israel", ActorKind.STATE_FORCES),
        (
            "the air force of President Bashar Assad",
            ("SYR",),
            "Military Forces of Syria",
            ActorKind.STATE_FORCES,
        ),
    ],
)
def test_context_and_heads_pick_the_force(
    gazetteer: ActorGazetteer, text: str, context: tuple[str, ...], name: str, kind: ActorKind
) -> None:
    actor = gazetteer.resolve(text, context_countries=context)
    assert (actor.name, actor.kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the armed opposition", ActorKind.REBELS),  # not protesters
        ("opposition groups", ActorKind.REBELS),
        ("pro-regime fighters", ActorKind.POLITICAL_MILITIA),  # on the state's side, not rebels
        ("the opposition", ActorKind.PROTESTERS),
    ],
)
def test_opposition_and_loyalist_kinds(gazetteer: ActorGazetteer, text: str, kind: ActorKind) -> None:
    assert gazetteer.resolve(text, context_countries=("SYR",)).kind is kind


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # texts stripped of apostrophes (FA-KES): the possessive still names the country or group
        ("Russias military", "Military Forces of Russia", "RUS"),
        ("Kurdish Peoples Protection Units", "People's Protection Units", "SYR"),
        # a name that only ends in "s" is left as it is
        ("United Nations forces", "United Nations", None),
        ("the Green Farmers Party", "Green Farmers Party", "SYR"),
    ],
)
def test_possessives_that_lost_their_apostrophe(
    gazetteer: ActorGazetteer, text: str, name: str, country: str | None
) -> None:
    actor = gazetteer.resolve(text, context_countries=("SYR",))
    assert (actor.name, actor.country, actor.text) == (name, country, text)


@pytest.mark.parametrize("text", ["rebel forces", "the rebel Army of Mujahideen", "opposition forces"])
def test_rebel_forces_are_not_the_state(gazetteer: ActorGazetteer, text: str) -> None:
    assert gazetteer.resolve(text, context_countries=("SYR",)).kind == "rebels"
