"""Every row of the speed table (issue 16), now and in the previous implementation, in one run.

    python benchmarks/run.py                 # ~3 minutes; --quick for a smoke run
    python benchmarks/run.py --full          # also 1,000,000 Monte Carlo trials (+ ~4 min previous)
    python benchmarks/run.py --baseline REF  # compare against another commit
    python benchmarks/run.py --pdf --dashboard  # also the PDF and the browser rows

Every row of the issue's table is printed; a row left out by the flags says which flag runs it.

The previous implementation is the engine as it stood before the speed work (commit
``BASELINE``), extracted from git into a temporary directory (``git archive``) and put first on
``PYTHONPATH`` for its runs; both run the same ``benchmarks/workloads.py`` in fresh
processes, alternating, and each figure is the best of ``--rounds`` rounds. The CPU seconds of
the measured section are printed beside the wall time: on a shared machine they are the steadier
figure. Peers: pyworkforce (Erlang C) for staffing, where installed. Rows owned elsewhere (Excel
workbook recalculation, the dashboard in a browser) name the script that measures them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "b913ca6"  # main before issue 16 (the engine measured in the issue)
WORKLOADS = ROOT / "benchmarks" / "workloads.py"


def _checkout(ref: str, into: Path) -> Path | None:
    """The package of commit ``ref`` extracted under ``into`` (None without git or the commit)."""
    try:
        blob = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", ref, "roi_models"],
                              check=True, capture_output=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return into


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("OMP_NUM_THREADS", "1")
    return env


def _workload(tree: Path, name: str, *extra: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(WORKLOADS), name, *extra], env=_env(tree),
                         check=True, capture_output=True, text=True, cwd=tempfile.gettempdir())
    return json.loads(out.stdout.strip().splitlines()[-1])


def _wall(tree: Path, argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *argv], env=_env(tree), check=True, capture_output=True,
                   cwd=tempfile.gettempdir())
    return time.perf_counter() - t0


def _dashboard() -> list[str] | None:
    """The browser benchmark's latency rows (slider release -> strip / charts), or None."""
    try:
        out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_dashboard.py"),
                              "--quick"], env=_env(ROOT), check=True, capture_output=True,
                             text=True, cwd=ROOT, timeout=1200).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"  dashboard benchmark did not run: {exc}", file=sys.stderr)
        return None
    keep = ("machine:", "slider release", "summary strip", "every visible chart", "  kernel",
            "kernel CPU")
    return [line for line in out.splitlines() if line.startswith(keep)]


def _best(results: list[dict[str, float]]) -> dict[str, float]:
    best = min(results, key=lambda r: r["seconds"])
    return {**best, "rss_mb": min(r["rss_mb"] for r in results)}


