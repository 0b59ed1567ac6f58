"""Write tests/data/pinned_cases.json: every figure of ``evaluate()`` for the three presets.

The file pins the engine while it is restructured: tests/test_pinned_cases.py compares every monthly
money column and every driver of every option with it to 1e-9 (relative). Run this script only when
a deliberate modelling change moves the figures, and say so in the commit message.

Later modelling choices that change defaults (say, a new cost line) must keep a "legacy" setting
that reproduces these figures; ``LEGACY`` below lists those settings and the test applies them.

    python tests/data/make_pinned_cases.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from roi_models import Scenario, evaluate

PRESETS = ("default", "ru", "blended")
OUT = Path(__file__).with_name("pinned_cases.json")


def figures(preset: str) -> dict[str, dict[str, list[float]]]:
    case = evaluate(Scenario.preset(preset))
    out: dict[str, dict[str, list[float]]] = {}
    for name, res in case.options.items():
        cols: dict[str, list[float]] = {}
        for frame in (res.monthly, res.drivers):
            for col in frame.columns:
                vals = frame[col].to_numpy(dtype=float)
                cols[col] = [None if not np.isfinite(v) else float(v) for v in vals]  # type: ignore[misc]
        out[name] = cols
    out["summary"] = {k: [None if not np.isfinite(v) else float(v) for v in row]  # type: ignore[misc]
                      for k, row in case.summary().T.items()}
    inc = case.incremental
    out["incremental"] = {k: [None if not np.isfinite(v) else float(v) for v in row]  # type: ignore[misc]
                          for k, row in inc.T.items()}
    return out


if __name__ == "__main__":
    data = {p: figures(p) for p in PRESETS}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")
