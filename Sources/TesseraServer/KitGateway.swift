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
/// The fuzzy lookup (memory + match index) is opened once and shared by all requests; the other
/// use cases open the database per call (a `DatabasePool` open, about a millisecond).
package final class KitGateway: Sendable {
    /// The database served.
    package let database: StoreLocation
    /// The shared lookup: the index is loaded once, when the service starts.
    let lookup: Lookup
    /// The languages of the memory, as of the start.
    package let languages: [LanguageTag]

    /// Opens the memory and loads its match index.
    /// - Throws: ``ServiceError`` 404-free start-up errors as ``KitError`` `noDatabase`; storage errors.
    package init(databasePath: String) throws {
        database = StoreLocation(option: databasePath, environment: [:])
        lookup = try Lookup(database: database)
        languages = try Stats(database: database).run().languages.compactMap { LanguageTag($0.language) }.sorted()
    }

    /// Fuzzy matches of `text`.
    package func lookup(_ text: String, source: LanguageTag, targets: [LanguageTag]?, minimum: Int, limit: Int) throws -> [API.Match] {
        let options = LookupOptions(source: source, targets: targets, minimum: minimum, limit: limit)
        return try lookup.run(text, options: options).map { match in
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
        let result = try Concordance(database: database).run(
            phrase, language: language, other: other, mode: allWords ? .words : .phrase, limit: limit)
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
        try TermLookup(database: database, source: source, targets: targets).lookup(text, limit: limit)
    }

    /// The glossary terms in a sentence.
    package func termsIn(_ sentence: String, source: LanguageTag, targets: [LanguageTag]) throws -> [TermOccurrence] {
        try TermLookup(database: database, source: source, targets: targets).termsIn(sentence)
    }

    /// Checks pairs against the glossaries.
    /// - Throws: ``KitError`` when the database holds no glossary for the pair.
    package func check(_ pairs: [API.CheckPair], source: LanguageTag, target: LanguageTag) throws -> CheckTerminology.Report {
        try CheckTerminology.requireGlossary(database: database, source: source, target: target)
        let lookup = try TermLookup(database: database, source: source, targets: [target])
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
        guard let article = articles.first else { return [] }
        return article.beads(minimumConfidence: minimumConfidence).filter { !$0.shape.isInsertionOrDeletion }.map { bead in
            API.AlignedPair(source: article.sourceText(bead), target: article.targetText(bead), confidence: bead.confidence)
        }
    }

    /// The memory's counts.
    package func stats() throws -> MemoryStats {
        try Stats(database: database).run()
    }
}

extension KitGateway {
    /// `language` when the memory holds segments in it (or in a tag of the same language).
    /// - Throws: ``ServiceError`` 404 otherwise.
    package func requireSource(_ language: LanguageTag) throws -> LanguageTag {
        guard languages.contains(where: { $0.sharesLanguage(with: language) }) else {
            throw ServiceError(.notFound, "the memory holds no segment in '\(language)'")
        }
        return language
    }
}
