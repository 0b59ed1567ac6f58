"""Tests for roi_models.staffing: one class per public function.

Reference values come from tests/data/staffing_reference.json ("mpmath, dps=50"; the recipe and the
generator, tests/data/staffing_reference.py, are beside it), from the textbook case (docs/design.md §4.2,
pyworkforce docs) and from docs/staffing-references.md section 3 (exact Erlang A table).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st_

from roi_models import InputError
from roi_models import staffing as st

DATA = json.loads((Path(__file__).parent / "data" / "staffing_reference.json").read_text())
BC = DATA["erlang_bc"]
EA = DATA["erlang_a"]
NORMAL_MIN = 2.3e-308  # smallest normal double: references below it underflow to 0 by design

traffic_st = st_.floats(0.05, 300.0)
aht_st = st_.floats(30.0, 900.0)
patience_st = st_.floats(5.0, 2000.0)


def _col(rows: list[dict], key: str) -> np.ndarray:
    return np.array([float(r[key]) for r in rows])


# ------------------------------------------------------------------------------------------------
class TestErlangB:
    def test_mpmath_reference_vectorised_and_scalar(self) -> None:
        # mpmath, dps=50, traffic 0.01..100,000 Erlangs, agents 0..150,000 incl. fractional; rtol 1e-12
        n, a, ref = _col(BC, "agents"), _col(BC, "traffic"), _col(BC, "erlang_b")
        vec = st.erlang_b(n, a)
        scal = np.array([st.erlang_b(x, y) for x, y in zip(n, a, strict=True)])
        normal = ref > NORMAL_MIN
        for got in (vec, scal):
            assert np.all(np.isfinite(got))
            np.testing.assert_allclose(got[normal], ref[normal], rtol=1e-12, atol=0)
            assert np.all(got[~normal] < 1e-300)

    def test_far_below_traffic_never_nan(self) -> None:
        # gammaincc underflows here; the series takes over (mpmath, dps=50 recomputed live)
        mp.mp.dps = 50
        for n, a in [(10_000, 20_000.0), (1, 100_000.0), (90_000.5, 100_000.0), (0.5, 1000.0)]:
            p = mp.exp(n * mp.log(a) - a - mp.loggamma(n + 1))
            ref = float(p / mp.gammainc(n + 1, a, mp.inf, regularized=True))
            assert st.erlang_b(n, a) == pytest.approx(ref, rel=1e-12)

    def test_recursion_small_integer(self) -> None:
        # Erlang B recursion B_n = A B_{n-1} / (n + A B_{n-1}), B_0 = 1, exact in rationals
        b = 1.0
        for n in range(1, 31):
            b = 7.5 * b / (n + 7.5 * b)
            assert st.erlang_b(n, 7.5) == pytest.approx(b, rel=1e-13)

    def test_edges(self) -> None:
        assert st.erlang_b(0, 5.0) == 1.0
        assert st.erlang_b(3, 0.0) == 0.0
        assert st.erlang_b(0, 0.0) == 1.0

    def test_broadcast_and_types(self) -> None:
        out = st.erlang_b(np.arange(1, 4)[:, None], np.array([1.0, 2.0]))
        assert out.shape == (3, 2)
        assert isinstance(st.erlang_b(2, 1.0), float)
        assert out[0, 0] == pytest.approx(0.5)  # B(1, 1) = 1/(1+1)

    @pytest.mark.parametrize(("agents", "traffic", "name"), [(-1, 1.0, "agents"), (1, -2.0, "traffic")])
    def test_bad_input(self, agents: float, traffic: float, name: str) -> None:
        with pytest.raises(InputError, match=name):
            st.erlang_b(agents, traffic)
        with pytest.raises(InputError, match=name):
            st.erlang_b(np.array([agents, 1.0]), traffic)

    @settings(max_examples=60, deadline=None)
    @given(traffic_st, st_.floats(0.0, 400.0))
    def test_property_between_0_and_1_and_decreasing(self, a: float, n: float) -> None:
        b0, b1 = st.erlang_b(n, a), st.erlang_b(n + 1, a)
        assert 0.0 <= b1 <= b0 <= 1.0


# ------------------------------------------------------------------------------------------------
class TestErlangC:
    def test_mpmath_reference(self) -> None:
        # mpmath, dps=50 (C = N B / (N - A (1 - B))), rtol 1e-12, N > A only
        rows = [r for r in BC if "erlang_c" in r]
        n, a, ref = _col(rows, "agents"), _col(rows, "traffic"), _col(rows, "erlang_c")
        vec = st.erlang_c(n, a)
        scal = np.array([st.erlang_c(x, y) for x, y in zip(n, a, strict=True)])
        normal = ref > NORMAL_MIN
        assert (~normal).sum() <= 1  # only A=1e5, N=150,000 (C ~ 1e-4702) underflows
        for got in (vec, scal):
            np.testing.assert_allclose(got[normal], ref[normal], rtol=1e-12, atol=0)
            assert np.all(got[~normal] == 0.0)

    def test_textbook_case(self) -> None:
        # textbook case: 10 Erlangs, 14 agents -> P(wait) 0.17413193359505 (mpmath, dps=50)
        assert st.erlang_c(14, 10.0) == pytest.approx(0.17413193359505, rel=1e-12)

    def test_unstable_is_one(self) -> None:
        np.testing.assert_array_equal(st.erlang_c([0, 5, 9.5, 10], 10.0), 1.0)
        assert st.erlang_c(3, 0.0) == 0.0

    def test_at_least_erlang_b(self) -> None:
        n = np.linspace(11, 40, 30)
        assert np.all(st.erlang_c(n, 10.0) >= st.erlang_b(n, 10.0))

    def test_bad_input(self) -> None:
        with pytest.raises(InputError, match="traffic must be a finite number >= 0 Erlangs, got nan"):
            st.erlang_c(3, float("nan"))


# ------------------------------------------------------------------------------------------------
class TestServiceLevel:
    @pytest.mark.parametrize(("key", "t"), [("sl_t20_aht180", 20.0), ("sl_t60_aht180", 60.0)])
    def test_mpmath_reference_erlang_c(self, key: str, t: float) -> None:
        # mpmath, dps=50: SL = 1 - C exp(-(N-A) t/aht), aht 180 s; absolute error <= 1e-12
        rows = [r for r in BC if key in r]
        n, a, ref = _col(rows, "agents"), _col(rows, "traffic"), _col(rows, key)
        calls = a * 3600 / 180
        vec = st.service_level(n, calls, 180, t)
        scal = np.array([st.service_level(x, c, 180, t) for x, c in zip(n, calls, strict=True)])
        np.testing.assert_allclose(vec, ref, rtol=0, atol=1e-12)
        np.testing.assert_allclose(scal, ref, rtol=0, atol=1e-12)

    @pytest.mark.parametrize("definition", ["offered", "answered", "virtual"])
    def test_mpmath_reference_erlang_a(self, definition: str) -> None:
        # mpmath, dps=50, birth-death chain + Beta representation of the virtual wait; atol 1e-12
        got = st.service_level(
            _col(EA, "agents"),
            _col(EA, "traffic") * 20,
            180,
            _col(EA, "target_time"),
            patience=_col(EA, "patience"),
            definition=definition,
        )
        np.testing.assert_allclose(got, _col(EA, f"sl_{definition}"), rtol=0, atol=1e-12)

    def test_textbook_case(self) -> None:
        # textbook case (docs/design.md §4.2): 100 calls / 30 min, AHT 180 s, 14 agents -> 88.8% in 20 s
        # 1 - C exp(-4 x 20/180) = 0.888350019179467 (mpmath, dps=50)
        assert st.service_level(14, 100, 180, 20, interval=1800) == pytest.approx(
            0.888350019179467, abs=1e-14
        )

    @pytest.mark.parametrize(
        ("traffic", "agents", "patience", "offered", "virtual"),
        [  # docs/staffing-references.md section 3, exact Erlang A table (4 digits), aht 180 s, t = 20 s
            (20, 22, 120, 0.8288, 0.8412),
            (20, 18, 120, 0.5521, 0.5690),
            (100, 100, 180, 0.8369, 0.8548),
            (450, 450, 180, 0.9717, 0.9892),
            (600, 600, 180, 0.9802, 0.9961),
        ],
    )
    def test_research_table(
        self, traffic: float, agents: int, patience: float, offered: float, virtual: float
    ) -> None:
        calls = traffic * 20
        assert st.service_level(agents, calls, 180, 20, patience=patience) == pytest.approx(offered, abs=6e-5)
        v = st.service_level(agents, calls, 180, 20, patience=patience, definition="virtual")
        assert v == pytest.approx(virtual, abs=6e-5)

    def test_definitions_coincide_without_abandonment(self) -> None:
        n = np.array([11.0, 12.5, 15.0, 9.0])
        values = [st.service_level(n, 200, 180, 20, definition=d) for d in ("offered", "answered", "virtual")]
        np.testing.assert_array_equal(values[0], values[1])
        np.testing.assert_array_equal(values[0], values[2])

    def test_inf_patience_elementwise_is_erlang_c(self) -> None:
        pat = np.array([np.inf, 120.0])
        got = st.service_level(22, 400, 180, 20, patience=pat)
        assert got[0] == st.service_level(22, 400, 180, 20)
        assert got[1] == pytest.approx(0.8288, abs=6e-5)

    def test_long_patience_approaches_erlang_c(self) -> None:
        c = st.service_level(24, 400, 180, 20)
        a = st.service_level(24, 400, 180, 20, patience=1e8)
        assert a == pytest.approx(c, abs=1e-5)

    def test_edges(self) -> None:
        assert st.service_level(0, 0, 180, 20) == 1.0  # no calls
        assert st.service_level(5, 0, 180, 20, patience=60) == 1.0
        assert st.service_level(10, 200, 180, 20) == 0.0  # A = 10 = N: unstable
        assert st.service_level(0, 200, 180, 20, patience=60) == 0.0
        assert st.service_level(600, 10_000, 180, 0, patience=180) > 0.0  # t = 0: answered at once

    def test_agents_below_traffic_and_500_plus(self) -> None:
        # Erlang A at N = 562 < A = 600 (pyqueueing collapses above 500 states): research table .8092
        assert st.service_level(562, 12_000, 180, 20, patience=180) == pytest.approx(0.8092, abs=6e-5)

    def test_broadcast_grid(self) -> None:
        # 336 half-hour intervals x 50 scenarios in one call
        rng = np.random.default_rng(7)
        calls = rng.uniform(0, 400, size=(1, 336))
        agents = rng.integers(0, 60, size=(50, 1))
        out = st.service_level(agents, calls, 180, 20, interval=1800)
        assert out.shape == (50, 336)
        assert np.all((out >= 0) & (out <= 1))
        assert out[3, 5] == st.service_level(int(agents[3, 0]), float(calls[0, 5]), 180, 20, interval=1800)

    def test_scalar_returns_float(self) -> None:
        assert type(st.service_level(14, 100, 180, 20, 1800)) is float
        assert type(st.service_level(14, 100, 180, 20, 1800, patience=100)) is float
        assert type(st.service_level(np.int64(14), np.float64(100), 180, 20, 1800)) is float

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"calls": -1}, "calls must be a finite number >= 0 contacts per interval, got -1"),
            ({"aht": 0}, "aht must be > 0 seconds, got 0"),
            ({"interval": 0}, "interval must be > 0 seconds, got 0"),
            ({"target_time": -5}, "target_time must be a finite number >= 0 seconds, got -5"),
            ({"agents": float("nan")}, "agents must be a finite number >= 0, got nan"),
            ({"patience": 0}, "patience must be > 0 seconds"),
            ({"definition": "served"}, "definition must be one of"),
        ],
    )
    def test_bad_input(self, kwargs: dict, message: str) -> None:
        args = {"agents": 14, "calls": 100, "aht": 180, "target_time": 20, "interval": 1800} | kwargs
        with pytest.raises(InputError, match=message):
            st.service_level(**args)

    @settings(max_examples=50, deadline=None)
    @given(traffic_st, aht_st, st_.floats(0, 120), st_.one_of(st_.none(), patience_st))
    def test_property_non_decreasing_in_agents(
        self, a: float, aht: float, t: float, patience: float | None
    ) -> None:
        calls = a * 3600 / aht
        n = np.arange(0, int(a + 8 * math.sqrt(a) + 10), dtype=float)
        for definition in ("offered", "virtual"):
            sl = st.service_level(n, calls, aht, t, patience=patience, definition=definition)
            assert np.all(np.diff(sl) >= -1e-12)

    @settings(max_examples=40, deadline=None)
    @given(traffic_st, aht_st, st_.floats(0, 120), patience_st, st_.integers(0, 400))
    def test_property_definitions_ordered(self, a: float, aht: float, t: float, pat: float, n: int) -> None:
        calls = a * 3600 / aht
        off, ans, vir = (
            st.service_level(n, calls, aht, t, patience=pat, definition=d)
            for d in ("offered", "answered", "virtual")
        )
        assert off <= ans + 1e-12
        assert off <= vir + 1e-12


# ------------------------------------------------------------------------------------------------
class TestAsa:
    def test_textbook_case(self) -> None:
        # textbook case: C(14, 10) * 180 / (14 - 10) = 7.83593701177724 s (mpmath, dps=50)
        assert st.asa(14, 100, 180, interval=1800) == pytest.approx(7.83593701177724, rel=1e-12)

    def test_mpmath_reference_erlang_a(self) -> None:
        # mpmath, dps=50 (sum over the queue of a/(a+j+1)(psi(a+j+2) - psi(a+1))/theta); rtol 1e-12
        got = st.asa(_col(EA, "agents"), _col(EA, "traffic") * 20, 180, patience=_col(EA, "patience"))
        no_agents = np.array([r["agents"] == 0 for r in EA])
        np.testing.assert_allclose(got[~no_agents], _col(EA, "asa")[~no_agents], rtol=1e-12)
        assert np.isinf(got[no_agents]).all()  # nobody is answered: the mean wait is infinite

    def test_research_table(self) -> None:
        # docs/staffing-references.md section 3: ASA served .0337 AHT units (A=20, N=22, patience 120 s)
        assert st.asa(22, 400, 180, patience=120) / 180 == pytest.approx(0.0337, abs=6e-5)

    def test_edges(self) -> None:
        assert st.asa(3, 0, 180) == 0.0
        assert st.asa(10, 200, 180) == math.inf
        assert st.asa(9, 200, 180) == math.inf

    def test_broadcast(self) -> None:
        out = st.asa([[11], [12]], [100, 150], 180, interval=1800, patience=[[np.inf], [90.0]])
        assert out.shape == (2, 2)
        assert out[1, 0] < out[0, 0]  # more agents and abandonment: shorter waits

    def test_bad_input(self) -> None:
        with pytest.raises(InputError, match="aht must be > 0 seconds, got -3"):
            st.asa(10, 100, -3)

    @settings(max_examples=40, deadline=None)
    @given(traffic_st, aht_st, patience_st)
    def test_property_non_increasing_in_agents(self, a: float, aht: float, pat: float) -> None:
        n = np.arange(0, int(a + 6 * math.sqrt(a) + 6), dtype=float)
        w = st.asa(n, a * 3600 / aht, aht, patience=pat)
        assert np.all(np.diff(w[1:]) <= 1e-9 * np.maximum(w[1:-1], 1))


# ------------------------------------------------------------------------------------------------
class TestAbandonRate:
    def test_mpmath_reference(self) -> None:
        # mpmath, dps=50, sum_j pi_{N+j} j theta / lambda; rtol 1e-12
        got = st.abandon_rate(_col(EA, "agents"), _col(EA, "traffic") * 20, 180, _col(EA, "patience"))
        np.testing.assert_allclose(got, _col(EA, "abandon_rate"), rtol=1e-12)

    @pytest.mark.parametrize(
        ("traffic", "agents", "patience", "expected"),
        [  # docs/staffing-references.md section 3 (exact column, 4 digits)
            (20, 22, 120, 0.0560),
            (20, 18, 120, 0.1554),
            (100, 100, 180, 0.0399),
            (600, 600, 180, 0.0163),
            (600, 562, 180, 0.0643),
            (2000, 2000, 180, 0.0089),
        ],
    )
    def test_research_table(self, traffic: float, agents: int, patience: float, expected: float) -> None:
        assert st.abandon_rate(agents, traffic * 20, 180, patience) == pytest.approx(expected, abs=6e-5)

    def test_no_patience_means_no_abandonment(self) -> None:
        assert st.abandon_rate(5, 400, 180, None) == 0.0
        assert st.abandon_rate(25, 400, 180, np.inf) == 0.0

    def test_edges(self) -> None:
        assert st.abandon_rate(0, 400, 180, 60) == 1.0
        assert st.abandon_rate(3, 0, 180, 60) == 0.0

    def test_bad_input(self) -> None:
        with pytest.raises(InputError, match=r"patience must be > 0 seconds.*got -1"):
            st.abandon_rate(10, 100, 180, np.array([60.0, -1.0]))

    @settings(max_examples=50, deadline=None)
    @given(traffic_st, aht_st, patience_st)
    def test_property_non_increasing_in_agents(self, a: float, aht: float, pat: float) -> None:
        n = np.arange(0, int(a + 8 * math.sqrt(a) + 10), dtype=float)
        p = st.abandon_rate(n, a * 3600 / aht, aht, pat)
        assert np.all(np.diff(p) <= 1e-12)
        assert np.all((p >= 0) & (p <= 1))


# ------------------------------------------------------------------------------------------------
class TestOccupancy:
    def test_textbook_case(self) -> None:
        # textbook case: 10 Erlangs / 14 agents = 71.4%
        assert st.occupancy(14, 100, 180, interval=1800) == pytest.approx(10 / 14)

    def test_erlang_a_carried_traffic(self) -> None:
        # abandoned contacts take no agent time: A (1 - P(ab)) / N, research table P(ab) .0560
        assert st.occupancy(22, 400, 180, patience=120) == pytest.approx(20 * (1 - 0.0560) / 22, abs=1e-4)

    def test_edges(self) -> None:
        assert st.occupancy(0, 0, 180) == 0.0
        assert st.occupancy(5, 0, 180) == 0.0
        assert st.occupancy(8, 200, 180) == 1.0  # unstable
        assert st.occupancy(0, 200, 180, patience=60) == 1.0

    def test_broadcast(self) -> None:
        out = st.occupancy(np.array([10, 20, 40]), 200, 180)
        np.testing.assert_allclose(out, [1.0, 0.5, 0.25])

    def test_bad_input(self) -> None:
        with pytest.raises(InputError, match="interval must be > 0 seconds, got -1800"):
            st.occupancy(10, 100, 180, interval=-1800)


# ------------------------------------------------------------------------------------------------
def _brute_force(
    calls: float, aht: float, sl: float, t: float, interval: float = 3600, **kw: float | None
) -> int:
    """Scan N = 0, 1, 2, ... with the public functions: the definition of agents_required."""
    occ = kw.get("max_occupancy") or 1.0
    pat, mab = kw.get("patience"), kw.get("max_abandon")
    a = calls * aht / interval
    for n in range(0, 100_000):
        if pat is None and a > 0 and n <= a:
            continue
        ok = st.service_level(n, calls, aht, t, interval, patience=pat) >= sl
        ok &= st.occupancy(n, calls, aht, interval, patience=pat) <= occ
        if mab is not None:
            ok &= st.abandon_rate(n, calls, aht, pat, interval) <= mab
        if ok:
            return n
    raise AssertionError("no feasible agents")


class TestAgentsRequired:
    def test_textbook_case(self) -> None:
        # textbook case (docs/design.md §4.2): 14 agents, SL 88.8%, occupancy 71.4%, 20 FTE at 30% shrinkage
        n = st.agents_required(100, 180, 0.8, 20, interval=1800)
        assert n == 14
        assert type(n) is int
        assert st.service_level(n, 100, 180, 20, interval=1800) == pytest.approx(0.888, abs=5e-4)
        assert st.occupancy(n, 100, 180, interval=1800) == pytest.approx(0.714, abs=5e-4)
        assert st.fte_required(n, 0.3) == pytest.approx(20.0)

    @pytest.mark.parametrize(
        ("traffic", "patience", "expected"),
        # docs/staffing-references.md section 3: exact Erlang A agents for 80/20 and the Erlang C answer
        [(20, 120, 22), (100, 180, 99), (600, 180, 562), (20, None, 24), (100, None, 107), (600, None, 610)],
    )
    def test_research_table(self, traffic: float, patience: float | None, expected: int) -> None:
        assert st.agents_required(traffic * 20, 180, 0.8, 20, patience=patience) == expected

    @pytest.mark.parametrize("traffic", [0.05, 0.3, 0.5, 1.2, 2.5, 3.7])
    def test_small_non_integer_loads(self, traffic: float) -> None:
        # pyworkforce/pyqueueing start at round(A+1) / ceil(A)+1 and return one agent too many here
        for target, t in [(0.5, 20), (0.2, 5), (0.8, 20), (0.95, 30)]:
            calls = traffic * 20
            assert st.agents_required(calls, 180, target, t) == _brute_force(calls, 180, target, t)
        assert st.agents_required(0.5 * 20, 180, 0.2, 20) == 1  # A = 0.5: one agent suffices

    def test_brute_force_mixed(self) -> None:
        rng = np.random.default_rng(11)
        m = 120
        a = np.exp(rng.uniform(np.log(0.05), np.log(150), m))
        aht = rng.uniform(60, 600, m)
        calls = a * 3600 / aht
        sl = rng.uniform(0.0, 0.99, m)
        t = rng.uniform(0, 90, m)
        occ = rng.choice([1.0, 0.85, 0.7], m)
        pat = rng.choice([np.inf, 30.0, 120.0, 600.0], m)
        mab = rng.choice([1.0, 0.05, 0.02], m)
        got = st.agents_required(calls, aht, sl, t, max_occupancy=occ, patience=pat, max_abandon=mab)
        for k in range(m):
            p = None if np.isinf(pat[k]) else float(pat[k])
            ref = _brute_force(
                calls[k], aht[k], sl[k], t[k], max_occupancy=occ[k], patience=p, max_abandon=mab[k]
            )
            assert got[k] == ref, k

    def test_large_traffic_minimality(self) -> None:
        # 100,000 Erlangs: N meets the target and N - 1 does not (a brute-force scan is too long)
        calls = 100_000 * 20
        for pat in (None, 180.0):
            n = st.agents_required(calls, 180, 0.9, 10, patience=pat)
            assert st.service_level(n, calls, 180, 10, patience=pat) >= 0.9
            assert st.service_level(n - 1, calls, 180, 10, patience=pat) < 0.9

    def test_edges(self) -> None:
        assert st.agents_required(0, 180, 0.8, 20) == 0
        assert st.agents_required(200, 180, 0.0, 20) == 11  # stability floor: floor(10) + 1
        assert st.agents_required(200, 180, 0.0, 20, patience=60) == 0  # Erlang A allows N = 0
        assert st.agents_required(200, 180, 0.0, 20, max_occupancy=0.5) == 20
        assert st.agents_required(200, 180, 0.0, 20, patience=60, max_abandon=0.05) > 10

    def test_broadcast_shape_and_dtype(self) -> None:
        out = st.agents_required(np.array([[0], [100], [400]]), 180, np.array([0.8, 0.9]), 20, interval=1800)
        assert out.shape == (3, 2)
        assert out.dtype == np.int64
        assert out[1, 0] == 14

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"target_sl": 80}, "target_sl must be a share between 0 and 1 .* got 80"),
            ({"max_occupancy": 0}, "max_occupancy must be a share > 0 and <= 1"),
            ({"max_abandon": -0.1}, "max_abandon must be a share between 0 and 1"),
            ({"calls": np.array([1.0, np.nan])}, "calls must be a finite number >= 0 .* got nan"),
            ({"patience": -3}, "patience must be > 0"),
        ],
    )
    def test_bad_input(self, kwargs: dict, message: str) -> None:
        args = {"calls": 100, "aht": 180, "target_sl": 0.8, "target_time": 20} | kwargs
        with pytest.raises(InputError, match=message):
            st.agents_required(**args)

    @settings(max_examples=60, deadline=None)
    @given(
        st_.floats(0.01, 2000.0),
        aht_st,
        st_.floats(0.0, 0.99),
        st_.floats(0.0, 120.0),
        st_.one_of(st_.none(), patience_st),
    )
    def test_property_smallest_feasible(
        self, a: float, aht: float, sl: float, t: float, patience: float | None
    ) -> None:
        calls = a * 3600 / aht
        n = st.agents_required(calls, aht, sl, t, patience=patience)
        assert st.service_level(n, calls, aht, t, patience=patience) >= sl
        if n > 0 and (patience is not None or n - 1 > a):
            assert st.service_level(n - 1, calls, aht, t, patience=patience) < sl
        if patience is None:
            assert n >= math.floor(a) + 1


# ------------------------------------------------------------------------------------------------
class TestFteRequired:
    def test_textbook_case(self) -> None:
        # docs/design.md §4.2: shrinkage by division, 14 / (1 - 0.3) = 20 (not 14 x 1.3 = 18.2)
        assert st.fte_required(14, 0.3) == pytest.approx(20.0)

    def test_broadcast(self) -> None:
        np.testing.assert_allclose(st.fte_required([10, 20], [[0.0], [0.5]]), [[10, 20], [20, 40]])

    @pytest.mark.parametrize("shrinkage", [1.0, -0.1, 30])
    def test_bad_input(self, shrinkage: float) -> None:
        with pytest.raises(InputError, match="shrinkage must be a share >= 0 and < 1"):
            st.fte_required(14, shrinkage)


class TestChatAgentsRequired:
    def test_slots_divided_by_concurrency(self) -> None:
        slots = st.agents_required(200, 360, 0.8, 60)
        assert st.chat_agents_required(200, 360, 0.8, 60, concurrency=2) == math.ceil(slots / 2)
        assert st.chat_agents_required(200, 360, 0.8, 60, concurrency=1) == slots
        assert st.chat_agents_required(200, 360, 0.8, 60, concurrency=3) == math.ceil(slots / 3)

    def test_broadcast_and_patience(self) -> None:
        out = st.chat_agents_required([0, 100, 200], 360, 0.8, 60, concurrency=2.5, patience=300)
        assert out.dtype == np.int64
        assert out[0] == 0
        assert np.all(np.diff(out) >= 0)

    def test_bad_input(self) -> None:
        with pytest.raises(InputError, match="concurrency must be a finite number >= 1"):
            st.chat_agents_required(100, 360, 0.8, 60, concurrency=0.5)


class TestDeferredAgentsRequired:
    def test_workload(self) -> None:
        # 1,200 emails x 360 s over an 8-hour window at 85% productive time = 17.647 agents
        got = st.deferred_agents_required(1200, 360, 8 * 3600, max_occupancy=0.85)
        assert got == pytest.approx(1200 * 360 / (8 * 3600 * 0.85))

    def test_broadcast(self) -> None:
        np.testing.assert_allclose(st.deferred_agents_required([0, 3600], 60), [0.0, 60.0])

    def test_bad_input(self) -> None:
        with pytest.raises(InputError, match="items must be a finite number >= 0"):
            st.deferred_agents_required(-1, 60)


def test_fixture_matches_recipe() -> None:
    """A sample of the stored mpmath values recomputed live with the recipe (mpmath, dps=50)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "ref", Path(__file__).parent / "data" / "staffing_reference.py"
    )
    assert spec is not None and spec.loader is not None
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    mp.mp.dps = 50
    for row in BC[::37]:
        assert float(ref.erlang_b(row["agents"], row["traffic"])) == pytest.approx(
            float(row["erlang_b"]), rel=1e-15
        )
    row = EA[7]
    again = ref.erlang_a(row["traffic"], row["agents"], row["patience"], row["target_time"])
    assert again["sl_offered"] == row["sl_offered"]


