"""Dispositions judge the change a proposal asks, not the whole text: small cases written by hand."""

from __future__ import annotations

from amendtrack.compare.align import align
from amendtrack.compare.asks import described, quoted_asks, suggested
from amendtrack.compare.change import Hunk, Words, change_of, finer, judge_change
from amendtrack.compare.disposition import Disposer, same_family
from amendtrack.model.acronyms import defined_acronyms, fold_acronyms, spelled_out
from amendtrack.model.proposal import Edit, Proposal, Sponsor, apply
from amendtrack.model.tree import Draft
from amendtrack.read.structure import read_text


def drafts(old: str, new: str) -> tuple[Draft, Draft]:
    return read_text(old, "old.txt"), read_text(new, "new.txt")


def judge(old: str, new: str, proposal: Proposal) -> tuple[str, str]:
    base, nxt = drafts(old, new)
    target = base.find(proposal.paragraph) if proposal.paragraph else None
    apply(proposal, target.text if target is not None else None)
    verdict = Disposer(base, nxt, align(base, nxt), "the next draft").dispose(proposal)
    return verdict.status, verdict.explanation


def proposal(operation: str, paragraph: str, *edits: Edit, text: str | None = None, said: str = "") -> Proposal:
    return Proposal(operation, paragraph, [Sponsor("Belarus", verbatim=said)], list(edits), text=text)


OLD = (
    "1. Recalling the relevant international convention on slavery and the Protocol thereto,\n\n"
    "2. Mainstream the issue of trafficking in persons into the broader policies and programmes of States.\n\n"
    "3. Encourage cooperation between States.\n"
)


def test_a_change_of_inflection_is_looked_for_as_such() -> None:
    asked = proposal("replace", "1", Edit("replace", old="convention", new="conventions"))
    kept = OLD.replace("Recalling the relevant", "Recalling also the relevant")  # the rest is redrafted
    assert judge(OLD, kept, asked)[0] == "not_reflected"  # the sentence is there; the plural is not
    taken = OLD.replace("convention on", "conventions on")
    assert judge(OLD, taken, asked)[0] == "accepted"


def test_an_insertion_the_next_draft_lacks_is_not_reflected_however_much_of_the_sentence_it_keeps() -> None:
    asked = proposal("insert", "2", Edit("insert", new="as appropriate,", anchor="Mainstream", position="after"))
    status, explanation = judge(OLD, OLD.replace("Mainstream the", "Mainstreaming the"), asked)
    assert status == "not_reflected" and "‘as appropriate’ did not go in" in explanation
    took = OLD.replace("Mainstream the", "Mainstream, as appropriate, the")
    assert judge(OLD, took, asked)[0] == "accepted"


def test_words_already_in_the_paragraph_prove_nothing() -> None:
    old = "1. Ensure, as appropriate, that victims are protected and assisted in all States.\n"
    asked = proposal("insert", "1", Edit("insert", new="as appropriate", anchor="assisted", position="after"))
    assert judge(old, old, asked)[0] == "not_reflected"  # 'as appropriate' was there before, once


def test_words_found_in_another_paragraph_count_only_where_they_are_new() -> None:
    """A long insertion can land in another paragraph; one that said those words already proves nothing."""
    old = (
        "1. Encourage States to cooperate with civil society.\n\n"
        "2. Welcome the work of the Special Rapporteur on trafficking in persons.\n"
    )
    asked = proposal(
        "insert",
        "1",
        Edit(
            "insert",
            new="and the Special Rapporteur on trafficking in persons",
            anchor="civil society",
            position="after",
        ),
    )
    assert judge(old, old, asked)[0] == "not_reflected"  # paragraph 2 said it before
    moved = old.replace(
        "cooperate with civil society.",
        "cooperate with civil society.\n\n4. Engage with the Special Rapporteur on trafficking in persons and NGOs.",
    )
    status, explanation = judge(old, moved, asked)
    assert status == "accepted" and "in paragraph" in explanation


def test_spelling_variants_are_the_same_words() -> None:
    asked = proposal("insert", "3", Edit("insert", new="and other organisations", anchor="States", position="after"))
    took = OLD.replace("between States.", "between States and other organizations.")
    status, explanation = judge(OLD, took, asked)
    assert status == "accepted" and "‘and other organisations’ went in" in explanation


def test_a_small_word_is_looked_for_with_its_neighbours() -> None:
    old = "1. The Conference of Parties to the Convention shall meet in the first year.\n"
    asked = proposal("replace", "1", Edit("replace", old="Conference of Parties", new="Conference of the Parties"))
    assert judge(old, old.replace("first year", "the first year"), asked)[0] == "not_reflected"
    assert judge(old, old.replace("of Parties", "of the Parties"), asked)[0] == "accepted"


