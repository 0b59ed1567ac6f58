"""Errors raised by the engine.

Structural mistakes in the inputs (a negative call volume, an AHT of zero, a share of 80 instead of
0.8, an unknown pricing model) raise :class:`InputError`, whose message names the argument, the value
and the accepted range, e.g. ``aht must be > 0 seconds, got 0``. Element-wise impossibilities inside
an array (an unstable queue, no real IRR) are not errors: they become NaN/inf in that element.
"""

from __future__ import annotations

__all__ = ["InputError", "ProblemsError"]


class InputError(ValueError):
    """A structurally invalid input, with a message that says what to fix.

    Examples
    --------
    >>> raise InputError("aht must be > 0 seconds, got 0")
    Traceback (most recent call last):
    ...
    roi_models.errors.InputError: aht must be > 0 seconds, got 0
    """


class ProblemsError(InputError):
    """Every problem of one file or object at once; ``problems`` lists each, one line apiece.

    Subclasses name what was read in :attr:`subject` (``"bids"``: ``2 problems in bids
    'bids.csv':`` then one ``  - ...`` line per problem).

    Examples
    --------
    >>> str(ProblemsError(["a: must be > 0, got -1"], "x.yaml"))
    "1 problem in 'x.yaml':\\n  - a: must be > 0, got -1"
    """

    subject = ""

    def __init__(self, problems: list[str], origin: str = "") -> None:
        self.problems = list(problems)
        what = f"{self.subject} " if self.subject else ""
        where = f" in {what}{origin!r}" if origin else ""
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''}{where}:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))
