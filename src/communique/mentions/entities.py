"""Named entities (PER, LOC, ORG): spaCy's NER corrected with communique's lexicons.

Works on a ``Parse`` (the NER is in the tokens' ``ent_type``/``ent_iob``) and the actor
lexicon's mentions (``MentionIndex``); no spaCy here. The conventions are those of French news
annotation (WiNER-fr; see docs/actors.md, "Named entities"):

- a name without its determiner or elided article ("la France" → "France", "l'Irak" → "Irak"),
  unless the article belongs to the name ("Le Monde", "Le Caire", "La Réunion");
- demonyms are not entities ("les Français"; "l'Espagnol Ruben Ruzafa" → only the person);
- country names, capitals and world regions are LOC; named institutions (organisations.tsv)
  and seats of power used as metonyms ("le Kremlin", "Matignon") are ORG, but the annotation
  keeps "l'Élysée" a place;
- news agencies, media and journals (media_organisations.tsv, read only here) are ORG;
- a state body with its country adjective is one ORG ("l'armée syrienne"), and so is a body
  named after its seat ("diocèse de Hearst", "université de Kutch") or with the place it
  serves ("Université d'agriculture du Punjab");
- a minister's portfolio is the ORG ("le ministre colombien de la Santé" → "Santé"), and the
  name after it a PER ("le ministre de l'Intérieur Bernard Cazeneuve"); a name
  after an organisation noun is one ("l'agence de presse Anadolu", "la compagnie aérienne
  Flydubai"; "association" stays in the name: "l'association Médecins du monde"), and so
  is a venue or club marked as such ("Beacon Theatre", "HBC Nantes");
- an organisation found once is one wherever the article repeats its name, and the words
  spelling an organisation's acronym in parentheses are its name ("Jet Propulsion Laboratory
  (JPL)"), as are a body's lower-case words before one ("l'agence spatiale japonaise (JAXA)");
  an organisation noun alone ("la Commission", "le Front") is no name, nor is a common
  word capitalised by its place at the start of a sentence or a line ("Cinéma : …");
- a place introduced by a generic noun keeps only its name ("la ville de Hilla" → "Hilla",
  "la mer Méditerranée" → "Méditerranée"); streets and squares keep theirs ("place de la
  République");
- a country inside the name of a competition is no place ("championnat de France");
- the outermost entity wins ("Conseil de sécurité des Nations unies", not "Nations unies").

Each entity says where it came from (``source``) and which rules shaped it (``reason``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from communique.lexicon.actors import ActorEntry
from communique.lexicon.tables import data_path, read_tsv
from communique.mentions import name_shapes
from communique.mentions.actors import Mention, MentionIndex
from communique.mentions.name_spans import LABELS, NameSpan, capitalised, entity_words, is_punct, low, name_text
from communique.parse import Parse, Token


_LOWER_ARTICLE = re.compile(r"^(le|la|les) |^l['’]")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&\-]*[A-Z]$")
# Endings of French nationality nouns ("Suissesse", "Québécois", "Bermudienne").
_DEMONYM_SUFFIX = re.compile(r"(ais|aise|aises|ois|oise|oises|ien|ienne|iens|iennes|ain|aine|ains|aines|"
                             r"éen|éenne|éens|éennes|in|ine|ins|ines|ote|otes|an|ane|ans|anes|esse|esses|"
                             r"ique|iques|que|ques|ol|ole|ols|oles|i|ie|is|ies)$")


@dataclass(frozen=True, slots=True)
class NamedEntity:
    """A PER, LOC or ORG name: character offsets into the article text and why it is one."""

    label: str  # PER | LOC | ORG
    start: int
    end: int
    text: str
    source: str  # ner | lexicon | ner+lexicon | rule
    reason: str


def named_entities(parse: Parse, index: MentionIndex) -> list[NamedEntity]:
    """The article's PER/LOC/ORG names, outermost only, in text order."""
    if not parse.tokens:
        return []
    demonyms = _demonym_tokens(index)
    spans: list[NameSpan] = []
    for span in _ner_spans(parse):
        trimmed = _trim(parse, span, index)
        if trimmed is not None:
            spans.append(trimmed)
    spans = [s for s in spans if _drop_demonym(parse, s, demonyms)]
    spans = [s for s in spans if _drop_titles(parse, s, index, demonyms)]
    spans = _apply_lexicon(parse, spans, index)
    spans = _merge_known(parse, spans, _media_spans(parse))
    spans.extend(_world_regions(parse, spans))
    for s in spans:
        name_shapes.hyphenated(parse, s)
        name_shapes.place_class(parse, s)
        name_shapes.place_qualifier(parse, s)
        name_shapes.institution_seat(parse, s)
    spans.extend(name_shapes.institutions_with_country(parse, spans, index, demonyms))
    spans = name_shapes.portfolios(parse, spans, index, demonyms)
    for s in spans:
        name_shapes.organisation_head(parse, s)
        name_shapes.organisation_kind(parse, s)
        name_shapes.kind_in_name(parse, s)
        name_shapes.article_of_title(parse, s)
    spans = [s for s in spans if not name_shapes.not_a_name(parse, s) and not name_shapes.product_or_event(parse, s)]
    spans = name_shapes.body_of_place(parse, spans)
    spans = _document_consistency(parse, spans)
    spans.extend(_acronyms(parse, spans))
    spans.extend(_repeated_organisations(parse, spans))
    spans.extend(_acronym_expansions(parse, spans, index))
    out = []
    for s in _outermost([s for s in spans if s.label in LABELS]):
        start, end = parse.tokens[s.first].idx, parse.tokens[s.last].end
        out.append(NamedEntity(label=s.label, start=start, end=end, text=parse.text[start:end],
                               source=s.source, reason="; ".join(s.reasons) or "spaCy NER span"))
    return out


