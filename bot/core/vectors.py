"""Numpy arrays over a fact base's entries: what retrieval's narrowing reads.

Built once per base, while it loads; the unions and masks of common words are kept as
questions need them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from bot.core.factbase import FactBase

_EMPTY = np.empty(0, dtype=np.int32)
MAX_KEPT_UNIONS = 50_000
MAX_KEPT_MASKS = 2_000


class VectorIndex:
    """Postings as int32 arrays, per-entry phrasing weights and answer slots as arrays."""

    def __init__(self, base: FactBase) -> None:
        self.size = len(base.entries)
        self.postings = {t: np.asarray(ix, dtype=np.int32) for t, ix in base.postings.items()}
        self.entities = {e: np.asarray(ix, dtype=np.int32) for e, ix in base.entity_postings.items()}
        # Whether an entry has several phrasings (not a distilled sentence alone).
        self.several_phrasings = np.asarray([len(e.phrasing_weights) != 1 for e in base.entries], dtype=bool)
        keys = {k for e in base.entries for k in e.fact.answers}
        self.has_slot = {k: np.asarray([k in e.fact.answers for e in base.entries], dtype=bool) for k in keys}
        self._unions: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}
        self._masks: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}

    def about(self, entity: str) -> np.ndarray:
        """The entries about ``entity``."""
        return self.entities.get(entity, _EMPTY)

    def about_mask(self, entity: str) -> np.ndarray:
        """``about`` as a boolean mask over all entries."""
        return self.covering_mask("", (entity,))

    def covering(self, term: str, entities: tuple[str, ...]) -> np.ndarray:
        """Entries covering ``term``: those with the word and, when the question used the word to
        name ``entities``, those about one of them; each once."""
        hit = self.postings.get(term, _EMPTY)
        if not entities:
            return hit
        key = (term, entities)
        if key not in self._unions:
            if len(self._unions) > MAX_KEPT_UNIONS:
                self._unions.clear()
            union = hit
            for entity in entities:
                union = np.union1d(union, self.about(entity))
            self._unions[key] = union.astype(np.int32)
        return self._unions[key]

    def covering_mask(self, term: str, entities: tuple[str, ...]) -> np.ndarray:
        """``covering`` as a boolean mask over all entries (for the commonest words)."""
        key = (term, entities)
        if key not in self._masks:
            if len(self._masks) > MAX_KEPT_MASKS:
                self._masks.clear()
            mask = np.zeros(self.size, dtype=bool)
            mask[self.covering(term, entities)] = True
            self._masks[key] = mask
        return self._masks[key]
