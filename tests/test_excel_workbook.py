"""The business-case workbook, evaluated on Linux with the ``formulas`` package and LibreOffice.

Every formula of the generated workbook is computed by ``formulas`` (>= 1.3.4) with the CC_
functions registered from the same registry as the add-in; the results must contain no error,
the master check must be TRUE, and the Summary must equal ``evaluate()`` of the same inputs
(relative 1e-9; Excel's own IRR 1e-6). Changing an input through ``calculate(inputs=...)`` must
move the Summary with the engine. The builder is deterministic. The modeller's review (FAST /
ICAEW) is checked on the file itself: no constants in formulas, checks that can fail, number
formats, named inputs, validation lists, print setup, dates, charts aligned. The shipped workbook
is recalculated in LibreOffice headless without the CC_ functions (the stand-in for Excel without
the add-in): every sheet but Engine stays numbers and the master check stays TRUE.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("formulas")

from roi_models.business_case import evaluate
from roi_models.excel.workbook import DEFAULT_PATH, SHEETS, build, flatten
from roi_models.scenario import Scenario

# the workbook is built and evaluated cell by cell under `formulas` (about a minute): slow
pytestmark = pytest.mark.slow

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
        for metric, rel in (("npv", 1e-9), ("irr", 1e-6), ("payback_months", 1e-9),
                            ("discounted_payback_months", 1e-9)):
            got = value(built, f"summary_inc_{metric}_{o}", values)
            want = inc.loc[metric, o]
            assert close(got, want, rel), (o, metric, got, want)
            engine = value(built, f"summary_engine_inc_{metric}_{o}", values)
            assert close(engine, want, 1e-12 if metric != "irr" else 1e-9), (o, metric, engine)
    assert value(built, "summary_master", values) is True or \
        bool(value(built, "summary_master", values)) is True


def test_sheets_and_file_type(built):
    wb = openpyxl.load_workbook(built.path)
    assert wb.sheetnames == list(SHEETS)
    assert wb["Engine cache"].sheet_state == "hidden"
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
    assert len(oks) > 60 and all(oks)


def test_summary_equals_the_engine(built):
    assert_summary_matches(built, built.values, Scenario.default())


def test_excel_npv_and_irr_agree_with_the_engine(built):
    for key in ("inhouse", "outsourced", "hybrid", "inc_outsourced", "inc_hybrid"):
        assert close(value(built, f"npv_excel_{key}"), value(built, f"npv_engine_{key}"))
    for key in ("inc_outsourced", "inc_hybrid"):
        assert close(value(built, f"irr_excel_{key}"), value(built, f"irr_engine_{key}"), rel=1e-6)


def test_cached_values_are_in_the_file(built):
    wb = openpyxl.load_workbook(built.path, data_only=True)
    for key in ("summary_total_cost_inhouse", "summary_npv_outsourced"):
        sheet, ref = built.kpi[key].split("!")
        assert wb[sheet.strip("'")][ref.replace("$", "")].value == pytest.approx(
            value(built, key), rel=1e-12)
    staffing, engine = wb["Staffing"], wb["Engine"]
    assert staffing["H30"].value == built.values["STAFFING!H30"] > 0
    cell = f"B{wb['Staffing']['H30'].row + _staffing_top(built) - 11}"
    assert engine[cell].value == staffing["H30"].value  # inside the CC_AGENTS spill
    cache = wb["Engine cache"]
    assert cache[cell].value == engine[cell].value
    assert cache["C12"].value == engine["C12"].value  # the first driver of month 0


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


def _staffing_top(built):
    wb = openpyxl.load_workbook(built.path)
    return next(c.row for c in wb["Engine"]["A"] if str(c.value).startswith("week of month 0"))


# ---------------------------------------------------------------------- the modeller's review
NUMBER = re.compile(r"(?<![A-Za-z$:!\d.])(\d+(?:\.\d+)?(?:E[+-]?\d+)?)(?![\d.]*[A-Za-z(!])")


@pytest.fixture(scope="module")
def book(built):
    return openpyxl.load_workbook(built.path)


def test_no_constants_inside_formulas(book):
    found = []
    for ws in book.worksheets:
        for f in _formulas_of(ws).values():
            text = f[1] if isinstance(f, tuple) else f
            text = re.sub(r"'[^']*'!", "X!", re.sub(r'"[^"]*"', '""', text))
            found += [(ws.title, n, text) for n in NUMBER.findall(text) if n not in ("0", "1")]
    assert not found, found[:5]
    assert NUMBER.findall("=A1/52+$C$4*12") == ["52", "12"]  # the scan finds constants


LINK = re.compile(r"=IF\(Engine!\$C\$5,Engine![$A-Z0-9]+,'Engine cache'![$A-Z0-9]+\)")


def test_every_check_can_fail(book):
    """The native side never reads the engine; the engine side always does (or a shape constant)."""
    ws, costs = book["Checks"], book["Costs"]
    rows = [r for r in range(5, ws.max_row + 1) if isinstance(ws.cell(r, 5).value, str)
            and ws.cell(r, 1).value and not ws.cell(r, 1).value.startswith("MASTER")]
    assert len(rows) > 60
    links = [r for r in range(1, costs.max_row + 1) if LINK.fullmatch(str(costs.cell(r, 3).value))]
    assert len(links) == 14  # vendor outbound fees, 5 transition lines (x2), the 2 tier discounts
    for r in rows:
        native, engine = ws.cell(r, 3).value, ws.cell(r, 4).value
        assert native != engine, r
        if "engine lines sum to the engine total" in ws.cell(r, 1).value:
            continue  # the engine's own consistency: its lines against its total row
        assert "Engine" not in native, (r, native)
        assert "Engine" in engine or "'Cash flow'!$C$" in engine or "Inputs!" in engine, (r, engine)
        for row in re.findall(r"Costs!\$C\$(\d+)", native):  # a native line, not a pure link
            assert not LINK.fullmatch(str(costs.cell(int(row), 3).value)), (r, native)


def test_formats_names_validation_and_shape_inputs(book):
    inputs = book["Inputs"]
    rows = {c.value: c.row for c in inputs["B"] if isinstance(c.value, str)}
    assert inputs[f"C{rows['finance.discount_rate']}"].number_format == "0.0%"
    assert inputs[f"C{rows['inhouse.agent_hourly_wage']}"].number_format == "#,##0.00"
    assert book.defined_names["finance_discount_rate"].attr_text == \
        f"Inputs!$C${rows['finance.discount_rate']}"
    assert "weeks_per_year" in book.defined_names
    lists = {str(dv.sqref): dv.formula1 for dv in inputs.data_validations.dataValidation}
    assert lists[f"C{rows['outsourced.pricing_model']}"].startswith('"per_productive_hour,')
    assert f"C{rows['hybrid.mode']}" in lists and f"C{rows['outbound.dialler_mode']}" in lists
    for path in ("finance.horizon_months", "outsourced.tier_thresholds"):
        cell = inputs[f"C{rows[path]}"]
        assert cell.font.color.rgb.endswith("808080")  # grey, not blue
        assert "rebuild with `roi-models workbook --scenario" in inputs[f"I{rows[path]}"].value
    assert book["Summary"]["C11"].number_format == "0.0%"     # the IRR row
    assert book["Checks"]["C8"].number_format == "#,##0.00"


def test_print_setup_dates_and_charts(book):
    for name in ("Inputs", "Costs", "Cash flow", "Checks", "Staffing", "Summary"):
        ws = book[name]
        wide = 2 if name in ("Costs", "Cash flow") else 1  # 60 months: 30 a page
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == wide, name
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_area, name
    assert book["Costs"].print_title_rows == "$3:$5"
    assert book["Costs"]["C3"].value.startswith("=DATE(") and \
        book["Costs"]["C3"].number_format == "mmm yyyy"
    line = book["Summary"]._charts[1]
    for series in line.series:
        vals = series.val.numRef.f
        assert re.search(r"!\$C\$\d+:\$BJ\$\d+$", vals), vals   # 60 months, from month 0
    assert re.search(r"!\$C\$3:\$BJ\$3$", line.series[0].cat.numRef.f)


def test_dates_follow_the_start_month(built):
    # Costs!C3 = DATE(year, start month + 0, 1): January 2026 is Excel serial 46023
    assert built.values["COSTS!C3"] == 46023
    assert built.values["COSTS!O3"] == 46023 + 365  # month 12: January 2027


# ------------------------------------------------------------------- without the add-in
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_recalculated_without_the_functions_in_libreoffice(tmp_path):
    """LibreOffice has no CC_ functions: a full recalculation is Excel without the add-in."""
    profile = tmp_path / "profile" / "user"
    profile.mkdir(parents=True)
    (profile / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/'
        'registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/'
        'XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop '
        'oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n')
    src = tmp_path / "in" / DEFAULT_PATH.name
    src.parent.mkdir()
    shutil.copy(ROOT / DEFAULT_PATH, src)
    env = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    for fmt in ("xlsx", "pdf"):   # xlsx: recalculated (always recalculate on load); pdf: pages
        subprocess.run(["soffice", "--headless", env, "--convert-to", fmt, "--outdir",
                        str(tmp_path / "out"), str(src)], check=True, capture_output=True,
                       timeout=300)
    wb = openpyxl.load_workbook(tmp_path / "out" / DEFAULT_PATH.name, data_only=True)
    assert wb["Engine"]["C4"].value == "#NAME?" and wb["Engine"]["C5"].value is False
    engine_errors = sum(1 for row in wb["Engine"].iter_rows() for c in row if c.value == "#NAME?")
    assert engine_errors > 10_000                      # every CC_ cell is #NAME? ...
    numbers = {}
    for name in ("Inputs", "Staffing", "Costs", "Revenue", "Cash flow", "Summary", "Checks"):
        cells = [c.value for row in wb[name].iter_rows() for c in row]
        assert not [v for v in cells if isinstance(v, str) and v.startswith("#")], name
        numbers[name] = sum(isinstance(v, (int, float)) and not isinstance(v, bool) for v in cells)
    assert numbers["Costs"] > 4000 and numbers["Staffing"] > 2000   # ... and nothing else is
    summary = wb["Summary"]
    shipped = openpyxl.load_workbook(ROOT / DEFAULT_PATH, data_only=True)["Summary"]
    for r in range(5, 8):
        for c in range(3, 6):   # total cost, revenue effect, NPV per option: as built
            assert summary.cell(r, c).value == pytest.approx(shipped.cell(r, c).value, rel=1e-9)
    for r in range(10, 14):
        for c in (3, 4, 6, 7):
            got, want = summary.cell(r, c).value, shipped.cell(r, c).value
            assert got == want if isinstance(want, str) else got == pytest.approx(want, rel=1e-6)
    assert summary["C16"].value is True                # the master check
    assert summary["C17"].value.startswith("cached")
    pages = subprocess.run(["pdfinfo", str(tmp_path / "out" / "contact_center_business_case.pdf")],
                           capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", pages).group(1)) <= 30


def test_russian_labels_same_formulas(tmp_path):
    en, ru = tmp_path / "en.xlsx", tmp_path / "ru.xlsx"
    build(en, cache=False)
    build(ru, cache=False, lang="ru")
    a, b = openpyxl.load_workbook(en), openpyxl.load_workbook(ru)
    for name in SHEETS:
        assert _formulas_of(a[name]) == _formulas_of(b[name]), name
    assert b["Summary"]["A1"].value == "Сводка" and b["Summary"]["C4"].value == "свой центр"
    assert b["Checks"]["A9"].value == "свой центр: Зарплата операторов"  # report's line label
    assert "per_handled_minute" in [c.value for c in b["Costs"]["A"]]  # codes read by MATCH stay
    assert [c.value for c in b["Inputs"]["B"]] == [c.value for c in a["Inputs"]["B"]]
    with pytest.raises(ValueError, match="lang must be one of"):
        build(tmp_path / "x.xlsx", cache=False, lang="de")
