"""Fixtures shared by the test modules.

``default_case`` (and its short name ``case``) is the default scenario evaluated once per session:
``evaluate(Scenario.default())``. A module that needs another case defines its own ``case``
fixture, which overrides this one. Tests must not change the frames of a shared case.
"""

from __future__ import annotations

import pytest

from roi_models import Scenario, evaluate
from roi_models.business_case import BusinessCase


@pytest.fixture(scope="session")
def default_scenario() -> Scenario:
    """The built-in default scenario (a mid-size US inbound center)."""
    return Scenario.default()


@pytest.fixture(scope="session")
def default_case(default_scenario: Scenario) -> BusinessCase:
    """The default scenario, evaluated once for the whole session."""
    return evaluate(default_scenario)


@pytest.fixture(scope="session")
def case(default_case: BusinessCase) -> BusinessCase:
    """Short name of :func:`default_case` (modules with a case of their own override it)."""
    return default_case
