"""What counts as a consultation: having been in contact and informing a party are; being in contact
now is a state; praise of the relations after a meeting is boilerplate, and in a reception the
visitor acts. Sentences written for these tests (the cases taken from the dev set are in
tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events, has, skip_reasons, skipped


def test_praise_after_the_meeting_is_boilerplate(code_text) -> None:
    got = events(code_text("Le ministre gabonais des Affaires étrangères a reçu mardi à Libreville son homologue "
                           "camerounais. Le ministre gabonais a salué la qualité des relations entre les deux "
                           "pays.", lang="fr"))
    assert has(got, "CONSULT", {"CMR"}, {"GAB"}), got  # the visitor acts
    assert not any(ev == "SUPPORT" for ev, *_ in got), got


@pytest.mark.parametrize("text", [
    "Nous sommes en contact avec les autorités algériennes.",
    "Le Maroc est en contact avec les autorités algériennes.",
])
def test_present_contact_is_a_state(code_with_rules, rules_coder, text) -> None:
    coded = code_with_rules(text, lang="fr")
    assert not any(ev == "CONSULT" for ev, *_ in events(coded)), coded.events
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, "contact", "noun not reported as an act"), reasons


def test_having_been_in_contact_is_a_consultation(code_text) -> None:
    got = events(code_text("Le Maroc a été en contact hier avec les autorités algériennes.", lang="fr"))
    assert has(got, "CONSULT", {"MAR"}, {"DZA"}), got


def test_informing_a_party_is_a_consultation(code_text) -> None:
    got = events(code_text("La France a informé l'Allemagne de sa décision.", lang="fr"))
    assert has(got, "CONSULT", {"FRA"}, {"DEU"}), got


@pytest.mark.parametrize("text,lang,host,topic", [
    ("Senegalese President Macky Sall spoke by telephone on Wednesday with his Gambian counterpart. The two "
     "leaders discussed the situation in neighbouring Mali.", "en", "GMB", "MLI"),
    ("Le président sénégalais s'est entretenu au téléphone avec son homologue gambien. Les deux "
     "présidents ont discuté de la situation au Mali.", "fr", "GMB", "MLI"),
])
def test_what_a_meeting_discusses_is_no_party_of_it(code_text, text, lang, host, topic) -> None:
    got = events(code_text(text, lang=lang))
    assert has(got, "CONSULT", {"SEN"}, {host}), got
    assert not any(topic in actors | recipients for _, _, actors, recipients in got), got
