"""The decider's fit: a weighted logistic regression."""
from __future__ import annotations

import numpy as np

from bot import calibrate


def test_a_weighted_row_pulls_the_fit_towards_its_label() -> None:
    x = np.array([[0.0], [1.0], [1.0], [0.0]])
    y = np.array([0.0, 1.0, 0.0, 0.0])  # at x=1 one right and one wrong

    def p_at_one(weights: np.ndarray | None) -> float:
        w = calibrate.fit(x, y, weights)
        return float(1 / (1 + np.exp(-(w[0] + w[1]))))

    even = p_at_one(None)
    heavier_wrong = p_at_one(np.array([1.0, 1.0, 3.0, 1.0]))
    assert 0.3 < even < 0.6
    assert heavier_wrong < even - 0.1  # the row weighing three counts as three
