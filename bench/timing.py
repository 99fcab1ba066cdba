"""Wall-clock bounds that hold on a shared machine: scaled by how busy its CPUs are, measured in the same run."""

from __future__ import annotations

import time


def contention(cpu_seconds: float = 0.2) -> float:
    """How many times longer fixed work takes on the wall clock than on the CPU right now: 1 on an idle machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    spins = 0
    while time.process_time() - cpu < cpu_seconds:
        spins += 1
    return max(1.0, (time.perf_counter() - wall) / (time.process_time() - cpu))


def scaled(bound: float, *factors: float) -> float:
    """The bound on an idle machine, stretched by the busiest contention measured around the timed work."""
    return bound * max((1.0, *factors))
