"""Reading inputs: one proposal per instruction, restatements named by the change they make (hand-written cases)."""

from __future__ import annotations

from amendtrack.model.delegation import Registry
from amendtrack.read.compilation import read_compilation_text
from amendtrack.read.structure import read_text

BASE = read_text(
    "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
    "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n",
    "base.txt",
)


def read(rows: str) -> list:
    return read_compilation_text(rows, BASE, Registry.load())


def read_on(base_text: str, rows: str) -> list:
    """The proposals read from `rows` on a base draft of its own."""
    return read_compilation_text(rows, read_text(base_text, "base.txt"), Registry.load())


SECTION_BASE = (  # a section heading and the first paragraph under it, which share a row of the compilation
    "III. Prosecuting crimes of trafficking in persons\n\n"
    "1. Ensuring the effective implementation of the Convention by criminalizing trafficking in persons.\n"
)
SECTION_ROW = SECTION_BASE.replace("\n\n", "\n") + "\n"
THAILAND_DELETES = (  # two rows where one delegation asks a deletion, as Thailand does in nearly every GPA row
    "1. Encourage States to cooperate.\n\nThailand: delete\n\n"
    "2. Ensure that victims are assisted.\n\nThailand: delete\n\n"
)


def by_delegation(rows: str) -> dict:
    """The proposals read from `rows`, by their first delegation (one each)."""
    return {p.delegations[0]: p for p in read(rows)}


def test_an_input_that_gives_two_instructions_is_two_proposals() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        'Japan: Add after "cooperate" ", where appropriate,". Change "human trafficking" to "trafficking in persons".\n'
    )
    assert [(p.operation, p.delegations) for p in found] == [("insert", ["Japan"]), ("replace", ["Japan"])]
    assert found[0].edits[0].new == ", where appropriate,"  # no instruction left inside the words
    assert (found[1].edits[0].old, found[1].edits[0].new) == ("human trafficking", "trafficking in persons")


def test_a_restatement_is_named_by_the_change_it_makes() -> None:
    found = read(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "EU: Ensure that trafficked victims of all ages are not unduly penalized for acts they were compelled to "
        "commit.\n\n"
        "USA: Ensure that victims are not penalized for acts they were compelled to commit.\n\n"
        "Canada: Ensure that persons identified as victims by the authorities are never detained, and not "
        "prosecuted or punished for unlawful acts committed as a direct consequence of their situation.\n"
    )
    kinds = {p.delegations[0]: p.operation for p in found}
    assert kinds == {"EU": "insert", "USA": "delete", "Canada": "redraft"}


def test_instructions_run_together_after_quotes_are_separate_proposals() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        'USA: After "cooperate" add "closely" delete "and to share information" and change "States" to '
        '"Member States"\n'
    )
    assert [p.operation for p in found] == ["insert", "delete", "insert"]  # 'States' → 'Member States' puts a word in
    assert [e.new or e.old for p in found for e in p.edits] == ["closely", "and to share information", "Member States"]


def test_words_carried_on_from_a_place_in_the_paragraph_are_an_insertion_there() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Belarus: ... prevention of human trafficking by elaborating guidelines and training courses\n"
    )
    assert [(p.operation, p.edits[0].anchor, p.edits[0].new) for p in found] == [
        ("insert", "prevention of human trafficking", "by elaborating guidelines and training courses")
    ]
    assert found[0].resulting_text.startswith("Encourage States to cooperate in the prevention of human trafficking by")


def test_a_deletion_that_folds_the_paragraph_into_another_is_a_merge_and_debris_is_no_input() -> None:
    found = read(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "Canada: delete (streamlined with OP1)\n\n"
        "Thailand: delete\nT\n"
    )
    assert [(p.delegations[0], p.operation, p.related) for p in found] == [
        ("Canada", "merge", ["1"]),
        ("Thailand", "delete", []),
    ]


def test_proposals_to_bracket_or_unbracket_words_are_read_and_judged_as_such() -> None:
    from amendtrack.compare.align import align
    from amendtrack.compare.disposition import Disposer

    base = read_text(
        "1. Encourage States to cooperate in the prevention of [human] trafficking and to share information.\n",
        "base.txt",
    )
    found = read_compilation_text(
        "1. Encourage States to cooperate in the prevention of [human] trafficking and to share information.\n\n"
        'Japan: Bracket "to share information"\n\n'
        'USA: Remove the brackets around "human"\n',
        base,
        Registry.load(),
    )
    assert [(p.delegations[0], p.operation, p.bracketing) for p in found] == [
        ("Japan", "replace", "bracket"),
        ("USA", "replace", "unbracket"),
    ]
    later = read_text(
        "1. Encourage States to cooperate in the prevention of human trafficking [and to share information].\n",
        "later.txt",
    )
    judge = Disposer(base, later, align(base, later), "the next draft")
    verdicts = [judge.dispose(p) for p in found]
    assert [v.status for v in verdicts] == ["accepted", "accepted"]
    assert "stands in square brackets in paragraph 1" in verdicts[0].explanation
    unchanged = Disposer(base, base, align(base, base), "the next draft")
    assert [unchanged.dispose(p).status for p in found] == ["not_reflected", "not_reflected"]


def test_a_row_opens_at_its_number_even_on_a_short_line_or_right_after_a_balloon() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Japan: delete\n\n"
        '" { Deleted: ing\n'
        " 2. Ensure that trafficked\n"
        "victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "USA: delete\n"
    )
    assert [(p.delegations[0], p.paragraph) for p in found] == [("Japan", "1"), ("USA", "2")]


def test_a_remark_stays_in_its_row_though_it_shares_words_with_a_neighbour() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Japan: We think that it is not appropriate to ensure that trafficked victims are not unduly penalized "
        "for acts they were compelled to commit.\n\n"
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n"
    )
    assert [(p.delegations[0], p.paragraph, p.operation) for p in found] == [("Japan", "1", "comment")]


def test_a_restatement_that_opens_as_its_row_stays_there_whatever_it_goes_on_with() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "China: Encourage States to cooperate in ensuring that trafficked victims are not unduly penalized "
        "for acts they were compelled to commit, and that trafficked victims are not unduly penalized for acts "
        "they were compelled to commit.\n\n"
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n"
    )
    assert [(p.delegations[0], p.paragraph) for p in found] == [("China", "1")]
    # its first three words are enough: a long name it shares with a neighbour does not pull it there
    found = read_on(
        "1. Establish a trust fund for victims under the Protocol to Prevent, Suppress and Punish Trafficking.\n\n"
        "2. Adopting measures to assist victims in pursuing civil damages.\n",
        "1. Establish a trust fund for victims under the Protocol to Prevent, Suppress and Punish Trafficking.\n\n"
        "2. Adopting measures to assist victims in pursuing civil damages.\n\n"
        "EU: Adopting measures to seek compensation as stipulated by the Protocol to Prevent, Suppress and Punish\n",
    )
    assert [(p.delegations[0], p.paragraph) for p in found] == [("EU", "2")]


