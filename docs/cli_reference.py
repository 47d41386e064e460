"""Write docs/cli.md: every amendtrack command with its `--help`, as the command line prints it.

Run `python docs/cli_reference.py` after changing a command or an option; tests/test_docs.py fails
while docs/cli.md differs from what this prints, and when a command or option is documented nowhere.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 100  # help is wrapped at this width, whatever the terminal, so the file is the same everywhere


def commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every command below `group`, depth first in the order `--help` lists them, with its path of names."""
    for name in group.list_commands(click.Context(group)):
        command = group.get_command(click.Context(group), name)
        if command is None or command.hidden:
            continue
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


def help_text(root: click.Group, path: tuple[str, ...], prog: str = "amendtrack") -> str:
    """The `--help` of the command at `path`, as the command line prints it, wrapped at WIDTH."""
    extra = {"terminal_width": WIDTH, "max_content_width": WIDTH}
    result = CliRunner().invoke(root, [*path, "--help"], prog_name=prog, **extra)
    assert result.exit_code == 0, result.output
    return result.output.rstrip("\n")


def reference(root: click.Group, prog: str = "amendtrack") -> str:
    """The whole command reference as Markdown: one section per command, its help verbatim."""
    parts = [
        f"# `{prog}` command reference",
        "",
        "Generated from `--help` by `python docs/cli_reference.py`; do not edit by hand.",
        "",
        f"## `{prog}`",
        "",
        "```",
        help_text(root, (), prog),
        "```",
    ]
    for path, _command in commands(root):
        parts += ["", f"## `{prog} {' '.join(path)}`", "", "```", help_text(root, path, prog), "```"]
    return "\n".join(parts) + "\n"


def main() -> None:
    sys.path.insert(0, str(ROOT))  # document the checkout's commands, not an installed copy's
    from amendtrack.cli import cli

    target = ROOT / "docs" / "cli.md"
    target.write_text(reference(cli), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
