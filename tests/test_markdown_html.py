"""The Markdown and HTML front-ends: what each rule makes of small hand-written inputs, the same
document in both formats, hostile input, and the five Paris Agreement drafts (shared/ corpus)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from amendtrack.errors import InputError
from amendtrack.read.structure.blocks import Block
from amendtrack.read.structure.html import html_blocks
from amendtrack.read.structure.markdown import markdown_blocks

PARIS = Path(__file__).parents[1] / ".." / "shared" / "corpora" / "paris-2015"
PARIS_FILES = ["01_23-oct-2015.md", "02_4-dec-2015.md", "03_9-dec-2015.md", "04_12-dec-2015.md", "05_final.md"]


def md(text: str) -> list[Block]:
    return markdown_blocks(text, "draft.md")


def htm(text: str, name: str = "draft.html") -> list[Block]:
    return html_blocks(text.encode(), name)


def texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


def shape(blocks: list[Block]) -> list[tuple[str, int, str | None, int, bool]]:
    return [(b.text, b.heading, b.number, b.depth, b.item) for b in blocks]


# --- Markdown: what is dropped ---------------------------------------------------------------------


def test_front_matter_and_link_definitions_are_dropped() -> None:
    blocks = md("---\ntitle: Draft\nedit: true\n---\n\nThe [report][ref] says.\n\n[ref]: http://example.org/r\n")
    assert texts(blocks) == ["The report says."]
    assert blocks[0].line == 6


def test_footnotes_become_the_notes_of_the_block_citing_them() -> None:
    blocks = md(
        "Edited version[^1] of [the text[^2]] and Parties[[^2]].\n\n"
        "Second[^long].\n\n"
        "[^1]: The *first* note.\n[^2]: The second.\n\n"
        "[^long]: One paragraph.\n\n    And another, [linked][r].\n\n[r]: http://x\n"
    )
    assert texts(blocks) == ["Edited version of [the text] and Parties.", "Second."]
    assert blocks[0].notes == ["The first note.", "The second.", "The second."]
    assert blocks[1].notes == ["One paragraph. And another, linked."]


def test_a_reference_to_an_undefined_footnote_leaves_the_text_and_adds_no_note() -> None:
    blocks = md("[NDMCs[^1]][INDC] in force.\n")
    assert texts(blocks) == ["[NDMCs][INDC] in force."]
    assert blocks[0].notes == []


def test_kramdown_attribute_lists_and_the_toc_placeholder_are_dropped() -> None:
    blocks = md(
        "## Draft agreement\n{:.no_toc}\n\n* TOC\n{:toc}\n\n## Preamble {: .class}\n\n"
        "The Parties,\n{: .recital}\n\n{:toc}\n\n* TOC\n"
    )
    assert shape(blocks) == [
        ("Draft agreement", 2, None, 0, False),
        ("Preamble", 2, None, 0, False),
        ("The Parties,", 0, None, 0, False),
        ("TOC", 0, None, 1, True),  # without {:toc} a list item "TOC" is text like any other
    ]


def test_thematic_breaks_and_empty_blocks_are_not_emitted() -> None:
    assert texts(md("one\n\n---\n\n***\n\n<!-- a comment -->\n\n**\n\ntwo\n")) == ["one", "two"]


# --- Markdown: inline markup --------------------------------------------------------------------------


def test_inline_markup_is_removed_and_negotiating_brackets_stay() -> None:
    blocks = md(
        "*In [furtherance][pursuit]* of **Option 1:** the `code *x*` [text](http://u) "
        '<span style="font-variant:small-caps;">[(I)NDCs][NDMC/NDMCC]</span> [shall][should] [x]\n'
    )
    assert texts(blocks) == [
        "In [furtherance][pursuit] of Option 1: the code *x* text [(I)NDCs][NDMC/NDMCC] [shall][should] [x]"
    ]


def test_escapes_breaks_and_entities() -> None:
    source = "guidance and\\ guidelines \\] \\* \\\\ US\\$100 a<br>b<br/>c  \nd\\\ne &amp; f\n"
    assert texts(md(source)) == ["guidance and guidelines ] * \\ US$100 a b c d e & f"]


def test_unmatched_asterisks_kramdown_would_take_as_markup_are_dropped() -> None:
    blocks = md(
        "**Option 3:**Building on\n\n*Consultative period\n\nArticle 24 *(RESERVATIONS) *\n\n[NDMC*][INDC] a*b\n"
    )
    assert texts(blocks) == [
        "Option 3:Building on",
        "Consultative period",
        "Article 24 (RESERVATIONS)",
        "[NDMC*][INDC] a*b",
    ]


def test_text_is_one_line() -> None:
    blocks = md("A paragraph\nover   three\n\tlines.\n")
    assert texts(blocks) == ["A paragraph over three lines."]


# --- Markdown: block structure ------------------------------------------------------------------------


def test_headings_paragraphs_and_lines() -> None:
    blocks = md("# Agreement\n\nText\nof it.\n\nArticle 2\n---------\n\n###### Small\n")
    assert [(b.text, b.heading, b.line) for b in blocks] == [
        ("Agreement", 1, 1),
        ("Text of it.", 0, 3),
        ("Article 2", 2, 6),
        ("Small", 6, 9),
    ]


def test_ordered_lists_nested_four_spaces_with_continuations() -> None:
    source = (
        "3. The purpose is:\n\n"
        "    1. To hold;\n"
        "    2. To increase;\n\n"
        "    **Option 1:** more of three.\n\n"
        "4) Each Party;\n"
    )
    assert [(b.text, b.number, b.depth, b.item, b.line) for b in md(source)] == [
        ("The purpose is:", "3", 1, True, 1),
        ("To hold;", "1", 2, True, 3),
        ("To increase;", "2", 2, True, 4),
        ("Option 1: more of three.", None, 1, False, 6),
        ("Each Party;", "4", 1, True, 8),
    ]


def test_bullets_quotes_tables_and_code() -> None:
    source = (
        "- one\n- two\n  1. nested\n\n"
        "> quoted\n>\n> again\n\n"
        "| Option | Text |\n|---|---|\n| 1 | *shall*[^1] |\n\n"
        "```\ncode  [x]  *y*\n```\n\n"
        "    indented   code\n\n"
        "[^1]: cell note\n"
    )
    assert [(b.text, b.number, b.depth, b.item, b.notes) for b in md(source)] == [
        ("one", None, 1, True, []),
        ("two", None, 1, True, []),
        ("nested", "1", 2, True, []),
        ("quoted", None, 0, False, []),
        ("again", None, 0, False, []),
        ("Option | Text", None, 0, False, []),
        ("1 | shall", None, 0, False, ["cell note"]),
        ("code [x] *y*", None, 0, False, []),
        ("indented code", None, 0, False, []),
    ]


# --- Markdown: hostile input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        ">" * 10_000 + " deep\n",
        "".join("  " * depth + "- deep\n" for depth in range(1_000)),
        "- " * 10_000 + "deep\n",
        "".join("   " * depth + "1. deep\n" for depth in range(1_000)),
        "1. " * 10_000 + "deep\n",
    ],
    ids=["quotes", "bullets", "bullets-on-one-line", "numbers", "numbers-on-one-line"],
)
def test_deep_nesting_is_one_input_error(source: str) -> None:
    with pytest.raises(InputError, match=r"^draft\.md:\d+: lists or quotes nested too deep \(more than 23 levels"):
        md(source)


def test_lists_eleven_deep_and_quotes_twenty_deep_are_read() -> None:
    lists = md("".join("    " * depth + f"1. level {depth + 1}\n" for depth in range(11)))
    assert [(b.text, b.depth, b.item) for b in lists][-1] == ("level 11", 11, True)
    assert texts(md(">" * 22 + " quoted")) == ["quoted"]


def test_long_runs_of_markup_characters_are_read() -> None:
    assert texts(md("[" * 20_000 + "x" + "]" * 20_000)) == ["[" * 20_000 + "x" + "]" * 20_000]
    assert len(md("*a **b _c " * 10_000)[0].text) > 50_000
    assert md("x[^1]" * 10_000 + "\n\n[^1]: n\n")[0].notes == ["n"] * 10_000


# --- HTML ----------------------------------------------------------------------------------------------


def test_html_blocks_headings_and_dropped_elements() -> None:
    blocks = htm(
        "<html><head><title>T</title><style>p{}</style><script>x()</script></head><body>\n"
        "<nav>Home</nav><h2>Article 1 <em>(definitions)</em></h2>\n"
        "<p>The <b>Parties</b> [shall][should]<!-- note --> act,<br>now <a href='http://x'>here</a>.</p>\n"
        "<template><p>t</p></template><noscript>n</noscript>\n"
        "<div>direct <span>text</span><p>inner</p>after</div>\n"
        "<blockquote>quoted</blockquote><pre>  code\n  [x]</pre>\n"
        "<table><tr><th>a</th><th>b</th></tr><tr><td><p>c</p><p>e</p></td><td>d<span>f</span></td></tr></table>\n"
        "</body></html>"
    )
    assert [(b.text, b.heading, b.line) for b in blocks] == [
        ("Article 1 (definitions)", 2, 2),
        ("The Parties [shall][should] act, now here.", 0, 3),
        ("direct text", 0, 5),
        ("inner", 0, 5),
        ("after", 0, 5),
        ("quoted", 0, 6),
        ("code [x]", 0, 6),
        ("a | b", 0, 8),
        ("c e | df", 0, 8),
    ]


def test_html_list_numbers_as_a_browser_shows_them() -> None:
    blocks = htm(
        "<ol><li>one<ol type='a'><li>a</li><li value='5'>e</li><li>f</li></ol></li>"
        "<li><p>two</p><p>more of two</p></li></ol>"
        "<ol start='4' type='i'><li>iv</li><li type='A'>E</li></ol>"
        "<ol start='27' type='a'><li>aa</li></ol><ol type='I' start='1999'><li>x</li></ol>"
        "<ol reversed><li>2</li><li>1</li></ol><ul><li>bullet</li></ul>"
    )
    assert [(b.text, b.number, b.depth, b.item) for b in blocks] == [
        ("one", "1", 1, True),
        ("a", "a", 2, True),
        ("e", "e", 2, True),
        ("f", "f", 2, True),
        ("two", "2", 1, True),
        ("more of two", None, 1, False),
        ("iv", "iv", 1, True),
        ("E", "E", 1, True),
        ("aa", "aa", 1, True),
        ("x", "MCMXCIX", 1, True),
        ("2", "2", 1, True),
        ("1", "1", 1, True),
        ("bullet", None, 1, True),
    ]


@pytest.mark.parametrize(
    "reference, section",
    [
        (  # markdown-it
            '<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>',
            '<section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item">'
            '<p>The <em>note</em>. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li></ol></section>',
        ),
        (  # kramdown
            '<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a></sup>',
            '<div class="footnotes"><ol><li id="fn:1"><p>The <em>note</em>.'
            '<a href="#fnref:1" class="reversefootnote">&#8617;</a></p></li></ol></div>',
        ),
        (  # Pandoc
            '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>',
            '<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr />'
            '<ol><li id="fn1"><p>The note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a>'
            "</p></li></ol></section>",
        ),
        ('<sup><a href="#fn1">1</a></sup>', '<ol class="footnotes"><li id="fn1">The note.</li></ol>'),
    ],
    ids=["markdown-it", "kramdown", "pandoc", "bare"],
)
def test_html_footnotes_move_to_notes(reference: str, section: str) -> None:
    blocks = htm(f"<p>Parties[{reference}] act{reference}.</p><p>Next</p>{section}")
    assert [(b.text, b.notes) for b in blocks] == [("Parties act.", ["The note.", "The note."]), ("Next", [])]


def test_html_superscripts_and_links_that_cite_no_note_stay_text() -> None:
    blocks = htm('<p>CO<sub>2</sub> 5<sup>th</sup> see <a href="#art4">Article 4</a></p>')
    assert texts(blocks) == ["CO2 5th see Article 4"]


def test_xhtml_is_read_as_xml_without_its_dtd() -> None:
    source = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>\n'
        "<h1>Agreement</h1>\n<p>a&nbsp;b &eacute; &amp; <!-- c -->z</p>\n"
        "<ol><li>one</li></ol>\n</body></html>"
    )
    assert [(b.text, b.heading, b.number, b.line) for b in htm(source, "draft.xhtml")] == [
        ("Agreement", 1, None, 4),
        ("a b é & z", 0, None, 5),
        ("one", 0, "1", 6),
    ]


def test_xhtml_declaring_entities_is_refused_xxe_and_billion_laughs() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    for doctype in ('<!ENTITY xxe SYSTEM "file:///etc/passwd">', '<!ENTITY l0 "lol">' + laughs):
        source = f'<?xml version="1.0"?><!DOCTYPE html [{doctype}]><html><body><p>&xxe;&l9;</p></body></html>'
        # refused by us (the DOCTYPE declares entities) or by libxml2 first (entity amplification)
        with pytest.raises(InputError, match=r"draft\.xhtml:.*(declares entities|amplification)"):
            htm(source.replace("&xxe;" if "l9" in doctype else "&l9;", ""), "draft.xhtml")


def test_html_with_a_doctype_entity_is_read_without_expanding_it() -> None:
    source = '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><p>a &xxe; b</p>'
    assert "root:" not in " ".join(texts(htm(source)))


@pytest.mark.parametrize("name", ["draft.html", "draft.xhtml"])
def test_html_nested_too_deep_is_one_input_error(name: str) -> None:
    body = "<div>" * 10_000 + "x" + "</div>" * 10_000
    with pytest.raises(InputError, match=r"draft\.x?html:1: .*elements nested more than 255 deep$"):
        htm(f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>', name)


def test_malformed_xhtml_is_one_input_error_naming_the_line() -> None:
    with pytest.raises(InputError, match=r"draft\.xhtml:2: not well-formed XHTML"):
        htm("<html>\n<p>unclosed</html>", "draft.xhtml")


def test_empty_html_has_no_blocks() -> None:
    assert htm("") == [] and htm("  \n") == [] and htm("<html><body></body></html>") == []
    assert htm(" ", "draft.xhtml") == []


def test_html_encodings() -> None:
    assert texts(html_blocks("<meta charset='iso-8859-1'><p>café</p>".encode("latin-1"), "d.html")) == ["café"]
    assert texts(html_blocks("<p>café – [x]</p>".encode(), "d.html")) == ["café – [x]"]


# --- The same document in both formats ---------------------------------------------------------------

SAME_MD = """# Draft agreement

