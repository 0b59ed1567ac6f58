"""What Excel sends -> what the engine takes, and back. No formulas here: only parsing and shapes.

Excel (through xlwings on Windows, or xlwings Lite in the browser) passes a single cell as a
number, text, bool or ``None`` (blank), a one-row or one-column range as a list and a block as a
list of lists; xlwings' converters do not run when the functions are called from Python, so each
UDF normalises its own arguments with these helpers. Problems raise :class:`ExcelArgError`, whose
message starts with the argument's name; :func:`udf` turns any error into a one-line
``#VALUE! CC_NAME: ...`` text, so no traceback ever reaches a cell.
"""

from __future__ import annotations

import difflib
import functools
import math
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

REQUIRED: Any = object()
#: Largest magnitude accepted for any number (Excel shows 15 significant digits; anything larger
#: is a typing slip, and would overflow the engine's integer agent counts).
LARGEST = 1e15
OPTIONS = ("inhouse", "outsourced", "hybrid")
#: What CC_PAYBACK shows when cumulative cash never reaches 0 inside the horizon.
NEVER = "never within the horizon"


class ExcelArgError(InputError):
    """An argument Excel sent that the function cannot use; the message names the argument."""


def _one_line(exc: BaseException) -> str:
    lines = [line.strip(" -") for line in str(exc).splitlines() if line.strip()]
    return "; ".join(lines).replace(":; ", ": ")


def udf(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Make ``fn`` an Excel function: registry docs, xlwings metadata, errors as ``#VALUE!`` text."""
    spec = FUNCTIONS[fn.__name__]

    @functools.wraps(fn)
    def call(*args: Any) -> Any:
        try:
            return fn(*args)
        except InputError as exc:
            return f"#VALUE! {spec.name}: {_one_line(exc)}"
        except Exception as exc:  # never a traceback in a cell
            return f"#VALUE! {spec.name}: {type(exc).__name__}: {_one_line(exc)}"

    call.__doc__ = spec.doc
    for a in reversed(spec.args):
        call = _arg(a.name, doc=a.doc)(call)
    return _func(category=CATEGORY)(call)


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
    """A row, a column or a single cell of numbers -> 1-D array (blank cells are 0)."""
    return np.asarray(numbers(name, x, blank=0.0), dtype=float).reshape(-1)


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
        return "#NUM!"
    return v


def result(fn: str, value: Any, nan: str | None = None) -> Any:
    """Engine result -> a cell value (scalar) or a 2-D list (spills; a 1-D result is a column).

    A scalar NaN becomes ``nan`` when given (a plain answer such as "never"), else a ``#NUM!``
    message.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if nan is not None and value != value:
            return nan
        if isinstance(value, float) and not math.isfinite(value):
            what = "infinite (unstable queue)" if math.isinf(value) else "undefined"
            return f"#NUM! {fn}: the result is {what}"
        return value
    arr = np.asarray(value)
    if arr.ndim == 0:
        return result(fn, arr.item())
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