def test_words_carried_on_from_the_paragraphs_last_word_are_added_at_its_end() -> None:
    """One word is a place only as the paragraph's last, after an ellipsis; elsewhere it proves nothing."""
    by = by_delegation(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Belarus: ... information and to involve labour market institutions in the fight against trafficking;\n\n"
        "Japan: ... States should act together against organized crime and its proceeds\n"
    )
    assert by["Belarus"].operation == "insert"
    assert by["Belarus"].resulting_text.endswith("to share information and to involve labour market institutions in "
                                                 "the fight against trafficking.")  # fmt: skip
    assert by["Japan"].operation == "comment"  # 'States' is in the paragraph, but not as its last word


def test_a_stretch_restated_with_many_words_put_in_is_an_insertion() -> None:
    """The opening of a long paragraph restated with more words put in than kept, the rest not restated: words
    put in, not a redraft that drops the rest."""
    long = (
        "Strengthening the capacity of service providers and others likely to encounter and identify possible "
        "victims of trafficking, such as law enforcement personnel, border control officers, consular officials, "
        "judges and prosecutors, and ensuring the availability of needed resources to the relevant institutions."
    )
    base = read_text(f"1. {long}\n", "base.txt")
    found = read_compilation_text(
        f"1. {long}\n\nEU: Strengthening or continuing to strengthen social protection mechanisms and the capacity "
        "and training of service providers and others, as stipulated by Art. 29 of the Convention and Art. 10 of "
        "the Protocol to Prevent, Suppress and Punish Trafficking in\n",
        base,
        Registry.load(),
    )
    assert [p.operation for p in found] == ["insert"]
    assert found[0].resulting_text.startswith("Strengthening or continuing to strengthen social protection")
    assert found[0].resulting_text.endswith("to the relevant institutions.")  # the rest of the paragraph stays


def test_pieces_between_ellipses_each_make_their_edit() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "OHCHR: ...Encourage States, OHCHR and NGOs to cooperate... to share information and good practices;\n"
    )
    assert [p.operation for p in found] == ["insert"]
    assert found[0].resulting_text == (
        "Encourage States, OHCHR and NGOs to cooperate in the prevention of human trafficking and to share "
        "information and good practices."
    )


def test_a_gerund_beside_to_and_its_verb_is_the_word_struck_through() -> None:
    base = read_text("1. Ensuring the return of victims is voluntary.\n", "base.txt")
    found = read_compilation_text(
        "1. Ensuring the return of victims is voluntary.\n\nAfrican Group: Ensuring To ensure the return of victims "
        "is voluntary and safe.\n",
        base,
        Registry.load(),
    )
    # 'Ensuring' went (a replacement, not words put in), an ask apart from the words put in at the end
    assert [(p.operation, p.resulting_text) for p in found] == [
        ("replace", "To ensure the return of victims is voluntary."),
        ("insert", "Ensuring the return of victims is voluntary and safe."),
    ]


def test_a_gerund_fused_to_to_by_the_strike_line_and_misread_is_struck_too() -> None:
    from amendtrack.read.compilation.strikethrough import Vocabulary, unstrike

    words = Vocabulary.of("", read_text("1. Providing assistance to bring to mind the use.\n", "base.txt"))
    assert unstrike("Previding-To provide assistance", set(), words)[0] == ["To", "provide", "assistance"]
    assert unstrike("Making To make use", set(), words)[0] == ["To", "make", "use"]
    assert unstrike("Bring to mind the", set(), words)[0] == ["Bring", "to", "mind", "the"]  # no gerund: kept


def test_an_underscore_the_scan_read_beside_a_word_strikes_nothing() -> None:
    """'_Encouraging UNODC, …': a rule or underline read as '_' is no letter, so the word is kept as typed
    (taken for a garbled, struck word, it made the restatement ask to take 'Encouraging' out)."""
    from amendtrack.read.compilation.strikethrough import Vocabulary, unstrike

    words = Vocabulary.of("", read_text("1. Encouraging UNODC to assist States.\n", "base.txt"))
    assert unstrike("“_Encouraging UNODC, Agencies_, to", {"encouraging"}, words)[0] == [
        "“Encouraging",
        "UNODC,",
        "Agencies,",
        "to",
    ]
    assert unstrike("_Encouraging UNODC, UN Agencies_ to", {"encouraging"}, words)[0] == [
        "Encouraging",
        "UNODC,",
        "UN",
        "Agencies",
        "to",
    ]


def test_a_restatement_cut_short_mid_sentence_changes_only_what_it_restates() -> None:
    """'Encourage States to closely cooperate in' stops on the paragraph's own words, mid-sentence: the rest of
    the paragraph is not restated, so not deleted; one that ends as a sentence does restates it all."""
    by = by_delegation(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Indonesia: Encourage States to closely cooperate in\n\n"
        "Japan: Encourage States to closely cooperate in the prevention of human trafficking.\n"
    )
    assert by["Indonesia"].operation == "insert"
    assert by["Indonesia"].resulting_text == (
        "Encourage States to closely cooperate in the prevention of human trafficking and to share information."
    )
    assert "share information" not in by["Japan"].resulting_text  # a whole restatement: the tail went


def test_a_deletion_whose_closing_quote_the_ocr_lost_deletes_the_words_the_paragraph_has() -> None:
    by = by_delegation(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "USA: Delete “in the prevention of\n\n"
        "EU: Delete “in the struggle against\n"
    )
    assert (by["USA"].operation, by["USA"].edits[0].old) == ("delete", "in the prevention of")
    assert by["EU"].operation != "delete"  # words the paragraph does not have: not read as their deletion


def test_delete_and_draft_a_paragraph_on_another_subject_is_a_deletion_and_a_new_paragraph() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Colombia: delete and draft a para on ICAT as follows: Support the coordination group of agencies.\n\n"
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "EU: delete and redraft as follows: Ensure that victims are not punished.\n"
    )
    assert [(p.delegations[0], p.paragraph, p.operation) for p in found] == [
        ("Colombia", "1", "delete"),
        ("Colombia", "1", "new_paragraph"),
        ("EU", "2", "redraft"),
    ]
    assert found[1].text == "Support the coordination group of agencies."