## Article 1

1. The purpose of this Agreement[^1] is:

    1. To hold *the* increase;
    2. To increase **the** [ability][capacity].

2. Each Party shall [prepare][communicate].

    Continuation of two.

- bullet one
- bullet two

> Quoted paragraph.

[^1]: As in Article 2.
"""

SAME_HTML = """<html><body>
<h1>Draft agreement</h1>
<h2>Article 1</h2>
<ol>
<li><p>The purpose of this Agreement<sup><a href="#fn1">1</a></sup> is:</p>
  <ol type="a"><li>To hold <em>the</em> increase;</li>
  <li>To increase <strong>the</strong> [ability][capacity].</li></ol>
</li>
<li><p>Each Party shall [prepare][communicate].</p><p>Continuation of two.</p></li>
</ol>
<ul><li>bullet one</li><li>bullet two</li></ul>
<blockquote><p>Quoted paragraph.</p></blockquote>
<section class="footnotes"><ol><li id="fn1"><p>As in Article 2.</p></li></ol></section>
</body></html>
"""


def test_the_same_document_as_markdown_and_as_html_gives_the_same_blocks() -> None:
    """Everything but the numbers of the nested list compares: Markdown has no lettered lists, so its
    nested items are typed "1.", "2." (number "1", "2") where HTML's type="a" shows "a", "b"."""

    def comparable(blocks: list[Block]) -> list[tuple[object, ...]]:
        return [
            (b.text, b.heading > 0, b.number if b.depth < 2 else b.number is not None, b.depth, b.item, b.notes)
            for b in blocks
        ]

    from_md, from_html = md(SAME_MD), htm(SAME_HTML)
    assert comparable(from_md) == comparable(from_html)
    assert [b.number for b in from_md if b.depth == 2] == ["1", "2"]
    assert [b.number for b in from_html if b.depth == 2] == ["a", "b"]
    assert len(from_md) == 10


