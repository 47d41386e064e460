# ruff: noqa: E501
"""Alignment gold: Paris Agreement draft of 9 December 2015 -> draft of 12 December 2015.

OLD is the draft Paris Agreement of 9 December 2015 (the "Draft Paris Outcome" with bracketed options);
NEW is the text presented on 12 December 2015 (FCCC/CP/2015/L.9, the Agreement as adopted). The texts
are read from ../shared/corpora/paris-2015/ and are not copied here.

How it was made: both drafts were listed node by node with amendtrack's reader
(amendtrack.read.files.read_draft_file, label | kind | text) and then read side by side, Article by
Article. For each chosen node of NEW its source in OLD was found by searching distinctive phrases in
the OLD listing; each deleted node was checked by searching its distinctive phrases in NEW. Between
the two drafts the Articles were renumbered (2bis -> 3, 3 -> 4, 3bis -> 5, 3ter -> 6, 4 -> 7, ...,
8bis -> 12, 9 -> 13, ..., 16 -> 20, 18 -> 21, ..., 26 -> 29; OLD has no Article 17), the Article
titles were dropped, bracketed alternatives and options were resolved, section captions inside
Articles (finance: "Directional goal", "Mobilization", ...; mitigation: "Individual efforts", ...)
were dropped, and some provisions were moved (cooperative approaches from mitigation to Article 6,
the transparency arrangements paragraph ahead of the purposes, technology paragraphs reordered).

Conventions used here:
- Article containers are linked by what they hold; an Article that keeps its place among its
  neighbours but changes number is 'renumbered' (the dropped titles are captions, not text).
- A paragraph that stays in the Article its old Article became is 'renumbered' (text identical)
  or 'modified'; only one that lands in another Article, or out of order among the paragraphs kept
  around it, is 'moved'. Where two neighbours swapped, the one that visibly jumped is 'moved'.
- Options: the kept option's text links to the new paragraph, dropped options are 'deleted'; where
  the new text is a compromise drawing on several options, it is 'merged' from all of them. The
  empty or caption-only paragraph nodes that only hold an option group ('6.2', '3.1', ...) and the
  option_group nodes themselves are left unlinked (their options tell the story), except 2.1(a)
  whose stem text survives.
- The reader gives the two proposed mechanisms of OLD Article 3ter the same labels (3ter.1,
  3ter.1(a)-(d), 3ter.2 occur twice); those ambiguous labels are not used, only the unique ones.

This gold was written by reading, independently of amendtrack's aligner and redline (which were
not run and whose code was not consulted), and before the aligner was tuned on this pair.

Re-carved (7 December 2026): since this gold was written the reader gives the captions of OLD
Article 3 ('Response measures', 'REIOs', 'Cooperative approaches') and the text under them nodes of
their own (Article 3 chapeau … chapeau 5) instead of running them onto the end of the paragraph
before (3.13, 3.15, 3.19). The link that named 3.19 for the 'Cooperative approaches' text it then
held is restated on the node that now holds it (Article 3 chapeau 5 → 6.2, moved), 3.19 keeping
what its reason said of its own sentence (dropped); the captions are dropped as the reasons said
('response-measures caption dropped') and as every caption of OLD is; the response-measures
preamble, which appears nowhere in NEW, is deleted. Nothing else was changed.
"""

OLD = "03_9-dec-2015.md"
NEW = "04_12-dec-2015.md"

