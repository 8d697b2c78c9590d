"""Event candidates in one sentence: trigger → type/mode → modality → roles.

Verbs are triggers when they report a real act; nouns ("la visite du ministre à Alger") when a
light verb carries them ("effectuer une visite"), when they are said to have happened ("l'attaque
a eu lieu"), when they frame the main clause ("lors d'une réunion…") or when they stand in the
title. The parties come from the sentence structure: the trigger row's ``roles`` map syntactic
slots (subject, object, prepositions) onto actor and recipient, with passives turned around.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from communique.events.lexicon import (DEFAULT_NOUN_ROLES, DEFAULT_VERB_ROLES, Cue, Trigger, TriggerLexicon,
                                       parse_roles)
from communique.events.triggers_model import NONE, TriggerScore
from communique.events.grammar import grammar_words, said_by
from communique.events.modality import noun_modality, verb_modality
from communique.events.reported import demand_row, intent_trigger, stated_intent
from communique.lexicon.tables import time_words
from communique.mentions.actors import PLACE_IN_PHRASE, ArticleMemory, MentionIndex, Resolution, resolve_phrase
from communique.parse import Parse, Sentence, Token

if TYPE_CHECKING:
    from communique.model import Entity

_CASE_FOLD = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "l'": None}


@dataclass(slots=True)
class Candidate:
    """One event reading of one trigger in one sentence, before merging."""

    sentence: int
    trigger: Token
    anchor: Token  # the verb whose tense and polarity decide whether it happened
    entry: Trigger
    actors: list[Resolution] = field(default_factory=list)
    recipients: list[Resolution] = field(default_factory=list)
    place_args: list[Token] = field(default_factory=list)
    actor_how: str = ""
    recipient_how: str = ""
    fallback_actor: bool = False
    arg_tokens: dict[str, list[Token]] = field(default_factory=dict)  # role -> argument heads
    via: str = "verb"
    own_side: bool = False  # civilians of the actor's own state were dropped as recipient
    charge: bool = False  # a legal charge ("accusé de rébellion"): with no agent, the judiciary acts


def _case(parse: Parse, tok: Token) -> str | None:
    for child in parse.children(tok):
        if child.dep in ("case", "prep") or (child.pos == "ADP" and child.i < tok.i):
            lower = child.lower
            folded = _CASE_FOLD.get(lower, lower)
            if lower in ("au", "aux") and any(c.lower == "sein" for c in [tok]):
                return "à"
            return folded
    return None


def _is_passive(parse: Parse, verb: Token) -> bool:
    kids = list(parse.children(verb))
    if _active_compound(parse, verb, kids):
        return False
    if _pronominal(parse, verb, kids):
        return False
    if verb.feat("Voice") == "Pass":
        return True
    return any(c.dep in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in kids)


def _active_compound(parse: Parse, verb: Token, kids: list[Token] | None = None) -> bool:
    """French "ont accusé", "a exigé": a past participle with the tense auxiliary "avoir" and no
    "être" is active, whatever the parser says ("Les États-Unis ont accusé…" is sometimes read
    as a passive subject). So is a verb whose compound past takes "être" with that "être" alone
    ("les deux pays sont convenus", "le ministre est arrivé"), which the parser often reads as a
    passive auxiliary."""
    if parse.lang != "fr" or verb.pos not in ("VERB", "AUX"):
        return False
    kids = list(parse.children(verb)) if kids is None else kids
    auxes = [c for c in kids if c.dep.startswith("aux")]
    if any(c.dep == "obl:agent" for c in kids):
        return False
    if auxes and all(a.lemma == "être" for a in auxes) and verb.lemma.lower() in grammar_words("fr").etre_verb:
        return True
    return any(a.lemma == "avoir" for a in auxes) and not any(a.lemma == "être" for a in auxes)


def _pronominal(parse: Parse, verb: Token, kids: list[Token]) -> bool:
    """French pronominal verbs ("les manifestants se sont rassemblés", "X s'est retiré"): the
    parser may read "se" as a passive marker, but the subject is the one who acts, and with no
    "par" agent there is nobody else to turn the roles around to."""
    return (parse.lang == "fr" and any(c.lower in ("se", "s'") and c.dep.startswith("expl") for c in kids)
            and not any(c.dep == "obl:agent" for c in kids))


def slots(parse: Parse, pred: Token, *, lang: str) -> dict[str, list[Token]]:
    """Syntactic slots of a predicate: subj, obj, iobj, poss and one per preposition."""
    out: dict[str, list[Token]] = {}
    passive = _is_passive(parse, pred) if pred.pos in ("VERB", "AUX") else False
    elided = not passive and pred.pos == "VERB" and _elided_passive(parse, pred)
    active_compound = (_active_compound(parse, pred) or _pronominal(parse, pred, list(parse.children(pred)))
                       if pred.pos in ("VERB", "AUX") else False)

    def add(slot: str, tok: Token) -> None:
        # "au sein de la division", "auprès de": the real argument is below the relational noun.
        if tok.lemma in ("sein", "côté", "part") or tok.lower in ("sein", "côté"):
            for c in parse.children(tok):
                if c.dep in ("nmod", "pobj", "obl"):
                    tok = c
                    slot = "à" if slot in ("à", "au") else slot
                    break
        out.setdefault(slot, []).append(tok)

    def subject_slot(dep: str) -> str:
        """Where a subject goes once the voice is read: a passive's subject undergoes the act."""
        if dep == "nsubj":
            return "obj" if (passive and lang == "en") or elided else "subj"
        return "subj" if active_compound else "obj"  # nsubj:pass, nsubjpass

    for child in parse.children(pred):
        dep = child.dep
        if dep in ("nsubj", "nsubj:pass", "nsubjpass"):
            add(subject_slot(dep), child)
        elif dep in ("obl:agent",):
            add("subj", child)
        elif dep == "agent":
            for c in parse.children(child):
                if c.dep == "pobj":
                    add("subj", c)
        elif dep in ("obj", "dobj"):
            add("obj", child)
        elif dep in ("iobj", "dative"):
            add("iobj", child)
        elif dep == "det" and child.lower in grammar_words(lang).possessive:
            add("poss", child)
        elif dep in ("nmod:poss", "poss"):
            add("poss", child)
        elif dep.startswith("obl") or dep.startswith("nmod"):
            case = _case(parse, child)
            if case:
                add(case, child)
            elif (child.pos == "NOUN" and any(c.dep == "cc" for c in parse.children(child))
                  and any(c.dep in ("obj", "dobj") and c.i < child.i for c in parse.children(pred))):
                # "ont signé un procès-verbal ainsi qu'un mémorandum": a second object the parser
                # hung on the verb with its conjunction
                add("obj", child)
        elif dep == "prep":
            for c in parse.children(child):
                if c.dep == "pobj":
                    add(child.lower, c)
        elif dep == "compound" and pred.pos == "NOUN" and lang == "en":
            add("poss", child)  # "the Kenyan-Somali talks", "US airstrikes"
        elif dep == "amod" and pred.pos == "NOUN":
            add("poss", child)  # "la visite présidentielle marocaine" gives the visitor's country
    if pred.pos == "NOUN" and "subj" not in out:
        # "des frappes menées par l'armée française", "strikes carried out by the French army": the
        # agent of a light verb's participle describing the event noun is the event's author (not
        # of any participle: "l'arrestation de X, visé par un mandat de la justice espagnole")
        for child in parse.children(pred):
            if (child.dep in ("acl", "amod") and child.pos == "VERB" and child.feat("VerbForm") == "Part"
                    and child.lemma in grammar_words(lang).light_verb):
                for grand in parse.children(child):
                    if grand.dep == "obl:agent":
                        out.setdefault("subj", []).append(grand)
                    elif grand.dep == "agent":
                        out.setdefault("subj", []).extend(c for c in parse.children(grand) if c.dep == "pobj")
    if passive and "subj" not in out:
        # The parser sometimes hangs "par le ministère" on a dependent ("convoqué lundi par…").
        for child in parse.children(pred):
            for grand in parse.children(child):
                if grand.dep == "obl:agent":
                    out.setdefault("subj", []).append(grand)
    if ((passive or any(c.dep == "obl:agent" for c in parse.children(pred))) and "obj" not in out
            and pred.dep == "conj" and pred.pos in ("VERB", "AUX")):
        # "la proposition a été rejetée par X et écartée par Y": coordinated passives share the
        # thing undergone, which the parser hangs on the first participle only.
        first = parse.head(pred)
        if first.i != pred.i and first.pos in ("VERB", "AUX") and _is_passive(parse, first):
            shared = [c for c in parse.children(first) if c.dep in ("nsubj:pass", "nsubjpass")]
            # A passive clause whose parse labels a second noun plain nsubj ("la proposition a cette
            # fois été rejetée": 'fois' taken as the passive subject) still shares that noun.
            shared += [c for c in parse.children(first) if c.dep == "nsubj" and c.pos in ("NOUN", "PROPN")]
            if shared:
                out["obj"] = shared
    times = time_words(lang)
    if pred.pos == "VERB" and out.get("obj") and all(t.lower in times for t in out["obj"]):
        # "a reçu mercredi à Rabat le ministre…": a day the parser took for the object is none; the
        # words it hung on the day stay the object ("a fait don lundi de vingt ambulances": "don")
        hung = [c for t in out["obj"] for c in parse.children(t)
                if c.lower not in times and c.pos in ("NOUN", "PROPN")]
        if hung:
            out["obj"] = hung
        else:
            del out["obj"]
    if pred.pos == "VERB" and "obj" not in out:
        swallowed = _object_under_time_word(parse, pred, lang=lang)
        if swallowed is not None:
            out["obj"] = [swallowed]
    if lang == "fr" and pred.pos == "VERB" and "obj" not in out:
        partitive = _partitive_object(parse, pred)
        if partitive is not None:
            out["obj"] = [partitive]
    if pred.pos in ("VERB", "AUX") and pred.dep.startswith("acl") and (
            _passive_participle(pred) or any(c.dep in ("agent", "obl:agent") for c in parse.children(pred))):
        # "le Qatar, accusé de soutenir…", "diplomats expelled by Russia": the noun undergoes it
        # (with an agent whatever the tagger says: "received … by" is sometimes tagged a past tense).
        head = parse.head(pred)
        # "Le ministre, reçu lundi par…": a day the parser took for the object is no object
        if out.get("obj") and all(t.lower in times for t in out["obj"]):
            del out["obj"]
        if head.pos in ("NOUN", "PROPN") and "obj" not in out:
            out["obj"] = [_elided_referent(parse, head, lang=lang)]
            if "subj" not in out:
                clause_subj = _clause_subject(parse, head, lang=lang)
                if clause_subj is not None:
                    out["subj"] = [clause_subj]
        return out
    if "subj" not in out and pred.pos in ("VERB", "AUX"):
        on_aux = _subject_on_auxiliary(parse, pred)
        if on_aux is not None:
            out[subject_slot(on_aux.dep)] = [on_aux]
            return out
        stray = _stray_conj_subject(parse, pred)
        if stray is not None:
            out["subj"] = [stray]
            return out
        inherited = _inherited_subject(parse, pred, lang=lang)
        if inherited is not None:
            out["subj"] = [inherited]
    return out


