"""Figures as plain text: charts, numbers and the stats and optimize reports.

Above the quiz layer and below the UI and the command line, which both use it: the stats
screen styles these characters, `quizapp stats` prints them. Nothing here imports Textual or
Rich, so a report reads the same on a screen, in a pipe or on a braille line.
"""
