"""The first pass (communique.nlp.first_pass): the full pipeline only on the chosen sentences, and
the coder's output as without it on the bundled examples and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.coder import Coder, CoderSettings
from communique.export.writers import jsonl_line
from communique.ingest import read_inputs
from communique.lexicon.actors import actor_lexicon
from communique.model import Article
from communique.nlp.first_pass import PassCounts, parse_batch
from communique.nlp.pipelines import parse_text

ROOT = Path(__file__).resolve().parents[2]

LONG = ("Le Mali accuse le Niger\n\n"
        "3 janvier 2016 . – Le gouvernement malien a accusé mardi le Niger d'avoir armé des rebelles.\n\n"
        "Il pleuvait sur la capitale depuis trois jours. Les marchés étaient vides et les écoles fermées.\n"
        "La saison des pluies commence tôt cette année, disent les habitants.\n\n"
        "Le ministre nigérien des Affaires étrangères a rejeté ces accusations mercredi.")


@pytest.fixture(scope="module")
def coders() -> tuple[Coder, Coder]:
    return (Coder(CoderSettings(first_pass=True, raise_errors=True)),
            Coder(CoderSettings(first_pass=False, raise_errors=True)))


def _coded(coder: Coder, path: Path) -> list[str]:
    return [jsonl_line(c) for c in coder.code_items(read_inputs([str(path)]))]


def test_examples_code_the_same_with_and_without_the_first_pass(coders) -> None:
    on, off = coders
    path = ROOT / "examples" / "articles.jsonl"
    assert _coded(on, path) == _coded(off, path)


def test_a_short_english_trigger_inflected_chooses_its_sentence(coders) -> None:
    # "sue" is too short for a stem: its inflections are listed, or "sued" chose no sentence
    on, off = coders
    article = Article(id="short-lemma", title="Weather news", lang="en", published="2024-03-12",
                      text="It rained in the capital for three days. Markets were empty and schools closed. "
                           "Mali sued Algeria on Monday.")
    coded = [[(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in c.events]
             for coder in (on, off) for c in coder.code_items([article])]
    assert coded[0] == coded[1] == [("ACCUSE", ["MLI"], ["DZA"])]


@pytest.mark.shared
def test_seed_codes_the_same_with_and_without_the_first_pass(coders, shared) -> None:
    on, off = coders
    path = shared / "seed" / "seed.txt"
    assert _coded(on, path) == _coded(off, path)


def test_tokens_keep_the_article_offsets_and_only_chosen_sentences_are_parsed() -> None:
    counts = PassCounts()
    parse, = parse_batch([LONG], lang="fr", title_ends=[len("Le Mali accuse le Niger")],
                         lexicon=actor_lexicon("fr"), batch_size=4, counts=counts)
    full = parse_text(LONG, lang="fr")
    # same tokens at the same character offsets as the full pipeline's
    assert [(t.text, t.idx) for t in parse.tokens] == [(t.text, t.idx) for t in full.tokens]
    assert all(LONG[t.idx:t.end] == t.text for t in parse.tokens)
    assert [t.i for t in parse.tokens] == list(range(len(parse.tokens)))
    # sentences tile the tokens, in order
    assert parse.sentences[0].start == 0 and parse.sentences[-1].end == len(parse.tokens)
    for a, b in zip(parse.sentences, parse.sentences[1:]):
        assert a.end == b.start and b.index == a.index + 1
    for sent in parse.sentences:
        assert all(parse.tokens[i].sent == sent.index for i in range(sent.start, sent.end))
    rain = next(s for s in parse.sentences if "pleuvait" in LONG[s.char_start:s.char_end])
    assert all(t.pos == "" and t.head == t.i for t in parse.sentence_tokens(rain))
    rejected = next(s for s in parse.sentences if "rejeté" in LONG[s.char_start:s.char_end])
    assert any(t.pos == "VERB" for t in parse.sentence_tokens(rejected))
    assert 0 < counts.share_parsed < 1 and counts.articles == 1
