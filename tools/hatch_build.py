"""Build the wheel with the one-file module installed as a typed package.

The repository keeps `finetuning_job.py` alone at the top, for people who vendor it or paste
it into a notebook. PEP 561 marks only packages as typed (with a `py.typed` file), so the wheel
installs the same file as `finetuning_job/__init__.py`, beside `py.typed` and a `__main__.py`
that keeps `python -m finetuning_job` working. An editable install leaves the file where it is.
"""

import tempfile
from pathlib import Path
from typing import Any, Dict

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MAIN = '''"""Run the command line: python -m finetuning_job FILE..."""

import sys

from finetuning_job import main

sys.exit(main())
'''


class SingleFilePackage(BuildHookInterface):  # type: ignore[type-arg]
    """Map finetuning_job.py to finetuning_job/__init__.py and add py.typed and __main__.py."""

    PLUGIN_NAME = "single-file-package"

    def initialize(self, version: str, build_data: Dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        made = Path(tempfile.mkdtemp(prefix="finetuning-job-build-"))
        (made / "py.typed").write_text("", encoding="utf-8")
        (made / "__main__.py").write_text(MAIN, encoding="utf-8")
        build_data["force_include"][str(Path(self.root) / "finetuning_job.py")] = "finetuning_job/__init__.py"
        build_data["force_include"][str(made / "py.typed")] = "finetuning_job/py.typed"
        build_data["force_include"][str(made / "__main__.py")] = "finetuning_job/__main__.py"
