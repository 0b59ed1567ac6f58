"""The report's words and number formats: one formatter for every language and face.

Every piece of text a reader sees in the HTML, PDF, Markdown and XLSX comes from the language's
table (:mod:`roi_models.report.lang`: ``en.py``, ``ru.py``) through :class:`Lang`. A key missing in
one language is a bug (``tests/test_report.py`` checks that every language has every English key
with the same placeholders); :meth:`Lang.t` raises ``KeyError`` on an unknown key.

Numbers follow the language's :class:`~roi_models.report.lang.rules.NumberRules`: ``$1,234,567``
and ``83.3%`` in English; ``1 234 567 ₽`` and ``83,3 %`` in Russian, with no-break spaces (U+00A0)
as the thousands separator and before the unit, so a figure never wraps across lines. Money is
rounded here, on display only. :func:`format_value` is the one public formatter the other faces
(the dashboard, the CLI) use too.

Sentences with figures are :class:`Text` objects: literal pieces and :class:`Num` pieces. A ``Num``
keeps the engine's exact value and a key naming where it came from, so the HTML can tag each figure
(``data-key``, ``data-value``) and the tests can check every figure against the engine.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from roi_models.report.lang import LANGS, table

__all__ = ["CURRENCY_SYMBOLS", "DECIMALS", "LANGS", "TEXT", "Lang", "Num", "Text", "format_value"]

NBSP = "\u00a0"
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "₽", "JPY": "¥", "CNY": "¥",
                    "INR": "₹", "KZT": "₸", "UAH": "₴"}
#: Decimals each value kind is displayed with (the XLSX number formats follow the same table).
DECIMALS: dict[str, int] = {"money": 0, "money2": 2, "short": 1, "share": 1, "rate": 1,
                            "fte": 1, "count": 0, "months": 1, "number": 2}

#: key -> {language: text}, read from the language tables (for tests and tools).
TEXT: dict[str, dict[str, str]] = {
    key: {code: table(code).TEXT.get(key, "") for code in LANGS} for key in table("en").TEXT}


# ------------------------------------------------------------------------------------ figures
@dataclass(frozen=True)
class Num:
    """A figure on display: its text, the engine's exact value, and where the value came from."""

    text: str
    value: float | None = None
    key: str = ""
    kind: str = ""

    def __str__(self) -> str:
        return self.text


class Text:
    """A sentence: literal strings and :class:`Num` figures, in order."""

    def __init__(self, parts: list[str | Num]) -> None:
        self.parts = parts

    def __iter__(self) -> Iterator[str | Num]:
        return iter(self.parts)

    def __str__(self) -> str:
        return "".join(str(p) for p in self.parts)

    def nums(self) -> list[Num]:
        return [p for p in self.parts if isinstance(p, Num)]


def _group(digits: str, sep: str) -> str:
    out: list[str] = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


