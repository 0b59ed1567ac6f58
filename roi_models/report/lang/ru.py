"""Русский: every word of the report and its number rules (one table for this language).

Numbers: ``1 234 567 ₽``, ``83,3 %`` with no-break spaces; plural forms follow the Russian rule
(1 оператор, 2 оператора, 5 операторов): a value ``"a|b|c"`` holds the three forms.
"""

from roi_models.report.lang.rules import NumberRules, plural_ru

RULES = NumberRules(
    name="Русский", group="\u00a0", decimal=",", percent="{n}\u00a0%",
    currency_before=frozenset(), plural=plural_ru,
)

# key -> text; placeholders in braces are filled by Lang.t

TEXT: dict[str, str] = {
    'doc.title': 'Бизнес-кейс: {name}',
    'doc.meta': (
        'Пресет: {preset} · валюта {currency} · горизонт {months} мес. · ставка '
        'дисконтирования {rate} в год · подготовлено roi-models {version}'
    ),
    'doc.signs': (
        'Суммы — за весь горизонт, если не указано иное; затраты — потраченные деньги; '
        'эффект на выручку со знаком (плюс — выручка, сохранённая хорошим сервисом, '
        'относительно базового оттока без потерянных продаж); приростные показатели — '
        'вариант минус показатели {base}, плюс говорит в пользу перехода.'
    ),
    'doc.contents': 'Содержание',
    'doc.page1': 'Резюме решения',
    'doc.charts_elsewhere': (
        'Графики — в business_case.html и business_case.pdf; здесь приведены их числа.'
    ),
    'option.inhouse': 'Свой центр',
    'option.outsourced': 'Аутсорсинг',
    'option.hybrid': 'Гибрид',
    'option_short.inhouse': 'свой центр',
    'option_short.outsourced': 'аутсорсинг',
    'option_short.hybrid': 'гибрид',
    'option_lc.inhouse': 'свой центр',
    'option_lc.outsourced': 'аутсорсинг',
    'option.status_quo': 'Свой центр при текущем штате',
    'option_short.status_quo': 'сейчас',
    'option_lc.status_quo': 'свой центр при текущем штате',
    'option.inhouse_to_target': 'Свой центр с целевым штатом',
    'option_short.inhouse_to_target': 'целевой штат',
    'option_lc.inhouse_to_target': 'свой центр с целевым штатом',
    # с чем сравнивают приростные показатели ({base} в тексте, родительный падеж)
    'base.inhouse': 'своего центра',
    'base.status_quo': 'своего центра при текущем штате',
    'option_lc.hybrid': 'гибрид',
    'rec.title': 'Рекомендация',
    'rec.switch': (
        'Рекомендуем {option}: за {months} мес. чистая экономия составит {net_saving} с '
        'учётом затрат на переход и потерь выручки, приростная NPV против {base} — '
        '{npv}.'
    ),
    'rec.stay': (
        'Рекомендуем сохранить собственный контакт-центр: у лучшей альтернативы ({option}) '
        'приростная NPV за {months} мес. составляет {npv}.'
    ),
    'rec.reason': (
        '{Option}: {running_verb} {running} против {base} за {months} мес. до '
        'разовых затрат; с учётом разовых затрат перехода {one_off} — {verb} {saving} '
        '({saving_share} затрат {base}); эффект на выручку {revenue_difference} '
        'против {base} (решение с первого обращения {fcr}, у своего центра '
        '{fcr_inhouse}); приростная NPV против {base} {npv}; {payback}.'
    ),
    'rec.verb.saves': 'экономия',
    'rec.verb.costs': 'удорожание на',
    'rec.payback': 'окупается за {months}',
    'rec.payback.never': 'не окупается в пределах горизонта',
    'rec.close': (
        'Два лучших варианта различаются меньше чем на 2% NPV затрат своего центра: по '
        'деньгам их не различить, решайте по рискам и управляемости.'
    ),
    'rec.mc': (
        'В {trials} испытаниях Монте-Карло по неопределённым входам {option} выигрывает у '
        '{base} в {p} случаев; приростная NPV против {base}: P10 {p10}, P50 '
        '{p50}, P90 {p90}.'
    ),
    'kpi.title': 'Ключевые показатели: {option} против {base}',
    'kpi.net_saving': 'Чистая экономия за {months} мес.',
    'kpi.npv': 'Приростная NPV при ставке {rate}',
    'kpi.payback': 'Окупаемость (без дисконтирования)',
    'kpi.irr': 'IRR (годовая)',
    'kpi.irr_undefined': 'не определена',
    'options.title': 'Варианты рядом',
    'options.metric': 'Показатель',
    'options.note': (
        'FTE — в среднем за месяц горизонта, одинаково для всех вариантов: FTE операторов '
        'своего центра (с новичками на адаптации) и FTE поддержки своего центра '
        '(супервайзеры, менеджеры, контроль качества, планирование, тренеры) отдельно; FTE '
        'подрядчика — только операторы, его собственная поддержка входит в ставку. '
        'Показатели сервиса взвешены по объёму.'
    ),
    'options.recommended': 'рекомендуется',
    'metric.total_cost': 'Затраты за горизонт',
    'metric.average_monthly_cost': 'Средние затраты в месяц',
    'metric.cost_per_contact': 'Стоимость обращения (текущий спрос)',
    'metric.npv_cost': 'NPV затрат',
    'metric.revenue_effect': 'Эффект сервиса на выручку (к базовому оттоку)',
    'metric.npv': 'NPV чистого денежного потока',
    'metric.inhouse_fte': 'FTE операторов своего центра',
    'metric.vendor_fte': 'FTE операторов подрядчика',
    'metric.handled_contacts': 'Обработано обращений',
    'metric.voice_service_level': 'Уровень сервиса (голос)',
    'metric.voice_abandon_rate': 'Доля брошенных (голос)',
    'metric.first_contact_resolution': 'Решение с первого обращения',
    'metric.lost_contacts': 'Потерянные обращения',
    'metric.one_off_costs': 'Разовые затраты',
    'inc.title': 'Переход против {base}',
    'inc.header': 'Против {base}',
    'inc.note': (
        'Приростной поток = чистый поток варианта минус поток {base}: плюс '
        'означает, что переход выгоднее.'
    ),
    'inc.net_saving': 'Чистая экономия за {months} мес.',
    'inc.npv': 'Приростная NPV',
    'inc.payback_months': 'Окупаемость',
    'inc.discounted_payback_months': 'Дисконтированная окупаемость',
    'inc.irr': 'IRR (годовая)',
    'inc.mirr': 'MIRR (годовая, по ставке дисконтирования)',
    'inc.roi': 'ROI на разовые затраты (за горизонт)',
    'inc.cost_saving': 'Экономия затрат',
    'inc.cost_saving_share': 'Доля экономии затрат',
    'inc.revenue_difference': 'Разница в выручке',
    'inc.one_off_costs': 'Разовые затраты перехода',
    'value.na': 'н/д',
    'value.never': 'не в пределах горизонта',
    'value.months': '{n} мес.',
    'value.thousand': ' тыс.',
    'value.million': ' млн',
    'value.billion': ' млрд',
    'value.true': 'да',
    'value.false': 'нет',
    'assumptions.title': 'Допущения',
    'assumptions.note': (
        'Все входные параметры сценария из реестра. Метка: источник — опубликованная '
        'цифра, бенчмарк — отраслевой ориентир, оценка — наша оценка; замените оценки '
        'своими данными. Источники приведены на языке оригинала.'
    ),
    'assumptions.path': 'Путь в файле сценария',
    'assumptions.value': 'Значение',
    'assumptions.unit': 'Ед. изм.',
    'assumptions.source': 'Источник (на языке оригинала)',
    'assumptions.tag': 'Метка',
    'assumptions.description': 'Описание (англ.)',
    'assumptions.counts': (
        'Параметров: {n}; из них по источникам {sourced}, бенчмарков {benchmark}, оценок '
        '{estimate}.'
    ),
    'tag.sourced': 'источник',
    'tag.benchmark': 'бенчмарк',
    'tag.estimate': 'оценка',
    'costs.title': 'Структура затрат по статьям',
    'costs.caption': (
        'Годовые затраты каждого варианта по группам статей, накопительно (годы контракта; '
        '1-й год = месяцы 0-11); в таблице ниже — каждая статья за горизонт в своей группе.'
    ),
    'costs.ylabel': 'Затраты в год, {unit}',
    'costs.year': 'Г{n}',
    'cash.title': 'Накопленный денежный поток и окупаемость',
    'cash.caption': (
        'Накопленный приростной поток перехода от {base} (без дисконтирования); '
        'пересечение нуля — месяц окупаемости.'
    ),
    'cash.xlabel': 'Месяц (0 — начало перехода)',
    'cash.ylabel': 'Накопленно против {base}, {unit}',
    'cash.payback': 'окупаемость {months}',
    'staffing.title': 'Персонал по интервалам',
    'staffing.caption': (
        'Сколько операторов своего центра нужно в каждом 30-минутном интервале типичной '
        'недели месяца 0, по каналам (голос и чат — модель Эрланга с уходом клиентов по '
        'интервалам, как считает движок; эл. почта и исходящие — их нагрузка, '
        'распределённая по часам работы), и поступающие звонки.'
    ),
    'staffing.xlabel': 'Время суток',
    'staffing.agents': 'Операторов',
    'staffing.calls': 'Поступающих звонков за интервал',
    'staffing.peak': (
        'Пик: {agents} {noun} голосового канала в {time} в будний день; в среднем за '
        'горизонт {fte} FTE операторов своего центра.'
    ),
    'bridge.title': 'Мост затрат и выручки',
    'bridge.caption': (
        'От {base} к варианту «{option}» за {months} {months_word}: экономия текущих затрат, '
        'разовые затраты перехода, затем влияние качества сервиса на удержание и продажи — '
        'до чистой экономии.'
    ),
    'bridge.running': 'Экономия текущих затрат',
    'bridge.one_off': 'Разовые затраты перехода',
    'bridge.retention': 'Удержание (отток)',
    'bridge.sales': 'Потерянные продажи',
    'bridge.outbound': 'Ценность исходящих',
    'bridge.net': 'Чистая экономия',
    'bridge.ylabel': '{unit} за горизонт',
    'bridge.step': 'Шаг',
    'bridge.amount': 'Сумма',
    'tornado.title': 'Чувствительность (торнадо)',
    'tornado.caption': (
        'Приростная NPV варианта «{option}» при изменении каждого входа от нижней до '
        'верхней границы (правдоподобный диапазон из реестра) при прочих равных; {n} самых '
        'влиятельных из {total}.'
    ),
    'tornado.xlabel': 'Приростная NPV, {unit}',
    'tornado.low': 'вход на нижней границе',
    'tornado.high': 'вход на верхней границе',
    'tornado.base': 'база {value}',
    'tornado.input': 'Параметр',
    'tornado.range': 'Диапазон',
    'tornado.at_low': 'NPV на нижней',
    'tornado.at_high': 'NPV на верхней',
    'tornado.swing': 'Размах',
    'breakeven.title': 'Точки безубыточности',
    'breakeven.caption': (
        'Приростная NPV варианта «{option}» против {base} при изменении одного '
        'входа при прочих равных; красный маркер — точка, где варианты равны.'
    ),
    'breakeven.input': 'Параметр',
    'breakeven.current': 'Текущее значение',
    'breakeven.value': 'Точка безубыточности',
    'breakeven.none': 'нет в диапазоне {low} – {high}',
    'breakeven.now': 'сейчас',
    'breakeven.ylabel': 'Приростная NPV, {unit}',
    'mc.title': 'Монте-Карло',
    'mc.caption': (
        'Приростная NPV варианта «{option}» против {base} в {trials} испытаниях '
        '(бета-распределение PERT по нижней границе, значению и верхней границе каждого '
        'неопределённого входа; зерно генератора {seed}). Вероятность выигрыша у '
        '{base} — {p}.'
    ),
    'mc.xlabel': 'Приростная NPV, {unit}',
    'mc.ylabel': 'Испытаний',
    'mc.p_better': 'Вероятность выигрыша у {base}',
    'mc.statistic': 'Показатель',
    'mc.mean': 'Среднее',
    'mc.drivers': 'Главные источники разброса: {names}.',
    'risk.skipped': 'Страницы рисков для этого отчёта не рассчитывались.',
    'risks.title': 'Главные риски',
    'risks.risk': 'Риск',
    'risks.what': 'Что это значит здесь',
    'risks.transition': 'Переход',
    'risks.transition.text': (
        'Разовые затраты {one_off} (запуск, передача знаний, параллельная работа, выходные '
        'пособия, неиспользуемая аренда) тратятся до появления экономии; окупаемость '
        '{payback}. Задержка перехода удлиняет параллельную работу.'
    ),
    'risks.governance': 'Управление подрядчиком',
    'risks.governance.text': (
        'Команда, управляющая подрядчиком, стоит {governance} за горизонт ({share} от '
        'платежей подрядчику); без неё штрафы по SLA и качество уходят из-под контроля.'
    ),
    'risks.quality': 'Качество и выручка',
    'risks.quality.text': (
        'Решение с первого обращения {fcr} против {fcr_inhouse} у своего центра; эффект на '
        'выручку отличается на {revenue_difference} за горизонт. FCR подрядчика — один из '
        'самых влиятельных входов.'
    ),
    'risks.minimum': 'Минимальный объём',
    'risks.minimum.text': (
        'Контракт оплачивается не менее чем за {minimum} прогнозного объёма: при падении '
        'объёма вы платите за несделанную работу. Безубыточный объём: {volume}.'
    ),
    'tables.title': 'Годовые и месячные таблицы',
    'annual.title': 'Затраты по годам: {option}',
    'annual.note': 'Годы контракта (1-й год = месяцы 0-11); статьи, нулевые во все годы, опущены.',
    'annual.line': 'Статья',
    'annual.year': 'Год {n}',
    'monthly.title': 'Денежный поток по месяцам',
    'monthly.note': (
        'Каждый месяц горизонта; полная детализация по каждому варианту (все статьи и '
        'драйверы) — в файлах XLSX и CSV.'
    ),
    'monthly.month': 'Месяц',
    'monthly.cost': '{option}: затраты',
    'monthly.net': '{option}: чистый поток',
    'sheet.recommendation': 'Рекомендация',
    'sheet.summary': 'Сводка',
    'sheet.incremental': 'Приростные',
    'sheet.annual': 'По годам {option}',
    'sheet.monthly': 'По месяцам {option}',
    'sheet.assumptions': 'Допущения',
    'sheet.staffing': 'Персонал',
    'sheet.bridge': 'Мост',
    'sheet.tornado': 'Торнадо',
    'sheet.breakeven': 'Безубыточность',
    'sheet.montecarlo': 'Монте-Карло',
    'sheet.risks': 'Риски',
    'xlsx.metric': 'id',
    'xlsx.label': 'Показатель',
    'xlsx.unit': 'Ед. изм.',
    'xlsx.item': 'Пункт',
    'xlsx.value': 'Значение',
    'xlsx.text': 'Текст',
    'xlsx.headline': 'Вывод',
    'xlsx.reason': 'Довод {n}',
    'xlsx.voice_calls': 'Поступающие звонки',
    'xlsx.chat_offered': 'Поступающие чаты',
    'xlsx.voice_agents': 'Операторов (голос)',
    'xlsx.chat_agents': 'Операторов (чат)',
    'xlsx.trial': 'Испытание',
    'kindunit.share': 'доля',
    'kindunit.rate': 'доля в год',
    'kindunit.fte': 'FTE',
    'kindunit.count': 'обращений',
    'kindunit.months': 'мес.',
    'kindunit.month': '{cur}/мес.',
    'line.fixed_overhead': 'Постоянные накладные (остаются)',
    'line.retained_licences': 'Лицензии для операторов подрядчика',
    'line.unrecoverable_vat': 'НДС без вычета',
    'line.agent_wages': 'Зарплата операторов',
    'line.team_leads': 'Супервайзеры',
    'line.managers': 'Менеджеры',
    'line.quality_assurance': 'Контроль качества',
    'line.workforce_management': 'Планирование (WFM)',
    'line.trainers': 'Тренеры',
    'line.payroll_load': 'Начисления на ФОТ',
    'line.hiring': 'Подбор',
    'line.training': 'Обучение',
    'line.facilities': 'Помещения',
    'line.telephony': 'Телефония',
    'line.software': 'ПО',
    'line.it_hardware': 'ИТ-оборудование',
    'line.overhead': 'Накладные расходы',
    'line.capex': 'Капвложения',
    'line.vendor_fees': 'Платежи подрядчику',
    'line.sla_credits': 'Штрафы по SLA',
    'line.governance': 'Управление подрядчиком',
    'line.setup_fee': 'Плата за запуск',
    'line.knowledge_transfer': 'Передача знаний',
    'line.parallel_run': 'Параллельная работа',
    'line.severance': 'Выходные пособия',
    'line.stranded_lease': 'Неиспользуемая аренда',
    'line.total_cost': 'Итого затраты',
    'line.revenue_effect': 'Эффект на выручку',
    'line.net_cash_flow': 'Чистый денежный поток',
    'line.inhouse_agent_fte': 'FTE операторов своего центра',
    'line.inhouse_ramp_fte': 'FTE на адаптацию новичков',
    'line.inhouse_headcount_fte': 'Численность своего центра, FTE',
    'line.inhouse_support_fte': 'FTE поддержки',
    'line.inhouse_hires': 'Наём',
    'line.inhouse_seats': 'Рабочие места',
    'line.vendor_billable_units': 'Оплачиваемые единицы подрядчика',
    'line.vendor_fte': 'FTE подрядчика',
    'line.offered_contacts': 'Поступившие обращения',
    'line.voice_offered': 'Поступившие звонки',
    'line.chat_offered': 'Поступившие чаты',
    'line.email_offered': 'Поступившие письма',
    'line.handled_contacts': 'Обработанные обращения',
    'line.voice_service_level': 'Уровень сервиса (голос)',
    'line.voice_abandon_rate': 'Доля брошенных (голос)',
    'line.lost_contacts': 'Потерянные обращения',
    'line.first_contact_resolution': 'Решение с первого обращения',
    'line.occupancy': 'Загрузка',
    'line.staffed_hours': 'Часы на линии',
    'line.churn_change': 'Изменение оттока',
    'line.customers_lost': 'Потерянные клиенты',
    'line.lost_sales_margin': 'Маржа потерянных продаж',
    'line.retention_loss': 'Потери от оттока',
    'line.outbound_dialling': 'Исходящий обзвон',
    'line.vendor_outbound_fees': 'Платежи подрядчику за исходящие',
    'line.outbound_hours': 'Часы исходящих',
    'line.outbound_attempts': 'Исходящие попытки',
    'line.outbound_sales': 'Продажи с исходящих',
    'line.outbound_saves': 'Клиенты, удержанные исходящими',
    'line.outbound_kept_promises': 'Выполненные обещания оплаты',
    'line.outbound_value': 'Ценность исходящих',
    'unit.share of overhead': 'доля накладных',
    'unit.share of payroll load': 'доля начислений',
    'unit.money/agent/month': '{cur}/оператор/мес.',
    'unit.h/agent/day': 'ч/оператор/день',
    'unit.x steady vendor AHT': '× устойчивый AHT подрядчика',
    'unit.x steady vendor FCR': '× устойчивый FCR подрядчика',
    'unit.': '',
    'unit.agents/analyst': 'операторов/аналитик',
    'unit.agents/lead': 'операторов/супервайзер',
    'unit.agents/manager': 'операторов/менеджер',
    'unit.billable units/month': 'оплач. единиц/мес.',
    'unit.chats/agent': 'чатов/оператор',
    'unit.contacts': 'обращений',
    'unit.contacts/year': 'обращений/год',
    'unit.customers': 'клиентов',
    'unit.factor': 'коэффициент',
    'unit.h/year': 'ч/год',
    'unit.h': 'ч',
    'unit.misses/month': 'нарушений/мес.',
    'unit.money': '{cur}',
    'unit.money/FTE/month': '{cur}/FTE/мес.',
    'unit.money/contact': '{cur}/обращение',
    'unit.money/customer/year': '{cur}/клиент/год',
    'unit.money/h': '{cur}/ч',
    'unit.money/hire': '{cur}/найм',
    'unit.money/min': '{cur}/мин',
    'unit.money/month': '{cur}/мес.',
    'unit.money/sale': '{cur}/продажа',
    'unit.money/seat': '{cur}/место',
    'unit.money/seat/month': '{cur}/место/мес.',
    'unit.money/year': '{cur}/год',
    'unit.month of year': 'месяц года',
    'unit.months': 'мес.',
    'unit.s': 'с',
    'unit.share': 'доля',
    'unit.share of a weekday': 'доля от буднего дня',
    'unit.share of direct cost': 'доля прямых затрат',
    'unit.share of forecast': 'доля прогноза',
    'unit.share of monthly fees': 'доля месячных платежей',
    'unit.share of vendor fees': 'доля платежей подрядчику',
    'unit.share of wage': 'доля зарплаты',
    'unit.share of year-1 fees': 'доля платежей 1-го года',
    'unit.share/year': 'доля в год',
    'unit.trainees/trainer': 'стажёров/тренер',
    'unit.weeks': 'недель',
    'unit.weeks of wage': 'недель зарплаты',
    'unit.weight': 'вес',
    'unit.x average interval volume': '× среднего объёма интервала',
    'unit.x in-house AHT': '× AHT своего центра',
    'unit.x tenured AHT': '× AHT опытного оператора',
    'unit.FTE': 'FTE',
    'unit.attempts': 'попыток',
    'unit.money/attempt': '{cur}/попытка',
    'unit.money/connect': '{cur}/дозвон',
    'unit.money/outcome': '{cur}/результат',
    'unit.money/promise': '{cur}/обещание оплаты',
    'unit.records/month': 'записей/мес.',
    'unit.share of attempts': 'доля попыток',
    'unit.share of connects': 'доля дозвонов',
    'unit.share of live connects': 'доля живых дозвонов',
    'unit.share of promises': 'доля обещаний оплаты',
    'unit.share of right-party contacts': 'доля контактов с нужным лицом',
    'unit.x in-house': '× свой центр',
    'unit.month': 'мес.',
    'unit.sales': 'продаж',
    'unit.promises': 'обещаний',
    'unit.year': 'год',
    'unit.connect': 'дозвон',
    'unit.record': 'запись',
    'unit.attempt': 'попытка',
    'unit.contact': 'обращение',
    'unit.sale': 'продажа',
    'unit.hires': 'наймов',
    'unit.seats': 'мест',
    'unit.units': 'единиц',
    'noun.agent': 'оператор|оператора|операторов',
    'noun.month': 'месяц|месяца|месяцев',
    'rec.verb.running_saves': 'текущие затраты ниже на',
    'rec.verb.running_costs': 'текущие затраты выше на',
    'kpi.mirr': 'MIRR (годовая, реинвестирование под {rate})',
    'inc.irr_flag': 'быстрая окупаемость, IRR неинформативна',
    'inc.irr_note': (
        'IRR выше 100 % в год означает окупаемость за считаные месяцы: сравнивайте '
        'варианты по NPV и MIRR.'
    ),
    'facts.title': 'Перед подписанием',
    'facts.breakeven': 'Безубыточность против {base} ({option})',
    'facts.breakeven.one': '{name}: {value} (сейчас {now}{unit})',
    'facts.breakeven.item': '{value}{unit}',
    'facts.breakeven.none': 'нет в проверенном диапазоне',
    'facts.service': 'Сопоставимость сервиса',
    'facts.service.one': (
        '{option}: {metric} {value} против {reference} у своего центра ({worth} выручки за '
        'горизонт)'
    ),
    'facts.service.none': (
        'Уровень сервиса, доля брошенных и решение с первого обращения у всех вариантов в '
        'пределах допуска сопоставимости со своим центром (2 п. п. для SL и FCR, 1 п. п. '
        'для брошенных).'
    ),
    'facts.trough': 'Наибольший кассовый разрыв',
    'facts.trough.text': (
        '{amount} накопленно против {base} в низшей точке, в месяце {month} (без '
        'дисконтирования, от начала перехода).'
    ),
    'facts.people': 'Затронутые сотрудники',
    'facts.people.text': (
        '{total} FTE уходят из штата своего центра ({agents} FTE операторов, {support} FTE '
        'поддержки) из {today} сейчас, после {parallel} мес. параллельной работы; на '
        'другие роли переводятся {redeployed}, выходные пособия {severance}.'
    ),
    'facts.commitments': 'Обязательства и выход',
    'facts.commitments.text': (
        'Подрядчику оплачивается не менее {minimum} прогнозного объёма; срок {term} мес. '
        '(горизонт); аренда мест оплачивается {lease} мес. после выхода{terms}.'
    ),
    'facts.commitments.no_exit': (
        '; плата за выход и возврат работы в свой центр после срока не моделируются (в '
        'сценарии нет параметров выхода)'
    ),
    'facts.estimates': 'Входы-оценки',
    'facts.estimates.text': (
        '{estimates} из {n} входных параметров ({share}) — наши оценки: замените их своими '
        'данными (см. раздел «Допущения»).'
    ),
    'facts.estimates.warnings': (
        ' Вне правдоподобного диапазона: {n} (список в разделе «Допущения»).'
    ),
    'metric.inhouse_support_fte': 'FTE поддержки своего центра',
    'assumptions.label': 'Параметр',
    'source.user': 'ввод пользователя',
    'warnings.title': 'Входы вне правдоподобного диапазона',
    'warnings.range': 'Правдоподобный диапазон',
    'warnings.note': 'Приняты (в жёстких пределах), но необычны: проверьте их перед подписанием.',
    'warnings.none': 'Все входы — в правдоподобных диапазонах.',
    'costs.xlabel': 'Год контракта',
    'costs.line': 'Группа: статья (за горизонт)',
    'family.agents': 'Оплата операторов',
    'family.support': 'Поддержка, найм, обучение',
    'family.workplace': 'Рабочие места, ИТ, накладные',
    'family.outbound': 'Исходящие',
    'family.vendor': 'Подрядчик за вычетом штрафов SLA',
    'family.governance': 'Управление подрядчиком, лицензии',
    'family.transition': 'Переход (разово)',
    'family.tax': 'Невозмещаемый НДС',
    'family.other': 'Прочее',
    'staffing.calls_of': 'звонки, {day}',
    'day.weekday': 'Пн–Пт',
    'day.weekend': 'Сб–Вс',
    'channel.voice': 'голос',
    'channel.chat': 'чат',
    'channel.email': 'эл. почта',
    'channel.messaging': 'мессенджеры',
    'channel.outbound': 'исходящие',
    'xlsx.day': 'Дни',
    'xlsx.agents': 'Операторов: {channel}',
    'sheet.costs': 'Статьи затрат',
    'breakeven.now_at': 'сейчас {value}',
    'preset.default': 'по умолчанию',
    'preset.ru': 'Россия',
    'preset.blended': 'смешанный',
    'preset.default.name': 'Контакт-центр среднего размера, входящие обращения (США)',
    'preset.default.notes': (
        'Сценарий по умолчанию из поставки roi-models; замените каждую оценку своими '
        'данными.'
    ),
    'preset.ru.name': 'Контакт-центр, Россия (RUB)',
    'preset.ru.notes': (
        'Российский пресет: данных мало; каждое значение с меткой «оценка» замените своими.'
    ),
    'preset.blended.name': (
        'Смешанный центр среднего размера (США): входящие обращения и исходящие кампании'
    ),
    'preset.blended.notes': (
        'Сценарий по умолчанию из поставки roi-models; замените каждую оценку своими '
        'данными.'
    ),
    'input.scenario.name': 'Название сценария',
    'input.scenario.notes': 'Примечания',
    'input.demand.voice_annual_contacts': 'Звонков в год',
    'input.demand.chat_annual_contacts': 'Чатов в год',
    'input.demand.email_annual_contacts': 'Писем в год',
    'input.demand.annual_growth': 'Рост объёма в год',
    'input.demand.volume_vs_forecast': 'Объём относительно прогноза',
    'input.demand.seasonality': 'Сезонность, янв.–дек.',
    'input.demand.start_month': 'Месяц начала',
    'input.demand.weekday_profile': 'Профиль поступлений в будни',
    'input.demand.weekend_profile': 'Профиль поступлений в выходные',
    'input.demand.weekend_day_share': 'Объём выходного дня',
    'input.demand.voice_aht_s': 'Время обработки звонка',
    'input.demand.chat_aht_s': 'Время обработки чата',
    'input.demand.email_aht_s': 'Время обработки письма',
    'input.demand.self_service_containment': 'Доля самообслуживания',
    'input.demand.self_service_repeat_share': 'Повторы после самообслуживания',
    'input.demand.aht_improvement': 'Сокращение времени обработки',
    'input.demand.aht_improvement_months': 'Срок сокращения времени обработки',
    'input.demand.repeats_per_unresolved': 'Повторы на нерешённое обращение',
    'input.demand.patience_s': 'Терпение звонящего',
    'input.demand.chat_patience_s': 'Терпение клиента в чате',
    'input.service.voice_target_sl': 'Целевой уровень сервиса (голос)',
    'input.service.voice_target_time_s': 'Целевое время ответа (голос)',
    'input.service.chat_target_sl': 'Целевой уровень сервиса (чат)',
    'input.service.chat_target_time_s': 'Целевое время ответа (чат)',
    'input.service.max_occupancy': 'Предел загрузки',
    'input.service.chat_concurrency': 'Одновременных чатов на оператора',
    'input.service.email_occupancy': 'Загрузка на письмах',
    'input.inhouse.agent_hourly_wage': 'Часовая ставка оператора',
    'input.inhouse.payroll_load': 'Начисления на ФОТ',
    'input.inhouse.paid_hours_per_fte_year': 'Оплачиваемых часов на FTE в год',
    'input.inhouse.shrinkage': 'Потери рабочего времени (свой центр)',
    'input.inhouse.schedule_inefficiency': 'Неэффективность графика',
    'input.inhouse.team_lead_span': 'Операторов на супервайзера',
    'input.inhouse.team_lead_annual_salary': 'Оклад супервайзера',
    'input.inhouse.manager_span': 'Операторов на менеджера',
    'input.inhouse.manager_annual_salary': 'Оклад менеджера',
    'input.inhouse.qa_span': 'Операторов на контролёра качества',
    'input.inhouse.qa_annual_salary': 'Оклад контролёра качества',
    'input.inhouse.wfm_span': 'Операторов на специалиста по планированию',
    'input.inhouse.wfm_annual_salary': 'Оклад специалиста по планированию',
    'input.inhouse.trainer_span': 'Стажёров на тренера',
    'input.inhouse.trainer_annual_salary': 'Оклад тренера',
    'input.inhouse.annual_attrition': 'Текучесть операторов в год',
    'input.inhouse.training_class_loss': 'Отсев на обучении',
    'input.inhouse.cost_per_hire': 'Затраты на найм одного',
    'input.inhouse.training_weeks': 'Недель обучения',
    'input.inhouse.ramp_months': 'Месяцев адаптации',
    'input.inhouse.ramp_aht_factor': 'Коэффициент времени обработки новичка',
    'input.inhouse.seat_cost_monthly': 'Рабочее место в месяц',
    'input.inhouse.seat_buffer': 'Запас рабочих мест',
    'input.inhouse.seat_lease_step': 'Шаг аренды рабочих мест',
    'input.inhouse.telephony_per_seat_monthly': 'Телефония на место в месяц',
    'input.inhouse.software_per_fte_monthly': 'ПО на FTE в месяц',
    'input.inhouse.it_capex_per_seat': 'ИТ-оборудование на место',
    'input.inhouse.it_depreciation_months': 'Срок амортизации ИТ',
    'input.inhouse.overhead_avoidable_share': 'Устранимая доля накладных',
    'input.inhouse.headcount_policy': 'Политика численности',
    'input.inhouse.hiring_lead_months': 'Срок найма',
    'input.inhouse.current_agent_fte': 'Операторов сейчас (FTE)',
    'input.outsourced.currency': 'Валюта подрядчика',
    'input.outsourced.fx_rate': 'Курс (за единицу валюты подрядчика)',
    'input.outsourced.tier_pricing_model': 'Единица объёмных скидок',
    'input.outsourced.retained_licence_per_agent_monthly': 'Лицензии клиента на оператора подрядчика',
    'input.outsourced.schedule_inefficiency': 'Неэффективность расписания подрядчика',
    'input.outsourced.minimum_shift_hours': 'Минимальная смена подрядчика',
    'input.outsourced.ramp_months': 'Период обучения подрядчика',
    'input.outsourced.ramp_aht_factor': 'AHT подрядчика на старте',
    'input.outsourced.ramp_fcr_factor': 'FCR подрядчика на старте',
    'input.outsourced.chat_target_sl': 'Целевой уровень сервиса подрядчика (чат)',
    'input.outsourced.chat_target_time_s': 'Целевое время ответа подрядчика (чат)',
    'input.finance.contract_cola_basis': 'Основа индексации цен подрядчика',
    'input.tax.vat_rate': 'Ставка НДС',
    'input.tax.vat_recoverable_share': 'Доля НДС к вычету',
    'input.tax.severance_payroll_load_share': 'Взносы с выходного пособия',
    'input.inhouse.overhead_share': 'Корпоративные накладные',
    'input.inhouse.capex_one_off': 'Разовые вложения (свой центр)',
    'input.inhouse.first_contact_resolution': 'Решение с первого обращения (свой центр)',
    'input.outsourced.pricing_model': 'Модель оплаты подрядчика',
    'input.outsourced.delivery_model': 'Формат работы подрядчика',
    'input.outsourced.rate_per_productive_hour': 'Ставка подрядчика за продуктивный час',
    'input.outsourced.rate_per_logged_in_hour': 'Ставка подрядчика за час в системе',
    'input.outsourced.logged_in_overhead': 'Часы в системе сверх продуктивных',
    'input.outsourced.rate_per_fte_month': 'Ставка подрядчика за FTE в месяц',
    'input.outsourced.rate_per_minute': 'Ставка подрядчика за минуту обработки',
    'input.outsourced.rate_per_contact': 'Ставка подрядчика за обращение',
    'input.outsourced.monthly_base_fee': 'Фиксированная плата подрядчику в месяц',
    'input.outsourced.tier_thresholds': 'Пороги объёмных скидок',
    'input.outsourced.tier_discounts': 'Объёмные скидки',
    'input.outsourced.minimum_commitment': 'Минимальный оплачиваемый объём',
    'input.outsourced.setup_fee': 'Плата подрядчику за запуск',
    'input.outsourced.transition_months': 'Месяцев перехода',
    'input.outsourced.parallel_run_months': 'Месяцев параллельной работы',
    'input.outsourced.knowledge_transfer_share': 'Затраты на передачу знаний',
    'input.outsourced.severance_weeks': 'Выходное пособие',
    'input.outsourced.redeployed_share': 'Доля переведённых сотрудников',
    'input.outsourced.stranded_lease_months': 'Аренда после выхода',
    'input.outsourced.governance_share': 'Затраты на управление подрядчиком',
    'input.outsourced.governance_min_monthly': 'Минимум затрат на управление в месяц',
    'input.outsourced.sla_at_risk_share': 'Платежи под риском SLA',
    'input.outsourced.sla_credit_pool_share': 'Пул штрафов SLA',
    'input.outsourced.sla_credit_allocation': 'Штраф SLA за нарушение',
    'input.outsourced.sla_misses_per_month': 'Нарушений SLA в месяц',
    'input.outsourced.aht_factor': 'Коэффициент времени обработки подрядчика',
    'input.outsourced.first_contact_resolution': 'Решение с первого обращения (подрядчик)',
    'input.outsourced.shared_pool_fcr_penalty': 'Потеря решения с первого обращения в общем пуле',
    'input.outsourced.voice_target_sl': 'Целевой уровень сервиса подрядчика',
    'input.outsourced.voice_target_time_s': 'Целевое время ответа подрядчика',
    'input.outsourced.shrinkage': 'Потери рабочего времени (подрядчик)',
    'input.outsourced.outbound_pricing': 'Оплата исходящих подрядчику',
    'input.outsourced.outbound_rate_per_hour': 'Ставка за час исходящих',
    'input.outsourced.outbound_rate_per_connect': 'Ставка за дозвон',
    'input.outsourced.outbound_commission': 'Комиссия подрядчика за результат',
    'input.outsourced.outbound_blend_hourly_share': 'Доля почасовой оплаты в смешанном договоре',
    'input.outsourced.outbound_min_fte': 'Минимальная команда исходящих у подрядчика',
    'input.outsourced.outbound_conversion_factor': 'Коэффициент конверсии подрядчика',
    'input.hybrid.mode': 'Разделение в гибриде',
    'input.hybrid.outsourced_share': 'Доля объёма подрядчику',
    'input.hybrid.overflow_threshold': 'Порог перелива',
    'input.hybrid.outsourced_channels': 'Каналы подрядчику',
    'input.hybrid.outbound_to': 'Кто ведёт исходящие в гибриде',
    'input.outbound.sales_records_per_month': 'Записей продаж в месяц',
    'input.outbound.retention_records_per_month': 'Записей удержания в месяц',
    'input.outbound.collections_records_per_month': 'Записей взыскания в месяц',
    'input.outbound.attempts_per_record': 'Попыток набора на запись',
    'input.outbound.connect_rate': 'Доля живых дозвонов',
    'input.outbound.right_party_rate': 'Доля дозвонов до нужного лица',
    'input.outbound.sales_talk_s': 'Время разговора (продажи)',
    'input.outbound.retention_talk_s': 'Время разговора (удержание)',
    'input.outbound.collections_talk_s': 'Время разговора (взыскание)',
    'input.outbound.other_talk_s': 'Время разговора не с тем лицом',
    'input.outbound.wrap_s': 'Постобработка',
    'input.outbound.dialler_mode': 'Режим автодозвона',
    'input.outbound.preview_utilisation': 'Загрузка, предварительный набор',
    'input.outbound.progressive_utilisation': 'Загрузка, прогрессивный набор',
    'input.outbound.predictive_utilisation': 'Загрузка, предиктивный набор',
    'input.outbound.predictive_abandon_rate': 'Доля сброшенных предиктивным набором',
    'input.outbound.abandon_cap': 'Нормативный предел сброшенных',
    'input.outbound.cost_per_attempt': 'Стоимость попытки набора',
    'input.outbound.sales_conversion': 'Конверсия исходящих продаж',
    'input.outbound.sales_order_value': 'Средний чек исходящей продажи',
    'input.outbound.retention_save_rate': 'Доля удержанных',
    'input.outbound.collections_promise_rate': 'Доля обещаний оплаты',
    'input.outbound.collections_kept_rate': 'Доля выполненных обещаний',
    'input.outbound.collections_amount': 'Сумма выполненного обещания',
    'input.outbound.collections_incremental_share': 'Доля дополнительно собранных денег',
    'input.revenue.customers': 'Активных клиентов',
    'input.revenue.annual_base_churn': 'Базовый отток в год',
    'input.revenue.annual_margin_per_customer': 'Маржа на клиента в год',
    'input.revenue.contacting_share': 'Доля обращающихся клиентов в год',
    'input.revenue.bad_experience_effect': 'Рост оттока после плохого контакта',
    'input.revenue.good_experience_effect': 'Снижение оттока после хорошего контакта',
    'input.revenue.retry_share': 'Доля перезванивающих',
    'input.revenue.sales_conversion': 'Конверсия обращений в продажи',
    'input.revenue.average_order_value': 'Средний чек',
    'input.revenue.sales_margin': 'Маржа продаж',
    'input.revenue.value_method': 'Оценка удержанного клиента',
    'input.finance.currency': 'Валюта',
    'input.finance.horizon_months': 'Горизонт (срок договора)',
    'input.finance.discount_rate': 'Ставка дисконтирования',
    'input.finance.wage_escalation': 'Рост зарплат в год',
    'input.finance.licence_escalation': 'Рост цен на лицензии в год',
    'input.finance.rent_escalation': 'Рост аренды в год',
    'input.finance.contract_cola': 'Индексация цен подрядчика в год',
    'choice.wage_escalation': 'следует за ростом зарплат',
    'choice.attrition_only': 'снижается только за счёт текучести',
    'choice.track_demand': 'следует за спросом (оптимистично)',
    'choice.fixed': 'фиксированная индексация по договору',
    'choice.hire_to_peak': 'найм под будущий пик',
    'choice.per_productive_hour': 'за продуктивный час',
    'choice.per_logged_in_hour': 'за час в системе',
    'choice.per_fte_month': 'за FTE-месяц',
    'choice.per_handled_minute': 'за минуту обработки',
    'choice.per_contact': 'за обращение',
    'choice.dedicated': 'выделенная команда',
    'choice.shared': 'общий пул',
    'choice.per_hour': 'за час',
    'choice.per_connect': 'за дозвон',
    'choice.per_outcome': 'за результат',
    'choice.blend': 'смешанная',
    'choice.share': 'доля объёма',
    'choice.overflow': 'перелив',
    'choice.channel': 'по каналам',
    'choice.email': 'эл. почта',
    'choice.chat': 'чат',
    'choice.chat+email': 'чат + эл. почта',
    'choice.voice': 'голос',
    'choice.voice+chat': 'голос + чат',
    'choice.voice+email': 'голос + эл. почта',
    'choice.inhouse': 'свой центр',
    'choice.vendor': 'подрядчик',
    'choice.preview': 'предварительный',
    'choice.progressive': 'прогрессивный',
    'choice.predictive': 'предиктивный',
    'choice.margin': 'маржа в горизонте',
    'choice.clv': 'пожизненная ценность',
    'warnings.line': (
        'Внимание: {name} ({path}) = {value} {unit} — вне правдоподобного диапа'
        'зона {low} – {high} {unit}; принято, проверьте.'
    ),
}
