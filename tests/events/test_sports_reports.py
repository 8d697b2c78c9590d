"""A sports report holds no act between states: its words of contest ("attaque", "a battu",
"fired a shot", "a offert la victoire") are read as sport when the title and lede hold two
different words of sport (``sport_word`` in ``data/<lang>/grammar_words.tsv``;
``events.build.sports_report``). Each case has its minimal pair: the same act told outside a
match, or violence at a match that the title names. Articles written for these tests."""

from __future__ import annotations

from communique.events.grammar import grammar_words

MATCH_FR = ("Éliminatoires : le Niger et le Bénin se quittent dos à dos à Niamey\n\n"
            "NIAMEY, 9 septembre – Le match entre le Niger et le Bénin s'est achevé sur un score nul au stade "
            "Général-Seyni-Kountché. Les Béninois ont lancé une attaque contre la défense nigérienne à la 80e minute, "
            "sans parvenir à marquer.")
NEWS_FR = ("Tensions à la frontière entre le Niger et le Bénin\n\n"
           "NIAMEY, 9 septembre – Les autorités ont fait le point sur la situation dans la région. "
           "L'armée béninoise a lancé une attaque contre une patrouille de l'armée nigérienne près de Gaya.")
MATCH_EN = ("Mali edge Senegal in World Cup qualifier\n\n"
            "BAMAKO, Sept 9 - Mali beat Senegal 1-0 at the March 26 stadium on Tuesday. "
            "Senegal's striker fired a shot at the Malian goalkeeper in the last minute, and Mali's coach "
            "later praised the Senegalese team.")


def test_a_sports_report_is_no_event_and_says_why(code_with_rules, rules_coder) -> None:
    coded = code_with_rules(MATCH_FR, lang="fr", published="2025-09-09", article_id="match-fr")
    assert coded.events == [], [(e.event, e.explanation) for e in coded.events]
    why = rules_coder.skipped["match-fr"]
    assert any("'attaque'" in s and "sports report ('match', 'stade', 'éliminatoires' in the title and lede)" in s
               for s in why), why


def test_the_same_attack_outside_a_match_is_coded(code_with_rules) -> None:
    coded = code_with_rules(NEWS_FR, lang="fr", published="2025-09-09", article_id="news-fr")
    assert any(e.event == "ASSAULT" and e.actor and e.actor[0].code == "BEN" for e in coded.events), \
        [(e.event, e.explanation) for e in coded.events]


def test_an_english_match_report_is_no_event(code_with_rules, rules_coder) -> None:
    coded = code_with_rules(MATCH_EN, lang="en", published="2025-09-10", article_id="match-en")
    assert coded.events == [], [(e.event, e.explanation) for e in coded.events]
    assert any("sports report" in s and "'stadium'" in s for s in rules_coder.skipped["match-en"])


def test_violence_at_a_match_named_in_the_title_is_still_an_attack(code_with_rules) -> None:
    coded = code_with_rules(
        "Nigeria : un attentat lors d'un match de football fait dix morts à Maiduguri\n\n"
        "MAIDUGURI, 9 septembre – Un kamikaze de Boko Haram s'est fait exploser samedi au stade municipal pendant "
        "le match, tuant dix supporters nigérians.", lang="fr", published="2025-09-09", article_id="attack-match")
    assert any(e.event == "ASSAULT" for e in coded.events), [(e.event, e.explanation) for e in coded.events]



def test_a_title_naming_play_in_words_of_violence_keeps_a_match_report_eventless(code_with_rules) -> None:
    # "strike", "frappe", "attaque" name play in a match report's title (``contest_word``); the
    # attentat above is what keeps an attack
    for text, lang in [
        ("Late strike sinks Algeria as Egypt reach World Cup play-off\n\n"
         "CAIRO, Oct 11 - Egypt beat Algeria 2-1 at the Cairo International Stadium on Saturday. With the match "
         "heading for a draw, Egypt launched one last attack in stoppage time and their striker scored.", "en"),
        ("Une frappe de la dernière minute offre la victoire au Maroc face à la Tunisie\n\n"
         "RABAT, 11 octobre - Le Maroc a battu la Tunisie 1-0 samedi au stade Moulay-Abdallah, en match "
         "éliminatoire de la Coupe du monde. Les Marocains ont lancé une dernière attaque à la 90e minute.", "fr"),
    ]:
        coded = code_with_rules(text, lang=lang, published="2025-10-11")
        assert coded.events == [], [(e.event, e.explanation) for e in coded.events]

def test_one_word_of_sport_is_not_a_sports_report(code_with_rules) -> None:
    # a stadium as the place of an act of state: one word of sport, no match report
    coded = code_with_rules(
        "Le président malien reçoit le ministre turc de la Défense\n\n"
        "BAMAKO, 9 septembre – Le président de la transition malienne a reçu mardi le ministre turc de la "
        "Défense, arrivé la veille à Bamako, au palais de Koulouba, près du stade du 26-Mars.",
        lang="fr", published="2025-09-09", article_id="one-word")
    assert any(e.event == "CONSULT" for e in coded.events), [(e.event, e.explanation) for e in coded.events]


def test_sport_words_are_data_per_language() -> None:
    for lang in ("fr", "en"):
        words = grammar_words(lang).sport_word
        assert ("match",) in words and len(words) >= 20
    assert ("coupe", "du", "monde") in grammar_words("fr").sport_word
    assert ("world", "cup") in grammar_words("en").sport_word
