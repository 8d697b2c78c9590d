"""Did it happen? Negation, future, conditional, plans, habits and background are not events.

Each check returns the reason to skip a trigger (shown with ``--explain-skips``) or None.
"""

from __future__ import annotations

from communique.events.grammar import grammar_words
from communique.parse import Parse, Token

_ANCHOR_DEPS = ("advmod", "obl", "obl:mod", "obl:tmod", "nmod", "nmod:tmod", "npadvmod")


def _aux(parse: Parse, verb: Token) -> list[Token]:
    return [c for c in parse.children(verb) if c.dep.startswith("aux")]


def _background_span(parse: Parse, kids: list[Token], *, lang: str) -> str | None:
    spans = grammar_words(lang).background_span
    if not spans:
        return None
    for child in kids:
        if child.dep not in ("prep", "obl", "npadvmod", "advmod"):
            continue
        words = [t.lower for t in parse.subtree(child) if t.pos != "DET"]
        if tuple(w for w in words if w not in ("the", "last")) in spans or tuple(words) in spans:
            return " ".join(t.text for t in parse.subtree(child))
    return None


def _present(verb: Token, *, lang: str) -> bool:
    if lang == "fr":
        return verb.feat("Tense") == "Pres" and verb.feat("VerbForm") == "Fin"
    return verb.feat("Tense") == "Pres" and verb.feat("VerbForm") == "Fin" and verb.pos == "VERB"


