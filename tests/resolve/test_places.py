"""Place grounding: lookups, alternate spellings, context, relative phrases, article scans."""

from __future__ import annotations

import pytest

from eventwire.errors import QueryError
from eventwire.resolve.places import Geocoder


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder.load()


@pytest.mark.parametrize(
    "spellings",
    [
        ("Deir ez-Zor", "Deir el-Zour", "Dayr az Zawr", "Deir Ezzor"),
        ("Albu Kamal", "Abu Kamal", "Bukamal", "al-Bukamal"),
        ("Kafr Nabl", "Kafranbel", "Kafr Nubl"),
        ("Kyiv", "Kiev"),
        ("Bakhmut", "Artemivsk"),
    ],
)
def test_alternate_spellings_meet(geo: Geocoder, spellings: tuple[str, ...]) -> None:
    ids = {getattr(geo.geocode(s), "geonames_id", None) for s in spellings}
    assert len(ids) == 1 and None not in ids, ids


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("Saraqib", "SYR", "Idlib"),
        ("Kafr Nabl", "SYR", "Idlib"),
        ("Avdiivka", "UKR", "Donetsk"),
        ("Jarabulus", "SYR", "Ḩalab"),
        ("Ménaka", "MLI", None),
        ("Djibo", "BFA", None),
    ],
)
def test_villages_resolve_to_towns(geo: Geocoder, name: str, country: str, admin1: str | None) -> None:
    place = geo.geocode(name, context_countries=(country,))
    assert place is not None and place.country == country and place.precision == 1
    if admin1:
        assert place.admin1 == admin1


@pytest.mark.parametrize(("context", "country"), [(("LBN",), "LBN"), (("LBY",), "LBY"), (("GRC",), "GRC")])
def test_context_disambiguates(geo: Geocoder, context: tuple[str, ...], country: str) -> None:
    place = geo.geocode("Tripoli", context_countries=context)
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    ("name", "country", "precision"),
    [
        ("Syria", "SYR", 3),
        ("Idlib province", "SYR", 3),
        ("Deir ez-Zor governorate", "SYR", 3),
        ("Donetsk region", "UKR", 3),
        ("Darfur", "SDN", 3),
        ("Idlib", "SYR", 1),
        ("Aleppo", "SYR", 1),
    ],
)
def test_regions_and_countries_have_precision_3(
    geo: Geocoder, name: str, country: str, precision: int
) -> None:
    place = geo.geocode(name)
    assert place is not None and place.country == country and place.precision == precision
    if precision == 3 and name != "Syria" and name != "Darfur":
        assert place.admin1 is not None


def test_candidates_are_ranked_and_limited(geo: Geocoder) -> None:
    found = geo.candidates("Tripoli", limit=3)
    assert len(found) == 3
    assert {p.country for p in found} >= {"LBY", "LBN"}


def test_country_place_and_unknown_code(geo: Geocoder) -> None:
    syria = geo.country("SYR")
    assert syria.precision == 3 and syria.name == "Syria" and syria.lat is not None
    with pytest.raises(QueryError) as info:
        geo.country("XQZ")
    assert info.value.code == "EW051"


@pytest.mark.parametrize(
    ("phrase", "context", "country", "precision", "name"),
    [
        ("the country's east", ("SYR",), "SYR", 3, "Syria"),
        ("eastern Syria", (), "SYR", 3, "Syria"),
        ("near the border", ("UKR",), "UKR", 3, "Ukraine"),
        ("north of Aleppo", ("SYR",), "SYR", 2, "Aleppo"),
        ("the outskirts of Idlib", ("SYR",), "SYR", 2, "Idlib"),
        ("western Idlib province", ("SYR",), "SYR", 3, "Idlib"),
    ],
)
def test_relative_phrases_never_give_a_town(
    geo: Geocoder, phrase: str, context: tuple[str, ...], country: str, precision: int, name: str
) -> None:
    place = geo.relative(phrase, context_countries=context)
    assert place is not None
    assert (place.country, place.precision, place.name) == (country, precision, name)


