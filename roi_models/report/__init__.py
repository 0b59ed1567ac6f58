"""Business-case report: the CFO one-pager and the detail behind it, in English and Russian.

``render(case, path, format="html"|"pdf"|"md"|"xlsx", lang="en"|"ru")`` writes one file;
``write_case(case, out_dir, formats, lang=...)`` writes several (the ``roi-models case`` command).
The report only formats and charts values the engine computed; it holds no formulas.
"""

from roi_models.report.formats import RENDER_FORMATS, render
from roi_models.report.summary import DEFAULT_FORMATS, FORMATS, write_case

__all__ = ["DEFAULT_FORMATS", "FORMATS", "RENDER_FORMATS", "render", "write_case"]
