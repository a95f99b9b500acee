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
/// One Kit session (``TranslationMemory``) is opened when the service starts and shared by all
/// requests: before each fuzzy lookup it catches its match index up from the change feed, so units
/// imported later (by the CLI, another process, or this one) are found without a restart. Stats,
/// concordance and the glossary use cases read through the same session's stores; API keys through
/// one ``APIKeys`` opened at start. ``close()`` closes the session on shutdown.
package final class KitGateway: Sendable {
    /// The database served.
    package let database: StoreLocation
    /// The open memory: store, match index (caught up before each lookup), glossary store.
    let session: TranslationMemory
    /// The API keys of the database.
    package let keys: APIKeys
    /// The languages last read from the memory (re-read when a request names another one).
    private let knownLanguages: LanguageCache

    /// Opens the session (the match index is read on the first lookup) and the key store.
    /// - Throws: ``KitError`` `noDatabase` when the file does not exist; storage errors.
    package init(database: StoreLocation) throws {
        self.database = database
        guard database.exists else { throw KitError(.noDatabase, "No translation memory at \(database).") }
        session = try TranslationMemory(location: database)
        keys = try APIKeys(location: database)
        knownLanguages = LanguageCache()
        knownLanguages.set(try Self.languages(of: session))
    }

    /// Closes the session: a later call throws ``KitError`` `closed`.
    package func close() { session.close() }

    /// Whether ``close()`` was called.
    package var isClosed: Bool { session.isClosed }

    /// The languages the memory holds segments in, as of now.
    package func languages() throws -> [LanguageTag] {
        let languages = try Self.languages(of: session)
        knownLanguages.set(languages)
        return languages
    }

    private static func languages(of session: TranslationMemory) throws -> [LanguageTag] {
        try Stats.run(in: session).languages.compactMap { LanguageTag($0.language) }.sorted()
    }

    /// Fuzzy matches of `text`.
    package func lookup(_ text: String, source: LanguageTag, targets: [LanguageTag]?, minimum: Int, limit: Int) throws -> [API.Match] {
        let options = LookupOptions(source: source, targets: targets, minimum: minimum, limit: limit)
        return try Lookup(session: session).run(text, options: options).map { match in
            API.Match(
                score: match.score, source: match.source, target: match.target, sourceLanguage: match.sourceLanguage.description,
                targetLanguage: match.targetLanguage.description, differingWords: match.differingWords,
                origin: match.origin.rawValue, unit: match.unit)
        }
    }

    /// A concordance search (`mode`: `phrase` or `words`).
    package func concordance(_ phrase: String, language: LanguageTag, other: LanguageTag?, allWords: Bool, limit: Int) throws
        -> API.ConcordanceResponse
    {
        let result = try Concordance.run(
            phrase, in: session, language: language, other: other, mode: allWords ? .words : .phrase, limit: limit)
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

    /// The memory's counts.
    package func stats() throws -> MemoryStats {
        try Stats.run(in: session)
    }
}

extension KitGateway {
    /// `language` when the memory holds segments in it (or in a tag of the same language), as of
    /// now (a language imported after the start counts).
    /// - Throws: ``ServiceError`` 404 otherwise; storage errors.
    package func requireSource(_ language: LanguageTag) throws -> LanguageTag {
        let holds = { (languages: [LanguageTag]) in languages.contains { $0.sharesLanguage(with: language) } }
        guard try holds(knownLanguages.get()) || holds(languages()) else {
            throw ServiceError(.notFound, "the memory holds no segment in '\(language)'")
        }
        return language
    }
}

/// The languages of the memory as last read, behind a lock.
private final class LanguageCache: @unchecked Sendable {
    // @unchecked Sendable: `languages` is only touched under `lock`.
    private let lock = NSLock()
    private var languages: [LanguageTag] = []

    func get() -> [LanguageTag] {
        lock.lock()
        defer { lock.unlock() }
        return languages
    }

    func set(_ new: [LanguageTag]) {
        lock.lock()
        languages = new
        lock.unlock()
    }
}
