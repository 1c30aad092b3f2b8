"""The exports of the real site, made once per session (helpers to read them: export_helpers.py)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb import buildstamp
from support import once, shared_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def exports(site, _reused, tmp_path_factory) -> Path:
    """Every export (PDFs, offline zips, manifest) of the real site, made with `python -m kb pdf`; or
    build/downloads/ when `make pdf` made it from the site these tests read and both are current."""
    store = ROOT / "build" / "downloads"
    if _reused and buildstamp.current(store) and (store / "manifest.json").is_file():
        return store
    out = shared_path(tmp_path_factory, "downloads")  # made once per run, by the first xdist worker to need it
    with once(out) as todo:
        if todo:
            result = subprocess.run([sys.executable, "-m", "kb", "pdf", "--site", str(site), "--out", str(out)],
                                    cwd=ROOT, capture_output=True, text=True,
                                    env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
            assert result.returncode == 0, result.stdout + result.stderr
    return out