def test_words_left_out_at_an_ellipsis_stay_and_a_piece_the_scan_garbled_changes_nothing() -> None:
    paragraph = "1. Encouraging States to cooperate in the prevention of human trafficking and to share it.\n"
    base = read_text(paragraph, "base.txt")
    found = read_compilation_text(
        f"{paragraph}\n"
        "African Group: Encouraging To encourage States to cooperate... prevemtion of human trafficking and...\n",
        base,
        Registry.load(),
    )
    assert [p.operation for p in found] == ["replace"]
    assert found[0].resulting_text == (
        "To encourage States to cooperate in the prevention of human trafficking and to share it."
    )  # only the verb form changes: the words at the ellipses are left as they were


def test_an_input_that_breaks_off_after_the_paragraphs_opening_words_is_a_redraft_nobody_can_read() -> None:
    """'Ensure that trafficked victims are' and nothing more: the change went with the words the scan lost. A
    redraft whose wording is unknown, flagged for checking and judged unclear, never a comment or accepted."""
    from amendtrack.compare.align import align
    from amendtrack.compare.disposition import Disposer
    from amendtrack.model.doubts import flagged

    by = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "UNAIDS: Ensure that trafficked victims are\n\n"
        "Japan: ... trafficked victims are not unduly penalized...\n"
    )
    assert by["UNAIDS"].operation == "redraft" and not by["UNAIDS"].text and flagged(by["UNAIDS"])
    assert "Japan" not in by or by["Japan"].operation == "comment"  # quoted with ellipses: a place, no change
    verdict = Disposer(BASE, BASE, align(BASE, BASE), "the next draft").dispose(by["UNAIDS"])
    assert verdict.status == "unclear"


def test_a_redraft_with_its_reason_before_the_colon_is_a_redraft_of_the_words_after_it() -> None:
    """'Redraft in accordance with UNTOC: …' gives the wording after the colon; what comes before is why. One
    that says after the colon what should be done, not the wording, is a redraft asked without words."""
    found = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "Colombia: redraft in accordance with the Protocol: Ensure that victims are not punished for offences "
        "committed as a direct consequence of being trafficked.\n\n"
        "Chile: redraft: the role of the courts should be explained\n"
    )
    assert found["Colombia"].operation == "redraft"
    assert found["Colombia"].text.startswith("Ensure that victims are not punished")
    assert found["Colombia"].rationale == "in accordance with the Protocol"
    assert (found["Chile"].operation, found["Chile"].text) == ("redraft", None)
    assert found["Chile"].rationale == "the role of the courts should be explained"


def test_a_suggested_deletion_of_unquoted_words_deletes_the_words_the_paragraph_has() -> None:
    found = by_delegation(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Canada: suggest deleting and to share information as it is covered elsewhere.\n\n"
        "Japan: suggest deleting the reference to customs since it is not relevant.\n"
    )
    assert found["Canada"].operation == "delete"
    assert [e.old for e in found["Canada"].edits] == ["and to share information"]
    assert found["Canada"].rationale == "as it is covered elsewhere"
    assert found["Japan"].operation == "comment"  # the paragraph has none of the words named


def test_delete_followed_by_stray_words_deletes_the_paragraph_and_is_flagged() -> None:
    """'delete' and a few words the paragraph does not have (the scan joined them from another column): the
    paragraph is deleted, and the reading is flagged for a facilitator; a plain 'delete' is not."""
    from amendtrack.model.doubts import doubts, flagged

    found = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "Colombia: delete\nclarification);\n\n"
        "Chile: delete\n"
    )
    assert found["Colombia"].operation == "delete" and not found["Colombia"].edits
    assert flagged(found["Colombia"]) and any("after 'delete'" in d.reason for d in doubts(found["Colombia"]))
    assert found["Chile"].operation == "delete" and not flagged(found["Chile"])


def test_a_recommended_additional_paragraph_is_a_new_paragraph_known_by_what_it_is_about() -> None:
    found = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "UNICEF: Recommend consideration of an additional paragraph, to consider the creation of National "
        "Rapporteurs on Trafficking.\n"
    )
    assert found["UNICEF"].operation == "new_paragraph"
    assert "National Rapporteurs on Trafficking" in found["UNICEF"].text
    found = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "IOM: We would suggest inserting a paragraph that specifically addresses the issue of internal "
        "trafficking.\n"
    )
    assert found["IOM"].operation == "new_paragraph" and "internal trafficking" in found["IOM"].text
    for remark in ("We suggest a paragraph-by-paragraph reading.", "Norway requests a paragraph vote."):
        found = by_delegation(
            "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
            f"IOM: {remark}\n"
        )
        assert found["IOM"].operation == "comment", remark


def test_a_deletion_that_carries_out_the_delegations_own_merge_plan_is_a_merge() -> None:
    """Read with the delegation's other inputs: 'delete' on 2 is a merge into 1 when its input on 1 says it
    folds 2 in, or its new wording of 1 holds most of 2's own words; another delegation's 'delete' stays one."""
    base = (
        "1. Encourage States to cooperate in the prevention of human trafficking.\n\n"
        "2. Ensure that penalties for trafficking offences are proportionate to the gravity of the crime.\n\n"
        "3. Promote the freezing of traffickers' assets for the purpose of eventual confiscation.\n"
    )
    rows = (
        "1. Encourage States to cooperate in the prevention of human trafficking.\n\n"
        "Singapore: incorporate the substance of paragraphs 2-3 in an amended paragraph 1.\n\n"
        "EU: redraft as follows: Encourage States to cooperate in preventing trafficking, ensuring that penalties "
        "for trafficking offences are proportionate to the gravity of the crime.\n\n"
        "2. Ensure that penalties for trafficking offences are proportionate to the gravity of the crime.\n\n"
        "Singapore: delete\n\nEU: delete\n\nJapan: delete\n\n"
        "3. Promote the freezing of traffickers' assets for the purpose of eventual confiscation.\n\n"
        "Singapore: delete\n\nEU: delete\n"
    )
    found = {(p.paragraph, p.delegations[0]): p for p in read_on(base, rows)}
    for key in (("2", "Singapore"), ("3", "Singapore"), ("2", "EU")):
        assert (found[key].operation, found[key].related) == ("merge", ["1"]), key
    assert found[("2", "Japan")].operation == "delete"
    assert found[("3", "EU")].operation == "delete"  # the EU's new 1 does not hold 3's words


def test_a_replacement_is_named_by_the_change_it_makes() -> None:
    """'Change “X” to “Y”' where Y is X with a word dropped is a deletion; with words added, an insertion; a
    restatement that strikes words between two of the same word ('is … and is') is a deletion too."""
    found = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        'Japan: Change "not unduly penalized" to "not penalized".\n\n'
        'Chile: Change "trafficked victims" to "trafficked persons and victims".\n\n'
        'Peru: Change "trafficked victims" to "persons".\n'
    )
    assert {name: p.operation for name, p in found.items()} == {"Japan": "delete", "Chile": "insert", "Peru": "replace"}
    assert found["Japan"].applied and "not penalized" in found["Japan"].resulting_text