def _mention_starting(index: MentionIndex, i: int) -> Mention | None:
    m = index.by_token.get(i)
    return m if m is not None and m.first == i else None


# -- spans from the NER ---------------------------------------------------------------------
def _ner_spans(parse: Parse) -> list[NameSpan]:
    """NER spans, cut at line breaks (the NER sometimes runs a list of names together)."""
    out: list[NameSpan] = []
    current: NameSpan | None = None
    for tok in parse.tokens:
        inside = (tok.ent_iob in ("B", "I") and bool(tok.ent_type) and "\n" not in tok.text
                  and not _spaced_dash(parse, tok))
        continues = (inside and current is not None and tok.ent_iob == "I"
                     and current.label == tok.ent_type and parse.tokens[current.first].sent == tok.sent)
        if current is not None and not continues:
            out.append(current)
            current = None
        if inside and current is None:
            current = NameSpan(tok.i, tok.i, tok.ent_type, "ner")
        elif continues and current is not None:
            current.last = tok.i
    if current is not None:
        out.append(current)
    return out


def _spaced_dash(parse: Parse, tok: Token) -> bool:
    """A dash between spaces separates names ("Espagne - République tchèque")."""
    if tok.text not in ("-", "–", "—"):
        return False
    before = parse.text[tok.idx - 1:tok.idx] if tok.idx > 0 else " "
    after = parse.text[tok.end:tok.end + 1] or " "
    return before.isspace() and after.isspace()


