"""References within an article: the party a phrase that names none stands for.

``communique.mentions.actors`` resolves a phrase from the parties it names. When it names none,
or only a head that needs a state, the phrase may refer back to a party of the article; the
rules for that are here:

- "les deux pays", "the two sides": the two countries named first; "les trois pays", "the three
  Member States": the three countries named last (``pair_reference``);
- a pronoun or a demonstrative (``referred_party``): "cette dernière", "celui-ci", "the latter"
  → the last party named before of its gender and number (``_last_named``); "…s'est rendue à
  Nouakchott, où elle a…", "la France, qui a signé" → the subject of the governing clause or the
  noun the relative clause modifies (``_same_sentence_antecedent``); a quoted "nous" / "we" →
  the party of the speaker the quotation is attributed to (``_quote_speaker``); a personal
  pronoun opening its sentence → the subject of the sentence before (``_previous_subject``);
  else the last event's actor (``ArticleMemory.last_subject``);
- a bare head (``counterpart``, ``state_of_head``): "son homologue" → the other party, left to
  the event stage; "ce pays", "son pays" → the state named last; "la délégation" → the phrase
  that had that head before; a bare state body ("l'armée") → the state named last, apart from
  the states of its own clause's subject when it is an object, and apart from the states its
  clause's object names as its own when it is the subject ("Le Premier ministre a reçu
  l'ambassadeur des Émirats": then the article's main country); but with no state named before
  it in its own sentence, the state of the main-clause subject of one of the two sentences before
  ("Le Togo rappelle son ambassadeur au Ghana. … Le gouvernement a décidé…": Togo's).

The words these rules read (pronouns, "dernière", "deux pays", "homologue"…) are in
``data/<lang>/mention_words.tsv`` (``communique.mentions.mention_words``).

This module imports ``actors`` (its types and ``resolve_one``, which resolves an antecedent);
``actors`` imports this module only inside ``resolve_one``, so there is no import cycle.
"""

from __future__ import annotations

from collections.abc import Callable

from communique.lexicon.actors import ActorEntry
from communique.lexicon.tables import number_words
from communique.mentions.actors import (EARLIER_SUBJECT, LAST_STATE_NAMED, MAIN_COUNTRY, NON_STATE_CODES,
                                        STATE_NAMED_LAST, ArticleMemory, Mention, MentionIndex, Resolution,
                                        place_phrase, resolve_one)
from communique.mentions.mention_words import GenderNumber, any_language, mention_words
from communique.model import Entity
from communique.parse import Parse, Token

_QUOTES_OPEN = {"«", "“", '"', "‘"}
_QUOTES_CLOSE = {"»", "”", '"', "’"}
_CLAUSE_LINKS = ("advcl", "xcomp", "conj")


def pair_reference(tokens: list[Token], text: str, start: int, end: int, memory: ArticleMemory,
                   *, lang: str, named_here: Callable[[], list[str]] = list) -> list[Resolution]:
    """"les deux pays" / "the two sides": the two countries met so far (none when fewer);
    "les trois pays", "the three Member States": the three (four…) states named last before the
    phrase — in its own sentence when that names as many before it (``named_here()``: "… of
    Burkina Faso, Mali and Niger and urges the three Member States"), else before the sentence
    (whose subject, "Senegal urged the three countries", is no antecedent) — none when fewer."""
    lowered = [t.lower for t in tokens]
    for words in mention_words(lang).pair_reference:
        if all(w in lowered for w in words) and len(memory.countries) >= 2:
            return [Resolution(Entity(code=c, sector="GOV", entity_text=text, start=start, end=end,
                                      name=None, reason=f"'{text}' refers to the two countries "
                                      f"named before ({', '.join(memory.countries[:2])})"),
                               tokens[0].i, tokens[-1].i) for c in memory.countries[:2]]
    count = next((n for w in lowered if (n := number_words(lang).get(w, 0)) >= 3), 0)
    if not count or not any(words[-1] in lowered for words in mention_words(lang).pair_reference):
        return []
    here = named_here()
    before = here if len(here) >= count else memory.before_sentence
    if len(before) >= count:
        group = before[-count:]  # the states named last before the phrase
        return [Resolution(Entity(code=c, sector="GOV", entity_text=text, start=start, end=end,
                                  name=None, reason=f"'{text}' refers to the {count} countries "
                                  f"named last ({', '.join(group)})"),
                           tokens[0].i, tokens[-1].i) for c in group]
    return []


