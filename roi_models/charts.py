"""PNG charts for the command line (matplotlib's Agg canvas; no pyplot, no global backend change).

A face, not the engine: it draws what :mod:`roi_models.history` computed and adds no numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from roi_models.history import DerivedDemand

__all__ = ["save_history_chart"]


def save_history_chart(derived: DerivedDemand, path: str | Path) -> Path:
    """Save a PNG of each channel's monthly history, forecast and prediction interval.

    Parameters
    ----------
    derived : DerivedDemand
        From :func:`roi_models.history.derive`.
    path : str or Path
        The PNG to write (its folder is created).

    Returns
    -------
    Path
        ``path``.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    chans = list(derived.forecasts)
    fig = Figure(figsize=(9, 2.6 * len(chans) + 0.6), constrained_layout=True)
    FigureCanvasAgg(fig)
    axes = fig.subplots(len(chans), 1, squeeze=False)[:, 0]
    for ax, ch in zip(axes, chans, strict=True):
        f = derived.forecasts[ch]
        ax.plot(f.history.index, f.history.to_numpy(), color="0.25", lw=1.5, label="history")
        ax.plot(f.mean.index, f.mean.to_numpy(), color="tab:blue", lw=1.8,
                label=f"forecast {f.model}")
        ax.fill_between(f.mean.index, f.lower.to_numpy(), f.upper.to_numpy(), color="tab:blue",
                        alpha=0.2, label=f"{f.level:.0%} interval")
        bt = f.backtest
        if not bt.empty:
            ax.plot(bt.index, bt["forecast"].to_numpy(), color="tab:orange", lw=1, ls="--",
                    label=f"back-test (MAPE {f.backtest_mape:.1f}%)")
        ax.set_title(f"{ch}: offered contacts a month", loc="left", fontsize=10)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="upper left")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    return out