def test_relative_without_anything_is_none(geo: Geocoder) -> None:
    assert geo.relative("near the border") is None
    # with two countries in play "the north" is neither's ("US-led strikes ... in the north")
    assert geo.relative("the north", context_countries=("USA", "SYR")) is None


def test_relative_uses_anchor(geo: Geocoder) -> None:
    anchor = geo.geocode("Saraqib")
    place = geo.relative("elsewhere in the province", anchor=anchor)
    assert place is not None and place.precision == 3 and place.admin1 == "Idlib"


ARTICLE = (
    "Government forces shelled Kafr Nabl and Saraqib in Idlib province on Monday. "
    "Mark Smith, a spokesman, said police had sealed the road. "
    "Later, Smith said fighters in Deir ez-Zor moved towards Albu Kamal, near Syrian territory."
)


def test_find_places_offsets_and_names(geo: Geocoder) -> None:
    places = geo.find_places(ARTICLE)
    for p in places:
        assert p.start is not None and p.end is not None
        assert ARTICLE[p.start : p.end] == p.text
    texts = [p.text for p in places]
    assert texts == [
        "Kafr Nabl",
        "Saraqib",
        "Idlib province",
        "Deir ez-Zor",
        "Albu Kamal",
        "Syrian territory",
    ]
    assert {p.country for p in places} == {"SYR"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Mark Smith told reporters the Police would act.",
        "The Bar Association met on Monday.",
        "Of the 14 killed, most were civilians.",
        "President Walsh spoke. Walsh said nothing.",
    ],
)
def test_common_words_and_person_names_are_not_places(geo: Geocoder, sentence: str) -> None:
    assert geo.find_places(sentence) == []


def test_context_from_unambiguous_mentions(geo: Geocoder) -> None:
    lebanon = "Clashes broke out in Beirut and Sidon, and later in Tripoli."
    libya = "Clashes broke out in Benghazi and Misrata, and later in Tripoli."
    assert geo.find_places(lebanon)[-1].country == "LBN"
    assert geo.find_places(libya)[-1].country == "LBY"


def test_ner_spans_are_kept_even_unresolved(geo: Geocoder) -> None:
    text = "Shelling hit Qqzzyxville and Saraqib."
    start = text.index("Qqzzyxville")
    places = geo.find_places(text, [(start, start + len("Qqzzyxville"), "GPE")])
    assert [p.text for p in places] == ["Qqzzyxville", "Saraqib"]
    assert places[0].lat is None and places[1].country == "SYR"


@pytest.mark.parametrize("spans", [[(500, 520, "GPE")], [(5, 2, "LOC")]])
def test_bad_spans_do_not_empty_the_result(geo: Geocoder, spans: list[tuple[int, int, str]]) -> None:
    assert [p.text for p in geo.find_places("Shelling hit Saraqib.", spans)] == ["Saraqib"]


def test_demonym_ner_span_is_not_a_place(geo: Geocoder) -> None:
    text = "Canadian troops left Kandahar."
    places = geo.find_places(text, [(0, 8, "GPE")])
    assert [p.text for p in places] == ["Kandahar"]


@pytest.mark.parametrize("text", ["", "   ", "no capitalised words here at all"])
def test_empty_or_plain_text(geo: Geocoder, text: str) -> None:
    assert geo.find_places(text) == []


def test_an_acronym_that_spells_a_town_another_way_is_not_that_town(geo: Geocoder) -> None:
    # "state news agency SANA" is not Sanaa; a town in capitals under its own name stays
    text = "The state news agency SANA said a car bomb hit HOMS on Monday."
    names = {p.text: p.name for p in geo.find_places(text, context_countries=("SYR",))}
    assert names.get("SANA") is None
    assert names["HOMS"] == "Homs"
