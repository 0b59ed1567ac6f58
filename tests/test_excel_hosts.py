"""The CC_ functions through xlwings' own code for each host, not through no-op decorators.

On Linux ``xlwings.func`` / ``xlwings.arg`` do nothing, so nothing would ever run xlwings' real
registration code. These tests run it:

- **classic add-in (Windows)**: the installed ``xlwings/udfs.py`` is loaded with its COM imports
  (pythoncom, pywintypes, win32com) stubbed, its real ``xlfunc``/``xlarg`` decorate
  ``roi_models.excel.udfs``, and its ``generate_vba_wrapper`` writes the VBA module that *Import
  Functions* would import. Every function and argument name is checked against the VBA reserved
  identifiers (MS-VBAL 3.3.5.2) and identifier rules: one bad name is a compile error that takes
  every CC_ function down (xlwings issues #384, #563).
- **xlwings Lite**: ``workbooks/xlwings_lite/main.py`` is imported the way Lite imports it
  (``XLWINGS_ON_SERVER``, so ``xlwings.func`` is the Office.js decorator) and xlwings' own
  ``custom_functions_meta`` builds the registration metadata; ``custom_functions_call`` then calls
  a function with what Office.js sends. xlwings' Office.js code is xlwings PRO (PolyForm
  Noncommercial); like xlwings' own Pyodide runtime, the test runs it with the ``noncommercial``
  key unless ``XLWINGS_LICENSE_KEY`` is set.

Each runs in a subprocess, so the stubs and environment never leak into the rest of the suite.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from roi_models.excel.registry import FUNCTIONS

xlwings = pytest.importorskip("xlwings")
ROOT = Path(__file__).resolve().parents[1]

# MS-VBAL 3.3.5.2 reserved identifiers (statement keywords, marker keywords, operator identifiers,
# reserved names, special forms, reserved type identifiers, literal identifiers, Rem, reserved
# for implementation use, future reserved).
VBA_RESERVED = {w.lower() for w in """
Call Case Close Const Declare DefBool DefByte DefCur DefDate DefDbl DefInt DefLng DefLngLng
DefLngPtr DefObj DefSng DefStr DefVar Dim Do Else ElseIf End EndIf Enum Erase Event Exit For
Friend Function Get Global GoSub GoTo If Implements Input Let Lock Loop LSet Next On Open Option
Print Private Public Put RaiseEvent ReDim Resume Return RSet Seek Select Set Static Stop Sub Type
Unlock Wend While With Write
Any As ByRef ByVal Each In New Shared Until WithEvents Optional ParamArray Preserve Spc Tab Then To
AddressOf And Eqv Imp Is Like Mod Not Or TypeOf Xor
Abs CBool CByte CCur CDate CDbl CDec CInt CLng CLngLng CLngPtr CSng CStr CVar CVErr Date Debug
DoEvents Fix Int Len LenB Me PSet Scale Sgn String
Array Circle InputB LBound UBound
Boolean Byte Currency Double Integer Long LongLong LongPtr Single Variant
True False Nothing Empty Null Rem
Attribute LineInput VB_Base VB_Control VB_Creatable VB_Customizable VB_Description VB_Exposed
VB_Ext_Key VB_GlobalNameSpace VB_HelpID VB_Invoke_Func VB_Invoke_Property VB_Invoke_PropertyPut
VB_Invoke_PropertyPutRef VB_MemberFlags VB_Name VB_PredeclaredId VB_ProcData VB_TemplateDerived
VB_UserMemId VB_VarDescription VB_VarHelpID VB_VarMemberFlags VB_VarProcData VB_VarUserMemId
CDecl Decimal DefDec
""".split()}
# Names the generated wrapper itself uses (a parameter of that name would shadow them), and
# xlwings' special "caller" argument.
WRAPPER_NAMES = {"xlpy", "argsarray", "k", "failed", "application", "thisworkbook",
                 "activeworkbook", "err", "caller", "error"}
VBA_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,254}$")

VBA_SCRIPT = r"""
import importlib.util, json, sys, types
for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["pythoncom"].CoInitialize = lambda: None
sys.modules["pywintypes"].com_error = type("com_error", (Exception,), {})
sys.modules["win32com.client"].Dispatch = lambda *a, **k: None
sys.modules["win32com"].client = sys.modules["win32com.client"]
import xlwings
path = xlwings.__file__.replace("__init__.py", "udfs.py")
spec = importlib.util.spec_from_file_location("xlwings.udfs", path)
real = importlib.util.module_from_spec(spec)
sys.modules["xlwings.udfs"] = real
spec.loader.exec_module(real)
# what xlwings/__init__.py binds on Windows with pywin32
xlwings.func, xlwings.arg, xlwings.ret = real.xlfunc, real.xlarg, real.xlret
import io
from roi_models.excel import udfs
book = types.SimpleNamespace(Name="contact_center_business_case.xlsm")
out = io.StringIO()
real.generate_vba_wrapper("roi_models.excel.udfs", udfs, out, book)
meta = {n: getattr(udfs, n).__xlfunc__ for n in udfs.__all__}
for m in meta.values():
    m.pop("argmap", None)
    for a in m["args"]:
        a["options"] = {}
        a["optional"] = repr(a.get("optional", "<required>"))
