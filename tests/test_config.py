import pytest

from quizapp.config import Settings, load_settings


def test_missing_file_gives_defaults(tmp_path):
    assert load_settings(tmp_path / "none.toml") == (Settings(), [])


def test_good_values_are_used(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'new_per_day = 5\ndesired_retention = 0.85\ntheme = "nord"\n'
        'learning_steps_minutes = [1, 5, 30]\n[keymap]\nundo = "ctrl+z"\n'
    )
    settings, problems = load_settings(path)
    assert problems == []
    assert (settings.new_per_day, settings.desired_retention, settings.theme) == (5, 0.85, "nord")
    assert settings.learning_steps_minutes == (1.0, 5.0, 30.0)
    assert settings.keymap == {"undo": "ctrl+z"}


def test_bad_value_names_setting_and_file_and_keeps_default(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('new_per_day = "lots"\ndesired_retention = 1.5\nrollover_hour = 4\n')
    settings, problems = load_settings(path)
    assert settings.new_per_day == 20 and settings.desired_retention == 0.9
    assert problems == [
        f"{path}: new_per_day = 'lots' must be a whole number, 0 or more; using the default (20)",
        f"{path}: desired_retention = 1.5 must be a number from 0.70 to 0.99; "
        "using the default (0.9)",
    ]


def test_unknown_setting_and_broken_toml(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("colour = 3\n")
    _, problems = load_settings(path)
    assert problems[0].startswith(f"{path}: unknown setting 'colour' ignored (known: ")
    path.write_text("new_per_day = = 3\n")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert problems[0].startswith(f"{path}: not valid TOML (")
    assert problems[0].endswith("; using the defaults")


def test_exam_date_setting(tmp_path):
    import datetime as dt

    path = tmp_path / "config.toml"
    path.write_text("exam_date = 2027-05-24\n")
    assert load_settings(path)[0].exam_date == dt.date(2027, 5, 24)
    path.write_text('exam_date = "next May"\n')
    settings, problems = load_settings(path)
    assert settings.exam_date is None
    assert problems == [
        f"{path}: exam_date = 'next May' must be a date, e.g. exam_date = 2027-05-24; "
        "using the default (None)"
    ]


# -- writing the file (the settings screen) ------------------------------------------------

LEARNER_FILE = """\
# My settings: slow and steady until the exam.
new_per_day = 20  # my pace
theme = "textual-dark"
colour = "blue"  # not a setting: kept as written

# Keys for my left hand
[keymap]
undo = "z"  # next to x
again = "j"

[notes]
text = "a table quizapp does not know"
"""


def test_save_changes_values_and_keeps_comments_and_unknown_content(tmp_path):
    import datetime as dt

    from quizapp.config import save_settings

    path = tmp_path / "config.toml"
    path.write_text(LEARNER_FILE, encoding="utf-8")
    save_settings(
        path,
        {
            "new_per_day": 7,
            "theme": "nord",
            "desired_retention": 0.85,
            "learning_steps_minutes": (1.0, 5.0, 30.0),
            "exam_date": dt.date(2027, 5, 24),
            "keymap": {"undo": "ctrl+z", "again": None, "easy": "e"},
        },
    )
    assert path.read_text(encoding="utf-8") == (
        "# My settings: slow and steady until the exam.\n"
        "new_per_day = 7  # my pace\n"
        'theme = "nord"\n'
        'colour = "blue"  # not a setting: kept as written\n'
        "desired_retention = 0.85\n"
        "learning_steps_minutes = [1, 5, 30]\n"
        "exam_date = 2027-05-24\n"
        "\n"
        "# Keys for my left hand\n"
        "[keymap]\n"
        'undo = "ctrl+z"  # next to x\n'
        'easy = "e"\n'
        "\n"
        "[notes]\n"
        'text = "a table quizapp does not know"\n'
    )
    settings, problems = load_settings(path)
    assert (settings.new_per_day, settings.theme, settings.desired_retention) == (7, "nord", 0.85)
    assert settings.learning_steps_minutes == (1.0, 5.0, 30.0)
    assert settings.exam_date == dt.date(2027, 5, 24)
    assert settings.keymap == {"undo": "ctrl+z", "easy": "e"}
    assert problems[0].startswith(f"{path}: unknown setting 'colour' ignored")
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temporary file left


def test_save_none_removes_a_setting_so_the_default_applies(tmp_path):
    from quizapp.config import save_settings

    path = tmp_path / "config.toml"
    path.write_text("new_per_day = 5\nexam_date = 2027-05-24\nrollover_hour = 3\n")
    save_settings(path, {"exam_date": None, "new_per_day": None})
    assert path.read_text() == "rollover_hour = 3\n"
    assert load_settings(path) == (Settings(rollover_hour=3), [])


def test_save_creates_the_file_and_its_folder(tmp_path):
    from quizapp.config import save_settings

    path = tmp_path / "quizapp" / "config.toml"
    save_settings(path, {"leech_lapses": 4, "keymap": {"undo": "ctrl+z"}})
    assert path.read_text() == (
        "# quizapp settings: edit here or on the settings screen\n"
        "leech_lapses = 4\n"
        "\n"
        "[keymap]\n"
        'undo = "ctrl+z"\n'
    )
    assert load_settings(path)[0].keymap == {"undo": "ctrl+z"}


def test_save_refuses_a_bad_value_and_writes_nothing(tmp_path):
    import pytest

    from quizapp.config import save_settings

    path = tmp_path / "config.toml"
    path.write_text("# mine\nnew_per_day = 5\n")
    with pytest.raises(ValueError) as raised:
        save_settings(path, {"new_per_day": 9, "desired_retention": 1.5})
    assert str(raised.value) == "desired_retention = 1.5 must be a number from 0.70 to 0.99"
    assert path.read_text() == "# mine\nnew_per_day = 5\n"


def test_save_leaves_a_file_with_a_syntax_error_untouched(tmp_path):
    import pytest

    from quizapp.config import SettingsFileError, save_settings

    path = tmp_path / "config.toml"
    broken = "# mine\nnew_per_day = = 3\n"
    path.write_text(broken)
    with pytest.raises(SettingsFileError) as raised:
        save_settings(path, {"new_per_day": 9})
    assert str(raised.value) == (
        f"{path}: syntax error: Invalid value (at line 2, column 15); "
        "fix it in an editor (the file was left as it is)"
    )
    assert path.read_text() == broken
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_save_keeps_the_file_permissions(tmp_path):
    import os

    from quizapp.config import save_settings

    path = tmp_path / "config.toml"
    path.write_text("new_per_day = 5\n")
    os.chmod(path, 0o640)
    save_settings(path, {"new_per_day": 6})
    assert path.stat().st_mode & 0o777 == 0o640


def test_parse_setting_reads_what_a_learner_types():
    import datetime as dt

    import pytest

    from quizapp.config import parse_setting

    assert parse_setting("new_per_day", " 12 ") == 12
    assert parse_setting("desired_retention", "0.85") == 0.85
    assert parse_setting("learning_steps_minutes", "1, 10") == [1, 10]
    assert parse_setting("relearning_steps_minutes", "[5]") == [5]
    assert parse_setting("exam_date", "2027-05-24") == dt.date(2027, 5, 24)
    assert parse_setting("exam_date", "") is None
    assert parse_setting("theme", "nord") == "nord"
    assert parse_setting("exam_wrong", "-0.66") == -0.66
    for name, text, message in [
        ("new_per_day", "lots", "must be a whole number, 0 or more"),
        ("new_per_day", "-3", "must be a whole number, 0 or more"),
        ("rollover_hour", "24", "must be an hour from 0 to 23"),
        ("desired_retention", "1.5", "must be a number from 0.70 to 0.99"),
        ("learning_steps_minutes", "1, soon", "must be a list of minutes, e.g. [1, 10]"),
        ("exam_date", "next May", "must be a date, e.g. exam_date = 2027-05-24"),
        ("new_per_day", "5\nrollover_hour = 3", "must be a whole number, 0 or more"),
    ]:
        with pytest.raises(ValueError) as raised:
            parse_setting(name, text)
        assert str(raised.value) == message, (name, text)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("new_per_day = -1", "new_per_day = -1 must be a whole number, 0 or more"),
        ("new_per_day = true", "new_per_day = True must be a whole number, 0 or more"),
        ("maximum_interval_days = 1.5", "maximum_interval_days = 1.5 must be a whole number"),
        ("leech_lapses = 'eight'", "leech_lapses = 'eight' must be a whole number, 0 or more"),
        ("rollover_hour = 24", "rollover_hour = 24 must be an hour from 0 to 23"),
        ("desired_retention = 0.5", "desired_retention = 0.5 must be a number from 0.70 to 0.99"),
        (
            "learning_steps_minutes = 10",
            "learning_steps_minutes = 10 must be a list of minutes, e.g. [1, 10]",
        ),
        (
            "relearning_steps_minutes = [0]",
            "relearning_steps_minutes = [0] must be a list of minutes, e.g. [1, 10]",
        ),
        ("theme = 'pink'", "theme = 'pink' must be one of textual-dark, textual-light"),
        ("exam_wrong = 'a third'", "exam_wrong = 'a third' must be a number of marks"),
        (
            "exam_date = '24 May'",
            "exam_date = '24 May' must be a date, e.g. exam_date = 2027-05-24",
        ),
        ("keymap = 'ctrl+z'", "keymap = 'ctrl+z' must be a table of action = \"key\""),
    ],
)
def test_each_bad_value_names_the_setting_and_the_file(tmp_path, line, message):
    path = tmp_path / "config.toml"
    path.write_text(line + "\n", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()  # the default in its place
    [problem] = problems
    assert problem.startswith(f"{path}: {message}")
    assert "; using the default (" in problem


def test_a_file_that_cannot_be_read_gives_the_defaults_and_says_why(tmp_path):
    not_utf8 = tmp_path / "config.toml"
    not_utf8.write_bytes(b"theme = '\xff\xfe'\n")
    settings, [problem] = load_settings(not_utf8)
    assert settings == Settings()
    assert problem.startswith(f"{not_utf8}: cannot read the settings (")
    assert problem.endswith("; using the defaults")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    settings, [problem] = load_settings(folder)
    assert settings == Settings() and problem.startswith(f"{folder}: cannot read the settings")


def test_one_settings_object_serves_the_scheduler_too(tmp_path):
    """The file's minutes and days are what the scheduler reads, as durations; what the program
    sets (time zone, fitted parameters, fuzz) cannot be set from the file."""
    import datetime as dt

    path = tmp_path / "config.toml"
    path.write_text(
        'learning_steps_minutes = [2, 15]\nmaximum_interval_days = 365\ntimezone = "UTC"\n'
        "exam_right = 1\n"
    )
    settings, problems = load_settings(path)
    assert settings.learning_steps == (dt.timedelta(minutes=2), dt.timedelta(minutes=15))
    assert settings.relearning_steps == (dt.timedelta(minutes=10),)
    assert settings.maximum_interval == 365
    assert settings.exam_marks == (1.0, -2 / 3, 0.0)
    assert settings.timezone is None
    assert [p.split(" (known: ")[0] for p in problems] == [
        f"{path}: unknown setting 'timezone' ignored"
    ]
    assert "timezone" not in problems[0].split(" (known: ")[1]
