public import TesseraCore
import TesseraXML

/// Reads TermBase eXchange files: TBX 2 (`martif`, ISO 30042:2008: `termEntry`, `langSet`,
/// `tig` or `ntig`/`termGrp`) and TBX 3 (`tbx`, ISO 30042:2019, DCA style: `conceptEntry`,
/// `langSec`, `termSec`), streaming over ``XMLStreamReader``.
///
/// **Kept.** Every data-category element of a concept, language section or term section
/// (`descrip`, `admin`, `termNote`, `note`, `ref`, `xref`, `transacGrp` with dates and
/// responsibility, the `...Grp` groups) goes into ``TermEntry/categories`` or
/// ``Term/categories`` in document order, with its type, value and attributes. The typed fields
/// are derived from them: concept id, subject field, definitions and notes (concept and language
/// level), part of speech, administrative status (`preferredTerm-admn-sts`, ...; TBX 2
/// `normativeAuthorization` and `usageStatus` too), term notes and the `source`/`sourceIdentifier`
/// admin.
///
/// **Checked** (``TBXStructure``, ``TBXDialect``): the core structure of the dialect (a concept
/// holds auxiliary data then language sections; a language section auxiliary data then term
/// sections; a term section exactly one `term` first, then `termNote`s, then auxiliary data),
/// the picklists of known data categories (`administrativeStatus`, `termType`, `partOfSpeech`
/// in TBX-Basic, `usageStatus`, `grammaticalGender`, ...), and for TBX-Basic the exchange rules
/// (no definition at term level, `source` only inside a `descripGrp` at concept level,
/// `transac`/`transacNote` types). A strict read throws the first problem with its line and
/// column; a lenient read keeps the data (a second term becomes its own term, a misplaced element
/// is kept at its level, an off-list value is kept as written) and returns one
/// ``GlossaryWarning`` per problem.
///
/// ```swift
/// let entries = try TBXReader.read(path: "ibm_tbx.tbx")
/// entries.last?.id   // "c5"
/// ```
///
/// - SeeAlso: [TBX (ISO 30042)](https://www.tbxinfo.net/), [TBX-Basic](https://www.tbxinfo.net/tbx-basic/)
/// - Complexity: O(n) in the file size; memory O(one concept).
public enum TBXReader {
    /// The TBX-Basic part-of-speech picklist.
    static let basicPartsOfSpeech: Set<String> = ["noun", "verb", "adjective", "adverb", "properNoun", "other"]

    /// Reads a TBX file strictly.
    /// - Throws: ``GlossaryError`` with file, line and column (`.malformedTBX` for XML, structure
    ///   or picklist faults, `.unknownFormat` when the root is neither `martif` nor `tbx`).
    public static func read(path: String) throws -> [TermEntry] {
        var warnings: [GlossaryWarning] = []
        return try read(path: path, lenient: false, warnings: &warnings)
    }

    /// Reads a TBX file; with `lenient`, structure and picklist problems become `warnings`.
    public static func read(path: String, lenient: Bool, warnings: inout [GlossaryWarning]) throws -> [TermEntry] {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let reader: XMLStreamReader
        do { reader = try XMLStreamReader(path: path) } catch {
            throw GlossaryError(.unreadable, error.message, file: name, line: nil)
        }
        return try read(reader, file: name, lenient: lenient, warnings: &warnings)
    }

    /// Reads a TBX document held in memory strictly.
    public static func read(bytes: [UInt8], name: String) throws -> [TermEntry] {
        var warnings: [GlossaryWarning] = []
        return try read(bytes: bytes, name: name, lenient: false, warnings: &warnings)
    }

    /// Reads a TBX document held in memory; with `lenient`, problems become `warnings`.
    public static func read(
        bytes: [UInt8], name: String, lenient: Bool, warnings: inout [GlossaryWarning]
    ) throws -> [TermEntry] {
        let reader: XMLStreamReader
        do { reader = try XMLStreamReader(bytes: bytes, name: name) } catch {
            throw GlossaryError(.unreadable, error.message, file: name, line: nil)
        }
        return try read(reader, file: name, lenient: lenient, warnings: &warnings)
    }

    /// The state of the concept being read.
    struct State {
        var dialect: TBXDialect = .tbx3
        var entry: TermEntry?
        var language: LanguageTag?
        var term: Term?
        /// Open data-category elements, outermost first, with where each started.
        var categories: [(category: DataCategory, line: Int, column: Int, depth: Int)] = []
        /// Depth of the open `<term>`, while its text is read.
        var termDepth: Int?
        var buffer = ""
        var depth = 0
        var rootSeen = false
        var inBody = false
        var entryCount = 0
        var structure = TBXStructure()
        /// Depth of an element skipped whole (lenient read of an element with no place).
        var skipDepth: Int?
    }

