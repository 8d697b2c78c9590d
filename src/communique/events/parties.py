"""The party model: which state an event implies as its recipient (or actor) when its clause
names none.

"Le ministre a réclamé l'ouverture d'une enquête conjointe", "accusing it of fuelling
tensions", "spoke by telephone with his counterpart": the clause's grammar finds the speaker but
not the party spoken to, which the article named a sentence or three before. Every state or
organisation the article names is an *option*; its features say where it stands with respect to
the trigger (the same sentence and how it hangs on the trigger, how many sentences before or
after, how recently it was named, how often, whether it is the article's main or first party,
named in the title) crossed with the role sought and the event type. A binary logistic
regression, trained by ``communique train`` on the gold events of the annotated corpus (each
event's trigger, actor and recipient; every other state of the article is a negative), scores
each option; the likeliest one above ``PartyPolicy`` thresholds is taken, and the record says so
("implied recipient ... party model p=0.71").

Pure functions of the spaCy-free ``Parse`` and the mentions; the weights ship in
``data/models/parties.json``.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from communique.errors import ModelError
from communique.evaluate.scoring import party_code
from communique.events.detect import FALLBACK_RECIPIENT
from communique.mentions.actors import (EARLIER_SUBJECT, EVENT_PLACE, LAST_STATE_NAMED, MAIN_COUNTRY,
                                        STATE_NAMED_LAST, Mention, MentionIndex)
from communique.parse import Parse, Token

# PLOVER sectors of a state's own agents, and the codes of parties that have none of them
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "DIP"})
NOT_A_GOVERNMENT = frozenset({"IMG", "ISM", "NGO", "MNC"})

if TYPE_CHECKING:
    from communique.events.build import Draft
    from communique.model import Entity

MODEL_NAME = "parties"
ROLES = ("actor", "recipient")


def folded(code: str | None) -> str | None:
    """A party code as the gold sets and the scorer compare it: non-state codes are one kind."""
    return None if code is None else party_code({"code": code})


@dataclass(frozen=True, slots=True)
class PartyOption:
    """One state or organisation of the article as a possible party of one event."""

    code: str
    sector: str  # the sector its nearest mention gives (GOV for a bare country)
    mention: Mention  # the nearest mention (the last one before the trigger when there is one)
    sentences_away: int  # from the trigger's sentence to that mention (negative: after it)
    features: tuple[str, ...]


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _codes(m: Mention) -> list[tuple[str, str]]:
    out = [(e.code, e.sector or "GOV") for e in m.entries if e.kind in ("country", "org") and e.code]
    out += [(code, "GOV") for code in m.codes if code not in {c for c, _ in out}]
    return out


def _kind(m: Mention) -> str:
    entry = next((e for e in m.entries if e.kind in ("country", "org") and e.code), None)
    if entry is None:
        return "compound"
    return f"{entry.kind}:{entry.subkind}" if entry.subkind else entry.kind


def _mention_head(parse: Parse, m: Mention) -> Token:
    """The mention's token whose head lies outside it (its syntactic head)."""
    for i in range(m.first, m.last + 1):
        tok = parse.tokens[i]
        if not (m.first <= tok.head <= m.last) or tok.head == tok.i:
            return tok
    return parse.tokens[m.last]


def _case(parse: Parse, tok: Token) -> str:
    for child in parse.children(tok):
        if child.dep in ("case", "prep"):
            return child.lower
    head = parse.head(tok)
    if tok.dep == "pobj" and head.pos == "ADP":
        return head.lower
    return "-"


def _relation(parse: Parse, m: Mention, trigger: Token) -> list[str]:
    """How a mention of the trigger's sentence hangs on the trigger: its path up the parse."""
    head = _mention_head(parse, m)
    case = _case(parse, head)
    out = [f"case={parse.lang}:{case}"]
    node, path = head, []
    for _ in range(6):
        if node.i == trigger.i:
            break
        path.append(node.dep.split(":")[0])
        if node.head == node.i:
            path = []
            break
        node = parse.head(node)
    if node.i == trigger.i and path:
        out += [f"path={'/'.join(path[-2:])}", f"under_trigger={len(path)}",
                f"path_case={path[-1]}|{parse.lang}:{case}"]
    else:
        above = {a.i for a in parse.ancestors(trigger)} | {trigger.i}
        shared = next((a for a in parse.ancestors(head) if a.i in above), None)
        out.append("path=none" if shared is None else f"via={shared.pos}")
        out.append(f"dep={head.dep.split(':')[0]}")
    return out


