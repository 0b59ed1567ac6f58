"""`roi-models staff`: the staffing face, driven through typer's CliRunner."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from roi_models import staffing
from roi_models.cli import app

runner = CliRunner()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class TestStaffCommand:
    def test_textbook_case(self, tmp_path: Path) -> None:
        # textbook case (docs/design.md §4.2): 100 calls / 30 min, AHT 180 s, 80/20
        # -> 14 agents, 88.8%, 71.4%, 20 FTE
        out = tmp_path / "one.csv"
        result = runner.invoke(app, ["staff", "--calls", "100", "--output", str(out)])
        assert result.exit_code == 0, result.output
        for text in ("14", "88.8%", "71.4%", "20.0"):
            assert text in result.stdout
        (row,) = _rows(out)
        assert row["agents"] == "14"
        assert float(row["fte"]) == 20.0
        assert abs(float(row["service_level"]) - 0.888350019179467) < 1e-12

    def test_demo_profile(self, tmp_path: Path) -> None:
        out = tmp_path / "day.csv"
        result = runner.invoke(app, ["staff", "--demo", "--output", str(out)])
        assert result.exit_code == 0, result.output
        assert "illustrative weekday profile" in result.stdout
        assert "Total" in result.stdout
        rows = _rows(out)
        assert len(rows) == 24
        assert rows[0]["interval"] == "08:00"
        calls = [float(r["calls"]) for r in rows]
        agents = [int(r["agents"]) for r in rows]
        assert agents == list(staffing.agents_required(calls, 180, 0.8, 20, interval=1800))

    def test_intervals_file_with_aht_and_patience(self, tmp_path: Path) -> None:
        src = tmp_path / "in.csv"
        src.write_text(
            "# my day\nStart,Calls,AHT\n09:00,400,180\n09:30,0,\n10:00,800,240\n", encoding="utf-8"
        )
        out = tmp_path / "out.csv"
        args = [
            "staff",
            "--intervals",
            str(src),
            "--interval",
            "3600",
            "--patience",
            "120",
            "--output",
            str(out),
        ]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        rows = _rows(out)
        assert [r["interval"] for r in rows] == ["09:00", "09:30", "10:00"]
        assert rows[0]["agents"] == "22"  # docs/staffing-references.md: A=20, patience 120 s -> 22
        assert rows[1]["agents"] == "0"
        assert float(rows[2]["aht_s"]) == 240.0
        assert float(rows[0]["abandon_rate"]) > 0

    def test_max_abandon_and_occupancy_caps(self, tmp_path: Path) -> None:
        out = tmp_path / "caps.csv"
        args = [
            "staff",
            "--calls",
            "400",
            "--interval",
            "3600",
            "--patience",
            "120",
            "--max-abandon",
            "0.01",
            "--max-occupancy",
            "0.85",
            "--output",
            str(out),
        ]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        (row,) = _rows(out)
        assert float(row["abandon_rate"]) <= 0.01
        assert float(row["occupancy"]) <= 0.85

    def test_bad_share_is_a_clean_error(self) -> None:
        result = runner.invoke(app, ["staff", "--calls", "100", "--sl", "80"])
        assert result.exit_code == 2
        text = " ".join(result.output.replace("│", " ").split())  # the error panel wraps lines
        assert "must be >= 0 and < 1, got 80 (a share: write 0.8, not 80)" in text
        assert "Traceback" not in result.output

    def test_missing_calls_column(self, tmp_path: Path) -> None:
        src = tmp_path / "bad.csv"
        src.write_text("interval,volume\n09:00,10\n", encoding="utf-8")
        result = runner.invoke(app, ["staff", "--intervals", str(src)])
        assert result.exit_code == 2
        assert "needs a 'calls' column" in result.output

    def test_calls_and_intervals_are_exclusive(self, tmp_path: Path) -> None:
        result = runner.invoke(app, ["staff", "--calls", "10", "--intervals", str(tmp_path / "x.csv")])
        assert result.exit_code == 2
        assert "not both" in result.output


class TestStaffScenario:
    """Issue 15: `staff [SCENARIO]` staffs the scenario's own profile, as the business case does."""

    @staticmethod
    def _engine(preset: str) -> tuple[list[str], list[int]]:
        from roi_models import Scenario
        from roi_models.business_case import interval_staffing

        t = interval_staffing(Scenario.preset(preset))
        return [str(x) for x in t.index], [round(a) for a in t["voice_agents"]]

    def test_default_is_the_default_scenario(self, tmp_path: Path) -> None:
        out = tmp_path / "case.csv"
        result = runner.invoke(app, ["staff", "--output", str(out)])
        assert result.exit_code == 0, result.output
        assert "Erlang A" in result.stdout and "Mid-size inbound contact center" in result.stdout
        rows = _rows(out)
        labels, agents = self._engine("default")
        assert [r["interval"] for r in rows] == labels
        assert [int(r["agents"]) for r in rows] == agents  # the case's own interval agents
        assert float(rows[0]["aht_s"]) == 330.0  # the scenario's AHT, not the demo's 180 s
        assert max(float(r["occupancy"]) for r in rows) <= 0.85 + 1e-12  # the scenario's cap

    def test_scenario_file_and_an_override(self, tmp_path: Path) -> None:
        from roi_models import Scenario

        src = Scenario.preset("ru").to_file(tmp_path / "ru.yaml")
        out = tmp_path / "ru.csv"
        result = runner.invoke(app, ["staff", str(src), "--output", str(out)])
        assert result.exit_code == 0, result.output
        assert [int(r["agents"]) for r in _rows(out)] == self._engine("ru")[1]
        result = runner.invoke(app, ["staff", str(src), "--aht", "200", "--output", str(out)])
        assert result.exit_code == 0, result.output
        assert "overridden: --aht" in " ".join(result.stdout.split())
        assert {float(r["aht_s"]) for r in _rows(out)} == {200.0}

    def test_no_number_is_cut(self) -> None:
        result = runner.invoke(app, ["staff"], terminal_width=60)
        assert result.exit_code == 0, result.output
        assert "…" not in result.stdout  # the table widens instead of cutting a cell

    def test_scenario_and_demo_are_exclusive(self, tmp_path: Path) -> None:
        result = runner.invoke(app, ["staff", str(tmp_path / "x.yaml"), "--demo"])
        assert result.exit_code == 2
        assert "not both" in result.output
