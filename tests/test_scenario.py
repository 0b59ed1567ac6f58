"""Scenario: registry, presets, validation messages, file round trips, safe loading."""

from __future__ import annotations

import json

import pytest
import yaml

from roi_models import InputError
from roi_models.parameters import PARAMETERS, PRESETS, registry
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
        assert "demand.voice_aht_s: must be >= 1 and <= 86400 (s), got 0" in msg
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


# ---------------------------------------------------------------- hostile files (issue 17)
def _bomb(depth: int) -> str:
    """The classic YAML 'billion laughs': 9 aliases a level, 9**depth values once expanded."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for k in range(1, depth + 1):
        refs = ", ".join([f"*a{k - 1}"] * 9)
        lines.append(f"a{k}: &a{k} [{refs}]")
    return "\n".join(lines) + "\n"


#: (file name, bytes, fragment of the one problem). Each is refused with one short message.
HOSTILE: list[tuple[str, bytes, str]] = [
    ("binary.yaml", bytes(range(256)) * 4, "not a text file"),
    ("utf16.yaml", "inhouse:\n  shrinkage: 0.3\n".encode("utf-16"), "UTF-16; save it as UTF-8"),
    ("cp1251.yaml", "scenario:\n  name: Контакт-центр\n".encode("cp1251"), "not UTF-8 text"),
    ("empty.yaml", b"", "empty scenario file; `roi-models scenario init` writes one"),
    ("comments.yaml", b"# nothing here\n\n", "empty scenario file"),
    ("empty.toml", b"", "empty scenario file"),
    ("empty.json", b"  \n", "empty scenario file"),
    ("null.yaml", b"~\n", "empty scenario file"),
    ("preset_list.yaml", b"preset: [1]\n", "preset: must be one of default, ru, blended, got [1]"),
    ("preset_map.yaml", b"preset: {a: 1}\n", "preset: must be one of"),
    ("int_key.yaml", b"1: 2\n", "key 1: keys must be section or input names"),
    ("null_key.yaml", b"null: 2\n", "key None: keys must be section or input names"),
    ("int_name.yaml", b"inhouse:\n  1: 2\n", "inhouse.1: not an input name"),
    ("huge_int.yaml", b"inhouse:\n  shrinkage: " + b"9" * 5000 + b"\n", "cannot read a value"),
    ("huge_int.json", b'{"inhouse": {"shrinkage": ' + b"9" * 5000 + b"}}", "cannot read a value"),
    ("big_int.yaml", b"inhouse:\n  agent_hourly_wage: " + b"9" * 4000 + b"\n",
     "must be a number (>= 0"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
    ("deep.toml", b"x = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "nests too deeply"),
    ("deep.yaml", b"a: " + b"[" * 30_000 + b"]" * 30_000 + b"\n", "nests too deeply"),
    ("nested_value.json", b'{"inhouse": {"shrinkage": ' + b"[" * 50 + b"]" * 50 + b"}}",
     "nests too deeply"),
    ("bomb9.yaml", _bomb(9).encode(), "YAML aliases expand the file by more than 100,000 values"),
    ("too_big.yaml", b"# " + b"x" * 1_100_000 + b"\n", "the file is over 1,000,000 bytes"),
    ("long_value.yaml", b"inhouse:\n  agent_hourly_wage: '" + b"y" * 100_000 + b"'\n",
     "inhouse.agent_hourly_wage: must be a number"),
    ("many_unknown.yaml", b"inhouse:\n" + b"".join(b"  k%d: 1\n" % i for i in range(60_000)),
     "more unknown inputs (first 20 listed)"),
]


class TestHostileFiles:
    @pytest.mark.parametrize("name, data, fragment", HOSTILE, ids=[h[0] for h in HOSTILE])
    def test_refused_with_a_short_message(self, tmp_path, name, data, fragment) -> None:
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(ScenarioError) as err:
            Scenario.from_file(p)
        message = str(err.value)
        assert fragment in message, message[:500]
        assert len(err.value.problems) <= 21
        assert all(len(line) <= 300 for line in err.value.problems), message[:500]

    def test_cli_exit_2_one_message(self, tmp_path) -> None:
        from typer.testing import CliRunner

        from roi_models.cli import app

        p = tmp_path / "bomb.yaml"
        p.write_text(_bomb(9))
        out = tmp_path / "case"
        r = CliRunner().invoke(app, ["case", str(p), "-o", str(out), "--format", "csv"])
        assert r.exit_code == 2
        assert "Traceback" not in r.output
        assert r.stderr.splitlines()[1].strip().startswith("- YAML aliases expand")
        assert not out.exists()

    def test_a_few_aliases_are_fine(self, tmp_path) -> None:
        p = tmp_path / "a.yaml"
        p.write_text("inhouse:\n  shrinkage: &s 0.28\n  training_class_loss: *s\n")
        s = Scenario.from_file(p)
        assert s.inhouse.training_class_loss == 0.28

    def test_utf8_bom_is_fine(self, tmp_path) -> None:
        p = tmp_path / "bom.yaml"
        p.write_bytes("\ufeffscenario:\n  name: Контакт-центр\n".encode())
        assert Scenario.from_file(p).scenario.name == "Контакт-центр"

    def test_explicit_empty_mapping_is_the_preset(self, tmp_path) -> None:
        p = tmp_path / "e.json"
        p.write_text("{}")
        assert Scenario.from_file(p) == Scenario.default()


def test_clv_needs_churn_or_discount() -> None:
    """Issue 17 fuzz: CLV with churn + discount <= 0 diverged to inf revenue; now refused by path."""
    with pytest.raises(ScenarioError, match=r"revenue\.value_method: 'clv' needs"):
        Scenario.default().with_changes({"revenue.value_method": "clv",
                                         "finance.discount_rate": -0.5})
    for churn in (0.0, 7.355e-54):  # a vanishing churn rounds the monthly retention to 1
        with pytest.raises(ScenarioError, match=r"revenue\.annual_base_churn >= 1e-6"):
            Scenario.default().with_changes({"revenue.value_method": "clv",
                                             "revenue.annual_base_churn": churn})
    Scenario.default().with_changes({"revenue.value_method": "clv", "finance.discount_rate": -0.1})


def test_yaml_groups_inputs_by_section_whatever_the_registry_order(monkeypatch, tmp_path) -> None:
    """An input declared out of its section's run (a new channel's service input among the demand
    inputs) still lands in its section: one YAML key per section, a lossless round trip."""
    import roi_models.scenario as sc

    s = Scenario.default().with_changes({"demand.voice_annual_contacts": 123_456.0,
                                         "service.chat_target_sl": 0.85})
    order = [p for p in sc.PARAMETERS if p.path != "service.chat_target_sl"]
    first_demand = next(i for i, p in enumerate(order) if p.section == "demand")
    order.insert(first_demand + 1, registry()["service.chat_target_sl"])  # inside demand's run
    monkeypatch.setattr(sc, "PARAMETERS", tuple(order))
    text = s.to_yaml()
    assert sum(line == "demand:" for line in text.splitlines()) == 1
    back = Scenario.from_file(s.to_file(tmp_path / "s.yaml"))
    assert back.values() == s.values()
