"""What Excel sends -> what the engine takes, and back. No formulas here: only parsing and shapes.

Excel (through xlwings on Windows, or xlwings Lite in the browser) passes a single cell as a
number, text, bool or ``None`` (blank), a one-row or one-column range as a list and a block as a
list of lists; xlwings' converters do not run when the functions are called from Python, so each
UDF normalises its own arguments with these helpers. Problems raise :class:`ExcelArgError`
(``#VALUE!``), :class:`NumError` (``#NUM!``) or :class:`NotAvailable` (``#N/A``), whose message
starts with the argument's name; :func:`udf` turns any error into what the host can show (see
:data:`ERRORS`), so no traceback and no Python exception text ever reaches a cell.

Errors in a cell
----------------
- **xlwings Lite / xlwings Server** (``ERRORS = "excel"``): the function returns the bare error
  code (``"#VALUE!"``, ``"#NUM!"``, ``"#N/A"``), which xlwings' Office.js converter turns into a
  real Excel error (``ISERROR``/``IFERROR`` see it, a spilled block fills with the error);
  ``=CC_LASTERROR()`` shows the one-line reason.
- **Classic xlwings add-in** (Windows, ``ERRORS = "text"``): xlwings has no way to return an error
  value from a UDF (xlwings issue #776), so the cell gets one line of text such as
  ``#VALUE! CC_AGENTS: aht must be > 0 seconds, got 0``; ``CC_LASTERROR()`` shows it too.

The mode follows the host (``sys.platform == "emscripten"`` or ``XLWINGS_ON_SERVER=true`` ->
``"excel"``), and the environment variable ``ROI_MODELS_EXCEL_ERRORS`` (``text`` / ``excel``)
overrides it.
"""

from __future__ import annotations

import collections
import difflib
import functools
import logging
import math
import os
import sys
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from roi_models.errors import InputError
from roi_models.excel.registry import CATEGORY, FUNCTIONS

try:  # xlwings is optional: without it (Linux, tests) the decorators do nothing
    import xlwings as _xw

    _func, _arg = _xw.func, _xw.arg
except ImportError:  # pragma: no cover - depends on the environment
    def _func(f: Any = None, **_: Any) -> Any:
        return f if f is not None else (lambda g: g)

    def _arg(*_: Any, **__: Any) -> Any:
        return lambda g: g

_log = logging.getLogger("roi_models.excel")

REQUIRED: Any = object()
#: Largest magnitude accepted for any number (Excel shows 15 significant digits; anything larger
#: is a typing slip, and would overflow the engine's integer agent counts).
LARGEST = 1e15
OPTIONS = ("inhouse", "outsourced", "hybrid")
#: What CC_PAYBACK shows when cumulative cash never reaches 0 inside the horizon.
NEVER = "never within the horizon"
#: Excel error codes a function can return.
VALUE, NUM, NA = "#VALUE!", "#NUM!", "#N/A"


def _error_mode() -> str:
    forced = os.environ.get("ROI_MODELS_EXCEL_ERRORS", "").strip().lower()
    if forced in ("text", "excel"):
        return forced
    if sys.platform == "emscripten" or os.environ.get("XLWINGS_ON_SERVER") == "true":
        return "excel"
    return "text"


#: ``"excel"``: return the bare error code (a real Excel error in xlwings Lite / Server);
#: ``"text"``: return ``"#VALUE! CC_NAME: reason"`` (classic xlwings cannot return error values).
ERRORS = _error_mode()
#: The latest error reasons, newest first (``CC_LASTERROR``).
LAST_ERRORS: collections.deque[str] = collections.deque(maxlen=20)


class ExcelArgError(InputError):
    """An argument Excel sent that the function cannot use; the message names the argument."""

    code = VALUE


class NumError(ExcelArgError):
    """The arguments are valid but the result is not a finite number (``#NUM!``)."""

    code = NUM


class NotAvailable(ExcelArgError):
    """There is no answer for these arguments, e.g. no break-even in the range (``#N/A``)."""

    code = NA


def _one_line(exc: BaseException) -> str:
    lines = [line.strip(" -") for line in str(exc).splitlines() if line.strip()]
    return "; ".join(lines).replace(":; ", ": ")


