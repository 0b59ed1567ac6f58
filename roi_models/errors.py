"""Errors raised by the engine.

Structural mistakes in the inputs (a negative call volume, an AHT of zero, a share of 80 instead of
0.8, an unknown pricing model) raise :class:`InputError`, whose message names the argument, the value
and the accepted range, e.g. ``aht must be > 0 seconds, got 0``. Element-wise impossibilities inside
an array (an unstable queue, no real IRR) are not errors: they become NaN/inf in that element.
"""

from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """A structurally invalid input, with a message that says what to fix.

    Examples
    --------
    >>> raise InputError("aht must be > 0 seconds, got 0")
    Traceback (most recent call last):
    ...
    roi_models.errors.InputError: aht must be > 0 seconds, got 0
    """
