"""roi-models: keep the contact center in-house, outsource it, or split it — and what is it worth?

The engine modules (``staffing``, ``finance``, ``scenario``, ``demand``, ``costs``, ``revenue``,
``business_case``, ``risk``) are pure and vectorised; the faces (``excel``, ``widgets``, ``report``,
``cli``) are thin layers over them.

>>> from roi_models import Scenario, evaluate
>>> evaluate(Scenario.default()).recommendation.option in ("inhouse", "outsourced", "hybrid")
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from roi_models._version import __version__
from roi_models.errors import InputError

if TYPE_CHECKING:
    from roi_models.business_case import BusinessCase, evaluate, evaluate_batch
    from roi_models.scenario import Scenario, ScenarioError

__all__ = [
    "BusinessCase",
    "InputError",
    "Scenario",
    "ScenarioError",
    "__version__",
    "evaluate",
    "evaluate_batch",
]

# Imported on first use, so ``import roi_models`` (and ``roi-models --version``) stays light.
_LAZY = {
    "Scenario": "roi_models.scenario",
    "ScenarioError": "roi_models.scenario",
    "BusinessCase": "roi_models.business_case",
    "evaluate": "roi_models.business_case",
    "evaluate_batch": "roi_models.business_case",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'roi_models' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
