"""Events that may happen or ought to, not that did: the modals and nouns of possibility.

"could strike" is possible, "will strike" planned, "should be condemned" called for; "the risk of
war", "the potential for renewed invasion", "any further aggression would …", "is likely to
strike" and a yes/no question ("Will Russia attack Moldova?") are possible, "is about to" planned. A
known event stays real whatever is guessed of it: "his war would divide NATO", "the risk of
Russia's war spreading", "an Israeli strike on Monday could derail the talks", "the attack could
have killed hundreds", "shelling could be heard".
"""

from __future__ import annotations

from spacy.tokens import Token

POSSIBLE_AUX = frozenset({"may", "might", "could", "would", "can"})
FUTURE_AUX = frozenset({"will", "'ll", "shall"})
#: "Russia should be condemned": what ought to happen is called for ("must have fired" is a guess).
DEONTIC_AUX = frozenset({"should", "must", "ought"})
#: Nouns whose "of"/"for" phrase may happen: "the potential for renewed invasion", "the risk of war".
POSSIBILITY = frozenset("potential likelihood possibility prospect prospects risk risks danger chance chances spectre specter".split())
#: Possibility nouns whose infinitive may happen: "the potential to impose costs"; not "had a
#: chance to visit" (a visit made) or "a chance to highlight".
CAPACITY = frozenset("potential possibility risk danger likelihood".split())
#: Words before an infinitive that tell how likely it is: "is likely to strike", "is about to impose".
PROSPECT = {"likely": "possible", "unlikely": "possible", "going": "planned", "about": "planned", "poised": "planned"}
#: Words that make an event noun one not (yet) known to have happened: "any attack", "further aggression".
INDEFINITE = frozenset({"any", "a", "an", "another"})
UNREALISED = frozenset("further new renewed future possible potential another fresh".split())
#: Modifiers of an event noun that has not happened yet: "Russia's looming aggression".
PENDING = frozenset("looming impending imminent possible potential prospective feared would-be".split())
#: Words that make an event noun a known one: "the risks of Israel's invasion", "this war".
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Verbs whose subject is perceived, so happened, whatever the modal: "shelling could be heard".
PERCEIVING = frozenset("hear hears heard see sees saw seen feel feels felt smell smelled watch watched notice noticed observe observed".split())
#: Verbs (as they stand after a modal) that judge a deed already done: "a strike that may amount to a
#: war crime", "an attack that should be investigated", "could mark an escalation".
JUDGING = frozenset(
    """be amount constitute mark signal represent count qualify described investigated condemned called
    considered seen regarded viewed""".split()
)
#: Words that date an event: "a strike on Monday", "an attack last week", "overnight".
DATED = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today overnight tonight week weekend
    month morning evening night january february march april june july august september october november
    december""".split()  # not "may": in a noun's relative clause it is the modal ("an attack that may come")
)


def has_perfect(verb: Token) -> bool:
    """ "must have fired", "could have killed": a guess about the past, not a call or a possibility."""
    return any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)


def aux_modality(verb: Token) -> str | None:
    """What the verb's auxiliaries say; a perfect after a modal is a guess about the past ("must have
    fired"), and a "should" before its subject is a condition or a question ("Should China invade")."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    perfect = has_perfect(verb)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    modality = None
    for aux in auxes:
        low = aux.lower_
        inverted = subject is not None and aux.i < subject.i
        if low in POSSIBLE_AUX or (low in DEONTIC_AUX and (perfect or inverted)):
            modality = "possible"
        elif low in DEONTIC_AUX:
            modality = "called_for"
        elif low in FUTURE_AUX:
            modality = "planned"
    return modality


def is_unrealised_subject(noun: Token) -> bool:
    """ "Any attack would be met with force", "a Russian invasion could start at any time": an
    indefinite or "further" event noun that is the subject of a guess."""
    outcome = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("nsubj", "nsubjpass") or outcome.lower_ in PERCEIVING | JUDGING:
        return False
    if aux_modality(outcome) not in ("possible", "called_for") or has_perfect(outcome):
        return False
    if _is_known(noun):
        return False
    return any((c.dep_ == "det" and c.lower_ in INDEFINITE) or (c.dep_ == "amod" and c.lower_ in UNREALISED) for c in noun.children)


def is_possibility_of(event: Token, link: Token, governor_lemma: str) -> bool:
    """Whether `event` (a trigger), under the "of"/"for" phrase or the infinitive `link` of a
    possibility noun, may happen: "the likelihood of Russian aggression", "the potential to impose
    greater costs"; not a known event ("the risks of Israel's invasion", "the chance of the
    sanctions working")."""
    if governor_lemma not in POSSIBILITY:
        return False
    if link.dep_ == "acl":  # the infinitive itself, not what it acts on ("the potential to undermine the truce")
        return link.i == event.i and governor_lemma in CAPACITY and any(c.dep_ == "aux" and c.lower_ == "to" for c in link.children)
    if link.lower_ not in ("of", "for"):
        return False
    return not any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in event.children)


def is_pending(noun: Token) -> bool:
    """ "Russia's looming aggression", "an imminent attack": an event noun its own modifier says has
    not happened yet. "Planned" and "expected" are not read: "the planned offensive began"."""
    return any(c.dep_ == "amod" and c.lower_ in PENDING for c in noun.children)


def _is_known(noun: Token) -> bool:
    """Dated ("on Monday", "last week") or told in the past ("a strike that killed 20")."""
    if any(t.lower_ in DATED for t in noun.subtree):
        return True
    return any(c.dep_ in ("relcl", "acl") and c.tag_ in ("VBD", "VBN") for c in noun.children)


#: Auxiliaries that open a yes/no question: "Did Russia attack the port?", "Will Turkey invade?"
_ASKING = frozenset("is are was were will would could can does do did has have should may might shall".split())
_OPENERS = frozenset("and but so or then".split())


def is_asked(verb: Token) -> bool:
    """Whether `verb` is what a yes/no question asks about: "Will Russia attack Moldova?", "Is
    Turkey planning to invade Syria?". A wh-question takes its event as known ("Why did Russia
    attack the port?"), and so does a question about something else ("Do you condemn the attack?"
    asks about the condemnation)."""
    sent = verb.sent
    if verb.pos_ not in ("VERB", "AUX") or sent[-1].text != "?":
        return False
    words = [t for t in sent if not t.is_punct]
    if words and words[0].text == "QUESTION":  # a briefing transcript's "QUESTION: Will they …?"
        words = words[1:]
    while words and words[0].lower_ in _OPENERS:
        words = words[1:]
    if not words or words[0].lower_ not in _ASKING:
        return False
    asked = words[0] if words[0].dep_ == "ROOT" else words[0].head
    node = verb
    for _ in range(4):
        if node.i == asked.i:
            return True
        if node.dep_ not in ("xcomp", "advcl", "conj", "ccomp") or node.head.i == node.i:
            return False
        node = node.head
    return False

