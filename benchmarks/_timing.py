"""Timing helpers shared by the benchmarks: fresh processes, warm bytecode, medians."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

__all__ = ["fresh_env", "in_process_seconds", "median_wall", "median_wall_pair"]


def fresh_env() -> dict[str, str]:
    """The environment minus PYTHONDONTWRITEBYTECODE, so runs use cached bytecode like users do."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _wall(command: Sequence[str], cwd: str | None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        env=fresh_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def median_wall(command: Sequence[str], runs: int, cwd: str | None = None) -> float:
    _wall(command, cwd)  # warm the bytecode cache and the file system
    return statistics.median(_wall(command, cwd) for _ in range(runs))


def median_wall_pair(
    first: Sequence[str], second: Sequence[str], runs: int, cwd: str | None = None
) -> tuple[float, float]:
    """Medians of two commands run alternately, so drift in machine load hits both alike."""
    _wall(first, cwd)
    _wall(second, cwd)
    a, b = [], []
    for _ in range(runs):
        a.append(_wall(first, cwd))
        b.append(_wall(second, cwd))
    return statistics.median(a), statistics.median(b)


def in_process_seconds(statement: str, runs: int) -> float:
    """Median seconds ``statement`` takes as the first thing a fresh interpreter does."""
    script = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    command = [sys.executable, "-c", script]
    subprocess.run(command, env=fresh_env(), check=True, capture_output=True)  # warm
    samples = [
        float(
            subprocess.run(
                command, env=fresh_env(), check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(samples)
