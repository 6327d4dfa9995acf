"""The built wheel carries the bundled decks and source documents."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_installed_wheel_checks_its_bundled_decks(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(tmp_path.glob("quizapp-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "quizapp/_bundled/seeds/sources.yaml" in names
    assert any(n.startswith("quizapp/_bundled/decks/") and n.endswith(".yaml") for n in names)

    target = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, quizapp; print(quizapp.__file__); "
            "from quizapp.cli import main; sys.exit(main(['check']))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[0].startswith(str(target))
    assert "0 error(s)" in run.stdout
