"""Excel UDF layer: per-call overhead over the engine, a year-long spill, workbook recalculation.

Run: ``python benchmarks/bench_udfs.py [--no-workbook]``. Targets (issue 5): overhead under 20 us
a call, a 17,520-interval CC_AGENTS spill (a year of half hours) under 50 ms, and the time for the
``formulas`` package to load and recalculate the whole shipped workbook.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from roi_models import finance, staffing
from roi_models.excel import udfs


def per_call(fn, args, repeat: int = 2000) -> float:
    """Best-of-5 mean seconds per call."""
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(repeat):
            fn(*args)
        best = min(best, (time.perf_counter() - t) / repeat)
    return best


def _timed(fn, *args, **kw) -> float:
    t = time.perf_counter()
    fn(*args, **kw)
    return time.perf_counter() - t


def main() -> None:
    print("UDF overhead over the engine (scalar arguments, as Excel sends them)")
    flows = [-1000.0] + [150.0] * 59
    cases = [
        ("CC_ERLANGC", udfs.CC_ERLANGC, (14.0, 10.0), staffing.erlang_c, (14.0, 10.0), {}),
        ("CC_SERVICE_LEVEL", udfs.CC_SERVICE_LEVEL, (14.0, 100.0, 180.0, 20.0, 1800.0),
         staffing.service_level, (14.0, 100.0, 180.0, 20.0, 1800.0), {}),
        ("CC_AGENTS", udfs.CC_AGENTS, (100.0, 180.0, 0.8, 20.0, 1800.0),
         staffing.agents_required, (100.0, 180.0, 0.8, 20.0, 1800.0), {}),
        ("CC_NPV_MONTHLY", udfs.CC_NPV_MONTHLY, (0.1, flows), finance.npv,
         (0.1, np.asarray(flows)), {}),
    ]
    for name, udf, uargs, eng, eargs, _ in cases:
        repeat = 300 if name == "CC_AGENTS" else 3000
        t_udf = per_call(udf, uargs, repeat)
        t_eng = per_call(eng, eargs, repeat)
        print(f"  {name:<18} udf {t_udf * 1e6:8.1f} us  engine {t_eng * 1e6:8.1f} us  "
              f"overhead {(t_udf - t_eng) * 1e6:6.1f} us")

    rng = np.random.default_rng(7)
    calls = rng.uniform(0.0, 200.0, 17_520).round(1).tolist()   # a list, as Excel sends a column
    column = [[c] for c in calls]
    arr = np.asarray(calls)
    for label, extra, kw in (("Erlang C", (), {}),
                             ("Erlang A, occupancy cap", (0.85, 180.0),
                              {"max_occupancy": 0.85, "patience": 180.0})):
        t_udf = min(_timed(udfs.CC_AGENTS, column, 180.0, 0.8, 20.0, 1800.0, *extra)
                    for _ in range(5))
        t_eng = min(_timed(staffing.agents_required, arr, 180.0, 0.8, 20.0, 1800.0, **kw)
                    for _ in range(5))
        print(f"CC_AGENTS spill of 17,520 intervals ({label}): {t_udf * 1e3:.1f} ms "
              f"(engine alone {t_eng * 1e3:.1f} ms)")

    if "--no-workbook" in sys.argv:
        return
    import formulas

    from roi_models.excel.registry import register_formulas
    from roi_models.excel.workbook import build

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "contact_center_business_case.xlsx"
        build(path, cache=False)
        register_formulas()
        t = time.perf_counter()
        model = formulas.ExcelModel().loads(str(path)).finish()
        t_load = time.perf_counter() - t
        t = time.perf_counter()
        model.calculate()
        t_calc = time.perf_counter() - t
        t = time.perf_counter()
        model.calculate(inputs={f"'[{path.name}]INPUTS'!C34": 23.0})
        t_recalc = time.perf_counter() - t
    print(f"workbook under formulas: load+compile {t_load:.1f} s, full calculation {t_calc:.1f} s, "
          f"recalculation after an input change {t_recalc:.1f} s")


if __name__ == "__main__":
    main()
