"""The report as an XLSX workbook: one sheet per table, numbers stored as numbers.

Figures keep the engine's full precision (17 significant digits) with a number format for display;
a value the HTML prints as words (a payback that never comes: "never within the horizon") is a text
cell with those words, never an empty cell. Every sheet prints: header row repeated on each page,
fitted to the page width, landscape when it is wide; the Monte Carlo trials are data, outside the
print area.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roi_models.report.content import (
    INCREMENTAL_KINDS,
    SUMMARY_KINDS,
    Report,
    Table,
    annual_table,
    assumptions_rows,
)
from roi_models.report.files import atomic_write, monthly_table, monthly_units
from roi_models.report.i18n import Lang, Num

if TYPE_CHECKING:
    from roi_models.business_case import BusinessCase

__all__ = ["NUMBER_FORMATS", "workbook", "write_xlsx"]

#: Excel number format of each value kind (decimals as :data:`roi_models.report.i18n.DECIMALS`).
NUMBER_FORMATS = {
    "money": "#,##0", "money2": "#,##0.00", "short": "#,##0", "share": "0.0%", "rate": "0.0%",
    "fte": "#,##0.0", "count": "#,##0", "months": "0.0", "number": "#,##0.00",
}
_WIDE = 6  # sheets with more columns print landscape


def _cell_value(value: Any, kind: str, L: Lang) -> Any:
    """A cell's value: numbers as numbers; what has no number (NaN) as the words the HTML shows."""
    if isinstance(value, (tuple, list)):
        return L.input_value(value)
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return L.fmt(value, kind or "number")
    return value


def _print_setup(ws: Any, ncols: int, *, rows: int | None = None) -> None:
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if ncols > _WIDE else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    if rows is not None:
        from openpyxl.utils import get_column_letter

        ws.print_area = f"A1:{get_column_letter(ncols)}{rows}"


def _sheet(wb: Any, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]],
           formats: Sequence[str | None] | Callable[[int, int], str | None],
           widths: Sequence[int] | None = None, wrap: Sequence[int] = ()) -> Any:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title[:31])
    bold = Font(bold=True)
    for j, h in enumerate(header, start=1):
        c = ws.cell(row=1, column=j, value=str(h))
        c.data_type = "s"
        c.font = bold
        c.alignment = Alignment(wrap_text=True, vertical="top")
    wrapped = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            c = ws.cell(row=i, column=j, value=v)
            if isinstance(c.value, str):
                c.data_type = "s"  # user text starting with "=" stays text, never a formula
                if j in wrap:
                    c.alignment = wrapped
            fmt = formats(i, j) if callable(formats) else formats[j - 1]
            if fmt and isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                c.number_format = fmt
    ws.freeze_panes = "B2"
    for j in range(1, len(header) + 1):
        w = widths[j - 1] if widths and j - 1 < len(widths) else 16
        ws.column_dimensions[get_column_letter(j)].width = w
    _print_setup(ws, len(header))
    return ws


def _table_sheet(wb: Any, title: str, table: Table, L: Lang,
                 widths: Sequence[int] | None = None, wrap: Sequence[int] = ()) -> Any:
    """A content :class:`~roi_models.report.content.Table` as a sheet: figures as numbers."""
    kinds: dict[tuple[int, int], str] = {}
    rows = []
    for i, row in enumerate(table.rows, start=2):
        out: list[Any] = []
        for j, c in enumerate(row, start=1):
            if isinstance(c, Num):
                out.append(c.value if c.value is not None and math.isfinite(c.value) else c.text)
                kinds[(i, j)] = c.kind
            else:
                out.append(str(c))
        rows.append(out)
    return _sheet(wb, title, table.header, rows,
                  lambda i, j: NUMBER_FORMATS.get(kinds.get((i, j), ""), None),
                  widths or [34, *[16] * (len(table.header) - 1)], wrap)


