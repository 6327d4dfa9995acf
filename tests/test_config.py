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
