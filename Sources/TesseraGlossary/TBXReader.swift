public import TesseraCore
import TesseraXML

/// Reads TermBase eXchange files: TBX 2 (`martif`, ISO 30042:2008: `termEntry`, `langSet`,
/// `tig` or `ntig`/`termGrp`) and TBX 3 (`tbx`, ISO 30042:2019, TBX-Basic DCA style:
/// `conceptEntry`, `langSec`, `termSec`), streaming over ``XMLStreamReader``.
///
/// Kept: concept id, subject field, definitions and notes (concept and language level), terms with
/// part of speech, administrative status (`preferredTerm-admn-sts`, ...; TBX 2
/// `normativeAuthorization` too) and term notes, and the `source`/`sourceIdentifier` admin. A file
/// that declares itself TBX-Basic is also checked against the TBX-Basic rules that matter for
/// exchange (part of speech from the picklist, definitions not at term level, `source` only
/// inside a `descripGrp` at concept level, `transac` of type `transactionType`, `transacNote` of
/// type `responsibility`); the first violation throws with its line.
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

    /// Reads a TBX file.
    /// - Throws: ``GlossaryError`` with file, line and column (`.malformedTBX` for XML or structure
    ///   faults, `.unknownFormat` when the root is neither `martif` nor `tbx`).
    public static func read(path: String) throws -> [TermEntry] {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let reader: XMLStreamReader
        do { reader = try XMLStreamReader(path: path) } catch {
            throw GlossaryError(.unreadable, error.message, file: name, line: nil)
        }
        return try read(reader, file: name)
    }

    /// Reads a TBX document held in memory.
    public static func read(bytes: [UInt8], name: String) throws -> [TermEntry] {
        let reader: XMLStreamReader
        do { reader = try XMLStreamReader(bytes: bytes, name: name) } catch {
            throw GlossaryError(.unreadable, error.message, file: name, line: nil)
        }
        return try read(reader, file: name)
    }

    /// The state of the concept being read.
    struct State {
        var entry: TermEntry?
        var language: LanguageTag?
        var term: Term?
        var inDescripGrp = false
        var capture: (name: String, type: String, depth: Int)?
        var buffer = ""
        var depth = 0
        var basic = false
        var rootSeen = false
        var entryCount = 0
    }

    static func read(_ reader: XMLStreamReader, file: String) throws -> [TermEntry] {
        var entries: [TermEntry] = []
        var state = State()
        func fail(_ message: String) -> GlossaryError {
            GlossaryError(.malformedTBX, message, file: file, line: reader.line, column: reader.column)
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
                    guard name == "martif" || name == "tbx" else {
                        throw GlossaryError(
                            .unknownFormat, "The root element is <\(qualified)>, not <martif> (TBX 2) or <tbx> (TBX 3).",
                            file: file, line: reader.line, column: reader.column)
                    }
                    state.basic = (attribute("type") ?? "").lowercased().contains("basic")
                    continue
                }
                if state.capture != nil { continue }  // inline markup inside a captured element
                let type = attribute("type") ?? ""
                switch name {
                case "termEntry", "conceptEntry":
                    state.entryCount += 1
                    state.entry = TermEntry(id: attribute("id") ?? "c\(state.entryCount)", source: file)
                case "langSet", "langSec":
                    guard state.entry != nil else { throw fail("<\(name)> outside a concept entry.") }
                    guard let value = attribute("xml:lang") ?? attribute("lang") else {
                        throw fail("<\(name)> is missing its xml:lang attribute.")
                    }
                    guard let tag = LanguageTag(value), !tag.isWildcard else {
                        throw fail("<\(name)> has xml:lang=\"\(value)\", which is not a language tag.")
                    }
                    state.language = tag
                case "tig", "ntig", "termSec":
                    guard let language = state.language else { throw fail("<\(name)> outside a language section.") }
                    state.term = Term(text: "", language: language)
                case "descripGrp":
                    state.inDescripGrp = true
                case "term", "termNote", "descrip", "note", "admin":
                    if name == "term", state.language == nil { throw fail("<term> outside a language section.") }
                    if state.basic { try checkBasic(name: name, type: type, state: state, fail: fail) }
                    state.capture = (name, type, state.depth)
                    state.buffer = ""
                case "transac":
                    if state.basic, type != "transactionType" {
                        throw fail("<transac> has type \"\(type)\"; TBX-Basic allows only \"transactionType\".")
                    }
                case "transacNote":
                    if state.basic, type != "responsibility" {
                        throw fail("<transacNote> has type \"\(type)\"; TBX-Basic allows only \"responsibility\".")
                    }
                default:
                    break
                }
            case .text(let text), .whitespace(let text):
                if state.capture != nil { state.buffer += text }
            case .endElement(let qualified):
                defer { state.depth -= 1 }
                let name = localName(qualified)
                if let capture = state.capture {
                    guard capture.depth == state.depth else { continue }
                    state.capture = nil
                    let value = collapse(state.buffer)
                    if state.basic, capture.name == "termNote", capture.type == "partOfSpeech",
                        !basicPartsOfSpeech.contains(value)
                    {
                        throw fail("Part of speech \"\(value)\" is not in the TBX-Basic picklist (noun, verb, adjective, adverb, properNoun, other).")
                    }
                    store(capture.name, type: capture.type, value: value, into: &state)
                    continue
                }
                switch name {
                case "termEntry", "conceptEntry":
                    if var entry = state.entry, !entry.terms.isEmpty {
                        if entry.source == nil { entry.source = file }
                        entries.append(entry)
                    }
                    state.entry = nil
                    state.language = nil
                case "langSet", "langSec":
                    state.language = nil
                case "tig", "ntig", "termSec":
                    if let term = state.term, !term.text.isEmpty { state.entry?.terms.append(term) }
                    state.term = nil
                case "descripGrp":
                    state.inDescripGrp = false
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

    /// TBX-Basic rules checked at a start tag.
    static func checkBasic(name: String, type: String, state: State, fail: (String) -> GlossaryError) throws {
        if name == "descrip", type == "definition", state.term != nil {
            throw fail("A definition is given at term level; TBX-Basic allows it at concept or language level only.")
        }
        if name == "admin", type == "source", state.term == nil, state.language == nil, !state.inDescripGrp {
            throw fail("<admin type=\"source\"> at concept level must be inside a <descripGrp> with its definition.")
        }
    }

    /// Puts a captured value where it belongs.
    static func store(_ name: String, type: String, value: String, into state: inout State) {
        guard !value.isEmpty, state.entry != nil else { return }
        let languageKey = state.language?.description ?? ""
        switch (name, type) {
        case ("term", _):
            state.term?.text = value
        case ("termNote", "partOfSpeech"), ("termNote", "grammaticalCategory"):
            state.term?.partOfSpeech = value
        case ("termNote", "administrativeStatus"), ("termNote", "normativeAuthorization"), ("termNote", "usageStatus"):
            if let status = TermStatus(parsing: value) { state.term?.status = status }
        case ("note", _):
            if var term = state.term {
                term.note = term.note.map { $0 + "\n" + value } ?? value
                state.term = term
            } else if var entry = state.entry {
                entry.notes[languageKey] = entry.notes[languageKey].map { $0 + "\n" + value } ?? value
                state.entry = entry
            }
        case ("descrip", "definition"):
            if state.term == nil { state.entry?.definitions[languageKey] = value }
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
