"""Small SVG charts for the dashboard: strings built from the engine's tables in a few ms.

Why not matplotlib here: redrawing and PNG-encoding a figure took 115–600 ms a chart in the
browser measurements of issue 18; writing an SVG string is ~1 ms and the browser draws it at
once, so a slider release reaches every visible chart within the latency budget. The same string
is what "SVG" export writes. matplotlib (:mod:`roi_models.widgets.charts`) still draws the PNG
exports and the notebooks' figures.

Each function takes plain numbers and labels (already in the reader's language) and returns one
``<svg>`` element with a ``viewBox`` (it scales to its box), its legend inside, and
``data-series`` attributes naming each series (the browser test reads them).

>>> s = lines([0, 1, 2], [("A", "#4c72b0", [0.0, 1.0, 3.0], "")], title="t")
>>> s.startswith("<svg") and 'data-series="A"' in s
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence

import numpy as np

__all__ = ["bars_stacked", "grouped_bars", "hbars", "histogram", "lines", "nice_ticks",
           "profile_bars", "step_area"]

Fmt = Callable[[float], str]
FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif"


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values covering [lo, hi] (about ``n`` of them)."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return [0.0]
    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / max(n, 1)
    exp = math.floor(math.log10(raw))
    step = 10.0 ** exp
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if m * 10.0 ** exp >= raw:
            step = m * 10.0 ** exp
            break
    start = math.floor(lo / step) * step
    ticks: list[float] = []
    v = start
    while v <= hi + step * 0.5 and len(ticks) < 20:
        ticks.append(round(v, 12))
        v += step
    return ticks


class _Frame:
    """A plot area inside a ``width`` x ``height`` viewBox with a title and a legend."""

    def __init__(self, width: int, height: int, title: str, legend: Sequence[tuple[str, str]],
                 left: int = 64, right: int = 12, bottom: int = 28) -> None:
        self.w, self.h = width, height
        self.parts: list[str] = []
        top = 22 if title else 8
        if title:
            self.parts.append(f'<text x="{left}" y="15" font-size="13" font-weight="600" '
                              f'fill="#222">{_e(title)}</text>')
        # legend rows (estimated text widths; 6.2 px a character at 11 px)
        x, y = float(left), float(top + 4)
        row: list[str] = []
        for label, color in legend:
            wid = 18 + 6.2 * len(label) + 14
            if x + wid > width - right and row:
                x, y = left, y + 16
            row.append(f'<g data-legend="{_e(label)}"><rect x="{x:.0f}" y="{y:.0f}" width="10" '
                       f'height="10" fill="{color}"/><text x="{x + 14:.0f}" y="{y + 9:.0f}" '
                       f'font-size="11" fill="#333">{_e(label)}</text></g>')
            x += wid
        if row:
            self.parts.extend(row)
            top = int(y + 18)
        self.x0, self.x1 = left, width - right
        self.y0, self.y1 = top + 4, height - bottom

    def axis_labels(self, xlabel: str = "", ylabel: str = "", *, below: int = 26,
                    ylabel_left: int = 40) -> None:
        """The x axis's label under its right end and the y axis's above its top, 11 px grey."""
        if xlabel:
            self.parts.append(f'<text x="{self.x1}" y="{self.y1 + below}" font-size="11" '
                              f'text-anchor="end" fill="#555">{_e(xlabel)}</text>')
        if ylabel:
            self.parts.append(f'<text x="{self.x0 - ylabel_left}" y="{self.y0 - 4}" '
                              f'font-size="11" fill="#555">{_e(ylabel)}</text>')

    def yscale(self, lo: float, hi: float, fmt: Fmt, ticks: int = 5) -> Callable[[float], float]:
        t = nice_ticks(lo, hi, ticks)
        lo, hi = min(lo, t[0]), max(hi, t[-1])
        span = (hi - lo) or 1.0

        def y(v: float) -> float:
            return self.y1 - (v - lo) / span * (self.y1 - self.y0)

        for v in t:
            yy = y(v)
            self.parts.append(f'<line x1="{self.x0}" x2="{self.x1}" y1="{yy:.1f}" y2="{yy:.1f}" '
                              f'stroke="#e5e5e5"/><text x="{self.x0 - 6}" y="{yy + 4:.1f}" '
                              f'font-size="11" text-anchor="end" fill="#555">{_e(fmt(v))}</text>')
        if lo < 0 < hi:
            self.parts.append(f'<line x1="{self.x0}" x2="{self.x1}" y1="{y(0):.1f}" '
                              f'y2="{y(0):.1f}" stroke="#333" stroke-width="1"/>')
        return y

    def svg(self, cls: str = "") -> str:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" viewBox="0 0 {self.w} '
                f'{self.h}" width="100%" preserveAspectRatio="xMidYMid meet" style="{FONT};'
                f'max-height:{self.h}px">' + "".join(self.parts) + "</svg>")


def _span(values: Sequence[Sequence[float]]) -> tuple[float, float]:
    flat = [float(v) for vs in values for v in vs if v is not None and math.isfinite(float(v))]
    if not flat:
        return 0.0, 1.0
    return min(0.0, min(flat)), max(0.0, max(flat))


def bars_stacked(categories: Sequence[str], series: Sequence[tuple[str, str, Sequence[float]]],
                 fmt: Fmt, *, title: str = "", width: int = 480, height: int = 300,
                 totals: Fmt | None = None) -> str:
    """Stacked bars, one per category; ``series`` = (label, colour, value per category)."""
    legend = [(lab, col) for lab, col, vals in series if any(abs(v) > 0 for v in vals)]
    f = _Frame(width, height, title, legend)
    tot = np.zeros(len(categories))
    for _, _, vals in series:
        tot = tot + np.maximum(np.asarray(vals, dtype=float), 0)
    y = f.yscale(0.0, float(tot.max()) * 1.1 if len(tot) else 1.0, fmt)
    slot = (f.x1 - f.x0) / max(len(categories), 1)
    bw = slot * 0.55
    for i, cat in enumerate(categories):
        x = f.x0 + slot * i + (slot - bw) / 2
        base = 0.0
        for lab, col, vals in series:
            v = max(float(vals[i]), 0.0)
            if v <= 0:
                continue
            f.parts.append(f'<rect data-series="{_e(lab)}" x="{x:.1f}" y="{y(base + v):.1f}" '
                           f'width="{bw:.1f}" height="{max(y(base) - y(base + v), 0):.1f}" '
                           f'fill="{col}"><title>{_e(cat)} · {_e(lab)}: {_e(fmt(v))}</title>'
                           f'</rect>')
            base += v
        f.parts.append(f'<text x="{x + bw / 2:.1f}" y="{f.y1 + 16}" font-size="12" '
                       f'text-anchor="middle" fill="#333">{_e(cat)}</text>')
        if totals is not None:
            f.parts.append(f'<text x="{x + bw / 2:.1f}" y="{y(base) - 4:.1f}" font-size="11" '
                           f'text-anchor="middle" fill="#222">{_e(totals(base))}</text>')
    return f.svg("roi-svg-stack")


def lines(x: Sequence[float], series: Sequence[tuple[str, str, Sequence[float], str]],
          fmt: Fmt = str, *, title: str = "", xlabel: str = "", width: int = 480,
          height: int = 300, markers: Sequence[tuple[float, float, str, str]] = ()) -> str:
    """Lines over a shared x; ``series`` = (label, colour, y values, dash pattern or "")."""
    f = _Frame(width, height, title, [(lab, col) for lab, col, _, _ in series])
    lo, hi = _span([ys for _, _, ys, _ in series])
    pad = (hi - lo) * 0.06 or 1.0
    y = f.yscale(lo - pad if lo < 0 else lo, hi + pad, fmt)
    xs = np.asarray(x, dtype=float)
    xlo, xhi = float(xs.min()), float(xs.max()) if len(xs) else 1.0
    span = (xhi - xlo) or 1.0

    def px(v: float) -> float:
        return f.x0 + (v - xlo) / span * (f.x1 - f.x0)

    for t in nice_ticks(xlo, xhi, 6):
        if xlo <= t <= xhi:
            f.parts.append(f'<text x="{px(t):.1f}" y="{f.y1 + 14}" font-size="11" '
                           f'text-anchor="middle" fill="#555">{t:g}</text>')
    f.axis_labels(xlabel)
    for lab, col, ys, dash in series:
        pts = " ".join(f"{px(a):.1f},{y(float(b)):.1f}" for a, b in zip(xs, ys, strict=False)
                       if math.isfinite(float(b)))
        d = f' stroke-dasharray="{dash}"' if dash else ""
        w = 1.5 if dash else 2.2
        f.parts.append(f'<polyline data-series="{_e(lab)}" points="{pts}" fill="none" '
                       f'stroke="{col}" stroke-width="{w}"{d}/>')
    for mx, my, col, text in markers:
        if math.isfinite(mx):
            f.parts.append(f'<circle cx="{px(mx):.1f}" cy="{y(my):.1f}" r="4" fill="{col}"/>'
                           f'<text x="{px(mx) + 6:.1f}" y="{y(my) - 6:.1f}" font-size="11" '
                           f'fill="{col}">{_e(text)}</text>')
    return f.svg("roi-svg-lines")


def grouped_bars(categories: Sequence[str], series: Sequence[tuple[str, str, Sequence[float]]],
                 fmt: Fmt, *, title: str = "", width: int = 480, height: int = 300) -> str:
    """Grouped bars: one group per category, one bar per series (signed values)."""
    f = _Frame(width, height, title, [(lab, col) for lab, col, _ in series])
    lo, hi = _span([vals for _, _, vals in series])
    y = f.yscale(lo * 1.1, hi * 1.1 or 1.0, fmt)
    slot = (f.x1 - f.x0) / max(len(categories), 1)
    bw = slot * 0.8 / max(len(series), 1)
    for i, cat in enumerate(categories):
        for j, (lab, col, vals) in enumerate(series):
            v = float(vals[i])
            x = f.x0 + slot * i + slot * 0.1 + bw * j
            top, bot = (y(v), y(0)) if v >= 0 else (y(0), y(v))
            f.parts.append(f'<rect data-series="{_e(lab)}" x="{x:.1f}" y="{top:.1f}" '
                           f'width="{bw * 0.92:.1f}" height="{max(bot - top, 0.5):.1f}" '
                           f'fill="{col}"><title>{_e(cat)} · {_e(lab)}: {_e(fmt(v))}</title>'
                           f'</rect>')
        f.parts.append(f'<text x="{f.x0 + slot * (i + 0.5):.1f}" y="{f.y1 + 16}" font-size="12" '
                       f'text-anchor="middle" fill="#333">{_e(cat)}</text>')
    return f.svg("roi-svg-grouped")


def step_area(layers: Sequence[tuple[str, str, Sequence[float]]], ticks: Sequence[str],
              fmt: Fmt, *, title: str = "", width: int = 980, height: int = 280,
              ylabel: str = "") -> str:
    """Stacked step areas over equal slots (a week of 336 half hours); ``ticks`` label equal
    blocks of slots (the days)."""
    f = _Frame(width, height, title, [(lab, col) for lab, col, _ in layers], left=48)
    stack = np.cumsum([np.asarray(v, dtype=float) for _, _, v in layers], axis=0)
    n = stack.shape[1]
    y = f.yscale(0.0, float(stack[-1].max()) * 1.08 if n else 1.0, fmt)
    dx = (f.x1 - f.x0) / max(n, 1)
    below = np.zeros(n)
    for (lab, col, _), top in zip(layers, stack, strict=True):
        up = [f"{f.x0 + dx * i:.1f},{y(top[i]):.1f} {f.x0 + dx * (i + 1):.1f},{y(top[i]):.1f}"
              for i in range(n)]
        down = [f"{f.x0 + dx * (i + 1):.1f},{y(below[i]):.1f} {f.x0 + dx * i:.1f},"
                f"{y(below[i]):.1f}" for i in reversed(range(n))]
        f.parts.append(f'<polygon data-series="{_e(lab)}" points="{" ".join(up + down)}" '
                       f'fill="{col}" opacity="0.85"/>')
        below = top
    block = n / max(len(ticks), 1)
    for i, t in enumerate(ticks):
        xx = f.x0 + dx * block * i
        if i:
            f.parts.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{f.y0}" y2="{f.y1}" '
                           f'stroke="#bbb" stroke-width="0.6"/>')
        f.parts.append(f'<text x="{xx + dx * block / 2:.1f}" y="{f.y1 + 15}" font-size="11" '
                       f'text-anchor="middle" fill="#555">{_e(t)}</text>')
    f.axis_labels(ylabel=ylabel)
    return f.svg("roi-svg-area")


def hbars(labels: Sequence[str], low: Sequence[float], high: Sequence[float], fmt: Fmt, *,
          legend: tuple[str, str], title: str = "", width: int = 760) -> str:
    """Tornado: per row the change at the input's low (blue) and high (orange) around 0."""
    rows = len(labels)
    height = 70 + 22 * rows + 30
    f = _Frame(width, height, title, [(legend[0], "#4c72b0"), (legend[1], "#dd8452")],
               left=300)
    lo, hi = _span([low, high])
    pad = (hi - lo) * 0.05 or 1.0
    lo, hi = lo - pad, hi + pad
    t = nice_ticks(lo, hi, 6)
    lo, hi = min(lo, t[0]), max(hi, t[-1])

    def px(v: float) -> float:
        return f.x0 + (v - lo) / (hi - lo) * (f.x1 - f.x0)

    rh = (f.y1 - f.y0) / max(rows, 1)
    for v in t:
        f.parts.append(f'<line x1="{px(v):.1f}" x2="{px(v):.1f}" y1="{f.y0}" y2="{f.y1}" '
                       f'stroke="#e5e5e5"/><text x="{px(v):.1f}" y="{f.y1 + 14}" font-size="11" '
                       f'text-anchor="middle" fill="#555">{_e(fmt(v))}</text>')
    for i, lab in enumerate(labels):
        yy = f.y0 + rh * i
        for v, col in ((float(low[i]), "#4c72b0"), (float(high[i]), "#dd8452")):
            a, b = sorted((px(0.0), px(v)))
            f.parts.append(f'<rect x="{a:.1f}" y="{yy + rh * 0.15:.1f}" width="{max(b - a, 0.5):.1f}"'
                           f' height="{rh * 0.7:.1f}" fill="{col}" opacity="0.9"><title>'
                           f'{_e(lab)}: {_e(fmt(v))}</title></rect>')
        f.parts.append(f'<text data-row="{i}" x="{f.x0 - 8}" y="{yy + rh * 0.65:.1f}" '
                       f'font-size="12" text-anchor="end" fill="#222">{_e(lab)}</text>')
    f.parts.append(f'<line x1="{px(0):.1f}" x2="{px(0):.1f}" y1="{f.y0}" y2="{f.y1}" '
                   f'stroke="#333"/>')
    return f.svg("roi-svg-tornado")


