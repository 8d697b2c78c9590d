"""What counts as a consultation: informing a party is; being in contact now is a state; praise of the
relations after a meeting is boilerplate, and in a reception the visitor acts. Sentences written for
these tests (the cases taken from the dev set are in tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events, has


def test_praise_after_the_meeting_is_boilerplate(code_text) -> None:
    got = events(code_text("Le ministre gabonais des Affaires étrangères a reçu mardi à Libreville son homologue "
                           "camerounais. Le ministre gabonais a salué la qualité des relations entre les deux "
                           "pays.", lang="fr"))
    assert has(got, "CONSULT", {"CMR"}, {"GAB"}), got  # the visitor acts
    assert not any(ev == "SUPPORT" for ev, *_ in got), got


def test_present_contact_is_a_state(code_text) -> None:
    got = events(code_text("Nous sommes en contact avec les autorités algériennes.", lang="fr"))
    assert not any(ev == "CONSULT" for ev, *_ in got), got


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