def _fmt_s(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x * 1e3:.1f} ms" if x < 1 else f"{x:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default=BASELINE, help="commit to compare against")
    ap.add_argument("--rounds", type=int, default=3, help="fresh processes per figure")
    ap.add_argument("--quick", action="store_true", help="one round, 10,000 MC trials")
    ap.add_argument("--full", action="store_true", help="also 1,000,000 Monte Carlo trials")
    ap.add_argument("--pdf", action="store_true", help="also `roi-models case` with PDF")
    ap.add_argument("--dashboard", action="store_true",
                    help="also the dashboard in a real browser (bench_dashboard.py: Playwright, "
                         "chromium, the notebook extra)")
    ap.add_argument("--no-previous", action="store_true", help="skip the previous implementation")
    args = ap.parse_args(argv)
    rounds = 1 if args.quick else args.rounds
    mc_trials = 10_000 if args.quick else 100_000

    tmp = tempfile.TemporaryDirectory()
    prev = None if args.no_previous else _checkout(args.baseline, Path(tmp.name))
    trees = {"now": ROOT} | ({"previous": prev} if prev is not None else {})

    rows: list[tuple[str, str, dict[str, dict[str, float]], str]] = []
    skipped: list[tuple[str, str, str]] = []

    def measure(label: str, target: str, name: str, *extra: str, skip_previous: bool = False,
                note: str = "") -> None:
        res: dict[str, list[dict[str, float]]] = {k: [] for k in trees}
        for _ in range(rounds):
            for k, tree in trees.items():
                if k == "previous" and skip_previous:
                    continue
                res[k].append(_workload(tree, name, *extra))
        rows.append((label, target, {k: _best(v) for k, v in res.items() if v}, note))
        print(f"  measured: {label}", file=sys.stderr, flush=True)

    def measure_wall(label: str, target: str, argv_: list[str]) -> None:
        res = {k: [{"seconds": _wall(tree, argv_), "rss_mb": float("nan")}
                   for _ in range(max(rounds, 3))] for k, tree in trees.items()}
        rows.append((label, target, {k: _best(v) for k, v in res.items()}, "wall, fresh process"))
        print(f"  measured: {label}", file=sys.stderr, flush=True)

    measure("evaluate() default scenario, cold (median)", "30 ms", "evaluate_cold")
    measure("evaluate() after a money-only change (median)", "3 ms", "evaluate_money")
    measure(f"Monte Carlo {mc_trials:,} trials", "3 s, 1 GB", "monte_carlo", "--trials",
            str(mc_trials))
    if args.full:  # the previous implementation took 214 s here: measured once, not per round
        measure("Monte Carlo 1,000,000 trials", "30 s, 2 GB", "monte_carlo", "--trials",
                "1000000", skip_previous=args.quick)
    else:
        skipped.append(("Monte Carlo 1,000,000 trials", "30 s, 2 GB", "--full"))
    measure("Monte Carlo surrogate error vs exact (200 trials)", "within documented bound",
            "surrogate_error", "--trials", "200", skip_previous=True,
            note="seconds = the exact batch of the 200 sampled trials")
    measure("full tornado (every ranged input), cold", "0.5 s", "tornado")
    measure("`roi-models case` (HTML+MD+XLSX+CSV, risk pages)", "3 s", "case",
            note="in-process, imports included")
    if args.pdf:
        measure("same with PDF", "8 s", "case", "--pdf", note="in-process, imports included")
    else:
        skipped.append(("same with PDF", "8 s", "--pdf"))
    measure_wall("`import roi_models.cli`", "0.2 s", ["-c", "import roi_models.cli"])
    measure_wall("`roi-models --help`", "0.2 s", ["-m", "roi_models.cli", "--help"])
    measure("shipped workbook: every CC_ call after one input change", "0.5 s", "workbook",
            skip_previous=True, note="in-process as Excel calls them; bench_udfs.py")
    dashboard = _dashboard() if args.dashboard else None
    if dashboard is None:
        skipped.append(("dashboard slider -> KPI strip / all visible charts (p95)",
                        "100 / 200 ms", "--dashboard"))
    measure("17,520 half hours, agents_required, Erlang A (peer: pyworkforce Erlang C)", "",
            "staffing_year", "--repeats", "5")

    print(f"\nroi-models speed table - Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
          f"previous = commit {args.baseline}" if prev else "\nroi-models speed table")
    head = (f"{'workload':<58} {'now':>10} {'previous':>10} {'ratio':>7} {'peak MB':>9} "
            f"{'prev MB':>8} {'cpu now':>9} {'cpu prev':>9}  target")
    print("(now / previous: wall seconds; peak MB: the process plus its largest forked worker; "
          "cpu: CPU seconds of every process)")
    print(head)
    print("-" * len(head))
    for label, target, res, note in rows:
        now = res["now"]
        p = res.get("previous")
        ratio = f"{p['seconds'] / now['seconds']:.1f}x" if p else "-"
        rss = now["rss_mb"]
        rss_s = f"{rss:,.0f}" if rss == rss else ""
        rss_p = f"{p['rss_mb']:,.0f}" if p and p["rss_mb"] == p["rss_mb"] else ""
        cpu_now = now["cpu"] + now.get("cpu_children", 0.0) if "cpu" in now else None
        cpu_prev = (p["cpu"] + p.get("cpu_children", 0.0)
                    if p and "cpu" in p else None)
        print(f"{label:<58} {_fmt_s(now['seconds']):>10} {_fmt_s(p['seconds'] if p else None):>10}"
              f" {ratio:>7} {rss_s:>9} {rss_p:>8} {_fmt_s(cpu_now):>9} {_fmt_s(cpu_prev):>9}"
              f"  {target}")
        extra = {k: v for k, v in now.items()
                 if k not in ("seconds", "rss_mb", "cpu", "cpu_children")}
        if "npv_rel_error" in extra:
            print(f"  surrogate error: max {extra['npv_rel_error']:.2%} of an option's NPV, "
                  f"max {extra['incremental_error_share_of_max']:.2%} of the largest incremental "
                  f"NPV (incremental NPV std {extra['incremental_std']:,.0f})")
        if "pyworkforce_erlang_c" in extra:
            print(f"{'  Erlang C (ours) / pyworkforce Erlang C':<58} "
                  f"{_fmt_s(extra['erlang_c']):>10} {_fmt_s(extra['pyworkforce_erlang_c']):>10} "
                  f"{extra['pyworkforce_erlang_c'] / extra['erlang_c']:>6.0f}x")
        if "warm" in extra:
            print(f"{'  the same, staffing memoised':<58} {_fmt_s(extra['warm']):>10}")
        if "min" in extra:
            print(f"{'  min':<58} {_fmt_s(extra['min']):>10} "
                  f"{_fmt_s(p.get('min') if p else None):>10}")
        risk = {k[5:]: v for k, v in extra.items() if k.startswith("risk_")}
        if risk:
            print(f"{'  of which risk pages (in a forked worker in parallel):':<58} "
                  + ", ".join(f"{k} {_fmt_s(v)}" for k, v in risk.items()))
        if note:
            print(f"  ({note})")
    if dashboard is not None:
        print("dashboard slider -> KPI strip / all visible charts, real browser "
              "(bench_dashboard.py):")
        for line in dashboard:
            print("  " + line)
    for label, target, flag in skipped:
        print(f"{label:<58} {'not run':>10}  (python benchmarks/run.py {flag})  {target}")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
