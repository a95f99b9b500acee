import Foundation
import TesseraGlossary
import TesseraStorage
import TesseraKit
import TesseraTestSupport
import TesseraText

/// The glossary benchmark (`swift run -c release GlossaryBench`, Docs/PERFORMANCE.md): measures glossary import, `term` and `terms-in` on a
/// large glossary built from a tab-separated bilingual corpus (`source<TAB>target` lines).
///
/// Entries are the corpus pairs whose sides have one to four words (unique by folded source);
/// when the corpus has fewer than `entries` of them, the rest are made by joining the first word
/// of one entry with the last word of another. Queries are timed one by one inside this process
/// (wall clock, `DispatchTime`), so process start and glossary loading are reported apart. Both
/// backends of ``TermLookup`` are timed on the same queries: the database-backed one (what the
/// CLI uses) and the in-memory ``TermIndex``; their answers are compared query by query.
///
/// ```swift
/// let report = try TermBenchmark(corpus: "de.tsv", entries: 100_000, queries: 2_000, directory: "/tmp").run()
/// report.termMedianMilliseconds   // 0.02
/// ```
struct TermBenchmark: Sendable {
    /// The measured figures.
    struct Report: Hashable, Sendable, Codable {
        /// Concepts in the glossary.
        var entries: Int
        /// Seconds to read the CSV and store it (`glossary import`).
        var importSeconds: Double
        /// Seconds to load the glossary from SQLite into a ``TermIndex`` (what each `term` process
        /// paid before the database-backed lookup).
        var loadSeconds: Double
        /// `term` queries timed (inflected or re-cased glossary terms).
        var termQueries: Int
        /// Median milliseconds per `term` query (in memory).
        var termMedianMilliseconds: Double
        /// 95th percentile milliseconds per `term` query.
        var termP95Milliseconds: Double
        /// Median milliseconds of a `term` query that falls through to the fuzzy scan.
        var fuzzyMedianMilliseconds: Double
        /// Sentences timed for `terms-in`.
        var sentences: Int
        /// Median milliseconds per `terms-in` sentence (in memory).
        var termsInMedianMilliseconds: Double
        /// 95th percentile milliseconds per `terms-in` sentence.
        var termsInP95Milliseconds: Double
        /// Mean glossary terms found per sentence.
        var termsPerSentence: Double
        /// Seconds to open the database for the database-backed lookup (once per process).
        var storedOpenSeconds: Double
        /// Median milliseconds per `term` query answered from the database.
        var storedTermMedianMilliseconds: Double
        /// 95th percentile milliseconds per `term` query answered from the database.
        var storedTermP95Milliseconds: Double
        /// Median milliseconds of a fuzzy-fallback `term` query answered from the database.
        var storedFuzzyMedianMilliseconds: Double
        /// Median milliseconds per `terms-in` sentence answered from the database.
        var storedTermsInMedianMilliseconds: Double
        /// 95th percentile milliseconds per `terms-in` sentence answered from the database.
        var storedTermsInP95Milliseconds: Double
        /// Queries and sentences whose database answer differs from the in-memory one (0 expected).
        var mismatches: Int
    }

    /// The corpus file.
    var corpus: String
    /// Glossary size.
    var entries: Int
    /// Number of queries of each kind.
    var queries: Int
    /// A scratch directory for the CSV and the database.
    var directory: String
    /// Source and target languages of the corpus.
    var source: LanguageTag
    /// The corpus's target language.
    var target: LanguageTag

    /// Creates the benchmark.
    init(corpus: String, entries: Int, queries: Int, directory: String, source: LanguageTag, target: LanguageTag) {
        self.corpus = corpus
        self.entries = entries
        self.queries = queries
        self.directory = directory
        self.source = source
        self.target = target
    }

