"""Answer quality guards: every question set, scored in-process by the shared scorer's rules.

The floors are the figures measured when the decider was last fitted, less a small margin: a
change that costs answers fails here. ``make eval`` prints the table they come from.
"""
from __future__ import annotations

import random
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot import evaluation
from bot.core.text import normalize
from tests.conftest import ROOT, bot_env

SHARED = evaluation.shared_eval_dir()
NO_SHARED = (f"{evaluation.missing_shared_note(SHARED)}; these tests score them, so they are skipped"
             if not SHARED.is_dir() else "")

# set -> (correct, declined out of scope), as fractions: measured less two questions in scope (and three
# points) and one out of scope, rounded down to 5%, since a refit of the decider moves single questions.
FLOORS: dict[str, tuple[float, float]] = {
    "acquisition": (0.40, 0.90),
    "airline": (0.40, 0.85),
    "airport-strike": (0.30, 0.90),
    "antitrust-fine": (0.15, 0.90),
    "artefacts-return": (0.25, 0.90),
    "avalanche-resort": (0.00, 0.85),
    "bird-flu": (0.45, 0.90),
    "blackout": (0.65, 0.85),
    "boil-water": (0.50, 0.90),
    "breach": (0.45, 0.90),
    "budget": (0.50, 0.90),
    "business": (0.35, 0.90),
    "business-b": (0.10, 0.90),
    "ceasefire": (0.40, 0.90),
    "chess-final": (0.20, 0.90),
    "coach-fired": (0.30, 0.90),
    "congestion-charge": (0.40, 0.90),
    "corvalan-recall": (0.50, 0.90),
    "court": (0.35, 0.90),
    "data-centre": (0.15, 0.90),
    "derailment": (0.30, 0.90),
    "doping-ban": (0.30, 0.90),
    "drug-approval": (0.30, 0.85),
    "e-scooters": (0.50, 0.90),
    "election": (0.25, 0.90),
    "election-recount": (0.25, 0.80),
    "ferry-fire": (0.25, 0.90),
    "followup": (0.35, 0.90),
    "followup-b": (0.25, 0.95),
    "followup2": (0.50, 0.85),
    "four-day-week": (0.30, 0.90),
    "frost-vineyards": (0.00, 0.85),
    "hail-harvest": (0.50, 0.90),
    "heatwave": (0.25, 0.90),
    "kestrel": (0.35, 0.90),
    "lab-misconduct": (0.30, 0.90),
    "library-closures": (0.35, 0.85),
    "local": (0.55, 0.90),
    "local-b": (0.60, 0.95),
    "marathon-heat": (0.50, 0.90),
    "mayor-acquitted": (0.45, 0.90),
    "measles-outbreak": (0.20, 0.85),
    "minimum-wage": (0.20, 0.85),
    "monitors": (0.45, 0.95),
    "moscow": (0.50, 0.90),
    "moscow-b": (0.20, 0.95),
    "museum": (0.30, 0.90),
    "newsx": (0.65, 0.90),
    "nurses-strike": (0.50, 0.90),
    "paraphrases": (0.80, 0.95),
    "plant-explosion": (0.30, 0.90),
    "postal-cuts": (0.30, 0.90),
    "power-shutoff": (0.45, 0.90),
    "quake": (0.35, 0.85),
    "rate-hike": (0.35, 0.90),
    "roof-collapse": (0.20, 0.80),
    "seed-fresh-a": (0.65, 0.95),
    "seed-fresh-b": (0.55, 0.90),
    "seed-fresh-c": (0.65, 0.90),
    "seed-fresh-d": (0.60, 0.90),
    "seed-fresh-e": (0.50, 0.90),
    "seed-s": (0.60, 0.80),
    "seed-t9": (0.55, 0.85),
    "seed-w": (0.45, 0.90),
    "seed-x": (0.65, 0.90),
    "seed-y": (0.65, 0.85),
    "seed-z": (0.65, 0.90),
    "shared/dev": (0.75, 1.00),
    "shared/dev-counterproposal": (0.10, 0.75),
    "shared/dev-harbor-bridge": (0.55, 0.90),
    "shared/dev-more": (0.50, 0.95),
    "ship-aground": (0.20, 0.90),
    "stadium-vote": (0.45, 0.90),
    "storm": (0.50, 0.90),
    "storm-b": (0.50, 0.95),
    "teachers-deal": (0.25, 0.90),
    "telescope-discovery": (0.30, 0.90),
    "tram-line": (0.45, 0.85),
    "transfer-record": (0.20, 0.85),
    "treasurer-sentenced": (0.10, 0.90),
    "tuition": (0.30, 0.90),
    "villages-fire": (0.50, 0.90),
    "volcano-flights": (0.35, 0.90),
    "wildfire": (0.45, 0.90),
    "zoo-escape": (0.25, 0.90),
}


@pytest.fixture(scope="module")
def bases() -> evaluation.Bases:
    return evaluation.Bases()