# --- The Paris Agreement drafts ------------------------------------------------------------------------

SYNTAX = [
    ("**", re.compile(r"\*\*")),
    ("a heading's #", re.compile(r"^#{1,6} ")),  # 9 Dec writes "their ### at their discretion": a placeholder
    ("a leading *", re.compile(r"^\*")),
    ("[^", re.compile(r"\[\^")),
    ("]: http", re.compile(r"\]: ?http")),
    ("{:", re.compile(r"\{:")),
    ("<span", re.compile(r"<span")),
    ("a link's URL", re.compile(r"https?://")),
]


@pytest.fixture(scope="module")
def paris() -> dict[str, tuple[list[str], list[Block]]]:
    if not PARIS.is_dir():
        pytest.skip(f"the Paris Agreement corpus is not at {PARIS.resolve()} (shared/ is not beside this checkout)")
    found = {}
    for name in PARIS_FILES:
        text = (PARIS / name).read_text(encoding="utf-8")
        found[name] = (text.splitlines(), markdown_blocks(text, name))
    return found


@pytest.mark.parametrize("name", PARIS_FILES)
def test_paris_blocks_hold_no_markdown_syntax(paris: dict[str, tuple[list[str], list[Block]]], name: str) -> None:
    lines, blocks = paris[name]
    assert len(blocks) > 200
    for block in blocks:
        for what, pattern in SYNTAX:
            if what == "a leading *" and lines[block.line - 1].lstrip().startswith("\\*"):
                continue  # "\* without prejudice…": the transcribers escaped the document's own asterisk
            assert not pattern.search(block.text), f"{name}:{block.line} holds {what}: {block.text[:80]}"


