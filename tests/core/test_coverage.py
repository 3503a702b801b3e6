"""The curated fact base covers the whole article: every paragraph, every quotation."""
from __future__ import annotations

import re

from bot.core.text import clean


def test_every_paragraph_is_the_source_of_a_fact(base) -> None:  # type: ignore[no-untyped-def]
    for article in base.articles.values():
        cited = {f.paragraph for f in base.facts}
        missing = [n for n in range(1, len(article.paragraphs) + 1) if n not in cited]
        assert not missing, f"paragraphs without a fact: {missing}"


def test_every_quotation_is_attributed_to_its_speaker(base) -> None:  # type: ignore[no-untyped-def]
    names = {clean(n).lower() for e in base.entities.values() for n in (e.name, *e.aliases)}
    for article in base.articles.values():
        for n, paragraph in enumerate(article.paragraphs, 1):
            for quoted in re.findall(r"“([^”]+)”", paragraph):
                q = clean(quoted).strip(" ,.")
                if q.lower() in names:  # a title in quotes, not a quotation
                    continue
                spoken = [f for f in base.facts if f.paragraph == n and f.speaker
                          and (q in clean(f.evidence) or clean(f.evidence).strip(" ,.“”\"") in q)]
                assert spoken, f"paragraph {n}: quotation {q[:50]!r} has no fact with its speaker"


def test_speakers_and_entities_are_known(base) -> None:  # type: ignore[no-untyped-def]
    for fact in base.facts:
        assert not fact.speaker or fact.speaker in base.entities
        assert all(e in base.entities for e in fact.entities)