def test_a_deletion_placed_after_quoted_words_and_one_said_in_brackets_are_deletions() -> None:
    found = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        'USA: After "..victims" delete "are not unduly penalized for acts."\n\n'
        'China: Ensure that trafficked victims are not penalized, (delete "they were compelled to commit")\n'
    )
    assert (found["USA"].operation, [e.old for e in found["USA"].edits]) == (
        "delete",
        ["are not unduly penalized for acts"],
    )
    assert (found["China"].operation, [e.old for e in found["China"].edits]) == (
        "delete",
        ["they were compelled to commit"],
    )


def test_suggested_moves_and_placed_insertions_are_read_as_such() -> None:
    """'Suggest moving the paragraph up to follow after paragraph 1' is a move; 'Recommend inserting following
    “X” “Y”' an insertion of Y after X; 'Recommend reference be made of X' an insertion of what it names."""
    found = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "UNICEF: Suggest moving the paragraph up to follow after paragraph 1\n\n"
        'OHCHR: Recommend inserting following "trafficked victims" "of all ages"\n\n'
        "IOM: Recommend reference be made of the UN Special Rapporteur on Trafficking\n"
    )
    assert (found["UNICEF"].operation, found["UNICEF"].new_label, found["UNICEF"].related) == ("move", "after 1", ["1"])
    edit = found["OHCHR"].edits[0]
    assert (found["OHCHR"].operation, edit.anchor, edit.new, edit.position) == (
        "insert",
        "trafficked victims",
        "of all ages",
        "after",
    )
    assert found["OHCHR"].applied and "trafficked victims of all ages" in found["OHCHR"].resulting_text
    assert found["IOM"].operation == "insert"


def test_an_input_restating_the_section_heading_above_its_row_is_about_the_heading() -> None:
    """A heading shares its row with the first paragraph under it; an input that restates the heading (most of
    its words, in order, and not much more) is about the heading, one on the paragraph stays there."""
    base = SECTION_BASE
    rows = SECTION_ROW + (
        "Belarus: ... Prosecuting crimes of transnational and non-transnational trafficking\n\n"
        "Canada: Ensuring the effective implementation of the Convention by criminalizing all forms of "
        "trafficking in persons.\n"
    )
    found = {p.delegations[0]: p for p in read_on(base, rows)}
    assert found["Belarus"].paragraph == "III"
    assert found["Canada"].paragraph == "1"


def test_a_line_naming_a_paragraph_with_a_colon_opens_a_further_input_even_without_a_blank_line() -> None:
    found = read(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "EU: Switch order of paragraph 1 and 2\n"
        "Paragraph 2: delete\n"
    )
    assert [(p.paragraph, p.operation, p.delegations) for p in found] == [
        ("2", "move", ["EU"]),
        ("2", "delete", ["EU"]),
    ]


def test_a_change_of_the_openings_form_beside_other_changes_is_a_proposal_of_its_own() -> None:
    """'Ensuring' → 'To ensure' restyles how the paragraph opens (a convention a delegation carries through
    every paragraph); the words it changes besides are a second ask, judged apart. A restatement that only
    restyles the opening, or changes the form of words elsewhere only, stays one proposal."""
    base = (
        "1. Ensuring that trafficked persons are treated as victims and referred to services in every country.\n\n"
        "2. Supporting national referral mechanisms for victims of trafficking.\n"
    )
    found = read_on(
        base,
        "1. Ensuring that trafficked persons are treated as victims and referred to services in every country.\n\n"
        "Chile: To ensure that trafficked persons are treated as victims of crime and referred to services in "
        "every country.\n\n"
        "Peru: To ensure that trafficked persons are treated as victims and referred to services in every "
        "country.\n\n"
        "2. Supporting national referral mechanisms for victims of trafficking.\n\n"
        "Chile: Supporting national referral mechanism for victims of trafficking in persons.\n",
    )
    chile = [p for p in found if p.delegations == ["Chile"] and p.paragraph == "1"]
    assert [p.operation for p in chile] == ["replace", "insert"]
    assert chile[0].resulting_text.startswith("To ensure that trafficked persons are treated as victims and")
    assert "of crime" not in chile[0].resulting_text
    assert chile[1].resulting_text.startswith("Ensuring that") and "victims of crime" in chile[1].resulting_text
    assert len([p for p in found if p.delegations == ["Peru"]]) == 1
    assert len([p for p in found if p.delegations == ["Chile"] and p.paragraph == "2"]) == 1


def test_a_restatement_ending_in_the_scans_dots_restates_only_its_stretch() -> None:
    """'. ..' is how the scan reads an ellipsis: the words before it restate the paragraph's opening only."""
    found = read_on(
        "1. Protecting victims and witnesses from retaliation, including by ensuring their physical safety.\n",
        "1. Protecting victims and witnesses from retaliation, including by ensuring their physical safety.\n\n"
        "Chile: To protect victims and witnesses. ..\n",
    )
    assert [p.operation for p in found] == ["replace"]
    assert found[0].resulting_text.startswith("To protect victims and witnesses from retaliation")


def test_suggestions_opening_further_sentences_are_proposals_of_their_own() -> None:
    """'Suggest adding “X”; suggest further adding “Y”' asks two things; a remark followed by 'Also suggested
    replacing “X” with “Y”' is a remark and a replacement; 'Further suggest inclusion of a sentence along the
    lines of “…”' puts in the words it quotes."""
    base = "1. Ensure that foreign victims receive shelter, medical care and legal aid without delay.\n"
    found = read_on(
        base,
        base + "\nChile: Suggest adding “and psychological support” to the list; suggest further adding “in a "
        "language they understand”\n\n"
        "Peru: It is unclear who provides “legal aid” here. Also suggested replacing the word “foreign” with "
        "“non-national”\n\n"
        "Fiji: Suggest inclusion of interpreters. Further suggest inclusion of a sentence along the lines of "
        "“Each case is assessed on its own.”\n",
    )
    by = {}
    for proposal in found:
        by.setdefault(proposal.delegations[0], []).append(proposal)
    assert [(p.operation, p.edits[0].new) for p in by["Chile"]] == [
        ("insert", "and psychological support"),
        ("insert", "in a language they understand"),
    ]
    assert [p.operation for p in by["Peru"]] == ["comment", "replace"]
    assert (by["Peru"][1].edits[0].old, by["Peru"][1].edits[0].new) == ("foreign", "non-national")
    assert [p.operation for p in by["Fiji"]] == ["insert", "insert"]
    assert by["Fiji"][1].edits[0].new.startswith("Each case is assessed on its own")


