"""Phrase shapes of names in French news: where a name starts and ends, and which label the
words around it give it ("la ville de Hilla" → "Hilla", "l'armée syrienne" → one ORG, "le
ministre colombien de la Santé" → "Santé"). Rules of ``communique.mentions.entities``, one
function each, working on ``NameSpan``s of a ``Parse``."""

from __future__ import annotations

import re

from communique.mentions.actors import MentionIndex
from communique.mentions.name_spans import LABELS, NameSpan, capitalised, entity_words, is_punct, low, name_text
from communique.parse import Parse, Token

# Model designations after a maker's name ("737", "A320neo", "CL-415", "MU-2B").
_MODEL = re.compile(r"^[A-Z]{0,3}-?\d{2,}[A-Za-z0-9-]*$|^[A-Z]{1,3}-\d[A-Z0-9-]*$")
_TIME = re.compile(r"^\d{1,2}([:h]\d{0,2})?$|^h$|^heures?$", re.IGNORECASE)


def hyphenated(parse: Parse, span: NameSpan) -> None:
    """"CGT-Cheminots": a name goes on across a hyphen written without spaces."""
    toks = parse.tokens
    j = span.last + 1
    while (j + 1 < len(toks) and toks[j].text == "-" and toks[j].idx == toks[j - 1].end
           and toks[j + 1].idx == toks[j].end and capitalised(toks[j + 1])):
        span.note(f"widened over '-{toks[j + 1].text}'")
        span.last = j + 1
        j += 2


def place_class(parse: Parse, span: NameSpan) -> None:
    """"la ville de Hilla" → "Hilla": a generic place noun is not part of the name."""
    if span.label != "LOC" or span.first == span.last:
        return
    toks = parse.tokens
    if low(toks[span.first]) not in entity_words().place_class_nouns or capitalised(toks[span.first]):
        return
    i = span.first + 1
    while i <= span.last and (low(toks[i]) in entity_words().leading_function_words or is_punct(toks[i])):
        i += 1
    if i <= span.last and capitalised(toks[i]):
        span.note(f"dropped '{parse.span_text(span.first, i - 1)}'")
        span.first = i


def place_qualifier(parse: Parse, span: NameSpan) -> None:
    """"Afrique de l'Ouest", "Amérique latine": a compass point or qualifier continues the place."""
    if span.label != "LOC":
        return
    toks = parse.tokens
    j = span.last + 1
    if j < len(toks) and low(toks[j]) in entity_words().place_qualifiers:
        span.note(f"widened with '{toks[j].text}'")
        span.last = j
        return
    k = j
    while k < len(toks) and low(toks[k]) in ("de", "du", "l'", "la"):
        k += 1
    if k > j and k < len(toks) and capitalised(toks[k]) and toks[k].lower in entity_words().compass:
        span.note(f"widened with '{parse.span_text(j, k)}'")
        span.last = k


def institution_seat(parse: Parse, span: NameSpan) -> None:
    """"diocèse de Hearst": a body named after its seat is an ORG, the whole phrase."""
    if span.label != "LOC":
        return
    toks = parse.tokens
    if low(toks[span.first]) in entity_words().institution_nouns:
        span.note(f"LOC → ORG: '{toks[span.first].text}' names a body")
        span.label = "ORG"
        nxt = span.first + 1
        if (low(toks[span.first]) in entity_words().name_only_nouns and not capitalised(toks[span.first])
                and nxt <= span.last and capitalised(toks[nxt])):
            span.note(f"dropped '{toks[span.first].text}'")  # "lycée Vaugelas" → "Vaugelas"
            span.first = nxt
        return
    i = span.first - 1
    while i >= 0 and low(toks[i]) in ("de", "du", "des", "d'", "la", "l'"):
        i -= 1
    if (i >= 0 and low(toks[i]) in entity_words().institution_nouns - entity_words().town_service_nouns
            and toks[i].sent == toks[span.first].sent):
        span.note(f"widened to '{toks[i].text} …': a body named after its seat")
        span.first, span.label = i, "ORG"


def organisation_head(parse: Parse, span: NameSpan) -> None:
    """"Chambre des communes", "Grande Mosquée de Valence" are bodies, not places or people."""
    if span.label not in ("LOC", "PER", "MISC") or span.source != "ner":
        return
    toks = parse.tokens
    head = toks[span.first]
    if span.first == span.last and (not capitalised(head) or span.label == "MISC"):
        return  # "Église" alone, as the NER's MISC, is the institution in general
    if head.pos == "ADJ" and span.first + 1 <= span.last:
        head = toks[span.first + 1]  # "Grande Mosquée", "Haute Cour"
    if low(head) in entity_words().org_head_nouns:
        span.note(f"{span.label} → ORG: '{head.text}' names a body")
        span.label = "ORG"
        return
    words = [t.text for t in toks[span.first:span.last + 1]]
    mark = next((w for w in words if w in entity_words().club_marks), None)
    if mark is None and span.last > span.first and words[-1] in entity_words().org_tail_words and span.label != "MISC":
        mark = words[-1]
    if mark is not None:
        span.note(f"{span.label} → ORG: '{mark}' names a club or a venue")
        span.label = "ORG"


