"""The dashboard's words in English and Russian: its own table, on top of the report's.

The report's translation table (:mod:`roi_models.report.i18n`, read through :class:`Lang` and its
``TEXT`` keys) has the option names, metrics, units and number words. What only the dashboard
says lives here, in one table per kind with both languages side by side:

* :data:`TEXT` — buttons, headings, messages (placeholders in braces);
* :data:`PARAM_LABELS` — a short human label for every input of the parameter registry, used
  where the report's table (``input.<path>``) has none;
* :data:`CHOICE_LABELS` — the words shown for the values of choice inputs.

``tests/test_widgets.py`` checks that every key has both languages with the same placeholders and
that every registry input and choice has a label. :class:`Words` answers from this table first,
then from the report's.

>>> w = Words("ru", "RUB")
>>> w.param("inhouse.agent_hourly_wage"), w.choice("hybrid.mode", "overflow")
('Часовая ставка оператора', 'перелив сверх базы')
"""

from __future__ import annotations

import string
from typing import Any

from roi_models.report.i18n import LANGS, Lang

__all__ = ["CHOICE_LABELS", "PARAM_LABELS", "TEXT", "Words"]

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
    "group.support": {"en": "Supervision & support", "ru": "Руководство и поддержка"},
    "group.hiring": {"en": "Hiring & training", "ru": "Подбор и обучение"},
    "group.facilities": {"en": "Facilities, telephony & IT", "ru": "Помещения, связь и ИТ"},
    "group.overhead": {"en": "Overhead", "ru": "Накладные"},
    "group.vendor": {"en": "Vendor fees (net of SLA credits)",
                     "ru": "Подрядчик (за вычетом штрафов SLA)"},
    "group.governance": {"en": "Governance & retained licences",
                         "ru": "Управление подрядчиком и лицензии"},
    "group.outbound": {"en": "Outbound", "ru": "Исходящие"},
    "group.transition": {"en": "Transition (one-off)", "ru": "Переход (разово)"},
    "group.other": {"en": "Other", "ru": "Прочее"},
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
PARAM_LABELS: dict[str, tuple[str, str]] = {
    "scenario.name": ("Scenario name", "Название сценария"),
    "scenario.notes": ("Notes", "Заметки"),
    "demand.voice_annual_contacts": ("Calls a year", "Звонков в год"),
    "demand.chat_annual_contacts": ("Chats a year", "Чатов в год"),
    "demand.email_annual_contacts": ("E-mails a year", "Писем в год"),
    "demand.annual_growth": ("Volume growth", "Рост объёма"),
    "demand.volume_vs_forecast": ("Actual volume vs forecast", "Факт к прогнозу объёма"),
    "demand.seasonality": ("Seasonality (by month)", "Сезонность (по месяцам)"),
    "demand.start_month": ("Start month", "Месяц начала"),
    "demand.weekday_profile": ("Weekday profile (by half hour)", "Профиль будней (по получасам)"),
    "demand.weekend_profile": ("Weekend profile (by half hour)",
                               "Профиль выходных (по получасам)"),
    "demand.weekend_day_share": ("Weekend day vs weekday", "Выходной день к буднему"),
    "demand.voice_aht_s": ("Call handle time (AHT)", "Время обработки звонка (AHT)"),
    "demand.chat_aht_s": ("Chat handle time", "Время обработки чата"),
    "demand.email_aht_s": ("E-mail handle time", "Время обработки письма"),
    "demand.self_service_containment": ("Self-service containment", "Доля самообслуживания"),
    "demand.self_service_repeat_share": ("Self-service repeat calls",
                                         "Повторные звонки после самообслуживания"),
    "demand.aht_improvement": ("AHT improvement", "Сокращение AHT"),
    "demand.aht_improvement_months": ("AHT improvement period", "Срок сокращения AHT"),
    "demand.repeats_per_unresolved": ("Repeats per unresolved contact",
                                      "Повторы на нерешённое обращение"),
    "demand.patience_s": ("Caller patience", "Терпение звонящего"),
    "demand.chat_patience_s": ("Chat patience", "Терпение в чате"),
    "service.voice_target_sl": ("Voice SL target, in-house", "Целевой SL голоса, свой центр"),
    "service.voice_target_time_s": ("Voice answer time target", "Целевое время ответа (голос)"),
    "service.chat_target_sl": ("Chat SL target", "Целевой SL чата"),
    "service.chat_target_time_s": ("Chat answer time target", "Целевое время ответа (чат)"),
    "service.max_occupancy": ("Occupancy cap", "Предел загрузки"),
    "service.chat_concurrency": ("Chats at once per agent", "Одновременных чатов на оператора"),
    "service.email_occupancy": ("E-mail productive share", "Продуктивная доля (письма)"),
    "inhouse.agent_hourly_wage": ("Agent hourly wage", "Часовая ставка оператора"),
    "inhouse.payroll_load": ("Payroll taxes & benefits", "Начисления на ФОТ"),
    "inhouse.paid_hours_per_fte_year": ("Paid hours per FTE", "Оплачиваемые часы на FTE"),
    "inhouse.shrinkage": ("Shrinkage", "Потери рабочего времени"),
    "inhouse.schedule_inefficiency": ("Scheduling inefficiency", "Неэффективность графиков"),
    "inhouse.team_lead_span": ("Agents per team lead", "Операторов на супервайзера"),
    "inhouse.team_lead_annual_salary": ("Team lead salary", "Оклад супервайзера"),
    "inhouse.manager_span": ("Agents per manager", "Операторов на менеджера"),
    "inhouse.manager_annual_salary": ("Manager salary", "Оклад менеджера"),
    "inhouse.qa_span": ("Agents per QA analyst", "Операторов на контролёра качества"),
    "inhouse.qa_annual_salary": ("QA analyst salary", "Оклад контролёра качества"),
    "inhouse.wfm_span": ("Agents per WFM analyst", "Операторов на планировщика"),
    "inhouse.wfm_annual_salary": ("WFM analyst salary", "Оклад планировщика"),
    "inhouse.trainer_span": ("Trainees per trainer", "Стажёров на тренера"),
    "inhouse.trainer_annual_salary": ("Trainer salary", "Оклад тренера"),
    "inhouse.annual_attrition": ("Agent attrition", "Текучесть операторов"),
    "inhouse.training_class_loss": ("Training class loss", "Отсев на обучении"),
    "inhouse.cost_per_hire": ("Cost per hire", "Стоимость найма"),
    "inhouse.training_weeks": ("Training weeks", "Недель обучения"),
    "inhouse.ramp_months": ("Ramp-up months", "Месяцев адаптации"),
    "inhouse.ramp_aht_factor": ("New-hire AHT factor", "AHT новичка к опытному"),
    "inhouse.seat_cost_monthly": ("Seat cost", "Стоимость рабочего места"),
    "inhouse.seat_buffer": ("Spare seats", "Запас рабочих мест"),
    "inhouse.telephony_per_seat_monthly": ("Telephony per seat", "Телефония на место"),
    "inhouse.software_per_fte_monthly": ("Software per FTE", "ПО на FTE"),
    "inhouse.it_capex_per_seat": ("IT hardware per seat", "ИТ-оборудование на место"),
    "inhouse.it_depreciation_months": ("IT depreciation period", "Срок амортизации ИТ"),
    "inhouse.overhead_share": ("Corporate overhead", "Корпоративные накладные"),
    "inhouse.capex_one_off": ("One-off investment", "Разовые вложения"),
    "inhouse.overhead_avoidable_share": ("Overhead that leaves with the work",
                                         "Накладные, уходящие вместе с работой"),
    "inhouse.headcount_policy": ("Headcount plan", "План численности"),
    "inhouse.hiring_lead_months": ("Hiring lead time", "Срок найма"),
    "inhouse.current_agent_fte": ("Agents today (FTE)", "Операторов сейчас (FTE)"),
    "inhouse.first_contact_resolution": ("First-contact resolution, in-house",
                                         "Решение с первого обращения, свой центр"),
    "outsourced.pricing_model": ("Pricing model", "Модель оплаты"),
    "outsourced.delivery_model": ("Delivery model", "Формат команды"),
    "outsourced.rate_per_productive_hour": ("Vendor rate per productive hour",
                                            "Ставка подрядчика за продуктивный час"),
    "outsourced.rate_per_logged_in_hour": ("Vendor rate per logged-in hour",
                                           "Ставка подрядчика за час в системе"),
    "outsourced.logged_in_overhead": ("Logged-in overhead", "Надбавка часов в системе"),
    "outsourced.rate_per_fte_month": ("Vendor rate per FTE-month",
                                      "Ставка подрядчика за FTE в месяц"),
    "outsourced.rate_per_minute": ("Vendor rate per handled minute",
                                   "Ставка подрядчика за минуту обработки"),
    "outsourced.rate_per_contact": ("Vendor rate per contact", "Ставка подрядчика за обращение"),
    "outsourced.monthly_base_fee": ("Monthly base fee", "Ежемесячный фиксированный платёж"),
    "outsourced.tier_thresholds": ("Volume tier thresholds", "Пороги скидок за объём"),
    "outsourced.tier_discounts": ("Volume tier discounts", "Скидки за объём"),
    "outsourced.minimum_commitment": ("Minimum commitment", "Минимальный объём по договору"),
    "outsourced.setup_fee": ("Setup fee", "Плата за запуск"),
    "outsourced.transition_months": ("Transition months", "Месяцев перехода"),
    "outsourced.parallel_run_months": ("Parallel-run months", "Месяцев параллельной работы"),
    "outsourced.knowledge_transfer_share": ("Knowledge transfer", "Передача знаний"),
    "outsourced.severance_weeks": ("Severance", "Выходное пособие"),
    "outsourced.redeployed_share": ("Staff redeployed", "Переведённые сотрудники"),
    "outsourced.stranded_lease_months": ("Stranded lease", "Неиспользуемая аренда"),
    "outsourced.governance_share": ("Governance team", "Команда управления подрядчиком"),
    "outsourced.governance_min_monthly": ("Governance minimum", "Минимум на управление"),
    "outsourced.sla_at_risk_share": ("Fees at risk for SLA", "Платежи под риском SLA"),
    "outsourced.sla_credit_pool_share": ("SLA credit pool", "Пул штрафов SLA"),
    "outsourced.sla_credit_allocation": ("SLA credit per miss", "Штраф за нарушение SLA"),
    "outsourced.sla_misses_per_month": ("SLA misses", "Нарушений SLA"),
    "outsourced.aht_factor": ("Vendor AHT factor", "AHT подрядчика к своему"),
    "outsourced.first_contact_resolution": ("First-contact resolution, vendor",
                                            "Решение с первого обращения, подрядчик"),
    "outsourced.shared_pool_fcr_penalty": ("Shared-pool FCR penalty",
                                           "Потеря FCR в общем пуле"),
    "outsourced.voice_target_sl": ("Voice SL target, vendor contract",
                                   "Целевой SL голоса, договор подрядчика"),
    "outsourced.voice_target_time_s": ("Vendor answer time target",
                                       "Целевое время ответа подрядчика"),
    "outsourced.shrinkage": ("Vendor shrinkage", "Потери времени подрядчика"),
    "outsourced.currency": ("Vendor's currency", "Валюта подрядчика"),
    "outsourced.fx_rate": ("Exchange rate", "Обменный курс"),
    "outsourced.tier_pricing_model": ("Unit of the tier thresholds", "Единица порогов скидок"),
    "outsourced.retained_licence_per_agent_monthly": ("Client licences per vendor agent",
                                                      "Лицензии заказчика на оператора подрядчика"),
    "outsourced.schedule_inefficiency": ("Vendor scheduling inefficiency",
                                         "Неэффективность графиков подрядчика"),
    "outsourced.minimum_shift_hours": ("Shortest vendor shift", "Минимальная смена подрядчика"),
    "outsourced.ramp_months": ("Vendor learning curve", "Период обучения подрядчика"),
    "outsourced.ramp_aht_factor": ("Vendor AHT at go-live", "AHT подрядчика на старте"),
    "outsourced.ramp_fcr_factor": ("Vendor FCR at go-live", "FCR подрядчика на старте"),
    "outsourced.chat_target_sl": ("Chat SL target, vendor contract",
                                  "Целевой SL чата, договор подрядчика"),
    "outsourced.chat_target_time_s": ("Vendor chat answer time target",
                                      "Целевое время ответа в чате, подрядчик"),
    "outsourced.outbound_pricing": ("Outbound pricing", "Оплата исходящих"),
    "outsourced.outbound_rate_per_hour": ("Outbound rate per hour", "Ставка за час исходящих"),
    "outsourced.outbound_rate_per_connect": ("Outbound rate per connect", "Ставка за дозвон"),
    "outsourced.outbound_commission": ("Outbound commission", "Комиссия за результат"),
    "outsourced.outbound_blend_hourly_share": ("Hourly share of a blend",
                                               "Доля почасовой оплаты в смешанной"),
    "outsourced.outbound_min_fte": ("Smallest outbound team", "Минимальная команда исходящих"),
    "outsourced.outbound_conversion_factor": ("Vendor conversion factor",
                                              "Конверсия подрядчика к своей"),
    "hybrid.mode": ("Split mode", "Способ разделения"),
    "hybrid.outsourced_share": ("Share sent to the vendor", "Доля подрядчику"),
    "hybrid.overflow_threshold": ("Overflow threshold", "Порог перелива"),
    "hybrid.outsourced_channels": ("Channels sent to the vendor", "Каналы подрядчику"),
    "hybrid.outbound_to": ("Who runs outbound", "Кто ведёт исходящие"),
    "outbound.sales_records_per_month": ("Sales records", "Записей для продаж"),
    "outbound.retention_records_per_month": ("Retention records", "Записей для удержания"),
    "outbound.collections_records_per_month": ("Collections records", "Записей для взыскания"),
    "outbound.attempts_per_record": ("Attempts per record", "Попыток на запись"),
    "outbound.connect_rate": ("Connect rate", "Доля дозвонов"),
    "outbound.right_party_rate": ("Right-party rate", "Доля нужных лиц"),
    "outbound.sales_talk_s": ("Sales talk time", "Разговор (продажи)"),
    "outbound.retention_talk_s": ("Retention talk time", "Разговор (удержание)"),
    "outbound.collections_talk_s": ("Collections talk time", "Разговор (взыскание)"),
    "outbound.other_talk_s": ("Wrong-party talk time", "Разговор не с тем лицом"),
    "outbound.wrap_s": ("Wrap-up time", "Постобработка"),
    "outbound.dialler_mode": ("Dialler mode", "Режим дозвона"),
    "outbound.preview_utilisation": ("Preview utilisation", "Загрузка (превью)"),
    "outbound.progressive_utilisation": ("Progressive utilisation", "Загрузка (прогрессивный)"),
    "outbound.predictive_utilisation": ("Predictive utilisation", "Загрузка (предиктивный)"),
    "outbound.predictive_abandon_rate": ("Predictive drop rate", "Сбросы предиктивного"),
    "outbound.abandon_cap": ("Drop-rate cap", "Предел сбросов"),
    "outbound.cost_per_attempt": ("Cost per attempt", "Стоимость попытки"),
    "outbound.sales_conversion": ("Outbound sales conversion", "Конверсия продаж (исходящие)"),
    "outbound.sales_order_value": ("Outbound order value", "Средний чек (исходящие)"),
    "outbound.retention_save_rate": ("Retention save rate", "Доля удержанных"),
    "outbound.collections_promise_rate": ("Promise-to-pay rate", "Доля обещаний оплаты"),
    "outbound.collections_kept_rate": ("Promises kept", "Выполненные обещания"),
    "outbound.collections_amount": ("Amount per promise", "Сумма обещания"),
    "outbound.collections_incremental_share": ("Incremental collected share",
                                               "Доля дополнительно собранного"),
    "revenue.customers": ("Active customers", "Активных клиентов"),
    "revenue.annual_base_churn": ("Base churn", "Базовый отток"),
    "revenue.annual_margin_per_customer": ("Margin per customer", "Маржа на клиента"),
    "revenue.contacting_share": ("Customers who contact", "Доля обращающихся клиентов"),
    "revenue.bad_experience_effect": ("Churn rise after a bad contact",
                                      "Рост оттока после плохого контакта"),
    "revenue.good_experience_effect": ("Churn fall after a good contact",
                                       "Снижение оттока после хорошего контакта"),
    "revenue.retry_share": ("Abandoned callers who retry", "Перезванивают после сброса"),
    "revenue.sales_conversion": ("Sales per answered contact", "Продажи на отвеченное обращение"),
    "revenue.average_order_value": ("Order value", "Средний чек"),
    "revenue.sales_margin": ("Sales margin", "Маржа продаж"),
    "revenue.value_method": ("Value of a kept customer", "Ценность удержанного клиента"),
    "finance.currency": ("Currency", "Валюта"),
    "finance.horizon_months": ("Horizon", "Горизонт"),
    "finance.discount_rate": ("Discount rate", "Ставка дисконтирования"),
    "finance.wage_escalation": ("Wage rise", "Рост зарплат"),
    "finance.licence_escalation": ("Licence price rise", "Рост цен на лицензии"),
    "finance.rent_escalation": ("Rent rise", "Рост аренды"),
    "finance.contract_cola": ("Vendor price indexation", "Индексация цен подрядчика"),
    "finance.contract_cola_basis": ("Vendor indexation basis", "Основа индексации подрядчика"),
    "tax.vat_rate": ("VAT rate", "Ставка НДС"),
    "tax.vat_recoverable_share": ("VAT recovered", "Возмещаемый НДС"),
    "tax.severance_payroll_load_share": ("Payroll load on severance",
                                         "Начисления на выходные пособия"),
}

