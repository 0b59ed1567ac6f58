"""Reading a switch / ACD export as it comes: encoding, delimiter, sheets, numbers and dates.

Real exports are not tidy CSV: a Russian Excel saves ``;``-separated cp1251 with day-first dates,
decimal commas and no-break-space thousands; a European ACD writes UTF-16 with tabs; a workbook
keeps a month a sheet. This module decides each convention *per file, from the evidence*, refuses
what the evidence cannot settle, and says what it decided (:class:`RawTable.detected`), so a file
is never read to wrong numbers silently.

* **Encoding**: a byte-order mark (UTF-8, UTF-16 LE/BE); UTF-16 without a mark (NUL bytes every
  other byte); else UTF-8 if the bytes decode, else cp1251 (Windows Cyrillic).
* **Delimiter**: of ``;``, tab, ``,`` and ``|``, the one that splits the header and the first 50
  rows into the same number of fields (the most fields when several do); an Excel ``sep=;`` first
  line is obeyed.
* **Sheets** (xlsx): every sheet whose header is the first sheet's is read, in order; a sheet with
  another header is left out and named with the reason.
* **Numbers** (:func:`number_convention`): a token with both marks (``1.234,5``) shows the decimal
  mark (the last one); a single mark followed by other than three digits (``840,0``, ``0.5``)
  is a decimal mark; repeated marks (``1.234.567``) or groups of three after a space, a no-break
  space U+00A0 or a narrow no-break space U+202F (``2 017``) are thousands separators. Evidence for
  both decimal marks is refused. A lone mark before exactly three digits (``2.017``) with no other
  evidence is a thousands separator: these are counts of contacts.
* **Dates** (:func:`parse_times`): ISO dates (with or without a UTC offset; offsets that change
  across a DST switch are converted to the first row's); ``dd.mm.yyyy`` / ``mm/dd/yyyy`` /
  ``dd-mm-yy`` are read day-first or month-first as the *whole column* shows (a first field above
  12 settles day-first, a second above 12 month-first); a column that never settles it is refused
  with a request for ``--dayfirst`` or ``--monthfirst``; Excel serial day numbers (20000-80000,
  from 1899-12-30) and ``YYYYMMDD`` integers; ``mm.yyyy`` months; date cells of a workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["MAX_FILE_BYTES", "NumberConvention", "RawTable", "number_convention", "parse_times",
           "read_table"]

#: Largest history file read (bytes): 200 MB is years of 15-minute rows for many queues.
MAX_FILE_BYTES = 200 * 1024 * 1024
_DELIMITERS = (";", "\t", ",", "|")
_DELIMITER_NAMES = {";": "';' (semicolon)", "\t": "tab", ",": "',' (comma)", "|": "'|' (pipe)"}
_SPACES = {" ": "space", "\u00a0": "no-break space (U+00A0)", "\u202f": "narrow no-break space "
           "(U+202F)", "'": "apostrophe"}
_MARK_NAMES = {",": "comma", ".": "point"}


def shown(value: Any, limit: int = 60) -> str:
    """``repr`` of a cell for a message, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + "...'"


# ============================================================================ the raw table
@dataclass
class RawTable:
    """Cells of an export before interpretation.

    Attributes
    ----------
    frame : DataFrame
        One row per data row (object cells: text from a CSV; text, numbers, dates from a workbook);
        the index is the row's number (its file line or sheet row; unique across sheets).
    where : dict of int -> str
        ``"line 5"``, ``"row 5"`` or ``"sheet 'Feb' row 5"`` for each index value.
    origin : str
        The file.
    detected : dict of str -> str
        What was decided about the file (``encoding``, ``delimiter``, ``sheets``), in words.
    problems : list of str
        Rows that could not be split (wrong number of fields).
    """

    frame: pd.DataFrame
    where: dict[int, str]
    origin: str
    detected: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def at(self, index: Any) -> str:
        """The words for a row: ``line 5``."""
        return self.where.get(int(index), f"line {index}")


class ExportError(Exception):
    """A file that cannot be read as a table at all (one reason)."""


