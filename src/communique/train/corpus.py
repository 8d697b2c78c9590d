"""Annotated articles → trigger examples: every verb and noun with its gold label.

An annotated set is a pair of JSONL files in the guidelines' format (``*.articles.jsonl`` and
``*.gold.jsonl``, one line per article, same ids). Each gold event's ``trigger`` is found inside
its ``evidence`` in the article text; the candidate token heading the trigger's words is a
positive (its type and mode); the other words of the trigger are left out; every other verb and
noun is a negative (``NONE``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from communique.coder import lede_of, title_end_of
from communique.evaluate.run import read_rows
from communique.evaluate.scoring import names_agree, party_code
from communique.events.parties import ROLES, folded, party_options
from communique.events.trigger_features import is_candidate, party_tokens, token_features, vector_word
from communique.events.triggers_model import NO_MODE, NONE
from communique.model import Article
from communique.parse import Parse, Token


@dataclass(slots=True)
class AnnotatedArticle:
    article: Article
    events: list[dict]


@dataclass(slots=True)
class Example:
    article_id: str
    features: list[str]
    label: str  # a PLOVER type or NONE
    mode: str  # a mode or NO_MODE
    word: str = ""  # the word whose vector stands for it (trigger_features.vector_word)


@dataclass(slots=True)
class PartyExample:
    article_id: str
    features: tuple[str, ...]
    label: bool  # the option is the gold party of that role


@dataclass(slots=True)
class Alignment:
    """How many gold triggers were found on a token (for the card)."""

    events: int = 0
    aligned: int = 0
    missed: list[str] = field(default_factory=list)


def read_annotated(articles: Path, gold: Path) -> list[AnnotatedArticle]:
    """The articles of a gold set with their events, in file order."""
    events_by_id = {str(row["id"]): row.get("events") or [] for row in read_rows(gold)}
    return [AnnotatedArticle(
        article=Article(id=str(row["id"]), text=row["text"], title=row.get("title"), lang=row.get("lang"),
                        published=row.get("published"), url=row.get("url")),
        events=events_by_id[str(row["id"])]) for row in read_rows(articles) if str(row["id"]) in events_by_id]


def articles_of(gold: Path) -> Path:
    """The articles file of a gold file: ``X.articles.jsonl`` beside ``X.gold.jsonl``, else the
    gold file itself, whose lines then carry the text (``communique export --reviewed --format
    gold`` writes such files)."""
    beside = gold.with_name(gold.name.replace(".gold.jsonl", ".articles.jsonl"))
    return beside if beside != gold and beside.exists() else gold


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(articles, gold) file pairs of a folder, by name."""
    pairs = []
    for gold in sorted(folder.glob("*.gold.jsonl")):
        articles = gold.with_name(gold.name.replace(".gold.jsonl", ".articles.jsonl"))
        if articles.exists():
            pairs.append((articles, gold))
    return pairs


def data_hash(paths: list[Path]) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.name.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def trigger_span(text: str, event: dict) -> tuple[int, int] | None:
    """Character span of an event's trigger inside its evidence, or None when not found."""
    trigger, evidence = event.get("trigger"), event.get("evidence") or ""
    if not trigger:
        return None
    start = text.find(evidence) if evidence else 0
    end = start + len(evidence) if evidence and start >= 0 else len(text)
    if start < 0:
        start, end = 0, len(text)
    at = text.find(trigger, start, end)
    if at < 0:
        at = text.lower().find(trigger.lower(), start, end)
    if at < 0:
        at = text.find(trigger)
    return (at, at + len(trigger)) if at >= 0 else None


def trigger_tokens(item: AnnotatedArticle, parse: Parse, event: dict, *, stats: Alignment | None = None
                   ) -> tuple[Token, set[int]] | None:
    """The token heading a gold event's trigger (a verb carrying a support-verb phrase, "rendu
    visite", else the syntactic head) and the indices of the trigger's verbs and nouns; None when
    the trigger is not found on a verb or noun (noted in ``stats``)."""
    span = trigger_span(item.article.text, event)
    if span is None:
        if stats is not None:
            stats.missed.append(f"{item.article.id}: trigger {event.get('trigger')!r} not in the text")
        return None
    inside = [t for t in parse.tokens if t.idx < span[1] and t.end > span[0] and is_candidate(t)]
    if not inside:
        if stats is not None:
            stats.missed.append(f"{item.article.id}: no verb or noun in {event.get('trigger')!r}")
        return None
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head not in ids or t.head == t.i]
    verbs = [t for t in heads if t.pos == "VERB"]
    return (verbs or heads or inside)[0], ids


