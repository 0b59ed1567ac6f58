"""The report's languages: one module per language (``en.py``, ``ru.py``), found by file name.

Each module holds ``RULES`` (:class:`~roi_models.report.lang.rules.NumberRules`) and ``TEXT``
(key -> text). Adding a language is one new file with every key of ``en.py`` (the tests check the
keys and placeholders of every language against English).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import ModuleType

__all__ = ["LANGS", "table"]

_FOUND = sorted(m.name for m in pkgutil.iter_modules(__path__)
                if len(m.name) == 2 and m.name.isalpha())
#: Language codes, English first (the reference table).
LANGS: tuple[str, ...] = ("en", *(c for c in _FOUND if c != "en"))


@cache
def table(code: str) -> ModuleType:
    """The language module of ``code`` (``RULES`` and ``TEXT``)."""
    return importlib.import_module(f"roi_models.report.lang.{code}")