def organisation_kind(parse: Parse, span: NameSpan) -> None:
    """"la société Opower", "le quotidien allemand Bild", "l'agence de presse Anadolu": the name
    after such a noun (and its adjectives or complement) is an organisation."""
    if span.label not in ("LOC", "PER", "MISC") or span.source != "ner" or span.first == 0:
        return
    if not capitalised(parse.tokens[span.first]):
        return
    kind = _kind_before(parse, span.first)
    if kind is not None:
        span.note(f"{span.label} → ORG: named after '{kind}'")
        span.label = "ORG"


def kind_in_name(parse: Parse, span: NameSpan) -> None:
    """"l'association Médecins du monde": the noun right before the name belongs to it."""
    i = span.first - 1
    if span.label != "ORG" or i < 0 or not capitalised(parse.tokens[span.first]):
        return
    tok = parse.tokens[i]
    if tok.text in entity_words().kind_in_name and tok.sent == parse.tokens[span.first].sent:
        span.note(f"widened with '{tok.text}'")
        span.first = i


def _kind_before(parse: Parse, i: int) -> str | None:
    """The organisation noun right before token ``i``, over up to two lower-case adjectives or a
    "de" complement ("compagnie aérienne low-cost", "agence de presse"), or None."""
    toks = parse.tokens
    j = i - 1
    for _ in range(3):
        if j < 0 or capitalised(toks[j]) or is_punct(toks[j]) or toks[j].sent != toks[i].sent:
            return None
        word = low(toks[j])
        if word in entity_words().org_kind_nouns:
            return toks[j].text
        if j >= 2 and word in entity_words().kind_complements and low(toks[j - 1]) in ("de", "d'"):
            j -= 2  # "agence de presse", "chaîne de télévision"
        elif toks[j].pos == "ADJ" or word in ("low-cost", "low cost"):
            j -= 1
        else:
            return None
    return None


def article_of_title(parse: Parse, span: NameSpan) -> None:
    """"selon Les Républicains", "dans Le Figaro": a capitalised article mid-sentence is the name's."""
    i = span.first - 1
    if span.label != "ORG" or i < 1 or low(parse.tokens[i]) not in entity_words().articles:
        return
    tok, prev = parse.tokens[i], parse.tokens[i - 1]
    if not capitalised(tok) or prev.sent != tok.sent or (
            is_punct(prev) and (prev.text not in entity_words().openers or span.source != "ner")):
        return  # "parti « Les Républicains »": a quote or bracket opens the name, not a sentence
    span.note(f"widened with '{tok.text}'")
    span.first = i


def institutions_with_country(parse: Parse, spans: list[NameSpan], index: MentionIndex,
                               demonyms: set[int]) -> list[NameSpan]:
    """"l'armée syrienne", "le gouvernement ukrainien": a state body with its country adjective."""
    covered = {i for s in spans if s.label in LABELS for i in s.tokens()}
    out = []
    for m in index.mentions:
        head = next((e for e in m.entries if e.kind == "head" and e.form.lower() in entity_words().institution_heads), None)
        if head is None:
            continue
        j = m.last + 1
        if j >= len(parse.tokens) or j not in demonyms or capitalised(parse.tokens[j]):
            continue
        dem = index.by_token.get(j)
        last = dem.last if dem is not None else j
        if any(i in covered for i in range(m.first, last + 1)):
            continue
        out.append(NameSpan(m.first, last, "ORG", "lexicon",
                         [f"head '{m.text}' ({head.source}) with demonym '{parse.span_text(j, last)}'"]))
    return out


def body_of_place(parse: Parse, spans: list[NameSpan]) -> list[NameSpan]:
    """"Université d'agriculture" + "du Punjab", "Conseil régional" + "de Bretagne": a body
    whose name opens with an institution noun takes the place it serves."""
    toks = parse.tokens
    ordered = sorted(spans, key=lambda s: s.first)
    dropped: set[int] = set()
    for a, s in enumerate(ordered):
        if s.label != "ORG" or id(s) in dropped:
            continue
        head = toks[s.first]
        if low(head) not in entity_words().org_head_nouns or not capitalised(head):
            continue
        j = s.last + 1
        if j >= len(toks) or low(toks[j]) not in ("de", "du", "des", "d'"):
            continue
        k = j + 1
        while k < len(toks) and low(toks[k]) in ("la", "l'", "les"):
            k += 1
        place = next((t for t in ordered[a + 1:] if t.first == k and t.label == "LOC"), None)
        if place is None or toks[place.last].sent != head.sent:
            continue
        s.note(f"widened with '{parse.span_text(j, place.last)}': the place the body serves")
        s.last = place.last
        dropped.add(id(place))
    return [s for s in spans if id(s) not in dropped]


