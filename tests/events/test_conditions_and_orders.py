"""An offer bound to a condition promises nothing yet; an order addressed to nobody orders an act and
asks no party anything; a day the parser took for a verb's object leaves the real object to be
found. Sentences written for these tests."""

from __future__ import annotations

from event_helpers import events, has, skip_reasons, skipped

from communique.coder import Coder, CoderSettings
from communique.events.triggers_model import TriggerScore
from communique.model import Article


def test_a_reception_with_day_and_place_before_the_guest_names_the_guest(code_text) -> None:
    # fr_core_news_md reads "mercredi" as the object and hangs the guest on "Rabat"
    got = events(code_text("Le ministre marocain de l'Intérieur a reçu mercredi à Rabat le ministre de "
                           "l'Intérieur du Niger.", lang="fr"))
    assert has(got, "CONSULT", {"NER"}, {"MAR"}), got


def test_an_offer_bound_to_a_request_is_no_promise(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("The European Union stands ready to send aid to Niger if asked, its envoy said.",
                            lang="en")
    assert not events(coded), coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "send", "conditional of a AID"), reasons


def test_the_same_offer_without_a_condition_is_a_promise(code_text) -> None:
    got = events(code_text("The European Union stands ready to send aid to Niger, its envoy said.", lang="en"))
    assert has(got, "AGREE", {"EUR"}, {"NER"}), got


def test_an_offer_whose_readiness_carries_the_condition_is_none_either(code_with_rules, rules_coder) -> None:
    coded = code_with_rules("Algeria said it was prepared to mediate between Mali and the rebels if both "
                            "sides agreed.", lang="en")
    assert not any(ev == "AGREE" for ev, *_ in events(coded)), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "mediate", "conditional of a CONSULT")


def test_a_conditional_intent_is_still_a_promise(code_text) -> None:
    # PLOVER codes "said they would meet the mediator if…" AGREE: only offers of readiness wait
    got = events(code_text("Rebel leaders in Mali said on Monday they would meet the Algerian mediator if he "
                           "guaranteed their safety.", lang="en"))
    assert has(got, "AGREE", {"MLI"}, {"DZA"}), got


def _orders_are_requests(self, parse, index, *, title_end):
    """A stand-in trigger model that reads every "ordonner" as a request, so only the rule decides."""
    return {t.i: TriggerScore(event="REQUEST", prob=0.99, none=0.01, mode="yield", top_event="REQUEST",
                              top_prob=0.99, known=True)
            for t in parse.tokens if t.lemma == "ordonner"}


def _code_orders(monkeypatch, text: str):
    monkeypatch.setattr(Coder, "_trigger_scores", _orders_are_requests)
    coder = Coder(CoderSettings(vectors=False, raise_errors=True, keep_skips=True))
    coded = coder.code_article(Article(id="order", text=text, lang="fr", published="2024-03-14"))
    assert coded.rejected is None
    return coder, coded


def test_an_order_addressed_to_nobody_is_no_request(monkeypatch) -> None:
    coder, coded = _code_orders(monkeypatch, "Le président ivoirien a ordonné lundi la fermeture des écoles "
                                             "d'Abidjan.")
    assert not any(ev == "REQUEST" for ev, *_ in events(coded)), coded.events
    assert skipped(skip_reasons(coder, coded), "ordonné", "an order of an act addressed to nobody")


def test_an_order_addressed_to_another_state_is_a_request(monkeypatch) -> None:
    _, coded = _code_orders(monkeypatch, "Le président ivoirien a ordonné lundi au Ghana le paiement de sa "
                                         "dette.")
    assert has(events(coded), "REQUEST", {"CIV"}, {"GHA"}), coded.events
