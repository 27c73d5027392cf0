"""The trigger lexicon: which words name which PLOVER event, and every inflected form of them.

The lemma table lives in `data/triggers.tsv`; this module inflects it so that the cheap first
pass can find triggers with a set lookup on lower-cased tokens, without a tagger or lemmatizer.

>>> lex = load_lexicon()
>>> [t.category for t in lex.lookup("shelled")]
['assault']
>>> lex.lemma("fought"), lex.lemma("agreed"), lex.lemma("ceasefires")
('fight', 'agree', 'ceasefire')
>>> inflect_verb("ban")
['ban', 'bans', 'banned', 'banning']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = Path(__file__).parent / "data"

#: Nouns that make any event about them a ceasefire event (DESIGN: ceasefire, truce, armistice).
CEASEFIRE_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "cessation", "stand-down"})

IRREGULAR = {
    "fight": ["fought"], "strike": ["struck", "stricken"], "shoot": ["shot"], "meet": ["met"],
    "withdraw": ["withdrew", "withdrawn"], "hold": ["held"], "send": ["sent"], "take": ["took", "taken"],
    "give": ["gave", "given"], "break": ["broke", "broken"], "lead": ["led"], "bring": ["brought"],
    "seek": ["sought"], "tell": ["told"], "say": ["said"], "make": ["made"], "overrun": ["overran"],
    "freeze": ["froze", "frozen"], "come": ["came"], "retake": ["retook", "retaken"], "cut": ["cut"],
    "shut": ["shut"], "begin": ["began", "begun"], "win": ["won"], "beat": ["beaten"], "sell": ["sold"],
    "speak": ["spoke", "spoken"], "keep": ["kept"], "forbid": ["forbade", "forbidden"], "undertake": ["undertook", "undertaken"],
    "draw": ["drew", "drawn"], "sink": ["sank", "sunk"], "put": ["put"], "place": ["placed"], "rise": ["rose", "risen"], "throw": ["threw", "thrown"], "blow": ["blew", "blown"],
}
_DOUBLE = {"ban", "cut", "shut", "plan", "stab", "ship", "bar", "drop", "step", "stop", "ally", "rob", "spar", "jab", "tap", "regret", "admit", "commit", "expel", "patrol", "control", "compel", "propel", "permit", "submit", "veto", "refer", "kidnap", "equip", "grab", "slam", "shun", "plot", "scrap", "rebel"}


def inflect_verb(lemma: str) -> list[str]:
    """Base, 3rd person, past and -ing forms (plus irregular ones)."""
    if lemma in _DOUBLE and lemma[-1] not in "yo":
        stem = lemma + lemma[-1]
        past, ing = stem + "ed", stem + "ing"
    elif lemma.endswith("ee"):
        past, ing = lemma + "d", lemma + "ing"
    elif lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else (
        lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2] not in "aeiou" else lemma + "s")
    forms = [lemma, third, past, ing]
    if lemma.endswith(("el", "al")) and lemma not in _DOUBLE:  # British "cancelled", "signalled"
        forms += [lemma + "led", lemma + "ling"]
    if lemma in IRREGULAR:
        forms = [f for f in forms if f != past] + IRREGULAR[lemma]
    return forms


def inflect_noun(lemma: str) -> list[str]:
    if lemma.endswith("man"):  # serviceman → servicemen, spokesman → spokesmen
        return [lemma, lemma[:-3] + "men"]
    if lemma == "child":
        return [lemma, "children"]
    if lemma.endswith(("s", "sh", "ch", "x")):
        return [lemma, lemma + "es"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies"]
    return [lemma, lemma + "s"]


@dataclass(frozen=True, slots=True)
class TriggerWord:
    lemma: str
    pos: str  # V verb, N noun, P verb + particle phrase
    category: str
    cameo: str
    flags: str  # see data/triggers.tsv

    def has(self, flag: str) -> bool:
        return flag in self.flags


@dataclass(frozen=True)
class Lexicon:
    by_form: dict[str, tuple[TriggerWord, ...]]  # lower-cased single-word form → triggers
    phrases: dict[tuple[str, str], TriggerWord]  # (verb lemma, particle or object lemma) → trigger
    lemmas: dict[str, str]  # inflected form → lemma, for every verb and noun we reason about
    phrase_verb_forms: frozenset[str] = frozenset()  # inflections of the verbs of phrase triggers

    def lookup(self, form: str) -> tuple[TriggerWord, ...]:
        return self.by_form.get(form.lower(), ())

    def lemma(self, form: str) -> str:
        low = form.lower()
        return self.lemmas.get(low, low)

    @property
    def first_pass_forms(self) -> frozenset[str]:
        """Lower-cased words that alone let a sentence through the cheap first pass."""
        forms = {f for f, words in self.by_form.items() if any(not w.has("x") for w in words)}
        for noun in CEASEFIRE_NOUNS:
            forms.update(inflect_noun(noun))
        return frozenset(forms)

    @property
    def sport_forms(self) -> frozenset[str]:
        """Forms all of whose triggers are also game words ("attack", "strike"): void in sport context."""
        return frozenset(f for f, words in self.by_form.items() if all(w.has("s") for w in words))

    @property
    def pair_forms(self) -> tuple[frozenset[str], frozenset[str]]:
        """First and second words of two-word triggers ("open fire", "martial law"): both must occur."""
        first = {w for k in self.phrases for w in inflect_verb(k[0])}
        second = {k[1] for k in self.phrases}
        for words in self.by_form.values():
            for w in words:
                if w.has("x"):
                    first.update(inflect_noun(w.lemma.split()[0]))  # "states of emergency"
                    second.update(inflect_noun(w.lemma.split()[-1]))
        return frozenset(first), frozenset(second)


#: Verbs that the modality, attribution, argument and ceasefire rules look at by lemma (not triggers
#: themselves); listed here so that `lemma()` knows their inflections without a lemmatizer.
FUNCTION_VERBS = (
    "say claim allege report announce state declare insist contend confirm add note tell hope wish expect "
    "plan intend prepare aim vow pledge promise decide want seek try threaten warn urge call ask demand "
    "respect observe honour honor maintain violate break breach reach hold extend establish last collapse "
    "launch carry conduct stage mount impose deliver come issue express open exchange take sign agree accept "
    "refuse reject propose broker negotiate end resume announce abide avert avoid begin cease commemorate continue "
    "describe drop encourage enforce escalate escape expand face fail fear file flee implement intensify keep level "
    "lodge make mark order organise organize persuade postpone prevent proclaim push react reiterate remember remove "
    "renew respond retaliate revoke schedule seal shatter start step stop stress suffer survive tighten trust "
    "engage involve participate join address counter combat tackle confront deter thwart foil withstand "
    "undertake wage witness wreck help allow force put place remain fall subject trade admit "
    "resist repel repulse endure fend beat defend protect injure damage devastate displace use learn hear read know "
    "comment speak talk brief attend focus testify write vote meet consult confer leave return gather "
    "consider weigh mull contemplate reduce lower slash"
).split()


#: Verbs whose "on" phrase is their topic: "commented on the attack", "attended talks on the war".
TALKING = frozenset("comment speak talk brief report attend focus testify write vote meet consult confer".split())


def is_topic_prep(prep: Token, lex: Lexicon) -> bool:
    """Whether a preposition introduces what is talked about rather than what is done: "concerned
    about", "a summit on", "commented on"; but "digging in on this aggression"."""
    if prep.lower_ == "on":
        return prep.head.pos_ == "NOUN" or lex.lemma(prep.head.text) in TALKING
    return prep.lower_ in ("about", "over", "regarding", "concerning")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    by_form: dict[str, list[TriggerWord]] = {}
    phrases: dict[tuple[str, str], TriggerWord] = {}
    lemmas: dict[str, str] = {}
    for line in (DATA / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, category, cameo, flags = (line.split("\t") + [""] * 5)[:5]
        word = TriggerWord(lemma, pos, category, cameo, flags)
        if pos == "P":
            verb, rest = lemma.split(" ", 1)
            phrases[(verb, rest.split()[0])] = word
            for form in inflect_verb(verb):
                lemmas.setdefault(form, verb)
            continue
        forms = inflect_verb(lemma) if pos == "V" else inflect_noun(lemma)
        if " " in lemma:  # "air strike": the head noun is looked up, the modifier checked later
            forms = inflect_noun(lemma.split()[-1])
            word = TriggerWord(lemma, pos, category, cameo, flags + "x")
        for form in forms:
            by_form.setdefault(form, []).append(word)
            lemmas.setdefault(form, lemma.split()[-1])
    for verb in FUNCTION_VERBS:
        for form in inflect_verb(verb):
            lemmas.setdefault(form, verb)
    for noun in CEASEFIRE_NOUNS:
        for form in inflect_noun(noun):
            lemmas[form] = noun
    phrase_verbs = frozenset(f for verb, _ in phrases for f in inflect_verb(verb))
    return Lexicon({k: tuple(v) for k, v in by_form.items()}, phrases, lemmas, phrase_verbs)