class TestQueueMetrics:
    """queue_metrics equals the three separate functions (one Erlang A evaluation for all)."""

    def test_equals_separate_functions(self) -> None:
        agents = np.array([[0.0, 5.0, 18.0, 22.0, 30.0, 600.0]])
        calls = np.array([[400.0], [0.0], [12_000.0]])
        for patience in (None, 120.0, np.array([[np.inf], [90.0], [180.0]])):
            m = st.queue_metrics(agents, calls, 180.0, 20.0, patience=patience)
            sl = st.service_level(agents, calls, 180.0, 20.0, patience=patience)
            occ = st.occupancy(agents, calls, 180.0, patience=patience)
            np.testing.assert_allclose(m["service_level"], sl, rtol=0, atol=1e-15)
            np.testing.assert_allclose(m["occupancy"], occ, rtol=0, atol=1e-15)
            if patience is not None:
                ab = st.abandon_rate(agents, calls, 180.0, patience)
                np.testing.assert_allclose(m["abandon_rate"], ab, rtol=0, atol=1e-15)
            else:
                assert (m["abandon_rate"] == 0).all()

    def test_scalar_and_bad_input(self) -> None:
        m = st.queue_metrics(14, 100, 180, 20, interval=1800)
        assert isinstance(m["service_level"], float)
        assert round(m["service_level"], 3) == 0.888
        with pytest.raises(InputError, match="target_time"):
            st.queue_metrics(14, 100, 180, -1)


