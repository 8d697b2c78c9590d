"""The models shipped in the package are what ``communique train`` rebuilds from the bundled
corpus with the code of this checkout: a change to the coder's parse-side rules (mentions,
places, the trigger table) that changes what the models learn from must ship retrained models,
or the figures of docs/accuracy.md would no longer be reproducible. Slow (it parses the 560
bundled articles: one to three minutes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.events.triggers_model import model_folder
from communique.train.commands import bundled_corpus
from communique.train.fit import TrainSettings
from communique.train.kernel import train_pinned


@pytest.mark.models
def test_the_shipped_models_are_what_communique_train_rebuilds(tmp_path: Path) -> None:
    train_pinned([bundled_corpus()], out=tmp_path, settings=TrainSettings())
    shipped = model_folder()
    rebuilt = sorted(p.name for p in tmp_path.iterdir())
    assert rebuilt == sorted(p.name for p in shipped.iterdir() if p.suffix in (".json", ".npz"))
    differ = [name for name in rebuilt if (tmp_path / name).read_bytes() != (shipped / name).read_bytes()]
    assert not differ, f"retrain with `communique train` and commit the models: {differ} differ"