def test_deleting_the_sentence_starting_with_quoted_words_takes_out_the_rest_of_that_sentence() -> None:
    base = "1. Commend civil society for its assistance to victims, including legal aid and shelter; and report.\n"
    found = read_on(
        base,
        base + "\nChile: Delete sentence starting with “including” and replace with “and encourage cooperation”\n\n"
        "Peru: Delete the clause beginning with “including”.\n",
    )
    chile, peru = found
    assert (chile.operation, chile.edits[0].old, chile.edits[0].new) == (
        "replace",
        "including legal aid and shelter",
        "and encourage cooperation",
    )
    assert (peru.operation, peru.edits[0].old) == ("delete", "including legal aid and shelter")
    assert "including" not in peru.resulting_text and peru.resulting_text.endswith("and report.")


def test_an_instruction_said_of_the_words_after_a_remark_is_read_as_one() -> None:
    """'We think … . In any case “X” in line 2 should be deleted.': a remark, then a deletion said in the passive;
    '“X” should be replaced by “Y”' is a replacement."""
    base = "1. Establish a trust fund for the rehabilitation and compensation of victims.\n"
    found = read_on(
        base,
        base + "\nChile: We think a new fund duplicates existing ones. In any case “and compensation” in line 2 "
        "should be deleted.\n\n"
        "Peru: “trust fund” should be replaced by “voluntary trust fund”.\n",
    )
    assert [(p.delegations[0], p.operation) for p in found] == [
        ("Chile", "comment"),
        ("Chile", "delete"),
        ("Peru", "insert"),
    ]
    assert found[1].edits[0].old == "and compensation" and "compensation" not in found[1].resulting_text
    assert (found[2].edits[0].old, found[2].edits[0].new) == ("trust fund", "voluntary trust fund")


def test_a_restatement_changing_words_in_two_places_is_a_redraft_one_changing_one_a_replacement() -> None:
    """Words put in here and taken out there redraft the paragraph; one stretch changed replaces it. A
    restatement of a stretch (up to an ellipsis) is named the same way, its redraft the whole paragraph."""
    base = "1. Provide specialized services to victims, including access to health care, in all cases.\n"
    found = read_on(
        base,
        base + "\nChile: Provide, where appropriate, specialized services to victims, in all cases.\n\n"
        "Peru: Provide specialized services to victims, including access to legal aid, in all cases.\n\n"
        "Fiji: Provide, where appropriate, specialized services to victims, including health care...\n",
    )
    by = {p.delegations[0]: p for p in found}
    assert (by["Chile"].operation, by["Peru"].operation, by["Fiji"].operation) == ("redraft", "replace", "redraft")
    assert by["Fiji"].resulting_text == (
        "Provide, where appropriate, specialized services to victims, including health care, in all cases."
    )


def test_words_put_in_that_outnumber_the_paragraphs_own_are_a_redraft() -> None:
    """A short paragraph kept whole inside a much longer text is a new text around it, not an insertion."""
    base = "1. Encourage States to cooperate.\n"
    found = read_on(
        base,
        base + "\nChile: Encourage States to cooperate, by exchanging information on the routes, methods and "
        "networks of traffickers and by joint investigations across borders.\n\n"
        "Peru: Encourage States to cooperate closely.\n",
    )
    assert [(p.delegations[0], p.operation) for p in found] == [("Chile", "redraft"), ("Peru", "insert")]


def test_words_added_after_a_place_and_words_deleted_right_there_are_one_replacement() -> None:
    """'After “A” add “Y” and delete “Z”', Z standing right after A (the second A of the paragraph, too): Y takes
    Z's place. Words deleted elsewhere stay a deletion of their own."""
    base = "1. Ensuring the existence of laws on children which require proof of means, for all children.\n"
    found = read_on(
        base,
        base + "\nUSA: After “Ensuring the..” add “adoption of” and delete “existence of” After “children” add "
        "“without any requirement” and delete “which require proof of means”\n\n"
        "Chile: After “Ensuring the” add “full” and delete “for all children”\n",
    )
    usa = [(p.operation, p.edits[0].old, p.edits[0].new) for p in found if p.delegations == ["USA"]]
    assert usa == [
        ("replace", "existence of", "adoption of"),
        ("replace", "which require proof of means", "without any requirement"),
    ]
    assert [p.operation for p in found if p.delegations == ["Chile"]] == ["insert", "delete"]


def test_a_remark_naming_its_paragraph_stays_there_and_asking_better_wording_is_a_redraft() -> None:
    """'§1, page 9, could be stronger …' names paragraph 1 (though it shares more words with 2, next to it) and
    asks for a redraft without giving its words; a remark that asks nothing stays a comment."""
    first, second = (
        "1. Promote the freezing of assets of traffickers.\n\n",
        "2. Ensure that all assets and profits obtained by trafficking in persons are confiscated.\n",
    )
    found = read_on(
        first + second,
        first + "Holy See: §1, page 9, could be stronger in its formulation, so that all assets and profits "
        "obtained by trafficking in persons will be confiscated.\n\n" + second + "\n"
        "Chile: We think this paragraph is important.\n",
    )
    assert [(p.delegations[0], p.paragraph, p.operation) for p in found] == [
        ("Holy See", "1", "redraft"),
        ("Chile", "2", "comment"),
    ]
    assert found[0].text is None and "could be stronger" in found[0].rationale


def test_an_opening_struck_through_then_new_words_is_a_redraft_of_the_row_not_a_neighbour() -> None:
    """'Coneludingandimplementing To promote …': the row's opening struck (run together by the scan), then the
    delegation's own words, which repeat a neighbour's. It stays in its row, a redraft as the typed words."""
    first, second = (
        "1. Stressing regional approaches to facilitate mutual legal assistance and the exchange of information.\n\n",
        "2. Concluding and implementing extradition agreements with neighbouring States.\n",
    )
    found = read_on(
        first + second,
        first + second + "\nAfrican Group: Coneludingandimplementing To promote mutual legal assistance and the "
        "exchange of information, including through regional approaches;\n",
    )
    assert [(p.paragraph, p.operation) for p in found] == [("2", "redraft")]
    assert found[0].text.startswith("To promote mutual legal assistance")


def test_to_put_in_before_a_gerund_belongs_to_the_change_of_form() -> None:
    """'and to strengthening' is the gerund half-turned into 'and to strengthen': with 'Reviewing' → 'To review'
    it is the change of form; what else the restatement takes out is a deletion of its own."""
    base = "1. Reviewing services for national and foreign victims, and strengthening those services.\n"
    found = read_on(base, base + "\nChile: To review services for victims, and to strengthening those services.\n")
    assert [p.operation for p in found] == ["replace", "delete"]
    assert found[0].resulting_text.startswith("To review services for national and foreign victims, and to")
    assert found[1].resulting_text.startswith("Reviewing services for victims, and strengthening")


