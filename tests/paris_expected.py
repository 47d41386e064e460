# ruff: noqa: E501 - exact paragraph texts from the corpus are long single-line strings
"""Hand-checked expectations for the Paris Agreement corpus (test oracle).

Corpus: ``../shared/corpora/paris-2015/`` (beside the checkout) (see its SOURCES.md): five Markdown
transcriptions of successive Paris Agreement texts, byte-for-byte copies of the
Open Knowledge ``cop21`` site sources.  The files are NOT copied into this repo;
tests that use this module should skip when the corpus directory is absent.

How this was made
-----------------
Every figure below was obtained by READING the five files (``cat -n`` / ``sed``
of line ranges), before amendtrack's reader was tuned on this corpus and
without looking at or running amendtrack's reader code, so the oracle is
independent of the implementation.  grep/awk/python were used only as reading
aids (printing line numbers, indentation and list markers, copying line text);
each count was then checked against the text by eye, and the per-Article
counts of the 12 Dec and final texts were counted twice (once from the text,
once again from the raw line numbers given in the comments).  Line numbers in
the comments are 1-based line numbers of the corpus files.

Conventions
-----------
* Drafts are keyed by file name (see ``DRAFTS``).
* Article numbers are strings exactly as printed in the heading:
  "2bis", "3ter", and "8 bis" (that one IS printed with a space).
* "Numbered paragraph" = a Markdown ordered-list item (``1.``, ``2.`` ...) that
  is a direct child of the Article; "sub-paragraph" = a nested ordered-list
  item (printed (a), (b) ... / (i), (ii) in the official texts).
  Labels printed as plain text ("3.3bis", "3bis.", "(5bis)", "7.bis", "(a)")
  are NOT Markdown list items; they are listed in ``UNLISTED_NUMBERED_BLOCKS``
  and are not counted as numbered paragraphs anywhere else.
* Options are grouped in reading order: an "Option N" block owns everything
  after it up to the next Option label of the same group or the end of the
  enclosing paragraph/Article.  Where the Markdown indentation is irregular
  enough that a strict CommonMark parser would attach a block elsewhere, the
  entry follows the evident intent and ``INDENTATION_HAZARDS`` says so.
* ``where`` in OPTION_GROUPS is "article" (options at Article level), "<p>"
  (inside numbered paragraph p), "<p>.<s>" (inside sub-paragraph s of
  paragraph p; numbers as printed) or "<p>/Option k" (nested inside option k
  of the group that sits in paragraph p).
"""

DRAFTS = (
    "01_23-oct-2015.md",
    "02_4-dec-2015.md",
    "03_9-dec-2015.md",
    "04_12-dec-2015.md",
    "05_final.md",
)

# ---------------------------------------------------------------------------
# 1. Articles: (number as printed, title without italics/parentheses, bracketed)
# ---------------------------------------------------------------------------
# All Article headings in all five files are level-2 headings of the form
# "## Article N" (checked with grep -i for "article"/"art." at line starts and
# for other heading levels: none is written ARTICLE, Art., ### or bold).
# Differences in writing: "## [Article 3bis] *(REDD-plus)*" and
# "## [Article 3ter] *(...)*" are bracketed (01: 383, 393; 02: 294, 304;
# 03: 191, 199); "## Article 8 bis" has a space and no title (01: 684;
# 02: 573; 03: 383) while 2bis/3bis/3ter have none.
# Other level-2 headings that are NOT Articles: "## Draft agreement and draft
# decision on workstreams 1 and 2 ..." (01: 10, 02: 10, 03: 10) and
# "## Preamble" (01: 18, 02: 15, 03: 15, 04: 16, 05: 15).

# Articles 1 to 14 (with 2bis, 3bis, 3ter and 8 bis) have the same titles in
# 01, 02 and 03.  Heading lines:
# 01: lines 56, 77, 93, 109, 383, 393, 446, 522, 540, 618, 654, 684, 690,
#     797, 809, 883, 914, 920, 928, 934, 942, 954, 964, 972, 978, 982, 992,
#     996, 1000, 1008
# 02: lines 53, 74, 88, 103, 294, 304, 357, 422, 440, 515, 551, 573, 577,
#     655, 665, 688, 709, 715, 723, 729, 737, 747, 758, 766, 772, 776, 784,
#     788, 792, 800


ARTICLES = {
    # 30 Articles.  Title typos as printed: 15 "ser ve" (928), 16 "accesssion"
    # (934), 18 "entryinto" (954).  Article 24 is printed "*(RESERVATIONS) *"
    # (996): a space before the closing asterisk, so in CommonMark it is not
    # emphasis and the asterisks stay literal; the title text is RESERVATIONS.
    "01_23-oct-2015.md": [
        ("1", "definitions", False),
        ("2", "purpose", False),
        ("2bis", "general", False),
        ("3", "mitigation", False),
        ("3bis", "REDD-plus", True),
        ("3ter", "mechanism to support sustainable development", True),
        ("4", "adaptation", False),
        ("5", "loss and damage", False),
        ("6", "finance", False),
        ("7", "technology development and transfer", False),
        ("8", "capacity-building", False),
        ("8 bis", "", False),
        ("9", "transparency", False),
        ("10", "global stocktake", False),
        ("11", "facilitating implementation and compliance", False),
        ("12", "CMA", False),
        ("13", "secretariat", False),
        ("14", "sbsta and sbi", False),
        ("15", "bodies and institutional arrangements to ser ve agreement", False),
        (
            "16",
            "signature and instruments of ratification, acceptance, approval or accesssion",
            False,
        ),
        ("17", "further requirements and decision-making rights", False),
        ("18", "entryinto force", False),
        ("19", "AMENDMENTS", False),
        ("20", "ANNEXES", False),
        ("21", "SETTLEMENT OF DISPUTES", False),
        ("22", "VOTING", False),
        ("23", "DEPOSITARY", False),
        ("24", "RESERVATIONS", False),
        ("25", "WITHDRAWAL", False),
        ("26", "LANGUAGES", False),
    ],
    # 30 Articles; same list, typos 15/18 fixed, "accesssion" kept (729).
    "02_4-dec-2015.md": [
        ("1", "definitions", False),
        ("2", "purpose", False),
        ("2bis", "general", False),
        ("3", "mitigation", False),
        ("3bis", "REDD-plus", True),
        ("3ter", "mechanism to support sustainable development", True),
        ("4", "adaptation", False),
        ("5", "loss and damage", False),
        ("6", "finance", False),
        ("7", "technology development and transfer", False),
        ("8", "capacity-building", False),
        ("8 bis", "", False),
        ("9", "transparency", False),
        ("10", "global stocktake", False),
        ("11", "facilitating implementation and compliance", False),
        ("12", "CMA", False),
        ("13", "secretariat", False),
        ("14", "sbsta and sbi", False),
        ("15", "bodies and institutional arrangements to serve agreement", False),
        (
            "16",
            "signature and instruments of ratification, acceptance, approval or accesssion",
            False,
        ),
        ("17", "further requirements and decision-making rights", False),
        ("18", "entry into force", False),
        ("19", "AMENDMENTS", False),
        ("20", "ANNEXES", False),
        ("21", "SETTLEMENT OF DISPUTES", False),
        ("22", "VOTING", False),
        ("23", "DEPOSITARY", False),
        ("24", "RESERVATIONS", False),
        ("25", "WITHDRAWAL", False),
        ("26", "LANGUAGES", False),
    ],
    # 29 Articles: there is NO Article 17 (16 at line 489 is followed by 18 at
    # 497).  Lines 51, 56, 77, 98, 191, 199, 226, 272, 286, 350, 371, 383, 387,
    # 433, 441, 449, 469, 475, 483, 489, 497, 505, 513, 519, 523, 529, 533,
    # 537, 545.
    "03_9-dec-2015.md": [
        ("1", "definitions", False),
        ("2", "purpose", False),
        ("2bis", "general", False),
        ("3", "mitigation", False),
        ("3bis", "REDD-plus", True),
        ("3ter", "mechanism to support sustainable development", True),
        ("4", "adaptation", False),
        ("5", "loss and damage", False),
        ("6", "finance", False),
        ("7", "technology development and transfer", False),
        ("8", "capacity-building", False),
        ("8 bis", "", False),
        ("9", "transparency", False),
        ("10", "global stocktake", False),
        ("11", "facilitating implementation and compliance", False),
        ("12", "CMA", False),
        ("13", "secretariat", False),
        ("14", "sbsta and sbi", False),
        ("15", "bodies and institutional arrangements to serve agreement", False),
        (
            "16",
            "signature and instruments of ratification, acceptance, approval or accesssion",
            False,
        ),
        ("18", "entry into force", False),
        ("19", "AMENDMENTS", False),
        ("20", "ANNEXES", False),
        ("21", "SETTLEMENT OF DISPUTES", False),
        ("22", "VOTING", False),
        ("23", "DEPOSITARY", False),
        ("24", "RESERVATIONS", False),
        ("25", "WITHDRAWAL", False),
        ("26", "LANGUAGES", False),
    ],
    # Articles 1-29, plain "## Article N" without titles.
    # 04: lines 54, 62, 72, 76, 116, 122, 154, 201, 222, 242, 256, 268, 272,
    #     308, 316, 324, 345, 351, 359, 365, 373, 383, 387, 393, 397, 403, 407,
    #     411, 419
    "04_12-dec-2015.md": [
        ("1", "", False),
        ("2", "", False),
        ("3", "", False),
        ("4", "", False),
        ("5", "", False),
        ("6", "", False),
        ("7", "", False),
        ("8", "", False),
        ("9", "", False),
        ("10", "", False),
        ("11", "", False),
        ("12", "", False),
        ("13", "", False),
        ("14", "", False),
        ("15", "", False),
        ("16", "", False),
        ("17", "", False),
        ("18", "", False),
        ("19", "", False),
        ("20", "", False),
        ("21", "", False),
        ("22", "", False),
        ("23", "", False),
        ("24", "", False),
        ("25", "", False),
        ("26", "", False),
        ("27", "", False),
        ("28", "", False),
        ("29", "", False),
    ],
    # 05: the same headings one line earlier (53 ... 418).
    "05_final.md": [
        ("1", "", False),
        ("2", "", False),
        ("3", "", False),
        ("4", "", False),
        ("5", "", False),
        ("6", "", False),
        ("7", "", False),
        ("8", "", False),
        ("9", "", False),
        ("10", "", False),
        ("11", "", False),
        ("12", "", False),
        ("13", "", False),
        ("14", "", False),
        ("15", "", False),
        ("16", "", False),
        ("17", "", False),
        ("18", "", False),
        ("19", "", False),
        ("20", "", False),
        ("21", "", False),
        ("22", "", False),
        ("23", "", False),
        ("24", "", False),
        ("25", "", False),
        ("26", "", False),
        ("27", "", False),
        ("28", "", False),
        ("29", "", False),
    ],
}

