import TesseraCore

/// The TBX dialect a file declares, and what it allows: the element names of its core structure
/// and the picklists of its data categories.
///
/// | dialect | root | concept / language / term | picklists |
/// |---|---|---|---|
/// | ``tbx2`` | `martif type="TBX"` (ISO 30042:2008) | `termEntry` / `langSet` / `tig`, `ntig`+`termGrp` | TBX default XCS |
/// | ``tbx2Basic`` | `martif type="TBX-Basic"` | same | TBX-Basic |
/// | ``tbx3`` | `tbx type="TBX-Core"` or another (ISO 30042:2019, DCA) | `conceptEntry` / `langSec` / `termSec` | TBX default XCS |
/// | ``tbx3Basic`` | `tbx type="TBX-Basic"` | same | TBX-Basic |
///
/// ```swift
/// TBXDialect.tbx3Basic.picklist(element: "termNote", type: "partOfSpeech")?.contains("noun")   // true
/// ```
///
/// - SeeAlso: [TBX (ISO 30042)](https://www.tbxinfo.net/), [TBX-Basic](https://www.tbxinfo.net/tbx-basic/)
package enum TBXDialect: String, Hashable, Sendable, CaseIterable {
    /// TBX 2008 (`martif`) with the default data categories.
    case tbx2
    /// TBX 2008 (`martif`) declaring TBX-Basic.
    case tbx2Basic
    /// TBX 2019 (`tbx`), TBX-Core or any dialect other than TBX-Basic.
    case tbx3
    /// TBX 2019 (`tbx`) declaring TBX-Basic.
    case tbx3Basic

    /// The dialect of a root element (`martif` or `tbx`) with its `type` attribute; `nil` for
    /// another root.
    package init?(root: String, type: String?) {
        let basic = (type ?? "").lowercased().contains("basic")
        switch root {
        case "martif": self = basic ? .tbx2Basic : .tbx2
        case "tbx": self = basic ? .tbx3Basic : .tbx3
        default: return nil
        }
    }

    /// Whether the file is TBX 2 (`martif`).
    package var isVersion2: Bool { self == .tbx2 || self == .tbx2Basic }
    /// Whether the file declares TBX-Basic.
    package var isBasic: Bool { self == .tbx2Basic || self == .tbx3Basic }
    /// A name for messages.
    package var displayName: String {
        switch self {
        case .tbx2: "TBX 2 (martif)"
        case .tbx2Basic: "TBX-Basic 2 (martif)"
        case .tbx3: "TBX 3"
        case .tbx3Basic: "TBX-Basic 3"
        }
    }

    /// The concept, language and term-section element names (`termEntry`, `langSet`, `tig`/`ntig`).
    package var conceptElement: String { isVersion2 ? "termEntry" : "conceptEntry" }
    /// The language-section element name.
    package var languageElement: String { isVersion2 ? "langSet" : "langSec" }
    /// The term-section element names.
    package var termSectionElements: Set<String> { isVersion2 ? ["tig", "ntig"] : ["termSec"] }

    /// Data-category elements allowed beside terms at every level (TBX `auxInfo`).
    static let auxiliaryElements: Set<String> = [
        "descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref",
    ]
    /// Data-category elements that follow the term in a term section, before `auxInfo`.
    static let termNoteElements: Set<String> = ["termNote", "termNoteGrp", "termCompList"]
    /// Elements allowed inside a data-category group.
    static let groupMemberElements: Set<String> = auxiliaryElements.union([
        "termNote", "transac", "transacNote", "date", "termComp", "termCompGrp",
    ])

    /// The values allowed for a data category (`termNote` of type `partOfSpeech`), `nil` when the
    /// dialect gives no picklist for it (free text).
    package func picklist(element: String, type: String?) -> Set<String>? {
        guard let type else { return nil }
        let table = isBasic ? Self.basicPicklists : Self.defaultPicklists
        return table[element + " " + type]
    }

    /// TBX-Basic picklists (TBX-Basic specification, 2019; `usageStatus` also takes
    /// `deprecated`, as the LTAC validation sample `basic_good.tbx` does).
    static let basicPicklists: [String: Set<String>] = [
        "termNote partOfSpeech": ["noun", "verb", "adjective", "adverb", "properNoun", "other"],
        "termNote termType": ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"],
        "termNote administrativeStatus": [
            "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts",
        ],
        "termNote usageStatus": ["preferred", "admitted", "notRecommended", "obsolete", "deprecated"],
        "termNote grammaticalGender": ["masculine", "feminine", "neuter", "other"],
        "transac transactionType": ["origination", "creation", "modification", "review", "approval", "withdrawal"],
    ]

    /// The default data-category picklists of TBX (the 2008 default XCS, also applied to TBX 3
    /// files outside TBX-Basic). `administrativeStatus` also takes the bare words
    /// (`deprecated`, as Translate Toolkit's samples write) and `forbiddenTerm-admn-sts`, which
    /// Tessera writes for a term that must not be used (TBX has no such value).
    static let defaultPicklists: [String: Set<String>] = {
        let statuses = ["admitted", "deprecated", "legal", "preferred", "regulated", "standardized", "superseded"]
        return [
            "termNote administrativeStatus": Set(statuses.map { $0 + "Term-admn-sts" } + statuses + ["forbiddenTerm-admn-sts"]),
            "termNote normativeAuthorization": Set(statuses.map { $0 + "Term" }),
            "termNote usageStatus": ["preferred", "admitted", "notRecommended", "obsolete", "deprecated"],
            "termNote termType": [
                "abbreviation", "acronym", "clippedTerm", "commonName", "entryTerm", "equation", "formula", "fullForm",
                "initialism", "internationalism", "internationalScientificTerm", "logicalExpression", "partNumber",
                "phraseologicalUnit", "transcribedForm", "transliteratedForm", "shortForm", "shortcut", "sku",
                "standardText", "string", "symbol", "synonym", "synonymousPhrase", "variant", "phrase",
            ],
            "termNote grammaticalGender": ["masculine", "feminine", "neuter", "otherGender", "other"],
            "termNote grammaticalNumber": ["singular", "plural", "dual", "mass", "otherNumber"],
            "termNote termProvenance": ["transdisciplinaryBorrowing", "translingualBorrowing", "loanTranslation", "neologism"],
        ]
    }()

    /// The data categories TBX-Basic allows, as `element type` (`termNote partOfSpeech`); a
    /// group or a `note` is written as `element`.
    static let basicCategories: Set<String> = [
        "descrip subjectField", "descrip definition", "descrip context", "descripGrp", "admin source",
        "admin customerSubset", "admin projectSubset", "termNote partOfSpeech", "termNote termType",
        "termNote administrativeStatus", "termNote usageStatus", "termNote grammaticalGender",
        "termNote geographicalUsage", "termNote termLocation", "note", "xref xGraphic", "xref externalCrossReference",
        "ref crossReference", "transacGrp", "transac transactionType", "transacNote responsibility", "date",
    ]

    /// Whether TBX-Basic allows `category` (and all its members, with picklist values).
    static func basicAllows(_ category: DataCategory) -> Bool {
        let key = category.type.map { category.element + " " + $0 } ?? category.element
        guard basicCategories.contains(key) else { return false }
        if let list = TBXDialect.tbx3Basic.picklist(element: category.element, type: category.type),
            !list.contains(category.value)
        {
            return false
        }
        return category.children.allSatisfy(basicAllows)
    }
}
