"""The per-article coding pipeline.

    ingest → language → annotate (spaCy) → mentions (actors, people) → events (type, mode,
    roles) → resolve (codes, place, date) → Event records

``Coder`` loads every resource once (spaCy pipelines, lexicons, gazetteer) and codes articles
one by one or in batches. A stage that fails on one article rejects that article only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import KW_ONLY, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from communique.errors import ArticleRejected
from collections import Counter

from communique.events.build import (TWO_SIDED, VISIT_ACTS, Draft, commemoration, disaster_title,
                                     drop_own_state_recipient, locate_groups, merge, opinion_piece, sports_report,
                                     state_related, to_event, unique_ids, violence_in_title, visit_to_come)
from communique.events.detect import Candidate, ModelPolicy, detect_sentence, reading_used, skip
from communique.events.grammar import grammar_words
from communique.events.triggers_model import TriggerScore, trigger_model
from communique.events.parties import PartyPolicy, imply_parties, party_model
from communique.events.selection import SelectionPolicy
from communique.events.lexicon import trigger_lexicon
from communique.events.vectors import VectorVote, prototypes
from communique.language import choose_language
from communique.lexicon.actors import ActorLexicon, actor_lexicon
from communique.mentions.actors import LOCATIVE_CASES, MAIN_COUNTRY, ArticleMemory, MentionIndex, find_mentions
from communique.mentions.people import find_people
from communique.model import Article, CodedArticle, Event, Place, Rejection
from communique.nlp.first_pass import PassCounts
from communique.parse import Parse
from communique.resolve.dates import DateMention, event_date, find_dates
from communique.resolve.place_model import PlacePolicy, learned_place, place_model
from communique.resolve.places import article_places

log = logging.getLogger(__name__)

# Background older than this many days before publication is history, not news (guidelines §3).
HISTORY_DAYS = 366
VECTOR_CHARS = 400  # text given to the sentence encoder per event


@dataclass(slots=True)
class CoderSettings:
    """How a ``Coder`` runs.

    ``raise_errors`` (keyword only, off by default): an internal error of the event stage
    (``ValueError``, ``KeyError``, ``IndexError``) is raised instead of being stored as the
    article's rejection. A batch must go on past one bad article; a test must not, or a coder that
    fails on every article would pass every test that expects no event.
    """

    actor_file: Path | None = None
    batch_size: int = 16
    keep_skips: bool = False  # record why triggers were not coded (for --explain)
    vectors: bool = True  # the learned signal (sentence-vector prototypes); costs ~15 ms a sentence
    trigger_model: bool = True  # the learned trigger model proposes triggers (ModelPolicy)
    model_dir: Path | None = None  # a trigger model of your own (`communique train -o DIR`)
    policy: ModelPolicy = field(default_factory=ModelPolicy)
    party_model: bool = True  # the learned party model supplies a side the clause left unnamed
    party_policy: PartyPolicy = field(default_factory=PartyPolicy)
    place_model: bool = True  # the learned place model picks the event's place among the article's
    place_policy: PlacePolicy = field(default_factory=PlacePolicy)
    # the full spaCy pipeline only on the sentences that may hold an event (nlp/first_pass.py);
    # off by default: no measured speed gain yet, and it changes a few events (docs/scale.md)
    first_pass: bool = False
    selection: SelectionPolicy = field(default_factory=SelectionPolicy)
    _: KW_ONLY
    raise_errors: bool = False


@dataclass(slots=True)
class Coder:
    settings: CoderSettings = field(default_factory=CoderSettings)
    _actors: dict[str, ActorLexicon] = field(default_factory=dict)
    skipped: dict[str, list[str]] = field(default_factory=dict)
    # sentences seen and fully parsed by the first pass, over the coder's life
    pass_counts: PassCounts = field(default_factory=PassCounts)

    def actors(self, lang: str) -> ActorLexicon:
        if lang not in self._actors:
            self._actors[lang] = (ActorLexicon.load(lang, user_file=self.settings.actor_file)
                                  if self.settings.actor_file else actor_lexicon(lang))
        return self._actors[lang]

    # -- batches -------------------------------------------------------------------------
    def code_items(self, items: Iterable[Article | CodedArticle]) -> Iterator[CodedArticle]:
        """Code a stream of articles (already-rejected inputs pass through), keeping order."""
        for item in self.parse_items(items):
            yield item if isinstance(item, CodedArticle) else self._code_parsed(*item)

    def parse_items(self, items: Iterable[Article | CodedArticle]
                    ) -> Iterator[CodedArticle | tuple[Article, Parse]]:
        """Annotate a stream of articles, in input order: each codable article comes back with
        its parse; rejected inputs and unsupported languages come back as rejected records.

        Articles are batched per language through one ``nlp.pipe`` each, for spaCy's speed.
        """
        from communique.nlp.first_pass import parse_batch
        from communique.nlp.pipelines import load_pipeline, to_parse

        pending: list[tuple[Article, str]] = []

        def flush() -> Iterator[tuple[Article, Parse]]:
            by_lang: dict[str, list[int]] = {}
            for pos, (_, lang) in enumerate(pending):
                by_lang.setdefault(lang, []).append(pos)
            results: dict[int, tuple[Article, Parse]] = {}
            for lang, positions in by_lang.items():
                if self.settings.first_pass:
                    arts = [pending[p][0] for p in positions]
                    parses = parse_batch([a.text for a in arts], lang=lang, title_ends=[title_end_of(a) for a in arts],
                                         lexicon=self.actors(lang), batch_size=self.settings.batch_size,
                                         policy=self.settings.selection, counts=self.pass_counts)
                    for p, parse in zip(positions, parses):
                        results[p] = (pending[p][0], parse)
                    continue
                nlp = load_pipeline(lang)
                docs = nlp.pipe((pending[p][0].text for p in positions), batch_size=self.settings.batch_size)
                for p, doc in zip(positions, docs):
                    results[p] = (pending[p][0], to_parse(doc, lang=lang))
            for p in range(len(pending)):
                yield results[p]
            pending.clear()

        for item in items:
            if isinstance(item, CodedArticle):
                yield from flush()
                yield item
                continue
            try:
                lang = choose_language(item.text, given=item.lang)
            except ArticleRejected as exc:
                yield from flush()
                yield CodedArticle(article=item, rejected=Rejection(exc.stage, exc.reason))
                continue
            item.lang = lang
            pending.append((item, lang))
            if len(pending) >= self.settings.batch_size:
                yield from flush()
        yield from flush()

    def code_article(self, article: Article) -> CodedArticle:
        return next(self.code_items([article]))

    # -- one parsed article -------------------------------------------------------------------
    def _code_parsed(self, article: Article, parse: Parse) -> CodedArticle:
        try:
            events = self.events(article, parse)
        except ArticleRejected as exc:
            return CodedArticle(article=article, rejected=Rejection(exc.stage, exc.reason))
        except (ValueError, KeyError, IndexError) as exc:  # a bug must not stop the batch
            if self.settings.raise_errors:
                raise
            log.exception("coding failed for %s", article.id)
            return CodedArticle(article=article, rejected=Rejection("events", f"internal error: {exc!r}"))
        return CodedArticle(article=article, events=events)

    def events(self, article: Article, parse: Parse) -> list[Event]:
        lang = parse.lang
        lexicon = self.actors(lang)
        index = MentionIndex(parse, find_mentions(parse, lexicon, on=article.published))
        people = find_people(parse, index)
        triggers = trigger_lexicon(lang)
        memory = ArticleMemory(main_country=_main_country(parse, index))
        for person in people:
            if person.country:
                memory.know_person(person.name, country=person.country, sector=person.sector,
                                   why=f"'{person.title or person.office or ''}' ({person.reason})")
        skipped: list[str] | None = [] if self.settings.keep_skips else None
        title_end = title_end_of(article)
        scores = self._trigger_scores(parse, index, title_end=title_end)
        candidates: list[Candidate] = []
        for sent in parse.sentences:
            in_title = sent.char_start < title_end
            memory.before_sentence = list(memory.recent)
            # States named in the sentence, for "les deux pays", "le pays", "son homologue".
            memory.see_parties(index.within(sent.start, sent.end - 1))
            found = detect_sentence(parse, sent, lexicon=triggers, index=index, memory=memory,
                                    in_title=in_title, skipped=skipped, scores=scores,
                                    policy=self.settings.policy)
            candidates.extend(found)
            subjects = [r.entity for c in found for r in c.actors]
            if subjects:
                memory.last_subject = subjects[:2]
        if skipped is not None:
            self.skipped[article.id] = skipped
        lede = lede_of(parse, title_end)
        headline = frozenset(range(lede)) if lede is not None else frozenset()
        drafts = merge(candidates, lang=parse.lang, headline=headline, lede=lede)
        title = headline or frozenset({0})  # the first sentence of a text given without a title
        sport = sports_report(parse, lede)
        if sport:
            # a match report: its words of contest are no acts between states (events.build)
            drafts = _leave_out(drafts, lambda d: not violence_in_title(d, parse, title), skipped,
                                f"sports report ({', '.join(repr(w) for w in sport)} in the title and lede)")
        opinion = opinion_piece(parse, title_end)
        if opinion:
            # a column argues: the acts it recalls are no news of its own (events.build.opinion_piece)
            drafts = _leave_out(drafts, lambda d: True, skipped, f"opinion piece ('{opinion}' heads the title)")
        recalled = commemoration(parse, title, trigger_lexicon(parse.lang), title_end) if drafts else None
        if recalled:
            # an article commemorating the past: the acts it recalls are history (events.build.commemoration)
            drafts = _leave_out(drafts, lambda d: True, skipped,
                                f"commemoration ('{recalled}' in a title that names no act)")
        coming = visit_to_come(parse, title_end)
        if coming:
            # a preview of a visit: its talks and agreements are planned (events.build.visit_to_come)
            drafts = _leave_out(drafts, lambda d: d.event in VISIT_ACTS, skipped,
                                f"a visit to come ('{coming}' in the title)")
        out: list[Event] = []
        published = _published(article)
        main_country = memory.main_country
        kept = []
        for draft in drafts:
            when = self._date(parse, draft, published, lede=lede)
            if not when[3]:  # else: history told as background
                kept.append((draft, when))
        votes = self._votes(parse, [d for d, _ in kept])
        parties = party_model(self.settings.model_dir) if self.settings.party_model else None
        setting = self._setting(parse, index, memory, lede=lede)
        set_in = next((p.country_code for p in (setting.dateline, setting.opening) if p and p.country_code), None)
        where = place_model(self.settings.model_dir) if self.settings.place_model and kept else None
        found = article_places(parse, index, context=memory.countries, setting=setting) if where else []
        for (draft, when), vote in zip(kept, votes):
            place = self._place(parse, draft, index, memory, lede=lede, setting=setting,
                                main_country=main_country)
            # Armed groups and crowds of an event with no place of its own act where the article
            # is set (its dateline or opening place), before the most mentioned state (§6).
            locate_groups(draft, place=place, main_country=set_in or main_country,
                          main_why="where the article is set" if set_in else MAIN_COUNTRY,
                          parse=parse, title=headline)
            if draft.event == "ASSAULT" and not draft.actors:
                # deaths or injuries with no author and no word of violence: no attack
                skip(skipped, draft.candidates[0].trigger, "ASSAULT: deaths or injuries with no author and no word "
                                                           "of violence (no attack)")
                continue
            if (draft.event == "ASSAULT" and all(c.fallback_actor for c in draft.candidates)
                    and disaster_title(parse, title)):
                # "Bus crash kills 14": in a report of a disaster, the state named before the
                # deaths is no author (the parse named none)
                skip(skipped, draft.candidates[0].trigger, "ASSAULT: only a guessed author in a report of a disaster "
                                                           "(its title names the cause)")
                continue
            if where is not None:
                # after locate_groups: a crowd's country comes from the rules' place, which looks
                # for where the article is set
                place = learned_place(parse, draft, found, where, policy=self.settings.place_policy,
                                      rules=place, title_end=title_end)
            if not state_related(draft):
                # a newspaper, a company, a union or a party among themselves (guidelines §3), or
                # people no state was found for
                skip(skipped, draft.candidates[0].trigger, f"{draft.event}: no state among its parties (private "
                                                           "parties among themselves, or no state found)")
                continue
            if parties is not None:
                # a joint act or a meeting between a state and itself: the other side is sought below
                drop_own_state_recipient(draft)
                # the side the clause left unnamed, when the article makes one likely
                imply_parties(draft, parse, index, parties, policy=self.settings.party_policy,
                              title_end=title_end)
            if draft.event in TWO_SIDED and not draft.recipients and len(draft.actors) == 1:
                # "Trump a signé un décret": a signature, a joint act or aid with one party and no
                # other, even implied, is no act between parties (events.build.TWO_SIDED)
                skip(skipped, draft.candidates[0].trigger, f"{draft.event}: one party and no other (a two-sided act)")
                continue
            if (not draft.actors and draft.event not in grammar_words(lang).actorless_event
                    and draft.mode != "release"):
                # the record's actor is required (guidelines §2: recipient may be null, the actor
                # not); an act whose doer neither the text, nor the unnamed-author rules, nor the
                # party model give is only half told (a release with no releaser named is the
                # holding state's, as in events.build.state_related)
                skip(skipped, draft.candidates[0].trigger, f"{draft.event}: no actor found (nor implied)")
                continue
            out.append(to_event(draft, parse, article_id=article.id, people=people, place=place,
                                date=when[:3], vote=vote))
        return unique_ids(out)

    def _trigger_scores(self, parse: Parse, index: MentionIndex, *, title_end: int) -> dict[int, TriggerScore] | None:
        """The trigger model's reading of every verb and noun (None when it is off or absent)."""
        if not self.settings.trigger_model:
            return None
        model = trigger_model(self.settings.model_dir)
        if model is None:
            return None
        from communique.lexicon.plover import plover

        lexicon = trigger_lexicon(parse.lang)
        # only the readings detect_sentence can use: the other nouns' were most of the model's cost
        return model.score(parse, index, lexicon=lexicon, title_end=title_end, valid_mode=plover().valid_mode,
                           wanted=lambda tok: reading_used(tok, lexicon, known=model.known(parse.lang, tok)))

    def _votes(self, parse: Parse, drafts: list[Draft]) -> list[VectorVote | None]:
        """The learned signal for each draft: prototypes' vote on its evidence sentences."""
        protos = prototypes() if self.settings.vectors and drafts else None
        if protos is None:
            return [None] * len(drafts)
        # The first evidence sentence only: encoding costs ~15 ms a sentence on one core.
        texts = [parse.text[parse.sentences[min(d.sentences)].char_start:
                            parse.sentences[min(d.sentences)].char_end][:VECTOR_CHARS] for d in drafts]
        return list(protos.vote(texts))

    # -- resolution ----------------------------------------------------------------------------
    def _date(self, parse: Parse, draft: Draft, published: date | None, *, lede: int | None = None
              ) -> tuple[str | None, str, str, bool]:
        """(date, basis, reason, is_history) for a draft.

        The time expressions of the evidence sentences decide; an event told in the title takes
        the date of the lede (the first sentence of the body), which reports the same news.
        Datelines ("6 janvier 2016 . –") give the publication date, not the event's, and the time
        of what is promised, demanded or threatened ("agreed to meet in July") is not the time
        of the promise.
        """
        pub = published.isoformat() if published else None
        chosen = None
        groups = [sorted(draft.sentences)]
        if lede is not None and min(draft.sentences) < lede:
            groups.append([lede])
        promised = _promised_spans(parse, draft)
        for group in groups:
            mentions: list[DateMention] = []
            for s in group:
                sent = parse.sentences[s]
                text = parse.text[sent.char_start:sent.char_end]
                mentions.extend(m for m in find_dates(text, lang=parse.lang, published=pub)
                                if not _is_dateline(text, m) and not any(
                                    a <= sent.char_start + m.start < b for a, b in promised))
            chosen = event_date(mentions)
            if chosen is not None:
                break
        if chosen is not None:
            history = False
            if published is not None:
                start = date.fromisoformat((chosen.value + "-01-01")[:10] if len(chosen.value) == 4
                                           else (chosen.value + "-01")[:10])
                history = (published - start) > timedelta(days=HISTORY_DAYS)
            return chosen.value, "text", f"'{chosen.text}': {chosen.reason}", history
        if published is not None:
            return published.isoformat(), "publication", "no date in the evidence; publication date", False
        return None, "publication", "no date in the text and no publication date", False

    def _setting(self, parse: Parse, index: MentionIndex, memory: ArticleMemory, *, lede: int | None):
        """Where the article is set (dateline, opening sentences), shared by its events."""
        from communique.resolve.places import ArticleSetting

        return ArticleSetting.of(parse, index, context=memory.countries, lede=lede)

    def _place(self, parse: Parse, draft: Draft, index: MentionIndex, memory: ArticleMemory,
               *, lede: int | None, setting=None, main_country: str | None = None) -> Place | None:
        """The event's place; ``setting`` also remembers it for the article's later events."""
        from communique.resolve.places import place_for

        return place_for(parse, draft, index, context=memory.countries, lede=lede, setting=setting,
                         main_country=main_country)


