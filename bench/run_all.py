"""Run every benchmark in bench/ one after another (never in parallel: 2 cores).

Each script gets only the options it takes: a shared option (--runs, --cards,
--answers, --sizes, --json) goes to the scripts whose --help lists it, and
`--pass SCRIPT="OPTIONS"` gives one script options of its own. `--quick`
runs every script on small sizes, to try them out.

    .venv/bin/python bench/run_all.py [--only bench_store,bench_answer] [--runs 3] [--json]
        [--pass bench_store="--cards 20000 --answers 1000"] [--quick]
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    "bench_load.py",
    "bench_store.py",
    "peer_anki.py",
    "bench_startup.py",
    "bench_answer.py",
    "bench_browser.py",
    "bench_paper.py",
    "bench_anki_import.py",
    "bench_draft.py",
    "eval_fsrs.py",
    "eval_drafter.py",
    "eval_papers.py",
]
SHARED = ["--runs", "--cards", "--answers", "--sizes"]
FLAGS = ["--json"]
QUICK = {
    "bench_load": "--cards 1000 --runs 3",
    "bench_store": "--cards 2000 --answers 300",
    "peer_anki": "--cards 2000 --answers 200 --opens 3",
    "bench_startup": "--runs 2 --sizes bundled,2000 --cold-runs 1",
    "bench_answer": "--answers 60 --sizes bundled,2000",
    "bench_browser": "--cards 2000 --runs 2",
    "bench_paper": "--cards 2000 --runs 2",
    "bench_draft": "--runs 1 --words 20000",
}


def options_of(script: Path) -> str:
    """The script's --help text (what options it takes)."""
    done = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, check=False
    )
    return done.stdout


def takes(help_text: str, option: str) -> bool:
    return any(
        word.strip("[],") == option for line in help_text.splitlines() for word in line.split()
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="script names, by commas (default: all)")
    for option in SHARED:
        parser.add_argument(option, help="passed to the scripts that take it")
    for flag in FLAGS:
        parser.add_argument(flag, action="store_true", help="passed to the scripts that take it")
    parser.add_argument(
        "--pass",
        dest="passed",
        action="append",
        default=[],
        metavar='SCRIPT="OPTIONS"',
        help='options for one script, e.g. bench_store="--cards 20000" (repeatable)',
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, to try them out")
    args = parser.parse_args()

    own: dict[str, list[str]] = {}
    for item in args.passed:
        name, _, options = item.partition("=")
        own.setdefault(name.removesuffix(".py"), []).extend(shlex.split(options))
    wanted = None if not args.only else {n.removesuffix(".py") for n in args.only.split(",")}
    unknown = (set(own) | (wanted or set())) - {s.removesuffix(".py") for s in SCRIPTS}
    if unknown:
        parser.error(f"no such benchmark: {', '.join(sorted(unknown))}")

    for name in SCRIPTS:
        stem = name.removesuffix(".py")
        script = HERE / name
        if not script.exists() or (wanted is not None and stem not in wanted):
            continue
        help_text = options_of(script)
        argv: list[str] = shlex.split(QUICK.get(stem, "")) if args.quick else []
        for option in SHARED:
            value = getattr(args, option.lstrip("-"))
            if value is not None and takes(help_text, option):
                argv += [option, value]
        argv += [
            flag for flag in FLAGS if getattr(args, flag.lstrip("-")) and takes(help_text, flag)
        ]
        argv += own.get(stem, [])
        print(f"== {name} {shlex.join(argv)}".rstrip(), flush=True)
        subprocess.run([sys.executable, str(script), *argv], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
