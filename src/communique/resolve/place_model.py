"""The place model: which of the places an article names is where an event happened.

An event's sentence often names no place ("Les deux ministres ont signé un accord de
coopération") or names one that is not the venue (the capital a delegation comes from); the
venue was given a sentence or a paragraph before ("a été reçu mardi à Rabat"), or only in the
dateline. On the annotated training corpus, the gold place is in the event's own sentence for
fewer than half of the events, and among the article's place phrases for four in five.

Every place phrase of the article (a locative phrase the gazetteer resolves, or a named
place-noun phrase: ``places.article_places``) and the dateline are *options*. Their features say
where each stands with respect to the trigger (same sentence, and then whether it hangs on the
trigger or lies inside a party's words; how many sentences before or after; in the title), what
it is (country, region, city; its preposition; a place-noun phrase), how it relates to the
parties (in the actor's or the recipient's country), and how the article uses it (first place
named, how often) — crossed with the event type. A binary logistic regression, trained by
``communique train`` on the gold events of the annotated corpus that have a place (an option is
positive when it names the gold place as the scorer compares names), scores them; the likeliest
above ``PlacePolicy.take`` replaces the rules' place, and the record says so ("place model
p=0.71"). Below it the rules' choice stands (``places.place_for``).

Pure functions of the spaCy-free ``Parse``; the weights ship in ``data/models/places.json``.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from communique.events.parties import PartyModel
from communique.model import Place
from communique.parse import Parse, Token
from communique.resolve.places import place_rank

if TYPE_CHECKING:
    from communique.events.build import Draft

MODEL_NAME = "places"


@dataclass(frozen=True, slots=True)
class FoundPlace:
    """One place phrase of the article, found once and shared by its events' options."""

    place: Place
    sentence: int
    head: int  # the token heading the phrase
    case: str  # its preposition ("à", "near"), "-" for the dateline
    dateline: bool = False


@dataclass(frozen=True, slots=True)
class PlaceOption:
    found: FoundPlace
    where: str  # "same" (the trigger's sentence), "before2", "after1"… (its ``where=`` feature)
    features: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlacePolicy:
    """Named threshold on the place model's probability (cross-fitted on the training corpus:
    docs/accuracy.md)."""

    take: float = 0.1  # the likeliest option this likely replaces the rules' place ...
    sure: float = 0.5  # ... and this likely when it lies in another country than theirs or is vaguer


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _kind(place: Place) -> str:
    code = place.feature_code or ""
    if place.resolution is None:
        return "named" if place.country_code else "unknown"
    if code.startswith("PCL"):
        return "country"
    if code in ("PPLC", "PPLA", "PPLA2"):
        return "capital"
    if code.startswith("PPL"):
        return "town"
    if code.startswith("ADM"):
        return f"adm{code[3:4] or '1'}"
    return f"res{place.resolution}"


def _names(place: Place) -> str:
    return (place.extracted_place or "").strip().lower()


def _under(parse: Parse, head: Token, trigger: Token) -> str:
    """How a place phrase of the trigger's sentence hangs on the trigger."""
    node, path = head, []
    for _ in range(8):
        if node.i == trigger.i:
            return "trigger/" + "/".join(path[-2:])
        path.append(node.dep.split(":")[0])
        if node.head == node.i:
            break
        node = parse.head(node)
    if trigger.head != trigger.i:
        verb = parse.head(trigger)
        if any(a.i == verb.i for a in parse.ancestors(head)):
            return "trigger_head"
    return "elsewhere"