def party_options(parse: Parse, index: MentionIndex, trigger: Token, *, event: str, role: str,
                  exclude: set[str | None], title_end: int = 0) -> list[PartyOption]:
    """Every state or organisation the article names, except ``exclude`` (the event's other
    side), with its features as a possible ``role`` of an ``event`` triggered by ``trigger``."""
    sent_of = [t.sent for t in parse.tokens]
    here = trigger.sent
    by_code: dict[str, list[tuple[Mention, str]]] = {}
    for m in index.mentions:
        for code, sector in _codes(m):
            if code in exclude or folded(code) in {folded(c) for c in exclude if c}:
                continue
            by_code.setdefault(code, []).append((m, sector))
    if not by_code:
        return []
    counts = Counter({code: len(ms) for code, ms in by_code.items()})
    by_count = {code: rank for rank, (code, _) in enumerate(counts.most_common())}
    first_named = {code: rank for rank, code in enumerate(sorted(by_code, key=lambda c: by_code[c][0][0].first))}
    last_before = {code: max((m.last for m, _ in ms if m.last < trigger.i), default=-1) for code, ms in by_code.items()}
    recency = {code: rank for rank, code in enumerate(
        sorted((c for c in by_code if last_before[c] >= 0), key=lambda c: -last_before[c]))}
    n_codes = _bucket(len(by_code), (1, 2, 3, 5))
    lang = parse.lang
    out = []
    for code, ms in sorted(by_code.items()):
        before = [(m, s) for m, s in ms if m.last < trigger.i]
        after = [(m, s) for m, s in ms if m.first > trigger.i]
        nearest, sector = (before[-1] if before else (after[0] if after else ms[0]))
        away = here - sent_of[nearest.first]
        in_sentence = [m for m, _ in ms if sent_of[m.first] == here]
        f = [f"recency={recency.get(code, 'none')}", f"count={_bucket(counts[code], (1, 2, 4))}",
             f"count_rank={min(by_count[code], 3)}", f"first_named={min(first_named[code], 2)}",
             f"codes={n_codes}", f"kind={_kind(nearest)}", f"sector={sector}",
             f"nonstate={folded(code) == 'IGO'}"]
        f.append(f"before={_bucket(here - sent_of[before[-1][0].first], (0, 1, 2, 5)) if before else 'none'}")
        f.append(f"after={_bucket(sent_of[after[0][0].first] - here, (0, 1, 2)) if after else 'none'}")
        # Named early: a token index against the title's length in characters, so the title and
        # roughly the lede, not the title alone. The title alone measured the same on the
        # cross-fitted corpus (F1 0.451 both); the shipped model was trained on this reading.
        if any(m.first < title_end for m, _ in ms):
            f.append("in_title")
        if in_sentence:
            m = min(in_sentence, key=lambda m: abs(m.first - trigger.i))
            side = "left" if m.last < trigger.i else "right"
            gap = _bucket(abs(m.first - trigger.i), (2, 5, 10, 20))
            f += ["same_sentence", f"side={side}", f"gap={side}{gap}"]
            f += _relation(parse, m, trigger)
        else:
            f.append("other_sentence")
        crossed = [f"{role}|{x}" for x in f] + [f"{role}|{event}|{x}" for x in f
                                               if x.split("=")[0] in ("recency", "before", "side", "path",
                                                                      "same_sentence", "other_sentence",
                                                                      "case", "nonstate", "count_rank")]
        out.append(PartyOption(code=code, sector=sector, mention=nearest, sentences_away=away,
                               features=tuple(["bias", f"role={role}", f"lang={lang}", *crossed])))
    return out


