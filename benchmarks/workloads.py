"""One timed workload in a fresh process, for ``benchmarks/run.py`` (prints one JSON line).

    python benchmarks/workloads.py NAME [--trials N] [--repeats N]

Only public entry points are used (``evaluate``, ``risk.monte_carlo``, ``risk.tornado``, the CLI),
so the same file times the previous implementation: ``run.py`` puts a checkout of an older commit
first on ``PYTHONPATH`` and runs this file against it. ``seconds`` is the figure of the row;
``rss_mb`` the process's peak resident memory plus its largest forked worker's, ``cpu`` this
process's CPU seconds in the measured section, ``cpu_children`` its workers'.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _clear_memo() -> None:
    from roi_models import business_case as bc

    memo = getattr(bc, "_STAFFING_CACHE", None)
    if memo is not None:
        memo.clear()


def _times(fn: Callable[[], object], repeats: int, before: Callable[[], None] | None = None,
           cpu: list[float] | None = None) -> list[float]:
    out = []
    for _ in range(repeats):
        if before is not None:
            before()
        c0 = time.process_time()
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
        if cpu is not None:
            cpu.append(time.process_time() - c0)
    return out


def evaluate_cold(args: argparse.Namespace) -> dict[str, float]:
    from roi_models import Scenario, evaluate

    s = Scenario.default()
    evaluate(s)
    cpu: list[float] = []
    t = _times(lambda: evaluate(s), args.repeats, _clear_memo, cpu)
    return {"seconds": statistics.median(t), "min": min(t), "cpu": statistics.median(cpu)}


def evaluate_money(args: argparse.Namespace) -> dict[str, float]:
    from roi_models import Scenario, evaluate

    s = Scenario.default()
    evaluate(s)
    variants = [s.with_changes({"inhouse.agent_hourly_wage": 19.0 + 0.01 * i})
                for i in range(args.repeats)]
    t, cpu = [], []
    for v in variants:
        c0 = time.process_time()
        t0 = time.perf_counter()
        evaluate(v)
        t.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"seconds": statistics.median(t), "min": min(t), "cpu": statistics.median(cpu)}


def monte_carlo(args: argparse.Namespace) -> dict[str, float]:
    from roi_models import Scenario, evaluate
    from roi_models.risk import monte_carlo as mc

    s = Scenario.default()
    evaluate(s)
    _clear_memo()
    c0 = time.process_time()
    t0 = time.perf_counter()
    r = mc(s, trials=args.trials, seed=0)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "cpu": time.process_time() - c0,
            "p_outsourcing_better": r.p_outsourcing_better,
            "mean_incremental_npv": float(r.incremental_npv["outsourced"].mean())}


def tornado(args: argparse.Namespace) -> dict[str, float]:
    from roi_models import Scenario, evaluate
    from roi_models.risk import tornado as tor

    s = Scenario.default()
    evaluate(s)
    _clear_memo()
    c0 = time.process_time()
    t0 = time.perf_counter()
    t = tor(s)
    cold = time.perf_counter() - t0
    cpu = time.process_time() - c0
    t0 = time.perf_counter()
    tor(s)
    return {"seconds": cold, "cpu": cpu, "warm": time.perf_counter() - t0,
            "inputs": float(len(t)),
            "top_swing": float(t["swing"].iloc[0])}


def case(args: argparse.Namespace) -> dict[str, float]:
    import tempfile

    c0 = time.process_time()
    t0 = time.perf_counter()
    from roi_models.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        fmt = "html,md,xlsx,csv" + (",pdf" if args.pdf else "")
        try:
            app(["case", "-o", str(Path(tmp) / "out"), "--format", fmt], standalone_mode=False)
        except SystemExit as e:  # pragma: no cover - typer may exit 0
            if e.code:
                raise
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    out: dict[str, float] = {"seconds": time.perf_counter() - t0,
                             "cpu": time.process_time() - c0,
                             "cpu_children": children.ru_utime + children.ru_stime}
    try:
        from roi_models.report import data

        for (_, *_rest), pages in getattr(data, "_CACHE", {}).items():
            for k, v in pages.seconds.items():
                out[f"risk_{k}"] = v
    except Exception:  # pragma: no cover - previous implementations may differ
        pass
    return out


def cli_import(args: argparse.Namespace) -> dict[str, float]:
    c0 = time.process_time()
    t0 = time.perf_counter()
    import roi_models.cli  # noqa: F401

    return {"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}


def staffing_year(args: argparse.Namespace) -> dict[str, float]:
    """One year of 30-minute intervals (17,520) staffed in one call, Erlang A and Erlang C."""
    import numpy as np

    from roi_models import staffing

    rng = np.random.default_rng(20261125)
    k = np.arange(17_520)
    hour = (k % 48) / 2
    day = k // 48
    daily = np.exp(-0.5 * ((hour - 11.5) / 3.5) ** 2) + 0.6 * np.exp(-0.5 * ((hour - 15) / 2.5) ** 2)
    season = 1 + 0.15 * np.sin(2 * np.pi * day / 365)
    weekday = np.where(day % 7 < 5, 1.0, 0.45)
    calls = np.round(160 * daily * season * weekday * rng.lognormal(0, 0.08, k.size))
    a = min(_times(lambda: staffing.agents_required(calls, 180, 0.8, 20, 1800, patience=120),
                   args.repeats))
    c = min(_times(lambda: staffing.agents_required(calls, 180, 0.8, 20, 1800), args.repeats))
    out = {"seconds": a, "erlang_c": c}
    try:
        from pyworkforce.queuing import ErlangC
    except ImportError:
        return out
    sub = [x for x in calls[:2000]]
    t0 = time.perf_counter()
    for x in sub:
        if x > 0:
            ErlangC(x, 3, 1 / 3, 30).required_positions(0.8)
    out["pyworkforce_erlang_c"] = (time.perf_counter() - t0) / len(sub) * k.size
    return out


def surrogate_error(args: argparse.Namespace) -> dict[str, float]:
    """The Monte Carlo's staffing surrogate against the exact batch on the same sampled trials."""
    import numpy as np

    from roi_models import Scenario, evaluate_batch
    from roi_models.risk import monte_carlo as mc

    s = Scenario.default()
    r = mc(s, trials=args.trials, seed=5)
    t0 = time.perf_counter()
    exact = evaluate_batch(s, {p: r.samples[p].to_numpy() for p in r.samples})
    seconds = time.perf_counter() - t0
    out: dict[str, float] = {"seconds": seconds}
    worst = 0.0
    for o in ("inhouse", "outsourced", "hybrid"):
        e = exact[f"{o}_npv"].to_numpy()
        worst = max(worst, float(np.max(np.abs(r.npv[o].to_numpy() - e) / np.abs(e))))
    inc = (exact["outsourced_npv"] - exact["inhouse_npv"]).to_numpy()
    out["npv_rel_error"] = worst
    out["incremental_error_share_of_max"] = float(
        np.max(np.abs(r.incremental_npv["outsourced"].to_numpy() - inc)) / np.abs(inc).max())
    out["incremental_std"] = float(np.std(inc))
    return out


def workbook(args: argparse.Namespace) -> dict[str, float]:
    """Every CC_ call of the shipped workbook after one input change (``bench_udfs.py``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_udfs import workbook_recalc

    first, total, calls = workbook_recalc()  # timed inside: the calls, not the file loading
    return {"seconds": total, "first_case_call": first, "calls": float(calls)}


WORKLOADS = {
    "surrogate_error": surrogate_error,
    "workbook": workbook,
    "evaluate_cold": evaluate_cold,
    "evaluate_money": evaluate_money,
    "monte_carlo": monte_carlo,
    "tornado": tornado,
    "case": case,
    "cli_import": cli_import,
    "staffing_year": staffing_year,
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("name", choices=sorted(WORKLOADS))
    ap.add_argument("--trials", type=int, default=100_000)
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--pdf", action="store_true")
    args = ap.parse_args()
    out = WORKLOADS[args.name](args)
    # forked workers (the Monte Carlo's, the tornado's, the report's) count: their CPU, and
    # their peak memory added to this process's (an upper bound: shared pages count twice)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu_children"] = children.ru_utime + children.ru_stime
    out["rss_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                     + children.ru_maxrss) / 1024.0
    sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