@pytest.mark.parametrize("name", PARIS_FILES)
def test_paris_front_matter_links_and_toc_are_absent(
    paris: dict[str, tuple[list[str], list[Block]]], name: str
) -> None:
    lines, blocks = paris[name]
    end = lines.index("---", 1)  # the front matter's closing line
    assert all(block.line > end + 1 for block in blocks)
    all_text = [block.text for block in blocks]
    assert "TOC" not in all_text
    assert not any(text.startswith(("title:", "edit:")) for text in all_text)


@pytest.mark.parametrize("name", PARIS_FILES)
def test_paris_every_article_heading_is_a_level_two_block(
    paris: dict[str, tuple[list[str], list[Block]]], name: str
) -> None:
    lines, blocks = paris[name]
    by_line = {block.line: block for block in blocks}
    articles = [number for number, line in enumerate(lines, 1) if line.startswith("## Article")]
    assert len(articles) >= 20
    for number in articles:
        assert by_line[number].heading == 2 and by_line[number].text.startswith("Article"), lines[number - 1]


def test_paris_footnotes_arrive_as_notes(paris: dict[str, tuple[list[str], list[Block]]]) -> None:
    _, blocks = paris["01_23-oct-2015.md"]
    cited = {block.text: block.notes for block in blocks if block.notes}
    assert cited["Edited version of 6 November 2015"] == [
        "The version of 23 October 2015@23:30 has been edited and the paragraph numbering as well as the "
        "cross-references have been updated. Also includes the technical cross-referencing corrections of "
        "the 10 November."
    ]
    assert sum(len(notes) for notes in cited.values()) == 12  # [^1] … [^12], each cited once
    support = next(text for text in cited if text.startswith("Assessment of the adequacy of support"))
    assert "developed country Parties to developing country Parties and" in support  # "Parties[[^9]] to"
    assert len(cited[support]) == 2

    _, blocks = paris["02_4-dec-2015.md"]
    notes = [note for block in blocks for note in block.notes]
    assert any(note.startswith("Potential elements of elaboration of the option: Approval by the") for note in notes)
    assert not any(note.startswith("This version took") for note in notes)  # [^0] is cited nowhere


