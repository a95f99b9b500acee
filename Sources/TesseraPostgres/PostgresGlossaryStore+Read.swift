import Foundation
import PostgresNIO
package import TesseraCore
package import TesseraStorage

extension PostgresGlossaryStore {
    /// The stored glossaries, by name (byte order, as SQLite).
    package func summaries() throws(StorageError) -> [GlossarySummary] {
        let logger = pool.logger
        return try read { connection in
            try connection.run(
                """
                SELECT g.name, g.origin,
                    (SELECT count(*) FROM concept c WHERE c.glossary_id = g.id),
                    (SELECT count(*) FROM term t JOIN concept c ON t.concept_id = c.id WHERE c.glossary_id = g.id),
                    (SELECT string_agg(DISTINCT t.language, ',' ORDER BY t.language) FROM term t
                        JOIN concept c ON t.concept_id = c.id WHERE c.glossary_id = g.id)
                FROM glossary g ORDER BY g.name
                """, logger: logger
            ).map { row in
                let (name, origin, concepts, terms, languages) = try row.decode((String, String?, Int, Int, String?).self)
                return GlossarySummary(
                    name: name, origin: origin, concepts: concepts, terms: terms,
                    languages: (languages ?? "").split(separator: ",").map(String.init))
            }
        }
    }

    /// Loads glossaries with their entries (one consistent snapshot).
    /// - Parameters:
    ///   - names: The glossaries to load; `nil` for all.
    ///   - languages: Primary language subtags whose terms to load; `nil` for all.
    /// - Returns: Glossaries in name order, entries in import order.
    /// - Throws: ``StorageError`` (`.corruptData` for an unreadable stored value).
    package func load(names: [String]?, languages: Set<String>?) throws(StorageError) -> [Glossary] {
        let logger = pool.logger
        return try snapshot { connection in
            let decoder = JSONDecoder()
            var glossaries: [Glossary] = []
            let heads = try connection.run("SELECT id, name FROM glossary ORDER BY name", logger: logger)
                .map { try $0.decode((Int64, String).self) }
            for (id, name) in heads {
                if let names, !names.contains(name) { continue }
                var entries: [TermEntry] = []
                var positions: [Int64: Int] = [:]
                let concepts = try connection.run(
                    """
                    SELECT id, concept_key, subject, definitions, notes, source, categories FROM concept
                    WHERE glossary_id = \(id) ORDER BY position
                    """, logger: logger)
                for row in concepts {
                    let (conceptID, key, subject, definitions, notes, source, categories) =
                        try row.decode((Int64, String, String?, String, String, String?, String?).self)
                    positions[conceptID] = entries.count
                    entries.append(TermEntry(
                        id: key, subject: subject, definitions: try Self.dictionary(definitions, decoder),
                        notes: try Self.dictionary(notes, decoder), source: source,
                        categories: try categories.map { try decoder.decode([String: [DataCategory]].self, from: Data($0.utf8)) } ?? [:]))
                }
                let terms = try connection.run(
                    """
                    SELECT t.concept_id, t.language, t.base_language, t.text, t.part_of_speech, t.status, t.note, t.categories
                    FROM term t JOIN concept c ON t.concept_id = c.id
                    WHERE c.glossary_id = \(id) ORDER BY t.concept_id, t.position
                    """, logger: logger)
                var tags: [String: LanguageTag?] = [:]
                for row in terms {
                    let (conceptID, languageText, base, text, partOfSpeech, status, note, categories) =
                        try row.decode((Int64, String, String, String, String?, String?, String?, String?).self)
                    if let languages, !languages.contains(base) { continue }
                    if tags[languageText] == nil { tags[languageText] = LanguageTag(languageText) }
                    guard let position = positions[conceptID], let language = tags[languageText] ?? nil else {
                        throw StorageError(.corruptData, "A stored term has the language \"\(languageText)\".")
                    }
                    entries[position].terms.append(Term(
                        text: text, language: language, partOfSpeech: partOfSpeech, status: status.flatMap(TermStatus.init(rawValue:)),
                        note: note, categories: try categories.map { try decoder.decode([DataCategory].self, from: Data($0.utf8)) } ?? []))
                }
                glossaries.append(Glossary(name: name, entries: entries))
            }
            return glossaries
        }
    }