def test_a_descriptive_proposal_looks_for_what_it_names() -> None:
    assert described("a reference to the OAS, most notably its Work Plan") == "the OAS, most notably its Work Plan"
    assert described("Include a reference to existing best practices") == "existing best practices"
    assert described("replace “victims” with “persons”") is None
    # what follows the thing is no part of it: a quotation giving its place, a sentence asking something else
    assert described("Add reference to Bali Process in list “...in its Organized Forms,”... Inviting States") == (
        "Bali Process"
    )
    assert described("Include a reference to best practices. Inviting States to share them.") == "best practices"
    assert described("include a reference to “the Protocol”") == "“the Protocol”"  # a quoted thing stays
    assert "Global Compact" in described("Add a reference to the “Global Compact for Migration”")
    assert described("Include a reference to processes, e.g. the Bali Process") == "processes, e.g. the Bali Process"
    assert described("include a reference to the ILO Convention No. 29") == "the ILO Convention No. 29"
    asked = proposal("insert", "3", Edit("insert", new="a reference to the OAS, most notably its Work Plan"))
    named = OLD.replace("between States.", "between States, such as the OAS Work Plan against trafficking.")
    assert judge(OLD, named, asked)[0] == "accepted"
    assert judge(OLD, OLD, asked)[0] == "not_reflected"


def test_a_comment_that_quotes_words_to_add_is_traced_like_an_insertion() -> None:
    remark = "The aim is unclear. Also suggest adding at the end “particularly in mixed migration flows”"
    assert [h.added for h in quoted_asks(remark)] == ["particularly in mixed migration flows"]
    assert quoted_asks("the phrase “Adopting specific measures” is vague") == []  # no verb asks for it
    placed = quoted_asks("Recommend inserting following “by exchanging information” “with full respect for privacy”")
    assert [(h.added, h.before) for h in placed] == [("with full respect for privacy", "by exchanging information")]
    asked = proposal("comment", "3", said=remark)
    took = OLD.replace("between States.", "between States, particularly in mixed migration flows.")
    status, explanation = judge(OLD, took, asked)
    assert status == "accepted" and "‘particularly in mixed migration flows’ went in" in explanation
    assert judge(OLD, OLD, proposal("comment", "3", said="We support this paragraph."))[0] == "n/a"


def test_a_comment_that_suggests_creating_something_is_traced_by_its_name() -> None:
    """'We suggest the establishment of a Joint Committee, as is usual': the delegation wants to know whether
    the Joint Committee is in the next draft, whatever else the comment says."""
    remark = "Beside the secretariat, we suggest the establishment of a Joint Committee, as is usually the practice."
    assert suggested(remark) == "a Joint Committee"
    assert suggested("We support this paragraph and its establishment.") is None
    assert suggested("We do not suggest the establishment of a new body.") is None
    assert suggested("Japan recommends the adoption of the paragraph as drafted.") is None  # support, no ask
    assert suggested("We suggest the establishment of a Joint Committee and that States report to it") == (
        "a Joint Committee"
    )
    asked = proposal("comment", "3", said=remark)
    status, explanation = judge(OLD, OLD, asked)
    assert status == "not_reflected" and "Joint Committee" in explanation
    took = OLD.replace("between States.", "between States, overseen by a Joint Committee.")
    assert judge(OLD, took, asked)[0] == "accepted"


def test_a_deleted_paragraph_merged_into_another_keeps_its_words_in_other_parts_of_speech() -> None:
    """Asked deleted, 2 was merged into 1, which says 'coordination' for its 'coordinate' and 'governmental'
    for its 'government': its substance is kept there, so the deletion was overtaken, not half made."""
    old = (
        "1. Promoting cooperation between civil society and the private sector in prevention policies.\n\n"
        "2. Endeavoring to coordinate all stakeholders at the national level, including government institutions, "
        "workers organizations and employers organizations.\n\n3. Encourage cooperation between States.\n"
    )
    new = (
        "1. Promote cooperation and coordination between governmental institutions, civil society and the private "
        "sector, as well as workers and employers organizations, in prevention policies.\n\n"
        "2. [Merged with paragraph 1]\n\n3. Encourage cooperation between States.\n"
    )
    assert judge(old, new, proposal("delete", "2")) == (
        "superseded",
        "paragraph 2 was merged into 1, its words kept there",
    )
    assert same_family("coordinat", "coordination") and same_family("government", "governmental")
    assert not same_family("state", "statement") and not same_family("nation", "nationality")
    assert not same_family("person", "personnel") and not same_family("inform", "informal")


