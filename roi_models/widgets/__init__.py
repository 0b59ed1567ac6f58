"""Interactive Jupyter dashboard over the business-case engine (needs the ``notebook`` extra).

>>> from roi_models.widgets import Dashboard   # doctest: +SKIP
>>> Dashboard()                                # in a notebook cell  # doctest: +SKIP

The package follows the model / view / wiring split: :mod:`~roi_models.widgets.model` holds state
and engine calls (no widgets), :mod:`~roi_models.widgets.view` the layout, and
:mod:`~roi_models.widgets.wiring` the observers; :mod:`~roi_models.widgets.charts` holds the chart
tables and matplotlib drawing the dashboard and the notebooks share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from roi_models.widgets.wiring import Dashboard

__all__ = ["Dashboard"]


def __getattr__(name: str) -> Any:
    if name == "Dashboard":
        from roi_models.widgets.wiring import Dashboard

        return Dashboard
    raise AttributeError(f"module 'roi_models.widgets' has no attribute {name!r}")