def _subject_on_auxiliary(parse: Parse, verb: Token) -> Token | None:
    """"Les deux parties ont par ailleurs convenu…": with an adverb between the auxiliary and the
    participle the parser may tag the auxiliary a verb and hang the subject on it, leaving the
    participle without one. The auxiliary's subject is the participle's."""
    for aux in parse.children(verb):
        if aux.dep.startswith("aux") and aux.i < verb.i:
            subj = next((c for c in parse.children(aux) if c.dep in ("nsubj", "nsubj:pass", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def _object_under_time_word(parse: Parse, verb: Token, *, lang: str) -> Token | None:
    """"Les États-Unis ont remis vendredi quatre vedettes à la marine": the parser may hang the
    object on the day that precedes it ("vendredi" obl:mod, "vedettes" its nmod or obj), leaving
    the verb with none; in French it does the same with a phrase of its own before the object ("a
    décidé dans la foulée la fermeture du poste": "fermeture" under "foulée"). A noun under such a
    word after the verb, with no preposition of its own (and, under a phrase, a determiner), is
    the verb's object."""
    times = time_words(lang)
    for child in parse.children(verb):
        if child.i < verb.i or not child.dep.startswith(("obl", "nmod", "npadvmod")):
            continue
        day = child.lower in times
        if not day and not (lang == "fr" and child.dep.startswith("obl")
                            and any(c.dep == "case" for c in parse.children(child))):
            continue
        for grand in parse.children(child):
            # under a phrase of its own, the object shows its determiner ("la fermeture")
            if (grand.i > child.i and grand.pos == "NOUN" and grand.dep.startswith(("nmod", "appos", "obj"))
                    and not any(c.dep == "case" for c in parse.children(grand))
                    and (day or any(c.dep == "det" for c in parse.children(grand)))):
                return grand
    return None


def _partitive_object(parse: Parse, verb: Token) -> Token | None:
    """"La partie russe a offert du matériel": fr_core_news_md reads the partitive article as a
    preposition ("du" case, "matériel" obl:arg), which leaves the verb with no object, so a table
    row's object cue never holds. Such a phrase right after the verb (only adverbs or a time word
    between) is its object; one further away is the "of" phrase of another word ("menacent la
    sécurité … du pays")."""
    times = time_words("fr")
    for child in parse.children(verb):
        if child.dep != "obl:arg" or child.pos != "NOUN" or child.i < verb.i:
            continue
        cases = [c for c in parse.children(child) if c.dep == "case"]
        if len(cases) != 1 or cases[0].lower not in ("du", "des"):
            continue
        if all(t.pos == "ADV" or t.lower in times or t.dep == "fixed" for t in parse.tokens[verb.i + 1:cases[0].i]):
            return child
    return None


def _stray_conj_subject(parse: Parse, verb: Token) -> Token | None:
    """"X a qualifié la décision d'absurde et la ministre Y, a demandé…": a comma between a
    subject and its verb breaks the parse, which hangs the noun "la ministre" on the first verb as
    a conjunct (a noun conjoined to a verb is a parse error) and leaves "a demandé" without
    subject. A finite verb (it has its own tense auxiliary) with no subject whose words are
    preceded only by a comma after such a noun phrase takes that noun as subject."""
    kids = list(parse.children(verb))
    if any(c.dep in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj") for c in kids):
        return None
    auxes = [c for c in kids if c.dep.startswith("aux") and c.i < verb.i]
    if not auxes:
        return None
    start = min([verb.i] + [a.i for a in auxes])
    if start < 2 or parse.tokens[start - 1].text != ",":
        return None
    for noun in parse.tokens[:start - 1]:
        if noun.dep != "conj" or noun.pos not in ("NOUN", "PROPN"):
            continue
        head = parse.head(noun)
        if head.i == noun.i or head.pos not in ("VERB", "AUX") or head.i == verb.i:
            continue
        if max(t.i for t in parse.subtree(noun)) == start - 2:
            return noun
    return None


def _war_summary(parse: Parse, verb: Token, *, lang: str) -> Token | None:
    """The war noun a relative clause describes when the war is its subject ("la guerre qui a
    tué…"), else None."""
    if not verb.dep.startswith("acl"):
        return None
    noun = parse.head(verb)
    if noun.i == verb.i or noun.lemma.lower() not in grammar_words(lang).war_noun:
        return None
    if any(c.dep == "nsubj" and c.lower in grammar_words(lang).relative_subject for c in parse.children(verb)):
        return noun
    return None


def _clause_subject(parse: Parse, noun: Token, *, lang: str) -> Token | None:
    """"X ont rompu avec le Qatar, accusé de…": a participle without agent on a noun that the
    clause's verb acts upon is said by that verb's subject (the states breaking off accuse)."""
    verb = next((a for a in parse.ancestors(noun) if a.pos in ("VERB", "AUX")), None)
    if verb is None or verb.i == noun.i:
        return None
    subj = slots(parse, verb, lang=lang).get("subj", [])
    if not subj:
        return None
    inside = {t.i for t in parse.subtree(subj[0])}
    return None if noun.i in inside else subj[0]


def _elided_passive(parse: Parse, verb: Token) -> bool:
    """"Le général X reçu par le chef d'état-major marocain": a headline drops the passive's
    auxiliary. A past participle with no auxiliary, a subject and an agent ("par", "by") is a
    passive whatever the parser's labels: its subject undergoes the act, its agent does it."""
    if not _passive_participle(verb):
        return False
    kids = list(parse.children(verb))
    return (not any(c.dep.startswith("aux") for c in kids) and any(c.dep == "nsubj" for c in kids)
            and any(c.dep in ("obl:agent", "agent") for c in kids))


def _passive_participle(verb: Token) -> bool:
    return verb.feat("VerbForm") == "Part" and (verb.feat("Tense") == "Past" or verb.feat("Voice") == "Pass"
                                                or verb.pos == "VERB" and verb.lower.endswith(("ed", "en")))


def _inherited_subject(parse: Parse, verb: Token, *, lang: str) -> Token | None:
    """The subject a verb shares with the verb it depends on (coordination, infinitive, participle)."""
    head = parse.head(verb)
    if head.i == verb.i:
        return None
    if _gerund(parse, verb):
        # "L'armée a démenti toute implication en rejetant la faute…": the gerund's subject is
        # the main verb's, wherever the parser hung it.
        main = next((a for a in parse.ancestors(verb) if a.pos in ("VERB", "AUX")), None)
        if main is not None:
            subj = next((c for c in parse.children(main) if c.dep == "nsubj"), None)
            if subj is not None and not _is_passive(parse, main):
                return subj
            return _inherited_subject(parse, main, lang=lang)
    if verb.dep in ("conj", "xcomp", "advcl") and head.pos in ("VERB", "AUX"):
        for c in parse.children(head):
            if c.dep in ("nsubj",) and not _is_passive(parse, head):
                return c
        if head.dep in ("conj", "xcomp") and parse.head(head).i != head.i:
            return _inherited_subject(parse, head, lang=lang)
    if (verb.dep == "xcomp" and head.pos == "ADJ" and head.dep == "acomp"
            and head.lemma in grammar_words(lang).past_completive_verb):
        # "the minister was able to meet…": the subject is the copula's, which heads the adjective
        # (only there: "X is ready to send" is read by the rules of stated intent)
        return next((c for c in parse.children(parse.head(head)) if c.dep == "nsubj"), None)
    if verb.dep.startswith("acl") and head.pos in ("NOUN", "PROPN"):
        if any(parse.tokens[k].text == ":" for k in range(head.i + 1, verb.i)):
            return None  # "Germany: shooting at a Berlin hospital": a topic label, not a doer
        return head  # "la délégation, qui a rencontré…" / "troops deployed by…"
    return None


def _document_content(parse: Parse, verb: Token, *, lang: str) -> tuple[Token, Token | None] | None:
    """"une résolution exigeant le retrait…", "un texte qui condamne…": the document whose content
    the verb describes, and the verb that adopts it (None when nothing in the sentence adopts it).
    A participle the document undergoes ("la résolution proposée par la Russie") is not content."""
    if not verb.dep.startswith("acl"):
        return None
    doc = parse.head(verb)
    if doc.i == verb.i or doc.pos != "NOUN" or doc.lemma.lower() not in grammar_words(lang).document_noun:
        return None
    if _passive_participle(verb) or _is_passive(parse, verb):
        return None
    subj = [c for c in parse.children(verb) if c.dep in ("nsubj", "nsubj:pass", "nsubjpass")]
    if subj and not all(c.lower in grammar_words(lang).relative_subject for c in subj):
        return None  # "la résolution que la Russie a rejetée": its own subject acts
    adopter = next((a for a in parse.ancestors(doc) if a.pos in ("VERB", "AUX")), None)
    if (adopter is not None and adopter.lemma.lower() not in grammar_words(lang).adopting_verb
            and doc.lemma.lower() not in grammar_words(lang).decision_noun):
        adopter = None  # (a decision announced, taken or confirmed is made: its verb adopts it)
    return doc, adopter


def _described_by_participle(parse: Parse, verb: Token) -> Token | None:
    """The verb governing the noun that a bare participle describes ("une unité déployée…",
    "troops stationed in…"), or None when the trigger is no such participle."""
    if verb.pos not in ("VERB", "AUX") or verb.dep != "acl" or verb.feat("VerbForm") != "Part":
        return None
    kids = list(parse.children(verb))
    if any(c.dep.startswith("aux") for c in kids):
        return None
    if any(c.dep in ("obl:tmod", "nmod:tmod", "npadvmod") or c.ent_type in ("DATE", "TIME") for c in kids):
        return None  # "des troupes déployées lundi": dated, an act of its own
    noun = parse.head(verb)
    if noun.i == verb.i or noun.pos not in ("NOUN", "PROPN"):
        return None
    return next((a for a in parse.ancestors(noun) if a.pos in ("VERB", "AUX")), None)


def _gerund(parse: Parse, verb: Token) -> bool:
    """French gérondif: "en" + present participle."""
    return (parse.lang == "fr" and verb.feat("VerbForm") == "Part" and verb.feat("Tense") == "Pres"
            and any(c.lower == "en" and c.dep in ("mark", "case") for c in parse.children(verb)))


# a cue word is a stem ("troupe" for "troupes", "arriv" for "arrival"), so it matches the start of
# a word; grammar words match only whole ("dont" is no "don", "tout" is itself)
_STEMMED_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"})


def _cue_words(tokens: list[Token]) -> tuple[list[str], set[str]]:
    """The words a cue's stems may open, and the grammar words it must name whole."""
    stemmed = [w for t in tokens if t.pos in _STEMMED_POS for w in (t.lower, t.lemma.lower())]
    whole = {w for t in tokens if t.pos not in _STEMMED_POS for w in (t.lower, t.lemma.lower())}
    return stemmed, whole


# Where the parser hangs a verb's object it did not find as one: a time or place modifier ("a
# déployé jeudi des unités" makes the units a modifier of the day). Not a loose dependent
# (``dep``, ``appos``): in a parse gone astray that is the rest of the sentence ("Déployée depuis
# 2014, la MINUSCA compte 14 000 militaires": the mission's troops, told as its size).
_STRAY_OBJECT_DEPS = frozenset({"obl", "obl:mod", "nmod"})


_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "parataxis"})


def _phrase_without_clauses(parse: Parse, head: Token) -> list[Token]:
    """The words of a phrase, leaving out the clauses that modify its nouns."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in parse.children(tok) if c.dep not in _CLAUSE_DEPS)
    return out


def cue_holds(parse: Parse, trig: Trigger, pred: Token, arg_slots: dict[str, list[Token]],
              sentence_tokens: list[Token], index: MentionIndex, *, negated_only: bool = False) -> bool:
    """Whether every cue of the row holds, or of one of its alternatives (``negated_only``: only
    their exclusions of the words around the trigger, the ``!`` cues other than the sentence-wide
    ones)."""
    return any(_cues_hold(parse, group, pred, arg_slots, sentence_tokens, index, negated_only=negated_only)
               for group in (trig.cues, *trig.or_cues))


def _cues_hold(parse: Parse, cues: tuple[Cue, ...], pred: Token, arg_slots: dict[str, list[Token]],
               sentence_tokens: list[Token], index: MentionIndex, *, negated_only: bool) -> bool:
    for cue in cues:
        if negated_only and (not cue.negated or cue.kind == "sent"):
            continue
        if cue.kind == "child":
            hit = any(said_by(c, cue.words) for c in parse.children(pred))
        elif cue.kind == "dep":
            hit = any(c.dep in cue.words for c in parse.children(pred))
        else:
            if cue.kind == "sent":
                # the trigger itself is no cue ("La tempête a frappé": "frappé" is not a "frappe")
                toks = [t for t in sentence_tokens if t.i != pred.i]
            elif cue.kind == "subj":
                toks = [t for a in arg_slots.get("subj", []) for t in parse.subtree(a)]
            elif cue.kind == "obj":
                toks = [t for a in arg_slots.get("obj", []) for t in parse.subtree(a)]
                if pred.pos == "NOUN":
                    toks += [t for s, heads in arg_slots.items() if s not in ("subj", "poss")
                             for a in heads for t in parse.subtree(a)]
                elif not toks and not cue.negated and parse.lang == "fr":
                    # a verb whose object the parser hung elsewhere: French reports put the day
                    # between the verb and its object ("a déployé jeudi des unités", parsed as units
                    # of the day; "a déployé, depuis vendredi, trois bataillons"), English ones
                    # after it. Its other arguments stand in for the object, not the clauses inside
                    # them ("pendant la séance qui précède la déclaration"); an exclusion still reads
                    # the object alone.
                    stray = [h for s, heads in arg_slots.items() if s not in ("subj", "poss") for h in heads]
                    taken = {h.i for h in stray}
                    stray += [c for c in parse.children(pred) if c.dep in _STRAY_OBJECT_DEPS and c.i not in taken]
                    toks = [t for h in stray for t in _phrase_without_clauses(parse, h)]
            else:
                toks = [t for s, heads in arg_slots.items() if s not in ("subj", "poss")
                        for a in heads for t in parse.subtree(a)]
                toks += [c for c in parse.children(pred) if c.dep in ("amod", "compound")]
            if cue.negated and cue.kind == "obj" and pred.pos != "NOUN" and arg_slots.get("obj"):
                # An exclusion of the object holds when it holds for every object and conjunct: "a
                # signé un procès-verbal ainsi qu'un mémorandum d'entente" signed an instrument too.
                hit = all(_words_hit(cue.words, part, index)
                          for a in arg_slots["obj"] for part in _conjunct_phrases(parse, a))
            else:
                hit = _words_hit(cue.words, toks, index)
        if hit == cue.negated:
            return False
    return True


def _words_hit(cue_words: tuple[str, ...], toks: list[Token], index: MentionIndex) -> bool:
    """Whether one of a cue's words (a stem, or ``@person``, ``@actor``, ``@place``) is among ``toks``."""
    words, whole = _cue_words(toks)
    for w in cue_words:
        if w == "@person":
            hit = index.has_person(toks)
        elif w == "@actor":
            hit = index.has_actor(toks)
        elif w == "@place":
            hit = index.has_place(toks)
        else:
            hit = w in whole or any(x.startswith(w) for x in words)
        if hit:
            return True
    return False


def _conjunct_phrases(parse: Parse, head: Token) -> list[list[Token]]:
    """The phrase of ``head`` and of each word conjoined to it, each without the others."""
    conjs = [c for c in parse.children(head) if c.dep == "conj"]
    out = []
    for h in [head, *conjs]:
        others = {t.i for c in conjs if c.i != h.i for t in parse.subtree(c)}
        out.append([t for t in parse.subtree(h) if t.i not in others])
    return out


def _noun_anchor(parse: Parse, noun: Token, *, lang: str, in_title: bool) -> tuple[Token, str] | None:
    """The verb that makes a nominal trigger an event report, and how; None when none does."""
    head = parse.head(noun)
    if noun.dep in ("obj", "dobj") and head.lemma in grammar_words(lang).light_verb:
        return head, f"light verb '{head.text}'"
    if (noun.dep in ("obj", "dobj") and head.lemma in grammar_words(lang).host_verb
            and _between_others(parse, noun, head)):
        # "Egypt hosted talks between Sudan and Ethiopia": the talks are told, between the two
        return head, f"hosted by '{head.text}'"
    verb = parse.head(head)
    if (head.i != noun.i and verb.i != head.i and verb.lemma in grammar_words(lang).light_verb
            and _object_under_time_word(parse, verb, lang=lang) is noun):
        return verb, f"light verb '{verb.text}' (object hung on '{head.text}')"
    if noun.dep.startswith("obl") or noun.dep in ("pobj",):
        case = _case(parse, noun)
        verb = head
        if lang == "en" and head.dep == "prep":
            case, verb = head.lower, parse.head(head)
        if case and verb.lemma in grammar_words(lang).light_verb and case in ("à", "to"):
            return verb, f"'{verb.text} à'"  # procéder à la signature
        framing = grammar_words(lang).framing_case
        if case in grammar_words(lang).concessive_case and verb.pos in ("VERB", "AUX"):
            # "Malgré les critiques de l'Algérie, l'UA a voté…": the concession presupposes the
            # statement was made; only statement nouns may use it (checked by the caller).
            return verb, f"concessive ('{case}')"
        if (case in framing or head.lower in framing) and verb.pos in ("VERB", "AUX", "ADV"):
            anchor = verb if verb.pos != "ADV" else parse.head(verb)
            return anchor, f"frames the clause ('{head.text if head.lower in framing else case}')"
    if noun.dep in ("nsubj", "nsubj:pass", "nsubjpass") and head.lemma in grammar_words(lang).occurrence_verb:
        return head, f"said to happen ('{head.text}')"
    if (lang == "fr" and noun.dep == "nsubj" and head.lemma == "avoir"
            and any(c.lower == "lieu" and c.dep in ("obj", "dobj") for c in parse.children(head))):
        return head, "said to happen ('a eu lieu')"
    if head.lemma in grammar_words(lang).framing_case or head.lower in grammar_words(lang).framing_case:
        anchor = parse.head(head)
        return anchor, f"frames the clause ('{head.text}')"
    if (lang == "fr" and any(c.dep == "cop" and c.lemma == "être" for c in parse.children(noun))
            and any(c.dep == "case" and c.lower == "en" for c in parse.children(noun))):
        # "Nous avons été en contact avec les Iraniens": a copula "être en" + noun in a past tense
        # (passé composé or passé simple) reports the state as a past episode; the present
        # ("nous sommes en contact") or the imperfect describes a state, not an act.
        kids = list(parse.children(noun))
        cop = next(c for c in kids if c.dep == "cop")
        if any(c.dep.startswith("aux") and c.lemma == "avoir" for c in kids) or (
                cop.feat("Tense") == "Past" and cop.feat("VerbForm") != "Part"):
            return noun, f"copula '{cop.text} en'"
    if in_title:
        return noun, "in the title"
    return None


STATEMENT_TYPES = {"ACCUSE", "REJECT"}
# An attack or a protest that frames a clause ("during the protests", "lors de l'attaque") is
# not the clause subject's, and with no author of its own it is no record (detect_sentence).
FRAMES_NEED_AUTHOR = frozenset({"ASSAULT", "PROTEST"})


@dataclass(frozen=True, slots=True)
class ModelPolicy:
    """Named thresholds on the trigger model's probabilities (tuned on the training corpus by
    cross-fitting, checked on the dev sets: docs/accuracy.md)."""

    propose: float = 0.8  # a type this likely adds a trigger the table lacks
    # NONE this likely drops a table row. Off (above 1): every veto level tried (0.9, 0.98) cost
    # recall on the dev sets and on the cross-fitted training corpus.
    veto: float = 1.1
    noun: float = 0.8  # a noun this likely is an act even plural or with a support verb
    rescue: float = 0.8  # a type this likely, one of the table's for the word, stands in for a cue


def model_row(tok: Token, score: TriggerScore, *, lang: str) -> Trigger:
    """A trigger row for a word the model reads as an act: default roles of its part of speech,
    no cue, tried after the table's own rows."""
    pos = "NOUN" if tok.pos in ("NOUN", "PROPN") else "VERB"
    roles = (DEFAULT_NOUN_ROLES if pos == "NOUN" else DEFAULT_VERB_ROLES)[lang]
    return Trigger(lemma=tok.lemma.lower(), pos=pos, event=score.event, mode=score.mode, context=(),
                   roles=parse_roles(roles), cues=(), needs=frozenset(), note=score.describe(), row=0)


def _between_others(parse: Parse, noun: Token, verb: Token) -> bool:
    """A meeting noun naming its parties with "between"/"entre" ("des pourparlers entre le Mali et…";
    the French parser often hangs the phrase on the verb)."""
    return any((c.dep == "prep" and c.lower == "between") or _case(parse, c) == "entre"
               for c in (*parse.children(noun), *parse.children(verb)))


def _model_anchor(parse: Parse, noun: Token) -> tuple[Token, str] | None:
    """A noun the model reads as an act, carried by a verb of its clause ("a mené des manœuvres
    conjointes", "des consultations ont été tenues", "launched a probe"): that verb's tense and
    polarity decide whether it happened."""
    head = parse.head(noun)
    if head.i != noun.i and head.pos in ("VERB", "AUX") and noun.dep in (
            "obj", "dobj", "nsubj", "nsubj:pass", "nsubjpass"):
        return head, f"support verb '{head.text}' (trigger model)"
    return None


def _statements_of_one_party(parse: Parse, noun: Token, *, lang: str) -> bool:
    """"les critiques de l'Algérie", "les accusations de X contre Y": a plural statement noun with
    its author named in a "de" phrase is that party's statement, one reported act, not the
    generic or aggregate reading other plural nouns have."""
    if noun.lower not in grammar_words(lang).statement_plural:
        return False
    # a name, or a capitalised word the parser took for a common noun ("l’ Algérie")
    return any(c.dep.startswith("nmod") and _case(parse, c) == "de"
               and (c.pos == "PROPN" or (c.pos == "NOUN" and c.text[:1].isupper()))
               for c in parse.children(noun))


def _legal_charge(parse: Parse, verb: Token, kids: list[Token]) -> bool:
    """"Il est accusé de rébellion", "inculpé de complot", "poursuivi pour fraude": a legal charge
    is an act (ACCUSE/allege) even told in the present passive."""
    if verb.lemma.lower() not in grammar_words(parse.lang).charge_verb:
        return False
    return any(c.dep.startswith("obl") and _case(parse, c) in ("de", "pour") and c.pos == "NOUN" for c in kids)


def _present_state(parse: Parse, verb: Token, *, stance: bool = False) -> bool:
    """"150 journalistes sont emprisonnés en Turquie": a French passive in the present tense ("être"
    in the present, no tense auxiliary), with no agent and no time of its own, describes a state,
    not an act done. A stance (support) keeps that reading even with its agent: "X est soutenu par
    Y" tells who backs X now, while an act of support is told "a été soutenu", "a apporté son soutien"."""
    if parse.lang != "fr" or verb.pos != "VERB" or verb.feat("VerbForm") != "Part":
        return False
    kids = list(parse.children(verb))
    if _pronominal(parse, verb, kids) or _active_compound(parse, verb, kids):
        return False  # "se sont rassemblés", "sont convenus": a compound past, an act
    if _legal_charge(parse, verb, kids):
        return False
    aux_pass = [c for c in kids if c.dep in ("aux:pass", "auxpass")]
    if not aux_pass or any(c.dep.startswith("aux") and c.dep not in ("aux:pass", "auxpass") for c in kids):
        return False
    if not all(a.lemma == "être" and a.feat("Tense") == "Pres" and a.feat("Mood") == "Ind" for a in aux_pass):
        return False
    if not stance and any(c.dep in ("obl:agent", "agent") for c in kids):
        return False
    return not any(c.dep in ("obl:tmod", "nmod:tmod", "npadvmod") or c.ent_type in ("DATE", "TIME")
                   for t in kids for c in [t] + list(parse.children(t)))


def _return_fire(parse: Parse, verb: Token, *, lang: str) -> Token | None:
    """"Les forces ont riposté, abattant les assaillants et en capturant 2": an act told as a
    participle clause of a riposte belongs to that return fire (guidelines §3: not coded); returns
    the riposte verb, or None."""
    if verb.pos not in ("VERB", "AUX") or verb.feat("VerbForm") != "Part" or verb.feat("Tense") != "Pres":
        return None
    riposte = grammar_words(lang).return_fire_verb
    for anc in parse.ancestors(verb):
        if anc.pos not in ("VERB", "AUX") or (anc.feat("VerbForm") == "Part" and anc.feat("Tense") == "Pres"):
            continue  # through the noun a participle is conjoined to, and through other participles
        return anc if anc.lemma.lower() in riposte else None
    return None


def _cut_off_participle(parse: Parse, verb: Token) -> Token | None:
    """"Les séparatistes semblent avoir, au moins implicitement, renoncé…": an incise between the
    auxiliary infinitive and its participle breaks the parse, which hangs the participle on the
    main verb. Returns the stray auxiliary infinitive ("avoir", "être") whose modality the
    participle shares, or None."""
    if parse.lang != "fr" or verb.feat("VerbForm") != "Part" or verb.dep not in ("advcl", "conj", "xcomp"):
        return None
    if any(c.dep.startswith("aux") or c.dep.startswith("nsubj") for c in parse.children(verb)):
        return None
    head = parse.head(verb)
    if head.i == verb.i:
        return None
    return next((c for c in parse.children(head) if c.lemma in ("avoir", "être") and c.dep == "xcomp"
                 and c.feat("VerbForm") == "Inf" and c.i < verb.i
                 and not any(k.dep not in ("punct", "advmod") for k in parse.children(c))), None)


def reading_used(tok: Token, lexicon: TriggerLexicon, *, known: bool) -> bool:
    """Whether ``detect_sentence`` can use the trigger model's reading of a word: a word of the
    table (veto, rescue, a reading beside the rows), a word annotated as a trigger (``known``: a
    proposal) or a verb (a demanded act may have no row). The coder has the model read only these."""
    return tok.pos == "VERB" or known or bool(lexicon.rows_of(tok))


def detect_sentence(parse: Parse, sent: Sentence, *, lexicon: TriggerLexicon, index: MentionIndex,
                    memory: ArticleMemory, in_title: bool, skipped: list[str] | None = None,
                    scores: dict[int, TriggerScore] | None = None,
                    policy: ModelPolicy | None = None) -> list[Candidate]:
    """Event candidates of one sentence. ``scores`` (the trigger model's reading of each token)
    propose triggers the table lacks; with ``policy.veto`` at or below 1 they also drop table rows
    the model is sure are no event (off by default)."""
    lang = parse.lang
    tokens = parse.sentence_tokens(sent)
    out: list[Candidate] = []
    policy = policy or ModelPolicy()
    for tok in tokens:
        if tok.pos not in ("VERB", "NOUN", "PROPN", "AUX"):
            continue
        rows = lexicon.rows_of(tok)
        # the rows the trigger model knows of: a rules-only row (rules.tsv) is none of its business
        word_rows = [r for r in rows if not r.rule_only]
        if not word_rows and tok.pos == "VERB" and stated_intent(parse, tok, lang=lang) == "demand":
            rows = [*rows, demand_row(tok)]  # "X said Y must return the helicopter": any act can be demanded
        score = scores.get(tok.i) if scores else None
        if word_rows and score is not None and score.none >= policy.veto:
            skip(skipped, tok, f"trigger model: no event (p={score.none:.2f})")
            continue
        # a word the table lacks is proposed only if it was a gold trigger in the training corpus
        # (never an auxiliary or a modal: "a pu rencontrer" is the meeting's, "va donner" the gift's)
        proposed = (score is not None and score.event != NONE and score.prob >= policy.propose
                    and (bool(word_rows) or score.known) and not said_by(tok, grammar_words(lang).auxiliary_verb))
        if proposed and score is not None:
            rows = [*rows, model_row(tok, score, lang=lang)]
        if not rows:
            continue
        if tok.pos in ("NOUN", "PROPN"):
            if tok.text[:1].isupper() and tok.ent_type == "LOC" and tok.ent_iob == "I":
                skip(skipped, tok, "inside a place name ('La Réunion')")
                continue
            sure = proposed and score is not None and score.prob >= policy.noun
            if (tok.feat("Number") == "Plur" and tok.lower not in grammar_words(lang).plural_event_noun
                    and not _statements_of_one_party(parse, tok, lang=lang) and not sure):
                skip(skipped, tok, "plural noun (generic or aggregate)")
                continue
            why = noun_modality(parse, tok, lang=lang)
            if why:
                skip(skipped, tok, why)
                continue
            anchored = _noun_anchor(parse, tok, lang=lang, in_title=in_title)
            if anchored is None and sure:
                anchored = _model_anchor(parse, tok)
            if anchored is None:
                skip(skipped, tok, "noun not reported as an act")
                continue
            anchor, via = anchored
        else:
            anchor, via = tok, "verb"
            war = _war_summary(parse, tok, lang=lang)
            if war is not None:
                # "un conflit qui a tué 310 000 personnes": the war as a whole is the doer; the
                # clause sums it up (aggregate, background), it reports no single act.
                skip(skipped, tok, f"relative clause summing up the {war.text} (aggregate)")
                continue
        document = _document_content(parse, tok, lang=lang) if tok.pos in ("VERB", "AUX") else None
        if document is not None:
            doc, adopter = document
            if adopter is None:
                skip(skipped, tok, f"content of the {doc.text} (no adoption in the sentence)")
                continue
            anchor, via = adopter, f"content of the {doc.text} '{adopter.text}'"
        reading: str | None = None
        governing = _described_by_participle(parse, tok)
        if governing is not None:
            why = verb_modality(parse, governing, lang=lang)
            if why:
                # "doit se rendre auprès d'une unité déployée à Kasserine": a participle describing
                # a noun of a planned (negated, hypothetical…) act tells no act of its own.
                skip(skipped, tok, f"participle describing a noun under '{governing.text}' ({why})")
                continue
        if anchor.pos in ("VERB", "AUX") and anchor.i == tok.i and not in_title and _present_state(
                parse, tok, stance=all(r.event == "SUPPORT" for r in rows)):
            skip(skipped, tok, "present-tense passive with no agent and no time (a state, not an act)")
            continue
        riposte = _return_fire(parse, tok, lang=lang) if anchor.i == tok.i else None
        if riposte is not None:
            skip(skipped, tok, f"told inside the return fire '{riposte.text}' (same clash, not coded)")
            continue
        stray = _cut_off_participle(parse, tok) if anchor.i == tok.i else None
        if stray is not None:
            why = verb_modality(parse, stray, lang=lang)
            if why:
                skip(skipped, tok, f"participle of the cut-off '{stray.text}' ({why})")
                continue
        ordered_by: Token | None = None
        if anchor.pos in ("VERB", "AUX"):
            why = verb_modality(parse, anchor, lang=lang)
            order = _order_to_own_agents(parse, anchor, index, lang=lang) if why else None
            if order is not None and not verb_modality(parse, order, lang=lang):
                # "The government ordered two navy frigates to patrol", "a ordonné à ses ministres
                # d'envoyer des secours": the state does what it orders its own agents to do
                why, ordered_by, via = None, order, f"{via}; ordered by '{order.text}' to its own agents"
            gathering = (_gathering_to_protest(parse, anchor, rows, tokens, index, lexicon, lang=lang)
                         if why and why.startswith("infinitive under") and anchor.i == tok.i else None)
            if gathering is not None:
                # "des milliers de personnes ont envahi la place pour protester contre…": the
                # purpose of a crowd gathered is the protest they make, where they gathered
                why, via, anchor = None, f"{via}; purpose of '{gathering.text}'", gathering
            if why:
                reading = stated_intent(parse, anchor, lang=lang)
                if reading is None:
                    skip(skipped, tok, why)
                    continue
        arg_slots = slots(parse, tok, lang=lang)
        if ordered_by is not None:
            arg_slots["subj"] = slots(parse, ordered_by, lang=lang).get("subj", [])
        if document is not None:
            # The adopters act: "Le Conseil a adopté une résolution exigeant…" (the relative
            # pronoun or the document itself is no party).
            adopters = slots(parse, anchor, lang=lang).get("subj", [])
            # A subject that names no party (a parse gone astray) leaves the nearest one named before.
            arg_slots["subj"] = [h for h in adopters if resolve_phrase(parse, h, index, memory, lang=lang)]
        elif anchor.i != tok.i:
            anchor_slots = slots(parse, anchor, lang=lang)
            # The noun's own "de"/poss phrase is tried first (roles order); the light or main
            # verb's subject is the fallback actor.
            # "L'attaque contre la police a eu lieu…": the occurrence verb's subject is the
            # trigger noun itself, not an actor.
            anchor_subj = [h for h in anchor_slots.get("subj", []) if h.i != tok.i]
            if len(anchor_subj) < len(anchor_slots.get("subj", [])):
                # Its compound modifiers may still name the author ("US Predator attacks have killed").
                anchor_subj += [c for c in parse.children(tok) if c.dep == "compound"]
            if anchor_subj and via.startswith("frames the clause") and all(
                    r.event in FRAMES_NEED_AUTHOR for r in rows):
                # "Police arrested forty people during the protests", "Turkish authorities raided
                # homes after the attack": the clause's subject acts in the clause, not in the
                # attack or the protest that frames it
                anchor_subj = []
            if anchor_subj:
                arg_slots.setdefault("subj", anchor_subj)
            for slot, heads in anchor_slots.items():
                if slot not in ("subj", "obj") and slot not in arg_slots:
                    arg_slots[slot] = [h for h in heads if h.i != tok.i]
        # A table row's exclusion of the words around the trigger ("declined to comment" is no
        # rejection) also holds for the model: it neither proposes nor stands in for that type here.
        # (A sentence-wide exclusion is coarse: the model's reading of the clause may overrule it.)
        excluded = {r.event for r in rows if r.in_table and not cue_holds(parse, r, tok, arg_slots, tokens, index,
                                                                     negated_only=True)}
        trig = next((r for r in rows if not (not r.in_table and r.event in excluded)
                     and cue_holds(parse, r, tok, arg_slots, tokens, index)), None)
        if (trig is None and score is not None and score.top_prob >= policy.rescue
                and score.top_event in {r.event for r in rows if not r.rule_only} - excluded):
            # The table knows the word for this type but lists only some objects ("livrer" des
            # armes): the model, reading the clause, vouches for this one ("livrer du matériel").
            trig = model_row(tok, replace(score, event=score.top_event, prob=score.top_prob), lang=lang)
        if trig is None:
            skip(skipped, tok, "no trigger row's cue holds")
            continue
        if trig.event == "REQUEST" and said_by(tok, grammar_words(lang).order_verb):
            if _own_agents_addressed(parse, tok, index, lang=lang) is not None:
                skip(skipped, tok, "an order to the speaker's own agents (the act ordered is coded)")
                continue
            if trig.row == 0 and not _addressees(parse, tok, lang=lang):
                # "a ordonné la fermeture de la frontière": an order addressed to nobody orders an
                # act (the act is what is told), it asks no party anything; the model's reading
                # stands in for the table's rows, which want an addressee
                skip(skipped, tok, "an order of an act addressed to nobody (no request to a party)")
                continue
        if (trig.event == "SUPPORT" and ("obj", "recipient") in trig.roles and tok.pos in ("VERB", "AUX")
                and tok.feat("VerbForm") == "Part" and tok.dep in ("acl", "amod") and tok.feat("Tense") != "Pres"):
            # "une coalition soutenue par l'Arabie saoudite", "Turkish-backed rebels": a participle
            # describing the party it backs tells who backs whom, a standing position, not an act of
            # support ("l'accord signé à Abou Dhabi" describes the thing signed: the signing is told).
            skip(skipped, tok, "SUPPORT: participle describing the party backed (a standing position)")
            continue
        if (trig.event == "AGREE" and tok.pos in ("VERB", "AUX") and tok.feat("VerbForm") == "Part"
                and tok.dep in ("acl", "amod") and tok.feat("Tense") != "Pres"
                and not any(t.lower in time_words(lang) for t in parse.subtree(tok))):
            # "under the timetable agreed with Baghdad", "le calendrier convenu avec Mogadiscio": a
            # participle describing the thing agreed names an agreement made before, not one told
            # (with a time of its own, "le cessez-le-feu convenu mardi", it is told)
            skip(skipped, tok, "AGREE: participle describing the thing agreed (an agreement made before)")
            continue
        if document is not None and trig.event == "REJECT" and not any(
                t.lemma.lower().startswith(grammar_words(lang).refused_thing) for h in arg_slots.get("obj", [])
                for t in parse.subtree(h)):
            # "une résolution rejetant la souveraineté de X": a text refuses no demand, it disapproves.
            trig = replace(trig, event="ACCUSE", mode="disapprove", note=f"text rejecting: {trig.note}")
        if (trig.event == "CONSULT" and anchor.dep == "xcomp" and anchor.feat("VerbForm") == "Inf"
                and parse.head(anchor).lemma in grammar_words(lang).announced_decision_verb):
            # "X a annoncé se rendre en Italie": an announced trip is a plan, not a visit made.
            skip(skipped, tok, f"announced trip under '{parse.head(anchor).text}' (a plan)")
            continue
        if via.startswith("concessive") and trig.event not in STATEMENT_TYPES:
            # "malgré les sanctions": a concession presupposes a statement was made, but tells no
            # time or episode for other acts (sanctions may be years old).
            skip(skipped, tok, f"{trig.event} noun in a concessive phrase (only statements are presupposed)")
            continue
        if reading is not None:
            reread = intent_trigger(trig, reading)
            if reread is None:
                skip(skipped, tok, f"{reading} of a {trig.event} (not coded)")
                continue
            trig = reread
            via = f"{via}; {reading}"
            if reading == "demand":
                # "Russia said Sudan must return the helicopter": the speaker asks the subject.
                speaker = next((a for a in parse.ancestors(anchor) if a.lemma in grammar_words(lang).speech_verb), None)
                told = arg_slots.get("subj", [])
                arg_slots = {"subj": slots(parse, speaker, lang=lang).get("subj", []) if speaker else [],
                             "obj": told}
        if trig.event == "ASSAULT":
            doers = arg_slots.get("subj", [])
            first = tok
            while first.dep == "conj" and parse.head(first).i != first.i:
                first = parse.head(first)  # "forcing thousands from their homes and killing 30"
            main = parse.head(first)
            if (not doers and first.dep in ("advcl", "acl") and tok.feat("VerbForm") in ("Ger", "Part")
                    and main.pos in ("VERB", "AUX")):
                # "floods swept through the mountains, killing 41 people": the main verb's subject
                doers = slots(parse, main, lang=lang).get("subj", [])
            cause = next((h for h in doers if said_by(h, grammar_words(lang).natural_cause)), None)
            if cause is not None:
                # "La tempête a frappé la France", "la vague de chaleur a tué 14 personnes": harm
                # with no one who meant it is no attack
                skip(skipped, tok, f"ASSAULT by a natural or accidental cause ('{cause.text}')")
                continue
        cand = _roles(parse, tok, anchor, trig, arg_slots, index, memory, via=via)
        if cand is None:
            skip(skipped, tok, f"{trig.event}: no party found")
            continue
        if via.startswith("frames the clause") and trig.event in FRAMES_NEED_AUTHOR and not cand.actors:
            # "during the protests", "lors de l'attaque" with no author of its own: the frame of
            # the clause's act, told as such (or coded where the article tells it)
            skip(skipped, tok, f"{trig.event} framing the clause, with no author of its own")
            continue
        if cand.fallback_actor and not cand.recipients:
            # The parse found no subject and the clause names nobody acted upon: the nearest
            # state named before is only a guess, and a guess alone is no event.
            skip(skipped, tok, f"{trig.event}: only a guessed actor (no subject parsed) and no recipient")
            continue
        cand.charge = (trig.event == "ACCUSE" and tok.pos in ("VERB", "AUX") and _is_passive(parse, tok)
                       and _legal_charge(parse, tok, list(parse.children(tok))))
        if "actor" in trig.needs and not cand.actors:
            skip(skipped, tok, f"{trig.event}: needs an actor")
            continue
        if "recipient" in trig.needs and not cand.recipients:
            skip(skipped, tok, f"{trig.event}: needs a recipient")
            continue
        if trig.event == "REQUEST" and not cand.recipients and (cand.own_side or any(
                said_by(h, grammar_words(lang).public_word) for s in ("obj", "iobj", "à", "for", "to")
                for h in arg_slots.get(s, []))):
            # "Les États-Unis invitent les ressortissants américains à éviter l'île", "the ministry
            # urges the public to beware": advice to one's own nationals or to the public is no
            # request to another party.
            skip(skipped, tok, "REQUEST addressed to the actor's own nationals or the public (no other party)")
            continue
        if trig.event == "CONSULT" and not cand.recipients and len({r.entity.code for r in cand.actors}) < 2:
            # "lors d'une réunion du Likoud", "the council met": one body meeting alone is not an
            # interaction between parties.
            skip(skipped, tok, "CONSULT: a single party meeting alone")
            continue
        out.append(cand)
    _drop_restatements(parse, out, skipped)
    return out


def _gathering_to_protest(parse: Parse, verb: Token, rows: list[Trigger], sentence_tokens: list[Token],
                          index: MentionIndex, lexicon: TriggerLexicon, *, lang: str) -> Token | None:
    """The verb of a crowd's act a protest infinitive is the purpose of ("ont envahi la place pour
    protester"), when that act happened, is no protest of its own ("gathered to protest" is told by
    "gathered") and a PROTEST row of the infinitive holds (its cue names the crowd); else None."""
    if not any(c.lower in grammar_words(lang).purpose_mark and c.dep in ("mark", "case", "aux")
               for c in parse.children(verb)):
        return None
    arg_slots = slots(parse, verb, lang=lang)
    if not any(r.event == "PROTEST" and cue_holds(parse, r, verb, arg_slots, sentence_tokens, index) for r in rows):
        return None
    main = next((a for a in parse.ancestors(verb) if a.pos in ("VERB", "AUX")), None)
    if main is None or verb_modality(parse, main, lang=lang) or main.lemma in grammar_words(lang).plan_verb:
        return None
    if any(r.event == "PROTEST" for r in lexicon.rows_of(main)):
        return None
    return main


def _addressees(parse: Parse, order: Token, *, lang: str) -> list[Token]:
    """Who an order verb addresses: the object in English ("ordered the army to…"); in French the
    indirect object ("ordonner à X de…"; its direct object is the thing ordered: "ordonne un
    cessez-le-feu"), and the object of "charger X de…"."""
    kids = list(parse.children(order))
    if lang == "en":
        return [c for c in kids if c.dep in ("dobj", "obj")]
    heads = [c for c in kids if c.dep == "iobj" or (c.dep.startswith("obl") and _case(parse, c) == "à")]
    if order.lemma == "charger":
        heads += [c for c in kids if c.dep == "obj"]
    return heads


def _own_agents_addressed(parse: Parse, order: Token, index: MentionIndex, *, lang: str) -> Token | None:
    """The addressee of an order verb ("ordered the army", "a ordonné à ses ministres", "a chargé
    le ministre de") when it names no state, organisation or person of its own: the speaker's own
    agents (an order to "the French ambassador" or "Israel" is a demand to another party)."""
    heads = _addressees(parse, order, lang=lang)
    if not heads:
        return None
    head = heads[0]
    words = _phrase_without_clauses(parse, head)  # not the infinitive hung on it
    if any(t.pos == "PROPN" or t.ent_type in ("PER", "PERSON") for t in words):
        return None
    idx = {t.i for t in words}
    if any(e.code for m in index.in_tokens(idx) for e in m.entries if e.kind in ("country", "org")):
        return None
    return head


def _order_to_own_agents(parse: Parse, verb: Token, index: MentionIndex, *, lang: str) -> Token | None:
    """The order verb an infinitive hangs on ("ordered two frigates to patrol", "a ordonné à
    l'armée de se retirer") when it addresses the speaker's own agents (``_own_agents_addressed``)."""
    if not (verb.feat("VerbForm") == "Inf" or (lang == "en" and verb.dep == "xcomp")):
        return None
    head = parse.head(verb)
    if head.i == verb.i:
        return None  # a root is ordered by nobody (an infinitive order verb is not its own order)
    if lang == "fr" and not said_by(head, grammar_words(lang).order_verb):
        # "a ordonné à l'armée de se retirer": the parser may hang the infinitive on the addressee
        governor = parse.head(head)
        if head.pos == "NOUN" and said_by(governor, grammar_words(lang).order_verb):
            head = governor
    if not said_by(head, grammar_words(lang).order_verb) or head.pos not in ("VERB", "AUX"):
        return None
    return head if _own_agents_addressed(parse, head, index, lang=lang) is not None else None


def _drop_restatements(parse: Parse, out: list[Candidate], skipped: list[str] | None) -> None:
    """Candidates of one clause that tell another candidate's act again are dropped (in place)."""
    # "a ordonné l'arrestation de deux journalistes": the order is the arrest; a light verb whose
    # noun carried an event is that event, not a second one (a request) of its own.
    carried = {c.anchor.i for c in out if c.anchor.i != c.trigger.i and c.via.startswith("light verb")}
    for cand in [c for c in out if c.trigger.i in carried and c.anchor.i == c.trigger.i]:
        skip(skipped, cand.trigger, "light verb of an event noun (the noun's event is the act)")
        out.remove(cand)
    # "demonstrated in Kirkuk calling for independence", "ont manifesté pour réclamer le départ…":
    # what a protest demands is the protest's message, not a request of its own
    protests = {i for c in out if c.entry.event == "PROTEST" for i in (c.trigger.i, c.anchor.i)}
    for cand in [c for c in out if c.entry.event == "REQUEST" and c.trigger.head in protests
                 and c.trigger.dep in ("advcl", "xcomp", "acl", "conj")]:
        skip(skipped, cand.trigger, f"demand voiced by the protest '{parse.tokens[cand.trigger.head].text}'")
        out.remove(cand)
    # "une frappe militaire ciblée sur une base": a participle describing an event noun of the
    # same kind tells that event, not another one
    nouns = {(c.trigger.i, c.entry.event) for c in out if c.trigger.pos in ("NOUN", "PROPN")}
    for cand in [c for c in out if c.trigger.pos == "VERB" and c.trigger.dep.startswith("acl")
                 and (c.trigger.head, c.entry.event) in nouns]:
        skip(skipped, cand.trigger, f"participle describing the {cand.entry.event} noun "
                                     f"'{parse.tokens[cand.trigger.head].text}' (same event)")
        out.remove(cand)


def skip(skipped: list[str] | None, tok: Token, why: str) -> None:
    """Record why a word read as a possible act was not coded (``'attaque'@217: why``), when the
    caller keeps such reasons (``skipped`` not None: ``communique code --why-not``)."""
    if skipped is not None:
        skipped.append(f"'{tok.text}'@{tok.idx}: {why}")


# When the role slots name no recipient, a state named inside the trigger's phrase is taken
# (`_fallback_recipient`). For these types only when the clause itself gave the actor: a guessed
# recipient beside a guessed actor is no event ("…, deploying troops along its borders with
# Israel" with no subject parsed). The gold sets give their recipient when the text does (a
# mobilisation against a state, a withdrawal from it, a concession to it; 8 of the training
# corpus's 45 mobilisations, 47 of 60 withdrawals, 31 of 40 concessions), and a recipient never
# costs a match with a gold event that has none (docs/accuracy.md).
RECIPIENT_NEEDS_ACTOR = {"MOBILIZE", "RETREAT", "CONCEDE"}


def _entity_from_mention(m, why: str) -> Resolution | None:
    from communique.model import Entity

    entry = next((e for e in m.entries if e.kind in ("country", "org") and e.code), None)
    if entry is None:
        return None
    return Resolution(Entity(code=entry.code, sector=entry.sector or "GOV", entity_text=m.text, start=m.start,
                             end=m.end, name=m.text, other_sectors=list(entry.other_sectors),
                             reason=f"{why}: {entry.subkind or entry.kind} '{m.text}' ({entry.source})"),
                      m.first, m.last)


def _counterparts(cand: Candidate, memory: ArticleMemory) -> None:
    """"X a reçu son homologue tunisien" has its country; "son homologue" alone is the other
    state of the story: the most recent state named that is not the actor's."""
    party_codes = {r.entity.code for r in cand.actors + cand.recipients}
    for res in cand.actors + cand.recipients:
        if res.entity.code is None and res.entity.reason.startswith("counterpart"):
            other = next((c for c in reversed(memory.recent) if c not in party_codes), None)
            if other is not None:
                res.entity.code = other
                res.entity.reason += f" → {other}, the other state named in the article"
    cand.actors = [r for r in cand.actors if r.entity.code is not None or not r.entity.reason.startswith("counterpart")]
    cand.recipients = [r for r in cand.recipients
                       if r.entity.code is not None or not r.entity.reason.startswith("counterpart")]


# Reactions to an act told just before ("a qualifié les frappes d'agression", "condemned the
# decision"): the object names the act, not its author; the author is the party that acted last.
REACTION_TYPES = {"ACCUSE", "SUPPORT", "REJECT"}


def _reaction_target(parse: Parse, cand: Candidate, arg_slots: dict[str, list[Token]],
                     memory: ArticleMemory) -> None:
    heads = arg_slots.get("obj", []) + arg_slots.get("à", []) + arg_slots.get("to", [])
    words = grammar_words(parse.lang)
    head = next((h for h in heads if h.pos == "NOUN" and h.lemma.lower() in words.act_noun
                 and any(c.lower in words.definite for c in parse.children(h))), None)
    ent = _party_told_before(cand, memory) if head is not None else None
    if ent is None:
        return
    cand.recipients.append(Resolution(replace(ent, entity_text=head.text, start=head.idx, end=head.end,
                                              reason=f"author of the act '{head.text}' told before "
                                                     f"({ent.code})"), head.i, head.i))
    cand.recipient_how = f"author of '{head.text}'"
    cand.arg_tokens.setdefault("recipient", []).append(head)


def _party_told_before(cand: Candidate, memory: ArticleMemory) -> Entity | None:
    """The party the text was just talking about (the last subject told before) that is not one
    of the candidate's actors, or None."""
    taken = {r.entity.code for r in cand.actors}
    return next((ent for ent in memory.last_subject if ent.code is not None and ent.code not in taken), None)


def _bare_refusal_target(parse: Parse, verb: Token, cand: Candidate, arg_slots: dict[str, list[Token]],
                         memory: ArticleMemory) -> None:
    """"X a exigé… . Y a refusé.": a refusal with no object and no clause refuses what was just
    asked or offered; the party that acted last (the subject told before) is its recipient."""
    reason_noun = grammar_words(parse.lang).reason_noun
    named = [h for s in ("obj", "iobj", "à") for h in arg_slots.get(s, []) if h.lemma.lower() not in reason_noun]
    if named or not memory.last_subject:
        return
    kids = list(parse.children(verb))
    because = any(c.lemma.lower() in reason_noun for c in kids)
    if any(c.dep in ("xcomp", "csubj") or c.dep == "ccomp" and not because for c in kids):
        # "a refusé de signer", "a refusé que…": what is refused is named, not implied; the clause
        # of "au motif que…" (hung on the verb by the parser) gives the reason, not the thing.
        return
    ent = _party_told_before(cand, memory)
    if ent is not None:
        cand.recipients.append(Resolution(replace(ent, reason=f"bare refusal: recipient is the party that "
                                                              f"acted just before ({ent.code})"), verb.i, verb.i))
        cand.recipient_how = f"bare refusal of what {ent.code} asked or offered before"


def _threat_target(verb: Token, cand: Candidate, memory: ArticleMemory) -> None:
    """"X compte sur Y…, mais ce pays a menacé de fermer cette route": a threat always has a target;
    when its clause names none, it is aimed at the party the text was just talking about (the
    subject told before that is not the threatener)."""
    ent = _party_told_before(cand, memory)
    if ent is not None:
        cand.recipients.append(Resolution(replace(ent, reason=f"threat with no target named: recipient is "
                                                              f"the party told just before ({ent.code})"),
                                          verb.i, verb.i))
        cand.recipient_how = f"threat aimed at {ent.code}, the party told just before"


# The reason a recipient found by ``_fallback_recipient`` opens with: the party model weighs that
# guess against the article's other states (``events.parties.imply_parties``).
FALLBACK_RECIPIENT = "fallback recipient (named in the trigger's phrase)"


def _fallback_recipient(parse: Parse, cand: Candidate, index: MentionIndex, *, against_only: bool = False) -> None:
    """No recipient in the role slots: a state named inside the trigger's own phrase (with
    ``against_only``, only one the phrase sets the act against: "mobilized reservists for a
    possible war against Iraq")."""
    taken = {r.entity.code for r in cand.actors}
    blocked: set[int] = set()
    for arg in cand.arg_tokens.get("actor", []) + cand.arg_tokens.get("topic", []):
        blocked |= {t.i for t in parse.subtree(arg)}
    if cand.trigger.pos in ("VERB", "AUX"):
        # A noun conjoined to the verb is a subject cut off by a stray comma ("… et la ministre Y,
        # a demandé"; `_stray_conj_subject`), not part of the trigger's phrase.
        for c in parse.children(cand.trigger):
            if c.dep == "conj" and c.pos in ("NOUN", "PROPN") or _stray_conj_subject(parse, c) is not None:
                blocked |= {t.i for t in parse.subtree(c)}
            elif _case(parse, c) in grammar_words(parse.lang).concessive_case:
                # "Malgré les critiques de l'Algérie, l'UA a voté…": the critics are no party of the vote
                blocked |= {t.i for t in parse.subtree(c)}
    inside = [t.i for t in parse.subtree(cand.trigger) if t.i not in blocked and t.i != cand.trigger.i]
    if cand.trigger.pos in ("NOUN", "PROPN") and cand.anchor.i != cand.trigger.i and cand.entry.event == "PROTEST":
        # a protest told by its noun and a verb ("des manifestations ont eu lieu à Bamako"): the
        # verb's phrases of place are the protest's, and it is aimed at the state it takes place in
        inside += [t.i for c in parse.children(cand.anchor) if c.dep.startswith(("obl", "prep")) and c.i != cand.trigger.i
                   for t in parse.subtree(c) if t.i not in blocked]
    if (cand.trigger.pos in ("NOUN", "PROPN") and cand.anchor.i != cand.trigger.i
            and cand.entry.event in ("REQUEST", "ACCUSE")):
        # "reiterated its demand today that Israel ease…": the content clause of a demand or a
        # charge, which the parser hangs on the light verb, is still the noun's phrase (its
        # subject is who is asked or accused)
        inside += [t.i for c in parse.children(cand.anchor) if c.dep == "ccomp" and c.i > cand.trigger.i
                   and any(k.dep == "mark" for k in parse.children(c))
                   for t in parse.subtree(c) if t.i not in blocked]
    # When the sentence splitter missed a full stop ("…l'essai. La Corée du Sud a annoncé…"), the
    # trigger's phrase runs into the next sentence: a state named past the stop is not in it.
    stops = [i for i in inside if _sentence_stop(parse, i)]
    after = [i for i in stops if i > cand.trigger.i]
    before = [i for i in stops if i < cand.trigger.i]
    if after or before:
        lo = max(before) if before else -1
        hi = min(after) if after else len(parse.tokens)
        inside = [i for i in inside if lo < i < hi]
    # A state named there is taken even after "in"/"à": "opened an embassy in Tehran", "refused to
    # deploy peacekeepers in Iraq" are acts toward that state (the gold sets agree).
    if against_only:
        words = grammar_words(parse.lang).against_case
        heads = [t for t in (parse.tokens[i] for i in inside)
                 if _case(parse, t) in words or (t.dep == "pobj" and parse.tokens[t.head].lower in words)]
        phrase = {d.i for h in heads for d in parse.subtree(h)}
        inside = [i for i in inside if i in phrase]
    for m in index.in_tokens(set(inside)):
        if _names_no_party(parse, m) or _demonym_of_private_body(parse, index, m):
            continue
        res = _entity_from_mention(m, FALLBACK_RECIPIENT)
        if res is not None and res.entity.code not in taken:
            cand.recipients.append(res)
            cand.recipient_how = f"fallback '{m.text}'"
            return


# Sectors of bodies that are not the state: a demonym describing one ("a Moroccan firm") names no state.
_PRIVATE_BODY_SECTORS = frozenset({"BUS", "JRN", "MED", "LAB", "EDU", "REL", "AGR"})


def _demonym_of_private_body(parse: Parse, index: MentionIndex, m) -> bool:
    """"signed a contract with a Moroccan firm": the demonym describes a company, not the state."""
    tok = parse.tokens[m.first]
    if tok.dep not in ("amod", "compound") or not any(e.kind == "country" and e.subkind == "demonym"
                                                        for e in m.entries):
        return False
    head = parse.head(tok)
    return any(e.kind == "head" and e.sector in _PRIVATE_BODY_SECTORS
               for other in index.in_tokens({head.i}) for e in other.entries)


def _names_no_party(parse: Parse, m) -> bool:
    """A state named in a time expression is no party: "19 h (heure de Paris)"."""
    return parse.head(parse.tokens[m.first]).lower in grammar_words(parse.lang).time_noun


def _concession_target(parse: Parse, cand: Candidate, index: MentionIndex) -> None:
    """"Malgré les critiques de X, l'UA a voté le retour du Maroc": criticism named in a
    concession with no target of its own is aimed at what the main clause does; the party that
    act concerns (named in the main verb's complements, not its subject) is the recipient."""
    taken = {r.entity.code for r in cand.actors}
    own = {t.i for t in parse.subtree(cand.trigger)}
    inside: set[int] = set()
    for c in parse.children(cand.anchor):
        if c.i in own or c.dep.startswith("nsubj") or c.dep in ("punct", "advcl", "ccomp", "parataxis", "conj"):
            continue
        inside |= {t.i for t in parse.subtree(c)}
    for m in index.in_tokens(inside):
        res = _entity_from_mention(m, "target of the criticised act (main clause of the concession)")
        if res is not None and res.entity.code not in taken:
            cand.recipients.append(res)
            cand.recipient_how = f"concession target '{m.text}'"
            return


def _elided_referent(parse: Parse, noun: Token, *, lang: str) -> Token:
    """"des dizaines de suspects ont été tués et des dizaines d'autres arrêtés": a quantity noun
    with "autres" and no noun of its own stands for more of the people counted in the clause it is
    conjoined to; returns that counted noun phrase's head (else the noun itself)."""
    words = grammar_words(lang)
    if noun.lemma.lower() not in words.quantity_noun or noun.dep != "conj":
        return noun
    if not any(t.lemma.lower() == "autre" for t in parse.subtree(noun) if t.i != noun.i):
        return noun
    head = parse.head(noun)
    if head.pos in ("VERB", "AUX"):
        head = next((c for c in parse.children(head) if c.dep.startswith("nsubj")), head)
    return head if head.pos in ("NOUN", "PROPN") else noun


# The sectors that speak for the state itself: its government, its diplomats, its delegates
# at an international body ("l'ambassadeur russe à l'ONU" is Russia, not a party facing it).
STATE_VOICE = frozenset({"GOV", "DIP", "IGO"})


def same_side(recipient: Entity, actor: Entity) -> bool:
    """The recipient is the actor itself, so not a party it acts toward.

    Same country and the same sector (or both the state's own voice) is a reflexive reading;
    the actor's own civilians are its nationals ("ses ressortissants"); a recipient whose phrase
    holds the actor ("les milices soutenues par l'Iran") took its country from the actor.
    Another part of the same state stays: rebels -> the president, a judge -> an ex-president,
    police -> demonstrators are domestic events."""
    if recipient.code is None or recipient.code != actor.code:
        return False
    if recipient.sector == actor.sector or recipient.sector == "CVL":
        return True
    if recipient.sector in STATE_VOICE and actor.sector in STATE_VOICE:
        return True
    return recipient.start <= actor.start and actor.end <= recipient.end


def _same_side(recipient: Entity, actors: list[Resolution]) -> bool:
    return any(same_side(recipient, a.entity) for a in actors)


def _sentence_stop(parse: Parse, i: int) -> bool:
    """A full stop followed by a capitalised word: a sentence boundary inside one parse."""
    tok = parse.tokens[i]
    if i + 1 >= len(parse.tokens):
        return False
    nxt = parse.tokens[i + 1]
    if tok.text in (".", "!", "?"):
        return nxt.text[:1].isupper() or nxt.text[:1] in ("«", '"')
    # "la bombe H. La Corée du Sud…": the stop glued to an initial; only a capitalised
    # determiner or pronoun after it tells a new sentence from "M. Macron".
    return (tok.text.endswith(".") and len(tok.text) <= 3 and nxt.text[:1].isupper()
            and nxt.pos in ("DET", "PRON"))


def _fallback_actor(parse: Parse, cand: Candidate, index: MentionIndex) -> None:
    """No subject found (parse error, headline): the nearest state named before the trigger."""
    sent = parse.sentences[cand.sentence]
    taken = {r.entity.code for r in cand.recipients}
    before = [m for m in index.within(sent.start, cand.trigger.i - 1)
              if "\n" not in parse.text[m.end:cand.trigger.idx]
              and not any(e.kind == "country" and e.subkind == "demonym" for e in m.entries)]
    for m in reversed(before):
        res = _entity_from_mention(m, "fallback actor (nearest state before the trigger)")
        if res is not None and res.entity.code not in taken:
            cand.actors.append(res)
            cand.actor_how = f"fallback '{m.text}'"
            cand.fallback_actor = True
            return


def _roles(parse: Parse, tok: Token, anchor: Token, trig: Trigger, arg_slots: dict[str, list[Token]],
           index: MentionIndex, memory: ArticleMemory, *, via: str) -> Candidate | None:
    cand = Candidate(sentence=tok.sent, trigger=tok, anchor=anchor, entry=trig, via=via)
    lang = parse.lang
    # The noun's own "de"/"of" phrase wins over the light verb's subject.
    role_slots = list(trig.roles)
    if tok.pos in ("NOUN", "PROPN") and not any(s == "subj" for s, _ in role_slots):
        role_slots.append(("subj", "actor"))
    seen: set[int] = set()
    for slot, role in role_slots:
        for arg in arg_slots.get(slot, []):
            if arg.i in seen:
                continue
            if role == "topic":
                # "discussed the situation in Mali": what is talked about names no party
                cand.arg_tokens.setdefault("topic", []).append(arg)
                continue
            if (role == "actor" and trig.event == "ASSAULT" and tok.pos == "NOUN" and slot in ("de", "of")
                    and arg.lemma.lower() in grammar_words(lang).target_noun):
                role = "recipient"  # "l'attaque du commissariat", "attentat près du siège des renseignements"
            found = resolve_phrase(parse, arg, index, memory, lang=lang)
            if not found:
                continue
            seen.add(arg.i)
            target = cand.actors if role == "actor" else cand.recipients
            if role == "actor" and cand.actors:
                if not all(PLACE_IN_PHRASE in r.entity.reason for r in cand.actors) or all(
                        PLACE_IN_PHRASE in r.entity.reason for r in found):
                    continue  # the first slot that names the actor wins (noun "de" before verb subject)
                # "a ordonné le déploiement de la Garde nationale à la frontière mexicaine": a
                # phrase whose only state is where it goes yields to the verb's subject.
                cand.actors.clear()
                cand.arg_tokens.pop("actor", None)
            target.extend(found)
            cand.arg_tokens.setdefault(role, []).append(arg)
            how = f"{slot} '{found[0].entity.entity_text}'"
            if role == "actor":
                cand.actor_how = how
            elif not cand.recipient_how:
                cand.recipient_how = how
    for slot in ("à", "en", "dans", "in", "at", "au", "to", "near", "près", "obj", "chez", "devant", "outside"):
        for arg in arg_slots.get(slot, []):
            if arg.ent_type == "LOC" or any(e.kind == "country" for m in index.within(arg.i, arg.i)
                                            for e in m.entries):
                cand.place_args.append(arg)
    _counterparts(cand, memory)
    if not cand.recipients and trig.event in REACTION_TYPES:
        _reaction_target(parse, cand, arg_slots, memory)
    if not cand.recipients and trig.event == "REJECT" and tok.pos in ("VERB", "AUX"):
        _bare_refusal_target(parse, tok, cand, arg_slots, memory)
    if not cand.recipients and via.startswith("concessive"):
        _concession_target(parse, cand, index)
    if not cand.recipients and not (
            trig.event == "CONSULT" and len({r.entity.code for r in cand.actors}) > 1) and not (
            trig.event in RECIPIENT_NEEDS_ACTOR and not cand.actors and trig.mode != "access"):
        # (parties meeting each other need no third: "the two leaders discussed … in Mali"; access
        # is granted to someone: "opened the bridge to allow deliveries to Afghanistan")
        _fallback_recipient(parse, cand, index)
    elif not cand.recipients and trig.event == "MOBILIZE":
        # with no actor parsed, only a state the phrase sets it against ("a war against Iraq")
        _fallback_recipient(parse, cand, index, against_only=True)
    if not cand.recipients and trig.event == "THREATEN" and tok.pos in ("VERB", "AUX"):
        _threat_target(tok, cand, memory)
    if not cand.actors and tok.pos in ("VERB", "AUX") and not arg_slots.get("subj"):
        _fallback_actor(parse, cand, index)  # only when the parse found no subject at all
    if not cand.actors and not cand.recipients:
        return None
    # A party on both sides (a reflexive reading) keeps it as actor only.
    # A same-country recipient stays when it is another part of that state (rebels -> the
    # president, police -> demonstrators are domestic events); the same sector, or the
    # actor's own civilians, is the reflexive reading.
    kept = [r for r in cand.recipients if not _same_side(r.entity, cand.actors)]
    # Civilians of the actor's own state dropped here ("ses ressortissants") are its own nationals.
    cand.own_side = any(r.entity.sector == "CVL" for r in cand.recipients if r not in kept)
    cand.recipients = kept
    return cand
