import Foundation
public import TesseraCore
import TesseraGlossary
import TesseraText

/// The hidden `glossary bench` use case: measures glossary import, `term` and `terms-in` on a
/// large glossary built from a tab-separated bilingual corpus (`source<TAB>target` lines).
///
/// Entries are the corpus pairs whose sides have one to four words (unique by folded source);
/// when the corpus has fewer than `entries` of them, the rest are made by joining the first word
/// of one entry with the last word of another. Queries are timed one by one inside this process
/// (wall clock, `DispatchTime`), so process start and glossary loading are reported apart.
///
/// ```swift
/// let report = try TermBenchmark(corpus: "de.tsv", entries: 100_000, queries: 2_000, directory: "/tmp").run()
/// report.termMedianMilliseconds   // 0.02
/// ```
public struct TermBenchmark: Sendable {
    /// The measured figures.
    public struct Report: Hashable, Sendable, Codable {
        /// Concepts in the glossary.
        public var entries: Int
        /// Seconds to read the CSV and store it (`glossary import`).
        public var importSeconds: Double
        /// Seconds to load the glossary from SQLite and index it (once per `term` process).
        public var loadSeconds: Double
        /// `term` queries timed (inflected or re-cased glossary terms).
        public var termQueries: Int
        /// Median milliseconds per `term` query.
        public var termMedianMilliseconds: Double
        /// 95th percentile milliseconds per `term` query.
        public var termP95Milliseconds: Double
        /// Median milliseconds of a `term` query that falls through to the fuzzy scan.
        public var fuzzyMedianMilliseconds: Double
        /// Sentences timed for `terms-in`.
        public var sentences: Int
        /// Median milliseconds per `terms-in` sentence.
        public var termsInMedianMilliseconds: Double
        /// 95th percentile milliseconds per `terms-in` sentence.
        public var termsInP95Milliseconds: Double
        /// Mean glossary terms found per sentence.
        public var termsPerSentence: Double
    }

    /// The corpus file.
    public var corpus: String
    /// Glossary size.
    public var entries: Int
    /// Number of queries of each kind.
    public var queries: Int
    /// A scratch directory for the CSV and the database.
    public var directory: String
    /// Source and target languages of the corpus.
    public var source: LanguageTag
    /// The corpus's target language.
    public var target: LanguageTag

    /// Creates the benchmark.
    public init(corpus: String, entries: Int, queries: Int, directory: String, source: LanguageTag, target: LanguageTag) {
        self.corpus = corpus
        self.entries = entries
        self.queries = queries
        self.directory = directory
        self.source = source
        self.target = target
    }

    /// Builds, imports and measures.
    public func run() throws -> Report {
        guard let data = FileManager.default.contents(atPath: corpus) else {
            throw KitError(.invalidOption, "Cannot read the corpus \(corpus).")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        var pairs: [(String, String)] = []
        var sentences: [String] = []
        var seen = Set<String>()
        let normalizer = TermNormalizer(language: source)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
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
        let database = DatabaseLocation(option: directory + "/bench-glossary.db")
        try? FileManager.default.removeItem(atPath: database.path)
        guard FileManager.default.createFile(atPath: csvPath, contents: Data(csv.utf8)) else {
            throw KitError(.cannotWrite, "Cannot write \(csvPath).")
        }
        var started = DispatchTime.now()
        let imported = try GlossaryImport(files: [csvPath], name: "bench", database: database).run()
        let importSeconds = Self.seconds(since: started)

        started = DispatchTime.now()
        let lookup = try TermLookup(database: database, source: source, targets: [target])
        let loadSeconds = Self.seconds(since: started)

        var generator = SeededGenerator(seed: 42)
        var termTimes: [Double] = []
        for _ in 0..<queries {
            let text = pairs[Int(generator.next() % UInt64(pairs.count))].0
            let query = generator.next() % 2 == 0 ? text.uppercased() : text + "s"
            started = DispatchTime.now()
            _ = lookup.lookup(query)
            termTimes.append(Self.milliseconds(since: started))
        }
        var fuzzyTimes: [Double] = []
        for number in 0..<min(queries, 50) {
            started = DispatchTime.now()
            _ = lookup.lookup("zqxv\(number)w unknownish")
            fuzzyTimes.append(Self.milliseconds(since: started))
        }
        var sentenceTimes: [Double] = []
        var found = 0
        for sentence in sentences {
            started = DispatchTime.now()
            found += lookup.termsIn(sentence).count
            sentenceTimes.append(Self.milliseconds(since: started))
        }
        return Report(
            entries: imported.concepts, importSeconds: importSeconds, loadSeconds: loadSeconds,
            termQueries: termTimes.count, termMedianMilliseconds: Self.percentile(termTimes, 0.5),
            termP95Milliseconds: Self.percentile(termTimes, 0.95), fuzzyMedianMilliseconds: Self.percentile(fuzzyTimes, 0.5),
            sentences: sentences.count, termsInMedianMilliseconds: Self.percentile(sentenceTimes, 0.5),
            termsInP95Milliseconds: Self.percentile(sentenceTimes, 0.95),
            termsPerSentence: sentences.isEmpty ? 0 : Double(found) / Double(sentences.count))
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

    /// SplitMix64: reproducible query choice.
    struct SeededGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
