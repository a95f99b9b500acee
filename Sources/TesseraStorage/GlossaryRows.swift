import Foundation
package import TesseraCore
import TesseraText

/// How a glossary's concepts and terms are stored, whatever the backend: the JSON of definitions,
/// notes and categories (sorted keys; `{}` for no definitions or notes, `nil` for no categories)
/// and a term's folded and stemmed keys (``TermNormalizer``, one per language, made once).
///
/// ```swift
/// var rows = GlossaryRows()
/// let concept = try rows.concept(entry)
/// let term = try rows.term(entry.terms[0])   // term.stemmed == "capabl target"
/// ```
package struct GlossaryRows {
    /// The stored columns of a concept (its position and glossary are the caller's).
    package struct Concept {
        package var key: String
        package var subject: String?
        package var definitions: String
        package var notes: String
        package var source: String?
        package var categories: String?
    }

    /// The stored columns of a term (its concept and position are the caller's).
    package struct Term {
        package var language: String
        package var baseLanguage: String
        package var text: String
        package var folded: String
        package var stemmed: String
        package var partOfSpeech: String?
        package var status: String?
        package var note: String?
        package var categories: String?
    }

    private var normalizers: [String: TermNormalizer] = [:]
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// Starts with no normalizer made.
    package init() {}

    /// The stored columns of `entry`.
    /// - Throws: an encoding error of its definitions, notes or categories.
    package func concept(_ entry: TermEntry) throws -> Concept {
        Concept(
            key: entry.id, subject: entry.subject, definitions: entry.definitions.isEmpty ? "{}" : try json(entry.definitions),
            notes: entry.notes.isEmpty ? "{}" : try json(entry.notes), source: entry.source,
            categories: entry.categories.isEmpty ? nil : try json(entry.categories))
    }

    /// The stored columns of `term`: its folded and stemmed keys, words joined by one space.
    /// - Throws: an encoding error of its categories.
    package mutating func term(_ term: TesseraCore.Term) throws -> Term {
        let tokens = normalizer(term.language).keyTokens(of: term.text).filter { !$0.key.isEmpty }
        return Term(
            language: term.language.description, baseLanguage: term.language.language, text: term.text,
            folded: tokens.map(\.folded).joined(separator: " "), stemmed: tokens.map(\.key).joined(separator: " "),
            partOfSpeech: term.partOfSpeech, status: term.status?.rawValue, note: term.note,
            categories: term.categories.isEmpty ? nil : try json(term.categories))
    }

    private mutating func normalizer(_ language: LanguageTag) -> TermNormalizer {
        if let known = normalizers[language.language] { return known }
        let made = TermNormalizer(language: language.base)
        normalizers[language.language] = made
        return made
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
