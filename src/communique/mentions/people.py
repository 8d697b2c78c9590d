"""Named people with their rank, office, organisation and country.

"le colonel ingénieur Iselmou Bedy Messaoud, commandant de la division de la coopération
militaire assistée mauritanienne" → name, title "colonel ingénieur", office "commandant de la
division…", country MRT. Names come from the NER; titles and offices from ``titles.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from communique.mentions.actors import MentionIndex
from communique.parse import Parse, Token

# Words allowed between a title and the name ("le ministre, M. X", "President-elect").
_GLUE = {"m.", "mme", "mr", "mr.", "mrs", "ms", "dr", "m", ",", "-"}
MAX_NAME_TOKENS = 6
MAX_OFFICE_TOKENS = 25


@dataclass(slots=True)
class PersonMention:
    name: str
    first: int  # token range of the name
    last: int
    title: str | None
    title_first: int | None
    office: str | None
    office_last: int | None
    org: str | None
    country: str | None
    sector: str | None
    reason: str

    @property
    def span_first(self) -> int:
        return self.title_first if self.title_first is not None else self.first

    @property
    def span_last(self) -> int:
        return self.office_last if self.office_last is not None else self.last


def _name_spans(parse: Parse) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = None
    for tok in parse.tokens:
        inside = tok.ent_type == "PER" and tok.ent_iob in ("B", "I")
        if inside and (tok.ent_iob == "B" or start is None):
            if start is not None:
                spans.append((start, tok.i - 1))
            start = tok.i
        elif not inside and start is not None:
            spans.append((start, tok.i - 1))
            start = None
    if start is not None:
        spans.append((start, len(parse.tokens) - 1))
    out = []
    for first, last in spans:
        toks = parse.tokens[first:last + 1]
        while toks and (toks[-1].pos == "PUNCT" or toks[-1].lower in _GLUE):
            toks = toks[:-1]
        while toks and (toks[0].pos in ("DET", "PUNCT") or toks[0].lower in _GLUE):
            toks = toks[1:]
        if not toks or len(toks) > MAX_NAME_TOKENS or not any(t.text[:1].isupper() for t in toks):
            continue
        if toks[0].sent != toks[-1].sent:
            continue
        out.append((toks[0].i, toks[-1].i))
    return out


def find_people(parse: Parse, index: MentionIndex) -> list[PersonMention]:
    people = []
    for first, last in _name_spans(parse):
        name = parse.span_text(first, last)
        title, title_first = _title_before(parse, index, first)
        office, office_last = _office_after(parse, index, last)
        country, org, sector, why = _affiliation(parse, index, _demonym_before(parse, index, title_first, first),
                                                 office_last if office_last is not None else last, (first, last))
        people.append(PersonMention(name=name, first=first, last=last, title=title,
                                    title_first=title_first, office=office, office_last=office_last,
                                    org=org, country=country, sector=sector, reason=why))
    return people


def _demonym_before(parse: Parse, index: MentionIndex, title_first: int | None, first: int) -> int:
    """Where the person's affiliation is read from: the title, and a demonym just before it.

    "Nigerian general Musa Bello": the demonym is the person's state but not part of the title,
    so later surname-only mentions ("Bello said…") take that state too (§6).
    """
    if title_first is None:
        return first
    m = index.by_token.get(title_first - 1)
    if (m is not None and parse.tokens[m.first].sent == parse.tokens[title_first].sent
            and any(e.kind == "country" and e.code for e in m.entries)):
        return m.first
    return title_first


def _title_before(parse: Parse, index: MentionIndex, first: int) -> tuple[str | None, int | None]:
    """Rank and office written just before the name ("le colonel ingénieur", "President")."""
    i = first - 1
    sent = parse.tokens[first].sent
    while i >= 0 and parse.tokens[i].lower in _GLUE and parse.tokens[i].sent == sent:
        i -= 1
    end_tok = i
    title_start = None
    # Walk left over title words, demonyms and the words of an office ("ministre des Affaires
    # étrangères"), as long as some title mention is part of it.
    while i >= 0 and parse.tokens[i].sent == sent and first - i <= 12:
        m = index.by_token.get(i)
        tok = parse.tokens[i]
        if m is not None and any(e.kind in ("title", "head", "country") for e in m.entries):
            if any(e.kind == "title" for e in m.entries):
                title_start = m.first
            i = m.first - 1
            continue
        if tok.pos in ("ADP", "ADJ", "NOUN", "PROPN") or (tok.pos == "DET" and title_start is None):
            # Inside an office: "ministre malien de la Défense, X" ends with the words of the
            # office, not with the title, so those words (and their articles) are walked over
            # before any title is seen; they count only if a title word starts the phrase, which
            # the check after the loop enforces. Once the title is found, an article ends it.
            i -= 1
            continue
        break
    if title_start is None or end_tok < title_start:
        return None, None
    while title_start <= end_tok and parse.tokens[title_start].pos in ("DET", "ADP"):
        title_start += 1
    while end_tok >= title_start and parse.tokens[end_tok].pos == "PUNCT":
        end_tok -= 1
    if end_tok < title_start:
        return None, None
    return parse.span_text(title_start, end_tok), title_start


def _office_after(parse: Parse, index: MentionIndex, last: int) -> tuple[str | None, int | None]:
    """", représentant du Deuxième Bureau…," after a name."""
    n = len(parse.tokens)
    i = last + 1
    if i >= n or parse.tokens[i].text != ",":
        return None, None
    i += 1
    while i < n and parse.tokens[i].pos == "DET":
        i += 1
    if i >= n:
        return None, None
    m = index.by_token.get(i)
    if m is None or not any(e.kind in ("title", "head") for e in m.entries):
        return None, None
    start = i
    sent = parse.tokens[start].sent
    j = start
    while (j + 1 < n and parse.tokens[j + 1].sent == sent and parse.tokens[j + 1].text not in (",", ";", ".", "(", ")")
           and j + 1 - start < MAX_OFFICE_TOKENS):
        j += 1
    return parse.span_text(start, j), j


def _affiliation(parse: Parse, index: MentionIndex, first: int, last: int,
                 name: tuple[int, int]) -> tuple[str | None, str | None, str | None, str]:
    country = org = sector = None
    why = []
    for m in index.within(first, last):
        if name[0] <= m.first <= name[1]:
            continue
        for entry in m.entries:
            if entry.kind in ("country", "org") and entry.code and country is None:
                country = entry.code
                why.append(f"country from '{m.text}'")
            if entry.kind == "org" and org is None:
                org = m.text
            if entry.kind == "title" and sector is None and entry.sector:
                sector = entry.sector
            if entry.kind == "head" and entry.sector and entry.sector != "GOV" and org is None:
                org = m.text
    return country, org, sector, "; ".join(why)


def person_tokens(person: PersonMention) -> set[int]:
    return set(range(person.span_first, person.span_last + 1))


def token_set(tokens: list[Token]) -> set[int]:
    return {t.i for t in tokens}
