"""The notebooks: each executes headless on a fresh kernel (nbclient) without error, shows its
charts as pictures (not ``<Figure ...>`` text) and its tables for people (no scientific notation,
no snake_case row names); each is committed without outputs (they import everything from
roi_models; outputs would go stale and bloat diffs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
pytest.importorskip("ipykernel")
pytest.importorskip("ipywidgets")

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_exist() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"explore.ipynb", "business_case.ipynb",
                                           "staffing.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a code cell has outputs (clear them)"
            assert cell.execution_count is None, f"{path.name}: a code cell has a count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_story_comes_first(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "markdown")
    if path.stem == "explore":  # the dashboard's strip is the story; first a loading indicator
        assert "roi-loading" in first.source
    else:
        assert first.source.startswith("# ") and ("In short" in first.source
                                                  or "The answer" in first.source)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executes_headless(path: Path, tmp_path: Path) -> None:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    as_text = [o for o in outputs if o.get("data", {}).get("text/plain", "").startswith("<Figure")
               and "image/png" not in o.get("data", {})]
    assert not as_text, "a chart printed as text instead of a picture"
    html = "\n".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert not re.search(r"\d\.\d+e[+-]\d\d", html), "scientific notation in a table"
    if path.stem == "explore":
        data = nb.cells[-2].outputs[-1]["data"]
        assert "application/vnd.jupyter.widget-view+json" in data  # the dashboard displayed
    else:
        pictures = [o for o in outputs if "image/png" in o.get("data", {})]
        assert len(pictures) >= 2
        assert "_" not in re.sub(r"<[^>]+>|\b\w+_\w+\b(?=[^<]*</(?:code|style))", "",
                                 "".join(re.findall(r"<th[^>]*>([^<]*)</th>", html)))