# None of the five files contains the draft DECISION part: 01-03 carry the
# heading "Draft agreement and draft decision ..." (line 10) but the text runs
# from the Preamble through Article 26 and then only footnote / link
# definitions (01: 1014-1036; 02: 806-858; 03: 553-554); 04/05 only link to the
# decision (04 line 8, "[decision]: /decision/" line 11).
DECISION_STARTS = {
    "01_23-oct-2015.md": None,
    "02_4-dec-2015.md": None,
    "03_9-dec-2015.md": None,
    "04_12-dec-2015.md": None,
    "05_final.md": None,
}

# ---------------------------------------------------------------------------
# 2. Preamble recitals
# ---------------------------------------------------------------------------
# Counted between "The Parties to this Agreement," and "Have agreed as
# follows:" (both excluded); each blank-line-separated block is one recital,
# an Option 1:/Option 2: pair is one recital place.
RECITALS = {
    # opening 20, closing 54; recitals at 22 24 26 28 30 32 34 36 38 40 42
    # (44+46 = one place: Option 1/Option 2) 48 50 52 -> 15.
    "01_23-oct-2015.md": 15,
    # opening 17, closing 51; recitals at 19 21 ... 49 (every odd line) -> 16.
    "02_4-dec-2015.md": 16,
    # opening 17, closing 49; recitals at 19 21 ... 47 -> 15.
    "03_9-dec-2015.md": 15,
    # opening 18, closing 52; recitals at 20 22 ... 50 -> 16.
    "04_12-dec-2015.md": 16,
    # opening 17 (printed in italics: "*The Parties to this Agreement*,"),
    # closing 51; recitals at 19 21 ... 49 -> 16.
    "05_final.md": 16,
}

RECITAL_OPTION_GROUPS = {
    # 01 lines 44 ("**Option 1:** *Recognizing* ...") and 46 ("**Option 2:**
    # *Recognizing* ..."): the 12th recital place (after 11 plain recitals at
    # lines 22-42).
    "01_23-oct-2015.md": [(12, 2)],
    "02_4-dec-2015.md": [],
    "03_9-dec-2015.md": [],
    "04_12-dec-2015.md": [],
    "05_final.md": [],
}

# ---------------------------------------------------------------------------
# 3. Paragraph counts of the 12 Dec and final texts
#    article -> (numbered paragraphs, unnumbered blocks, {paragraph: sub-items})
# ---------------------------------------------------------------------------
# 04 and 05 have identical structure; every 05 line number is the 04 line
# number minus 1 from the Preamble on.  Line numbers below are 04 / 05.
_PARAGRAPHS_DEC12 = {
    # 56/55 unnumbered "For the purpose(s) ... In addition:"; 58-60/57-59.
    "1": (3, 1, {}),
    # 64/63, 70/69; sub-items 66-68/65-67 under paragraph 1.
    "2": (2, 0, {1: 3}),
    # 74/73: the whole Article is one unnumbered block.
    "3": (0, 1, {}),
    # 78, 80, ... 114 / 77 ... 113 (every other line).
    "4": (19, 0, {}),
    # 118, 120 / 117, 119.
    "5": (2, 0, {}),
    # 124-152 / 123-151; sub-items 132 134 136 138 / 131 133 135 137 (para 4,
    # blank lines between them) and 148-150 / 147-149 (para 8).
    "6": (9, 0, {4: 4, 8: 3}),
    # 156-199 / 155-198; sub-items 170-174/169-173 (7), 180-184/179-183 (9),
    # 196-199/195-198 (14).
    "7": (14, 0, {7: 5, 9: 5, 14: 4}),
    # 203-220 / 202-219; sub-items 211-218 / 210-217 under paragraph 4.
    "8": (5, 0, {4: 8}),
    # 224-240 / 223-239.
    "9": (9, 0, {}),
    # 244-254 / 243-253.
    "10": (6, 0, {}),
    # 258-266 / 257-265.
    "11": (5, 0, {}),
    # 270 / 269: one unnumbered block.
    "12": (0, 1, {}),
    # 274-306 / 273-305; the two sub-items of paragraph 7 (288, 290 / 287,
    # 289) are indented by ONE space only -- see INDENTATION_HAZARDS.
    "13": (15, 0, {7: 2}),
    # 310-314 / 309-313.
    "14": (3, 0, {}),
    # 318-322 / 317-321.
    "15": (3, 0, {}),
    # 326-343 / 325-342; sub-items 334-335 / 333-334 under paragraph 4.
    "16": (8, 0, {4: 2}),
    # 347, 349 / 346, 348.
    "17": (2, 0, {}),
    # 353-357 / 352-356.
    "18": (3, 0, {}),
    # 361, 363 / 360, 362.
    "19": (2, 0, {}),
    # 367-371 / 366-370.
    "20": (3, 0, {}),
    # 375-381 / 374-380.
    "21": (4, 0, {}),
    # 385 / 384.
    "22": (0, 1, {}),
    # 389, 391 / 388, 390.
    "23": (2, 0, {}),
    # 395 / 394.
    "24": (0, 1, {}),
    # 399, 401 / 398, 400.
    "25": (2, 0, {}),
    # 405 / 404.
    "26": (0, 1, {}),
    # 409 / 408.
    "27": (0, 1, {}),
    # 413-417 / 412-416.
    "28": (3, 0, {}),
    # 421 / 420 is the Article's own sentence; 423 "DONE at Paris ..." and 425
    # "IN WITNESS WHEREOF ..." (422, 424 in 05) follow with no heading of their
    # own, so they sit under the Article 29 heading: 3 blocks as laid out, of
    # which only 1 is Article 29 proper (see TESTIMONIUM).
    "29": (0, 3, {}),
}

PARAGRAPHS = {
    "04_12-dec-2015.md": _PARAGRAPHS_DEC12,
    "05_final.md": _PARAGRAPHS_DEC12,
}

# The closing formula after Article 29 (not part of Article 29 in the official
# text): line numbers of its two blocks.  Subtract them from Article 29's
# unnumbered count if the reader treats them as end matter.
TESTIMONIUM = {
    "04_12-dec-2015.md": [423, 425],
    "05_final.md": [422, 424],
}

# Totals, for convenience (same for 04 and 05): 124 numbered paragraphs,
# 10 unnumbered blocks (incl. the 2 testimonium blocks), 36 sub-paragraphs
# (2.1: 3, 6: 4+3, 7: 5+5+4, 8: 8, 13: 2, 16: 2).
PARAGRAPH_TOTALS = {
    "04_12-dec-2015.md": (124, 10, 36),
    "05_final.md": (124, 10, 36),
}