def test_a_heading_restated_with_a_chapeau_under_it_then_the_row_restated_anew_are_three_asks() -> None:
    """'Prosecuting Prosecution of crimes … We resolve to undertake the following measures …:', a blank line,
    then '1. To ensure …' (the row's own number): the heading's change, a new chapeau, and the paragraph's."""
    base = SECTION_BASE
    rows = SECTION_ROW + (
        "African Group: ProsecutingProsecution of crimes of trafficking in persons\n"
        "We resolve to undertake the following measures to deter the commission of such a crime:\n\n"
        "1. To ensure the effective implementation of the Convention by criminalizing all trafficking in persons.\n"
    )
    found = [(p.paragraph, p.operation) for p in read_on(base, rows)]
    assert found[:2] == [("III", "replace"), ("III", "new_paragraph")]
    assert ("1", "replace") in found[2:] and len(found) == 4  # the form of its opening, and its wording
    heading, chapeau, *_ = read_on(base, rows)
    assert heading.resulting_text == "Prosecution of crimes of trafficking in persons"
    assert chapeau.text.startswith("We resolve to undertake")


def test_the_tail_of_a_quotation_whose_label_the_scan_lost_is_an_input_of_its_own_and_flagged() -> None:
    """After a blank line, text that starts mid-sentence and closes a quotation it never opened is the end of
    another delegation's input: it is cut from the input it ran into and given to the delegation that speaks
    in most rows but not in this one, its reading flagged for a check."""
    from amendtrack.model.doubts import flagged

    base = (
        "1. Encourage States to cooperate.\n\n"
        "2. Ensure that victims are assisted.\n\n"
        "3. Promote regional cooperation among States of origin, transit and destination.\n"
    )
    rows = (
        "1. Encourage States to cooperate.\n\nThailand: delete\n\nUNICEF: Suggest adding “closely”\n\n"
        "2. Ensure that victims are assisted.\n\nThailand: delete\n\nPeru: delete\n\n"
        "3. Promote regional cooperation among States of origin, transit and destination.\n\n"
        "UNICEF: Suggest adding “and stakeholders”\n\n"
        "regional and sub-regional cooperation among States of origin, transit and destination”\n\n"
        "USA: delete\n"
    )
    found = read_on(base, rows)
    unicef = [p for p in found if p.delegations == ["UNICEF"] and p.paragraph == "3"]
    assert [p.edits[0].new for p in unicef] == ["and stakeholders"]  # the tail is not UNICEF's
    lost = [p for p in found if p.delegations == ["Thailand"] and p.paragraph == "3"]
    assert len(lost) == 1 and lost[0].sponsors[0].attribution == "inferred" and flagged(lost[0])
    assert "sub-regional" in lost[0].resulting_text and "”" not in lost[0].sponsors[0].verbatim  # no stray close


def test_a_restatement_whose_label_opening_and_closing_quote_the_scan_lost_is_cut_from_a_remark() -> None:
    """After a remark closed by a full stop, a block that starts mid-sentence and runs in the paragraph's words
    from its middle is another delegation's restatement (its label, opening lines and closing quote lost): not
    the remark's. A block that takes the paragraph up from its start lost no opening: still the remark's
    delegation's own."""
    base = (
        "1. Encourage States to cooperate.\n\n"
        "2. Ensure that victims are assisted.\n\n"
        "3. Requesting the Secretary-General as a matter of priority to strengthen the capacity of UNODC to collect "
        "information and report on patterns and flows of trafficking in persons.\n"
    )
    rows = (
        "1. Encourage States to cooperate.\n\nThailand: delete\n\n"
        "2. Ensure that victims are assisted.\n\nThailand: delete\n\n"
        "3. Requesting the Secretary-General as a matter of priority to strengthen the capacity of UNODC to collect "
        "information and report on patterns and flows of trafficking in persons.\n\n"
        "Australia: Onerous reporting diverts resources from frontline activities. The draft could propose "
        "streamlining reporting.\n\n"
        "matter of priority to strengthen the capacity of UNODC to collect accurate and reliable\n"
        "information and report on patterns and flows of trafficking in persons\n"
    )
    found = read_on(base, rows)
    australia = [p for p in found if p.delegations == ["Australia"]]
    assert [p.operation for p in australia] == ["comment"] and "accurate" not in australia[0].sponsors[0].verbatim
    lost = [p for p in found if p.delegations == ["Thailand"] and p.paragraph == "3"]
    assert len(lost) == 1 and lost[0].sponsors[0].attribution == "inferred"
    assert "accurate and reliable" in lost[0].resulting_text
    the = [p for p in read_on(base, rows.replace("\nmatter of", "\nthe matter of")) if p.paragraph == "3"]
    assert [p.delegations for p in the] == [
        ["Australia"],
        ["Thailand"],
    ]  # a stray 'the' the paragraph has earlier is no sign the tail starts at the opening
    own = rows.replace("matter of priority to", "and requesting the Secretary-General as a matter of priority to")
    assert not [p for p in read_on(base, own) if p.delegations == ["Thailand"] and p.paragraph == "3"]


def test_a_lost_label_is_given_to_no_one_when_no_delegation_stands_out() -> None:
    base = "1. Encourage States to cooperate.\n\n2. Promote regional cooperation among States.\n"
    rows = (
        "1. Encourage States to cooperate.\n\nUNICEF: Suggest adding “closely”\n\nPeru: delete\n\n"
        "2. Promote regional cooperation among States.\n\nUSA: Replace “regional” with “international”.\n\n"
        "regional and sub-regional cooperation among States”\n"
    )
    found = read_on(base, rows)
    assert [(p.delegations, p.paragraph) for p in found] == [(["UNICEF"], "1"), (["Peru"], "1"), (["USA"], "2")]
    assert "sub-regional" not in found[2].sponsors[0].verbatim  # the tail is cut off all the same, and dropped


def test_a_possessive_is_no_struck_word_and_an_aside_to_the_facilitators_is_a_remark() -> None:
    """'system's' is a word of the text (the scan's strike lines never leave an apostrophe); '(seek further
    clarification)' closing a restatement that changes nothing asks the facilitators, it changes no words."""
    from amendtrack.read.compilation.strikethrough import Vocabulary, unstrike

    base_text = "1. Ensure coherence in the United Nations system's efforts to respond to trafficking.\n"
    words = Vocabulary.of("", read_text(base_text, "base.txt"))
    assert unstrike("the United Nations system's efforts", set(), words)[0][3] == "system's"
    found = read_on(
        base_text,
        base_text + "\nChile: Ensure coherence in the United Nations system's efforts to respond to trafficking "
        "(seek further clarification)\n",
    )
    assert [(p.operation, p.rationale) for p in found] == [("comment", "seek further clarification")]


