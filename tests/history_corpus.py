"""A corpus of history exports in foreign formats, generated from the shipped example at test time.

``build(folder)`` writes each variant of ``roi_models/data/example_history.csv`` the way real
exports come (cp1251 ``;``-separated Russian Excel, UTF-16 tab text, day-first and month-first
dates, decimal commas, dot / space / no-break-space thousands, Excel serial dates, workbooks with a
year a sheet, Russian column names, a long format) and hostile ones (dates that never settle the
day order, both decimal marks, ``inf`` and ``1e300`` counts, binary, empty). Each :class:`Case` says
whether the file must load to the same data as the original or be refused with a message matching
``refused``. Nothing binary is committed: run ``python tests/history_corpus.py OUT`` to look at them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from roi_models.history import EXAMPLE_HISTORY

NBSP, NNBSP = "\u00a0", "\u202f"
VOLUMES = ["voice_offered", "voice_answered", "voice_abandoned", "chat_offered", "chat_answered",
           "chat_abandoned", "email_offered"]
#: Russian column names as a Russian ACD report writes them (channel: measure).
RU_WIDE = {"date": "Дата", "voice_offered": "Звонки: поступило", "voice_answered": "Звонки: принято",
           "voice_abandoned": "Звонки: потеряно", "chat_offered": "Чат: поступило",
           "chat_answered": "Чат: принято", "chat_abandoned": "Чат: потеряно",
           "email_offered": "Почта: поступило"}


@dataclass
class Case:
    """One corpus file: the path, the load options, and ``refused`` (a regex) or None (same data)."""

    name: str
    path: Path
    options: dict[str, Any] = field(default_factory=dict)
    refused: str | None = None
    cli: list[str] = field(default_factory=list)


def example() -> pd.DataFrame:
    """The example as a frame: ``date`` (Timestamp) and integer volume columns."""
    f = pd.read_csv(EXAMPLE_HISTORY, parse_dates=["date"])
    return f


def _fmt(f: pd.DataFrame, dates: str | None = None, number=str) -> pd.DataFrame:
    out = f.copy()
    if dates is not None:
        out["date"] = out["date"].dt.strftime(dates)
    for c in VOLUMES:
        out[c] = out[c].map(number)
    return out


def _text(f: pd.DataFrame, sep: str = ",") -> str:
    return f.to_csv(index=False, sep=sep, lineterminator="\r\n")


def _grouped(sep: str, decimals: str = ""):
    def fmt(v: int) -> str:
        s = f"{int(v):,}".replace(",", sep)
        return s + decimals
    return fmt


def build(folder: Path) -> list[Case]:
    """Write the corpus into ``folder``; return its cases."""
    folder.mkdir(parents=True, exist_ok=True)
    f = example()
    cases: list[Case] = []

    def write(name: str, data: bytes | str, encoding: str = "utf-8", **kw: Any) -> Case:
        p = folder / name
        if isinstance(data, str):
            data = data.encode(encoding)
        p.write_bytes(data)
        case = Case(name, p, **kw)
        cases.append(case)
        return case

    # ---- loaded to the same numbers as the original
    write("utf8_bom.csv", "\ufeff" + _text(f.assign(date=f["date"].dt.strftime("%Y-%m-%d"))))
    write("utf16_tab.txt", _text(_fmt(f, "%d.%m.%Y"), "\t"), "utf-16")
    ru = _fmt(f, "%d.%m.%Y", lambda v: f"{v},0").rename(columns=RU_WIDE)
    write("ru_cp1251_semicolon_decimal_comma.csv", _text(ru, ";"), "cp1251")
    write("semicolon_dayfirst.csv", _text(_fmt(f, "%d.%m.%Y"), ";"))
    write("slash_dayfirst.csv", _text(_fmt(f, "%d/%m/%Y")))
    write("dot_dayfirst_two_digit_year.csv", _text(_fmt(f, "%d.%m.%y"), ";"))
    write("us_monthfirst.csv", _text(_fmt(f, "%m/%d/%Y")))
    write("dot_thousands.csv", _text(_fmt(f, "%d.%m.%Y", _grouped(".")), ";"))
    write("nbsp_thousands.csv", _text(_fmt(f, "%d.%m.%Y", _grouped(NBSP)), ";"), "cp1251")
    write("narrow_nbsp_thousands.csv", _text(_fmt(f, "%d.%m.%Y", _grouped(NNBSP)), ";"))
    write("space_thousands_decimal_comma.csv",
          _text(_fmt(f, "%d.%m.%Y", _grouped(" ", ",0")), ";"))
    write("comma_thousands_decimal_point.csv", _text(_fmt(f, "%m/%d/%Y", _grouped(",", ".0"))))
    serial = f.assign(date=(f["date"] - pd.Timestamp("1899-12-30")).dt.days)
    write("excel_serial_dates.csv", _text(_fmt(serial), ";"))
    write("ru_long_format.csv", _long_ru(f), "cp1251")
    mapped = _fmt(f, "%Y-%m-%d").rename(columns={"date": "День", "voice_offered": "Входящие"})
    write("columns_mapping.csv", _text(mapped), options={"columns": {"День": "date",
                                                                      "Входящие": "voice_offered"}},
          cli=["--columns", "День=date,Входящие=voice_offered"])
    sep_line = "sep=;\r\n" + _text(_fmt(f, "%Y-%m-%d"), ";")
    write("excel_sep_line.csv", sep_line)
    _workbook(folder / "dates_as_cells.xlsx", {"Data": f})
    cases.append(Case("dates_as_cells.xlsx", folder / "dates_as_cells.xlsx"))
    _workbook(folder / "text_dates.xlsx", {"Лист1": _fmt(f, "%d.%m.%Y", int).rename(
        columns=RU_WIDE)})
    cases.append(Case("text_dates.xlsx", folder / "text_dates.xlsx"))
    _workbook(folder / "serial_dates.xlsx", {"Data": serial})
    cases.append(Case("serial_dates.xlsx", folder / "serial_dates.xlsx"))
    years = {str(y): f[f["date"].dt.year == y] for y in (2022, 2023, 2024)}
    years["Итоги"] = pd.DataFrame({"Итого": ["Всего звонков", int(f["voice_offered"].sum())]})
    _workbook(folder / "year_a_sheet.xlsx", years)
    cases.append(Case("year_a_sheet.xlsx", folder / "year_a_sheet.xlsx"))
    monthly = _monthly(f)
    write("monthly_dayfirst_given.csv", _text(_fmt(monthly, "%d.%m.%Y"), ";"),
          options={"dayfirst": True}, cli=["--dayfirst"])

    # ---- refused with one readable message
    write("monthly_dates_never_settle.csv", _text(_fmt(monthly, "%d.%m.%Y"), ";"),
          refused=r"day-first or month-first .* --dayfirst or --monthfirst")
    mixed = _fmt(f, "%d.%m.%Y", lambda v: f"{v},5")
    mixed.loc[5, "voice_offered"] = "840.5"
    write("mixed_decimal_marks.csv", _text(mixed, ";"), refused=r"mixed decimal marks")
    both = _fmt(f, "%d.%m.%Y")
    both.loc[40, "date"] = "01.13.2022"
    write("mixed_date_orders.csv", _text(both, ";"), refused=r"write every date the same way")
    inf = _fmt(f, "%Y-%m-%d")
    inf.loc[3, "voice_offered"] = "inf"
    inf.loc[4, "chat_offered"] = "1e300"
    write("inf_and_huge_counts.csv", _text(inf), refused=r"line 5: voice_offered is not a number.*"
          r"\n.*line 6: chat_offered is 1e\+300, beyond")
    write("binary.csv", bytes(range(256)) * 8, refused=r"not a text file")
    write("empty.csv", b"", refused=r"the file is empty")
    write("header_only.csv", "date;voice_offered\r\n", refused=r"no data rows")
    write("one_column.csv", "date\r\n2024-01-01\r\n", refused=r"one column only")
    write("text_named_xlsx.xlsx", _text(_fmt(f, "%Y-%m-%d"), ";"), refused=r"not an Excel workbook")
    write("russian_unknown_column.csv", _text(_fmt(f, "%Y-%m-%d").rename(
        columns={"voice_offered": "Кол-во"})), "cp1251",
        refused=r"column 'Кол-во': not a channel volume")
    return cases


def _long_ru(f: pd.DataFrame) -> str:
    names = {"voice": "Звонки", "chat": "Чат", "email": "Почта"}
    rows = []
    for _, r in f.iterrows():
        for ch, word in names.items():
            rows.append({"Дата": r["date"].strftime("%d.%m.%Y"), "Канал": word,
                         "Поступило": r[f"{ch}_offered"],
                         "Принято": r.get(f"{ch}_answered", ""),
                         "Потеряно": r.get(f"{ch}_abandoned", "")})
    out = pd.DataFrame(rows)
    email = out["Канал"] == "Почта"
    # e-mail has no answered / abandoned columns in the example: blank cells are not allowed, so
    # the long file gives e-mail its own answered = offered and 0 lost (same offered, loss n/a)
    out.loc[email, "Принято"] = out.loc[email, "Поступило"]
    out.loc[email, "Потеряно"] = 0
    return _text(out, ";")


def _monthly(f: pd.DataFrame) -> pd.DataFrame:
    m = f.set_index("date")[VOLUMES].resample("MS").sum().reset_index()
    return m


def _workbook(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        for name, frame in sheets.items():
            frame.to_excel(xl, sheet_name=name, index=False)


if __name__ == "__main__":  # pragma: no cover
    for c in build(Path(sys.argv[1] if len(sys.argv) > 1 else "history-corpus")):
        print(c.name, "refused" if c.refused else "same")