class TestRequiredStaffing:
    """required_staffing = agents_required / chat_agents_required + queue_metrics, from one search."""

    def test_equals_search_then_metrics(self) -> None:
        # independent recipe: the public functions one after the other (the path the business
        # case used before), on loads of a contact-center day (0-60 calls / half hour)
        rng = np.random.default_rng(7)
        calls = np.round(rng.uniform(0, 60, 400), 1)
        for patience, k in ((None, 1.0), (180.0, 1.0), (240.0, 2.0), (60.0, 3.0)):
            got = st.required_staffing(calls, 180.0, 0.8, 20.0, 1800, max_occupancy=0.85,
                                       patience=patience, concurrency=k)
            slots = st.agents_required(calls, 180.0, 0.8, 20.0, 1800, max_occupancy=0.85,
                                       patience=patience)
            agents = np.ceil(slots / k).astype(np.int64)
            np.testing.assert_array_equal(got["agents"], agents)
            m = st.queue_metrics(agents * k, calls, 180.0, 20.0, 1800, patience=patience)
            for key in ("service_level", "abandon_rate", "occupancy"):
                np.testing.assert_allclose(got[key], m[key], rtol=0, atol=1e-15)

    def test_group_hint_gives_the_same_answers(self) -> None:
        # the business case's hint (problems sorted by load within groups of equal inputs)
        calls = np.concatenate([np.linspace(1, 80, 300), np.linspace(1, 80, 300)])
        aht = np.repeat([180.0, 300.0], 300)
        group = np.repeat([0, 1], 300)
        a = st.required_staffing(calls, aht, 0.8, 20, 1800, patience=200.0, group=group)
        b = st.required_staffing(calls, aht, 0.8, 20, 1800, patience=200.0)
        np.testing.assert_array_equal(a["agents"], b["agents"])
        np.testing.assert_array_equal(a["service_level"], b["service_level"])

    def test_scalar_and_bad_input(self) -> None:
        r = st.required_staffing(400, 180, 0.8, 20, patience=120)
        assert r["agents"] == 22 and isinstance(r["agents"], int)
        assert r["service_level"] == pytest.approx(0.8288, abs=5e-5)  # README/docstring case
        with pytest.raises(InputError, match="concurrency"):
            st.required_staffing(10, 180, 0.8, 20, concurrency=0.5)