def _leave_out(drafts: list[Draft], gone: Callable[[Draft], bool], skipped: list[str] | None,
               why: str) -> list[Draft]:
    """The drafts ``gone`` does not take, each one it takes recorded as skipped with ``why``: the
    article-level rules (a sports report, an opinion piece, a commemoration, a visit to come)."""
    kept = []
    for d in drafts:
        if gone(d):
            skip(skipped, d.candidates[0].trigger, why)
        else:
            kept.append(d)
    return kept


def title_end_of(article: Article) -> int:
    """Where the title ends in the text (0: the text does not start with it)."""
    return len(article.title) if article.title and article.text.startswith(article.title) else 0


def lede_of(parse: Parse, title_end: int) -> int | None:
    """The first sentence of the body after a title (None when the text has no title)."""
    return next((s.index for s in parse.sentences if s.char_start >= title_end), None) if title_end else None


def _main_country(parse: Parse, index: MentionIndex) -> str | None:
    """The state the article is about: its most mentioned country, counting only mentions that
    name a party or an owner ("l'armée syrienne", "la Russie a…"). Places of the action ("à
    Alep", "en Syrie") and destinations are left out: an article set in one country often names
    the foreign states that act there more often than the country itself, and only the parties
    say whose armed groups and crowds they are. Falls back to every mention when none is left."""
    counts: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for m in index.mentions:
        codes = [e.code for e in m.entries if e.kind == "country" and e.code]
        if not codes:
            continue
        every[codes[0]] += 1
        if not _locative(parse, m):
            counts[codes[0]] += 1
    best = counts or every
    return best.most_common(1)[0][0] if best else None