    static func read(
        _ reader: XMLStreamReader, file: String, lenient: Bool, warnings: inout [GlossaryWarning]
    ) throws -> [TermEntry] {
        var entries: [TermEntry] = []
        var state = State()
        func problem(_ message: String, line: Int? = nil, column: Int? = nil) throws {
            let warning = GlossaryWarning(message, file: file, line: line ?? reader.line, column: column ?? reader.column)
            if !lenient { throw warning.error }
            warnings.append(warning)
        }
        while true {
            let event: XMLEvent?
            do { event = try reader.next() } catch {
                throw GlossaryError(
                    .malformedTBX, error.message, file: file, line: error.line > 0 ? error.line : nil,
                    column: error.column > 0 ? error.column : nil)
            }
            guard let event else { break }
            switch event {
            case .startElement(let qualified, let attributes, _):
                state.depth += 1
                let name = localName(qualified)
                func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
                if !state.rootSeen {
                    state.rootSeen = true
                    guard let dialect = TBXDialect(root: name, type: attribute("type")) else {
                        throw GlossaryError(
                            .unknownFormat, "The root element is <\(qualified)>, not <martif> (TBX 2) or <tbx> (TBX 3).",
                            file: file, line: reader.line, column: reader.column)
                    }
                    state.dialect = dialect
                    state.structure = TBXStructure(dialect: dialect)
                    continue
                }
                if state.skipDepth != nil || state.termDepth != nil { continue }  // inline markup inside a term
                if !state.categories.isEmpty {
                    guard TBXDialect.groupMemberElements.contains(name) else { continue }  // inline markup
                    if state.categories.last?.category.element.hasSuffix("Grp") != true
                        && state.categories.last?.category.element != "termCompList"
                    {
                        continue  // markup inside a plain data category
                    }
                    state.buffer = ""
                    state.categories.append((category(name, attributes), reader.line, reader.column, state.depth))
                    continue
                }
                if name == "body" { state.inBody = true }
                guard state.inBody else { continue }
                let place = state.structure.enter(name, line: reader.line, column: reader.column)
                for message in place.problems { try problem(message) }
                switch place.role {
                case .skipped:
                    state.skipDepth = state.depth
                case .ignored:
                    break
                case .concept:
                    state.entryCount += 1
                    state.entry = TermEntry(id: attribute("id") ?? "c\(state.entryCount)", source: file)
                case .language:
                    guard let value = attribute("xml:lang") ?? attribute("lang") else {
                        throw GlossaryError(.malformedTBX, "<\(name)> is missing its xml:lang attribute.", file: file, line: reader.line, column: reader.column)
                    }
                    guard let tag = LanguageTag(value), !tag.isWildcard else {
                        throw GlossaryError(
                            .malformedTBX, "<\(name)> has xml:lang=\"\(value)\", which is not a language tag.", file: file,
                            line: reader.line, column: reader.column)
                    }
                    state.language = tag
                case .termSection:
                    if let language = state.language { state.term = Term(text: "", language: language) }
                case .termGroup:
                    break
                case .term(let startsNewTerm):
                    if startsNewTerm { finishTerm(&state) }
                    if state.term == nil, let language = state.language { state.term = Term(text: "", language: language) }
                    state.termDepth = state.depth
                    state.buffer = ""
                case .category:
                    if state.dialect.isBasic {
                        for message in basicProblems(name: name, type: attribute("type"), state: state) { try problem(message) }
                    }
                    state.buffer = ""
                    state.categories.append((category(name, attributes), reader.line, reader.column, state.depth))
                }
            case .text(let text), .whitespace(let text):
                if state.termDepth != nil || !state.categories.isEmpty { state.buffer += text }
            case .endElement(let qualified):
                defer { state.depth -= 1 }
                let name = localName(qualified)
                if let skip = state.skipDepth {
                    if skip == state.depth { state.skipDepth = nil }
                    continue
                }
                if let termDepth = state.termDepth {
                    guard termDepth == state.depth else { continue }
                    state.termDepth = nil
                    state.term?.text = collapse(state.buffer)
                    state.buffer = ""
                    continue
                }
                if let open = state.categories.last {
                    guard open.depth == state.depth else { continue }
                    state.categories.removeLast()
                    var finished = open.category
                    if finished.children.isEmpty || !state.buffer.allSatisfy(\.isWhitespace) {
                        finished.value = collapse(state.buffer)
                    }
                    state.buffer = ""
                    if let list = state.dialect.picklist(element: finished.element, type: finished.type),
                        !list.contains(finished.value)
                    {
                        try problem(
                            "\"\(finished.value)\" is not a value of <\(finished.element) type=\"\(finished.type ?? "")\"> in \(state.dialect.displayName) (allowed: \(list.sorted().joined(separator: ", "))).",
                            line: open.line, column: open.column)
                    }
                    if state.dialect.isBasic, finished.element == "transac", finished.type != "transactionType" {
                        try problem("<transac> has type \"\(finished.type ?? "")\"; TBX-Basic allows only \"transactionType\".", line: open.line, column: open.column)
                    }
                    if state.dialect.isBasic, finished.element == "transacNote", finished.type != "responsibility" {
                        try problem("<transacNote> has type \"\(finished.type ?? "")\"; TBX-Basic allows only \"responsibility\".", line: open.line, column: open.column)
                    }
                    if state.categories.isEmpty {
                        keep(finished, into: &state)
                    } else {
                        state.categories[state.categories.count - 1].category.children.append(finished)
                    }
                    continue
                }
                guard state.inBody else { continue }
                if name == "body" { state.inBody = false }
                let left = state.structure.leave(name)
                for message in left.problems { try problem(message, line: left.line, column: left.column) }
                switch left.role {
                case .concept:
                    if var entry = state.entry, !entry.terms.isEmpty {
                        if entry.source == nil { entry.source = file }
                        entries.append(entry)
                    }
                    state.entry = nil
                    state.language = nil
                case .language:
                    finishTerm(&state)  // a term written directly in the language section (lenient)
                    state.language = nil
                case .termSection:
                    finishTerm(&state)
                default:
                    break
                }
            case .entityReference, .comment:
                break
            }
        }
        guard state.rootSeen else {
            throw GlossaryError(.malformedTBX, "The file has no root element.", file: file)
        }
        return entries
    }

