"""Actor mentions in a parsed article, and the entity an argument phrase denotes.

A *mention* is a lexicon match mapped onto tokens: a country form, a named institution, a
generic head (armée, ministère) or a title. An argument phrase (the subject of a verb, say) is
resolved to an ``Entity`` from the mentions inside its dependency subtree: the sector comes from
the most specific state body in it, the country from its modifiers (demonyms, "de la
Mauritanie"), as in "la délégation de l'État-major général des Forces armées royales
marocaines" → MAR, MIL.

A phrase that names no party, or only a head that needs a state, may refer back to one named
earlier in the article ("il", "cette dernière", a quoted "nous", "les deux pays", "son
homologue", "ce pays", a bare "l'armée"): those rules are in ``communique.mentions.references``,
which ``resolve_one`` calls. The words both modules read (reference words, the glue of a list of
subjects) are in ``data/<lang>/mention_words.tsv`` (``communique.mentions.mention_words``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from communique.lexicon.actors import ActorEntry, ActorLexicon
from communique.lexicon.matcher import words
from communique.mentions.mention_words import any_language
from communique.model import Entity
from communique.parse import Parse, Token

# Prepositions that make a country a place or a destination rather than the owner of a body.
LOCATIVE_CASES = {"à", "au", "aux", "en", "dans", "in", "at", "to", "into", "vers", "sur", "chez", "from"}
# Sectors more specific than the generic government one (they win over a GOV head above them).
SPECIFIC_SECTORS = {"MIL", "SPY", "COP", "REB", "CVL", "JUD", "LEG", "BUS", "IGO", "NGO", "UNO", "JRN", "PTY", "LAB",
                    "MED", "EDU", "AGR"}
NON_STATE_CODES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


@dataclass(slots=True)
class Mention:
    first: int  # token indices, inclusive
    last: int
    start: int  # character offsets
    end: int
    text: str
    entries: tuple[ActorEntry, ...]
    codes: tuple[str, ...] = ()  # hyphenated compounds (maroco-mauritanien) give two

    def has(self, kind: str) -> ActorEntry | None:
        return next((e for e in self.entries if e.kind == kind), None)

    def party_codes(self) -> list[str]:
        """The codes of the countries and organisations it names (its entries', then its
        compound's), in the order ``ArticleMemory.seen`` is told them."""
        return [e.code for e in self.entries if e.kind in ("country", "org") and e.code] + list(self.codes)


# A dateline: an all-capitals place opening a paragraph, then a comma, a parenthesis or a dash
# ("BAMAKO (AFP) -", "PARIS, 5 juin -", "NOUAKCHOTT, 12 mars (Agence) –").
DATELINE = re.compile(r"^\W*([A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{2,40}?)\s*(?:,|\(|–|—|-)")


def dateline_name(text: str) -> tuple[int, int] | None:
    """Character span of the dateline's place at the start of ``text``, if it opens with one."""
    m = DATELINE.match(text)
    if m is None or not m.group(1).strip(" .").isupper():
        return None
    name = m.group(1).strip(" .")
    start = m.start(1) + m.group(1).index(name)
    return start, start + len(name)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The dateline places of a text's paragraphs (character spans)."""
    out = []
    for at in [0] + [m.end() for m in re.finditer(r"\n+", text)]:
        found = dateline_name(text[at:at + 80])
        if found is not None:
            out.append((at + found[0], at + found[1]))
    return out


@dataclass(slots=True)
class Resolution:
    """An entity and the tokens it covers (for people's sides and explanations)."""

    entity: Entity
    first: int
    last: int


@dataclass(slots=True)
class ArticleMemory:
    """Entities seen so far in the article, for "la délégation", "les deux pays", "il"."""

    by_head: dict[str, Entity] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)  # in order of first mention
    recent: list[str] = field(default_factory=list)  # most recently mentioned last
    last_subject: list[Entity] = field(default_factory=list)
    # Named people whose state the article gives somewhere ("le président burundais Pierre
    # Nkurunziza"): full name and surname -> (country, sector, how it was found).
    people: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    before_sentence: list[str] = field(default_factory=list)  # `recent` as it was before this sentence
    main_country: str | None = None  # the state the article is about (its most mentioned party)

    def know_person(self, name: str, *, country: str, sector: str | None, why: str) -> None:
        entry = (country, sector or "GOV", why)
        self.people.setdefault(name.lower(), entry)
        parts = name.split()
        if len(parts) > 1:
            self.people.setdefault(parts[-1].lower(), entry)

    def seen(self, code: str) -> None:
        if code in NON_STATE_CODES:
            return
        if code not in self.countries:
            self.countries.append(code)
        if code in self.recent:
            self.recent.remove(code)
        self.recent.append(code)

    def see_parties(self, mentions: list[Mention]) -> None:
        """Each state these mentions name, in order (``Mention.party_codes``), told to ``seen``."""
        for m in mentions:
            for code in m.party_codes():
                self.seen(code)

    def note(self, entity: Entity, head: str | None) -> None:
        if head and entity.code:
            self.by_head[head] = entity
        if entity.code and entity.code not in NON_STATE_CODES and entity.code not in self.countries:
            self.countries.append(entity.code)