def _locative(parse: Parse, m) -> bool:
    """A mention introduced by a place preposition, itself or through the noun its adjective
    qualifies ("à Alep", "dans les eaux iraniennes", "in Syria")."""
    node = parse.tokens[m.first]
    if not node.pos:  # a sentence the first pass left unparsed: the word before the phrase
        return _locative_before(parse, m.first)
    for i in range(m.first, m.last + 1):  # the mention's own head
        tok = parse.tokens[i]
        if not (m.first <= tok.head <= m.last) or tok.head == tok.i:
            node = tok
            break
    if node.dep in ("amod", "compound", "flat", "flat:name") and node.head != node.i:
        node = parse.head(node)
    return any(c.dep in ("case", "prep") and c.lower in LOCATIVE_CASES for c in parse.children(node)) or (
        parse.head(node).pos == "ADP" and parse.head(node).lower in LOCATIVE_CASES)


def _locative_before(parse: Parse, first: int) -> bool:
    """"à Alep", "dans les eaux iraniennes": a place preposition just before the phrase or its
    determiner, read from the words alone."""
    for i in range(first - 1, max(first - 3, -1), -1):
        word = parse.tokens[i].lower
        if word in LOCATIVE_CASES:
            return True
        if word not in _DETERMINERS:
            return False
    return False


