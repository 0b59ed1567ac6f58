"""Business-case report: the CFO one-pager and the detail behind it, in every report language.

``render(case, path, format="html"|"pdf"|"md"|"xlsx", lang="en"|"ru")`` writes one file;
``write_case(case, out_dir, formats, lang=...)`` writes several (the ``roi-models case`` command).
The report only formats and charts values the engine computed; it holds no formulas.

Layers (imports point down only): ``formats`` (HTML/PDF, render, write_case) -> ``markdown``,
``xlsx``, ``files`` -> ``content`` (the report's text and tables, once) -> ``charts``, ``data``
(engine calls for the risk pages) -> ``i18n`` (:func:`~roi_models.report.i18n.format_value`,
:class:`~roi_models.report.i18n.Lang`) -> ``lang/<code>.py`` (one table per language) and
``style`` (options, colours, cost families shared with the dashboard).
"""

from roi_models.report.formats import DEFAULT_FORMATS, FORMATS, RENDER_FORMATS, render, write_case

__all__ = ["DEFAULT_FORMATS", "FORMATS", "RENDER_FORMATS", "render", "write_case"]
