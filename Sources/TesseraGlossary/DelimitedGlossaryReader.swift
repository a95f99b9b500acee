public import TesseraCore

/// Reads glossaries written as delimited text: CSV (RFC 4180) and TSV with a header row, in the
/// wide layout (one row per concept, one column per language) or the long layout (one row per
/// term, columns `concept,subject,language,term,...`), and the headerless OmegaT layout
/// (`source<TAB>target<TAB>comment`, `#` comment lines).
///
/// Recognised header names (any case, spaces and `_` ignored): `concept`/`id`, `subject`,
/// `language`/`lang`, `term`, `partOfSpeech`/`pos`, `status`, `definition`, `note`/`comment`,
/// `source`; any other column named by a language tag (`en`, `de-CH`) holds terms of that
/// language. `definition_en` / `note_de` give a per-language definition or note. In the wide
/// layout a cell may hold synonyms separated by `|`.
///
/// ```swift
/// let entries = try DelimitedGlossaryReader.read(
///     text: "en,de\ntarget,Ziel\n", file: "g.csv", delimiter: ",", languages: nil)
/// entries[0].terms.map(\.text)   // ["target", "Ziel"]
/// ```
///
/// - SeeAlso: [RFC 4180](https://www.rfc-editor.org/rfc/rfc4180),
///   [OmegaT glossaries](https://omegat.sourceforge.io/manual-standard/en/chapter.glossaries.html)
/// - Complexity: O(n) in the size of the file.
public enum DelimitedGlossaryReader {
    /// What a column holds.
    enum Column: Hashable {
        case concept, subject, language, term, partOfSpeech, status, note, source, ignored
        case definition(String)
        case noteIn(String)
        case terms(LanguageTag)
    }

    /// Reads delimited text.
    /// - Parameters:
    ///   - text: Decoded text.
    ///   - file: File name for error messages and the entries' `source`.
    ///   - delimiter: `,`, `;` or tab; `nil` to sniff from the first line (tab, else `;` if it
    ///     outnumbers `,`, else `,`).
    ///   - languages: Source and target languages for a file without a header (OmegaT layout).
    /// - Throws: ``GlossaryError`` with the line number.
    public static func read(
        text: String, file: String?, delimiter: Unicode.Scalar? = nil, languages: (LanguageTag, LanguageTag)?
    ) throws -> [TermEntry] {
        let delimiter = delimiter ?? sniffDelimiter(text)
        var records: [DelimitedRecordParser.Record]
        do {
            records = try DelimitedRecordParser.records(in: text, delimiter: delimiter, quoting: delimiter != "\t")
        } catch var error as GlossaryError {
            error.file = file
            throw error
        }
        records.removeAll { record in
            record.fields.allSatisfy { $0.trimmingSpaces().isEmpty }
                || (record.fields.first?.hasPrefix("#") ?? false)
        }
        guard let first = records.first else { return [] }
        if let columns = headerColumns(first.fields) {
            let body = records.dropFirst()
            if columns.contains(.language) {
                guard columns.contains(.term) else {
                    throw GlossaryError(
                        .malformedDelimited, "The header has a language column but no term column.", file: file,
                        line: first.line)
                }
                return try readLong(body, columns: columns, file: file)
            }
            return readWide(body, columns: columns, file: file)
        }
        guard let (source, target) = languages else {
            throw GlossaryError(
                .malformedDelimited,
                "The file has no header row naming its languages; give the source and target languages.",
                file: file, line: first.line)
        }
        return readOmegaT(records, source: source, target: target, file: file)
    }

    /// The delimiter a file most likely uses.
    static func sniffDelimiter(_ text: String) -> Unicode.Scalar {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        if firstLine.contains("\t") { return "\t" }
        let semicolons = firstLine.filter { $0 == ";" }.count
        let commas = firstLine.filter { $0 == "," }.count
        return semicolons > commas ? ";" : ","
    }

    /// The columns of a header row, or `nil` when the row is not a header (then it is data).
    static func headerColumns(_ fields: [String]) -> [Column]? {
        var columns: [Column] = []
        var known = 0
        for field in fields {
            let name = field.trimmingSpaces()
            let compact = name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
            switch compact {
            case "concept", "conceptid", "id", "entry", "entryid": columns.append(.concept)
            case "subject", "subjectfield", "domain": columns.append(.subject)
            case "language", "lang", "locale": columns.append(.language)
            case "term": columns.append(.term)
            case "partofspeech", "pos": columns.append(.partOfSpeech)
            case "status", "administrativestatus", "usage": columns.append(.status)
            case "definition": columns.append(.definition(""))
            case "note", "notes", "comment", "comments": columns.append(.note)
            case "source", "origin": columns.append(.source)
            case "": columns.append(.ignored)
            default:
                if let language = suffixedLanguage(compact, prefix: "definition") {
                    columns.append(.definition(language))
                } else if let language = suffixedLanguage(compact, prefix: "note") {
                    columns.append(.noteIn(language))
                } else if let tag = headerLanguage(name) {
                    columns.append(.terms(tag))
                } else {
                    return nil
                }
            }
            known += 1
        }
        let hasTerms = columns.contains { if case .terms = $0 { return true } else { return false } }
        guard known > 0, hasTerms || columns.contains(.language) else { return nil }
        return columns
    }