MERGED_OLD = (
    "1. Implementing all relevant legal instruments against trafficking in persons.\n\n"
    "2. Prosecuting crimes of trafficking that encompass all forms of exploitation, including the removal of "
    "organs, in accordance with national legislation.\n\n3. Encourage cooperation between States.\n"
)
MERGED_NEW = (
    "1. Implement all relevant legal instruments against trafficking in persons and prosecute crimes of "
    "trafficking that encompass all forms of exploitation.\n\n2. [Merged with paragraph 1]\n\n"
    "3. Encourage cooperation between States.\n"
)


def test_a_change_to_a_merged_paragraph_went_in_when_a_piece_of_it_went_in_whole() -> None:
    """2 was merged into 1: a redraft that takes out 'including the removal of organs' (gone from the merged
    text) and adds words that are not there is carried in part, however few words that piece has; a change
    only half met there (the new word in, the old one kept) is what any merge does: overtaken by it."""
    redraft = (
        "Prosecuting crimes of trafficking that encompass all forms of exploitation, in accordance with national "
        "legislation and international human rights law and standards."
    )
    status, explanation = judge(MERGED_OLD, MERGED_NEW, proposal("redraft", "2", text=redraft))
    assert status == "partial" and "‘including the removal of organs,’ was taken out" in explanation
    half = proposal("replace", "2", Edit("replace", old="encompass", new="cover"))
    assert judge(MERGED_OLD, MERGED_NEW.replace("that encompass", "that encompass and cover"), half)[0] == "superseded"


def test_a_merge_asked_with_one_paragraph_and_made_with_another_is_overtaken() -> None:
    """'Merge 2 with 3': the next draft merged 2 into 1 and kept 3 apart, so the merge asked was not made
    (the paragraph went another way); asked with 1, it was made as asked."""
    with_three = proposal("merge", "2")
    with_three.related = ["3"]
    status, explanation = judge(MERGED_OLD, MERGED_NEW, with_three)
    assert status == "superseded" and "none of the paragraphs you named" in explanation
    with_one = proposal("merge", "2")
    with_one.related = ["1"]
    assert judge(MERGED_OLD, MERGED_NEW, with_one)[0] == "accepted"


def test_a_word_the_next_draft_puts_in_everywhere_is_no_sign_that_an_insertion_went_in() -> None:
    """The next draft says 'trafficking in persons' for 'trafficking' in every paragraph: an insertion on a
    National Rapporteur 'on trafficking in persons' did not go in because 'persons' did; said in full, it did."""
    topics = ["prevention", "protection of victims", "prosecution", "cooperation between States", "data"]
    old = "\n\n".join(
        f"{k}. Strengthening national action against trafficking through {t}." for k, t in enumerate(topics, 1)
    )
    new = old.replace("against trafficking", "against trafficking in persons").replace("Strengthening", "Strengthen")
    rapporteur = ", as well as by creating the institution of a National Rapporteur on trafficking in persons"
    asked = proposal("insert", "2", Edit("insert", new=rapporteur, anchor="protection of victims", position="after"))
    assert judge(old + "\n", new + "\n", asked)[0] == "not_reflected"
    took = new.replace("protection of victims.", f"protection of victims{rapporteur}.")
    assert judge(old + "\n", took + "\n", asked)[0] == "accepted"
    british = old.replace("against trafficking", "against trafficking and forced labour")  # spelt either way
    labour = proposal(
        "insert", "2", Edit("insert", new=", as well as by a Rapporteur on forced labor", anchor="victims")
    )
    labour.edits[0].position = "after"
    assert judge(old + "\n", british + "\n", labour)[0] == "not_reflected"


def test_an_acronym_no_draft_defines_is_found_written_out() -> None:
    """'Add a reference to the OAS': the next draft names the Organization of American States in full."""
    old = "1. Recalling regional initiatives, such as the ASEAN Declaration against Trafficking in Persons.\n"
    new = old.replace("Persons.", "Persons and the Organization of American States’ Work Plan.")
    asked = proposal("insert", "1", Edit("insert", new="Add a reference to the OAS, most notably its work plan."))
    status, explanation = judge(old, new, asked)
    assert status == "accepted" and "names OAS (as ‘Organization of American States’)" in explanation
    assert judge(old, old, asked)[0] == "not_reflected"
    assert spelled_out("OAS", new) == ["Organization of American States"]
    assert spelled_out("EU", "Persons in Europe. Under article 5 …") == []  # a name stays within its phrase
    assert spelled_out("EU", "the European Universities Association") == []  # nor is it the start of another
    said = old.replace("Persons.", "Persons and the OAS.")  # the paragraph said it: writing it out adds nothing
    assert judge(said, said.replace("the OAS", "the Organization of American States (OAS)"), asked)[0] == (
        "not_reflected"
    )
    cited = proposal("insert", "1", Edit("insert", new="Add a reference to para 3 of the Protocol."))
    assert judge(old, old.replace("Persons.", "Persons, para 3 of the Protocol."), cited)[0] == "accepted"
    assert spelled_out("OAS", "Our American Society") == ["Our American Society"] and not spelled_out("Oas", new)


