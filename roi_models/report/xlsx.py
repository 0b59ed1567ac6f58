"""The report as an XLSX workbook: one sheet per table, numbers stored as numbers.

Figures keep the engine's full precision (17 significant digits) with a number format for display;
a value the HTML prints as words (a payback that never comes: "never within the horizon") is a text
cell with those words, never an empty cell. Every sheet prints: header row repeated on each page,
fitted to the page width, landscape when it is wide; the Monte Carlo trials are data, outside the
print area. :func:`workbook` describes the sheets as data (:class:`Book`); XlsxWriter writes them
(a write-only writer, several times faster than building openpyxl cells).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
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

__all__ = ["NUMBER_FORMATS", "Book", "Sheet", "workbook", "write_xlsx"]

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


@dataclass
class Sheet:
    """One sheet of the report's workbook, as data: a bold header row, rows of values, the
    Excel number format of each cell and how the sheet prints.

    ``formats(i, j)`` is the number format of the value in row ``i``, column ``j`` (1-based, the
    header is row 1), or None (General); ``wrap`` lists the 1-based columns whose text wraps;
    ``data`` holds columns beside the printed table (the Monte Carlo trials): header, rows and
    each column's number format, outside the print area.
    """

    title: str
    header: list[str]
    rows: list[list[Any]]
    formats: Callable[[int, int], str | None]
    widths: list[int]
    wrap: tuple[int, ...] = ()
    data: tuple[list[str], list[list[float]], list[str | None]] | None = None


@dataclass
class Book:
    """The report's workbook as data (:func:`workbook`); :meth:`save` writes the XLSX."""

    title: str
    sheets: list[Sheet] = field(default_factory=list)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the workbook (XlsxWriter; floats with 17 significant digits, round-trip exact).

        Every sheet prints: header row repeated on each page, fitted to the page width (A4),
        landscape when it has more than six columns; panes frozen below the header and right of
        the first column.
        """
        import xlsxwriter

        wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                             "strings_to_urls": False,
                                             "strings_to_numbers": False})
        try:
            wb.set_properties({"title": self.title})
            styles: dict[tuple[str | None, bool, bool, bool], Any] = {}

            def style(number: str | None, wrap: bool = False, bold: bool = False,
                      top: bool = False) -> Any:
                key = (number, wrap, bold, top)
                if key not in styles:
                    spec: dict[str, Any] = {"num_format": number} if number else {}
                    if wrap:
                        spec["text_wrap"] = True
                    if wrap or top:
                        spec["valign"] = "top"
                    if bold:
                        spec["bold"] = True
                    styles[key] = wb.add_format(spec) if spec else None
                return styles[key]

            for sh in self.sheets:
                _write_sheet(wb.add_worksheet(sh.title, worksheet_class=_exact_sheet()), sh, style)
        finally:
            wb.close()


#: Row height of one line of the default 11-point font, points.
LINE_HEIGHT = 15.0
#: Characters of text per digit of column width (text averages a little narrower than a digit).
CHARS_PER_DIGIT = 1.2


def _lines(texts: Iterable[tuple[str, float]]) -> int:
    """Lines the longest of ``(text, column width)`` wraps to (a column is ``width`` digits wide):
    rows get that height, so wrapped text shows whole on screen and in print (spreadsheets do
    not grow the rows of a file they open)."""
    return max((sum(math.ceil(len(part) / (CHARS_PER_DIGIT * width)) or 1
                    for part in text.split("\n")) for text, width in texts), default=1)


def _write_sheet(ws: Any, sh: Sheet, style: Callable[..., Any]) -> None:
    header = style(None, True, True)
    ncols, nrows = len(sh.header), len(sh.rows) + 1
    widths = [float(sh.widths[j]) if j < len(sh.widths) else 16.0 for j in range(ncols)]
    for j, h in enumerate(sh.header):
        ws.write_string(0, j, str(h), header)
    if (n := _lines((str(h), widths[j]) for j, h in enumerate(sh.header))) > 1:
        ws.set_row(0, LINE_HEIGHT * n)
    wrap = set(sh.wrap)
    top = bool(wrap)  # beside text that wraps, every cell starts at the row's top
    for i, row in enumerate(sh.rows, start=2):
        n = _lines((v, widths[j - 1]) for j, v in enumerate(row, start=1)
                   if j in wrap and isinstance(v, str) and j <= ncols)
        if n > 1:
            ws.set_row(i - 1, LINE_HEIGHT * n)
        for j, v in enumerate(row, start=1):
            if v is None:
                continue
            if hasattr(v, "item"):  # numpy scalar
                v = v.item()
            if isinstance(v, str):  # text starting with "=" stays text, never a formula
                ws.write_string(i - 1, j - 1, v, style(None, j in wrap, top=top))
            elif isinstance(v, bool):
                ws.write_boolean(i - 1, j - 1, v, style(None, top=top))
            else:
                ws.write_number(i - 1, j - 1, v, style(sh.formats(i, j), top=top))
    if sh.data is not None:
        names, values, numbers = sh.data
        fmts = [style(n) for n in numbers]
        for k, name in enumerate(names):
            ws.write_string(0, ncols + k, name, header)
        for i, vrow in enumerate(values, start=1):
            for k, v in enumerate(vrow):
                ws.write_number(i, ncols + k, v, fmts[k])
        ws.print_area(0, 0, nrows - 1, ncols - 1)  # the trials are data, not print
    ws.freeze_panes(1, 1)
    for j in range(ncols):
        ws.set_column(j, j, widths[j])
    ws.repeat_rows(0)
    ws.set_paper(9)  # A4
    if ncols > _WIDE:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)


def _sheet_of(title: str, header: Sequence[str], rows: Iterable[Sequence[Any]],
              formats: Sequence[str | None] | Callable[[int, int], str | None],
              widths: Sequence[int] | None = None, wrap: Sequence[int] = ()) -> Sheet:
    fmt = formats if callable(formats) else (lambda _i, j: formats[j - 1])
    return Sheet(title[:31], [str(h) for h in header], [list(r) for r in rows], fmt,
                 list(widths or [16] * len(header)), tuple(wrap))


def _table_sheet(title: str, table: Table, L: Lang, widths: Sequence[int] | None = None,
                 wrap: Sequence[int] = ()) -> Sheet:
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
    return _sheet_of(title, table.header, rows,
                     lambda i, j: NUMBER_FORMATS.get(kinds.get((i, j), ""), None),
                     widths or [34, *[16] * (len(table.header) - 1)], wrap)


def workbook(case: BusinessCase, report: Report) -> Book:
    """The workbook of a built report: one sheet per table, numbers as numbers.

    Examples
    --------
    >>> from roi_models import Scenario, evaluate
    >>> from roi_models.report.content import build
    >>> case = evaluate(Scenario.default())
    >>> book = workbook(case, build(case, charts=False))
    >>> [s.title for s in book.sheets][:3]
    ['Recommendation', 'Summary', 'Incremental']
    """
    L = report.lang
    sheets: list[Sheet] = []

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
    sheets.append(_sheet_of(
        L.t("sheet.recommendation"), [L.t("xlsx.item"), L.t("xlsx.value")], rows,
        lambda i, j: NUMBER_FORMATS.get(kpi_kinds[i - kpi_start], None)
        if j == 2 and kpi_start <= i < kpi_start + len(kpi_kinds) else None, [34, 100],
        wrap=(1, 2)))

    options = [L.option(str(o)) for o in case.options]
    s = case.summary()
    metrics = list(s.index)
    kinds = [SUMMARY_KINDS.get(m, "number") for m in metrics]
    rows = [[m, L.t("metric." + m) if L.has("metric." + m) else m, L.unit_of_kind(k),
             *(_cell_value(s.loc[m, o], k, L) for o in s.columns)]
            for m, k in zip(metrics, kinds, strict=True)]
    sheets.append(_sheet_of(
        L.t("sheet.summary"), [L.t("xlsx.metric"), L.t("xlsx.label"), L.t("xlsx.unit"), *options],
        rows, lambda i, j: NUMBER_FORMATS[kinds[i - 2]] if j > 3 else None, [26, 34, 10]))

    inc = case.incremental
    metrics_i = list(inc.index)
    kinds_i = [INCREMENTAL_KINDS.get(m, "number") for m in metrics_i]
    months = int(case.scenario["finance.horizon_months"])
    rows = [[m, L.t("inc." + m, months=months) if L.has("inc." + m) else m, L.unit_of_kind(k),
             *(_cell_value(inc.loc[m, o], k, L) for o in inc.columns)]
            for m, k in zip(metrics_i, kinds_i, strict=True)]
    sheets.append(_sheet_of(
        L.t("sheet.incremental"), [L.t("xlsx.metric"), L.t("xlsx.label"), L.t("xlsx.unit"),
                                   *(L.option(str(o)) for o in inc.columns)], rows,
        lambda i, j: NUMBER_FORMATS[kinds_i[i - 2]] if j > 3 else None, [26, 30, 10]))

    a = assumptions_rows(case, L)
    rows = [[r["path"], _cell_value(r["value"], "number", L), r["unit"], r["source"],
             L.t("tag." + r["tag"]), r["label"], r["description"]] for r in a]
    sheets.append(_sheet_of(
        L.t("sheet.assumptions"), [L.t("assumptions." + k) for k in
                                   ("path", "value", "unit", "source", "tag", "label",
                                    "description")], rows,
        [None, "General", None, None, None, None, None], [30, 14, 14, 50, 10, 30, 50],
        wrap=(2, 4, 6, 7)))

    for name in case.options:
        short = L.t("option_short." + name) if L.has("option_short." + name) else name
        sheets.append(_table_sheet(L.t("sheet.annual", option=short),
                                   annual_table(case, L, name), L, [28, *[16] * 8]))
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
        rows = [[m, *r] for m, r in zip(table.index.tolist(), table.itertuples(index=False),
                                        strict=True)]
        short = L.t("option_short." + name) if L.has("option_short." + name) else name
        sheets.append(_sheet_of(L.t("sheet.monthly", option=short), header, rows, fmts,
                                [8, *[14] * len(cols)]))

    if report.staffing is not None:
        st = report.staffing
        channels = [c[:-len("_agents")] for c in st.columns if c.endswith("_agents")]
        header = [L.t("xlsx.day"), L.t("staffing.xlabel"), L.t("xlsx.voice_calls"),
                  L.t("xlsx.chat_offered"),
                  *(L.t("xlsx.agents", channel=L.t("channel." + c)) for c in channels)]
        rows = [[L.t("day." + str(r["day"])), r["time"], r["voice_calls"], r["chat_offered"],
                 *(r[f"{c}_agents"] for c in channels)] for _, r in st.iterrows()]
        sheets.append(_sheet_of(L.t("sheet.staffing"), header, rows,
                                [None, None, "#,##0.0", "#,##0.0", *["#,##0.0"] * len(channels)],
                                [12, 10, 16, 16, *[16] * len(channels)]))
    by_key = {s.key: s for s in report.sections}
    for key, sheet in (("bridge", "sheet.bridge"), ("tornado", "sheet.tornado"),
                       ("breakeven", "sheet.breakeven"), ("montecarlo", "sheet.montecarlo"),
                       ("risks", "sheet.risks"), ("costs", "sheet.costs")):
        section = by_key.get(key)
        tables = [b for b in section.blocks if isinstance(b, Table)] if section else []
        if tables:
            widths = [22, 100] if key == "risks" else [40, 20, 18, 18, 18, 18]
            sheets.append(_table_sheet(L.t(sheet), tables[0], L, widths, wrap=(1, 2)))
            if key == "montecarlo" and report.risk is not None:  # the trials, beside the table
                mc = report.risk.monte_carlo.incremental_npv
                names = [L.t("xlsx.trial"),
                         *(f"{L.t('inc.npv')}: {L.option(str(o))}" for o in mc.columns)]
                values = [[i, *row] for i, row in enumerate(mc.to_numpy().tolist(), start=1)]
                sheets[-1].data = (names, values, [None, *["#,##0"] * len(mc.columns)])
    return Book(report.title, sheets)


def write_xlsx(case: BusinessCase, report: Report, path: Path) -> Path:
    """Write the workbook of ``report`` to ``path`` (atomically)."""
    wb = workbook(case, report)
    return atomic_write(path, wb.save)


_EXACT: Any = None


def _exact_sheet() -> Any:
    """XlsxWriter's worksheet writing floats with ``repr`` (17 significant digits).

    XlsxWriter writes numbers with ``"%.16G"``, which can change the last bit of a double; the
    engine's values must survive the file exactly.
    """
    global _EXACT
    if _EXACT is None:
        from xlsxwriter.worksheet import Worksheet

        class ExactWorksheet(Worksheet):
            def _xml_number_element(self, number: float, attributes: Any = ()) -> None:
                attr = "".join(f' {k}="{self._escape_attributes(v)}"' for k, v in attributes)
                text = (str(number) if isinstance(number, int) else repr(float(number))
                        if math.isfinite(number) else f"{number:.16G}")
                self.fh.write(f"<c{attr}><v>{text}</v></c>")

        _EXACT = ExactWorksheet
    return _EXACT
