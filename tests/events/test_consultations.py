"""What counts as a consultation: having been in contact and informing a party are; being in contact
now is a state; praise of the relations after a meeting is boilerplate, and in a reception the
visitor acts. Sentences written for these tests (the cases taken from the dev set are in
tests/events/test_dev_regressions.py)."""

from __future__ import annotations

import pytest

from event_helpers import events, has, skip_reasons, skipped, types_and_parties


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


def test_a_bare_office_receiving_a_foreign_envoy_is_not_of_the_envoys_state(code_with_rules, rules_coder) -> None:
    # the state named last before "Le Premier ministre" is the Emirates (Abou Dhabi); the
    # ambassador he receives is of the Emirates, so the host is the article's own state, Chad
    text = ("Crues au Tchad : l'aide émiratie arrive\n\nN'DJAMENA, 3 septembre – Le gouvernement tchadien a lancé un "
            "appel à l'aide après des crues. Samedi, un avion-cargo s'est posé à l'aéroport avec des tentes offertes "
            "par Abou Dhabi. Le Premier ministre a reçu dimanche l'ambassadeur des Émirats arabes unis pour le "
            "remercier.")
    coded = code_with_rules(text, lang="fr", published="2025-09-03", article_id="envoy")
    assert has(events(coded), "CONSULT", {"ARE"}, {"TCD"}), coded.events
    assert not skipped(skip_reasons(rules_coder, coded), "reçu", "single party")


def test_a_state_where_the_object_is_does_not_count_as_the_objects_own() -> None:
    from communique.mentions.references import _object_states
    from communique.mentions.actors import MentionIndex, find_mentions
    from communique.coder import Coder, CoderSettings
    from communique.model import Article

    coder = Coder(CoderSettings(vectors=False))
    item = next(iter(coder.parse_items([Article(
        id="o", lang="fr", text="Le ministre a reçu mardi l'ambassadeur d'Italie au Liban.")])))
    _, parse = item
    index = MentionIndex(parse, find_mentions(parse, coder.actors("fr")))
    subj = next(t for t in parse.tokens if t.lower == "ministre")
    states = _object_states(parse, subj, index)
    assert "LBN" not in states and "ITA" in states, states


@pytest.mark.parametrize("text,visitor,host", [
    # a pronoun received in the passive stands for the visitor named before
    ("Le chef d'état-major tchadien est arrivé lundi à Niamey. Il a été reçu mardi par son homologue "
     "nigérien.", "TCD", "NER"),
    ("Une délégation malienne conduite par le ministre de la Réconciliation est arrivée mardi à Nouakchott. "
     "Elle a été reçue dans la foulée par le Premier ministre mauritanien.", "MLI", "MRT"),
])
def test_a_visitor_received_in_the_passive(code_with_rules, text, visitor, host) -> None:
    got = types_and_parties(code_with_rules(text, lang="fr"))
    assert got == [("CONSULT", {visitor}, {host})], got


def test_goods_received_in_the_passive_are_no_visit(code_with_rules, rules_coder) -> None:
    # minimal pair of the above: what was received is no party
    coded = code_with_rules("Le matériel a été reçu mardi par l'armée mauritanienne.", lang="fr")
    assert not any(ev == "CONSULT" for ev, *_ in events(coded)), coded.events
    assert skipped(skip_reasons(rules_coder, coded), "reçu", "CONSULT: needs an actor")


@pytest.mark.parametrize("verb", ["terminé", "achevé", "conclu", "bouclé"])
def test_a_visit_completed_is_a_visit(code_with_rules, verb) -> None:
    got = events(code_with_rules(f"Le ministre togolais des Affaires étrangères a {verb} mardi une visite de "
                                 f"deux jours à Bamako.", lang="fr"))
    assert has(got, "CONSULT", {"TGO"}, {"MLI"}), got


