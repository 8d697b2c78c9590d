"""scripts/rule_ablation.py, the per-rule figures of docs/accuracy.md: every rule it names is found
once in today's source (a rule renamed or moved fails here, not in a long run), switching a rule
off lets the word through, and the coder is whole again after each rule."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import sys
from pathlib import Path

import pytest

from test_crossfit_script import _write_set
from test_triggers_model import TINY

ROOT = Path(__file__).resolve().parents[2]


def _script():
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("rule_ablation", ROOT / "scripts" / "rule_ablation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_rule_is_found_once_and_can_be_switched_off() -> None:
    script = _script()
    for name, (module_name, marker) in script.RULES.items():
        module = importlib.import_module("communique." + module_name)
        source = Path(inspect.getfile(module)).read_text(encoding="utf-8")
        changed = script.switched_off(source, marker)
        assert changed != source, name
        compile(changed, name, "exec")  # still Python


def test_a_skip_lets_the_word_through_and_a_reason_is_not_returned() -> None:
    script = _script()
    source = ("def f(xs, skipped):\n    for x in xs:\n        if x < 0:\n            skip(skipped, x, \"negative\")\n"
              "            continue\n        yield x\n\n\ndef g(x):\n    if x:\n        return (\"long\"\n"
              "                \" reason\")\n    return None\n")
    first = script.switched_off(source, '"negative"')
    assert "            pass\n        yield x" in first and "continue" not in first
    second = script.switched_off(source, 'return ("long"')
    assert "        pass\n    return None" in second and "reason" not in second
    with pytest.raises(SystemExit):
        script.switched_off(source, "return")  # found twice: ambiguous


def _code(function) -> tuple:
    return function.__code__.co_code, function.__code__.co_consts


@pytest.mark.models
def test_the_coder_is_whole_again_after_each_rule(tmp_path: Path, capsys) -> None:
    import communique.coder as coder
    import communique.events.detect as detect

    before = _code(detect.detect_sentence)
    script = _script()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write_set(corpus, "tiny", TINY)
    script.main([str(corpus), "--models", str(tmp_path / "folds"), "--always", "", "--only", "plural,future"])
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out[2:]] == ["plural", "future"]
    # the functions in use (here and where the coder imported them) are the source's own again
    assert _code(detect.detect_sentence) == before
    assert _code(coder.detect_sentence) == before
    with pytest.raises(SystemExit):
        script.main([str(corpus), "--models", str(tmp_path / "folds"), "--always", "", "--only", "nonsense"])
