import Foundation
import GRDB
import TesseraCore
package import TesseraStorage

extension SQLiteGlossaryStore {
    /// SQLite's default limit on bound variables is 32,766; chunks stay far below.
    static let chunkSize = 500

    /// The terms of `language` whose stemmed key sequence is one of `keys` (an indexed lookup
    /// per key on `term_key`).
    ///
    /// ```swift
    /// try store.termKeys(language: "en", stemmed: ["capabiliti target"]).first?.folded   // "capability target"
    /// ```
    /// - Complexity: O(k log t) for k keys over t stored terms.
    package func termKeys(language: String, stemmed keys: [String]) throws(StorageError) -> [GlossaryTermKey] {
        let unique = Array(Set(keys.filter { !$0.isEmpty }))
        guard !unique.isEmpty else { return [] }
        return try read { db in
            var out: [GlossaryTermKey] = []
            for start in stride(from: 0, to: unique.count, by: Self.chunkSize) {
                let chunk = Array(unique[start..<min(unique.count, start + Self.chunkSize)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                out += try Self.fetchKeys(
                    db, where: "t.baseLanguage = ? AND t.stemmed IN (\(marks))",
                    arguments: StatementArguments([language] + chunk))
            }
            return out
        }
    }

    /// The terms of `language` whose stemmed key text starts with `prefix` (a range query on
    /// `term_key`).
    /// - Complexity: O(log t + r) for r rows in the range.
    package func termKeys(language: String, stemmedPrefix prefix: String) throws(StorageError) -> [GlossaryTermKey] {
        guard !prefix.isEmpty else { return [] }
        return try read { db in
            try Self.fetchKeys(
                db, where: "t.baseLanguage = ? AND t.stemmed >= ? AND t.stemmed < ?",
                arguments: [language, prefix, prefix + "\u{10FFFF}"])
        }
    }

    /// The terms of `language` whose stemmed keys contain `keys` (joined by one space) as whole
    /// words and that have more words than it.
    /// - Complexity: one scan of the language's entries in the `term_key` index (no table reads).
    package func termKeys(language: String, containing keys: String) throws(StorageError) -> [GlossaryTermKey] {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            // A plain substring test in SQL (no per-row concatenation), word boundaries here.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, stemmed FROM term WHERE baseLanguage = ? AND stemmed <> ? AND instr(stemmed, ?) > 0
                """, arguments: [language, keys, keys])
            var ids: [Int64] = []
            let needle = " " + keys + " "
            while let row = try rows.next() {
                let stemmed: String = row[1]
                if (" " + stemmed + " ").contains(needle) { ids.append(row[0]) }
            }
            return try Self.fetchKeys(db, ids: ids)
        }
    }

    /// The term rows and folded texts of `language` whose folded text is `lengths` scalars long
    /// (a range query on the covering `term_folded_length` index) and contains at least one of
    /// `pieces` (tested by SQLite on the index entries, so only survivors reach Swift).
    ///
    /// ```swift
    /// try store.foldedTerms(language: "en", lengths: 12...20, containingAny: ["capa", "bilty", " tar", "get"])
    /// ```
    /// - Complexity: O(log t + w · m) for the w terms of length m in the window.
    package func foldedTerms(language: String, lengths: ClosedRange<Int>, containingAny pieces: [String]) throws(StorageError)
        -> [(id: Int64, folded: String)]
    {
        guard !pieces.isEmpty else { return [] }
        return try read { db in
            let tests = Array(repeating: "instr(folded, ?) > 0", count: pieces.count).joined(separator: " OR ")
            let arguments: [any DatabaseValueConvertible] = [language, lengths.lowerBound, lengths.upperBound] + pieces
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, folded FROM term
                WHERE baseLanguage = ? AND length(folded) BETWEEN ? AND ? AND folded <> '' AND (\(tests))
                """, arguments: StatementArguments(arguments))
            var out: [(id: Int64, folded: String)] = []
            while let row = try rows.next() { out.append((row[0], row[1])) }
            return out
        }
    }

    /// The keys of the given term rows.
    package func termKeys(ids: [Int64]) throws(StorageError) -> [GlossaryTermKey] {
        return try read { db in try Self.fetchKeys(db, ids: ids) }
    }