    /// `definitionen` -> `en` for prefix `definition`.
    static func suffixedLanguage(_ compact: String, prefix: String) -> String? {
        guard compact.hasPrefix(prefix), compact.count > prefix.count else { return nil }
        var rest = String(compact.dropFirst(prefix.count))
        rest = rest.trimming(charactersIn: "():[]")
        return LanguageTag(rest).map(\.description)
    }

    /// A header cell that names a language: `en`, `de-CH`, `pt_BR` (2-3 letter language, at most
    /// three subtags).
    static func headerLanguage(_ name: String) -> LanguageTag? {
        guard let tag = LanguageTag(name), !tag.isWildcard, (2...3).contains(tag.language.count),
            tag.description.split(separator: "-").count <= 3,
            tag.language.allSatisfy({ $0.isLetter })
        else { return nil }
        return tag
    }

    /// Splits a wide-layout cell into synonyms.
    static func synonyms(_ cell: String) -> [String] {
        cell.split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    static func value(_ fields: [String], _ index: Int) -> String? {
        guard index < fields.count else { return nil }
        let text = fields[index].trimmingSpaces()
        return text.isEmpty ? nil : text
    }

    static func readWide(_ records: ArraySlice<DelimitedRecordParser.Record>, columns: [Column], file: String?) -> [TermEntry] {
        let firstLanguage = columns.lazy.compactMap { column -> LanguageTag? in
            if case .terms(let tag) = column { return tag } else { return nil }
        }.first
        var entries: [TermEntry] = []
        entries.reserveCapacity(records.count)
        for record in records {
            var entry = TermEntry(id: "", source: file)
            var partOfSpeech: String?
            var status: TermStatus?
            var languages: [(LanguageTag, String)] = []
            for (index, column) in columns.enumerated() {
                guard let cell = value(record.fields, index) else { continue }
                switch column {
                case .concept: entry.id = cell
                case .subject: entry.subject = cell
                case .partOfSpeech: partOfSpeech = cell
                case .status: status = TermStatus(parsing: cell)
                case .definition(let language):
                    entry.definitions[language.isEmpty ? (firstLanguage?.description ?? "") : language] = cell
                case .note: entry.notes[""] = cell
                case .noteIn(let language): entry.notes[language] = cell
                case .source: entry.source = cell
                case .terms(let tag): languages.append((tag, cell))
                case .language, .term, .ignored: break
                }
            }
            for (tag, cell) in languages {
                for text in synonyms(cell) {
                    entry.terms.append(Term(text: text, language: tag, partOfSpeech: partOfSpeech, status: status))
                }
            }
            guard !entry.terms.isEmpty else { continue }
            if entry.id.isEmpty { entry.id = "r\(record.line)" }
            entries.append(entry)
        }
        return entries
    }

    static func readLong(_ records: ArraySlice<DelimitedRecordParser.Record>, columns: [Column], file: String?) throws -> [TermEntry] {
        var entries: [TermEntry] = []
        var positions: [String: Int] = [:]
        for record in records {
            var conceptID: String?
            var subject: String?
            var language: LanguageTag?
            var text: String?
            var term = Term(text: "", language: .all)
            var definition: String?
            var source: String?
            for (index, column) in columns.enumerated() {
                guard let cell = value(record.fields, index) else { continue }
                switch column {
                case .concept: conceptID = cell
                case .subject: subject = cell
                case .language:
                    guard let tag = LanguageTag(cell), !tag.isWildcard else {
                        throw GlossaryError(.badLanguage, "\"\(cell)\" is not a language tag.", file: file, line: record.line)
                    }
                    language = tag
                case .term: text = cell
                case .partOfSpeech: term.partOfSpeech = cell
                case .status: term.status = TermStatus(parsing: cell)
                case .definition: definition = cell
                case .note, .noteIn: term.note = cell
                case .source: source = cell
                case .terms, .ignored: break
                }
            }
            guard let language, let text else { continue }
            term.text = text
            term.language = language
            let id = conceptID ?? "r\(record.line)"
            let position: Int
            if let known = positions[id] {
                position = known
            } else {
                position = entries.count
                positions[id] = position
                entries.append(TermEntry(id: id, source: file))
            }
            if let subject, entries[position].subject == nil { entries[position].subject = subject }
            if let definition { entries[position].definitions[language.description] = definition }
            if let source { entries[position].source = source }
            entries[position].terms.append(term)
        }
        return entries
    }

    static func readOmegaT(_ records: [DelimitedRecordParser.Record], source: LanguageTag, target: LanguageTag, file: String?) -> [TermEntry] {
        records.compactMap { record -> TermEntry? in
            guard let sourceText = value(record.fields, 0), let targetText = value(record.fields, 1) else { return nil }
            var entry = TermEntry(
                id: "r\(record.line)",
                terms: [Term(text: sourceText, language: source), Term(text: targetText, language: target)], source: file)
            if let comment = value(record.fields, 2) { entry.notes[""] = comment }
            return entry
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{FEFF}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }

    /// The string without leading and trailing characters from `set`.
    func trimming(charactersIn set: String) -> String {
        guard let start = firstIndex(where: { !set.contains($0) }), let end = lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(self[start...end])
    }
}
