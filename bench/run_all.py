"""Run every benchmark in bench/ one after another (never in parallel: 2 cores)."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    "bench_load.py",
    "bench_store.py",
    "bench_startup.py",
    "bench_browser.py",
    "bench_anki_import.py",
    "eval_fsrs.py",
    "eval_drafter.py",
    "eval_papers.py",
]

for name in SCRIPTS:
    script = HERE / name
    if script.exists():
        print(f"== {name}", flush=True)
        subprocess.run([sys.executable, str(script), *sys.argv[1:]], check=False)
