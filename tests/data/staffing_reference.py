"""Regenerate tests/data/staffing_reference.json: 50-digit mpmath references for the staffing engine.

Run ``python tests/data/staffing_reference.py`` (a minute or so). The recipe is written into the fixture.

* Erlang B (real N): B = p / Q, p = A^N e^-A / Gamma(N+1), Q = gammainc(N+1, A, inf, regularized)
  (checked against the recursion 1/B_n = 1 + (n/A)/B_{n-1} for integer N).
* Erlang C: C = N B / (N - A (1 - B)) for N > A; SL = 1 - C exp(-(N - A) t/aht).
* Erlang A (integer N), straight from the birth-death chain, independent of the engine's closed
  forms: pi_k ~ A^k/k! (k <= N), pi_{N+j} = pi_N prod_{i=1..j} lambda/(N mu + i theta), summed until
  the terms fall below 1e-45 of the total. A caller finding j waiting ahead has virtual wait
  V = sum_{i=0..j} Exp(N mu + i theta), so Y = exp(-theta V) ~ Beta(a, j+1), a = N mu/theta:
  P(V > t | j) = I_u(a, j+1), u = exp(-theta t); P(answered within t | j) = E[Y; Y >= u]
  = a/(a+j+1) (1 - I_u(a+1, j+1)); E[V exp(-theta V) | j] = a/(a+j+1) (psi(a+j+2) - psi(a+1))/theta;
  P(abandon) = sum_j pi_{N+j} j theta / lambda.
"""

from __future__ import annotations

import json
from pathlib import Path

import mpmath as mp

DPS = 50
OUT = Path(__file__).parent / "staffing_reference.json"
TRAFFIC = [0.01, 0.1, 0.5, 1.0, 2.5, 7.3, 17.3, 50.0, 100.0, 333.3, 1000.0, 5000.0, 20000.0, 100000.0]
ERLANG_A_POINTS = [  # (traffic, agents, patience s, target s) with aht 180 s
    (0.5, 1, 60.0, 20.0),
    (2.0, 1, 30.0, 20.0),
    (2.0, 4, 300.0, 20.0),
    (3.7, 2, 45.0, 10.0),
    (5.0, 3, 60.0, 20.0),
    (10.0, 12, 600.0, 20.0),
    (10.0, 0, 60.0, 20.0),
    (20.0, 22, 120.0, 20.0),
    (20.0, 18, 120.0, 20.0),
    (20.0, 15, 20.0, 20.0),
    (20.0, 24, 120.0, 0.0),
    (50.0, 45, 90.0, 30.0),
    (100.0, 100, 180.0, 20.0),
    (100.0, 120, 1800.0, 20.0),
    (450.0, 450, 180.0, 20.0),
    (600.0, 562, 180.0, 20.0),
    (600.0, 600, 180.0, 20.0),
    (1000.0, 1050, 3600.0, 60.0),
    (2000.0, 2000, 180.0, 20.0),
    (2000.0, 1800, 60.0, 20.0),
]


def erlang_b(n: float, a: float) -> mp.mpf:
    n, a = mp.mpf(n), mp.mpf(a)
    p = mp.exp(n * mp.log(a) - a - mp.loggamma(n + 1))
    return p / mp.gammainc(n + 1, a, mp.inf, regularized=True)


def erlang_c(n: float, a: float) -> mp.mpf:
    b = erlang_b(n, a)
    n, a = mp.mpf(n), mp.mpf(a)
    return n * b / (n - a * (1 - b))


def agent_grid(a: float) -> list[float]:
    s = a**0.5
    below = [0.0, 0.5, a / 2, a - 3 * s, a - 0.3, float(int(a))]
    above = [int(a) + 1, a + 0.37, a + 0.5 * s, a + s + 0.25, a + 2 * s, a + 4 * s, a + 8 * s + 10]
    above += [a + 30 * s + 30]
    if a == 100000.0:
        above += [150000.0]
    values = sorted({round(v, 6) for v in below + above if v >= 0})
    return [float(v) for v in values]


def erlang_a(a_traffic: float, n: int, patience: float, target: float, aht: float = 180.0) -> dict:
    lam = mp.mpf(a_traffic) / aht
    mu = 1 / mp.mpf(aht)
    theta = 1 / mp.mpf(patience)
    a = n * mu / theta
    u = mp.exp(-theta * target)
    weights = [mp.exp(k * mp.log(a_traffic) - mp.loggamma(k + 1)) for k in range(n + 1)]
    queue = [weights[-1]]
    j = 0
    while True:
        j += 1
        nxt = queue[-1] * lam / (n * mu + j * theta)
        queue.append(nxt)
        if j > 10 and nxt < mp.mpf(10) ** -45 * (sum(weights) + sum(queue)):
            break
    total = sum(weights[:-1]) + sum(queue)
    p_wait = sum(queue) / total
    p_ab = sum(q * jj * theta / lam for jj, q in enumerate(queue)) / total
    within = 1 - p_wait  # answered without waiting
    beyond = mp.mpf(0)
    wait_mass = mp.mpf(0)
    for jj, q in enumerate(queue):
        pj = q / total
        if pj < mp.mpf(10) ** -40:
            continue
        if n > 0:
            frac = a / (a + jj + 1)
            within += pj * frac * (1 - mp.betainc(a + 1, jj + 1, 0, u, regularized=True))
            wait_mass += pj * frac * (mp.digamma(a + jj + 2) - mp.digamma(a + 1)) / theta
            beyond += pj * mp.betainc(a, jj + 1, 0, u, regularized=True)
        else:
            beyond += pj
    answered = 1 - p_ab
    return {
        "traffic": a_traffic,
        "agents": n,
        "patience": patience,
        "target_time": target,
        "aht": aht,
        "p_wait": mp.nstr(p_wait, 25),
        "abandon_rate": mp.nstr(p_ab, 25),
        "sl_offered": mp.nstr(within, 25),
        "sl_answered": mp.nstr(within / answered, 25) if answered > 0 else "0",
        "sl_virtual": mp.nstr(1 - beyond, 25),
        "asa": mp.nstr(wait_mass / answered, 25) if answered > 0 else "inf",
    }


def main() -> None:
    mp.mp.dps = DPS
    rows = []
    for a in TRAFFIC:
        for n in agent_grid(a):
            b = erlang_b(n, a)
            row = {"agents": n, "traffic": a, "erlang_b": mp.nstr(b, 25)}
            if n > a:
                c = erlang_c(n, a)
                row["erlang_c"] = mp.nstr(c, 25)
                for label, t_over in (
                    ("sl_t20_aht180", mp.mpf(20) / 180),
                    ("sl_t60_aht180", mp.mpf(60) / 180),
                ):
                    row[label] = mp.nstr(1 - c * mp.exp(-(mp.mpf(n) - a) * t_over), 25)
            rows.append(row)
    data = {
        "recipe": "mpmath, dps=50; " + " ".join((__doc__ or "").split()),
        "erlang_bc": rows,
        "erlang_a": [erlang_a(*point) for point in ERLANG_A_POINTS],
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n")
    print(f"wrote {OUT}: {len(rows)} Erlang B/C rows, {len(ERLANG_A_POINTS)} Erlang A rows")


if __name__ == "__main__":
    main()