@dataclass(frozen=True, slots=True)
class PartyPolicy:
    """Named thresholds on the party model's probabilities (cross-fitted on the training corpus:
    docs/accuracy.md)."""

    recipient: float = 0.35  # an option this likely becomes the recipient of an event with none
    actor: float = 0.35  # an option this likely becomes the actor of an event with none
    # a side whose parties name no state ("le capitaine de vaisseau X", whose country the
    # article gives elsewhere) gets the country of an option this likely (above 1: never)
    country: float = 0.35
    # a recipient the rules only guessed (a state named anywhere in the trigger's phrase: "met at
    # the Togolese presidency", "US-donated boats") gives way to the model's likeliest state when
    # that one is this much likelier than the guess, as an option, and above ``recipient``
    overrule: float = 0.2
    # a state the rules gave a party by default — a bare body's, the state named last before it
    # ("the Foreign Ministry" after a sentence about Russia); an unnamed target's, the state of
    # the event's place; "ce pays", the last one named; else the article's main country — gives way
    # to the model's likeliest state when that one is this much likelier (and above
    # ``actor``/``recipient``)
    default_state: float = 0.3


@dataclass(slots=True)
class PartyModel:
    weights: dict[str, float]
    bias: float
    card: dict

    @classmethod
    def load(cls, folder: Path, name: str = MODEL_NAME) -> PartyModel:
        path = folder / f"{name}.json"
        if not path.exists():
            raise ModelError(f"party model not found in {folder} (run `communique train`)")
        card = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=dict(card.pop("weights")), bias=float(card.pop("bias")), card=card)

    def save(self, folder: Path, name: str = MODEL_NAME) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        weights = {f: round(w, 5) for f, w in sorted(self.weights.items()) if abs(w) >= 1e-5}
        card = dict(self.card, bias=round(self.bias, 6), weights=weights)
        (folder / f"{name}.json").write_text(json.dumps(card, ensure_ascii=False, indent=0) + "\n",
                                             encoding="utf-8")

    def probability(self, option: PartyOption) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in option.features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def best(self, options: list[PartyOption]) -> tuple[PartyOption, float] | None:
        scored = [(o, self.probability(o)) for o in options]
        return max(scored, key=lambda s: (s[1], -abs(s[0].sentences_away), s[0].code), default=None)


@functools.lru_cache(maxsize=4)
def party_model(folder: Path | None = None) -> PartyModel | None:
    """The party model of a folder (default: the package's), loaded once per process; None when
    the folder has none (one written by ``communique train`` before the party model existed: the
    coder then runs without it, as with ``CoderSettings(party_model=False)``)."""
    from communique.events.triggers_model import model_folder

    folder = folder or model_folder()
    if not (folder / f"{MODEL_NAME}.json").exists():
        return None
    return PartyModel.load(folder)


