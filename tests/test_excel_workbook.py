"""The business-case workbook, evaluated on Linux with the ``formulas`` package.

Every formula of the generated workbook is computed by ``formulas`` (>= 1.3.4) with the CC_
functions registered from the same registry as the add-in; the results must contain no error,
the master check must be TRUE, and the Summary must equal ``evaluate()`` of the same inputs
(relative 1e-9). Changing an input through ``calculate(inputs=...)`` must move the Summary with
the engine. The builder is deterministic.
"""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("formulas")

from roi_models.business_case import evaluate
from roi_models.excel.workbook import DEFAULT_PATH, SHEETS, build, flatten
from roi_models.scenario import Scenario

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = ("inhouse", "outsourced", "hybrid")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("wb") / "contact_center_business_case.xlsx"
    return build(path)


def value(built, key, values=None):
    sheet, ref = built.kpi[key].split("!")
    return (values or built.values)[f"{sheet.strip(chr(39)).upper()}!{ref.replace('$', '')}"]


def close(a, b, rel=1e-9):
    if isinstance(b, float) and math.isnan(b):
        return a == "never within the horizon" or (isinstance(a, float) and math.isnan(a))
    return abs(float(a) - b) <= rel * max(1.0, abs(b))


def assert_summary_matches(built, values, scenario):
    case = evaluate(scenario)
    s, inc = case.summary(), case.incremental
    for o in OPTIONS:
        for metric in ("total_cost", "revenue_effect", "npv"):
            got = value(built, f"summary_{metric}_{o}", values)
            assert close(got, s.loc[metric, o]), (o, metric, got, s.loc[metric, o])
    for o in ("outsourced", "hybrid"):
        for metric in ("npv", "irr", "payback_months"):
            got = value(built, f"summary_inc_{metric}_{o}", values)
            assert close(got, inc.loc[metric, o]), (o, metric, got, inc.loc[metric, o])
    assert value(built, "summary_master", values) is True or \
        bool(value(built, "summary_master", values)) is True


def test_sheets_and_file_type(built):
    wb = openpyxl.load_workbook(built.path)
    assert wb.sheetnames == list(SHEETS)
    assert wb["xlwings.conf"]["A1"].value == "UDF Modules"
    assert wb["xlwings.conf"]["B1"].value == "roi_models.excel.udfs"
    assert built.path.suffix == ".xlsx" and not wb.vba_archive


def test_no_cell_evaluates_to_an_error(built):
    bad = {k: v for k, v in built.values.items()
           if type(v).__name__ == "XlError" or (isinstance(v, str) and v.startswith("#"))}
    assert not bad, list(bad.items())[:10]


def test_master_check_and_every_check_true(built):
    assert value(built, "summary_master") is True or bool(value(built, "summary_master"))
    wb = openpyxl.load_workbook(built.path, data_only=True)
    oks = [c.value for row in wb["Checks"].iter_rows(min_col=5, max_col=5) for c in row
           if isinstance(c.value, bool)]
    assert len(oks) > 40 and all(oks)


def test_summary_equals_the_engine(built):
    assert_summary_matches(built, built.values, Scenario.default())


def test_excel_npv_and_irr_agree_with_the_engine(built):
    for key in ("inhouse", "outsourced", "hybrid", "inc_outsourced", "inc_hybrid"):
        assert close(value(built, f"npv_excel_{key}"), value(built, f"npv_engine_{key}"))
    for key in ("inc_outsourced", "inc_hybrid"):
        assert close(value(built, f"irr_excel_{key}"), value(built, f"irr_{key}"), rel=1e-6)


def test_cached_values_are_in_the_file(built):
    wb = openpyxl.load_workbook(built.path, data_only=True)
    for key in ("summary_total_cost_inhouse", "summary_npv_outsourced"):
        sheet, ref = built.kpi[key].split("!")
        assert wb[sheet.strip("'")][ref.replace("$", "")].value == pytest.approx(
            value(built, key), rel=1e-12)
    staffing = wb["Staffing"]
    assert staffing["H30"].value == built.values["STAFFING!H30"]  # inside a spilled array
    assert isinstance(staffing["H30"].value, int)


def test_changing_an_input_moves_the_summary_with_the_engine(built):
    wb = openpyxl.load_workbook(built.path)
    rows = {c.value: c.row for c in wb["Inputs"]["B"] if isinstance(c.value, str)}
    changes = {"inhouse.agent_hourly_wage": 23.0, "outsourced.rate_per_productive_hour": 34.0}
    book = f"[{built.path.name}]INPUTS"
    inputs = {f"'{book}'!C{rows[p]}": v for p, v in changes.items()}
    solution = built.model.calculate(inputs=inputs)
    assert_summary_matches(built, flatten(solution), Scenario.default().with_changes(changes))


def test_builder_is_deterministic(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    build(a, cache=False)
    build(b, cache=False)
    assert a.read_bytes() == b.read_bytes()


def _formulas_of(ws):
    """{cell: formula text} of a sheet (array formulas as ref + text)."""
    from openpyxl.worksheet.formula import ArrayFormula

    out = {}
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, ArrayFormula):
                out[c.coordinate] = (c.value.ref, c.value.text)
            elif isinstance(c.value, str) and c.value.startswith("="):
                out[c.coordinate] = c.value
    return out


def test_shipped_workbook_is_the_current_build(tmp_path):
    fresh = tmp_path / DEFAULT_PATH.name
    build(fresh, cache=False)
    shipped = openpyxl.load_workbook(ROOT / DEFAULT_PATH)
    new = openpyxl.load_workbook(fresh)
    for name in SHEETS:
        assert _formulas_of(shipped[name]) == _formulas_of(new[name]), \
            f"{name}: rebuild with `roi-models workbook`"
    inputs = [[c.value for c in row] for row in shipped["Inputs"].iter_rows(max_col=3)]
    assert inputs == [[c.value for c in row] for row in new["Inputs"].iter_rows(max_col=3)]
