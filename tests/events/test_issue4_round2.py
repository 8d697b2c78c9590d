"""Issue 4, second round: structures a French news coder needs, on sentences written for these tests."""

from __future__ import annotations

import pytest

from communique.events.build import Draft, confidence_for


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, set(a.code for a in e.actor), set(r.code for r in e.recipient), e)
            for e in coded.events]


def _has(events, event, actors=(), recipients=()):
    return any(ev == event and set(actors) <= a and set(recipients) <= r for ev, _, a, r, _ in events)


@pytest.mark.parametrize("text,event,actors,recipients", [
    # a pluperfect placed on the same day is a step of the episode, not background
    ("Plus tôt dans la journée, le Tchad avait mis en garde le Niger contre toute incursion.",
     "THREATEN", {"TCD"}, {"NER"}),
    ("Les députés tchadiens avaient demandé lundi au Niger la libération des otages.",
     "REQUEST", {"TCD"}, {"NER"}),
    # blaming another party
    ("L'armée malienne a démenti toute implication en rejetant la faute sur le Niger.",
     "ACCUSE", {"MLI"}, {"NER"}),
    ("Le Niger tient le Tchad pour responsable de l'attaque.", "ACCUSE", {"NER"}, {"TCD"}),
    # setting a proposal aside
    ("Le Mali a écarté la proposition de l'Algérie.", "REJECT", {"MLI"}, {"DZA"}),
    # cancelling a meeting
    ("Le président gabonais a annoncé l'annulation de sa rencontre avec le Cameroun.",
     "REJECT", {"GAB"}, set()),
    # a gerund takes the main verb's subject
    ("Le président malien a réagi en dénonçant le Niger.", "ACCUSE", {"MLI"}, {"NER"}),
])
def test_french_structures(code_text, text, event, actors, recipients) -> None:
    got = _events(code_text(text, lang="fr"))
    assert _has(got, event, actors, recipients), got


def test_pluperfect_without_same_day_anchor_stays_background(code_text) -> None:
    got = _events(code_text("Le Tchad avait mis en garde le Niger en 2015.", lang="fr"))
    assert not any(ev == "THREATEN" for ev, *_ in got), got


@pytest.mark.parametrize("text,recipient,place_country", [
    # "a eu lieu" reports the attack; its unnamed authors act where it happened
    ("Une attaque contre la police nigérienne a eu lieu mardi à Niamey.", "NER", "NER"),
    # an abduction by unnamed kidnappers
    ("Un Italien a été enlevé mardi au Niger.", "ITA", "NER"),
])
def test_attack_without_named_author(code_text, text, recipient, place_country) -> None:
    got = _events(code_text(text, lang="fr"))
    attacks = [e for ev, _, _, r, e in got if ev == "ASSAULT" and recipient in r]
    assert attacks, got
    actor = attacks[0].actor[0]
    assert actor.code == place_country and actor.sector == "UNK", actor
    # the target named after "contre" is never the author
    assert all(a.sector != "COP" for a in attacks[0].actor), attacks[0].actor


def test_author_in_a_compound_of_the_attack_noun(code_text) -> None:
    got = _events(code_text("Recent Kenyan drone strikes have killed six militants in Somalia.", lang="en"))
    assert any(ev == "ASSAULT" and "KEN" in a for ev, _, a, _, _ in got), got


@pytest.mark.parametrize("text", [
    # an announced trip is a plan
    "Le président sénégalais a annoncé se rendre au Mali et en Guinée.",
    # the meeting named under its cancellation did not take place
    "Le Gabon a confirmé l'annulation du sommet entre le Cameroun et le Tchad.",
])
def test_no_consult(code_text, text) -> None:
    got = _events(code_text(text, lang="fr"))
    assert not any(ev == "CONSULT" for ev, *_ in got), got


@pytest.mark.parametrize("text,lang", [
    # analysis with a hedging verb is not a reported act
    ("Une issue négociée semble désormais acceptée par le Tchad et le Niger.", "fr"),
    # a general stance against "toute" intervention is an opinion
    ("Le parlement béninois s'oppose à toute intervention au Niger.", "fr"),
])
def test_no_event(code_text, text, lang) -> None:
    got = _events(code_text(text, lang=lang))
    assert not any(ev in ("AGREE", "REJECT") for ev, *_ in got), got


def test_party_found_by_reference_lowers_confidence(code_text) -> None:
    named = _events(code_text("Le Tchad a accusé le Niger d'abriter des rebelles.", lang="fr"))
    referred = _events(code_text("Le Tchad dénonce la situation. Ce pays a accusé le Niger d'abriter des rebelles.",
                                 lang="fr"))
    c_named = next(e for ev, _, _, _, e in named if ev == "ACCUSE").confidence
    c_ref = next(e for ev, _, a, _, e in referred if ev == "ACCUSE" and "TCD" in a).confidence
    assert c_ref < c_named


def test_confidence_of_empty_draft_is_bounded() -> None:
    assert 0.05 <= confidence_for(Draft(event="ACCUSE", mode=None)) <= 0.99
