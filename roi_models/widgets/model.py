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

__all__ = ["COMPARE_ROWS", "KPI_ROWS", "MAX_KEPT", "DashboardModel", "default_folder"]

_REGISTRY = registry()

#: KPI cards, in order: (key, format kind of the formatter); labels live in the view's words.
KPI_ROWS: tuple[tuple[str, str], ...] = (
    ("total_cost", "short"),
    ("cost_per_contact", "money2"),
    ("incremental_npv", "short"),
    ("payback_months", "months"),
    ("fte", "fte"),
    ("voice_service_level", "share"),
    ("voice_abandon_rate", "share"),
)

#: Scenarios kept side by side at most.
MAX_KEPT = 4
#: Rows of the side-by-side table: (key, format kind); labels live in the view's words.
COMPARE_ROWS: tuple[tuple[str, str], ...] = (
    ("total_cost", "money"), ("cost_per_contact", "money2"), ("npv", "money"),
    ("incremental_npv", "money"), ("payback_months", "months"),
    ("voice_service_level", "share"), ("voice_abandon_rate", "share"),
)
def default_folder() -> Path:
    """Where the dashboard saves scenarios and writes cases unless told otherwise:
    ``~/roi-models`` (never the package or the current checkout)."""
    return Path.home() / "roi-models"


def _parse(path: str, raw: Any) -> tuple[Any, str | None]:
    """Turn a raw control value into what the scenario expects (a list may be typed as text);
    on a problem return the raw value and the unreadable token."""
    param = _REGISTRY[path]
    if param.kind == "vector" and isinstance(raw, str):
        items = [t for t in re.split(r"[,;\s]+", raw.strip()) if t]
        out = []
        for t in items:
            try:
                out.append(float(t))
            except ValueError:
                return raw, t
        return tuple(out), None
    if param.kind == "vector" and isinstance(raw, list):
        return tuple(float(v) for v in raw), None
    return raw, None