def place_options(parse: Parse, found: Sequence[FoundPlace], trigger: Token, *, event: str,
                  actors: set[str | None], recipients: set[str | None], party_tokens: set[int],
                  title_end: int = 0) -> list[PlaceOption]:
    """Every place of the article with its features as the place of an ``event`` triggered by
    ``trigger`` whose parties are in ``actors`` and ``recipients`` (codes); ``party_tokens`` are
    the tokens of the parties' words in the trigger's sentence."""
    if not found:
        return []
    here = trigger.sent
    counts = Counter(_names(f.place) for f in found)
    first_of_name: dict[str, int] = {}
    for rank, f in enumerate(found):
        first_of_name.setdefault(_names(f.place), rank)
    first_in_sentence: dict[int, int] = {}
    for f in found:
        first_in_sentence.setdefault(f.sentence, f.head)
    trigger_in_title = trigger.idx < title_end
    lang = parse.lang
    out = []
    for rank, f in enumerate(found):
        p = f.place
        away = here - f.sentence
        where = ("same" if away == 0 else f"before{_bucket(away, (1, 2, 4, 8))}" if away > 0
                 else f"after{_bucket(-away, (1, 3))}")
        kind = _kind(p)
        code = p.country_code
        party = ("actor" if code and code in actors else "recipient" if code and code in recipients
                 else "none" if not (actors | recipients) - {None} else "other" if code else "nocountry")
        feats = [f"where={where}", f"kind={kind}", f"party={party}", f"case={lang}:{f.case}",
                 f"count={_bucket(counts[_names(p)], (1, 2, 4))}",
                 f"first_named={min(first_of_name[_names(p)], 3)}",
                 f"first_in_sentence={first_in_sentence[f.sentence] == f.head}",
                 f"phrase={'words' if p.resolved_place and _names(p) != p.resolved_place.lower() else 'name'}"]
        if f.dateline:
            feats.append("dateline")
        in_title = p.start is not None and p.start < title_end
        feats.append(f"title={'both' if in_title and trigger_in_title else 'place' if in_title else 'trigger' if trigger_in_title else 'none'}")
        if away == 0 and not f.dateline:
            head = parse.tokens[f.head]
            under = _under(parse, head, trigger)
            feats += [f"under={under.split('/')[0]}", f"path={under}",
                      f"in_party={f.head in party_tokens}",
                      f"side={'left' if f.head < trigger.i else 'right'}{_bucket(abs(f.head - trigger.i), (3, 8, 15))}"]
        crossed = [f"{event}|{x}" for x in feats if x.split("=")[0] in ("where", "kind", "party", "under", "in_party")]
        crossed += [f"{feats[0]}|{feats[1]}", f"{feats[0]}|{feats[2]}"]
        out.append(PlaceOption(found=f, where=where, features=("bias", f"lang={lang}", *feats, *crossed)))
    return out


def best_place(model: PartyModel, options: list[PlaceOption]) -> tuple[PlaceOption, float] | None:
    """The likeliest option (ties: the first in the text)."""
    scored = [(o, model.probability(o)) for o in options]
    return max(scored, key=lambda s: s[1], default=None)


@functools.lru_cache(maxsize=4)
def place_model(folder: Path | None = None) -> PartyModel | None:
    """The place model of a folder (default: the package's), loaded once per process; None when
    the folder has none (the coder then keeps the rules' places)."""
    from communique.events.triggers_model import model_folder

    folder = folder or model_folder()
    if not (folder / f"{MODEL_NAME}.json").exists():
        return None
    return PartyModel.load(folder, MODEL_NAME)


def learned_place(parse: Parse, draft: Draft, found: Sequence[FoundPlace], model: PartyModel, *,
                  policy: PlacePolicy, rules: Place | None, title_end: int = 0) -> Place | None:
    """The model's choice among the article's places when it is likely enough (``policy``),
    else the rules' place. A phone call keeps no place (it joins two)."""
    if draft.event == "CONSULT" and draft.mode == "phone":
        return rules
    # a title event is told again in the body, where its words stand among the places
    trigger = next((c.trigger for c in draft.candidates if c.trigger.idx >= title_end),
                   draft.candidates[0].trigger)
    sent = parse.sentences[trigger.sent]
    entities = [*draft.actors, *draft.recipients]
    party_tokens = {t.i for t in parse.sentence_tokens(sent) for e in entities
                    if e.start is not None and e.end is not None and e.start <= t.idx < e.end}
    best = best_place(model, place_options(
        parse, found, trigger, event=draft.event, actors={e.code for e in draft.actors},
        recipients={e.code for e in draft.recipients}, party_tokens=party_tokens, title_end=title_end))
    if best is None or best[1] < policy.take:
        return rules
    option, p = best
    src = option.found.place
    if rules is not None and p < policy.sure and (
            (rules.country_code and src.country_code != rules.country_code) or place_rank(src) < place_rank(rules)):
        return rules  # another country than the rules', or a vaguer place: only when the model is sure
    if rules is not None and (rules.start, rules.end) == (src.start, src.end):
        # a copy: the rules' place is also the one later events of the article may inherit
        return replace(rules, reason=f"{rules.reason} (place model p={p:.2f} agrees)")
    said = {"same": "in the event's sentence"}.get(
        option.where, option.where.replace("before", "sentences before: ≤").replace("after", "sentences after: ≤"))
    had = f"; the rules had '{rules.extracted_place}'" if rules is not None else ""
    return replace(src, reason=f"place model p={p:.2f}: '{src.extracted_place}', {said}{had}; {src.reason}")
