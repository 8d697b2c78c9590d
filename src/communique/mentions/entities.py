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
from dataclasses import dataclass, field

from communique.lexicon.actors import ActorEntry
from communique.lexicon.tables import data_path, read_tsv
from communique.mentions.actors import Mention, MentionIndex
from communique.parse import Parse, Token

LABELS = ("PER", "LOC", "ORG")

# The word lists below describe how French news writes names; they are short, closed classes
# of function words and generic nouns, so they live with the rules that read them.

# Articles and prepositions that open a phrase but are not part of a name.
_LEADING_FUNCTION_WORDS = {"le", "la", "les", "l'", "l", "un", "une", "des", "du", "de", "d'", "d",
                           "au", "aux", "à", "en", "dans", "par", "pour", "sur", "et", "ou", "'",
                           "the", "a", "an", "of"}
_ARTICLES = {"le", "la", "les", "l'", "l"}
_TRAILING_FUNCTION_WORDS = {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "ou", "à", "au",
                            "aux", "en", "of", "and", "the"}
# Generic nouns before a place name that the name does not include ("la ville de Hilla").
_PLACE_CLASS_NOUNS = {"ville", "villes", "région", "commune", "province", "quartier", "département",
                      "massif", "mer", "océan", "village", "wilaya", "comté", "canton", "district",
                      "oblast", "préfecture", "territoire", "état", "émirat", "capitale", "lac",
                      "agglomération", "métropole", "îles", "archipel", "désert", "vallée",
                      "aéroport", "planète", "cratère", "parc", "fleuve", "rivière", "golfe"}
# Nouns naming a body after its seat or its name: the whole phrase is the organisation
# ("diocèse de Hearst", "université Harvard", "tribunal de Paris").
_INSTITUTION_NOUNS = {"diocèse", "archidiocèse", "université", "observatoire", "tribunal", "église",
                      "mosquée", "cathédrale", "prison", "collège", "lycée", "hôpital",
                      "institut", "musée", "parquet", "académie", "synagogue", "abbaye",
                      "monastère", "basilique", "chu", "chru"}
# Of those, the ones written before a proper name that the name does not include ("le lycée
# Vaugelas", "la mosquée Al-Fateh"); "université Harvard", "église Sainte-Rita" keep their noun.
_NAME_ONLY_NOUNS = {"lycée", "mosquée"}
# Of those, the local services that the annotation does not name after their town: in "le
# parquet de Montpellier", "l'hôpital de Rome", "l'église de Saint-Étienne-du-Rouvray" only the
# town is an entity (a LOC), while "le diocèse de Hearst", "le CHU de Reims" are organisations.
_TOWN_SERVICE_NOUNS = {"parquet", "hôpital", "église"}
# State bodies that, with a country adjective, are one named organisation ("l'armée
# syrienne", "le gouvernement ukrainien"); people ("ministre", "soldats") are not.
_INSTITUTION_HEADS = {"armée", "armée nationale", "forces armées", "marine",
                      "marine nationale", "gendarmerie", "gendarmerie nationale", "parlement",
                      "présidence", "garde nationale", "armée de l'air", "armée de terre",
                      "assemblée nationale", "sénat", "garde républicaine", "junte"}
# Nouns that make a name an organisation whatever the NER said ("Chambre des communes",
# "Grande Mosquée de Valence", "Stade de France": venues and buildings count as bodies).
_ORG_HEAD_NOUNS = _INSTITUTION_NOUNS | {
    "chambre", "cour", "conseil", "communauté", "gouvernement", "comité", "commission", "agence",
    "association", "fédération", "syndicat", "union", "parti", "ministère", "banque", "assemblée",
    "hôtel", "centre", "société", "compagnie", "office", "direction", "bureau", "secrétariat",
    "fondation", "école", "mouvement", "alliance", "club", "stade", "groupe", "entreprise", "mairie",
    "gendarmerie", "police", "théâtre", "hotel"}
# Words that end a club's, a venue's or a company's name, or mark a sports club anywhere in it ("Splendid
# Hotel", "Beacon Theatre", "HBC Nantes", "Milan AC"): case-sensitive.
_ORG_TAIL_WORDS = {"Hotel", "Theatre", "Theater", "Club", "Arena", "Inc", "Inc.", "Ltd", "Corporation",
                   "Corp", "Corp.", "Group", "Holding", "Holdings", "Airlines", "Airways", "Records",
                   "Studios", "Entertainment", "Motors", "Pictures", "Bank", "Media", "University",
                   "Institute", "Society", "Association", "Foundation", "Agency", "Council",
                   "Committee", "Company", "Associates", "Laboratory", "Network", "News", "Party",
                   "League", "Federation", "Union", "Unit"}