def party_examples(item: AnnotatedArticle, parse: Parse, index) -> Iterator[PartyExample]:
    """The party examples of one parsed annotated article: for each gold event and role, every
    other state or organisation the article names, labelled by whether it is that party."""
    title_end = title_end_of(item.article)
    for event in item.events:
        found = trigger_tokens(item, parse, event)
        if found is None:
            continue
        tok = found[0]
        kind = str(event.get("type", "")).upper()
        gold = {"actor": party_code(event.get("actor")), "recipient": party_code(event.get("recipient"))}
        for role in ROLES:
            other = gold["recipient" if role == "actor" else "actor"]
            if gold[role] is not None and gold[role] == other:
                continue  # one state on both sides (police and protesters): nothing to choose
            for option in party_options(parse, index, tok, event=kind, role=role, exclude={other},
                                        title_end=title_end):
                yield PartyExample(article_id=item.article.id, features=option.features,
                                   label=folded(option.code) == gold[role])


@dataclass(frozen=True, slots=True)
class PlaceExample:
    article_id: str
    features: tuple[str, ...]
    label: bool


def article_context(parse: Parse, index) -> list[str]:
    """The article's states in order of first mention (the gazetteer's context, as the coder's
    ``ArticleMemory.countries`` ends up after reading the article)."""
    out: list[str] = []
    for m in index.mentions:
        for e in m.entries:
            if e.kind == "country" and e.code and e.code not in out:
                out.append(e.code)
    return out


def place_examples(item: AnnotatedArticle, parse: Parse, index) -> Iterator[PlaceExample]:
    """The place examples of one parsed annotated article: for each core gold event with a
    place, every place the article names, labelled by whether it names the gold place (as the
    scorer compares names)."""
    from communique.resolve.place_model import place_options
    from communique.resolve.places import ArticleSetting, article_places

    title_end = title_end_of(item.article)
    lede = lede_of(parse, title_end)
    context = article_context(parse, index)
    found = None
    for event in item.events:
        loc = event.get("location") or {}
        if event.get("background") or not loc.get("name"):
            continue
        at = trigger_tokens(item, parse, event)
        if at is None:
            continue
        if found is None:
            setting = ArticleSetting.of(parse, index, context=context, lede=lede)
            found = article_places(parse, index, context=context, setting=setting)
        tok = at[0]
        codes = {side: {(event.get(side) or {}).get("country")} - {None} for side in ("actor", "recipient")}
        sentence = parse.sentences[tok.sent]
        party_toks = {i for m in index.within(sentence.start, sentence.end - 1)
                      if ({e.code for e in m.entries if e.code} | set(m.codes)) & (codes["actor"] | codes["recipient"])
                      for i in range(m.first, m.last + 1)}
        for option in place_options(parse, found, tok, event=str(event.get("type", "")).upper(),
                                    actors=codes["actor"], recipients=codes["recipient"],
                                    party_tokens=party_toks, title_end=title_end):
            place = option.found.place
            yield PlaceExample(article_id=item.article.id, features=option.features,
                               label=names_agree(loc["name"], [place.extracted_place, place.resolved_place]))


def examples_of(item: AnnotatedArticle, parse: Parse, index, *, lexicon, stats: Alignment) -> Iterator[Example]:
    """The trigger examples of one parsed annotated article."""
    positives: dict[int, tuple[str, str]] = {}
    left_out: set[int] = set()
    for event in item.events:
        stats.events += 1
        found = trigger_tokens(item, parse, event, stats=stats)
        if found is None:
            continue
        tok, ids = found
        stats.aligned += 1
        positives.setdefault(tok.i, (str(event.get("type", "")).upper(), event.get("mode") or NO_MODE))
        left_out |= ids - {tok.i}
    # One act is often told again (title, lede, a later sentence) with only one mention marked:
    # the same word elsewhere in the article is no negative, it is left out.
    told = {parse.tokens[i].lemma.lower() for i in positives}
    title_end = title_end_of(item.article)
    parties = party_tokens(parse, index)
    for tok in parse.tokens:
        if not is_candidate(tok) or (tok.i in left_out and tok.i not in positives):
            continue
        if tok.i not in positives and tok.lemma.lower() in told:
            continue
        label, mode = positives.get(tok.i, (NONE, NO_MODE))
        yield Example(article_id=item.article.id,
                      features=token_features(parse, tok, parties=parties, lexicon=lexicon,
                                              in_title=tok.idx < title_end),
                      label=label, mode=mode, word=vector_word(tok))
