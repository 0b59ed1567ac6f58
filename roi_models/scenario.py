"""The input model: a validated :class:`Scenario` built from the parameter registry.

A scenario is a set of values, one per registry input (:mod:`roi_models.parameters`), grouped in
sections (``demand``, ``service``, ``inhouse``, ``outsourced``, ``hybrid``, ``revenue``,
``finance``) and read with attribute access (``s.inhouse.agent_hourly_wage``) or by dotted path
(``s["inhouse.agent_hourly_wage"]``). Every value is checked in one place, :meth:`Scenario.validate`
of the factory, and every problem is reported at once with the dotted path, the value and the
allowed range.

Files are YAML, JSON or TOML, read with safe loaders only (a scenario file is data from anyone and
never executes anything). :meth:`Scenario.to_file` writes a commented YAML a person can edit; the round
trip is lossless.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import reprlib
import tempfile
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import tomli_w
import yaml

from roi_models.errors import InputError
from roi_models.parameters import PARAMETERS, PRESETS, SECTIONS, Parameter, registry

__all__ = ["PlausibilityWarning", "Scenario", "ScenarioError", "Section"]

_REGISTRY = registry()

#: Largest scenario file read (bytes): a full commented scenario is about 20 kB.
MAX_FILE_BYTES = 1_000_000
#: YAML aliases may add at most this many values to a file (an alias bomb is refused).
MAX_YAML_VALUES = 100_000
_MAX_UNKNOWN = 20  # unknown keys listed one by one (with a suggestion); the rest are counted
_EMPTY = "empty scenario file; `roi-models scenario init` writes one"
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxtuple, _REPR.maxdict = 2, 12, 12, 6
_REPR.maxstring, _REPR.maxother, _REPR.maxlong = 120, 120, 60


def _show(value: Any, limit: int = 200) -> str:
    """Show a value in an error message: its ``repr`` cut to ``limit`` characters.

    Never huge, never raising on deep nesting or 5,000-digit integers.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 600:
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    try:
        text = _REPR.repr(value)
    except (ValueError, RecursionError, OverflowError):
        text = f"a {type(value).__name__}"
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _YamlLoader(yaml.SafeLoader):
    """The safe loader, refusing alias expansion beyond :data:`MAX_YAML_VALUES` values."""


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Values the node stands for once every alias is expanded (shared nodes counted each time)."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # a recursive alias counts once
    total = 1
    if isinstance(node, yaml.SequenceNode):
        total += sum(_expanded_size(n, memo) for n in node.value)
    elif isinstance(node, yaml.MappingNode):
        total += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[key] = min(total, 10 * MAX_YAML_VALUES)
    return memo[key]


def _load_yaml(text: str) -> Any:
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        memo: dict[int, int] = {}
        if _expanded_size(node, memo) - len(memo) > MAX_YAML_VALUES:  # values added by aliases
            raise InputError(f"YAML aliases expand the file by more than {MAX_YAML_VALUES:,} values "
                             f"(an alias bomb?); write the values out")
        return loader.construct_document(node)
    finally:
        loader.dispose()


class ScenarioError(InputError):
    """One or more invalid scenario values; ``problems`` lists each, one line per field.

    The message starts with the number of problems and lists every one, e.g.::

        2 problems in scenario 'my.yaml':
          - inhouse.shrinkage: must be >= 0 and <= 0.95, got 30 (a share: write 0.3, not 30)
          - demand.voice_aht: unknown input; did you mean 'demand.voice_aht_s'?
    """

    def __init__(self, problems: list[str], origin: str = "") -> None:
        self.problems = list(problems)
        where = f" in scenario {origin!r}" if origin else ""
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''}{where}:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


