"""Discrete-event validation of the Erlang A / Erlang C closed forms with ciw (docs/design.md §6).

Each point runs 10 independent replications (fixed seeds), time unit = AHT, a warm-up of 20 AHT
and arrivals counted over [warm-up, horizon - 30 AHT] so nobody counted is still in the system at
the end (patience <= 2 AHT: P(still waiting after 30 AHT) < e^-15). Every analytic value must lie in
the 99% confidence interval (Student t, 9 degrees of freedom) of the replication means:
P(abandon), service level on the offered basis, ASA of answered contacts and occupancy (busy
server time inside the window / (N x window)). Replications run on two processes.
"""

from __future__ import annotations

import math
from concurrent.futures import ProcessPoolExecutor

import ciw
import numpy as np
import pytest
from scipy.stats import t as student_t

from roi_models import staffing as st

REPS = 10
WARMUP = 20.0
TAIL = 30.0
CUSTOMERS_PER_POINT = 80_000
# (traffic, agents, patience in AHT units or None, target time in AHT units)
POINTS = [
    (2.0, 3, 2.0, 0.2),  # light
    (5.0, 7, 1.0, 0.1),
    (10.0, 11, 0.5, 0.2),
    (20.0, 22, 2 / 3, 1 / 9),  # docs/staffing-references.md: A=20, N=22, patience 120 s, AHT 180 s
    (20.0, 18, 2 / 3, 1 / 9),  # agents < traffic
    (15.0, 10, 0.5, 0.2),  # overloaded
    (8.0, 4, 0.25, 0.1),  # heavily overloaded, impatient
    (40.0, 40, 1.0, 0.1),  # agents = traffic
    (8.0, 10, None, 0.2),  # Erlang C, no abandonment
]


def _replicate(args: tuple[float, int, float | None, float, int]) -> tuple[float, float, float, float]:
    traffic, agents, patience, target, seed = args
    horizon = WARMUP + TAIL + CUSTOMERS_PER_POINT / REPS / traffic
    reneging = None if patience is None else [ciw.dists.Exponential(1.0 / patience)]
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(traffic)],
        service_distributions=[ciw.dists.Exponential(1.0)],
        number_of_servers=[agents],
        reneging_time_distributions=reneging,
    )
    ciw.seed(seed)
    sim = ciw.Simulation(network)
    sim.simulate_until_max_time(horizon)
    records = sim.get_all_records()
    end = horizon - TAIL
    counted = [r for r in records if WARMUP <= r.arrival_date < end]
    offered = len(counted)
    served = [r for r in counted if r.record_type == "service"]
    abandoned = offered - len(served)
    within = sum(1 for r in served if r.waiting_time <= target)
    mean_wait = sum(r.waiting_time for r in served) / len(served)
    busy = 0.0
    for r in records:
        if r.record_type == "service":
            busy += max(0.0, min(r.service_end_date, end) - max(r.service_start_date, WARMUP))
    # services still running at the horizon have no record: add their share of the window
    for server in sim.transitive_nodes[0].servers:
        if server.busy:
            started = server.cust.service_start_date
            busy += max(0.0, end - max(started, WARMUP))
    return abandoned / offered, within / offered, mean_wait, busy / (agents * (end - WARMUP))


@pytest.fixture(scope="module")
def simulated() -> list[np.ndarray]:
    jobs = [(*point, 7_000 + 100 * i + r) for i, point in enumerate(POINTS) for r in range(REPS)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_replicate, jobs, chunksize=3))
    return [np.array(results[i * REPS : (i + 1) * REPS]) for i in range(len(POINTS))]


def _ci99(samples: np.ndarray) -> tuple[float, float]:
    mean = float(samples.mean())
    half = float(student_t.ppf(0.995, len(samples) - 1) * samples.std(ddof=1) / math.sqrt(len(samples)))
    return mean - half, mean + half


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(POINTS)))
def test_closed_forms_inside_simulation_ci(simulated: list[np.ndarray], index: int) -> None:
    traffic, agents, patience, target = POINTS[index]
    aht, interval = 1.0, 1.0
    calls = traffic  # per unit time, AHT 1
    pat = None if patience is None else patience
    analytic = {
        "abandon": 0.0 if pat is None else st.abandon_rate(agents, calls, aht, pat, interval),
        "sl_offered": st.service_level(agents, calls, aht, target, interval, patience=pat),
        "asa": st.asa(agents, calls, aht, interval, patience=pat),
        "occupancy": st.occupancy(agents, calls, aht, interval, patience=pat),
    }
    sims = simulated[index]
    for column, name in enumerate(analytic):
        lo, hi = _ci99(sims[:, column])
        if pat is None and name == "abandon":
            assert sims[:, column].max() == 0.0
            continue
        value = analytic[name]
        assert lo <= value <= hi, f"{name}: analytic {value:.5f} outside [{lo:.5f}, {hi:.5f}]"