def read_table(path: Path, *, encoding: str | None = None, sheet: str | None = None) -> RawTable:
    """Read a CSV / text or Excel export into a :class:`RawTable`.

    Raises
    ------
    ExportError
        One readable reason (unknown type, too large, not text, undecodable, no header).
    OSError
        The file cannot be opened.
    """
    suffix = path.suffix.lower()
    origin = str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ExportError(f"the file is {size / 1e6:,.0f} MB; the limit is "
                          f"{MAX_FILE_BYTES / 1e6:,.0f} MB (split it by year)")
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return _read_workbook(path, origin, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_text(path.read_bytes(), origin, encoding)
    raise ExportError(f"unknown file type {suffix!r}: use .csv, .txt, .tsv or .xlsx")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text and the name of its encoding (module docstring: BOM, UTF-16, UTF-8, cp1251)."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise ExportError(f"cannot decode the file as {encoding!r}: {exc}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise ExportError(f"the file starts with a UTF-16 mark but does not decode: {exc}") from None
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        odd, even = head[1::2].count(0), head[0::2].count(0)
        name = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return data.decode(name), f"UTF-16 ({'little' if odd > even else 'big'}-endian, no BOM)"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ExportError("not a text file (it holds NUL bytes); save the export as CSV (UTF-8 or "
                          "Windows-1251) or .xlsx")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251"), "cp1251 (Windows Cyrillic; not UTF-8)"
    except UnicodeDecodeError as exc:
        raise ExportError(f"cannot decode the file: not UTF-8, UTF-16 or cp1251 ({exc.reason} at "
                          f"byte {exc.start}); give the encoding (--encoding)") from None


def _sniff(lines: list[str]) -> str | None:
    """The delimiter that splits the first rows into equal field counts (>= 2)."""
    best, best_n = None, 1
    sample = lines[:50]
    for d in _DELIMITERS:
        try:
            counts = {len(r) for r in csv.reader(sample, delimiter=d) if any(c.strip() for c in r)}
        except csv.Error:
            continue
        if len(counts) == 1:
            n = counts.pop()
            if n > best_n:
                best, best_n = d, n
    return best


def _read_text(data: bytes, origin: str, encoding: str | None) -> RawTable:
    text, enc = decode(data, encoding)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ExportError("the file is empty")
    detected = {"encoding": enc}
    m = re.fullmatch(r"\s*sep=(.)\s*", lines[first])
    delim: str
    if m:
        delim = m.group(1)
        start = first + 1
        detected["delimiter"] = f"{_DELIMITER_NAMES.get(delim, repr(delim))} (the file's sep= line)"
    else:
        start = first
        body = [line for line in lines[start:] if line.strip()]
        sniffed = _sniff(body)
        if sniffed is not None:
            delim = sniffed
        else:
            # one column only, or rows that no delimiter splits evenly: take the header's best
            counts = {d: lines[start].count(d) for d in _DELIMITERS}
            delim = max(counts, key=lambda d: counts[d])
            if counts[delim] == 0:
                raise ExportError(f"one column only (header {shown(lines[start])}); a history needs "
                                  f"a date column and volume columns separated by ';', ',' or tab")
        detected["delimiter"] = _DELIMITER_NAMES[delim]
    try:
        reader = csv.reader(io.StringIO("\n".join(lines[start:])), delimiter=delim)
        header = next(reader)
        rows: list[list[str]] = []
        index: list[int] = []
        problems: list[str] = []
        for fields in reader:
            line = start + reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                extra = fields[len(header):]
                if len(fields) > len(header) and not any(f.strip() for f in extra):
                    fields = fields[: len(header)]
                elif len(fields) < len(header):
                    fields = fields + [""] * (len(header) - len(fields))
                else:
                    problems.append(f"line {line}: {len(fields)} fields, the header has "
                                    f"{len(header)} (delimiter {_DELIMITER_NAMES[delim]})")
                    continue
            rows.append(fields)
            index.append(line)
    except csv.Error as exc:
        raise ExportError(f"cannot split the file into fields: {exc}") from None
    frame = pd.DataFrame(rows, columns=[h.strip() for h in header], index=index, dtype=object)
    return RawTable(frame, {i: f"line {i}" for i in index}, origin, detected, problems)


def _header(frame: pd.DataFrame) -> list[str]:
    cells = list(frame.iloc[0]) if len(frame) else []
    while cells and _blank(cells[-1]):
        cells.pop()
    return ["" if _blank(c) else str(c).strip() for c in cells]


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v)) or (isinstance(v, str) and not v.strip())


