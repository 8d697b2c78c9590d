"""Did it happen? Negation, future, conditional, plans, habits and background are not events.

Each check returns the reason to skip a trigger (shown with ``--explain-skips``) or None.
"""

from __future__ import annotations

from communique.parse import Parse, Token

NEGATION = {"fr": {"ne", "n'", "pas", "jamais", "plus", "guère", "aucunement", "nullement"},
            "en": {"not", "n't", "never", "no"}}
# Verbs that announce an intention, not an act: "doit rencontrer", "plans to visit".
PLAN_VERBS = {
    "fr": {"devoir", "pouvoir", "vouloir", "prévoir", "envisager", "compter", "entendre", "souhaiter",
           "espérer", "aller", "projeter", "chercher", "tenter", "essayer", "menacer", "promettre",
           "proposer", "appeler", "demander", "exhorter", "inviter", "exiger", "refuser", "s'apprêter",
           "apprêter", "viser", "permettre", "falloir", "risquer", "préparer", "annoncer", "devenir",
           "sembler", "paraître"},
    "en": {"plan", "intend", "expect", "want", "hope", "seek", "aim", "threaten", "promise", "propose",
           "urge", "ask", "call", "demand", "refuse", "prepare", "need", "wish", "try", "attempt", "be",
           "going", "vow", "pledge", "agree", "decline", "offer", "fail", "allow", "help", "have",
           "seem", "appear"},
}
# Verbs after which an infinitive is a completed act: "a décidé d'expulser", "vient de signer".
# An attempt is coded as the act (PLOVER ASSAULT/targeted: "successful and attempted
# assassinations"): "tried to hack into", "attempted to assassinate".
COMPLETIVE = {"fr": {"décider", "venir", "commencer", "achever", "finir", "procéder", "choisir", "oser"},
              "en": {"decide", "begin", "start", "finish", "manage", "choose", "attempt", "try"}}
# "X annonce avoir tiré un missile", "a affirmé avoir abattu": a past infinitive under a verb of
# saying reports the speaker's own completed act. "a annoncé cesser toute collaboration": a
# decision announced by the party itself is a decision taken.
CLAIMED_ACT = {"fr": {"annoncer", "affirmer", "déclarer", "revendiquer", "reconnaître", "assurer", "dire",
                      "confirmer", "indiquer", "expliquer", "préciser"},
               "en": set()}
ANNOUNCED_DECISION = {"fr": {"annoncer"}, "en": set()}
MODAL_AUX = {"en": {"will", "would", "could", "might", "may", "should", "shall", "must", "can", "'ll", "wo"}}
HABITUAL = {"fr": {"régulièrement", "souvent", "habituellement", "systématiquement", "toujours",
                   "fréquemment", "généralement", "parfois", "chaque"},
            "en": {"regularly", "often", "usually", "routinely", "always", "frequently", "sometimes",
                   "generally", "repeatedly", "every", "consistently", "traditionally", "historically",
                   "customarily", "continually", "constantly", "long"}}
# "several soldiers have been killed in recent years", "have cooperated for decades": a span of
# years tells the background, not the news.
BACKGROUND_SPANS = {"en": {("in", "recent", "years"), ("for", "years"), ("for", "decades"), ("over", "years"),
                           ("over", "decades"), ("in", "past", "years"), ("over", "past", "years"),
                           ("over", "past", "decade"), ("over", "past", "decades"), ("in", "past", "decade")}}
CONDITION_MARKS = {"fr": {"si", "s'"}, "en": {"if", "unless"}}
FUTURE_NOUN_MODIFIERS = {"fr": {"prochain", "prochaine", "prochains", "prochaines", "prévu", "prévue",
                                "prévus", "prévues", "futur", "future", "éventuel", "éventuelle",
                                "possible", "annoncé", "annoncée"},
                         "en": {"next", "upcoming", "planned", "future", "proposed", "possible",
                                "scheduled", "expected", "potential"}}
DEMONSTRATIVES = {"fr": {"ce", "cet", "cette", "ces"}, "en": {"this", "these", "that", "those"}}
# "l'annulation du sommet", "the cancellation of the talks": the meeting did not take place.
CANCELLING_NOUNS = {"fr": {"annulation", "report", "ajournement", "suspension"},
                    "en": {"cancellation", "postponement", "suspension", "cancelling"}}