# ---------------------------------------------------------------------------
# 4. Top-level paragraph numbers of the three bracketed drafts (as printed)
# ---------------------------------------------------------------------------
PARAGRAPH_NUMBERS = {
    "01_23-oct-2015.md": {
        # 58 unnumbered chapeau; 60-73; 75 unnumbered italic note.
        "1": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"],
        # inside "**Option 1:**" (79): 81, 87; Option 2 (89) is "No text".
        "2": ["1", "2"],
        # inside Option 1 (95): 97, 99, 101, 103; Option 2 (105) "No text".
        "2bis": ["1", "2", "3", "4"],
        # 111 119 125 153 155 157 159 221 279 287 317 323 329 339 345 347 367
        # 373 377.
        "3": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"],
        # 385 387 389 391.
        "3bis": ["1", "2", "3", "4"],
        # Option 1: 397, 402; Option 2: 413, 418; Options 3-5 unnumbered.
        "3ter": ["1", "2", "1", "2"],
        # 448 454 464 468 470 479 489 495 502 506 512 516.
        "4": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
        # all inside "**Option I:**" (524): 526-536.
        "5": ["1", "2", "3", "4", "5", "6"],
        # Option 1 (542): 544 546 548 550; Option 2 (552): 554 556 567 569 571
        # 579 583 587 589 591 593 595 597 599 601 603 607 616.
        "6": [
            "1",
            "2",
            "3",
            "4",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
            "10",
            "11",
            "12",
            "13",
            "14",
            "15",
            "16",
            "17",
            "18",
        ],
        # 620, then 632 636 640 644 650: paragraph 2 is MISSING (the
        # Option 1/Option 2 blocks at 628/630, indented under paragraph 1,
        # presumably were paragraph 2).
        "7": ["1", "3", "4", "5", "6", "7"],
        # 656 664 668 674 680.
        "8": ["1", "2", "3", "4", "5"],
        # only two "**Option N:**" blocks (686, 688).
        "8 bis": [],
        # 692 702 716 726 739 761 773 775 777 779 781 783 787 789 791 793 795.
        "9": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"],
        # 799 801 803 805 807.
        "10": ["1", "2", "3", "4", "5"],
        # inside "**Option I:** *(paragraphs 1 to 7)*" (811): 813 818 826 832
        # 851 862 873.
        "11": ["1", "2", "3", "4", "5", "6", "7"],
        # 885 887 889 891 906 908 910 912.
        "12": ["1", "2", "3", "4", "5", "6", "7", "8"],
        "13": ["1", "2"],  # 916, 918
        "14": ["1", "2", "3"],  # 922, 924, 926
        "15": ["1", "2"],  # 930, 932
        "16": ["1", "2", "3"],  # 936, 938, 940
        "17": ["1", "2"],  # inside Option I (944): 946, 948
        "18": ["1", "2", "3", "4"],  # 956 958 960 962
        "19": ["1", "2", "3"],  # 966 968 970
        "20": ["1", "2"],  # 974 976
        "21": [],  # 980 one unnumbered sentence
        "22": ["1", "2", "3", "4"],  # 984 986 988 990
        "23": [],  # 994
        "24": [],  # 998
        "25": ["1", "2", "3"],  # 1002 1004 1006
        "26": [],  # 1010 text, 1012 "[Placeholder for annexes]"
    },
    "02_4-dec-2015.md": {
        "1": [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
            "10",
            "11",
            "12",
            "13",
            "14",
        ],  # 55 chapeau; 57-70; 72 italic note
        "2": ["1", "2"],  # inside Option 1 (76): 78, 84; Option 2 at 86
        "2bis": ["1", "2", "3", "4"],  # inside Option 1 (90): 92-95; Option 2 at 99
        # 105 118 127 143 145 147 149 161 201 210 240 246 252 262 268 270 280
        # 288 ("1bis." at 116 and "3bis" at 133/141 are not list items).
        "3": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18"],
        "3bis": ["1", "2", "3", "4"],  # 296 298 300 302
        "3ter": ["1", "2", "1", "2"],  # Option 1: 308, 313; Option 2: 324, 329
        # 359 363 373 377 379 389 398 405 410 412 414 416 ("7.bis" at 403).
        "4": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
        "5": ["1", "2", "3", "4", "5", "6"],  # inside Option I (424): 426-436
        # 442 446 452 454 460 462 464 468 470 474 480 486 488 490 499 501 503
        # 505.  Paragraph 6 is printed but RUN INTO paragraph 5 on line 460
        # ("5. [Parties should strive ...] 6. [Parties should mobilize ...]"),
        # so it is no list item of its own; the list goes 5 -> 7.
        "6": ["1", "2", "3", "4", "5", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"],
        "7": ["1", "2", "3", "4", "5", "6", "7"],  # 517 523 529 533 537 539 547
        "8": ["1", "2", "3", "4", "5"],  # 553 555 557 559 565
        "8 bis": [],  # 575 one unnumbered block
        # 579 587 589 591 600 610 623 645 647 649 651 653 ("7bis." at 638).
        "9": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
        "10": ["1", "2", "3", "4"],  # 657 659 661 663
        # inside "**Option 1:** (paragraphs 1 to 4)" (667): 669 and 671 are
        # indented by one space, 676 and 678 are not.
        "11": ["1", "2", "3", "4"],
        "12": ["1", "2", "3", "4", "5", "6", "7", "8"],  # 690 692 694 696 701 703 705 707
        "13": ["1", "2"],  # 711 713
        "14": ["1", "2", "3"],  # 717 719 721
        "15": ["1", "2"],  # 725 727
        "16": ["1", "2", "3"],  # 731 733 735
        "17": ["1"],  # inside Option I (739): 741; Option II at 743
        "18": ["1", "2", "3", "4"],  # 749 751 753 755
        "19": ["1", "2", "3"],  # 760 762 764
        "20": ["1", "2"],  # 768 770
        "21": [],  # 774
        "22": ["1", "2", "3"],  # 778 780 782
        "23": [],  # 786
        "24": [],  # 790
        "25": ["1", "2", "3"],  # 794 796 798
        "26": [],  # 802, 804
    },
    "03_9-dec-2015.md": {
        "1": [],  # 53: one unnumbered sentence, no "In addition:" list
        "2": ["1", "2"],  # 58, 75
        # Option 1 (79): 81, 83; Option 2 (86): 88, 91, 93, 95.
        "2bis": ["1", "2", "1", "2", "3", "4"],
        # 100 106 111 123 127 135 139 143 147 149 153 157 161 169 171 175 177
        # 179 181, then 187 "21.": paragraph 20 is MISSING (the unnumbered
        # "**Cooperative approaches**" block at 183/185 stands where it would
        # be).  Unnumbered bold sub-headings also at 165 ("Response measures")
        # and 173 ("REIOs").
        "3": [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
            "10",
            "11",
            "12",
            "13",
            "14",
            "15",
            "16",
            "17",
            "18",
            "19",
            "21",
        ],
        "3bis": ["1", "2"],  # 193, 195
        # "**Proposed Mechanism 1**" (201): 203, 212, 214; "**Proposed
        # Mechanism 2**" (216): 218, 224.
        "3ter": ["1", "2", "3", "1", "2"],
        # 228 230 232 234 236 239 242 250 252 260 262 264 266.
        "4": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"],
        "5": ["1", "2", "3", "4"],  # after Option I (274) / Option II (276): 278-284
        # 290 294 302 306 314 318 322 330 334 338 340 344 346, with
        # unnumbered bold sub-headings between them (288 ... 342) and an
        # italic note block at 348.
        "6": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"],
        "7": ["1", "2", "3", "4", "5", "6", "7"],  # 352 359 361 363 365 367 369
        "8": ["1", "2", "3", "4", "5"],  # 373 375 377 379 381
        "8 bis": [],  # 385
        "9": [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
            "10",
            "11",
            "12",
        ],  # 389 393 395 397 404 411 418 423 425 427 429 431
        "10": ["1", "2", "3"],  # 435 437 439
        "11": ["1", "2", "3"],  # 443 445 447
        "12": ["1", "2", "3", "4", "5", "6", "7", "8"],  # 451 453 455 457 461 463 465 467
        "13": ["1", "2"],  # 471 473
        "14": ["1", "2", "3"],  # 477 479 481
        "15": ["1", "2"],  # 485 487
        "16": ["1", "2", "3"],  # 491 493 495
        # (no Article 17 in this draft)
        "18": ["1", "2", "3"],  # 499 501 503
        "19": ["1", "2", "3"],  # 507 509 511
        "20": ["1", "2"],  # 515 517
        "21": [],  # 521
        "22": ["1", "2"],  # 525 527
        "23": [],  # 531
        "24": [],  # 535
        "25": ["1", "2", "3"],  # 539 541 543
        "26": [],  # 547, 549
    },
}

# (Article, where, number of options,
#  tuple: numbered list items (first nesting level) inside each option)
OPTION_GROUPS = {
    "01_23-oct-2015.md": [
        ("2", "article", 2, (2, 0)),  # 79, 89 ("No text")
        ("2bis", "article", 2, (4, 0)),  # 95, 105 ("No text")
        ("3", "1", 3, (0, 0, 0)),  # 113 115 117
        ("3", "2", 2, (0, 0)),  # 121 123
        # 127 129 139 141.  Option 2 holds printed "3.3/3.3bis/3.3ter/
        # 3.3quat" blocks (131-137), Option 4 "3.3:/3.3alt:/3.3bis/3.3bis
        # Alt/3.x" (143-151): not list items, see UNLISTED_NUMBERED_BLOCKS.
        ("3", "3", 4, (0, 0, 0, 0)),
        # 161 (items 163-178 = 16), 180 (two chapeau blocks 182 and 201 with
        # items 184-199 = 16 and 203-219 = 17, together 33).
        ("3", "7", 2, (16, 33)),
        ("3", "8.1", 3, (0, 0, 0)),  # 225 227 229
        ("3", "8.2", 2, (3, 0)),  # 233 (items 235 239 243), 247
        ("3", "8.3", 3, (0, 0, 0)),  # 253 255 257
        ("3", "8.4", 3, (0, 0, 0)),  # 261 263 265
        ("3", "8.5", 3, (0, 0, 0)),  # 269 271 273 (irregular indents 7,7,6)
        ("3", "9", 2, (0, 0)),  # 281 283
        ("3", "10", 5, (0, 0, 2, 0, 0)),  # 289 291 295 (items 297 299) 307 309
        # second, separate group in the same paragraph ("Differentiation
        # modulator", 311): 313 315.
        ("3", "10", 2, (0, 0)),
        ("3", "11", 2, (0, 0)),  # 319 321
        ("3", "13", 2, (0, 0)),  # 333 337
        ("3", "14", 2, (0, 0)),  # 341 343
        ("3", "16", 4, (0, 0, 0, 0)),  # 349 351 363 365 (bullets 355-361)
        ("3", "17", 2, (0, 0)),  # 369 371
        ("3", "19", 2, (0, 0)),  # 379 381
        # 395 (397, 402), 411 (413, 418), 424 "**Option 3**" without colon,
        # 428 (lettered (a)-(d) plain paragraphs 432-438), 442.
        ("3ter", "article", 5, (2, 2, 0, 0, 0)),
        ("4", "1", 2, (0, 0)),  # 448 (on the "1." line) 452
        ("4", "2", 3, (0, 3, 0)),  # 454, 456 (items 458-460), 462
        ("4", "3", 2, (0, 0)),  # 464 466
        # inside sub-paragraph 8.2: "Option 1:" (498, on the "2." line) and
        # "Option 2: no text" (500), both NOT bold.
        ("4", "8.2", 2, (0, 0)),
        ("4", "9", 2, (0, 0)),  # 502 504
        ("4", "10", 3, (0, 0, 0)),  # 506 508 510
        ("4", "11", 2, (0, 0)),  # 512 514
        ("4", "12", 3, (0, 0, 0)),  # 516 518 520
        ("5", "article", 2, (6, 0)),  # "**Option I:**" 524, "**Option II:**" 538
        ("6", "article", 2, (4, 18)),  # 542, 552 (to the end of the Article)
        # "**Option 1**" (571, no colon), "**Option 2**." (573),
        # "**Option 3**." (577).
        ("6", "5", 3, (0, 0, 0)),
        ("6", "6", 2, (0, 0)),  # "**Option 1**:" 579, 581
        ("6", "7", 2, (0, 0)),  # 583 585
        # 628 630, indented under paragraph 1 (paragraph 2 is missing).
        ("7", "1", 2, (0, 0)),
        ("7", "3", 2, (0, 0)),  # 632 634
        ("7", "4", 2, (0, 0)),  # 636 638
        ("7", "5", 2, (0, 0)),  # 640 642
        ("7", "6", 3, (0, 0, 0)),  # 644 646 648
        ("7", "7", 2, (0, 0)),  # 650 652
        ("8", "1", 4, (0, 0, 0, 0)),  # 656 658 660 662
        ("8", "2", 2, (0, 0)),  # 664 666
        ("8", "3", 2, (0, 0)),  # 668 672
        ("8", "4", 3, (0, 0, 0)),  # 674 676 678
        ("8", "5", 2, (0, 0)),  # 680 682
        ("8 bis", "article", 2, (0, 0)),  # 686 688
        ("9", "1", 4, (0, 0, 0, 0)),  # 692 694 696 698
        ("9", "2", 2, (5, 0)),  # 704 (items 706-710), 712
        # 726, 728: two alternative chapeaus; the items 730-735 follow Option
        # 2 and are shared by both (counted under Option 2 by layout).
        ("9", "4", 2, (0, 6)),
        # "**Option1**:" 739, "**Option 2**:The" 745, Option 3 749 with items
        # 751-752 and, after the printed "(5bis)" block (754), items 756-759.
        ("9", "5", 3, (0, 0, 6)),
        ("9", "6", 2, (7, 0)),  # "**Option I:**" 761 (items 763-769), "II" 771
        # "**Option I:**" 811 (paragraphs 1-7), "**Option II:**" 875,
        # "**Option III:**" 879.
        ("11", "article", 3, (7, 0, 0)),
        ("11", "2", 3, (0, 0, 0)),  # 820 822 824
        ("11", "3", 2, (0, 0)),  # 828 830
        ("11", "4", 4, (0, 4, 0, 0)),  # 834, 838 (items 840-843), 845, 847
        ("11", "5", 2, (4, 0)),  # 853 (items 855-858), 860
        ("11", "6", 3, (2, 0, 0)),  # 864 (items 866-867), 869, 871
        ("12", "4.2", 2, (0, 0)),  # 894 (on the "2." line), 896
        ("12", "4.3", 2, (0, 3)),  # 898, 900 (items 902-904)
        ("17", "article", 2, (2, 0)),  # "**Option I:**" 944, "**Option II:**" 950
    ],
    "02_4-dec-2015.md": [
        ("2", "article", 2, (2, 0)),  # 76, 86 ("**Option 2:** No text")
        ("2bis", "article", 2, (4, 0)),  # 90, 99
        # 129 (printed "3bis." block at 133), 135 (contains the nested group
        # below, then "3bis [...]" at 141).
        ("3", "3", 2, (0, 0)),
        ("3", "3/Option 2", 2, (0, 0)),  # "Option (a):" 137, "Option (b):" 139
        # "**Option 1:**" 151, then "**Option 2**:" ... "**Option 5**:"
        # 153 155 157 159 (colon outside the bold).
        ("3", "7", 5, (0, 0, 0, 0, 0)),
        ("3", "8.1", 3, (0, 0, 0)),  # "**Option 1[^6][^7]:**" 165, 167, 169
        ("3", "8.2", 2, (3, 0)),  # 173 (items 175 179 183), 187
        ("3", "8.3", 2, (0, 0)),  # 193 195
        ("3", "9", 2, (0, 0)),  # 203 205
        # "**Option 1:**:" (212, double colon) 214 218 (items 220 222) 230 232
        ("3", "10", 5, (0, 0, 2, 0, 0)),
        ("3", "10", 2, (0, 0)),  # differentiation modulator (234): 236 238
        ("3", "11", 2, (0, 0)),  # 242 244
        ("3", "13", 2, (0, 0)),  # 256 260
        ("3", "14", 2, (0, 0)),  # 264 266
        ("3", "16", 4, (0, 0, 0, 0)),  # 272 274 276 278
        ("3", "17", 3, (0, 0, 0)),  # 282 284 286
        ("3", "18", 2, (0, 0)),  # 290 292
        # 306 (308, 313), 322 (324, 329), "**Option 3**" 335 (no colon), 339
        # (lettered (a)-(d) plain paragraphs 343-349), 353.
        ("3ter", "article", 5, (2, 2, 0, 0, 0)),
        ("4", "2", 3, (0, 3, 0)),  # 363, 365 (items 367-369), 371
        ("4", "3", 2, (0, 0)),  # 373 375
        ("4", "12", 3, (0, 0, 0)),  # 416 418 420
        ("5", "article", 2, (6, 0)),  # "**Option I:**" 424, "**Option II:**" 438
        ("6", "1", 2, (0, 0)),  # 442 444
        ("6", "2", 3, (0, 0, 0)),  # 446 448 450
        ("6", "4", 3, (0, 0, 0)),  # 454 456 458
        ("6", "10", 2, (0, 0)),  # 470 472
        ("6", "11", 3, (0, 0, 0)),  # 474 476 478
        ("6", "12", 3, (0, 0, 0)),  # 480 482 484
        ("6", "19", 3, (0, 0, 3)),  # 505, 507, 509 (items 511-513)
        ("7", "2", 2, (0, 0)),  # "**Option 1**:" 523, "**Option 2**:" 525
        ("7", "3", 2, (0, 0)),  # 529 531
        ("7", "4", 2, (0, 0)),  # 533 535
        ("7", "6", 4, (0, 0, 0, 0)),  # 539 541 543 545
        ("7", "7", 2, (0, 0)),  # 547 549
        ("8", "4", 3, (0, 0, 0)),  # 559 561 563
        ("8", "5", 4, (0, 0, 0, 0)),  # 565 567 569 571
        ("9", "1", 4, (0, 0, 0, 0)),  # 579 581 583 585
        # 610, 612: alternative chapeaus, shared items 614-619 after Option 2.
        ("9", "6", 2, (0, 6)),
        # 623, 629, "**Option 3:**Building" 633 (items 635-636, printed
        # "7bis." block 638, items 640-643).
        ("9", "7", 3, (0, 0, 6)),
        # "**Option 1:** (paragraphs 1 to 4)" 667, "**Option II:**" 680,
        # "**Option III:**" 684 (arabic 1, then roman II/III).
        ("11", "article", 3, (4, 0, 0)),
        # 673 and 674 on consecutive lines (no blank line between).
        ("11", "2", 2, (0, 0)),
        ("17", "article", 2, (1, 0)),  # "**Option I:**" 739, "**Option II:**" 743
        # NOT listed: the "Option 1: ... Option 4:" lines 810-813 inside the
        # definition of footnote [^2] (terminology options, not agreement text).
    ],
    "03_9-dec-2015.md": [
        # inside sub-paragraph 1 of paragraph 1 ("To hold the increase ...
        # to", 60): 62 64 66; the continuation "taking into account ..." (67)
        # is a lazy continuation line of Option 3.
        ("2", "1.1", 3, (0, 0, 0)),
        ("2bis", "article", 2, (2, 4)),  # 79 (81, 83), 86 (88 91 93 95)
        ("3", "1", 2, (0, 0)),  # 102 104
        ("3", "3", 2, (0, 0)),  # 113 ("3bis." at 116), 118 ("3bis." at 121)
        ("3", "5", 3, (0, 0, 0)),  # 129 (indent 3) 131 133
        # "**Option I:** The following text to be included as Article 5" (274)
        # and "**Option II:**: The following text to be part of Article 4"
        # (276, double colon) are placement options; the paragraphs 1-4
        # (278-284) follow both and belong to both, counted under Option II
        # by layout.
        ("5", "article", 2, (0, 4)),
        ("6", "2", 3, (0, 0, 0)),  # 294 296 298
        ("6", "4", 3, (0, 0, 0)),  # 306 308 310
        ("6", "7", 3, (0, 0, 0)),  # 322 324 326
        ("9", "1", 3, (0, 0, 0)),  # 389 390 391, consecutive lines, no blanks
        ("9", "7", 2, (0, 0)),  # 418 421
    ],
    "04_12-dec-2015.md": [],
    "05_final.md": [],
}

# Alternatives that are NOT labelled "Option": 03 Article 3ter has
# "**Proposed Mechanism 1**" (201, indented 3 spaces) with paragraphs 1-3
# (203 212 214) and "**Proposed Mechanism 2**" (216) with paragraphs 1-2
# (218 224).  Same tuple shape as OPTION_GROUPS.
ALTERNATIVE_GROUPS = {
    "03_9-dec-2015.md": [("3ter", "article", 2, (3, 2))],
}

# Printed paragraph labels that are NOT Markdown list items (a reader that
# only recognises "N." list items will see them as plain text blocks):
# (Article, line, label as printed)
UNLISTED_NUMBERED_BLOCKS = {
    "01_23-oct-2015.md": [
        ("3", 131, "3.3"),
        ("3", 133, "3.3bis"),
        ("3", 135, "3.3ter"),
        ("3", 137, "3.3quat"),
        ("3", 143, "3.3:"),
        ("3", 145, "3.3alt:"),
        ("3", 147, "3.3bis"),
        ("3", 149, "3.3bis Alt"),
        ("3", 151, "3.x[^4]"),
        ("3ter", 432, "(a)"),
        ("3ter", 434, "(b)"),
        ("3ter", 436, "(c)"),
        ("3ter", 438, "(d)"),
        # the next three are "- " bullet items inside paragraph 17
        ("6", 609, "(17bis)"),
        ("6", 613, "(17ter)"),
        ("6", 614, "(17quater)"),
        ("9", 754, "(5bis)"),
    ],
    "02_4-dec-2015.md": [
        ("3", 116, "1bis."),
        ("3", 133, "3bis."),
        ("3", 141, "3bis"),
        ("3ter", 343, "(a)"),
        ("3ter", 345, "(b)"),
        ("3ter", 347, "(c)"),
        ("3ter", 349, "(d)"),
        ("4", 403, "7.bis"),
        ("6", 460, "6."),  # run into paragraph 5 on the same line
        ("9", 638, "7bis."),
    ],
    "03_9-dec-2015.md": [
        ("3", 116, "3bis."),
        ("3", 121, "3bis."),
    ],
    "04_12-dec-2015.md": [],
    "05_final.md": [],
}

# Places where the Markdown indentation would make a strict CommonMark parser
# build a different tree from the printed structure: (line(s), what).
INDENTATION_HAZARDS = {
    "01_23-oct-2015.md": [
        ((269, 271), "Options 1-2 of sub-paragraph 8.5 indented 7 (item content column is 7: fine)"),
        (
            (273, 275, 277),
            "Option 3 of 8.5 and the notes after it indented 6 (< 7): they fall out of sub-paragraph 8.5 into paragraph 8",
        ),
        (
            (508, 510),
            "Options 2-3 of paragraph 10 indented 3 under '10. ' (content column 4): they end the list item and the list",
        ),
        ((560,), "note indented 6 under sub-item '    1.' (content column 7)"),
        (
            (814, 815),
            "'* TOC' / '{:toc}' at column 0 inside Article 11 paragraph 1: ends the ordered list; '2.' (818) starts a new one",
        ),
        (
            (668, 669, 670),
            "Article 8 paragraph 3 Option 1 is broken over three lines with trailing backslashes (hard line breaks)",
        ),
    ],
    "02_4-dec-2015.md": [
        ((669, 671), "Article 11 paragraphs 1 and 2 indented one space (still top-level items)"),
        (
            (673, 674),
            "Options of Article 11 paragraph 2 indented 3 under ' 2. ' (content column 4) and not separated by a blank line",
        ),
        (
            (698, 699),
            "sub-items (a)/(b) of Article 12 paragraph 4 indented only 2 spaces: CommonMark makes them sibling items 1, 2 of the top-level list",
        ),
        ((494,), "lazy continuation line at column 0 inside sub-item 2 of Article 6 paragraph 15"),
    ],
    "03_9-dec-2015.md": [
        (
            (458, 459),
            "sub-items (a)/(b) of Article 12 paragraph 4 indented only 2 spaces: CommonMark makes them sibling items 1, 2 of the top-level list",
        ),
        ((67,), "lazy continuation (indent 3) of Option 3 inside sub-paragraph 2.1.1"),
        ((89, 109), "lazy continuation lines at column 0"),
        ((201,), "'**Proposed Mechanism 1**' indented 3 spaces (plain paragraph)"),
    ],
    "04_12-dec-2015.md": [
        (
            (288, 290),
            "sub-items (a)/(b) of Article 13 paragraph 7 indented ONE space: CommonMark makes them items 1, 2 of the top-level list (counted here as sub-paragraphs of paragraph 7)",
        ),
    ],
    "05_final.md": [
        (
            (287, 289),
            "sub-items (a)/(b) of Article 13 paragraph 7 indented ONE space: CommonMark makes them items 1, 2 of the top-level list (counted here as sub-paragraphs of paragraph 7)",
        ),
    ],
}


# ---------------------------------------------------------------------------
# 5. Bracket samples
# ---------------------------------------------------------------------------
# Each entry: (draft, where, text, brackets, groups)
#   where  : ("recital", n) -- n-th recital place (1-based);
#            ("article", art, p) -- numbered paragraph p of Article art;
#            ("article", art, p, s) -- its s-th sub-paragraph;
#            ("article", art, p, [s,] "option", k) -- the block that begins
#            with the "Option k:" label directly inside that paragraph /
#            sub-paragraph (the label is part of the text).
#   text   : the block as it reads, leading indentation and the list marker
#            ("1. ") removed, Markdown emphasis removed ("*Being*" -> "Being",
#            "**Option 1:**" -> "Option 1:"), footnote references "[^n]"
#            removed and any "[]" left empty by that removal removed, inline
#            HTML tags removed.  Literal asterisks that are not emphasis
#            (the "NDMC*" of 02) are kept.  All other characters are exactly
#            as in the file (copied with python from the line, then the
#            markup listed in the comment was removed by hand and checked).
#   brackets: (bracket text including its "[" and "]", depth) in order of the
#            opening bracket; depth 1 = outermost.  An opening bracket never
#            closed runs to the end of the paragraph (its text then has no
#            final "]").  A "]" with no open bracket is a stray character,
#            not a bracket (noted in the comment).
#   groups : lists of indexes of brackets written side by side with nothing
#            between them ("][") at the same depth -- one list per chain,
#            chains of 2 or more only.
BRACKET_SAMPLES = [
    # 01_23-oct-2015.md line 24: recital 2 (22=1, 24=2): "*...*" emphasis
    # spanning a touching pair; the final "]]" has one "]" too many (stray);
    # stray unmatched "]" at text offset(s) [284] (not a bracket)
    (
        "01_23-oct-2015.md",
        ("recital", 2),
        "In [furtherance][pursuit] of the objective, [principles and provisions] of the Convention [as set out in Articles 2, 3 and 4], [including the principles of equity and common but differentiated responsibilities and respective capabilities in light of different national circumstances,]]",
        [
            ("[furtherance]", 1),
            ("[pursuit]", 1),
            ("[principles and provisions]", 1),
            ("[as set out in Articles 2, 3 and 4]", 1),
            (
                "[including the principles of equity and common but differentiated responsibilities and respective capabilities in light of different national circumstances,]",
                1,
            ),
        ],
        [[0, 1]],
    ),
    # 01_23-oct-2015.md line 26: recital 3: easy, no brackets; "/" outside
    # brackets.
    (
        "01_23-oct-2015.md",
        ("recital", 3),
        "Recalling decisions 1/CP.17, 2/CP.18, 1/CP.19, and 1/CP 20,",
        [],
        [],
    ),
    # 01_23-oct-2015.md line 28: recital 4: whole recital bracketed, then a
    # touching alternative recital ("]][" at the join); a chain of 3 at depth 2;
    # emphasis "*[Taking*" opens inside the bracket.
    (
        "01_23-oct-2015.md",
        ("recital", 4),
        "[Taking account of the [particular vulnerabilities and specific needs of][particularly vulnerable][urgent and immediate needs and special circumstances of] developing country Parties, especially [those that are particularly vulnerable, including] the least developed country (LDC) Parties[ and other Parties identified in Article 4.8 of the Convention], small island developing states (SIDS) [, small mountainous developing states] and Africa, [and the central American isthmus]][Taking full account of the specific needs and special situations of the least developed countries and small island developing states arising from the adverse impacts of climate change],",
        [
            (
                "[Taking account of the [particular vulnerabilities and specific needs of][particularly vulnerable][urgent and immediate needs and special circumstances of] developing country Parties, especially [those that are particularly vulnerable, including] the least developed country (LDC) Parties[ and other Parties identified in Article 4.8 of the Convention], small island developing states (SIDS) [, small mountainous developing states] and Africa, [and the central American isthmus]]",
                1,
            ),
            ("[particular vulnerabilities and specific needs of]", 2),
            ("[particularly vulnerable]", 2),
            ("[urgent and immediate needs and special circumstances of]", 2),
            ("[those that are particularly vulnerable, including]", 2),
            ("[ and other Parties identified in Article 4.8 of the Convention]", 2),
            ("[, small mountainous developing states]", 2),
            ("[and the central American isthmus]", 2),
            (
                "[Taking full account of the specific needs and special situations of the least developed countries and small island developing states arising from the adverse impacts of climate change]",
                1,
            ),
        ],
        [[0, 8], [1, 2, 3]],
    ),
    # 01_23-oct-2015.md line 40: recital 10 (line 40): space-separated brackets
    # are NOT a group; one touching pair; nesting "[...[foreign]...]".
    (
        "01_23-oct-2015.md",
        ("recital", 10),
        "Emphasizing the importance of respecting and taking into account [, subject to jurisdiction] [right to development,] human rights [including people under occupation], gender equality [and women's empowerment], [the rights of indigenous peoples,][local communities,] intergenerational equity concerns, and the needs of [migrants] [particularly vulnerable groups] [people in vulnerable situations], [including people under [foreign] occupation,] women, children and persons with disabilities, when taking action to address climate change,",
        [
            ("[, subject to jurisdiction]", 1),
            ("[right to development,]", 1),
            ("[including people under occupation]", 1),
            ("[and women's empowerment]", 1),
            ("[the rights of indigenous peoples,]", 1),
            ("[local communities,]", 1),
            ("[migrants]", 1),
            ("[particularly vulnerable groups]", 1),
            ("[people in vulnerable situations]", 1),
            ("[including people under [foreign] occupation,]", 1),
            ("[foreign]", 2),
        ],
        [[4, 5]],
    ),
    # 01_23-oct-2015.md line 68: Article 1 paragraph 9: fully bracketed
    # definition with three space-separated inner options.
    (
        "01_23-oct-2015.md",
        ("article", "1", "9"),
        '["Developed country Party" means a developed country Party [under the Convention] [within the meaning of this Agreement] [under the UN system];]',
        [
            (
                '["Developed country Party" means a developed country Party [under the Convention] [within the meaning of this Agreement] [under the UN system];]',
                1,
            ),
            ("[under the Convention]", 2),
            ("[within the meaning of this Agreement]", 2),
            ("[under the UN system]", 2),
        ],
        [],
    ),
    # 01_23-oct-2015.md line 81: Article 2 (Option 1) paragraph 1 chapeau: "[to"
    # is never closed in the paragraph -> runs to the end.; bracket 0 never
    # closed (runs to end of paragraph)
    (
        "01_23-oct-2015.md",
        ("article", "2", "1"),
        "The purpose of this Agreement is [to [enhance the implementation of the Convention and] to achieve [its] objective [of the Convention] as stated in its Article 2. In order to strengthen and support the global response to the urgent threat of climate change, Parties [shall][agree to] to take urgent action and enhance [cooperation][support] so as to:",
        [
            (
                "[to [enhance the implementation of the Convention and] to achieve [its] objective [of the Convention] as stated in its Article 2. In order to strengthen and support the global response to the urgent threat of climate change, Parties [shall][agree to] to take urgent action and enhance [cooperation][support] so as to:",
                1,
            ),
            ("[enhance the implementation of the Convention and]", 2),
            ("[its]", 2),
            ("[of the Convention]", 2),
            ("[shall]", 2),
            ("[agree to]", 2),
            ("[cooperation]", 2),
            ("[support]", 2),
        ],
        [[4, 5], [6, 7]],
    ),
    # 01_23-oct-2015.md line 83: Article 2 paragraph 1 sub-paragraph 1 (indent
    # 3): chain of 4 touching, a space, chain of 2; degree signs U+00B0.
    (
        "01_23-oct-2015.md",
        ("article", "2", "1", "1"),
        "hold the increase in the global average temperature [below 2 °C][below 1.5 °C][well below 2 °C][below 2 °C or 1.5 °C] [below 1.5 °C or 2 °C][as far below 2°C as possible] above pre-industrial levels by ensuring deep cuts in global greenhouse gas [net] emissions.",
        [
            ("[below 2 °C]", 1),
            ("[below 1.5 °C]", 1),
            ("[well below 2 °C]", 1),
            ("[below 2 °C or 1.5 °C]", 1),
            ("[below 1.5 °C or 2 °C]", 1),
            ("[as far below 2°C as possible]", 1),
            ("[net]", 1),
        ],
        [[0, 1, 2, 3], [4, 5]],
    ),
    # 01_23-oct-2015.md line 157: Article 3 paragraph 6: "**Information**" and
    # "*NDMC/NDMCC,*" emphasis removed; "/" inside touching brackets "[decision
    # 1/CP.21 ][1/CP.20 ]".
    (
        "01_23-oct-2015.md",
        ("article", "3", "6"),
        "Information In communicating their [proposed] [intended] NDMC/NDMCC, Parties shall provide the information necessary for clarity, transparency and understanding, in accordance with [decision 1/CP.21 ][1/CP.20 ] [and any subsequent decisions by the CMA.] [Article 12 of the Convention and the relevant arrangement for reporting information adopted by the CoP including those resulting from the Bali Action Plan and the information listed in decision 1/CP.20.]",
        [
            ("[proposed]", 1),
            ("[intended]", 1),
            ("[decision 1/CP.21 ]", 1),
            ("[1/CP.20 ]", 1),
            ("[and any subsequent decisions by the CMA.]", 1),
            (
                "[Article 12 of the Convention and the relevant arrangement for reporting information adopted by the CoP including those resulting from the Bali Action Plan and the information listed in decision 1/CP.20.]",
                1,
            ),
        ],
        [[2, 3]],
    ),
    # 01_23-oct-2015.md line 458: Article 4 paragraph 2 sub-paragraph 1 (the
    # only sub-list of paragraph 2, inside its Option 2): "[[^9]]" and "[[^10]]"
    # become empty "[]" after removing the footnote refs, and are removed -> no
    # brackets at all.
    (
        "01_23-oct-2015.md",
        ("article", "4", "2", "1"),
        "Assessment of the adequacy of support from developed country Parties to developing country Parties and a platform to undertake such an assessment through strengthened measurement, reporting, and verification of support;",
        [],
        [],
    ),
    # 01_23-oct-2015.md line 473: Article 4 paragraph 5 sub-paragraph 2: the
    # opening "[Strengthening" is never closed.; bracket 0 never closed (runs to
    # end of paragraph)
    (
        "01_23-oct-2015.md",
        ("article", "4", "5", "2"),
        "[Strengthening institutional arrangements [under the Convention] to support the synthesis of relevant information and knowledge as well as the provision of technical [support and] guidance [and support][to the Parties];",
        [
            (
                "[Strengthening institutional arrangements [under the Convention] to support the synthesis of relevant information and knowledge as well as the provision of technical [support and] guidance [and support][to the Parties];",
                1,
            ),
            ("[under the Convention]", 2),
            ("[support and]", 2),
            ("[and support]", 2),
            ("[to the Parties]", 2),
        ],
        [[3, 4]],
    ),
    # 01_23-oct-2015.md line 779: Article 9 paragraph 10: stray "]" after
    # "other"; touching pairs at depth 1 and depth 2; stray unmatched "]" at
    # text offset(s) [119] (not a bracket)
    (
        "01_23-oct-2015.md",
        ("article", "9", "10"),
        "The secretariat shall maintain [in a public registry] Parties' nationally determined [contributions][commitments] other] [and use such information to assess the aggregate effect of the [contributions][commitments] and progress towards implementation of the Convention.]",
        [
            ("[in a public registry]", 1),
            ("[contributions]", 1),
            ("[commitments]", 1),
            (
                "[and use such information to assess the aggregate effect of the [contributions][commitments] and progress towards implementation of the Convention.]",
                1,
            ),
            ("[contributions]", 2),
            ("[commitments]", 2),
        ],
        [[1, 2], [4, 5]],
    ),
    # 01_23-oct-2015.md line 805: Article 10 paragraph 4: "[2023] [2024][after
    # ...]": only the touching pair is a group.
    (
        "01_23-oct-2015.md",
        ("article", "10", "4"),
        "The CMA shall undertake its first global stocktake in [2023] [2024][after the review of the accelerating the pre-2020 implementation and the review of adequacy of post-2020 finance support by developed country Parties,] and [every five years thereafter] [at regular intervals to be decided by the CMA.]",
        [
            ("[2023]", 1),
            ("[2024]", 1),
            (
                "[after the review of the accelerating the pre-2020 implementation and the review of adequacy of post-2020 finance support by developed country Parties,]",
                1,
            ),
            ("[every five years thereafter]", 1),
            ("[at regular intervals to be decided by the CMA.]", 1),
        ],
        [[1, 2]],
    ),
    # 01_23-oct-2015.md line 956: Article 18 paragraph 1: depth 3; chains of 5,
    # 3 and 4; the trailing "*[placeholder ...]*" is emphasis around a bracket.
    (
        "01_23-oct-2015.md",
        ("article", "18", "1"),
        "This Agreement shall enter into force on the thirtieth day after the date on which at least [X] number of Parties to the Convention [and] [or] on which Parties to the Convention accounting for [x] percent of total [net] global greenhouse gas emissions in [[date][1990][2000][2010][2012]] have deposited their instruments of ratification, acceptance, approval or accession [whichever occurs first, coming into effect not earlier than 1 January 2020][.][, with such Parties to the Convention accounting for X per cent of total [net] global greenhouse gas emissions [in [date] [1990][2000][2010][2012]] [but not earlier than 1 January 2020].] [placeholder for starting and ending date of the Agreement]",
        [
            ("[X]", 1),
            ("[and]", 1),
            ("[or]", 1),
            ("[x]", 1),
            ("[net]", 1),
            ("[[date][1990][2000][2010][2012]]", 1),
            ("[date]", 2),
            ("[1990]", 2),
            ("[2000]", 2),
            ("[2010]", 2),
            ("[2012]", 2),
            ("[whichever occurs first, coming into effect not earlier than 1 January 2020]", 1),
            ("[.]", 1),
            (
                "[, with such Parties to the Convention accounting for X per cent of total [net] global greenhouse gas emissions [in [date] [1990][2000][2010][2012]] [but not earlier than 1 January 2020].]",
                1,
            ),
            ("[net]", 2),
            ("[in [date] [1990][2000][2010][2012]]", 2),
            ("[date]", 3),
            ("[1990]", 3),
            ("[2000]", 3),
            ("[2010]", 3),
            ("[2012]", 3),
            ("[but not earlier than 1 January 2020]", 2),
            ("[placeholder for starting and ending date of the Agreement]", 1),
        ],
        [[6, 7, 8, 9, 10], [11, 12, 13], [17, 18, 19, 20]],
    ),
    # 01_23-oct-2015.md line 271: Article 3 paragraph 8 sub-paragraph 5, the
    # "**Option 2:**" block (not the sub-paragraph's own heading text): inline
    # <span ...>...</span> removed; "/" inside touching brackets.
    (
        "01_23-oct-2015.md",
        ("article", "3", "8", "5", "option", 2),
        "Option 2: The enhancement of the [(I)NDCs][NDMC/NDMCC] of developing country Parties is premised on the adequacy of finance, technology transfer and capacity building support from developed country Parties. A developing country Party may adjust its [(I)NDC][NDMC/NDMCC] when severely affected by an extreme natural event, force majeure, or when adequate finance, technology development and transfer, and capacity building support is not available;",
        [
            ("[(I)NDCs]", 1),
            ("[NDMC/NDMCC]", 1),
            ("[(I)NDC]", 1),
            ("[NDMC/NDMCC]", 1),
        ],
        [[0, 1], [2, 3]],
    ),
    # 01_23-oct-2015.md line 502: Article 4 paragraph 9, the "**Option 1:**"
    # block on the "9." line: depth 3, intra-word "modalit[y][ies]" and
    # "communication[s]", six touching pairs.
    (
        "01_23-oct-2015.md",
        ("article", "4", "9", "option", 1),
        "Option 1: The [[an] adaptation communication[s]][communications or undertakings on adaptation] referred to in paragraph 7 above shall be [recorded in [a registry][[another][other] modalit[y][ies]]] made publicly available by the secretariat [on the UNFCCC website][in accordance with modalities to be decided by the [CMA][CMP] at its first session].",
        [
            ("[[an] adaptation communication[s]]", 1),
            ("[an]", 2),
            ("[s]", 2),
            ("[communications or undertakings on adaptation]", 1),
            ("[recorded in [a registry][[another][other] modalit[y][ies]]]", 1),
            ("[a registry]", 2),
            ("[[another][other] modalit[y][ies]]", 2),
            ("[another]", 3),
            ("[other]", 3),
            ("[y]", 3),
            ("[ies]", 3),
            ("[on the UNFCCC website]", 1),
            ("[in accordance with modalities to be decided by the [CMA][CMP] at its first session]", 1),
            ("[CMA]", 2),
            ("[CMP]", 2),
        ],
        [[0, 3], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]],
    ),
    # 02_4-dec-2015.md line 21: recital 2: nesting.
    (
        "02_4-dec-2015.md",
        ("recital", 2),
        "In pursuit of the objective of the Convention, [and being guided by its principles [and provisions], including the principle of equity and common but differentiated responsibilities and respective capabilities, [in the light of different national circumstances],]",
        [
            (
                "[and being guided by its principles [and provisions], including the principle of equity and common but differentiated responsibilities and respective capabilities, [in the light of different national circumstances],]",
                1,
            ),
            ("[and provisions]", 2),
            ("[in the light of different national circumstances]", 2),
        ],
        [],
    ),
    # 02_4-dec-2015.md line 29: recital 6: recital opens with a bracket,
    # emphasis inside it; "[circumstances ]" keeps its inner space.
    (
        "02_4-dec-2015.md",
        ("recital", 6),
        "[Taking account also of the [different and additional] specific needs and special [situations] [circumstances ] of [least developed country (LDC) Parties in accordance with Article 4, paragraph 9 of the Convention and specific circumstances of] small island developing States (SIDS) [and least developed country (LDC) Parties],] [Africa] [and the Central American Isthmus],",
        [
            (
                "[Taking account also of the [different and additional] specific needs and special [situations] [circumstances ] of [least developed country (LDC) Parties in accordance with Article 4, paragraph 9 of the Convention and specific circumstances of] small island developing States (SIDS) [and least developed country (LDC) Parties],]",
                1,
            ),
            ("[different and additional]", 2),
            ("[situations]", 2),
            ("[circumstances ]", 2),
            (
                "[least developed country (LDC) Parties in accordance with Article 4, paragraph 9 of the Convention and specific circumstances of]",
                2,
            ),
            ("[and least developed country (LDC) Parties]", 2),
            ("[Africa]", 1),
            ("[and the Central American Isthmus]", 1),
        ],
        [],
    ),
    # 02_4-dec-2015.md line 80: Article 2 paragraph 1 sub-paragraph 1 ("1.
    # Hold", two spaces after the marker): four space-separated options, no
    # group (contrast with 01 line 83).
    (
        "02_4-dec-2015.md",
        ("article", "2", "1", "1"),
        "Hold the increase in the global average temperature [below 1.5 °C] [or] [well] [below 2 °C] above preindustrial levels by ensuring deep cuts in global greenhouse gas [net] emissions;",
        [
            ("[below 1.5 °C]", 1),
            ("[or]", 1),
            ("[well]", 1),
            ("[below 2 °C]", 1),
            ("[net]", 1),
        ],
        [],
    ),
    # 02_4-dec-2015.md line 143: Article 3 paragraph 4: the "*" in "[NDMC*]" is
    # a LITERAL asterisk (it cannot open emphasis and has no partner) and must
    # stay; "**Flexibility**" is emphasis.
    (
        "02_4-dec-2015.md",
        ("article", "3", "4"),
        "Flexibility LDCs [and SIDS][and African states] may communicate their [NDMC*][INDC] at their discretion, including information on strategies, plans and actions for low GHG development, reflecting their special circumstances.",
        [
            ("[and SIDS]", 1),
            ("[and African states]", 1),
            ("[NDMC*]", 1),
            ("[INDC]", 1),
        ],
        [[0, 1], [2, 3]],
    ),
    # 02_4-dec-2015.md line 147: Article 3 paragraph 6: literal "*" in
    # "[NDMC*]"; "/" in touching brackets.
    (
        "02_4-dec-2015.md",
        ("article", "3", "6"),
        "Information In communicating their [proposed] [intended] [NDMC*][INDC], Parties shall provide the information necessary for clarity, transparency and understanding, in accordance with [decision 1/CP.21][decision 1/CP.20 ] [and any subsequent decisions of the CMA.] [Article 12 of the Convention and the relevant arrangement for reporting information adopted by the Conference of the Parties to the Convention (COP) including those resulting from the Bali Action Plan and the information listed in decision 1/CP.20.]",
        [
            ("[proposed]", 1),
            ("[intended]", 1),
            ("[NDMC*]", 1),
            ("[INDC]", 1),
            ("[decision 1/CP.21]", 1),
            ("[decision 1/CP.20 ]", 1),
            ("[and any subsequent decisions of the CMA.]", 1),
            (
                "[Article 12 of the Convention and the relevant arrangement for reporting information adopted by the Conference of the Parties to the Convention (COP) including those resulting from the Bali Action Plan and the information listed in decision 1/CP.20.]",
                1,
            ),
        ],
        [[2, 3], [4, 5]],
    ),
    # 02_4-dec-2015.md line 462: Article 6 paragraph 7: depth 3, "[/or]" inside
    # "[and[/or]]" which touches "[or]".
    (
        "02_4-dec-2015.md",
        ("article", "6", "7"),
        "[Parties should [reduce international support for high-emission [and maladaptive] investments] [and[/or]][or] [enhance international support for low-emission and climate-resilient investments].]",
        [
            (
                "[Parties should [reduce international support for high-emission [and maladaptive] investments] [and[/or]][or] [enhance international support for low-emission and climate-resilient investments].]",
                1,
            ),
            ("[reduce international support for high-emission [and maladaptive] investments]", 2),
            ("[and maladaptive]", 3),
            ("[and[/or]]", 2),
            ("[/or]", 3),
            ("[or]", 2),
            ("[enhance international support for low-emission and climate-resilient investments]", 2),
        ],
        [[3, 5]],
    ),
    # 02_4-dec-2015.md line 520: Article 7 paragraph 1 sub-paragraph 2: touching
    # pair inside a bracketed sub-paragraph.
    (
        "02_4-dec-2015.md",
        ("article", "7", "1", "2"),
        "[Addressing barriers [in accessing to][for] the transfer of safe, appropriate and environmentally and socially sound technologies [by developing countries];]",
        [
            (
                "[Addressing barriers [in accessing to][for] the transfer of safe, appropriate and environmentally and socially sound technologies [by developing countries];]",
                1,
            ),
            ("[in accessing to]", 2),
            ("[for]", 2),
            ("[by developing countries]", 2),
        ],
        [[1, 2]],
    ),
    # 02_4-dec-2015.md line 596: Article 9 paragraph 4 sub-paragraph 4:
    # "/*{outcomes from Article 3.2}*" emphasis inside a bracket; "/" also
    # outside brackets.
    (
        "02_4-dec-2015.md",
        ("article", "9", "4", "4"),
        "Ensure clarity and tracking of progress made towards [implementing and/{outcomes from Article 3.2}] achieving individual Parties' respective contributions/commitments/other under Article 3;",
        [
            ("[implementing and/{outcomes from Article 3.2}]", 1),
        ],
        [],
    ),
    # 03_9-dec-2015.md line 58: Article 2 paragraph 1 chapeau: touching pair,
    # the second with a nested bracket.
    (
        "03_9-dec-2015.md",
        ("article", "2", "1"),
        "The purpose of this Agreement is to [enhance the implementation of the Convention and to achieve its objective][further implement the objective of the Convention set out in its Article 2 [through enhanced action, cooperation and support]] so as:",
        [
            ("[enhance the implementation of the Convention and to achieve its objective]", 1),
            (
                "[further implement the objective of the Convention set out in its Article 2 [through enhanced action, cooperation and support]]",
                1,
            ),
            ("[through enhanced action, cooperation and support]", 2),
        ],
        [[0, 1]],
    ),
    # 03_9-dec-2015.md line 177: Article 3 paragraph 17: intra-word "Part[y]
    # [ies]" (space-separated: no group); stray "]" after "agreement"; literal
    # "###s"; stray unmatched "]" at text offset(s) [135] (not a bracket)
    (
        "03_9-dec-2015.md",
        ("article", "3", "17"),
        "[In the event of failure by the] [Each] Part[y] [ies] to such an agreement [to achieve their common ###s], each party to that agreement] shall be responsible for its emission level as set out in that agreement in accordance with paragraph [14] above and Articles [9] and [11].",
        [
            ("[In the event of failure by the]", 1),
            ("[Each]", 1),
            ("[y]", 1),
            ("[ies]", 1),
            ("[to achieve their common ###s]", 1),
            ("[14]", 1),
            ("[9]", 1),
            ("[11]", 1),
        ],
        [],
    ),
    # 03_9-dec-2015.md line 262: Article 4 paragraph 11: intra-word "a[n
    # intended]"; touching "[3, paragraph 2][2 bis.]".
    (
        "03_9-dec-2015.md",
        ("article", "4", "11"),
        "The adaptation communication referred to in paragraph 10 of this Article shall be, as appropriate, submitted and updated independently, or as a component of or in conjunction with other communications, including a national adaptation plan, a[n intended] nationally determined contribution referred to in Article [3, paragraph 2][2 bis.] of this Agreement, and/or a national communication.",
        [
            ("[n intended]", 1),
            ("[3, paragraph 2]", 1),
            ("[2 bis.]", 1),
        ],
        [[1, 2]],
    ),
    # 03_9-dec-2015.md line 264: Article 4 paragraph 12: bracket opening with a
    # nested bracket "[[and other countries ]in need]".
    (
        "03_9-dec-2015.md",
        ("article", "4", "12"),
        "Developing country Parties [[and other countries ]in need] shall receive continuous and enhanced international support for the implementation of paragraphs 9 to 11 of this Article, in accordance with the provisions of Articles 6, 7 and 8 of this Agreement.",
        [
            ("[[and other countries ]in need]", 1),
            ("[and other countries ]", 2),
        ],
        [],
    ),
    # 03_9-dec-2015.md line 290: Article 6 paragraph 1: seven separate brackets,
    # no group.
    (
        "03_9-dec-2015.md",
        ("article", "6", "1"),
        "Developed country Parties shall provide [new,] [additional,] [adequate,] [predictable,] [accessible,] [sustained] and [scaled-up] financial resources to assist developing country Parties with respect to both mitigation and adaptation. Other Parties may on a voluntary, complementary basis, provide resources to developing countries, including through South-South cooperation initiatives.",
        [
            ("[new,]", 1),
            ("[additional,]", 1),
            ("[adequate,]", 1),
            ("[predictable,]", 1),
            ("[accessible,]", 1),
            ("[sustained]", 1),
            ("[scaled-up]", 1),
        ],
        [],
    ),
    # 03_9-dec-2015.md line 373: Article 8 paragraph 1: nesting, no group.
    (
        "03_9-dec-2015.md",
        ("article", "8", "1"),
        "Capacity-building under this Agreement should enhance the capacity and ability of [countries] [developing country Parties, in particular countries with the least capacity, such as LDCs and SIDS and African countries [,in accordance with the principles and provisions of the Convention]] to take effective climate change action, including, inter alia, to implement adaptation and mitigation actions, and facilitate technology development, dissemination and deployment, access to climate finance, relevant aspects of education, training and public awareness, and the transparent, timely and accurate communication of information.",
        [
            ("[countries]", 1),
            (
                "[developing country Parties, in particular countries with the least capacity, such as LDCs and SIDS and African countries [,in accordance with the principles and provisions of the Convention]]",
                1,
            ),
            ("[,in accordance with the principles and provisions of the Convention]", 2),
        ],
        [],
    ),
    # 04_12-dec-2015.md line 20: recital 1: adopted text, no brackets.
    (
        "04_12-dec-2015.md",
        ("recital", 1),
        'Being Parties to the United Nations Framework Convention on Climate Change, hereinafter referred to as "the Convention",',
        [],
        [],
    ),
    # 04_12-dec-2015.md line 66: Article 2 paragraph 1 sub-paragraph 1: no
    # brackets, degree signs.
    (
        "04_12-dec-2015.md",
        ("article", "2", "1", "1"),
        "Holding the increase in the global average temperature to well below 2 °C above pre-industrial levels and to pursue efforts to limit the temperature increase to 1.5 °C above pre-industrial levels, recognizing that this would significantly reduce the risks and impacts of climate change;",
        [],
        [],
    ),
    # 04_12-dec-2015.md line 78: Article 4 paragraph 1: no brackets.
    (
        "04_12-dec-2015.md",
        ("article", "4", "1"),
        "In order to achieve the long-term temperature goal set out in Article 2, Parties aim to reach global peaking of greenhouse gas emissions as soon as possible, recognizing that peaking will take longer for developing country Parties, and to undertake rapid reductions thereafter in accordance with best available science, so as to achieve a balance between anthropogenic emissions by sources and removals by sinks of greenhouse gases in the second half of this century, on the basis of equity, and in the context of sustainable development and efforts to eradicate poverty.",
        [],
        [],
    ),
    # 04_12-dec-2015.md line 290: Article 13 paragraph 7 sub-paragraph 2 (the
    # one-space-indented item): no brackets.
    (
        "04_12-dec-2015.md",
        ("article", "13", "7", "2"),
        "Information necessary to track progress made in implementing and achieving its nationally determined contribution under Article 4.",
        [],
        [],
    ),
]