def _read_workbook(path: Path, origin: str, sheet: str | None) -> RawTable:
    with path.open("rb") as fh:
        magic = fh.read(8)
    if not magic.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # zip (xlsx), OLE (xls)
        raise ExportError(f"not an Excel workbook (it does not start like one); if it is text, "
                          f"name it .csv (suffix {path.suffix!r})")
    try:
        books = pd.read_excel(path, sheet_name=None if sheet is None else sheet, header=None,
                              dtype=object)
    except (ValueError, KeyError, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError | PermissionError):
            raise ExportError(f"cannot read the workbook: {exc}") from None
        if isinstance(exc, OSError):
            raise
        raise ExportError(f"cannot read the workbook: {str(exc)[:200]}") from None
    except Exception as exc:  # zipfile.BadZipFile, xlrd / openpyxl parse errors
        raise ExportError(f"not a readable Excel workbook ({type(exc).__name__}: "
                          f"{str(exc)[:150]})") from None
    if isinstance(books, pd.DataFrame):
        books = {sheet: books}
    sheets = [(str(name), f) for name, f in books.items()]
    used: list[tuple[str, pd.DataFrame]] = []
    left: list[str] = []
    ref: list[str] | None = None
    ref_name = ""
    for name, f in sheets:
        f = f[[not all(_blank(v) for v in r) for r in f.itertuples(index=False)]] if len(f) else f
        if f.empty:
            continue
        head = _header(f)
        key = [h.lower() for h in head]
        if ref is None:
            ref, ref_name = key, name
            used.append((name, f))
        elif key == ref:
            used.append((name, f))
        else:
            left.append(f"sheet {name!r} left out: its header differs from sheet {ref_name!r}'s")
    if not used:
        raise ExportError("the workbook has no data")
    header = _header(used[0][1])
    many = len(used) > 1
    parts, where = [], {}
    for k, (name, f) in enumerate(used):
        body = f.iloc[1:, : len(header)].copy()
        rows = body.index.to_numpy() + 1  # 0-based sheet row -> Excel row number
        idx = rows + (k * 10_000_000 if many else 0)
        body.index = idx
        for i, r in zip(idx, rows, strict=True):
            where[int(i)] = f"sheet {name!r} row {r}" if many else f"row {r}"
        parts.append(body)
    frame = pd.concat(parts) if parts else pd.DataFrame()
    frame.columns = header
    frame = frame.map(lambda v: "" if _blank(v) else v)
    detected = {"file": "Excel workbook"}
    if many:
        detected["sheets"] = (f"{len(used)} sheets with the same header read in order: "
                              + ", ".join(repr(n) for n, _ in used))
    elif len(sheets) > 1 or left:
        detected["sheets"] = f"sheet {used[0][0]!r} read"
    if left:
        detected["sheets"] += "; " + "; ".join(left)
    return RawTable(frame, where, origin, detected)


# ============================================================================ numbers
_GROUPS = {s: re.compile(r"[+-]?\d{1,3}(?:" + re.escape(s) + r"\d{3})+") for s in
           (",", ".", " ", "\u00a0", "\u202f", "'")}
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class NumberConvention:
    """How a file writes its numbers.

    Attributes
    ----------
    decimal : str
        ``","``, ``"."`` or ``""`` (no decimal part seen: whole numbers).
    thousands : tuple of str
        Thousands separators accepted (``" "``, ``"\u00a0"``, ``"."``, ...).
    description : dict of str -> str
        ``decimal`` and ``thousands`` in words with an example from the file.
    problem : str
        Why no convention fits (evidence for both decimal marks), else ``""``.
    """

    decimal: str
    thousands: tuple[str, ...]
    description: dict[str, str]
    problem: str = ""

    def parse(self, text: str) -> float | None:
        """The number ``text`` writes, or None if it is not one in this convention."""
        t = text.strip()
        if not t:
            return None
        if self.decimal and t.count(self.decimal) > 1:
            return None
        head, mark, frac = t.rpartition(self.decimal) if self.decimal and self.decimal in t else (
            t, "", "")
        if mark == "":
            head, frac = t, ""
        if any(s in head for s in self.thousands):
            seps = {s for s in self.thousands if s in head}
            if len(seps) != 1 or not _GROUPS[seps.pop()].fullmatch(head):
                return None
            for s in self.thousands:
                head = head.replace(s, "")
        number = head + ("." + frac if mark else "")
        if not _PLAIN.fullmatch(number):
            return None
        return float(number)