def error_cell(fn: str, code: str, reason: str) -> str:
    """The cell value of an error: the code alone (``ERRORS == "excel"``) or code + reason."""
    LAST_ERRORS.appendleft(f"{code} {fn}: {reason}")
    if ERRORS == "excel":
        return code
    return f"{code} {fn}: {reason}"


def _arity(spec: Any, n: int) -> str | None:
    need = sum(1 for a in spec.args if not a.optional)
    top = len(spec.args)
    if need <= n <= top:
        return None
    names = ", ".join(a.name for a in spec.args) or "none"
    many = f"{need}" if need == top else f"{need} to {top}"
    return f"takes {many} argument{'s' if top != 1 else ''} ({names}), got {n}"


def udf(fn: Callable[..., Any] | None = None, *, volatile: bool = False) -> Any:
    """Make ``fn`` an Excel function: registry docs, xlwings metadata, errors as Excel shows them."""
    if fn is None:
        return lambda f: udf(f, volatile=volatile)
    spec = FUNCTIONS[fn.__name__]
    low, high = sum(1 for a in spec.args if not a.optional), len(spec.args)

    @functools.wraps(fn)
    def call(*args: Any) -> Any:
        if not low <= len(args) <= high:
            return error_cell(spec.name, VALUE, _arity(spec, len(args)) or "")
        try:
            return fn(*args)
        except InputError as exc:
            return error_cell(spec.name, getattr(exc, "code", VALUE), _one_line(exc))
        except (ZeroDivisionError, OverflowError, FloatingPointError):
            return error_cell(spec.name, NUM, "no finite result for these arguments")
        except Exception:  # never a traceback in a cell: the details go to the log
            _log.exception("%s failed", spec.name)
            if any(_has_error_value(a) for a in args):
                return error_cell(spec.name, VALUE, "an argument holds an error value")
            return error_cell(spec.name, VALUE, "these arguments could not be used; check each "
                              "one against the function's description (=CC_VERSION() for the "
                              "version to report)")

    call.__doc__ = spec.doc
    for a in reversed(spec.args):
        call = _arg(a.name, doc=a.doc)(call)
    kwargs: dict[str, Any] = {"category": CATEGORY}
    if volatile:
        kwargs["volatile"] = True
    return _func(**kwargs)(call)


def _has_error_value(x: Any) -> bool:
    if isinstance(x, (list, tuple)):
        return any(_has_error_value(v) for v in x)
    return isinstance(x, str) and x.strip().upper() in ("#VALUE!", "#NUM!", "#N/A", "#DIV/0!",
                                                         "#REF!", "#NAME?", "#NULL!")


# ------------------------------------------------------------------------------------- inputs
def _unwrap(x: Any) -> Any:
    """A 1x1 range (``[v]`` or ``[[v]]``) is its one value."""
    while isinstance(x, (list, tuple)) and len(x) == 1:
        x = x[0]
    if isinstance(x, np.ndarray) and x.size == 1:
        x = x.reshape(-1)[0]
    if isinstance(x, np.generic):
        x = x.item()
    return x


def _count(x: Any) -> int:
    if isinstance(x, (list, tuple)):
        return sum(_count(v) for v in x)
    return int(np.size(x))


def _blank(x: Any) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())


def _parse(name: str, x: Any) -> float:
    """One cell -> float (numbers, numeric text, "80%"); anything else raises."""
    if isinstance(x, bool):
        raise ExcelArgError(f"{name} must be a number, got {str(x).upper()}")
    if isinstance(x, (int, float)):
        f = float(x)
    elif isinstance(x, str):
        t = x.strip().replace("\u00a0", "").replace(" ", "")
        scale = 1.0
        if t.endswith("%"):
            t, scale = t[:-1], 0.01
        try:
            f = float(t) * scale
        except ValueError:
            raise ExcelArgError(f"{name} must be a number, got text {x!r}") from None
    else:
        raise ExcelArgError(f"{name} must be a number, got {type(x).__name__}")
    if not math.isfinite(f):
        raise ExcelArgError(f"{name} must be a finite number, got {f}")
    if abs(f) > LARGEST:
        raise ExcelArgError(f"{name} is out of range: at most {LARGEST:g} in size, got {f:g}")
    return f


