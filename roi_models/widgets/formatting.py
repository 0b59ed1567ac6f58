"""Every number the dashboard shows goes through here (one place to repoint the formatter).

Today the figures are written by the report's per-language :class:`~roi_models.report.i18n.Lang`
(``$1,234,567``, ``83.3%`` in English; ``1 234 567 ₽``, ``83,3 %`` in Russian). Money is rounded
only here, on display.

>>> from roi_models.report.i18n import Lang
>>> money(Lang("en", "USD"), 7155957.2, short=True), pct(Lang("ru", "RUB"), 0.8)
('$7.2M', '80,0\\xa0%')
"""

from __future__ import annotations

import math
from typing import Any

from roi_models.report.i18n import Lang

__all__ = ["fmt", "is_share", "money", "months", "number", "param_value", "pct",
           "signed_money"]

def is_share(unit: str) -> bool:
    """Whether a registry unit is a share (``share``, ``share/year``, ``share of wage`` ...),
    shown as a percentage."""
    return unit == "share" or unit.startswith(("share ", "share/"))


def money(lang: Lang, x: float, decimals: int = 0, *, short: bool = False) -> str:
    """Money in the language's format (``short``: ``$7.2M``)."""
    return lang.money(x, decimals, short=short)


def signed_money(lang: Lang, x: float, *, short: bool = True) -> str:
    """Money with an explicit sign (``+$7.2M``, ``-$164k``: the minus as the formatter writes
    it)."""
    if x is None or not math.isfinite(x):
        return lang.money(float("nan"))
    text = lang.money(x, short=short)
    return ("+" + text) if x > 0 and not text.startswith("+") else text


def pct(lang: Lang, x: float, decimals: int = 1) -> str:
    """A share as a percentage (``0.8`` -> ``80.0%``)."""
    return lang.pct(x, decimals)


def months(lang: Lang, x: float, decimals: int = 1) -> str:
    return lang.months(x, decimals)


def number(lang: Lang, x: float, decimals: int = 0) -> str:
    if x is None or not math.isfinite(x):
        return lang.t("value.na")
    return lang.number(x, decimals)


def fmt(lang: Lang, value: Any, kind: str) -> str:
    """An engine value by kind (money, money2, short, share, fte, count, months, number)."""
    return lang.fmt(value, kind)


def decimals_for(step: float) -> int:
    """Decimals that show a slider step exactly (0.05 -> 2)."""
    if step <= 0:
        return 2
    return max(0, -math.floor(math.log10(step) + 1e-9))


def param_value(lang: Lang, value: float, unit: str, step: float = 0.0) -> str:
    """An input's value with its unit: shares as %, money with the currency, else a number."""
    if is_share(unit):
        d = max(0, decimals_for(step * 100)) if step else 1
        return lang.pct(value, d)
    d = decimals_for(step) if step else (0 if float(value).is_integer() else 2)
    text = lang.number(value, d)
    u = lang.unit(unit)
    return f"{text}\u00a0{u}" if u else text