def referred_party(parse: Parse, arg: Token, index: MentionIndex, memory: ArticleMemory,
                   *, lang: str) -> list[Resolution]:
    """The parties a phrase with no mention stands for when it is a demonstrative ("cette
    dernière") or a pronoun; none when it is neither or refers to nothing known."""
    latter = _demonstrative(parse, arg)
    if latter is not None:
        found = _last_named(parse, arg, index, memory, latter, lang=lang)
        if found:
            return found
    if arg.pos in ("NOUN", "PROPN") and (arg.text[:1].islower() and arg.lower in any_language().body_head
                                         or arg.text[:1].isupper() and arg.lower in any_language().body_title):
        return _last_body(parse, arg, index, memory, lang=lang)
    if arg.pos != "PRON":
        return []
    words = mention_words(lang)
    if arg.lower in words.pronoun:
        same = _same_sentence_antecedent(parse, arg, index, memory, lang=lang)
        if same:
            return same
    if arg.lower in words.first_person:
        speaker = _quote_speaker(parse, arg, index, memory, lang=lang)
        if speaker:
            return speaker
    if arg.lower in words.pronoun and arg.lower not in any_language().relative:
        earlier = _previous_subject(parse, arg, index, memory, lang=lang)
        if earlier:
            return earlier
    if arg.lower in words.pronoun and memory.last_subject:
        return [_stands_for(arg, e, f"pronoun '{arg.text}' → {e.entity_text!r}") for e in memory.last_subject]
    return []


def counterpart(head: ActorEntry, sector: str | None, text: str, start: int, end: int,
                first: int, last: int) -> Resolution | None:
    """"son homologue": the other party, with no state; the event stage picks the state that is
    not the actor. None when the head is not a counterpart."""
    if head.form.lower() not in any_language().counterpart_head:
        return None
    return Resolution(Entity(code=None, sector=sector or "GOV", entity_text=text, start=start, end=end,
                             name=text, reason=f"counterpart '{head.form}'"), first, last)


def state_of_head(parse: Parse, arg: Token, first: Token, head: ActorEntry, sector: str, text: str,
                  index: MentionIndex, memory: ArticleMemory) -> tuple[str | None, str, str]:
    """The state a phrase whose head names none refers to, with the reason, and the phrase's
    sector (the earlier phrase's, for "la délégation" after "la délégation militaire…"); no
    state (None, "") when nothing before gives one. ``first`` is the phrase's first token."""
    last_state = _state_before(parse, index, first, memory)
    if head.form.lower() in any_language().country_head and last_state and any(
            t.lower in any_language().neighbour_word for t in parse.subtree(arg)):
        # "le pays voisin", "the neighbouring country": another state than the clause's subject's
        last_state = _not_the_subjects(parse, arg, first, index, memory, last_state)
    if head.form.lower() in any_language().country_head and last_state:
        return last_state, f"'{text}' {LAST_STATE_NAMED} ({last_state})", sector
    if not head.needs_country:
        return None, "", sector
    code: str | None = None
    reason = ""
    earlier = memory.by_head.get(head.form.lower())
    if earlier is not None:
        code, reason = earlier.code, f"'{head.form}' refers back to {earlier.entity_text!r}"
        if sector == "GOV" and earlier.sector:
            sector = earlier.sector
    if code is None and last_state:
        # "Turquie : les autorités saisissent…", "Au Mali, l'armée a…": a bare state body belongs
        # to the state named last before it. As an object it is not the subject's own state:
        # "le président américain … en dénonçant le régime" denounces another state's regime.
        last_state = _not_the_subjects(parse, arg, first, index, memory, last_state)
    if (code is None and last_state and arg.dep in ("nsubj", "obj", "dobj")
            and not _state_codes(index.within(parse.sentences[first.sent].start, first.i - 1))):
        # "Le Burkina rappelle son ambassadeur en Côte d'Ivoire. … Le gouvernement a décidé…": a
        # bare body opening a clause continues the subject of the sentences before, not the
        # state they named last in a place or an object
        earlier = _earlier_subject_state(parse, index, first)
        if earlier is not None and earlier != last_state and earlier not in _subject_states(parse, arg, index):
            return earlier, f"bare '{head.form}': {EARLIER_SUBJECT} ({earlier})", sector
    if code is None and last_state and arg.dep == "nsubj":
        # "Le Premier ministre a reçu l'ambassadeur des Émirats": a bare office that acts on a
        # party of another state is not of that state; the article's own, else the state before
        others = _object_states(parse, arg, index)
        if last_state in others:
            if memory.main_country and memory.main_country not in others:
                return memory.main_country, (f"bare '{head.form}': not the object's state ({last_state}); "
                                             f"{MAIN_COUNTRY} ({memory.main_country})"), sector
            last_state = _state_before(parse, index, first, memory, skip=others)
    if code is None and last_state:
        code, reason = last_state, f"bare '{head.form}': {STATE_NAMED_LAST} ({last_state})"
    if code is None and memory.main_country and arg.feat("Number") != "Plur":
        # "La ministre de la santé a demandé…" with no state named before: the article's own
        # (one office; "des pays arabes", "West African leaders" may be any states)
        code, reason = memory.main_country, f"bare '{head.form}': {MAIN_COUNTRY} ({memory.main_country})"
    return code, reason, sector