def test_a_new_paragraph_must_say_what_it_brings() -> None:
    old = "1. Requests the Secretary-General to report on the implementation of this resolution.\n"
    new = old + "\n2. Requests the Secretary-General to report on progress at its next session.\n"
    monitoring = "Requests the Secretary-General to establish a monitoring mechanism with independent experts."
    asked = proposal("new_paragraph", "1", text=monitoring)
    assert judge(old, new, asked)[0] == "not_reflected"  # alike in its boilerplate, not in what it asks
    took = old + f"\n2. {monitoring}\n"
    assert judge(old, took, asked)[0] == "accepted"


def test_a_paragraph_missing_from_a_draft_that_marks_its_deletions_is_unclear() -> None:
    old = "1. First paragraph on prevention.\n\n2. Second paragraph on protection of victims.\n\n3. Third one.\n"
    new = "1. First paragraph on prevention.\n\n3. [Paragraph deleted]\n"
    status, explanation = judge(old, new, proposal("delete", "2"))
    assert status == "unclear" and "nor marked deleted there" in explanation
    assert judge(old, new, proposal("delete", "3"))[0] == "accepted"
    # one story for every proposal on the lost paragraph: a redraft or a move of it cannot tell either
    assert judge(old, new, proposal("redraft", "2", text="Second paragraph on assistance to victims."))[0] == "unclear"
    assert judge(old, new, proposal("move", "2"))[0] == "unclear"
    merge = proposal("merge", "2")
    merge.related = ["1"]
    assert judge(old, new, merge)[0] == "unclear"
    assert judge(old, new, proposal("split", "2"))[0] == "unclear"


def test_hunks_keep_their_context_and_drop_what_both_sides_share() -> None:
    hunks = change_of("help both victims and perpetrators now", "help victims now")
    assert [(h.removed, h.added) for h in hunks] == [("both", ""), ("and perpetrators", "")]
    judged = judge_change(hunks, "help both victims and perpetrators now", "help victims and perpetrators now")
    assert [c for _, c in judged.hunks] == [1.0, 0.0]  # 'both' went, 'and perpetrators' is still there


DAMAGED = (  # paragraph 2 of the next draft lost its start to the scan: it opens mid-sentence
    "1. Encourage cooperation between States.\n\n"
    "2. victims of trafficking with a recovery and reflection period, and with access to legal advice.\n"
)
WHOLE = (
    "1. Encourage cooperation between States.\n\n"
    "2. Providing suspected victims of trafficking with a recovery and reflection period, and with shelter.\n"
)


def test_a_paragraph_that_lost_its_start_still_shows_it_was_not_deleted() -> None:
    status, explanation = judge(WHOLE, DAMAGED, proposal("delete", "2"))
    assert status == "not_reflected" and "still there" in explanation


def test_a_change_in_the_part_the_scan_kept_is_judged_and_one_in_the_lost_start_is_unclear() -> None:
    in_tail = proposal("replace", "2", Edit("replace", old="with shelter", new="with safe shelter"))
    assert judge(WHOLE, DAMAGED, in_tail)[0] == "not_reflected"  # 'and with' is there: the change is not
    in_start = proposal("replace", "2", Edit("replace", old="Providing suspected", new="Providing presumed"))
    assert judge(WHOLE, DAMAGED, in_start)[0] == "unclear"  # the words around it went with the lost start


def test_a_deletion_that_is_half_of_its_delegations_merge_is_carried_by_the_merge() -> None:
    """Belarus deletes 3 and redrafts 2 to hold 3's words; the next draft merges 3 into 2: accepted. Another
    delegation deleting 3 without such a plan sees its deletion superseded (3's words live on in 2)."""
    old = (
        "1. Encourage cooperation between States.\n\n"
        "2. Criminalize trafficking in persons in national legislation.\n\n"
        "3. Ensure penalties proportionate to the gravity of the crime of trafficking.\n"
    )
    new = (
        "1. Encourage cooperation between States.\n\n"
        "2. Criminalize trafficking in persons in national legislation, ensuring penalties proportionate to the "
        "gravity of the crime.\n\n3. [Merged with paragraph 2]\n"
    )
    base, nxt = drafts(old, new)
    redraft = Proposal(
        "redraft", "2", [Sponsor("Belarus")], text="Criminalize trafficking in persons, ensuring penalties "
        "proportionate to the gravity of the crime of trafficking."
    )  # fmt: skip
    mine = Proposal("delete", "3", [Sponsor("Belarus")])
    theirs = Proposal("delete", "3", [Sponsor("Japan")])
    for p in (redraft, mine, theirs):
        apply(p, base.find(p.paragraph).text)
    judge_all = Disposer(base, nxt, align(base, nxt), "the next draft", [redraft, mine, theirs])
    verdict = judge_all.dispose(mine)
    assert verdict.status == "accepted" and "as your redraft of paragraph 2 asked" in verdict.explanation
    assert judge_all.dispose(theirs).status == "superseded"
    alone = Disposer(base, nxt, align(base, nxt), "the next draft")  # without the other inputs: no plan known
    assert alone.dispose(mine).status == "superseded"


