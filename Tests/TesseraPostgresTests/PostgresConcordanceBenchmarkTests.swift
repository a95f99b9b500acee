import Foundation
import Testing
import TesseraCore
import TesseraMatching
@testable import TesseraPostgres
import TesseraSQLite
import TesseraStorage

/// Concordance speed on both backends over the same memory, run by hand:
/// `TESSERA_CONCORDANCE_BENCH=FILE.db TESSERA_CONCORDANCE_BENCH_PG=postgres://...?schema=S
/// BENCH_DATA=... swift test --filter PostgresConcordanceBenchmarkTests` (FILE.db a copy: SQLite
/// may write beside it; the schema holds `variant` with the concordance migrations' functions and
/// indexes). Prints the median and 99th percentile per language and query kind.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TESSERA_CONCORDANCE_BENCH"] != nil))
struct PostgresConcordanceBenchmarkTests {
    @Test(arguments: ["en", "de", "ja"])
    func concordanceSpeed(language: String) throws {
        let environment = ProcessInfo.processInfo.environment
        let sqlite = try SQLiteTranslationStore.open(path: try #require(environment["TESSERA_CONCORDANCE_BENCH"]))
        let postgres = PostgresStore(pool: PostgresPool(location: try PostgresLocation(url: try #require(environment["TESSERA_CONCORDANCE_BENCH_PG"]))))
        let bench = try #require(environment["BENCH_DATA"])
        let lines = try String(contentsOfFile: "\(bench)/queries/queries-\(language).txt", encoding: .utf8).split(separator: "\n").map(String.init)
        let tag = try #require(LanguageTag(language))
        // A word, the first two words as a phrase, the whole line as words anywhere.
        let kinds: [(name: String, input: (String) -> String, mode: ConcordanceQuery.Mode)] = [
            ("word", { line in Self.longestWord(line) }, .phrase),
            ("phrase", { line in line.split(separator: " ").prefix(2).joined(separator: " ") }, .phrase),
            ("all words", { $0 }, .allWords),
        ]
        for kind in kinds {
            var times: [String: [Double]] = ["SQLite": [], "PostgreSQL": []]
            var differ = 0
            for line in lines {
                guard let query = ConcordanceQuery(kind.input(line), mode: kind.mode) else { continue }
                var start = ContinuousClock.now
                let expected = try sqlite.searchConcordance(query, language: tag, otherLanguage: nil, limit: 20, pairFilter: nil)
                times["SQLite", default: []].append((ContinuousClock.now - start) / .milliseconds(1))
                start = ContinuousClock.now
                let found = try PostgresConcordanceSearch.search(postgres, query: query, language: tag, otherLanguage: nil, limit: 20, pairFilter: nil)
                times["PostgreSQL", default: []].append((ContinuousClock.now - start) / .milliseconds(1))
                if found != expected { differ += 1 }
            }
            for (backend, values) in times.sorted(by: { $0.key > $1.key }) {
                let sorted = values.sorted()
                guard !sorted.isEmpty else { continue }
                let median = sorted[sorted.count / 2], p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
                print("concordance \(language) \(kind.name) \(backend): n=\(sorted.count) median \(String(format: "%.1f", median)) ms, p99 \(String(format: "%.1f", p99)) ms")
            }
            print("concordance \(language) \(kind.name): \(differ) results differ")
        }
    }

    /// The longest white-space separated word of `line`.
    static func longestWord(_ line: String) -> String {
        let words: [Substring] = line.split(separator: " ")
        return words.max { $0.count < $1.count }.map(String.init) ?? line
    }
}