def _state_codes(mentions: list[Mention]) -> list[str]:
    """The states (and state bodies) these mentions name, in order; international bodies,
    NGOs and the like are none."""
    return [e.code for m in mentions for e in m.entries
            if e.kind in ("country", "org") and e.code and e.code not in NON_STATE_CODES]


def _earlier_subject_state(parse: Parse, index: MentionIndex, tok: Token, *, back: int = 2) -> str | None:
    """The state the subject of the main clause of one of the ``back`` sentences before names
    (the nearest such sentence; None when their subjects name none)."""
    for s in range(tok.sent - 1, max(-1, tok.sent - 1 - back), -1):
        sent = parse.sentences[s]
        root = next((t for t in parse.tokens[sent.start:sent.end] if t.head == t.i), None)
        subj = next((c for c in parse.children(root) if c.dep == "nsubj"), None) if root is not None else None
        if subj is None:
            continue
        codes = _state_codes(index.in_tokens({t.i for t in parse.subtree(subj)}))
        if codes:
            return codes[0]
    return None


def _not_the_subjects(parse: Parse, arg: Token, first: Token, index: MentionIndex, memory: ArticleMemory,
                      last_state: str) -> str | None:
    """``last_state``, unless it is a state of the clause's subject: then the state named before it."""
    own = _subject_states(parse, arg, index)
    return _state_before(parse, index, first, memory, skip=own) if last_state in own else last_state


def _state_before(parse: Parse, index: MentionIndex, tok: Token, memory: ArticleMemory,
                  skip: frozenset[str] = frozenset()) -> str | None:
    """The state named last before a token: earlier in its sentence, else in earlier sentences
    (states in ``skip`` excepted)."""
    sent = parse.sentences[tok.sent]
    for m in reversed(index.within(sent.start, tok.i - 1)):
        entry = next((e for e in m.entries if e.kind in ("country", "org") and e.code
                      and e.code not in NON_STATE_CODES and e.code not in skip), None)
        if entry is not None:
            return entry.code
    earlier = [c for c in memory.before_sentence if c not in skip]
    return earlier[-1] if earlier else None


def _named_states(index: MentionIndex, ids: set[int]) -> frozenset[str]:
    """The codes of the states and bodies the mentions at these tokens name."""
    return frozenset(e.code for m in index.in_tokens(ids) for e in m.entries if e.kind in ("country", "org") and e.code)