_CLUB_MARKS = {"FC", "RC", "AC", "AS", "HBC", "SC", "CF", "BC", "AJ", "OGC", "SCO", "ASM", "RCT"}
# Common nouns that introduce an organisation's name ("la société Opower", "le journal Bild").
_ORG_KIND_NOUNS = {"société", "sociétés", "compagnie", "compagnies", "entreprise", "entreprises", "firme",
                   "firmes", "agence", "journal", "quotidien", "hebdomadaire", "magazine", "mensuel",
                   "parti", "syndicat", "ong", "association", "constructeur", "opérateur", "banque",
                   "fabricant", "multinationale", "start-up", "chaîne", "groupe", "collectif", "site",
                   "label", "éditeur", "club", "transporteur"}
# "agence de presse", "chaîne de télévision": complements that keep the noun a kind of body.
_KIND_COMPLEMENTS = {"presse", "télévision", "radio", "information", "informations", "train", "transport",
                     "football", "rugby", "basket", "handball", "hockey", "musique", "production"}
# Competitions named after a country or continent: the country is part of an event's name.
_EVENT_HEADS = {"championnat", "championnats", "coupe", "tour", "open", "ironman", "jeux", "tournoi",
                "rallye", "marathon", "festival", "mondial", "mondiaux", "grand prix", "masters",
                "trophée", "challenge", "critérium", "salon"}
