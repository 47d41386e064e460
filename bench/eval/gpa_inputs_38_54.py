"""Inputs on annex paragraphs 38–54 of the GPA first draft, labelled by hand (see bench/eval/README_inputs.md).

Read from data/drafts/gpa-2010/: the compilation (table of inputs), the first draft and the July draft,
side by side, before the tool was tuned on them.
"""

INPUTS = [
    # (paragraph, delegations, operation, disposition, reason, where)

    # --- row of 38 ---
    ("38", ("African Group",), "replace", "not_reflected", "verb form only: 'Adopting' -> 'To adopt'; July 38 'Adopt measures' is the facilitators' general gerund->imperative change (same word), no 'To'", "table 3148"),
    ("38", ("EU",), "redraft", "accepted", "'Adopting measures to [ensure that victims can] seek compensation for the damage suffered as stipulated by Art. 25 para 2 of UNTOC and Article 6 of the Protocol'; July 38 'Adopt measures to ensure that victims of trafficking in persons can seek compensation for the damage suffered as [as set out in / as outlined in] UNTOC and the Trafficking Protocol' (only the article numbers dropped)", "table 3156"),
    ("38", ("OHCHR",), "insert", "not_reflected", "adds 'effectively' before 'assist victims'; July 38 drops 'assist' altogether ('Adopt measures to ensure that victims ... can seek compensation'), no 'effectively'", "table 3163"),
    ("38", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 38 is there", "table 3167"),
    ("38", ("UNAIDS",), "replace", "not_reflected", "'assist trafficked [persons]' in place of 'assist victims'; July 38 says 'victims of trafficking in persons'", "table 3168"),

    # --- row of 39 (Belarus's para-39 text starts with a duplicate label displaced into row 38 at 3153) ---
    ("39", ("African Group",), "move", "not_reflected", "note re-arranging 39-41 (39 to become 41, 40 -> 39, 41 -> 40) so that the CSO paragraph is not among State actions; July keeps the order 39 (CSOs), 40 (information), 41", "table 3191"),
    ("40", ("African Group",), "replace", "not_reflected", "'New Paragraph 39' filed in row 39 is para 40's text (moved up by the AG re-arrangement): 'Ensuring that domestic' -> 'To ensure that national'; July 40 'Ensure that domestic legal or administrative systems'", "table 3197"),
    ("39", ("Belarus",), "insert", "not_reflected", "adds 'including shelters for rehabilitation,' after 'appropriate services' (and 'as well as' for 'including' before 'meaningful engagement'); its middle line is displaced into row 38 (3153-3154, duplicate label); July 39 '...appropriate services to victims, including close cooperation and coordination', no shelters", "table 3207"),
    ("39", ("Canada",), "move", "not_reflected", "recommends moving the paragraph to the preamble; July 39 is still in the annex and no PP carries it", "table 3212"),
    ("39", ("EU",), "move", "not_reflected", "'moved to paragraph 10 ter' (EU's 10ter text at table 1478); July has only 10bis (UN entities) and 39 stays in place", "table 3214"),
    ("39", ("OHCHR",), "insert", "not_reflected", "adds at the end 'and to provide support to victims by providing financial assistance to service providers, as well as extend protection to ensure the safety of victims and service providers'; July 39 ends 'with law enforcement officials;'", "table 3216"),
    ("38", ("Singapore",), "replace", "not_reflected", "filed in row 39 but quotes para 38 (OCR displacement): 'Considering, where appropriate, the adoption of' in place of 'Adopting' measures to assist victims in pursuing civil damages; July 38 'Adopt measures to ensure...'", "table 3222"),
    ("39", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 39 is there", "table 3227"),
    ("39", ("UNAIDS",), "replace", "not_reflected", "restates 39 but the changed line is lost in the OCR ('assistance and [...] them to seek'); by UNAIDS's practice (cf. 38) it is 'victims' -> 'trafficked persons'; July 39 keeps 'victims of trafficking in persons' and 'services to victims'", "table 3229"),
    ("39", ("USA",), "replace", "accepted", "'Commending' -> 'Acknowledging the important...'; July 39 'Acknowledge the important role of civil society organizations'", "table 3234"),
    ("39", ("USA",), "replace", "not_reflected", "replace the clause from 'including' with 'and encouraging law enforcement agencies to explore ways to enhance meaningful engagement and coordination with civil society organizations'; July 39 keeps 'including close cooperation and coordination with law enforcement officials'", "table 3235"),

    # --- row of 40 ---
    ("41", ("African Group",), "replace", "unclear", "'New paragraph 40' filed in row 40 is para 41's text (AG re-arrangement): 'Providing suspected victims' -> 'To provide victims', dropping the first 'suspected'; July 41 has lost its label and first lines, so whether 'suspected' went cannot be seen", "table 3251"),
    ("40", ("EU",), "insert", "partial", "adds 'as stipulated by Art. 25 of UNTOC and Art. 6 of the Protocol...' after 'such proceedings'; July 40 ends '[as set out in / as outlined in] the Trafficking Protocol': the Protocol reference is in, UNTOC is not", "table 3262"),
    ("40", ("Singapore",), "redraft", "partial", "marked redraft: 'contains' for 'include', 'victims of trafficking in persons, in appropriate cases', strikes 'regarding their rights', 'criminal proceedings against offenders, in a manner not prejudicial to the rights of the defence'; July 40 has 'victims of trafficking in persons' and 'such proceedings against offenders in a manner not prejudicial to the rights of the defence' but keeps 'include', 'regarding their legal rights', no 'in appropriate cases'", "table 3268"),
    ("40", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 40 is there", "table 3279"),
    ("40", ("UNAIDS",), "replace", "not_reflected", "restates 40 but the text after 'measures to provide' is lost (page number '41' cuts it); by UNAIDS's practice the change is 'victims' -> 'trafficked persons'; July 40 'information to victims of trafficking in persons'", "table 3281"),
    ("40", ("USA",), "insert", "accepted", "after 'victims' add 'in a language they understand'; July 40 'to victims of trafficking in persons in a language they understand'", "table 3288"),
    ("40", ("USA",), "insert", "accepted", "before 'assistance' add 'facilitate access to'; July 40 'and facilitate access to assistance'", "table 3290"),

    # --- row of 41 ---
    ("39", ("African Group",), "redraft", "partial", "'New Paragraph 41' filed in row 41 is para 39's text (AG re-arrangement): 'Commending' -> 'To stress the importance of the role of', adds 'and the private sector'; July 39 'Acknowledge the important role of civil society organizations' (gist of importance, in USA's words), no private sector", "table 3310"),
    ("41", ("China",), "delete", "not_reflected", "delete the paragraph; July 41 is still there (tail 'opportunity to consult with appropriate advisors...' survives; only the reflection-period clause was replaced, per USA)", "table 3321"),
    ("41", ("EU",), "delete", "not_reflected", "delete the paragraph; July 41 is still there (rewritten tail per USA)", "table 3322"),
    ("41", ("Indonesia",), "new_paragraph", "not_reflected", "41bis: long new paragraph (cooperation based on sovereignty, victims' needs, unconditional assistance) with sub-items a-h (national compensation fund from confiscated proceeds, UNODC victim-support projects, CSO role...); no 41bis or its content in July", "table 3324"),
    ("41", ("Malaysia",), "delete", "not_reflected", "delete the paragraph; July 41 is still there", "table 3398"),
    ("41", ("OHCHR",), "replace", "not_reflected", "'expel the suspected presumed victim': 'presumed' for the final 'suspected'; July 41's expulsion clause is gone (replaced by the 'opportunity to consult' text), no 'presumed'", "table 3400"),
    ("41", ("Singapore",), "delete", "not_reflected", "delete the paragraph; July 41 is still there", "table 3403"),
    ("41", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 41 is still there", "table 3405"),
    ("41", ("UNAIDS",), "replace", "unclear", "orphan (label and first line lost) restating 41 from 'with a recovery and reflection period...'; UNAIDS by its slot (Thailand < UNAIDS < USA) and its habit of restating with 'trafficked persons' for 'victims'; the changed words are in the lost lines and July 41's first lines are lost too", "table 3407"),
    ("41", ("USA",), "replace", "partial", "replace 'with a recovery and reflection period ... territory' by 'the opportunity to consult with non-governmental organization advisors to assist victims in decision-making regarding cooperation with law enforcement and their participation in judicial proceedings'; July 41 tail 'opportunity to consult with appropriate advisors to assist in decision-making ...': taken, but 'non-governmental organization' became 'appropriate'", "table 3415"),

    # --- heading III and row of 42 ---
    ("III", ("African Group",), "replace", "not_reflected", "heading 'Prosecuting' -> 'Prosecution of' crimes of trafficking in persons; July heading 'III. Prosecuting crimes of trafficking in persons'", "table 3431"),
    ("III", ("African Group",), "new_paragraph", "not_reflected", "new section chapeau 'We resolve to undertake the following measures to maximize law enforcement measures ... deter the commission of such a crime:'; July III goes from the heading straight to 42", "table 3443"),
    ("42", ("African Group",), "redraft", "accepted", "strikes 'ensuring the effective implementation of UNTOC by' and 'as defined by Article 3 of its supplementing Protocol...', giving 'implement all relevant legal instruments that criminalize trafficking in persons'; July 42 'Implement all relevant legal instruments that criminalize trafficking in persons, including by:'", "table 3449"),
    ("III", ("Belarus",), "insert", "not_reflected", "'...Prosecuting crimes of transnational and non-transnational trafficking' in the heading/42 row: 42 has no 'Prosecuting crimes', so it is the heading (Belarus's para-43 input is separate, at 3527); July heading unchanged", "table 3458"),
    ("42", ("Canada",), "redraft", "partial", "replace with 'Criminalizing all forms of trafficking in persons in accordance with Article 3 of the Protocol...'; July 42 also drops the 'effective implementation of UNTOC' frame but reads 'Implement all relevant legal instruments that criminalize trafficking in persons': no 'all forms', no Article 3", "table 3461"),
    ("III", ("Liechtenstein",), "comment", "n/a", "sees no need to quote or paraphrase UNTOC and its Protocols (paras 42-48) and no value in a prosecution chapter, which could encroach on the COP's competence; no wording asked", "table 3465"),
    ("42", ("Singapore",), "merge", "accepted", "streamline by deleting 43-46 and incorporating their substance in an amended 42; July 43-47 '[Merged with paragraph 42]', their substance in 42(a)-(d)", "table 3480"),
    ("42", ("Singapore",), "redraft", "not_reflected", "amended 42 'Ensuring the effective implementation of Member States' obligations under UNTOC, where applicable, by criminalizing ... in accordance with Article 5'; July 42 drops the UNTOC frame altogether, no 'obligations', 'where applicable' or 'Article 5'", "table 3492"),
    ("42", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 42 is there", "table 3503"),

    # --- row of 43 (merged into July 42(a) 'Prosecuting crimes of trafficking in persons that encompass all forms of exploitation;') ---
    ("43", ("African Group",), "redraft", "partial", "'To prosecute crimes of trafficking that encompass all forms and types of exploitation, including commercial and sexual exploitation, ... organs and tissues', striking 'including at a minimum the exploitation of the prostitution of others or' and 'all types of victims'; in merged 42(a) the struck words are gone, the additions ('and types', 'commercial and sexual', 'tissues') are not there", "table 3512"),
    ("43", ("Belarus",), "insert", "superseded", "adds 'transnational and non-transnational' before 'trafficking'; 43 merged into 42(a) 'Prosecuting crimes of trafficking in persons...' without it", "table 3527"),
    ("43", ("EU",), "insert", "superseded", "orphan '...stipulated by Article 3 of the Protocol to Prevent, Suppress and Punish Trafficking in Persons;' given to EU by its slot (Belarus < EU < Japan) and EU's recurring 'as stipulated by Art. X' formula; adds the Article 3 reference; merged 42(a) has no Protocol reference", "table 3530"),
    ("43", ("Japan",), "insert", "superseded", "add 'within the limits of domestic law of each Member States,' after 'all forms of exploitation,'; merged 42(a) ends 'all forms of exploitation;'", "table 3533"),
    ("43", ("Japan",), "delete", "accepted", "delete 'and all types of victims'; absent from merged 42(a)", "table 3537"),
    ("43", ("Singapore",), "merge", "accepted", "'delete' here carries out its row-42 plan (delete 43-46, incorporate their substance in amended 42); July 43 '[Merged with paragraph 42]'", "table 3540"),
    ("43", ("Thailand",), "delete", "partial", "delete the paragraph; July 43 '[Merged with paragraph 42]': the list of exploitation forms and 'all types of victims' are gone but the core survives as 42(a)", "table 3541"),
    ("43", ("UNAIDS",), "redraft", "partial", "replace with the full Palermo definition ('The recruitment, transportation ... removal of organs'); merged 42(a) has no definition, but the full definition is in July as new 1bis ('Recognize that trafficking in persons shall mean...')", "table 3543"),
    ("43", ("USA",), "delete", "partial", "delete the paragraph; July 43 '[Merged with paragraph 42]': the list is gone but the core survives as 42(a)", "table 3562"),

    # --- row of 44 (merged into July 42(b)) ---
    ("44", ("African Group",), "redraft", "partial", "'To enact and enforce legislations and strengthen existing ones that criminalize trafficking in persons, especially women and children even where it has been with the consent of the victim ... as reflected in the Protocol ..., CEDAW and the CRC and its Optional Protocols'; July 42(b) 'Enacting, enforcing and strengthening legislation ... especially that of women and children, [as set out in] the Trafficking Protocol, CEDAW, the CRC and its Optional Protocols': all but the consent clause", "table 3585"),
    ("44", ("Canada",), "merge", "accepted", "'delete (streamlined with OP42)': fold 44 into 42; July 44 '[Merged with paragraph 42]'", "table 3599"),
    ("44", ("China",), "redraft", "superseded", "orphan (label lost; China by its slot Canada < China < EU and its 'set forth in Art. 3(a) of the Protocol' wording, cf. its para-46 input at 3721): 44 as Protocol Art. 3(b), consent 'to the intended exploitation ... shall be irrelevant where any of the means ... have been used'; July 42(b) has no consent clause", "table 3601"),
    ("44", ("EU",), "insert", "superseded", "'...criminalizing trafficking in persons and guidelines' (rest lost): adds 'and guidelines'; merged 42(b) speaks of legislation only", "table 3620"),
    ("44", ("Japan",), "redraft", "superseded", "whole paragraph as 'legislation ... consistent with Article 3 (b) of the Trafficking in Persons Protocol which establishes that the consent ... shall be irrelevant ...'; merged 42(b) has neither Article 3(b) nor the consent clause", "table 3623"),
    ("44", ("Singapore",), "merge", "accepted", "'delete' carries out its row-42 plan (incorporate 43-46 in amended 42); July 44 '[Merged with paragraph 42]'", "table 3637"),
    ("44", ("Thailand",), "delete", "partial", "delete the paragraph; July 44 '[Merged with paragraph 42]': the consent clause is gone but 'legislation that criminalizes trafficking in persons' survives in 42(b)", "table 3638"),
    ("44", ("USA",), "delete", "partial", "delete the paragraph; July 44 '[Merged with paragraph 42]': consent clause gone, legislation criminalizing trafficking survives in 42(b)", "table 3640"),

    # --- row of 45 (merged into July 42(c)) ---
    ("45", ("African Group",), "replace", "superseded", "verb form: 'Adopting' -> 'To adopt'; 45 merged into 42(c) 'Adopting legislation and other measures' (gerund kept)", "table 3652"),
    ("45", ("African Group",), "insert", "superseded", "'establish trafficking in persons as criminal offences'; merged 42(c) 'establish as criminal offences attempting to commit an offence...' without it", "table 3653"),
    ("45", ("China",), "redraft", "superseded", "restates 45 per Protocol Art. 5(2): '(a) Subject to the basic concepts of its legal system', each offence 'established in accordance with paragraph 1 of article 5 of the Protocol'; merged 42(c) has neither", "table 3656"),
    ("45", ("EU",), "redraft", "accepted", "drops each 'as prescribed in the Protocol' and adds one 'As stipulated by Article 5 of the Protocol' at the end; merged 42(c) '...to commit an offence, as [as set out in / as outlined in] the Trafficking Protocol': one reference at the end (article number dropped)", "table 3686"),
    ("45", ("Singapore",), "merge", "accepted", "'delete' carries out its row-42 plan; July 45 '[Merged with paragraph 42]'", "table 3696"),
    ("45", ("Thailand",), "delete", "superseded", "delete the paragraph; July 45 '[Merged with paragraph 42]' with its substance kept whole as 42(c)", "table 3697"),
    ("45", ("USA",), "delete", "superseded", "delete the paragraph; July 45 merged into 42, its offences kept as 42(c)", "table 3699"),

    # --- row of 46 (merged into July 42(b)) ---
    ("46", ("African Group",), "merge", "accepted", "'delete (idea moved to paragraph 44)': AG's 44 carries 'especially women and children' and the CRC; July merges 44 and 46 into 42 with exactly that in 42(b)", "table 3710"),
    ("46", ("Belarus",), "new_paragraph", "not_reflected", "46bis 'Ensuring further the existence of legislation criminalizing trafficking in persons for the purpose of removal of organs and tissues for transplantation'; not in July", "table 3713"),
    ("46", ("Canada",), "merge", "accepted", "'delete (streamlined with OP42)': fold 46 into 42; July 46 '[Merged with paragraph 42]'", "table 3719"),
    ("46", ("China",), "redraft", "superseded", "46 per Protocol Art. 3(c): recruitment ... of a child for exploitation 'shall be considered trafficking in persons even if this does not involve any of the means set forth in Art. 3(a)'; merged 42(b) has no such clause", "table 3721"),
    ("46", ("Colombia",), "delete", "partial", "delete the paragraph; July 46 '[Merged with paragraph 42]': the 'no need to establish the means' clause is gone but children and the CRC survive in 42(b)", "table 3732"),
    ("46", ("EU",), "redraft", "superseded", "'legislation criminalizing trafficking in children regardless of the means used to that purpose as stipulated by [...] the Protocol'; merged 42(b) has no means clause", "table 3734"),
    ("46", ("Japan",), "redraft", "superseded", "whole paragraph as 'legislation ... consistent with Article 3 (c) of the Trafficking in Persons Protocol which establishes that the recruitment ... of a child ...'; not in merged 42(b)", "table 3740"),
    ("46", ("Singapore",), "merge", "accepted", "'delete' carries out its row-42 plan; July 46 '[Merged with paragraph 42]'", "table 3755"),
    ("46", ("Thailand",), "delete", "partial", "delete the paragraph; July 46 '[Merged with paragraph 42]': means clause gone, children and CRC survive in 42(b)", "table 3756"),
    ("46", ("UNICEF",), "move", "accepted", "move 46 up to follow 44; July fuses what is left of 46 (children, CRC) with 44 in 42(b), ahead of 45's offences in 42(c)", "table 3758"),
    ("46", ("USA",), "replace", "superseded", "'existence of legislation criminalizing' -> 'criminalization of'; merged 42(b) 'legislation that criminalizes trafficking in persons', no 'criminalization of'", "table 3761"),
    ("46", ("USA",), "replace", "superseded", "after 'children', 'without any requirement..' in place of 'which specifies there is no need...'; merged 42(b) drops the means clause altogether, no 'without any requirement'", "table 3763"),

    # --- row of 47 (merged into July 42(d) 'Combating and prosecuting organized criminal groups engaged in trafficking in persons;') ---
    ("47", ("African Group",), "replace", "superseded", "verb form: 'Combating, dismantling and prosecuting' -> 'To combat, dismantle and prosecute'; merged 42(d) 'Combating and prosecuting' (gerunds kept)", "table 3769"),
    ("47", ("Australia",), "comment", "n/a", "'goal not achievable'", "table 3800"),
    ("47", ("Canada",), "redraft", "superseded", "replace with 'Ensuring that participating in the activities of an organized criminal group is criminalized in accordance with Article 5 of UNTOC and taking steps to investigate, dismantle, and prosecute...'; merged 42(d) has none of it", "table 3802"),
    ("47", ("Colombia",), "delete", "superseded", "first alternative 'delete'; July 47 '[Merged with paragraph 42]' with its text kept as 42(d)", "table 3809"),
    ("47", ("Colombia",), "redraft", "superseded", "alternative 'Criminalize, combat, prosecute and dismantle organized crime groups ... in accordance with UNTOC'; merged 42(d) 'Combating and prosecuting organized criminal groups...', no 'criminalize' or UNTOC", "table 3811"),
    ("47", ("Thailand",), "delete", "superseded", "delete the paragraph; July 47 merged into 42, its text kept as 42(d)", "table 3817"),

    # --- row of 48 ---
    ("48", ("African Group",), "replace", "not_reflected", "verb form: 'Ensuring' -> 'To ensure'; July 48 'Ensure liability' is the facilitators' imperative (same word), no 'To'", "table 3823"),
    ("48", ("Australia",), "comment", "n/a", "'goal not achievable'", "table 3827"),
    ("48", ("China",), "delete", "not_reflected", "delete 'including liability of legal persons'; July 48 keeps 'including the liability of legal persons and entities'", "table 3829"),
    ("48", ("EU",), "insert", "not_reflected", "add 'as stipulated by Article 10 of UNTOC'; July 48 ends 'legal persons and entities, as appropriate;'", "table 3833"),
    ("48", ("OHCHR",), "insert", "not_reflected", "add 'including public and private actors and' before 'including the liability of legal persons'; not in July 48", "table 3837"),
    ("48", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 48 is there", "table 3841"),

    # --- row of 49 ---
    ("49", ("African Group",), "replace", "not_reflected", "verb form: 'Enhancing' -> 'To enhance'; July 49 'Enhance efforts' (facilitators' imperative, same word), no 'To'", "table 3848"),
    ("49", ("EU",), "redraft", "accepted", "'..., strengthening means to combat trafficking, including through more systematic use of freezing assets for the purpose of eventual confiscation, according to ... Article 12 of UNTOC, and prosecuting perpetrators, ensuring that the penalties are proportionate...'; July 49 is this text almost word for word", "table 3851"),
    ("49", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 49 is there", "table 3862"),
    ("49", ("USA",), "insert", "not_reflected", "add 'of victims' after 'with full respect to human rights'; July 49 drops that phrase altogether (EU redraft), no 'of victims'", "table 3864"),

    # --- row of 50 (merged into July 49) ---
    ("50", ("African Group",), "replace", "superseded", "verb form: 'Ensuring' -> 'To ensure'; 50 merged into 49 '... and ensure that penalties are proportionate' (same word, no 'To')", "table 3871"),
    ("50", ("EU",), "merge", "accepted", "'delete' goes with EU's own 49 redraft, which absorbs 50 ('ensuring that the penalties are proportionate to the gravity of the crime'); July 50 '[Merged with paragraph 49]', 49 '... and ensure that penalties are proportionate to the gravity of the crime'", "table 3875"),
    ("50", ("Japan",), "comment", "n/a", "the Plan should not guide the content of national legislation; penalties are for the judiciary to decide case by case; no wording asked", "table 3877"),
    ("50", ("Thailand",), "delete", "superseded", "delete the paragraph; July 50 '[Merged with paragraph 49]' with its substance kept ('ensure that penalties are proportionate to the gravity of the crime')", "table 3886"),

    # --- row of 51 ---
    ("51", ("African Group",), "replace", "not_reflected", "verb form: 'Making' -> 'To make'; July 51 'Make use of available technical assistance' (facilitators' imperative, same word), no 'To'", "table 3895"),
    ("51", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 51 is there", "table 3898"),

    # --- row of 52 (merged into July 49) ---
    ("52", ("African Group",), "redraft", "superseded", "'To freeze and confiscate the assets of traffickers as an effective means to fight organized crime, in accordance with national laws', striking 'Promoting the more systematic use of'; July 49 keeps 'more systematic use of freezing assets', no 'national laws'", "table 3907"),
    ("52", ("Canada",), "replace", "superseded", "'as an effective means to fighting this criminal activity' in place of 'to fight organized crime'; merged 49 has no 'effective means' clause", "table 3914"),
    ("52", ("Colombia",), "redraft", "accepted", "asks a redraft in line with UNTOC's provisions on confiscation and seizure (no words given); merged 49 'freezing assets for the purpose of eventual confiscation, according to the provisions of Article 12 of UNTOC' (Art. 12 = confiscation and seizure)", "table 3918"),
    ("52", ("EU",), "merge", "accepted", "'delete' goes with EU's own 49 redraft, which absorbs 52 ('more systematic use of freezing assets for the purpose of eventual confiscation'); July 52 '[Merged with paragraph 49]' with that text", "table 3921"),
    ("52", ("Holy See",), "redraft", "superseded", "asks a stronger formulation so that 'all assets and profits obtained by trafficking in persons will be confiscated', in line with 37-38; merged 49 says only 'freezing assets for the purpose of eventual confiscation'", "table 3923"),
    ("52", ("Japan",), "comment", "n/a", "how to use freezing and confiscation under national law is up to each State; no wording asked", "table 3928"),
    ("52", ("Thailand",), "delete", "superseded", "delete the paragraph; July 52 '[Merged with paragraph 49]' with its substance kept ('more systematic use of freezing assets ... confiscation')", "table 3932"),
    ("52", ("USA",), "replace", "superseded", "'remove any financial benefits from traffickers and provide restitution to victims' in place of 'fight organized crime'; not in merged 49", "table 3933"),

    # --- row of 53 (July 53 lost a middle line: 'facilitate the [...] the United Nations Convention against Corruption and UNTOC;') ---
    ("53", ("African Group",), "redraft", "partial", "'To investigate, prosecute and strongly punish public officials accused of engaging in or facilitating ... against such officials', striking 'Vigorously' and 'corrupt'; July 53 'Investigate, prosecute, and punish corrupt public officials who engage in or facilitate': 'Vigorously' gone, but no 'strongly', 'corrupt' and 'who engage in' kept", "table 3948"),
    ("53", ("Canada",), "redraft", "not_reflected", "replace with 'Examining the linkages between corruption and human trafficking and taking legislative, programming and policy action...'; July 53 'Investigate, prosecute, and punish corrupt public officials...'", "table 3957"),
    ("53", ("China",), "delete", "unclear", "delete 'recognizing that trafficking would likely not occur at current levels without official complicity'; that clause would sit in July 53's missing line", "table 3963"),
    ("53", ("Colombia",), "redraft", "partial", "'Ensure that national legislation and anti-corruption policies provide measures to investigate, prosecute and punish public officials who engage in or facilitate trafficking in persons', in accordance with UNTOC; July 53 drops 'Vigorously' and ends with UNCAC and UNTOC, but has no 'national legislation and anti-corruption policies' frame and keeps 'corrupt'", "table 3972"),
    ("53", ("EU",), "redraft", "partial", "prefixes 'In line with the United Nations Convention against Corruption, and UNTOC' and puts the zero-tolerance clause before 'recognizing...'; July 53 ends '...the United Nations Convention against Corruption and UNTOC;' (reference in), the clause order falls in the missing line", "table 3978"),
    ("53", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 53 is there", "table 3989"),

    # --- row of 54 ---
    ("54", ("African Group",), "redraft", "not_reflected", "'To strengthen ... among States and within the framework of activities undertaken in sub-regional, regional and international organizations ..., including through the exchange of information and best practices'; July 54 has neither addition", "table 4002"),
    ("54", ("African Group",), "move", "not_reflected", "'(MOVE Para TO PARTNERSHIP SECTION)'; July 54 still in section III", "table 4011"),
    ("54", ("EU",), "delete", "not_reflected", "delete the paragraph; July 54 is there", "table 4014"),
    ("54", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 54 is there", "table 4016"),
]
