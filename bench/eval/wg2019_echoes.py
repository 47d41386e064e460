"""Restatements among the 2019 WG-TIP draft recommendations, and their 2015 antecedents, read by hand.

Made by one reader who read all 50 recommendations of the 2019 draft report
(data/drafts/wg-tip-2019: L.1 = Recs 1-11, L.1/Add.1 = Recs 12-34, L.1/Add.2 = Recs 35-50) and the
2015 consolidated recommendations (data/drafts/wg-tip-2015/01-consolidated-recommendations.txt),
independently of amendtrack and before its similarity matching was tuned on these texts. amendtrack was
never run and its code/output never read. All pairs were chosen by reading; afterwards a throwaway
4-gram check (case and punctuation folded, hyphen = space), run only on the pairs listed in
ANTECEDENTS_2015, confirmed each quoted phrase occurs in both texts and that the None entries share no
distinctive 4-word run (31/77 share only the boilerplate "trafficking in persons, including").

RESTATED: pairs where one recommendation asks substantially the same thing as the other (near-identical
text, or the same specific measure asked twice). Shared topic or boilerplate ("Member States should")
is not enough.
NOT_RESTATED: clear near misses, i.e. same topic, different ask; a tool should not report these.
BORDERLINE: pairs that share a core measure but each adds a different element, or where one is a
generic version of the other; the reader could not call them either way, so score them as neither.
ANTECEDENTS_2015: 2015 labels are the document's own running paragraph numbers (1-124; 1-3 are the
introduction), with the subparagraph letter attached where the match is in one, e.g. "100(a)". They are
not the recommendation numbers of the original meeting reports that some 2015 paragraphs cite.
"""

RESTATED = [  # (rec a, rec b, reason)
    (
        32,
        37,
        'near-verbatim: "oversight mechanisms, such as in-person registration programmes, within their foreign ministries"; 37 drops "human"',
    ),
    (
        33,
        47,
        'both: "train their personnel before serving overseas/abroad on human trafficking with a focus on" domestic servitude, treatment of workers',
    ),
    (
        32,
        36,
        "same measure: diplomats' domestic workers register/appear in person with host authorities and are told how to seek help",
    ),
    (
        36,
        37,
        "same measure as 32: in-person appearance before host authorities; 36 'told who to contact', 37 'inform ... how to seek help'",
    ),
]

NOT_RESTATED = [  # (rec a, rec b, reason) same topic, different ask
    (
        4,
        5,
        "national referral mechanisms: 4 asks toolkits of standard operating procedures, 5 sharing practice on roles of civil society in them",
    ),
    (
        12,
        46,
        "survivor/civil society input: 12 into national counter-trafficking strategies, 46 into training materials for diplomats",
    ),
    (
        23,
        24,
        "international organizations' supply chains: 23 asks them to act, e.g. review procurement; 24 asks training of their personnel",
    ),
    (
        40,
        41,
        "diplomatic missions and victims: 40 cooperation between missions of different countries, 41 domestic entities cooperating with them",
    ),
    (
        38,
        39,
        "diplomats' domestic employees: 38 host-State language skills, 39 salary paid into a bank account in their sole name",
    ),
    (
        8,
        19,
        "media: 8 support a strong and independent media for awareness; 19 build media capacity to understand and report on trafficking",
    ),
    (
        1,
        21,
        "support to prosecutions: 1 'litigation surgeries' for prosecutors to share experience, 21 model templates",
    ),
    (
        18,
        28,
        "rights information: 18 'know your rights' in services for abused children/homeless people, 28 at-risk e.g. guest workers",
    ),
]

BORDERLINE = [  # (rec a, rec b, reason) neither list; score as neither
    (
        3,
        16,
        "both ask States to value/emphasize joint investigation teams; 3 adds specialized investigations, 16 mutual legal assistance",
    ),
    (
        10,
        25,
        "both ask States to use the 2018 supply-chain Principles (titled differently); 10 transparency/alignment, 25 procurement/fees",
    ),
    (
        15,
        22,
        "both ask shelter for victims; 15 to avoid homelessness after rescue, 22 'secure shelters' against revictimization",
    ),
    (
        9,
        23,
        "multilateral/international organizations and 'their supply chains' via purchasing power/procurement; 9 is ambiguous on whose",
    ),
    (
        25,
        29,
        "29 (prevent trafficking in Government procurement) is a generic form of 25 (Principles in public procurement, recruitment fees)",
    ),
    (
        43,
        44,
        "both ask training of diplomatic and consular personnel on trafficking; 43 'repeated', 44 workshops at all levels on their role",
    ),
    (
        10,
        34,
        "10's second half 'share learning on ... transparency measures ... international alignment' is close to 34; 10's main ask differs",
    ),
    (43, 49, "training diplomatic and consular agents (43) vs building their capacity to identify victims (49)"),
]

ANTECEDENTS_2015 = [  # (2019 rec, 2015 paragraph label as printed, shared phrase or None, reason)
    (
        3,
        "100(a)",
        "joint investigation teams and",
        "100(a): use of JITs and special investigative techniques; 3: emphasis on JITs and specialized investigations",
    ),
    (
        16,
        "100(a)",
        "of joint investigation teams and",
        "16 values JITs and mutual legal assistance; 100(a)-(b) JITs, then mutual legal assistance",
    ),
    (
        31,
        "77",
        None,
        "investigate trafficking cases using financial investigation (77 'financial investigation techniques'); only boilerplate shared",
    ),
    (
        17,
        "115",
        None,
        "exchange information (115 'exchanging information and law enforcement intelligence') on trafficking networks/routes",
    ),
    (
        14,
        "13",
        None,
        "awareness campaigns aimed at (potential) victims: 13 'campaigns targeting potential victims', 14 'targeted at victims'",
    ),
    (
        14,
        "65",
        "identify victims of trafficking",
        "make those who could identify victims aware: 65 'actors who could identify', 14 'groups likely to identify'",
    ),
    (
        30,
        "36",
        None,
        "role of technology in recruiting/exploiting victims: 36 'use of the Internet by traffickers', 30 cyberspace and technology",
    ),
    (
        25,
        "32",
        None,
        "ban recruitment fees: 25 'recruitment fees charged to workers', 32 'recruitment fees being charged to employees'",
    ),
    (
        26,
        "12",
        None,
        "employers/businesses keep supply chains free of trafficking, and curb recruitment abuses (12 agencies, 26 worker-paid fees)",
    ),
    (
        29,
        "34",
        None,
        "prevent trafficking through State procurement: 34 'review policies and procurement practices', 29 Government procurement",
    ),
    (
        22,
        "42",
        None,
        "shelter for victims: 42 'temporary and safe shelter', 22 'secure shelters' to decrease revictimization",
    ),
    (2, "42", None, "witness protection: 42 'witness protection procedures', 2 'stronger witness protection measures'"),
    (
        11,
        "121",
        None,
        "partnerships of government, business and civil society: 121 public-private partnerships, 11 forced labour in supply chains",
    ),
    (
        12,
        "101",
        None,
        "involve civil society in counter-trafficking strategies: 101 integrate it into strategies, 12 consult it (and victims)",
    ),
]
