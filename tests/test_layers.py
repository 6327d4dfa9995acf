"""The layers hold: data flows deck -> core -> quiz -> render -> UI -> command line, with no
import cycle anywhere, and start-up imports nothing it does not need."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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
    pydantic, yaml-rs, PyYAML, fsrs, textual-image nor Pillow: they load after it, so start-up
    stays fast."""
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
        "heavy = {'pydantic', 'yaml_rs', 'yaml', 'fsrs', 'textual_image', 'PIL'}\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""


def test_import_contracts_hold():
    """pyproject.toml's import-linter contracts: the layers deck -> core -> quiz -> render ->
    ui -> cli (the UI never imports the command line) and no cycle between the modules of any
    package. Imports inside functions count: they may only point down too."""
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run(
        [str(lint), "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert run.returncode == 0, run.stdout[run.stdout.find("Broken contracts") :] + run.stderr


def _import_graph() -> dict[str, set[str]]:
    import grimp

    graph = grimp.build_graph("quizapp", cache_dir=None)
    return {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == module:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle_through_a_package_and_its_module():
    edges = {"p": {"p.a"}, "p.a": {"p.b"}, "p.b": {"p"}, "q": {"p"}}
    assert _cycles(edges) == [["p", "p.a", "p.b"]]
    assert _cycles({"p": {"p.a"}, "p.a": set()}) == []


def test_no_import_cycle_anywhere():
    """Module by module, a package's __init__ included (which the contract between siblings
    does not see), imports inside functions included."""
    assert _cycles(_import_graph()) == []
