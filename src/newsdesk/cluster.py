"""Batches processed as Ray tasks, for when one machine is not enough.

The work that worker processes do on one machine — ``pipeline.process_batch``: extract, parse once,
analyse — goes to a Ray cluster as remote tasks instead. Results come back in input order. Either
they are written by the ingesting process, the store's only writer, exactly as with local workers,
so a store built on a cluster is the store built on one machine; or each task writes its batch as
Parquet where it ran (``pipeline.ingest_to_parts``) and ``newsdesk load`` folds the parts into a
store later. Every node needs the same newsdesk installation (the pinned model and data are
packages, so installing the lock file is enough).

Ray is optional: ``pip install 'newsdesk[ray]'``.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

LOCAL = "local"


class ClusterError(RuntimeError):
    """Ray cannot be used: not installed, or the cluster cannot be reached."""


def ray_map(function: Callable[..., T], calls: Iterable[tuple], address: str, cpus: int) -> Iterator[T]:
    """``function(*call)`` for each call as a Ray task, results in call order; at most two tasks
    per CPU in flight, so memory stays flat. ``address`` is ``local`` (start Ray here with ``cpus``
    CPUs), ``auto`` or a cluster's ``ray://host:port`` (that needs ``ray[client]``)."""
    ray = _ray()
    from .pipeline import in_order

    calls = iter(calls)
    first = next(calls, None)
    if first is None:
        return  # nothing new to process: no cluster to start
    started = not ray.is_initialized()
    if started:
        os.environ.setdefault("RAY_ACCEL_ENV_VAR_OVERRIDE_ON_ZERO", "0")  # no GPUs asked for: leave their settings alone
        try:
            if address == LOCAL:
                ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
            else:
                ray.init(address=address, log_to_driver=False)
        except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError … by case
            raise ClusterError(f"cannot start or reach Ray at {address!r}: {exc}") from None
    task = ray.remote(function)
    in_flight = max(2, 2 * int(ray.cluster_resources().get("CPU", cpus)))
    try:
        yield from in_order((task.remote(*call) for call in itertools.chain([first], calls)), in_flight, ray.get)
    finally:
        if started:
            ray.shutdown()


def _ray():
    try:
        import ray
    except ImportError:
        raise ClusterError("Ray is not installed: pip install 'newsdesk[ray]'") from None
    return ray
