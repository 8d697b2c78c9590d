"""An opinion piece reports no event: a title headed by its label ("Tribune –", "Opinion:";
``opinion_label`` in ``data/<lang>/grammar_words.tsv``; ``events.build.opinion_piece``) makes every
act the column recalls its material, not its news. Each case has its minimal pair: the same text
under a news title, or an analysis, which does report events. Articles written for these tests."""

from __future__ import annotations

import pytest

from communique.events.build import opinion_piece
from communique.parse import Parse, Sentence

BODY_FR = ("Le Mali a expulsé lundi l'ambassadeur de France, et Paris a rappelé le sien dans la foulée. "
           "Ce divorce annoncé pose une question simple aux capitales du Sahel : que reste-t-il à négocier ?")
BODY_EN = ("Morocco recalled its ambassador from Algiers on Monday after the border incident. "
           "The quarrel should worry every capital of the Sahel, which needs both neighbours.")


@pytest.mark.parametrize("title,lang,label", [
    ("Tribune – Sahel : le divorce est consommé", "fr", "tribune"),
    ("Point de vue : la CEDEAO à l'épreuve", "fr", "point de vue"),
    ("Opinion: Rabat and Algiers need a hotline", "en", "opinion"),
    ("OP-ED - The Sahel's long road", "en", "op-ed"),
])
def test_the_label_heads_the_title(title, lang, label) -> None:
    text = title + "\n\nUn texte."
    parse = Parse(text=text, tokens=[], sentences=[Sentence(index=0, start=0, end=0, char_start=0,
                                                            char_end=len(text))], lang=lang)
    assert opinion_piece(parse, len(title)) == label


@pytest.mark.parametrize("title,lang", [
    ("Analyse – Après le Niger, le Tchad tourne la page", "fr"),  # an analysis of the news reports it
    ("L'opinion publique malienne divisée sur le retrait", "fr"),  # the word, not the label
    ("Analysis: Fresh deployment buys the mission time", "en"),
    ("Public opinion in Niger turns against the junta", "en"),
])
def test_other_titles_are_no_opinion_piece(title, lang) -> None:
    text = title + "\n\nA text."
    parse = Parse(text=text, tokens=[], sentences=[Sentence(index=0, start=0, end=0, char_start=0,
                                                            char_end=len(text))], lang=lang)
    assert opinion_piece(parse, len(title)) is None


@pytest.mark.parametrize("label,news,body,lang", [
    ("Tribune – Sahel : que reste-t-il à négocier ?", "Le Mali expulse l'ambassadeur de France", BODY_FR, "fr"),
    ("Opinion: A quarrel the Sahel cannot afford", "Morocco recalls its ambassador from Algiers", BODY_EN, "en"),
])
def test_an_opinion_piece_codes_no_event_and_says_why(code_with_rules, rules_coder, label, news, body,
                                                      lang) -> None:
    column = code_with_rules(f"{label}\n\n{body}", lang=lang, article_id=f"column-{lang}")
    assert column.events == [], [(e.event, e.explanation) for e in column.events]
    assert any("opinion piece" in s for s in rules_coder.skipped[f"column-{lang}"])
    report = code_with_rules(f"{news}\n\n{body}", lang=lang, article_id=f"report-{lang}")
    assert report.events, "the same text under a news title reports its acts"


VISIT_FR = ("Le président sénégalais attendu à Madrid la semaine prochaine\n\n"
            "DAKAR, 3 mars – Le chef de l'État sénégalais se rendra à Madrid du 10 au 12 mars. Les deux pays ont "
            "convenu de signer à cette occasion un accord de coopération migratoire, a indiqué la présidence.")
VISIT_EN = ("Ghanaian president expected in Abuja next week\n\n"
            "ACCRA, March 3 - Ghana's president will travel to Abuja from March 10 to 12. The two countries agreed "
            "on Monday to sign a defence cooperation accord during the visit, the presidency said.")


@pytest.mark.parametrize("text,lang", [(VISIT_FR, "fr"), (VISIT_EN, "en")])
def test_a_preview_of_a_visit_codes_no_cooperation_and_says_why(code_with_rules, rules_coder, text, lang) -> None:
    # the talks and agreements a visit to come brings are plans (guidelines §3)
    coded = code_with_rules(text, lang=lang, article_id=f"visit-{lang}")
    assert not [e for e in coded.events if e.event in ("CONSULT", "COOPERATE", "AGREE", "SUPPORT")], coded.events
    assert any("a visit to come" in s for s in rules_coder.skipped[f"visit-{lang}"])
    # the same body under another title: the agreement is coded
    body = text.split("\n\n", 1)[1]
    news = code_with_rules(("Le Sénégal et l'Espagne s'accordent sur la migration\n\n" if lang == "fr" else
                            "Ghana and Nigeria agree on a defence accord\n\n") + body, lang=lang,
                           article_id=f"agreed-{lang}")
    assert any(e.event == "AGREE" for e in news.events), news.events


COMMEMORATION_BODY_FR = ("SÉTIF, 8 mai – Des milliers de personnes se sont recueillies lundi à Sétif. Le ministre "
                         "algérien des Moudjahidine a dénoncé lundi les crimes commis par l'armée française en "
                         "mai 1945.")
COMMEMORATION_BODY_EN = ("ABUJA, Jan 15 - Service chiefs laid wreaths at the National Arcade on Thursday. Speakers "
                         "recalled that Boko Haram fighters had killed dozens of Nigerian soldiers in an attack on "
                         "a base in Borno in 2019.")


@pytest.mark.parametrize("title,body,lang", [
    ("Sétif : l'Algérie commémore les massacres de mai 1945", COMMEMORATION_BODY_FR, "fr"),
    ("Nigeria honours fallen soldiers on Remembrance Day", COMMEMORATION_BODY_EN, "en"),
])
def test_a_commemoration_codes_no_event_and_says_why(code_with_rules, rules_coder, title, body, lang) -> None:
    # the acts a commemoration recalls are history (guidelines §3)
    coded = code_with_rules(f"{title}\n\n{body}", lang=lang, article_id=f"commemoration-{lang}")
    assert coded.events == [], [(e.event, e.explanation) for e in coded.events]
    assert any("commemoration" in s for s in rules_coder.skipped[f"commemoration-{lang}"])


def test_a_commemoration_title_that_names_an_act_is_news(code_with_rules) -> None:
    # the anniversary is the occasion; the title's rally is the day's news
    coded = code_with_rules("Protesters rally at the French embassy in Niamey on the coup's anniversary\n\n"
                            "NIAMEY, July 26 - Several thousand people rallied outside the French embassy in Niamey "
                            "on Friday, chanting slogans against France.", lang="en", article_id="rally-en")
    assert any(e.event == "PROTEST" for e in coded.events), coded.events
