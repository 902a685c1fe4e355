"""The tests import the module under test here, and only here: to test a vendored copy,
change this one line."""

import finetuning_job as ftj

__all__ = ["ftj"]