# A pluperfect anchored on the same or the previous day ("plus tôt dans la journée, X avait mis en
# garde…", "avaient demandé lundi") tells a step of the same episode: core, not background.
SAME_DAY_ANCHORS = {"fr": {"hier", "avant-hier", "veille", "journée", "matin", "matinée", "après-midi", "soir",
                           "soirée", "nuit", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                           "dimanche"}}
_ANCHOR_DEPS = ("advmod", "obl", "obl:mod", "obl:tmod", "nmod", "nmod:tmod", "npadvmod")


def _aux(parse: Parse, verb: Token) -> list[Token]:
    return [c for c in parse.children(verb) if c.dep.startswith("aux")]


def _background_span(parse: Parse, kids: list[Token], *, lang: str) -> str | None:
    spans = BACKGROUND_SPANS.get(lang)
    if not spans:
        return None
    for child in kids:
        if child.dep not in ("prep", "obl", "npadvmod", "advmod"):
            continue
        words = [t.lower for t in parse.subtree(child) if t.pos != "DET"]
        if tuple(w for w in words if w not in ("the", "last")) in spans or tuple(words) in spans:
            return " ".join(t.text for t in parse.subtree(child))
    return None


def verb_modality(parse: Parse, verb: Token, *, lang: str) -> str | None:
    """Reason why this verb does not report a real, completed act (None when it does)."""
    kids = list(parse.children(verb))
    neg = NEGATION.get(lang, set())
    for child in kids:
        if child.dep in ("advmod", "neg") and child.lower in neg:
            return f"negated ('{child.text}')"
        if child.dep == "mark" and child.lower in CONDITION_MARKS.get(lang, set()):
            return f"hypothetical ('{child.text}')"
        if child.dep == "advmod" and child.lower in HABITUAL.get(lang, set()):
            return f"habitual ('{child.text}')"
    auxes = _aux(parse, verb)
    span = _background_span(parse, kids, lang=lang)
    if span:
        return f"background ('{span}')"
    if lang == "en":
        for aux in auxes:
            if aux.lower in MODAL_AUX["en"]:
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
    if lang == "fr" and verb.dep == "xcomp" and any(a.feat("VerbForm") == "Inf" for a in auxes):
        head = parse.head(verb)
        if head.i != verb.i and head.lemma in CLAIMED_ACT["fr"]:
            return verb_modality(parse, head, lang=lang)  # "annonce avoir tiré"
    # Infinitives and "to"-clauses: an act only after a completive verb.
    if verb.feat("VerbForm") == "Inf" or (lang == "en" and verb.dep == "xcomp"):
        head = parse.head(verb)
        if head.i != verb.i:
            if head.lemma in COMPLETIVE.get(lang, set()):
                return verb_modality(parse, head, lang=lang)
            if (head.lemma in ANNOUNCED_DECISION.get(lang, set()) and verb.dep == "xcomp"
                    and not any(c.dep == "obj" for c in parse.children(head))):
                return verb_modality(parse, head, lang=lang)
            return f"infinitive under '{head.text}' (intention, not an act)"
    if verb.dep in ("xcomp", "ccomp", "advcl", "conj", "acl", "acl:relcl", "relcl"):
        head = parse.head(verb)
        if head.i != verb.i and head.pos in ("VERB", "AUX"):
            if head.lemma in PLAN_VERBS.get(lang, set()) and verb.dep in ("xcomp",):
                return f"under '{head.text}' (intention)"
            if verb.dep in ("conj",):
                return verb_modality(parse, head, lang=lang) if not auxes else None
    return None


def same_day_anchor(parse: Parse, verb: Token, *, lang: str) -> str | None:
    """A time adverbial of the verb's own clause placing it on the same or the previous day."""
    words = SAME_DAY_ANCHORS.get(lang, set())
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
    if head.i != noun.i and head.lemma.lower() in CANCELLING_NOUNS.get(lang, set()):
        return f"cancelled ('{head.text}')"
    for child in parse.children(noun):
        if child.lower in DEMONSTRATIVES.get(lang, set()) and child.dep in ("det", "det:dem"):
            return f"demonstrative '{child.text}' refers back to an event already told"
        if child.lower in FUTURE_NOUN_MODIFIERS.get(lang, set()):
            return f"planned ('{child.text}')"
        if child.lower in NEGATION.get(lang, set()) or child.lower in ("aucun", "aucune", "sans", "without"):
            return f"negated ('{child.text}')"
    return None
