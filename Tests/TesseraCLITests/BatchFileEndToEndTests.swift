import Foundation
import Testing

/// The one batch-file rule of `lookup --file` and `concordance --file` (README, "Batch files"),
/// checked end to end on both: the file is read first (an unreadable file fails with exit 1 and
/// its own error line, nothing on standard output, even when the memory is missing too); every
/// line is a query numbered by its line in the file, blank lines included; a query that finds
/// nothing is not a failure.
struct BatchFileEndToEndTests {
    /// A batch command: its arguments before `--file`, and the first column of its text output.
    enum Batch: String, CaseIterable, CustomStringConvertible {
        case lookup, concordance

        var description: String { rawValue }

        func arguments(_ file: String, database: String = "tm.db") -> [String] {
            switch self {
            case .lookup: ["lookup", "--file", file, "--source", "en", "--target", "de", "--format", "tsv", "--max", "1", "--db", database]
            case .concordance: ["concordance", "--file", file, "--lang", "en", "--db", database]
            }
        }

        /// The line numbers in standard output (lookup's TSV has a header row).
        func lineNumbers(_ output: String) -> [String] {
            let rows = output.split(separator: "\n").map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
            return self == .lookup ? Array(rows.dropFirst()) : rows
        }

        /// A query of the populated memory that finds something.
        var found: String { self == .lookup ? "The red house number 0 is open." : "red house" }
    }

    @Test(arguments: Batch.allCases)
    func blankLinesKeepTheirNumber_andNothingFoundIsNoFailure(batch: Batch) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        try harness.write("q.txt", "\(batch.found)\n\nzzzz qqqq\n")
        let result = try harness.run(batch.arguments("q.txt"))
        #expect(result.status == 0, "\(result)")
        #expect(batch.lineNumbers(result.standardOutput) == ["1", "2", "3"], "\(result)")
    }

    @Test(arguments: Batch.allCases)
    func anUnreadableFileFailsBeforeTheMemoryIsOpened(batch: Batch) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        let result = try harness.run(batch.arguments("missing.txt", database: "missing.db"))
        #expect(result.status == 1, "\(result)")
        #expect(result.standardOutput.isEmpty, "\(result)")
        #expect(result.errorLines.count == 1 && result.standardError.contains("missing.txt"), "\(result)")
    }

    @Test(arguments: Batch.allCases)
    func aFileThatIsNotTextFailsWithItsPosition(batch: Batch) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        try Data([0x61, 0x0A, 0x62, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: harness.path("bad.txt")))
        let result = try harness.run(batch.arguments("bad.txt"))
        #expect(result.status == 1, "\(result)")
        #expect(result.standardOutput.isEmpty, "\(result)")
        #expect(result.standardError.contains("bad.txt:2:"), "\(result)")
    }

    @Test(arguments: Batch.allCases)
    func aMissingMemoryFails(batch: Batch) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        try harness.write("q.txt", "\(batch.found)\n")
        let result = try harness.run(batch.arguments("q.txt", database: "missing.db"))
        #expect(result.status == 1, "\(result)")
        #expect(result.standardOutput.isEmpty, "\(result)")
    }
}
