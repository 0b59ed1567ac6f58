"""Write an evaluated business case as Markdown, CSV and XLSX.

A thin face: every number comes from :class:`~roi_models.business_case.BusinessCase`; this module
only chooses labels, orders rows and formats values for people (thousands separators, currency,
shares as %). Money is never rounded in the engine — only here, on display. The CSV and XLSX files
keep full precision (the XLSX applies number formats, the stored values are the engine's).

Every file is written atomically: to a temporary file in the target directory, then
``os.replace``-d over the target, so a failure never leaves half a file behind.

Sign convention (the engine's): cost lines are money spent (positive); ``revenue_effect`` is signed
(positive = revenue kept by service, negative = revenue lost); ``net_cash_flow = revenue_effect -
total_cost`` (cash out negative). Incremental figures are option minus in-house: positive means
switching is better than staying in-house.
"""

from __future__ import annotations

import contextlib
import html
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from roi_models.errors import InputError

if TYPE_CHECKING:
    from roi_models.business_case import BusinessCase

__all__ = [
    "DEFAULT_FORMATS",
    "FORMATS",
    "INCREMENTAL_ROWS",
    "OPTION_LABELS",
    "SUMMARY_ROWS",
    "format_value",
    "markdown_escape",
    "render_markdown",
    "summary_table",
    "write_case",
]

FORMATS: tuple[str, ...] = ("html", "pdf", "md", "xlsx", "csv")
DEFAULT_FORMATS: tuple[str, ...] = ("html", "md", "xlsx", "csv")
OPTION_LABELS = {"inhouse": "In-house", "outsourced": "Outsourced", "hybrid": "Hybrid"}

# metric -> (label, kind); kinds drive both the text format and the XLSX number format.
SUMMARY_ROWS: dict[str, tuple[str, str]] = {
    "total_cost": ("Total cost over the horizon", "money"),
    "average_monthly_cost": ("Average monthly cost", "money"),
    "cost_per_contact": ("Cost per contact (today's demand)", "money2"),
    "npv_cost": ("NPV of cost", "money"),
    "revenue_effect": ("Revenue effect over the horizon", "money"),
    "npv": ("NPV of net cash flow", "money"),
    "inhouse_fte": ("In-house FTE (monthly average)", "fte"),
    "vendor_fte": ("Vendor FTE (monthly average)", "fte"),
    "handled_contacts": ("Handled contacts", "count"),
    "voice_service_level": ("Voice service level", "share"),
    "voice_abandon_rate": ("Voice abandonment", "share"),
    "first_contact_resolution": ("First-contact resolution", "share"),
    "lost_contacts": ("Lost contacts", "count"),
    "one_off_costs": ("One-off costs", "money"),
}
# The rows of the human options table (Markdown and the CLI), in order.
OPTIONS_TABLE: tuple[str, ...] = (
    "total_cost", "cost_per_contact", "inhouse_fte", "vendor_fte", "voice_service_level",
    "voice_abandon_rate", "first_contact_resolution", "revenue_effect", "npv",
)
INCREMENTAL_ROWS: dict[str, tuple[str, str]] = {
    "net_saving": ("Net saving over the horizon", "money"),
    "npv": ("Incremental NPV", "money"),
    "payback_months": ("Payback", "months"),
    "discounted_payback_months": ("Discounted payback", "months"),
    "irr": ("IRR (annual)", "rate"),
    "mirr": ("MIRR (annual, at the discount rate)", "rate"),
    "roi": ("ROI on one-off costs", "rate"),
    "cost_saving": ("Cost saving", "money"),
    "cost_saving_share": ("Cost saving share", "share"),
    "revenue_difference": ("Revenue difference", "money"),
    "one_off_costs": ("One-off (transition) costs", "money"),
}
HEADLINE_TABLE: tuple[str, ...] = (
    "net_saving", "npv", "payback_months", "discounted_payback_months", "irr", "cost_saving_share",
    "revenue_difference", "one_off_costs",
)
_NOT_DEFINED = {"months": "never within the horizon", "rate": "n/a"}
_XLSX_FORMATS = {
    "money": "#,##0", "money2": "#,##0.00", "share": "0.0%", "rate": "0.0%", "fte": "#,##0.0",
    "count": "#,##0", "months": "0.0", "number": "#,##0.00",
}
_KIND_UNIT = {"money": "{cur}", "money2": "{cur}", "share": "share", "rate": "share/year",
              "fte": "FTE", "count": "contacts", "months": "months"}