# Compass points and qualifiers that continue a place name ("Afrique de l'Ouest",
# "Amérique latine", "Méditerranée orientale").
_COMPASS = {"nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "centre"}
_PLACE_QUALIFIERS = {"latine", "centrale", "central", "méridionale", "méridional", "septentrionale",
                     "septentrional", "orientale", "oriental", "occidentale", "occidental",
                     "subsaharienne", "équatoriale", "insulaire", "continentale"}
# Continents, world regions and oceans the country table leaves out (it lists states only);
# "Amérique latine", "Asie du Sud-Est" come from the qualifiers above.
_WORLD_REGIONS = {"Europe", "Afrique", "Asie", "Océanie", "Antarctique", "Arctique", "Moyen-Orient",
                  "Proche-Orient", "Extrême-Orient", "Maghreb", "Machrek", "Sahel", "Balkans",
                  "Caraïbes", "Scandinavie", "Méditerranée", "Pacifique", "Atlantique"}
# Words the NER labels alone that name nothing in this convention.
_NOT_NAMES = {"état", "états", "république", "gouvernement", "constitution", "président",
              "présidente", "région", "ville", "premier ministre"} | _COMPASS
# Organisation nouns written alone: a short, anaphoric form ("la Commission", "le Front"),
# which the annotation leaves out.
_SHORT_FORMS = {"commission", "conseil", "front", "cour", "chambre", "comité", "agence",
                "alliance", "fédération", "ligue", "communauté", "mouvement", "parti", "office",
                "bureau", "direction", "groupe", "organisation", "ministère", "armée", "église"}
_OPENERS = {"«", "(", '"', "“"}
# Capitalised words after "ministre de" that name no portfolio ("ministre d'État").
_PORTFOLIO_NOT = {"État", "Etat"}
# Seats of power the annotation keeps as places even as metonyms ("l'Élysée a annoncé"): the
# president's palace is a LOC in the corpus (5/5 in the study articles), unlike "le Kremlin",
# "Matignon" or "le Pentagone". Matched on the seat's form without its article.
_SEATS_AS_PLACES = {"Élysée", "Elysée", "palais de l'Élysée", "palais de l'Elysée"}
# Organisation nouns that the annotation keeps in the name they introduce ("l'association
# Médecins du monde"), unlike "la société Opower" or "le journal Le Monde".
_KIND_IN_NAME = {"association"}
_LOWER_ARTICLE = re.compile(r"^(le|la|les) |^l['’]")
# Model designations after a maker's name ("737", "A320neo", "CL-415", "MU-2B").
_MODEL = re.compile(r"^[A-Z]{0,3}-?\d{2,}[A-Za-z0-9-]*$|^[A-Z]{1,3}-\d[A-Z0-9-]*$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&\-]*[A-Z]$")
_WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
_TIME_ZONES = {"UTC", "GMT", "CET", "CEST", "HAE", "HNE", "HAA", "HAP", "HNP", "HAC", "HNC", "EST",
               "EDT", "PST", "PDT"}
_TIME = re.compile(r"^\d{1,2}([:h]\d{0,2})?$|^h$|^heures?$", re.IGNORECASE)
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


@dataclass(slots=True)
class _Span:
    first: int  # token indices, inclusive
    last: int
    label: str  # PER, LOC, ORG or MISC (MISC survives only if a rule relabels it)
    source: str
    reasons: list[str] = field(default_factory=list)

    def note(self, reason: str) -> None:
        self.reasons.append(reason)

    def tokens(self) -> range:
        return range(self.first, self.last + 1)


def named_entities(parse: Parse, index: MentionIndex) -> list[NamedEntity]:
    """The article's PER/LOC/ORG names, outermost only, in text order."""
    if not parse.tokens:
        return []
    demonyms = _demonym_tokens(index)
    spans: list[_Span] = []
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
        _hyphenated(parse, s)
        _place_class(parse, s)
        _place_qualifier(parse, s)
        _institution_seat(parse, s)
    spans.extend(_institutions_with_country(parse, spans, index, demonyms))
    spans = _portfolios(parse, spans, index, demonyms)
    for s in spans:
        _organisation_head(parse, s)
        _organisation_kind(parse, s)
        _kind_in_name(parse, s)
        _article_of_title(parse, s)
    spans = [s for s in spans if not _not_a_name(parse, s) and not _product_or_event(parse, s)]
    spans = _body_of_place(parse, spans)
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


# -- helpers -----------------------------------------------------------------------------------
def _is_punct(tok: Token) -> bool:
    return tok.pos in ("PUNCT", "SPACE") or not any(c.isalnum() for c in tok.text)


def _low(tok: Token) -> str:
    return tok.lower.replace("’", "'")


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _text(parse: Parse, span: _Span) -> str:
    return parse.span_text(span.first, span.last)


def _mention_starting(index: MentionIndex, i: int) -> Mention | None:
    m = index.by_token.get(i)
    return m if m is not None and m.first == i else None


# -- spans from the NER ---------------------------------------------------------------------
def _ner_spans(parse: Parse) -> list[_Span]:
    """NER spans, cut at line breaks (the NER sometimes runs a list of names together)."""
    out: list[_Span] = []
    current: _Span | None = None
    for tok in parse.tokens:
        inside = (tok.ent_iob in ("B", "I") and bool(tok.ent_type) and "\n" not in tok.text
                  and not _spaced_dash(parse, tok))
        continues = (inside and current is not None and tok.ent_iob == "I"
                     and current.label == tok.ent_type and parse.tokens[current.first].sent == tok.sent)
        if current is not None and not continues:
            out.append(current)
            current = None
        if inside and current is None:
            current = _Span(tok.i, tok.i, tok.ent_type, "ner")
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


def _trim(parse: Parse, span: _Span, index: MentionIndex) -> _Span | None:
    """Strip articles, prepositions and punctuation around a name."""
    toks = parse.tokens
    first, last = span.first, span.last
    while first <= last:
        tok = toks[first]
        if _is_punct(tok):
            first += 1
        elif _low(tok) in _LEADING_FUNCTION_WORDS and not _capitalised(tok):
            span.note(f"dropped '{tok.text}'")
            first += 1
        elif _low(tok) in _ARTICLES and first < last and _sentence_article(parse, first, index, span.label):
            span.note(f"dropped '{tok.text}'")
            first += 1
        else:
            break
    while last >= first:
        tok = toks[last]
        if _is_punct(tok) or (not _capitalised(tok) and (
                _low(tok) in _TRAILING_FUNCTION_WORDS or _low(tok) in _WEEKDAYS
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


def _drop_demonym(parse: Parse, span: _Span, demonyms: set[int]) -> bool:
    """False when the span is only a demonym; "Autrichienne Nadine Fest" keeps the person."""
    toks = parse.tokens
    i = span.first
    if _low(toks[i]) in _ARTICLES and i + 1 in demonyms:
        i += 1  # "Les Lyonnaises", "L'Italienne" at the start of a sentence
    while i <= span.last and (i in demonyms or (i > span.first and _is_punct(toks[i]))):
        i += 1
    if i > span.last:
        return False
    if i > span.first:
        if not _capitalised(toks[i]):
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
    if _low(parse.tokens[i - 1]) not in _ARTICLES | {"un", "une", "des"}:
        return False
    nxt = parse.tokens[i + 1] if i + 1 < len(parse.tokens) else None
    return nxt is not None and (nxt.ent_type == "PER" or nxt.pos in ("VERB", "AUX"))


def _drop_titles(parse: Parse, span: _Span, index: MentionIndex, demonyms: set[int]) -> bool:
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
        while span.first <= span.last and _is_punct(parse.tokens[span.first]):
            span.first += 1
    return span.first <= span.last and any(_capitalised(t) for t in parse.tokens[span.first:span.last + 1])


def _title_then_name(parse: Parse, span: _Span, index: MentionIndex) -> bool:
    """"Premier ministre David Cameron" (MISC): the person after the title."""
    m = _mention_starting(index, span.first)
    if m is None or not any(e.kind == "title" for e in m.entries) or m.last >= span.last:
        return False
    rest = parse.tokens[m.last + 1:span.last + 1]
    if len(rest) < 2 or not all(_capitalised(t) and t.pos == "PROPN" for t in rest):
        return False
    span.note(f"MISC → PER: name after the title '{m.text}'")
    span.first, span.label = m.last + 1, "PER"
    return True


def _portfolio(parse: Parse, span: _Span, title: Mention, demonyms: set[int]) -> bool:
    """"ministre de l'Agriculture" (ORG) → "Agriculture"; False when there is no portfolio."""
    toks = parse.tokens
    if not title.text.lower().startswith("ministre") or title.last >= span.last:
        return False
    i = title.last + 1
    while i <= span.last and (_low(toks[i]) in _LEADING_FUNCTION_WORDS or _is_punct(toks[i])):
        i += 1
    if i > span.last or not _capitalised(toks[i]):
        return False
    last = i
    while last + 1 <= span.last and not _is_punct(toks[last + 1]) and (
            _capitalised(toks[last + 1]) or (toks[last + 1].pos == "ADJ" and last + 1 not in demonyms)):
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
            return ("LOC" if _LOWER_ARTICLE.sub("", e.form) in _SEATS_AS_PLACES else "ORG"), e
    return None


def _lexicon_spans(parse: Parse, index: MentionIndex) -> list[_Span]:
    out = []
    for m in index.mentions:
        found = _lexicon_label(m.entries)
        if found is None:
            continue
        label, entry = found
        span = _trim(parse, _Span(m.first, m.last, label, "lexicon"), index)
        if span is None or not (_capitalised(parse.tokens[span.first]) or parse.tokens[span.first].text[:1].isdigit()):
            continue  # "talibans", "casques bleus": common nouns here
        if label == "LOC" and _in_event_name(parse, span.first):
            continue
        span.reasons = [f"{entry.subkind or entry.kind} '{m.text}' ({entry.source})"]
        out.append(span)
    return out


def _in_event_name(parse: Parse, i: int) -> bool:
    """"championnat de France", "Tour de France", "Ironman Allemagne": part of a competition."""
    j = i - 1
    while j >= 0 and _low(parse.tokens[j]) in ("de", "d'", "du", "des"):
        j -= 1
    return j >= 0 and _low(parse.tokens[j]) in _EVENT_HEADS


@functools.lru_cache(maxsize=1)
def _media_names() -> re.Pattern[str]:
    """News agencies, media and journals (``media_organisations.tsv``), as one case-sensitive pattern."""
    forms = sorted({row["form"] for row in read_tsv(data_path("media_organisations.tsv"))}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f).replace("'", "['’]") for f in forms) + r")(?![\w-])")


def _media_spans(parse: Parse) -> list[_Span]:
    """Names of ``media_organisations.tsv`` in the text, on token boundaries."""
    starts = {t.idx: t.i for t in parse.tokens}
    ends = {t.end: t.i for t in parse.tokens}
    out = []
    for m in _media_names().finditer(parse.text):
        first, last = starts.get(m.start()), ends.get(m.end())
        if first is not None and last is not None and first <= last:
            out.append(_Span(first, last, "ORG", "lexicon", [f"medium '{m.group()}' (media_organisations.tsv)"]))
    return out


def _apply_lexicon(parse: Parse, spans: list[_Span], index: MentionIndex) -> list[_Span]:
    """Relabel NER spans the lexicon knows, widen them to its forms, add the names it missed."""
    return _merge_known(parse, spans, _lexicon_spans(parse, index))


def _merge_known(parse: Parse, spans: list[_Span], known: list[_Span]) -> list[_Span]:
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
                s.note(f"widened to '{_text(parse, lex)}' by {why}")
                s.first, s.last, s.label, s.source = lex.first, lex.last, lex.label, "ner+lexicon"
    return out


def _world_regions(parse: Parse, spans: list[_Span]) -> list[_Span]:
    """Continents and world regions the NER missed ("champion d'Europe")."""
    covered = {i for s in spans if s.label in LABELS for i in s.tokens()}
    out = []
    for tok in parse.tokens:
        if tok.text in _WORLD_REGIONS and tok.i not in covered and not _in_event_name(parse, tok.i):
            out.append(_Span(tok.i, tok.i, "LOC", "rule", [f"world region '{tok.text}'"]))
    return out


# -- phrase shapes ------------------------------------------------------------------------------
def _hyphenated(parse: Parse, span: _Span) -> None:
    """"CGT-Cheminots": a name goes on across a hyphen written without spaces."""
    toks = parse.tokens
    j = span.last + 1
    while (j + 1 < len(toks) and toks[j].text == "-" and toks[j].idx == toks[j - 1].end
           and toks[j + 1].idx == toks[j].end and _capitalised(toks[j + 1])):
        span.note(f"widened over '-{toks[j + 1].text}'")
        span.last = j + 1
        j += 2


def _place_class(parse: Parse, span: _Span) -> None:
    """"la ville de Hilla" → "Hilla": a generic place noun is not part of the name."""
    if span.label != "LOC" or span.first == span.last:
        return
    toks = parse.tokens
    if _low(toks[span.first]) not in _PLACE_CLASS_NOUNS or _capitalised(toks[span.first]):
        return
    i = span.first + 1
    while i <= span.last and (_low(toks[i]) in _LEADING_FUNCTION_WORDS or _is_punct(toks[i])):
        i += 1
    if i <= span.last and _capitalised(toks[i]):
        span.note(f"dropped '{parse.span_text(span.first, i - 1)}'")
        span.first = i


def _place_qualifier(parse: Parse, span: _Span) -> None:
    """"Afrique de l'Ouest", "Amérique latine": a compass point or qualifier continues the place."""
    if span.label != "LOC":
        return
    toks = parse.tokens
    j = span.last + 1
    if j < len(toks) and _low(toks[j]) in _PLACE_QUALIFIERS:
        span.note(f"widened with '{toks[j].text}'")
        span.last = j
        return
    k = j
    while k < len(toks) and _low(toks[k]) in ("de", "du", "l'", "la"):
        k += 1
    if k > j and k < len(toks) and _capitalised(toks[k]) and toks[k].lower in _COMPASS:
        span.note(f"widened with '{parse.span_text(j, k)}'")
        span.last = k


def _institution_seat(parse: Parse, span: _Span) -> None:
    """"diocèse de Hearst": a body named after its seat is an ORG, the whole phrase."""
    if span.label != "LOC":
        return
    toks = parse.tokens
    if _low(toks[span.first]) in _INSTITUTION_NOUNS:
        span.note(f"LOC → ORG: '{toks[span.first].text}' names a body")
        span.label = "ORG"
        nxt = span.first + 1
        if (_low(toks[span.first]) in _NAME_ONLY_NOUNS and not _capitalised(toks[span.first])
                and nxt <= span.last and _capitalised(toks[nxt])):
            span.note(f"dropped '{toks[span.first].text}'")  # "lycée Vaugelas" → "Vaugelas"
            span.first = nxt
        return
    i = span.first - 1
    while i >= 0 and _low(toks[i]) in ("de", "du", "des", "d'", "la", "l'"):
        i -= 1
    if (i >= 0 and _low(toks[i]) in _INSTITUTION_NOUNS - _TOWN_SERVICE_NOUNS
            and toks[i].sent == toks[span.first].sent):
        span.note(f"widened to '{toks[i].text} …': a body named after its seat")
        span.first, span.label = i, "ORG"


def _organisation_head(parse: Parse, span: _Span) -> None:
    """"Chambre des communes", "Grande Mosquée de Valence" are bodies, not places or people."""
    if span.label not in ("LOC", "PER", "MISC") or span.source != "ner":
        return
    toks = parse.tokens
    head = toks[span.first]
    if span.first == span.last and (not _capitalised(head) or span.label == "MISC"):
        return  # "Église" alone, as the NER's MISC, is the institution in general
    if head.pos == "ADJ" and span.first + 1 <= span.last:
        head = toks[span.first + 1]  # "Grande Mosquée", "Haute Cour"
    if _low(head) in _ORG_HEAD_NOUNS:
        span.note(f"{span.label} → ORG: '{head.text}' names a body")
        span.label = "ORG"
        return
    words = [t.text for t in toks[span.first:span.last + 1]]
    mark = next((w for w in words if w in _CLUB_MARKS), None)
    if mark is None and span.last > span.first and words[-1] in _ORG_TAIL_WORDS and span.label != "MISC":
        mark = words[-1]
    if mark is not None:
        span.note(f"{span.label} → ORG: '{mark}' names a club or a venue")
        span.label = "ORG"


def _organisation_kind(parse: Parse, span: _Span) -> None:
    """"la société Opower", "le quotidien allemand Bild", "l'agence de presse Anadolu": the name
    after such a noun (and its adjectives or complement) is an organisation."""
    if span.label not in ("LOC", "PER", "MISC") or span.source != "ner" or span.first == 0:
        return
    if not _capitalised(parse.tokens[span.first]):
        return
    kind = _kind_before(parse, span.first)
    if kind is not None:
        span.note(f"{span.label} → ORG: named after '{kind}'")
        span.label = "ORG"


def _kind_in_name(parse: Parse, span: _Span) -> None:
    """"l'association Médecins du monde": the noun right before the name belongs to it."""
    i = span.first - 1
    if span.label != "ORG" or i < 0 or not _capitalised(parse.tokens[span.first]):
        return
    tok = parse.tokens[i]
    if tok.text in _KIND_IN_NAME and tok.sent == parse.tokens[span.first].sent:
        span.note(f"widened with '{tok.text}'")
        span.first = i


def _kind_before(parse: Parse, i: int) -> str | None:
    """The organisation noun right before token ``i``, over up to two lower-case adjectives or a
    "de" complement ("compagnie aérienne low-cost", "agence de presse"), or None."""
    toks = parse.tokens
    j = i - 1
    for _ in range(3):
        if j < 0 or _capitalised(toks[j]) or _is_punct(toks[j]) or toks[j].sent != toks[i].sent:
            return None
        low = _low(toks[j])
        if low in _ORG_KIND_NOUNS:
            return toks[j].text
        if j >= 2 and low in _KIND_COMPLEMENTS and _low(toks[j - 1]) in ("de", "d'"):
            j -= 2  # "agence de presse", "chaîne de télévision"
        elif toks[j].pos == "ADJ" or low in ("low-cost", "low cost"):
            j -= 1
        else:
            return None
    return None


def _article_of_title(parse: Parse, span: _Span) -> None:
    """"selon Les Républicains", "dans Le Figaro": a capitalised article mid-sentence is the name's."""
    i = span.first - 1
    if span.label != "ORG" or i < 1 or _low(parse.tokens[i]) not in _ARTICLES:
        return
    tok, prev = parse.tokens[i], parse.tokens[i - 1]
    if not _capitalised(tok) or prev.sent != tok.sent or (
            _is_punct(prev) and (prev.text not in _OPENERS or span.source != "ner")):
        return  # "parti « Les Républicains »": a quote or bracket opens the name, not a sentence
    span.note(f"widened with '{tok.text}'")
    span.first = i


def _institutions_with_country(parse: Parse, spans: list[_Span], index: MentionIndex,
                               demonyms: set[int]) -> list[_Span]:
    """"l'armée syrienne", "le gouvernement ukrainien": a state body with its country adjective."""
    covered = {i for s in spans if s.label in LABELS for i in s.tokens()}
    out = []
    for m in index.mentions:
        head = next((e for e in m.entries if e.kind == "head" and e.form.lower() in _INSTITUTION_HEADS), None)
        if head is None:
            continue
        j = m.last + 1
        if j >= len(parse.tokens) or j not in demonyms or _capitalised(parse.tokens[j]):
            continue
        dem = index.by_token.get(j)
        last = dem.last if dem is not None else j
        if any(i in covered for i in range(m.first, last + 1)):
            continue
        out.append(_Span(m.first, last, "ORG", "lexicon",
                         [f"head '{m.text}' ({head.source}) with demonym '{parse.span_text(j, last)}'"]))
    return out


def _body_of_place(parse: Parse, spans: list[_Span]) -> list[_Span]:
    """"Université d'agriculture" + "du Punjab", "Conseil régional" + "de Bretagne": a body
    whose name opens with an institution noun takes the place it serves."""
    toks = parse.tokens
    ordered = sorted(spans, key=lambda s: s.first)
    dropped: set[int] = set()
    for a, s in enumerate(ordered):
        if s.label != "ORG" or id(s) in dropped:
            continue
        head = toks[s.first]
        if _low(head) not in _ORG_HEAD_NOUNS or not _capitalised(head):
            continue
        j = s.last + 1
        if j >= len(toks) or _low(toks[j]) not in ("de", "du", "des", "d'"):
            continue
        k = j + 1
        while k < len(toks) and _low(toks[k]) in ("la", "l'", "les"):
            k += 1
        place = next((t for t in ordered[a + 1:] if t.first == k and t.label == "LOC"), None)
        if place is None or toks[place.last].sent != head.sent:
            continue
        s.note(f"widened with '{parse.span_text(j, place.last)}': the place the body serves")
        s.last = place.last
        dropped.add(id(place))
    return [s for s in spans if id(s) not in dropped]


def _portfolios(parse: Parse, spans: list[_Span], index: MentionIndex, demonyms: set[int]) -> list[_Span]:
    """"le ministre colombien de la Santé" → "Santé": a minister's portfolio is an organisation,
    whether or not the NER marked it (and whatever label it gave it)."""
    toks = parse.tokens
    out = list(spans)
    for m in index.mentions:
        if not any(e.kind == "title" for e in m.entries) or _low(toks[m.first]) != "ministre":
            continue
        i = m.first + 1
        while i < len(toks) and (i in demonyms and not _capitalised(toks[i])):
            i += 1  # "ministre colombien de la Santé"
        k = i
        while k < len(toks) and _low(toks[k]) in ("de", "du", "des", "d'", "la", "l'"):
            k += 1
        if (k == i or k >= len(toks) or not _capitalised(toks[k]) or toks[k].text in _PORTFOLIO_NOT
                or toks[k].ent_type == "PER"):
            continue  # "ministre de de Gaulle": a person's minister
        last = k
        while last + 1 < len(toks) and not _is_punct(toks[last + 1]) and toks[last + 1].sent == toks[k].sent and (
                _capitalised(toks[last + 1]) or (toks[last + 1].pos == "ADJ" and _agrees(toks[k], toks[last + 1]))):
            if _person_run(parse, last + 1) is not None:
                break  # "ministre de l'Intérieur Bernard Cazeneuve": the minister's name follows
            last += 1
        person = _person_run(parse, last + 1)
        if person is not None:
            # The NER's spans over the portfolio and the name give way to the two of them.
            end = person
            out = [s for s in out if not (k <= s.last and s.first <= end and s.first >= m.first and s.last <= end
                                          and (s.first <= last or s.label != "PER"))]
            if not any(s.first <= end and last < s.last for s in out):
                out.append(_Span(last + 1, end, "PER", "rule",
                                 [f"the minister's name after the portfolio '{parse.span_text(k, last)}'"]))
        inside = [s for s in out if s.first <= last and k <= s.last]
        if any(s.label in LABELS and (s.first < k or s.last > last) and s.label != "PER" for s in inside):
            continue  # a longer name covers it ("ministère de l'Intérieur turc")
        out = [s for s in out if s not in inside or s.label == "PER" and (s.first < k or s.last > last)]
        if any(s.first <= last and k <= s.last for s in out):
            continue  # "Intérieur Bernard Cazeneuve": the NER ran the portfolio into a person
        out.append(_Span(k, last, "ORG", "rule", [f"portfolio of '{parse.span_text(m.first, i - 1)}'"]))
    return out


def _person_run(parse: Parse, i: int) -> int | None:
    """The last token of a person's name starting at ``i`` ("Bernard Cazeneuve", "Jean-Yves Le
    Drian", "Najat Vallaud-Belkacem"): two or more capitalised words, or one the NER starts a
    person with; None if no name starts there."""
    toks = parse.tokens
    if i >= len(toks) or not _capitalised(toks[i]) or _is_punct(toks[i]):
        return None
    j = i
    while j + 1 < len(toks) and toks[j + 1].sent == toks[i].sent and (
            (_capitalised(toks[j + 1]) and not _is_punct(toks[j + 1]))
            or (toks[j + 1].text == "-" and toks[j + 1].idx == toks[j].end and j + 2 < len(toks)
                and toks[j + 2].idx == toks[j + 1].end and _capitalised(toks[j + 2]))):
        j += 2 if toks[j + 1].text == "-" else 1
    if j > i or (toks[i].ent_iob == "B" and toks[i].ent_type == "PER"):
        return j
    return None


def _agrees(noun: Token, adj: Token) -> bool:
    """Does ``adj`` agree in gender with ``noun`` ("Finances françaises", not "Affaires … français")?"""
    a, b = noun.feat("Gender"), adj.feat("Gender")
    return a is None or b is None or a == b


def _product_or_event(parse: Parse, span: _Span) -> bool:
    """"Airbus A320", "Boeing 737" are products; "Ironman France", "Coupe du monde" events."""
    toks = parse.tokens
    if span.label == "ORG":
        nxt = toks[span.last + 1] if span.last + 1 < len(toks) else None
        if (nxt is not None and _MODEL.match(nxt.text)) or (
                span.last > span.first and _MODEL.match(toks[span.last].text)):
            return True
    return span.source == "ner" and _low(toks[span.first]) in _EVENT_HEADS - {"tour"}


def _not_a_name(parse: Parse, span: _Span) -> bool:
    """Generic words, single letters ("groupe A") and time zones the NER took for names."""
    if span.source != "ner":
        return False
    toks = parse.tokens[span.first:span.last + 1]
    text = _text(parse, span)
    if text.lower() in _NOT_NAMES or text.lower() in _SHORT_FORMS:
        return True
    if (span.label != "PER" and len(toks) <= 3 and len(toks[-1].text) == 1 and toks[-1].text.isalpha()
            and all(t.text.isalpha() for t in toks)):
        return True  # "Groupe C", "A": a group or a list item
    if span.first == span.last and span.label != "PER" and _sentence_initial_word(parse, span.first):
        return True  # "Cinéma : décès de …", "Rassemblement à Toulouse": a capitalised common word
    if text in _TIME_ZONES:
        prev = span.first - 1
        while prev >= 0 and _is_punct(parse.tokens[prev]):
            prev -= 1
        return prev >= 0 and bool(_TIME.match(parse.tokens[prev].text.replace("\u202f", "")))
    return False


def _sentence_initial_word(parse: Parse, i: int) -> bool:
    """A common noun, adjective or verb capitalised only because it opens a sentence or a line."""
    tok = parse.tokens[i]
    if tok.pos not in ("NOUN", "ADJ", "VERB") or not tok.lemma[:1].islower():
        return False
    prev = parse.tokens[i - 1] if i > 0 else None
    return prev is None or prev.sent != tok.sent or "\n" in prev.text


# -- the article as a whole ---------------------------------------------------------------------
def _document_consistency(parse: Parse, spans: list[_Span]) -> list[_Span]:
    """One name, one label in an article; the surname of a named person is a person."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s in spans:
        if s.label in LABELS:
            relabelled = any("→ ORG" in r for r in s.reasons)  # "la compagnie Flydubai"
            votes[_text(parse, s)][s.label] += 2 if s.source != "ner" or relabelled else 1
    surnames = _surnames(parse, spans)
    for s in spans:
        if s.source != "ner":
            continue
        text = _text(parse, s)
        if text in surnames and s.label != "PER":
            s.note(f"{s.label} → PER: surname of a person named in the article")
            s.label = "PER"
            continue
        ranked = votes[text].most_common()
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1] and ranked[0][0] != s.label:
            s.note(f"{s.label} → {ranked[0][0]}: the article's majority label for '{text}'")
            s.label = ranked[0][0]
    return spans


def _surnames(parse: Parse, spans: list[_Span]) -> set[str]:
    out = set()
    for s in spans:
        if s.label == "PER" and s.last > s.first:
            words = [t.text for t in parse.tokens[s.first:s.last + 1] if not _is_punct(t)]
            if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                out.add(words[-1])
    return out


def _acronyms(parse: Parse, spans: list[_Span]) -> list[_Span]:
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
                or tok.text in _TIME_ZONES):
            continue
        before = toks[i - 2]
        if _capitalised(before) or before.ent_type in ("ORG", "PER") or before.i in covered:
            defined.setdefault(tok.text, f"acronym '{tok.text}' given in parentheses after '{before.text}'")
    for s in spans:
        if s.first == s.last and s.source == "ner" and s.label != "ORG" and toks[s.first].text in defined:
            s.note(f"{s.label} → ORG: {defined[toks[s.first].text]}")
            s.label = "ORG"
    out = []
    for tok in toks:
        if tok.text in defined and tok.i not in covered:
            out.append(_Span(tok.i, tok.i, "ORG", "rule", [defined[tok.text]]))
    return out


def _repeated_organisations(parse: Parse, spans: list[_Span]) -> list[_Span]:
    """An organisation found once is the same organisation wherever the article names it again
    and the NER saw nothing ("la compagnie Flydubai … Flydubai a annoncé")."""
    toks = parse.tokens
    covered = {i for s in spans if s.label in LABELS for i in s.tokens()}
    names: dict[tuple[str, ...], str] = {}
    for s in spans:
        if (s.label == "ORG" and _capitalised(toks[s.first]) and len(_text(parse, s)) > 2
                and not any(c.isdigit() for c in _text(parse, s)) and _text(parse, s).lower() not in _SHORT_FORMS):
            names.setdefault(tuple(t.text for t in toks[s.first:s.last + 1]), _text(parse, s))
    out = []
    for words, text in sorted(names.items(), key=lambda kv: -len(kv[0])):
        n = len(words)
        for i in range(len(toks) - n + 1):
            if toks[i].text != words[0] or any(j in covered for j in range(i, i + n)):
                continue
            if tuple(t.text for t in toks[i:i + n]) != words:
                continue
            nxt = toks[i + n] if i + n < len(toks) else None
            if nxt is not None and not _is_punct(nxt) and (_capitalised(nxt) or nxt.text[:1].isdigit()):
                continue  # part of a longer name, or an edition ("CAN 2017")
            out.append(_Span(i, i + n - 1, "ORG", "rule", [f"'{text}' is an organisation elsewhere in the article"]))
            covered.update(range(i, i + n))
    return out


def _acronym_expansions(parse: Parse, spans: list[_Span], index: MentionIndex) -> list[_Span]:
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
            if any(_is_punct(t) or "\n" in t.text for t in words):
                break
            content = [t for t in words if _low(t) not in _TRAILING_FUNCTION_WORDS]
            initials = "".join(t.text[0] for t in content).upper()
            if initials != letters:
                continue
            if _low(toks[start]) in _TRAILING_FUNCTION_WORDS:
                break
            head = _low(toks[start])
            if not known and head not in _ORG_HEAD_NOUNS | _ORG_KIND_NOUNS and not any(
                    j in org_tokens for j in range(start, end + 1)) and not (
                    len(content) > 2 and all(_capitalised(t) for t in content)):
                break  # "Jet Propulsion Laboratory (JPL)": a capitalised name of three words or more
            out.append(_Span(start, end, "ORG", "rule", [f"words spelling the acronym '{letters}'"]))
            spelt = True
            break
        if not spelt:
            span = _lower_case_body(parse, end, org_tokens)
            if span is not None:
                span.note(f"a body written in lower case before the acronym '{letters}'")
                out.append(span)
    return out


def _lower_case_body(parse: Parse, end: int, taken: set[int]) -> _Span | None:
    """"l'agence spatiale japonaise (JAXA)", "la fédération internationale (ITU)": a body written in
    lower case, from its noun to the acronym, whose initials need not spell it (the acronym is
    often the name in another language). The nearest noun for a body wins ("le bureau des débris
    spatiaux de l'agence spatiale européenne (ESA)" → "agence spatiale européenne")."""
    toks = parse.tokens
    if end < 0 or _low(toks[end]) in _TRAILING_FUNCTION_WORDS:
        return None
    for start in range(end, max(-1, end - 8), -1):
        tok = toks[start]
        if (_capitalised(tok) or _is_punct(tok) or "\n" in tok.text or start in taken
                or tok.pos not in ("NOUN", "ADJ", "DET", "ADP") or tok.sent != toks[end].sent):
            return None
        if tok.text in _ORG_HEAD_NOUNS | _ORG_KIND_NOUNS:
            return _Span(start, end, "ORG", "rule") if start < end else None
    return None


def _outermost(spans: list[_Span]) -> list[_Span]:
    """Drop spans inside or overlapping a longer one (ties: the earlier span)."""
    ordered = sorted(spans, key=lambda s: (-(s.last - s.first), s.first))
    taken: list[_Span] = []
    used: set[int] = set()
    for s in ordered:
        if any(i in used for i in s.tokens()):
            continue
        taken.append(s)
        used.update(s.tokens())
    return sorted(taken, key=lambda s: s.first)
