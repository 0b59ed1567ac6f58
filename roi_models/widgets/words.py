"""The dashboard's words in English and Russian: its own table, on top of the report's.

The report's translation table (:mod:`roi_models.report.i18n`, read through :class:`Lang` and its
``TEXT`` keys) has the option names, metrics, units and number words. What only the dashboard
says lives here, in one table per kind with both languages side by side:

* :data:`TEXT` — buttons, headings, messages (placeholders in braces).

Input names (``input.<path>``) and choice words (``choice.<value>``) come from the report's
language tables only: one definition of each label for every face. ``tests/test_widgets.py``
checks that every key here has both languages with the same placeholders. :class:`Words`
answers from this table first, then from the report's.

>>> w = Words("ru", "RUB")
>>> w.param("inhouse.agent_hourly_wage"), w.choice("hybrid.mode", "overflow")
('Часовая ставка оператора', 'перелив')
"""

from __future__ import annotations

import string
from typing import Any

from roi_models.report.i18n import Lang

__all__ = ["TEXT", "Words"]

# key -> {"en": ..., "ru": ...}
TEXT: dict[str, dict[str, str]] = {
    "title": {"en": "Contact center: in-house, outsourced or hybrid?",
              "ru": "Контакт-центр: свой, аутсорсинг или гибрид?"},
    "subtitle": {"en": "{name} · money in {currency} over {months} months",
                 "ru": "{name} · суммы в {currency} за {months} мес."},
    "loading": {"en": "Loading the dashboard…", "ru": "Загружаем панель…"},
    # strip
    "strip.switch": {
        "en": "{option} is worth {npv} more than {base} (incremental NPV over {months} months) — "
              "recommended.",
        "ru": "{option} выгоднее {base} на {npv} (приростная NPV за {months} мес.) — "
              "рекомендуем."},
    "strip.base.inhouse": {"en": "staying in-house", "ru": "своего центра"},
    "strip.base.status_quo": {"en": "keeping today's staffing",
                              "ru": "своего центра при текущем штате"},
    "strip.worth": {"en": "worth {worth} of revenue against in-house",
                    "ru": "эффект на выручку {worth} против своего центра"},
    "strip.stay": {
        "en": "Stay in-house: the best alternative, {option}, is worth {npv} against it "
              "(incremental NPV over {months} months).",
        "ru": "Оставить свой центр: лучшая альтернатива ({option}) даёт {npv} против него "
              "(приростная NPV за {months} мес.)."},
    "strip.p_better": {"en": "P({option} better) {p}", "ru": "P({option} лучше) {p}"},
    "strip.p_stale": {"en": "before your last change", "ru": "до последнего изменения"},
    "strip.like_for_like": {"en": "Service like for like across the options.",
                            "ru": "Сервис у вариантов сопоставим."},
    "strip.service_diff": {"en": "Not like for like:", "ru": "Сервис различается:"},
    "strip.diff_item": {"en": "{option} {metric} {value} vs {base} in-house",
                        "ru": "{option}: {metric} {value} против {base} у своего центра"},
    "strip.payback": {"en": "payback", "ru": "окупаемость"},
    "strip.sl": {"en": "SL", "ru": "SL"},
    # cards
    "kpi.total_cost": {"en": "Total cost", "ru": "Затраты"},
    "kpi.cost_per_contact": {"en": "Cost per contact", "ru": "Цена обращения"},
    "kpi.incremental_npv": {"en": "NPV vs in-house", "ru": "NPV к своему"},
    "kpi.incremental_npv.status_quo": {"en": "NPV vs today", "ru": "NPV к текущему"},
    "kpi.payback_months": {"en": "Payback", "ru": "Окупаемость"},
    "kpi.fte": {"en": "FTE (own + vendor)", "ru": "FTE (свои + подрядчик)"},
    "kpi.voice_service_level": {"en": "Service level, voice", "ru": "Уровень сервиса"},
    "kpi.voice_abandon_rate": {"en": "Abandonment, voice", "ru": "Брошенные звонки"},
    "kpi.reference": {"en": "reference", "ru": "база"},
    "kpi.never": {"en": "never", "ru": "нет"},
    "kpi.recommended": {"en": "recommended", "ru": "рекомендуем"},
    # inputs
    "tab.key": {"en": "Key drivers", "ru": "Главное"},
    "tab.demand": {"en": "Demand", "ru": "Спрос"},
    "tab.service": {"en": "Service", "ru": "Сервис"},
    "tab.inhouse": {"en": "In-house", "ru": "Свой центр"},
    "tab.outsourced": {"en": "Outsourced", "ru": "Аутсорсинг"},
    "tab.hybrid": {"en": "Hybrid", "ru": "Гибрид"},
    "tab.outbound": {"en": "Outbound", "ru": "Исходящие"},
    "tab.revenue": {"en": "Revenue", "ru": "Выручка"},
    "tab.tax": {"en": "Tax", "ru": "Налоги"},
    "tab.finance": {"en": "Finance", "ru": "Финансы"},
    "sl.every_party": {"en": "Voice SL target, every party", "ru": "Целевой SL, все стороны"},
    "sl.every_party_note": {
        "en": "moves the in-house target and the vendor's contracted target together",
        "ru": "меняет цель своего центра и цель в договоре с подрядчиком вместе"},
    "sl.only_inhouse": {"en": "in-house only; the vendor's contract target is on the "
                              "Outsourced tab",
                        "ru": "только свой центр; цель подрядчика — во вкладке «Аутсорсинг»"},
    "sl.only_vendor": {"en": "vendor's contract only; the in-house target is on the Service tab",
                       "ru": "только договор подрядчика; цель своего центра — во вкладке "
                             "«Сервис»"},
    "source": {"en": "Source", "ru": "Источник"},
    "source.estimate": {"en": "estimate", "ru": "оценка"},
    "source.docs": {"en": "the kit's documented design choice", "ru": "проектное решение пакета"},
    "profile.months": {"en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
                       "ru": "янв фев мар апр май июн июл авг сен окт ноя дек"},
    "profile.mean": {"en": "average {mean} (1 = flat)", "ru": "среднее {mean} (1 = ровно)"},
    "profile.share": {"en": "{share} of the day's contacts", "ru": "{share} контактов дня"},
    "list.hint": {"en": "numbers separated by commas", "ru": "числа через запятую"},
    # scenario box
    "scen.title": {"en": "Scenario", "ru": "Сценарий"},
    "scen.name": {"en": "Name", "ru": "Название"},
    "scen.open": {"en": "Start from", "ru": "Начать с"},
    "scen.open_btn": {"en": "Open", "ru": "Открыть"},
    "scen.folder": {"en": "Folder", "ru": "Папка"},
    "scen.preset": {"en": "preset: {name}", "ru": "пресет: {name}"},
    "scen.file": {"en": "file: {name}", "ru": "файл: {name}"},
    "preset.default": {"en": "default (US inbound)", "ru": "по умолчанию (США, входящие)"},
    "preset.ru": {"en": "Russia (RUB)", "ru": "Россия (рубли)"},
    "preset.blended": {"en": "blended inbound and outbound", "ru": "входящие и исходящие"},
    "btn.save": {"en": "Save", "ru": "Сохранить"},
    "btn.reset": {"en": "Reset", "ru": "Сбросить"},
    "btn.write": {"en": "Write business case", "ru": "Записать бизнес-кейс"},
    "btn.writing": {"en": "Writing…", "ru": "Записываем…"},
    "btn.keep": {"en": "Keep for comparison", "ru": "Оставить для сравнения"},
    "btn.clear": {"en": "Clear kept", "ru": "Очистить"},
    "btn.running": {"en": "Running…", "ru": "Считаем…"},
    "msg.saved": {"en": "Saved {path}.", "ru": "Сохранено: {path}."},
    "msg.saved_invalid": {
        "en": "The inputs on screen have problems; the last valid scenario was saved.",
        "ru": "Во входах на экране есть ошибки; сохранён последний верный сценарий."},
    "msg.loaded": {"en": "Opened {name}.", "ru": "Открыто: {name}."},
    "msg.not_loaded": {"en": "Could not open {name}; nothing changed (see the warning above).",
                       "ru": "Не удалось открыть {name}; ничего не изменилось (см. выше)."},
    "msg.reset": {"en": "Back to the default scenario.", "ru": "Возврат к сценарию по умолчанию."},
    "msg.wrote": {"en": "Wrote the business case into {path}:",
                  "ru": "Бизнес-кейс записан в {path}:"},
    "msg.failed": {"en": "Could not write: {error}", "ru": "Не удалось записать: {error}"},
    "msg.exported": {"en": "Exported:", "ru": "Выгружено:"},
    "warn.head": {
        "en": "Not applied (your values are kept; the results are those of the last valid "
              "inputs):",
        "ru": "Не применено (ваши значения сохранены; результаты — по последним верным "
              "входам):"},
    "warn.unreadable": {"en": "{label}: cannot read {token!r} as a number ({hint})",
                        "ru": "{label}: «{token}» — не число ({hint})"},
    "error.head": {"en": "Something went wrong in the dashboard (your inputs are kept):",
                   "ru": "Ошибка в панели (ваши входы сохранены):"},
    "status.updated": {"en": "Updated in {ms} ms (summary in {kpi} ms).",
                       "ru": "Обновлено за {ms} мс (итог за {kpi} мс)."},
    "status.invalid": {"en": "Not updated: {n} input problem(s), see the warning above.",
                       "ru": "Не обновлено: ошибок во входах — {n}, см. выше."},
    "status.hint": {"en": "Hover a label for its description and source.",
                    "ru": "Наведите на подпись — появится описание и источник."},
    # chart tabs
    "charts.money": {"en": "Cost & cash", "ru": "Затраты и деньги"},
    "charts.staffing": {"en": "Staffing", "ru": "Персонал"},
    "charts.revenue": {"en": "Revenue", "ru": "Выручка"},
    "charts.scenarios": {"en": "Scenarios", "ru": "Сценарии"},
    "charts.risk": {"en": "Risk", "ru": "Риски"},
    "chart.cost_stack": {"en": "Cost over the horizon by option", "ru": "Затраты за горизонт"},
    "chart.cash": {"en": "Cumulative cash of switching vs in-house",
                   "ru": "Накопленный эффект перехода"},
    "chart.staffing": {"en": "In-house agents needed across a week (month 0)",
                       "ru": "Операторы своего центра по получасам недели (месяц 0)"},
    "chart.revenue": {"en": "Revenue effect of service by year (+ kept, − lost)",
                      "ru": "Эффект сервиса на выручку по годам (+ сохранено, − потеряно)"},
    "chart.month": {"en": "month", "ru": "месяц"},
    "chart.year": {"en": "year {n}", "ru": "{n}-й год"},
    "chart.payback": {"en": "payback {m}", "ru": "окупаемость {m}"},
    "chart.vs_inhouse": {"en": "{option} vs in-house", "ru": "{option} против своего"},
    "chart.voice_agents": {"en": "voice agents", "ru": "операторы (голос)"},
    "chart.chat_agents": {"en": "chat agents", "ru": "операторы (чат)"},
    "chart.agents": {"en": "agents", "ru": "операторов"},
    "chart.days": {"en": "Mon Tue Wed Thu Fri Sat Sun", "ru": "пн вт ср чт пт сб вс"},
    "export.png": {"en": "PNG", "ru": "PNG"},
    "export.svg": {"en": "SVG", "ru": "SVG"},
    "export.csv": {"en": "CSV", "ru": "CSV"},
    # scenarios tab
    "cmp.hint": {
        "en": "Name the case on screen and keep it (up to 4) to see it beside later changes, "
              "and as a dashed line on the cash chart.",
        "ru": "Назовите текущий расчёт и оставьте его (до 4), чтобы сравнивать с дальнейшими "
              "изменениями; на графике денег он будет пунктиром."},
    "cmp.current": {"en": "On screen", "ru": "На экране"},
    "cmp.name": {"en": "Name to keep", "ru": "Название"},
    "cmp.full": {"en": "Four scenarios kept: the oldest was replaced by {name}.",
                 "ru": "Уже четыре сценария: самый старый заменён на «{name}»."},
    "cmp.kept": {"en": "Kept {name}.", "ru": "Оставлено: «{name}»."},
    "cmp.recommended": {"en": "Recommended", "ru": "Рекомендация"},
    "cmp.metric": {"en": "Metric", "ru": "Показатель"},
    # risk tab
    "risk.tornado": {"en": "What moves the answer (tornado)",
                     "ru": "Что сильнее всего влияет (торнадо)"},
    "risk.tornado_btn": {"en": "Run tornado", "ru": "Построить торнадо"},
    "risk.tornado_note": {
        "en": "Change in the incremental NPV of outsourcing when each input goes to the low or "
              "high end of its plausible range.",
        "ru": "Изменение приростной NPV аутсорсинга, когда каждый вход уходит к нижней или "
              "верхней границе правдоподобного диапазона."},
    "risk.low": {"en": "input at its low", "ru": "вход на нижней границе"},
    "risk.high": {"en": "input at its high", "ru": "вход на верхней границе"},
    "risk.breakeven": {"en": "Break-even: where in-house and outsourcing tie",
                       "ru": "Точка безубыточности: где свой центр и аутсорсинг равны"},
    "risk.breakeven_btn": {"en": "Find the tie", "ru": "Найти равенство"},
    "risk.tie": {
        "en": "In-house and outsourcing tie on NPV at {label} = {value} (now {now}; searched "
              "{low} – {high}).",
        "ru": "Свой центр и аутсорсинг равны по NPV при значении «{label}» {value} (сейчас "
              "{now}; поиск {low} – {high})."},
    "risk.no_tie": {
        "en": "No tie between {low} and {high} for {label}: {winner} is better across the whole "
              "range.",
        "ru": "Нет равенства между {low} и {high} для «{label}»: {winner} лучше на всём "
              "диапазоне."},
    "risk.mc": {"en": "Monte Carlo: how sure is the answer?",
                "ru": "Монте-Карло: насколько надёжен ответ?"},
    "risk.mc_btn": {"en": "Run Monte Carlo", "ru": "Запустить Монте-Карло"},
    "risk.trials": {"en": "Trials", "ru": "Испытаний"},
    "risk.mc_head": {"en": "P(outsourcing better) {p}", "ru": "P(аутсорсинг лучше) {p}"},
    "risk.mc_quantiles": {
        "en": "Incremental NPV of outsourcing: P10 {p10} · P50 {p50} · P90 {p90} ({trials} "
              "trials, {seconds} s)",
        "ru": "Приростная NPV аутсорсинга: P10 {p10} · P50 {p50} · P90 {p90} ({trials} "
              "испытаний, {seconds} с)"},
    "risk.mc_hybrid": {"en": "P(hybrid better) {p}", "ru": "P(гибрид лучше) {p}"},
    "risk.mc_axis": {"en": "incremental NPV of outsourcing", "ru": "приростная NPV аутсорсинга"},
    "risk.mc_trials_axis": {"en": "trials", "ru": "испытаний"},
    "risk.stale": {"en": "Out of date: the inputs changed since this run. Run it again.",
                   "ru": "Устарело: входы изменились после расчёта. Запустите ещё раз."},
    "risk.not_run": {"en": "Not run yet.", "ru": "Ещё не запускали."},
    "risk.done": {"en": "Done in {seconds} s.", "ru": "Готово за {seconds} с."},
}

