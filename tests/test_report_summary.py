"""roi_models.report.summary: the thin business-case writer.

Expected numbers come from the engine itself (``evaluate``): the writer must carry them into the
files unchanged (CSV, XLSX) or rounded only as displayed (Markdown).
"""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

from roi_models import InputError, Scenario, evaluate
from roi_models.business_case import BusinessCase
from roi_models.report import summary as report
from roi_models.report import write_case

OPTIONS = ("inhouse", "outsourced", "hybrid")


@pytest.fixture(scope="module")
def out(case: BusinessCase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("case")
    write_case(case, d)
    return d


@pytest.fixture(scope="module")
def markdown(out: Path) -> str:
    return (out / "business_case.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def workbook(out: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(out / "business_case.xlsx")


def _md_row(md: str, label: str) -> list[str]:
    """Cells of the first Markdown table row whose first cell is ``label``."""
    for line in md.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r}")


def _money(text: str) -> float:
    m = re.fullmatch(r"(-?)\$([\d,]+(?:\.\d+)?)", text)
    assert m, text
    return float(m.group(1) + m.group(2).replace(",", ""))


def _usd(x: float) -> str:
    """Whole dollars as the English report prints them: $1,234 and -$1,234."""
    text = f"{abs(x):,.0f}"
    return ("-" if x < 0 and text != "0" else "") + "$" + text


class TestWriteCase:
    def test_files(self, case: BusinessCase, tmp_path: Path) -> None:
        paths = write_case(case, tmp_path / "new" / "dir")
        names = sorted(p.name for p in paths)
        assert names == sorted(["business_case.html", "business_case.md", "business_case.xlsx",
                                *(f"monthly_{o}.csv" for o in OPTIONS)])
        assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
        assert not list((tmp_path / "new" / "dir").glob(".*.tmp"))

    def test_one_format(self, case: BusinessCase, tmp_path: Path) -> None:
        paths = write_case(case, tmp_path, ["md"])
        assert [p.name for p in paths] == ["business_case.md"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["business_case.md"]

    @pytest.mark.parametrize("formats", [["docx"], [], ["md", "docx"]])
    def test_bad_format(self, case: BusinessCase, tmp_path: Path, formats: list[str]) -> None:
        with pytest.raises(InputError, match="formats must be"):
            write_case(case, tmp_path / "x", formats)
        assert not (tmp_path / "x").exists()

    def test_atomic_failure_keeps_old_file(self, case: BusinessCase, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
        target = tmp_path / "business_case.xlsx"
        target.write_bytes(b"old workbook")

        class Broken:
            def save(self, path: Path) -> None:
                Path(path).write_bytes(b"half a fi")
                raise OSError("disk full")

        from roi_models.report import xlsx

        monkeypatch.setattr(xlsx, "workbook", lambda case, report: Broken())
        with pytest.raises(OSError, match="disk full"):
            write_case(case, tmp_path, ["xlsx"])
        assert target.read_bytes() == b"old workbook"
        assert [p.name for p in tmp_path.iterdir()] == ["business_case.xlsx"]


class TestMarkdown:
    def test_incremental_npv_as_displayed(self, case: BusinessCase, markdown: str) -> None:
        cells = _md_row(markdown, "Incremental NPV")
        for cell, option in zip(cells, ("outsourced", "hybrid"), strict=True):
            engine = case.incremental.loc["npv", option]
            assert cell == _usd(engine)
            assert abs(_money(cell) - engine) <= 0.5

    def test_options_table(self, case: BusinessCase, markdown: str) -> None:
        s = case.summary()
        for label, metric in [("Total cost over the horizon", "total_cost"),
                              ("NPV of net cash flow", "npv")]:
            got = [_money(c) for c in _md_row(markdown, label)]
            assert got == pytest.approx(s.loc[metric, list(OPTIONS)].tolist(), abs=0.5)
        sl = _md_row(markdown, "Voice service level")
        assert sl == [f"{s.loc['voice_service_level', o] * 100:.1f}%" for o in OPTIONS]

    def test_recommendation_and_sections(self, case: BusinessCase, markdown: str) -> None:
        from roi_models.report.content import recommendation_text
        from roi_models.report.data import alternative, analyse_risk

        risk = analyse_risk(case.scenario, alternative(case))
        headline, reasons = recommendation_text(case, risk=risk)
        assert markdown.startswith("# Business case: Mid-size inbound contact center (US)\n")
        for heading in ("## Recommendation", "## Switching versus in-house", "## Options",
                        "## Annual and monthly tables", "### Annual cost: In-house",
                        "### Annual cost: Outsourced", "### Annual cost: Hybrid",
                        "## Assumptions"):
            assert heading in markdown
        assert f"**{report.markdown_escape(headline)}**" in markdown.replace("\u00a0", " ")
        flat = markdown.replace("\u00a0", " ")
        assert len([r for r in reasons if report.markdown_escape(r) in flat]) == len(reasons)

    def test_annual_table(self, case: BusinessCase, markdown: str) -> None:
        annual = case.options["inhouse"].annual
        cells = _md_row(markdown, "Agent wages")  # first such row: in-house
        assert [_money(c) for c in cells] == pytest.approx(annual["agent_wages"].tolist(), abs=0.5)

    def test_assumptions(self, case: BusinessCase, markdown: str) -> None:
        from roi_models.report.i18n import Lang

        sc = case.scenario
        L = Lang("en", "USD")
        for path in Scenario.parameters().index:  # every registry input, by its name
            assert f"| {report.markdown_escape(L.param(path))} |" in markdown
        cells = _md_row(markdown, "Agent hourly wage")
        assert cells[0] == "20.6"
        assert cells[2] == report.markdown_escape(sc.source_of("inhouse.agent_hourly_wage"))
        assert "&#" not in markdown and "&amp;" not in markdown and "&lt;" not in markdown

    def test_script_name_escaped(self, case: BusinessCase) -> None:
        evil = case.scenario.with_changes({"scenario.name": "<script>alert(1)</script>",
                                           "scenario.notes": "- a | b\n# not a heading"})
        md = report.render_markdown(dataclasses.replace(case, scenario=evil))
        assert "<script>" not in md and "</script>" not in md
        assert "# Business case: \\<script\\>alert(1)\\</script\\>" in md
        assert "\\- a \\| b \\# not a heading" in md

    @pytest.mark.parametrize(("value", "kind", "text"), [
        (1234567.891, "money", "$1,234,568"),
        (-0.2, "money", "$0"),
        (8.5701, "money2", "$8.57"),
        (0.72, "share", "72.0%"),
        (float("nan"), "rate", "n/a"),
        (float("nan"), "months", "never within the horizon"),
        (12.04, "months", "12.0\u00a0months"),
    ])
    def test_format_value(self, value: float, kind: str, text: str) -> None:
        # the one formatter of every face (the dashboard uses it too): the report's own figures
        from roi_models.report.i18n import format_value

        assert format_value(value, kind, "USD") == text
        assert report.format_value(value, kind, "USD") == text  # the old name still answers


class TestCsv:
    @pytest.mark.parametrize("option", OPTIONS)
    def test_monthly_exact(self, case: BusinessCase, out: Path, option: str) -> None:
        got = pd.read_csv(out / f"monthly_{option}.csv", index_col="month")
        res = case.options[option]
        want = res.monthly.join(res.drivers)
        pd.testing.assert_frame_equal(got, want, check_exact=True, check_dtype=False,
                                      check_index_type=False)


    def test_seats_are_whole(self, case: BusinessCase, out: Path) -> None:
        # issue 15: a lease is for whole seats; the CSV shows the engine's whole seat count
        got = pd.read_csv(out / "monthly_inhouse.csv", index_col="month")["inhouse_seats"]
        assert (got == got.round()).all() and got.iloc[0] > 0
        res = case.options["inhouse"]
        rent = res.monthly["facilities"].iloc[0] / float(case.scenario["inhouse.seat_cost_monthly"])
        assert rent == pytest.approx(got.iloc[0], rel=1e-12)  # facilities = seats x seat cost
        # blocks of 5 seats round up to a multiple of 5; 0 keeps the fractional first-round count
        five = evaluate(case.scenario.with_changes({"inhouse.seat_lease_step": 5.0}))
        s5 = five.options["inhouse"].drivers["inhouse_seats"]
        assert (s5 % 5 == 0).all() and (s5 >= got.to_numpy()).all() and (s5 - got < 5).all()
        legacy = evaluate(case.scenario.with_changes({"inhouse.seat_lease_step": 0.0}))
        frac = legacy.options["inhouse"].drivers["inhouse_seats"]
        assert (frac != frac.round()).any()
        assert np.ceil(frac.to_numpy() - 1e-9) == pytest.approx(got.to_numpy())


class TestXlsx:
    def test_seats_shown_whole(self, case: BusinessCase, workbook: openpyxl.Workbook) -> None:
        ws = workbook["Monthly inhouse"]
        col = next(c.column for c in ws[1] if str(c.value).startswith("In-house seats"))
        cell = ws.cell(row=2, column=col)
        assert cell.number_format == "#,##0"  # whole seats, as leased
        assert cell.value == case.options["inhouse"].drivers["inhouse_seats"].iloc[0] == round(
            cell.value)

    def test_sheets(self, workbook: openpyxl.Workbook) -> None:
        assert workbook.sheetnames == [
            "Recommendation", "Summary", "Incremental", "Assumptions", "Annual inhouse",
            "Annual outsourced", "Annual hybrid", "Monthly inhouse", "Monthly outsourced",
            "Monthly hybrid", "Staffing", "Bridge", "Tornado", "Break-even", "Monte Carlo",
            "Risks", "Cost lines"]
        for ws in workbook:
            assert ws.freeze_panes == "B2"
            assert all(c.font.bold for c in ws[1])

    def test_summary_exact(self, case: BusinessCase, workbook: openpyxl.Workbook) -> None:
        ws = workbook["Summary"]
        header = [c.value for c in ws[1]]
        assert header[3:] == ["In-house", "Outsourced", "Hybrid"]
        rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
        s = case.summary()
        assert [c.value for c in rows["npv"][3:]] == s.loc["npv", list(OPTIONS)].tolist()
        assert rows["npv"][3].number_format == "#,##0"
        assert rows["voice_service_level"][3].number_format == "0.0%"
        for metric in s.index:
            assert [c.value for c in rows[metric][3:]] == s.loc[metric, list(OPTIONS)].tolist()

    def test_incremental_exact(self, case: BusinessCase, workbook: openpyxl.Workbook) -> None:
        rows = {r[0]: r[3:] for r in workbook["Incremental"].iter_rows(min_row=2, values_only=True)}
        inc = case.incremental
        for metric in inc.index:
            for got, want in zip(rows[metric], inc.loc[metric], strict=True):
                # no number: the words the HTML prints, never an empty cell (issue 15)
                assert got == want or (got in ("never within the horizon", "n/a")
                                       and math.isnan(want))

    @pytest.mark.parametrize("option", OPTIONS)
    def test_monthly_exact(self, case: BusinessCase, workbook: openpyxl.Workbook,
                           option: str) -> None:
        ws = workbook[f"Monthly {option}"]
        header = [c.value for c in ws[1]]
        col = header.index("Total cost [$/month]")
        got = [r[col] for r in ws.iter_rows(min_row=2, values_only=True)]
        assert got == case.options[option].monthly["total_cost"].tolist()
        assert ws.max_row == 1 + case.scenario["finance.horizon_months"]

    def test_assumptions(self, case: BusinessCase, workbook: openpyxl.Workbook) -> None:
        rows = {r[0]: r for r in workbook["Assumptions"].iter_rows(min_row=2, values_only=True)}
        assert set(rows) == set(Scenario.parameters().index)
        assert rows["inhouse.agent_hourly_wage"][1:3] == (20.6, "$/h")
        assert rows["inhouse.agent_hourly_wage"][3] == case.scenario.source_of(
            "inhouse.agent_hourly_wage")

    def test_user_text_is_never_a_formula(self, case: BusinessCase, tmp_path: Path) -> None:
        evil = case.scenario.with_changes({"scenario.name": "=HYPERLINK(\"http://x\")"})
        write_case(dataclasses.replace(case, scenario=evil), tmp_path, ["xlsx"])
        ws = openpyxl.load_workbook(tmp_path / "business_case.xlsx")["Assumptions"]
        cell = next(r[1] for r in ws.iter_rows(min_row=2) if r[0].value == "scenario.name")
        assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://x\")"

    def test_monte_carlo_trials_beside_the_printed_table(self, case: BusinessCase,
                                                         out: Path,
                                                         workbook: openpyxl.Workbook) -> None:
        from roi_models.report.data import alternative, analyse_risk

        ws = workbook["Monte Carlo"]
        header = [c.value for c in ws[1]]
        first = header.index("Trial")
        assert ws.print_area == "'Monte Carlo'!$A$1:$F$3"  # the table prints, the trials do not
        assert get_column_letter(first + 1) == "G"
        mc = analyse_risk(case.scenario, alternative(case), trials=2000).monte_carlo
        trials = list(ws.iter_rows(min_row=2, min_col=first + 1, values_only=True))
        assert [t[0] for t in trials] == list(range(1, 2001))  # whole numbers, General format
        assert [list(t[1:]) for t in trials] == mc.incremental_npv.to_numpy().tolist()  # exact
        assert ws.cell(row=2, column=first + 2).number_format == "#,##0"

    def test_wrapped_text_rows_are_tall_enough(self, workbook: openpyxl.Workbook) -> None:
        from roi_models.report.xlsx import CHARS_PER_DIGIT, LINE_HEIGHT

        ws = workbook["Recommendation"]
        for row in ws.iter_rows(min_row=2):
            # columns A and B wrap, 34 and 100 digits wide (xlsx.workbook's widths)
            label, text = str(row[0].value), str(row[1].value)
            assert "\n" not in label + text
            lines = max(math.ceil(len(label) / (CHARS_PER_DIGIT * 34)),
                        math.ceil(len(text) / (CHARS_PER_DIGIT * 100)))
            height = ws.row_dimensions[row[0].row].height  # None: the default, one line
            assert (height or LINE_HEIGHT) == pytest.approx(LINE_HEIGHT * lines), text
        assert any((ws.row_dimensions[r].height or 0) > 15 for r in range(2, ws.max_row + 1))


class TestBaselineWords:
    """Issue 15: every "versus" says against what: the engine's baseline (``case.baseline``),
    in-house, or today's center when the scenario gives today's staffing."""

    @pytest.mark.parametrize("lang", ["en", "ru"])
    def test_against_the_status_quo(self, lang: str) -> None:
        from roi_models.report.content import recommendation_text
        from roi_models.report.i18n import Lang

        case = evaluate(Scenario.default().with_changes({"inhouse.current_agent_fte": 70.0}))
        assert case.baseline == "status_quo"
        L = Lang(lang, case.currency, case.baseline)
        _headline, reasons = recommendation_text(case, lang)
        against = {"en": "against ", "ru": "против "}[lang]
        for reason in reasons:  # each "against" names today's center, never bare in-house
            rest = reason.split(against)[1:]
            assert rest and all(r.startswith(L.t("base.status_quo")) or r[:1].isdigit()
                                or r[:1] in "-$" for r in rest), reason
        assert L.option("inhouse") == L.t("option.inhouse_to_target") != L.option("status_quo")
        assert L.t("kpi.title", option="x").endswith(L.t("base.status_quo"))

    def test_in_house_plain_without_a_status_quo(self, case: BusinessCase) -> None:
        from roi_models.report.i18n import Lang

        L = Lang("en", case.currency, case.baseline)
        assert case.baseline == "inhouse" and L.option("inhouse") == "In-house"
        assert L.t("kpi.title", option="outsourcing") == "Headline figures: outsourcing versus in-house"
        assert L.t("inc.header") == "Versus in-house"


class TestPhone:
    def test_chart_text_at_least_9px_on_a_390px_phone(self, case: BusinessCase) -> None:
        """Issue 15: a chart never shows narrower than the CSS's min-width (its box scrolls
        sideways on a phone), so its smallest text, MIN_TEXT points of a WIDTH-inch SVG, stays
        >= 9 px; measured in headless Chromium at 390 px: 420 px images, 10 pt -> 9.1 px."""
        from roi_models.report import charts
        from roi_models.report.formats import CSS
        from roi_models.report.i18n import Lang

        rule = re.search(r"figure\.chart img \{([^}]*)\}", CSS)
        assert rule
        min_px = float(re.search(r"min-width:\s*(\d+)px", rule.group(1)).group(1))  # type: ignore[union-attr]
        assert min_px > 390 - 2 * 16  # wider than a phone's column: the figure scrolls
        assert re.search(r"@media screen \{[^}]*figure\.chart \{ overflow-x: auto; \}", CSS)
        svg = charts.cash_flow(case, Lang("en", case.currency))
        view_width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
        assert view_width == pytest.approx(charts.WIDTH * 72)
        assert charts.MIN_TEXT * min_px / view_width >= 9.0
