"""The event's place: the location argument of the trigger, resolved with the gazetteer.

"s'est rendue à Nouakchott", "au siège du commandement militaire à Nouakchott": the place comes
from a locative argument of the trigger (or of the noun's light verb), not from any place named
in the sentence, so the capital of a visiting delegation is not taken for the venue.

The place is written as the text writes it (``extracted_place``): a locative phrase headed by a
place noun is kept whole ("la frontière entre le Danemark et l'Allemagne", "une base aérienne en
Syrie", "le port de Wonsan"), and the most specific name inside it is what the gazetteer
resolves (``resolved_place``, ``country_code``).

When the trigger has no locative phrase, the place is looked for, in this order (each decision
says why in ``Place.reason``):

1. a locative phrase elsewhere in the event's own sentences;
2. for an event told in the title, the place of the lede;
3. the place of an earlier event of the same kind in the article (an arrest and the killings of
   one operation), when it lies in the country of one of the parties;
4. the article's setting: a dateline ("BAMAKO (AFP) -") or the first place named in the opening
   sentences, when it lies in the country of one of the parties;
5. a country-level place from the parties: the host of a visit, the target of an attack or of a
   protest, the state whose forces arrest, seize or deploy.

A phone call has no place: it joins two places, and the places its words name are what was
discussed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from communique.errors import LexiconError
from communique.events.grammar import said_by
from communique.lexicon.tables import data_path, read_tsv, time_words
from communique.mentions.actors import MentionIndex, dateline_name
from communique.model import Place
from communique.parse import Parse, Sentence, Token
from communique.resolve.gazetteer import gazetteer

if TYPE_CHECKING:
    from communique.events.build import Draft
    from communique.resolve.place_model import FoundPlace


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The words of one language that make a phrase a place (``data/<lang>/place_words.tsv``),
    and the time words that end a place phrase as written ("le nord-ouest de la Syrie mardi
    matin"; from ``data/<lang>/time_words.tsv``)."""

    locative: frozenset[str]  # "à", "dans", "in", "near"
    locative_heads: frozenset[str]  # "au large", "près" + de; "off the coast" + of
    of: frozenset[str]
    place_nouns: frozenset[str]  # "frontière", "base", "border", "town"
    capital_nouns: frozenset[str]
    time_words: frozenset[str]
    between: frozenset[str] = frozenset()  # "entre", "between": their coordinated objects are one place


@lru_cache(maxsize=None)
def place_words(lang: str) -> PlaceWords:
    kinds: dict[str, set[str]] = {k: set() for k in ("locative", "locative_head", "of", "place_noun",
                                                     "capital_noun", "between")}
    path = data_path(lang, "place_words.tsv")
    for row in read_tsv(path):
        if row.get("kind") not in kinds:
            raise LexiconError(f"{path.name}: unknown kind {row.get('kind')!r} for {row.get('word')!r}")
        kinds[row["kind"]].add(row["word"])
    return PlaceWords(locative=frozenset(kinds["locative"]), locative_heads=frozenset(kinds["locative_head"]),
                      of=frozenset(kinds["of"]), place_nouns=frozenset(kinds["place_noun"]),
                      capital_nouns=frozenset(kinds["capital_noun"]), time_words=time_words(lang),
                      between=frozenset(kinds["between"]))


# Dependency labels whose subtrees are not part of a place phrase as written.
_CUT_DEPS = {"acl:relcl", "relcl", "appos", "punct", "parataxis", "conj", "cc", "advcl", "acl"}
MAX_PHRASE_TOKENS = 12
OPENING_SENTENCES = 3  # the article's setting: a place named in its first body sentences
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "NATO", "AU"}
# Events whose kind carries the earlier place over: one operation's arrests and killings.
PLACE_FAMILY = {"ASSAULT": "force", "COERCE": "force"}
NEAR_SENTENCES = 2  # an event of the same kind this close before is taken for the same action
# Statements: a place from elsewhere in the article fits them only in the speaker's country.
VERBAL = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}


# ---------------------------------------------------------------------------------------------
# Phrases


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