def test_a_change_to_a_paragraph_the_next_draft_deletes_went_with_it() -> None:
    """Striking words from a paragraph that is then deleted whole: the words are gone, but because the paragraph
    went, not because they were struck; the change is superseded, whatever it asked."""
    old = "1. First paragraph on prevention.\n\n2. Provide compensation from confiscated proceeds of crime.\n"
    new = "1. First paragraph on prevention.\n\n2. [Paragraph deleted]\n"
    struck = proposal("delete", "2", Edit("delete", old="from confiscated proceeds of crime"))
    status, explanation = judge(old, new, struck)
    assert status == "superseded" and "deleted" in explanation
    added = proposal("insert", "2", Edit("insert", new="and restitution", anchor="compensation", position="after"))
    assert judge(old, new, added)[0] == "superseded"


def test_a_reference_asked_in_a_paragraph_the_next_draft_deletes_is_superseded_unless_named_elsewhere() -> None:
    old = "1. First paragraph on prevention.\n\n2. Provide compensation to victims of trafficking.\n"
    asked = proposal("insert", "2", Edit("insert", new="Recommend reference be made of the UN Special Rapporteur"))
    assert judge(old, "1. First paragraph on prevention.\n\n2. [Paragraph deleted]\n", asked)[0] == "superseded"
    named = "1. First paragraph on prevention, with the UN Special Rapporteur.\n\n2. [Paragraph deleted]\n"
    assert judge(old, named, asked)[0] == "accepted"
    assert described("Recommend reference be made of the UN Special Rapporteur") == "the UN Special Rapporteur"


def test_a_redraft_asked_without_words_is_not_reflected_where_nothing_changed_and_unclear_where_it_did() -> None:
    from amendtrack.model.delegation import Registry
    from amendtrack.read.compilation import read_compilation_text

    base, _ = drafts(OLD, OLD)
    asked = read_compilation_text(
        OLD.split("\n\n")[2] + "\n\nColombia: redraft in accordance with the Convention on cooperation\n",
        base,
        Registry.load(),
    )
    assert [(p.operation, p.text, p.rationale) for p in asked] == [
        ("redraft", None, "in accordance with the Convention on cooperation")
    ]
    status, explanation = judge(OLD, OLD, asked[0])
    assert status == "not_reflected" and "was not redrafted" in explanation
    status, explanation = judge(
        OLD, OLD.replace("cooperation between States", "cooperation among all States"), asked[0]
    )
    assert status == "unclear" and "no words to compare" in explanation


def test_a_redraft_the_next_draft_is_built_on_is_accepted_though_it_changed_some_of_it() -> None:
    """The successor reads clearly more like the redraft than like the old paragraph: the facilitators took the
    redraft as their text (and edited it), so it is accepted, saying what of it did not go in; a successor
    that keeps the old text with a few of the redraft's words is not."""
    old = "1. Promoting the systematic use of freezing assets of traffickers to fight organized crime.\n"
    redraft = (
        "Enhancing efforts to investigate trafficking cases, strengthening means to combat trafficking, including "
        "through the freezing of assets for eventual confiscation, and ensuring proportionate penalties."
    )
    asked = proposal("redraft", "1", text=redraft)
    built_on = (
        "1. Enhance efforts to investigate trafficking cases, strengthen means to combat trafficking, including "
        "through the freezing of assets for eventual confiscation under the Convention.\n"
    )
    status, explanation = judge(old, built_on, asked)
    assert status == "accepted" and "is the basis of the text" in explanation and "done in part" in explanation
    kept_old = old.replace("crime.", "crime, including through the freezing of assets for eventual confiscation.")
    assert judge(old, kept_old, asked)[0] != "accepted"  # the old text goes on, with a few of the redraft's words


