"""Event coding on short sentences written for these tests, in French and English."""

from __future__ import annotations

import pytest

from event_helpers import skip_reasons, skipped


def _events(coded):
    assert coded.rejected is None, coded.rejected
    return [(e.event, e.mode, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient))
            for e in coded.events]


@pytest.mark.parametrize("text,lang,expected", [
    ("Le ministre algérien des Affaires étrangères s'est rendu lundi à Tunis.", "fr",
     ("CONSULT", "visit", ("DZA",), ("TUN",))),
    ("La délégation malienne a été reçue mardi par le président nigérien à Niamey.", "fr",
     ("CONSULT", "visit", ("MLI",), ("NER",))),
    ("Le Maroc et la Mauritanie ont signé jeudi un accord de coopération militaire.", "fr",
     ("SUPPORT", None, ("MAR", "MRT"), ())),
    ("Le gouvernement burkinabè a expulsé l'ambassadeur de France.", "fr",
     ("SANCTION", "expel", ("BFA",), ("FRA",))),
    ("Le ministère ivoirien des Affaires étrangères a convoqué le chargé d'affaires du Burkina Faso.", "fr",
     ("ACCUSE", "disapprove", ("CIV",), ("BFA",))),
    ("L'Algérie a rappelé son ambassadeur à Paris.", "fr",
     ("SANCTION", "withdraw", ("DZA",), ("FRA",))),
    ("Senegal's foreign minister visited Rabat on Monday.", "en",
     ("CONSULT", "visit", ("SEN",), ("MAR",))),
    ("Nigerien soldiers arrested four Beninese soldiers near the border on Tuesday.", "en",
     ("COERCE", "arrest", ("NER",), ("BEN",))),
    ("Morocco condemned the attack on the Malian army.", "en",
     ("ACCUSE", "disapprove", ("MAR",), ("MLI",))),
])
def test_types_and_directions(code_text, text, lang, expected) -> None:
    got = _events(code_text(text, lang=lang))
    assert got and got[0][0] == expected[0] and got[0][1] == expected[1]
    assert set(expected[2]) <= set(got[0][2]) | set(got[0][3])
    assert set(expected[3]) <= set(got[0][2]) | set(got[0][3])
    assert set(got[0][2]) & set(expected[2] or got[0][2])  # the actor side is right


# Each sentence is the negative of one that test_types_and_directions codes; the trigger is skipped
# for the reason named.
@pytest.mark.parametrize("text,lang,word,why", [
    ("Le ministre algérien des Affaires étrangères ne s'est pas rendu à Tunis.", "fr", "rendu", "negated"),
    ("Le ministre algérien des Affaires étrangères se rendra lundi à Tunis.", "fr", "rendra", "future tense"),
    ("Le ministre algérien des Affaires étrangères doit se rendre lundi à Tunis.", "fr", "rendre",
     "infinitive under 'doit'"),
    ("Le Maroc condamne régulièrement les attaques contre l'armée malienne.", "fr", "condamne", "habitual"),
    ("The Senegalese foreign minister will visit Rabat next week.", "en", "visit", "modal or future"),
    ("Morocco did not condemn the attack on the Malian army.", "en", "condemn", "negated"),
    ("Cette visite illustre la volonté commune du Maroc et de la Mauritanie.", "fr", "visite",
     "refers back to an event already told"),
])
def test_no_event_for_negation_future_plans_habits_and_backreference(code_with_rules, rules_coder, text, lang,
                                                                     word, why) -> None:
    coded = code_with_rules(text, lang=lang)
    assert _events(coded) == []
    reasons = skip_reasons(rules_coder, coded)
    assert skipped(reasons, word, why), reasons


def test_history_older_than_a_year_is_not_coded(code_text) -> None:
    text = "En 2016, l'Arabie saoudite a rompu ses relations diplomatiques avec l'Iran."
    assert _events(code_text(text, lang="fr", published="2025-06-05")) == []
    # the same report published that year is news
    assert _events(code_text(text, lang="fr", published="2016-06-05")) == [("SANCTION", "withdraw", ("SAU",), ("IRN",))]


def test_date_resolved_against_publication(code_text) -> None:
    coded = code_text("Le ministre algérien des Affaires étrangères s'est rendu hier à Tunis.", lang="fr",
                      published="2025-06-05")
    ev = coded.events[0]
    assert ev.date == "2025-06-04" and ev.date_basis == "text"
    coded = code_text("Le ministre algérien des Affaires étrangères s'est rendu à Tunis.", lang="fr",
                      published="2025-06-05")
    assert coded.events[0].date == "2025-06-05" and coded.events[0].date_basis == "publication"


def test_every_event_explains_itself_and_spans_are_exact(code_text) -> None:
    text = "Titre.\n\nLe Niger a accusé la France de soutenir les terroristes. Le Mali a rappelé son ambassadeur à Paris."
    coded = code_text(text, lang="fr")
    assert len(coded.events) >= 2
    for ev in coded.events:
        assert ev.explanation and ev.cameo and ev.quad_code and ev.intensity is not None
        for span in ev.event_text:
            assert text[span.start:span.end] == span.text
        for party in ev.actor + ev.recipient:
            assert text[party.start:party.end] == party.entity_text


def test_same_input_gives_same_ids(code_text) -> None:
    text = "Le Niger a accusé la France de soutenir les terroristes."
    a = code_text(text, lang="fr").events
    b = code_text(text, lang="fr").events
    assert [e.id for e in a] == [e.id for e in b] and a


def test_a_date_alone_under_the_headline_is_the_report_date(coder) -> None:
    # Headline, the report's date on its own line, then the lede: the event is the lede's day.
    from communique.model import Article

    title = "Le Maroc rappelle son ambassadeur au Mali"
    text = (title + "\n\n5 juin 2025 .\n\n"
            "La décision a été annoncée mardi soir à Rabat, après une semaine de tensions.")
    coded = coder.code_article(Article(id="t", text=text, title=title, lang="fr", published="2025-06-05"))
    assert coded.events and all(ev.date == "2025-06-03" for ev in coded.events), \
        [(ev.event, ev.date) for ev in coded.events]


def test_a_promise_is_dated_when_it_is_made_not_when_it_will_be_kept(code_text) -> None:
    text = ("The presidents of Gambia and Guinea spoke by telephone on Wednesday. "
            "They agreed to hold a joint commission in Banjul in July.")
    agree = [e for e in code_text(text, lang="en", published="2025-02-27").events if e.event == "AGREE"]
    assert agree and all(e.date != "2024-07" and not e.date.startswith("2025-07") for e in agree), \
        [(e.date, e.explanation) for e in agree]


def test_an_internal_error_rejects_the_article_unless_the_settings_say_raise(monkeypatch) -> None:
    from communique.coder import Coder, CoderSettings
    from communique.model import Article

    def broken(self, article, parse):
        raise KeyError("no such entry")

    monkeypatch.setattr(Coder, "events", broken)
    article = Article(id="t", text="Le Mali a expulsé l'ambassadeur de France.", lang="fr")
    coded = Coder(CoderSettings(vectors=False)).code_article(article)
    assert coded.events == [] and coded.rejected is not None
    assert coded.rejected.stage == "events" and "internal error" in coded.rejected.reason
    with pytest.raises(KeyError, match="no such entry"):
        Coder(CoderSettings(vectors=False, raise_errors=True)).code_article(article)