class TestBracketedSearch:
    """The large-input search (sampled neighbours bracket the rest) against brute force."""

    def test_brute_force_minimal(self) -> None:
        # 1,000 problems in a few groups (> 4 x stride, so the bracketed path runs); the answer
        # must be feasible and one agent fewer infeasible, checked with the public functions
        rng = np.random.default_rng(11)
        m = 1000
        calls = rng.uniform(0.1, 120, m)
        aht = rng.choice([150.0, 240.0], m)
        sl = rng.choice([0.7, 0.9], m)
        pat = rng.choice([60.0, 300.0, np.inf], m)
        n = st.agents_required(calls, aht, sl, 20, 1800, max_occupancy=0.9, patience=pat)
        for agents, ok_expected in ((n, True), (n - 1, False)):
            level = st.service_level(np.maximum(agents, 0), calls, aht, 20, 1800, patience=pat)
            occ = st.occupancy(np.maximum(agents, 0), calls, aht, 1800, patience=pat)
            ok = (level >= sl) & (occ <= 0.9) & (agents >= 0)
            ok &= np.where(np.isfinite(pat), True, agents > calls * aht / 1800)
            assert (ok == ok_expected).all()

    def test_fewer_evaluations_than_points(self) -> None:
        # counted, not timed: a contact-center month of loads needs ~1 evaluation a problem
        calls = np.linspace(0.5, 60, 2000)
        a = calls * 180 / 1800
        ones = np.ones_like(a)
        _, problems = st._solve(a, 180 * ones, 0.8 * ones, 20 * ones, 0.85 * ones, 180 * ones,
                                ones)
        assert problems.evaluations < 1.3 * a.size