def verb_modality(parse: Parse, verb: Token, *, lang: str) -> str | None:
    """Reason why this verb does not report a real, completed act (None when it does)."""
    kids = list(parse.children(verb))
    neg = grammar_words(lang).negation
    for child in kids:
        if child.dep in ("advmod", "neg") and child.lower in neg:
            return f"negated ('{child.text}')"
        if child.dep == "mark" and child.lower in grammar_words(lang).condition_mark:
            return f"hypothetical ('{child.text}')"
        if child.dep == "advmod" and child.lower in grammar_words(lang).habitual:
            return f"habitual ('{child.text}')"
    accuser = _accusation_of(parse, verb, kids, lang=lang)
    if accuser is not None:
        # "accused the army of killing two fighters", "accuse les forces d'avoir tué…": what the
        # accusation says was done is its content, the accusation is the act told
        return f"content of the accusation '{accuser.text}' (alleged, not told as done)"
    auxes = _aux(parse, verb)
    if verb.dep in ("acl", "ccomp") and any(c.dep == "mark" and c.lower in grammar_words(lang).completive_mark
                                             for c in kids):
        noun = parse.head(verb)
        gov = parse.head(noun)
        if (noun.pos == "NOUN" and noun.dep in ("obj", "dobj") and gov.i != noun.i
                and gov.lemma.lower() in grammar_words(lang).unrealised_content_verb):
            # "denied reports that the crossing had been closed": what the denied (or demanded)
            # thing says is its content, not an act told
            return f"content of '{noun.text}' under '{gov.text}' (denied or asked for, not told as done)"
    if verb.dep in ("ccomp", "xcomp") or (verb.dep == "dep" and any(c.dep == "mark" for c in kids)):
        head = parse.head(verb)
        if head.i != verb.i and head.lemma.lower() in grammar_words(lang).unrealised_content_verb and (
                verb.dep != "xcomp" or verb.feat("VerbForm") == "Fin"):
            # "a exigé que les soldats quittent la base", "a démenti que les otages aient été
            # libérés", "demanded that Israel withdraw": asked for, hoped or denied, not done
            return f"content of '{head.text}' (asked for, wished or denied, not done)"
    if verb.dep in ("acl:relcl", "relcl") and not auxes and _present(verb, lang=lang) and not any(
            c.dep in _ANCHOR_DEPS and c.pos in ("NOUN", "PROPN", "NUM") for c in kids):
        # "une majorité républicaine, qui s'oppose aux mesures", "Congress, which opposes…": a
        # present tense in a relative clause describes the party (a standing position), it
        # reports no act; with a time of its own ("qui exige ce mardi…") it may.
        return "present tense in a relative clause (a standing position)"
    span = _background_span(parse, kids, lang=lang)
    if span:
        return f"background ('{span}')"
    if lang == "en":
        for aux in auxes:
            if aux.lower in grammar_words("en").modal_aux:
                return f"modal or future ('{aux.text}')"
    if lang == "fr":
        if verb.feat("Tense") == "Fut" or any(a.feat("Tense") == "Fut" for a in auxes):
            return "future tense"
        # A conditional with an auxiliary ("aurait bombardé") is the journalistic conditional
        # reporting a past act: coded. Without one ("bombarderait") it is hypothetical.
        if verb.feat("Mood") == "Cnd" and not auxes:
            return "conditional"
        if any(a.feat("Tense") == "Imp" and a.dep == "aux:tense" for a in auxes):
            if not same_day_anchor(parse, verb, lang=lang):
                return "pluperfect (background)"
        if (verb.feat("Tense") == "Imp" and verb.feat("VerbForm") == "Fin" and not auxes
                and not same_day_anchor(parse, verb, lang=lang)):
            # "Depuis plusieurs jours les gendarmes leur demandaient de…": the imperfect tells what
            # was going on or kept happening, the background of the news, not one act
            return "imperfect (ongoing or repeated, background)"
        if verb.feat("Mood") == "Sub" or any(a.feat("Mood") == "Sub" for a in auxes):
            # "il est essentiel que les entreprises coopèrent": wished, feared or doubted, not done
            return "subjunctive (wished or doubted, not done)"
    if lang == "fr" and verb.dep == "xcomp" and any(a.feat("VerbForm") == "Inf" for a in auxes):
        head = parse.head(verb)
        if head.i != verb.i and head.lemma in grammar_words("fr").claimed_act_verb:
            return verb_modality(parse, head, lang=lang)  # "annonce avoir tiré"
    # Infinitives and "to"-clauses: an act only after a completive verb.
    if verb.feat("VerbForm") == "Inf" or (lang == "en" and verb.dep == "xcomp"):
        head = parse.head(verb)
        if head.i != verb.i:
            if head.lemma in grammar_words(lang).completive_verb:
                return verb_modality(parse, head, lang=lang)
            if head.lemma in grammar_words(lang).past_completive_verb and _past_form(parse, head):
                # "ont toutefois pu rencontrer", "were able to meet": they met ("peut rencontrer",
                # "is able to meet" only say it is possible)
                return verb_modality(parse, head, lang=lang)
            if (head.lemma in grammar_words(lang).announced_decision_verb and verb.dep == "xcomp"
                    and not any(c.dep == "obj" for c in parse.children(head))):
                return verb_modality(parse, head, lang=lang)
            if head.pos == "NOUN" and head.lemma.lower() in grammar_words(lang).decision_noun:
                # "a annoncé sa décision de mettre fin à l'accord": decided, as the verb says
                governor = parse.head(head)
                if governor.i != head.i and governor.pos in ("VERB", "AUX"):
                    return verb_modality(parse, governor, lang=lang)
            return f"infinitive under '{head.text}' (intention, not an act)"
    if (verb.dep == "advcl" and verb.feat("VerbForm") in ("Ger", "Part") and verb.feat("Tense") != "Past"
            and not any(c.dep.startswith(("nsubj", "aux", "mark")) for c in kids)):
        # "Over the past decade Ankara has expanded its footprint, training officers and selling
        # drones": a participle clause with no subject of its own happens when its main verb does
        head = parse.head(verb)
        if head.i != verb.i and head.pos in ("VERB", "AUX"):
            why = verb_modality(parse, head, lang=lang)
            if why:
                return f"participle clause of '{head.text}' ({why})"
    if verb.dep in ("xcomp", "ccomp", "advcl", "conj", "acl", "acl:relcl", "relcl"):
        head = parse.head(verb)
        if head.i != verb.i and head.pos in ("VERB", "AUX"):
            if head.lemma in grammar_words(lang).plan_verb and verb.dep in ("xcomp",):
                return f"under '{head.text}' (intention)"
            if verb.dep in ("conj",):
                return verb_modality(parse, head, lang=lang) if not auxes else None
    return None


