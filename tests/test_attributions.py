"""Attributions that are no statements, on invented news prose: one test per kind.

PolNeAR annotates as attributions what "Who said what" must not show: what
the words were about, what they were aimed at, plans, refusals, negated and
merely possible reporting, indirect questions and beliefs told in the past.
The quote stage keeps each as an ``Attribution`` of its kind, with its
speaker, cue and exact spans, and none of them ever reaches the briefing's
quotes, claims, conflicts or summary.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from jsonschema import Draft202012Validator
from spacy.language import Language

from parallax.analyze.nlp import load_nlp
from parallax.analyze.quotes import extract_attributed
from parallax.analyze.sentences import split_sentences
from parallax.ingest.text import text_document
from parallax.model import Attribution, Briefing, Quote
from parallax.pipeline import analyze_documents, brief_analyzed
from parallax.render import briefing_json, quotes_json, schema_text
from tests.builders import make_article
from tests.contract import check_briefing


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def extract(nlp: Language, text: str) -> tuple[tuple[Quote, ...], tuple[Attribution, ...]]:
    return extract_attributed(make_article("t", text), nlp(text), split_sentences(text))


# kind | sentence | content | speaker mention | cue: one invented case a line (a
# backslash goes on with the line).
_KINDS = """
topic | At the ceremony, Senator Olin Brask talked about his years at sea. | his years at sea \
| Senator Olin Brask | talked
target | Councillor Petra Vane denied the allegations on Monday. | the allegations \
| Councillor Petra Vane | denied
plan | Port director Amos Kell plans to dredge the northern channel next spring. \
| to dredge the northern channel next spring | Port director Amos Kell | plans
refusal | Port director Amos Kell refused to release the inspection records. \
| to release the inspection records | Port director Amos Kell | refused
refusal | A spokesman for the harbour board declined to say whether the pier would reopen. \
| whether the pier would reopen | A spokesman | say
negated | The fisheries ministry has not announced a date for the vote. | a date for the vote \
| The fisheries ministry | announced
hypothetical | Dock officials might argue that the levy is too low. | the levy is too low \
| Dock officials | argue
hypothetical | Mayor Ines Ocampo appeared to suggest that the levy would rise. \
| the levy would rise | Mayor Ines Ocampo | suggest
question | Senator Rhea Lind questioned whether the memo had been sent on time. \
| whether the memo had been sent on time | Senator Rhea Lind | questioned
belief | Mayor Ines Ocampo expected that the council would back the plan. \
| the council would back the plan | Mayor Ines Ocampo | expected
""".strip().splitlines()


@pytest.mark.parametrize("case", _KINDS, ids=[line.split(" | ")[0] for line in _KINDS])
def test_each_kind_is_an_attribution_and_no_statement(nlp: Language, case: str) -> None:
    kind, text, content, speaker, cue = case.split(" | ")
    found, attributions = extract(nlp, text)
    assert found == ()
    assert [(a.kind, a.text, a.speaker_span.text if a.speaker_span else None,
             a.cue_span.text if a.cue_span else None) for a in attributions] == [
        (kind, content, speaker, cue)]
    (attribution,) = attributions
    # The spans are exact characters of the article, as a statement's are.
    assert text[attribution.span.clean_start:attribution.span.clean_end] == content


def test_a_non_answer_reported_of_its_speaker_is_a_refusal(nlp: Language) -> None:
    text = ("Port spokeswoman Lina Varga said she could neither confirm nor deny that the "
            "ferry had failed.")
    found, attributions = extract(nlp, text)
    assert found == ()
    assert ("refusal", "she could neither confirm nor deny that the ferry had failed") in [
        (a.kind, a.text) for a in attributions]


def test_a_statement_stays_a_statement(nlp: Language) -> None:
    found, attributions = extract(nlp, "Mayor Ines Ocampo said the council would back the plan.")
    assert [(q.kind, q.text) for q in found] == [("indirect", "the council would back the plan")]
    assert attributions == ()


def test_a_refusal_in_a_relative_clause_holds_only_what_was_refused(nlp: Language) -> None:
    text = "The fund holds money that the council refused to give the port authority."
    _, attributions = extract(nlp, text)
    assert [(a.kind, a.text) for a in attributions] == [
        ("refusal", "to give the port authority")]


def test_an_attempt_is_an_act_not_an_attribution(nlp: Language) -> None:
    found, attributions = extract(nlp, "Harbour police tried to stop the van near the pier.")
    assert found == () and attributions == ()


# One story in two outlets: a statement, and one sentence of every kind around it.
_STORY = [
    ("Harbour levy vote delayed",
     "Mayor Ines Ocampo said the council would vote on the harbour levy in June. "
     "Councillor Petra Vane denied the allegations about the levy fund on Monday. "
     "At the ceremony, Senator Olin Brask talked about his years at sea. "
     "Port director Amos Kell plans to dredge the northern channel next spring. "
     "He refused to release the inspection records. "
     "The fisheries ministry has not announced a date for the ballot. "
     "Senator Rhea Lind questioned whether the memo had been sent on time. "
     "Dock officials might argue that the levy is too low."),
    ("Council to vote on harbour levy in June",
     "The council will vote on the harbour levy in June, Mayor Ines Ocampo said on Tuesday. "
     "Mayor Ocampo expected that the council would back the plan. "
     "Port director Amos Kell declined to say whether the pier would reopen."),
]


@pytest.fixture(scope="module")
def briefed() -> tuple[Briefing, Briefing]:
    """The story briefed as it is, and again from records without their attributions."""
    documents = [text_document(f"a{n}", f"a{n}.txt", f"{title}\n\n{body}\n")
                 for n, (title, body) in enumerate(_STORY)]
    analyzed = analyze_documents(documents)
    stripped = [replace(item, attributions=()) for item in analyzed]
    return brief_analyzed(analyzed), brief_analyzed(stripped)


def test_no_attribution_reaches_what_the_briefing_shows(briefed: tuple[Briefing, Briefing]
                                                        ) -> None:
    briefing, without = briefed
    kinds = {a.kind for a in briefing.attributions}
    assert kinds == {"topic", "target", "plan", "refusal", "negated", "hypothetical",
                     "question", "belief"}
    assert without.attributions == ()
    # Everything the reader sees is what it is without them.
    for part in ("actors", "quotes", "claims", "conflicts", "timeline", "summary", "outlets"):
        assert getattr(briefing, part) == getattr(without, part), part
    shown = [(q.article, q.span.clean_start, q.span.clean_end) for q in briefing.quotes]
    assert not any((a.article, a.span.clean_start, a.span.clean_end) in shown
                   for a in briefing.attributions)
    assert {q.text for q in briefing.quotes} >= {
        "the council would vote on the harbour levy in June"}


def test_an_attribution_speaks_for_the_actor_its_speaker_is(
        briefed: tuple[Briefing, Briefing]) -> None:
    briefing, _ = briefed
    ocampo = next(a for a in briefing.actors if a.name == "Ines Ocampo")
    belief = next(a for a in briefing.attributions if a.kind == "belief")
    assert belief.speaker == ocampo.id
    # A speaker no statement names stays unresolved rather than becoming a new actor.
    ids = {a.id for a in briefing.actors}
    assert all(a.speaker is None or a.speaker in ids for a in briefing.attributions)


def test_attributions_follow_the_contract_and_round_trip(
        briefed: tuple[Briefing, Briefing]) -> None:
    briefing, _ = briefed
    data = json.loads(briefing_json(briefing))
    check_briefing(data)
    errors = Draft202012Validator(json.loads(schema_text("briefing"))).iter_errors(data)
    assert [e.message for e in errors] == []
    assert Briefing.from_dict(data).attributions == briefing.attributions
    # A file written before the key existed still reads.
    del data["attributions"]
    assert Briefing.from_dict(data).attributions == ()
    payload = json.loads(quotes_json(briefing.quotes, briefing.actors, briefing.attributions))
    errors = Draft202012Validator(json.loads(schema_text("quotes"))).iter_errors(payload)
    assert [e.message for e in errors] == []
    assert len(payload["attributions"]) == len(briefing.attributions)
