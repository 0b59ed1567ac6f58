"""Number rules of a report language: separators, the percent sign, currency placement, plurals.

Each language file (:mod:`roi_models.report.lang.en`, :mod:`roi_models.report.lang.ru`) declares
one :class:`NumberRules`; :class:`roi_models.report.i18n.Lang` formats every figure through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["NumberRules", "plural_one_other", "plural_ru"]


def plural_one_other(n: float) -> int:
    """English-style plurals: form 0 for exactly 1, form 1 otherwise.

    >>> plural_one_other(1), plural_one_other(23), plural_one_other(1.5)
    (0, 1, 1)
    """
    return 0 if n == 1 else 1


def plural_ru(n: float) -> int:
    """Russian plurals (CLDR): 0 = one (1, 21, 101), 1 = few (2-4, 22-24), 2 = many; fractions: 1.

    >>> [plural_ru(n) for n in (1, 2, 5, 11, 21, 23, 111, 1.5)]
    [0, 1, 2, 2, 0, 1, 2, 1]
    """
    if n != int(n):
        return 1  # 1,5 оператора (genitive singular), CLDR "other"
    k = abs(int(n))
    if k % 10 == 1 and k % 100 != 11:
        return 0
    if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14:
        return 1
    return 2


@dataclass(frozen=True)
class NumberRules:
    """How one language writes numbers.

    Parameters
    ----------
    name : str
        The language's own name (``"Русский"``).
    group, decimal : str
        Thousands separator and decimal mark (``","`` and ``"."`` in English).
    percent : str
        ``"{n}%"`` or ``"{n}\\u00a0%"``.
    currency_before : frozenset of str
        Currency symbols written before the amount (``$1,234``); others follow it after a
        no-break space (``1 234 ₽``).
    plural : callable
        Number -> index into a ``"form|form|form"`` plural entry of the language's table.
    """

    name: str
    group: str
    decimal: str
    percent: str
    currency_before: frozenset[str]
    plural: Callable[[float], int]