    /// A data-category element as opened (value filled at its end).
    static func category(_ name: String, _ attributes: [Attribute]) -> DataCategory {
        DataCategory(
            element: name, type: attributes.first { $0.name == "type" }?.value,
            attributes: attributes.filter { $0.name != "type" && !$0.name.hasPrefix("xmlns") })
    }

    /// Appends the term being read to its entry (a term section without a term adds nothing).
    static func finishTerm(_ state: inout State) {
        if let term = state.term, !term.text.isEmpty { state.entry?.terms.append(term) }
        state.term = nil
    }

    /// TBX-Basic rules checked at the start tag of a data category.
    static func basicProblems(name: String, type: String?, state: State) -> [String] {
        if name == "descrip", type == "definition", state.term != nil {
            return ["A definition is given at term level; TBX-Basic allows it at concept or language level only."]
        }
        if name == "admin", type == "source", state.term == nil, state.language == nil {
            return ["<admin type=\"source\"> at concept level must be inside a <descripGrp> with its definition."]
        }
        return []
    }

    /// Keeps a finished top-level data category at its level and derives the typed fields.
    static func keep(_ category: DataCategory, into state: inout State) {
        guard state.entry != nil else { return }
        let languageKey = state.language?.description ?? ""
        if state.term != nil {
            state.term?.categories.append(category)
        } else {
            state.entry?.categories[languageKey, default: []].append(category)
        }
        for member in category.flattened where !member.value.isEmpty {
            derive(member, languageKey: languageKey, into: &state)
        }
    }

    /// Fills the typed field that `category` stands for, if it is still empty.
    static func derive(_ category: DataCategory, languageKey: String, into state: inout State) {
        let value = category.value
        switch (category.element, category.type ?? "") {
        case ("termNote", "partOfSpeech"), ("termNote", "grammaticalCategory"):
            if state.term?.partOfSpeech == nil { state.term?.partOfSpeech = value }
        case ("termNote", "administrativeStatus"), ("termNote", "normativeAuthorization"), ("termNote", "usageStatus"):
            if state.term?.status == nil, let status = TermStatus(parsing: value) { state.term?.status = status }
        case ("note", _):
            if var term = state.term {
                term.note = term.note.map { $0 + "\n" + value } ?? value
                state.term = term
            } else if var entry = state.entry {
                entry.notes[languageKey] = entry.notes[languageKey].map { $0 + "\n" + value } ?? value
                state.entry = entry
            }
        case ("descrip", "definition"):
            if state.term == nil, state.entry?.definitions[languageKey] == nil { state.entry?.definitions[languageKey] = value }
        case ("descrip", "subjectField"):
            if state.entry?.subject == nil { state.entry?.subject = value }
        case ("admin", "source"), ("admin", "sourceIdentifier"):
            if state.term == nil, state.language == nil { state.entry?.source = value }
        default:
            break
        }
    }

    /// `tbx:term` -> `term`.
    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    /// Trims and collapses runs of white space (TBX values are not space-preserving).
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