    /// Builds, imports and measures.
    func run() throws -> Report {
        let lines = try TextFile(path: corpus).lines.map(\.text)
        var pairs: [(String, String)] = []
        var sentences: [String] = []
        var seen = Set<String>()
        let normalizer = TermNormalizer(language: source)
        for line in lines {
            let fields = TSVField.fields(of: line)
            guard fields.count >= 2 else { continue }
            let sourceText = String(fields[0]).trimmingCharacters(in: .whitespaces)
            let targetText = String(fields[1]).trimmingCharacters(in: .whitespaces)
            let words = sourceText.split(separator: " ").count
            if words >= 8 && words <= 40 && sentences.count < queries { sentences.append(sourceText) }
            guard (1...4).contains(words), (1...4).contains(targetText.split(separator: " ").count),
                sourceText.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " || $0 == "-" }),
                !targetText.contains(",")
            else { continue }
            let key = normalizer.keys(of: sourceText).joined(separator: " ")
            guard !key.isEmpty, seen.insert(key).inserted else { continue }
            pairs.append((sourceText, targetText))
            if pairs.count == entries { break }
        }
        let natural = pairs.count
        var index = 0
        while pairs.count < entries, natural > 1 {
            let first = pairs[index % natural].0.split(separator: " ").first ?? ""
            let last = pairs[(index * 7 + 3) % natural].0.split(separator: " ").last ?? ""
            let text = "\(first) \(last) \(index)"
            if seen.insert(text).inserted {
                pairs.append((text, pairs[index % natural].1 + " " + String(index)))
            }
            index += 1
        }
        var csv = "id,\(source),\(target)\r\n"
        for (number, pair) in pairs.enumerated() {
            csv += "b\(number),\(GlossaryCSVWriter.quote(pair.0)),\(GlossaryCSVWriter.quote(pair.1))\r\n"
        }
        let csvPath = directory + "/bench-glossary.csv"
        let databasePath = directory + "/bench-glossary.db"
        let database = StoreLocation.sqlite(path: databasePath)
        try? FileManager.default.removeItem(atPath: databasePath)
        guard FileManager.default.createFile(atPath: csvPath, contents: Data(csv.utf8)) else {
            throw KitError(.cannotWrite, "Cannot write \(csvPath).")
        }
        var started = DispatchTime.now()
        let imported = try GlossaryImport(files: [csvPath], name: "bench", database: database).run()
        let importSeconds = Self.seconds(since: started)

        started = DispatchTime.now()
        let lookup = try TermLookup.loaded(database: database, source: source, targets: [target])
        let loadSeconds = Self.seconds(since: started)
        started = DispatchTime.now()
        let stored = try TermLookup(database: database, source: source, targets: [target])
        let storedOpenSeconds = Self.seconds(since: started)

        var generator = SeededGenerator(seed: 42)
        var termQueries: [String] = []
        for _ in 0..<queries {
            let text = pairs[Int(generator.next() % UInt64(pairs.count))].0
            termQueries.append(generator.next() % 2 == 0 ? text.uppercased() : text + "s")
        }
        let fuzzyQueries = (0..<min(queries, 50)).map { "zqxv\($0)w unknownish" }
        var mismatches = 0
        func time<T: Equatable>(_ inputs: [String], _ memory: (String) throws -> T, _ database: (String) throws -> T) throws
            -> (memory: [Double], stored: [Double], memoryAnswers: [T])
        {
            var memoryTimes: [Double] = []
            var storedTimes: [Double] = []
            var answers: [T] = []
            for input in inputs {
                var started = DispatchTime.now()
                let inMemory = try memory(input)
                memoryTimes.append(Self.milliseconds(since: started))
                started = DispatchTime.now()
                let fromDatabase = try database(input)
                storedTimes.append(Self.milliseconds(since: started))
                if inMemory != fromDatabase { mismatches += 1 }
                answers.append(inMemory)
            }
            return (memoryTimes, storedTimes, answers)
        }
        let term = try time(termQueries, { try lookup.lookup($0) }, { try stored.lookup($0) })
        let fuzzy = try time(fuzzyQueries, { try lookup.lookup($0) }, { try stored.lookup($0) })
        let termsIn = try time(sentences, { try lookup.termsIn($0) }, { try stored.termsIn($0) })
        let found = termsIn.memoryAnswers.reduce(0) { $0 + $1.count }
        let (termTimes, fuzzyTimes, sentenceTimes) = (term.memory, fuzzy.memory, termsIn.memory)
        return Report(
            entries: imported.concepts, importSeconds: importSeconds, loadSeconds: loadSeconds,
            termQueries: termTimes.count, termMedianMilliseconds: Self.percentile(termTimes, 0.5),
            termP95Milliseconds: Self.percentile(termTimes, 0.95), fuzzyMedianMilliseconds: Self.percentile(fuzzyTimes, 0.5),
            sentences: sentences.count, termsInMedianMilliseconds: Self.percentile(sentenceTimes, 0.5),
            termsInP95Milliseconds: Self.percentile(sentenceTimes, 0.95),
            termsPerSentence: sentences.isEmpty ? 0 : Double(found) / Double(sentences.count),
            storedOpenSeconds: storedOpenSeconds, storedTermMedianMilliseconds: Self.percentile(term.stored, 0.5),
            storedTermP95Milliseconds: Self.percentile(term.stored, 0.95),
            storedFuzzyMedianMilliseconds: Self.percentile(fuzzy.stored, 0.5),
            storedTermsInMedianMilliseconds: Self.percentile(termsIn.stored, 0.5),
            storedTermsInP95Milliseconds: Self.percentile(termsIn.stored, 0.95), mismatches: mismatches)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    static func milliseconds(since start: DispatchTime) -> Double { seconds(since: start) * 1000 }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction + 0.5))]
    }
}
