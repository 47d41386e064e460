"""Where things are: the packaged templates and sample data (installed or in a source checkout),
the default database and the demo's outputs.

`pip install .` copies the top-level `templates/` and `data/` folders into the package
(`amendtrack/templates`, `amendtrack/sample_data`, see setup.cfg); a source checkout keeps
them beside the package. Both layouts are looked up, the installed one first.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent

DEFAULT_URL = "sqlite:///amendtrack.db"
ENV_VAR = "AMENDTRACK_DB"  # the database URL when --db is not given
DEMO_DB_NAME = "amendtrack-demo.db"
SITE_FOLDER = "amendtrack-site"


def _locate(package_dir: Path, installed_name: str, checkout_name: str) -> Path:
    """The installed folder `package_dir/installed_name`, else the checkout's `../checkout_name`."""
    for candidate in (package_dir / installed_name, package_dir.parent / checkout_name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"amendtrack resource folder not found: neither {package_dir / installed_name} "
        f"nor {package_dir.parent / checkout_name} exists (reinstall amendtrack)"
    )


def templates_dir() -> Path:
    """The folder of Jinja2 templates (contains base.html)."""
    return _locate(_PACKAGE_DIR, "templates", "templates")


def sample_data_dir() -> Path:
    """The sample data folder; `sample_data_dir() / "drafts"` holds one folder per negotiation."""
    return _locate(_PACKAGE_DIR, "sample_data", "data")


def sample_negotiations() -> list[Path]:
    """Every sample negotiation folder (those with a manifest.toml), sorted by name."""
    drafts = sample_data_dir() / "drafts"
    return sorted(p for p in drafts.iterdir() if (p / "manifest.toml").is_file())
