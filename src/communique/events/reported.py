"""Reported speech about acts not yet done: stated intents, demands and ultimatums.

"X said it will withdraw" (an announced de-escalation: CONCEDE), "X is willing to cooperate",
"is ready to withdraw" (offers: AGREE), "X announced it will withdraw unless Y…" (THREATEN), "X said Y must return the
helicopter" (REQUEST). Plans reported by the journalist and hypotheses stay uncoded
(``events.modality``).
"""

from __future__ import annotations

from dataclasses import replace

from communique.events.grammar import grammar_words
from communique.events.lexicon import Trigger
from communique.parse import Parse, Token

# Announced de-escalations are CONCEDE (PLOVER; dev README decision 4); other cooperative acts
# promised are AGREE; conflictual ones announced are THREATEN.
DE_ESCALATION = {"RETREAT", "CONCEDE"}
THREAT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "arrest", "SANCTION": "relations",
                "REJECT": None, "PROTEST": "restrict", "THREATEN": None, "ACCUSE": None, "REQUEST": None}


def stated_intent(parse: Parse, verb: Token, *, lang: str) -> str | None:
    """"X said it will withdraw", "X is willing to", "Y must return": a stated intent or demand.

    Returns "intent" (or "willing" for an offer: "is ready to") or "demand" when the not-yet-done
    act is announced by a party (coded as AGREE / THREATEN / CONCEDE, or REQUEST for a demand),
    "ultimatum" for an act announced unless something happens, "conditional" for an offer bound
    to a condition ("stands ready to help if asked"), None when it is the journalist's
    plan or a hypothesis.
    """
    reading = _stated_intent(parse, verb, lang=lang)
    # An offer of readiness bound to a condition ("stands ready to support the authorities if
    # requested", on the act or on the word of willingness) promises nothing yet. A conditional
    # intent is still one (PLOVER codes "said they would meet the mediator if he gave them a veto"
    # AGREE).
    if reading == "willing" and any(
            c.dep == "advcl" and any(m.dep == "mark" and m.lower in grammar_words(lang).condition_mark
                                     and m.lower != "unless" for m in parse.children(c))
            for b in (verb, parse.head(verb)) for c in parse.children(b)):
        return "conditional"
    return reading


def _stated_intent(parse: Parse, verb: Token, *, lang: str) -> str | None:
    """``stated_intent`` before a condition clause is read."""
    kids = list(parse.children(verb))
    if _negated(parse, verb):
        # "Syria says it will not accept any more refugees": a party announcing it will not do a
        # cooperative act refuses it (REJECT); other negated acts are not coded
        return "refusal" if _announced_future(parse, verb, kids, lang=lang) else None
    if any(c.dep == "mark" and c.lower in ("if", "unless", "si") for c in kids):
        return None
    ultimatum = any(c.dep == "advcl" and any(m.lower in ("unless", "moins") for m in parse.children(c))
                    for c in kids)
    head = parse.head(verb)
    modal = [c for c in kids if c.dep.startswith("aux") and c.lower in grammar_words(lang).must]
    if lang == "fr" and head.lemma in grammar_words("fr").must and verb.dep == "xcomp":
        if head.feat("Mood") == "Cnd" or any(c.lower in ("se", "s'") for c in parse.children(head)):
            return None  # "l'Iran devrait commander" (expected), "se devaient de" (a duty): no demand
        modal = [head]
        head = parse.head(head)
    if modal and head.i != verb.i and head.lemma in grammar_words(lang).speech_verb:
        if _first_person_subject(parse, [verb] + modal):
            return None  # "« Nos deux pays doivent y répondre ensemble »": the speaker's own duty
        if (modal[0] if modal[0].i != verb.i and modal[0].dep != "aux" else verb).dep == "conj":
            # "X font face… et doivent y répondre": coordinated with the speech verb ("faire"),
            # the modal shares its subject; nobody is asked anything.
            return None
        return "demand"
    if _future(parse, verb, kids, lang=lang):
        if _under_speech_verb(parse, verb, lang=lang):
            return "ultimatum" if ultimatum else "intent"
        if _trailing_attribution(parse, head if head.lemma == "aller" else verb):
            return "ultimatum" if ultimatum else "intent"
    if (verb.dep == "xcomp" and head.lemma in grammar_words(lang).imminent_verb and head.dep == "ccomp"
            and parse.head(head).lemma in grammar_words(lang).speech_verb and parse.head(head).i != head.i):
        # "X a annoncé que l'Iran s'apprêtait à signer…": an imminent act announced by a party is
        # its stated intent; "s'apprête à" told by the journalist alone stays a plan.
        return "intent"
    if verb.dep in ("xcomp", "advcl", "acl") and (head.lemma in grammar_words(lang).willing
                                                  or head.lower in grammar_words(lang).willing):
        if any(c.dep == "mark" and c.lower in grammar_words(lang).condition_mark for c in parse.children(head)):
            return None  # "asked whether Ghana intended to mediate": a question, no intent stated
        if head.pos == "NOUN" and (_negated(parse, parse.head(head)) or any(
                c.lower in ("no", "aucun", "aucune") for c in parse.children(head))):
            return None  # "has no intention to", "does not have the intention to": no intent stated
        return "willing"
    return None