def test_an_insertion_found_only_in_words_the_paragraph_had_is_not_carried_in_part() -> None:
    """'as well as by creating a National Rapporteur on trafficking in persons': the next draft says
    'trafficking in persons' (the paragraph said it already) and nothing of the rapporteur; only the words the
    insertion brings count, so it is not reflected, and is partly carried once some of those go in."""
    old = "1. Support national referral mechanisms for victims of trafficking in persons and their families.\n"
    asked = proposal(
        "insert",
        "1",
        Edit("insert", new="as well as by creating a National Rapporteur on trafficking in persons", anchor="families"),
    )
    assert judge(old, old.replace("Support", "Strengthen"), asked)[0] == "not_reflected"
    some = old.replace("families.", "families, creating a rapporteur office.")
    assert judge(old, some, asked)[0] == "partial"


def test_words_the_paragraph_had_put_in_another_place_are_carried_only_there() -> None:
    """Words the paragraph had, which a redraft puts at its end: the next draft has them wherever it leaves them,
    so only their new place (the words around them) shows the move was made."""
    old = "Concluding and implementing mutual legal assistance and extradition agreements to prosecute traffickers."
    moved = Hunk("", "including by concluding and implementing mutual legal assistance and extradition agreements",
                 "to prosecute traffickers", "")  # fmt: skip
    kept = old.replace("Concluding and implementing", "Conclude and implement")
    assert [c for _, c in judge_change([moved], old, kept).hunks] == [0.0]
    there = "Prosecute traffickers, including by concluding and implementing mutual legal assistance and extradition"
    assert [c for _, c in judge_change([moved], old, f"{there} agreements.").hunks] == [1.0]


def test_words_a_redraft_moves_are_judged_where_they_go_not_where_they_stood() -> None:
    """'A, to prosecute traffickers' redrafted as 'Study ways to prosecute traffickers, including by A': the
    words of A are not taken out where they stood, so the removal there is no change to look for."""
    old = "Concluding mutual legal assistance agreements to prosecute traffickers."
    wanted = "Study ways to prosecute traffickers, including by concluding mutual legal assistance agreements."
    hunks = change_of(old, wanted)
    judged = judge_change(hunks, old, wanted)
    assert all(hunk.added for hunk, _ in judged.hunks) and judged.share == 1.0
    old = "Ensuring that national legislation recognizes trafficked persons as victims of crime."
    hunks = change_of(old, "Ensuring that trafficked persons are treated as victims of crime.")
    later = "Ensure that trafficked persons are treated as victims of crime."  # what it says again is no removal
    assert judge_change(hunks, old, later).share == 1.0


def test_a_long_replacement_is_judged_by_the_smaller_changes_it_is_made_of() -> None:
    """The redline joins changes across the words both sides share ('integrate … the community'): a later text
    that makes one of them (takes out 'both' and 'and perpetrators') carries part of the change, not none."""
    old = (
        "Stressing the need to integrate both victims and perpetrators in the community, in line with the "
        "Guidelines of the Office of the High Commissioner and the Principles of the Children's Fund;"
    )
    wanted = (
        "Stressing the need to integrate victims in the community, taking into consideration the supportive "
        "role of the Office of the High Commissioner and the Children's Fund in this regard;"
    )
    later = (
        "Stress the need to integrate victims in the community, in line with the Guidelines of the Office of "
        "the High Commissioner and the Principles of the Children's Fund;"
    )
    hunks = change_of(old, wanted)
    assert "both" in hunks[0].removed and "community" in hunks[0].removed  # joined as the redline shows it
    judged = judge_change(hunks, old, later)
    done = [hunk.removed for hunk, c in judged.hunks if c == 1.0]
    assert "both" in done and "and perpetrators" in done
    assert 0 < judged.share < 1
    assert judge_change(hunks, old, old).share == 0.0  # nothing of it made: none of its pieces counts
    assert judge_change(hunks, old, wanted).share == 1.0
    old = "Urges States to protect victims, prosecute traffickers and prevent exploitation through campaigns, by law."
    moved = "Urges States to prevent exploitation through campaigns, protect victims and prosecute traffickers, by law."
    assert judge_change(change_of(old, moved), old, old).share == 0.0  # a clause moved is not one taken out


def test_a_citation_abbreviated_is_the_same_words_and_glue_words_of_a_rewording_ask_nothing() -> None:
    """'in accordance with Art.32' restated as '… with Article 32' carries the clause moved to the front; the
    'is' a rewording needs around the words both sides keep is no piece of the change to find."""
    assert Words("under Art. 32, para 2").stems == Words("under article 32, paragraph 2").stems
    assert "art" in Words("the art of drafting").stems  # a word, not a citation
    old = (
        "Recognizing the role of the Conference of Parties to the Convention, established in accordance with "
        "Art. 32 of the Convention, to improve the capacity of States Parties to review its implementation;"
    )
    wanted = (
        "Reaffirming that, in accordance with Art.32 of the Convention, the Conference of Parties to the "
        "Convention is established to improve the capacity of States Parties to review its implementation;"
    )
    later = wanted.replace("Reaffirming", "Recognize").replace("Art.32", "Article 32")
    (hunk,) = change_of(old, wanted)
    assert all(piece.removed or Words(piece.added).stems for piece in finer(hunk))  # no 'is' on its own
    (negated,) = change_of(old, wanted.replace("is established", "is not established"))
    assert any("not" in piece.added.split() for piece in finer(negated))  # 'not' is an ask, not glue
    assert 0 < judge_change([hunk], old, later).share < 1  # the clause went to the front, 'Reaffirming' did not