def _object_states(parse: Parse, subj: Token, index: MentionIndex) -> frozenset[str]:
    """States the object (direct or indirect) of the verb a subject belongs to names as its own
    ("l'ambassadeur des Émirats"), not where it is ("le commandant de la FINUL au Liban", "the
    withdrawal from the Bosnian town")."""
    verb = parse.head(subj)
    if verb.i == subj.i or verb.pos not in ("VERB", "AUX"):
        return frozenset()
    ids: set[int] = set()
    stack = [c for c in parse.children(verb) if c.dep in ("obj", "dobj", "iobj", "dative")]
    while stack:
        tok = stack.pop()
        if place_phrase(parse, tok):
            continue
        ids.add(tok.i)
        stack.extend(parse.children(tok))
    return _named_states(index, ids)


def _subject_states(parse: Parse, arg: Token, index: MentionIndex) -> frozenset[str]:
    """States named in the subject of the clause an object or oblique belongs to ("Obama …
    en dénonçant le régime": the subject of the gerund's governing verb)."""
    if arg.dep.startswith("nsubj") or arg.dep in ("expl:subj", "appos", "conj"):
        return frozenset()
    verb = parse.head(arg)
    for _ in range(3):
        if verb.pos not in ("VERB", "AUX"):
            return frozenset()
        subj = next((c for c in parse.children(verb) if c.dep.startswith("nsubj") and c.i != arg.i), None)
        if subj is not None:
            ids = {t.i for t in parse.subtree(subj)}
            return _named_states(index, ids)
        if verb.dep not in _CLAUSE_LINKS or parse.head(verb).i == verb.i:
            return frozenset()
        verb = parse.head(verb)
    return frozenset()


def _same_sentence_antecedent(parse: Parse, pron: Token, index: MentionIndex, memory: ArticleMemory,
                              *, lang: str) -> list[Resolution]:
    """"…s'est rendue à Nouakchott, où elle a effectué…": the subject of the governing clause."""
    verb = parse.head(pron)
    if verb.dep not in ("advcl", "conj", "acl:relcl", "relcl", "ccomp", "parataxis", "acl"):
        return []
    governor = parse.head(verb)
    if verb.dep in ("acl:relcl", "relcl", "acl") and (pron.feat("PronType") == "Rel"
                                                      or pron.lower in any_language().antecedent_relative):
        # "La France, qui a signé…": the relative pronoun stands for the noun the clause modifies.
        found = resolve_one(parse, governor, index, memory, lang=lang)
        return [Resolution(Entity(code=r.entity.code, sector=r.entity.sector, entity_text=r.entity.entity_text,
                                  start=r.entity.start, end=r.entity.end, name=r.entity.name,
                                  other_sectors=list(r.entity.other_sectors),
                                  reason=f"relative '{pron.text}' → {r.entity.reason}"), r.first, r.last)
                for r in found]
    for child in parse.children(governor):
        if child.dep in ("nsubj", "nsubj:pass", "nsubjpass") and child.i != pron.i and child.pos != "PRON":
            found = resolve_one(parse, child, index, memory, lang=lang)
            return [_stands_for(pron, r.entity,
                                f"pronoun '{pron.text}' → {r.entity.entity_text!r}; {r.entity.reason}")
                    for r in found]
    return []


def _demonstrative(parse: Parse, arg: Token) -> GenderNumber | None:
    """Gender and number of "cette dernière", "celui-ci", "the latter" (None when not one)."""
    latter = any_language().latter.get(arg.lower)
    if latter is None:
        return None
    dets = {c.lower for c in parse.children(arg) if c.dep in ("det", "det:dem")}
    if latter.with_determiner and not dets & latter.with_determiner:
        return None
    if latter.followed_by:
        nxt = parse.tokens[arg.i + 1: arg.i + 3]
        if not any(t.lower in latter.followed_by for t in nxt):
            return None
    return latter.gender, latter.number


def _gender_number(parse: Parse, tok: Token) -> GenderNumber:
    gender, number = tok.feat("Gender"), tok.feat("Number")
    determiners = any_language().determiner
    for c in parse.children(tok):
        if c.dep.startswith("det"):
            det_gender, det_number = determiners.get(c.lower, (None, None))
            gender = gender or det_gender
            number = number or det_number
    return gender, number