class Section(Mapping[str, Any]):
    """Read-only attribute view of one section of a scenario (``s.inhouse.shrinkage``)."""

    def __init__(self, name: str, values: Mapping[str, Any]) -> None:
        self._name = name
        self._values = {k.split(".", 1)[1]: v for k, v in values.items()
                        if k.split(".", 1)[0] == name}

    def __getattr__(self, item: str) -> Any:
        try:
            return self._values[item]
        except KeyError:
            raise AttributeError(_unknown_message(f"{self._name}.{item}")) from None

    def __getitem__(self, item: str) -> Any:
        return self._values[item]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Section({self._name!r}, {self._values!r})"


def _unknown_message(path: str) -> str:
    close = difflib.get_close_matches(path, list(_REGISTRY), n=1, cutoff=0.6)
    if not close:
        # try matching the name within any section
        name = path.rsplit(".", 1)[-1]
        names = {p.name: p.path for p in PARAMETERS}
        hit = difflib.get_close_matches(name, list(names), n=1, cutoff=0.6)
        close = [names[hit[0]]] if hit else []
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{path}: unknown input{hint}"


def _coerce(param: Parameter, value: Any) -> tuple[Any, str | None]:
    """Convert ``value`` to the parameter's type and check its limits; return (value, problem)."""
    path = param.path
    if param.kind == "text":
        if not isinstance(value, str):
            return value, f"{path}: must be text, got {_show(value)}"
        return value, None
    if param.kind == "choice":
        if value not in param.choices:
            close = difflib.get_close_matches(str(value)[:100], param.choices, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            return value, f"{path}: must be {param.allowed_range()}, got {_show(value)}{hint}"
        return value, None
    if param.kind == "vector":
        if isinstance(value, str) or not hasattr(value, "__iter__"):
            return value, f"{path}: must be {param.allowed_range()}, got {_show(value)}"
        items = list(value)
        out = []
        for v in items:
            f, bad = _number(v)
            if bad or not _within(param, f):
                return value, f"{path}: must be {param.allowed_range()}, got {_show(v)} in {_show(items)}"
            out.append(f)
        if param.length is not None and len(out) != param.length:
            return value, (f"{path}: must be {param.allowed_range()}, got {len(out)} numbers")
        return tuple(out), None
    f, bad = _number(value)
    if bad:
        return value, f"{path}: must be a number ({param.allowed_range()}), got {_show(value)}"
    if not _within(param, f):
        hint = ""
        if param.maximum <= 1.0 and 1.0 < f <= 100.0:
            hint = f" (a share: write {f / 100:g}, not {f:g})"
        unit = f" ({param.unit})" if param.unit else ""
        return value, f"{path}: must be {param.allowed_range()}{unit}, got {_show(value)}{hint}"
    if param.kind == "int":
        if f != int(f):
            return value, f"{path}: must be a whole number ({param.allowed_range()}), got {_show(value)}"
        return int(f), None
    return f, None


def _number(value: Any) -> tuple[float, bool]:
    if isinstance(value, bool) or value is None:
        return math.nan, True
    try:
        f = float(value)
    except (TypeError, ValueError, OverflowError):
        return math.nan, True
    return f, not math.isfinite(f)


def _within(param: Parameter, f: float) -> bool:
    if param.exclusive_minimum and f <= param.minimum:
        return False
    return param.minimum <= f <= param.maximum


@dataclass(frozen=True)
class PlausibilityWarning:
    """An input inside its hard limits but outside its plausible range (accepted, worth a look).

    Attributes
    ----------
    path : str
        Dotted path of the input.
    value : float
        The scenario's value.
    low, high : float
        The plausible range for the scenario's preset, in the input's unit.
    unit : str
        The input's unit (``money`` stands for the scenario's currency).
    """

    path: str
    value: float
    low: float
    high: float
    unit: str

    def __str__(self) -> str:
        return (f"{self.path} = {self.value:.6g} is outside the plausible range "
                f"{self.low:.6g}-{self.high:.6g} {self.unit} (accepted; check the figure)")


class Scenario:
    """A validated set of inputs for one business case.

    Build one with :meth:`default`, :meth:`preset`, :meth:`from_file`, :meth:`from_dict` or
    :meth:`with_changes`; every constructor validates all values at once.

    Examples
    --------
    >>> s = Scenario.default()
    >>> s.inhouse.agent_hourly_wage
    20.6
    >>> s2 = s.with_changes({"inhouse.agent_hourly_wage": 18.0})
    >>> s2["inhouse.agent_hourly_wage"], s.inhouse.agent_hourly_wage
    (18.0, 20.6)
    >>> Scenario.default().with_changes({"inhouse.shrinkage": 30})
    Traceback (most recent call last):
    ...
    roi_models.scenario.ScenarioError: 1 problem:
      - inhouse.shrinkage: must be >= 0 and <= 0.95 (share), got 30 (a share: write 0.3, not 30)
    """

    __slots__ = ("_preset", "_sources", "_values")

    def __init__(self, values: Mapping[str, Any], *, preset: str = "default",
                 sources: Mapping[str, str] | None = None, origin: str = "") -> None:
        checked, problems = self._validate(values)
        if problems:
            raise ScenarioError(problems, origin)
        self._values: dict[str, Any] = checked
        self._preset = preset
        self._sources: dict[str, str] = dict(sources or {})

    # ------------------------------------------------------------------ construction
    @staticmethod
    def _validate(values: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
        problems: list[str] = []
        checked: dict[str, Any] = {}
        for key in values:
            if key not in _REGISTRY:
                problems.append(_unknown_message(key))
        for path, param in _REGISTRY.items():
            if path not in values:
                problems.append(f"{path}: missing")
                continue
            value, problem = _coerce(param, values[path])
            if problem:
                problems.append(problem)
            checked[path] = value
        if not problems:
            problems.extend(_cross_checks(checked))
        return checked, problems

    @classmethod
    def parameters(cls) -> pd.DataFrame:
        """Return the parameter registry as a table: path, section, unit, default, low, high, source, ...

        Examples
        --------
        >>> reg = Scenario.parameters()
        >>> row = reg.loc["inhouse.shrinkage"]
        >>> row.unit, row.default, float(row.low), float(row.high)
        ('share', 0.3, 0.25, 0.35)
        """
        rows = [{"path": p.path, "section": p.section, "name": p.name, "unit": p.unit,
                 "default": p.default, "low": p.low, "high": p.high, "kind": p.kind,
                 "tag": p.tag, "uncertain": p.uncertain, "allowed": p.allowed_range(),
                 "description": p.description, "source": p.source} for p in PARAMETERS]
        return pd.DataFrame(rows).set_index("path")

    @classmethod
    def presets(cls) -> list[str]:
        """Names of the built-in presets.

        >>> Scenario.presets()
        ['default', 'ru', 'blended']
        """
        return list(PRESETS)

    @classmethod
    def preset(cls, name: str) -> Scenario:
        """Load a built-in scenario: ``"default"`` (a mid-size US inbound center) or ``"ru"`` (RUB)."""
        if name not in PRESETS:
            raise InputError(f"preset must be one of {', '.join(PRESETS)}, got {name!r}")
        values = {p.path: p.default for p in PARAMETERS}
        sources = {}
        for path, (value, source) in PRESETS[name].items():
            values[path] = value
            sources[path] = source
        return cls(values, preset=name, sources=sources)

    @classmethod
    def default(cls) -> Scenario:
        """Load the embedded default scenario: a mid-size inbound center.

        About 1 million contacts a year across voice, chat and e-mail, US figures (see
        :mod:`roi_models.parameters`).
        """
        return cls.preset("default")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, origin: str = "") -> Scenario:
        """Build from nested sections (``{"inhouse": {"shrinkage": 0.3}}``) or dotted keys.

        Missing inputs take the preset's value (``preset:`` key, default ``"default"``).
        """
        if not isinstance(data, Mapping):
            raise ScenarioError([f"the file must hold a mapping of sections, got "
                                 f"{type(data).__name__}"], origin)
        problems: list[str] = []
        preset = data.get("preset", "default")
        if not isinstance(preset, str) or preset not in PRESETS:
            problems.append(f"preset: must be one of {', '.join(PRESETS)}, got {_show(preset)}")
            preset = "default"
        flat, unknown = _flatten(data, problems)
        strays = [k for k in flat if k not in _REGISTRY]
        if len(strays) > _MAX_UNKNOWN:  # list a few with suggestions; count the rest
            for k in strays[_MAX_UNKNOWN:]:
                del flat[k]
            problems.append(f"{len(strays) - _MAX_UNKNOWN:,} more unknown inputs (first "
                            f"{_MAX_UNKNOWN} listed)")
        if unknown > _MAX_UNKNOWN:
            problems.append(f"{unknown - _MAX_UNKNOWN:,} more unknown sections")
        base = cls.preset(preset)
        values = dict(base._values)
        values.update(flat)
        _, more = cls._validate(values)
        problems.extend(more)
        if problems:
            raise ScenarioError(problems, origin)
        sources = {k: v for k, v in base._sources.items() if values[k] == base._values[k]}
        for path in flat:
            if path in _REGISTRY and flat[path] != base._values.get(path):
                sources[path] = f"user input ({origin or 'scenario'})"
        return cls(values, preset=preset, sources=sources, origin=origin)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Scenario:
        """Read a scenario from YAML (``.yaml``/``.yml``), JSON (``.json``) or TOML (``.toml``).

        Only safe loaders are used. Errors name the file, the dotted path, the value and the
        allowed range, every problem at once.
        """
        p = Path(path)
        origin = str(p)
        suffix = p.suffix.lower()
        if suffix not in (".yaml", ".yml", ".json", ".toml"):
            raise ScenarioError([f"unknown file type {_show(suffix, 40)}: use .yaml, .yml, .json or "
                                 ".toml"], origin)
        text = _read_text(p, origin)
        data = _parse_text(text, suffix, origin)
        if data is None:
            raise ScenarioError([_EMPTY], origin)
        if not isinstance(data, Mapping):
            raise ScenarioError([f"the file must hold a mapping of sections, got "
                                 f"{type(data).__name__} {_show(data, 60)}"], origin)
        if _depth(data) > 4:
            raise ScenarioError(["the file nests too deeply (a scenario is sections of inputs, "
                                 "two levels)"], origin)
        return cls.from_dict(data, origin=origin)

    @classmethod
    def from_history(cls, path: str | os.PathLike[str], base: Scenario | None = None) -> Scenario:
        """Return ``base`` (default: the default scenario) with demand derived from a volume history file.

        Delegates to :func:`roi_models.history.scenario_from_history` (CSV/Excel switch export:
        year-1 forecast, growth, seasonality, arrival profile).
        """
        from roi_models.history import scenario_from_history

        return scenario_from_history(os.fspath(path), base)

    # ------------------------------------------------------------------ access
    def __getattr__(self, item: str) -> Section:
        if item in SECTIONS:
            return Section(item, self._values)
        raise AttributeError(f"Scenario has no section {item!r}; sections: {', '.join(SECTIONS)}")

    def __getitem__(self, path: str) -> Any:
        try:
            return self._values[path]
        except KeyError:
            raise InputError(_unknown_message(path)) from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Scenario) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __repr__(self) -> str:
        return f"Scenario({self._values['scenario.name']!r}, preset={self._preset!r})"

    @property
    def preset_name(self) -> str:
        """Name of the preset this scenario started from."""
        return self._preset

    def values(self) -> dict[str, Any]:
        """All values as a flat ``{dotted path: value}`` dict (a copy)."""
        return dict(self._values)

    def source_of(self, path: str) -> str:
        """Say where this scenario's value of ``path`` comes from (preset note, user input, registry)."""
        param = _REGISTRY.get(path)
        if param is None:
            raise InputError(_unknown_message(path))
        return self._sources.get(path, param.source)

    def range_of(self, path: str) -> tuple[float, float]:
        """Plausible (low, high) of a numeric input for this scenario.

        The registry's range is for its default; where this scenario's value differs (a preset in
        roubles, a user's figure), the range is scaled to keep its relative width around the value.
        """
        param = _REGISTRY.get(path)
        if param is None:
            raise InputError(_unknown_message(path))
        if not param.numeric or param.low is None or param.high is None:
            raise InputError(f"{path}: has no numeric range (kind {param.kind!r})")
        value = float(self._values[path])
        if path == "outsourced.fx_rate" and not _foreign_vendor_currency(self._values):
            return (value, value)  # the vendor prices in the scenario's currency: no FX risk
        default = float(param.default)
        if value == default or default == 0.0:
            lo, hi = float(param.low), float(param.high)
            return (min(lo, value), max(hi, value))
        scale = value / default
        lo, hi = sorted((float(param.low) * scale, float(param.high) * scale))
        return lo, hi

    def plausibility_warnings(self) -> list[PlausibilityWarning]:
        """List inputs accepted (inside the hard limits) but outside their plausible range.

        The plausible range is the registry's low/high for the preset this scenario started from:
        the registry's range for the default preset, scaled by ``preset value / registry default``
        for a preset whose value differs (roubles in ``ru``). Every face lists these warnings: the
        CLI prints them, the report's assumptions page, the dashboard and the workbook show them.

        Returns
        -------
        list of PlausibilityWarning
            In registry order; empty when every input is plausible.

        Examples
        --------
        >>> Scenario.default().plausibility_warnings()
        []
        >>> w = Scenario.default().with_changes({"inhouse.agent_hourly_wage": 95.0})
        >>> [(x.path, x.value, x.low, x.high) for x in w.plausibility_warnings()]
        [('inhouse.agent_hourly_wage', 95.0, 16.0, 25.0)]
        """
        preset = PRESETS.get(self._preset, {})
        out: list[PlausibilityWarning] = []
        for p in PARAMETERS:
            if not p.numeric or p.low is None or p.high is None or p.path == "outsourced.fx_rate":
                continue  # (an exchange rate has no plausible level of its own)
            value = float(self._values[p.path])
            lo, hi = float(p.low), float(p.high)
            default = float(p.default)
            if p.path in preset and default != 0.0:
                ref = float(preset[p.path][0])
                if ref != default:
                    lo, hi = sorted((lo * ref / default, hi * ref / default))
            lo, hi = min(lo, hi), max(lo, hi)
            if value < lo or value > hi:
                out.append(PlausibilityWarning(p.path, value, lo, hi, p.unit))
        return out

    def to_dict(self) -> dict[str, Any]:
        """Nested sections, as written to files (vectors as lists)."""
        out: dict[str, Any] = {"preset": self._preset}
        for p in PARAMETERS:
            v = self._values[p.path]
            out.setdefault(p.section, {})[p.name] = list(v) if isinstance(v, tuple) else v
        return out

    def with_changes(self, changes: Mapping[str, Any]) -> Scenario:
        """Return a new scenario with some inputs changed by dotted path, all validated at once."""
        values = dict(self._values)
        values.update(changes)
        sources = dict(self._sources)
        for path in changes:
            if path in _REGISTRY:
                sources[path] = "user input"
        return Scenario(values, preset=self._preset, sources=sources)

    def to_file(self, path: str | os.PathLike[str]) -> Path:
        """Write the scenario; ``.yaml``/``.yml`` gives a commented YAML, ``.json``/``.toml`` too.

        The file is written atomically (a temporary file renamed over the target), so a failure
        never leaves a half-written file over the user's.
        """
        p = Path(path)
        suffix = p.suffix.lower()
        if suffix in (".yaml", ".yml"):
            text = self.to_yaml()
        elif suffix == ".json":
            text = json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
        elif suffix == ".toml":
            text = tomli_w.dumps(self.to_dict())
        else:
            raise InputError(f"path must end in .yaml, .yml, .json or .toml, got {str(p)!r}")
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, p)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return p

    def to_yaml(self) -> str:
        """Write the scenario as commented YAML: each input with its unit, range and source."""
        lines = [
            "# roi-models scenario. Units: time in seconds unless stated, shares as decimals",
            "# (0.8, not 80), money in finance.currency. Each input: unit | plausible range |",
            "# source. Delete a line to use the preset's value.",
            f"preset: {self._preset}",
        ]
        section = None
        # grouped by section in the registry's section order (an input declared out of its
        # section's run still lands in its section)
        for p in sorted(PARAMETERS, key=lambda q: SECTIONS.index(q.section)):
            if p.section != section:
                section = p.section
                lines += ["", f"{section}:"]
            value = self._values[p.path]
            dumped = yaml.safe_dump({p.name: list(value) if isinstance(value, tuple) else value},
                                    default_flow_style=True, allow_unicode=True, width=10_000,
                                    sort_keys=False).strip()
            dumped = dumped[1:-1] if dumped.startswith("{") else dumped
            rng = ""
            if p.numeric and p.low is not None:
                lo, hi = self.range_of(p.path)
                rng = f" | {lo:g}-{hi:g}"
            elif p.kind == "choice":
                rng = " | " + "/".join(p.choices)
            note = f"{p.unit}{rng} | {self.source_of(p.path)}".replace("\n", " ")
            lines.append(f"  # {p.description}")
            lines.append(f"  {dumped}  # {note}")
        return "\n".join(lines) + "\n"


