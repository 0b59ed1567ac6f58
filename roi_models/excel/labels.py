"""Labels of the business-case workbook in another language (``roi-models workbook --lang ru``).

Cost lines, drivers, options, metrics and units come from the report's translation table
(:mod:`roi_models.report.i18n`, one definition of each label); the workbook's own phrases (row
labels, headers, sheet notes) are in :data:`RU` below. Only labels change: sheet names, formulas,
the Inputs paths and values, the Engine sheet and every text a formula compares (pricing-model
codes, "never within the horizon") stay as built, so the Russian workbook computes exactly what
the English one does (tests/test_excel_workbook.py compares their formulas).

>>> translate_text("total cost: inhouse", _lang("ru"))
'итого затраты: свой центр'
"""

from __future__ import annotations

from typing import Any

__all__ = ["LABELLED_SHEETS", "RU", "translate", "translate_text"]

#: Sheets whose labels are translated (Engine, Engine cache and xlwings.conf stay as built).
LABELLED_SHEETS = ("About", "Inputs", "Staffing", "Costs", "Revenue", "Cash flow", "Summary",
                   "Checks")

#: The workbook's own phrases in Russian (keys: the English text the builder writes).
RU: dict[str, str] = {
    # sheet titles (the sheet tabs keep their names: formulas refer to them)
    "About": "О книге", "Inputs": "Исходные данные", "Staffing": "Персонал", "Costs": "Затраты",
    "Revenue": "Выручка", "Cash flow": "Денежный поток", "Summary": "Сводка",
    "Checks": "Проверки", "Engine": "Движок", "Engine cache (hidden)": "Кэш движка (скрыт)",
    # headers and units of the month axis
    "month starting": "начало месяца", "date": "дата", "month": "месяц", "index": "номер",
    "contract year (0-based)": "год контракта (с 0)", "year": "год", "unit": "ед. изм.",
    "metric": "показатель", "measure": "показатель", "check": "проверка", "native": "Excel",
    "engine": "движок", "engine (CC_)": "движок (CC_)", "Excel's own": "функции Excel",
    "OK": "верно", "low": "минимум", "high": "максимум", "note": "примечание",
    "flag": "флаг", "factor": "коэффициент", "units": "единицы", "months": "мес.",
    # Costs
    "OPTION": "ВАРИАНТ", "total_cost": "итого затраты", "revenue_effect": "эффект на выручку",
    "wage escalation index": "индекс роста зарплат",
    "rent escalation index": "индекс роста аренды", "licence escalation index":
    "индекс роста лицензий", "cola escalation index": "индекс COLA подрядчика",
    "month-0 flag": "флаг месяца 0", "vendor rate by pricing model":
    "ставка подрядчика по модели оплаты", "shared delivery bills per":
    "общая команда: оплата за", "shared delivery label": "метка общей команды",
    "effective pricing model": "действующая модель оплаты", "vendor rate": "ставка подрядчика",
    "volume tiers: threshold, discount": "ступени объёма: порог, скидка",
    "vendor active (any billable units)": "подрядчик работает (есть оплачиваемые единицы)",
    "billed units before tiers (minimum commitment)":
        "оплачиваемые единицы до скидок (минимальный объём)",
    "billed units after tiers": "оплачиваемые единицы после скидок",
    "tier 1 discount units": "единицы со скидкой 1-й ступени",
    "tier 2 discount units": "единицы со скидкой 2-й ступени",
    "tier 3 discount units": "единицы со скидкой 3-й ступени",
    # Revenue
    "lost sales margin": "упущенная маржа продаж", "retention loss (engine)":
    "потери от оттока (движок)", "outbound campaign value (engine)":
    "ценность исходящих кампаний (движок)",
    # Cash flow
    "discount factor": "коэффициент дисконтирования", "monthly discount rate":
    "месячная ставка дисконтирования", "net cash flow": "чистый денежный поток",
    "revenue effect": "эффект на выручку", "total cost": "итого затраты",
    "cumulative": "накопленный поток", "discounted cumulative": "дисконтированный накопленный поток",
    "reached 0 by this month": "достиг 0 к этому месяцу",
    "discounted reached 0 by this month": "дисконтированный достиг 0 к этому месяцу",
    "payback if first reached in this month": "окупаемость, если 0 впервые в этом месяце",
    "discounted payback if first reached in this month":
        "дисконтированная окупаемость, если 0 впервые в этом месяце",
    "payback months (native)": "окупаемость, мес. (Excel)",
    "discounted payback months (native)": "дисконтированная окупаемость, мес. (Excel)",
    "payback months": "окупаемость, мес.", "discounted payback months":
    "дисконтированная окупаемость, мес.", "IRR (annualised)": "IRR (годовая)", "NPV": "NPV",
    "switching to outsourced vs in-house": "переход на аутсорсинг против своего центра",
    "switching to hybrid vs in-house": "переход на гибрид против своего центра",
    "Excel NPV: month 0 added undiscounted, NPV() over months 1..":
        "NPV в Excel: месяц 0 без дисконта, NPV() по месяцам 1..",
    "Excel IRR is per month: annualised as (1+IRR)^12-1":
        "IRR в Excel месячная: годовая = (1+IRR)^12-1",
    "inc_outsourced": "аутсорсинг против своего центра",
    "inc_hybrid": "гибрид против своего центра",
    # Summary
    "switching vs in-house": "переход против своего центра",
    "engine: outsourced": "движок: аутсорсинг", "engine: hybrid": "движок: гибрид",
    "recommended (highest NPV)": "рекомендуется (наибольшая NPV)",
    "MASTER CHECK (Checks sheet)": "ОБЩАЯ ПРОВЕРКА (лист Checks)",
    "engine figures": "цифры движка",
    # Checks
    "MASTER CHECK (all checks true)": "ОБЩАЯ ПРОВЕРКА (все проверки верны)",
    "shape": "форма", "horizon as built": "горизонт как при сборке",
    "volume tiers as built": "ступени объёма как при сборке",
    "total cost = engine": "итого затраты = движок",
    "engine lines sum to the engine total": "статьи движка в сумме = итог движка",
    "NPV (native) = engine": "NPV (Excel) = движок", "Excel's NPV = engine": "NPV Excel = движок",
    "Excel's IRR = engine": "IRR Excel = движок",
    "payback (native) = engine": "окупаемость (Excel) = движок",
    "discounted payback (native) = engine": "дисконтированная окупаемость (Excel) = движок",
    # Staffing
    "voice calls offered in month 0": "звонков в месяце 0",
    "voice calls per week": "звонков в неделю",
    "weekday interval share factor": "коэффициент доли интервала (будни)",
    "weekend interval share factor": "коэффициент доли интервала (выходные)",
    "check: interval calls sum to the week": "проверка: звонки по интервалам = неделя",
    "slot": "слот", "weekday weight": "вес (будни)", "weekend weight": "вес (выходные)",
    "day": "день", "time": "время", "weekend flag": "выходной", "arrival weight": "вес поступления",
    "share of week": "доля недели", "calls offered": "поступило звонков",
    "agents required": "нужно операторов", "service level": "уровень сервиса",
    "agent hours a week on the floor (voice)": "часов операторов на линии в неделю (голос)",
    "Mon": "Пн", "Tue": "Вт", "Wed": "Ср", "Thu": "Чт", "Fri": "Пт", "Sat": "Сб", "Sun": "Вс",
    # Inputs
    "shape of this workbook: to change it, rebuild with `roi-models workbook --scenario my.yaml`":
        "форма книги: чтобы изменить, пересоберите `roi-models workbook --scenario my.yaml`",
    "shape of this workbook: rebuild with `roi-models workbook --scenario`":
        "форма книги: пересоберите `roi-models workbook --scenario`",
    # About (first column)
    "Contact-center business case: in-house vs outsourced vs hybrid":
        "Бизнес-кейс контакт-центра: свой центр, аутсорсинг или гибрид",
    "Sheets": "Листы", "Colour legend (FAST / ICAEW)": "Цвета (FAST / ICAEW)",
    "Input": "Исходное значение", "Shape input": "Параметр формы", "Formula": "Формула",
    "Link to another sheet or to the engine": "Ссылка на другой лист или на движок",
    "Conventions": "Соглашения", "Without the add-in (no Python)": "Без надстройки (без Python)",
    "Get the functions (no package index has roi-models)":
        "Где взять функции (roi-models нет в каталогах пакетов)",
    "Windows, classic xlwings add-in": "Windows, классическая надстройка xlwings",
    "xlwings Lite (web / Mac / Windows)": "xlwings Lite (веб / Mac / Windows)",
    "Errors": "Ошибки",
}

