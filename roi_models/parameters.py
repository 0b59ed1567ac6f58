"""The parameter registry: every input of a :class:`~roi_models.scenario.Scenario`, declared once.

Each :class:`Parameter` carries its dotted path, unit, default, plausible low/high range (used by the
tornado, the Monte Carlo, the dashboard's sliders and the workbook's Inputs sheet), the hard limits
that validation enforces, a description and the source of the default. Adding an input means adding
one ``Parameter(...)`` here; nothing else has to list it.

Source tags: ``sourced`` (a published figure), ``benchmark`` (an industry rule of thumb or a range
from several sources), ``estimate`` (our own estimate: replace it with your own figure).

Conventions: time in seconds unless the unit says otherwise, rates and shares as decimals (0.8, not
80), money in the scenario's currency, annual rates compounded annually.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from roi_models.pricing import PRICING_MODELS

__all__ = ["PARAMETERS", "PRESETS", "SECTIONS", "Parameter", "registry"]

SECTIONS: tuple[str, ...] = (
    "scenario",
    "demand",
    "service",
    "inhouse",
    "outsourced",
    "hybrid",
    "outbound",
    "revenue",
    "tax",
    "finance",
)


@dataclass(frozen=True)
class Parameter:
    """One input of the model.

    Attributes
    ----------
    path : str
        Dotted path, ``section.name``.
    unit : str
        Unit of the value, e.g. ``"USD/h"``, ``"share"``, ``"s"``.
    default : Any
        Default value (the ``default`` preset).
    low, high : float or None
        Plausible range for sensitivity and Monte Carlo (``None`` for non-numeric inputs).
    description : str
        What the input means, in one sentence.
    source : str
        Where the default and the range come from.
    tag : str
        ``"sourced"``, ``"benchmark"`` or ``"estimate"``.
    kind : str
        ``"float"``, ``"int"``, ``"choice"``, ``"vector"`` or ``"text"``.
    minimum, maximum : float
        Hard limits enforced by validation (inclusive unless ``exclusive_minimum``).
    exclusive_minimum : bool
        Whether ``minimum`` itself is invalid (``aht > 0``).
    choices : tuple of str
        Allowed values of a ``choice`` input.
    length : int or None
        Required length of a ``vector`` input (``None``: any length).
    uncertain : bool
        Whether the Monte Carlo samples it by default (money, volumes and behaviour yes; policy
        choices such as the horizon no).
    """

    path: str
    unit: str
    default: Any
    low: float | None
    high: float | None
    description: str
    source: str
    tag: str = "estimate"
    kind: str = "float"
    minimum: float = 0.0
    maximum: float = float("inf")
    exclusive_minimum: bool = False
    choices: tuple[str, ...] = ()
    length: int | None = None
    uncertain: bool = True
    bounds_note: str = field(default="", repr=False)

    @property
    def section(self) -> str:
        """The section the input belongs to (``"inhouse"`` for ``inhouse.agent_hourly_wage``)."""
        return self.path.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The input's name inside its section."""
        return self.path.split(".", 1)[1]

    @property
    def numeric(self) -> bool:
        """True for scalar numeric inputs (the ones sensitivity and Monte Carlo can vary)."""
        return self.kind in ("float", "int")

    def allowed_range(self) -> str:
        """Describe the hard limits in words, for error messages."""
        if self.kind == "choice":
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.kind == "text":
            return "text"
        lo = f"> {self.minimum:g}" if self.exclusive_minimum else f">= {self.minimum:g}"
        if self.maximum == float("inf"):
            rng = lo
        else:
            rng = f"{lo} and <= {self.maximum:g}"
        if self.kind == "vector":
            n = f"{self.length} numbers" if self.length else "a list of numbers"
            return f"{n}, each {rng}"
        return rng


def _p(path: str, unit: str, default: Any, low: Any, high: Any, description: str, source: str,
       tag: str = "estimate", **kw: Any) -> Parameter:
    return Parameter(path, unit, default, low, high, description, source, tag, **kw)


_SHARE = {"maximum": 1.0}
_ANNUAL_RATE = {"minimum": -0.5, "maximum": 1.0}

# Typical weekday arrival profile, 48 half-hour intervals from 00:00, relative weights (an
# illustrative inbound-service shape: open 07:00-21:00, peaks mid-morning and early afternoon).
_WEEKDAY_PROFILE = (
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1.5, 2.5, 3.5, 4.6, 5.2, 5.5, 5.6, 5.4, 5.0, 4.8, 4.9, 5.1, 5.0, 4.7,
    4.3, 4.0, 3.7, 3.4, 3.0, 2.7, 2.4, 2.1, 1.8, 1.5, 1.2, 1.0, 0.8, 0.6,
    0, 0, 0, 0, 0, 0,
)
# Weekend: open 09:00-18:00, flatter.
_WEEKEND_PROFILE = (
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2.0, 3.0, 3.6, 3.8, 3.8, 3.6, 3.4, 3.3, 3.2, 3.0, 2.8, 2.5, 2.2, 2.0, 1.8, 1.5, 1.2, 1.0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
)
# Seasonality, January..December, averaging 1 (post-holiday January peak, summer dip, Q4 rise).
_SEASONALITY = (1.10, 1.02, 1.00, 0.97, 0.95, 0.92, 0.90, 0.93, 0.98, 1.02, 1.06, 1.15)

