"""Escaping: text from delegations and documents never runs in an HTML output; DOCX and AKN carry it as text.

The payloads (<script>, "><img onerror>, javascript: links, </style> breaks, CSS url(javascript:)) go
through every way data enters amendtrack: a negotiation's title, draft labels, preface lines, paragraph
labels, printed numbers, texts, markers and brackets (drafts imported as Akoma Ntoso, which carries
arbitrary labels), proposals' texts, rationales, verbatim inputs and new paragraph labels (a JSON
inputs file), and delegation names.

Delegation names: the registry only resolves real delegations, and a CSV/JSON `delegation` cell
splits co-sponsors at ";" (so the CSS payload, which holds ";", cannot be a name). The test adds
delegations named by the other payloads to the registry (amendtrack.model.delegation._packaged_registry is
patched), so the names travel the whole way: resolution, store, reports, file names and pages.

Everything is rendered (the static site by `build_site`; `diff --html`, `report --html`, `history --html`,
`compile --html` by the CLI), checked statically with lxml, then opened in headless Chromium (Playwright
driving /usr/bin/chromium): no dialog fires, no injected element or attribute exists, no console error,
and every payload shows as text. `diff --docx`, `compile --docx`, `apply --docx` and `export akn` are
parsed as XML: well-formed, the payloads in their text, no markup made of them.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from lxml import etree

from amendtrack.api import build_site
from amendtrack.cli import cli
from amendtrack.model import delegation
from amendtrack.model.delegation import DATA_FILE, Registry
from amendtrack.model.tree import Bracket, Draft, Marker, Paragraph
from amendtrack.read.akn import AKN_NS, validate
from amendtrack.render.akn import draft_to_akn

CHROMIUM = "/usr/bin/chromium"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
JS_LINK = "javascript:alert(3)"
STYLE_BREAK = "</style><script>alert(4)</script>"
CSS = "x;background:url(javascript:alert(5))"
SVG = "'><svg/onload=alert(6)>"
PAYLOADS = (SCRIPT, IMG, JS_LINK, STYLE_BREAK, CSS, SVG)
NAMES = (SCRIPT, IMG, JS_LINK, STYLE_BREAK, SVG)  # delegation names: every payload but the one with ";"


def registry_with_payload_names() -> Registry:
    """The packaged registry plus one member state named by each payload."""
    from importlib import resources

    text = resources.files("amendtrack.model").joinpath(DATA_FILE).read_text(encoding="utf-8")
    extra = "".join(f'\n[[delegation]]\nname = {json.dumps(name)}\nkind = "member_state"\n' for name in NAMES)
    return Registry.from_toml(text + extra, DATA_FILE)


def first_draft() -> Draft:
    """A draft whose every field a reader fills from the document carries a payload."""
    return Draft(
        preface=[SCRIPT, CSS],
        paragraphs=[
            Paragraph(
                "PP1",
                "preamble",
                f"Recalling the Charter {SCRIPT} and {IMG},",
                "pp_1",
                num=IMG,
                markers=[Marker("note", STYLE_BREAK), Marker("formerly", f"[Formerly {JS_LINK}]", JS_LINK)],
                brackets=[Bracket(0, 9, CSS, [CSS, SVG])],
            ),
            Paragraph(JS_LINK, "preamble", f"Reaffirming {CSS} and {SVG},", "pp_js", num=JS_LINK),
            Paragraph(
                "I",
                "heading",
                f"Prevention {STYLE_BREAK}",
                "sec_I",
                num="I.",
                children=[
                    Paragraph(
                        "1",
                        "operative",
                        f"Urges Member States to protect victims {JS_LINK} {SVG};",
                        "para_1",
                        num="1.",
                        markers=[Marker("footnote", SCRIPT, "1")],
                    ),
                    Paragraph("2", "operative", f"Requests a report {CSS}.", "para_2", num=f"2.{SCRIPT}"),
                ],
            ),
        ],
        source="first.xml",
    )


def second_draft() -> Draft:
    """The next draft: reworded with payloads, so redlines insert and delete them."""
    draft = first_draft()
    pp1, js, heading = draft.paragraphs
    pp1.text = f"Recalling the Charter {IMG} and {STYLE_BREAK},"
    js.text = f"Reaffirming {SCRIPT} and {SVG} and {CSS},"
    heading.children[0].text = f"Urges Member States to protect all victims {IMG};"
    heading.children[1].markers = [Marker("merged", f"[Merged with paragraph {SCRIPT}]", SCRIPT)]
    return draft


INPUTS = [
    {"delegation": SCRIPT, "paragraph": "PP1", "operation": "redraft", "text": f"Recalling {IMG} {CSS}"},
    {"delegation": [IMG, JS_LINK], "paragraph": "1", "operation": "insert", "anchor": "Member States", "text": SVG},
    {"delegation": STYLE_BREAK, "paragraph": "1", "operation": "comment", "rationale": f"{SCRIPT} {CSS} {JS_LINK}"},
    {"delegation": SVG, "paragraph": "PP1", "operation": "replace", "old": "Recalling", "text": STYLE_BREAK},
    {"delegation": "Japan", "paragraph": IMG, "operation": "new_paragraph", "anchor": "PP1", "text": f"New {SCRIPT}"},
    {"delegation": "Norway", "paragraph": "2", "operation": "delete", "rationale": f"{CSS} {SVG}"},
]


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Import the payload negotiation and write every output: site pages, CLI HTML, DOCX and AKN files."""
    patch = pytest.MonkeyPatch()
    patch.setattr(delegation, "_packaged_registry", registry_with_payload_names)
    try:
        root = tmp_path_factory.mktemp("xss")
        folder = root / "xss"
        folder.mkdir()
        (folder / "01-first.xml").write_bytes(draft_to_akn(first_draft(), "xss", "first", IMG, "2010-04-16"))
        (folder / "02-inputs.json").write_text(json.dumps(INPUTS, ensure_ascii=False), encoding="utf-8")
        (folder / "03-second.xml").write_bytes(draft_to_akn(second_draft(), "xss", "second", SCRIPT, "2010-07-19"))
        documents = [
            ("first", f"First {IMG}", "draft", "01-first.xml"),
            ("inputs", f"Inputs {SCRIPT}", "inputs", "02-inputs.json"),
            ("second", STYLE_BREAK, "draft", "03-second.xml"),
        ]
        manifest = f'[negotiation]\nid = "xss"\ntitle = {json.dumps(f"Title {SCRIPT} {IMG} {CSS}")}\n'
        for key, label, kind, file in documents:
            manifest += (
                f'\n[[documents]]\nid = "{key}"\nlabel = {json.dumps(label)}\nkind = "{kind}"\nfile = "{file}"\n'
            )
        (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
        url = f"sqlite:///{root / 'xss.db'}"
        invoke("--db", url, "import", str(folder))
        out = root / "out"
        build_site(url, out / "site")
        files = {"redline.html": out / "redline.html", "report.html": out / "report.html"}
        invoke("--db", url, "diff", "xss", "first", "second", "--html", str(files["redline.html"]))
        invoke("--db", url, "report", "xss", "--delegation", SCRIPT, "--html", str(files["report.html"]))
        files["history.html"] = out / "history.html"
        invoke("--db", url, "history", "xss", "PP1", "--html", str(files["history.html"]))
        files["compile.html"], files["compile.docx"] = out / "compile.html", out / "compile.docx"
        invoke("--db", url, "compile", "xss", "first", "--with-disposition", "--html", str(files["compile.html"]))
        invoke("--db", url, "compile", "xss", "first", "--docx", str(files["compile.docx"]))
        files["redline.docx"], files["apply.docx"] = out / "redline.docx", out / "apply.docx"
        invoke("--db", url, "diff", "xss", "first", "second", "--docx", str(files["redline.docx"]))
        invoke("--db", url, "apply", "xss", "first", "--delegation", IMG, "--docx", str(files["apply.docx"]))
        for key in ("first", "second"):
            files[f"{key}.xml"] = out / f"{key}.xml"
            invoke("--db", url, "export", "akn", "xss", key, "--out", str(files[f"{key}.xml"]))
        for page in sorted((out / "site").rglob("*.html")):
            files[f"site/{page.relative_to(out / 'site')}"] = page
        return files
    finally:
        patch.undo()


def html_pages(outputs: dict[str, Path]) -> dict[str, Path]:
    return {name: path for name, path in outputs.items() if name.endswith(".html")}


def test_every_kind_of_page_is_rendered(outputs: dict[str, Path]) -> None:
    names = set(html_pages(outputs))
    for kind in ("index", "redline-", "compilation-", "delegation-", "paragraph-", "dashboard"):
        assert any(kind in name for name in names if name.startswith("site/")), kind
    delegation_pages = [name for name in names if "/delegation-" in name]
    assert len(delegation_pages) >= len(NAMES) + 2  # the payload names have pages of their own (and Japan, Norway)


def test_html_outputs_escape_every_payload(outputs: dict[str, Path]) -> None:
    """Statically: no element, attribute, link or style made of data; every payload present as text."""
    shown: set[str] = set()
    for name, path in html_pages(outputs).items():
        source = path.read_text(encoding="utf-8")
        tree = lxml.html.fromstring(source)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            assert element.tag not in ("img", "iframe", "object", "embed"), (name, element.tag)  # svg: the charts
            for attribute, value in element.attrib.items():
                assert not attribute.startswith("on"), (name, element.tag, attribute)
                if attribute in ("href", "src", "action", "style"):
                    assert "javascript:" not in value.replace(" ", "").lower(), (name, attribute, value)
            if element.tag == "script":
                assert element.get("src") in (None, "search-index.js", "minisearch.js"), (name, element.get("src"))
                assert "alert(" not in (element.text or ""), name
            if element.tag == "style":
                assert "alert(" not in (element.text or "") and "javascript" not in (element.text or ""), name
        text = tree.text_content()
        shown.update(payload for payload in PAYLOADS if payload in text)
    assert shown == set(PAYLOADS)
    index = (outputs["site/index.html"].parent / "search-index.js").read_text(encoding="utf-8")
    assert "<" not in index and "\\u003cscript>alert(1)\\u003c/script>" in index  # no text can close the script


@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed")
def test_no_payload_runs_in_headless_chromium(outputs: dict[str, Path]) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    pages = html_pages(outputs)
    dialogs: list[str] = []
    problems: list[str] = []
    injected: dict[str, dict] = {}
    check = """() => ({
        images: document.querySelectorAll('img[src="x"], img').length,
        svgs: document.querySelectorAll('svg[onload]').length,
        handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
            .filter(n => n.startsWith('on')).length,
        links: [...document.querySelectorAll('a[href]')].filter(a => a.protocol === 'javascript:').length,
        scripts: [...document.scripts].map(s => s.src ? s.src.split('/').pop() : 'inline')
            .filter(s => s !== 'inline' && s !== 'search-index.js' && s !== 'minisearch.js'),
        inlineAlerts: [...document.scripts].filter(s => s.textContent.includes('alert(')).length,
        cssUrls: [...document.querySelectorAll('*')].map(e => getComputedStyle(e).backgroundImage)
            .filter(b => b.includes('javascript')).length,
        text: document.body.innerText,
    })"""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        shown: set[str] = set()
        for name, path in pages.items():
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            found = page.evaluate(check)
            text = found.pop("text")
            shown.update(payload for payload in PAYLOADS if payload in text)
            if any(found.values()):
                injected[name] = found
        page.goto(pages["site/index.html"].as_uri())  # the search renders index entries: as text too
        page.fill("#search", "alert")
        page.wait_for_selector("#results li")
        results = page.inner_text("#results")
        assert SCRIPT in results and page.evaluate(check)["images"] == 0
        browser.close()
    assert dialogs == []
    assert injected == {}
    assert problems == []
    assert shown == set(PAYLOADS)


def xml_texts(data: bytes) -> tuple[etree._Element, str]:
    """A well-formed XML document and all of its text."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    return root, "".join(root.itertext())


@pytest.mark.parametrize("name", ["compile.docx", "redline.docx", "apply.docx"])
def test_docx_outputs_carry_the_payloads_as_text(outputs: dict[str, Path], name: str) -> None:
    with zipfile.ZipFile(outputs[name]) as archive:
        parts = {n: archive.read(n) for n in archive.namelist() if n.endswith((".xml", ".rels"))}
    text = ""
    for part, data in parts.items():
        root, part_text = xml_texts(data)  # every part is well-formed XML
        text += part_text
        elements = [etree.QName(e) for e in root.iter() if isinstance(e.tag, str)]
        assert all(q.namespace for q in elements), (name, part)  # "<script>" made markup would have none
        assert not {q.localname for q in elements} & {"script", "img", "svg"}, (name, part)
    assert SCRIPT in text and IMG in text
    if name != "apply.docx":
        assert STYLE_BREAK in text and CSS in text


@pytest.mark.parametrize("name", ["first.xml", "second.xml"])
def test_akn_output_carries_the_payloads_as_text(outputs: dict[str, Path], name: str) -> None:
    data = outputs[name].read_bytes()
    assert validate(data) == []
    root, text = xml_texts(data)
    assert {etree.QName(e).namespace for e in root.iter() if isinstance(e.tag, str)} <= {
        AKN_NS,
        "urn:amendtrack:akn:1",
    }
    for payload in PAYLOADS:
        assert payload in text or any(payload in value for e in root.iter() for value in e.attrib.values()), payload