def _trim(parse: Parse, span: NameSpan, index: MentionIndex) -> NameSpan | None:
    """Strip articles, prepositions and punctuation around a name."""
    toks = parse.tokens
    first, last = span.first, span.last
    while first <= last:
        tok = toks[first]
        if is_punct(tok):
            first += 1
        elif low(tok) in entity_words().leading_function_words and not capitalised(tok):
            span.note(f"dropped '{tok.text}'")
            first += 1
        elif low(tok) in entity_words().articles and first < last and _sentence_article(parse, first, index, span.label):
            span.note(f"dropped '{tok.text}'")
            first += 1
        else:
            break
    while last >= first:
        tok = toks[last]
        if is_punct(tok) or (not capitalised(tok) and (
                low(tok) in entity_words().trailing_function_words or low(tok) in entity_words().weekdays
                or (span.source == "ner" and tok.pos in ("VERB", "AUX") and last not in index.by_token))):
            last -= 1  # "ONU lundi", "Arena explose": the NER ran into the sentence
        else:
            break
    if first > last:
        return None
    span.first, span.last = first, last
    return span


def _sentence_article(parse: Parse, i: int, index: MentionIndex, label: str) -> bool:
    """Is the capitalised article at token ``i`` the sentence's, not part of the name?

    It is the name's when a lexicon form starts with it capitalised ("Le Caire"), the sentence's
    when the form writes it in lower case ("le Kremlin") or the lexicon knows the name without
    it ("La France"), and, for places and people, when it opens the sentence ("Les
    Bouches-du-Rhône ont…"): newspapers and parties keep theirs ("Le Monde"), and the NER
    labels those ORG.
    """
    here = _mention_starting(index, i)
    if here is not None and _lexicon_label(here.entries) is not None:
        return any(_LOWER_ARTICLE.match(e.form) for e in here.entries)
    nxt = _mention_starting(index, i + 1)
    if nxt is not None and _lexicon_label(nxt.entries) is not None:
        return True
    if label not in ("LOC", "PER", "MISC"):
        return False
    tok = parse.tokens[i]
    prev = parse.tokens[i - 1] if i > 0 else None
    return (prev is None or tok.sent != prev.sent or "\n" in prev.text
            or prev.text in (":", "«", '"', "(", "–", "-", "."))


# -- demonyms and titles -----------------------------------------------------------------------------
def _demonym_tokens(index: MentionIndex) -> set[int]:
    out: set[int] = set()
    for m in index.mentions:
        if m.codes or any(e.kind == "country" and e.subkind in ("demonym", "compound") for e in m.entries):
            if not any(e.kind == "country" and e.subkind in ("name", "capital") for e in m.entries):
                out.update(range(m.first, m.last + 1))
    return out


def _drop_demonym(parse: Parse, span: NameSpan, demonyms: set[int]) -> bool:
    """False when the span is only a demonym; "Autrichienne Nadine Fest" keeps the person."""
    toks = parse.tokens
    i = span.first
    if low(toks[i]) in entity_words().articles and i + 1 in demonyms:
        i += 1  # "Les Lyonnaises", "L'Italienne" at the start of a sentence
    while i <= span.last and (i in demonyms or (i > span.first and is_punct(toks[i]))):
        i += 1
    if i > span.last:
        return False
    if i > span.first:
        if not capitalised(toks[i]):
            return False  # "Américaine de souche": no name left
        span.note(f"dropped demonym '{parse.span_text(span.first, i - 1)}'")
        span.first = i
        if span.label == "LOC" and i < span.last:
            # "Autrichienne Nadine Fest": what follows a nationality noun is a person.
            span.note("LOC → PER: a name after a demonym")
            span.label = "PER"
    return not (span.first == span.last and _looks_like_demonym(parse, span.first))


def _looks_like_demonym(parse: Parse, i: int) -> bool:
    """A nationality noun the lexicon lacks ("la Suissesse Nicola Spirig", "le Québécois a").

    Only with an article before it and a person's name or a verb after it, the way news
    writes "l'Espagnol Ruben Ruzafa a gagné".
    """
    tok = parse.tokens[i]
    if not _DEMONYM_SUFFIX.search(tok.lower) or i == 0:
        return False
    if low(parse.tokens[i - 1]) not in entity_words().articles | {"un", "une", "des"}:
        return False
    nxt = parse.tokens[i + 1] if i + 1 < len(parse.tokens) else None
    return nxt is not None and (nxt.ent_type == "PER" or nxt.pos in ("VERB", "AUX"))