PARAMETERS: tuple[Parameter, ...] = (
    # ------------------------------------------------------------------ scenario (metadata)
    _p("scenario.name", "", "Mid-size inbound contact center (US)", None, None,
       "Name shown on the business case.", "user input", "estimate", kind="text", uncertain=False),
    _p("scenario.notes", "", "Default scenario shipped with roi-models; replace every estimate "
       "with your own figures.", None, None, "Free-text notes.", "user input", "estimate",
       kind="text", uncertain=False),
    # ------------------------------------------------------------------ demand
    _p("demand.voice_annual_contacts", "contacts/year", 600_000.0, 480_000.0, 720_000.0,
       "Inbound calls a year before self-service containment (year 1 forecast).",
       "estimate: a mid-size center of about 1 million contacts a year; range +/-20% "
       "forecast error (docs/sources.md 4)", "estimate", maximum=1e9),
    _p("demand.chat_annual_contacts", "contacts/year", 250_000.0, 200_000.0, 300_000.0,
       "Chat sessions a year (year 1 forecast).", "estimate; +/-20% forecast error", "estimate",
       maximum=1e9),
    _p("demand.email_annual_contacts", "contacts/year", 150_000.0, 120_000.0, 180_000.0,
       "E-mails / back-office items a year (year 1 forecast).", "estimate; +/-20%", "estimate",
       maximum=1e9),
    _p("demand.messaging_annual_contacts", "contacts/year", 0.0, None, None,
       "Messaging conversations a year (WhatsApp, Telegram and similar asynchronous messaging; "
       "year 1 forecast); 0 = no messaging channel.", "user input",
       "estimate", maximum=1e9, uncertain=False),
    _p("demand.annual_growth", "share/year", 0.03, -0.02, 0.10,
       "Annual growth of contact volume, applied each contract year.", "estimate", "estimate",
       minimum=-0.5, maximum=2.0),
    _p("demand.volume_vs_forecast", "share", 1.0, 0.85, 1.10,
       "Actual volume as a share of the contracted forecast (below 1 triggers minimum "
       "commitments).", "forecast error of +/-10-20% (docs/sources.md 4) [E]",
       "estimate", maximum=3.0, minimum=0.1),
    _p("demand.seasonality", "factor", _SEASONALITY, None, None,
       "Monthly volume factors, January to December, averaging 1.", "estimate (illustrative "
       "retail/service shape)", "estimate", kind="vector", length=12, uncertain=False, maximum=100.0),
    _p("demand.start_month", "month of year", 1, None, None,
       "Calendar month (1-12) in which month 0 (start of transition) falls.", "user input",
       "estimate", kind="int", minimum=1, maximum=12, uncertain=False),
    _p("demand.weekday_profile", "weight", _WEEKDAY_PROFILE, None, None,
       "Weekday arrivals by 30-minute interval from 00:00 (48 relative weights).",
       "estimate (typical inbound weekday shape)", "estimate", kind="vector", length=48,
       uncertain=False, maximum=1e9),
    _p("demand.weekend_profile", "weight", _WEEKEND_PROFILE, None, None,
       "Weekend arrivals by 30-minute interval from 00:00 (48 relative weights).",
       "estimate (typical inbound weekend shape)", "estimate", kind="vector", length=48,
       uncertain=False, maximum=1e9),
    _p("demand.weekend_day_share", "share of a weekday", 0.4, 0.2, 0.7,
       "Volume of a weekend day relative to a weekday.", "estimate", "estimate", maximum=5.0,
       uncertain=False),
    _p("demand.voice_aht_s", "s", 330.0, 270.0, 420.0,
       "Average handle time of a call (talk + hold + wrap), in-house, today.",
       "estimate; industry benchmarks 4-7 minutes", "benchmark", minimum=1.0, maximum=86400.0),
    _p("demand.chat_aht_s", "s", 600.0, 450.0, 780.0,
       "Average duration of a chat session, in-house.", "estimate", "estimate", minimum=1.0, maximum=86400.0),
    _p("demand.email_aht_s", "s", 420.0, 300.0, 600.0,
       "Average handling time of an e-mail / back-office item, in-house.", "estimate",
       "estimate", minimum=1.0, maximum=86400.0),
    _p("demand.messaging_aht_s", "s", 480.0, 360.0, 720.0,
       "Agent handling time per messaging conversation (the agent's active time over all its "
       "messages), in-house.", "estimate [E] (docs/sources.md 1.6)", "estimate", minimum=1.0,
       maximum=86400.0),
    _p("demand.self_service_containment", "share", 0.15, 0.0, 0.45,
       "Share of calls contained by IVR / self-service before reaching an agent.",
       "turnella.com: true containment 20-45% for transactional calls", "sourced", **_SHARE),
    _p("demand.self_service_repeat_share", "share", 0.2, 0.0, 0.5,
       "Share of contained self-service sessions that come back as an agent call.",
       "estimate (turnella.com logic: repeat calls from failed IVR sessions)", "estimate",
       **_SHARE),
    _p("demand.aht_improvement", "share", 0.0, 0.0, 0.15,
       "AHT reduction reached by the in-house center over the improvement period "
       "(180 s -> 160 s is 0.111).", "Oktell, 2017 (180 s to 160 s example)", "sourced",
       maximum=0.9),
    _p("demand.aht_improvement_months", "months", 12.0, 6.0, 24.0,
       "Months over which the AHT improvement is reached, linearly.", "estimate", "estimate", uncertain=False,
       minimum=1.0, maximum=240.0),
    _p("demand.repeats_per_unresolved", "contacts", 1.0, 0.5, 1.5,
       "Extra contacts caused by each contact not resolved first time.",
       "estimate; SQM: +1 pt FCR = -1% cost", "estimate", maximum=5.0),
    _p("demand.patience_s", "s", 180.0, 90.0, 300.0,
       "Mean time a caller waits before hanging up (exponential; Erlang A).",
       "estimate; abandonment hazard studies (Webb et al., SSRN 3706565)", "estimate",
       minimum=1.0, maximum=86400.0),
    _p("demand.chat_patience_s", "s", 240.0, 120.0, 480.0,
       "Mean time a chat customer waits before leaving (Erlang A).", "estimate", "estimate",
       minimum=1.0, maximum=86400.0),
    _p("demand.messaging_patience_s", "s", 3600.0, 1800.0, 7200.0,
       "Mean time a messaging customer waits for a first reply before giving up (Erlang A; "
       "asynchronous, so long).", "estimate [E] (docs/sources.md 1.6)", "estimate",
       minimum=1.0, maximum=86400.0, uncertain=False),
    # ------------------------------------------------------------------ service targets
    _p("service.voice_target_sl", "share", 0.8, 0.7, 0.9,
       "Share of offered calls to answer within the target time (in-house standard).",
       "80/20 industry convention", "benchmark", maximum=0.999, uncertain=False),
    _p("service.voice_target_time_s", "s", 20.0, 10.0, 30.0,
       "Target answer time for calls.", "80/20 industry convention", "benchmark", uncertain=False,
       minimum=1.0, maximum=86400.0),
    _p("service.chat_target_sl", "share", 0.8, 0.7, 0.9,
       "Share of chats to answer within the chat target time.", "estimate", "estimate",
       maximum=0.999, uncertain=False),
    _p("service.chat_target_time_s", "s", 60.0, 30.0, 120.0,
       "Target answer time for chats.", "estimate", "estimate",
       uncertain=False, minimum=1.0, maximum=86400.0),
    _p("service.max_occupancy", "share", 0.85, 0.8, 0.9,
       "Cap on agent occupancy when staffing.", "85% usual default (pyworkforce, "
       "call-center-tools; 80-90%)", "benchmark", maximum=1.0,
       uncertain=False, minimum=0.1),
    _p("service.chat_concurrency", "chats/agent", 2.0, 1.5, 3.0,
       "Chats an agent handles at once.", "estimate", "estimate", minimum=1.0, maximum=10.0),
    _p("service.email_occupancy", "share", 0.9, 0.85, 0.95,
       "Productive share of staffed time on deferred work (e-mail is queued, so it runs "
       "near-full).", "estimate", "estimate", maximum=1.0, minimum=0.1),
    _p("service.messaging_target_sl", "share", 0.9, 0.8, 0.95,
       "Share of messaging conversations to answer within the response-time target (in-house "
       "and vendor).", "Meta: a Page's 'very responsive' badge needs 90% of messages answered "
       "within 15 minutes (docs/sources.md 1.6)", "benchmark", maximum=0.999, uncertain=False),
    _p("service.messaging_response_time_s", "s", 900.0, 300.0, 3600.0,
       "Response-time target for a messaging conversation's first reply (in-house and vendor).",
       "Meta 'very responsive' badge: under 15 minutes (docs/sources.md 1.6)", "benchmark",
       minimum=1.0, maximum=86400.0, uncertain=False),
    _p("service.messaging_concurrency", "conversations/agent", 4.0, 3.0, 6.0,
       "Messaging conversations an agent works at once (asynchronous: more than live chat).",
       "estimate [E] (docs/sources.md 1.6)", "estimate", minimum=1.0, maximum=20.0),
    # ------------------------------------------------------------------ in-house
    _p("inhouse.agent_hourly_wage", "money/h", 20.6, 16.0, 25.0,
       "Agent base wage per paid hour.", "BLS OOH: customer service representatives median "
       "$42,830/yr ~ $20.6/h", "sourced", maximum=1e7),
    _p("inhouse.payroll_load", "share of wage", 0.25, 0.20, 0.33,
       "Employer payroll taxes and benefits on top of wages (all in-house staff).",
       "US 20-30% (rdi-connect.com, 23%); 30% Contact Center Pipeline; 33% onbrand24",
       "sourced", maximum=2.0),
    _p("inhouse.paid_hours_per_fte_year", "h/year", 2080.0, 1950.0, 2080.0,
       "Paid hours per full-time employee a year.", "40 h x 52 weeks (customerthink.com)",
       "benchmark", maximum=8760.0, uncertain=False, minimum=100.0),
    _p("inhouse.shrinkage", "share", 0.30, 0.25, 0.35,
       "Share of paid time not available for contacts (leave, sickness, breaks, training).",
       "15-35% (Bocklund/TechTarget); 30-35% commonly cited; OpsDog mean 27%", "sourced",
       maximum=0.95),
    _p("inhouse.schedule_inefficiency", "share", 0.10, 0.05, 0.15,
       "Extra scheduled hours because shifts cannot follow the interval requirement exactly.",
       "~10% (callcentrehelper.com forum)", "benchmark", maximum=1.0),
    _p("inhouse.team_lead_span", "agents/lead", 10.0, 8.0, 14.0,
       "Agents per team lead.", "8-12 (Bocklund); 10-14 (ICMI 2019)", "sourced",
       minimum=1.0, maximum=10000.0),
    _p("inhouse.team_lead_annual_salary", "money/year", 58_000.0, 50_000.0, 66_000.0,
       "Team lead base salary.", "estimate (US contact-center supervisor)", "estimate", maximum=1e11),
    _p("inhouse.manager_span", "agents/manager", 60.0, 40.0, 100.0,
       "Agents per operations manager.", "estimate", "estimate", minimum=1.0, maximum=10000.0),
    _p("inhouse.manager_annual_salary", "money/year", 85_000.0, 70_000.0, 100_000.0,
       "Operations manager base salary.", "estimate", "estimate", maximum=1e11),
    _p("inhouse.qa_span", "agents/analyst", 28.0, 25.0, 30.0,
       "Agents per quality analyst.", "1:25-30 (contactcentrehelper.com forum)", "benchmark",
       minimum=1.0, maximum=10000.0),
    _p("inhouse.qa_annual_salary", "money/year", 48_000.0, 42_000.0, 55_000.0,
       "Quality analyst base salary.", "estimate", "estimate", maximum=1e11),
    _p("inhouse.wfm_span", "agents/analyst", 75.0, 50.0, 150.0,
       "Agents per workforce-management analyst.", "estimate", "estimate", minimum=1.0, maximum=10000.0),
    _p("inhouse.wfm_annual_salary", "money/year", 60_000.0, 52_000.0, 70_000.0,
       "WFM analyst base salary.", "estimate", "estimate", maximum=1e11),
    _p("inhouse.trainer_span", "trainees/trainer", 18.0, 15.0, 25.0,
       "Trainees in class per trainer.", "1:15-25; classes of 15-18 (contactcentrehelper.com)",
       "benchmark", minimum=1.0, maximum=10000.0),
    _p("inhouse.trainer_annual_salary", "money/year", 55_000.0, 48_000.0, 62_000.0,
       "Trainer base salary.", "estimate", "estimate", maximum=1e11),
    _p("inhouse.annual_attrition", "share/year", 0.35, 0.25, 0.45,
       "Agents leaving a year, as a share of agent headcount.",
       "US 33% (ICMI 2017), 42% (2022); Russia 30-45% (ContactBabel, ICMI)", "sourced",
       maximum=3.0),
    _p("inhouse.training_class_loss", "share", 0.20, 0.15, 0.25,
       "Share of a training class that leaves before graduating (within 90 days).",
       "15-25% (wiki.wfmlabs.org, Nesting)", "sourced", maximum=0.95),
    _p("inhouse.cost_per_hire", "money/hire", 1750.0, 1500.0, 4700.0,
       "Recruiting cost per hire (advertising, screening, background checks).",
       "ContactBabel median $1,750; SHRM all-jobs $4,683 (cinareo.com)", "sourced", maximum=1e10),
    _p("inhouse.training_weeks", "weeks", 4.0, 2.0, 8.0,
       "Classroom weeks before a new hire takes contacts (paid, unproductive).",
       "simple 2-3, standard 4-6, regulated 8-16 weeks (wiki.wfmlabs.org)", "sourced",
       maximum=52.0),
    _p("inhouse.ramp_months", "months", 3.0, 2.0, 6.0,
       "Months after training until a new agent reaches tenured AHT (nesting).",
       "3-6 months routine (wiki.wfmlabs.org Speed_to_Proficiency_Curve)", "sourced",
       maximum=36.0),
    _p("inhouse.ramp_aht_factor", "x tenured AHT", 1.5, 1.3, 1.8,
       "New-hire AHT relative to tenured agents at the start of the ramp (falls linearly to 1).",
       "1.3-1.8x (wiki.wfmlabs.org)", "sourced", minimum=1.0, maximum=5.0),
    _p("inhouse.seat_cost_monthly", "money/seat/month", 550.0, 400.0, 800.0,
       "Facilities per workstation: rent, utilities, furniture, cleaning.",
       "estimate: base rent $10-14/sq ft/yr (siteselectiongroup.com) at ~150 sq ft a seat, "
       "plus fit-out $2.5-10k amortised, utilities, furniture, security", "estimate", maximum=1e10),
    _p("inhouse.seat_buffer", "share", 0.10, 0.05, 0.20,
       "Spare workstations above the peak interval's agents.", "estimate", "estimate",
       maximum=2.0),
    # (report helper, issue 15: a lease is for whole seats)
    _p("inhouse.seat_lease_step", "seats", 1.0, None, None,
       "Seats are leased in whole blocks of this size: the seats needed (peak agents plus the "
       "buffer) round up to it; 0 keeps the fractional seat count (the first-round model).",
       "estimate: a lease and a workstation count whole seats", "estimate", minimum=0.0,
       maximum=1000.0, uncertain=False),
    _p("inhouse.telephony_per_seat_monthly", "money/seat/month", 150.0, 100.0, 250.0,
       "Telephony / CCaaS licence and usage per seat.",
       "estimate: no list prices found; $100-250 per seat per month all-in "
       "(docs/sources.md 1.1)", "estimate", maximum=1e10),
    _p("inhouse.software_per_fte_monthly", "money/FTE/month", 120.0, 80.0, 200.0,
       "CRM, WFM and QA software per agent FTE (named licences).", "estimate", "estimate", maximum=1e10),
    _p("inhouse.it_capex_per_seat", "money/seat", 1500.0, 1000.0, 2500.0,
       "IT hardware per workstation, depreciated straight-line.", "estimate", "estimate", maximum=1e11),
    _p("inhouse.it_depreciation_months", "months", 36.0, 24.0, 60.0,
       "Depreciation period of IT hardware.", "estimate (3-year straight line)", "estimate", uncertain=False,
       minimum=1.0, maximum=240.0),
    _p("inhouse.overhead_share", "share of direct cost", 0.15, 0.10, 0.20,
       "Allocated corporate overhead (HR, finance, IT support) on in-house direct costs.",
       "estimate: HR, finance, IT support, legal allocated to the center; cost-share "
       "benchmarks in wiki.wfmlabs.org",
       "estimate", maximum=2.0),
    _p("inhouse.overhead_avoidable_share", "share of overhead", 0.5, 0.3, 0.8,
       "Share of the allocated overhead that leaves with the work when it is outsourced; the "
       "fixed rest (finance, legal, executive, shared IT) stays in every option at the in-house "
       "level, escalated with it.",
       "estimate: allocations that scale with heads and seats (HR, recruiting, desktop IT) go, "
       "corporate functions stay; 1 = the whole allocation is avoidable (docs/sources.md 1.3)",
       "estimate", maximum=1.0),
    _p("inhouse.headcount_policy", "", "attrition_only", None, None,
       "How in-house agent headcount follows demand: 'track_demand' (hire and shed every month "
       "at no cost: optimistic), 'attrition_only' (hire ahead of need by the hiring lead time; "
       "headcount falls only as agents leave, idle hours are paid) or 'hire_to_peak' (hold the "
       "coming peak and never fall).",
       "docs/sources.md 1.3 (attrition 35%/yr is the only free way down; severance and "
       "notice make monthly shedding unrealistic)", "benchmark", kind="choice",
       choices=("track_demand", "attrition_only", "hire_to_peak"), uncertain=False),
    _p("inhouse.hiring_lead_months", "months", 2.0, 1.0, 3.0,
       "Months from opening a requisition to an agent on the floor (recruiting plus classroom): "
       "headcount is planned this far ahead of demand.",
       "time to fill about 36-44 days (SHRM) plus the 4-week class (docs/sources.md 1.3)",
       "benchmark", maximum=24.0, uncertain=False),
    _p("inhouse.current_agent_fte", "FTE", 0.0, None, None,
       "Agent FTE the center has today, as the inhouse_agent_fte driver counts them (paid "
       "agents after shrinkage, before nesting new hires; 0 = not given). When given, a "
       "'status_quo' option runs "
       "the center at this staffing (service level, abandonment and lost contacts from Erlang "
       "A) and every incremental figure is against it.", "user input", "estimate",
       maximum=100_000.0, uncertain=False),
    _p("inhouse.capex_one_off", "money", 0.0, 0.0, 500_000.0,
       "One-off investment in month 0 (new site fit-out, platform) if staying in-house needs it.",
       "user input; fit-out $2.5-10k per workstation (siteselectiongroup.com)", "estimate", maximum=1e14),
    _p("inhouse.first_contact_resolution", "share", 0.72, 0.65, 0.80,
       "Share of contacts resolved at the first contact, in-house.",
       "SQM: average FCR 70-72%", "sourced", **_SHARE),
    # ------------------------------------------------------------------ outsourced
    _p("outsourced.pricing_model", "", "per_productive_hour", None, None,
       "Billing unit of the vendor contract.", "docs/sources.md 2.1", "benchmark",
       kind="choice", choices=tuple(PRICING_MODELS), uncertain=False),
    _p("outsourced.delivery_model", "", "dedicated", None, None,
       "Dedicated team (billed by the pricing model) or shared pool (billed per handled "
       "minute, lower FCR).", "infocomm.ky; i24image.com", "benchmark", kind="choice",
       choices=("dedicated", "shared"), uncertain=False),
    # vendor currency (issues 12, 14): every vendor price is in outsourced.currency; the engine
    # converts rates, fees and setup at fx_rate (the report's vendor-bid comparison moves it)
    _p("outsourced.currency", "", "", None, None,
       "Currency the vendor prices in (ISO code such as USD); empty = the scenario's "
       "finance.currency.", "contract input", "estimate", kind="text", uncertain=False),
    _p("outsourced.fx_rate", "money", 1.0, 0.85, 1.15,
       "Exchange rate: scenario currency per unit of the vendor's currency; multiplies every "
       "vendor price (rates, base fee, setup, outbound). 1 when the vendor prices in the "
       "scenario's currency.", "estimate: +/-15% over a contract term (major pairs move about "
       "8-12% a year, emerging-market pairs more); the range scales with the rate and is used "
       "only for a foreign vendor currency [E]", "estimate", exclusive_minimum=True,
       minimum=1e-6, maximum=1e6),
    _p("outsourced.rate_per_productive_hour", "money/h", 40.0, 34.0, 46.0,
       "Vendor price per productive (staffed, available or on contact) agent hour.",
       "estimate: nearshore, ~40% below the in-house fully loaded cost per productive hour "
       "(offshore saves 30-50% per hour, helpdeskfocus.com); offshore $6-14/h (PITON), US "
       "onshore $25-45/h [E]",
       "estimate", maximum=1e7),
    _p("outsourced.rate_per_logged_in_hour", "money/h", 36.0, 31.0, 42.0,
       "Vendor price per logged-in agent hour (productive hours plus aux time).",
       "estimate (Cyber City Teleservices pricing tiers)", "estimate", maximum=1e7),
    _p("outsourced.logged_in_overhead", "share", 0.10, 0.05, 0.15,
       "Logged-in hours above productive hours (aux, meetings, coaching on the floor).",
       "estimate", "estimate", maximum=1.0),
    _p("outsourced.rate_per_fte_month", "money/FTE/month", 4400.0, 3800.0, 5100.0,
       "Vendor price per dedicated FTE a month.", "estimate (lionentry.com: most common model)",
       "estimate", maximum=1e10),
    _p("outsourced.rate_per_minute", "money/min", 0.95, 0.75, 1.15,
       "Vendor price per handled minute (also the shared-pool rate).",
       "$0.75-1.15/min, average $0.95; shared inbound $0.90-1.50 (infocomm.ky)", "sourced", maximum=1e6),
    _p("outsourced.rate_per_contact", "money/contact", 5.5, 4.5, 6.5,
       "Vendor price per handled contact (all channels).",
       "estimate; $1.20/call example (answerfirst.com) for simple calls", "estimate", maximum=1e7),
    _p("outsourced.monthly_base_fee", "money/month", 0.0, 0.0, 20_000.0,
       "Fixed monthly management fee on top of the unit price (a blended contract).",
       "elysiate.com: base + variable + bonus/penalty", "estimate", maximum=1e12),
    _p("outsourced.tier_thresholds", "billable units/month", (15_000.0, 25_000.0), None, None,
       "Monthly billable units above which each volume discount applies (marginal tiers).",
       "helpdeskfocus.com: tiers differ at 30, 100 and 500 seats [E values]", "estimate",
       kind="vector", uncertain=False, maximum=1e12),
    _p("outsourced.tier_pricing_model", "", "per_productive_hour", None, None,
       "The pricing model whose unit the tier thresholds are written in; a table written for "
       "another model than the one billed is an error.", "contract input", "benchmark",
       kind="choice", choices=tuple(PRICING_MODELS), uncertain=False),
    _p("outsourced.tier_discounts", "share", (0.03, 0.06), None, None,
       "Discount on the units above each threshold.", "estimate", "estimate", kind="vector",
       maximum=1.0, uncertain=False),
    _p("outsourced.minimum_commitment", "share of forecast", 0.9, 0.8, 1.0,
       "The vendor bills at least this share of the forecast billable units.",
       "erlang.com forum example: bill 90% of forecast; cio.com 'Beware of Minimum "
       "Commitments'", "sourced", **_SHARE, uncertain=False),
    _p("outsourced.setup_fee", "money", 60_000.0, 30_000.0, 120_000.0,
       "One-off setup / transition fee, due in month 0.", "estimate (news.findit.com: "
       "transition fees due in year 1)", "estimate", maximum=1e14),
    _p("outsourced.transition_months", "months", 3.0, 2.0, 6.0,
       "Months the vendor needs to reach steady state (recruit, train, knowledge transfer).",
       "4-5 weeks to stable state (simplycontact.com); KT weeks 3-6 (armatis.com)", "sourced",
       maximum=24.0, uncertain=False),
    _p("outsourced.parallel_run_months", "months", 2.0, 1.0, 4.0,
       "Months the in-house center keeps running in parallel at full cost.",
       "destinationcrm.com (months of parallel running)", "estimate", maximum=24.0),
    _p("outsourced.knowledge_transfer_share", "share of year-1 fees", 0.05, 0.02, 0.15,
       "One-off knowledge-transfer cost, spread over the transition months.",
       "10-15% of contract value (knowledgelib.io, weak source) [E lower default]",
       "estimate", maximum=1.0),
    _p("outsourced.severance_weeks", "weeks of wage", 8.0, 4.0, 16.0,
       "Severance per in-house employee released, in weeks of loaded wage.", "estimate",
       "estimate", maximum=104.0),
    _p("outsourced.redeployed_share", "share", 0.10, 0.0, 0.3,
       "Share of released in-house staff redeployed instead of paid severance.", "estimate",
       "estimate", **_SHARE),
    _p("outsourced.stranded_lease_months", "months", 12.0, 0.0, 36.0,
       "Months of seat cost still paid after exit (lease that cannot be ended).",
       "destinationcrm.com (stranded leases)", "estimate", maximum=120.0),
    _p("outsourced.governance_share", "share of vendor fees", 0.07, 0.05, 0.10,
       "Retained governance team (vendor management, QA, WFM oversight) as a share of fees.",
       "3-6% of contract value (O'Reilly, Mastering Risk Management); 5-10% in outsourcing "
       "surveys and advisers' rules of thumb (docs/sources.md 2.3); default the middle",
       "benchmark", maximum=1.0),
    _p("outsourced.retained_licence_per_agent_monthly", "money/agent/month", 60.0, 0.0, 120.0,
       "Client-paid seats for vendor agents (CRM, knowledge base, QA tools the client keeps "
       "licensing), per vendor agent FTE a month.",
       "estimate: half the in-house software per FTE; clients usually keep CRM and knowledge "
       "base seats (docs/sources.md 2.3)", "estimate", maximum=1e9),
    _p("outsourced.schedule_inefficiency", "share", 0.10, 0.05, 0.15,
       "Vendor hours scheduled (and billed by the hour and FTE models) above the Erlang "
       "requirement, because shifts cannot follow the interval curve exactly.",
       "as in-house: ~10% (callcentrehelper.com forum); per-hour contracts bill scheduled, not "
       "ideal, hours (docs/sources.md 2.3)", "benchmark", maximum=1.0),
    _p("outsourced.minimum_shift_hours", "h/agent/day", 4.0, 3.0, 6.0,
       "Shortest shift the vendor schedules: a day's billed hours are at least its peak "
       "interval's agents times this (binds for small, spiky teams such as hybrid overflow).",
       "estimate: 4-hour minimum shifts are common in contact-center scheduling; 0 = "
       "30-minute slivers", "estimate", maximum=24.0, uncertain=False),
    _p("outsourced.governance_min_monthly", "money/month", 8_000.0, 5_000.0, 12_000.0,
       "Floor of the retained governance cost (at least a vendor manager), a month.",
       "estimate: one loaded vendor-manager salary", "estimate", maximum=1e12),
    _p("outsourced.sla_at_risk_share", "share of monthly fees", 0.10, 0.05, 0.15,
       "Share of monthly fees at risk for SLA misses.", "DIR state-contract clause "
       "(lawinsider.com): 10% at risk", "sourced", **_SHARE),
    _p("outsourced.sla_credit_pool_share", "share", 0.5, 0.25, 1.0,
       "Pool % of the at-risk amount allocated to the missed SLA.", "DIR clause example 50%",
       "sourced", **_SHARE),
    _p("outsourced.sla_credit_allocation", "share", 0.4, 0.2, 0.6,
       "Allocation % of the pool paid per miss.", "DIR clause example 40%", "sourced",
       **_SHARE),
    _p("outsourced.sla_misses_per_month", "misses/month", 0.2, 0.0, 1.0,
       "Expected SLA misses a month (each pays pool x allocation x at-risk, capped at the "
       "at-risk amount).", "estimate; credits are 'a fraction' of real damage (leapsteam.com)",
       "estimate", maximum=10.0),
    _p("outsourced.aht_factor", "x in-house AHT", 1.08, 1.0, 1.25,
       "Vendor AHT relative to the in-house AHT (less product experience).", "estimate",
       "estimate", maximum=5.0, minimum=0.1),
    _p("outsourced.first_contact_resolution", "share", 0.68, 0.60, 0.75,
       "Share of contacts the vendor resolves at the first contact.",
       "estimate; SQM average 70-72% in-house", "estimate", **_SHARE),
    _p("outsourced.ramp_months", "months", 3.0, 2.0, 6.0,
       "Vendor learning curve: months over which its AHT and FCR move linearly from the "
       "starting factors to steady state (0 = steady from month 0). Slower handling is billed: "
       "nesting hours are hours.", "as the in-house ramp: 3-6 months routine "
       "(wiki.wfmlabs.org Speed_to_Proficiency_Curve)", "benchmark", maximum=36.0),
    _p("outsourced.ramp_aht_factor", "x steady vendor AHT", 1.3, 1.1, 1.5,
       "Vendor AHT at go-live relative to its steady state.",
       "new-hire AHT 1.3-1.8x tenured (wiki.wfmlabs.org); a vendor nests a whole team at once",
       "benchmark", minimum=1.0, maximum=5.0),
    _p("outsourced.ramp_fcr_factor", "x steady vendor FCR", 0.9, 0.8, 1.0,
       "Vendor FCR at go-live relative to its steady state.", "estimate", "estimate",
       exclusive_minimum=True, maximum=1.0),
    _p("outsourced.shared_pool_fcr_penalty", "share", 0.05, 0.0, 0.10,
       "FCR points lost in a shared pool versus a dedicated team.", "estimate", "estimate",
       **_SHARE),
    _p("outsourced.voice_target_sl", "share", 0.8, 0.7, 0.9,
       "Contracted share of calls answered within the contract target time.", "contract input",
       "benchmark", maximum=0.999, uncertain=False),
    _p("outsourced.voice_target_time_s", "s", 20.0, 10.0, 60.0,
       "Contracted target answer time for calls.", "contract input", "benchmark", uncertain=False,
       minimum=1.0, maximum=86400.0),
    _p("outsourced.chat_target_sl", "share", 0.8, 0.7, 0.9,
       "Contracted share of chats answered within the contract chat target time.",
       "contract input (default: the in-house standard)", "benchmark", maximum=0.999,
       uncertain=False),
    _p("outsourced.chat_target_time_s", "s", 60.0, 30.0, 120.0,
       "Contracted target answer time for chats.", "contract input (default: the in-house "
       "standard)", "benchmark", minimum=1.0, maximum=86400.0, uncertain=False),
    _p("outsourced.shrinkage", "share", 0.30, 0.25, 0.35,
       "Vendor shrinkage (drives FTEs billed per FTE-month).", "as in-house (OpsDog, Bocklund)",
       "benchmark", maximum=0.95),
    _p("outsourced.outbound_pricing", "", "per_hour", None, None,
       "Billing of outsourced outbound work: per agent hour, per served connect, commission "
       "per sale / save / kept promise, or a blend (part hourly plus commission).",
       "docs/sources.md 2.1 (CPA for outbound sales, summitnext.com)", "benchmark",
       kind="choice", choices=("per_hour", "per_connect", "per_outcome", "blend"),
       uncertain=False),
    _p("outsourced.outbound_rate_per_hour", "money/h", 38.0, 32.0, 45.0,
       "Vendor price per logged outbound agent hour.", "estimate (as the inbound hourly rate)",
       "estimate", maximum=1e7),
    _p("outsourced.outbound_rate_per_connect", "money/connect", 3.0, 2.0, 4.5,
       "Vendor price per served live connect.", "estimate", "estimate", maximum=1e7),
    _p("outsourced.outbound_commission", "money/outcome", 25.0, 15.0, 40.0,
       "Vendor commission per sale, save or kept promise.", "estimate", "estimate", maximum=1e9),
    _p("outsourced.outbound_blend_hourly_share", "share", 0.5, 0.3, 0.7,
       "Share of the hourly rate billed in a blended outbound contract (plus commission).",
       "elysiate.com: base + variable + bonus", "estimate", maximum=1.0),
    _p("outsourced.outbound_min_fte", "FTE", 5.0, 3.0, 10.0,
       "Smallest dedicated outbound team the vendor bills hourly (when there is a campaign).",
       "estimate (dedicated-team requirement)", "estimate", maximum=1000.0),
    _p("outsourced.outbound_conversion_factor", "x in-house", 0.9, 0.75, 1.05,
       "Vendor's conversion (sales, saves, promises) relative to the in-house team.",
       "estimate", "estimate", maximum=5.0),
    # ------------------------------------------------------------------ hybrid
    _p("hybrid.mode", "", "overflow", None, None,
       "How work is split: a share of volume, overflow above an in-house base, or by channel.",
       "docs/design.md §4.5 (I-Teco, CNews: bursts to an outsourcer)", "benchmark", kind="choice",
       choices=("share", "overflow", "channel"), uncertain=False),
    _p("hybrid.outsourced_share", "share", 0.4, 0.2, 0.6,
       "Share of every channel's volume sent to the vendor (mode 'share').", "user input",
       "estimate", **_SHARE, uncertain=False),
    _p("hybrid.overflow_threshold", "x average interval volume", 1.0, 0.7, 1.3,
       "In-house handles each interval's calls up to this multiple of the open-hours average; "
       "the rest overflows to the vendor (mode 'overflow').", "user input", "estimate",
       maximum=100.0, uncertain=False),
    _p("hybrid.outsourced_channels", "", "email", None, None,
       "Channels sent to the vendor (mode 'channel').", "user input", "estimate",
       kind="choice", choices=("email", "chat", "chat+email", "voice", "voice+chat",
                               "voice+email"), uncertain=False),
    _p("hybrid.outbound_to", "", "inhouse", None, None,
       "Who runs the outbound campaigns in the hybrid option.", "user input", "estimate",
       kind="choice", choices=("inhouse", "vendor"), uncertain=False),
    # ------------------------------------------------------------------ outbound
    _p("outbound.sales_records_per_month", "records/month", 0.0, 0.0, 20_000.0,
       "Records dialled a month by the outbound sales campaign (0 = no campaign).",
       "user input", "estimate", uncertain=False, maximum=1e8),
    _p("outbound.retention_records_per_month", "records/month", 0.0, 0.0, 5_000.0,
       "Customers dialled a month by the retention / win-back campaign.", "user input",
       "estimate", uncertain=False, maximum=1e8),
    _p("outbound.collections_records_per_month", "records/month", 0.0, 0.0, 10_000.0,
       "Accounts dialled a month by the collections campaign.", "user input", "estimate",
       uncertain=False, maximum=1e8),
    _p("outbound.attempts_per_record", "attempts", 3.0, 2.0, 5.0,
       "Maximum dial attempts per record (stops at the first live connect).", "estimate",
       "estimate", minimum=1.0, maximum=20.0),
    _p("outbound.connect_rate", "share of attempts", 0.3, 0.15, 0.45,
       "Share of attempts answered live by a person.", "estimate", "estimate", maximum=1.0),
    _p("outbound.right_party_rate", "share of connects", 0.7, 0.5, 0.85,
       "Share of served live connects that reach the person wanted (right-party contact).",
       "estimate", "estimate", maximum=1.0),
    _p("outbound.sales_talk_s", "s", 240.0, 180.0, 360.0,
       "Talk time of a right-party sales call.", "estimate", "estimate", minimum=1.0, maximum=86400.0),
    _p("outbound.retention_talk_s", "s", 300.0, 200.0, 420.0,
       "Talk time of a right-party retention / win-back call.", "estimate", "estimate",
       minimum=1.0, maximum=86400.0),
    _p("outbound.collections_talk_s", "s", 240.0, 150.0, 360.0,
       "Talk time of a right-party collections call.", "estimate", "estimate", minimum=1.0, maximum=86400.0),
    _p("outbound.other_talk_s", "s", 30.0, 15.0, 60.0,
       "Talk time of a wrong-party / gatekeeper connect.", "estimate", "estimate", maximum=86400.0),
    _p("outbound.wrap_s", "s", 45.0, 30.0, 90.0,
       "After-call work per served connect.", "estimate", "estimate", maximum=86400.0),
    _p("outbound.dialler_mode", "", "predictive", None, None,
       "Dialler mode: preview (agent reviews, then dials), progressive (dials when an agent "
       "frees up) or predictive (dials ahead of free agents).", "docs/design.md §4.1", "benchmark",
       kind="choice", choices=("preview", "progressive", "predictive"), uncertain=False),
    _p("outbound.preview_utilisation", "share", 0.45, 0.35, 0.55,
       "Share of logged time in talk + wrap with a preview dialler.", "estimate", "estimate",
       maximum=1.0, minimum=0.05),
    _p("outbound.progressive_utilisation", "share", 0.65, 0.55, 0.75,
       "Share of logged time in talk + wrap with a progressive dialler.", "estimate",
       "estimate", maximum=1.0, minimum=0.05),
    _p("outbound.predictive_utilisation", "share", 0.85, 0.78, 0.9,
       "Share of logged time in talk + wrap a predictive dialler reaches at its natural abandon "
       "rate.", "estimate", "estimate", maximum=1.0, minimum=0.05),
    _p("outbound.predictive_abandon_rate", "share of live connects", 0.05, 0.03, 0.08,
       "Live connects a predictive dialler drops at full pace.", "estimate", "estimate",
       maximum=1.0),
    _p("outbound.abandon_cap", "share of live connects", 0.03, 0.03, 0.03,
       "Regulatory cap on abandoned calls; the dialler paces down to respect it.",
       "3% of live calls: Ofcom (UK), FTC Telemarketing Sales Rule (US)", "sourced",
       maximum=1.0, uncertain=False),
    _p("outbound.cost_per_attempt", "money/attempt", 0.02, 0.01, 0.05,
       "Carrier and number-labelling cost per dial attempt (paid by whoever dials).",
       "estimate; Russia: call labelling ~0.48 RUB per outbound attempt since 2025 "
       "(incrussia.ru)", "estimate", maximum=1e7),
    _p("outbound.sales_conversion", "share of right-party contacts", 0.08, 0.04, 0.13,
       "Sales per right-party contact, in-house.",
       "DMA 2012: telemarketing 12.85% house list, 8.21% external (azcentral)", "sourced",
       maximum=1.0),
    _p("outbound.sales_order_value", "money/sale", 150.0, 100.0, 220.0,
       "Average value of an outbound sale (margin from revenue.sales_margin).", "estimate",
       "estimate", maximum=1e10),
    _p("outbound.retention_save_rate", "share of right-party contacts", 0.25, 0.15, 0.35,
       "Customers kept (or won back) per right-party retention call, in-house.", "estimate",
       "estimate", maximum=1.0),
    _p("outbound.collections_promise_rate", "share of right-party contacts", 0.4, 0.3, 0.5,
       "Promises to pay per right-party collections call.", "estimate", "estimate",
       maximum=1.0),
    _p("outbound.collections_kept_rate", "share of promises", 0.6, 0.5, 0.7,
       "Promises to pay that are kept.", "estimate", "estimate", maximum=1.0),
    _p("outbound.collections_amount", "money/promise", 300.0, 200.0, 450.0,
       "Average amount of a kept promise.", "estimate", "estimate", maximum=1e10),
    _p("outbound.collections_incremental_share", "share", 0.3, 0.2, 0.5,
       "Share of collected cash that would not have come in without the call.", "estimate",
       "estimate", maximum=1.0),
    # ------------------------------------------------------------------ revenue
    _p("revenue.customers", "customers", 400_000.0, 300_000.0, 500_000.0,
       "Active customers served by the center.", "estimate", "estimate", maximum=1e10),
    _p("revenue.annual_base_churn", "share/year", 0.15, 0.10, 0.20,
       "Annual churn of customers before any service-experience effect.", "estimate",
       "estimate", maximum=1.0),
    _p("revenue.annual_margin_per_customer", "money/customer/year", 180.0, 120.0, 240.0,
       "Gross margin a customer brings a year.", "estimate", "estimate", maximum=1e9),
    _p("revenue.contacting_share", "share/year", 0.45, 0.35, 0.50,
       "Share of customers who contact the center in a year.",
       "35-50% of customers have a problem (ctmaworld.com)", "sourced", **_SHARE),
    _p("revenue.bad_experience_effect", "share", 0.27, 0.2, 4.0,
       "Relative rise in churn after a bad contact (lost or unresolved).",
       "estimate spanning the evidence (docs/sources.md 3.3): 0.27 reads Teleperformance's "
       "-27% loyalty (2020; -26% 2016, -28% 2023) as relative churn; SQM's intent to defect "
       "25% unresolved vs 5% resolved reads as +400%; stated intent overstates behaviour",
       "estimate", maximum=10.0),
    _p("revenue.good_experience_effect", "share", 0.13, 0.0, 0.5,
       "Relative fall in churn after a good (resolved first time) contact.",
       "estimate (docs/sources.md 3.3): quoted +13% loyalty (Teleperformance, 2020), not found "
       "in a published survey; SQM's 5% defect after a resolved contact vs a 15% base churn "
       "would read as up to -67%", "estimate", maximum=1.0),
    _p("revenue.retry_share", "share", 0.33, 0.2, 0.5,
       "Share of abandoned callers who try again (and are not lost).",
       "~33% retry (responsedesign.com, context dependent)", "sourced", **_SHARE),
    _p("revenue.sales_conversion", "share", 0.05, 0.02, 0.10,
       "Share of answered contacts that lead to a sale.",
       "inbound conversion 1-40% (samblack.com; icmi.com)", "benchmark", **_SHARE),
    _p("revenue.average_order_value", "money/sale", 120.0, 80.0, 200.0,
       "Average value of a sale made on a contact.", "estimate", "estimate", maximum=1e10),
    _p("revenue.sales_margin", "share", 0.30, 0.20, 0.40,
       "Gross margin on a sale.", "estimate", "estimate", **_SHARE),
    _p("revenue.value_method", "", "margin", None, None,
       "Value a customer kept as margin inside the horizon ('margin') or as lifetime value "
       "booked when saved ('clv') - never both.", "docs/design.md §4.6", "benchmark", kind="choice",
       choices=("margin", "clv"), uncertain=False),
    # ------------------------------------------------------------------ finance
    _p("finance.currency", "", "USD", None, None, "Currency of every money input.",
       "user input", "estimate", kind="text", uncertain=False),
    _p("finance.horizon_months", "months", 60, None, None,
       "Contract term / evaluation horizon (months 0 .. horizon-1).",
       "3-5 years (business-in-a-box.com); Forrester TEI uses 3", "benchmark", kind="int",
       minimum=12, maximum=240, uncertain=False),
    _p("finance.discount_rate", "share/year", 0.10, 0.08, 0.12,
       "Annual discount rate (WACC or hurdle rate).", "WACC commonly 8-12% "
       "(business-in-a-box.com)", "benchmark", **_ANNUAL_RATE),
    _p("finance.wage_escalation", "share/year", 0.03, 0.02, 0.05,
       "Annual rise of in-house wages and salaries.", "estimate; UK agent pay +15% in two "
       "years (ContactBabel 2024)", "estimate", **_ANNUAL_RATE),
    _p("finance.licence_escalation", "share/year", 0.03, 0.0, 0.06,
       "Annual rise of software and telephony prices.", "estimate", "estimate",
       **_ANNUAL_RATE),
    _p("finance.rent_escalation", "share/year", 0.025, 0.0, 0.05,
       "Annual rise of facilities cost.", "estimate", "estimate", **_ANNUAL_RATE),
    _p("finance.contract_cola", "share/year", 0.03, 0.02, 0.05,
       "Annual cost-of-living adjustment of vendor prices (used when "
       "finance.contract_cola_basis is 'fixed').", "estimate", "estimate",
       **_ANNUAL_RATE),
    _p("finance.contract_cola_basis", "", "wage_escalation", None, None,
       "Vendor price escalation: 'wage_escalation' (COLA follows finance.wage_escalation: a "
       "vendor's cost is mostly wages in the same labour market) or 'fixed' (the contract's "
       "finance.contract_cola, e.g. a negotiated cap below wage growth).",
       "COLA clauses index to labour-cost or CPI indices (docs/sources.md 2.3)", "benchmark",
       kind="choice", choices=("wage_escalation", "fixed"), uncertain=False),
    # ------------------------------------------------------------------ tax
    _p("tax.vat_rate", "share", 0.0, 0.0, 0.25,
       "VAT (or a sales tax) on purchased services and goods: vendor fees and one-offs, rent, "
       "telephony, software, IT hardware; never on wages.",
       "US: no federal VAT; state sales tax on call-center services is rare (0 here, set your "
       "state's rate if it applies); EU 17-27%; Russia 22% from 2026 (Federal Law 425-FZ)",
       "sourced", maximum=1.0, uncertain=False),
    _p("tax.vat_recoverable_share", "share", 1.0, 0.0, 1.0,
       "Share of the VAT paid that the client recovers as input tax; the rest is a cost "
       "(unrecoverable_vat). Banks, insurers and other VAT-exempt sellers, and Russian companies "
       "on the simplified regime, recover little or none.",
       "EU VAT Directive art. 168/173 (pro-rata recovery); Russia Tax Code art. 171, 346.11",
       "sourced", **_SHARE, uncertain=False),
    _p("tax.severance_payroll_load_share", "share of payroll load", 1.0, None, None,
       "Share of the payroll load due on severance pay (1 = loaded like wages, as US FICA; 0 = "
       "exempt, as Russian severance up to three months' pay, Tax Code art. 422).",
       "IRS Rev. Rul. 2008-29 / US v. Quality Stores (2014): severance is FICA wages; Russia "
       "Tax Code art. 422(1)(2)", "sourced", **_SHARE, uncertain=False),
)


