"""The docs stay true: every command and option is documented, docs/cli.md is what --help says, the tour runs.

Like sqlite-utils' test_docs.py: the command reference is generated from `--help` (docs/cli_reference.py),
and the README's tour is run line by line against the demo database.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from amendtrack.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CLI_MD = ROOT / "docs" / "cli.md"


def _generator():  # noqa: ANN202 - the docs/cli_reference.py module
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "docs" / "cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cli_reference = _generator()


def sections(reference: str) -> dict[str, str]:
    """docs/cli.md cut at its headings: 'amendtrack import-inputs' → that command's help."""
    found = re.split(r"^## `([^`]+)`$", reference, flags=re.M)
    return {found[k]: found[k + 1] for k in range(1, len(found) - 1, 2)}


def undocumented(root: click.Group, readme: str, reference: str, prog: str = "amendtrack") -> list[str]:
    """Commands the README never names, and options neither the README nor the command's reference names."""
    helps = sections(reference)
    missing = []
    for path, command in cli_reference.commands(root):
        name = f"{prog} {' '.join(path)}"
        if name not in readme and f"`{name}`" not in helps:
            missing.append(name)
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            flag = max(param.opts, key=len)
            if flag not in helps.get(name, "") and not re.search(
                rf"{re.escape(name)}\b[^\n]*{re.escape(flag)}", readme
            ):
                missing.append(f"{name} {flag}")
    return missing


def test_cli_reference_is_what_help_says() -> None:
    assert CLI_MD.read_text(encoding="utf-8") == cli_reference.reference(cli), (
        "docs/cli.md is out of date: run `python docs/cli_reference.py`"
    )


def test_every_command_and_option_is_documented() -> None:
    readme, reference = README.read_text(encoding="utf-8"), CLI_MD.read_text(encoding="utf-8")
    assert undocumented(cli, readme, reference) == []
    commands = [" ".join(path) for path, command in cli_reference.commands(cli) if not isinstance(command, click.Group)]
    assert len(commands) >= 20 and all(f"amendtrack {name}" in readme for name in commands)  # each is in the README


def test_an_undocumented_command_or_option_is_caught() -> None:
    @click.group()
    def fake() -> None:
        """A fake command line."""

    @fake.command("frob")
    @click.option("--quux", is_flag=True, help="Not written down anywhere.")
    @click.option("--json", "as_json", is_flag=True, help="Documented.")
    def frob(quux: bool, as_json: bool) -> None:
        """Frobnicate."""

    @fake.command("zap")
    def zap() -> None:
        """Never mentioned."""

    readme = "Run `amendtrack frob --json` to see it."
    assert undocumented(fake, readme, "") == ["amendtrack frob --quux", "amendtrack zap"]
    # and on the real command line: an option taken out of the reference is reported
    reference = CLI_MD.read_text(encoding="utf-8")
    section = sections(reference)["amendtrack import-inputs"]
    assert "--skip-invalid" in section
    damaged = reference.replace(section, section.replace("--skip-invalid", "--skip"))
    assert "amendtrack import-inputs --skip-invalid" in undocumented(cli, "", damaged)


def tour() -> Iterator[list[str]]:
    """The README tour's lines, as argument lists (comments dropped)."""
    text = README.read_text(encoding="utf-8")
    block = text.split("## Tour", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    for line in block.splitlines():
        if args := shlex.split(line, comments=True):
            yield args


def readme_csv() -> str:
    """The CSV example of the README's 'Proposals as CSV or JSON'."""
    text = README.read_text(encoding="utf-8")
    return text.split("## Proposals as CSV or JSON", 1)[1].split("```csv\n", 1)[1].split("```", 1)[0]


def test_every_command_of_the_tour_runs_against_the_demo_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not (ROOT / "data" / "drafts").is_dir():
        pytest.skip("the tour reads data/drafts/ of a checkout")
    (tmp_path / "data").symlink_to(ROOT / "data")
    (tmp_path / "mail.csv").write_text(readme_csv(), encoding="utf-8")
    (tmp_path / "fixes.csv").write_text("id,note,paragraph\n65,checked against the scan,OP2(b)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AMENDTRACK_DB", raising=False)
    env: dict[str, str] = {}
    runner = CliRunner()
    ran = []
    for args in tour():
        if args[0] == "export" and "=" in args[1]:  # export AMENDTRACK_DB=…: the shell line of the tour
            key, value = args[1].split("=", 1)
            env[key] = value
            continue
        assert args[0] == "amendtrack", args
        result = runner.invoke(cli, args[1:], env=env)
        assert result.exit_code == 0, (args, result.output, result.exception)
        ran.append(" ".join(args[1:3]))
    assert len(ran) >= 30 and ran[0] == "demo"
    assert env == {"AMENDTRACK_DB": "sqlite:///amendtrack-demo.db"}
    written = ["redline.html", "redline.docx", "japan.docx", "inputs.docx", "inputs.html", "japan.html", "43.html"]
    assert all((tmp_path / name).stat().st_size > 1000 for name in [*written, "july.xml", "gpa.json", "copy.db"])
    assert (tmp_path / "amendtrack-site" / "index.html").is_file()
    assert not (tmp_path / "amendtrack.db").exists()  # the tour used the demo database throughout
    shutil.rmtree(tmp_path / "amendtrack-site")