LINKS = [
    # ---- Preamble ----
    (["Preamble"], ["Preamble"], "same", "opening 'The Parties to this Agreement,' unchanged"),
    (["PP1"], ["PP1"], "modified", "comma added before 'hereinafter referred to as'"),
    (
        ["PP3"],
        ["PP2"],
        "moved",
        "Durban Platform recital, unchanged, moved ahead of the 'In pursuit of the objective' recital",
    ),
    (
        ["PP2"],
        ["PP3"],
        "renumbered",
        "'In pursuit of the objective of the Convention' unchanged; number changed because the Durban recital moved before it",
    ),
    (
        ["PP7"],
        ["PP4"],
        "moved",
        "'urgent threat of climate change ... best available scientific knowledge' moved up, reworded ('Recognizing the need for an effective and progressive response'), IPCC reference dropped",
    ),
    (
        ["PP5"],
        ["PP5"],
        "modified",
        "developing country Parties' specific needs: 'Also recognizing ... special circumstances ... adverse effects of climate change, as provided for in the Convention'",
    ),
    (
        ["PP6"],
        ["PP6"],
        "modified",
        "LDC recital: 'Taking full account ... with regard to funding and transfer of technology'; Convention Article 4.9 reference and SIDS dropped",
    ),
    (
        ["PP4"],
        ["PP7", "PP8"],
        "split",
        "response-measures clause became PP7 ('impacts of the measures taken in response'); intrinsic relationship / equitable access / poverty became PP8",
    ),
    (
        ["PP13"],
        ["PP9"],
        "moved",
        "food security recital, unchanged, moved up ahead of just transition and human rights",
    ),
    (["PP12"], ["PP10"], "moved", "just transition recital, unchanged, moved up ahead of human rights"),
    (
        ["PP10"],
        ["PP11"],
        "modified",
        "human rights recital rewritten: 'common concern of humankind', 'respect, promote and consider', local communities, intergenerational equity added; 'under occupation' dropped",
    ),
    (
        ["PP14"],
        ["PP12"],
        "modified",
        "sinks and reservoirs recital: 'of the greenhouse gases referred to in the Convention'; Article 4.1(d) reference and 'internationally agreed approaches' dropped",
    ),
    (
        ["PP11"],
        ["PP13"],
        "moved",
        "ecosystems / oceans / Mother Earth recital rewritten (biodiversity, 'climate justice') and now placed after the sinks recital",
    ),
    (
        ["PP15"],
        ["PP14", "PP15"],
        "split",
        "education/public access part became PP14; 'engagements of all levels of government and various actors' became PP15",
    ),
    (
        ["PP8"],
        [],
        "deleted",
        "historical emissions / per capita emissions recital dropped ('historical' nowhere in NEW)",
    ),
    (["PP9"], [], "deleted", "'evolving economic and emission trends ... post-2020' recital dropped"),
    ([], ["PP16"], "new", "sustainable lifestyles and consumption/production recital, not in OLD"),
    (["Enacting formula"], ["Enacting formula"], "same", "'Have agreed as follows:' unchanged"),
    # ---- Article 1 (definitions) -> Article 1 ----
    (
        ["Article 1"],
        ["Article 1"],
        "same",
        "definitions Article stays Article 1 (title dropped, three definitions added)",
    ),
    (
        ["Article 1 chapeau"],
        ["Article 1 chapeau"],
        "modified",
        "'In addition:' appended to introduce the new definitions",
    ),
    ([], ["1.1"], "new", "definition of 'Convention' added"),
    ([], ["1.2"], "new", "definition of 'Conference of the Parties' added"),
    ([], ["1.3"], "new", "definition of 'Party' added"),
    # ---- Article 2 (purpose) -> Article 2 ----
    (["Article 2"], ["Article 2"], "same", "purpose Article stays Article 2"),
    (
        ["2.1"],
        ["2.1"],
        "modified",
        "chapeau rewritten: 'This Agreement, in enhancing the implementation of the Convention ... aims to strengthen the global response ... including by:'",
    ),
    (
        ["2.1(a)", "2.1(a) Option 2"],
        ["2.1(a)"],
        "merged",
        "stem 'hold the increase in the global average temperature to' plus the kept Option 2 ('well below 2 °C ... 1.5 °C') became one subparagraph",
    ),
    (["2.1(a) Option 1"], [], "deleted", "option 'below 2 °C' not retained (NEW says 'well below 2 °C')"),
    (
        ["2.1(a) Option 3"],
        [],
        "deleted",
        "option 'below 1.5°C ... deep reductions in global greenhouse gas emissions' not retained",
    ),
    (
        ["2.1(b)", "2.1(c)"],
        ["2.1(b)"],
        "merged",
        "adaptation (b) and climate resilience / low emissions / food production (c) combined in one subparagraph",
    ),
    (
        ["2.1(d)"],
        ["2.1(c)"],
        "modified",
        "finance flows subparagraph, now (c); 'low greenhouse gas emissions', poverty clause moved to the chapeau",
    ),
    (
        ["2.2"],
        ["2.2"],
        "modified",
        "'implemented to reflect equity and the principle of CBDR-RC'; human rights clause dropped",
    ),
    # ---- Article 2bis (general) -> Article 3 ----
    (["Article 2bis"], ["Article 3"], "renumbered", "general Article between purpose and mitigation: 2bis -> 3"),
    (
        ["2bis.1 (Option 1)"],
        ["Article 3 chapeau"],
        "modified",
        "Option 1 kept: all Parties undertake and communicate efforts as defined in listed Articles, progression over time, support for developing countries",
    ),
    (
        ["2bis.2 (Option 1)", "3.6"],
        ["4.3"],
        "merged",
        "progression/highest possible ambition (3.6) plus 2bis Option 1's 'progression taking into account CBDR-RC, in light of different national circumstances'",
    ),
    (["Article 2bis Option 2"], [], "deleted", "Option 2 (INDC-based general obligation) dropped as a whole"),
    (
        ["2bis.1 (Option 2)"],
        [],
        "deleted",
        "Option 2's bracketed 'regularly prepare, communicate [intended] nationally determined [contributions]' dropped with its option",
    ),
    (
        ["2bis.2 (Option 2)"],
        [],
        "deleted",
        "Option 2's 'progression in the light of Parties' differentiated responsibilities and commitments' dropped",
    ),
    (
        ["2bis.3 (Option 2)"],
        [],
        "deleted",
        "'extent to which developing country Parties will effectively implement' clause dropped ('effectively implement' nowhere in NEW)",
    ),
    (["2bis.4 (Option 2)"], [], "deleted", "'communicated before the expiry of the previous' NDC dropped"),
    # ---- Article 3 (mitigation) -> Article 4 ----
    (["Article 3"], ["Article 4"], "renumbered", "mitigation Article: 3 -> 4"),
    (
        ["3.1 Option 1"],
        ["4.1"],
        "modified",
        "kept option: peaking as soon as possible, longer for developing countries, rapid reductions, now 'balance between emissions and removals in the second half of this century'",
    ),
    (
        ["3.1 Option 2"],
        [],
        "deleted",
        "option 'long-term global low emissions transformation [climate neutrality][decarbonization]' dropped",
    ),
    (
        ["3.2"],
        ["4.2"],
        "modified",
        "'Individual efforts' caption and brackets resolved: prepare, communicate and maintain successive NDCs; pursue domestic mitigation measures",
    ),
    (
        ["3.3 Option 1", "3.3(3bis) (Option 1)", "3.3 Option 2", "3.3(3bis) (Option 2)"],
        ["4.4"],
        "merged",
        "compromise on differentiated efforts: developed Parties lead with economy-wide absolute targets (Opt 1, Opt 2 3bis), developing Parties enhance mitigation (Opt 1 3bis) and move over time to economy-wide targets (Opt 2)",
    ),
    (
        ["3.4"],
        ["4.6"],
        "moved",
        "LDC/SIDS flexibility on strategies, plans and actions, now placed after the support paragraph; 'African states' dropped",
    ),
    (
        ["3.5 Option 2"],
        ["4.5"],
        "modified",
        "kept option 'support for developing country Parties in the implementation of this Article', expanded (Articles 9, 10 and 11, higher ambition)",
    ),
    (
        ["3.5 Option 1"],
        [],
        "deleted",
        "option 'shall provide new and additional financial resources ... agreed full costs' dropped",
    ),
    (
        ["3.5 Option 3"],
        [],
        "deleted",
        "option 'extent to which developing country Parties will effectively implement their commitments will depend ...' dropped",
    ),
    ([], ["4.7"], "new", "mitigation co-benefits of adaptation actions / economic diversification plans, not in OLD"),
    (
        ["3.7"],
        ["4.8"],
        "modified",
        "information for clarity, transparency and understanding; brackets removed, 'any relevant decisions' of the CMA",
    ),
    (
        ["3.8"],
        ["4.9"],
        "modified",
        "NDC every five years, 'in accordance with decision 1/CP.21', informed by the global stocktake (now Article 14)",
    ),
    (
        ["3.9"],
        ["4.10"],
        "modified",
        "common time frames: 'shall consider ... at its first session' instead of 'shall decide ... no later than its [X] session'",
    ),
    (
        ["3.10"],
        ["4.11"],
        "modified",
        "adjustment of NDC 'in accordance with guidance adopted by the CMA' instead of the simplified adjustment procedure",
    ),
    (
        ["3.11"],
        ["4.12"],
        "modified",
        "NDCs recorded 'in a public registry maintained by the secretariat' (Annex option dropped)",
    ),
    (["3.12"], ["4.13"], "modified", "accounting: 'shall account for' retained, 'tracking progress' option dropped"),
    (
        ["3.13"],
        ["4.14"],
        "modified",
        "methods and guidance: 'should take into account ... existing methods and guidance under the Convention'; IPCC and response-measures caption dropped",
    ),
    (["Article 3 chapeau"], [], "deleted", "caption 'Response measures' dropped"),
    (
        ["Article 3 chapeau 2"],
        [],
        "deleted",
        "'[Preamble: Parties acknowledge the importance of cooperation, including around economic diversification ...]' dropped",
    ),
    (
        ["3.14"],
        ["4.15"],
        "modified",
        "response measures reduced to 'take into consideration ... the concerns of Parties with economies most affected by the impacts of response measures'",
    ),
    (
        ["3.15"],
        [],
        "deleted",
        "cooperative mechanism on the adverse impacts of response measures dropped ('cooperative mechanism' nowhere in NEW)",
    ),
    (["Article 3 chapeau 3"], [], "deleted", "caption 'REIOs' dropped"),
    (
        ["3.16"],
        ["4.16"],
        "modified",
        "joint action notification: 'act jointly under paragraph 2 of this Article', brackets resolved",
    ),
    (
        ["3.17"],
        ["4.17"],
        "modified",
        "each party to a joint agreement responsible for its emission level; failure clause dropped, cross-references updated",
    ),
    (["3.18"], ["4.18"], "modified", "joint action within an REIO; failure clause dropped, cross-references updated"),
    (["3.19"], [], "deleted", "REIO-composition sentence dropped ('alteration in the composition' nowhere in NEW)"),
    (["Article 3 chapeau 4"], [], "deleted", "caption 'Cooperative approaches' dropped"),
    (
        ["Article 3 chapeau 5"],
        ["6.2"],
        "moved",
        "the 'Cooperative approaches' text (ITMOs, robust accounting, double counting) moved to Article 6",
    ),
    (
        ["3.21"],
        ["4.19"],
        "modified",
        "long-term low greenhouse gas emission development strategies, now 'mindful of Article 2 ... CBDR-RC'",
    ),
    # ---- Article 3bis (REDD-plus) -> Article 5 ----
    (["Article 3bis"], ["Article 5"], "renumbered", "sinks/forests Article: 3bis -> 5"),
    (
        ["3bis.1"],
        ["5.1"],
        "modified",
        "'Parties should take action to conserve and enhance ... sinks and reservoirs', 'including forests' added",
    ),
    (
        ["3bis.2"],
        ["5.2"],
        "modified",
        "REDD-plus: 'take action to implement and support, including through results-based payments, the existing framework'",
    ),
    # ---- Article 3ter (mechanism) -> Article 6 ----
    (
        ["Article 3ter"],
        ["Article 6"],
        "renumbered",
        "mechanism/cooperation Article: 3ter -> 6 (now also holds cooperative approaches)",
    ),
    (
        ["Article 3ter chapeau"],
        [],
        "deleted",
        "caption 'Proposed Mechanism 1' dropped (Mechanism 1 became the mechanism of 6.4)",
    ),
    (
        ["Article 3ter chapeau 2"],
        [],
        "deleted",
        "caption 'Proposed Mechanism 2' dropped (Mechanism 2 became the non-market approaches of 6.8-6.9)",
    ),
    (
        ["3ter.1(e)"],
        ["6.4(c)"],
        "modified",
        "use of mitigation outcomes to fulfil NDCs, reworded as emission reductions in the host Party usable by another Party",
    ),
    (
        ["3ter.1(f)"],
        ["6.5"],
        "modified",
        "'shall not be claimed more than once' became a paragraph against double use by host and acquiring Party",
    ),
    (
        ["3ter.3"],
        ["6.7"],
        "modified",
        "CMA to adopt 'rules, modalities and procedures' for the mechanism at its first session",
    ),
    ([], ["6.1"], "new", "'some Parties choose to pursue voluntary cooperation' in implementing NDCs, not in OLD"),
    ([], ["6.3"], "new", "use of ITMOs voluntary and authorized by participating Parties, not in OLD"),
    # ---- Article 4 (adaptation) -> Article 7 ----
    (["Article 4"], ["Article 7"], "renumbered", "adaptation Article: 4 -> 7"),
    (
        ["4.1"],
        ["7.1"],
        "modified",
        "global goal on adaptation; bracketed CBDR and temperature options resolved to 'temperature goal referred to in Article 2'",
    ),
    (
        ["4.2"],
        ["7.2"],
        "modified",
        "'makes a contribution to'; 'developing country Parties ... particularly vulnerable to the adverse effects of climate change'",
    ),
    (["4.3"], ["7.3"], "modified", "'The adaptation efforts of developing country Parties'; CMA spelled out"),
    (
        ["4.4"],
        ["7.4"],
        "modified",
        "'the current need for adaptation is significant'; bracketed adaptation limits clause dropped",
    ),
    (
        ["4.5"],
        ["7.5"],
        "modified",
        "'traditional knowledge, knowledge of indigenous peoples and local knowledge systems'",
    ),
    (
        ["4.6"],
        ["7.6"],
        "modified",
        "'support for and international cooperation on'; LDC/SIDS bracket replaced by 'especially those particularly vulnerable'",
    ),
    (["4.7"], ["7.7"], "modified", "'strengthen their cooperation on enhancing action on adaptation'"),
    (
        ["4.7(a)"],
        ["7.7(a)"],
        "modified",
        "'as these relate to science, planning, policies and implementation in relation to adaptation actions'",
    ),
    (["4.7(b)"], ["7.7(b)"], "modified", "'under the Convention that serve this Agreement'"),
    (["4.7(c)"], ["7.7(c)"], "renumbered", "scientific knowledge on climate, text unchanged, Article renumbered"),
    (
        ["4.7(d)"],
        ["7.7(d)"],
        "modified",
        "'Assisting developing country Parties in identifying'; 'other countries in need' bracket dropped",
    ),
    (["4.7(e)"], ["7.7(e)"], "renumbered", "effectiveness and durability of adaptation actions, unchanged"),
    (["4.8"], ["7.8"], "modified", "'United Nations specialized organizations and agencies are encouraged to support'"),
    (["4.9"], ["7.9"], "modified", "'engage in adaptation planning processes and the implementation of actions'"),
    (["4.9(a)"], ["7.9(a)"], "modified", "'The implementation of adaptation actions'"),
    (["4.9(b)"], ["7.9(b)"], "renumbered", "national adaptation plans process, unchanged"),
    (["4.9(c)"], ["7.9(c)"], "modified", "'The assessment of climate change impacts'"),
    (["4.9(d)"], ["7.9(d)"], "modified", "'Monitoring and evaluating and learning ...; and'"),
    (["4.9(e)"], ["7.9(e)"], "modified", "'Building the resilience of'"),
    (
        ["4.10"],
        ["7.10"],
        "modified",
        "'should ... submit and update periodically an adaptation communication ... without creating any additional burden'",
    ),
    (
        ["4.11"],
        ["7.11"],
        "modified",
        "'submitted and updated periodically'; NDC reference now 'Article 4, paragraph 2'",
    ),
    ([], ["7.12"], "new", "public registry for adaptation communications, not in OLD"),
    (
        ["4.12"],
        ["7.13"],
        "modified",
        "continuous and enhanced international support, now paragraphs 7, 9, 10 and 11, Articles 9, 10 and 11",
    ),
    (
        ["4.13"],
        ["7.14"],
        "modified",
        "separate adaptation stocktake replaced by 'The global stocktake referred to in Article 14 shall, inter alia:'",
    ),
    (
        ["4.13(a)"],
        ["7.14(a)", "7.14(b)"],
        "split",
        "'Recognizing and enhancing the implementation of adaptation action' split into 'Recognize adaptation efforts' and 'Enhance the implementation of adaptation action'",
    ),
    (
        ["4.13(b)"],
        ["7.14(c)"],
        "modified",
        "'Review the adequacy and effectiveness of adaptation and support provided for adaptation'",
    ),
    (
        ["4.13(c)"],
        ["7.14(d)"],
        "modified",
        "'Review the overall progress made in achieving the global goal on adaptation'",
    ),
    # ---- Article 5 (loss and damage) -> Article 8 ----
    (["Article 5"], ["Article 8"], "renumbered", "loss and damage Article: 5 -> 8 (kept as a separate Article)"),
    (
        ["Article 5 Option I"],
        [],
        "deleted",
        "instruction 'to be included as Article 5' gone; its choice prevailed (loss and damage is its own Article 8)",
    ),
    (["Article 5 Option II"], [], "deleted", "option to make loss and damage part of the adaptation Article dropped"),
    (
        ["5.1 (Option II)", "5.2 (Option II)"],
        ["8.2"],
        "merged",
        "WIM 'shall serve this Agreement' and 'subject to the authority and guidance of the CMA' combined; review date and Financial Mechanism dropped",
    ),
    (
        ["5.3 (Option II)"],
        [],
        "deleted",
        "climate change displacement coordination facility dropped ('displacement' nowhere in NEW)",
    ),
    ([], ["8.1"], "new", "'averting, minimizing and addressing loss and damage', not in OLD"),
    ([], ["8.3"], "new", "enhance understanding, action and support including through the WIM, not in OLD"),
    ([], ["8.4"], "new", "list of areas of cooperation and facilitation, not in OLD"),
    ([], ["8.4(a)"], "new", "early warning systems (as an L&D cooperation area), new list item"),
    ([], ["8.4(f)"], "new", "risk insurance facilities, new list item"),
    ([], ["8.4(g)"], "new", "non-economic losses, new list item"),
    ([], ["8.5"], "new", "WIM to collaborate with existing bodies and expert groups, not in OLD"),
    # ---- Article 6 (finance) -> Article 9 ----
    (["Article 6"], ["Article 9"], "renumbered", "finance Article: 6 -> 9"),
    (["Article 6 chapeau"], [], "deleted", "section caption 'Directional goal' dropped"),
    (["Article 6 chapeau 2"], [], "deleted", "section caption 'Mobilization' dropped"),
    (["Article 6 chapeau 7"], [], "deleted", "section caption 'Financial Mechanism' dropped"),
    (
        ["6.1"],
        ["9.1", "9.2"],
        "split",
        "developed countries provide financial resources (9.1, 'in continuation of their existing obligations') and other Parties' voluntary support (9.2)",
    ),
    (
        ["6.2 Option 1", "6.2 Option 2", "6.2 Option 3"],
        ["9.3"],
        "merged",
        "mobilization compromise: 'As part of a global effort' and 'sources, instruments and channels' (Opt 3), 'significant role of public funds' (Opt 1), 'country-driven strategies ... needs and priorities' and 'beyond previous efforts' (Opt 2)",
    ),
    (["6.2 (Option 3) chapeau"], [], "deleted", "caption 'Mainstreaming' dropped"),
    (["6.3"], [], "deleted", "integrating climate considerations into international development assistance dropped"),
    (
        ["6.4 Option 1"],
        [],
        "deleted",
        "scaling up 'from USD 100 billion per year' dropped from the Agreement ('100 billion' nowhere in NEW)",
    ),
    (["6.4 Option 2"], [], "deleted", "floor of US$100 billion and burden-sharing formula dropped"),
    (
        ["6.4 Option 3"],
        [],
        "deleted",
        "shared mobilization effort incl. reducing support for high-emissions investments dropped",
    ),
    (
        ["6.5"],
        ["9.4"],
        "modified",
        "balance between adaptation and mitigation; '[including LDCs, SIDS, and Africa]' replaced by 'significant capacity constraints, such as LDCs and SIDS'",
    ),
    (["6.6"], [], "deleted", "CMA to ensure support to the loss and damage mechanism dropped from finance"),
    (
        ["6.7 Option 1", "6.7 Option 2", "6.7 Option 3"],
        ["9.5"],
        "merged",
        "communication compromise: developed Parties biennially (Opt 2), indicative information (Opt 1/3), 'related to paragraphs 1 and 3' (Opt 3 'paragraphs X-Y'), projected public resources (Opt 1/2)",
    ),
    (
        ["6.8", "6.13"],
        ["9.6"],
        "merged",
        "the two stocktake-on-finance paragraphs (6.13 repeats 6.8 as an alternative) became one",
    ),
    (
        ["6.9"],
        ["9.7"],
        "modified",
        "MRV of support: developed Parties shall provide transparent and consistent information biennially, per Article 13.13",
    ),
    (["6.10"], ["9.8"], "renumbered", "Financial Mechanism serves the Agreement, text unchanged"),
    (
        ["6.11"],
        [],
        "deleted",
        "CMA guidance to the operating entities dropped ('guidance to the entities' nowhere in NEW)",
    ),
    (
        ["6.12"],
        ["9.9"],
        "modified",
        "efficient access to financial resources through simplified approval procedures and readiness support",
    ),
    (["Article 6 chapeau 9"], [], "deleted", "note on the Turkey/Ukraine submission dropped"),
    # ---- Article 7 (technology) -> Article 10 ----
    (["Article 7"], ["Article 10"], "renumbered", "technology Article: 7 -> 10"),
    (["7.2"], ["10.1"], "moved", "long-term vision on technology, text unchanged, moved to the head of the Article"),
    (
        ["7.1"],
        ["10.2"],
        "modified",
        "strengthen cooperative action on technology development and transfer; brackets and list removed",
    ),
    (["7.1(a)"], [], "deleted", "'Improving endogenous capacities and enabling environments' dropped"),
    (["7.1(b)"], [], "deleted", "'Addressing barriers ... to the transfer of ... technologies' dropped"),
    (
        ["7.5"],
        ["10.3"],
        "moved",
        "'The Technology Mechanism shall serve this Agreement' moved up before the technology framework ('established under the Convention' added)",
    ),
    (["7.3"], ["10.4"], "modified", "technology framework; reference now 'paragraph 1 of this Article'"),
    (
        ["7.4"],
        ["10.5"],
        "modified",
        "innovation: 'promoting economic growth and sustainable development', 'collaborative approaches to research and development'",
    ),
    (
        ["7.6", "7.7"],
        ["10.6"],
        "merged",
        "eligibility for support (7.6) and support incl. financial support, with stocktake of technology support (7.7) combined",
    ),
    # ---- Article 8 (capacity-building) -> Article 11 ----
    (["Article 8"], ["Article 11"], "renumbered", "capacity-building Article: 8 -> 11"),
    (
        ["8.1"],
        ["11.1"],
        "modified",
        "'developing country Parties, in particular ... least developed countries ... small island developing States'; brackets resolved",
    ),
    (["8.2"], ["11.2"], "modified", "brackets around 'in particular, for developing country Parties' removed"),
    (["8.3"], ["11.3"], "modified", "'support for capacity-building actions in developing country Parties'"),
    (["8.4"], ["11.4"], "modified", "'Developing country Parties should regularly communicate'; note removed"),
    (
        ["8.5"],
        ["11.5"],
        "modified",
        "CMA 'shall, at its first session, consider and adopt a decision on' initial arrangements",
    ),
    # ---- Article 8bis (education) -> Article 12 ----
    (["Article 8bis"], ["Article 12"], "renumbered", "education/public awareness Article: 8bis -> 12"),
    (
        ["Article 8bis chapeau"],
        ["Article 12 chapeau"],
        "renumbered",
        "education, training, public awareness text unchanged",
    ),
    # ---- Article 9 (transparency) -> Article 13 ----
    (["Article 9"], ["Article 13"], "renumbered", "transparency Article: 9 -> 13"),
    (
        ["9.1 Option 2", "9.1 Option 3"],
        ["13.1"],
        "merged",
        "enhanced transparency framework 'with built-in flexibility' (Opt 2) 'which takes into account Parties' different capacities' and builds on experience (Opt 3)",
    ),
    (
        ["9.1 Option 1"],
        [],
        "deleted",
        "option of a framework 'differentiated between developed and developing countries' dropped",
    ),
    (
        ["9.2"],
        ["13.2"],
        "modified",
        "flexibility 'to those developing country Parties that need it in the light of their capacities'; paragraph 13 reference",
    ),
    (
        ["9.3"],
        ["13.3"],
        "modified",
        "'shall build on and enhance the transparency arrangements under the Convention'; 'and the secretariat' dropped",
    ),
    (
        ["9.9"],
        ["13.4"],
        "moved",
        "transparency arrangements under the Convention moved up before the purposes; IAR/ICA abbreviations dropped",
    ),
    (
        ["9.4", "9.4(a)", "9.4(c)", "9.4(d)", "9.4(e)"],
        ["13.5"],
        "merged",
        "purpose of transparency of action: the chapeau and items (a), (c), (d), (e) folded into one sentence",
    ),
    (["9.4(b)"], [], "deleted", "understanding of individual Parties' emissions and removals dropped from the purpose"),
    (
        ["9.5", "9.5(a)", "9.5(b)"],
        ["13.6"],
        "merged",
        "purpose of transparency of support: chapeau, (a) support provided and received, (b) full overview of aggregate financial support",
    ),
    (["9.5(c)"], [], "deleted", "'clarity and tracking of progress made in providing support' dropped"),
    (["9.5(d)"], [], "deleted", "duplicate of 9.5(c), dropped"),
    (["9.5(e)"], [], "deleted", "'avoidance of double counting of financial resources provided' dropped"),
    (
        ["9.6"],
        ["13.7"],
        "modified",
        "'Each Party shall regularly provide the following information:' (guidelines reference dropped)",
    ),
    (
        ["9.6(a)"],
        ["13.7(a)"],
        "modified",
        "national inventory report, 'prepared using good practice methodologies accepted by the IPCC'",
    ),
    (["9.6(b)"], [], "deleted", "projections of emissions and removals dropped ('Projections' nowhere in NEW)"),
    (
        ["9.6(c)"],
        ["13.7(b)"],
        "modified",
        "information to track progress in implementing and achieving its NDC under Article 4",
    ),
    (
        ["9.6(d)"],
        ["13.8"],
        "modified",
        "impacts and adaptation information became its own paragraph 'should also provide ... as appropriate'",
    ),
    (
        ["9.6(e)"],
        ["13.9", "13.10"],
        "split",
        "'Support provided and received' split into support provided (developed Parties, 13.9) and support needed and received (developing Parties, 13.10)",
    ),
    (
        ["9.7 Option 1"],
        ["13.11", "13.12"],
        "split",
        "technical expert review and multilateral facilitative consideration (13.11) and the content of the review (13.12)",
    ),
    (["9.7 Option 2"], [], "deleted", "differentiated review with 'consequences for compliance' dropped"),
    (
        ["9.8"],
        ["13.13"],
        "modified",
        "common modalities, procedures and guidelines; placeholder note removed, CMA spelled out",
    ),
    (
        ["9.10", "9.11"],
        ["13.14"],
        "merged",
        "support for implementing paragraphs 6 and 7 (9.10) and developed countries' support for this Article (9.11) became one 'Support shall be provided ... for the implementation of this Article'",
    ),
    (["9.12"], ["13.15"], "modified", "'developing countries' -> 'developing country Parties'"),
    # ---- Article 10 (global stocktake) -> Article 14 ----
    (["Article 10"], ["Article 14"], "renumbered", "global stocktake Article: 10 -> 14"),
    (
        ["10.1"],
        ["14.1"],
        "modified",
        "'(referred to as the \"global stocktake\")' added; 'in the light of equity and the best available science'",
    ),
    (["10.2"], ["14.2"], "modified", "first global stocktake in 2023 (bracket resolved)"),
    (
        ["10.3"],
        ["14.3"],
        "modified",
        "'shall inform Parties in updating and enhancing, in a nationally determined manner'",
    ),
    # ---- Article 11 (compliance) -> Article 15 ----
    (["Article 11"], ["Article 15"], "renumbered", "implementation and compliance Article: 11 -> 15"),
    (["11.1"], ["15.1"], "modified", "brackets removed around 'and promote compliance with'"),
    (["11.2"], ["15.2"], "modified", "'non-adversarial and non-punitive' (comma dropped)"),
    (["11.3"], ["15.3"], "modified", "'under the modalities and procedures'; CMA spelled out"),
    # ---- Article 12 (CMA) -> Article 16 ----
    (["Article 12"], ["Article 16"], "renumbered", "CMA Article: 12 -> 16"),
    (["12.1"], ["16.1"], "renumbered", "COP serves as meeting of the Parties, unchanged"),
    (["12.2"], ["16.2"], "renumbered", "observers at CMA sessions, unchanged"),
    (["12.3"], ["16.3"], "modified", "'from among' -> 'from amongst'"),
    (["12.4"], ["16.4"], "modified", "CMA spelled out"),
    (["12.4(a)"], ["16.4(a)"], "renumbered", "establish subsidiary bodies, unchanged"),
    (["12.4(b)"], ["16.4(b)"], "renumbered", "other functions, unchanged"),
    (["12.5"], ["16.5"], "modified", "CMA spelled out"),
    (["12.6"], ["16.6"], "modified", "CMA and COP spelled out"),
    (["12.7"], ["16.7"], "modified", "CMA spelled out"),
    (["12.8"], ["16.8"], "modified", "'The United Nations and its specialized agencies'; CMA spelled out"),
    # ---- Article 13 (secretariat) -> Article 17 ----
    (["Article 13"], ["Article 17"], "renumbered", "secretariat Article: 13 -> 17"),
    (["13.1"], ["17.1"], "renumbered", "secretariat of the Convention serves the Agreement, unchanged"),
    (["13.2"], ["17.2"], "modified", "commas and 'the arrangements'; CMA spelled out"),
    # ---- Article 14 (SBSTA and SBI) -> Article 18 ----
    (["Article 14"], ["Article 18"], "renumbered", "subsidiary bodies Article: 14 -> 18"),
    (["14.1"], ["18.1"], "modified", "'(SBI)' removed"),
    (["14.2"], ["18.2"], "renumbered", "observers at subsidiary bodies, unchanged"),
    (["14.3"], ["18.3"], "modified", "'from among' -> 'from amongst'"),
    # ---- Article 15 (bodies and arrangements) -> Article 19 ----
    (["Article 15"], ["Article 19"], "renumbered", "bodies and institutional arrangements Article: 15 -> 19"),
    (["15.1"], ["19.1"], "modified", "CMA spelled out; 'such subsidiary bodies or arrangements'"),
    (
        ["15.2"],
        ["19.2"],
        "modified",
        "bracketed alternatives removed: 'may provide further guidance to such subsidiary bodies and institutional arrangements'",
    ),
    # ---- Article 16 (signature) -> Article 20 ----
    (["Article 16"], ["Article 20"], "renumbered", "signature and ratification Article: 16 -> 20"),
    (["16.1"], ["20.1"], "renumbered", "open for signature 22 April 2016 to 21 April 2017, unchanged"),
    (["16.2"], ["20.2"], "renumbered", "REIO obligations, unchanged"),
    (["16.3"], ["20.3"], "renumbered", "REIO declaration of competence, unchanged"),
    # ---- Article 18 (entry into force) -> Article 21 ----
    (["Article 18"], ["Article 21"], "renumbered", "entry into force Article: 18 -> 21"),
    (
        ["18.1"],
        ["21.1"],
        "modified",
        "threshold now 55 Parties accounting for 55 per cent of global emissions; 2020 bracket dropped",
    ),
    ([], ["21.2"], "new", "definition of 'total global greenhouse gas emissions' for paragraph 1, not in OLD"),
    (["18.2"], ["21.3"], "modified", "'after the conditions ... have been fulfilled'"),
    (["18.3"], ["21.4"], "renumbered", "REIO instruments not additional, unchanged; number shifted by the new 21.2"),
    # ---- Article 19 (amendments) -> Article 22, Article 20 (annexes) -> Article 23 ----
    (["Article 19"], ["Article 22"], "renumbered", "amendments Article: 19 -> 22"),
    (
        [],
        ["Article 22 chapeau"],
        "new",
        "amendment clause (Convention Article 15 applies); OLD's amendments Article only repeated the annex text",
    ),
    (
        ["19.3"],
        [],
        "deleted",
        "adjustment procedure for Annex [X] mitigation commitments dropped ('three fourths' nowhere in NEW)",
    ),
    (["Article 20"], ["Article 23"], "renumbered", "annexes Article: 20 -> 23"),
    (
        ["20.2", "19.2"],
        ["23.1"],
        "merged",
        "Convention Article 16 applies to annexes; OLD had this text twice (annexes 20.2 and, by mistake, amendments 19.2); now first in Article 23",
    ),
    (
        ["20.1", "19.1"],
        ["23.2"],
        "merged",
        "annexes form an integral part; OLD had this text twice (20.1 and 19.1); now second in Article 23",
    ),
    # ---- Articles 21-26 -> 24-29 ----
    (["Article 21"], ["Article 24"], "renumbered", "settlement of disputes Article: 21 -> 24"),
    (["Article 21 chapeau"], ["Article 24 chapeau"], "renumbered", "Convention Article 14 applies, unchanged"),
    (["Article 22"], ["Article 25"], "renumbered", "voting Article: 22 -> 25"),
    (["22.1"], ["25.1"], "modified", "'as provided in' -> 'as provided for'"),
    (["22.2"], ["25.2"], "renumbered", "REIO voting, unchanged"),
    (["Article 23"], ["Article 26"], "renumbered", "depositary Article: 23 -> 26"),
    (["Article 23 chapeau"], ["Article 26 chapeau"], "renumbered", "Secretary-General as Depositary, unchanged"),
    (["Article 24"], ["Article 27"], "renumbered", "reservations Article: 24 -> 27"),
    (["Article 24 chapeau"], ["Article 27 chapeau"], "renumbered", "no reservations, unchanged"),
    (["Article 25"], ["Article 28"], "renumbered", "withdrawal Article: 25 -> 28"),
    (["25.1"], ["28.1"], "renumbered", "withdrawal after three years, unchanged"),
    (["25.2"], ["28.2"], "renumbered", "withdrawal takes effect after one year, unchanged"),
    (["25.3"], ["28.3"], "renumbered", "withdrawal from the Convention, unchanged"),
    (["Article 26"], ["Article 29"], "renumbered", "authentic texts Article: 26 -> 29"),
    (["Article 26 chapeau"], ["Article 29 chapeau"], "renumbered", "six authentic languages, unchanged"),
    (["Article 26 chapeau 2"], [], "deleted", "'[Placeholder for Annex X]' dropped"),
    ([], ["Article 29 chapeau 2"], "new", "'DONE at Paris this twelfth day of December two thousand and fifteen.'"),
    ([], ["Article 29 chapeau 3"], "new", "'IN WITNESS WHEREOF ...' signature clause"),
]
