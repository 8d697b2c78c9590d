"""Round 12: an office before a comma names the person, a state's envoy to an IGO is the state."""

import pytest

from communique.coder import Coder, CoderSettings
from communique.model import Article


@pytest.fixture(scope="module")
def coder():
    return Coder(CoderSettings(keep_skips=True, vectors=False))


def _events(coder, text, lang="fr"):
    art = coder.code_article(Article(id="t", text=text, lang=lang))
    return [(e.event, [(a.code, a.sector) for a in e.actor], [(a.code, a.sector) for a in e.recipient])
            for e in art.events]


def test_office_before_comma_gives_later_surname_its_state(coder):
    evs = _events(coder, "Le ministre béninois de l'Intérieur, Paul Hounkpatin Dossou, a condamné mardi "
                         "l'attaque. Dossou a ensuite rencontré le président du Niger, Mamadou Issoufou "
                         "Tandja, à Niamey.")
    assert ("CONSULT", [("BEN", "GOV")], [("NER", "GOV")]) in evs


def test_state_envoy_to_un_is_the_states_government(coder):
    evs = _events(coder, "L'ambassadeur russe à l'ONU a critiqué mardi la décision des États-Unis.")
    assert evs and evs[0][1] == [("RUS", "GOV")]
    evs = _events(coder, "Russia's ambassador to the UN criticized the decision of the United States "
                         "on Tuesday.", lang="en")
    assert evs and evs[0][1] == [("RUS", "GOV")]


def test_un_envoy_stays_igo(coder):
    evs = _events(coder, "L'envoyé de l'ONU a critiqué mardi la décision des États-Unis.")
    assert evs and evs[0][1][0][1] == "IGO"