def _stands_for(word: Token, party: Entity, reason: str) -> Resolution:
    """``party`` as a word that refers to it names it ("il", "cette dernière", a quoted "nous"):
    the party's code, sector and name at the word's own offsets, with the reason."""
    return Resolution(Entity(code=party.code, sector=party.sector, entity_text=word.text, start=word.idx,
                             end=word.end, name=party.name, other_sectors=list(party.other_sectors),
                             reason=reason), word.i, word.i)


# Codes of international bodies a bare "the bloc" may stand for
BODY_CODES = frozenset({"IGO", "EUR", "UNO"})


def _last_body(parse: Parse, arg: Token, index: MentionIndex, memory: ArticleMemory, *, lang: str) -> list[Resolution]:
    """"The EU … the bloc urged", "la CEDEAO … l'organisation a exigé": a bare head naming an
    international body stands for the last one named before, in its sentence or the three before.
    A capitalised one ("The Authority takes note…" in an ECOWAS communiqué) is how the body's own
    text names it: the last body named anywhere before."""
    if not any(c.dep == "det" and c.lower in any_language().body_determiner for c in parse.children(arg)):
        return []  # "a regional bloc", "une organisation": not one named before
    first = parse.sentences[max(arg.sent - 3, 0)].start if arg.text[:1].islower() else 0
    for m in reversed(index.within(first, arg.i - 1)):
        if id(m) in index.in_dateline or not any(e.kind == "org" and e.code in BODY_CODES for e in m.entries):
            continue
        found = resolve_one(parse, parse.tokens[m.last], index, memory, lang=lang)
        body = next((r.entity for r in found if r.entity.code in BODY_CODES), None)
        if body is not None:
            return [_stands_for(arg, body, f"'{arg.text}' → the international body named last, "
                                           f"{body.entity_text!r}; {body.reason}")]
    return []


def _last_named(parse: Parse, arg: Token, index: MentionIndex, memory: ArticleMemory,
                want: GenderNumber, *, lang: str) -> list[Resolution]:
    """"La Russie … Cette dernière a refusé": the last party named before, of the pronoun's
    gender and number, in its sentence or the one before."""
    sent = parse.sentences[arg.sent]
    first = parse.sentences[arg.sent - 1].start if arg.sent > 0 else sent.start
    for m in reversed(index.within(first, arg.i - 1)):
        if not any(e.kind in ("country", "org", "head") for e in m.entries):
            continue
        noun = parse.tokens[m.last]
        if noun.pos == "ADJ" and noun.dep == "amod":
            noun = parse.head(noun)
        if noun.pos not in ("NOUN", "PROPN"):
            continue
        gender, number = _gender_number(parse, noun)
        if (want[0] and gender and gender != want[0]) or (want[1] and number and number != want[1]):
            continue
        found = resolve_one(parse, noun, index, memory, lang=lang)
        if found:
            return [_stands_for(arg, r.entity, f"'{arg.text}' → the last party named before, "
                                               f"{r.entity.entity_text!r}; {r.entity.reason}") for r in found]
    return []


# First person inside a quotation: the speaker's party ("« Nous exigeons… », a déclaré le
# ministre", "« J'ai informé nos partenaires… », a-t-il ajouté", ""We call on…," he told
# reporters"). A speaker speaks for the party he represents (guidelines §6: the acting entity).


def _quote_span(parse: Parse, tok: Token) -> tuple[int, int] | None:
    """The token range of the quotation around a token in its sentence (quote marks excluded)."""
    sent = parse.sentences[tok.sent]
    opening = None
    for i in range(tok.i - 1, sent.start - 1, -1):
        text = parse.tokens[i].text
        if text in _QUOTES_OPEN and (text != '"' or opening is None):
            opening = i
            break
        if text in _QUOTES_CLOSE - {'"'}:
            return None
    if opening is None:
        # « … opened in an earlier sentence: the token is inside it when a closing guillemet
        # follows in this sentence with no opening one before it ("… Nous soutenons la fin de
        # cette mission » a déclaré X")
        for i in range(tok.i + 1, sent.end):
            text = parse.tokens[i].text
            if text in ("«", "“"):
                return None
            if text in ("»", "”"):  # (not ’, which is also the elision mark)
                return sent.start, i - 1
        return None
    for i in range(tok.i + 1, sent.end):
        if parse.tokens[i].text in _QUOTES_CLOSE:
            return opening + 1, i - 1
    return opening + 1, sent.end - 1  # a quotation running on past the sentence