def _accusation_of(parse: Parse, verb: Token, kids: list[Token], *, lang: str) -> Token | None:
    """The accusing verb whose "of"/"de" complement ``verb`` is ("accused X of killing", "accuse X
    d'avoir tué", where the parser may hang the clause on X), or None."""
    words = grammar_words(lang).allegation_verb
    head = parse.head(verb)
    if head.i == verb.i:
        return None
    if lang == "en":
        if verb.dep == "pcomp" and head.lower == "of" and parse.head(head).lemma.lower() in words:
            return parse.head(head)
        return None
    if not any(c.dep == "mark" and c.lower in ("de", "d'", "d’") for c in kids):
        return None
    node = head
    for _ in range(2):
        if node.lemma.lower() in words:
            return node
        if parse.head(node).i == node.i:
            return None
        node = parse.head(node)
    return None


def same_day_anchor(parse: Parse, verb: Token, *, lang: str) -> str | None:
    """A time adverbial of the verb's own clause placing it on the same or the previous day."""
    words = grammar_words(lang).same_day_anchor
    # A fronted adverbial the parser made the head ("Plus tôt dans la journée, X avait…").
    node = verb
    for _ in range(3):
        head = parse.head(node)
        if head.i == node.i or head.pos in ("VERB", "AUX"):
            break
        if head.lower in words or (head.lower == "tôt" and any(c.lower == "plus" for c in parse.children(head))):
            return head.text
        node = head
    for child in parse.children(verb):
        if child.lower in words and child.pos in ("NOUN", "ADV", "PROPN"):
            return child.text  # "avaient demandé lundi" (a bare weekday, whatever its label)
        if child.dep not in _ANCHOR_DEPS:
            continue
        for tok in parse.subtree(child):
            if tok.lower in words:
                return tok.text
            if tok.lower == "tôt" and any(c.lower == "plus" for c in parse.children(tok)):
                return "plus tôt"
    return None


def noun_modality(parse: Parse, noun: Token, *, lang: str) -> str | None:
    """Reason why a nominal trigger does not report a new event (None when it does)."""
    head = parse.head(noun)
    if head.i != noun.i and head.lemma.lower() in grammar_words(lang).cancelling_noun:
        return f"cancelled ('{head.text}')"
    for child in parse.children(noun):
        if child.lower in grammar_words(lang).demonstrative and child.dep in ("det", "det:dem"):
            return f"demonstrative '{child.text}' refers back to an event already told"
        if child.lower in grammar_words(lang).future_noun_modifier:
            return f"planned ('{child.text}')"
        if child.lower in grammar_words(lang).negation or child.lower in ("aucun", "aucune", "sans", "without"):
            return f"negated ('{child.text}')"
    return None


def _past_form(parse: Parse, verb: Token) -> bool:
    """A verb in a past tense: a simple past ("put", "was able"), or a past participle with its
    auxiliary ("a pu", "ont pu"); the copula of an adjective counts ("were able")."""
    if verb.feat("Tense") == "Past" and verb.feat("VerbForm") in ("Fin", None, ""):
        return True
    kids = list(parse.children(verb))
    if verb.feat("VerbForm") == "Part" and any(a.dep in ("aux", "aux:tense") for a in kids):
        return True
    if verb.dep == "acomp" and parse.head(verb).feat("Tense") == "Past":
        return True  # English "were able": the copula heads the adjective
    return any(c.dep == "cop" and c.feat("Tense") == "Past" for c in kids)
