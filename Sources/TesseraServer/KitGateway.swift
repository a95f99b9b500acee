import Foundation
import TesseraAlignment
package import TesseraCore
package import TesseraGlossary
package import TesseraKit
package import TesseraStorage
import TesseraText

/// The ONE place where the service calls TesseraKit: every use case the routes need, with
/// values of the API (``API``) in and out. When Kit's names change, only this file changes.
///
/// Every method is synchronous and may block on SQLite: callers run it through ``BlockingWork``.
/// One Kit session (``TranslationMemory``) per memory (``MemorySessions``: `default` opened when
/// the service starts, the others on first use, closed on delete and shutdown) is shared by all
/// requests: before each fuzzy lookup it catches its match index up from the change feed, so units
/// imported later (by the CLI, another process, or this one) are found without a restart. Stats
/// and concordance read through the memory's session; the glossary use cases through the default
/// session (glossaries live in the default file); API keys through one ``APIKeys`` opened at start.
/// A route reaches a memory with ``session(for:key:)`` or ``withSession(for:key:_:)``, which check
/// that the request's key may touch it. ``close()`` closes every session on shutdown.
package final class KitGateway: Sendable {
    /// The database served.
    package let database: StoreLocation
    /// The default memory's session: its store, match index, and the glossary store.
    let session: TranslationMemory
    /// Every memory's session, opened on first use.
    let memories: MemorySessions
    /// The API keys of the database.
    package let keys: APIKeys

    /// Opens the default memory's session (the match index is read on the first lookup) and the
    /// key store.
    /// - Throws: ``KitError`` `noDatabase` when the file does not exist; storage errors.
    package init(database: StoreLocation) throws {
        self.database = database
        guard database.exists else { throw KitError(.noDatabase, "No translation memory at \(database).") }
        session = try TranslationMemory(location: database)
        memories = MemorySessions(catalog: MemoryCatalog(database: database), defaultSession: session)
        keys = try APIKeys(location: database)
        _ = try languages(in: .default)
    }

    /// Closes every session: a later call throws ``KitError`` `closed`.
    package func close() { memories.closeAll() }

    /// Whether ``close()`` was called.
    package var isClosed: Bool { session.isClosed }

    /// The session of memory `name` (opened on first use), for a request made with `key`.
    /// Endpoints that read or write a memory's units take their session here.
    /// - Throws: ``ServiceError`` 403 when `key` is for another memory, 404 when there is no such
    ///   memory; ``KitError`` `closed` during shutdown.
    package func session(for name: MemoryName, key: APIKeyRecord?) throws -> TranslationMemory {
        try KeyCheck.allow(key, memory: name)
        return try memories.memory(name).session
    }

    /// Runs `body` with the session of memory `name` (see ``session(for:key:)``); when the memory
    /// is deleted while `body` runs and the session refuses further use, the answer is a 404.
    /// - Throws: ``ServiceError`` 403 or 404; the error of `body`.
    package func withSession<T>(for name: MemoryName, key: APIKeyRecord?, _ body: (TranslationMemory) throws -> T) throws -> T {
        let session = try session(for: name, key: key)
        do {
            return try body(session)
        } catch let error as KitError where error.kind == .closed && memories.wasDeleted(name) {
            throw MemorySessions.notFound(name)
        }
    }

    /// The languages the memories of `selection` hold segments in, as of now (sorted, once each).
    package func languages(in selection: MemorySelection, key: APIKeyRecord? = nil) throws -> [LanguageTag] {
        var all = Set<LanguageTag>()
        for name in selection.names {
            let languages = try withSession(for: name, key: key) { session in
                try Stats.run(in: session).languages.compactMap { LanguageTag($0.language) }
            }
            try memories.memory(name).languages.set(languages)
            all.formUnion(languages)
        }
        return all.sorted()
    }

    /// Fuzzy matches of `text` in the memories of `selection`, merged by priority and penalty.
    package func lookup(
        _ text: String, in selection: MemorySelection, key: APIKeyRecord?, source: LanguageTag, targets: [LanguageTag]?, minimum: Int,
        limit: Int
    ) throws -> [API.Match] {
        let options = LookupOptions(source: source, targets: targets, minimum: minimum, limit: limit)
        let lookup = try MemoryLookup(selection) { name in try withSession(for: name, key: key) { try Lookup(session: $0) } }
        return try lookup.run(text, options: options).map { match in
            API.Match(
                score: match.score, source: match.source, target: match.target, sourceLanguage: match.sourceLanguage.description,
                targetLanguage: match.targetLanguage.description, differingWords: match.differingWords,
                origin: match.origin.rawValue, unit: match.unit, memory: (match.memory ?? .default).description)
        }
    }

    /// A concordance search (`mode`: `phrase` or `words`) in memory `name`.
    package func concordance(
        _ phrase: String, in name: MemoryName, key: APIKeyRecord?, language: LanguageTag, other: LanguageTag?, allWords: Bool, limit: Int
    ) throws -> API.ConcordanceResponse {
        let result = try withSession(for: name, key: key) { session in
            try Concordance.run(phrase, in: session, language: language, other: other, mode: allWords ? .words : .phrase, limit: limit)
        }
        return API.ConcordanceResponse(
            total: result.total,
            lines: result.lines.map { line in
                API.ConcordanceLine(
                    unit: line.unit, language: line.language.description, text: line.text, highlighted: line.highlighted,
                    hits: line.hits.map { [$0.lowerBound, $0.upperBound] },
                    others: line.others.map { API.Translation(language: $0.language.description, text: $0.text) })
            })
    }

    /// Glossary concepts for a term.
    package func term(_ text: String, source: LanguageTag, targets: [LanguageTag], limit: Int) throws -> [TermHit] {
        try TermLookup(session: session, source: source, targets: targets).lookup(text, limit: limit)
    }

    /// The glossary terms in a sentence.
    package func termsIn(_ sentence: String, source: LanguageTag, targets: [LanguageTag]) throws -> [TermOccurrence] {
        try TermLookup(session: session, source: source, targets: targets).termsIn(sentence)
    }

    /// Checks pairs against the glossaries.
    /// - Throws: ``KitError`` when the database holds no glossary for the pair.
    package func check(_ pairs: [API.CheckPair], source: LanguageTag, target: LanguageTag) throws -> CheckTerminology.Report {
        try CheckTerminology.requireGlossary(session: session, source: source, target: target)
        let lookup = try TermLookup(session: session, source: source, targets: [target])
        let kitPairs = pairs.enumerated().map { number, pair in
            CheckTerminology.Pair(reference: pair.reference ?? String(number + 1), source: pair.source, target: pair.target)
        }
        return try CheckTerminology.check(pairs: kitPairs, lookup: lookup, target: target)
    }

    /// Sentences of `text` by the built-in rules of `language`.
    package func segment(_ text: String, language: LanguageTag) -> [API.Sentence] {
        Segmenter.segment(text, language: language).map { range in
            API.Sentence(
                text: String(text[range]), start: text.utf8.distance(from: text.startIndex, to: range.lowerBound),
                end: text.utf8.distance(from: text.startIndex, to: range.upperBound))
        }
    }

    /// Aligns two texts sentence by sentence.
    package func align(source: String, _ sourceLanguage: LanguageTag, target: String, _ targetLanguage: LanguageTag, minimumConfidence: Double)
        -> [API.AlignedPair]
    {
        let articles = AlignArticles.align(
            source: AlignArticles.Input(text: source, language: sourceLanguage),
            targets: [AlignArticles.Input(text: target, language: targetLanguage)], inputIsSentences: false)
        return Self.pairs(articles.first, minimumConfidence: minimumConfidence)
    }

    /// The counts of memory `name`.
    package func stats(of name: MemoryName, key: APIKeyRecord?) throws -> MemoryStats {
        try withSession(for: name, key: key) { try Stats.run(in: $0) }
    }

    /// Every memory the request's key may see (all, or its own), with its counts.
    package func memoryList(key: APIKeyRecord?) throws -> [MemorySummary] {
        try memories.names().filter { KeyCheck.mayTouch(key, memory: $0) }.compactMap { name in
            do {
                return MemorySummary(name: name, stats: try stats(of: name, key: key))
            } catch let error as ServiceError where error.status == .notFound {
                return nil  // deleted meanwhile
            }
        }
    }

    /// Creates the memory `name` (an admin key for every memory).
    /// - Throws: ``ServiceError`` 403 for a key limited to one memory; ``KitError`` `memoryExists`.
    package func createMemory(_ name: MemoryName, key: APIKeyRecord?) throws -> MemorySummary {
        try KeyCheck.requireEveryMemory(key)
        try memories.create(name)
        return try MemorySummary(name: name, stats: stats(of: name, key: key))
    }

    /// Deletes the memory `name` (see ``MemorySessions/delete(_:)``).
    /// - Throws: ``ServiceError`` 403, 404; ``KitError`` `defaultMemory`.
    package func deleteMemory(_ name: MemoryName, key: APIKeyRecord?) throws {
        try KeyCheck.allow(key, memory: name)
        try memories.delete(name)
    }
}

extension KitGateway {
    /// `language` when one memory of `selection` holds segments in it (or in a tag of the same
    /// language), as of now (a language imported after the start counts).
    /// - Throws: ``ServiceError`` 404 otherwise, or for a memory that does not exist; 403 for a
    ///   memory the key may not touch; storage errors.
    /// May open a memory and read its languages: run it through ``BlockingWork`` like every call here.
    package func requireSource(_ language: LanguageTag, in selection: MemorySelection = .default, key: APIKeyRecord? = nil) throws
        -> LanguageTag
    {
        let holds = { (languages: [LanguageTag]) in languages.contains { $0.sharesLanguage(with: language) } }
        for name in selection.names {
            try KeyCheck.allow(key, memory: name)
            if holds(try memories.memory(name).languages.value) { return language }
        }
        guard try holds(languages(in: selection, key: key)) else {
            throw ServiceError(.notFound, "the memory holds no segment in '\(language)'")
        }
        return language
    }
}

/// The languages of a memory as last read.
typealias LanguageCache = Locked<[LanguageTag]>
