"""Packaged folders: templates and sample data are found, installed or from a checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, select_autoescape

from amendtrack.resources import _locate, sample_data_dir, sample_negotiations, templates_dir


def test_base_template_renders_escaped() -> None:
    env = Environment(loader=FileSystemLoader(templates_dir()), autoescape=select_autoescape(["html"]))
    child = env.from_string('{% extends "base.html" %}{% block content %}<p>{{ text }}</p>{% endblock %}')
    html = child.render(title="Draft <1>", text="[a] & <b>")
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Draft &lt;1&gt;</title>" in html
    assert "<p>[a] &amp; &lt;b&gt;</p>" in html


def test_sample_data_has_every_negotiation_and_its_files() -> None:
    folders = sample_negotiations()
    assert [p.name for p in folders] == ["gpa-2010", "wg-tip-2015", "wg-tip-2019"]
    assert all(p.parent == sample_data_dir() / "drafts" for p in folders)
    names = {p.name for p in (sample_data_dir() / "drafts" / "gpa-2010").iterdir()}
    assert {"manifest.toml", "01-first-draft.txt", "02-table-of-inputs-on-first-draft.txt"} <= names


def test_found_from_another_working_directory(tmp_path: Path) -> None:
    code = "from amendtrack.resources import *; print(templates_dir()); print(sample_data_dir())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    templates, data = map(Path, done.stdout.splitlines())
    assert (templates / "base.html").is_file()
    assert (data / "drafts" / "wg-tip-2019" / "manifest.toml").is_file()


def test_installed_layout_wins_over_checkout_layout(tmp_path: Path) -> None:
    package = tmp_path / "amendtrack"
    (tmp_path / "data").mkdir(parents=True)
    package.mkdir()
    assert _locate(package, "sample_data", "data") == tmp_path / "data"  # source checkout
    (package / "sample_data").mkdir()
    assert _locate(package, "sample_data", "data") == package / "sample_data"  # installed
    with pytest.raises(FileNotFoundError, match="reinstall amendtrack"):
        _locate(package, "templates", "templates")