def _evidence(t: str) -> tuple[str | None, str | None, bool]:
    """(decimal mark shown, thousands separator shown, ambiguous) for one token."""
    t = t.strip().lstrip("+-")
    for s in (" ", "\u00a0", "\u202f", "'"):
        if s in t:
            head = re.split(r"[.,]", t)[0]
            rest = t[len(head):]
            dec = rest[0] if rest[:1] in (",", ".") and rest[1:].isdigit() else None
            return dec, s if _GROUPS[s].fullmatch(head) else None, False
    c, d = t.count(","), t.count(".")
    if c and d:
        dec = "," if t.rfind(",") > t.rfind(".") else "."
        return dec, "." if dec == "," else ",", False
    if c + d == 0:
        return None, None, False
    s = "," if c else "."
    if c + d > 1:
        return None, s, False
    head, _, frac = t.partition(s)
    if not (head.isdigit() and frac.isdigit()):
        return None, None, False
    if len(frac) != 3 or len(head) > 3 or head.startswith("0"):
        return s, None, False
    return None, None, True


def number_convention(cells: list[tuple[str, str]], decimal: str | None = None) -> NumberConvention:
    """Decide the decimal mark and thousands separators of a file from its count cells.

    Parameters
    ----------
    cells : list of (where, text)
        Every text cell of the volume columns, with its row words (``"line 5"``).
    decimal : {",", ".", None}
        The decimal mark if the user gave it (``--decimal``).

    Examples
    --------
    >>> c = number_convention([("line 2", "840,0"), ("line 3", "2 017,5")])
    >>> c.decimal, c.parse("2 017,5"), c.parse("840,0")
    (',', 2017.5, 840.0)
    >>> number_convention([("line 2", "840"), ("line 3", "2.017")]).parse("2.017")
    2017.0
    >>> number_convention([("line 2", "840,5"), ("line 3", "840.5")]).problem[:30]
    'mixed decimal marks: line 2 wr'
    """
    dec_seen: dict[str, tuple[str, str]] = {}
    thou_seen: dict[str, tuple[str, str]] = {}
    ambiguous: dict[str, tuple[str, str]] = {}
    for where, text in cells:
        dec, thou, amb = _evidence(text)
        if dec and dec not in dec_seen:
            dec_seen[dec] = (where, text)
        if thou and thou not in thou_seen:
            thou_seen[thou] = (where, text)
        if amb:
            s = "," if "," in text else "."
            ambiguous.setdefault(s, (where, text))
    desc: dict[str, str] = {}
    if decimal is None:
        clash = [m for m in dec_seen if m in thou_seen]
        if len(dec_seen) > 1 or clash:
            (w1, t1), (w2, t2) = (dec_seen[","], dec_seen["."]) if len(dec_seen) > 1 else (
                dec_seen[clash[0]], thou_seen[clash[0]])
            return NumberConvention("", (), {}, (
                f"mixed decimal marks: {w1} writes {shown(t1)} and {w2} writes {shown(t2)}; "
                f"give the decimal mark (--decimal comma or --decimal point)"))
        if dec_seen:
            decimal = next(iter(dec_seen))
            w, t = dec_seen[decimal]
            desc["decimal"] = f"{_MARK_NAMES[decimal]} (e.g. {w}: {shown(t)})"
        elif "," in thou_seen:
            decimal = "."
        elif "." in thou_seen:
            decimal = ","
        else:
            decimal = ""
            desc["decimal"] = "none seen (whole numbers)"
    else:
        desc["decimal"] = f"{_MARK_NAMES[decimal]} (given)"
    desc.setdefault("decimal", f"{_MARK_NAMES[decimal]} (the other mark separates thousands)"
                    if decimal else "none seen (whole numbers)")
    thousands = [s for s in (" ", "\u00a0", "\u202f", "'", ",", ".") if s != decimal]
    words = []
    for s in thousands:
        if s in thou_seen:
            w, t = thou_seen[s]
            words.append(f"{_SPACES.get(s, repr(s))} (e.g. {w}: {shown(t)})")
        elif s in ambiguous:
            w, t = ambiguous[s]
            words.append(f"{shown(s)} ({w}: {shown(t)} read as {t.replace(s, '')}: no value of the "
                         f"file has a decimal part)")
    if words:
        desc["thousands"] = "; ".join(words)
    return NumberConvention(decimal, tuple(thousands), desc)


# ============================================================================ dates
_DMY = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})"
                  r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$")
_MY = re.compile(r"^(\d{1,2})[./-](\d{4})$")
_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*[-–—]\s*\d{1,2}:\d{2}(?::\d{2})?)?$")


def _yy(y: str) -> int:
    n = int(y)
    return n + 2000 if len(y) == 2 else n