class DashboardModel:
    """State of the dashboard and the engine calls behind it (no widgets, no words).

    Parameters
    ----------
    scenario : Scenario, optional
        Starting scenario; defaults to :meth:`Scenario.default`.
    folder : path, optional
        Where scenarios are saved and cases written; default :func:`default_folder`.

    Attributes
    ----------
    raw : dict
        The user's values by dotted path, as entered (lists may be text).
    scenario : Scenario
        The last valid scenario built from ``raw``.
    case : BusinessCase
        ``evaluate(scenario)``.
    problems : list of (path or "", message)
        Empty when ``raw`` is valid. An unreadable number is ``(path, "unreadable:<token>")``.
    kept : list of (name, Scenario, BusinessCase)
        Up to :data:`MAX_KEPT` scenarios kept side by side.
    version : int
        Increases with every change of the valid scenario (risk results remember theirs).

    Examples
    --------
    >>> m = DashboardModel()
    >>> m.set("inhouse.agent_hourly_wage", 18.0), m.scenario["inhouse.agent_hourly_wage"]
    (True, 18.0)
    """

    def __init__(self, scenario: Scenario | None = None,
                 folder: str | os.PathLike[str] | None = None) -> None:
        self.kept: list[tuple[str, Scenario, BusinessCase]] = []
        self.problems: list[tuple[str, str]] = []
        self.folder = Path(folder).expanduser() if folder else default_folder()
        self.version = 0
        self._cache: dict[str, Any] = {}
        self._start(scenario if scenario is not None else Scenario.default())

    # ------------------------------------------------------------------ state
    def _start(self, scenario: Scenario) -> None:
        case = evaluate(scenario)
        self._origin = scenario
        self.scenario = scenario
        self.raw: dict[str, Any] = scenario.values()
        self.case = case
        self.problems = []
        self.version += 1

    @property
    def warning(self) -> str:
        """Every problem, one a line (dotted paths; the view words them with labels)."""
        return "\n".join(f"{p}: {m}" if p else m for p, m in self.problems)

    @property
    def currency(self) -> str:
        return str(self.scenario["finance.currency"])

    def set(self, path: str, value: Any) -> bool:
        """Set one input as the user entered it; return True when the results changed."""
        return self.set_many({path: value})

    def set_many(self, changes: Mapping[str, Any]) -> bool:
        """Set several inputs at once; return True when the results changed.

        Never raises for a bad value: the problem goes to :attr:`problems` and the value is kept
        in :attr:`raw`; the results stay those of the last valid inputs.
        """
        unknown = [(p, "unknown input") for p in changes if p not in _REGISTRY]
        self.raw.update({p: v for p, v in changes.items() if p in _REGISTRY})
        return self._apply(unknown)

    def _apply(self, problems: list[tuple[str, str]]) -> bool:
        values: dict[str, Any] = {}
        for path, raw in self.raw.items():
            value, token = _parse(path, raw)
            if token is not None:
                problems.append((path, f"unreadable:{token}"))
            values[path] = value
        if problems:
            self.problems = problems
            return False
        origin = self._origin.values()
        changes = {p: v for p, v in values.items() if v != origin.get(p)}
        try:
            scenario = self._origin.with_changes(changes)
        except ScenarioError as exc:
            self.problems = [_split(p) for p in exc.problems]
            return False
        except InputError as exc:
            self.problems = [_split(str(exc))]
            return False
        self.problems = []
        if scenario == self.scenario:
            return False
        try:
            case = evaluate(scenario)
        except (InputError, ValueError, ArithmeticError) as exc:
            self.problems = [("", f"the engine could not evaluate these inputs: {exc}")]
            return False
        self.scenario, self.case = scenario, case
        self.version += 1
        return True

    def reset(self) -> None:
        """Back to the built-in default scenario (kept scenarios stay)."""
        self._start(Scenario.default())

    # ------------------------------------------------------------------ files and presets
    def sources(self) -> list[tuple[str, str]]:
        """What the user can start from: ``("preset", name)`` for each built-in preset, then
        ``("file", path)`` for each scenario file saved in :attr:`folder`."""
        out = [("preset", name) for name in Scenario.presets()]
        if self.folder.is_dir():
            for f in sorted(self.folder.glob("*.yaml")) + sorted(self.folder.glob("*.yml")):
                out.append(("file", str(f)))
        return out

    def open(self, kind: str, name: str) -> bool:
        """Start from a preset (``kind="preset"``) or a scenario file; on a problem keep
        everything and fill :attr:`problems`."""
        try:
            scenario = Scenario.preset(name) if kind == "preset" else Scenario.from_file(name)
            self._start(scenario)
        except (InputError, OSError) as exc:
            self.problems = [_split(p) for p in (getattr(exc, "problems", None) or [str(exc)])]
            return False
        return True

    def load(self, path: str | os.PathLike[str]) -> bool:
        """Load a scenario file (YAML, JSON or TOML); on a problem keep everything."""
        return self.open("file", os.fspath(path))

    def scenario_file(self, name: str = "") -> Path:
        """The file :meth:`save` writes: ``<folder>/<scenario name>.yaml`` (a safe file name)."""
        stem = re.sub(r"[^\w.-]+", "-", (name or str(self.scenario["scenario.name"]))).strip("-.")
        return self.folder / f"{stem or 'scenario'}.yaml"

    def save(self, path: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
        """Write the current valid scenario as commented YAML (JSON/TOML by suffix).

        Returns the path and whether the inputs on screen had problems (then the last valid
        scenario was saved).
        """
        target = Path(path).expanduser() if path else self.scenario_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        return self.scenario.to_file(target), bool(self.problems)

    def case_folder(self) -> Path:
        """Where :meth:`write_case` writes: ``<folder>/<scenario file stem>-case``."""
        return self.scenario_file().with_name(self.scenario_file().stem + "-case")

    def write_case(self, out_dir: str | os.PathLike[str] | None = None, *,
                   lang: str = "en") -> list[Path]:
        """Write the business case (HTML, Markdown, XLSX, CSV) of the current valid scenario,
        without the risk pages (run those on the Risk tab or with ``roi-models case``)."""
        from roi_models.report.summary import write_case

        return write_case(self.case, Path(out_dir).expanduser() if out_dir else
                          self.case_folder(), ["html", "md", "xlsx", "csv"], lang=lang,
                          risk=False)

    # ------------------------------------------------------------------ scenarios side by side
    def keep(self, name: str = "") -> tuple[str, str | None]:
        """Keep the current case under ``name`` (default: the scenario's name).

        Returns the name used and the name of a scenario it replaced (the oldest, when
        :data:`MAX_KEPT` are already kept; or one of the same name).
        """
        name = name.strip() or str(self.scenario["scenario.name"])
        replaced = None
        for i, (n, _, _) in enumerate(self.kept):
            if n == name:
                replaced = n
                del self.kept[i]
                break
        if replaced is None and len(self.kept) >= MAX_KEPT:
            replaced = self.kept.pop(0)[0]
        self.kept.append((name, self.scenario, self.case))
        return name, replaced

    def clear_kept(self) -> None:
        self.kept = []

    def comparison(self) -> pd.DataFrame:
        """Kept scenarios and the one on screen side by side.

        Returns
        -------
        pandas.DataFrame
            Index (option, metric) over :data:`OPTIONS` x :data:`COMPARE_ROWS` keys, one column
            per kept scenario then ``""`` for the case on screen; plus a ``recommended`` row
            (``("", "recommended")``) with the option of the highest NPV.
        """
        cols: dict[str, dict[tuple[str, str], Any]] = {}
        for name, _, case in [*self.kept, ("", self.scenario, self.case)]:
            summ = case.summary() if case is not self.case else self._derived()["summary"]
            inc = case.incremental if case is not self.case else self._derived()["incremental"]
            k = kpis(case, summ, inc)
            col: dict[tuple[str, str], Any] = {("", "recommended"): str(summ.loc["npv"].idxmax())}
            for option in OPTIONS:
                for key, _ in COMPARE_ROWS:
                    col[(option, key)] = float(summ.loc["npv", option]) if key == "npv" \
                        else k[option][key]
            cols[name] = col
        return pd.DataFrame(cols)

    # ------------------------------------------------------------------ results
    def _derived(self) -> dict[str, Any]:
        """The case's summary and incremental table, computed once per case (the engine's
        properties recompute on each access)."""
        if self._cache.get("case") is not self.case:
            self._cache = {"case": self.case, "summary": self.case.summary(),
                           "incremental": self.case.incremental}
        return self._cache

    @property
    def summary(self) -> pd.DataFrame:
        return self._derived()["summary"]

    @property
    def incremental(self) -> pd.DataFrame:
        return self._derived()["incremental"]

    @property
    def best(self) -> str:
        """The option with the highest NPV of net cash flow (the engine's recommendation)."""
        return str(self.summary.loc["npv"].idxmax())

    @property
    def best_alternative(self) -> str:
        """The alternative to in-house with the highest incremental NPV."""
        return str(self.incremental.loc["npv"].idxmax())

    @property
    def recommendation(self) -> Any:
        """The engine's recommendation for the current case (computed once per case)."""
        d = self._derived()
        if "recommendation" not in d:
            d["recommendation"] = self.case.recommendation
        return d["recommendation"]

    def service_differences(self) -> list[dict[str, Any]]:
        """The service differences of the current case: the engine's like-for-like check
        (:meth:`roi_models.business_case.BusinessCase.service_differences`: each option's service
        level, abandonment or first-contact resolution outside the tolerance, and its worth)."""
        return [{"option": r.option, "metric": r.metric, "value": r.value, "inhouse": r.reference,
                 "difference": r.difference, "worth": r.worth}
                for r in self.case.service_differences()]

    @property
    def baseline(self) -> str:
        """The option the incremental figures are against (``status_quo`` when the scenario
        gives today's staffing, else ``inhouse``)."""
        return self.case.baseline

    def kpis(self) -> dict[str, dict[str, float]]:
        """KPI values by option (``KPI_ROWS`` keys), straight from the engine."""
        d = self._derived()
        return kpis(self.case, d["summary"], d["incremental"])

    def chart_table(self, name: str) -> Any:
        """One table a chart draws, computed once per case: ``cost_stack``, ``cumulative_cash``,
        ``payback_months`` (by alternative), ``revenue_effect``, or ``kept_cash`` (name and
        cumulative cash of each kept scenario)."""
        if name == "kept_cash":
            return [(n, charts.cumulative_cash(c)) for n, _, c in self.kept]
        d = self._derived()
        key = "chart." + name
        if key not in d:
            case = self.case
            d[key] = {
                "cost_stack": lambda: charts.cost_stack(case),
                "cumulative_cash": lambda: charts.cumulative_cash(case),
                "payback_months": lambda: {n: float(self.incremental.loc["payback_months", n])
                                           for n in ("outsourced", "hybrid")},
                "revenue_effect": lambda: charts.revenue_effect(case),
            }[name]()
        return d[key]

    def chart_data(self) -> dict[str, Any]:
        """Every chart table (:meth:`chart_table`) by name."""
        return {n: self.chart_table(n) for n in ("cost_stack", "cumulative_cash",
                                                  "payback_months", "revenue_effect",
                                                  "kept_cash")}

    def week_staffing(self) -> pd.DataFrame:
        """In-house staffing over a week of intervals for month 0 (the engine memoises it)."""
        return charts.week_staffing(self.scenario, self.case)

    # ------------------------------------------------------------------ risk (long work: buttons)
    def tornado(self) -> pd.DataFrame:
        """Sensitivity of the outsourced incremental NPV to every ranged input (largest first)."""
        from roi_models import risk

        return risk.tornado(self.scenario)

    def break_even_inputs(self) -> list[str]:
        """Numeric inputs a break-even can search over."""
        from roi_models import risk

        return risk.ranged_parameters(self.scenario)

    def break_even(self, path: str, *, widenings: int = 8) -> Any:
        """Where in-house and outsourced tie on NPV as ``path`` moves.

        Searches the input's plausible range first; while there is no tie, widens towards the
        side where the gap between the options narrows (doubling the step, within the input's
        hard limits) until the search brackets a tie or the limits are reached.

        Returns
        -------
        roi_models.risk.BreakEven
            Of the last search; ``low`` and ``high`` are the whole range searched.

        Examples
        --------
        >>> s = Scenario.default().with_changes({"inhouse.agent_hourly_wage": 24.0})
        >>> r = DashboardModel(s).break_even("outsourced.rate_per_productive_hour")
        >>> r.found, r.value > 46, r.high > 46        # outside the rate's range [34, 46]
        (True, True, True)
        """
        from dataclasses import replace

        from roi_models import risk

        param = _REGISTRY[path]
        lo, hi = self.scenario.range_of(path)
        result = risk.break_even(self.scenario, path, low=lo, high=hi)
        searched = (lo, hi)
        step = hi - lo if hi > lo else max(abs(hi), 1.0)
        floor = param.minimum + (1e-9 if param.exclusive_minimum else 0.0)
        for _ in range(widenings):
            if result.found:
                break
            d_lo, d_hi = abs(result.difference_at_low), abs(result.difference_at_high)
            if d_hi <= d_lo and searched[1] < param.maximum:
                a, b = searched[1], min(searched[1] + step, param.maximum)
            elif searched[0] > floor:
                a, b = max(searched[0] - step, floor), searched[0]
            elif searched[1] < param.maximum:
                a, b = searched[1], min(searched[1] + step, param.maximum)
            else:
                break
            if param.kind == "int":
                a, b = math.floor(a), math.ceil(b)
            if b <= a:
                break
            result = risk.break_even(self.scenario, path, low=a, high=b)
            searched = (min(searched[0], a), max(searched[1], b))
            step *= 2
        return replace(result, low=searched[0], high=searched[1])

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
    for name in [o for o in case.options if o in summary.columns]:
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


def _split(problem: str) -> tuple[str, str]:
    """``"inhouse.shrinkage: must be ..."`` -> ``("inhouse.shrinkage", "must be ...")``."""
    head, sep, rest = str(problem).partition(": ")
    if sep and head in _REGISTRY:
        return head, rest
    return "", str(problem)
