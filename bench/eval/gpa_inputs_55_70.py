"""Inputs on annex paragraphs 55–70 of the GPA first draft, labelled by hand (see bench/eval/README_inputs.md).

Read from data/drafts/gpa-2010/: the compilation (table of inputs), the first draft and the July draft,
side by side, before the tool was tuned on them.
"""

INPUTS = [
    # (paragraph, delegations, operation, disposition, reason, where)

    # --- 55 ---
    ("55", ("African Group",), "replace", "not_reflected", "'Encouraging' -> 'To encourage'; July 55 has 'Encourage' with no 'To' (gerund->imperative is the facilitators' global change)", "table 4029"),
    ("55", ("EU",), "delete", "not_reflected", "delete the paragraph; July 55 is still there", "table 4032"),
    ("55", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 55 is still there", "table 4033"),
    ("55", ("UNICEF",), "insert", "partial", "add 'with full respect for data protection laws and standards' after 'by exchanging information'; July 55 has 'with full respect for domestic laws, such as data protection laws' (no 'and standards')", "table 4034"),

    # --- heading IV / 56 ---
    ("56", ("African Group",), "new_paragraph", "partial", "new chapeau under heading IV ('We recognize that capacity-building ... enhance coordination and coherence within United Nations system in this regard:'), filed in row 56; July IV opens with an OCR-truncated chapeau ending '...combating trafficking in persons and encourage and enhance coordination and coherence within the UN system;' (AG's tail, reworded; opening lost)", "table 4053"),
    ("56", ("African Group",), "replace", "not_reflected", "'Taking' -> 'To take'; July 56 (EU-based merged text) has 'take advantage', no 'To'", "table 4064"),
    ("56", ("EU",), "redraft", "accepted", "whole new wording folding in 57 and 58 ('Encouraging effective cooperation ... taking advantage of the networks provided by relevant organizations ... while stressing the importance of regional approaches ... in supplementing the UNTOC ...'); July 56 follows it nearly word for word (plus 'bilateral, sub-regional'), 57 and 58 'Merged with paragraph 56'", "table 4067"),
    ("56", ("Thailand",), "redraft", "unclear", "label lost (quoted-redraft tail in the slot after EU; attributed to Thailand by style, cf. Thailand 4201, and Thailand has no other entry here); the surviving tail 'provided by relevant international, regional and sub-regional organizations ... in this area' equals the base, so the change sat in the lost opening and cannot be judged", "table 4083"),

    # --- 57 ---
    ("57", ("African Group",), "replace", "superseded", "'Encouraging' -> 'To encourage'; 57 'Merged with paragraph 56', whose text starts 'Encourage effective cooperation' without 'To'", "table 4099"),
    ("57", ("EU",), "delete", "accepted", "delete 57, whose words the EU folds into its 56 redraft; July 57 is '[Merged with paragraph 56]' with that wording", "table 4102"),
    ("57", ("USA",), "replace", "superseded", "'bilateral, regional and international cooperation' -> 'cooperative' (agreements); 57 merged into 56, where the 'by developing ... agreements' clause is gone and 'cooperative' does not appear", "table 4104"),
    ("57", ("Thailand",), "insert", "partial", "label lost (quoted tail after USA; attributed to Thailand by style, cf. 4201); adds 'sub-regional' to 'bilateral, regional and international cooperation agreements'; merged July 56 has 'national, bilateral, sub-regional, regional and international level' (the word survives, but on 'level', the agreements clause being dropped)", "table 4107"),

    # --- 58 ---
    ("58", ("African Group",), "replace", "superseded", "'Stressing' -> 'To stress'; 58 merged into 56, which reads 'while stressing the importance'", "table 4120"),
    ("58", ("Canada",), "merge", "superseded", "merge 58 with 59; July merged 58 into 56 instead and 59 stands alone", "table 4123"),
    ("58", ("EU",), "redraft", "superseded", "replaces 58 with para 54's text shortened ('Strengthening coordination and cooperation among States ... including all forms of organized crime'), 58's own words having gone into the EU's 56; July 58 is '[Merged with paragraph 56]', 56 has no such text and 54 stays in section III with its full list", "table 4125"),
    ("58", ("Thailand",), "delete", "superseded", "delete the paragraph; July 58 is '[Merged with paragraph 56]' and its words survive there ('while stressing the ... practices'), so the deletion is not carried", "table 4131"),
    ("58", ("Japan",), "comment", "n/a", "asks what 'regional approaches to facilitate mutual legal assistance' means in detail", "table 4133"),
    ("58", ("UNICEF",), "insert", "unclear", "include 'data protection' (as in 55); 58 went into July 56, whose line carrying 58's words ('while stressing the ... practices') is lost in the OCR", "table 4137"),
    ("58", ("USA",), "insert", "accepted", "add at the end 'in supplementing the UNTOC and the work done by the Conference of the Parties to that Convention'; merged July 56 ends 'practices in supplementing UNTOC and the work done by the Conference of the Parties to that Convention'", "table 4141"),

    # --- 59 ---
    ("59", ("African Group",), "redraft", "not_reflected", "replaces 'Concluding and implementing ... agreements ...' by 'To promote mutual legal assistance and the exchange of information ... including through regional approaches'; July 59 keeps 'Conclude and implement mutual legal assistance and extradition agreements'", "table 4154"),
    ("59", ("Canada",), "merge", "not_reflected", "merge 59 with 58; July 59 stands alone (58 went into 56)", "table 4160"),
    ("59", ("EU",), "redraft", "partial", "new wording 'Encouraging Member States that are party to UNTOC to enhance international cooperation in extradition and mutual legal assistance ... in accordance with the Convention ... articles 16 and 18'; July 59 keeps the first-draft wording and only adds 'including UNTOC' to the applicable law", "table 4162"),
    ("59", ("EU",), "new_paragraph", "not_reflected", "new 59bis = para 55's text with 'judicial authorities' added (the EU deletes 55); July has no 59bis, 55 stays in section III without 'judicial'", "table 4174"),
    ("59", ("Japan",), "insert", "accepted", "add ', where appropriate,' after 'extradition agreements'; July 59 'extradition agreements, where appropriate,'", "table 4186"),
    ("59", ("Japan",), "replace", "accepted", "'human trafficking' -> 'trafficking in persons'; July 59 'perpetrators of trafficking in persons'", "table 4189"),
    ("59", ("Singapore",), "insert", "partial", "prefix 'Considering, where appropriate, the need to' (conclude and implement); July 59 has 'where appropriate' (after 'agreements') but not 'Considering ... the need to'", "table 4193"),
    ("59", ("Singapore",), "replace", "not_reflected", "'national and international law' -> 'national and Member States' obligations under international law'; July 59 'national and international law, including UNTOC'", "table 4193"),
    ("59", ("Thailand",), "redraft", "not_reflected", "quoted new wording 'Study additional and more effective ... including by concluding and implementing mutual legal assistance and extradition agreements' (middle lost); July 59 still opens 'Conclude and implement'", "table 4201"),
    ("59", ("USA",), "redraft", "not_reflected", "rephrase as 'Facilitating mutual legal assistance and extradition to ensure the apprehension ...'; July 59 keeps 'Conclude and implement ... agreements'", "table 4208"),

    # --- 60 ---
    ("60", ("African Group",), "redraft", "partial", "marked redraft: 'To promote cooperation among governments, civil society and the private sector in order to strengthen prevention, protection and prosecution policies' (NGOs and 'other elements of' struck); July 60 has 'civil society and the private sector' and 'to strengthen', NGOs gone, but keeps 'between governmental institutions'", "table 4220"),
    ("60", ("Colombia",), "redraft", "partial", "asks a redraft explaining the role of NGOs in prosecution programmes (no words given); July 60 explains nothing but drops both 'non-governmental organizations' and 'prosecution' ('to strengthen prevention and protection policies'), removing the problem", "table 4228"),
    ("60", ("EU",), "replace", "partial", "'other elements of civil society' -> 'other actors of civil society'; July 60 has bare 'civil society': 'elements' is gone but 'actors' is not in", "table 4231"),
    ("60", ("IOM",), "new_paragraph", "not_reflected", "new 60bis 'Promoting cooperation between governments in regions through established Regional Consultative Processes on Migration'; nothing of it in July", "table 4234"),
    ("60", ("Holy See",), "insert", "not_reflected", "add 'religious-based communities' after 'non-governmental organizations'; July 60 has no such words", "table 4238"),
    ("60", ("Japan",), "delete", "not_reflected", "delete the paragraph (its aim to go into 62); July 60 is kept and 62 merged into it", "table 4242"),
    ("60", ("OHCHR",), "new_paragraph", "not_reflected", "new 60bis: an ongoing forum for victims and survivors under the High Commissioner; nothing of it in July", "table 4246"),
    ("60", ("Singapore",), "insert", "not_reflected", "full text with one change: 'where appropriate' after 'Promoting cooperation'; July 60 'Promote cooperation and coordination between' without it", "table 4255"),
    ("60", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 60 is still there", "table 4261"),
    ("60", ("UNICEF",), "insert", "not_reflected", "include 'National Referral Mechanism'; not in July 60", "table 4263"),

    # --- 61 ---
    ("61", ("African Group",), "redraft", "not_reflected", "marked redraft: 'agencies' -> 'authorities' and adds 'in the prevention, investigation and prosecution of perpetrators and protection of and assistance to victims'; July 61 has none of it ('law enforcement agencies regionally and internationally;')", "table 4272"),
    ("61", ("EU",), "delete", "accepted", "strikes 'formal and informal'; July 61 'Strengthen cooperation between law enforcement agencies'", "table 4280"),
    ("61", ("Thailand",), "redraft", "not_reflected", "label lost (quoted tail between EU and USA; attributed to Thailand by style and slot, cf. 4201): 'cooperation, as appropriate, between border control and law enforcement agencies bilaterally, regionally, sub-regionally and internationally'; July 61 has none of these additions", "table 4284"),
    ("61", ("USA",), "delete", "accepted", "delete 'formal and informal' (closing quote lost in OCR); July 61 has 'Strengthen cooperation between'", "table 4288"),

    # --- 62 ---
    ("62", ("African Group",), "delete", "superseded", "delete the paragraph; July 62 is '[Merged with paragraph 60]' and its substance (private sector, workers and employers organizations, coordination) survives there", "table 4299"),
    ("62", ("Canada",), "insert", "partial", "'coordinate and work together with all stakeholders'; 62 merged into 60, which reads 'Promote cooperation and coordination between governmental institutions, civil society and the private sector' (gist, not the words)", "table 4301"),
    ("62", ("EU",), "insert", "superseded", "'coordinate with all stakeholders' (adds 'with'); 62 merged into 60, which has 'coordination between', no 'coordinate with'", "table 4304"),
    ("62", ("EU",), "insert", "accepted", "add 'including the media' after 'the private sector'; merged July 60 'the private sector, including the media, as well as workers and employers organizations'", "table 4304"),
    ("62", ("Japan",), "insert", "partial", "add 'and to enhance cooperation among' after 'Endeavoring to coordinate'; 62 merged into 60 as 'Promote cooperation and coordination between ...' (gist in other words)", "table 4311"),
    ("62", ("Thailand",), "delete", "superseded", "delete the paragraph; July 62 is '[Merged with paragraph 60]' and its substance survives there", "table 4314"),
    ("62", ("UNICEF",), "insert", "superseded", "include 'National Referral Mechanism'; 62 merged into 60, which does not have it", "table 4316"),

    # --- 63 ---
    ("63", ("African Group",), "redraft", "partial", "new wording 'To intensify international and regional cooperation as well as technical assistance for countries of destination and transit aimed at strengthening their ability to prevent trafficked and exploited migrant labour ...'; July 63 (first line lost) reads '...persons as well as technical assistance for countries of origin, destination and transit aimed at strengthening their ability to prevent all forms of trafficking in persons'", "table 4331"),
    ("63", ("Colombia",), "delete", "not_reflected", "first alternative: delete the paragraph; July 63 is still there (rewritten along the AG's lines)", "table 4339"),
    ("63", ("Colombia",), "redraft", "not_reflected", "second alternative: 'To intensify international cooperation in accordance with decisions 4/2 and 4/4 of the Conference of the Parties ...'; the surviving July 63 follows the AG's wording instead (only its first line is lost, too short for this text)", "table 4339"),
    ("63", ("Thailand",), "delete", "not_reflected", "delete the paragraph; July 63 is still there", "table 4349"),

    # --- 64 ---
    ("64", ("African Group",), "replace", "not_reflected", "'Promoting' -> 'To promote'; July 64 is rewritten and opens 'Strengthen and support ICAT'", "table 4360"),
    ("64", ("Canada",), "redraft", "accepted", "replace with 'Strengthening and supporting ICAT to improve coordination and cooperation amongst relevant UN bodies and other international organizations'; July 64 is that text (plus 'including UN human rights treaty bodies and mechanisms')", "table 4363"),
    ("64", ("Colombia",), "delete", "not_reflected", "delete the paragraph; July keeps a paragraph 64 (Canada's ICAT text)", "table 4368"),
    ("64", ("Thailand",), "comment", "n/a", "label lost (quoted tail after Colombia; attributed to Thailand by style and slot): restates the paragraph and ends '(seek ... clarification)': a request for clarification, no words changed", "table 4370"),

    # --- 65 ---
    ("65", ("African Group",), "replace", "not_reflected", "'Encouraging' -> 'To encourage'; July 65 'Encourage UNODC', no 'To'", "table 4386"),
    ("65", ("Belarus",), "insert", "not_reflected", "add 'by elaborating respective guidelines and through special-purpose training courses' after 'assisting victims of trafficking'; July 65 ends 'assisting victims of trafficking in persons;'", "table 4389"),
    ("65", ("EU",), "insert", "accepted", "add 'UN Agencies, Funds and Programs' after 'UNODC'; July 65 'UNODC, other UN Agencies, Funds and Programs'", "table 4393"),
    ("65", ("EU",), "merge", "not_reflected", "appends 66's text ('and to continue to improve the coherence and efficiency of technical assistance delivery ... Working Group on Technical Assistance ...') and deletes 66, i.e. merges 66 into 65; July keeps 66 as a separate paragraph", "table 4393"),
    ("65", ("OHCHR",), "insert", "not_reflected", "add 'OHCHR' after 'UNODC'; July 65 names 'other UN Agencies, Funds and Programs' but not OHCHR", "table 4408"),
    ("65", ("OHCHR",), "insert", "not_reflected", "add at the end 'and to promote and implement a human rights-based approach to combating trafficking'; not in July 65", "table 4408"),
    ("65", ("UNICEF",), "insert", "not_reflected", "add 'and encouraging national Governments to seek such assistance'; not in July 65", "table 4413"),
    ("65", ("Thailand",), "insert", "accepted", "label lost (quoted tail between UNICEF and USA; attributed to Thailand by style, cf. 4201): 'assist States' -> 'assist Member States'; July 65 'assist Member States'", "table 4416"),
    ("65", ("Thailand",), "insert", "accepted", "same lost-label quoted text: adds 'border-control' after 'legislative arrangements'; July 65 'legislative arrangements, border-control and law enforcement cooperation'", "table 4416"),
    ("65", ("USA",), "insert", "partial", "add 'to coordinate with OHCHR, other UN agencies' after 'UNODC'; July 65 has 'UNODC, other UN Agencies, Funds and Programs' as co-addressees, but no coordination and no OHCHR", "table 4422"),

    # --- 66 ---
    ("66", ("African Group",), "replace", "not_reflected", "'Further encouraging' -> 'Further to encourage'; July 66 'Further encourage', no 'to'", "table 4438"),
    ("66", ("Australia",), "comment", "n/a", "remark: too much emphasis on UNODC, other UN agencies (human rights, labour rights) must be involved and consulted; no words asked", "table 4441"),
    ("66", ("Colombia",), "delete", "not_reflected", "delete the paragraph; July 66 is still there", "table 4454"),
    ("66", ("EU",), "delete", "not_reflected", "delete the paragraph (the EU folds it into 65); July 66 is still there", "table 4456"),
    ("66", ("IOM",), "delete", "not_reflected", "restates 66 only up to 'in the field of trafficking in persons,' i.e. drops 'in coordination with the efforts of the Working Group on Technical Assistance ...' (most defensible reading; the doubled 'other' may hide a lost word); July 66 keeps the Working Group ('in accordance with recommendations of the Working Group on Technical Assistance')", "table 4458"),

    # --- 67 ---
    ("67", ("African Group",), "replace", "not_reflected", "'Requesting' -> 'To request' (rest of the restatement garbled by OCR); July 67 'Request the Secretary-General', no 'To'", "table 4473"),
    ("67", ("Australia",), "comment", "n/a", "remark: onerous reporting diverts resources; the draft could propose streamlining reporting; no words given", "table 4484"),
    ("67", ("Thailand",), "insert", "not_reflected", "label lost (quoted text after Australia; attributed to Thailand by style and slot): 'collect accurate, verifiable and reliable information'; July 67 'collect information and biennially report'", "table 4496"),
    ("67", ("Thailand",), "replace", "not_reflected", "same lost-label text: 'regional initiatives and mechanisms' -> 'bilateral regional, sub-regional and cross-regional initiatives and mechanisms'; July 67 'lessons learned from regional initiatives and mechanisms'", "table 4496"),
    ("67", ("UNICEF",), "new_paragraph", "not_reflected", "asks an additional paragraph on creating National Rapporteurs on Trafficking; July has none", "table 4505"),
    ("67", ("USA",), "redraft", "not_reflected", "rephrase as 'Requesting the UNODC to continue to monitor implementation of the Protocol, including through periodically reporting ...'; July 67 keeps 'Request the Secretary-General as a matter of priority to strengthen the capacity of UNODC' (only 'periodically' -> 'biennially')", "table 4512"),

    # --- 68 ---
    ("68", ("African Group",), "replace", "superseded", "'Promoting' -> 'To promote'; July 68 is '[Paragraph deleted]'", "table 4526"),
    ("68", ("African Group",), "replace", "superseded", "'across the United Nations' -> 'within the United Nations'; July 68 is '[Paragraph deleted]'", "table 4526"),
    ("68", ("Belarus",), "insert", "superseded", "add 'as well as Special Rapporteurs and Representatives' after 'existing various entities'; July 68 is '[Paragraph deleted]'", "table 4556"),
    ("68", ("Canada",), "delete", "superseded", "delete 'UN.GIFT' (a brand, not an entity); the whole of July 68 is '[Paragraph deleted]'", "table 4560"),
    ("68", ("Colombia",), "delete", "accepted", "delete the paragraph; July 68 is '[Paragraph deleted]'", "table 4564"),
    ("68", ("Colombia",), "new_paragraph", "partial", "in its place a para 'Support the ICAT aim of improving coordination and cooperation between UN agencies and other international organizations to facilitate a holistic approach ...'; July 64 now reads 'Strengthen and support ICAT to improve coordination and cooperation amongst relevant UN bodies ... and other international organizations' (gist, Canada's words; no holistic-approach clause)", "table 4564"),
    ("68", ("EU",), "delete", "accepted", "delete the paragraph; July 68 is '[Paragraph deleted]'", "table 4576"),
    ("68", ("Japan",), "comment", "n/a", "asks what role UN.GIFT will play under this paragraph", "table 4578"),
    ("68", ("Thailand",), "redraft", "superseded", "label lost (quoted tail after Japan; attributed to Thailand by style): restates 68 ending 'UN.GIFT; and' (its change lay in the lost opening); July 68 is '[Paragraph deleted]'", "table 4583"),
    ("68", ("IOM",), "replace", "superseded", "'across the United Nations' -> 'across the relevant international organizations'; July 68 is '[Paragraph deleted]'", "table 4589"),

    # --- 69 ---
    ("69", ("African Group",), "replace", "not_reflected", "'Urging' -> 'To urge'; July 69 'Urge the Secretary-General', no 'To'", "table 4605"),
    ("69", ("OHCHR",), "insert", "not_reflected", "add 'and with rotating chairpersonship among its member entities' after 'coordination of UNODC,'; July 69 has no such words", "table 4608"),
    ("69", ("OHCHR",), "insert", "not_reflected", "add 'and that all approaches to combating trafficking, including the human rights-based approach, are considered and applied ... complementarity'; July 69 ends 'respond to trafficking in persons;'", "table 4608"),
    ("69", ("Thailand",), "comment", "n/a", "label lost (quoted tail after OHCHR; attributed to Thailand by style): restates 69 unchanged and adds '(seek further clarification)'", "table 4619"),

    # --- 70 ---
    ("70", ("African Group",), "replace", "not_reflected", "'Encouraging' -> 'To encourage'; July 70 'Encourage Member States', no 'To'", "table 4634"),
    ("70", ("IOM",), "replace", "not_reflected", "contributions to '... international organizations' anti-human trafficking [work]' instead of 'United Nations anti-human trafficking work' (IOM's text split by the base line at 4638, continued at 4641); July 70 keeps 'United Nations anti-human trafficking work'", "table 4637"),
    ("70", ("Japan",), "delete", "not_reflected", "delete the paragraph (a plan of action is no place to call for contributions); July 70 is still there", "table 4643"),
    ("70", ("UNICEF",), "insert", "not_reflected", "add 'human rights, child rights and' before 'anti-trafficking work'; July 70 'United Nations anti-human trafficking work'", "table 4647"),
]
