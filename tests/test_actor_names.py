"""One person under every form of their name, different people kept apart (invented names).

Issue 13: middle names and initials, short forms of given names and a bare
surname do not split a person; another given name or a generational suffix
separates two; a surname that fits two people is given to neither; a body
keeps its full name.
"""

from __future__ import annotations

from parallax.analyze._actor_names import (
    display_name,
    expand_body,
    expand_surname,
    name_end,
    parse_person,
    same_person,
    split_lines,
    surname_matches,
)
from parallax.analyze.actors import resolve_actors
from parallax.lang import PersonNames
from parallax.lang.en import ENGLISH
from parallax.model import Actor, Entity, Quote

from builders import parsed


def _same(a: str, b: str) -> bool:
    first, second = parse_person(a), parse_person(b)
    assert first is not None and second is not None
    return same_person(first, second)


def test_middle_names_and_initials_do_not_separate() -> None:
    assert _same("Marta E. Kovacs", "Marta Kovacs")
    assert _same("Marta Elin Kovacs", "Marta E. Kovacs")
    assert _same("Marta Elin Kovacs", "Marta Kovacs")
    # Two middle initials are not one: "H. W." and "W." name two people.
    assert not _same("Pavel H. W. Orlen", "Pavel W. Orlen")
    assert not _same("Marta E. Kovacs", "Marta J. Kovacs")
    # A leading initial: the person goes by the middle name.
    assert _same("K. Tomas Brel", "Tomas Brel") and _same("K. Tomas Brel", "Tomas K. Brel")
    assert not _same("K. Tomas Brel", "Kurt Brel") and not _same("K. Tomas Brel", "J. Tomas Brel")


def test_short_given_names_match_their_full_form() -> None:
    assert _same("Dick Halloway", "Richard J. Halloway")
    assert _same("Dick Halloway", "Rick Halloway")  # both stand for Richard
    assert _same("Ted Quill", "Theodore Quill") and _same("Ted Quill", "Edward Quill")
    assert not _same("Theodore Quill", "Edward Quill")
    assert "richard" in ENGLISH.person_names.nicknames["dick"]
    assert _same("Bibi Halloway", "Benjamin Halloway")
    assert not _same("Bibi Halloway", "Bernard Halloway")


def test_other_given_names_and_suffixes_separate() -> None:
    assert not _same("Erik Lamm", "Oskar Lamm")
    assert not _same("Tobias Venn", "Tobias Venn Jr.")
    assert not _same("Tobias Venn Sr.", "Tobias Venn Jr.")
    assert _same("Theodore J. Quill Jr.", "Theodore Quill Jr.")
    parsed = parse_person("Theodore J. Quill, Jr.")
    assert parsed is not None and (parsed.given, parsed.middles, parsed.surname, parsed.suffix) \
        == ("theodore", ("j",), "quill", "jr")
    assert parse_person("Quill") is None and parse_person("Quill Jr.") is None


def test_a_bare_surname_fits_every_person_of_that_surname() -> None:
    assert expand_surname("Quill", ["Theodore J. Quill Jr.", "Ama Serrat"]) \
        == "Theodore J. Quill Jr."
    # Beside his namesake without one, a bare surname is not the suffixed one.
    assert expand_surname("Venn", ["Tobias Venn", "Tobias Venn Jr."]) == "Tobias Venn"
    assert surname_matches("Venn Jr.", ["Tobias Venn", "Tobias Venn Jr."]) == ["Tobias Venn Jr."]
    assert expand_surname("Lamm", ["Erik Lamm", "Oskar Lamm"]) == "Lamm"
    assert surname_matches("Lamm", ["Erik Lamm", "Erik Lamm"]) == ["Erik Lamm"]


def test_a_generational_suffix_belongs_to_the_name() -> None:
    text = "Theodore Quill Jr. said it. Tobias Venn, Sr., agreed. Ama Serrat Junior"
    assert name_end(text, len("Theodore Quill")) == len("Theodore Quill Jr.")
    start = text.index("Tobias")
    assert name_end(text, start + len("Tobias Venn")) == start + len("Tobias Venn, Sr.")
    assert name_end(text, len(text)) == len(text)
    assert name_end("Ama Serrat Junior", len("Ama Serrat")) == len("Ama Serrat")


def test_bodies_keep_their_full_names() -> None:
    assert display_name("the State Department") == "State Department"
    assert display_name("The Supreme Court") == "Supreme Court"
    assert display_name("President Ilse Varga") == "Ilse Varga"
    assert expand_body("County Police Department",
                       ["Norrvik-Dale County Police Department", "Norrvik"]) \
        == "Norrvik-Dale County Police Department"
    assert expand_body("County Police Department",
                       ["Norrvik County Police Department", "Dale County Police Department"]) \
        == "County Police Department"
    assert expand_body("Norrvik Harbour", ["Old Norrvik Harbour"]) == "Norrvik Harbour"


def _speakers(actors: tuple[Actor, ...], quotes: tuple[Quote, ...]) -> dict[str, str | None]:
    """Each quote's speaker text -> the name of the actor it was given."""
    names = {a.id: a.name for a in actors}
    return {q.speaker_span.text: names.get(q.speaker or "") for q in quotes if q.speaker_span}


