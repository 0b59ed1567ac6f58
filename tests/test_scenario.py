"""Scenario: registry, presets, validation messages, file round trips, safe loading."""

from __future__ import annotations

import json

import pytest
import yaml

from roi_models import InputError
from roi_models.parameters import PARAMETERS, PRESETS
from roi_models.scenario import Scenario, ScenarioError


class TestRegistry:
    def test_every_input_has_unit_source_and_range(self) -> None:
        reg = Scenario.parameters()
        assert len(reg) == len(PARAMETERS)
        for path, row in reg.iterrows():
            assert row["source"], path
            assert row["description"], path
            assert row["tag"] in ("sourced", "benchmark", "estimate"), path
            if row["kind"] in ("float", "int") and row["low"] == row["low"]:  # not NaN
                assert row["low"] <= row["default"] <= row["high"], path

    def test_defaults_are_valid(self) -> None:
        for name in Scenario.presets():
            Scenario.preset(name)

    def test_default_is_about_a_million_contacts(self) -> None:
        s = Scenario.default()
        total = sum(s[f"demand.{c}_annual_contacts"] for c in ("voice", "chat", "email"))
        assert total == pytest.approx(1_000_000)

    def test_ru_preset_marks_estimates(self) -> None:
        s = Scenario.preset("ru")
        assert s.finance.currency == "RUB"
        assert "estimate" in s.source_of("inhouse.seat_cost_monthly")
        assert all(p in {q.path for q in PARAMETERS} for p in PRESETS["ru"])
        lo, hi = s.range_of("inhouse.agent_hourly_wage")
        assert lo < s.inhouse.agent_hourly_wage < hi


class TestValidation:
    def test_all_problems_at_once(self) -> None:
        with pytest.raises(ScenarioError) as err:
            Scenario.from_dict({"inhouse": {"shrinkage": 30, "agent_wage": 3},
                                "demand": {"voice_aht_s": 0}, "finnance": {}})
        msg = str(err.value)
        assert msg.startswith("4 problems")
        assert "inhouse.shrinkage: must be >= 0 and <= 0.95 (share), got 30" in msg
        assert "write 0.3, not 30" in msg
        assert "did you mean 'inhouse.agent_hourly_wage'" in msg
        assert "demand.voice_aht_s: must be > 0 (s), got 0" in msg
        assert "finnance: unknown section; did you mean 'finance'?" in msg
        assert isinstance(err.value, ValueError)
        assert len(err.value.problems) == 4

    @pytest.mark.parametrize("path, value, fragment", [
        ("demand.voice_annual_contacts", -5, ">= 0"),
        ("inhouse.agent_hourly_wage", "twenty", "must be a number"),
        ("inhouse.agent_hourly_wage", float("nan"), "must be a number"),
        ("inhouse.agent_hourly_wage", True, "must be a number"),
        ("outsourced.pricing_model", "per_call", "did you mean 'per_contact'"),
        ("demand.seasonality", [1.0] * 11, "12 numbers"),
        ("finance.horizon_months", 60.5, "whole number"),
        ("outsourced.tier_discounts", [0.1], "one discount per threshold"),
    ])
    def test_bad_values(self, path, value, fragment) -> None:
        with pytest.raises(ScenarioError, match=path.replace(".", r"\.")) as err:
            Scenario.default().with_changes({path: value})
        assert fragment in str(err.value)

    def test_unknown_path_in_getitem(self) -> None:
        with pytest.raises(InputError, match=r"did you mean 'inhouse\.shrinkage'"):
            Scenario.default()["inhouse.shrinkag"]

    def test_with_changes_does_not_mutate(self) -> None:
        s = Scenario.default()
        s2 = s.with_changes({"inhouse.agent_hourly_wage": 18.0})
        assert s.inhouse.agent_hourly_wage == 20.6 and s2.inhouse.agent_hourly_wage == 18.0
        assert s2.source_of("inhouse.agent_hourly_wage") == "user input"


class TestFiles:
    @pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json", ".toml"])
    @pytest.mark.parametrize("preset", ["default", "ru"])
    def test_lossless_round_trip(self, tmp_path, suffix, preset) -> None:
        s = Scenario.preset(preset).with_changes({"inhouse.agent_hourly_wage": 0.1 + 0.2,
                                                  "scenario.name": "Ünïcode: «test» #1"})
        path = s.to_file(tmp_path / f"s{suffix}")
        back = Scenario.from_file(path)
        assert back == s
        assert back.inhouse.agent_hourly_wage == 0.1 + 0.2  # exact float
        assert back.preset_name == preset

    def test_yaml_is_commented(self, tmp_path) -> None:
        text = Scenario.default().to_file(tmp_path / "s.yaml").read_text()
        assert "agent_hourly_wage: 20.6  # money/h | 16-25 | BLS OOH" in text
        assert "# Agent base wage per paid hour." in text

    def test_partial_file_takes_preset_values(self, tmp_path) -> None:
        p = tmp_path / "s.yaml"
        p.write_text("preset: ru\ninhouse:\n  shrinkage: 0.25\n")
        s = Scenario.from_file(p)
        assert s.inhouse.shrinkage == 0.25 and s.finance.currency == "RUB"

    def test_malformed_yaml(self, tmp_path) -> None:
        p = tmp_path / "bad.yaml"
        p.write_text("inhouse:\n  shrinkage: [0.3\n")
        before = p.read_bytes()
        with pytest.raises(ScenarioError, match="malformed YAML at line"):
            Scenario.from_file(p)
        assert p.read_bytes() == before

    def test_malformed_json_and_toml(self, tmp_path) -> None:
        (tmp_path / "b.json").write_text("{")
        (tmp_path / "b.toml").write_text("x = ")
        with pytest.raises(ScenarioError, match="malformed JSON"):
            Scenario.from_file(tmp_path / "b.json")
        with pytest.raises(ScenarioError, match="malformed TOML"):
            Scenario.from_file(tmp_path / "b.toml")

    def test_yaml_never_executes(self, tmp_path) -> None:
        p = tmp_path / "evil.yaml"
        p.write_text("scenario:\n  name: !!python/object/apply:os.system ['echo pwned']\n")
        with pytest.raises(ScenarioError, match="malformed YAML"):
            Scenario.from_file(p)

    def test_wrong_types_and_unknown_keys_listed(self, tmp_path) -> None:
        p = tmp_path / "bad.json"
        p.write_text(json.dumps({"inhouse": {"shrinkage": 1.5, "wage": 10},
                                 "demand": {"voice_annual_contacts": "many"}}))
        with pytest.raises(ScenarioError) as err:
            Scenario.from_file(p)
        assert len(err.value.problems) == 3
        assert str(p) in str(err.value)

    def test_not_a_mapping(self, tmp_path) -> None:
        p = tmp_path / "list.yaml"
        p.write_text(yaml.safe_dump([1, 2]))
        with pytest.raises(ScenarioError, match="mapping of sections"):
            Scenario.from_file(p)

    def test_unknown_suffix(self, tmp_path) -> None:
        with pytest.raises(InputError, match=r"\.yaml"):
            Scenario.default().to_file(tmp_path / "s.txt")
