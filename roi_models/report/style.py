"""Constants every face shares: the options in order, their colours, the palette, cost families.

The option *names* come from the engine (:data:`roi_models.business_case.OPTIONS`); their labels
are words and live in the language tables (``option.<name>``, through
:meth:`roi_models.report.i18n.Lang.option`). Colours and the grouping of cost lines into families
are here, once, for the report's charts and the dashboard's.
"""

from __future__ import annotations

from roi_models.business_case import MONEY_COLUMNS, OPTIONS, STATUS_QUO
from roi_models.channels import CHANNELS

__all__ = ["CHANNEL_COLOURS", "COST_FAMILIES", "FAMILY_COLOURS", "OPTIONS", "OPTION_COLOURS",
           "PALETTE", "cost_families"]

#: Eight distinguishable colours (colour-blind friendly, Tableau/seaborn "deep" order).
PALETTE: tuple[str, ...] = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860",
                            "#da8bc3", "#8c8c8c")
#: One colour per option, the same in every chart of every face; an option the engine adds later
#: takes the next palette colour.
OPTION_COLOURS: dict[str, str] = {o: PALETTE[i % len(PALETTE)] for i, o in enumerate(OPTIONS)}
OPTION_COLOURS[STATUS_QUO] = PALETTE[-1]  # today's center (when given): grey
#: One colour per channel of the engine's channel table, then outbound (staffing charts of every
#: face); a channel added to the table takes the next colour of this order.
_CHANNEL_ORDER = (0, 3, 2, 4, 5, 6, 1, 7)
CHANNEL_COLOURS: dict[str, str] = {
    ch: PALETTE[_CHANNEL_ORDER[i % len(_CHANNEL_ORDER)]]
    for i, ch in enumerate((*CHANNELS, "outbound"))}

#: Cost lines grouped into at most eight families (family key -> engine money columns); the
#: family's words are ``family.<key>`` in the language tables. A money column the engine adds later
#: and no family names falls into ``other``, so a stack always adds up to the total.
COST_FAMILIES: dict[str, tuple[str, ...]] = {
    "agents": ("agent_wages", "payroll_load"),
    "support": ("team_leads", "managers", "quality_assurance", "workforce_management",
                "trainers", "hiring", "training"),
    "workplace": ("facilities", "telephony", "software", "it_hardware", "capex", "overhead",
                  "fixed_overhead"),
    "outbound": ("outbound_dialling", "vendor_outbound_fees"),
    "vendor": ("vendor_fees", "sla_credits"),
    "governance": ("governance", "retained_licences"),
    "transition": ("setup_fee", "knowledge_transfer", "parallel_run", "severance",
                   "stranded_lease"),
    "tax": ("unrecoverable_vat",),
}
FAMILY_COLOURS: dict[str, str] = {
    "agents": "#4c72b0", "support": "#8da0cb", "workplace": "#937860", "outbound": "#55a868",
    "vendor": "#dd8452", "governance": "#c4ad66", "transition": "#c44e52", "tax": "#da8bc3",
    "other": "#8c8c8c",
}


def cost_families() -> dict[str, tuple[str, ...]]:
    """:data:`COST_FAMILIES` restricted to the engine's money columns, plus ``other`` if needed.

    >>> fam = cost_families()
    >>> sorted(c for cols in fam.values() for c in cols) == sorted(MONEY_COLUMNS)
    True
    >>> len(fam) <= 8
    True
    """
    named = {c for cols in COST_FAMILIES.values() for c in cols}
    out = {k: tuple(c for c in v if c in MONEY_COLUMNS) for k, v in COST_FAMILIES.items()}
    other = tuple(c for c in MONEY_COLUMNS if c not in named)
    if other:
        out["other"] = other
    return {k: v for k, v in out.items() if v}
