"""The `quizapp` command line: ``main`` opens the app or runs a command.

One module per command group registers its commands on ``registry``; see the README's
development section for where a new command goes.
"""

from quizapp.cli.entry import main

__all__ = ["main"]
