"""The one command line (kb/cli.py, click): every command is listed with its one-line summary, usage errors
are one message and exit 2, and `python -m kb` is the same program."""
import subprocess
import sys

from click.testing import CliRunner

from kb.cli import app

COMMANDS = {"check", "new", "translations", "terms", "pdf", "links", "stamp", "summary", "from-issue"}


def test_help_lists_every_command_with_its_one_line_summary():
    result = CliRunner().invoke(app, ["--help"], terminal_width=80)
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:\n", 1)[1].splitlines()
    assert {line.split()[0] for line in listed if line.strip()} == COMMANDS == set(app.commands)
    for name, command in app.commands.items():
        summary = command.help.split("\n\n")[0].strip()
        assert "\n" not in summary and len(summary) <= 60, name
        assert f"  {name.ljust(12)}  {summary}" in result.stdout, (name, result.stdout)


def test_each_command_has_its_own_help():
    for name in COMMANDS:
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0 and f"Usage: app {name}" in result.stdout.replace("python -m kb", "app"), name


def test_a_usage_error_is_one_message_and_exit_2():
    result = CliRunner().invoke(app, ["new", "case-study"])
    assert result.exit_code == 2 and "Missing argument 'SLUG'" in result.stderr
    result = CliRunner().invoke(app, ["translations", "docs/ar/x.md"])
    assert result.exit_code == 2 and "PATHS are for --mark-current" in result.stderr


def test_python_dash_m_kb_runs_the_same_app():
    result = subprocess.run([sys.executable, "-m", "kb", "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Usage: python -m kb" in result.stdout
    assert all(f"  {name}" in result.stdout for name in COMMANDS)
