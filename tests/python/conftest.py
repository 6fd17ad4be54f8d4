"""Shared fixtures of the ukwd module's pytest suite (issue 17)."""
import numpy as np
import pytest

import ukwd


@pytest.fixture(scope="session")
def england():
    return ukwd.Calendar.uk("england-and-wales")


@pytest.fixture(scope="session")
def sec():
    return ukwd.Calendar.uk("sec")


@pytest.fixture
def rng():
    # A fixed seed: every run draws the same queries.
    return np.random.default_rng(20260217)