print(json.dumps({"vba": out.getvalue(), "meta": meta}))
"""


@pytest.fixture(scope="module")
def vba():
    out = subprocess.run([sys.executable, "-c", VBA_SCRIPT], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


def _signatures(vba_text):
    return {m.group(1): [a.strip() for a in m.group(2).split(",") if a.strip()]
            for m in re.finditer(r"^Function (\w+)\(([^)]*)\)\s*$", vba_text, re.M)}


class TestClassicAddin:
    def test_every_function_gets_a_wrapper_with_its_arguments(self, vba):
        sigs = _signatures(vba["vba"])
        assert set(sigs) == set(FUNCTIONS)
        for name, spec in FUNCTIONS.items():
            want = [("Optional " if a.optional else "") + a.name for a in spec.args]
            assert sigs[name] == want, name
            assert f'XLPy.CallUDF("roi_models.excel.udfs", "{name}", Array(' \
                   f'{", ".join(a.name for a in spec.args)})' in vba["vba"]

    def test_names_are_legal_vba_identifiers_and_not_reserved(self, vba):
        sigs = _signatures(vba["vba"])
        bad = []
        for fname, args in sigs.items():
            names = [fname] + [a.removeprefix("Optional ").strip() for a in args]
            for n in names:
                if not VBA_IDENTIFIER.match(n) or n.lower() in VBA_RESERVED:
                    bad.append((fname, n))
                if n is not fname and n.lower() in WRAPPER_NAMES | {fname.lower()}:
                    bad.append((fname, n))
            lowered = [n.lower() for n in names[1:]]
            assert len(set(lowered)) == len(lowered), fname  # VBA is case-insensitive
        assert not bad, bad

    def test_the_old_reserved_name_would_have_been_caught(self):
        assert "option" in VBA_RESERVED and "date" in VBA_RESERVED

    def test_wizard_metadata(self, vba):
        for name, spec in FUNCTIONS.items():
            m = vba["meta"][name]
            assert m["category"] == "Contact Center ROI"
            assert m["ret"]["doc"] == spec.doc and len(spec.doc) <= 255
            assert [a["doc"] for a in m["args"]] == [a.doc for a in spec.args]
            assert all(len(a.doc) <= 255 for a in spec.args)
        assert vba["meta"]["CC_LASTERROR"]["volatile"] is True
        assert "Application.Volatile" in vba["vba"].split("Function CC_LASTERROR")[1].split(
            "End Function")[0]


LITE_SCRIPT = r"""
import asyncio, json, os, sys
sys.path.insert(0, os.environ["LITE_DIR"])
import main  # workbooks/xlwings_lite/main.py, as xlwings Lite imports it
from xlwings.server import custom_functions_call, custom_functions_meta
meta = custom_functions_meta(main)

def call(name, *args):
    data = {"func_name": name, "args": [a if isinstance(a, list) else [[a]] for a in args],
            "caller_address": "Sheet1!A1", "version": "0", "client": "Office.js",
            "runtime": "1.4", "culture_info_name": "en-US", "date_format": "m/d/yyyy"}
    return asyncio.run(custom_functions_call(data, main))

