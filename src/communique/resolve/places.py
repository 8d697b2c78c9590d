"""The event's place: the location argument of the trigger, resolved with the gazetteer.

"s'est rendue à Nouakchott", "au siège du commandement militaire à Nouakchott": the place comes
from a locative argument of the trigger (or of the noun's light verb), not from any place named
in the sentence, so the capital of a visiting delegation is not taken for the venue.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from communique.mentions.actors import MentionIndex
from communique.model import Place
from communique.parse import Parse, Token
from communique.resolve.gazetteer import gazetteer

if TYPE_CHECKING:
    from communique.events.build import Draft


def _entity_span(parse: Parse, tok: Token) -> tuple[int, int] | None:
    """Token range of the LOC entity that contains a token."""
    if tok.ent_type != "LOC":
        return None
    first = last = tok.i
    while first > 0 and parse.tokens[first].ent_iob == "I" and parse.tokens[first - 1].ent_type == "LOC":
        first -= 1
    while last + 1 < len(parse.tokens) and parse.tokens[last + 1].ent_iob == "I":
        last += 1
    return first, last


def _place_phrases(parse: Parse, arg: Token, index: MentionIndex) -> list[tuple[str, int, int]]:
    """Place names inside an argument phrase, most specific (deepest LOC entity) last."""
    out: list[tuple[str, int, int]] = []
    seen: set[int] = set()
    for tok in parse.subtree(arg):
        if tok.i in seen:
            continue
        span = _entity_span(parse, tok)
        if span is None:
            m = index.by_token.get(tok.i)
            if m is None or not any(e.kind == "country" and e.subkind in ("name", "capital")
                                    for e in m.entries):
                continue
            span = (m.first, m.last)
        seen.update(range(span[0], span[1] + 1))
        start, end = parse.tokens[span[0]].idx, parse.tokens[span[1]].end
        out.append((parse.text[start:end], start, end))
    return out


LOCATIVE = {"à", "au", "aux", "en", "dans", "sur", "près", "vers", "devant", "au-dessus", "dessus", "long",
            "in", "at", "near", "outside", "inside", "into", "off", "across", "over", "along"}


def _locative_phrases(parse: Parse, cand, index: MentionIndex) -> list[tuple[str, int, int]]:
    """Places introduced by a locative preposition inside the trigger's phrase, outside the parties."""
    blocked: set[int] = set()
    for role in ("actor", "recipient"):
        for arg in cand.arg_tokens.get(role, []):
            blocked |= {t.i for t in parse.subtree(arg)}
    out = []
    for tok in parse.subtree(cand.anchor if cand.anchor.pos in ("VERB", "AUX") else cand.trigger):
        if tok.i in blocked or tok.sent != cand.sentence:
            continue
        case = next((c.lower for c in parse.children(tok) if c.dep in ("case", "prep") or c.pos == "ADP"), None)
        if case is None and parse.head(tok).dep == "prep":
            case = parse.head(tok).lower
        if case in LOCATIVE:
            for phrase in _place_phrases(parse, tok, index):
                if phrase not in out:
                    out.append(phrase)
    return out


def sentence_place(parse: Parse, sentence: int, index: MentionIndex, *, context: Sequence[str],
                   why: str) -> Place | None:
    """The first resolvable place after a locative preposition anywhere in one sentence."""
    gaz = gazetteer()
    sent = parse.sentences[sentence]
    for tok in parse.sentence_tokens(sent):
        if tok.ent_type != "LOC" or tok.ent_iob != "B":
            continue
        case = next((c.lower for c in parse.children(tok) if c.dep in ("case", "prep") or c.pos == "ADP"), None)
        if case is None and parse.head(tok).dep == "prep":
            case = parse.head(tok).lower
        if case not in LOCATIVE:
            continue
        for text, start, end in _place_phrases(parse, tok, index)[:1]:
            place = gaz.resolve(text, context_countries=context, lang=parse.lang)
            if place is not None:
                place.start, place.end, place.extracted_place = start, end, text
                place.reason = f"{why} '{text}'; {place.reason}"
                return place
    return None


def place_for(parse: Parse, draft: Draft, index: MentionIndex, *, context: Sequence[str],
              lede: int | None = None) -> Place | None:
    """The event's place: a locative phrase of its trigger; else, for an event told in the
    title, the place the lede gives."""
    best = _trigger_place(parse, draft, index, context=context)
    if best is None and lede is not None and min(draft.sentences) < lede:
        best = sentence_place(parse, lede, index, context=context, why="title event: place of the lede")
    return best


def _trigger_place(parse: Parse, draft: Draft, index: MentionIndex, *, context: Sequence[str]) -> Place | None:
    gaz = gazetteer()
    best: Place | None = None
    for cand in draft.candidates:
        phrases: list[tuple[str, int, int]] = []
        for arg in cand.place_args:
            if arg.dep in ("obj", "dobj") and not (cand.entry.event == "CONSULT" or arg.ent_type == "LOC"):
                continue
            phrases.extend(_place_phrases(parse, arg, index))
        phrases.extend(p for p in _locative_phrases(parse, cand, index) if p not in phrases)
        for text, start, end in phrases:
            place = gaz.resolve(text, context_countries=context, lang=parse.lang)
            if place is None:
                # Named but not in the gazetteer ("monts Mandara"): keep the words, unresolved.
                if best is None and text[:1].isupper():
                    best = Place(extracted_place=text, start=start, end=end, resolution=None,
                                 reason=f"locative phrase '{text}' of '{cand.trigger.text}'; not in the gazetteer")
                continue
            place.start, place.end = start, end
            place.extracted_place = text
            place.reason = f"locative phrase '{text}' of '{cand.trigger.text}'; {place.reason}"
            if best is None or best.geonameid is None or (place.resolution or 0) > (best.resolution or 0):
                best = place
        if best is not None and (best.resolution or 0) >= 4:
            break
    return best