#: A short label per registry input: path -> (English, Russian).

_ABBREV = {"aht": "AHT", "sl": "SL", "fcr": "FCR", "qa": "QA", "wfm": "WFM", "it": "IT",
           "fte": "FTE", "cola": "COLA", "sla": "SLA", "ivr": "IVR"}


class Words:
    """The dashboard's words in one language: its own table first, then the report's.

    Parameters
    ----------
    lang : {"en", "ru"}
    currency : str
        ISO code of the scenario's currency (``"USD"``), shown as its symbol in units.

    Examples
    --------
    >>> Words("en", "USD").unit("money/h")
    '$/h'
    """

    def __init__(self, lang: str = "en", currency: str = "USD") -> None:
        self.report = Lang(lang, currency)  # raises InputError for an unknown language
        self.lang = lang

    def t(self, key: str, **kw: Any) -> str:
        """The text of ``key`` (this table, else the report's), placeholders filled."""
        if key in TEXT:
            words = TEXT[key]  # a language this table lacks reads its English (the report's words
            return words.get(self.lang, words["en"]).format(**kw)  # come in that language)
        return self.report.t(key, **kw)

    def param(self, path: str) -> str:
        """The label of a registry input: the report's name for it (``input.<path>`` in the
        language tables: one definition of each label), else its name in words."""
        if self.report.has("input." + path):
            return self.report.param(path)
        words = [_ABBREV.get(w, w) for w in path.split(".", 1)[-1].split("_")]
        if words and words[-1] == "s":
            words = words[:-1]
        text = " ".join(words)
        return text[:1].upper() + text[1:]

    def choice(self, path: str, value: str) -> str:
        """The words for one value of a choice input (``choice.<value>`` in the language tables)."""
        key = f"choice.{value}"
        return self.report.t(key) if self.report.has(key) else str(value).replace("_", " ")

    def unit(self, unit: str) -> str:
        """A registry unit in this language (``money`` as the currency symbol)."""
        return self.report.unit(unit) if unit else ""

    def option(self, name: str, *, lower: bool = False) -> str:
        return self.report.option(name, lower=lower)


def placeholders(template: str) -> set[str]:
    """The placeholder names of a template (for the table's tests)."""
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}
