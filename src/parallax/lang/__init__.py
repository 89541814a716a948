"""Language packs: every word list, pattern and model name a stage needs for one language.

The stages read words: they split sentences (pysbd's rules for a language),
parse dates (month and weekday names, dateparser's locale), match content
words across articles (a stemmer, stopwords, negators) and read figures
(number words). A ``LanguagePack`` holds all of that for one language, so a
stage asks the pack of its article's ``Document.language`` instead of
carrying its own English copy, and adding a language is a new pack module
(plus its models) registered as ``parallax.lang.<code>.v1``, not edits across
the modules. See docs/LANGUAGES.md.

    >>> from parallax.lang import pack_for
    >>> pack_for("en-GB").code
    'en'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from parallax.errors import RegistryError
from parallax.registry import registry

__all__ = ["Abbreviations", "LanguagePack", "Meanings", "PersonNames", "QuoteCues",
           "SourceNouns", "SuffixStemmer", "pack_for", "primary_code"]


@dataclass(frozen=True, slots=True)
class SuffixStemmer:
    """Strip the first listed suffix that leaves at least ``shortest`` characters.

    Crude, but both sides of every comparison go through the same function and
    it runs without a parser; a language's pack chooses the suffixes.
    """

    suffixes: tuple[str, ...]
    shortest: int

    def __call__(self, word: str) -> str:
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= self.shortest:
                return word[: -len(suffix)]
        return word


@dataclass(frozen=True, slots=True)
class QuoteCues:
    """The lemmas that introduce a statement, by the shape of the statement in the parse
    (see ``parallax.analyze._quote_cues``)."""

    speech: frozenset[str]
    """Verbs of saying whose clause is the statement (`X said (that) ...`); findings too."""
    belief: frozenset[str]
    """Beliefs and expectations with a clause: reported, but no cue for marks."""
    objects: frozenset[str]
    """Verbs whose direct object is the statement (`denied the report`)."""
    intent: frozenset[str]
    """Verbs of intent whose infinitive is the statement (`vowed to appeal`)."""
    preps: Mapping[str, frozenset[str]]
    """Verbs whose prepositional object names what was said (`called for a recount`)."""
    nouns: frozenset[str]
    """Nouns whose "that" clause is a statement (`his claim that ...`)."""
    topics: frozenset[str] = frozenset()
    """Prepositions of ``preps`` that name only what the words were about (`spoke of
    his service`): their object is a statement only with a verb of its own."""
    unsaid: frozenset[str] = frozenset()
    """Lower-case words that take back a cue they govern: modals of mere possibility
    (`could say`), `without` (`without recommending charges`) and verbs of withholding
    (`refused to say`, `stopped short of calling for`). Nothing was stated."""
    possible: frozenset[str] = frozenset()
    """The words of ``unsaid`` that make a cue merely possible (`could say`): a
    hypothetical attribution. Other words of ``unsaid``, and a negation, negate it."""
    withholding: frozenset[str] = frozenset()
    disclosing: frozenset[str] = frozenset()
    """Verbs of answering a question about facts (`confirm`, `comment`): negated in
    what a cue reports of its own speaker (`said she could not confirm`), a refusal."""
    """Verbs of ``unsaid`` that withhold what a cue would say (`declined to say`): a
    refusal."""
    wishes: frozenset[str] = frozenset()
    """Verbs of ``unsaid`` that wish, plan or try what a cue would say (`hopes to show`):
    a plan, not yet a statement."""
    aims: frozenset[str] = frozenset()
    """Verbs of ``withholding`` or ``wishes`` whose own infinitive is what someone refuses
    or plans (`refused to release the files`, `plans to visit the dam`): an attribution
    of that kind, never a statement. Not attempts (`tried to stop the car`), which
    report an act."""
    aimed: frozenset[str] = frozenset()
    """Verbs of ``preps`` whose prepositional object is what the words were for, against
    or pointed at ("argued for his wall", "apologized for his remarks", "alluded to a job
    offer"): a noun phrase there is the words' target, a statement only with a verb of
    its own ("argued for raising the levy"). Demands ("called for a recount") are not."""
    notices: frozenset[str] = frozenset()
    """Lower-case words that label an editor's notice or a kicker before a colon
    ("Correction:", "Update:", "Editor's note:"): no speaker, whatever the parse tags them."""
    asking: frozenset[str] = frozenset()
    """Object verbs whose object alone is what was claimed or asked ("claims a share
    of the revenue", "demanded a recount"); other verbs' bare noun phrases name what
    was disputed or praised (``QuotesOptions.bare_objects``)."""
    questions: frozenset[str] = frozenset()
    """Verbs that ask: under them a clause opened by a question word ("questioned why
    ...", "wondered how ...") is a question, not an assertion."""
    whether: frozenset[str] = frozenset()
    """Lower-case words that open an indirect yes/no question under any cue ("asked
    whether ...", "said if ..."): nothing is asserted."""
    asides: frozenset[str] = frozenset()
    """Lower-case subordinators by which a cue set off in a sentence attributes the rest
    of it ("as Moss noted, the dam is sound"): the sentence is her statement."""
    telling: frozenset[str] = frozenset()
    """Speech verbs whose direct object is whom the words were told ("told the leaders
    that ..."), so that a "that" clause the parse hangs on that object is what was told."""
    activities: frozenset[str] = frozenset()
    """Speech verbs that also name a spell of talking, so that under ``asides`` they say
    when ("as she testified, crowds gathered"), not who said the rest."""
    lemmas: frozenset[str] = field(init=False)
    """Every lemma that can cue a statement."""
    reporting: frozenset[str] = field(init=False)
    """The lemmas that report a statement in a clause (speech and belief)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "lemmas", self.speech | self.belief | self.objects
                           | self.intent | self.preps.keys())
        object.__setattr__(self, "reporting", self.speech | self.belief)


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """Abbreviations a sentence goes on after, by what has to follow them.

    pysbd's own list handles most news abbreviations, but splits after a
    party-state tag ("Sen. Ana Ruiz, D-Calif., said ...": a fragment ", said
    ..." that quotes, claims and timeline entries then cite) and after titles
    it does not know ("Gens.", "Atty.", "Pres."). The splitter re-joins a
    boundary after one of these when what follows shows the sentence goes on,
    so "He met Ana Ruiz, D-Calif. She left." still splits. Entries are
    written without their final dot and compared case-sensitively.
    """

    party_tag: re.Pattern[str]
    """A party-state tag ("D-Calif.", "R-Texas.", "I-Vt."), the last word of a
    sentence: it goes on before ",", ";", ":", ")" or a lower-case word."""
    titles: frozenset[str]
    """Titles before a name ("Sen", "Gens"): go on before a capitalised word."""
    before_number: frozenset[str]
    """Words that precede a number ("No", "Jan"): go on before a digit."""
    before_lower: frozenset[str]
    """Abbreviations inside a sentence ("U.S", "p.m", "Inc", "Jr"): go on
    before a lower-case word."""


@dataclass(frozen=True, slots=True)
class PersonNames:
    """How one person's name varies in writing (``parallax.analyze._actor_names``).

    "Dick Durbin" and "Richard J. Durbin" are one senator; "Donald Trump Jr."
    is not "Donald Trump". Actor resolution compares given names through
    ``nicknames`` and keeps the ``generational`` suffix as part of who is meant.
    """

    nicknames: Mapping[str, frozenset[str]]
    """Lower-case short forms of given names -> the full given names they stand for
    ("dick" -> richard; "ted" -> theodore, edward)."""
    generational: frozenset[str]
    """Lower-case suffixes, dots removed, that name another member of a family
    ("jr", "sr", "iii"): never dropped when names are compared."""
    genders: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Lower-case honorifics (dots removed) and common given names -> "m" or "f": the
    pronoun ("he", "she") a mention of that person allows. Quote attribution never
    resolves a pronoun to a person whose name says the other; absent names say nothing."""


@dataclass(frozen=True, slots=True)
class Meanings:
    """Words that mean one thing, or its opposite, told apart by no negator.

    Conflicts read polarity from negators ("did not serve"), but outlets also
    state the opposite in one word ("illegal" against "legal", "liar" against
    "credible") and count one measure under two nouns ("520,000 arrests"
    against "400,000 apprehensions"). All lower case.
    """

    measures: tuple[tuple[str, ...], ...] = ()
    """Groups of nouns one count may be given under ("arrests", "apprehensions")."""
    changes: frozenset[str] = frozenset()
    """Verbs of a count changing or standing at a value ("fell to 400,000"): a
    figure after one with no noun of its own counts the verb's subject."""
    negating_prefixes: tuple[str, ...] = ()
    """Prefixes that make a word its own opposite ("illegal", "unlawful", "non-binding")."""
    not_negated: frozenset[str] = frozenset()
    """Words that begin with such a prefix and are no opposite of the rest
    ("interest", "universal", "discuss")."""
    opposites: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Words -> the word they deny, where no prefix tells ("liar" -> "credible")."""
    predicates: tuple[tuple[str, ...], ...] = ()
    """Groups of words that assert one predicate ("make it clear" and "volunteer"
    both say a thing was told): one denied is the other denied."""


@dataclass(frozen=True, slots=True)
class SourceNouns:
    """How news names a source it does not name (``parallax.analyze._actor_groups``).

    "Senior administration officials said", "a BuzzFeed spokesman told",
    "Tarn's campaign said": the description is who speaks, and a reader
    would list the statement under it. "The official said" is not one: a
    definite singular points back at someone named before.
    """

    nouns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Lower-case nouns for people or bodies that speak, singular and plural -> the
    singular ("officials" -> "official", "spokesmen" -> "spokesman")."""
    definite: frozenset[str] = frozenset()
    """Articles that point back at someone already named ("the")."""
    indefinite: frozenset[str] = frozenset()
    """Words that introduce one unnamed source ("a", "an", "one")."""
    quantifiers: frozenset[str] = frozenset()
    """Words that count or qualify a group and are not part of its name ("several",
    "two", "some")."""
    documents: frozenset[str] = frozenset()
    """Lower-case nouns for writing that speaks for its author ("report", "article"):
    "BuzzFeed's report said ..." is the outlet's statement."""
    qualifiers: frozenset[str] = frozenset()
    """Prepositions whose phrase is part of how a source is described ("people familiar
    with the talks", "people with knowledge of the plan")."""
    places: frozenset[str] = frozenset()
    """Prepositions that add the named place or body a source works in or for
    ("prosecutors in New York", "members of Congress"): part of the description only
    with a name after them."""
    partitives: frozenset[str] = frozenset()
    """Prepositions of a part of a group ("one of the aides"): the group describes it."""
    publishing: frozenset[str] = frozenset()
    """Lemmas of verbs whose subject is the author of the writing they take as object
    ("BuzzFeed published the story"; not "Roe criticized the story")."""
    signatures: frozenset[str] = frozenset()
    """Nouns of a signature whose owner wrote the document sent under it ("a cable
    sent under the ambassador's signature")."""
    examples: frozenset[str] = frozenset()
    """Words that name some members of an unnamed group ("others, including the party
    chairmen"): the members describe who speaks."""
    mastheads: frozenset[str] = frozenset()
    """Lower-case last words of newspapers' names, by which news names a paper short
    ("the Times reported", "the Post"): such a one-word body is the one paper of the
    briefing whose name ends on it."""


# eq=False: a pack is compared and hashed by identity, so stages may cache
# what they compile from it (date patterns) per pack.
@dataclass(frozen=True, slots=True, eq=False)
class LanguagePack:
    """What the stages need to read text in one language.

    Fields are data, or small functions where the data is a rule (the stemmer).
    The word patterns differ on purpose, each for the stage that was tuned or
    trained with it; they are named for what they keep together.
    """

    code: str
    """ISO 639-1 code, as ``Document.language`` carries it ("en")."""
    name: str
    pysbd_language: str
    """The language code pysbd's segmenter takes."""
    dateparser_languages: tuple[str, ...]
    """Locales dateparser may try, in order."""
    months: Mapping[str, int]
    """Lower-case month names and abbreviations -> month number (1-12)."""
    weekdays: tuple[str, ...]
    """Lower-case weekday names, Monday first (``datetime.date.weekday()`` order)."""
    number_words: Mapping[str, int]
    """Spelled-out numbers a text writes for figures ("three hours") -> value."""
    negators: frozenset[str]
    """Words that negate what follows ("not", "never", "without")."""
    negated_forms: frozenset[str]
    """Contractions that carry a negator ("didn't"): one token in some word patterns."""
    negating_suffixes: tuple[str, ...]
    """Endings that make any word a negation ("n't": also "mightn't", "ain't")."""
    common_words: frozenset[str]
    """The most frequent function words: their share in a text tells whether it is
    in this language at all, and in a line whether it is prose."""
    stopwords: Callable[[], frozenset[str]]
    """Words too common to say what a sentence is about, negators excluded (a
    loader: the English list comes from spaCy, slow to import where unneeded)."""
    stem: Callable[[str], str]
    """The stemmer for content words (claims, conflicts, mismatch, summary)."""
    root: Callable[[str], str]
    """A stem with the spelling change of inflection undone, so the stem of a
    base form and of an inflected one meet ("approve" / "approv" from "approved")."""
    stance_stem: Callable[[str], str]
    """The stemmer the shipped stance model's features were computed with
    (``stance-features/2``); a different one needs a retrained model."""
    word: re.Pattern[str]
    """A word with inner apostrophes, dots and hyphens kept ("U.S.", "don't", "co-op")."""
    figure_word: re.Pattern[str]
    """``word`` that also keeps thousands separators ("1,200"), for reading figures."""
    cue_word: re.Pattern[str]
    """A lower-case word with one apostrophe ending ("isn't"): the stance features'."""
    bare_word: re.Pattern[str]
    """Lower-case letters and digits only: the summary model's words."""
    letters: re.Pattern[str]
    """Lower-case letters only."""
    quote_cues: QuoteCues
    """The cue lemmas of quotes and reported speech (matched on the parse's lemmas)."""
    abbreviations: Abbreviations
    """Abbreviations a sentence goes on after, which pysbd splits at (the splitter's
    re-joins; see ``parallax.analyze.sentences``)."""
    person_names: PersonNames
    """Short forms of given names and generational suffixes (actor identity)."""
    meanings: Meanings = field(default_factory=Meanings)
    """Synonym counts and one-word opposites (conflicts)."""
    source_nouns: SourceNouns = SourceNouns()
    """Descriptions of unnamed sources ("senior administration officials"), which
    speak as a group actor."""

    def month_pattern(self) -> str:
        """A regex alternation of the month names, longest first (so "sept" beats "sep")."""
        return "|".join(sorted(self.months, key=len, reverse=True))


def primary_code(language: str | None) -> str:
    """The primary subtag of a language tag, lower-cased ("en-GB", "EN_us" -> "en")."""
    return re.split(r"[-_]", (language or "").strip().lower(), maxsplit=1)[0]


def pack_for(language: str | None) -> LanguagePack:
    """The pack registered as ``parallax.lang.<code>.v1`` for a document's language.

    A document without a language, or in one no pack is registered for, gets
    English: it is the only language parallax ships, and a document in another
    one is already flagged ``non-english`` by the cleaning stage, so the reader
    knows that what the English rules made of it is a best effort.
    """
    code = primary_code(language)
    if not code.isalpha():
        code = "en"
    try:
        found = registry.get("languages", f"parallax.lang.{code}.v1")
    except RegistryError:
        found = registry.get("languages", "parallax.lang.en.v1")
    pack = found if isinstance(found, LanguagePack) else found()
    if not isinstance(pack, LanguagePack):
        raise RegistryError(f"parallax.lang.{code}.v1 is not a LanguagePack",
                            hint="register a LanguagePack or a function returning one")
    return pack