# ----------------------------------------------------------------------------------- formatting
def _fixed(x: float, decimals: int) -> str:
    text = f"{x:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0"
    return text


def format_value(value: Any, kind: str, currency: str = "") -> str:
    """Format one engine value for people.

    >>> format_value(-24448610.4, "money", "USD")
    '-24,448,610 USD'
    >>> format_value(0.8333, "share"), format_value(float("nan"), "months")
    ('83.3%', 'never within the horizon')
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return _NOT_DEFINED.get(kind, "n/a")
    x = float(value)
    if kind == "money":
        return f"{_fixed(x, 0)} {currency}".strip()
    if kind == "money2":
        return f"{_fixed(x, 2)} {currency}".strip()
    if kind in ("share", "rate"):
        return f"{_fixed(x * 100, 1)}%"
    if kind == "fte":
        return _fixed(x, 1)
    if kind == "count":
        return _fixed(x, 0)
    if kind == "months":
        return f"{_fixed(x, 1)} months"
    return _fixed(x, 2)


def _plain(value: Any) -> str:
    """An input value as text, full precision (the assumptions table)."""
    if isinstance(value, (tuple, list)):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() and abs(value) < 1e15 else f"{value:,}"
    return str(value)


_MD_SPECIAL = set("\\`*_{}[]|~#!<>&")  # <, > and & become HTML entities instead


def markdown_escape(text: str, *, block: bool = False) -> str:
    """Escape user text for Markdown (and the HTML Markdown may contain), on one line.

    Inline markup characters get a backslash, ``<``, ``>``, ``&`` and quotes become HTML
    entities, newlines become spaces. With ``block=True`` (text that starts a line: a paragraph,
    a list item) a leading list or heading marker is escaped too.

    >>> print(markdown_escape("<script>alert(1)</script>"))
    &lt;script&gt;alert(1)&lt;/script&gt;
    >>> print(markdown_escape("a|b *c* [x](y)"))
    a\\|b \\*c\\* \\[x\\](y)
    >>> print(markdown_escape("1. not a list", block=True))
    1\\. not a list
    """
    text = " ".join(str(text).split())  # newlines would break tables and headings
    out = "".join("\\" + ch if ch in _MD_SPECIAL and ch not in "<>&" else ch for ch in text)
    lead = re.match(r"^(\d+)([.)])", out) if block else None
    if lead:
        out = lead.group(1) + "\\" + out[lead.end(1):]
    elif block and out[:1] in ("-", "+", "="):
        out = "\\" + out
    return html.escape(out, quote=True)


def _md_table(header: Sequence[str], rows: Iterable[Sequence[str]],
              align: Sequence[str] | None = None) -> list[str]:
    align = align or ["l", *["r"] * (len(header) - 1)]
    marks = {"l": ":---", "r": "---:"}
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(marks[a] for a in align) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def _label(column: str) -> str:
    return column.replace("_", " ").capitalize()


# ----------------------------------------------------------------------------------- tables
def summary_table(case: BusinessCase, metrics: Sequence[str] = OPTIONS_TABLE, lang: str = "en"
                  ) -> tuple[list[str], list[list[str]]]:
    """Header and formatted rows of the options table (the CLI prints it)."""
    from roi_models.report.i18n import Lang

    L = Lang(lang, case.currency)
    s = case.summary()
    header = [L.t("options.metric"), *(L.option(str(o)) for o in s.columns)]
    rows = [[L.t("metric." + m), *(L.fmt(s.loc[m, o], SUMMARY_ROWS[m][1]) for o in s.columns)]
            for m in metrics]
    return header, rows


def render_markdown(case: BusinessCase, lang: str = "en", *, risk: Any = False) -> str:
    """The business case as a Markdown document (``risk=False``: without the risk pages)."""
    from roi_models.report.content import build
    from roi_models.report.formats import to_markdown

    return to_markdown(build(case, lang, risk=risk or None, charts=False))


def _monthly_table(case: BusinessCase, option: str) -> pd.DataFrame:
    res = case.options[option]
    return res.monthly.join(res.drivers)


def _monthly_units(case: BusinessCase, option: str) -> dict[str, str]:
    res = case.options[option]
    return {**res.monthly.attrs.get("units", {}), **res.drivers.attrs.get("units", {})}


# ----------------------------------------------------------------------------------- writers
def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Write ``path`` through ``write(tmp)`` on a temporary file, then rename it into place."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _write_csv(case: BusinessCase, out: Path) -> list[Path]:
    paths = []
    for name in case.options:
        table = _monthly_table(case, name)
        paths.append(_atomic(out / f"monthly_{name}.csv",
                             lambda p, t=table: t.to_csv(p, index=True, lineterminator="\n")))
    return paths


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return _plain(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None  # Excel has no NaN: a blank cell
    if hasattr(value, "item"):  # numpy scalar
        return _xlsx_value(value.item())
    return value


def _sheet(wb: Any, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]],
           formats: Sequence[str | None] | Callable[[int, int], str | None],
           widths: Sequence[int] | None = None) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    bold = Font(bold=True)
    for j, h in enumerate(header, start=1):
        c = ws.cell(row=1, column=j, value=str(h))
        c.data_type = "s"
        c.font = bold
    for i, row in enumerate(rows, start=2):
        for j, v in enumerate(row, start=1):
            c = ws.cell(row=i, column=j, value=_xlsx_value(v))
            if isinstance(c.value, str):
                c.data_type = "s"  # user text starting with "=" stays text, never a formula
            fmt = formats(i, j) if callable(formats) else formats[j - 1]
            if fmt and isinstance(c.value, (int, float)):
                c.number_format = fmt
    ws.freeze_panes = "B2"
    for j in range(1, len(header) + 1):
        w = widths[j - 1] if widths and j - 1 < len(widths) else 16
        ws.column_dimensions[get_column_letter(j)].width = w


def _table_sheet(wb: Any, title: str, table: Any, widths: Sequence[int] | None = None) -> None:
    """A content :class:`~roi_models.report.content.Table` as a sheet: figures as numbers."""
    from roi_models.report.i18n import Num

    kinds: dict[tuple[int, int], str] = {}
    rows = []
    for i, row in enumerate(table.rows, start=2):
        out = []
        for j, c in enumerate(row, start=1):
            if isinstance(c, Num):
                out.append(c.value)
                kinds[(i, j)] = c.kind
            else:
                out.append(str(c))
        rows.append(out)
    _sheet(wb, title, table.header, rows,
           lambda i, j: _XLSX_FORMATS.get(kinds.get((i, j), ""), None),
           widths or [34, *[16] * (len(table.header) - 1)])


def _xlsx_workbook(case: BusinessCase, report: Any) -> Any:
    """The workbook of a built report: one sheet per table, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from roi_models.report.content import annual_table

    L = report.lang
    cur = case.currency
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = report.title

    # Recommendation: the headline, the reasons, then the KPI cards as numbers
    rows: list[list[Any]] = [[L.t("xlsx.headline"), str(report.headline)]]
    rows += [[L.t("xlsx.reason", n=i), str(r)] for i, r in enumerate(report.reasons, start=1)]
    kpi_start = len(rows) + 2
    kpi_kinds = []
    for label, value in report.kpis:
        rows.append([str(label), value.value if value.value is not None else value.text])
        kpi_kinds.append(value.kind)
    _sheet(wb, L.t("sheet.recommendation"), [L.t("xlsx.item"), L.t("xlsx.value")], rows,
           lambda i, j: _XLSX_FORMATS.get(kpi_kinds[i - kpi_start], None)
           if j == 2 and i >= kpi_start else None, [34, 120])

    options = [L.option(str(o)) for o in case.options]
    s = case.summary()
    metrics = list(s.index)
    kinds = [SUMMARY_ROWS.get(m, (m, "number"))[1] for m in metrics]
    rows = [[m, L.t("metric." + m), L.unit_of_kind(k), *(s.loc[m, o] for o in s.columns)]
            for m, k in zip(metrics, kinds, strict=True)]
    _sheet(wb, L.t("sheet.summary"), [L.t("xlsx.metric"), L.t("xlsx.label"), L.t("xlsx.unit"),
                                      *options], rows,
           lambda i, j: _XLSX_FORMATS[kinds[i - 2]] if j > 3 else None, [26, 34, 10])

    inc = case.incremental
    metrics_i = list(inc.index)
    kinds_i = [INCREMENTAL_ROWS.get(m, (m, "number"))[1] for m in metrics_i]
    months = case.scenario["finance.horizon_months"]
    rows = [[m, L.t("inc." + m, months=months), L.unit_of_kind(k),
             *(inc.loc[m, o] for o in inc.columns)]
            for m, k in zip(metrics_i, kinds_i, strict=True)]
    _sheet(wb, L.t("sheet.incremental"), [L.t("xlsx.metric"), L.t("xlsx.label"), L.t("xlsx.unit"),
                                          *(L.option(str(o)) for o in inc.columns)], rows,
           lambda i, j: _XLSX_FORMATS[kinds_i[i - 2]] if j > 3 else None, [26, 30, 10])

    from roi_models.report.content import assumptions_rows

    a = assumptions_rows(case, L)
    rows = [[r["path"], r["value"], r["unit"], r["source"], L.t("tag." + r["tag"]),
             r["description"]] for r in a]
    _sheet(wb, L.t("sheet.assumptions"), [L.t("assumptions." + k) for k in
                                          ("path", "value", "unit", "source", "tag",
                                           "description")], rows,
           [None, "General", None, None, None, None], [38, 16, 14, 60, 10, 60])

    for name in case.options:
        short = L.t("option_short." + name)
        _table_sheet(wb, L.t("sheet.annual", option=short)[:31], annual_table(case, L, name),
                     [28, *[16] * 8])
    for name in case.options:
        table = _monthly_table(case, name)
        units = _monthly_units(case, name)
        cols = list(table.columns)
        fmts: list[str | None] = ["0"]
        for col in cols:
            unit = units.get(col, "")
            fmts.append("0.0%" if unit == "share" else
                        "0.0000%" if unit == "share/year" else
                        "#,##0.00" if unit.startswith(cur) else "#,##0.0")
        header = [L.t("monthly.month"),
                  *(f"{L.line(c)} [{L.unit(units[c])}]" if units.get(c) else
                    L.line(c) for c in cols)]
        rows = [[m, *r] for m, r in zip(table.index, table.itertuples(index=False), strict=True)]
        _sheet(wb, L.t("sheet.monthly", option=L.t("option_short." + name))[:31], header, rows,
               fmts, [8, *[18] * len(cols)])

    if report.staffing is not None:
        st = report.staffing
        rows = [[L.t("staffing.weekday_calls" if d == "weekday" else "staffing.weekend_calls")
                 .split(",")[0], t, vc, co, va, ca]
                for d, t, vc, co, va, ca in st[["day", "time", "voice_calls", "chat_offered",
                                                "voice_agents", "chat_agents"]].itertuples(
                                                    index=False)]
        _sheet(wb, L.t("sheet.staffing"), [L.t("xlsx.interval"), L.t("staffing.xlabel"),
                                           L.t("xlsx.voice_calls"), L.t("xlsx.chat_offered"),
                                           L.t("xlsx.voice_agents"), L.t("xlsx.chat_agents")],
               rows, [None, None, "#,##0.0", "#,##0.0", "0", "0"], [14, 10, 18, 18, 16, 16])
    by_key = {s.key: s for s in report.sections}
    for key, sheet in (("bridge", "sheet.bridge"), ("tornado", "sheet.tornado"),
                       ("breakeven", "sheet.breakeven"), ("montecarlo", "sheet.montecarlo"),
                       ("risks", "sheet.risks")):
        section = by_key.get(key)
        tables = [b for b in section.blocks if hasattr(b, "rows")] if section else []
        if tables:
            widths = [22, 110] if key == "risks" else [44, 20, 18, 18, 18, 18]
            _table_sheet(wb, L.t(sheet), tables[0], widths)
    if report.risk is not None:
        mc = report.risk.monte_carlo.incremental_npv
        ws = wb[L.t("sheet.montecarlo")]
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


