"""Interactive Jupyter dashboard over the business-case engine (needs the ``notebook`` extra).

>>> from roi_models.widgets import Dashboard   # doctest: +SKIP
>>> Dashboard()                                # in a notebook cell  # doctest: +SKIP

The package follows the model / view / wiring split: :mod:`~roi_models.widgets.model` holds state
and engine calls (no widgets), :mod:`~roi_models.widgets.view` the layout, and
:mod:`~roi_models.widgets.wiring` the observers. Around them: :mod:`~roi_models.widgets.words` (the
dashboard's own words, English and Russian, on top of the report's translation table),
:mod:`~roi_models.widgets.formatting` (every number shown), :mod:`~roi_models.widgets.svg` (the
dashboard's charts as SVG strings), :mod:`~roi_models.widgets.charts` (chart tables and the
matplotlib drawing the notebooks and PNG exports use) and :mod:`~roi_models.widgets.tables` (the
engine's tables formatted for people, for the notebooks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from roi_models.widgets.wiring import Dashboard

__all__ = ["LANG_ENV", "Dashboard", "default_lang", "loading"]

#: Environment variable that picks the language when ``lang`` is not given
#: (``roi-models dashboard --lang ru`` sets it for the Voila kernel).
LANG_ENV = "ROI_MODELS_LANG"


def default_lang() -> str:
    """The language when none is given: ``?lang=ru`` in the Voila page's address (Voila hands
    the query string to the kernel as ``$QUERY_STRING``), else ``$ROI_MODELS_LANG``, else
    English."""
    import os
    from urllib.parse import parse_qs

    query = parse_qs(os.environ.get("QUERY_STRING", ""))
    return (query.get("lang") or [""])[0] or os.environ.get(LANG_ENV, "") or "en"

_SPINNER = """<style>@keyframes roi-spin {{ to {{ transform: rotate(360deg); }} }}</style>
<div class="roi-loading" style="display:flex;align-items:center;gap:10px;font:15px system-ui,
sans-serif;color:#444;padding:24px"><span style="width:22px;height:22px;border:3px solid #ddd;
border-top-color:#4c72b0;border-radius:50%;display:inline-block;animation:roi-spin .8s linear
infinite"></span>{text}</div>"""


def loading(lang: str | None = None) -> Any:
    """Show a spinner until the dashboard below it has drawn (its CSS hides ``.roi-loading``).

    Light on purpose (IPython only): the first cell of ``notebooks/explore.ipynb`` calls it so the
    page shows something within a second, while the engine and the widgets load.
    """
    from IPython.display import HTML, display

    lang = lang or default_lang()
    text = {"ru": "Загружаем панель…"}.get(lang, "Loading the dashboard…")
    return display(HTML(_SPINNER.format(text=text)), display_id=True)


def __getattr__(name: str) -> Any:
    if name == "Dashboard":
        from roi_models.widgets.wiring import Dashboard

        return Dashboard
    raise AttributeError(f"module 'roi_models.widgets' has no attribute {name!r}")
