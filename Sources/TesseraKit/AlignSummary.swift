import Foundation
import TesseraAlignment
public import TesseraStorage

/// What `tessera align` did: per target the bead shapes, the 1-0 and 0-1 beads (never stored),
/// the beads left out by confidence, the lexicon used; the units made and what the store wrote.
///
/// ```swift
/// let summary = AlignSummary(articles: articles, minimumConfidence: 0.5, units: units.count, store: report)
/// print(summary.text)
/// ```
public struct AlignSummary: Sendable, Codable, Hashable {
    /// A sentence without counterpart (a 1-0 or 0-1 bead).
    public struct Unaligned: Sendable, Codable, Hashable {
        /// `source` or `target`.
        public var side: String
        /// 0-based sentence index.
        public var sentence: Int
        /// The sentence.
        public var text: String
    }

    /// One target's alignment.
    public struct Target: Sendable, Codable, Hashable {
        /// The target document.
        public var document: String
        /// Its language.
        public var language: String?
        /// Number of beads per shape (`"1-1": 13`).
        public var shapes: [String: Int]
        /// Beads with both sides under the minimum confidence.
        public var leftOutByConfidence: Int
        /// The 1-0 and 0-1 beads.
        public var unaligned: [Unaligned]
        /// Word pairs learnt from the document pair.
        public var learnedPairs: Int
        /// The lexicon read from the database, if any.
        package var lexicon: AlignLexicon.Loaded?
        /// The aligner's warnings.
        public var warnings: [String]
    }

    /// The source document.
    public var source: String
    /// The source language.
    public var sourceLanguage: String?
    /// One entry per target.
    public var targets: [Target]
    /// The minimum confidence applied.
    public var minimumConfidence: Double
    /// Beads with both sides left out under the minimum confidence, over all targets.
    public var leftOutByConfidence: Int
    /// Units made (bilingual or multilingual).
    public var units: Int
    /// What the store wrote, when `--store` was given.
    public var store: WriteReport?
    /// Characters XML cannot carry (control characters, U+FFFE, U+FFFF) that the documents held and
    /// that were replaced by U+FFFD, source and targets together (`XMLCharacterPolicy`).
    public var replacedCharacters: Int

    /// Summarises alignments.
    /// - Parameters:
    ///   - articles: One alignment per target.
    ///   - lexicons: The database lexicon used per target (same order), if any.
    ///   - minimumConfidence: The confidence floor applied to units.
    ///   - units: Number of units made.
    ///   - store: The store's report.
    package init(articles: [AlignedArticle], lexicons: [AlignLexicon.Loaded?] = [], minimumConfidence: Double,
                units: Int, store: WriteReport?) {
        source = articles.first?.sourceName ?? ""
        sourceLanguage = articles.first?.source.language?.description
        targets = articles.enumerated().map { index, article in
            var shapes: [String: Int] = [:]
            var unaligned: [Unaligned] = []
            var leftOut = 0
            for bead in article.report.beads {
                shapes[bead.shape.description, default: 0] += 1
                if bead.target.isEmpty {
                    unaligned += bead.source.map {
                        Unaligned(side: "source", sentence: $0, text: article.source.sentences.indices.contains($0) ? article.source.sentences[$0] : "")
                    }
                } else if bead.source.isEmpty {
                    unaligned += bead.target.map {
                        Unaligned(side: "target", sentence: $0, text: article.target.sentences.indices.contains($0) ? article.target.sentences[$0] : "")
                    }
                } else if bead.confidence < minimumConfidence {
                    leftOut += 1
                }
            }
            return Target(document: article.targetName, language: article.target.language?.description, shapes: shapes,
                          leftOutByConfidence: leftOut, unaligned: unaligned, learnedPairs: article.report.learnedPairs,
                          lexicon: lexicons.indices.contains(index) ? lexicons[index] : nil,
                          warnings: article.report.warnings.map(\.description))
        }
        self.minimumConfidence = minimumConfidence
        leftOutByConfidence = targets.reduce(0) { $0 + $1.leftOutByConfidence }
        self.units = units
        self.store = store
        replacedCharacters = (articles.first?.sourceReplacedCharacters ?? 0) + articles.map(\.targetReplacedCharacters).reduce(0, +)
    }

    /// The summary as a few lines of text.
    public var text: String {
        var lines: [String] = []
        for target in targets {
            let shapes = target.shapes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            var line = "\(source) -> \(target.document): \(shapes); \(Plural.count(target.unaligned.count, "unaligned sentence"))"
            if minimumConfidence > 0 {
                line += ", \(Plural.count(target.leftOutByConfidence, "bead")) left out under confidence \(minimumConfidence)"
            }
            if let lexicon = target.lexicon, lexicon.glossaryPairs + lexicon.memoryPairs > 0 {
                line += "; lexicon: \(Plural.count(lexicon.glossaryPairs, "glossary pair")), "
                    + "\(Plural.count(lexicon.memoryPairs, "memory pair")) from \(Plural.count(lexicon.memoryUnits, "unit"))"
            }
            lines.append(line)
        }
        var last = Plural.count(units, "unit")
        if let store {
            last += "; stored \(store.added), already stored \(store.duplicates)"
        }
        if replacedCharacters > 0 { last += "; \(replacedCharacters) characters XML cannot carry replaced by U+FFFD" }
        lines.append(last)
        return lines.joined(separator: "\n")
    }
}
