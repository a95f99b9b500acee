import Foundation
import Testing

/// `Tessera.fail`, the one place where errors become statuses: help and `--version` exit 0 with
/// their text on standard output (ArgumentParser throws help from `run()`, not only while parsing).
struct ExitStatusEndToEndTests {
    @Test(arguments: [
        ["--help"], ["lookup", "--help"], ["concordance", "--help"], ["align", "--help"], ["segment", "--help"],
        ["glossary", "import", "--help"], ["help", "check"], ["--version"],
    ])
    func helpAndVersionExitZero(arguments: [String]) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        let result = try harness.run(arguments)
        #expect(result.status == 0, "\(result)")
        #expect(!result.standardOutput.isEmpty && result.standardError.isEmpty, "\(result)")
        #expect(!result.standardOutput.contains("CommandError"), "\(result)")
    }
}
