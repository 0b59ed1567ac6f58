"""xlwings Lite: the roi-models CC_ worksheet functions in Excel (web, Mac, Windows).

Paste this file into the xlwings Lite editor's main.py tab and requirements.txt (with the URL of
your hosted Lite wheel) into its requirements.txt tab. xlwings Lite registers every function of
this module that carries xlwings' @func metadata; the CC_ functions get it when
roi_models.excel.udfs is imported inside Pyodide (tests/test_excel_hosts.py registers this very
file with xlwings' own metadata code). Type =CC_AGENTS(100, 180, 0.8, 20, 1800) in a cell: 14.
A bad argument shows a real #VALUE! (or #NUM!, #N/A); =CC_LASTERROR() tells why.
"""

from roi_models.excel.udfs import *  # noqa: F403  (CC_AGENTS, CC_SUMMARY, ...: see __all__)