def test_a_lost_label_tail_restating_the_paragraphs_end_unchanged_is_a_redraft_nobody_can_read() -> None:
    """The scan lost the input's label and opening; what is left restates the paragraph's end as it stands:
    the change lay in the lost opening, so it is a redraft whose wording is unknown."""
    base = (
        "1. Encourage States to cooperate.\n\n2. Ensure that victims are assisted.\n\n"
        "3. Promote regional cooperation among States of origin, transit and destination.\n"
    )
    rows = THAILAND_DELETES + (
        "3. Promote regional cooperation among States of origin, transit and destination.\n\n"
        "UNICEF: Suggest adding “and stakeholders”\n\n"
        "cooperation among States of origin, transit and destination”\n"
    )
    lost = [p for p in read_on(base, rows) if p.delegations == ["Thailand"] and p.paragraph == "3"]
    assert [(p.operation, p.text) for p in lost] == [("redraft", None)]


def test_a_lost_label_tail_is_cut_after_an_input_that_ends_without_a_full_stop() -> None:
    """The input before the tail need not end as a sentence: its quotation marks pairing up is enough (a
    restatement often has no closing mark); the shortest tail is cut."""
    base = (
        "1. Encourage States to cooperate.\n\n2. Ensure that victims are assisted.\n\n"
        "3. Strengthening formal cooperation between law enforcement agencies regionally.\n"
    )
    rows = THAILAND_DELETES + (
        "3. Strengthening formal cooperation between law enforcement agencies regionally.\n\n"
        "EU: Strengthening cooperation between law enforcement agencies regionally\n\n"
        "cooperation, as appropriate, between border control and law enforcement agencies bilaterally”,\n"
    )
    found = {(p.delegations[0], p.paragraph): p for p in read_on(base, rows)}
    assert found[("EU", "3")].operation == "delete"  # 'formal' struck, nothing of the tail in it
    assert "bilaterally" in found[("Thailand", "3")].sponsors[0].verbatim


def test_delete_words_then_replace_with_new_ones_is_one_replacement() -> None:
    """'Delete “Z”. Replace with “..Y”': Y is no restatement of the paragraph, so it takes Z's place; 'Replace
    with' the paragraph restated stays a redraft beside the deletion."""
    base = "1. Provide victims with a reflection period during which no order to expel them is enforced.\n"
    found = read_on(
        base,
        base + "\nUSA: Delete “with a reflection period during which no order to expel them is enforced.” Replace "
        "with “..the opportunity to consult advisers on cooperating with law enforcement.”\n",
    )
    assert [(p.operation, p.edits[0].old) for p in found] == [
        ("replace", "with a reflection period during which no order to expel them is enforced.")
    ]
    assert (
        found[0].resulting_text
        == "Provide victims the opportunity to consult advisers on cooperating with law enforcement."
    )
    restated = read_on(
        base,
        base + "\nUSA: Delete “during which no order to expel them is enforced.” Replace with “Provide victims with "
        "a reflection period during which no order to expel them is enforced at once.”\n",
    )
    assert [p.operation for p in restated] == ["delete", "redraft"]


def test_the_scans_4dd_and_a_further_after_clause_open_instructions_of_their_own() -> None:
    """'4dd, after “X”, “Y”. Delete “Z”.' (the scan's 4 for A) is two instructions; 'It is imprecise …. Further,
    after “X” include Y' is a remark and an insertion."""
    base = (
        "1. Prosecute all forms of exploitation, forced labour and all types of victims, with non-governmental "
        "organizations.\n"
    )
    found = read_on(
        base,
        base + "\nJapan: 4dd, after “all forms of exploitation,” in line 1, “within the limits of domestic law,”. "
        "Delete “and all types of victims” in line 4.\n\n"
        "Holy See: It is imprecise who funds the services. Further, after “non-governmental organizations” "
        "include religious-based communities\n",
    )
    assert [(p.delegations[0], p.operation) for p in found] == [
        ("Japan", "insert"),
        ("Japan", "delete"),
        ("Holy See", "comment"),
        ("Holy See", "insert"),
    ]
    assert found[1].edits[0].old == "and all types of victims"
    assert (found[3].edits[0].anchor, found[3].edits[0].new) == (
        "non-governmental organizations",
        "religious-based communities",
    )


def test_a_chapeau_that_restates_the_rows_paragraph_moves_that_paragraph_up() -> None:
    """'Protection of … We resolve to undertake the following measures reaffirming that X:' under heading II,
    in the row of 1 'Reaffirming that X': paragraph 1 made the section's chapeau, a move, not a new paragraph."""
    base = (
        "II. Protecting and assisting victims of trafficking\n\n"
        "1. Reaffirming that the protection of human rights and measures against trafficking are complementary.\n"
    )
    rows = (
        "II. Protecting and assisting victims of trafficking\n"
        "1. Reaffirming that the protection of human rights and measures against trafficking are complementary.\n\n"
        "African Group: Protection of and assistance to victims of trafficking\n"
        "We resolve to undertake the following measures reaffirming that the protection of human rights and "
        "measures against trafficking are complementary:\n"
    )
    found = read_on(base, rows)
    assert [(p.paragraph, p.operation) for p in found] == [("II", "replace"), ("1", "move")]
    assert found[1].new_label == "II chapeau" and found[1].text.startswith("We resolve to undertake")


def test_a_move_said_at_both_ends_is_one_proposal() -> None:
    """'Paragraph 1ter (moved from paragraph 3): …' in one row and 'moved to paragraph 1 ter' in 3's row: the EU
    asks one move, not two."""
    base = "1. Encourage States to cooperate.\n\n2. Ensure that victims are assisted.\n\n3. Commend civil society.\n"
    rows = (
        "1. Encourage States to cooperate.\n\nEU: Paragraph 1ter (moved from paragraph 3) Commend civil society "
        "and non-governmental organizations.\n\n"
        "2. Ensure that victims are assisted.\n\nUSA: delete\n\n"
        "3. Commend civil society.\n\nEU: moved to paragraph 1 ter\n\nCanada: delete\n"
    )
    moves = [p for p in read_on(base, rows) if p.operation == "move"]
    assert [(p.delegations, p.paragraph, p.new_label) for p in moves] == [(["EU"], "3", "1ter")]
    assert moves[0].text.startswith("Commend civil society and non-governmental organizations")


