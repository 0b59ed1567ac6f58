"""CLI: ``roi-models case`` and ``roi-models scenario init|presets``.

Expected numbers come from the engine (``evaluate`` of the same scenario): the command must write
them unchanged into the XLSX and as displayed into the Markdown.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from roi_models import Scenario
from roi_models.business_case import BusinessCase
from roi_models.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def run_default(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("cli") / "out"
    result = runner.invoke(app, ["case", "-o", str(out)])
    return out, result


class TestCase:
    def test_writes_files(self, run_default: tuple[Path, object]) -> None:
        out, result = run_default
        assert result.exit_code == 0, result.output
        names = sorted(p.name for p in out.iterdir())
        assert names == ["business_case.html", "business_case.md", "business_case.xlsx",
                         "monthly_hybrid.csv", "monthly_inhouse.csv", "monthly_outsourced.csv"]
        assert "Recommend" in result.stdout
        assert "NPV of net cash flow" in result.stdout
        assert str(out / "business_case.md") in result.stdout

    def test_numbers_match_engine(self, case: BusinessCase,
                                  run_default: tuple[Path, object]) -> None:
        out, _ = run_default
        ws = openpyxl.load_workbook(out / "business_case.xlsx")["Summary"]
        npv_row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "npv")
        assert list(npv_row[3:]) == case.summary().loc["npv"].tolist()  # exactly
        md = (out / "business_case.md").read_text(encoding="utf-8")
        inc = case.incremental.loc["npv"]
        def usd(x: float) -> str:
            return ("-" if x < 0 else "") + f"${abs(x):,.0f}"

        row = f"| Incremental NPV | {usd(inc['outsourced'])} | {usd(inc['hybrid'])} |"
        assert row in md
        words = {"inhouse": "in-house", "outsourced": "outsourcing", "hybrid": "hybrid"}
        assert words[case.recommendation.option] in result_option(md)

    def test_default_dir_and_one_format(self, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        result = runner.invoke(app, ["case", "--format", "md"])
        assert result.exit_code == 0, result.output
        assert [p.name for p in (tmp_path / "roi-models-case").iterdir()] == ["business_case.md"]

    def test_bad_format(self, tmp_path: Path) -> None:
        result = runner.invoke(app, ["case", "-o", str(tmp_path / "o"), "--format", "md,docx"])
        assert result.exit_code == 2
        assert "--format must be" in result.stderr
        assert not (tmp_path / "o").exists()

    @pytest.mark.parametrize(("text", "names"), [
        ("inhouse:\n  shrinkage: 30\n  agent_hourly_wage: -5\n",
         ["inhouse.shrinkage", "inhouse.agent_hourly_wage"]),
        ("service:\n  voice_target_sl: 1.5\n", ["service.voice_target_sl"]),
        ("inhouse:\n  agent_wage: 18\n", ["inhouse.agent_wage", "inhouse.agent_hourly_wage"]),
        ("inhouse: {shrinkage: 0.3\n", ["malformed YAML"]),
        ("inhouse:\n  shrinkage: lots\n", ["inhouse.shrinkage"]),
    ], ids=["shares-and-negative", "share-above-1", "unknown-key", "malformed", "wrong-type"])
    def test_bad_scenario(self, tmp_path: Path, text: str, names: list[str]) -> None:
        bad = tmp_path / "bad.yaml"
        bad.write_text(text, encoding="utf-8")
        out = tmp_path / "out"
        result = runner.invoke(app, ["case", str(bad), "-o", str(out)])
        assert result.exit_code == 2
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output
        err = result.stderr
        problems = [line for line in err.splitlines() if line.startswith("  - ")]
        assert len(problems) == len(names) or names[0] in ("inhouse.agent_wage", "malformed YAML")
        for name in names:
            assert name in err
        assert any(line.startswith(f"  - {names[0]}") for line in problems)
        assert not out.exists()
        assert bad.read_text(encoding="utf-8") == text

    def test_missing_file(self, tmp_path: Path) -> None:
        result = runner.invoke(app, ["case", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "o")])
        assert result.exit_code == 2
        assert "cannot read" in result.stderr
        assert not (tmp_path / "o").exists()


def result_option(md: str) -> str:
    return next(line for line in md.splitlines() if line.startswith("**Recommend"))


class TestScenarioInit:
    def test_round_trip(self, tmp_path: Path) -> None:
        f = tmp_path / "my.yaml"
        result = runner.invoke(app, ["scenario", "init", str(f)])
        assert result.exit_code == 0, result.output
        assert Scenario.from_file(f) == Scenario.default()
        assert f.read_text(encoding="utf-8").startswith("# roi-models scenario")

    def test_preset_ru(self, tmp_path: Path) -> None:
        f = tmp_path / "ru.yaml"
        assert runner.invoke(app, ["scenario", "init", str(f), "--preset", "ru"]).exit_code == 0
        assert Scenario.from_file(f) == Scenario.preset("ru")

    def test_refuses_to_overwrite(self, tmp_path: Path) -> None:
        f = tmp_path / "mine.yaml"
        f.write_text("inhouse:\n  agent_hourly_wage: 18.0\n", encoding="utf-8")
        result = runner.invoke(app, ["scenario", "init", str(f)])
        assert result.exit_code == 2
        assert "already exists" in result.stderr and "--force" in result.stderr
        assert f.read_text(encoding="utf-8") == "inhouse:\n  agent_hourly_wage: 18.0\n"
        result = runner.invoke(app, ["scenario", "init", str(f), "--force"])
        assert result.exit_code == 0, result.output
        assert Scenario.from_file(f) == Scenario.default()

    def test_bad_preset_and_suffix(self, tmp_path: Path) -> None:
        result = runner.invoke(app, ["scenario", "init", str(tmp_path / "a.yaml"), "--preset", "xx"])
        assert result.exit_code == 2 and "--preset must be one of default, ru" in result.stderr
        result = runner.invoke(app, ["scenario", "init", str(tmp_path / "a.txt")])
        assert result.exit_code == 2 and ".yaml" in result.stderr
        assert list(tmp_path.iterdir()) == []

    def test_presets(self) -> None:
        result = runner.invoke(app, ["scenario", "presets"])
        assert result.exit_code == 0
        assert [line.split("\t")[0] for line in result.stdout.splitlines()] == Scenario.presets()


class TestCaseConsole:
    """Issue 15: plausibility warnings printed; numbers never cut or split across lines."""

    def test_plausibility_warning_printed(self, tmp_path: Path) -> None:
        src = Scenario.default().with_changes({"inhouse.agent_hourly_wage": 95.0}).to_file(
            tmp_path / "high.yaml")
        result = runner.invoke(app, ["case", str(src), "-o", str(tmp_path / "o"), "--format",
                                     "md", "--trials", "0"])
        assert result.exit_code == 0, result.output
        assert ("Warning: Agent hourly wage (inhouse.agent_hourly_wage) = 95 $/h is outside its "
                "plausible range 16 – 25 $/h") in " ".join(result.output.split())
        md = (tmp_path / "o" / "business_case.md").read_text(encoding="utf-8")
        assert "Inputs outside their plausible range" in md  # and on the assumptions page

    def test_russian_figures_stay_whole(self, tmp_path: Path) -> None:
        src = Scenario.preset("ru").to_file(tmp_path / "ru.yaml")
        result = runner.invoke(app, ["case", str(src), "-o", str(tmp_path / "o"), "--lang", "ru",
                                     "--format", "md", "--trials", "0"], terminal_width=70)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert not any(x.rstrip().endswith(("68,0", "72,0")) for x in lines)  # "68,0 %" whole
        assert not any(x.lstrip().startswith("%") for x in lines)
        assert "…" not in result.stdout


class TestHistoryConsole:
    """Issue 15: ``roi-models history`` at 80 columns prints every figure whole (it wraps at
    spaces or widens, never cuts); the derived scenario is named after its source file."""

    def test_no_number_cut_at_80_columns(self, tmp_path: Path) -> None:
        from roi_models.history import derive, load_history

        data = Path(__file__).parents[1] / "roi_models" / "data"
        result = runner.invoke(app, ["history", str(data / "example_history.csv"), "--intervals",
                                     str(data / "example_intervals.csv"), "-o",
                                     str(tmp_path / "h")], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert "…" not in out
        cells = [c.strip() for line in out.splitlines() for c in line.split("│")]
        d = derive(load_history(data / "example_history.csv"), 12,
                   intervals=data / "example_intervals.csv")
        for _, r in d.channel_table().iterrows():  # each figure whole inside one cell
            for figure in (f"{r.last_12_months:,.0f}", f"{r.year1_forecast:,.0f}",
                           f"{r.year1_p90:,.0f}", str(r.model)):
                assert figure in cells, (figure, out[:2000])
            assert any(c.startswith(f"{r.year1_p10:,.0f}") for c in cells)
        fc = d.forecast_table()
        first = fc.iloc[0]
        assert f"{first[d.channels[0]]:,.0f}" in cells
        sc = Scenario.from_file(tmp_path / "h" / "scenario.yaml")
        assert sc["scenario.name"].startswith("example_history.csv")

    def test_flags_have_no_placeholder(self) -> None:
        for command in ("history", "case", "staff"):
            text = runner.invoke(app, [command, "--help"], env={"COLUMNS": "100"}).stdout
            assert "<bool>" not in text and "BOOLEAN" not in text, command
