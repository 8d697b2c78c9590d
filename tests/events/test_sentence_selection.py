"""The first pass's choice of sentences (communique.events.selection), on hand-built sentences."""

from __future__ import annotations

from communique.events.selection import SelectionPolicy, SentenceWords, TriggerForms, choose_sentences, english_forms

FORMS = TriggerForms(forms=frozenset({"attaque"}), stems=frozenset({"bombard"}))


def _sentences(*texts: str) -> list[SentenceWords]:
    out, at = [], 0
    for text in texts:
        out.append(SentenceWords(char_start=at, char_end=at + len(text), words=text.split()))
        at += len(text) + 1
    return out


def _party(sentences: list[SentenceWords], k: int) -> tuple[int, int]:
    return sentences[k].char_start, sentences[k].char_start + 3


def test_forms_match_whole_words_and_stems() -> None:
    assert FORMS.match("attaque") and FORMS.match("bombardé") and FORMS.match("bombardements")
    assert not FORMS.match("attaquant") and not FORMS.match("bomb")


def test_forms_read_a_lookup_table() -> None:
    forms = TriggerForms(forms=frozenset(), stems=frozenset(), lemma_of={"pris": "prendre"}.get,
                         lemmas=frozenset({"prendre"}))
    assert forms.match("pris") and not forms.match("prise")


def test_short_english_lemmas_list_their_regular_inflections() -> None:
    assert {"bans", "banned", "banning"} <= english_forms("ban")
    assert {"vows", "vowed", "vowing"} <= english_forms("vow")
    assert {"sues", "sued", "suing"} <= english_forms("sue")
    assert {"cuts", "cutting"} <= english_forms("cut")


def test_a_trigger_with_a_party_is_chosen_and_one_without_is_not() -> None:
    sents = _sentences("Titre", "Le lede .", "On attaque la question .", "Il pleut .", "Le Mali attaque le Niger .")
    chosen = choose_sentences(sents, forms=FORMS, party_spans=[_party(sents, 4)], title_end=5)
    assert chosen == [True, True, False, False, True]


def test_a_party_in_the_sentence_before_chooses_both() -> None:
    sents = _sentences("Titre", "Le lede .", "Le Mali dément .", "Il attaque le camp .", "Rien .")
    chosen = choose_sentences(sents, forms=FORMS, party_spans=[_party(sents, 2)], title_end=5)
    assert chosen == [True, True, True, True, False]
    alone = choose_sentences(sents, forms=FORMS, party_spans=[_party(sents, 2)], title_end=5,
                             policy=SelectionPolicy(party_before=False))
    assert alone == [True, True, False, False, False]


def test_opening_and_neighbours_follow_the_policy() -> None:
    sents = _sentences("Un .", "Deux .", "Trois .", "Le Mali attaque .", "Cinq .")
    chosen = choose_sentences(sents, forms=FORMS, party_spans=[_party(sents, 3)], title_end=0,
                              policy=SelectionPolicy(opening=2, before=1, after=1))
    assert chosen == [True, True, True, True, True]
    assert choose_sentences(sents, forms=FORMS, party_spans=[], title_end=0,
                            policy=SelectionPolicy(opening=0, names=False)) == [False] * 5


def test_a_capitalised_word_stands_for_a_party() -> None:
    sents = _sentences("Willy Nyamitwe a été bombardé .", "Le camp a été bombardé .", "On bombarde Gao .")
    chosen = choose_sentences(sents, forms=FORMS, party_spans=[], title_end=0,
                              policy=SelectionPolicy(opening=0, party_before=False))
    assert chosen == [True, False, True]


def test_a_sentence_opening_with_a_pronoun_brings_the_one_before() -> None:
    sents = _sentences("Le ministre a parlé .", "Rien .", "Il attaque le Mali .")
    kwargs = dict(forms=FORMS, party_spans=[_party(sents, 2)], title_end=0,
                  policy=SelectionPolicy(opening=0, names=False))
    assert choose_sentences(sents, **kwargs) == [False, False, True]
    assert choose_sentences(sents, pronouns=frozenset({"il"}), **kwargs) == [False, True, True]