def test_a_remark_on_the_chapter_in_its_first_row_is_about_the_heading() -> None:
    base = SECTION_BASE
    rows = SECTION_ROW + (
        "Liechtenstein: We do not see the need to paraphrase the Convention. To include a chapter on prosecution "
        "brings no value added.\n\n"
        "Japan: We think this paragraph paraphrases the Convention.\n"
    )
    found = {p.delegations[0]: p.paragraph for p in read_on(base, rows)}
    assert found == {"Liechtenstein": "III", "Japan": "1"}


def test_an_order_stated_between_two_paragraphs_moves_the_rows_own_paragraph() -> None:
    """'Paragraph 2 should come before paragraph 1' in row 1 moves 1 after 2 (in row 2, 2 before 1); 'previous
    para 1 now 2' renumbers the row's paragraph; an order between two other paragraphs moves neither."""
    row_one = "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
    row_two = "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
    found = by_delegation(row_one + "UNICEF: Ideally, paragraph 2 should come before\nparagraph 1 or else\n")
    assert (found["UNICEF"].operation, found["UNICEF"].new_label, found["UNICEF"].related) == ("move", "after 2", ["2"])
    found = by_delegation(row_two + "UNICEF: Ideally, paragraph 2 should come before paragraph 1\n")
    assert (found["UNICEF"].operation, found["UNICEF"].new_label) == ("move", "before 1")
    found = by_delegation(row_one + "Japan: (PLEASE NOTE: previous para 1 now\n2, to keep the actions together)\n")
    assert (found["Japan"].operation, found["Japan"].new_label) == ("move", "2")
    found = by_delegation(row_one + "Japan: we think paragraph 7 should come before paragraph 9\n")
    assert found["Japan"].operation == "comment"


def test_a_line_that_only_closes_the_inputs_bracket_is_part_of_it() -> None:
    """'delete (idea moved to paragraph' and then '1)' alone on a line: the bracket's close, not a scan's debris;
    the input folds its paragraph into paragraph 1."""
    found = by_delegation(
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "Canada: delete (idea moved to paragraph\n1)\n\nThailand: delete\nT\n"
    )
    assert (found["Canada"].operation, found["Canada"].related) == ("merge", ["1"])
    assert found["Thailand"].operation == "delete"


def test_a_sentence_judging_what_the_paragraph_says_is_a_comment_though_it_repeats_its_words() -> None:
    """'Cooperation in the prevention of human trafficking is essential.' repeats the paragraph's words, but
    judges; a restatement that opens as the paragraph does, whatever it ends with, is still a restatement."""
    found = by_delegation(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Holy See: Cooperation in the prevention of human trafficking is essential.\n\n"
        "Japan: Encourage States to cooperate in the prevention of human trafficking, which is essential.\n"
    )
    assert found["Holy See"].operation == "comment"
    assert found["Japan"].operation != "comment"


def test_a_restatement_that_goes_on_with_the_next_paragraphs_words_merges_it() -> None:
    """Paragraph 1 restated, then '; and to ensure that trafficked victims are not unduly penalized …' (paragraph
    2's words): a merge of 2 into 1 beside the redraft, which stops before those words."""
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Japan: Encourage all States to cooperate closely in the prevention of human trafficking and to share "
        "information; and to ensure that trafficked victims are not unduly penalized for acts they were "
        "compelled to commit.\n\n"
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n"
    )
    assert [(p.operation, p.related) for p in found] == [("redraft", []), ("merge", ["2"])]
    assert found[0].text.endswith("to share information")
    alone = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Japan: Encourage all States to cooperate closely in the prevention of human trafficking and to share "
        "information, and to protect victims.\n\n"
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n"
    )
    assert [p.operation for p in alone] == ["insert"]  # its own words: no merge


def test_orders_name_paragraphs_as_the_draft_labels_them_and_a_that_clause_is_no_judgement() -> None:
    """'PP 2 should come before PP1' is read like 'paragraph 2 …'; 'Emphasizing that … is essential.' is the
    paragraph redrafted, not a sentence judging it."""
    base = "PP1 Welcomes the cooperation among States against trafficking in persons.\n\nPP2 Ensure it.\n"
    row = base.split("\n\n")[0] + "\n\nJapan: PP 2 should come before PP1\n\nHoly See: Emphasizing that the "
    found = read_on(base, row + "cooperation among States against trafficking in persons is essential.\n")
    by_name = {p.delegations[0]: p for p in found}
    japan = by_name["Japan"]  # filed under the paragraph it names first
    assert (japan.paragraph, japan.operation, japan.new_label) == ("PP2", "move", "before PP1")
    assert by_name["Holy See"].operation == "redraft"


def test_a_restatement_that_only_appends_the_next_paragraph_is_a_merge_alone() -> None:
    found = read(
        "1. Encourage States to cooperate in the prevention of human trafficking and to share information.\n\n"
        "Japan: Encourage States to cooperate in the prevention of human trafficking and to share information; "
        "and to ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n\n"
        "2. Ensure that trafficked victims are not unduly penalized for acts they were compelled to commit.\n"
    )
    assert [(p.operation, p.related) for p in found] == [("merge", ["2"])]


def test_new_words_in_the_form_of_the_rows_paragraph_are_a_redraft_of_it() -> None:
    """'Encouraging Member States … ;' in the row of 'Concluding and implementing … ;': the paragraph worded
    anew, though it shares few of its words; a remark of the same length is still a comment."""
    base = (
        "1. Concluding and implementing mutual legal assistance and extradition agreements to prosecute "
        "traffickers;\n\n2. Ensure that victims are assisted.\n"
    )
    row = base.split("\n\n")[0] + "\n\n"
    found = read_on(base, row + "EU: Encouraging Member States that are party to the Convention to enhance "
                    "international cooperation in confiscation, taking into account its scope;\n\n"
                    "Japan: Reporting on these agreements diverts resources from the work against trafficking "
                    "in countries of origin.\n")  # fmt: skip
    by_name = {p.delegations[0]: p for p in found}
    assert by_name["EU"].operation == "redraft" and by_name["EU"].text.startswith("Encouraging Member States")
    assert by_name["Japan"].operation == "comment"


def test_a_short_restatement_of_the_opening_in_another_form_of_its_verb_is_that_change() -> None:
    """'Providing To provide specialized …' restates the opening with the verb in another form: the words
    it shares with the paragraph are met by their stems ('provide' is 'Providing'), so it asks that change
    (read as a comment, it asked nothing)."""
    base = "1. Providing specialized services to identified victims of trafficking.\n"
    found = read_on(base, base + "\nAfrican Group: Providing To provide specialized ...\n")
    assert [(p.operation, p.resulting_text) for p in found] == [
        ("replace", "To provide specialized services to identified victims of trafficking.")
    ]
