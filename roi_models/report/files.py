"""Writing report files safely, and the monthly CSV.

Every file is written atomically: to a temporary file in the target directory, then
``os.replace``-d over the target, so a failure never leaves half a file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from roi_models.system import atomic_write

if TYPE_CHECKING:
    from roi_models.business_case import BusinessCase

__all__ = ["atomic_write", "monthly_table", "write_monthly_csv"]


def monthly_table(case: BusinessCase, option: str) -> pd.DataFrame:
    """Every cost line and driver of ``option`` by month (engine column names, full precision)."""
    res = case.options[option]
    return res.monthly.join(res.drivers)


def monthly_units(case: BusinessCase, option: str) -> dict[str, str]:
    """Unit of every column of :func:`monthly_table` (from the frames' ``attrs``)."""
    res = case.options[option]
    return {**res.monthly.attrs.get("units", {}), **res.drivers.attrs.get("units", {})}


def write_monthly_csv(case: BusinessCase, out: Path) -> list[Path]:
    """``monthly_<option>.csv`` for every option of the case, full precision."""
    paths = []
    for name in case.options:
        table = monthly_table(case, name)

        def write(p: Path, t: pd.DataFrame = table) -> None:
            t.to_csv(p, index=True, lineterminator="\n")

        paths.append(atomic_write(out / f"monthly_{name}.csv", write))
    return paths
