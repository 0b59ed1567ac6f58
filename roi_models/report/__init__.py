"""Business-case report: thin writers over :func:`roi_models.business_case.evaluate`.

The writers only format values the engine computed; they hold no formulas.
"""

from roi_models.report.summary import FORMATS, write_case

__all__ = ["FORMATS", "write_case"]
