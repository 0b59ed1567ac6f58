"""The report as Markdown: the same text and tables for wikis and git (charts are in HTML/PDF).

User text (scenario name, notes) is escaped with backslashes only, never HTML entities, so the
file reads the same as plain text and as rendered Markdown: ``today's`` stays ``today's`` and
``<script>`` becomes ``\\<script\\>`` (CommonMark prints it literally).
"""

from __future__ import annotations

import re
from typing import Any

from roi_models.report.content import Report, Table
from roi_models.report.i18n import Num, Text

__all__ = ["markdown_escape", "to_markdown"]

_MD_SPECIAL = set("\\`*_{}[]|~#!<>&")


def markdown_escape(text: str, *, block: bool = False) -> str:
    """Escape user text for Markdown on one line, with backslashes (no HTML entities).

    Markup characters (and ``<``, ``>``, ``&``, so no HTML can start) get a backslash; newlines
    become spaces. With ``block=True`` (text that starts a line: a paragraph, a list item) a
    leading list or heading marker is escaped too.

    >>> print(markdown_escape("<script>alert(1)</script>"))
    \\<script\\>alert(1)\\</script\\>
    >>> print(markdown_escape("a|b *c* [x](y) today's"))
    a\\|b \\*c\\* \\[x\\](y) today's
    >>> print(markdown_escape("1. not a list", block=True))
    1\\. not a list
    """
    text = " ".join(str(text).split())  # newlines would break tables and headings
    out = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)
    lead = re.match(r"^(\d+)([.)])", out) if block else None
    if lead:
        out = lead.group(1) + "\\" + out[lead.end(1):]
    elif block and out[:1] in ("-", "+", "="):
        out = "\\" + out
    return out


def _cell(c: Any) -> str:
    return markdown_escape(str(c))


def _table(t: Table) -> list[str]:
    numeric_cols = {j for row in t.rows for j, c in enumerate(row) if isinstance(c, Num)}
    align = ["---:" if j in numeric_cols else ":---" for j in range(len(t.header))]
    out = []
    if t.title:
        out += [f"### {_cell(t.title)}", ""]
    out += ["| " + " | ".join(_cell(h) for h in t.header) + " |", "|" + "|".join(align) + "|"]
    for row in t.rows:
        out.append("| " + " | ".join(_cell(c) for c in row) + " |")
    if t.note:
        out += ["", _cell(t.note)]
    return [*out, ""]


def to_markdown(report: Report) -> str:
    """The report as Markdown (text and tables; the charts are in the HTML and PDF)."""
    esc = markdown_escape
    L = report.lang
    lines = [f"# {esc(report.title)}", ""]
    if report.notes:
        lines += [esc(report.notes, block=True), ""]
    lines += [esc(report.meta), "", f"## {esc(L.t('rec.title'))}", "",
              f"**{esc(str(report.headline))}**", ""]
    lines += [f"- {esc(str(r))}" for r in report.reasons]
    lines += ["", f"## {esc(report.kpi_title)}", "",
              "| " + " | ".join(esc(str(lab)) for lab, _ in report.kpis) + " |",
              "|" + "|".join("---:" for _ in report.kpis) + "|",
              "| " + " | ".join(esc(v.text) for _, v in report.kpis) + " |", ""]
    if report.facts:
        lines += [f"## {esc(L.t('facts.title'))}", ""]
        lines += [f"- **{esc(label)}**: {esc(str(text))}" for label, text in report.facts]
        lines += [""]
    lines += [f"## {esc(report.options_table.title)}", ""]
    opt = report.options_table
    lines += _table(Table(opt.key, opt.header, opt.rows, note=opt.note))
    lines += [esc(report.signs), "", esc(L.t("doc.charts_elsewhere")), ""]
    for s in report.sections:
        lines += [f"## {esc(s.title)}", ""]
        for b in s.blocks:
            if isinstance(b, Table):
                lines += _table(b)
            elif isinstance(b, Text):
                lines += [esc(str(b), block=True), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
