"""The options table as plain text rows (the CLI prints it), and names kept for older callers.

New code imports from where each thing lives: :func:`roi_models.report.write_case`,
:func:`roi_models.report.i18n.format_value` (the one formatter, every language),
:func:`roi_models.report.markdown.markdown_escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from roi_models.report.content import OPTIONS_TABLE, SUMMARY_KINDS, summary_value
from roi_models.report.formats import DEFAULT_FORMATS, FORMATS, write_case
from roi_models.report.i18n import Lang, format_value
from roi_models.report.markdown import markdown_escape

if TYPE_CHECKING:
    from roi_models.business_case import BusinessCase

__all__ = ["DEFAULT_FORMATS", "FORMATS", "format_value", "markdown_escape", "render_markdown",
           "summary_table", "write_case"]


def summary_table(case: BusinessCase, metrics: Sequence[str] = OPTIONS_TABLE, lang: str = "en"
                  ) -> tuple[list[str], list[list[str]]]:
    """Header and formatted rows of the options table (the CLI prints it).

    Rows are page 1's options table: the engine's summary metrics (``case.summary()``) and the
    monthly average of the support FTE driver, formatted in ``lang``.
    """
    L = Lang(lang, case.currency, case.baseline)
    s = case.summary()
    header = [L.t("options.metric"), *(L.option(str(o)) for o in s.columns)]
    rows = [[L.t("metric." + m), *(L.fmt(summary_value(case, s, m, str(o)), SUMMARY_KINDS[m])
                                   for o in s.columns)]
            for m in metrics]
    return header, rows


def render_markdown(case: BusinessCase, lang: str = "en", *, risk: object = False) -> str:
    """The business case as a Markdown document (``risk=False``: without the risk pages)."""
    from roi_models.report.content import build
    from roi_models.report.markdown import to_markdown

    return to_markdown(build(case, lang, risk=risk or None, charts=False))  # type: ignore[arg-type]