def _check(qset: evaluation.QuestionSet, bases: evaluation.Bases) -> evaluation.SetScore:
    s = evaluation.score_set(qset, bases)
    correct, declined = FLOORS[qset.name]
    assert s.correct >= correct * s.n_in and s.abstained >= declined * s.n_out, (s.row(), s.misses)
    return s


def test_short_answers_are_short(bases: evaluation.Bases) -> None:
    """A name, a date, a number or a short phrase: the median answer from curated facts is at most
    5 words, from distilled facts at most 10."""
    curated, distilled = evaluation.median_words([evaluation.score_set(s, bases) for s in evaluation.discover()])
    assert 0 < curated <= 5 and 0 < distilled <= 10


@pytest.mark.parametrize("qset", [s for s in evaluation.discover() if not s.shared], ids=lambda s: s.name)
def test_our_sets_meet_their_floors(qset: evaluation.QuestionSet, bases: evaluation.Bases) -> None:
    _check(qset, bases)


@pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)
@pytest.mark.parametrize("name", ["dev", "dev-more", "dev-counterproposal", "dev-harbor-bridge"])
def test_shared_development_sets_meet_their_floors(name: str, bases: evaluation.Bases) -> None:
    qset = next(s for s in evaluation.discover() if s.name == f"shared/{name}")
    assert qset.curated == (name in ("dev", "dev-more"))  # the other two are scored with their article added
    _check(qset, bases)


@pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)
def test_in_process_scoring_agrees_with_the_shared_scorer(bases: evaluation.Bases) -> None:
    proc = subprocess.run([sys.executable, str(SHARED / "score.py"), str(SHARED / "dev-more.yaml"), "--cmd",
                           f"{sys.executable} -m bot ask --json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    m = re.search(r"correct (\d+)/(\d+) .*abstained (\d+)/(\d+)", proc.stdout)
    assert m, proc.stdout + proc.stderr
    s = evaluation.score_set(next(q for q in evaluation.discover() if q.name == "shared/dev-more"), bases)
    assert (s.correct, s.n_in, s.abstained, s.n_out) == tuple(int(g) for g in m.groups())


def test_no_evaluation_question_is_copied_into_the_fact_base() -> None:
    """A score measures generalization only if no set's question is a phrasing of a fact."""
    held_out = evaluation.discover(own_dir=ROOT / "tests" / "heldout", shared=False)
    asked = {normalize(str(c["q"])) for s in evaluation.discover() + held_out for c in s.in_scope + s.out_of_scope}
    assert len(held_out) >= 10 and len(asked) > 900
    for path in (ROOT / "knowledge").glob("**/*.yaml"):
        kb = yaml.safe_load(path.read_text())
        copied = [q for f in kb["facts"] for q in f["questions"] if normalize(q) in asked]
        assert not copied, f"{path.name} copies evaluation questions: {copied}"


def test_ten_thousand_garbage_inputs_through_ask_json_are_never_answered() -> None:
    """Random symbols, numbers, format strings and letter soup: none is answered as a fact."""
    rng = random.Random(2025)
    makers = [
        lambda: "".join(rng.choice(string.punctuation + " ") for _ in range(rng.randint(1, 40))),
        lambda: str(rng.randint(0, 10 ** rng.randint(1, 15))) + rng.choice(["", "?", "!", ".5", "%"]),
        lambda: rng.choice(["{", "{{", "%(", "${", "%", "<%= ", "#{"]) + rng.choice(["x", "7*7", "name", "0", ""])
        + rng.choice(["}", "}}", ")s", "}", "d", " %>", ""]),
        lambda: "".join(rng.choice(string.digits + string.punctuation) for _ in range(rng.randint(2, 25))),
        lambda: "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 14))),
        lambda: " ".join(str(rng.randint(1, 2030)) for _ in range(rng.randint(1, 4))),
    ]
    inputs = [rng.choice(makers)().replace("\n", " ") for _ in range(10_000)]
    proc = subprocess.run([sys.executable, "-m", "bot", "ask", "--json"], cwd=ROOT, capture_output=True, text=True,
                          input="\n".join(inputs) + "\n", timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert len(lines) == len(inputs)
    answered = [(q, line) for q, line in zip(inputs, lines, strict=True) if '"matched": true' in line]
    assert not answered, answered[:5]


def test_skips_for_want_of_the_shared_sets_say_what_is_missing_and_what_to_do(tmp_path: Path) -> None:
    env = bot_env()
    env["TALKSBOT_SHARED_EVAL"] = str(tmp_path / "absent")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", __file__, "-k",
                           "shared_development or shared_scorer"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    skips = [line for line in proc.stdout.splitlines() if line.startswith("SKIPPED")]
    assert proc.returncode == 0 and "5 skipped" in proc.stdout, proc.stdout[-2000:]
    assert skips, proc.stdout[-2000:]
    for line in skips:
        assert "../shared/eval" in line and "missing" in line and str(tmp_path / "absent") in line, line
        assert "shared development sets" in line and "TALKSBOT_SHARED_EVAL" in line, line