def _drop_titles(parse: Parse, span: NameSpan, index: MentionIndex, demonyms: set[int]) -> bool:
    """Titles are not part of a name ("M. Lapierre", "prince Charles").

    A minister's portfolio is the organisation ("ministre de l'Agriculture" → "Agriculture");
    other phrases opened by a title are no organisation or place ("Chancelière allemande").
    """
    if span.label == "MISC" and _title_then_name(parse, span, index):
        return True
    if span.label != "PER":
        m = _mention_starting(index, span.first)
        if m is None or not any(e.kind == "title" for e in m.entries) or any(
                e.kind in ("org", "country") for e in m.entries):
            return True
        return _portfolio(parse, span, m, demonyms)
    while span.first <= span.last:
        m = _mention_starting(index, span.first)
        if m is None or not any(e.kind == "title" for e in m.entries) or m.last > span.last:
            break
        if m.text[:1].isupper() and not any(e.subkind == "honorific" for e in m.entries):
            break  # "Prince Rogers Nelson": a capitalised title word may be the name's
        span.note(f"dropped title '{m.text}'")
        span.first = m.last + 1
        while span.first <= span.last and is_punct(parse.tokens[span.first]):
            span.first += 1
    return span.first <= span.last and any(capitalised(t) for t in parse.tokens[span.first:span.last + 1])


def _title_then_name(parse: Parse, span: NameSpan, index: MentionIndex) -> bool:
    """"Premier ministre David Cameron" (MISC): the person after the title."""
    m = _mention_starting(index, span.first)
    if m is None or not any(e.kind == "title" for e in m.entries) or m.last >= span.last:
        return False
    rest = parse.tokens[m.last + 1:span.last + 1]
    if len(rest) < 2 or not all(capitalised(t) and t.pos == "PROPN" for t in rest):
        return False
    span.note(f"MISC → PER: name after the title '{m.text}'")
    span.first, span.label = m.last + 1, "PER"
    return True


def _portfolio(parse: Parse, span: NameSpan, title: Mention, demonyms: set[int]) -> bool:
    """"ministre de l'Agriculture" (ORG) → "Agriculture"; False when there is no portfolio."""
    toks = parse.tokens
    if not title.text.lower().startswith("ministre") or title.last >= span.last:
        return False
    i = title.last + 1
    while i <= span.last and (low(toks[i]) in entity_words().leading_function_words or is_punct(toks[i])):
        i += 1
    if i > span.last or not capitalised(toks[i]):
        return False
    last = i
    while last + 1 <= span.last and not is_punct(toks[last + 1]) and (
            capitalised(toks[last + 1]) or (toks[last + 1].pos == "ADJ" and last + 1 not in demonyms)):
        last += 1
    span.note(f"portfolio of '{title.text}'")
    span.first, span.last, span.label = i, last, "ORG"
    return True


# -- lexicon --------------------------------------------------------------------------------------
def _lexicon_label(entries: tuple[ActorEntry, ...]) -> tuple[str, ActorEntry] | None:
    """LOC for a country's name or capital, ORG for a named institution or a seat of power.

    A person of the user's actor file (kind ``person``) is PER.
    """
    for e in entries:
        if e.kind == "org":
            return ("PER" if e.subkind == "person" else "ORG"), e
    for e in entries:
        if e.kind == "country" and e.subkind in ("name", "capital"):
            return "LOC", e
    for e in entries:
        if e.kind == "country" and e.subkind == "seat":
            return ("LOC" if _LOWER_ARTICLE.sub("", e.form) in entity_words().seats_as_places else "ORG"), e
    return None


