"""The contact channels as data: one table the engine, history, risk and every face iterate.

Each :class:`Channel` names its kind and the registry inputs of its demand, service and staffing;
its words are ``channel.<name>`` (and ``input.<path>`` for its inputs) in the report's language
tables, once. Adding a channel is one entry here plus its inputs in :mod:`roi_models.parameters`
and its words in the language tables.

Kinds
-----
``queued``
    voice-like: one contact at a time, a queue with abandonment; Erlang A per 30-minute interval
    at an answer-time target.
``concurrent``
    chat-like: as queued, with ``concurrency`` contacts per agent at once.
``deferred``
    e-mail-like: no live queue. Without a response-time target the work is staffed by workload
    (``items x handle time / occupancy``) spread over the open hours. With one (messaging:
    asynchronous WhatsApp/Telegram-style conversations) it is staffed per interval at that
    target, ``concurrency`` conversations per agent (Erlang A with a long patience: a
    conversation answered late is rarely abandoned).

Examples
--------
>>> [c.name for c in CHANNEL_TABLE]
['voice', 'chat', 'email', 'messaging']
>>> LIVE
('voice', 'chat', 'messaging')
>>> channel("messaging").kind, channel("messaging").concurrency
('deferred', 'service.messaging_concurrency')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CHANNELS", "CHANNEL_TABLE", "DEFERRED", "KINDS", "LIVE", "Channel", "channel"]

Kind = Literal["queued", "concurrent", "deferred"]
KINDS: tuple[str, ...] = ("queued", "concurrent", "deferred")


@dataclass(frozen=True)
class Channel:
    """One contact channel and the registry paths of its inputs.

    Attributes
    ----------
    name : str
        Short name (``voice``); drivers and interval columns are ``{name}_offered``,
        ``{name}_agents``; its words are ``channel.{name}`` in the language tables.
    kind : {"queued", "concurrent", "deferred"}
        How it is staffed (see the module docstring).
    volume, aht : str
        Annual contacts (year 1 forecast) and handle time (s) inputs.
    target_sl, target_time : str or None
        In-house service level and answer (or response) time target inputs; ``None`` for
        workload-staffed deferred work.
    vendor_target_sl, vendor_target_time : str or None
        The vendor's contracted targets; ``None``: the in-house targets.
    patience : str or None
        Mean customer patience (s) for Erlang A.
    concurrency : str or None
        Contacts an agent handles at once; ``None``: one.
    occupancy : str
        Occupancy cap (live channels) or productive share (workload-staffed work).
    self_service : bool
        Self-service containment (IVR) takes part of the volume before an agent.
    """

    name: str
    kind: Kind
    volume: str
    aht: str
    target_sl: str | None = None
    target_time: str | None = None
    vendor_target_sl: str | None = None
    vendor_target_time: str | None = None
    patience: str | None = None
    concurrency: str | None = None
    occupancy: str = "service.max_occupancy"
    self_service: bool = False

    @property
    def live(self) -> bool:
        """Whether the channel is staffed per 30-minute interval (Erlang A) at a target."""
        return self.kind != "deferred" or self.target_time is not None

    def inputs(self) -> tuple[str, ...]:
        """Return every registry path the channel's demand, service and staffing read."""
        paths = (self.volume, self.aht, self.target_sl, self.target_time, self.vendor_target_sl,
                 self.vendor_target_time, self.patience, self.concurrency, self.occupancy)
        return tuple(p for p in paths if p is not None)


#: Every channel, in the order drivers, tables and charts list them.
CHANNEL_TABLE: tuple[Channel, ...] = (
    Channel("voice", "queued", "demand.voice_annual_contacts", "demand.voice_aht_s",
            "service.voice_target_sl", "service.voice_target_time_s",
            "outsourced.voice_target_sl", "outsourced.voice_target_time_s",
            patience="demand.patience_s", self_service=True),
    Channel("chat", "concurrent", "demand.chat_annual_contacts", "demand.chat_aht_s",
            "service.chat_target_sl", "service.chat_target_time_s",
            "outsourced.chat_target_sl", "outsourced.chat_target_time_s",
            patience="demand.chat_patience_s", concurrency="service.chat_concurrency"),
    Channel("email", "deferred", "demand.email_annual_contacts", "demand.email_aht_s",
            occupancy="service.email_occupancy"),
    Channel("messaging", "deferred", "demand.messaging_annual_contacts",
            "demand.messaging_aht_s", "service.messaging_target_sl",
            "service.messaging_response_time_s", patience="demand.messaging_patience_s",
            concurrency="service.messaging_concurrency"),
)
_BY_NAME = {c.name: c for c in CHANNEL_TABLE}
#: Channel names in table order.
CHANNELS: tuple[str, ...] = tuple(_BY_NAME)
#: Channels staffed per interval by Erlang A (their interval agents make the live peak).
LIVE: tuple[str, ...] = tuple(c.name for c in CHANNEL_TABLE if c.live)
#: Channels staffed by workload, spread over the open hours.
DEFERRED: tuple[str, ...] = tuple(c.name for c in CHANNEL_TABLE if not c.live)


def channel(name: str) -> Channel:
    """Return the channel called ``name``.

    Raises
    ------
    KeyError
        ``name`` is not in :data:`CHANNEL_TABLE`.

    Examples
    --------
    >>> channel("chat").concurrency
    'service.chat_concurrency'
    """
    return _BY_NAME[name]