def parse_times(values: pd.Series, clock: pd.Series | None, at: Callable[[Any], str], column: str,
                problems: list[str], *, dayfirst: bool | None = None) -> tuple[pd.Series, dict[str, str]]:
    """Timestamps of a time column (and an optional clock column), with what was decided.

    Parameters
    ----------
    values : Series
        The time column's cells (text, numbers, dates).
    clock : Series, optional
        A separate time-of-day column (``08:30``, ``08:00-08:30``, a time cell, a day fraction).
    at : callable
        Row words for an index value (``line 5``).
    column : str
        The time column's name, for messages.
    problems : list of str
        Appended to: every bad date with its row, or the column-level ambiguity.
    dayfirst : bool, optional
        Day-first (True) or month-first (False) when the user gave it.

    Returns
    -------
    timestamps : Series of datetime64 (NaT where bad), detected : dict
    """
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    detected: dict[str, str] = {}
    is_time = values.map(lambda v: isinstance(v, dt.datetime | dt.date | pd.Timestamp))
    is_num = values.map(lambda v: isinstance(v, int | float | np.integer | np.floating)
                        and not isinstance(v, bool))
    text = values.map(lambda v: v.strip() if isinstance(v, str) else "")
    if is_time.any():
        out[is_time] = pd.to_datetime(values[is_time].map(pd.Timestamp).map(
            lambda t: t.tz_localize(None) if t.tzinfo else t), errors="coerce")
        detected["dates"] = "date cells of the workbook"
    num_text = text.str.fullmatch(r"\d{5,8}(?:[.,]\d+)?") & ~is_time & ~is_num
    nums = pd.Series(np.nan, index=values.index)
    if is_num.any():
        nums[is_num] = values[is_num].astype(float)
    nums[num_text] = text[num_text].str.replace(",", ".").astype(float)
    has_num = nums.notna()
    if has_num.any():
        ymd = has_num & (nums >= 19000101) & (nums <= 21001231) & (nums == np.floor(nums))
        serial = has_num & (nums >= 20000) & (nums <= 80000)
        if ymd.any():
            out[ymd] = pd.to_datetime(nums[ymd].astype(np.int64).astype(str), format="%Y%m%d",
                                      errors="coerce")
            detected["dates"] = "YYYYMMDD numbers"
        if serial.any():
            days = nums[serial].to_numpy()
            stamps = pd.Timestamp("1899-12-30") + pd.to_timedelta(np.round(days * 86400), unit="s")
            out[serial] = stamps
            detected["dates"] = "Excel serial day numbers (days since 1899-12-30)"
    rest = (text != "") & ~num_text & ~is_time & ~is_num
    dmy = text[rest].str.extract(_DMY)
    is_dmy = dmy[0].notna()
    if is_dmy.any():
        a, b = dmy.loc[is_dmy, 0].astype(int), dmy.loc[is_dmy, 2].astype(int)
        order = dayfirst
        sep = dmy.loc[is_dmy, 1].iloc[0]
        if order is None:
            a_big, b_big = a[a > 12], b[b > 12]
            if len(a_big) and len(b_big):
                problems.append(
                    f"column {column!r}: {at(a_big.index[0])} {shown(text[a_big.index[0]])} is "
                    f"day-first but {at(b_big.index[0])} {shown(text[b_big.index[0]])} is "
                    f"month-first; write every date the same way")
                return out, detected
            elif len(a_big):
                order = True
                detected["dates"] = (f"day-first dd{sep}mm{sep}yyyy ({at(a_big.index[0])}: "
                                     f"{shown(text[a_big.index[0]])} settles it)")
            elif len(b_big):
                order = False
                detected["dates"] = (f"month-first mm{sep}dd{sep}yyyy ({at(b_big.index[0])}: "
                                     f"{shown(text[b_big.index[0]])} settles it)")
            else:
                first = a.index[0]
                problems.append(
                    f"column {column!r}: dates such as {shown(text[first])} ({at(first)}) can be "
                    f"read day-first or month-first and no date in the file has a day above 12 "
                    f"to settle it; say which: --dayfirst or --monthfirst (Python: "
                    f"dayfirst=True / False)")
                return out, detected
        else:
            detected["dates"] = f"{'day' if order else 'month'}-first (given)"
        day, month = (a, b) if order else (b, a)
        year = dmy.loc[is_dmy, 3].map(_yy)
        parts = pd.DataFrame({"year": year, "month": month, "day": day,
                              "hour": dmy.loc[is_dmy, 4].fillna("0").astype(int),
                              "minute": dmy.loc[is_dmy, 5].fillna("0").astype(int),
                              "second": dmy.loc[is_dmy, 6].fillna("0").astype(int)})
        out[parts.index] = _assemble(parts)
    my = text[rest & ~text.index.isin(is_dmy[is_dmy].index)].str.extract(_MY)
    is_my = my[0].notna()
    if is_my.any():
        parts = pd.DataFrame({"year": my.loc[is_my, 1].astype(int),
                              "month": my.loc[is_my, 0].astype(int), "day": 1})
        out[parts.index] = _assemble(parts)
        detected.setdefault("dates", "months as mm.yyyy")
    other = rest & out.isna() & ~text.index.isin(is_dmy[is_dmy].index)
    if other.any():
        _parse_iso(text[other], out, detected)
    for i in out.index[out.isna()]:
        problems.append(f"{at(i)}: bad date {shown(text[i] if text[i] else values[i])} in column "
                        f"{column!r}")
    if clock is not None:
        out = out.dt.normalize() + _clock(clock, at, problems)
    return out.astype("datetime64[ns]"), detected