def _future(parse: Parse, verb: Token, kids: list[Token], *, lang: str) -> bool:
    """A verb in the future: "will", the French future, "va + infinitive", and after a past speech
    verb the French conditional ("a annoncé que son pays retirerait ses troupes": the concordance
    of tenses; not after "si")."""
    head = parse.head(verb)
    return (verb.feat("Tense") == "Fut" or any(c.lower in ("will", "would", "'ll", "wo") for c in kids)
            or (lang == "fr" and head.lemma == "aller" and verb.dep == "xcomp")
            or (lang == "fr" and verb.feat("Mood") == "Cnd" and verb.dep == "ccomp"
                and not any(c.feat("Mood") == "Cnd" for c in kids if c.dep.startswith("aux"))
                and not any(c.dep == "mark" and c.lower in ("si", "s'") for c in parse.children(head))))


def _under_speech_verb(parse: Parse, verb: Token, *, lang: str) -> bool:
    """The verb (or its "aller") is the complement of a party's speech verb ("X says it will…")."""
    head = parse.head(verb)
    gov = parse.head(head) if head.lemma == "aller" else head
    return ((verb.dep in ("ccomp", "conj") or head.lemma == "aller")
            and gov.lemma in grammar_words(lang).speech_verb and gov.i != verb.i)


def _announced_future(parse: Parse, verb: Token, kids: list[Token], *, lang: str) -> bool:
    """A future act under a party's speech verb ("X says it will…", "X a annoncé qu'il ne
    fera pas…")."""
    return _future(parse, verb, kids, lang=lang) and _under_speech_verb(parse, verb, lang=lang)


def _trailing_attribution(parse: Parse, verb: Token) -> bool:
    """"X will provide aid, the WFP said", "Le Mali va retirer ses troupes, a annoncé le ministre":
    the parser hangs the attribution after a comma on the announced verb; the act is announced
    by a party, not planned by the journalist."""
    for child in parse.children(verb):
        if (child.i > verb.i and child.dep in ("conj", "parataxis", "ccomp")
                and child.lemma in grammar_words(parse.lang).speech_verb
                and not any(c.dep == "cc" for c in parse.children(child))
                and any(t.text == "," for t in parse.tokens[verb.i + 1:child.i])):
            return True
    return False


FIRST_PERSON = {"fr": {"nous", "nos", "notre"}, "en": {"we", "our", "us"}}


def _first_person_subject(parse: Parse, verbs: list[Token]) -> bool:
    """"Nous devons…", "nos pays doivent…", "we must…": what the speaker's side must do is
    exhortation, not a demand made of another party."""
    first = FIRST_PERSON.get(parse.lang, set())
    for verb in verbs:
        for c in parse.children(verb):
            if c.dep in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj") and any(
                    t.lower in first and not t.text.isupper() for t in parse.subtree(c)):  # not "US"
                return True
    return False


def demand_row(tok: Token) -> Trigger:
    """A REQUEST reading for any act demanded with "must" under a speech verb."""
    return Trigger(lemma=tok.lemma.lower(), pos="VERB", event="REQUEST", mode=None, context=(),
                   roles=(("subj", "actor"), ("obj", "recipient")), cues=(), needs=frozenset(),
                   note="demanded act", row=0)


# Acts whose announced refusal is a REJECT ("will not accept refugees", "won't cooperate").
REFUSABLE = {"AGREE", "COOPERATE", "SUPPORT", "AID", "CONCEDE", "RETREAT", "CONSULT"}


def intent_trigger(trig: Trigger, reading: str) -> Trigger | None:
    """The trigger row re-read as an announced act (None: nothing to code)."""
    if reading == "refusal":
        if trig.event not in REFUSABLE:
            return None
        return replace(trig, event="REJECT", mode=None, note=f"refused {trig.event}")
    if reading == "conditional":
        # "stands ready to support the authorities if requested": a hypothetical offer, no promise;
        # "will strike if attacked" still threatens
        if trig.event not in THREAT_MODES:
            return None
        return replace(trig, event="THREATEN", mode=THREAT_MODES[trig.event], note=f"announced {trig.event}")
    if reading == "ultimatum":  # "will withdraw its force unless…": a threat, whatever the act
        return replace(trig, event="THREATEN", mode=None, note=f"ultimatum: {trig.event}")
    if reading == "demand":
        return replace(trig, event="REQUEST", mode=None, needs=frozenset(), note=f"demand that: {trig.event}",
                       roles=(("subj", "actor"), ("obj", "recipient")))
    if trig.event in THREAT_MODES:
        return replace(trig, event="THREATEN", mode=THREAT_MODES[trig.event], note=f"announced {trig.event}")
    if trig.event in DE_ESCALATION and reading != "willing":
        # "X is willing to withdraw" offers the act (PLOVER AGREE: "indicate willingness");
        # "X will withdraw" announces it (CONCEDE)
        return replace(trig, event="CONCEDE", mode=None, note=f"announced {trig.event}")
    return replace(trig, event="AGREE", mode=None, note=f"promised {trig.event}")


def _negated(parse: Parse, tok: Token) -> bool:
    """A word negated by one of its own dependents ("will not accept", "n'a pas l'intention")."""
    return any(c.dep in ("advmod", "neg") and c.lower in ("not", "n't", "never", "ne", "pas", "jamais")
               for c in parse.children(tok))
