"""Question sets scored in-process, by the rules of ``../shared/eval/score.py``.

A set is a YAML file of ``in_scope`` cases (``q``, ``answer`` or ``answer_all``, ``paragraphs``,
optional ``source_article``) and ``out_of_scope`` ones. A set about an article with no curated
file names it (``article: FILE`` in our own sets; for the shared ``dev-NAME.yaml`` the article
in ``articles/`` whose file name holds NAME): it is scored on a base built from a temporary copy
of ``seeds/`` with that article added, as the shared README prescribes.

``talksbot eval`` (``make eval``) prints one table over every set found. The shared sets are looked
for in ``$TALKSBOT_SHARED_EVAL`` or else ``../shared/eval``; without them our own sets are scored.
"""
from __future__ import annotations

import os
import re
import shutil
import statistics
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core.answers import Answer, Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SHARED_EVAL_ENV = "TALKSBOT_SHARED_EVAL"
OWN_SETS = ROOT / "tests" / "data"
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": " ", "\u2013": " "}


def norm(text: str) -> str:
    """The scorer's normalization: NFKC, plain quotes, punctuation to spaces, padded."""
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in _QUOTES.items():
        text = text.replace(a, b)
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return " " + " ".join(text.split()) + " "


def has(answer: str, gold: str) -> bool:
    """Whether ``gold`` occurs in ``answer`` as whole words (the scorer's rule)."""
    return norm(gold) in norm(answer)


@dataclass(frozen=True)
class QuestionSet:
    """A set of labelled questions and the articles its base needs beside ``seeds/``."""

    name: str
    path: Path
    in_scope: list[dict[str, object]]
    out_of_scope: list[dict[str, object]]
    articles: tuple[Path, ...] = ()
    source_article: str = ""
    shared: bool = False

    @property
    def curated(self) -> bool:
        return not self.articles


def load_set(path: Path, articles_dir: Path, shared: bool) -> QuestionSet:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    articles: list[Path] = []
    if data.get("article"):
        articles.append(articles_dir / str(data["article"]))
    elif shared and path.stem.startswith("dev-") and articles_dir.is_dir():
        key = path.stem.removeprefix("dev-")
        articles += [a for a in sorted(articles_dir.glob("*.txt")) if key in a.name]
    return QuestionSet(path.stem if not shared else f"shared/{path.stem}", path, list(data.get("in_scope") or []),
                       list(data.get("out_of_scope") or []), tuple(articles), str(data.get("source_article") or ""),
                       shared)


def shared_eval_dir() -> Path:
    """Where the shared development sets are looked for: ``$TALKSBOT_SHARED_EVAL`` when set, else
    ``../shared/eval`` beside this checkout."""
    return Path(os.environ.get(SHARED_EVAL_ENV) or SHARED_EVAL)


def missing_shared_note(shared_dir: Path) -> str | None:
    """What to tell whoever scores when the shared development sets are not at ``shared_dir``
    (None when they are)."""
    if shared_dir.is_dir():
        return None
    return (f"../shared/eval (the shared development sets) is missing: {shared_dir} is not a directory. "
            f"To score them, put the shared eval directory (dev*.yaml, articles/, score.py) beside this "
            f"checkout, or point {SHARED_EVAL_ENV} (or `talksbot eval --shared DIR`) at it")


def discover(shared_dir: Path | None = None, own_dir: Path = OWN_SETS, shared: bool = True) -> list[QuestionSet]:
    """Every set: the shared development sets (when ``shared`` and ``shared_dir``, by default
    ``shared_eval_dir()``, is there), then ours from ``own_dir``."""
    shared_dir = shared_eval_dir() if shared_dir is None else shared_dir
    out = []
    if shared and shared_dir.is_dir():
        out += [load_set(p, shared_dir / "articles", True) for p in sorted(shared_dir.glob("*.yaml"))]
    out += [load_set(p, own_dir / "articles", False) for p in sorted(own_dir.glob("*.yaml"))]
    return out


class Bases:
    """Fact bases per combination of extra articles, each built once from a copy of ``seeds/``."""

    def __init__(self, knowledge_dir: Path = ROOT / "knowledge", seeds_dir: Path = ROOT / "seeds") -> None:
        self.knowledge_dir, self.seeds_dir = knowledge_dir, seeds_dir
        self._built: dict[tuple[Path, ...], FactBase] = {}

    def get(self, articles: Iterable[Path]) -> FactBase:
        key = tuple(sorted(articles))
        if key not in self._built:
            if not key:
                self._built[key] = load_knowledge(self.knowledge_dir, self.seeds_dir)
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    seeds = Path(tmp) / "seeds"
                    shutil.copytree(self.seeds_dir, seeds)
                    for article in key:
                        shutil.copy(article, seeds)
                    self._built[key] = load_knowledge(self.knowledge_dir, seeds)
        return self._built[key]

    def answerer(self, qset: QuestionSet, threshold: float | None = None) -> Answerer:
        base = self.get(qset.articles)
        return Answerer(FactBaseHolder(self.knowledge_dir, self.seeds_dir, base), threshold)


