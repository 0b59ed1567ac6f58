"""Every CLI argument is validated with a one-line reason and exit 2 (issue 17): no traceback, no
empty output folder, no silently dropped option."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from roi_models.cli import app

runner = CliRunner()

#: (arguments, fragment of the error). Each must exit 2 without a traceback.
BAD = [
    (["montecarlo", "--seed", "-1"], "--seed"),
    (["montecarlo", "--trials", "0"], "--trials"),
    (["case", "--trials", "99999999999999999999"], "--trials"),
    (["case", "--trials", "-1"], "--trials"),
    (["staff", "--calls", "100", "--max-abandon", "0.05"], "--max-abandon needs --patience"),
    (["staff", "--aht", "nan"], "must be a finite number"),
    (["staff", "--aht", "0"], "must be > 0"),
    (["staff", "--calls", "inf"], "must be a finite number"),
    (["staff", "--calls", "-3"], "must be >= 0"),
    (["staff", "--sl", "1.5"], "must be >= 0 and < 1"),
    (["staff", "--interval", "-1800"], "must be > 0"),
    (["staff", "--patience", "0"], "must be > 0"),
    (["staff", "--shrinkage", "1"], "must be >= 0 and < 1"),
    (["staff", "--max-occupancy", "0"], "must be > 0 and <= 1"),
    (["staff", "--patience", "180", "--max-abandon", "1"], "must be > 0 and < 1"),
    (["sensitivity", "--top", "0"], "--top"),
    (["breakeven", "inhouse.agent_hourly_wage", "--low", "nan"], "must be a finite number"),
    (["history", "roi_models/data/example_history.csv", "--months", "99"], "--months"),
    (["history", "roi_models/data/example_history.csv", "--dayfirst", "--monthfirst"],
     "not both"),
    (["history", "roi_models/data/example_history.csv", "--decimal", "dot"],
     "--decimal must be comma or point"),
    (["history", "roi_models/data/example_history.csv", "--columns", "oops"],
     "--columns takes FILE_COLUMN=NAME pairs"),
]


@pytest.mark.parametrize("args, fragment", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_argument_exit_2_one_reason(args, fragment, tmp_path):
    out = tmp_path / "out"
    if args[0] in ("case", "history"):
        args = [*args, "-o", str(out)]
    r = runner.invoke(app, args)
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "Traceback" not in r.output
    assert fragment in " ".join(r.stderr.replace("│", " ").split())
    assert not out.exists()


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, "calls\n1\n".encode("utf-16"),
                                  "calls\nмного\n".encode("cp1251"), b"calls\ninf\n",
                                  b"calls\n1e999\n"],
                         ids=["binary", "utf16", "cp1251", "inf", "overflow"])
def test_staff_intervals_file_refused(data, tmp_path):
    p = tmp_path / "iv.csv"
    p.write_bytes(data)
    r = runner.invoke(app, ["staff", "--intervals", str(p)])
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert len(r.stderr.strip().splitlines()) == 1
    assert str(p) in r.stderr


def test_case_leaves_no_folder_on_a_scenario_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("inhouse:\n  shrinkage: 30\n", encoding="utf-8")
    out = tmp_path / "case"
    r = runner.invoke(app, ["case", str(bad), "-o", str(out), "--format", "csv"])
    assert r.exit_code == 2
    assert "inhouse.shrinkage: must be >= 0 and <= 0.95" in r.stderr
    assert not out.exists()
