import Foundation
import GRDB
package import TesseraCore
package import TesseraStorage
import TesseraText

extension SQLiteGlossaryStore {
    /// The stored glossaries, by name.
    package func summaries() throws(StorageError) -> [GlossarySummary] {
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT g.id, g.name, g.origin,
                    (SELECT COUNT(*) FROM concept c WHERE c.glossaryId = g.id) AS concepts,
                    (SELECT COUNT(*) FROM term t JOIN concept c ON t.conceptId = c.id WHERE c.glossaryId = g.id) AS terms,
                    (SELECT GROUP_CONCAT(language) FROM (SELECT DISTINCT t.language FROM term t
                        JOIN concept c ON t.conceptId = c.id WHERE c.glossaryId = g.id ORDER BY t.language)) AS languages
                FROM glossary g ORDER BY g.name
                """)
            return rows.map { row in
                let languages: String = row["languages"] ?? ""
                return GlossarySummary(
                    name: row["name"], origin: row["origin"], concepts: row["concepts"], terms: row["terms"],
                    languages: languages.split(separator: ",").map(String.init))
            }
        }
    }

    /// Loads glossaries with their entries.
    /// - Parameters:
    ///   - names: The glossaries to load; `nil` for all.
    ///   - languages: Primary language subtags whose terms to load (`["en", "de"]`); `nil` for all.
    /// - Returns: Glossaries in name order, entries in import order.
    /// - Throws: ``StorageError`` (`.corruptData` for an unreadable stored value).
    package func load(names: [String]?, languages: Set<String>?) throws(StorageError) -> [Glossary] {
        return try read { db in
            let decoder = JSONDecoder()
            var glossaries: [Glossary] = []
            let heads = try Row.fetchAll(db, sql: "SELECT id, name FROM glossary ORDER BY name")
            for head in heads {
                let name: String = head["name"]
                if let names, !names.contains(name) { continue }
                let id: Int64 = head["id"]
                var entries: [TermEntry] = []
                var positions: [Int64: Int] = [:]
                let concepts = try Row.fetchCursor(db, sql: """
                    SELECT id, conceptKey, subject, definitions, notes, source, categories FROM concept
                    WHERE glossaryId = ? ORDER BY position
                    """, arguments: [id])
                while let row = try concepts.next() {
                    let definitions: String = row["definitions"]
                    let notes: String = row["notes"]
                    let categories: String? = row["categories"]
                    positions[row["id"]] = entries.count
                    entries.append(TermEntry(
                        id: row["conceptKey"], subject: row["subject"],
                        definitions: definitions == "{}" ? [:] : try decoder.decode([String: String].self, from: Data(definitions.utf8)),
                        notes: notes == "{}" ? [:] : try decoder.decode([String: String].self, from: Data(notes.utf8)),
                        source: row["source"],
                        categories: try categories.map { try decoder.decode([String: [DataCategory]].self, from: Data($0.utf8)) } ?? [:]))
                }
                let terms = try Row.fetchCursor(db, sql: """
                    SELECT t.conceptId, t.language, t.baseLanguage, t.text, t.partOfSpeech, t.status, t.note, t.categories
                    FROM term t JOIN concept c ON t.conceptId = c.id
                    WHERE c.glossaryId = ? ORDER BY t.conceptId, t.position
                    """, arguments: [id])
                var tags: [String: LanguageTag?] = [:]
                while let row = try terms.next() {
                    let base: String = row["baseLanguage"]
                    if let languages, !languages.contains(base) { continue }
                    let conceptID: Int64 = row["conceptId"]
                    let languageText: String = row["language"]
                    if tags[languageText] == nil { tags[languageText] = LanguageTag(languageText) }
                    guard let position = positions[conceptID], let language = tags[languageText] ?? nil else {
                        throw StorageError(.corruptData, "A stored term has the language \"\(languageText)\".")
                    }
                    let status: String? = row["status"]
                    let categories: String? = row["categories"]
                    entries[position].terms.append(Term(
                        text: row["text"], language: language, partOfSpeech: row["partOfSpeech"],
                        status: status.flatMap(TermStatus.init(rawValue:)), note: row["note"],
                        categories: try categories.map { try decoder.decode([DataCategory].self, from: Data($0.utf8)) } ?? []))
                }
                glossaries.append(Glossary(name: name, entries: entries))
            }
            return glossaries
        }
    }

    /// Bilingual term pairs for a language pair, for the aligner's lexical cost model: every
    /// source term paired with every target term of the same concept, both as folded and stemmed
    /// token strings (words joined by one space, as ``TermNormalizer/keys(of:)`` makes them).
    /// Deprecated and forbidden terms are left out.
    ///
    /// ```swift
    /// try store.termPairs(source: LanguageTag("en")!, target: LanguageTag("de")!)
    /// // [("capabiliti target", "fahigkeitsziel"), ...]
    /// ```
    /// - Complexity: one indexed join over the terms of both languages.
    package func termPairs(source: LanguageTag, target: LanguageTag) throws(StorageError) -> [(String, String)] {
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT DISTINCT s.stemmed AS source, t.stemmed AS target
                FROM term s JOIN term t ON s.conceptId = t.conceptId
                WHERE s.baseLanguage = ? AND t.baseLanguage = ?
                    AND (s.status IS NULL OR s.status IN ('preferred', 'admitted'))
                    AND (t.status IS NULL OR t.status IN ('preferred', 'admitted'))
                    AND s.stemmed <> '' AND t.stemmed <> ''
                ORDER BY s.id, t.id
                """, arguments: [source.language, target.language])
            return rows.map { ($0["source"], $0["target"]) }
        }
    }
}
