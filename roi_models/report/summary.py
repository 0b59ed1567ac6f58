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

FORMATS: tuple[str, ...] = ("md", "csv", "xlsx")
OPTION_LABELS = {"inhouse": "In-house", "outsourced": "Outsourced", "hybrid": "Hybrid"}

# metric -> (label, kind); kinds drive both the text format and the XLSX number format.
SUMMARY_ROWS: dict[str, tuple[str, str]] = {
    "total_cost": ("Total cost over the horizon", "money"),
    "average_monthly_cost": ("Average monthly cost", "money"),
    "cost_per_contact": ("Cost per handled contact", "money2"),
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
def summary_table(case: BusinessCase, metrics: Sequence[str] = OPTIONS_TABLE
                  ) -> tuple[list[str], list[list[str]]]:
    """Header and formatted rows of the options table (used by the Markdown and the CLI)."""
    s = case.summary()
    header = ["Metric", *(OPTION_LABELS.get(o, o) for o in s.columns)]
    rows = []
    for metric in metrics:
        label, kind = SUMMARY_ROWS[metric]
        rows.append([label, *(format_value(s.loc[metric, o], kind, case.currency)
                              for o in s.columns)])
    return header, rows


def _incremental_rows(case: BusinessCase) -> tuple[list[str], list[list[str]]]:
    inc = case.incremental
    header = ["Versus in-house", *(OPTION_LABELS.get(o, o) for o in inc.columns)]
    rows = []
    for metric in HEADLINE_TABLE:
        label, kind = INCREMENTAL_ROWS[metric]
        if metric == "net_saving":
            label = f"Net saving over {case.scenario['finance.horizon_months']} months"
        rows.append([label, *(format_value(inc.loc[metric, o], kind, case.currency)
                              for o in inc.columns)])
    return header, rows


def _assumptions(case: BusinessCase) -> pd.DataFrame:
    """Registry rows for this scenario: path, value, unit (in its currency), source, tag, description.
    """
    from roi_models.scenario import Scenario

    reg = Scenario.parameters()
    values = case.scenario.values()
    rows = []
    for path, row in reg.iterrows():
        unit = re.sub(r"\bmoney\b", case.currency, str(row["unit"]))  # "money/h" -> "USD/h"
        rows.append({"path": path, "value": values[path], "unit": unit,
                     "source": case.scenario.source_of(str(path)), "tag": row["tag"],
                     "description": row["description"]})
    return pd.DataFrame(rows)


def render_markdown(case: BusinessCase) -> str:
    """The business case as a Markdown document."""
    sc = case.scenario
    cur = case.currency
    rec = case.recommendation
    lines = [f"# Business case: {markdown_escape(sc['scenario.name'])}", ""]
    if sc["scenario.notes"]:
        lines += [markdown_escape(sc["scenario.notes"], block=True), ""]
    lines += [
        f"Preset `{sc.preset_name}` · currency {markdown_escape(cur)} · horizon "
        f"{sc['finance.horizon_months']} months · discount rate "
        f"{format_value(sc['finance.discount_rate'], 'rate')} a year.",
        "",
        "## Recommendation",
        "",
        f"**{markdown_escape(rec.headline)}**",
        "",
        *(f"- {markdown_escape(r)}" for r in rec.reasons),
        "",
        "## Switching versus in-house",
        "",
        "Incremental cash flow = the option's net cash flow minus in-house's: positive means "
        "switching is better.",
        "",
        *_md_table(*_incremental_rows(case)),
        "",
        "## Options",
        "",
        f"Money over the whole horizon in {markdown_escape(cur)}; service figures are "
        "volume-weighted over the horizon.",
        "",
        *_md_table(*summary_table(case)),
        "",
        "## Annual cost by option",
        "",
        "Contract years (year 1 = months 0-11); cost lines that are zero in every year of an "
        "option are left out.",
    ]
    for name, res in case.options.items():
        annual = res.annual
        keep = [c for c in annual.columns
                if c in ("total_cost", "revenue_effect", "net_cash_flow") or annual[c].any()]
        header = ["Line", *(f"Year {y}" for y in annual.index)]
        rows = [[_label(c), *(format_value(annual.loc[y, c], "money", cur) for y in annual.index)]
                for c in keep]
        lines += ["", f"### {OPTION_LABELS.get(name, name)}", "", *_md_table(header, rows)]
    a = _assumptions(case)
    rows = [[f"`{r.path}`", markdown_escape(_plain(r.value)), markdown_escape(r.unit),
             markdown_escape(r.source), markdown_escape(r.tag)] for r in a.itertuples()]
    lines += ["", "## Assumptions", "",
              "Every input of this scenario with its unit and source; tag `estimate` marks our own "
              "estimates — replace them with your figures.", "",
              *_md_table(["Path", "Value", "Unit", "Source", "Tag"], rows,
                         ["l", "r", "l", "l", "l"]), ""]
    return "\n".join(lines)


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


def _write_md(case: BusinessCase, out: Path) -> list[Path]:
    text = render_markdown(case)
    return [_atomic(out / "business_case.md",
                    lambda p: p.write_text(text, encoding="utf-8", newline="\n"))]


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


def _write_xlsx(case: BusinessCase, out: Path) -> list[Path]:
    from openpyxl import Workbook

    cur = case.currency
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = f"Business case: {case.scenario['scenario.name']}"

    s = case.summary()
    metrics = list(s.index)
    kinds = [SUMMARY_ROWS.get(m, (m, "number"))[1] for m in metrics]
    rows = [[m, SUMMARY_ROWS.get(m, (m,))[0], _KIND_UNIT.get(k, "").format(cur=cur),
             *(s.loc[m, o] for o in s.columns)] for m, k in zip(metrics, kinds, strict=True)]
    _sheet(wb, "Summary", ["metric", "label", "unit", *s.columns], rows,
           lambda i, j: _XLSX_FORMATS[kinds[i - 2]] if j > 3 else None, [26, 34, 10])

    inc = case.incremental
    metrics_i = list(inc.index)
    kinds_i = [INCREMENTAL_ROWS.get(m, (m, "number"))[1] for m in metrics_i]
    rows = [[m, INCREMENTAL_ROWS.get(m, (m,))[0], _KIND_UNIT.get(k, "").format(cur=cur),
             *(inc.loc[m, o] for o in inc.columns)]
            for m, k in zip(metrics_i, kinds_i, strict=True)]
    _sheet(wb, "Incremental", ["metric", "label", "unit", *inc.columns], rows,
           lambda i, j: _XLSX_FORMATS[kinds_i[i - 2]] if j > 3 else None, [26, 30, 10])

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
        header = ["month", *(f"{c} [{units[c]}]" if units.get(c) else c for c in cols)]
        rows = [[m, *r] for m, r in zip(table.index, table.itertuples(index=False), strict=True)]
        _sheet(wb, f"Monthly {name}"[:31], header, rows, fmts, [8, *[18] * len(cols)])

    a = _assumptions(case)
    rows = [[r.path, r.value, r.unit, r.source, r.tag, r.description] for r in a.itertuples()]
    _sheet(wb, "Assumptions", ["path", "value", "unit", "source", "tag", "description"], rows,
           [None, "General", None, None, None, None], [38, 16, 14, 60, 10, 60])
    return [_atomic(out / "business_case.xlsx", lambda p: _save(wb, p))]


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


_WRITERS: dict[str, Callable[[BusinessCase, Path], list[Path]]] = {
    "md": _write_md, "csv": _write_csv, "xlsx": _write_xlsx,
}


def write_case(case: BusinessCase, out_dir: str | os.PathLike[str],
               formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write the business case into ``out_dir`` and return the paths written.

    Parameters
    ----------
    case : BusinessCase
        From :func:`roi_models.business_case.evaluate`.
    out_dir : path
        Created if missing.
    formats : sequence of {"md", "csv", "xlsx"}
        ``md``: ``business_case.md``; ``csv``: ``monthly_<option>.csv`` per option (money lines
        joined with drivers, full precision); ``xlsx``: ``business_case.xlsx`` (Summary,
        Incremental, Monthly <option> x3, Assumptions).

    Each file is written atomically (temporary file, then ``os.replace``).
    """
    fmts = [f.strip().lower() for f in formats if f.strip()]
    bad = [f for f in fmts if f not in _WRITERS]
    if bad or not fmts:
        raise InputError(f"formats must be a non-empty list of {', '.join(FORMATS)}, "
                         f"got {', '.join(map(repr, bad or formats)) or 'nothing'}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for f in dict.fromkeys(fmts):
        paths += _WRITERS[f](case, out)
    return paths