def number(name: str, x: Any, default: Any = REQUIRED) -> Any:
    """A single number; a blank gives ``default`` (required when no default)."""
    x = _unwrap(x)
    if _blank(x):
        if default is REQUIRED:
            raise ExcelArgError(f"{name} is required, got a blank cell")
        return default
    if isinstance(x, (list, tuple, np.ndarray)):
        raise ExcelArgError(f"{name} must be a single number, got a range of {_count(x)} cells")
    return _parse(name, x)


def numbers(name: str, x: Any, blank: Any = REQUIRED, default: Any = REQUIRED) -> Any:
    """A number, a 1-D list or a 2-D list -> float (or ndarray of the same layout).

    Blank cells inside a range become ``blank`` (an error when not given); an entirely blank
    argument gives ``default``.
    """
    if isinstance(x, np.ndarray):
        x = x.tolist()
    if isinstance(x, list) and len(x) > 1:  # fast path: a clean range of numbers
        try:
            arr = np.array(x, dtype=float)
        except (TypeError, ValueError):
            arr = None
        if arr is not None and arr.ndim <= 2 and arr.size and np.isfinite(arr).all() \
                and np.abs(arr).max() <= LARGEST and not _has_bool(x):
            return arr
    if isinstance(x, (list, tuple)) and not ((len(x) == 1 and not isinstance(x[0], (list, tuple)))
                                             or (len(x) == 1 and len(x[0]) == 1)):
        rows = [list(r) if isinstance(r, (list, tuple)) else r for r in x]
        if not rows:
            raise ExcelArgError(f"{name} must not be an empty range")
        nested = [isinstance(r, list) for r in rows]
        if any(nested) and not all(nested):
            raise ExcelArgError(f"{name} must be a rectangular range")
        if all(nested):
            width = {len(r) for r in rows}
            if len(width) != 1 or 0 in width:
                raise ExcelArgError(f"{name} must be a rectangular range")
            flat = [v for r in rows for v in r]
            shape: tuple[int, ...] = (len(rows), width.pop())
        else:
            flat, shape = rows, (len(rows),)
        out = np.empty(len(flat))
        for i, v in enumerate(flat):
            v = _unwrap(v)
            if _blank(v):
                if blank is REQUIRED:
                    raise ExcelArgError(f"{name} has a blank cell (item {i + 1})")
                out[i] = blank
            elif isinstance(v, (list, tuple)):
                raise ExcelArgError(f"{name} must be at most two-dimensional")
            else:
                out[i] = _parse(name, v)
        return out.reshape(shape)
    return number(name, x, default)


def series(name: str, x: Any) -> np.ndarray:
    """A row, a column or a single cell of monthly numbers -> 1-D array, month 0 first.

    Blank cells before the first and after the last number are skipped (a range drawn wider than
    the months); a blank between two months is a month with no cash (0), so later months keep
    their place in the discounting.
    """
    arr = np.asarray(numbers(name, x, blank=np.nan), dtype=float).reshape(-1)
    filled = np.flatnonzero(~np.isnan(arr))
    if not filled.size:
        raise ExcelArgError(f"{name} has no numbers, only blank cells")
    arr = arr[filled[0]:filled[-1] + 1]
    return np.where(np.isnan(arr), 0.0, arr)


class Blanked:
    """An element-wise result with blank cells where an input cell was blank."""

    def __init__(self, values: np.ndarray, blank: np.ndarray) -> None:
        self.values, self.blank = values, blank