def test_a_new_text_in_the_old_ones_place_is_one_change_whatever_words_they_share() -> None:
    """A redraft that shares a word or two with the paragraph ('protection', 'children') is a new text, not
    small changes around them: a later text that drops some of the old words for its own reasons carries
    none of it."""
    old = (
        "Providing appropriate assistance and protection to children who are victims of trafficking or at risk "
        "of being trafficked, including for purposes such as illegal adoption or the removal of organs;"
    )
    wanted = (
        "Ensuring that all actions undertaken in relation to child victims should be guided by human rights "
        "standards and by the principles of protection and respect for children as set out in the Convention;"
    )
    later = "Provide appropriate assistance and protection to children in their best interest;"
    assert judge_change(change_of(old, wanted), old, later).share == 0.0


def test_words_asked_at_the_opening_are_looked_for_at_the_opening() -> None:
    """'To strengthen' for 'Strengthening' is not carried by 'Strengthen or continue to strengthen the capacity':
    the words are in the sentence, not where the proposal put them."""
    old = "1. Strengthening the capacity of service providers to identify victims.\n"
    asked = proposal("replace", "1", Edit("replace", old="Strengthening", new="To strengthen"))
    elsewhere = old.replace("Strengthening the", "Strengthen or continue to strengthen the")
    assert judge(old, elsewhere, asked)[0] == "not_reflected"
    assert judge(old, old.replace("Strengthening", "To strengthen"), asked)[0] == "accepted"


def test_a_list_label_in_place_of_words_is_their_removal() -> None:
    """A redraft that turns 'X, as prescribed in the Protocol Y, …' into a lettered list takes the reference
    out; the letter it leaves is no word put in."""
    hunks = change_of("offences: attempting to act, as prescribed in the Protocol participating", "offences: "
                      "a. attempting to act, b. participating")  # fmt: skip
    assert [(h.removed, h.added) for h in hunks] == [("as prescribed in the Protocol", "")]


def test_a_name_and_the_acronym_the_drafts_define_for_it_are_the_same_words() -> None:
    old = (
        "1. Recalling the United Nations Convention against Transnational Organized Crime (hereinafter “UNTOC”).\n\n"
        "2. Sharing good practices among States.\n"
    )
    asked = proposal(
        "insert",
        "2",
        Edit(
            "insert",
            new="in supplementing the United Nations Convention against Transnational Organized Crime",
            anchor="States",
            position="after",
        ),
    )
    took = old.replace("among States.", "among States in supplementing UNTOC.")
    assert judge(old, took, asked)[0] == "accepted"
    assert judge(old, old.replace("among States.", "among States in supplementing UNCAC."), asked)[0] != "accepted"


def test_words_a_paragraph_merged_with_it_had_prove_nothing() -> None:
    """Paragraphs 1 and 2 merged: 'trafficking in persons', asked for in 2, is in the merged text only because 1
    said it; the insertion went with the merge, not into it."""
    old = (
        "1. Criminalizing trafficking in persons in national legislation.\n\n"
        "2. Establishing as criminal offences attempting to commit an offence.\n"
    )
    new = (
        "1. Criminalize trafficking in persons in national legislation, and establish as criminal offences "
        "attempting to commit an offence.\n\n2. [Merged with paragraph 1]\n"
    )
    put_in = Edit("insert", new="trafficking in persons", anchor="Establishing", position="after")
    asked = proposal("insert", "2", put_in)
    assert judge(old, new, asked)[0] == "superseded"  # 2 went into 1, and the insertion did not go with it


def test_only_names_whose_capitals_spell_the_acronym_are_folded() -> None:
    text = (
        "Recalling the United Nations Convention against Transnational Organized Crime_(hereinafter “UNTOC”), the "
        "work of the International Organization for Migration (IOM) and of its partners (UNODC)."
    )
    assert defined_acronyms(text) == {
        "United Nations Convention against Transnational Organized Crime": "UNTOC",
        "International Organization for Migration": "IOM",
    }  # 'its partners' spells no UNODC: nothing is defined there
    names = defined_acronyms(text)
    assert fold_acronyms("the international organization for  migration", names) == "the IOM"