    static func fetchKeys(_ db: Database, ids: [Int64]) throws -> [GlossaryTermKey] {
        var out: [GlossaryTermKey] = []
        for start in stride(from: 0, to: ids.count, by: chunkSize) {
            let chunk = Array(ids[start..<min(ids.count, start + chunkSize)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            out += try fetchKeys(db, where: "t.id IN (\(marks))", arguments: StatementArguments(chunk))
        }
        return out
    }

    static func fetchKeys(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [GlossaryTermKey] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT t.id, t.conceptId, g.name, c.position, t.position, t.folded, t.stemmed
            FROM term t JOIN concept c ON c.id = t.conceptId JOIN glossary g ON g.id = c.glossaryId
            WHERE t.stemmed <> '' AND \(condition)
            """, arguments: arguments)
        var out: [GlossaryTermKey] = []
        while let row = try rows.next() {
            out.append(GlossaryTermKey(
                termID: row[0], conceptID: row[1], glossary: row[2], conceptPosition: row[3], termPosition: row[4],
                folded: row[5], stemmed: row[6]))
        }
        return out
    }

    /// Concepts by row id with their terms of `languages` (primary subtags; `nil` for all).
    /// - Throws: ``StorageError`` (`.corruptData` for an unreadable stored value).
    package func concepts(_ ids: [Int64], languages: Set<String>?) throws(StorageError) -> [Int64: StoredConcept] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return try read { db in
            let decoder = JSONDecoder()
            var out: [Int64: StoredConcept] = [:]
            for start in stride(from: 0, to: unique.count, by: Self.chunkSize) {
                let chunk = Array(unique[start..<min(unique.count, start + Self.chunkSize)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let heads = try Row.fetchAll(db, sql: """
                    SELECT c.id, g.name, c.conceptKey, c.subject, c.definitions, c.notes, c.source
                    FROM concept c JOIN glossary g ON g.id = c.glossaryId WHERE c.id IN (\(marks))
                    """, arguments: StatementArguments(chunk))
                for row in heads {
                    let definitions: String = row["definitions"]
                    let notes: String = row["notes"]
                    let entry = TermEntry(
                        id: row["conceptKey"], subject: row["subject"],
                        definitions: definitions == "{}" ? [:] : try decoder.decode([String: String].self, from: Data(definitions.utf8)),
                        notes: notes == "{}" ? [:] : try decoder.decode([String: String].self, from: Data(notes.utf8)),
                        source: row["source"])
                    out[row["id"]] = StoredConcept(glossary: row["name"], entry: entry, termIDs: [])
                }
                let terms = try Row.fetchCursor(db, sql: """
                    SELECT id, conceptId, language, baseLanguage, text, partOfSpeech, status, note
                    FROM term WHERE conceptId IN (\(marks)) ORDER BY conceptId, position
                    """, arguments: StatementArguments(chunk))
                while let row = try terms.next() {
                    let base: String = row["baseLanguage"]
                    if let languages, !languages.contains(base) { continue }
                    let conceptID: Int64 = row["conceptId"]
                    let languageText: String = row["language"]
                    guard out[conceptID] != nil, let language = LanguageTag(languageText) else {
                        throw StorageError(.corruptData, "A stored term has the language \"\(languageText)\".")
                    }
                    let status: String? = row["status"]
                    out[conceptID]?.entry.terms.append(Term(
                        text: row["text"], language: language, partOfSpeech: row["partOfSpeech"],
                        status: status.flatMap(TermStatus.init(rawValue:)), note: row["note"]))
                    out[conceptID]?.termIDs.append(row["id"])
                }
            }
            return out
        }
    }

    /// The row id of the first concept with this identifier in the named glossary, if any.
    package func conceptRowID(glossary: String, conceptKey: String) throws(StorageError) -> Int64? {
        return try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT c.id FROM concept c JOIN glossary g ON g.id = c.glossaryId
                WHERE g.name = ? AND c.conceptKey = ? ORDER BY c.position LIMIT 1
                """, arguments: [glossary, conceptKey])
        }
    }
}
