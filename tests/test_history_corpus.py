"""The history corpus (tests/history_corpus.py): every foreign export of the shipped example loads
to the example's own numbers, and every hostile one is refused with exit 2 and one readable message.

"The same numbers" is what :func:`roi_models.history.derive` reads from a history: the complete
monthly series per channel, the weekend-day share and the loss rates.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from roi_models.cli import app
from roi_models.history import EXAMPLE_HISTORY, HistoryError, arrival_profile, load_history, loss_rates

sys.path.insert(0, str(Path(__file__).parent))
import history_corpus

# every export of the corpus goes through the CLI: slow
pytestmark = pytest.mark.slow

_FOLDER: dict[str, Path] = {}
_REFS: dict[bool, Path] = {}  # the CLI's scenario from the original (daily / monthly), made once


def _cases() -> list[history_corpus.Case]:
    return history_corpus.build(_corpus_dir())


def _corpus_dir() -> Path:
    if "dir" not in _FOLDER:
        import atexit
        import shutil
        import tempfile

        _FOLDER["dir"] = Path(tempfile.mkdtemp(prefix="roi-models-history-corpus-"))
        atexit.register(shutil.rmtree, _FOLDER["dir"], True)
    return _FOLDER["dir"]


CASES = _cases()
SAME = [c for c in CASES if c.refused is None]
REFUSED = [c for c in CASES if c.refused is not None]


@pytest.fixture(scope="module")
def reference():
    h = load_history(EXAMPLE_HISTORY)
    return h, h.monthly()[0], arrival_profile(h)[2], loss_rates(h)


def test_corpus_covers_the_issue_formats():
    names = {c.name for c in CASES}
    assert len(SAME) >= 20 and len(REFUSED) >= 9
    for needed in ("utf16_tab.txt", "ru_cp1251_semicolon_decimal_comma.csv", "dot_thousands.csv",
                   "nbsp_thousands.csv", "narrow_nbsp_thousands.csv", "excel_serial_dates.csv",
                   "text_dates.xlsx", "year_a_sheet.xlsx", "monthly_dates_never_settle.csv"):
        assert needed in names


@pytest.mark.parametrize("case", SAME, ids=lambda c: c.name)
def test_loads_to_the_example_numbers(case, reference):
    _, monthly, share, loss = reference
    h = load_history(case.path, **case.options)
    got = h.monthly()[0]
    assert list(got.index) == list(monthly.index) and list(got.columns) == list(monthly.columns)
    assert np.array_equal(got.to_numpy(), monthly.to_numpy())  # exactly, not approximately
    if h.level == "daily":
        assert arrival_profile(h)[2] == share
        rates = loss_rates(h)
        for ch in ("voice", "chat"):
            assert rates[ch] == loss[ch]
    assert h.detected  # what was decided is always said
    v = h.data["offered"].to_numpy()
    assert np.isfinite(v).all() and (v >= 0).all()


def test_detected_conventions_are_reported():
    by = {c.name: c for c in CASES}
    h = load_history(by["ru_cp1251_semicolon_decimal_comma.csv"].path)
    assert h.detected["encoding"].startswith("cp1251")
    assert h.detected["delimiter"].startswith("';'")
    assert h.detected["dates"] == "day-first dd.mm.yyyy (line 14: '13.01.2022' settles it)"
    assert h.detected["decimal"] == "comma (e.g. line 2: '840,0')"
    # 2 January 2022 is the second data row: day-first, not 1 February (the issue's misreading)
    assert h.data["timestamp"].iloc[1] == pd.Timestamp("2022-01-02")
    h = load_history(by["dot_thousands.csv"].path)
    assert "'2.017' read as 2017" in h.detected["thousands"]
    assert h.data.loc[(h.data.timestamp == "2022-01-03") & (h.data.channel == "voice"),
                      "offered"].item() == 2017.0


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_refused_with_one_readable_message(case):
    with pytest.raises(HistoryError) as err:
        load_history(case.path, **case.options)
    message = str(err.value)
    assert re.search(case.refused, message), message
    assert len(err.value.problems) <= 3
    assert all(len(p) < 400 for p in err.value.problems)


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c.name)
def test_cli_refuses_with_exit_2(case, tmp_path):
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["history", str(case.path), "-o", str(out), *case.cli])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
    assert r.stderr.splitlines()[0].startswith(("1 problem in history", "2 problems in history"))
    assert not out.exists()  # nothing written


@pytest.mark.parametrize("name", ["ru_cp1251_semicolon_decimal_comma.csv", "year_a_sheet.xlsx",
                                  "monthly_dayfirst_given.csv"])
def test_cli_derives_the_same_scenario(name, tmp_path, tmp_path_factory):
    by = {c.name: c for c in CASES}
    runner = CliRunner()
    monthly = name.startswith("monthly")
    ref = _REFS.get(monthly)
    if ref is None:
        ref = tmp_path_factory.mktemp("ref")
        src = EXAMPLE_HISTORY
        if monthly:
            src = ref / "monthly_iso.csv"
            history_corpus._monthly(history_corpus.example()).to_csv(src, index=False)
        r0 = runner.invoke(app, ["history", str(src), "-o", str(ref)])
        assert r0.exit_code == 0, r0.output
        _REFS[monthly] = ref
    out = tmp_path / "out"
    r = runner.invoke(app, ["history", str(by[name].path), "-o", str(out), *by[name].cli])
    assert r.exit_code == 0, r.output
    assert f"Read {name}: " in r.stdout
    a = yaml.safe_load((ref / "scenario.yaml").read_text(encoding="utf-8"))["demand"]
    b = yaml.safe_load((out / "scenario.yaml").read_text(encoding="utf-8"))
    assert b["demand"] == a
    assert "Read as: " in b["scenario"]["notes"]
    assert b["scenario"]["name"].startswith(f"{name}: demand from history")
