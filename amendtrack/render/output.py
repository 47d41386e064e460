"""Writing what amendtrack renders: whole or not at all, never through a link, never over a database.

Every output file is written to a temporary file in its own folder and renamed over the target, so
a full disk or a killed process leaves the earlier file as it was (a rename replaces a symbolic link
at the target, it never writes through it). A target that is the database in use (or its -wal or
-shm file) is refused; so is any other SQLite database, unless the user says `force`. A site's pages
go under its folder only: a folder on the way that is a link is refused, and the pages an earlier
build wrote and this one did not are removed (`SiteFolder`).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from amendtrack.errors import InputError

SQLITE_MAGIC = b"SQLite format 3\x00"
MANIFEST = ".amendtrack-pages.json"  # in a site folder: the pages the last build wrote


def write_file(path: Path, data: bytes, force: bool = False, protected: Iterable[Path] = ()) -> None:
    """Write `data` to `path` atomically and durably; a one-line InputError when it cannot or must not be written."""
    _check_target(path, force, protected)
    _replace(path, data, durable=True)


def _check_target(path: Path, force: bool, protected: Iterable[Path]) -> None:
    """Refuse the database in use, any SQLite file (without `force`) and anything that is not a file."""
    try:
        target = path.resolve()
        for database in protected:
            base = database.resolve()
            if target in (base, base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")):
                raise InputError(str(path), "is the database in use: choose another output file")
        if path.is_symlink():
            return  # replaced by the rename, never written through: what it points at is not looked at
        if path.exists() and not path.is_file():
            raise InputError(str(path), "is not a file")
        if not force and path.is_file() and _starts_with(path, SQLITE_MAGIC):
            raise InputError(str(path), "is a SQLite database: refusing to overwrite it (--force to do it anyway)")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise InputError(str(path), f"cannot write: {getattr(exc, 'strerror', None) or exc}") from None


def _starts_with(path: Path, magic: bytes) -> bool:
    with path.open("rb") as file:
        return file.read(len(magic)) == magic


def _replace(path: Path, data: bytes, durable: bool = False) -> None:
    """A temporary file beside `path` (flushed to the disk when `durable`), renamed over it; removed on failure."""
    temporary = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            if durable:  # a backup must be whole on the disk before it replaces the earlier one
                file.flush()
                os.fsync(file.fileno())
        os.chmod(temporary, 0o666 & ~_UMASK)
        os.replace(temporary, path)
        temporary = None
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot write: {getattr(exc, 'strerror', None) or exc}") from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _read_umask() -> int:
    """The process's umask (read once, at import: setting it back at once is the only way to read it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


class SiteFolder:
    """The folder a site is written into: pages under it only, and the earlier build's leftovers removed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: set[str] = set()
        try:
            if root.is_symlink() or (root.exists() and not root.is_dir()):
                raise InputError(str(root), "is not a folder")
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(str(root), f"cannot write the site here: {exc.strerror or exc}") from None

    def write(self, relative: str, text: str) -> Path:
        """Write one page (a path below the folder, '/'-separated) atomically; its path."""
        target = self.root.joinpath(*relative.split("/"))
        self._folders_to(target)
        _replace(target, text.encode("utf-8"))
        self.written.add(relative)
        return target

    def _folders_to(self, target: Path) -> None:
        """Make the folders between the root and `target`, refusing one that is a link or a file."""
        folder = self.root
        for name in target.relative_to(self.root).parts[:-1]:
            folder = folder / name
            try:
                if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                    raise InputError(str(folder), "is in the way of the site's pages (a link or a file)")
                folder.mkdir(exist_ok=True)
            except OSError as exc:
                raise InputError(str(folder), f"cannot write the site here: {exc.strerror or exc}") from None

    def finish(self) -> None:
        """Remove the pages the earlier build wrote and this one did not; remember this build's pages."""
        for relative in sorted(self._earlier() - self.written):
            target = self.root.joinpath(*relative.split("/"))
            with contextlib.suppress(OSError):
                if target.is_file() or target.is_symlink():
                    target.unlink()
        _replace(self.root / MANIFEST, json.dumps(sorted(self.written), indent=0).encode("utf-8"))

    def _earlier(self) -> set[str]:
        """The pages listed by the earlier build, each a plain relative path below the folder."""
        try:
            listed = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        if not isinstance(listed, list):
            return set()
        return {p for p in listed if isinstance(p, str) and p and not p.startswith("/") and ".." not in p.split("/")}