# ---------------------------------------------------------------------------
# 6. Other oddities found while reading (for the report / future tests)
# ---------------------------------------------------------------------------
ODDITIES = {
    "01_23-oct-2015.md": [
        "10-16: '## Draft agreement and draft decision ...' heading with '{:.no_toc}', italic '*Edited version of 6 November 2015*[^1]', kramdown TOC markers; no decision text follows",
        "684: '## Article 8 bis' (space) without title; 383/393 Article 3bis/3ter headings in brackets",
        "928/934/954: title typos 'ser ve', 'accesssion', 'entryinto'; 996 '*(RESERVATIONS) *' not valid emphasis",
        "620-632 Article 7: paragraph 2 missing (1, 3, 4, 5, 6, 7)",
        "814-815: stray '* TOC' / '{:toc}' inside Article 11 paragraph 1",
        "30, 50: intra-word emphasis 'r*eaffirming*', 'r*ecognizing*'; 50 '*[recognizing*' opens a bracket never closed in the recital",
        "24: recital ends ',]]' with one ']' too many",
        "Option labels written many ways: '**Option 1:**', '**Option 1**' (571), '**Option 2**.' (573), '**Option 1**:' (579), '**Option1**:' (739), '**Option 2**:The' (745), '**Option 3**' (424), roman '**Option I:**' (524, 761, 811, 944), plain 'Option 1:' (498, 500)",
        "192, 211: stray backslash 'guidance and\\ guidelines', 'consistent with\\ environmental'; 198 stray '>' after '[Ensure environmental integrity;]'; 497 escaped caret '\\^'",
        "668-670: hard line breaks (trailing backslashes) inside a paragraph",
        "360: '5^th^' superscript markup",
        "footnote definitions [^1]-[^12] at 1014-1036; [^6] (1024) is itself wholly bracketed",
    ],
    "02_4-dec-2015.md": [
        "6: the italic intro paragraph opens '*This is ...' and is never closed",
        "footnotes: [^1] referenced (120) but never defined; [^0] defined (806) but never referenced; [^2] defined twice (808, 816)",
        "footnote references printed as plain digits: 'actions16' (597), 'purpose18' (657), 'INDC19' (661)",
        "460: Article 6 paragraph 6 run into paragraph 5 on one line",
        "197: Article 3 paragraph 8 sub-items numbered 1, 2, 3, 5 (4 missing)",
        "137/139: 'Option (a):' / 'Option (b):' nested in Option 2 of Article 3 paragraph 3",
        "212: '**Option 1:**:' double colon; 165 '**Option 1[^6][^7]:**' footnote refs inside the bold label; 633 '**Option 3:**Building' no space",
        "11: Article 11 mixes '**Option 1:**' (667) with '**Option II:**'/'**Option III:**' (680, 684)",
        "555: two stray '**' markers ('...]** countries' and '**[CMA shall ...') that pair up as one bold span across the paragraph",
        "92/97: escaped '\\*' marker and its '\\* *without prejudice ...*' note",
        "[NDMC*][INDC] used throughout: the '*' is a literal asterisk",
        "810-813: 'Option 1:' ... 'Option 4:' lines inside footnote [^2]",
    ],
    "03_9-dec-2015.md": [
        "6: the italic intro paragraph opens '*This is ...' and is never closed",
        "8: header link repeats the 4 Dec URL (as SOURCES.md says)",
        "no Article 17 (16 at 489, 18 at 497)",
        "505-511: Article 19 is titled AMENDMENTS but its paragraphs 1-2 repeat Article 20 (ANNEXES, 515-517) word for word",
        "187: Article 3 jumps from paragraph 19 to 21 (no 20); unnumbered bold sub-headings 165, 173, 183",
        "201/216: '**Proposed Mechanism 1/2**' alternatives instead of Options in Article 3ter",
        "276: '**Option II:**:' double colon",
        "389-391: three options on consecutive lines (one Markdown paragraph)",
        "'###' / '####' placeholders mid-line (108, 109, 125, 137, 141, 145, 147, ...)",
        "footnote references as plain digits: '] 3 [' (88), 'COP,9' (280)",
        "407/408 (Article 9 paragraph 5 sub-items 3 and 4) and 219/220 (3ter Mechanism 2 sub-items 1 and 2) are identical texts",
        "31: 'best availablescientific' (missing space)",
    ],
    "04_12-dec-2015.md": [
        "front matter 'redirect_from: - /23-oct-2015/'",
        "no brackets at all in the text body (the only '[' are link references on lines 8, 10, 11)",
        "typos later corrected in 05: 60 no final period; 152 'nonmarket'; 172 'decisionmaking'; 218 no final period; 248 no final period; 294 'Article 9, 10 and 11'; 379 'fulfilled,this'; 399 'provided for paragraph 2'; 375 'percent'",
        "288/290: sub-items of Article 13 paragraph 7 indented one space",
        "423/425: 'DONE at Paris ...' and 'IN WITNESS WHEREOF ...' after Article 29 with no heading",
    ],
    "05_final.md": [
        "5: intro says 'as adapted on 12 December 2015' (sic)",
        "17: opening formula in italics '*The Parties to this Agreement*,'",
        "'*mutatis mutandis*' italicised (336, 348, 352, 384, 388, 394)",
        "287/289: sub-items of Article 13 paragraph 7 indented one space",
        "422/424: testimonium after Article 29 with no heading",
    ],
}
