import TesseraCore
package import TesseraKit

/// The JSON shapes of `/api/v1` (described in ``OpenAPIDocument``). Kit values are turned into
/// these in ``KitGateway`` only, so a renamed Kit type changes one file, not the API.
package enum API {
    /// One fuzzy match.
    package struct Match: Codable, Sendable, Hashable {
        /// The percentage (101: exact match with the same context).
        package var score: Int
        /// The stored source segment.
        package var source: String
        /// Its translation.
        package var target: String
        /// The source language of the unit (BCP 47).
        package var sourceLanguage: String
        /// The language of `target`.
        package var targetLanguage: String
        /// Words of the query the source lacks or differs in.
        package var differingWords: [String]
        /// `imported` or `aligned`.
        package var origin: String
        /// The unit id in the memory.
        package var unit: Int64
        /// The memory the unit is in.
        package var memory: String
    }

    /// The matches of one query.
    package struct LookupResult: Codable, Sendable, Hashable {
        /// The query as received.
        package var query: String
        /// Best first.
        package var matches: [Match]
    }

    /// `POST /api/v1/lookup`.
    package struct BatchLookupRequest: Codable, Sendable {
        /// The source language.
        package var source: String
        /// The target languages (absent: every language).
        package var targets: [String]?
        /// The lowest percentage (default 75).
        package var minimum: Int?
        /// The most matches per query (default 5).
        package var limit: Int?
        /// The queries (at most 100).
        package var queries: [String]
    }

    /// The answer of a batch lookup.
    package struct BatchLookupResponse: Codable, Sendable {
        /// One result per query, in order.
        package var results: [LookupResult]
    }

    /// One concordance line.
    package struct ConcordanceLine: Codable, Sendable, Hashable {
        /// The unit id.
        package var unit: Int64
        /// The language searched.
        package var language: String
        /// The segment.
        package var text: String
        /// The segment with each hit between `«` and `»`.
        package var highlighted: String
        /// The hits as UTF-16 offset ranges `[start, end]`.
        package var hits: [[Int]]
        /// The other languages of the unit.
        package var others: [Translation]
    }

    /// A segment in one language.
    package struct Translation: Codable, Sendable, Hashable {
        /// BCP 47.
        package var language: String
        /// The text (an align request's: every line is a paragraph).
        package var text: String
    }

    /// The answer of a concordance search.
    package struct ConcordanceResponse: Codable, Sendable {
        /// How many segments match in all.
        package var total: Int
        /// The lines shown (at most `limit`).
        package var lines: [ConcordanceLine]
    }

    /// `POST /api/v1/segment`: a text and its language (for its rules).
    package typealias SegmentRequest = Translation

    /// One sentence with its UTF-8 byte offsets in the text (`end` exclusive).
    package struct Sentence: Codable, Sendable, Hashable {
        /// The sentence.
        package var text: String
        /// Its first byte.
        package var start: Int
        /// Past its last byte.
        package var end: Int
    }

    /// The answer of a segmentation.
    package struct SegmentResponse: Codable, Sendable {
        /// The sentences in order.
        package var sentences: [Sentence]
    }

    /// `POST /api/v1/align`.
    package struct AlignRequest: Codable, Sendable {
        /// The original.
        package var source: Translation
        /// Its translation.
        package var target: Translation
        /// Pairs under this confidence are left out (default 0; 0.35 when storing).
        package var minimumConfidence: Double?
        /// Store the pairs as units of the memory (write scope).
        package var store: Bool?
    }

    /// One aligned pair.
    package struct AlignedPair: Codable, Sendable, Hashable {
        /// The source sentences, joined by a space.
        package var source: String
        /// The target sentences, joined by a space.
        package var target: String
        /// The aligner's confidence, 0–1.
        package var confidence: Double
    }

    /// The answer of an alignment.
    package struct AlignResponse: Codable, Sendable {
        /// The pairs in text order (1-0 and 0-1 beads left out).
        package var pairs: [AlignedPair]
        /// The units added when `store` was true (a pair already stored is not added again).
        package var stored: Int?
    }

    /// One pair to check.
    package struct CheckPair: Codable, Sendable {
        /// A name for the report (default: its number from 1).
        package var reference: String?
        /// The source segment.
        package var source: String
        /// Its translation.
        package var target: String
    }

    /// `POST /api/v1/check`.
    package struct CheckRequest: Codable, Sendable {
        /// The source language.
        package var source: String
        /// The target language.
        package var target: String
        /// The pairs (at most 100).
        package var pairs: [CheckPair]
    }

    /// The answer of `/health`.
    package struct Health: Codable, Sendable {
        /// `ok`.
        package var status: String
        /// The Tessera version.
        package var version: String
    }

    /// A key as listed by `GET /api/v1/keys` (never the key or its hash).
    package struct KeyInfo: Codable, Sendable {
        /// The row id.
        package var id: Int64
        /// The key's public prefix.
        package var prefix: String
        /// `read`, `write` or `admin`.
        package var scope: String
        /// The one memory it is for, if any.
        package var memory: String?
        /// When it was made.
        package var created: String?
    }

    /// `POST /api/v1/memories`.
    package struct MemoryRequest: Codable, Sendable {
        /// The new memory's name (1-64 ASCII letters, digits, `-`, `_`).
        package var name: String
    }

    /// The answer of `GET /api/v1/memories`.
    package struct MemoryList: Codable, Sendable {
        /// Every memory the key may see, `default` first.
        package var memories: [MemorySummary]
    }

    /// The answer of `POST /api/v1/memories`.
    package struct MemoryCreated: Codable, Sendable {
        /// The new memory.
        package var memory: MemorySummary
    }

    /// The body of every error.
    package struct ErrorBody: Codable, Sendable {
        /// What was wrong.
        package var error: String
    }
}

extension API.Match: HandWrittenJSON {
    func write(to json: inout JSONText) {
        json.object { json in
            json.key("differingWords")
            json.array(differingWords) { json, word in json.string(word) }
            json.key("memory")
            json.string(memory)
            json.key("origin")
            json.string(origin)
            json.key("score")
            json.integer(score)
            json.key("source")
            json.string(source)
            json.key("sourceLanguage")
            json.string(sourceLanguage)
            json.key("target")
            json.string(target)
            json.key("targetLanguage")
            json.string(targetLanguage)
            json.key("unit")
            json.integer(unit)
        }
    }
}

extension API.LookupResult: HandWrittenJSON {
    func write(to json: inout JSONText) {
        json.object { json in
            json.key("matches")
            json.array(matches) { json, match in match.write(to: &json) }
            json.key("query")
            json.string(query)
        }
    }
}

extension API.BatchLookupResponse: HandWrittenJSON {
    func write(to json: inout JSONText) {
        json.object { json in
            json.key("results")
            json.array(results) { json, result in result.write(to: &json) }
        }
    }
}
