import Foundation
import Testing

/// `tessera glossary export -` writes the TBX itself on standard output (the summary on standard
/// error), in TBX 2 `martif` with `--tbx-version 2`.
struct GlossaryExportCommandTests {
    @Test(arguments: [("2", "<martif type=\"TBX\""), ("3", "<tbx type=")])
    func export_dashWritesTBXToStandardOutput(version: String, root: String) throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        try harness.write("glossary.tbx", EndToEndHarness.tbx)
        let imported = try harness.run(["glossary", "import", "glossary.tbx", "--db", "tm.db"])
        #expect(imported.status == 0, "\(imported)")
        let result = try harness.run(["glossary", "export", "-", "--tbx-version", version, "--db", "tm.db"])
        #expect(result.status == 0, "\(result)")
        #expect(result.standardOutput.hasPrefix("<?xml"))
        #expect(result.standardOutput.contains(root))
        #expect(result.standardError.contains("to standard output"))
        try harness.write("again.tbx", result.standardOutput)
        let again = try harness.run(["glossary", "import", "again.tbx", "--db", "again.db"])
        #expect(again.status == 0, "\(again)")
    }
}