def histogram(values: Sequence[float], fmt: Fmt, *, title: str = "", xlabel: str = "",
              ylabel: str = "", bins: int = 40, width: int = 760, height: int = 300,
              marks: Sequence[tuple[float, str]] = ()) -> str:
    """Histogram of ``values`` with the zero line in red and labelled vertical ``marks``."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    counts, edges = np.histogram(v, bins=bins) if len(v) else (np.zeros(1), np.array([0, 1.0]))
    f = _Frame(width, height, title, [], bottom=34)
    y = f.yscale(0.0, float(counts.max()) * 1.12 or 1.0, lambda c: f"{c:,.0f}")
    lo, hi = float(edges[0]), float(edges[-1])
    lo, hi = min(lo, 0.0) if lo < 0 < hi or abs(lo) < (hi - lo) * 0.3 else lo, hi
    span = (hi - lo) or 1.0

    def px(a: float) -> float:
        return f.x0 + (a - lo) / span * (f.x1 - f.x0)

    for c, a, b in zip(counts, edges[:-1], edges[1:], strict=True):
        col = "#dd8452" if a >= 0 else "#c44e52"
        f.parts.append(f'<rect class="roi-hist-bar" x="{px(a):.1f}" y="{y(c):.1f}" '
                       f'width="{max(px(b) - px(a) - 0.5, 0.5):.1f}" '
                       f'height="{y(0) - y(c):.1f}" fill="{col}"/>')
    for t in nice_ticks(lo, hi, 6):
        if lo <= t <= hi:
            f.parts.append(f'<text x="{px(t):.1f}" y="{f.y1 + 14}" font-size="11" '
                           f'text-anchor="middle" fill="#555">{_e(fmt(t))}</text>')
    if lo <= 0 <= hi:
        f.parts.append(f'<line x1="{px(0):.1f}" x2="{px(0):.1f}" y1="{f.y0}" y2="{f.y1}" '
                       f'stroke="#c44e52" stroke-width="1.5"/>')
    for i, (m, text) in enumerate(marks):
        if lo <= m <= hi:
            f.parts.append(f'<line x1="{px(m):.1f}" x2="{px(m):.1f}" y1="{f.y0}" y2="{f.y1}" '
                           f'stroke="#333" stroke-dasharray="4 3"/><text x="{px(m) + 3:.1f}" '
                           f'y="{f.y0 + 12 + 13 * i:.1f}" font-size="11" fill="#222">'
                           f'{_e(text)}</text>')
    f.axis_labels(xlabel, ylabel, below=28, ylabel_left=56)
    return f.svg("roi-svg-hist")


def profile_bars(values: Sequence[float], labels: Sequence[str], *, width: int = 380,
                 height: int = 90, every: int = 1) -> str:
    """A small bar chart of a profile (12 months, 48 half hours); every ``every``-th label."""
    v = np.asarray(values, dtype=float)
    n = len(v)
    top = float(np.nanmax(v)) if n else 1.0
    top = top if top > 0 else 1.0
    x0, x1, y0, y1 = 4, width - 4, 4, height - 16
    dx = (x1 - x0) / max(n, 1)
    parts = []
    for i, a in enumerate(v):
        h = (y1 - y0) * max(float(a), 0.0) / top
        parts.append(f'<rect x="{x0 + dx * i + 0.5:.1f}" y="{y1 - h:.1f}" '
                     f'width="{max(dx - 1, 0.5):.1f}" height="{h:.1f}" fill="#4c72b0"/>')
        if i % every == 0 and i < len(labels):
            parts.append(f'<text x="{x0 + dx * (i + 0.5):.1f}" y="{height - 4}" font-size="9" '
                         f'text-anchor="middle" fill="#555">{_e(labels[i])}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="100%" style="{FONT};max-height:{height}px">' + "".join(parts) + "</svg>")
