"""The xlwings Lite wheel: the roi-models wheel with only the dependencies the CC_ functions need.

xlwings Lite installs ``requirements.txt`` with Pyodide's micropip, which accepts a wheel URL
(``https://.../roi_models-0.1.0+lite-py3-none-any.whl``) and installs that wheel's dependencies
too. The ordinary wheel depends on the command line, the report and the history forecast
(typer, rich, jinja2, matplotlib, statsmodels), which the worksheet functions never import; this
module writes a copy whose ``Requires-Dist`` lists only what they do import (numpy, scipy, pandas
- built into Pyodide - and the pure-Python numpy-financial, pyyaml and tomli-w), under the local
version ``+lite`` so it can never be mistaken for the full wheel. The code inside is identical.

``python -m roi_models.excel.lite dist/roi_models-0.1.0-py3-none-any.whl -o dist/lite`` (``.ci/run``
does this after ``python -m build``).

>>> sorted(LITE_REQUIREMENTS)[:3]
['numpy', 'numpy-financial', 'pandas']
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import re
import zipfile
from pathlib import Path

__all__ = ["LITE_REQUIREMENTS", "lite_wheel", "main"]

#: Distributions the CC_ functions import (tests/test_excel_udfs.py checks the import graph).
LITE_REQUIREMENTS = frozenset({"numpy", "scipy", "pandas", "numpy-financial", "pyyaml", "tomli-w"})


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def lite_wheel(src: str | Path, out_dir: str | Path) -> Path:
    """Write the Lite copy of wheel ``src`` into ``out_dir``; returns its path.

    Parameters
    ----------
    src : path-like
        A ``roi_models-<version>-py3-none-any.whl`` built by ``python -m build``.
    out_dir : path-like
        Folder for ``roi_models-<version>+lite-py3-none-any.whl`` (created if needed).

    Returns
    -------
    Path
    """
    src = Path(src)
    m = re.fullmatch(r"roi_models-([^-]+)-py3-none-any\.whl", src.name)
    if not m:
        raise ValueError(f"not a roi-models pure-Python wheel: {src.name}")
    version = m.group(1)
    lite_version = f"{version}+lite"
    old_info, new_info = f"roi_models-{version}.dist-info/", f"roi_models-{lite_version}.dist-info/"
    files: dict[str, bytes] = {}
    with zipfile.ZipFile(src) as z:
        for name in z.namelist():
            data = z.read(name)
            new_name = new_info + name[len(old_info):] if name.startswith(old_info) else name
            if name == old_info + "METADATA":
                data = _slim_metadata(data.decode("utf-8"), lite_version).encode("utf-8")
            if name in (old_info + "RECORD", old_info + "entry_points.txt"):
                continue  # RECORD is rewritten; no `roi-models` command without its CLI deps
            files[new_name] = data
    record = io.StringIO()
    for name, data in files.items():
        record.write(f"{name},{_digest(data)},{len(data)}\n")
    record.write(f"{new_info}RECORD,,\n")
    files[new_info + "RECORD"] = record.getvalue().encode("utf-8")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"roi_models-{lite_version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return path


def _slim_metadata(text: str, version: str) -> str:
    head, _, body = text.partition("\n\n")
    lines = []
    for line in head.splitlines():
        if line.startswith("Version: "):
            line = f"Version: {version}"
        elif line.startswith("Requires-Dist: "):
            req = line[len("Requires-Dist: "):]
            name = re.match(r"[A-Za-z0-9_.-]+", req)
            if ";" in req or name is None or _norm(name.group(0)) not in LITE_REQUIREMENTS:
                continue
        elif line.startswith("Provides-Extra: "):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n\n" + body


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m roi_models.excel.lite WHEEL [-o DIR]``."""
    parser = argparse.ArgumentParser(prog="python -m roi_models.excel.lite",
                                     description="Write the xlwings Lite copy of a roi-models wheel.")
    parser.add_argument("wheel", type=Path)
    parser.add_argument("-o", "--out-dir", type=Path, default=Path("dist") / "lite")
    args = parser.parse_args(argv)
    print(lite_wheel(args.wheel, args.out_dir))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