class Lang:
    """Words and number formats of one language for one currency.

    Examples
    --------
    >>> en, ru = Lang("en", "USD"), Lang("ru", "RUB")
    >>> en.money(1234567.4), ru.money(1234567.4) == "1\\u00a0234\\u00a0567\\u00a0₽"
    ('$1,234,567', True)
    >>> en.pct(0.8333), ru.pct(0.8333) == "83,3\\u00a0%"
    ('83.3%', True)
    >>> en.money(-7155957.2, short=True), en.months(11.99) == "12.0\\u00a0months"
    ('-$7.2M', True)
    >>> ru.plural("noun.agent", 23), ru.plural("noun.agent", 21), en.plural("noun.agent", 1)
    ('оператора', 'оператор', 'agent')
    """

    def __init__(self, lang: str = "en", currency: str = "USD", baseline: str = "inhouse") -> None:
        if lang not in LANGS:
            from roi_models.errors import InputError

            raise InputError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
        self.lang = lang
        self.currency = str(currency)
        #: the option incremental figures are against (``BusinessCase.baseline``): it fills every
        #: ``{base}`` ("against in-house", "against in-house as staffed today"), and beside a
        #: status quo the in-house option reads "staffed to target"
        self.baseline = baseline
        self.symbol = CURRENCY_SYMBOLS.get(self.currency.upper(), self.currency)
        mod = table(lang)
        self.rules = mod.RULES
        self._text: dict[str, str] = mod.TEXT
        self.group = self.rules.group
        self.decimal = self.rules.decimal

    # ---- words
    def has(self, key: str) -> bool:
        return key in self._text

    def t(self, key: str, **kw: Any) -> str:
        """The text of ``key`` in this language with the placeholders filled (as plain text)."""
        return str(self.text(key, **kw))

    def text(self, key: str, **kw: Any) -> Text:
        """The text of ``key`` as a :class:`Text`, keeping :class:`Num` figures as such.

        A literal that starts with the full stop a figure already ends with (``12,0 мес.`` then
        ``.``) loses it: no doubled punctuation.
        """
        template = self._text[key]
        parts: list[str | Num] = []
        for literal, field, _spec, _conv in string.Formatter().parse(template):
            if literal:
                if parts and literal[:1] == "." and str(parts[-1]).endswith("."):
                    literal = literal[1:]
                if literal:
                    parts.append(literal)
            if field is None:
                continue
            value = kw[field] if field in kw or field != "base" else self._text[
                "base." + self.baseline]
            if isinstance(value, Text):
                parts.extend(value.parts)
            elif isinstance(value, Num):
                parts.append(value)
            else:
                parts.append(str(value))
        return Text(parts)

    def scenario_text(self, scenario: Any, name: str) -> str:
        """``scenario.name`` / ``scenario.notes`` for display: a preset's shipped text in this
        language (``preset.<preset>.<name>`` in the table), the user's own text as typed."""
        from roi_models.scenario import Scenario

        value = str(scenario[f"scenario.{name}"] or "")
        preset = str(scenario.preset_name)
        key = f"preset.{preset}.{name}"
        try:
            shipped = str(Scenario.preset(preset)[f"scenario.{name}"] or "")
        except Exception:  # a scenario from a file has no preset to compare with
            return value
        return self.t(key) if value == shipped and self.has(key) else value

    def plural(self, key: str, n: float) -> str:
        """The form of the plural entry ``key`` (``"form|form|form"``) that agrees with ``n``."""
        forms = self._text[key].split("|")
        return forms[min(self.rules.plural(n), len(forms) - 1)]

    def line(self, column: str) -> str:
        """The label of an engine column (cost line or driver).

        A column the engine gained after this table was written shows as its name in words
        (``tests/test_report.py`` fails until it is translated).
        """
        key = "line." + column
        return self.t(key) if key in self._text else column.replace("_", " ").capitalize()

    def param(self, path: str) -> str:
        """The name of a registry input (``inhouse.agent_hourly_wage`` -> "Agent hourly wage").

        An input added to the registry after this table was written shows its dotted path
        (``tests/test_report.py`` lists the inputs that lack a name in some language).
        """
        key = "input." + path
        return self._text[key] if key in self._text else path

    def option(self, name: str, *, lower: bool = False) -> str:
        """An option's label (``option.<name>``; lower case inside a sentence); beside a status
        quo the in-house option is "In-house, staffed to target"."""
        if name == "inhouse" and self.baseline == "status_quo":
            name = "inhouse_to_target"
        key = ("option_lc." if lower else "option.") + name
        return self.t(key) if key in self._text else name.replace("_", " ")

    def unit(self, unit: str) -> str:
        """A registry or driver unit in this language, ``money`` as the currency."""
        key = "unit." + unit
        if key in self._text:
            return self.t(key, cur=self.symbol)
        if unit.startswith(self.currency + "/"):  # the engine's "USD/month"
            unit = "money/" + unit.split("/", 1)[1]
            if "unit." + unit in self._text:
                return self.t("unit." + unit, cur=self.symbol)
        if unit == self.currency:
            return self.symbol
        # a unit added to the registry after this table: translate it word by word
        # (tests/test_report.py lists the registry's units that lack an entry)
        words = []
        for word in unit.split("/"):
            if word == "money":
                words.append(self.symbol)
            else:
                words.append(self.t("unit." + word) if "unit." + word in self._text else word)
        return "/".join(words)

    def unit_of_kind(self, kind: str) -> str:
        """The unit column of a value kind (money, share, rate, fte, count, months)."""
        if kind in ("money", "money2", "short"):
            return self.symbol
        return self.t("kindunit." + kind) if "kindunit." + kind in self._text else ""

    # ---- numbers
    def number(self, x: float, decimals: int = 0) -> str:
        text = f"{abs(x):.{decimals}f}"
        whole, _, frac = text.partition(".")
        out = _group(whole, self.group) + (self.decimal + frac if frac else "")
        negative = x < 0 and out.strip("0,. " + NBSP) != ""
        return ("-" if negative else "") + out

    def _with_currency(self, amount: str) -> str:
        sign = "-" if amount.startswith("-") else ""
        amount = amount.lstrip("-")
        if self.symbol in self.rules.currency_before:
            return f"{sign}{self.symbol}{amount}"
        return f"{sign}{amount}{NBSP}{self.symbol}"

    def money(self, x: float, decimals: int = 0, *, short: bool = False) -> str:
        """Money for people: full (``$1,234,567``) or short (``$1.2M``, ``965 тыс. ₽``)."""
        if x is None or not math.isfinite(x):
            return self.t("value.na")
        if short:
            a = abs(x)
            for scale, key, d in ((1e9, "value.billion", 1), (1e6, "value.million", 1),
                                  (1e3, "value.thousand", 0)):
                if a >= scale * (1 - 0.5 * 10 ** -(3 + d)):
                    core = self.number(x / scale, d) + self.t(key).replace(" ", NBSP)
                    return self._with_currency(core)
        return self._with_currency(self.number(x, decimals))

    def pct(self, x: float, decimals: int = 1) -> str:
        if x is None or not math.isfinite(x):
            return self.t("value.na")
        return self.rules.percent.format(n=self.number(x * 100, decimals))

    def months(self, x: float, decimals: int = 1) -> str:
        if x is None or not math.isfinite(x):
            return self.t("value.never")
        return self.t("value.months", n=self.number(x, decimals)).replace(" ", NBSP, 1)

    def fmt(self, value: Any, kind: str) -> str:
        """Format an engine value by kind: money, money2, short, share, rate, fte, count, months,
        number (:data:`DECIMALS` gives each kind's decimals)."""
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            return self.t("value.never") if kind == "months" else self.t("value.na")
        x = float(value)
        if kind == "money":
            return self.money(x)
        if kind == "money2":
            return self.money(x, 2)
        if kind == "short":
            return self.money(x, short=True)
        if kind in ("share", "rate"):
            return self.pct(x)
        if kind == "months":
            return self.months(x)
        return self.number(x, DECIMALS.get(kind, 2))

    def num(self, value: Any, kind: str, key: str = "") -> Num:
        """A :class:`Num` for ``value`` formatted by ``kind``, tagged with ``key``."""
        v = None if value is None else float(value)
        return Num(self.fmt(value, kind), v, key, kind)

    def input_value(self, value: Any, unit: str = "") -> str:
        """An input value for display: what a person typed, never float noise.

        Up to 4 significant digits after the point (``55.2``, not ``55.199999999999996``;
        ``0.05333`` for 0.16/3); whole numbers in full.
        """
        if isinstance(value, (tuple, list)):
            return "; ".join(self.input_value(v, unit) for v in value)
        if isinstance(value, bool):
            return self.t("value.true" if value else "value.false")
        if isinstance(value, (int, float)):
            x = float(value)
            if not math.isfinite(x):
                return self.t("value.na")
            if x.is_integer() and abs(x) < 1e15:
                return self.number(x, 0)
            digits = max(0, 3 - math.floor(math.log10(abs(x)))) if x else 0
            text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
            decimals = len(text.split(".")[1]) if "." in text else 0
            return self.number(x, decimals)
        if isinstance(value, str) and self.has("choice." + value):
            return self.t("choice." + value)
        return str(value)

    plain = input_value


def format_value(value: Any, kind: str, currency: str = "USD", lang: str = "en") -> str:
    """Format one engine value for people in ``lang``: the formatter every face shares.

    Parameters
    ----------
    value : float
        The engine's value (NaN/None print as "n/a", or "never within the horizon" for months).
    kind : {"money", "money2", "short", "share", "rate", "fte", "count", "months", "number"}
    currency : str
        ISO code of the money (``finance.currency``); printed as its symbol.
    lang : str
        One of :data:`LANGS`.

    Examples
    --------
    >>> format_value(-24448610.4, "money", "USD")
    '-$24,448,610'
    >>> format_value(0.8333, "share"), format_value(float("nan"), "months")
    ('83.3%', 'never within the horizon')
    >>> format_value(1234567.4, "short", "RUB", "ru") == "1,2\\u00a0млн\\u00a0₽"
    True
    """
    return _lang(lang, currency).fmt(value, kind)


_LANGS: dict[tuple[str, str], Lang] = {}


def _lang(lang: str, currency: str) -> Lang:
    key = (lang, currency)
    if key not in _LANGS:
        _LANGS[key] = Lang(lang, currency)
    return _LANGS[key]
