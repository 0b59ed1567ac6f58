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
        'Пресет {preset} · валюта {currency} · горизонт {months} мес. · ставка '
        'дисконтирования {rate} в год · подготовлено roi-models {version}'
    ),
    'doc.signs': (
        'Суммы — за весь горизонт, если не указано иное; затраты — потраченные деньги; '
        'эффект на выручку со знаком (плюс — выручка, сохранённая хорошим сервисом); '
        'приростные показатели — вариант минус собственный центр, плюс говорит в пользу '
        'перехода.'
    ),
    'doc.contents': 'Содержание',
    'doc.page1': 'Резюме решения',
    'doc.charts_elsewhere': (
        'Графики — в business_case.html и business_case.pdf; здесь приведены их числа.'
    ),
    'option.inhouse': 'Свой центр (как сейчас)',
    'option.outsourced': 'Аутсорсинг',
    'option.hybrid': 'Гибрид',
    'option_short.inhouse': 'свой центр',
    'option_short.outsourced': 'аутсорсинг',
    'option_short.hybrid': 'гибрид',
    'option_lc.inhouse': 'свой центр (как сейчас)',
    'option_lc.outsourced': 'аутсорсинг',
    'option_lc.hybrid': 'гибрид',
    'rec.title': 'Рекомендация',
    'rec.switch': (
        'Рекомендуем {option}: за {months} мес. чистая экономия составит {net_saving} с '
        'учётом затрат на переход и потерь выручки, приростная NPV против своего центра '
        '— {npv}.'
    ),
    'rec.stay': (
        'Рекомендуем сохранить собственный контакт-центр: у лучшей альтернативы '
        '({option}) приростная NPV за {months} мес. составляет {npv}.'
    ),
    'rec.reason': (
        '{Option}: {verb} {saving_share} затрат ({saving} за {months} мес.); эффект на '
        'выручку {revenue_difference} относительно своего центра (решение с первого '
        'обращения {fcr} против {fcr_inhouse}); приростная NPV {npv}; {payback}.'
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
        'В {trials} испытаниях Монте-Карло по неопределённым входам {option} выигрывает '
        'у своего центра в {p} случаев; приростная NPV: P10 {p10}, P50 {p50}, P90 {p90}.'
    ),
    'kpi.title': 'Ключевые показатели: {option} против своего центра',
    'kpi.net_saving': 'Чистая экономия за {months} мес.',
    'kpi.npv': 'Приростная NPV при ставке {rate}',
    'kpi.payback': 'Окупаемость',
    'kpi.irr': 'IRR (годовая)',
    'kpi.irr_undefined': 'не определена',
    'options.title': 'Варианты рядом',
    'options.metric': 'Показатель',
    'options.note': (
        'Деньги — за весь горизонт; показатели сервиса взвешены по объёму; FTE — в '
        'среднем за месяц.'
    ),
    'options.recommended': 'рекомендуется',
    'metric.total_cost': 'Затраты за горизонт',
    'metric.average_monthly_cost': 'Средние затраты в месяц',
    'metric.cost_per_contact': 'Стоимость обращения (текущий спрос)',
    'metric.npv_cost': 'NPV затрат',
    'metric.revenue_effect': 'Эффект на выручку за горизонт',
    'metric.npv': 'NPV чистого денежного потока',
    'metric.inhouse_fte': 'FTE своего центра (в среднем)',
    'metric.vendor_fte': 'FTE подрядчика (в среднем)',
    'metric.handled_contacts': 'Обработано обращений',
    'metric.voice_service_level': 'Уровень сервиса (голос)',
    'metric.voice_abandon_rate': 'Доля брошенных (голос)',
    'metric.first_contact_resolution': 'Решение с первого обращения',
    'metric.lost_contacts': 'Потерянные обращения',
    'metric.one_off_costs': 'Разовые затраты',
    'inc.title': 'Переход против своего центра',
    'inc.header': 'Против своего центра',
    'inc.note': (
        'Приростной поток = чистый поток варианта минус поток своего центра: плюс '
        'означает, что переход выгоднее.'
    ),
    'inc.net_saving': 'Чистая экономия за {months} мес.',
    'inc.npv': 'Приростная NPV',
    'inc.payback_months': 'Окупаемость',
    'inc.discounted_payback_months': 'Дисконтированная окупаемость',
    'inc.irr': 'IRR (годовая)',
    'inc.mirr': 'MIRR (годовая, по ставке дисконтирования)',
    'inc.roi': 'ROI на разовые затраты',
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
        'своими данными.'
    ),
    'assumptions.path': 'Параметр',
    'assumptions.value': 'Значение',
    'assumptions.unit': 'Ед. изм.',
    'assumptions.source': 'Источник',
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
        'Годовые затраты каждого варианта по статьям, накопительно (годы контракта; 1-й '
        'год = месяцы 0-11).'
    ),
    'costs.ylabel': 'Затраты в год, {unit}',
    'costs.year': 'Г{n}',
    'cash.title': 'Накопленный денежный поток и окупаемость',
    'cash.caption': (
        'Накопленный приростной поток перехода от своего центра (без дисконтирования); '
        'пересечение нуля — месяц окупаемости.'
    ),
    'cash.xlabel': 'Месяц (0 — начало перехода)',
    'cash.ylabel': 'Накопленно к своему центру, {unit}',
    'cash.payback': 'окупаемость {months}',
    'staffing.title': 'Персонал по интервалам',
    'staffing.caption': (
        'Сколько операторов своего центра нужно на линии в каждом 30-минутном интервале '
        'типичной недели месяца 0 (Erlang A по интервалам, как считает движок), и '
        'поступающие звонки.'
    ),
    'staffing.xlabel': 'Время суток',
    'staffing.agents': 'Операторов на линии',
    'staffing.calls': 'Поступающих звонков за интервал',
    'staffing.weekday_voice': 'Пн-Пт, голос',
    'staffing.weekday_chat': 'Пн-Пт, чат',
    'staffing.weekend_voice': 'Сб-Вс, голос',
    'staffing.weekend_chat': 'Сб-Вс, чат',
    'staffing.weekday_calls': 'Пн-Пт, звонки',
    'staffing.weekend_calls': 'Сб-Вс, звонки',
    'staffing.peak': (
        'Пик: {agents} операторов голосового канала в {time} в будний день; в среднем за '
        'горизонт {fte} FTE своего центра.'
    ),
    'bridge.title': 'Мост затрат и выручки',
    'bridge.caption': (
        'От своего центра к варианту «{option}» за {months} мес.: экономия текущих '
        'затрат, разовые затраты перехода, затем влияние качества сервиса на удержание и '
        'продажи — до чистой экономии.'
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
        'верхней границы (правдоподобный диапазон из реестра) при прочих равных; {n} '
        'самых влиятельных из {total}.'
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
        'Приростная NPV варианта «{option}» против своего центра при изменении одного '
        'входа при прочих равных; маркер — точка, где варианты равны.'
    ),
    'breakeven.input': 'Параметр',
    'breakeven.current': 'Текущее значение',
    'breakeven.value': 'Точка безубыточности',
    'breakeven.none': 'нет в диапазоне {low} – {high}',
    'breakeven.now': 'сейчас',
    'breakeven.tie': 'равенство',
    'breakeven.ylabel': 'Приростная NPV, {unit}',
    'param.vendor_rate': 'Ставка подрядчика',
    'param.agent_wage': 'Часовая ставка оператора',
    'param.volume': 'Объём относительно прогноза',
    'mc.title': 'Монте-Карло',
    'mc.caption': (
        'Приростная NPV варианта «{option}» в {trials} испытаниях (Beta-PERT по нижней '
        'границе, значению и верхней границе каждого неопределённого входа; seed '
        '{seed}). P(лучше своего центра) = {p}.'
    ),
    'mc.xlabel': 'Приростная NPV, {unit}',
    'mc.ylabel': 'Испытаний',
    'mc.p_better': 'P(лучше своего центра)',
    'mc.statistic': 'Показатель',
    'mc.mean': 'Среднее',
    'mc.drivers': 'Главные источники разброса: {names}.',
    'risk.skipped': 'Страницы рисков для этого отчёта не рассчитывались.',
    'risks.title': 'Главные риски',
    'risks.risk': 'Риск',
    'risks.what': 'Что это значит здесь',
    'risks.transition': 'Переход',
    'risks.transition.text': (
        'Разовые затраты {one_off} (запуск, передача знаний, параллельная работа, '
        'выходные пособия, неиспользуемая аренда) тратятся до появления экономии; '
        'окупаемость {payback}. Задержка перехода удлиняет параллельную работу.'
    ),
    'risks.governance': 'Управление подрядчиком',
    'risks.governance.text': (
        'Команда, управляющая подрядчиком, стоит {governance} за горизонт ({share} от '
        'платежей подрядчику); без неё штрафы по SLA и качество уходят из-под контроля.'
    ),
    'risks.quality': 'Качество и выручка',
    'risks.quality.text': (
        'Решение с первого обращения {fcr} против {fcr_inhouse} у своего центра; эффект '
        'на выручку отличается на {revenue_difference} за горизонт. FCR подрядчика — '
        'один из самых влиятельных входов.'
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
    'xlsx.interval': 'Интервал',
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
}