# A city naming a text is not a party: "le statut de Rome", "les accords de Minsk", "the Rome
# Statute", "the Oslo Accords".
_TEXT_BEFORE = re.compile(r"\b(?:statut|trait[ée]s?|accords?|conventions?|protocoles?|pacte|charte|"
                          r"treaty|treaties|statute|protocol|accords?|agreements?|convention|charter)"
                          r"(?:\s+\w+)?\s+(?:de\s+|d['’]\s*|of\s+(?:the\s+)?)$", re.IGNORECASE)
_TEXT_AFTER = re.compile(r"^\s*(?:statute|treaty|treaties|protocol|accords?|agreements?|convention|charter|"
                         r"process|format)\b", re.IGNORECASE)
# An origin is not a party: "un homme d'origine chinoise", "a man of Chinese descent".
_ORIGIN_BEFORE = re.compile(r"\b(?:d['’]\s*origine|d['’]\s*ascendance)\s+$", re.IGNORECASE)
_ORIGIN_AFTER = re.compile(r"^[\s-]*(?:origin|descent|ancestry|extraction)\b", re.IGNORECASE)


# A people's name inside a place's or a body's proper name: "la Promenade des Anglais", "la rue des
# Italiens", "the Bay of the English" (a capitalised word, then "des"/"of the").
_NAME_BEFORE = re.compile(r"(?<![.!?«]\s)\b(?!(?:Selon|Pour|Avec|Contre|Chez|Parmi|Des|Les|Of|For|With|Among)\b)"
                          r"[A-ZÀ-Ý][\w'’-]+\s+(?:des|of\s+the)\s+$")


def _not_a_party(text: str, start: int, end: int, entries: tuple[ActorEntry, ...]) -> tuple[ActorEntry, ...]:
    """Drop country entries of a match that names a text (a city), an origin (a demonym) or is part
    of a proper name (a demonym)."""
    before, after = text[max(0, start - 60):start], text[end:end + 30]
    if (_ORIGIN_BEFORE.search(before) or _ORIGIN_AFTER.search(after)
            or (text[start:start + 1].isupper() and _NAME_BEFORE.search(before))):
        entries = tuple(e for e in entries if not (e.kind == "country" and e.subkind == "demonym"))
    if _TEXT_BEFORE.search(before) or _TEXT_AFTER.search(after):
        entries = tuple(e for e in entries if not (e.kind == "country" and e.subkind not in ("name", "demonym")))
    return entries


def find_mentions(parse: Parse, lexicon: ActorLexicon, *, on: str | None = None) -> list[Mention]:
    """Every lexicon mention in the article, mapped onto tokens.

    ``on`` (the publication date) drops entries of the user's actor file that do not hold then.
    """
    starts = [t.idx for t in parse.tokens]
    out: list[Mention] = []
    for match in lexicon.matcher.find(parse.text):
        entries = tuple(e for e in match.entries if e.valid_on(on))
        entries = _not_a_party(parse.text, match.start, match.end, entries)
        if not entries:
            continue
        first = max(0, bisect.bisect_right(starts, match.start) - 1)
        last = max(first, bisect.bisect_right(starts, match.end - 1) - 1)
        out.append(Mention(first=first, last=last, start=match.start, end=match.end,
                           text=match.text, entries=entries))
    out.extend(_compounds(parse, lexicon, starts))
    out.sort(key=lambda m: m.start)
    return _peoples_of_a_state(parse, out)