calls = {
    "agents": call("CC_AGENTS", 100, 180, 0.8, 20, 1800, None, None, None),
    "blank": call("CC_AGENTS", [[100], [None], [50]], 180, 0.8, 20, 1800, None, None, None),
    "error": call("CC_AGENTS", 100, 0, 0.8, 20, 1800, None, None, None),
    "why": call("CC_LASTERROR", None),
    "total": call("CC_TOTAL", None, "outsourced", "npv"),
}
print(json.dumps({"meta": meta, "calls": calls}, default=str))
"""


@pytest.fixture(scope="module")
def lite():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XLWINGS_ON_SERVER": "true",
           "LITE_DIR": str(ROOT / "workbooks" / "xlwings_lite")}
    env.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    env.pop("ROI_MODELS_EXCEL_ERRORS", None)
    out = subprocess.run([sys.executable, "-c", LITE_SCRIPT], capture_output=True, text=True,
                         cwd=ROOT, env=env, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


class TestXlwingsLite:
    def test_main_registers_every_function_with_its_arguments(self, lite):
        funcs = {f["id"]: f for f in lite["meta"]["functions"]}
        assert set(funcs) == set(FUNCTIONS)
        for name, spec in FUNCTIONS.items():
            f = funcs[name]
            assert f["name"] == name and f["description"] == spec.doc
            assert [p["name"] for p in f["parameters"]] == [a.name for a in spec.args]
            assert [p["description"] for p in f["parameters"]] == [a.doc for a in spec.args]
            assert [bool(p.get("optional")) for p in f["parameters"]] == \
                [a.optional for a in spec.args]
            assert f["result"] == {"dimensionality": "matrix", "type": "any"}
        assert funcs["CC_LASTERROR"]["options"].get("volatile") is True

    def test_office_js_name_rules(self, lite):
        # Office.js: ids start with a letter, >= 3 characters of A-Z, 0-9, _ and .; not a cell
        # reference (A1..XFD1048576); parameter names are plain identifiers.
        for f in lite["meta"]["functions"]:
            assert re.fullmatch(r"[A-Z][A-Z0-9_.]{2,}", f["id"]), f["id"]
            assert not re.fullmatch(r"[A-Z]{1,3}[0-9]+", f["id"]), f["id"]
            for p in f["parameters"]:
                assert re.fullmatch(r"[a-z][a-z0-9_]*", p["name"]), p["name"]

    def test_calls_return_values_blanks_and_real_errors(self, lite):
        c = lite["calls"]
        assert c["agents"] == [[14]]
        assert c["blank"] == [[14.0], [""], [8.0]]          # a blank interval stays blank
        assert c["error"] == [[{"type": "Error", "errorType": "Value"}]]  # a real #VALUE!
        assert c["why"] == [["#VALUE! CC_AGENTS: aht must be > 0 seconds, got 0"]]
        assert isinstance(c["total"][0][0], float)


# --------------------------------------------------------------------------- install, no PyPI
def test_functions_import_and_run_without_the_cli_report_and_history_packages():
    blocked = ("matplotlib", "statsmodels", "jinja2", "typer", "rich", "openpyxl", "xlsxwriter",
               "formulas")
    code = ("import sys\n"
            f"for m in {blocked!r}: sys.modules[m] = None\n"
            "from roi_models.excel import udfs\n"
            "assert udfs.CC_AGENTS(100, 180, 0.8, 20, 1800) == 14\n"
            "assert isinstance(udfs.CC_TOTAL(None, 'hybrid', 'npv'), float)\n"
            "assert udfs.CC_DRIVERS(None, 'inhouse', True)[0][0] == 'month'\n"
            "print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]


def _fake_wheel(path):
    import zipfile

    info = "roi_models-1.2.3.dist-info/"
    meta = ("Metadata-Version: 2.4\nName: roi-models\nVersion: 1.2.3\n"
            "Requires-Dist: numpy>=1.26\nRequires-Dist: typer>=0.12\nRequires-Dist: rich>=13\n"
            "Requires-Dist: matplotlib>=3.8\nRequires-Dist: statsmodels>=0.14\n"
            "Requires-Dist: jinja2>=3.1\nRequires-Dist: numpy-financial>=1.0\n"
            "Requires-Dist: PyYAML>=6\nRequires-Dist: tomli_w>=1.0\nRequires-Dist: scipy>=1.11\n"
            "Requires-Dist: pandas>=2.1\nProvides-Extra: test\n"
            "Requires-Dist: pytest>=8; extra == 'test'\n\n# readme\n")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("roi_models/__init__.py", "x = 1\n")
        z.writestr(info + "METADATA", meta)
        z.writestr(info + "entry_points.txt", "[console_scripts]\nroi-models = roi_models.cli:main\n")
        z.writestr(info + "RECORD", "stale\n")
    return path


def test_lite_wheel_keeps_only_what_the_functions_import(tmp_path):
    import base64
    import hashlib
    import zipfile

    from roi_models.excel.lite import LITE_REQUIREMENTS, lite_wheel

    out = lite_wheel(_fake_wheel(tmp_path / "roi_models-1.2.3-py3-none-any.whl"), tmp_path / "lite")
    assert out.name == "roi_models-1.2.3+lite-py3-none-any.whl"
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        meta = z.read("roi_models-1.2.3+lite.dist-info/METADATA").decode()
        record = z.read("roi_models-1.2.3+lite.dist-info/RECORD").decode().splitlines()
        assert "Version: 1.2.3+lite" in meta
        reqs = re.findall(r"^Requires-Dist: ([A-Za-z0-9_.-]+)", meta, re.M)
        assert {re.sub(r"[-_.]+", "-", r).lower() for r in reqs} == set(LITE_REQUIREMENTS)
        assert "Provides-Extra" not in meta and "# readme" in meta
        assert not any(n.endswith("entry_points.txt") for n in names)
        for line in record[:-1]:  # every file's hash in RECORD matches (pip checks them)
            name, digest, size = line.split(",")
            data = z.read(name)
            want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={want}" and int(size) == len(data), name
        assert record[-1] == "roi_models-1.2.3+lite.dist-info/RECORD,,"


def test_nothing_claims_a_package_index_has_roi_models():
    req = (ROOT / "workbooks" / "xlwings_lite" / "requirements.txt").read_text()
    lines = [ln.strip() for ln in req.splitlines() if ln.strip() and not ln.startswith("#")]
    assert "xlwings" in lines[0]
    assert not any(re.fullmatch(r"roi[-_]models\S*", ln) for ln in lines), lines
    assert any(re.fullmatch(r"https://\S+/roi_models-[^/]+\+lite-py3-none-any\.whl", ln)
               for ln in lines), lines
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install "roi-models[excel]"' not in readme
    assert "pip install roi-models" not in readme