_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "the", "a", "an"})


# Events whose complement is an act still to come: its time is not theirs.
_FORWARD_EVENTS = {"AGREE", "REQUEST", "THREATEN"}


def _promised_spans(parse: Parse, draft: Draft) -> list[tuple[int, int]]:
    """Character spans of the complements of a promise, demand or threat ("agreed [to hold a
    session in July]", "exige [le retrait avant vendredi]")."""
    if draft.event not in _FORWARD_EVENTS:
        return []
    spans = []
    for cand in draft.candidates:
        for child in parse.children(cand.trigger):
            if child.dep in ("xcomp", "ccomp"):
                first, stop = parse.subtree_range(child)
                spans.append((parse.tokens[first].idx, parse.tokens[stop - 1].end))
    return spans


def _is_dateline(text: str, mention: DateMention) -> bool:
    """"6 janvier 2016 . – Dans la soirée…", "June 5 (Reuters) -", or a date alone on its line
    under a headline ("…tire un missile\n\n10 janvier 2016 ."): the report's date line."""
    after = text[mention.end:mention.end + 16].lstrip(" .,")
    if after[:1] in ("–", "—", "-") or after.startswith("("):
        return True
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    rest = text[mention.end:line_end if line_end >= 0 else len(text)]
    return line_start > 0 and not text[line_start:mention.start].strip() and not rest.strip(" .,")


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def code_items(items: Iterable[Article | CodedArticle], *, settings: CoderSettings | None = None
               ) -> Iterator[CodedArticle]:
    yield from Coder(settings=settings or CoderSettings()).code_items(items)


__all__ = ["Coder", "CoderSettings", "code_items"]