def portfolios(parse: Parse, spans: list[NameSpan], index: MentionIndex, demonyms: set[int]) -> list[NameSpan]:
    """"le ministre colombien de la Santé" → "Santé": a minister's portfolio is an organisation,
    whether or not the NER marked it (and whatever label it gave it)."""
    toks = parse.tokens
    out = list(spans)
    for m in index.mentions:
        if not any(e.kind == "title" for e in m.entries) or low(toks[m.first]) != "ministre":
            continue
        i = m.first + 1
        while i < len(toks) and (i in demonyms and not capitalised(toks[i])):
            i += 1  # "ministre colombien de la Santé"
        k = i
        while k < len(toks) and low(toks[k]) in ("de", "du", "des", "d'", "la", "l'"):
            k += 1
        if (k == i or k >= len(toks) or not capitalised(toks[k]) or toks[k].text in entity_words().portfolio_not
                or toks[k].ent_type == "PER"):
            continue  # "ministre de de Gaulle": a person's minister
        last = k
        while last + 1 < len(toks) and not is_punct(toks[last + 1]) and toks[last + 1].sent == toks[k].sent and (
                capitalised(toks[last + 1]) or (toks[last + 1].pos == "ADJ" and _agrees(toks[k], toks[last + 1]))):
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
                out.append(NameSpan(last + 1, end, "PER", "rule",
                                 [f"the minister's name after the portfolio '{parse.span_text(k, last)}'"]))
        inside = [s for s in out if s.first <= last and k <= s.last]
        if any(s.label in LABELS and (s.first < k or s.last > last) and s.label != "PER" for s in inside):
            continue  # a longer name covers it ("ministère de l'Intérieur turc")
        out = [s for s in out if s not in inside or s.label == "PER" and (s.first < k or s.last > last)]
        if any(s.first <= last and k <= s.last for s in out):
            continue  # "Intérieur Bernard Cazeneuve": the NER ran the portfolio into a person
        out.append(NameSpan(k, last, "ORG", "rule", [f"portfolio of '{parse.span_text(m.first, i - 1)}'"]))
    return out


def _person_run(parse: Parse, i: int) -> int | None:
    """The last token of a person's name starting at ``i`` ("Bernard Cazeneuve", "Jean-Yves Le
    Drian", "Najat Vallaud-Belkacem"): two or more capitalised words, or one the NER starts a
    person with; None if no name starts there."""
    toks = parse.tokens
    if i >= len(toks) or not capitalised(toks[i]) or is_punct(toks[i]):
        return None
    j = i
    while j + 1 < len(toks) and toks[j + 1].sent == toks[i].sent and (
            (capitalised(toks[j + 1]) and not is_punct(toks[j + 1]))
            or (toks[j + 1].text == "-" and toks[j + 1].idx == toks[j].end and j + 2 < len(toks)
                and toks[j + 2].idx == toks[j + 1].end and capitalised(toks[j + 2]))):
        j += 2 if toks[j + 1].text == "-" else 1
    if j > i or (toks[i].ent_iob == "B" and toks[i].ent_type == "PER"):
        return j
    return None


def _agrees(noun: Token, adj: Token) -> bool:
    """Does ``adj`` agree in gender with ``noun`` ("Finances françaises", not "Affaires … français")?"""
    a, b = noun.feat("Gender"), adj.feat("Gender")
    return a is None or b is None or a == b


def product_or_event(parse: Parse, span: NameSpan) -> bool:
    """"Airbus A320", "Boeing 737" are products; "Ironman France", "Coupe du monde" events."""
    toks = parse.tokens
    if span.label == "ORG":
        nxt = toks[span.last + 1] if span.last + 1 < len(toks) else None
        if (nxt is not None and _MODEL.match(nxt.text)) or (
                span.last > span.first and _MODEL.match(toks[span.last].text)):
            return True
    return span.source == "ner" and low(toks[span.first]) in entity_words().event_heads - {"tour"}


def not_a_name(parse: Parse, span: NameSpan) -> bool:
    """Generic words, single letters ("groupe A") and time zones the NER took for names."""
    if span.source != "ner":
        return False
    toks = parse.tokens[span.first:span.last + 1]
    text = name_text(parse, span)
    if text.lower() in entity_words().not_names or text.lower() in entity_words().short_forms:
        return True
    if (span.label != "PER" and len(toks) <= 3 and len(toks[-1].text) == 1 and toks[-1].text.isalpha()
            and all(t.text.isalpha() for t in toks)):
        return True  # "Groupe C", "A": a group or a list item
    if span.first == span.last and span.label != "PER" and _sentence_initial_word(parse, span.first):
        return True  # "Cinéma : décès de …", "Rassemblement à Toulouse": a capitalised common word
    if text in entity_words().time_zones:
        prev = span.first - 1
        while prev >= 0 and is_punct(parse.tokens[prev]):
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