def test_paris_lettered_sub_paragraphs_are_nested_items(paris: dict[str, tuple[list[str], list[Block]]]) -> None:
    lines, blocks = paris["05_final.md"]
    purpose = next(i for i, block in enumerate(blocks) if block.text.startswith("This Agreement, in enhancing"))
    assert (blocks[purpose].number, blocks[purpose].depth, blocks[purpose].item) == ("1", 1, True)
    subs = blocks[purpose + 1 : purpose + 4]
    assert [(b.number, b.depth, b.item) for b in subs] == [("1", 2, True), ("2", 2, True), ("3", 2, True)]
    assert subs[0].text.startswith("Holding the increase in the global average temperature")
    preamble = next(block for block in blocks if block.text.startswith("Being Parties to the United Nations"))
    assert (preamble.heading, preamble.depth, preamble.item) == (0, 0, False)


def test_a_paragraph_all_in_bold_is_a_caption_standing_alone() -> None:
    from amendtrack.read.structure import read_blocks

    text = "## Article 1\n\n1. Parties shall report.\n\n    **Response measures**\n\n2. Parties shall cooperate.\n"
    blocks = markdown_blocks(text, "t.md")
    assert [(b.text, b.heading) for b in blocks][1:3] == [("Parties shall report.", 0), ("Response measures", 6)]
    draft = read_blocks(blocks + markdown_blocks("## Article 2\n\n1. More.\n", "t.md"), "t.md")
    assert draft.find("1.1").text == "Parties shall report."  # the caption is not glued to the paragraph before
    assert [c.text for c in draft.find("Article 1").children if c.kind == "chapeau"] == ["Response measures"]


