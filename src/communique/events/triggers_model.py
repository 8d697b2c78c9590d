"""The trigger model: each verb or noun of a sentence gets a PLOVER type and mode, or none.

A multinomial logistic regression over the features of ``trigger_features.py``, trained by
``communique train`` on the annotated corpus (every gold event's verbatim ``trigger``; every
other verb and noun is a negative). The weights ship in the package (``data/models/triggers.npz``)
with a card (``triggers.json``: vocabulary, labels, training data hash, seed, figures); they are
loaded, never rebuilt, at run time, and prediction is a sparse dot product in NumPy.

The model proposes; the grammar still disposes: a proposed trigger goes through the same
modality checks (negation, plans, background) and role finding as a trigger-table row.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from communique.errors import ModelError
from communique.events.lexicon import TriggerLexicon
from communique.events.trigger_features import (WordVectors, is_candidate, party_tokens, token_features,
                                               vector_word)
from communique.lexicon.tables import data_path
from communique.mentions.actors import MentionIndex
from communique.parse import Parse, Token

NONE = "NONE"
NO_MODE = "-"
MODEL_NAME = "triggers"


@dataclass(frozen=True, slots=True)
class TriggerScore:
    """The model's reading of one token."""

    event: str  # best label (a PLOVER type or NONE)
    prob: float  # its probability
    none: float  # probability of NONE
    mode: str | None  # best valid mode of ``event``
    top_event: str  # best PLOVER type other than NONE
    top_prob: float
    known: bool = True  # the word was a gold trigger in the training corpus (TriggerModel.acts)

    def describe(self) -> str:
        label = f"{self.event}{'/' + self.mode if self.mode else ''}"
        return f"trigger model {label} p={self.prob:.2f}"