def elementwise(compute: Callable[..., Any], **args: Any) -> Any:
    """Call ``compute(**numbers)`` cell by cell: a blank input cell gives a blank output cell.

    Each argument is a number or a range; every range must hold the same number of cells (the
    result takes the layout of the first block, a list spills as a column), or one error names
    them. Blank cells are left out of the engine call and come back blank.
    """
    vals = {k: numbers(k, v, blank=np.nan) for k, v in args.items()}
    arrays = {k: v for k, v in vals.items() if isinstance(v, np.ndarray)}
    if not arrays:
        return compute(**vals)
    sizes = {k: v.size for k, v in arrays.items()}
    if len(set(sizes.values())) > 1:
        parts = ", ".join(f"{k} has {n} cell{'s' if n != 1 else ''}" for k, n in sizes.items())
        raise ExcelArgError(f"ranges of different sizes: {parts}; give ranges of the same size "
                            "or a single cell")
    shape = next((v.shape for v in arrays.values() if v.ndim == 2), next(iter(arrays.values())).shape)
    flat = {k: (v.reshape(-1) if isinstance(v, np.ndarray) else v) for k, v in vals.items()}
    blank = np.zeros(int(np.prod(shape)), dtype=bool)
    for k in arrays:
        blank |= np.isnan(flat[k])
    if not blank.any():
        return np.asarray(compute(**flat)).reshape(shape)
    out = np.full(blank.shape, np.nan)
    if not blank.all():
        ok = ~blank
        sub = {k: (v[ok] if isinstance(v, np.ndarray) else v) for k, v in flat.items()}
        out[ok] = np.asarray(compute(**sub), dtype=float).reshape(-1)
    return Blanked(out.reshape(shape), blank.reshape(shape))


def _has_bool(x: list[Any]) -> bool:
    return any(isinstance(v, bool) or (isinstance(v, list) and any(isinstance(w, bool) for w in v))
               for v in x)


def text(name: str, x: Any, default: Any = REQUIRED) -> Any:
    x = _unwrap(x)
    if _blank(x):
        if default is REQUIRED:
            raise ExcelArgError(f"{name} is required, got a blank cell")
        return default
    if not isinstance(x, str):
        raise ExcelArgError(f"{name} must be text, got {x!r}")
    return x.strip()


def choice(name: str, x: Any, allowed: Sequence[str], default: Any = REQUIRED) -> Any:
    v = text(name, x, default)
    if v is default and default is not REQUIRED:
        return v
    if v.lower() not in allowed:
        raise ExcelArgError(f"{name} must be one of {', '.join(allowed)}, got {v!r}")
    return v.lower()


def option(name: str, x: Any, allowed: Sequence[str] = OPTIONS, default: Any = REQUIRED) -> Any:
    return choice(name, x, allowed, default)


def flag(name: str, x: Any, default: bool = False) -> bool:
    x = _unwrap(x)
    if _blank(x):
        return default
    if isinstance(x, bool):
        return x
    if isinstance(x, (int, float)) and x in (0, 1):
        return bool(x)
    if isinstance(x, str) and x.strip().upper() in ("TRUE", "FALSE"):
        return x.strip().upper() == "TRUE"
    raise ExcelArgError(f"{name} must be TRUE or FALSE, got {x!r}")