def registry() -> dict[str, Parameter]:
    """Return the registry as a ``{path: Parameter}`` mapping, in declaration order.

    Examples
    --------
    >>> registry()["inhouse.agent_hourly_wage"].unit
    'money/h'
    """
    return {p.path: p for p in PARAMETERS}


_RU_EST = "оценка для России: замените своей цифрой (estimate)"
_RU_RATE = ("согласовано с ценой за продуктивный час: тот же счёт за первый год при любой модели "
            "оплаты (расчёт движком, docs/sources.md 2.2)")

#: Named presets: overrides of the registry defaults, each with the source of its value.
PRESETS: dict[str, dict[str, tuple[Any, str]]] = {
    "default": {},
    "ru": {
        "scenario.name": ("Контакт-центр, Россия (RUB)", "ввод пользователя"),
        "scenario.notes": ("Российский пресет, цены 2025-26 гг.: данных мало; каждую оценку "
                           "замените своими цифрами. НДС 22% с 2026 г. (425-ФЗ); при УСН или "
                           "освобождённой от НДС деятельности задайте долю вычета НДС 0.",
                           "ввод пользователя"),
        "finance.currency": ("RUB", "ввод пользователя"),
        "inhouse.agent_hourly_wage": (
            300.0, "оценка 2025-26: оператор call-центра 35 тыс. руб./мес. в Астраханской обл. "
            "(hh.ru, 2025), медиана зарплат 56 443 руб. (Росстат, 2024); 300 руб./ч = 49 тыс. "
            "руб. за 164 ч = 1,8 МРОТ 2026 (27 093 руб.); Москва выше [E]"),
        "inhouse.payroll_load": (0.302, "единый тариф страховых взносов ~30% + 0,2% на травматизм "
                                        "(msk-sbu.ru) [E, проверить]"),
        "inhouse.paid_hours_per_fte_year": (1973.0, "40-часовая неделя, производственный календарь"),
        "inhouse.annual_attrition": (0.40, "Россия 30-45% (referatbooks.ru, слабый источник)"),
        "inhouse.cost_per_hire": (15_000.0, _RU_EST),
        "inhouse.team_lead_annual_salary": (780_000.0, _RU_EST),
        "inhouse.manager_annual_salary": (1_500_000.0, _RU_EST),
        "inhouse.qa_annual_salary": (600_000.0, _RU_EST),
        "inhouse.wfm_annual_salary": (900_000.0, _RU_EST),
        "inhouse.trainer_annual_salary": (720_000.0, _RU_EST),
        "inhouse.seat_cost_monthly": (9_000.0, _RU_EST),
        "inhouse.telephony_per_seat_monthly": (3_500.0, _RU_EST),
        "inhouse.software_per_fte_monthly": (3_000.0, _RU_EST),
        "inhouse.it_capex_per_seat": (90_000.0, _RU_EST),
        "inhouse.shrinkage": (0.30, "Россия 25-35% (cambridge-centre.ru)"),
        "outsourced.rate_per_productive_hour": (
            450.0, "оценка: на 40-50% ниже полной стоимости собственного продуктивного часа "
            "(~770 руб.), как заявляют аутсорсеры (novacontact.ru) [E]"),
        "outsourced.rate_per_logged_in_hour": (410.0, _RU_RATE),
        "outsourced.rate_per_fte_month": (51_800.0, _RU_RATE),
        "outsourced.rate_per_minute": (10.3, _RU_RATE),
        "outsourced.rate_per_contact": (66.0, _RU_RATE),
        "outsourced.retained_licence_per_agent_monthly": (1_500.0, _RU_EST),
        "outsourced.setup_fee": (1_500_000.0, _RU_EST),
        "outsourced.tier_thresholds": ((15_000.0, 25_000.0), _RU_EST),
        "outsourced.outbound_rate_per_hour": (310.0, _RU_EST),
        "outsourced.outbound_rate_per_connect": (40.0, _RU_EST),
        "outsourced.outbound_commission": (400.0, _RU_EST),
        "outbound.cost_per_attempt": (0.9, "маркировка ~0,48 руб. за исходящую попытку "
                                            "(incrussia.ru) плюс минуты оператора [E]"),
        "outbound.sales_order_value": (5_000.0, _RU_EST),
        "outbound.collections_amount": (8_000.0, _RU_EST),
        "revenue.annual_margin_per_customer": (6_000.0, _RU_EST),
        "revenue.average_order_value": (4_000.0, _RU_EST),
        "tax.vat_rate": (0.22, "НДС 22% с 1 января 2026 г. (Федеральный закон от 28.11.2025 "
                               "№ 425-ФЗ)"),
        "tax.severance_payroll_load_share": (
            0.0, "выходное пособие в пределах трёх среднемесячных заработков не облагается "
                 "страховыми взносами (НК РФ ст. 422 п. 1 пп. 2)"),
        "finance.discount_rate": (0.20, "оценка: рублёвый WACC при высокой ключевой ставке [E]"),
        "finance.wage_escalation": (
            0.10, "оценка: номинальные зарплаты росли двузначными темпами в 2024-25 гг. "
                  "(Росстат); МРОТ +20,7% в 2026 г. поднимает оплату начального уровня [E]"),
        "finance.licence_escalation": (0.07, _RU_EST),
        "finance.rent_escalation": (0.07, _RU_EST),
        "finance.contract_cola": (0.07, _RU_EST),
    },
    "blended": {
        "scenario.name": ("Mid-size blended center (US): inbound plus outbound campaigns",
                          "user input"),
        "outbound.sales_records_per_month": (12_000.0, "estimate: an illustrative campaign"),
        "outbound.retention_records_per_month": (2_000.0, "estimate: an illustrative campaign"),
        "outbound.collections_records_per_month": (3_000.0, "estimate: an illustrative campaign"),
    },
}