def test_one_person_under_every_form_across_articles() -> None:
    first = parsed('Senator Richard J. Halloway spoke on Monday. "We will vote on '
                          'Friday," Halloway said.', "one")
    second = parsed('Dick Halloway said the bill was ready. Marta Kovacs said the '
                           'vote was close.', "two")
    third = parsed('Marta E. Kovacs said the count would take a week.', "three")
    actors, quotes = resolve_actors([first, second, third])
    halloway = [a for a in actors if "Halloway" in a.name]
    kovacs = [a for a in actors if "Kovacs" in a.name]
    assert [a.name for a in halloway] == ["Richard J. Halloway"]
    assert "Dick Halloway" in halloway[0].aliases
    assert [a.name for a in kovacs] == ["Marta E. Kovacs"]
    spoken = {q.speaker for q in quotes}
    assert halloway[0].id in spoken and kovacs[0].id in spoken


def test_a_father_and_his_son_stay_apart() -> None:
    text = ('Tobias Venn opened the mill in 1980. His son, Tobias Venn Jr., runs it now. '
            '"We will hire forty people," Tobias Venn Jr. said on Monday. '
            '"It was my dream," Tobias Venn said. "Nobody expected it," Venn added.')
    actors, quotes = resolve_actors([parsed(text, "mill")])
    venns = sorted(a.name for a in actors if "Venn" in a.name)
    assert venns == ["Tobias Venn", "Tobias Venn Jr."]
    speakers = _speakers(actors, quotes)
    assert speakers["Tobias Venn Jr."] == "Tobias Venn Jr."
    assert speakers["Tobias Venn"] == "Tobias Venn"
    # News writes the son's suffix whenever father and son share a story: the
    # bare surname is the father.
    assert speakers["Venn"] == "Tobias Venn"


def test_two_given_names_of_one_surname_stay_apart() -> None:
    first = parsed('Erik Lamm and Oskar Lamm sold the farm. "It was time," Lamm said.',
                     "farm")
    second = parsed('Oskar Lamm bought a boat. Erik Lamm moved to town. "I love the '
                           'sea," Oskar Lamm said.', "boat")
    actors, quotes = resolve_actors([first, second])
    assert sorted(a.name for a in actors if "Lamm" in a.name) == ["Erik Lamm", "Oskar Lamm"]
    speakers = _speakers(actors, quotes)
    assert speakers["Lamm"] is None and speakers["Oskar Lamm"] == "Oskar Lamm"


def test_a_body_named_after_a_role_keeps_its_name() -> None:
    text = ("Agents arrested a man in Norrvik on Friday. The U.S. Attorney's Office said he "
            "faced five charges. The State Department said it was not told.")
    actors, quotes = resolve_actors([parsed(text, "office")])
    speakers = _speakers(actors, quotes)
    assert speakers["The U.S. Attorney's Office"] == "U.S. Attorney's Office"
    assert speakers["The State Department"] == "State Department"


def test_a_body_named_again_in_short_is_the_one_named_before() -> None:
    one = parsed("Officers from the Norrvik-Dale County Police Department arrived at "
                        "noon. The County Police Department said the suspect was held "
                        "overnight.", "county")
    two = parsed("Officers of the Norrvik County Police Department and the Dale County "
                        "Police Department came. The County Police Department said the road "
                        "was closed.", "counties")
    _, quotes = resolve_actors([one])
    assert [q.speaker for q in one.quotes] == ["Norrvik-Dale County Police Department"]
    assert quotes[0].speaker is not None
    # Two departments end that way: the short name stays as written.
    assert [q.speaker for q in two.quotes] == ["County Police Department"]


def test_an_entity_run_over_a_line_break_is_two_names() -> None:
    text = "and Ivo Marsh\n\nKellan"
    entity = Entity(4, len(text), text[4:], "PERSON")
    assert [(e.text, text[e.start:e.end]) for e in split_lines(entity)] == [
        ("Ivo Marsh", "Ivo Marsh"), ("Kellan", "Kellan")]


def test_names_read_once_still_follow_each_packs_suffixes() -> None:
    # Spellings are cached per suffix list: a pack without "jr" must not get
    # the reading made under one with it, in either order.
    bare = PersonNames(nicknames=ENGLISH.person_names.nicknames, generational=frozenset())
    for _ in range(2):
        assert surname_matches("Venn Jr.", ["Tobias Venn Jr."]) == ["Tobias Venn Jr."]
        assert surname_matches("Venn Jr.", ["Tobias Venn Jr."], bare) == []
        assert display_name("Tobias Venn Jr.") == "Tobias Venn Jr."
        assert display_name("Tobias Venn Jr.", bare) == "Tobias Venn Jr"
        person = parse_person("Tobias Venn Jr.", bare)
        assert person is not None and person.surname == "jr" and person.suffix == ""


def test_a_surname_written_before_a_suffixed_namesake_is_not_him() -> None:
    # The president is "President Quill" throughout; his son comes in later with
    # the suffix. A "Mr. Quill" quote is the father's, never the son's.
    text = ('President Quill vetoed the harbour bill on Monday. '
            'His son, Theodore Quill Jr., a banker, had lobbied for it. '
            '"The bill would ruin the port," Mr. Quill said in a statement.')
    actors, quotes = resolve_actors([parsed(text, "veto")])
    speakers = _speakers(actors, quotes)
    assert speakers.get("Mr. Quill") != "Theodore Quill Jr."
    # Another outlet names the father in full: the surname is his.
    other = parsed('President Arno Quill vetoed the harbour bill on Monday, '
                   'his office said.', "wire")
    actors, quotes = resolve_actors([parsed(text, "veto"), other])
    assert _speakers(actors, quotes)["Mr. Quill"] == "Arno Quill"