def test_a_decisions_title_block_is_its_preface_and_its_sections_number_afresh() -> None:
    """A decision in Markdown read as a resolution or report: the title block before its first section is the
    preface (not paragraphs given numbers of their own), and paragraphs numbered afresh in each section are
    labelled by it."""
    from amendtrack.read.structure import read_blocks

    text = (
        "# Draft decision -/COP.10\n\nImplementation of the Protocol\n\n## I. General\n\n"
        "1. Welcomes the report of the Working Group;\n\n2. Decides to continue its work;\n\n"
        "## II. Prevention\n\n1. Urges States parties to prevent trafficking in persons;\n\n"
        "2. Encourages States parties to raise awareness.\n"
    )
    draft = read_blocks(markdown_blocks(text, "d.md"), "d.md")
    assert draft.preface == ["Draft decision -/COP.10", "Implementation of the Protocol"]
    assert [n.label for n, _ in draft.walk()] == ["I", "I.1", "I.2", "II", "II.1", "II.2"]
    assert draft.find("II.1").text == "Urges States parties to prevent trafficking in persons;"


def test_sentences_before_the_first_numbered_paragraph_are_paragraphs_not_the_title_block() -> None:
    """A chair's text whose unnumbered paragraphs come before its numbered list: only the heading is the title
    block; the sentences stay paragraphs, so a change to them is seen (found by the review helper)."""
    from amendtrack.read.structure import read_blocks

    text = (
        "# Chair's proposal for the way forward\n\nThe Chair thanks delegations for their constructive engagement.\n\n"
        "The Chair therefore proposes the following steps:\n\n1. Informal consultations on 10 May.\n\n"
        "2. Adoption of the draft resolution on 17 May.\n"
    )
    draft = read_blocks(markdown_blocks(text, "c.md"), "c.md")
    assert draft.preface == ["Chair's proposal for the way forward"]
    texts = [n.text for n, _ in draft.walk()]
    assert texts[:2] == ["The Chair thanks delegations for their constructive engagement.", texts[1]]
    assert texts[1].startswith("The Chair therefore proposes")


def test_a_section_heading_below_the_title_level_is_not_part_of_the_title_block() -> None:
    """'# Draft decision' then '## General' and its paragraphs: the section heading stays in the body, so a
    section added before it is seen as new and 'General' as kept (found by the second review)."""
    from amendtrack.read.structure import read_blocks

    text = "# Draft decision\n\n## General\n\n1. Welcomes the report;\n\n## Prevention\n\n2. Urges States to act.\n"
    draft = read_blocks(markdown_blocks(text, "d.md"), "d.md")
    assert draft.preface == ["Draft decision"]
    assert [n.text for n, _ in draft.walk()][0] == "General"
