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


def test_the_first_screen_needs_no_deck_models_parser_or_scheduler(tmp_path):
    """What runs before the first paint (`quizapp`, `quizapp --review`) imports neither
    pydantic, yaml-rs, PyYAML nor fsrs: they load after it, so start-up stays fast."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from quizapp.cli.entry import _app_parser, _names_a_command\n"
        "assert not _names_a_command(['--review'])\n"
        "from quizapp.ui.app import app_with_settings\n"
        "from quizapp.ui.widgets.first_card import FirstCardView\n"
        "from quizapp.core.first_card import peek_first_card\n"
        f"tmp = Path({str(tmp_path)!r})\n"
        "app = app_with_settings([tmp], tmp / 'p.db', tmp / 'config.toml')\n"
        "peek_first_card([tmp], tmp / 'p.db')\n"
        "heavy = {'pydantic', 'yaml_rs', 'yaml', 'fsrs'}\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""