def _name_span(parse: Parse, tok: Token, index: MentionIndex) -> tuple[int, int] | None:
    """The LOC entity or country-name mention a token belongs to."""
    span = _entity_span(parse, tok)
    if span is not None:
        return span
    m = index.by_token.get(tok.i)
    if m is not None and any(e.kind == "country" and e.subkind in ("name", "capital") for e in m.entries):
        return m.first, m.last
    return None


def _place_phrases(parse: Parse, arg: Token, index: MentionIndex,
                   within: tuple[int, int] | None = None) -> list[tuple[str, int, int]]:
    """Place names inside an argument phrase (optionally only inside a token range)."""
    out: list[tuple[str, int, int]] = []
    seen: set[int] = set()
    for tok in parse.subtree(arg):
        if tok.i in seen or (within and not within[0] <= tok.i <= within[1]):
            continue
        span = _name_span(parse, tok, index)
        if span is None:
            continue
        seen.update(range(span[0], span[1] + 1))
        start, end = parse.tokens[span[0]].idx, parse.tokens[span[1]].end
        out.append((parse.text[start:end], start, end))
    return out


def _locative_case(parse: Parse, tok: Token) -> str | None:
    """The locative preposition that introduces ``tok``'s phrase ("à", "dans", "au large de")."""
    if tok.pos in ("VERB", "AUX"):
        return None  # "en reliant les Pays-Bas": a gerund, not a place
    # The preposition before the word ("à Gao"); an English "prep" child after it is a
    # modifier of its own ("the border between Spain and France"), not its case.
    marker = next((c for c in parse.children(tok)
                   if c.i < tok.i and (c.dep in ("case", "prep") or c.pos == "ADP")), None)
    case = marker.lower if marker is not None else None
    head = parse.head(tok)
    if case is None and head.dep == "prep":
        case, head = head.lower, parse.head(head)
    words = place_words(parse.lang)
    if case in words.locative:
        return case
    if case in words.of and head.i != tok.i and head.lower in words.locative_heads:
        return f"{head.lower} {case}"
    if marker is not None and case in words.of and marker.i > 0:
        # "a tué deux hommes près de Rafah": the parser hangs "près" on the noun before and
        # leaves "de" alone as the name's case; the word right before "de" still says where
        before = parse.tokens[marker.i - 1]
        if before.sent == tok.sent and before.lower in words.locative_heads and before.pos in ("ADV", "ADP", "NOUN"):
            return f"{before.lower} {case}"
    return None


def _has_det(parse: Parse, tok: Token) -> bool:
    return any(c.dep == "det" and c.i < tok.i for c in parse.children(tok))