# ------------------------------------------------------------------------------------ results
def _cell(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return NUM  # one cell of a spilled result: a real #NUM! in xlwings Lite
    return v


def result(fn: str, value: Any, nan: str | None = None) -> Any:
    """Engine result -> a cell value (scalar) or a 2-D list (spills; a 1-D result is a column).

    A scalar NaN becomes ``nan`` when given (a plain answer such as "never"), else a ``#NUM!``
    error; in an array, a non-finite element is ``#NUM!`` and a blank input gives a blank.
    """
    if isinstance(value, Blanked):
        vals = [None if b else _cell(v) for v, b in zip(value.values.reshape(-1).tolist(),
                                                       value.blank.reshape(-1).tolist(),
                                                       strict=True)]
        if value.values.ndim == 1:
            return [[v] for v in vals]
        width = value.values.shape[1]
        return [vals[i:i + width] for i in range(0, len(vals), width)]
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if nan is not None and value != value:
            return nan
        if isinstance(value, float) and not math.isfinite(value):
            what = "infinite (the queue is unstable)" if math.isinf(value) else "undefined"
            raise NumError(f"the result is {what} for these arguments")
        return value
    arr = np.asarray(value)
    if arr.ndim == 0:
        return result(fn, arr.item(), nan)
    if arr.ndim == 1:
        return [[_cell(v)] for v in arr.tolist()]
    return [[_cell(v) for v in row] for row in arr.tolist()]


def table(header: Sequence[Any], rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """A header row and data rows -> 2-D list with plain Python values."""
    out = [list(header)]
    for r in rows:
        out.append([_cell(v.item() if isinstance(v, np.generic) else v) for v in r])
    return out


def frame(df: Any, corner: str, across: bool = False) -> list[list[Any]]:
    """A DataFrame -> 2-D list with headers; ``across`` puts the index across the columns."""
    if across:
        df = df.T
        return table([corner, *df.columns.tolist()],
                     [[name, *row] for name, row in zip(df.index, df.to_numpy().tolist(),
                                                          strict=True)])
    return table([corner, *df.columns.tolist()],
                 [[i, *row] for i, row in zip(df.index.tolist(), df.to_numpy().tolist(),
                                              strict=True)])


# ----------------------------------------------------------------------- scenario from a range
def _rows(name: str, x: Any) -> list[list[Any]]:
    if _blank(_unwrap(x)):
        return []
    if not isinstance(x, (list, tuple, np.ndarray)):
        raise ExcelArgError(f"{name} must be a two-column range of (path, value), got one cell")
    rows = [list(r) if isinstance(r, (list, tuple, np.ndarray)) else r for r in x]
    if rows and not isinstance(rows[0], list):  # a single row arrives as a flat list
        rows = [rows]
    if any(not isinstance(r, list) or len(r) < 2 for r in rows):
        raise ExcelArgError(f"{name} must be a two-column range of (path, value)")
    return rows


def overrides(name: str, x: Any) -> tuple[tuple[str, Any], ...]:
    """A (path, value) range -> hashable overrides; blank paths and blank values are skipped.

    Numeric text becomes a number; a vector input may be written as ``"1.1, 1.0, 0.9"``.
    """
    from roi_models.parameters import registry

    reg = registry()
    out: dict[str, Any] = {}
    for i, row in enumerate(_rows(name, x)):
        path, value = _unwrap(row[0]), _unwrap(row[1])
        if _blank(path):
            continue
        if not isinstance(path, str):
            raise ExcelArgError(f"{name}: row {i + 1} must start with a parameter path, got {path!r}")
        path = path.strip()
        if _blank(value):
            continue
        param = reg.get(path)
        if param is not None and param.kind == "vector" and isinstance(value, str):
            value = tuple(_parse(f"{name} {path}", v) for v in value.replace(";", ",").split(",")
                          if v.strip())
        elif param is not None and param.numeric and isinstance(value, str):
            value = _parse(f"{name} {path}", value)
        elif isinstance(value, float) and value.is_integer() and param is not None \
                and param.kind == "int":
            value = int(value)
        out[path] = value
    return tuple(out.items())


_CACHE: OrderedDict[Any, Any] = OrderedDict()
_CACHE_SIZE = 16


def _cached(key: Any, make: Callable[[], Any]) -> Any:
    hit = _CACHE.get(key)
    if hit is None:
        hit = _CACHE[key] = make()
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return hit


def scenario(name: str, x: Any) -> Any:
    """The default scenario with the range's overrides (memoised on the overrides)."""
    from roi_models.scenario import Scenario

    changes = overrides(name, x)

    def make() -> Any:
        try:
            return Scenario.default().with_changes(dict(changes))
        except InputError as exc:
            raise ExcelArgError(f"{name}: {_one_line(exc)}") from None

    return _cached(("scenario", changes), make)


def case(name: str, x: Any) -> Any:
    """The evaluated business case of the range's scenario (memoised on the overrides)."""
    from roi_models.business_case import evaluate

    sc = scenario(name, x)

    def make() -> Any:
        try:
            return evaluate(sc)
        except InputError as exc:
            raise ExcelArgError(f"{name}: {_one_line(exc)}") from None

    return _cached(("case", sc), make)


def lookup(name: str, x: Any, allowed: Sequence[str], default: Any = REQUIRED) -> str:
    """A row/column label that must be one of ``allowed`` (case-insensitive)."""
    v = text(name, x, default)
    low = {a.lower(): a for a in allowed}
    if v.lower() not in low:
        if len(allowed) <= 16:
            raise ExcelArgError(f"{name} must be one of {', '.join(allowed)}, got {v!r}")
        close = difflib.get_close_matches(v.lower(), list(low), n=1)
        hint = f"; did you mean {low[close[0]]!r}?" if close else ""
        raise ExcelArgError(f"{name} must be a known name, got {v!r}{hint}")
    return low[v.lower()]