def test_the_body_names_the_visitor_the_headline_made_a_host(code_text) -> None:
    # The headline's phrase puts a Togolese minister and Bamako together; the guess from it (Togo
    # as the host) gives way to the body's clause, where the Togolese minister visits.
    title = "Médiation : le chef de la diplomatie togolaise à Bamako"
    coded = code_text(f"{title}\n\nLe ministre togolais des Affaires étrangères a terminé mardi une visite de "
                      f"deux jours à Bamako, où il a été reçu par le président de la Transition malienne.",
                      lang="fr", title=title)
    got = types_and_parties(coded)
    assert got == [("CONSULT", {"TGO"}, {"MLI"})], got


@pytest.mark.parametrize("text,parties", [
    # "des entretiens", like "des pourparlers", is one round of talks, not an aggregate of many
    ("Le ministre sénégalais des Affaires étrangères a eu mardi à Nouakchott des entretiens avec son homologue "
     "mauritanien.", {"SEN", "MRT"}),
    ("Les entretiens entre le ministre sénégalais et son homologue mauritanien se sont tenus mardi à "
     "Nouakchott.", {"SEN", "MRT"}),
])
def test_talks_told_in_the_plural_are_one_meeting(code_with_rules, text, parties) -> None:
    got = types_and_parties(code_with_rules(text, lang="fr"))
    assert [(ev, a | r) for ev, a, r in got] == [("CONSULT", parties)], got


def test_a_host_whose_state_is_not_given_is_one_of_the_meetings_parties(code_with_rules) -> None:
    # the Mauritanian general's service names no state; the two states that met are the record's
    # authors, with no recipient of no state beside them
    coded = code_with_rules("Les chefs des services de renseignement mauritanien et malien se sont réunis mardi à "
                            "Nouakchott. Le général Ahmed Ould Baba, directeur de la Sûreté extérieure, a reçu à "
                            "cette occasion son homologue malien, le général Moussa Coulibaly.", lang="fr")
    got = types_and_parties(coded)
    assert got == [("CONSULT", {"MRT", "MLI"}, set())], got
    assert "one of its authors" in coded.events[0].explanation, coded.events[0].explanation


def test_talks_hosted_between_others_are_their_meeting(code_with_rules, rules_coder) -> None:
    # guidelines §4: a meeting hosted in a third country is the parties' meeting, not a visit to the host
    talks = code_with_rules("Egypt hosted talks between Sudan and Ethiopia in Cairo on Monday.", lang="en")
    assert has(events(talks), "CONSULT", actors=("SDN", "ETH")), talks.events
    assert not any("EGY" in a | r for ev, _, a, r, *_ in events(talks)), talks.events
    reunion = code_with_rules("Le Maroc a abrité lundi une réunion entre la Libye et l'Égypte.", lang="fr")
    assert has(events(reunion), "CONSULT", actors=("LBY", "EGY")), reunion.events
    assert not any("MAR" in a | r for ev, _, a, r, *_ in events(reunion)), reunion.events
    # a host receiving a visitor is still visited; a summit only offered is no meeting
    visit = code_with_rules("The Malian president hosted his Senegalese counterpart in Bamako.", lang="en")
    assert has(events(visit), "CONSULT", actors=("SEN",), recipients=("MLI",)), visit.events
    offer = code_with_rules("Mali turned down an Algerian offer to host a summit in July.", lang="en")
    assert not has(events(offer), "CONSULT"), offer.events


def test_a_joint_act_with_one_party_and_no_other_is_none(code_with_rules, rules_coder) -> None:
    # "an exercise by one state" (issue 13): a joint exercise, a signature or aid needs another party
    for text, lang in (("The Nigerien army conducted a military exercise alone near Agadez.", "en"),
                       ("L'armée nigérienne a mené seule un exercice militaire à Agadez.", "fr")):
        alone = code_with_rules(text, lang=lang)
        assert not events(alone), alone.events
        assert any("one party and no other" in r for r in skip_reasons(rules_coder, alone)), alone.events
    # the minimal pair: the same exercise with a partner
    pair = code_with_rules("The Nigerien army conducted a joint military exercise with Chadian troops near Agadez.",
                           lang="en")
    assert has(events(pair), "COOPERATE", actors=("NER",), recipients=("TCD",)), pair.events