def _speaker_slot(parse: Parse, tok: Token, quote: set[int]) -> bool:
    """A token that may name who speaks: a subject, the clitic of "a-t-il déclaré", or the
    subject put after a speech verb that follows the quotation ("», a déclaré le ministre"),
    which the parser reads as the verb's object."""
    if tok.dep.startswith("nsubj") or tok.dep == "expl:subj":
        return True
    head = parse.head(tok)
    return (tok.dep in ("obj", "dobj") and tok.i > head.i and head.dep == "parataxis"
            and parse.head(head).i in quote and tok.pos in ("NOUN", "PROPN"))


def _quote_speaker(parse: Parse, pron: Token, index: MentionIndex, memory: ArticleMemory,
                   *, lang: str) -> list[Resolution]:
    """The party of the speaker a quotation with "nous" / "we" is attributed to: the subject of a
    verb outside the quotation in its sentence, else in the next sentence."""
    span = _quote_span(parse, pron)
    if span is None:
        return []
    first_person, relative = mention_words(lang).first_person, any_language().relative
    sent = parse.sentences[pron.sent]
    inside = set(range(span[0] - 1, span[1] + 2))
    places = [(sent, inside)]
    if pron.sent + 1 < len(parse.sentences):
        places.append((parse.sentences[pron.sent + 1], set()))
    for where, skip in places:
        for tok in parse.tokens[where.start:where.end]:
            if tok.i in skip or parse.head(tok).i in skip or not _speaker_slot(parse, tok, skip):
                continue
            if tok.lower in first_person or tok.lower in relative:
                continue
            found = resolve_one(parse, tok, index, memory, lang=lang)
            if found:
                return [_stands_for(pron, r.entity, f"'{pron.text}' in a quotation of {tok.text!r}: "
                                                    f"{r.entity.reason}") for r in found]
        if where is sent and any(parse.tokens[i].dep.startswith("nsubj") and parse.head(parse.tokens[i]).i
                                 not in skip for i in range(sent.start, sent.end) if i not in skip):
            break  # the sentence names a speaker, of no known party: do not look further
    return []


def _previous_subject(parse: Parse, pron: Token, index: MentionIndex, memory: ArticleMemory,
                      *, lang: str) -> list[Resolution]:
    """"Le ministre X a déclaré… Il réclame…": a sentence-initial personal pronoun stands for the
    subject of the sentence before, when that subject is a party of the pronoun's gender and
    number named after the last event's actor."""
    want = any_language().personal.get(pron.lower)
    if want is None or pron.sent == 0 or not pron.dep.startswith("nsubj"):
        return []
    sent = parse.sentences[pron.sent]
    quoted = False
    for t in parse.tokens[sent.start:pron.i]:
        if t.text in _QUOTES_OPEN | _QUOTES_CLOSE:
            quoted = t.text in _QUOTES_OPEN if t.text != '"' else not quoted
        elif not quoted and t.pos in ("NOUN", "PROPN", "PRON"):
            return []  # a party may be named before it in its sentence: the same-sentence rules decide
    prev = parse.sentences[pron.sent - 1]
    root = next((t for t in parse.tokens[prev.start:prev.end] if t.head == t.i), None)
    if root is None:
        return []
    subj = next((c for c in parse.children(root) if c.dep in ("nsubj",) and c.pos in ("NOUN", "PROPN")), None)
    if subj is None:
        return []
    if memory.last_subject and max(e.start for e in memory.last_subject) >= subj.idx:
        return []  # the last event's actor is that subject or came later
    gender, number = _gender_number(parse, subj)
    if (want[0] and gender and gender != want[0]) or (want[1] and number and number != want[1]):
        return []
    found = resolve_one(parse, subj, index, memory, lang=lang)
    return [_stands_for(pron, r.entity, f"pronoun '{pron.text}' → the subject of the sentence before, "
                                        f"{r.entity.entity_text!r}; {r.entity.reason}")
            for r in found if r.entity.code]
