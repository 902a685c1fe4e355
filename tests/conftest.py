import os
import sys
from typing import Any

from hypothesis import HealthCheck, Phase, settings

# The default profile stays quick for the edit-test loop; CI picks "ci" with
# HYPOTHESIS_PROFILE=ci for a large example budget.
settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
# Mutation testing runs the suite once per mutant: few examples, always the same ones, and no
# shrinking: the first failing example kills the mutant, and shrinking it took seconds.
settings.register_profile(
    "mutation",
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the slowest single hostile input of the run (after output capture has ended)."""
    took, what = getattr(sys.modules.get("tests.test_hostile"), "SLOWEST", [0.0, ""])
    line = f"hostile inputs: slowest single input took {took * 1000:.1f} ms ({what})"
    terminalreporter.write_line(line if what else "hostile inputs: none run")