def test_words_the_paragraph_had_moved_to_where_the_insertion_puts_them_are_part_of_it() -> None:
    """'civil society, including' after 'cooperation with': the paragraph named civil society at its end; the
    next draft moves it to the place asked, without 'including': part of the insertion, not nothing."""
    old = "1. Encourage cooperation with non-governmental organizations and other elements of civil society.\n"
    asked = proposal("insert", "1", Edit("insert", new="civil society, including", anchor="cooperation with"))
    moved = "1. Encourage cooperation with civil society, non-governmental organizations and others.\n"
    assert judge(old, moved, asked)[0] == "partial"
    assert judge(old, old.replace("Encourage", "Promote"), asked)[0] == "not_reflected"


def test_a_new_paragraph_modelled_on_one_that_goes_on_unchanged_is_not_taken_up_by_it() -> None:
    """'Making use of technical assistance … by IOM' copies paragraph 1 ('… by UNODC'): paragraph 1 going on
    into the next draft is no sign the new paragraph went in; a next draft that makes it say IOM is."""
    old = (
        "1. Making use of available technical assistance to strengthen the criminal justice response, "
        "including by UNODC.\n\n2. Encourage cooperation between States.\n"
    )
    asked = proposal("new_paragraph", "2", text="Making use of available technical assistance to protect victims, "
                     "including by IOM")  # fmt: skip
    status, explanation = judge(old, old.replace("Making use", "Make use"), asked)
    assert status == "not_reflected" and "as near to it in the earlier draft" in explanation
    took = old.replace("justice response, including by UNODC", "justice response and to protect victims, including "
                       "by UNODC and IOM")  # fmt: skip
    assert judge(old, took, asked)[0] == "accepted"  # it now says what the new paragraph brings (IOM)


def test_edge_cases_of_judging_a_change() -> None:
    """A short insertion the reader could not place is looked for anywhere, not at the opening; a name written
    out for its acronym is a change; a word a change puts back elsewhere among others is no move; an article
    for an article is a change of words, not a list label."""
    unplaced = Hunk("", "gender-sensitive", "", "")
    assert [
        c for _, c in judge_change([unplaced], "Train officials.", "Train officials in gender-sensitive ways.").hunks
    ] == [1.0]
    names = {"United Nations Convention against Transnational Organized Crime": "UNTOC"}
    spelled = Hunk("UNTOC", "United Nations Convention against Transnational Organized Crime", "implement", "")
    later = "implement United Nations Convention against Transnational Organized Crime"
    assert [c for _, c in judge_change([spelled], "implement UNTOC", later, names).hunks] == [1.0]
    hunks = change_of(
        "Protect victims and witnesses of trafficking", "Protect witnesses of trafficking, especially child victims"
    )
    assert any(hunk.removed and not hunk.added for hunk, _ in judge_change(hunks, "", "").hunks)
    assert [(h.removed, h.added) for h in change_of("Adopt the plan", "Adopt a plan")] == [("the", "a")]
    assert (
        fold_acronyms(
            "the İnternational Organization for Migration", {"International Organization for Migration": "IOM"}
        )
        == "the IOM"
    )


def test_a_change_to_a_chapeau_is_judged_without_counting_its_sub_paragraphs_twice() -> None:
    old = (
        "1. Protect persons in need, including:\n\n(a) victims of trafficking;\n\n(b) witnesses.\n\n2. Encourage it.\n"
    )
    asked = proposal("replace", "1", Edit("replace", old="persons", new="victims"))
    assert judge(old, old.replace("Protect persons", "Protect victims"), asked)[0] == "accepted"
    assert judge(old, old.replace("Protect persons", "Protect people"), asked)[0] == "not_reflected"


def test_an_insertion_of_several_clauses_is_carried_in_part_when_one_of_them_went_in() -> None:
    """'UNESCO, the Office of the High Commissioner for Human Rights and the World Health Organization' after
    'UNICEF': the next draft names the Office only; one of the things asked went in, so part of it did."""
    old = "1. Noting the work of UNICEF and of the ILO in the fight against trafficking.\n"
    asked = proposal(
        "insert",
        "1",
        Edit(
            "insert",
            new="the United Nations Educational, Scientific and Cultural Organization, the Office of the High "
            "Commissioner for Human Rights, the World Health Organization",
            anchor="UNICEF",
            position="after",
        ),
    )
    one = old.replace("UNICEF and", "UNICEF, the Office of the High Commissioner for Human Rights and")
    assert judge(old, one, asked)[0] == "partial"
    assert judge(old, old.replace("Noting", "Welcoming"), asked)[0] == "not_reflected"