def _assemble(parts: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(parts, errors="coerce")


def _parse_iso(text: pd.Series, out: pd.Series, detected: dict[str, str]) -> None:
    aware = text.str.contains(_OFFSET) & text.str.contains(r"\d[T ]\d|T", regex=True)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if aware.any():
            utc = pd.to_datetime(text[aware], utc=True, errors="coerce", format="ISO8601")
            offsets = text[aware].str.extract(r"(Z|[+-]\d{2}:?\d{2})$")[0]
            first = pd.Timestamp(text[aware].iloc[0])
            zone = first.tz
            local = pd.to_datetime(text[aware].str.replace(_OFFSET, "", regex=True),
                                   errors="coerce", format="ISO8601")
            if (local.dropna() == local.dropna().dt.normalize()).all():
                out[aware] = local.dt.normalize()  # day rows: the local calendar date
                how = "the local dates kept"
            else:
                out[aware] = utc.dt.tz_convert(zone).dt.tz_localize(None)
                how = f"converted to one zone, UTC{first.strftime('%z')[:3]}:{first.strftime('%z')[3:]}"
                how += " (the first row's)"
            kinds = sorted(set(offsets.dropna()))
            detected["timezone"] = (f"timestamps with UTC offset{'s' if len(kinds) > 1 else ''} "
                                    f"{', '.join(kinds)}: {how}")
        naive = text.index[~aware.to_numpy()]
        if len(naive):
            ts = pd.to_datetime(text[naive], errors="coerce", format="ISO8601")
            if ts.isna().any():
                retry = pd.to_datetime(text[naive][ts.isna()], errors="coerce", format="mixed")
                ts = ts.where(ts.notna(), retry)
            out[naive] = ts
            detected.setdefault("dates", "ISO (year first)")


def _one_clock(v: Any) -> pd.Timedelta:
    if isinstance(v, dt.time):
        return pd.Timedelta(hours=v.hour, minutes=v.minute, seconds=v.second)
    if isinstance(v, dt.datetime | pd.Timestamp):
        return pd.Timedelta(hours=v.hour, minutes=v.minute, seconds=v.second)
    if isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v < 1:
        return pd.Timedelta(seconds=round(float(v) * 86400))
    m = _CLOCK.match(str(v).strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return pd.NaT
    return pd.Timedelta(hours=int(m.group(1)), minutes=int(m.group(2)), seconds=int(m.group(3) or 0))


def _clock(clock: pd.Series, at: Callable[[Any], str], problems: list[str]) -> pd.Series:
    td = clock.map(_one_clock)
    for i in td.index[td.isna()]:
        problems.append(f"{at(i)}: bad time of day {shown(clock[i])} in column {clock.name!r}")
    return pd.to_timedelta(td)


def apply_columns(frame: pd.DataFrame, columns: Mapping[str, str]) -> list[str]:
    """Rename ``frame``'s columns by ``{file column: name}``; return problems."""
    problems = []
    known = {str(c).strip(): c for c in frame.columns}
    rename = {}
    for src, dst in columns.items():
        key = str(src).strip()
        if key not in known:
            problems.append(f"--columns: no column {shown(key)} in the file (columns are "
                            f"{', '.join(shown(c) for c in known)[:300]})")
        else:
            rename[known[key]] = str(dst).strip()
    frame.columns = [rename.get(c, c) for c in frame.columns]
    return problems