    /// Bilingual term pairs for a language pair as stemmed key strings: every source term paired
    /// with every target term of the same concept, deprecated and forbidden terms left out, in
    /// term order, distinct.
    package func termPairs(source: LanguageTag, target: LanguageTag) throws(StorageError) -> [(String, String)] {
        let logger = pool.logger
        return try read { connection in
            // DISTINCT ON keeps the first (lowest ids) row of each pair, then the pairs in that order.
            try connection.run(
                """
                SELECT source, target FROM (
                    SELECT DISTINCT ON (s.stemmed, t.stemmed) s.stemmed AS source, t.stemmed AS target, s.id AS sid, t.id AS tid
                    FROM term s JOIN term t ON s.concept_id = t.concept_id
                    WHERE s.base_language = \(source.language) AND t.base_language = \(target.language)
                        AND (s.status IS NULL OR s.status IN ('preferred', 'admitted'))
                        AND (t.status IS NULL OR t.status IN ('preferred', 'admitted'))
                        AND s.stemmed <> '' AND t.stemmed <> ''
                    ORDER BY s.stemmed, t.stemmed, s.id, t.id) AS pairs
                ORDER BY sid, tid
                """, logger: logger
            ).map { try $0.decode((String, String).self) }
        }
    }

    /// Concepts by id with their terms of `languages` (primary subtags; `nil` for all).
    /// - Throws: ``StorageError`` (`.corruptData` for an unreadable stored value).
    package func concepts(_ ids: [Int64], languages: Set<String>?) throws(StorageError) -> [Int64: StoredConcept] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let logger = pool.logger
        return try snapshot { connection in
            let decoder = JSONDecoder()
            var out: [Int64: StoredConcept] = [:]
            let heads = try connection.run(
                """
                SELECT c.id, g.name, c.concept_key, c.subject, c.definitions, c.notes, c.source
                FROM concept c JOIN glossary g ON g.id = c.glossary_id WHERE c.id = ANY(\(unique))
                """, logger: logger)
            for row in heads {
                let (id, glossary, key, subject, definitions, notes, source) =
                    try row.decode((Int64, String, String, String?, String, String, String?).self)
                let entry = TermEntry(
                    id: key, subject: subject, definitions: try Self.dictionary(definitions, decoder),
                    notes: try Self.dictionary(notes, decoder), source: source)
                out[id] = StoredConcept(glossary: glossary, entry: entry, termIDs: [])
            }
            let terms = try connection.run(
                """
                SELECT id, concept_id, language, base_language, text, part_of_speech, status, note
                FROM term WHERE concept_id = ANY(\(unique)) ORDER BY concept_id, position
                """, logger: logger)
            for row in terms {
                let (id, conceptID, languageText, base, text, partOfSpeech, status, note) =
                    try row.decode((Int64, Int64, String, String, String, String?, String?, String?).self)
                if let languages, !languages.contains(base) { continue }
                guard out[conceptID] != nil, let language = LanguageTag(languageText) else {
                    throw StorageError(.corruptData, "A stored term has the language \"\(languageText)\".")
                }
                out[conceptID]?.entry.terms.append(Term(
                    text: text, language: language, partOfSpeech: partOfSpeech, status: status.flatMap(TermStatus.init(rawValue:)),
                    note: note))
                out[conceptID]?.termIDs.append(id)
            }
            return out
        }
    }

    /// The id of the first concept with this identifier in the named glossary, if any.
    package func conceptRowID(glossary: String, conceptKey: String) throws(StorageError) -> Int64? {
        let logger = pool.logger
        return try read { connection in
            try connection.run(
                """
                SELECT c.id FROM concept c JOIN glossary g ON g.id = c.glossary_id
                WHERE g.name = \(glossary) AND c.concept_key = \(conceptKey) ORDER BY c.position LIMIT 1
                """, logger: logger
            ).map { try $0.decode(Int64.self) }.first
        }
    }

    /// A stored JSON object of strings (`{}` when empty).
    static func dictionary(_ json: String, _ decoder: JSONDecoder) throws -> [String: String] {
        json == "{}" ? [:] : try decoder.decode([String: String].self, from: Data(json.utf8))
    }
}