@dataclass(slots=True)
class TriggerModel:
    vocab: dict[str, int]
    labels: list[str]  # types, NONE included
    w_type: np.ndarray  # (features, labels)
    b_type: np.ndarray
    modes: list[str]  # modes, NO_MODE included
    w_mode: np.ndarray
    b_mode: np.ndarray
    card: dict
    d_type: np.ndarray | None = None  # (vector dims, labels): weights of the word vector
    d_mode: np.ndarray | None = None
    # "fr:déployer": the words (language, lemma) that were a gold trigger in the training corpus.
    # None (a model written before the list): every word counts as known.
    acts: frozenset[str] | None = None

    # -- files ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, folder: Path, name: str = MODEL_NAME) -> TriggerModel:
        card_path, weights_path = folder / f"{name}.json", folder / f"{name}.npz"
        if not card_path.exists() or not weights_path.exists():
            raise ModelError(f"trigger model not found in {folder} (run `communique train`)")
        card = json.loads(card_path.read_text(encoding="utf-8"))
        with np.load(weights_path) as arrays:
            dense = "d_type" in arrays.files
            return cls(vocab={f: i for i, f in enumerate(card["features"])}, labels=card["labels"],
                       w_type=arrays["w_type"].astype(np.float32), b_type=arrays["b_type"].astype(np.float32),
                       modes=card["modes"], w_mode=arrays["w_mode"].astype(np.float32),
                       b_mode=arrays["b_mode"].astype(np.float32),
                       card={k: v for k, v in card.items() if k not in ("features", "trigger_words")},
                       d_type=arrays["d_type"].astype(np.float32) if dense else None,
                       d_mode=arrays["d_mode"].astype(np.float32) if dense else None,
                       acts=frozenset(card["trigger_words"]) if "trigger_words" in card else None)

    def save(self, folder: Path, name: str = MODEL_NAME) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        features = [f for f, _ in sorted(self.vocab.items(), key=lambda kv: kv[1])]
        card = dict(self.card, labels=self.labels, modes=self.modes, features=features)
        if self.acts is not None:
            card["trigger_words"] = sorted(self.acts)
        # float16 halves the file; the weights are small and well inside its range
        arrays = {"w_type": self.w_type.astype(np.float16), "b_type": self.b_type.astype(np.float32),
                  "w_mode": self.w_mode.astype(np.float16), "b_mode": self.b_mode.astype(np.float32)}
        if self.d_type is not None and self.d_mode is not None:
            arrays.update(d_type=self.d_type.astype(np.float16), d_mode=self.d_mode.astype(np.float16))
        np.savez_compressed(folder / f"{name}.npz", **arrays)
        (folder / f"{name}.json").write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")

    # -- prediction ----------------------------------------------------------------------------
    def known(self, lang: str, tok: Token) -> bool:
        """The word was a gold trigger in the training corpus (always, for a model without the list)."""
        return self.acts is None or f"{lang}:{vector_word(tok)}" in self.acts

    def _rows(self, feats: list[list[str]]) -> list[list[int]]:
        # A feature listed twice ("lex=TYPE" of a lemma with two rows of one type) counts twice
        # here and once in train.fit._matrix; the policy was tuned so, and either consistent
        # count lost cross-fitted F1 (docs/accuracy.md).
        vocab = self.vocab
        return [[vocab[f] for f in fs if f in vocab] for fs in feats]

    @property
    def uses_vectors(self) -> bool:
        return self.d_type is not None

    def probabilities(self, feats: list[list[str]], vectors: np.ndarray | None = None
                      ) -> tuple[np.ndarray, np.ndarray]:
        """(type probabilities, mode probabilities), one row per feature list (and word vector)."""
        from scipy.sparse import csr_matrix

        rows = self._rows(feats)
        n = len(rows)
        indptr = np.cumsum([0] + [len(idx) for idx in rows])
        indices = np.fromiter((i for idx in rows for i in idx), dtype=np.int32, count=int(indptr[-1]))
        x = csr_matrix((np.ones(len(indices), np.float32), indices, indptr), shape=(n, len(self.vocab)))
        zt = x @ self.w_type + self.b_type
        zm = x @ self.w_mode + self.b_mode
        if self.d_type is not None and self.d_mode is not None and vectors is not None and n:
            zt += vectors @ self.d_type
            zm += vectors @ self.d_mode
        return _softmax(np.asarray(zt)), _softmax(np.asarray(zm))

    def score(self, parse: Parse, index: MentionIndex, *, lexicon: TriggerLexicon | None,
              title_end: int = 0, valid_mode: Callable[[str, str], bool] | None = None,
              wanted: Callable[[Token], bool] | None = None) -> dict[int, TriggerScore]:
        """The model's reading of every candidate token of the article (those ``wanted`` accepts,
        when given), by token index; the mode is the likeliest one ``valid_mode(event, mode)``
        accepts (any when it is None). A token's reading depends on its own features only, so
        leaving tokens out changes nobody else's."""
        parties = party_tokens(parse, index)
        toks = [t for t in parse.tokens if is_candidate(t) and (wanted is None or wanted(t))]
        if not toks:
            return {}
        feats = [token_features(parse, t, parties=parties, lexicon=lexicon, in_title=t.idx < title_end)
                 for t in toks]
        vectors = word_vectors().of([vector_word(t) for t in toks]) if self.uses_vectors else None
        pt, pm = self.probabilities(feats, vectors)
        none = self.labels.index(NONE)
        best = pt.argmax(axis=1)
        others = pt.copy()
        others[:, none] = -1.0
        top = others.argmax(axis=1)
        mode_order = np.argsort(-pm, axis=1)
        out: dict[int, TriggerScore] = {}
        for k, tok in enumerate(toks):
            event = self.labels[int(top[k])]
            mode = None
            for j in mode_order[k]:
                m = self.modes[int(j)]
                if m == NO_MODE:
                    break
                if valid_mode is None or valid_mode(event, m):
                    mode = m
                    break
            prow = pt[k]
            out[tok.i] = TriggerScore(event=self.labels[int(best[k])], prob=float(prow[best[k]]),
                                      none=float(prow[none]), mode=mode, top_event=event,
                                      top_prob=float(prow[top[k]]),
                                      known=self.known(parse.lang, tok))
        return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def model_folder() -> Path:
    """Where the coder's models are: ``$COMMUNIQUE_MODELS`` (a folder written by
    ``communique train -o``) or the package's own ``data/models``."""
    import os

    own = os.environ.get("COMMUNIQUE_MODELS")
    return Path(own) if own else data_path("models")


@functools.lru_cache(maxsize=4)
def trigger_model(folder: Path | None = None) -> TriggerModel | None:
    """The model of a folder (default: the one shipped in the package), loaded once per process;
    None when the package has none. A folder given explicitly must hold one."""
    if folder is None:
        folder = model_folder()
        if folder == data_path("models") and not (folder / f"{MODEL_NAME}.npz").exists():
            return None
    return TriggerModel.load(folder)


@functools.lru_cache(maxsize=1)
def word_vectors() -> WordVectors:
    return WordVectors()
