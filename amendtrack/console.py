"""How the command line talks: the library loaded when a command needs it, the options commands share,
printing, output files written whole, and every error as one line with exit status 1.

`cli.py` holds the commands; this is what they are made with. Nothing here imports the library at
import time (`--help` loads no SQLAlchemy, Jinja2 or lxml).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from amendtrack.errors import InputError, database_errors, one_line, printable

F = TypeVar("F", bound=Callable[..., Any])


class Library:
    """A library module, imported when a command first uses it: `--help` loads no SQLAlchemy, Jinja2 or lxml."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)


api = Library("amendtrack.api")
standalone = Library("amendtrack.standalone")
terminal = Library("amendtrack.render.terminal")
html = Library("amendtrack.render.html")
across = Library("amendtrack.render.across")
docx = Library("amendtrack.render.docx")
output = Library("amendtrack.render.output")


def fail(message: str) -> None:
    click.echo(f"amendtrack: error: {message}", err=True)
    sys.exit(1)


class FilePath(click.Path):
    """A path on the command line; one with a NUL (no file can have it) is refused in one line."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\x00" in value:
            self.fail(f"{printable(value)!r} holds a NUL, which no file name can", param, ctx)
        return super().convert(value, param, ctx)


def file_option(flag: str, help: str, **extra: Any) -> Callable[[F], F]:
    """An option naming a file to write (or read): `--html FILE`, `--docx FILE`, `--out FILE`."""
    name = flag.lstrip("-").replace("-", "_") + ("_file" if flag in ("--html", "--docx") else "")
    return click.option(flag, name, type=FilePath(dir_okay=False, path_type=Path), help=help, **extra)


def json_option(what: str) -> Callable[[F], F]:
    return click.option("--json", "as_json", is_flag=True, help=f"Print {what} as JSON.")


def folder_option(default: str, help: str) -> Callable[[F], F]:
    """`--out FOLDER`, made when missing."""
    folder = FilePath(file_okay=False, path_type=Path)
    return click.option("--out", type=folder, default=Path(default), show_default=True, help=help)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def echo_lines(lines: Iterable[str], err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


def write_file(path: Path, data: bytes, quiet: bool = False, database: bool = True) -> None:
    """Write an output file whole, never over the database in use (over another SQLite file only with --force).

    `database=False`: a command that uses no database (`compare`) does not load the library that finds it."""
    force = bool(click.get_current_context().params.get("force"))
    output.write_file(path, data, force=force, protected=api.database_files(db()) if database else ())
    click.echo(printable(f"wrote {path}"), err=quiet)


force_option = click.option("--force", is_flag=True, help="Write over an output file that is a SQLite database.")


def db() -> str | None:
    """The database URL of this run: --db, else $AMENDTRACK_DB (None: the library's default)."""
    return click.get_current_context().find_root().params["db"]


class Commands(click.Group):
    """The command group; a wrong option or argument, too, is one line on stderr and exit status 1."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False  # click's errors come here instead of its usage message and exit 2
        try:
            return super().main(*args, **kwargs)
        except (InputError, *database_errors()) as exc:
            fail(one_line(exc))
        except click.exceptions.Abort:
            fail("aborted")
        except click.ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
            fail(" ".join(exc.format_message().split()) + hint)


delegation_option = click.option("--delegation", required=True, metavar="NAME", help="Any of its names: USA, US.")
