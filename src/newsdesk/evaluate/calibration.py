"""Fitting the event confidence model to the development half of the hand judgements.

An L2-regularised logistic regression (Newton's method; a few dozen features, a few hundred
judged events). The figure reported beside the fit is cross-validated by article, so it is not
the fit's own data speaking; the held-out half is left for ``newsdesk eval events``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..events.confidence import ConfidenceModel, event_features
from .events import judged_events, load_judgements

L2 = 3.0  # chosen by cross-validated log loss on the development judgements (0.3, 1, 3, 10 tried)
FOLDS = 10

Sample = tuple[dict[str, float], bool]


def fit_confidence(samples: Sequence[Sample], l2: float = L2, fitted_on: str = "") -> ConfidenceModel:
    names = sorted({name for features, _ in samples for name in features})
    X = np.array([[1.0] + [features.get(n, 0.0) for n in names] for features, _ in samples])
    y = np.array([float(right) for _, right in samples])
    penalty = l2 * np.eye(X.shape[1])
    penalty[0, 0] = 0.0  # the bias is not shrunk
    w = np.zeros(X.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        step = np.linalg.solve(X.T @ (X * (p * (1 - p))[:, None]) + penalty, X.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return ConfidenceModel(bias=float(w[0]), weights=dict(zip(names, map(float, w[1:]))), fitted_on=fitted_on)


def cross_validated(samples: Sequence[Sample], groups: Sequence[str], folds: int = FOLDS, l2: float = L2) -> list[float]:
    """Each sample's confidence from a model fitted without its article's fold."""
    rank = {article: i for i, article in enumerate(sorted(set(groups)))}
    fold = [rank[g] % folds for g in groups]
    scores = [0.0] * len(samples)
    for k in range(folds):
        model = fit_confidence([s for s, f in zip(samples, fold) if f != k], l2)
        for i, f in enumerate(fold):
            if f == k:
                scores[i] = model.score(samples[i][0])
    return scores


def fit_from_judgements(gold_paths: list[Path], eval_root: Path) -> tuple[ConfidenceModel, list[tuple[float, bool]]]:
    """The model fitted on every judged development event of the gold files, and the
    cross-validated confidence and verdict of each."""
    samples: list[Sample] = []
    groups: list[str] = []
    labels = []
    for gold_path in gold_paths:
        before = len(samples)
        for judged in judged_events(load_judgements(gold_path, eval_root), "development"):
            if judged.row is not None:
                samples.append((event_features(judged.event, judged.token), bool(judged.row["correct"])))
                groups.append(f"{gold_path.name}:{judged.article}")
        digest = hashlib.sha256(gold_path.read_bytes()).hexdigest()[:12]
        labels.append(f"{len(samples) - before} of {gold_path.name} (sha256 {digest}…)")
    label = f"{len(samples)} judged development events: " + ", ".join(labels)
    model = fit_confidence(samples, fitted_on=label)
    return model, list(zip(cross_validated(samples, groups), (right for _, right in samples)))
