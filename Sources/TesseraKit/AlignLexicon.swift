import Foundation
package import TesseraAlignment
package import TesseraCore
import TesseraStorage

/// Lexical evidence for the aligner from the database: the term pairs of its glossaries for the
/// language pair, and stem pairs learnt from the translation memory's units of that pair
/// (``CorpusLexiconLearner`` over at most ``maximumUnits`` most recent units).
///
/// ```swift
/// let loaded = try AlignLexicon(database: StoreLocation(option: "tm.db"))
///     .load(source: LanguageTag("en")!, target: LanguageTag("de")!)
/// let aligner = DocumentAligner(lexicon: loaded.lexicon)
/// ```
package struct AlignLexicon: Sendable {
    /// What was loaded for one language pair.
    package struct Loaded: Sendable, Codable, Hashable {
        /// The lexicon: glossary and memory stem pairs.
        package var lexicon: BilingualLexicon
        /// Number of glossary term pairs read.
        package var glossaryPairs: Int
        /// Number of memory units learnt from.
        package var memoryUnits: Int
        /// Number of stem pairs learnt from the memory.
        package var memoryPairs: Int

        enum CodingKeys: String, CodingKey { case glossaryPairs, memoryUnits, memoryPairs }

        /// Creates a result.
        package init(lexicon: BilingualLexicon = BilingualLexicon(), glossaryPairs: Int = 0, memoryUnits: Int = 0,
                    memoryPairs: Int = 0) {
            self.lexicon = lexicon
            self.glossaryPairs = glossaryPairs
            self.memoryUnits = memoryUnits
            self.memoryPairs = memoryPairs
        }

        /// Decodes the counts (the lexicon itself is not encoded).
        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(glossaryPairs: try container.decode(Int.self, forKey: .glossaryPairs),
                      memoryUnits: try container.decode(Int.self, forKey: .memoryUnits),
                      memoryPairs: try container.decode(Int.self, forKey: .memoryPairs))
        }

        /// Encodes the counts.
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(glossaryPairs, forKey: .glossaryPairs)
            try container.encode(memoryUnits, forKey: .memoryUnits)
            try container.encode(memoryPairs, forKey: .memoryPairs)
        }
    }

    /// The database (its glossaries).
    package var database: StoreLocation
    /// The memory learnt from, when not the database's own (`--memory`); `nil`: ``database``.
    package var memory: StoreLocation? = nil
    /// Read the glossaries' term pairs.
    package var usesGlossaries: Bool
    /// Learn from the translation memory.
    package var usesMemory: Bool
    /// At most this many units (the most recent) are learnt from.
    package var maximumUnits: Int
    /// The learner.
    package var learner: CorpusLexiconLearner

    /// Creates the loader.
    package init(database: StoreLocation, usesGlossaries: Bool = true, usesMemory: Bool = true,
                maximumUnits: Int = 20_000, learner: CorpusLexiconLearner = CorpusLexiconLearner()) {
        self.database = database
        self.usesGlossaries = usesGlossaries
        self.usesMemory = usesMemory
        self.maximumUnits = maximumUnits
        self.learner = learner
    }

    /// Loads the lexicon of a language pair; empty when the database file does not exist.
    /// - Throws: `StorageError` when the database cannot be read.
    /// - Complexity: a backward read of the memory's most recent units of the pair
    ///   (``TranslationMemory/recentPairs(source:target:limit:)``) plus the learning
    ///   (``CorpusLexiconLearner``) on at most ``maximumUnits`` of them.
    package func load(source: LanguageTag, target: LanguageTag) throws -> Loaded {
        guard database.exists, usesGlossaries || usesMemory else { return Loaded() }
        var loaded = Loaded()
        if usesGlossaries {
            let pairs = try StoreOpener.glossaryStore(database).termPairs(source: source, target: target)
            for (sourceTerm, targetTerm) in pairs { loaded.lexicon.addStemmedTerm(source: sourceTerm, target: targetTerm) }
            loaded.glossaryPairs = pairs.count
        }
        if usesMemory, maximumUnits > 0 {
            let memory = try StoreOpener.translationStore(self.memory ?? database)
            let recent = try memory.recentPairs(source: source, target: target, limit: maximumUnits)
            let learnt = learner.learn(pairs: recent, sourceLanguage: source, targetLanguage: target)
            loaded.memoryUnits = recent.count
            loaded.memoryPairs = learnt.count
            loaded.lexicon = loaded.lexicon.merging(learnt)
        }
        return loaded
    }
}