def _lexicon_spans(parse: Parse, index: MentionIndex) -> list[NameSpan]:
    out = []
    for m in index.mentions:
        found = _lexicon_label(m.entries)
        if found is None:
            continue
        label, entry = found
        span = _trim(parse, NameSpan(m.first, m.last, label, "lexicon"), index)
        if span is None or not (capitalised(parse.tokens[span.first]) or parse.tokens[span.first].text[:1].isdigit()):
            continue  # "talibans", "casques bleus": common nouns here
        if label == "LOC" and _in_event_name(parse, span.first):
            continue
        span.reasons = [f"{entry.subkind or entry.kind} '{m.text}' ({entry.source})"]
        out.append(span)
    return out


def _in_event_name(parse: Parse, i: int) -> bool:
    """"championnat de France", "Tour de France", "Ironman Allemagne": part of a competition."""
    j = i - 1
    while j >= 0 and low(parse.tokens[j]) in ("de", "d'", "du", "des"):
        j -= 1
    return j >= 0 and low(parse.tokens[j]) in entity_words().event_heads


@functools.lru_cache(maxsize=1)
def _media_names() -> re.Pattern[str]:
    """News agencies, media and journals (``media_organisations.tsv``), as one case-sensitive pattern."""
    forms = sorted({row["form"] for row in read_tsv(data_path("media_organisations.tsv"))}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f).replace("'", "['’]") for f in forms) + r")(?![\w-])")


def _media_spans(parse: Parse) -> list[NameSpan]:
    """Names of ``media_organisations.tsv`` in the text, on token boundaries."""
    starts = {t.idx: t.i for t in parse.tokens}
    ends = {t.end: t.i for t in parse.tokens}
    out = []
    for m in _media_names().finditer(parse.text):
        first, last = starts.get(m.start()), ends.get(m.end())
        if first is not None and last is not None and first <= last:
            out.append(NameSpan(first, last, "ORG", "lexicon", [f"medium '{m.group()}' (media_organisations.tsv)"]))
    return out


def _apply_lexicon(parse: Parse, spans: list[NameSpan], index: MentionIndex) -> list[NameSpan]:
    """Relabel NER spans the lexicon knows, widen them to its forms, add the names it missed."""
    return _merge_known(parse, spans, _lexicon_spans(parse, index))


def _merge_known(parse: Parse, spans: list[NameSpan], known: list[NameSpan]) -> list[NameSpan]:
    """Relabel the NER spans a lexicon span covers exactly, widen those inside it, add the others."""
    out = list(spans)
    for lex in known:
        why = lex.reasons[0]
        overlapping = [s for s in out if s.first <= lex.last and lex.first <= s.last]
        if not overlapping or all(s.label == "MISC" for s in overlapping):
            out.append(lex)
            continue
        for s in overlapping:
            if (s.first, s.last) == (lex.first, lex.last):
                if s.label != lex.label:
                    s.note(f"{s.label} → {lex.label} by {why}")
                    s.label = lex.label
                else:
                    s.note(f"confirmed by {why}")
                s.source = "ner+lexicon"
            elif lex.first <= s.first and s.last <= lex.last:
                s.note(f"widened to '{name_text(parse, lex)}' by {why}")
                s.first, s.last, s.label, s.source = lex.first, lex.last, lex.label, "ner+lexicon"
    return out


def _world_regions(parse: Parse, spans: list[NameSpan]) -> list[NameSpan]:
    """Continents and world regions the NER missed ("champion d'Europe")."""
    covered = {i for s in spans if s.label in LABELS for i in s.tokens()}
    out = []
    for tok in parse.tokens:
        if tok.text in entity_words().world_regions and tok.i not in covered and not _in_event_name(parse, tok.i):
            out.append(NameSpan(tok.i, tok.i, "LOC", "rule", [f"world region '{tok.text}'"]))
    return out