def answer_ok(case: dict[str, object], answer: str) -> bool:
    if "answer_all" in case:
        return all(has(answer, str(g)) for g in case["answer_all"])  # type: ignore[attr-defined]
    return any(has(answer, str(g)) for g in case.get("answer", []))  # type: ignore[attr-defined]


def source_ok(case: dict[str, object], article: str, paragraph: int | None, want_article: str) -> bool:
    want = str(case.get("source_article") or want_article)
    return paragraph in case.get("paragraphs", []) and (not want or want in article)  # type: ignore[operator]


def case_correct(case: dict[str, object], answer: str, article: str, paragraph: int | None, want: str) -> bool:
    return answer_ok(case, answer) and source_ok(case, article, paragraph, want)


@dataclass
class SetScore:
    """One set's figures, as the shared scorer counts them."""

    name: str
    n_in: int = 0
    correct: int = 0
    wrong: int = 0
    declined: int = 0
    n_out: int = 0
    abstained: int = 0
    words: list[int] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    distilled_words: list[int] = field(default_factory=list)  # of the answers from distilled facts

    @property
    def median_words(self) -> float:
        return statistics.median(self.words) if self.words else 0.0

    def row(self) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}%" if b else "    -"

        return (f"{self.name:28} {self.correct:4}/{self.n_in:<4} {pct(self.correct, self.n_in)} {self.wrong:5} "
                f"{self.declined:5}  {self.abstained:4}/{self.n_out:<4} {pct(self.abstained, self.n_out)} "
                f"{self.median_words:6.1f}")


HEADER = (f"{'set':28} {'correct':>16} {'wrong':>5} {'decl.':>5}  {'out of scope declined':>15} {'words':>6}\n"
          + "-" * 84)


def score_answers(qset: QuestionSet, answers: list[Answer], distilled: frozenset[str] = frozenset()) -> SetScore:
    """The scorer's figures; ``distilled`` holds the ids of distilled facts, whose answers'
    lengths are also counted apart."""
    s = SetScore(qset.name, n_in=len(qset.in_scope), n_out=len(qset.out_of_scope))
    for case, a in zip(qset.in_scope, answers, strict=False):
        src = a.source
        if a.matched and a.answer:
            s.words.append(len(a.answer.split()))
            if a.fact_id in distilled:
                s.distilled_words.append(s.words[-1])
            if case_correct(case, a.answer, src.article if src else "", src.paragraph if src else None,
                            qset.source_article):
                s.correct += 1
                continue
            s.wrong += 1
            s.misses.append(f"WRONG {case['q']!r} -> {a.answer!r} (p{src.paragraph if src else '-'}, "
                            f"{a.confidence:.2f})")
        else:
            s.declined += 1
            s.misses.append(f"DECLINED {case['q']!r} ({a.confidence:.2f})")
    for case, a in zip(qset.out_of_scope, answers[len(qset.in_scope):], strict=False):
        if a.matched:
            s.misses.append(f"ANSWERED {case['q']!r} -> {a.answer!r} ({a.confidence:.2f})")
        else:
            s.abstained += 1
    return s


def score_set(qset: QuestionSet, bases: Bases) -> SetScore:
    answerer = bases.answerer(qset)
    questions = [str(c["q"]) for c in qset.in_scope + qset.out_of_scope]
    distilled = frozenset(e.fact.id for e in bases.get(qset.articles).entries if e.fact.distilled)
    return score_answers(qset, [answerer.answer(q) for q in questions], distilled)


def median_words(scores: list[SetScore]) -> tuple[float, float]:
    """The median short answer, in words, from curated facts and from distilled ones."""
    distilled = [w for s in scores for w in s.distilled_words]
    curated = [w for s in scores for w in s.words]
    for w in distilled:
        curated.remove(w)
    return (statistics.median(curated) if curated else 0.0, statistics.median(distilled) if distilled else 0.0)


def total(scores: list[SetScore]) -> SetScore:
    """The sum of ``scores`` (its median words over every answer)."""
    t = SetScore(f"total ({len(scores)} sets)")
    for s in scores:
        t.n_in, t.correct, t.wrong, t.declined = t.n_in + s.n_in, t.correct + s.correct, t.wrong + s.wrong, \
            t.declined + s.declined
        t.n_out, t.abstained = t.n_out + s.n_out, t.abstained + s.abstained
        t.words += s.words
    return t


def run(sets: list[QuestionSet], show: bool = False, bases: Bases | None = None) -> str:
    """The table over ``sets`` (and, with ``show``, every miss)."""
    bases = bases or Bases()
    lines = [HEADER]
    misses = []
    scores = []
    for qset in sets:
        s = score_set(qset, bases)
        scores.append(s)
        lines.append(s.row())
        misses += [f"{qset.name}: {m}" for m in s.misses]
    lines.append("-" * 84)
    lines.append(total(scores).row())
    curated, distilled = median_words(scores)
    lines.append(f"median short answer: {curated:.1f} words from curated facts, {distilled:.1f} from distilled ones")
    return "\n".join(lines + (["", *misses] if show else []))