def _foreign_vendor_currency(v: Mapping[str, Any]) -> bool:
    """Whether the vendor prices in another currency than the scenario (``outsourced.currency``)."""
    cur = str(v["outsourced.currency"]).strip().upper()
    return cur not in ("", str(v["finance.currency"]).strip().upper())



def _flatten(data: Mapping[Any, Any], problems: list[str]) -> tuple[dict[str, Any], int]:
    """Flatten nested sections and dotted keys to ``{dotted path: value}``.

    Key problems are appended to ``problems``; returns the flat inputs and the number of unknown
    sections (the first ``_MAX_UNKNOWN`` of them listed with a suggestion).
    """
    flat: dict[str, Any] = {}
    unknown = 0
    for key, value in data.items():
        if key == "preset":
            continue
        if not isinstance(key, str):
            problems.append(f"key {_show(key)}: keys must be section or input names (text)")
            continue
        if len(key) > 100:
            problems.append(f"key {_show(key, 60)}: not a section or input name")
            continue
        if "." in key:
            flat[key] = value
        elif key in SECTIONS and isinstance(value, Mapping):
            for name, v in value.items():
                if not isinstance(name, str) or len(name) > 100:
                    problems.append(f"{key}.{_show(name, 60)}: not an input name (text)")
                    continue
                flat[f"{key}.{name}"] = v
        elif key in SECTIONS:
            problems.append(f"{key}: must be a section of inputs (a mapping), got {_show(value)}")
        else:
            unknown += 1
            if unknown <= _MAX_UNKNOWN:
                close = difflib.get_close_matches(key, SECTIONS, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(f"{key}: unknown section{hint}")
    return flat, unknown


def _read_text(p: Path, origin: str) -> str:
    """Read a scenario file's text: at most ``MAX_FILE_BYTES``, UTF-8, not blank or all comments."""
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ScenarioError([f"cannot read the file: {exc.strerror or exc}"], origin) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError([f"the file is over {MAX_FILE_BYTES:,} bytes; a scenario is about "
                             f"20 kB (is this the right file?)"], origin)
    text = _decode(raw, origin)
    meaningful = [ln for ln in text.splitlines()
                  if ln.strip() and not ln.lstrip().startswith("#")]
    if not meaningful:
        raise ScenarioError([_EMPTY], origin)
    return text


def _parse_text(text: str, suffix: str, origin: str) -> Any:
    """Parse a scenario file's text by its suffix (safe loaders only); a parse error is one problem."""
    try:
        if suffix in (".yaml", ".yml"):
            return _load_yaml(text)
        if suffix == ".json":
            return json.loads(text)
        return tomllib.loads(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ScenarioError([f"malformed YAML{where}: {_show(what)[1:-1]}"], origin) from None
    except json.JSONDecodeError as exc:
        raise ScenarioError([f"malformed JSON at line {exc.lineno}, column {exc.colno}: "
                             f"{exc.msg}"], origin) from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError([f"malformed TOML: {_show(str(exc).splitlines()[0])[1:-1]}"],
                            origin) from None
    except RecursionError:
        raise ScenarioError(["the file nests too deeply (a scenario is sections of inputs, "
                             "two levels)"], origin) from None
    except InputError as exc:  # the alias cap
        raise ScenarioError([str(exc)], origin) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ScenarioError([f"cannot read a value: {_show(str(exc))[1:-1]}"], origin) from None


def _decode(raw: bytes, origin: str) -> str:
    """Decode a scenario file's text: UTF-8 (a BOM allowed); anything else is one clear problem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ScenarioError(["the file is UTF-16; save it as UTF-8"], origin)
    if b"\x00" in raw:
        raise ScenarioError(["not a text file (it holds NUL bytes); a scenario is YAML, JSON or "
                             "TOML text"], origin)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError([f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at position "
                             f"{exc.start}); save the file as UTF-8"], origin) from None


def _depth(value: Any, limit: int = 8) -> int:
    """Nesting depth of lists and mappings, counted up to ``limit``."""
    if limit == 0 or not isinstance(value, Mapping | list | tuple):
        return 0
    items = value.values() if isinstance(value, Mapping) else value
    return 1 + max((_depth(v, limit - 1) for v in items), default=0)


def _cross_checks(v: Mapping[str, Any]) -> list[str]:
    """Check what involves more than one input."""
    problems = []
    if not _foreign_vendor_currency(v) and v["outsourced.fx_rate"] != 1.0:
        problems.append(f"outsourced.fx_rate: must be 1 when the vendor prices in the scenario's "
                        f"currency (set outsourced.currency to the vendor's), got "
                        f"{v['outsourced.fx_rate']!r}")
    th, disc = v["outsourced.tier_thresholds"], v["outsourced.tier_discounts"]
    if len(th) != len(disc):
        problems.append(f"outsourced.tier_discounts: must have one discount per threshold "
                        f"({len(th)}), got {len(disc)}")
    elif list(th) != sorted(th):
        problems.append(f"outsourced.tier_thresholds: must be increasing, got {list(th)}")
    for name in ("demand.weekday_profile", "demand.weekend_profile"):
        if sum(v[name]) <= 0:
            problems.append(f"{name}: needs at least one interval with arrivals (all weights "
                            f"are 0)")
    if sum(v["demand.seasonality"]) <= 0:
        problems.append("demand.seasonality: needs at least one month above 0")
    churn, rate = v["revenue.annual_base_churn"], v["finance.discount_rate"]
    # a churn below 1e-6 a year makes the monthly retention round to 1 (found by the fuzz)
    if v["revenue.value_method"] == "clv" and (churn < 1e-6 or churn + rate <= 0):
        problems.append(f"revenue.value_method: 'clv' needs revenue.annual_base_churn >= 1e-6 and "
                        f"revenue.annual_base_churn + finance.discount_rate > 0 (got {churn:g} and "
                        f"{rate:g}): a customer who never leaves, undiscounted, is worth an infinite "
                        f"lifetime value; use 'margin'")
    return problems
