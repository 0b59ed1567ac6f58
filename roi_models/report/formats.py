"""Render the report's content as HTML, PDF, Markdown or XLSX.

- HTML: one self-contained file (Jinja2 template, CSS inline, charts as SVG data URIs): no network
  needed to view it; readable on a phone (fluid layout, tables scroll sideways) and printable
  (print CSS: A4, page 1 alone, page numbers).
- PDF: the same HTML laid out by WeasyPrint (``pip install "roi-models[pdf]"``; it needs the Pango
  library, present on most Linux desktops, ``apt-get install libpango-1.0-0 libpangoft2-1.0-0``).
- Markdown (:mod:`roi_models.report.markdown`): the same text and tables for wikis and git.
- XLSX (:mod:`roi_models.report.xlsx`): one sheet per table, numbers stored as numbers.
- CSV (:mod:`roi_models.report.files`): ``monthly_<option>.csv``, engine columns, full precision.

:func:`write_case` writes several formats from one build (the ``roi-models case`` command).
Scenario text (name, notes) is escaped in every format: Jinja2 autoescaping in HTML,
:func:`~roi_models.report.markdown.markdown_escape` in Markdown, string cells in XLSX.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup, escape

from roi_models._version import __version__
from roi_models.errors import InputError
from roi_models.report.content import Chart, Quote, Report, Table, build
from roi_models.report.files import atomic_write, write_monthly_csv
from roi_models.report.i18n import LANGS, Num, Text
from roi_models.report.markdown import to_markdown
from roi_models.report.xlsx import write_xlsx

if TYPE_CHECKING:
    from roi_models.business_case import BusinessCase
    from roi_models.report.data import RiskPages

__all__ = ["DEFAULT_FORMATS", "FORMATS", "RENDER_FORMATS", "render", "requested_formats", "to_html",
           "to_markdown", "to_pdf", "write_case", "write_report"]

RENDER_FORMATS: tuple[str, ...] = ("html", "pdf", "md", "xlsx")
FORMATS: tuple[str, ...] = (*RENDER_FORMATS, "csv")
DEFAULT_FORMATS: tuple[str, ...] = ("html", "md", "xlsx", "csv")

CSS = """
:root { --ink:#1f2933; --muted:#5f6b7a; --line:#d9dee5; --accent:#dd8452; --good:#2f7d4a;
        --card:#f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.45rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .5rem; border-bottom: 1px solid var(--line); }
.meta, .signs, .note { color: var(--muted); font-size: .8rem; }
.notes { font-style: italic; }
.decision { border-left: 4px solid var(--accent); padding: .2rem .9rem; background: #fff8f3; }
.decision h2 { border: 0; margin-top: .4rem; }
.headline { font-size: 1.08rem; font-weight: bold; margin: .3rem 0; }
.reasons { margin: .3rem 0 .5rem; padding-left: 1.1rem; font-size: .9rem; }
.kpis { display: flex; flex-wrap: wrap; gap: .6rem; margin: .4rem 0 .8rem; }
.kpi { flex: 1 1 10rem; background: var(--card); border: 1px solid var(--line);
       border-radius: 6px; padding: .5rem .7rem; }
.kpi-label { color: var(--muted); font-size: .8rem; }
.kpi-value { font-size: 1.3rem; font-weight: bold; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: .25rem .8rem;
           margin: .3rem 0 .8rem; font-size: .9rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.scroll { margin: .3rem 0 .8rem; }
@media screen { .scroll, figure.chart { overflow-x: auto; } }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; }
th { background: var(--card); text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th.hl, td.hl { background: #fff1e6; font-weight: bold; }
.rec-badge { display: inline-block; font-size: .75rem; color: #fff; background: var(--accent);
             border-radius: 3px; padding: 0 .3rem; margin-left: .3rem; font-weight: normal; }
figure.chart { margin: .5rem 0 1rem; }
/* charts are 461 units wide with text >= 10 units: never narrower than 420 px (text >= 9 px) */
figure.chart img { width: 100%; max-width: 42rem; min-width: 420px; height: auto;
                   display: block; }
.toc ol { columns: 2; font-size: .85rem; }
table.t-assumptions td:nth-child(4) { font-size: .8rem; color: var(--muted); }
table.t-assumptions { table-layout: fixed; }
table.t-assumptions th:nth-child(1) { width: 30%; }
table.t-assumptions th:nth-child(2) { width: 19%; }
table.t-assumptions th:nth-child(3) { width: 13%; }
table.t-assumptions th:nth-child(5) { width: 9%; }
table.t-assumptions td:nth-child(2) { overflow-wrap: anywhere; }
@media screen { table.t-assumptions { min-width: 40rem; } }
table.t-assumptions tbody th, table.t-tornado tbody th, table.t-costs tbody th,
table.t-annual tbody th, table.t-monthly tbody th { font-weight: normal; }
@media screen and (max-width: 40rem) {
  body { font-size: 14px; }
  main { padding: .6rem; }
  .toc ol { columns: 1; }
  table { font-size: .8rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .3rem; }
}
@page { size: A4; margin: 14mm 13mm 15mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 7.5pt;
                        color: #5f6b7a; } }
/* print: one type scale in pt — 14 title, 11 headings, 9 text, 8 tables, 7.5 notes */
@media print {
  body { font-size: 9pt; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11pt; break-after: avoid; margin: 8pt 0 4pt; }
  .page1 { break-after: page; }
  .toc { display: none; }
  .section.page-break { break-before: page; }
  .scroll { overflow: visible; margin: 2pt 0 6pt; }
  table, .reasons, dl.facts { font-size: 8pt; }
  .reasons, dl.facts { line-height: 1.25; }
  .meta, .signs, .note, .kpi-label, table.t-assumptions td:nth-child(4), .rec-badge,
  table.t-monthly, table.t-monthly th { font-size: 7.5pt; }
  table.t-monthly td, table.t-monthly th, table.t-assumptions td, table.t-assumptions th {
    padding: 0.8pt 2pt; }
  table.t-assumptions { font-size: 7.5pt; line-height: 1.25; }
  .kpis { display: flex; flex-wrap: wrap; gap: 4pt; margin: 3pt 0 5pt; }
  .kpi { flex: 1 1 38mm; min-width: 0; padding: 3pt 5pt; }
  .kpi-value { white-space: normal; font-size: 11pt; }
  th, td { padding: 1.5pt 3pt; }
  thead { display: table-header-group; }
  tr, figure.chart, .kpi, .keep, dl.facts dd { break-inside: avoid; }
  figure.chart { margin: 3pt 0 6pt; }
  figure.chart img { width: 163mm; min-width: 0; max-width: 100%; }
  .headline { font-size: 9pt; }
  p { margin: 3pt 0; }
  .decision { padding: 1pt 6pt; }
  dl.facts { grid-template-columns: 36mm 1fr; gap: 1.5pt 6pt; margin: 3pt 0 5pt; }
}
"""


def requested_formats(formats: Sequence[str],
                      allowed: Sequence[str] = FORMATS) -> tuple[list[str], list[str]]:
    """The formats asked for, trimmed and lower-cased, and those of them not in ``allowed``.

    >>> requested_formats([" HTML", "md", "", "docx"])
    (['html', 'md', 'docx'], ['docx'])
    """
    wanted = [f.strip().lower() for f in formats if f.strip()]
    return wanted, [f for f in wanted if f not in allowed]


# ------------------------------------------------------------------------------------- HTML
def _num_html(n: Num) -> Markup:
    value = "nan" if n.value is None else repr(float(n.value))
    return Markup('<span class="num" data-key="{}" data-kind="{}" data-value="{}">{}</span>').format(
        n.key, n.kind, value, n.text)


def _rich(text: Text | str) -> Markup:
    if isinstance(text, str):
        return escape(text)
    return Markup("").join(_num_html(p) if isinstance(p, Num) else escape(p) for p in text)


def _table_html(t: Table, section: str, rec_label: str = "") -> Markup:
    kind = t.key.split("_")[0]
    cls = f"t-{kind}"
    out = [Markup('<div class="scroll"><table class="{}" id="table-{}">').format(cls, t.key)]
    if t.title:
        out.append(Markup("<caption>{}</caption>").format(t.title))
    out.append(Markup("<thead><tr>"))
    numeric_cols = {j for row in t.rows for j, c in enumerate(row) if isinstance(c, Num)}
    for j, h in enumerate(t.header):
        classes = " ".join(c for c in ("num" if j in numeric_cols else "",
                                       "hl" if j == t.highlight else "") if c)
        badge = (Markup('<span class="rec-badge">{}</span>').format(rec_label)
                 if j == t.highlight and rec_label else Markup(""))
        out.append(Markup('<th scope="col" class="{}">{}{}</th>').format(classes, h, badge))
    out.append(Markup("</tr></thead><tbody>"))
    for row in t.rows:
        out.append(Markup("<tr>"))
        for j, c in enumerate(row):
            hl = " hl" if j == t.highlight else ""
            if isinstance(c, Num):
                out.append(Markup('<td class="num{}">{}</td>').format(hl, _num_html(c)))
            elif j == 0:
                out.append(Markup('<th scope="row">{}</th>').format(c))
            elif isinstance(c, Quote):  # a citation, in its own language
                out.append(Markup('<td class="{}"><span lang="{}">{}</span></td>').format(
                    hl.strip(), c.lang, c))
            else:
                out.append(Markup('<td class="{}">{}</td>').format(hl.strip(), c))
        out.append(Markup("</tr>"))
    out.append(Markup("</tbody></table></div>"))
    if t.note:
        out.append(Markup('<p class="note">{}</p>').format(t.note))
    return Markup("").join(out)


def _svg_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _block_kind(b: Any) -> str:
    return "table" if isinstance(b, Table) else "chart" if isinstance(b, Chart) else "text"


def to_html(report: Report) -> str:
    """The report as one self-contained HTML page."""
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    source = resources.files("roi_models.report").joinpath("templates", "report.html.j2")
    template = env.from_string(source.read_text(encoding="utf-8"))
    rec_label = report.lang.t("options.recommended")

    def table(t: Table, section: str) -> Markup:
        return _table_html(t, section, rec_label)

    return template.render(r=report, t=report.lang.t, rich=_rich, num=_num_html, table=table,
                           svg_uri=_svg_uri, kind=_block_kind, css=Markup(CSS),
                           version=__version__)


def to_pdf(report: Report, path: Path) -> None:
    """The report's HTML laid out as an A4 PDF by WeasyPrint."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the Pango library is missing
        raise InputError(
            "the PDF format needs WeasyPrint and the Pango library: pip install "
            "\"roi-models[pdf]\" (and on Debian/Ubuntu: apt-get install libpango-1.0-0 "
            f"libpangoft2-1.0-0 fonts-dejavu-core); {type(exc).__name__}: {exc}") from None
    html = to_html(report)
    doc = weasyprint.HTML(string=html, base_url=None)
    doc.write_pdf(path)


# ------------------------------------------------------------------------------------- render
def _check(fmt: str, lang: str) -> None:
    if fmt not in RENDER_FORMATS:
        raise InputError(f"format must be one of {', '.join(RENDER_FORMATS)}, got {fmt!r}")
    if lang not in LANGS:
        raise InputError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")


def render(case: BusinessCase, path: str | os.PathLike[str],
           format: Literal["html", "pdf", "md", "xlsx"] = "html",
           lang: str = "en", *,
           risk: RiskPages | Literal[False] | None = None) -> Path:
    """Write the business-case report of ``case`` to ``path`` and return the path.

    Parameters
    ----------
    case : BusinessCase
        From :func:`roi_models.evaluate`.
    path : path
        The file to write (its directory must exist); written atomically.
    format : {"html", "pdf", "md", "xlsx"}
    lang : str
        One of :data:`~roi_models.report.i18n.LANGS` ("en", "ru").
    risk : RiskPages, optional
        Risk pages from :func:`roi_models.report.data.analyse_risk`; computed when None (tornado,
        break-evens, 2,000 Monte Carlo trials with seed 7); ``False`` leaves them out.
    """
    from roi_models.report.data import alternative, analyse_risk

    _check(format, lang)
    if risk is None:
        risk = analyse_risk(case.scenario, alternative(case))
    report = build(case, lang, risk=risk or None, charts=format in ("html", "pdf"))
    return write_report(case, report, path, format)


def write_report(case: BusinessCase, report: Report, path: str | os.PathLike[str],
                 format: str) -> Path:
    """Write a built :class:`Report` in one format (atomically) and return the path."""
    target = Path(path)
    if format == "html":
        text = to_html(report)
        return atomic_write(target, lambda p: p.write_text(text, encoding="utf-8", newline="\n"))
    if format == "md":
        text = to_markdown(report)
        return atomic_write(target, lambda p: p.write_text(text, encoding="utf-8", newline="\n"))
    if format == "pdf":
        return atomic_write(target, lambda p: to_pdf(report, p))
    return write_xlsx(case, report, target)


def write_case(case: BusinessCase, out_dir: str | os.PathLike[str],
               formats: Sequence[str] = DEFAULT_FORMATS, *, lang: str = "en",
               risk: RiskPages | Literal[False] | None = None, trials: int = 2000) -> list[Path]:
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
    lang : str
        One of :data:`~roi_models.report.i18n.LANGS` ("en", "ru").
    risk : RiskPages, optional
        From :func:`roi_models.report.data.analyse_risk`; computed once for all formats when None
        (``trials`` Monte Carlo trials, seed 7); ``False`` leaves the risk pages out.

    Each file is written atomically (temporary file, then ``os.replace``).

    Examples
    --------
    >>> from roi_models import Scenario, evaluate
    >>> import tempfile
    >>> paths = write_case(evaluate(Scenario.default()), tempfile.mkdtemp(), ["md"], risk=False)
    >>> [p.name for p in paths]
    ['business_case.md']
    """
    from roi_models.report.content import static_charts
    from roi_models.report.data import alternative, analyse_risk

    fmts, bad = requested_formats(formats)
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
        alt = alternative(case)
        # the other charts are drawn while a worker process finishes the risk pages
        risk = analyse_risk(case.scenario, alt, trials=trials,
                            meanwhile=(lambda tor: drawn.update(static_charts(case, lang, alt, tor)))
                            if charts else None, chart_lang=lang if charts else None)
        if risk.chart_lang == lang:
            drawn.update(risk.charts)
    report = None
    if any(f != "csv" for f in fmts):  # one build serves every format
        report = build(case, lang, risk=risk or None, charts=charts, drawn=drawn)
    paths: list[Path] = []
    for f in dict.fromkeys(fmts):
        if f == "csv":
            paths += write_monthly_csv(case, out)
        else:
            assert report is not None
            paths.append(write_report(case, report, out / f"business_case.{f}", f))
    return paths