#: Words for the values of choice inputs: (path, value) -> (English, Russian).
CHOICE_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("outsourced.pricing_model", "per_productive_hour"): ("per productive hour",
                                                          "за продуктивный час"),
    ("outsourced.pricing_model", "per_logged_in_hour"): ("per logged-in hour", "за час в системе"),
    ("outsourced.pricing_model", "per_fte_month"): ("per FTE a month", "за FTE в месяц"),
    ("outsourced.pricing_model", "per_handled_minute"): ("per handled minute",
                                                         "за минуту обработки"),
    ("outsourced.pricing_model", "per_contact"): ("per contact", "за обращение"),
    ("outsourced.tier_pricing_model", "per_productive_hour"): ("productive hours",
                                                               "продуктивные часы"),
    ("outsourced.tier_pricing_model", "per_logged_in_hour"): ("logged-in hours", "часы в системе"),
    ("outsourced.tier_pricing_model", "per_fte_month"): ("FTE-months", "FTE-месяцы"),
    ("outsourced.tier_pricing_model", "per_handled_minute"): ("handled minutes",
                                                              "минуты обработки"),
    ("outsourced.tier_pricing_model", "per_contact"): ("contacts", "обращения"),
    ("inhouse.headcount_policy", "track_demand"): ("follows demand every month",
                                                   "следует за спросом каждый месяц"),
    ("inhouse.headcount_policy", "attrition_only"): ("shrinks by attrition only",
                                                     "сокращается только текучестью"),
    ("inhouse.headcount_policy", "hire_to_peak"): ("hired to the peak", "набрана под пик"),
    ("finance.contract_cola_basis", "wage_escalation"): ("follows wage growth",
                                                         "по росту зарплат"),
    ("finance.contract_cola_basis", "fixed"): ("fixed rate", "фиксированная ставка"),
    ("outsourced.delivery_model", "dedicated"): ("dedicated team", "выделенная команда"),
    ("outsourced.delivery_model", "shared"): ("shared pool", "общий пул"),
    ("outsourced.outbound_pricing", "per_hour"): ("per agent hour", "за час оператора"),
    ("outsourced.outbound_pricing", "per_connect"): ("per connect", "за дозвон"),
    ("outsourced.outbound_pricing", "per_outcome"): ("per outcome", "за результат"),
    ("outsourced.outbound_pricing", "blend"): ("hourly + commission", "час + комиссия"),
    ("hybrid.mode", "share"): ("share of volume", "доля объёма"),
    ("hybrid.mode", "overflow"): ("overflow above a base", "перелив сверх базы"),
    ("hybrid.mode", "channel"): ("by channel", "по каналам"),
    ("hybrid.outsourced_channels", "email"): ("e-mail", "письма"),
    ("hybrid.outsourced_channels", "chat"): ("chat", "чат"),
    ("hybrid.outsourced_channels", "chat+email"): ("chat and e-mail", "чат и письма"),
    ("hybrid.outsourced_channels", "voice"): ("voice", "голос"),
    ("hybrid.outsourced_channels", "voice+chat"): ("voice and chat", "голос и чат"),
    ("hybrid.outsourced_channels", "voice+email"): ("voice and e-mail", "голос и письма"),
    ("hybrid.outbound_to", "inhouse"): ("in-house team", "свой центр"),
    ("hybrid.outbound_to", "vendor"): ("the vendor", "подрядчик"),
    ("outbound.dialler_mode", "preview"): ("preview", "превью"),
    ("outbound.dialler_mode", "progressive"): ("progressive", "прогрессивный"),
    ("outbound.dialler_mode", "predictive"): ("predictive", "предиктивный"),
    ("revenue.value_method", "margin"): ("margin inside the horizon", "маржа в горизонте"),
    ("revenue.value_method", "clv"): ("lifetime value", "пожизненная ценность"),
}

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
        self._i = LANGS.index(lang) if lang in LANGS[:2] else 0

    def t(self, key: str, **kw: Any) -> str:
        """The text of ``key`` (this table, else the report's), placeholders filled."""
        if key in TEXT:
            return TEXT[key][self.lang].format(**kw)
        return self.report.t(key, **kw)

    def param(self, path: str) -> str:
        """The label of a registry input: the report's name for it (one definition of each
        label), else this table's, else its name in words."""
        has = getattr(self.report, "has", None)
        if has is not None and has("input." + path):
            return self.report.param(path)
        if path in PARAM_LABELS:
            return PARAM_LABELS[path][self._i]
        words = [_ABBREV.get(w, w) for w in path.split(".", 1)[-1].split("_")]
        if words and words[-1] == "s":
            words = words[:-1]
        text = " ".join(words)
        return text[:1].upper() + text[1:]

    def choice(self, path: str, value: str) -> str:
        """The words for one value of a choice input."""
        pair = CHOICE_LABELS.get((path, str(value)))
        return pair[self._i] if pair else str(value).replace("_", " ")

    def unit(self, unit: str) -> str:
        """A registry unit in this language (``money`` as the currency symbol)."""
        return self.report.unit(unit) if unit else ""

    def option(self, name: str, *, lower: bool = False) -> str:
        return self.report.option(name, lower=lower)


def placeholders(template: str) -> set[str]:
    """The placeholder names of a template (for the table's tests)."""
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}
