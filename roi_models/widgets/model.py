"""The dashboard's model: plain state and engine calls, no widgets.

:class:`DashboardModel` holds the user's raw values (exactly as typed or slid, valid or not), the
last valid :class:`~roi_models.scenario.Scenario` built from them and its evaluated
:class:`~roi_models.business_case.BusinessCase`. An invalid value or combination never raises: it
becomes :attr:`DashboardModel.warning` (every problem, with the dotted path), the user's values are
kept, and the results stay those of the last valid scenario until the inputs are valid again.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from roi_models.business_case import OPTIONS, BusinessCase, evaluate
from roi_models.errors import InputError
from roi_models.parameters import registry
from roi_models.scenario import Scenario, ScenarioError
from roi_models.widgets import charts

__all__ = ["KPI_ROWS", "DashboardModel"]

_REGISTRY = registry()

#: KPI cards, in order: (key, label, format kind of roi_models.report.summary.format_value).
KPI_ROWS: tuple[tuple[str, str, str], ...] = (
    ("total_cost", "Total cost", "money"),
    ("cost_per_contact", "Cost per contact", "money2"),
    ("incremental_npv", "NPV vs in-house", "money"),
    ("payback_months", "Payback", "months"),
    ("fte", "FTE (own + vendor)", "fte"),
    ("voice_service_level", "Service level (voice)", "share"),
    ("voice_abandon_rate", "Abandonment (voice)", "share"),
)

_COMPARE_ROWS = (("total_cost", "Total cost"), ("npv", "NPV of net cash flow"),
                 ("fte", "FTE (in-house + vendor)"),
                 ("voice_service_level", "Voice service level"))


def _parse(path: str, raw: Any) -> tuple[Any, str | None]:
    """Turn a raw control value into what the scenario expects (vectors typed as text)."""
    param = _REGISTRY[path]
    if param.kind == "vector" and isinstance(raw, str):
        items = [t for t in re.split(r"[,;\s]+", raw.strip()) if t]
        out = []
        for t in items:
            try:
                out.append(float(t))
            except ValueError:
                return raw, f"{path}: cannot read {t!r} as a number (write numbers separated " \
                            f"by commas)"
        return tuple(out), None
    return raw, None


class DashboardModel:
    """State of the dashboard and the engine calls behind it.

    Parameters
    ----------
    scenario : Scenario, optional
        Starting scenario; defaults to :meth:`Scenario.default`.

    Attributes
    ----------
    raw : dict
        The user's values by dotted path, as entered (vectors may be text).
    scenario : Scenario
        The last valid scenario built from ``raw``.
    case : BusinessCase
        ``evaluate(scenario)``.
    warning : str
        Empty when ``raw`` is valid; otherwise every problem, one a line.
    baseline : BusinessCase or None
        A case kept for comparison (:meth:`set_baseline`).
    """

    def __init__(self, scenario: Scenario | None = None) -> None:
        self.baseline: BusinessCase | None = None
        self.baseline_label = ""
        self.warning = ""
        self._week: tuple[Any, pd.DataFrame] | None = None
        self._cache: dict[str, Any] = {}
        self._start(scenario if scenario is not None else Scenario.default())

    # ------------------------------------------------------------------ state
    def _start(self, scenario: Scenario) -> None:
        self._origin = scenario
        self.scenario = scenario
        self.raw: dict[str, Any] = scenario.values()
        self.case = evaluate(scenario)
        self.warning = ""

    @property
    def currency(self) -> str:
        return str(self.scenario["finance.currency"])

    def set(self, path: str, value: Any) -> bool:
        """Set one input as the user entered it; return True when the results changed."""
        return self.set_many({path: value})

    def set_many(self, changes: Mapping[str, Any]) -> bool:
        """Set several inputs at once; return True when the results changed.

        Never raises for a bad value: the problem goes to :attr:`warning` and the value is kept in
        :attr:`raw`.
        """
        unknown = [p for p in changes if p not in _REGISTRY]
        self.raw.update({p: v for p, v in changes.items() if p in _REGISTRY})
        return self._apply([f"{p}: unknown input" for p in unknown])

    def _apply(self, problems: list[str] | None = None) -> bool:
        problems = list(problems or [])
        values: dict[str, Any] = {}
        for path, raw in self.raw.items():
            value, problem = _parse(path, raw)
            if problem:
                problems.append(problem)
            values[path] = value
        current = self.scenario.values()
        changed = {p: v for p, v in values.items() if v != current.get(p)}
        if problems:
            self.warning = _warning(problems)
            return False
        if not changed:
            self.warning = ""
            return False
        origin = self._origin.values()
        try:
            scenario = self._origin.with_changes({p: v for p, v in values.items()
                                                  if v != origin.get(p)})
        except ScenarioError as exc:
            self.warning = _warning(exc.problems)
            return False
        try:
            case = evaluate(scenario)
        except (InputError, ValueError, ArithmeticError) as exc:
            self.warning = _warning([f"the engine could not evaluate these inputs: {exc}"])
            return False
        self.scenario, self.case, self.warning = scenario, case, ""
        return True

    def reset(self) -> None:
        """Back to the built-in default scenario (the baseline is kept)."""
        self._start(Scenario.default())

    def load(self, path: str | os.PathLike[str]) -> bool:
        """Load a scenario file (YAML, JSON or TOML); on a problem keep everything, warn."""
        try:
            scenario = Scenario.from_file(path)
            evaluate(scenario)
        except (InputError, OSError) as exc:
            self.warning = _warning(getattr(exc, "problems", None) or [str(exc)],
                                    head=f"Could not load {os.fspath(path)!r}; nothing changed.")
            return False
        self._start(scenario)
        return True

    def save(self, path: str | os.PathLike[str]) -> tuple[Path, str]:
        """Write the current valid scenario as commented YAML (or JSON/TOML by suffix).

        Returns the path and a note (which warns when the inputs on screen are not all valid and
        the last valid scenario was saved instead).
        """
        written = self.scenario.to_file(path)
        note = ("" if not self.warning else
                "The inputs on screen have problems; the last valid scenario was saved.")
        return written, note

    def write_case(self, out_dir: str | os.PathLike[str]) -> list[Path]:
        """Write the business case (Markdown, CSV, XLSX) of the current valid scenario."""
        from roi_models.report.summary import write_case

        return write_case(self.case, out_dir)

    # ------------------------------------------------------------------ baseline
    def set_baseline(self, label: str = "") -> None:
        """Keep the current case as the baseline to compare later changes against."""
        self.baseline = self.case
        self.baseline_label = label or str(self.scenario["scenario.name"])

    def clear_baseline(self) -> None:
        self.baseline = None
        self.baseline_label = ""

    def compare(self) -> pd.DataFrame | None:
        """Baseline vs current, per option and metric: ``baseline``, ``current``, ``change``."""
        if self.baseline is None:
            return None
        now, then = self.kpis(), kpis(self.baseline)
        rows = []
        for name in OPTIONS:
            for key, label in _COMPARE_ROWS:
                a = then[name][key] if key != "npv" else self.baseline.metrics(name)["npv"]
                b = now[name][key] if key != "npv" else self.case.metrics(name)["npv"]
                rows.append({"option": name, "metric": key, "label": label, "baseline": a,
                             "current": b, "change": b - a})
        return pd.DataFrame(rows).set_index(["option", "metric"])

    # ------------------------------------------------------------------ results
    def _derived(self) -> dict[str, Any]:
        """The case's summary, incremental table and recommendation, computed once per case
        (they are properties of the engine's BusinessCase that recompute on each access)."""
        if self._cache.get("case") is not self.case:
            self._cache = {"case": self.case, "summary": self.case.summary(),
                           "incremental": self.case.incremental}
        return self._cache

    @property
    def recommendation(self) -> Any:
        """The engine's recommendation for the current case (computed once per case)."""
        d = self._derived()
        if "recommendation" not in d:
            d["recommendation"] = self.case.recommendation
        return d["recommendation"]

    def kpis(self) -> dict[str, dict[str, float]]:
        """KPI values by option (``KPI_ROWS`` keys), straight from the engine."""
        d = self._derived()
        return kpis(self.case, d["summary"], d["incremental"])

    def chart_data(self) -> dict[str, Any]:
        """The tables the charts draw: cost stack, cumulative cash (+ payback), revenue effect."""
        data: dict[str, Any] = {
            "cost_stack": charts.cost_stack(self.case),
            "cumulative_cash": charts.cumulative_cash(self.case),
            "payback_months": {n: float(self._derived()["incremental"].loc["payback_months", n])
                               for n in ("outsourced", "hybrid")},
            "revenue_effect": charts.revenue_effect(self.case),
        }
        data["baseline_cash"] = (None if self.baseline is None
                                 else charts.cumulative_cash(self.baseline))
        return data

    def week_staffing(self) -> pd.DataFrame:
        """In-house staffing over a week of intervals for month 0 (recomputed only when its
        inputs change)."""
        drv = self.case.options["inhouse"].drivers.iloc[0]
        s = self.scenario
        key = (float(drv["voice_offered"]), float(drv["chat_offered"]),
               *(s[p] for p in ("demand.weekday_profile", "demand.weekend_profile",
                                "demand.weekend_day_share", "demand.voice_aht_s",
                                "demand.chat_aht_s", "demand.aht_improvement",
                                "demand.aht_improvement_months", "demand.patience_s",
                                "demand.chat_patience_s", "service.voice_target_sl",
                                "service.voice_target_time_s", "service.chat_target_sl",
                                "service.chat_target_time_s", "service.max_occupancy",
                                "service.chat_concurrency")))
        if self._week is None or self._week[0] != key:
            self._week = (key, charts.week_staffing(s, self.case))
        return self._week[1]


    # ------------------------------------------------------------------ risk (long work: buttons)
    def tornado(self) -> pd.DataFrame:
        """Sensitivity of the outsourced incremental NPV to every ranged input (largest first)."""
        from roi_models import risk

        return risk.tornado(self.scenario)

    def break_even_inputs(self) -> list[str]:
        """Numeric inputs a break-even can search over."""
        from roi_models import risk

        return risk.ranged_parameters(self.scenario)

    def break_even(self, path: str) -> str:
        """Where in-house and outsourced tie on NPV as ``path`` moves, in words."""
        from roi_models import risk

        return risk.break_even(self.scenario, path).message

    def monte_carlo(self, trials: int, progress: Any = None, seed: int = 0) -> Any:
        """Monte Carlo over the uncertain inputs; returns the risk module's result."""
        from roi_models import risk

        return risk.monte_carlo(self.scenario, trials=trials, seed=seed, progress=progress)


def kpis(case: BusinessCase, summary: pd.DataFrame | None = None,
         incremental: pd.DataFrame | None = None) -> dict[str, dict[str, float]]:
    """KPI values by option for one case (pass its summary and incremental tables if known)."""
    summary = case.summary() if summary is None else summary
    inc = case.incremental if incremental is None else incremental
    out: dict[str, dict[str, float]] = {}
    for name in OPTIONS:
        col = summary[name]
        out[name] = {
            "total_cost": float(col["total_cost"]),
            "cost_per_contact": float(col["cost_per_contact"]),
            "incremental_npv": float(inc.loc["npv", name]) if name in inc else math.nan,
            "payback_months": float(inc.loc["payback_months", name]) if name in inc
            else math.nan,
            "fte": float(col["inhouse_fte"] + col["vendor_fte"]),
            "voice_service_level": float(col["voice_service_level"]),
            "voice_abandon_rate": float(col["voice_abandon_rate"]),
        }
    return out


def _warning(problems: list[str], head: str = "") -> str:
    head = head or ("These inputs are not applied (your values are kept; the results are those "
                    "of the last valid inputs):")
    return "\n".join([head, *(f"- {p}" for p in problems)])