def _demonym(m: Mention) -> ActorEntry | None:
    return next((e for e in m.entries if e.kind == "country" and e.subkind == "demonym" and e.code), None)


def _peoples_of_a_state(parse: Parse, mentions: list[Mention]) -> list[Mention]:
    """"Bosnian Serbs", "Afghan Uzbeks": a people named by a plural demonym after a state's
    adjective lives in that state; one mention, coded by the adjective."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        a, b = (_demonym(prev), _demonym(m)) if prev is not None else (None, None)
        tok = parse.tokens[m.last]
        if (a is not None and b is not None and a.code != b.code and prev.last + 1 == m.first
                and parse.tokens[prev.last].dep in ("amod", "compound") and parse.tokens[prev.last].head == tok.i
                and tok.pos in ("NOUN", "PROPN") and tok.text.endswith("s")):
            text = parse.text[prev.start:m.end]
            entry = ActorEntry(kind="country", form=text, code=a.code, sector=a.sector, subkind="demonym",
                               name=text, source=f"{a.source}; '{b.form}' living in the state of '{a.form}'")
            out[-1] = Mention(first=prev.first, last=m.last, start=prev.start, end=m.end, text=text,
                              entries=(entry,))
            continue
        out.append(m)
    return out


def _compounds(parse: Parse, lexicon: ActorLexicon, starts: list[int]) -> list[Mention]:
    """French hyphenated compounds: maroco-mauritanien, franco-britannique → both countries."""
    if not lexicon.prefixes:
        return []
    out = []
    pieces = words(parse.text)
    for i in range(len(pieces) - 2):
        w1, s1, _ = pieces[i]
        if w1.lower() not in lexicon.prefixes or pieces[i + 1][0] != "-":
            continue
        w2, _, e2 = pieces[i + 2]
        second = [e for m in lexicon.matcher.find(w2) for e in m.entries
                  if e.kind == "country" and e.subkind == "demonym"]
        code2 = second[0].code if second else lexicon.prefixes.get(w2.lower())
        if not code2:
            continue
        code1 = lexicon.prefixes[w1.lower()]
        first = max(0, bisect.bisect_right(starts, s1) - 1)
        last = max(first, bisect.bisect_right(starts, e2 - 1) - 1)
        entry = ActorEntry(kind="country", form=parse.text[s1:e2], code=code1, sector="GOV",
                           subkind="compound", name=parse.text[s1:e2], source="compound prefix")
        out.append(Mention(first=first, last=last, start=s1, end=e2, text=parse.text[s1:e2],
                           entries=(entry,), codes=(code1, code2)))
    return out


_NAME_DEPS = frozenset({"flat", "flat:name", "compound", "appos"})


class MentionIndex:
    """Mentions of one article with lookups by token."""

    def __init__(self, parse: Parse, mentions: list[Mention]) -> None:
        self.parse = parse
        self.mentions = mentions
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.first, m.last + 1):
                self.by_token.setdefault(i, m)
        # "ROME, Sept 25 (MEDITERRANEAN DESK) -": where the report was filed names no party
        self.in_dateline = self._dateline_ids()

    def _dateline_ids(self) -> set[int]:
        spans = dateline_spans(self.parse.text)
        return {id(m) for m in self.mentions if any(a <= m.start < b for a, b in spans)}

    # ``in_dateline`` holds object ids, which a copy does not keep: pickled (the parse cache of
    # scripts/crossfit.py, a process pool), it is found again from the text.
    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "in_dateline"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({k: v for k, v in state.items() if k != "in_dateline"})
        self.in_dateline = self._dateline_ids()

    def within(self, first: int, last: int) -> list[Mention]:
        return [m for m in self.mentions if m.first >= first and m.last <= last]

    def in_tokens(self, indices: set[int]) -> list[Mention]:
        """The mentions that start at these tokens (the parties an argument phrase may name: a
        dateline's place is none, though a parse that joins it to the title's clause puts it there)."""
        return [m for m in self.mentions if m.first in indices and id(m) not in self.in_dateline]

    def has_person(self, tokens: list[Token]) -> bool:
        """A person among the tokens: a name (PER entity), a title or office ("l'ancien
        président catalan", "the former minister") or a known office-holder."""
        if any(t.ent_type == "PER" for t in tokens):
            return True
        idx = {t.i for t in tokens}
        return any(e.kind in ("title", "person") for m in self.in_tokens(idx) for e in m.entries)

    def has_place(self, tokens: list[Token]) -> bool:
        """A place named among the tokens ("Palmyra", "la ville de Djibo"), outside any mention
        of a party: a location the recogniser found, or a name heading the phrase that names no
        party nor person ("seized Djibo": the small English recogniser calls many towns of the
        Sahel organisations or peoples)."""
        idx = {t.i for t in tokens}
        parties = {i for m in self.in_tokens(idx) for i in range(m.first, m.last + 1)}
        roots = {t.i for t in tokens if t.head not in idx or t.head == t.i}
        # the phrase's head and the words of its name, not a place inside it ("the tanker X in
        # the Strait of Hormuz" is a ship)
        heads = [t for t in tokens if t.i in roots or (t.head in roots and t.dep in _NAME_DEPS)]
        return any(t.i not in parties and t.ent_type != "PER" and (
            t.ent_type in ("LOC", "GPE", "FAC") or t.pos == "PROPN") for t in heads)

    def has_actor(self, tokens: list[Token]) -> bool:
        idx = {t.i for t in tokens}
        if any(t.ent_type == "PER" for t in tokens):
            return True
        return any(e.kind in ("country", "org", "head", "title", "person")
                   for m in self.in_tokens(idx) for e in m.entries)


def _case_of(parse: Parse, tok: Token, top: Token) -> str | None:
    """The preposition that introduces ``tok``'s phrase below ``top`` (if any)."""
    node = tok
    while node.i != top.i:
        for child in parse.children(node):
            if child.dep in ("case", "prep") or (child.pos == "ADP" and child.i < node.i):
                return child.lower
        if parse.head(node).pos == "ADP":
            return parse.head(node).lower
        if node.head == node.i:
            break
        node = parse.head(node)
        if node.i == top.i:
            break
    return None


def _phrase_tokens(parse: Parse, arg: Token) -> list[Token]:
    """The argument's subtree without relative clauses, appositions after a comma and conjuncts."""
    keep: list[Token] = []
    stack = [arg.i]
    while stack:
        i = stack.pop()
        tok = parse.tokens[i]
        keep.append(tok)
        for child in parse.children(tok):
            if child.dep.startswith("acl:relcl") or child.dep in ("relcl", "parataxis"):
                continue
            if child.dep in ("conj", "cc") and tok.i == arg.i:
                continue  # conjuncts of the phrase itself are parties of their own
            if child.dep == "acl" and child.pos == "VERB" and (
                    child.feat("VerbForm") == "Inf" or any(c.dep == "mark" for c in parse.children(child))):
                continue  # "accuse les autorités d'héberger des individus": what they did names no party of theirs
            if child.dep == "prep" and any(c.dep == "pcomp" and c.pos == "VERB" for c in parse.children(child)):
                continue  # the same in English: "accused the broadcasters of spreading … by the army"
            if child.dep == "appos" and child.i > arg.i and child.ent_type != "PER":
                continue
            stack.append(child.i)
    return sorted(keep, key=lambda t: t.i)


def split_conjuncts(parse: Parse, arg: Token) -> list[Token]:
    """"la Russie et la Chine" → [Russie, Chine]; a single phrase → [itself]."""
    out = [arg]
    stack = [arg]
    while stack:
        tok = stack.pop()
        for child in parse.children(tok):
            if child.dep == "conj" and child.pos in ("NOUN", "PROPN", "PRON", "ADJ", "X"):
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _trim_text(parse: Parse, tokens: list[Token]) -> tuple[int, int]:
    """Character span of contiguous phrase tokens, stopping at a comma, a parenthesis or a line
    break (a headline's phrase does not run into the date line under it)."""
    while len(tokens) > 1 and (tokens[0].pos in ("ADP", "PUNCT", "CCONJ")):
        tokens = tokens[1:]
    first = tokens[0]
    last = first
    for tok in tokens[1:]:
        if tok.i != last.i + 1 or tok.text in (",", "(", ";", ":", "«", "»", '"') or (
                "\n" in parse.text[last.end:tok.idx] or tok.text.isspace()):
            break
        last = tok
    while last.i > first.i and last.pos == "PUNCT":
        last = parse.tokens[last.i - 1]
    return first.idx, last.end


def resolve_phrase(parse: Parse, arg: Token, index: MentionIndex, memory: ArticleMemory,
                   *, lang: str) -> list[Resolution]:
    """Entities denoted by an argument phrase; several when it is coordinated."""
    out: list[Resolution] = []
    parts = [(part, False) for part in split_conjuncts(parse, arg)]
    for added, listed in _added_subjects(parse, arg):
        parts.extend((part, listed and part.i == added.i) for part in split_conjuncts(parse, added))
    for part, listed in parts:
        found = resolve_one(parse, part, index, memory, lang=lang)
        # a subject after a comma that names no state is the first one's apposition
        # ("Le ministre nigérien, le général X, et son homologue tchadien")
        out.extend(r for r in found if not listed or r.entity.code is not None)
    if out:
        out.extend(_enumeration(parse, arg, index, {r.entity.code for r in out}))
    return out


def _added_subjects(parse: Parse, arg: Token) -> list[tuple[Token, bool]]:
    """"Le ministre malien ainsi que le président français ont condamné…": the parser hangs the
    second subject on the verb, with "ainsi que" as a marker; it is a party as well. So is a
    second subject after a comma when the list goes on from it ("A, B ainsi que C ont
    condamné…": the parser makes B a subject of its own and C B's conjunct)."""
    if not arg.dep.startswith("nsubj") or arg.head == arg.i:
        return []
    out = []
    for sib in parse.children(parse.head(arg)):
        if sib.i <= arg.i or sib.dep != arg.dep or sib.pos not in ("NOUN", "PROPN"):
            continue
        gap = parse.tokens[arg.i + 1:sib.i]
        if any(t.text in (";", ":") or t.pos in ("VERB", "AUX") for t in gap):
            continue
        between = {t.lower for t in gap}
        listed = "," in between and any(c.dep == "conj" for c in parse.children(sib))
        if listed or any(glue <= between for glue in any_language().additive):
            out.append((sib, listed))
    return out


def _enumeration(parse: Parse, arg: Token, index: MentionIndex, have: set[str | None]) -> list[Resolution]:
    """Other states of a comma list the parser split badly: "l'Arabie saoudite, l'Égypte, le
    Bahreïn, les Émirats arabes unis et la Libye ont rompu…" — walk left and right from the
    argument over country names separated only by determiners, commas and "et"."""
    m0 = index.by_token.get(arg.i)
    if m0 is None or not any(e.kind == "country" and e.subkind == "name" for e in m0.entries):
        return []
    out: list[Resolution] = []
    list_glue = any_language().list_glue

    def take(m: Mention) -> None:
        entry = next((e for e in m.entries if e.kind == "country" and e.subkind == "name"), None)
        if entry and entry.code not in have:
            have.add(entry.code)
            out.append(Resolution(Entity(code=entry.code, sector="GOV", entity_text=m.text, start=m.start,
                                         end=m.end, name=m.text, reason=f"listed with '{m0.text}': name "
                                         f"'{m.text}' ({entry.source})"), m.first, m.last))

    for step in (-1, 1):
        i = m0.first - 1 if step < 0 else m0.last + 1
        glue = 0
        while 0 <= i < len(parse.tokens) and parse.tokens[i].sent == arg.sent:
            tok = parse.tokens[i]
            m = index.by_token.get(i)
            if m is not None and any(e.kind == "country" and e.subkind == "name" for e in m.entries):
                if not glue:
                    break
                take(m)
                glue = 0
                i = (m.first - 1) if step < 0 else (m.last + 1)
                continue
            if tok.lower in list_glue or tok.pos == "DET" or tok.text in ("'", "’"):  # "l' Égypte"
                glue += tok.lower in list_glue
                i += step
                continue
            break
    return out


def _known_person(parse: Parse, tokens: list[Token], memory: ArticleMemory) -> Resolution | None:
    """A person named in the phrase whose state the article gave elsewhere."""
    names = [t for t in tokens if t.ent_type == "PER"]
    if not names:
        # "son soutien à May": a surname the tagger did not call a person, once the article has
        # named that person in full
        names = [t for t in tokens if t.pos == "PROPN" and t.text[:1].isupper()]
        if not names or names[-1].text.lower() not in memory.people:
            return None
    full = parse.text[names[0].idx:names[-1].end]
    known = memory.people.get(full.lower()) or memory.people.get(names[-1].text.lower())
    if known is None:
        return None
    code, sector, why = known
    return Resolution(Entity(code=code, sector=sector, entity_text=full, start=names[0].idx, end=names[-1].end,
                             name=full, reason=f"person '{full}': {why}"), names[0].i, names[-1].i)


def _ethnic_host(parse: Parse, index: MentionIndex, m: Mention, code: str | None) -> str | None:
    """"ethnic Albanians demonstrated in Serbia": an ethnic group is not the state of its name;
    it takes the first other state named in its sentence (None when there is none)."""
    before = parse.tokens[m.first - 1] if m.first > 0 else None
    after = parse.tokens[m.last + 1] if m.last + 1 < len(parse.tokens) else None
    if not ((before is not None and before.lower == "ethnic" and before.sent == parse.tokens[m.first].sent)
            or (after is not None and after.lower in ("ethniques", "ethnique"))):
        return None
    sent = parse.sentences[parse.tokens[m.first].sent]
    for other in index.within(sent.start, sent.end - 1):
        entry = next((e for e in other.entries if e.kind == "country" and e.code), None)
        if entry is not None and entry.code != code and other.first != m.first:
            return entry.code
    return None


PLACE_IN_PHRASE = "(place in the phrase)"  # a party's state known only from where the phrase says it is
# the state a party gets when the text gives it none and names none before it: the most mentioned
# (a default the party model may overrule: events.parties._weigh_default_state)
MAIN_COUNTRY = "the article's main country"
# a bare state body's state taken from the text before it ("l'armée", "the Foreign Ministry")
STATE_NAMED_LAST = "the state named last"
EARLIER_SUBJECT = "the state of an earlier sentence's subject"
# the state an unnamed group, crowd or target gets from where the act takes place (guidelines
# §6), and the state "ce pays", "the country" get, the last one named: defaults too (the party
# model weighs a target's place state and "ce pays", not a group's acting where it is)
EVENT_PLACE = "the event's place"
LAST_STATE_NAMED = "refers to the last state named"
PEOPLE_BY_NATIONALITY = "used as a noun"  # "les Algériens", "Palestinians": a people named by its nationality


def _states_named_before(parse: Parse, index: MentionIndex, first: int) -> list[str]:
    """The states the sentence of token ``first`` names before it, each once at its last
    mention, as ``ArticleMemory.seen`` keeps them (``recent``)."""
    sent = parse.sentences[parse.tokens[first].sent]
    here = ArticleMemory()
    here.see_parties(index.within(sent.start, first - 1))
    return here.recent


def place_phrase(parse: Parse, tok: Token) -> bool:
    """A phrase of place: an English locative preposition, or a phrase with a locative case or
    preposition of its own ("in both countries", "dans les deux pays", "au Liban")."""
    return (tok.lower in LOCATIVE_CASES and tok.dep == "prep") or any(
        c.dep in ("case", "prep") and c.lower in LOCATIVE_CASES for c in parse.children(tok))


def resolve_one(parse: Parse, arg: Token, index: MentionIndex, memory: ArticleMemory,
                *, lang: str) -> list[Resolution]:
    """Entities denoted by one phrase (no conjuncts): from the mentions in it, else from what it
    refers back to (``communique.mentions.references``, which calls this for antecedents)."""
    # Imported here, not at the top: ``references`` imports this module.
    from communique.mentions import references

    tokens = _phrase_tokens(parse, arg)
    token_ids = {t.i for t in tokens}
    mentions = index.in_tokens(token_ids)
    start, end = _trim_text(parse, tokens)
    text = parse.text[start:end]
    # "les deux pays" / "the two sides": the two countries met so far.
    # (not "rights groups in both countries": a phrase of place inside it names where, not who)
    where = {t.i for c in parse.children(arg) if c.i != arg.i and place_phrase(parse, c) for t in parse.subtree(c)}
    pair = references.pair_reference([t for t in tokens if t.i not in where], text, start, end, memory, lang=lang,
                                     named_here=lambda: _states_named_before(parse, index, tokens[0].i))
    if pair:
        return pair
    if not mentions:
        # "il", "cette dernière", a quoted "nous"...: the party it stands for.
        found = references.referred_party(parse, arg, index, memory, lang=lang)
        if found:
            return found
        person = _known_person(parse, tokens, memory)
        return [person] if person else []

    def depth(m: Mention) -> int:
        d = parse.depth_below(parse.tokens[m.first], arg)
        ds = [parse.depth_below(parse.tokens[i], arg) for i in range(m.first, m.last + 1)]
        found = [x for x in ds + [d] if x is not None]
        return min(found) if found else 99

    ranked = sorted(mentions, key=lambda m: (depth(m), m.first))
    # Compounds ("maroco-mauritanien") only qualify a noun; they name no party by themselves.
    code: str | None = None
    code_reason = ""
    sector: str | None = None
    sector_reason = ""
    other: list[str] = []
    name: str | None = None
    locative: list[tuple[Mention, ActorEntry]] = []
    head_entry: ActorEntry | None = None
    sector_locked, sector_locked_depth = False, 0
    # "l'ambassadeur russe à l'ONU", "Russia's envoy to the UN": a state's diplomat posted to an
    # international body is still that state's diplomat (PLOVER codes the state, not the IGO),
    # so when the phrase's own head is a diplomatic office and a state is named, the body it is
    # posted to names neither the country nor the sector.
    envoy_of_state = (
        any(depth(m) == 0 and any(e.kind in ("head", "title") and "diplomatic" in e.context for e in m.entries)
            for m in mentions)
        and any(e.kind == "country" and e.code and e.code not in NON_STATE_CODES
                for m in mentions for e in m.entries))
    for m in ranked:
        for entry in m.entries:
            if (envoy_of_state and entry.kind == "org" and depth(m) > 0
                    and (entry.code in NON_STATE_CODES or entry.sector in ("IGO", "UNO"))):
                continue
            if entry.kind in ("country", "org") and entry.code and code is None:
                case = _case_of(parse, parse.tokens[m.first], arg)
                if entry.kind == "country" and case in LOCATIVE_CASES and depth(m) > 0:
                    locative.append((m, entry))
                    continue
                code = entry.code
                code_reason = f"{entry.subkind or entry.kind} '{m.text}' ({entry.source})"
                if entry.kind == "country" and entry.subkind == "demonym":
                    host = _ethnic_host(parse, index, m, entry.code)
                    if host is not None:
                        code, code_reason = host, (f"'ethnic {m.text}': a people, coded by the state it "
                                                   f"lives in, named in the sentence ({host})")
            if entry.sector and entry.kind in ("org", "head", "title", "country"):
                spec = entry.sector in SPECIFIC_SECTORS
                # A named institution or person heading the phrase keeps its sector: "Pierre
                # Nkurunziza, angered by the European Union…" is not the EU's (IGO).
                if sector is None or (sector == "GOV" and spec and entry.kind != "country"
                                      and not (sector_locked and depth(m) > sector_locked_depth)):
                    if entry.kind == "country" and entry.subkind == "demonym" and sector is None:
                        if depth(m) == 0 and parse.tokens[m.first].pos in ("NOUN", "PROPN"):
                            # "les Algériens", "Iraqi Kurds"... a people, not its government
                            sector, sector_reason = "CVL", f"demonym '{m.text}' {PEOPLE_BY_NATIONALITY}"
                        continue  # a demonym gives the country, not the sector
                    sector = entry.sector
                    sector_reason = f"{entry.kind} '{m.text}'"
                    if entry.kind == "org" and not sector_locked:
                        sector_locked, sector_locked_depth = True, depth(m)
                    other = list(entry.other_sectors)
                    if entry.kind in ("org", "head"):
                        name = m.text
                        head_entry = entry
    if code is None:
        # Appositions and relative clauses: "le colonel X, commandant de la division … mauritanienne"
        wider = {t.i for t in parse.subtree(arg)} - token_ids
        # A conjunct is a party of its own, not an apposition: "le régime et ses alliés russes"
        # does not make the regime Russian.
        wider -= {d.i for c in parse.children(arg) if c.dep == "conj" for d in parse.subtree(c)}
        if locative:
            # "to Macedonia, which is preparing an offensive against Albanian guerrillas": the
            # phrase's own place names the party before anything its relative clause mentions.
            wider -= {d.i for t in tokens for c in parse.children(t)
                      if c.dep.startswith("acl:relcl") or c.dep == "relcl" for d in parse.subtree(c)}
        for m in index.in_tokens(wider):
            entry = next((e for e in m.entries if e.kind in ("country", "org") and e.code), None)
            if entry is not None and _case_of(parse, parse.tokens[m.first], arg) not in LOCATIVE_CASES:
                code, code_reason = entry.code, f"{entry.subkind or entry.kind} '{m.text}' in an apposition"
                break
    if code is None and locative:
        m, entry = locative[0]
        code, code_reason = entry.code, f"{entry.subkind} '{m.text}' {PLACE_IN_PHRASE}"
    if code is None and head_entry is not None:
        # A head that names no state refers back: "son homologue" (the other party, chosen by the
        # event stage), "ce pays", "la délégation", a bare "l'armée" (the state named last).
        other_party = references.counterpart(head_entry, sector, text, start, end, tokens[0].i, tokens[-1].i)
        if other_party is not None:
            return [other_party]
        code, code_reason, sector = references.state_of_head(parse, arg, tokens[0], head_entry, sector, text,
                                                             index, memory)
        if code is None and head_entry.needs_country:
            return []  # "l'armée" with no country known: not a usable party
    if code is None and sector is None:
        return []
    if sector is None:
        sector = "GOV"
        sector_reason = "country named alone"
    reason = "; ".join(x for x in (f"code {code} from {code_reason}" if code else "",
                                   f"sector {sector} from {sector_reason}") if x)
    entity = Entity(code=code, sector=sector, entity_text=text, start=start, end=end,
                    name=name or text, other_sectors=[s for s in other if s != sector], reason=reason)
    memory.note(entity, head_entry.form.lower() if head_entry else None)
    for m in ranked:  # "la délégation" later refers to this whole phrase
        for e in m.entries:
            if e.kind == "head":
                memory.note(entity, e.form.lower())
    # Compound-country adjectives: "les forces maroco-mauritaniennes" → both.
    results = [Resolution(entity, tokens[0].i, tokens[-1].i)]
    # Coordinated states inside the phrase: "ses alliés russes et iraniens", "les ambassadeurs
    # de Belgique, de France et d'Allemagne" → one party per state.
    seen_codes = {code}
    stack = [parse.tokens[m.first] for m in ranked if any(e.kind in ("country", "org") and e.code for e in m.entries)]
    while stack:
        tok = stack.pop()
        m = index.by_token.get(tok.i)
        for child in parse.children(tok):
            other = index.by_token.get(child.i) if child.dep == "conj" else None
            entry = next((e for e in other.entries if e.kind in ("country", "org") and e.code), None) if other else None
            if entry is not None and entry.code not in seen_codes:
                seen_codes.add(entry.code)
                stack.append(child)
                results.append(Resolution(Entity(code=entry.code, sector=sector, entity_text=text, start=start,
                                                 end=end, name=entity.name,
                                                 reason=f"coordinated with '{m.text if m else tok.text}': "
                                                        f"'{other.text}'"),
                                          tokens[0].i, tokens[-1].i))
    for m in ranked:
        if len(m.codes) == 2 and m.codes[0] == code:
            twin = Entity(code=m.codes[1], sector=sector, entity_text=text, start=start, end=end,
                          name=entity.name, reason=f"compound '{m.text}'")
            results.append(Resolution(twin, tokens[0].i, tokens[-1].i))
    return results