# -- the article as a whole ---------------------------------------------------------------------
def _document_consistency(parse: Parse, spans: list[NameSpan]) -> list[NameSpan]:
    """One name, one label in an article; the surname of a named person is a person."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s in spans:
        if s.label in LABELS:
            relabelled = any("→ ORG" in r for r in s.reasons)  # "la compagnie Flydubai"
            votes[name_text(parse, s)][s.label] += 2 if s.source != "ner" or relabelled else 1
    surnames = _surnames(parse, spans)
    for s in spans:
        if s.source != "ner":
            continue
        text = name_text(parse, s)
        if text in surnames and s.label != "PER":
            s.note(f"{s.label} → PER: surname of a person named in the article")
            s.label = "PER"
            continue
        ranked = votes[text].most_common()
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1] and ranked[0][0] != s.label:
            s.note(f"{s.label} → {ranked[0][0]}: the article's majority label for '{text}'")
            s.label = ranked[0][0]
    return spans


def _surnames(parse: Parse, spans: list[NameSpan]) -> set[str]:
    out = set()
    for s in spans:
        if s.label == "PER" and s.last > s.first:
            words = [t.text for t in parse.tokens[s.first:s.last + 1] if not is_punct(t)]
            if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                out.add(words[-1])
    return out


def _acronyms(parse: Parse, spans: list[NameSpan]) -> list[NameSpan]:
    """An acronym given in parentheses after a name or a person is an organisation, and so is
    every other use of it in the article ("… démocratique du travail (CFDT)", "Dominique Dord
    (UMP)"); time zones and units are not ("19 h 30 (UTC)", "(VTT)" after a common noun).
    """
    toks = parse.tokens
    covered = {i for s in spans if s.label in LABELS for i in s.tokens()}
    defined: dict[str, str] = {}
    for tok in toks[2:-1]:
        i = tok.i
        if (toks[i - 1].text != "(" or toks[i + 1].text != ")" or not _ACRONYM.match(tok.text)
                or tok.text in entity_words().time_zones):
            continue
        before = toks[i - 2]
        if capitalised(before) or before.ent_type in ("ORG", "PER") or before.i in covered:
            defined.setdefault(tok.text, f"acronym '{tok.text}' given in parentheses after '{before.text}'")
    for s in spans:
        if s.first == s.last and s.source == "ner" and s.label != "ORG" and toks[s.first].text in defined:
            s.note(f"{s.label} → ORG: {defined[toks[s.first].text]}")
            s.label = "ORG"
    out = []
    for tok in toks:
        if tok.text in defined and tok.i not in covered:
            out.append(NameSpan(tok.i, tok.i, "ORG", "rule", [defined[tok.text]]))
    return out


def _repeated_organisations(parse: Parse, spans: list[NameSpan]) -> list[NameSpan]:
    """An organisation found once is the same organisation wherever the article names it again
    and the NER saw nothing ("la compagnie Flydubai … Flydubai a annoncé")."""
    toks = parse.tokens
    covered = {i for s in spans if s.label in LABELS for i in s.tokens()}
    names: dict[tuple[str, ...], str] = {}
    for s in spans:
        if (s.label == "ORG" and capitalised(toks[s.first]) and len(name_text(parse, s)) > 2
                and not any(c.isdigit() for c in name_text(parse, s)) and name_text(parse, s).lower() not in entity_words().short_forms):
            names.setdefault(tuple(t.text for t in toks[s.first:s.last + 1]), name_text(parse, s))
    out = []
    for words, text in sorted(names.items(), key=lambda kv: -len(kv[0])):
        n = len(words)
        for i in range(len(toks) - n + 1):
            if toks[i].text != words[0] or any(j in covered for j in range(i, i + n)):
                continue
            if tuple(t.text for t in toks[i:i + n]) != words:
                continue
            nxt = toks[i + n] if i + n < len(toks) else None
            if nxt is not None and not is_punct(nxt) and (capitalised(nxt) or nxt.text[:1].isdigit()):
                continue  # part of a longer name, or an edition ("CAN 2017")
            out.append(NameSpan(i, i + n - 1, "ORG", "rule", [f"'{text}' is an organisation elsewhere in the article"]))
            covered.update(range(i, i + n))
    return out


def _acronym_expansions(parse: Parse, spans: list[NameSpan], index: MentionIndex) -> list[NameSpan]:
    """"Unités de protection du peuple (YPG)", "agence spatiale japonaise (JAXA)": the words whose
    initials spell an organisation's acronym given in parentheses are its full name.

    The acronym must be an organisation (found as one, or a lexicon's) or the words must open with
    a noun for a body, so that "Brevet d'études du premier cycle (BEPC)" stays an exam.
    """
    toks = parse.tokens
    org_tokens = {i for s in spans if s.label == "ORG" for i in s.tokens()}
    out = []
    for tok in toks[2:-1]:
        i = tok.i
        if toks[i - 1].text != "(" or toks[i + 1].text != ")" or not re.fullmatch(r"[A-Z]{2,8}", tok.text):
            continue
        letters = tok.text
        known = i in org_tokens or any(e.kind == "org" for m in [index.by_token.get(i)] if m for e in m.entries)
        end, spelt = i - 2, False
        for start in range(end, max(-1, end - 2 * len(letters) - 2), -1):
            words = [t for t in toks[start:end + 1]]
            if any(is_punct(t) or "\n" in t.text for t in words):
                break
            content = [t for t in words if low(t) not in entity_words().trailing_function_words]
            initials = "".join(t.text[0] for t in content).upper()
            if initials != letters:
                continue
            if low(toks[start]) in entity_words().trailing_function_words:
                break
            head = low(toks[start])
            if not known and head not in entity_words().org_head_nouns | entity_words().org_kind_nouns and not any(
                    j in org_tokens for j in range(start, end + 1)) and not (
                    len(content) > 2 and all(capitalised(t) for t in content)):
                break  # "Jet Propulsion Laboratory (JPL)": a capitalised name of three words or more
            out.append(NameSpan(start, end, "ORG", "rule", [f"words spelling the acronym '{letters}'"]))
            spelt = True
            break
        if not spelt:
            span = _lower_case_body(parse, end, org_tokens)
            if span is not None:
                span.note(f"a body written in lower case before the acronym '{letters}'")
                out.append(span)
    return out


def _lower_case_body(parse: Parse, end: int, taken: set[int]) -> NameSpan | None:
    """"l'agence spatiale japonaise (JAXA)", "la fédération internationale (ITU)": a body written in
    lower case, from its noun to the acronym, whose initials need not spell it (the acronym is
    often the name in another language). The nearest noun for a body wins ("le bureau des débris
    spatiaux de l'agence spatiale européenne (ESA)" → "agence spatiale européenne")."""
    toks = parse.tokens
    if end < 0 or low(toks[end]) in entity_words().trailing_function_words:
        return None
    for start in range(end, max(-1, end - 8), -1):
        tok = toks[start]
        if (capitalised(tok) or is_punct(tok) or "\n" in tok.text or start in taken
                or tok.pos not in ("NOUN", "ADJ", "DET", "ADP") or tok.sent != toks[end].sent):
            return None
        if tok.text in entity_words().org_head_nouns | entity_words().org_kind_nouns:
            return NameSpan(start, end, "ORG", "rule") if start < end else None
    return None


def _outermost(spans: list[NameSpan]) -> list[NameSpan]:
    """Drop spans inside or overlapping a longer one (ties: the earlier span)."""
    ordered = sorted(spans, key=lambda s: (-(s.last - s.first), s.first))
    taken: list[NameSpan] = []
    used: set[int] = set()
    for s in ordered:
        if any(i in used for i in s.tokens()):
            continue
        taken.append(s)
        used.update(s.tokens())
    return sorted(taken, key=lambda s: s.first)
