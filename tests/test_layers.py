"""The core never imports the UI: data flows decks -> core -> UI/CLI."""

import subprocess
import sys

CORE = ["quizapp.deck.loader", "quizapp.deck.check", "quizapp.core.store", "quizapp.quiz"]


def test_core_imports_no_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'}"
        " or m.startswith('quizapp.ui'))\n"
        "print(','.join(bad))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""
