"""Every bench/ script runs in its quick mode: `python bench/X.py --quick` exits 0 and prints a figure.

The scripts are found by glob, so a new script is covered the day it is added (and must accept
--quick). A script whose data (../shared) is absent says "skipped" and exits 0; the test then skips.
No figure is checked against a target here: figures are printed, not asserted.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted((ROOT / "bench").glob("*.py"))
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable
# a measured figure: a decimal ("0.85", "12.3"), or a number with a unit ("165 MiB", "4 s", "12%", "92 files/s")
FIGURE = re.compile(r"\d\.\d|\d\s*(?:%|ms\b|s\b|MiB\b|MB\b|/s\b)")
TIMEOUT_S = 300  # a quick run takes seconds; this only turns a hang into a failure


def test_the_bench_folder_has_scripts():
    assert len(SCRIPTS) >= 10, [p.name for p in SCRIPTS]


def test_the_figure_pattern_tells_figures_from_prose():
    assert FIGURE.search("precision 0.996  recall 0.963")
    assert FIGURE.search("peak RSS: 165 MiB")
    assert FIGURE.search("re-ingest: 200 already stored in 4 s")
    assert not FIGURE.search("skipped: ../shared/peers not found")
    assert not FIGURE.search("PolNeAR dev: 3 articles (first .ann of each)")


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_bench_script_runs_quick(script: Path):
    proc = subprocess.run([PYTHON, str(script), "--quick"], cwd=ROOT, capture_output=True, text=True,
                          timeout=TIMEOUT_S)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"{script.name} --quick exited {proc.returncode}:\n{output[-3000:]}"
    if not any(FIGURE.search(line) for line in proc.stdout.splitlines()):
        if "skipped" in output.lower():
            pytest.skip(f"{script.name}: {output.strip().splitlines()[-1]}")
        pytest.fail(f"{script.name} --quick printed no figure on stdout:\n{output[-3000:]}")