def workbook(case: BusinessCase, report: Report) -> Any:
    """The workbook of a built report: one sheet per table, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    L = report.lang
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = report.title

    # Recommendation: the headline, the reasons, then the KPI cards as numbers
    rows: list[list[Any]] = [[L.t("xlsx.headline"), str(report.headline)]]
    rows += [[L.t("xlsx.reason", n=i), str(r)] for i, r in enumerate(report.reasons, start=1)]
    kpi_start = len(rows) + 2
    kpi_kinds = []
    for label, value in report.kpis:
        ok = value.value is not None and math.isfinite(value.value)
        rows.append([str(label), value.value if ok else value.text])
        kpi_kinds.append(value.kind)
    for fact, text in report.facts_plain():
        rows.append([fact, text])
    _sheet(wb, L.t("sheet.recommendation"), [L.t("xlsx.item"), L.t("xlsx.value")], rows,
           lambda i, j: NUMBER_FORMATS.get(kpi_kinds[i - kpi_start], None)
           if j == 2 and kpi_start <= i < kpi_start + len(kpi_kinds) else None, [34, 100],
           wrap=(1, 2))

    options = [L.option(str(o)) for o in case.options]
    s = case.summary()
    metrics = list(s.index)
    kinds = [SUMMARY_KINDS.get(m, "number") for m in metrics]
    rows = [[m, L.t("metric." + m) if L.has("metric." + m) else m, L.unit_of_kind(k),
             *(_cell_value(s.loc[m, o], k, L) for o in s.columns)]
            for m, k in zip(metrics, kinds, strict=True)]
    _sheet(wb, L.t("sheet.summary"), [L.t("xlsx.metric"), L.t("xlsx.label"), L.t("xlsx.unit"),
                                      *options], rows,
           lambda i, j: NUMBER_FORMATS[kinds[i - 2]] if j > 3 else None, [26, 34, 10])

    inc = case.incremental
    metrics_i = list(inc.index)
    kinds_i = [INCREMENTAL_KINDS.get(m, "number") for m in metrics_i]
    months = int(case.scenario["finance.horizon_months"])
    rows = [[m, L.t("inc." + m, months=months) if L.has("inc." + m) else m, L.unit_of_kind(k),
             *(_cell_value(inc.loc[m, o], k, L) for o in inc.columns)]
            for m, k in zip(metrics_i, kinds_i, strict=True)]
    _sheet(wb, L.t("sheet.incremental"), [L.t("xlsx.metric"), L.t("xlsx.label"), L.t("xlsx.unit"),
                                          *(L.option(str(o)) for o in inc.columns)], rows,
           lambda i, j: NUMBER_FORMATS[kinds_i[i - 2]] if j > 3 else None, [26, 30, 10])

    a = assumptions_rows(case, L)
    rows = [[r["path"], _cell_value(r["value"], "number", L), r["unit"], r["source"],
             L.t("tag." + r["tag"]), r["label"], r["description"]] for r in a]
    _sheet(wb, L.t("sheet.assumptions"), [L.t("assumptions." + k) for k in
                                          ("path", "value", "unit", "source", "tag", "label",
                                           "description")], rows,
           [None, "General", None, None, None, None, None], [30, 14, 14, 50, 10, 30, 50],
           wrap=(2, 4, 6, 7))

    for name in case.options:
        short = L.t("option_short." + name) if L.has("option_short." + name) else name
        _table_sheet(wb, L.t("sheet.annual", option=short), annual_table(case, L, name), L,
                     [28, *[16] * 8])
    cur = case.currency
    for name in case.options:
        table = monthly_table(case, name)
        units = monthly_units(case, name)
        cols = list(table.columns)
        fmts: list[str | None] = ["0"]
        for col in cols:
            unit = units.get(col, "")
            fmts.append("0.0%" if unit.startswith("share") else
                        "#,##0.00" if unit.startswith(cur) else
                        "#,##0" if unit == "seats" else  # leased whole (issue 15)
                        "#,##0.0")
        header = [L.t("monthly.month"),
                  *(f"{L.line(c)} [{L.unit(units[c])}]" if units.get(c) else
                    L.line(c) for c in cols)]
        rows = [[m, *r] for m, r in zip(table.index, table.itertuples(index=False), strict=True)]
        short = L.t("option_short." + name) if L.has("option_short." + name) else name
        _sheet(wb, L.t("sheet.monthly", option=short), header, rows, fmts,
               [8, *[14] * len(cols)])

    if report.staffing is not None:
        st = report.staffing
        channels = [c[:-len("_agents")] for c in st.columns if c.endswith("_agents")]
        header = [L.t("xlsx.day"), L.t("staffing.xlabel"), L.t("xlsx.voice_calls"),
                  L.t("xlsx.chat_offered"),
                  *(L.t("xlsx.agents", channel=L.t("channel." + c)) for c in channels)]
        rows = [[L.t("day." + str(r["day"])), r["time"], r["voice_calls"], r["chat_offered"],
                 *(r[f"{c}_agents"] for c in channels)] for _, r in st.iterrows()]
        _sheet(wb, L.t("sheet.staffing"), header, rows,
               [None, None, "#,##0.0", "#,##0.0", *["#,##0.0"] * len(channels)],
               [12, 10, 16, 16, *[16] * len(channels)])
    by_key = {s.key: s for s in report.sections}
    for key, sheet in (("bridge", "sheet.bridge"), ("tornado", "sheet.tornado"),
                       ("breakeven", "sheet.breakeven"), ("montecarlo", "sheet.montecarlo"),
                       ("risks", "sheet.risks"), ("costs", "sheet.costs")):
        section = by_key.get(key)
        tables = [b for b in section.blocks if isinstance(b, Table)] if section else []
        if tables:
            widths = [22, 100] if key == "risks" else [40, 20, 18, 18, 18, 18]
            _table_sheet(wb, L.t(sheet), tables[0], L, widths, wrap=(1, 2))
    if report.risk is not None:
        mc = report.risk.monte_carlo.incremental_npv
        ws = wb[L.t("sheet.montecarlo")[:31]]
        printed = (ws.max_column, ws.max_row)
        col = ws.max_column + 1
        ws.cell(row=1, column=col, value=L.t("xlsx.trial")).font = Font(bold=True)
        for j, o in enumerate(mc.columns, start=1):
            ws.cell(row=1, column=col + j,
                    value=f"{L.t('inc.npv')}: {L.option(str(o))}").font = Font(bold=True)
        for i, row in enumerate(mc.itertuples(index=False), start=2):
            ws.cell(row=i, column=col, value=i - 1)
            for j, v in enumerate(row, start=1):
                c = ws.cell(row=i, column=col + j, value=float(v))
                c.number_format = "#,##0"
        _print_setup(ws, printed[0], rows=printed[1])  # the trials are data, not print
    return wb


@contextlib.contextmanager
def _full_precision() -> Iterator[None]:
    """Store floats in the XLSX with 17 significant digits (round-trip exact).

    openpyxl writes numbers with ``"%.16g"``, which can change the last bit of a double; the
    engine's values must survive the file exactly, so cell values use ``repr`` while saving.
    """
    from openpyxl.cell import _writer

    original = _writer.safe_string

    def exact(value: Any) -> str:
        if isinstance(value, float) and math.isfinite(value):
            return repr(value)
        return original(value)

    _writer.safe_string = exact
    try:
        yield
    finally:
        _writer.safe_string = original


def write_xlsx(case: BusinessCase, report: Report, path: Path) -> Path:
    """Write the workbook of ``report`` to ``path`` (atomically)."""
    wb = workbook(case, report)

    def save(p: Path) -> None:
        with _full_precision():
            wb.save(p)

    return atomic_write(path, save)
