"""Package-level contract: version, error type, console entry point."""

from typer.testing import CliRunner

import roi_models
from roi_models.cli import app


def test_input_error_is_value_error() -> None:
    assert issubclass(roi_models.InputError, ValueError)


def test_cli_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"roi-models {roi_models.__version__}"