class TestEngineLimits:
    """Issue 17: inputs inside the public ranges never overflow, hang or leak a bare error."""

    def test_largest_staffable_load(self) -> None:
        # 1e30 calls (1e29 Erlangs) and CC_AGENTS(1e15, 1e15, ...) used to give int64 -2**63
        for args in ((1e30, 180, 0.8, 20, 1800), (1e15, 1e15, 0.8, 20)):
            with pytest.raises(InputError, match=r"calls: offered traffic .* at most 1e\+08"):
                st.agents_required(*args)
        with pytest.raises(InputError, match="at most"):
            st.required_staffing(1e21 / 17_520, 180, 0.8, 20, 1800, patience=180)  # 1e21/year
        # at the limit itself the answer is a whole number above the load (Erlang C, N > A)
        n = st.agents_required(1e8 * 1800 / 180, 180, 0.8, 20, 1800)
        assert 1e8 < n < 1e8 + 1e5

    @pytest.mark.parametrize("patience", [None, 180.0])
    def test_tiny_traffic_needs_one_agent(self, patience: float | None) -> None:
        # 1e-310 calls (subnormal traffic) used to return -1 after 2 s with patience; one agent
        # serves it: P(wait) = A for one agent (Erlang C, A -> 0), so SL = 1 - O(1e-311)
        for calls in (1e-310, 1e-300, 1e-12):
            assert st.agents_required(calls, 180, 0.8, 20, 1800, patience=patience) == 1
        # the traffic underflows to exactly 0 here: no calls, no agents
        assert st.agents_required(5e-324, 180, 0.8, 20, 1800, patience=patience) == 0

    def test_tiny_traffic_erlang_a_limits(self) -> None:
        # A -> 0 with one agent, theta = mu (patience = aht): P(wait) -> A, P(abandon) -> A/2
        # (an arrival finds the agent busy with probability A; it abandons before the service
        # ends with probability theta / (theta + mu) = 1/2)
        for a in (1e-10, 1e-100, 1e-310):
            calls = a * 3600 / 180
            ab = st.abandon_rate(1, calls, 180, 180)
            assert ab == pytest.approx(a / 2, rel=1e-6)
            assert st.asa(1, calls, 180, patience=180) >= 0.0
        assert np.isfinite(st.asa(14, 1e-310, 180, 1800, patience=180))

    def test_subnormal_values_erlang_b_c(self) -> None:
        # erlang_b(5e-324, 5) raised "math domain error"; B(0, A) = 1 is its limit
        assert st.erlang_b(5e-324, 5) == 1.0
        assert st.erlang_b(1, 5e-324) == 5e-324  # B(1, A) = A / (1 + A)
        assert st.erlang_b(np.array([5e-324, 1.0]), np.array([5.0, 5e-324])).tolist() == [1.0, 5e-324]
        assert st.erlang_c(5e-324, 5) == 1.0  # unstable: agents below traffic
        assert st.erlang_c(5, 5e-324) == pytest.approx(0.0, abs=1e-300)

    def test_erlang_a_far_beyond_range_is_an_input_error_not_a_hang(self) -> None:
        # 1e6 agents' worth of calls and patience 1e12 s took 10 s a call in the series
        with pytest.raises(InputError, match="patience"):
            st.agents_required(0.9e6 * 1800 / 180, 180, 0.8, 20, 1800, patience=1e12)

    @settings(max_examples=150, deadline=None)
    @given(st_.tuples(*[st_.sampled_from([0.0, 5e-324, 1e-310, 1e-12, 0.5, 1.0, 14.0, 1e3, 1e7,
                                          1e15, 1e300, math.inf, math.nan, -1.0])] * 5))
    def test_every_public_function_input_error_or_number(self, v: tuple[float, ...]) -> None:
        # a hypothesis sweep of extreme values through every public function: a number (finite,
        # or inf where documented) or InputError - never ValueError/OverflowError/numpy text
        agents, calls, aht, t, pat = v
        share = min(max(abs(t) / 1e3, 0.0), 1.0) if math.isfinite(t) else 0.8
        calls_ = [
            lambda: st.erlang_b(agents, calls), lambda: st.erlang_c(agents, calls),
            lambda: st.service_level(agents, calls, aht, t, 1800, patience=pat),
            lambda: st.asa(agents, calls, aht, 1800, patience=pat),
            lambda: st.abandon_rate(agents, calls, aht, pat, 1800),
            lambda: st.occupancy(agents, calls, aht, 1800, patience=pat),
            lambda: st.queue_metrics(agents, calls, aht, t, 1800, patience=pat),
            lambda: st.agents_required(calls, aht, share, t, 1800, patience=pat),
            lambda: st.chat_agents_required(calls, aht, share, t, 1800, patience=pat),
            lambda: st.fte_required(agents, share if share < 1 else 0.3),
            lambda: st.deferred_agents_required(calls, aht, 1800),
        ]
        for call in calls_:
            try:
                out = call()
            except InputError:
                continue
            values = np.asarray(list(out.values()) if isinstance(out, dict) else out, dtype=float)
            assert not np.isnan(values).any()
            assert (values >= 0).all()