#: Text cells a formula compares or passes to a CC_ function: never translated.
KEEP = frozenset({"per_productive_hour", "per_logged_in_hour", "per_fte_month",
                  "per_handled_minute", "per_contact", "shared"})


def _lang(lang: str, currency: str = "USD") -> Any:
    from roi_models.report.i18n import Lang

    return Lang(lang, currency)


def translate_text(text: str, tr: Any) -> str:
    """One label: a workbook phrase, an option, a cost line or driver, a metric, ``a: b``."""
    from roi_models.report.i18n import TEXT

    if tr.lang == "en" or text in KEEP:
        return text
    stripped = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    if stripped in RU:
        return lead + RU[stripped]
    if f"option_short.{stripped}" in TEXT:
        return lead + tr.t(f"option_short.{stripped}")
    for prefix in ("metric.", "inc."):
        if f"{prefix}{stripped}" in TEXT and "{" not in TEXT[f"{prefix}{stripped}"][tr.lang]:
            return lead + tr.t(f"{prefix}{stripped}")
    if f"line.{stripped}" in TEXT:
        return lead + tr.line(stripped)
    if ": " in stripped:
        head, _, tail = stripped.partition(": ")
        return lead + f"{translate_text(head, tr)}: {translate_text(tail, tr)}"
    return text


def translate(wb: Any, lang: str, currency: str) -> None:
    """Translate the labels of a built workbook in place (formulas and values untouched)."""
    if lang == "en":
        return
    tr = _lang(lang, currency)
    for name in LABELLED_SHEETS:
        ws = wb[name]
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if not isinstance(v, str) or v.startswith("="):
                    continue
                if name == "Inputs":
                    if cell.row == 4 or (cell.column == 9):
                        cell.value = translate_text(v, tr)
                    elif cell.column == 4 and cell.row > 4:
                        cell.value = tr.unit(v) if v else v
                    continue
                if name == "About" and cell.column == 2:
                    continue  # the long notes stay in English (see README)
                cell.value = translate_text(v, tr)