def _np_range(parse: Parse, tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok`` as written, without its determiner,
    preposition, relative clauses, appositions and coordinated phrases."""
    keep = {tok.i}
    between = place_words(parse.lang).between

    def opens_pair(t: Token) -> bool:
        return t.lower in between or any(c.dep in ("case", "prep") and c.lower in between for c in parse.children(t))

    # "la frontière entre le Danemark et l'Allemagne": the pair after "entre" is one place, whether
    # the parser hangs the second on the first or on the head noun
    pair = next((c.i for c in parse.children(tok) if opens_pair(c)), None)
    stack = [c for c in parse.children(tok)
             if c.dep not in _CUT_DEPS or (pair is not None and c.i > pair and c.dep in ("conj", "cc"))]
    while stack:
        t = stack.pop()
        if t.sent != tok.sent:
            continue
        keep.add(t.i)
        stack.extend(c for c in parse.children(t) if c.dep not in ("acl:relcl", "relcl", "parataxis"))
    first = last = tok.i
    while first - 1 in keep and parse.tokens[first - 1].dep not in ("det", "case", "prep"):
        first -= 1
    while (last + 1 in keep and parse.tokens[last + 1].pos not in ("PUNCT", "NUM")
           and parse.tokens[last + 1].lower not in place_words(parse.lang).time_words
           and "\n" not in parse.text[parse.tokens[last].end:parse.tokens[last + 1].idx]):
        last += 1
    while last > tok.i and (parse.tokens[last].pos in ("ADP", "DET", "CCONJ", "PUNCT")
                            or not parse.tokens[last].text.strip()):
        last -= 1
    return first, last


# Premises of a state abroad: their code is not the country they stand in.
_ABROAD = re.compile(r"\b(ambassade|consulat|embassy|consulate|mission diplomatique|legation)", re.I)


def _state_codes(entities) -> list[str]:
    out = []
    for e in entities:
        if _ABROAD.search(e.entity_text or ""):
            continue
        code = (e.code or "").upper()
        if len(code) == 3 and code not in NON_STATE and code not in out:
            out.append(code)
    return out


@dataclass(slots=True)
class _Parties:
    actors: list[str]
    recipients: list[str]

    @classmethod
    def of(cls, draft: Draft) -> _Parties:
        return cls(_state_codes(draft.actors), _state_codes(draft.recipients))

    @property
    def codes(self) -> list[str]:
        return self.actors + [c for c in self.recipients if c not in self.actors]


def _resolve_phrase(parse: Parse, tok: Token, case: str, index: MentionIndex, *,
                    context: Sequence[str], prefer: Sequence[str]) -> Place | None:
    """The place a locative phrase headed by ``tok`` names, written as the text writes it."""
    gaz = gazetteer()
    lang = parse.lang
    span = _name_span(parse, tok, index)
    if span is not None:  # the phrase is a place name ("à Nouakchott", "au Mali")
        start, end = parse.tokens[span[0]].idx, parse.tokens[span[1]].end
        text = parse.text[start:end]
        place = gaz.resolve(text, context_countries=context, lang=lang)
        if place is None:
            if not any(t.text[:1].isupper() for t in parse.tokens[span[0]:span[1] + 1]):
                return None
            return Place(extracted_place=text, start=start, end=end, resolution=None,
                         reason=f"locative phrase '{text}'; not in the gazetteer")
        if case == "à" and place.resolution == 1 and _has_det(parse, parse.tokens[span[0]]):
            return None  # "reliant les Pays-Bas à l'Allemagne": French says "en/au" for a country
        place.start, place.end, place.extracted_place = start, end, text
        place.reason = f"locative phrase '{text}'; {place.reason}"
        return place
    if tok.pos not in ("NOUN", "PROPN"):
        return None
    words = place_words(lang)
    if said_by(tok, words.place_nouns):
        first, last = _np_range(parse, tok)
        if last - first + 1 > MAX_PHRASE_TOKENS:
            first, last = tok.i, tok.i
        start, end = parse.tokens[first].idx, parse.tokens[last].end
        text = parse.text[start:end]
        inner = _best_name(parse, tok, index, (first, last), context=context, prefer=prefer)
        if inner is None and said_by(tok, words.capital_nouns) and prefer:
            inner = gaz.capital(prefer[0])
            if inner is not None:
                inner.reason = f"'{tok.text}' of the party's country {prefer[0]}: {inner.reason}"
        if inner is None:
            inner = _proper_noun_place(parse, first, last, context=context, noun=tok)
        if inner is None:
            inner = _demonym_place(parse, tok, index, (first, last))
        if inner is None:
            named = any(t.text[:1].isupper() or t.text[:1].isdigit() for t in parse.tokens[tok.i + 1:last + 1])
            if last <= tok.i or not named or tok.feat("Number") == "Plur":
                return None  # "la frontière", "diverses régions du pays": no place of its own
            # "devant le commissariat du XIXe arrondissement": a place the text names precisely
            # though the gazetteer does not know it; its words are kept, its country found later
            return Place(extracted_place=text, start=start, end=end, resolution=None,
                         reason=f"locative phrase '{text}'; a {tok.lower} with no name the gazetteer knows")
        inner.start, inner.end, inner.extracted_place = start, end, text
        inner.reason = f"locative phrase '{text}'; {inner.reason}"
        return inner
    # Any other phrase: the place names inside it, as before ("au sommet de l'OTAN à Varsovie"
    # is found through "Varsovie" itself).
    return None


def _best_name(parse: Parse, tok: Token, index: MentionIndex, within: tuple[int, int], *,
               context: Sequence[str], prefer: Sequence[str]) -> Place | None:
    """The most specific resolvable name inside a place phrase; among equals, one in a party's
    country ("la frontière entre le Danemark et l'Allemagne" arrested by German police)."""
    gaz = gazetteer()
    best: Place | None = None
    for text, start, end in _place_phrases(parse, tok, index, within):
        place = gaz.resolve(text, context_countries=context, lang=parse.lang)
        if place is None:
            continue
        place.reason = f"'{text}': {place.reason}"
        if best is None:
            best = place
            continue
        res, best_res = place.resolution or 0, best.resolution or 0
        if res > best_res or (res == best_res and place.country_code in prefer
                              and best.country_code not in prefer):
            if res == best_res:
                place.reason += f"; the party's country {place.country_code} among the places named"
            best = place
    return best


def _demonym_place(parse: Parse, tok: Token, index: MentionIndex, within: tuple[int, int]) -> Place | None:
    """"dans les eaux territoriales iraniennes", "à la frontière mexicaine": a place noun with a
    state's adjective and no name lies in that state (country level)."""
    for m in index.within(*within):
        if parse.tokens[m.first].head != tok.i:
            continue  # the place noun's own adjective, not a party's inside the phrase
        entry = next((e for e in m.entries if e.kind == "country" and e.subkind == "demonym" and e.code), None)
        place = gazetteer().country(entry.code, lang=parse.lang) if entry else None
        if place is not None:
            place.reason = f"'{m.text}', the adjective of '{tok.text}', names its state; {place.reason}"
            return place
    return None


def _names(parse: Parse, noun: Token, name: Token) -> bool:
    """``name`` is ``noun``'s "of"/"de" complement: "the town of Samarra", "la ville de Léré"."""
    words = place_words(parse.lang)
    if name.head == noun.i:  # French: nmod with its own case child
        return any(c.lower in words.of for c in parse.children(name) if c.dep == "case")
    prep = parse.tokens[name.head]
    return prep.lower in words.of and prep.head == noun.i


def _proper_noun_place(parse: Parse, first: int, last: int, *, context: Sequence[str],
                       noun: Token | None = None) -> Place | None:
    """A capitalised name inside a place phrase that is not tagged as a place ("Académie royale
    militaire de Sandhurst"): kept only when it names a town of a country of the article, or
    when it is the place noun's own name ("the town of Samarra", "la ville de Léré")."""
    gaz = gazetteer()
    i = first
    while i <= last:
        tok = parse.tokens[i]
        if tok.pos != "PROPN" or not tok.text[:1].isupper():
            i += 1
            continue
        j = i
        while j + 1 <= last and parse.tokens[j + 1].pos == "PROPN":
            j += 1
        text = parse.span_text(i, j)
        place = gaz.resolve(text, context_countries=context, lang=parse.lang)
        if (place is not None and place.country_code in set(context) and (place.resolution or 0) >= 2):
            place.reason = f"name '{text}' inside the phrase, a place of context country {place.country_code}: {place.reason}"
            return place
        if place is not None and noun is not None and (place.resolution or 0) >= 2 and _names(parse, noun, tok):
            place.reason = (f"'{parse.text[noun.idx:parse.tokens[j].end]}': the {noun.text}'s own name; "
                            f"{place.reason}")
            return place
        i = j + 1
    return None


def _phrase_for(parse: Parse, tok: Token, index: MentionIndex, *, context: Sequence[str],
                prefer: Sequence[str], covered: set[int], tentative: set[int] | None = None) -> Place | None:
    if tok.i in covered:
        return None
    case = _locative_case(parse, tok)
    if case is None:
        return None
    place = _resolve_phrase(parse, tok, case, index, context=context, prefer=prefer)
    if (place is None and tentative is not None and tok.pos == "PROPN" and case in ("à", "in", "at")
            and tok.ent_type in ("", "PER", "MISC") and tok.text[:1].isupper()):
        # "à Khan Cheikhoune dans le nord-ouest de la Syrie": a name the tagger took for a
        # person; kept only if a place it lies in follows (see _enclose).
        last = tok.i
        while last + 1 < len(parse.tokens) and parse.tokens[last + 1].dep in ("flat:name", "flat", "compound") \
                and parse.tokens[last + 1].head in (tok.i, last):
            last += 1
        start, end = tok.idx, parse.tokens[last].end
        text = parse.text[start:end]
        place = Place(extracted_place=text, start=start, end=end, resolution=None,
                      reason=f"locative phrase '{text}' (a name after '{case}', tagged {tok.ent_type or 'no entity'}); not in the gazetteer")
        tentative.add(id(place))
    if place is None and tok.pos in ("NOUN", "PROPN") and tok.lower not in place_words(parse.lang).place_nouns:
        # Not a place noun: the first place named inside the phrase.
        for text, start, end in _place_phrases(parse, tok, index)[:1]:
            head = next(t for t in parse.subtree(tok) if t.idx == start)
            if head.i != tok.i and _locative_case(parse, head) is None:
                area = _area_noun(parse, head, tok)
                place = _resolve_phrase(parse, area or head, case, index, context=context, prefer=prefer)
    if place is not None and place.start is not None:
        covered.update(t.i for t in parse.subtree(tok) if place.start <= t.idx < (place.end or 0))
    return place


def _area_noun(parse: Parse, name: Token, phrase: Token) -> Token | None:
    """The place noun a name completes inside a larger phrase ("un appartement du 3e
    arrondissement de Lyon": "arrondissement"), so that the place is the area the text gives,
    not only the name in it; None when the name modifies no place noun below ``phrase``."""
    head = parse.head(name)
    if head.i in (name.i, phrase.i) or head.pos != "NOUN" or not said_by(head, place_words(parse.lang).place_nouns):
        return None
    return head if name.dep.startswith(("nmod", "compound")) else None


def place_rank(place: Place) -> int:
    """Specificity: the gazetteer's resolution; a name unknown to the gazetteer ranks as a
    district when its country is known from the area named after it, else last."""
    if place.resolution is not None:
        return place.resolution
    return 3 if place.country_code else 0


def _better(place: Place, best: Place | None) -> bool:
    return best is None or place_rank(place) > place_rank(best)


def _enclose(parse: Parse, places: list[Place], tentative: set[int] = frozenset()) -> list[Place]:
    """A name unknown to the gazetteer followed by the larger area it lies in ("Khan Cheikhoune
    dans le nord-ouest de la Syrie", "Goz Beida, au Tchad") takes that area's country."""
    ordered = sorted((p for p in places if p.start is not None and p.end is not None), key=lambda p: p.start)
    for unknown, area in zip(ordered, ordered[1:]):
        if unknown.resolution is not None or unknown.country_code or not area.country_code:
            continue
        if (area.resolution or 0) > 2:
            continue
        gap = parse.text[unknown.end:area.start]
        if len(gap) <= 25 and "\n" not in gap and len(re.findall(r"\w+", gap)) <= 3:
            unknown.country_code = area.country_code
            unknown.reason += (f"; lies in '{area.extracted_place}', named right after it: "
                               f"country {area.country_code}")
    return [p for p in places if id(p) not in tentative or p.country_code]


# ---------------------------------------------------------------------------------------------
# The article's setting and what earlier events said


@dataclass(slots=True)
class ArticleSetting:
    """What the article says about where things happen, shared by its events."""

    dateline: Place | None = None
    opening: Place | None = None
    placed: list[tuple[int, str, Place]] = field(default_factory=list)  # (sentence, event, own place)

    @classmethod
    def of(cls, parse: Parse, index: MentionIndex, *, context: Sequence[str],
           lede: int | None) -> ArticleSetting:
        setting = cls()
        body = [s for s in parse.sentences if lede is None or s.index >= lede]
        if body:
            setting.dateline = _dateline(parse, body[0].index, context=context)
        for sent in body[:OPENING_SENTENCES]:
            setting.opening = sentence_place(parse, sent.index, index, context=context,
                                             why="place named in the opening sentences")
            if setting.opening is not None:
                break
        return setting


def _dateline(parse: Parse, sentence: int, *, context: Sequence[str]) -> Place | None:
    """"BAMAKO (AFP) -", "PARIS, 5 juin -": the place of the report's dateline."""
    sent = parse.sentences[sentence]
    text = parse.text[sent.char_start:sent.char_end]
    found = dateline_name(text)
    if found is None:
        return None
    name = text[found[0]:found[1]]
    place = gazetteer().resolve(name.title(), context_countries=context, lang=parse.lang)
    if place is None:
        return None
    start = sent.char_start + found[0]
    place.start, place.end, place.extracted_place = start, start + len(name), name
    place.reason = f"dateline '{name}'; {place.reason}"
    return place


def _fits(place: Place, parties: _Parties, event: str) -> bool:
    """A place taken from elsewhere in the article must lie in a party's country — for a
    statement, the speaker's (actor's): a statement is made where its author is. Parties with no
    state code (armed groups, crowds, organisations) fit any place."""
    if event in VERBAL:
        return place.country_code in parties.actors
    return not parties.codes or place.country_code in parties.codes


def _copy(place: Place, reason: str) -> Place:
    return Place(extracted_place=place.extracted_place, resolved_place=place.resolved_place,
                 geonameid=place.geonameid, lat=place.lat, lon=place.lon,
                 country_code=place.country_code, feature_code=place.feature_code,
                 resolution=place.resolution, start=place.start, end=place.end,
                 reason=f"{reason}: {place.reason}")


def _party_country(draft: Draft, parties: _Parties, *, main_country: str | None = None
                   ) -> tuple[str, str] | None:
    """(country, why) of a country-level place from the parties, for the kinds of events that
    happen on one party's ground. A protest by a crowd named with no country is where the
    article is (its main country, which the crowd is then coded with too)."""
    event, mode = draft.event, draft.mode
    if event == "CONSULT" and mode == "visit" and parties.recipients:
        return parties.recipients[0], "a visit takes place in the host's (recipient's) country"
    if event in ("ASSAULT", "PROTEST"):
        if parties.recipients:
            return parties.recipients[0], f"{event} takes place where its target is: the recipient's country"
        if parties.actors:
            return parties.actors[0], f"{event} with no state target: the actor's country"
        if event == "PROTEST" and main_country and not parties.codes:
            return main_country, "a protest by a crowd of no named country: the article's main country"
    if event in ("COERCE", "MOBILIZE"):
        if parties.actors:
            return parties.actors[0], f"{event} by a state's forces: the actor's country"
        if parties.recipients:
            return parties.recipients[0], f"{event} with no state actor: the recipient's country"
    return None


# ---------------------------------------------------------------------------------------------
# Entry points


# Words that never head a place phrase (every word of a sentence is tried otherwise: the costliest
# part of finding places)
_NO_PLACE_HEAD = frozenset({"DET", "ADP", "PUNCT", "PRON", "CCONJ", "SCONJ", "AUX", "VERB", "SPACE", "PART", "SYM"})


def _head_in_name(parse: Parse, tok: Token) -> bool:
    """A word inside a place name whose head is a word of the same name: the name's head speaks
    for it. English names end on their head ("in New York", "in Addis Ababa": "York" hangs on
    "in"), so the name's last word, not its first, carries the preposition. (French names begin
    with theirs, "Nioro du Sahel"; there the recogniser's spans often take in the article or the
    preposition, "de France", and the first word stands for the name as before.)"""
    span = _entity_span(parse, tok)
    return span is not None and span[0] <= tok.head <= span[1] and tok.head != tok.i


def _sentence_phrases(parse: Parse, sent: Sentence, index: MentionIndex, *, context: Sequence[str],
                      prefer: Sequence[str]) -> tuple[list[tuple[Token, Place]], list[Place]]:
    """The place phrases of one sentence in text order, each with its head word, and those of
    them ``_enclose`` keeps."""
    covered: set[int] = set()
    tentative: set[int] = set()
    found: list[tuple[Token, Place]] = []
    for tok in parse.sentence_tokens(sent):
        if (tok.ent_type == "LOC" and tok.ent_iob != "B" and (parse.lang != "en" or _head_in_name(parse, tok))) \
                or tok.pos in _NO_PLACE_HEAD:
            continue
        place = _phrase_for(parse, tok, index, context=context, prefer=prefer, covered=covered,
                            tentative=tentative)
        if place is not None:
            found.append((tok, place))
    return found, _enclose(parse, [p for _, p in found], tentative)


def sentence_place(parse: Parse, sentence: int, index: MentionIndex, *, context: Sequence[str],
                   why: str, prefer: Sequence[str] = ()) -> Place | None:
    """The first resolvable place after a locative preposition anywhere in one sentence."""
    _, kept = _sentence_phrases(parse, parse.sentences[sentence], index, context=context, prefer=prefer)
    for place in kept:
        if place_rank(place) > 0:  # resolved, or its country known
            place.reason = f"{why} '{place.extracted_place}'; {place.reason}"
            return place
    return None


def article_places(parse: Parse, index: MentionIndex, *, context: Sequence[str],
                   setting: ArticleSetting | None = None) -> list[FoundPlace]:
    """Every place phrase of the article in text order (each as ``sentence_place`` finds them:
    resolved, or a named phrase whose country is known), and the dateline: the place model's
    options (``place_model.py``)."""
    from communique.resolve.place_model import FoundPlace

    out: list[FoundPlace] = []
    if setting is not None and setting.dateline is not None:
        out.append(FoundPlace(place=setting.dateline, sentence=parse.tokens[0].sent if parse.tokens else 0,
                              head=0, case="-", dateline=True))
    for sent in parse.sentences:
        found, enclosed = _sentence_phrases(parse, sent, index, context=context, prefer=())
        kept = {id(p) for p in enclosed}
        for tok, place in found:
            if id(place) in kept and (place_rank(place) > 0 or place.extracted_place):
                out.append(FoundPlace(place=place, sentence=sent.index, head=tok.i,
                                      case=_locative_case(parse, tok) or "-"))
    return out


def place_for(parse: Parse, draft: Draft, index: MentionIndex, *, context: Sequence[str],
              lede: int | None = None, setting: ArticleSetting | None = None,
              main_country: str | None = None) -> Place | None:
    """The event's place (see the module's docstring for the order of the sources)."""
    parties = _Parties.of(draft)
    prefer = parties.codes
    own = True
    if draft.event == "CONSULT" and draft.mode == "phone":
        # A call joins two places; the places its words name are what was discussed ("spoke
        # by phone about the situation in Mali").
        return None
    best = _trigger_place(parse, draft, index, context=context, prefer=prefer)
    if best is None:
        for s in sorted(draft.sentences):
            if lede is not None and s < lede and len(draft.sentences) > 1:
                continue  # the title's place comes from the lede below
            best = sentence_place(parse, s, index, context=context, prefer=prefer,
                                  why="no locative phrase of the trigger; place named in the same sentence")
            if best is not None:
                break
    if best is None and lede is not None and min(draft.sentences) < lede:
        best = sentence_place(parse, lede, index, context=context, prefer=prefer,
                              why="title event: place of the lede")
        if best is None and setting is not None and setting.opening is not None:
            # The title sums up the opening paragraph: its place is the title event's.
            best = _copy(setting.opening, "title event: place named in the opening sentences")
    if best is None and setting is not None:
        own = False
        best = _inherited(draft, parties, setting)
    if best is None and setting is not None:
        for where, label in ((setting.dateline, "the article's dateline"),
                             (setting.opening, "the article's setting")):
            if where is not None and _fits(where, parties, draft.event):
                best = _copy(where, f"no place in the event's sentences; {label}"
                             + (f", in the party's country {where.country_code}"
                                if where.country_code in parties.codes else ""))
                break
    if best is not None and best.resolution is None and best.country_code is None and setting is not None:
        for where, label in ((setting.dateline, "the article's dateline"),
                             (setting.opening, "the article's setting")):
            if where is not None and where.country_code and _fits(where, parties, draft.event):
                best.country_code = where.country_code
                best.reason += f"; country {where.country_code} from {label} '{where.extracted_place}'"
                break
    if best is None or (best.resolution is None and best.country_code is None):
        found = _party_country(draft, parties, main_country=main_country)
        if found is not None:
            code, why = found
            country = gazetteer().country(code, lang=parse.lang)
            if country is not None:
                if best is None:
                    own = False
                    country.reason = f"no place named for the event; {why}"
                    best = country
                else:  # named but unknown to the gazetteer: keep the words, take the country
                    best.country_code = code
                    best.reason += f"; country {code}: {why}"
    if best is not None and own and setting is not None:
        setting.placed.append((min(draft.sentences), draft.event, best))
    return best


def _inherited(draft: Draft, parties: _Parties, setting: ArticleSetting) -> Place | None:
    """The place of the nearest earlier event of the same kind, if it fits the parties."""
    family = PLACE_FAMILY.get(draft.event, draft.event)
    first = min(draft.sentences)
    for sentence, event, place in reversed(setting.placed):
        if sentence >= first or PLACE_FAMILY.get(event, event) != family:
            continue
        if first - sentence <= NEAR_SENTENCES:
            return _copy(place, f"no place in the event's sentences; place of the {event} told just "
                                f"before (sentence {sentence}), the same action")
        if place.country_code is None or not _fits(place, parties, draft.event):
            continue
        return _copy(place, f"no place in the event's sentences; place of the earlier {event} "
                            f"(sentence {sentence}), same operation, in the party's country {place.country_code}")
    return None


def _trigger_place(parse: Parse, draft: Draft, index: MentionIndex, *, context: Sequence[str],
                   prefer: Sequence[str] = ()) -> Place | None:
    gaz = gazetteer()
    best: Place | None = None
    for cand in draft.candidates:
        covered: set[int] = set()
        # Arguments the trigger's roles name as places ("a visité Nouakchott").
        for arg in cand.place_args:
            if arg.dep in ("obj", "dobj") and (cand.entry.event == "CONSULT" or arg.ent_type == "LOC"):
                for text, start, end in _place_phrases(parse, arg, index)[:1]:
                    place = gaz.resolve(text, context_countries=context, lang=parse.lang)
                    if place is not None:
                        place.start, place.end, place.extracted_place = start, end, text
                        place.reason = f"object '{text}' of '{cand.trigger.text}'; {place.reason}"
                        if _better(place, best):
                            best = place
        blocked: set[int] = set()
        for role in ("actor", "recipient"):
            for arg in cand.arg_tokens.get(role, []):
                blocked |= {t.i for t in parse.subtree(arg)}
        root = cand.anchor if cand.anchor.pos in ("VERB", "AUX") else cand.trigger
        inside_party: Place | None = None
        free: list[Place] = []
        held: list[Place] = []
        tentative: set[int] = set()
        for tok in parse.subtree(root):
            if tok.sent != cand.sentence:
                continue
            place = _phrase_for(parse, tok, index, context=context, prefer=prefer, covered=covered,
                                tentative=tentative)
            if place is None:
                continue
            if tok.i in blocked:
                place.reason = place.reason.replace("locative phrase", "locative phrase inside a party's words", 1)
                held.append(place)
            else:
                place.reason = place.reason.replace("locative phrase", f"locative phrase of '{cand.trigger.text}':", 1)
                free.append(place)
        kept = {id(p) for p in _enclose(parse, free + held, tentative)}
        free = [p for p in free if id(p) in kept]
        held = [p for p in held if id(p) in kept]
        for place in free:
            if _better(place, best):
                best = place
        for place in held:
            if _better(place, inside_party):
                inside_party = place
        if best is None and inside_party is not None:
            best = inside_party  # "un avion américain au-dessus de la mer de Chine"
        if best is not None and (best.resolution or 0) >= 4:
            break
    return best