def imply_parties(draft: Draft, parse: Parse, index: MentionIndex, model: PartyModel, *,
                  policy: PartyPolicy, title_end: int = 0, roles: tuple[str, ...] = ROLES) -> None:
    """A record whose clause named one side only gets the other side the model finds likeliest
    among the article's states, when it is likely enough (in place; the entity's reason says so).
    A side whose party names no state ("le capitaine de vaisseau X" of a delegation the article
    said was Turkish two sentences before) gets the likeliest state the same way, keeping its
    words and sector (``policy.country``). A recipient the rules only guessed from the trigger's
    phrase is weighed against the others (``_weigh_guessed_recipient``), and so is a state the
    rules gave a party by default (``_weigh_default_state``). A record with several
    actors and no recipient is a reciprocal act and stays as it is."""
    _weigh_default_state(draft, parse, index, model, roles=roles, policy=policy, title_end=title_end)
    actors = {e.code for e in draft.actors}
    recipients = {e.code for e in draft.recipients}
    unresolved = False  # the side has parties, but none with a state
    if ("recipient" in roles and len(actors) == 1 and None not in actors and draft.recipients
            and all(e.reason.startswith(FALLBACK_RECIPIENT) for e in draft.recipients)):
        _weigh_guessed_recipient(draft, parse, index, model, policy=policy, title_end=title_end)
        return
    if "recipient" in roles and actors and not recipients and len(actors) == 1:
        role, exclude, threshold = "recipient", actors, policy.recipient
    elif "actor" in roles and recipients and not actors:
        role, exclude, threshold = "actor", recipients, policy.actor
    elif "recipient" in roles and recipients == {None} and len(actors - {None}) == 1:
        role, exclude, threshold, unresolved = "recipient", actors - {None}, policy.country, True
    elif "actor" in roles and actors == {None} and len(draft.actors) == 1 and recipients - {None}:
        role, exclude, threshold, unresolved = "actor", recipients - {None}, policy.country, True
    elif "recipient" in roles and actors == {None} and recipients == {None} and len(draft.actors) == 1:
        # neither side names a state ("le ministre a reçu l'amiral X"): the host's first, then
        # the visitor's among the others
        role, exclude, threshold, unresolved = "recipient", set(), policy.country, True
    else:
        return
    trigger = draft.candidates[0].trigger
    # several authors of one act each got their own record (build._one_per_author): the others
    # are co-authors, not the target ("A, B ainsi que C ont condamné les attentats")
    options = party_options(parse, index, trigger, event=draft.event, role=role,
                            exclude=set(exclude) | draft.co_actors, title_end=title_end)
    named_sector = ((draft.recipients if role == "recipient" else draft.actors) or [None])[0]
    if unresolved and named_sector is not None and named_sector.sector in STATE_SECTORS:
        # a government's, an army's, a court's… state is a country or an intergovernmental body
        # (a commissioner of the EU), not an armed group, a company or an NGO ("le porte-parole
        # du gouvernement de transition" is no member of Al-Qaïda)
        options = [o for o in options if o.code not in NOT_A_GOVERNMENT]
    found = model.best(options)
    if found is None or found[1] < threshold:
        return
    option, p = found
    m = option.mention
    where = _where(option)
    if unresolved:
        # the party the clause named keeps its words and sector; the model gives its state
        side = draft.recipients if role == "recipient" else draft.actors
        named = side[0]
        filled = replace(named, code=option.code, sector=named.sector or option.sector,
                         reason=f"{named.reason}; its state: '{m.text}' ({option.code}), named {where}, "
                                f"is the likeliest (party model p={p:.2f})")
        if role == "recipient":
            draft.recipients = [filled, *draft.recipients[1:]]
            if {e.code for e in draft.actors} == {None}:
                imply_parties(draft, parse, index, model, policy=policy, title_end=title_end, roles=roles)
        else:
            draft.actors = [filled, *draft.actors[1:]]
        return
    entity = _implied(option, p, role=role, where=where)
    # a new list: records split per author share their lists (build._one_per_author)
    if role == "recipient":
        draft.recipients = [*draft.recipients, entity]
    else:
        draft.actors = [*draft.actors, entity]


def _where(option: PartyOption) -> str:
    return ("in the same sentence" if option.sentences_away == 0 else
            f"{option.sentences_away} sentence(s) before" if option.sentences_away > 0 else
            f"{-option.sentences_away} sentence(s) after")


def _implied(option: PartyOption, p: float, *, role: str, where: str) -> Entity:
    from communique.model import Entity

    m = option.mention
    return Entity(code=option.code, sector=option.sector, entity_text=m.text, start=m.start, end=m.end,
                  name=m.text, reason=f"implied {role}: the clause names none; '{m.text}' ({option.code}), "
                                      f"named {where}, is the likeliest (party model p={p:.2f})")


def _overruling(model: PartyModel, options: list[PartyOption], guessed: set[str | None], *,
                threshold: float, margin: float) -> tuple[PartyOption, float, float] | None:
    """The model's likeliest option when it is another state than the rules' ``guessed`` ones,
    at least ``threshold`` likely and ``margin`` likelier than the guess as an option: the option,
    its probability and the guess's; None when the guess stands."""
    guess = max((model.probability(o) for o in options if o.code in guessed), default=0.0)
    found = model.best(options)
    if found is None:
        return None
    option, p = found
    if option.code in guessed or p < threshold or p < guess + margin:
        return None
    return option, p, guess