def _save(wb: Any, path: Path) -> None:
    with _full_precision():
        wb.save(path)


def write_case(case: BusinessCase, out_dir: str | os.PathLike[str],
               formats: Sequence[str] = DEFAULT_FORMATS, *, lang: str = "en",
               risk: Any = None, trials: int = 2000) -> list[Path]:
    """Write the business case into ``out_dir`` and return the paths written.

    Parameters
    ----------
    case : BusinessCase
        From :func:`roi_models.business_case.evaluate`.
    out_dir : path
        Created if missing.
    formats : sequence of {"html", "pdf", "md", "xlsx", "csv"}
        ``html``: ``business_case.html`` (self-contained, charts inline); ``pdf``:
        ``business_case.pdf`` (needs the ``pdf`` extra); ``md``: ``business_case.md``; ``xlsx``:
        ``business_case.xlsx`` (one sheet per table); ``csv``: ``monthly_<option>.csv`` per
        option (money lines joined with drivers, full precision, column names as in the engine).
        Default: html, md, xlsx, csv.
    lang : {"en", "ru"}
    risk : RiskPages, optional
        From :func:`roi_models.report.data.analyse_risk`; computed once for all formats when None
        (``trials`` Monte Carlo trials, seed 7); ``False`` leaves the risk pages out.

    Each file is written atomically (temporary file, then ``os.replace``).
    """
    from roi_models.report.content import build
    from roi_models.report.formats import write_report
    from roi_models.report.i18n import LANGS

    fmts = [f.strip().lower() for f in formats if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise InputError(f"formats must be a non-empty list of {', '.join(FORMATS)}, "
                         f"got {', '.join(map(repr, bad or formats)) or 'nothing'}")
    if lang not in LANGS:
        raise InputError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    charts = any(f in ("html", "pdf") for f in fmts)
    drawn: dict[str, str] = {}
    if risk is None and any(f != "csv" for f in fmts):
        from roi_models.report.content import static_charts
        from roi_models.report.data import alternative, analyse_risk

        alt = alternative(case)
        # the other charts are drawn while a worker process finishes the risk pages
        risk = analyse_risk(case.scenario, alt, trials=trials,
                            meanwhile=(lambda: drawn.update(static_charts(case, lang, alt)))
                            if charts else None, chart_lang=lang if charts else None)
        if risk.chart_lang == lang:
            drawn.update(risk.charts)
    report = None
    if any(f != "csv" for f in fmts):  # one build serves every format
        report = build(case, lang, risk=risk or None, charts=charts, drawn=drawn)
    paths: list[Path] = []
    for f in dict.fromkeys(fmts):
        if f == "csv":
            paths += _write_csv(case, out)
        else:
            paths.append(write_report(case, report, out / f"business_case.{f}", f))
    return paths