def _weigh_guessed_recipient(draft: Draft, parse: Parse, index: MentionIndex, model: PartyModel, *,
                             policy: PartyPolicy, title_end: int) -> None:
    """The clause named no recipient and the rules took a state named somewhere in the trigger's
    phrase ("met at the Togolese presidency"); the model scores that state and the article's
    others as the recipient, and its likeliest replaces the guess when it is ``policy.overrule``
    likelier (and above ``policy.recipient``). Dropping the guess altogether raised cross-fitted
    precision and lowered recall about as much (docs/accuracy.md)."""
    options = party_options(parse, index, draft.candidates[0].trigger, event=draft.event, role="recipient",
                            exclude={e.code for e in draft.actors} | draft.co_actors, title_end=title_end)
    found = _overruling(model, options, {e.code for e in draft.recipients}, threshold=policy.recipient,
                        margin=policy.overrule)
    if found is None:
        return
    option, p, guess = found
    entity = _implied(option, p, role="recipient", where=_where(option))
    draft.recipients = [replace(entity, reason=f"{entity.reason}; the trigger's phrase names "
                                               f"'{draft.recipients[0].entity_text}' ({draft.recipients[0].code}, "
                                               f"p={guess:.2f})")]


def _weigh_default_state(draft: Draft, parse: Parse, index: MentionIndex, model: PartyModel, *,
                         roles: tuple[str, ...], policy: PartyPolicy, title_end: int) -> None:
    """A side whose one party got its state by a default of the rules — a bare state body ("the
    Foreign Ministry", "le ministre des Affaires étrangères") the state named last before it,
    "ce pays" the last state named (``mentions.references``), an unnamed target (civilians,
    "people") the state of the event's place (``build.locate_groups``; a group acting keeps
    it, guidelines §6), a group or a bare body with no state named before it the article's main
    country — is weighed by the model: it scores that state and the article's others for the role
    (the other side's states are no options), and its likeliest gives the party its state,
    keeping its words and sector, when it is ``policy.default_state`` likelier (and above the
    role's threshold). "The ministers signed … with Togo in Accra" after a sentence naming
    Burkina Faso gives Ghana.
    When both sides are such defaults, only the likelier change is made (a navy and the tanker
    it stops, both given the main country: one of them is foreign, not both)."""
    changes = [c for c in (_default_state_change(draft, parse, index, model, role=role, policy=policy,
                                                 title_end=title_end) for role in roles) if c is not None]
    if not changes:
        return
    role, weighed, _ = max(changes, key=lambda c: c[2])
    if role == "actor":
        draft.actors = [weighed]
    else:
        draft.recipients = [weighed]


# how the rules' reasons say a state was given by default (see ``_weigh_default_state``); a
# group acting keeps the state of where it acts (guidelines §6): only a target's is weighed
_DEFAULT_STATES = {"actor": (STATE_NAMED_LAST, MAIN_COUNTRY, LAST_STATE_NAMED, EARLIER_SUBJECT),
                   "recipient": (STATE_NAMED_LAST, MAIN_COUNTRY, LAST_STATE_NAMED, EVENT_PLACE, EARLIER_SUBJECT)}


def _default_state_change(draft: Draft, parse: Parse, index: MentionIndex, model: PartyModel, *,
                          role: str, policy: PartyPolicy, title_end: int) -> tuple[str, Entity, float] | None:
    """The party of ``role`` with the model's state instead of the rules' default, and the
    model's probability for it; None when the default stands."""
    side = draft.actors if role == "actor" else draft.recipients
    other = draft.recipients if role == "actor" else draft.actors
    if len(side) != 1 or not any(mark in (side[0].reason or "") for mark in _DEFAULT_STATES[role]):
        return None
    named = side[0]
    options = party_options(parse, index, draft.candidates[0].trigger, event=draft.event, role=role,
                            exclude={e.code for e in other if e.code} | draft.co_actors, title_end=title_end)
    found = _overruling(model, options, {named.code}, margin=policy.default_state,
                        threshold=policy.actor if role == "actor" else policy.recipient)
    if found is None:
        return None
    option, p, guess = found
    weighed = replace(named, code=option.code,
                      reason=f"{named.reason}; the party model finds '{option.mention.text}' ({option.code}), "
                             f"named {_where(option)}, likelier (p={p:.2f} against {guess:.2f})")
    return role, weighed, p
