import Foundation
import Testing

/// Every command that reads a text file reads it the same way: LF, CR LF or CR; UTF-8 with or
/// without BOM; UTF-16 with BOM; anything else is one `FILE:LINE:COLUMN: message` line and exit 1.
struct TextInputEndToEndTests {
    /// The ways a text file may be encoded, and their bytes for `text` (written with LF).
    enum Encoding: String, CaseIterable, CustomStringConvertible {
        case utf8BOMCRLF, utf8CR, utf16LittleEndianBOMCRLF, utf16BigEndianBOM

        var description: String { rawValue }

        func bytes(_ text: String) -> [UInt8] {
            switch self {
            case .utf8BOMCRLF: [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case .utf8CR: Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)
            case .utf16LittleEndianBOMCRLF:
                [0xFF, 0xFE] + text.replacingOccurrences(of: "\n", with: "\r\n").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            case .utf16BigEndianBOM: [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            }
        }
    }

    /// Writes raw bytes to `name` in the harness's directory.
    static func write(_ harness: EndToEndHarness, _ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: harness.path(name)))
    }

    @Test(arguments: Encoding.allCases)
    func lookup_fileGivesAnExactMatchOnEveryLine(encoding: Encoding) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        try Self.write(harness, "queries.txt", encoding.bytes("The red house number 0 is open.\nThe red house number 1 is open.\n"))
        let result = try harness.run(["lookup", "--file", "queries.txt", "--source", "en", "--target", "de", "--db", "tm.db", "--format", "tsv", "--max", "1"])
        #expect(result.status == 0, "\(result)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("line\t") == true, "a TSV header: \(result)")
        #expect(lines.count == 3, "\(result)")
        #expect(lines.dropFirst().allSatisfy { $0.contains("\t100\t") }, "\(result)")
    }

    @Test(arguments: Encoding.allCases)
    func check_fileFindsTheProblemOnTheSecondLine(encoding: Encoding) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        // Line 1 is right; line 2 does not translate "red house" as "rotes Haus".
        try Self.write(
            harness, "pairs.tsv", encoding.bytes("Open the file.\tÖffnen Sie die Datei.\nPaint the red house.\tStreichen Sie es.\n"))
        let result = try harness.run(["check", "--source", "en", "--target", "de", "--file", "pairs.tsv", "--db", "tm.db"])
        #expect(result.status == 1, "\(result)")
        #expect(result.standardOutput.contains("rotes Haus"), "\(result)")
    }

    @Test(arguments: Encoding.allCases)
    func concordance_fileSearchesEveryLine(encoding: Encoding) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        try Self.write(harness, "phrases.txt", encoding.bytes("red house\nSave the file\n"))
        let result = try harness.run(["concordance", "--file", "phrases.txt", "--lang", "en", "--db", "tm.db"])
        #expect(result.status == 0, "\(result)")
        let counts = result.standardOutput.split(separator: "\n").map { $0.split(separator: "\t")[1] }
        #expect(counts == ["3", "1"], "\(result)")
    }

    @Test(arguments: Encoding.allCases)
    func segmentAndAlign_acceptTheSameFile(encoding: Encoding) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        try Self.write(harness, "en.txt", encoding.bytes("The house is red. The file is open.\nIt is late.\n"))
        try Self.write(harness, "de.txt", encoding.bytes("Das Haus ist rot. Die Datei ist offen.\nEs ist spät.\n"))
        let segmented = try harness.run(["segment", "en.txt", "--lang", "en"])
        #expect(segmented.status == 0, "\(segmented)")
        #expect(segmented.standardOutput == "The house is red.\nThe file is open.\nIt is late.\n", "\(segmented)")
        let aligned = try harness.run(["align", "en.txt", "de.txt", "--source", "en", "--target", "de"])
        #expect(aligned.status == 0, "\(aligned)")
        let pairs = aligned.standardOutput.split(separator: "\n").map { $0.split(separator: "\t").prefix(2).joined(separator: "|") }
        #expect(pairs == ["The house is red.|Das Haus ist rot.", "The file is open.|Die Datei ist offen.", "It is late.|Es ist spät."],
                "\(aligned)")
    }

    @Test func segment_srxInUTF16IsRead() throws {
        let harness = try EndToEndHarness()
        defer { harness.cleanUp() }
        let srx = """
            <?xml version="1.0" encoding="UTF-16"?>
            <srx version="2.0" xmlns="http://www.lisa.org/srx20"><header segmentsubflows="yes" cascade="no"/>
            <body><languagerules><languagerule languagerulename="all">
            <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern=".*" languagerulename="all"/></maprules></body></srx>

            """
        try Self.write(harness, "rules.srx", Encoding.utf16LittleEndianBOMCRLF.bytes(srx))
        try harness.write("text.txt", "One; two; three.\n")
        let result = try harness.run(["segment", "text.txt", "--lang", "en", "--srx", "rules.srx"])
        #expect(result.status == 0, "\(result)")
        #expect(result.standardOutput == "One;\ntwo;\nthree.\n", "\(result)")
    }

    /// Bad input files and the line and column each command must report.
    static let badFiles: [(label: String, bytes: [UInt8], place: String, words: String)] = [
        ("UTF-16 without BOM", Array("one\ntwo\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "1:1", "UTF-16"),
        ("invalid UTF-8", Array("one\r\ntwo\r\nthr".utf8) + [0xE9, 0x0A], "3:4", "UTF-8"),
    ]

    /// Each command line reading `bad` (the file written by the test).
    static let readers: [[String]] = [
        ["lookup", "--file", "bad", "--source", "en", "--target", "de", "--db", "tm.db"],
        ["check", "--source", "en", "--target", "de", "--file", "bad", "--db", "tm.db"],
        ["concordance", "--file", "bad", "--lang", "en", "--db", "tm.db"],
        ["segment", "bad", "--lang", "en"],
        ["segment", "text.txt", "--lang", "en", "--srx", "bad"],
        ["align", "bad", "source.txt", "--source", "en", "--target", "de"],
        ["align", "source.txt", "bad", "--source", "en", "--target", "de"],
        ["glossary", "import", "bad", "--db", "tm.db", "--source-language", "en", "--target-language", "de"],
    ]

    @Test(arguments: readers, 0..<badFiles.count)
    func command_refusesABadFileWithItsPlace(arguments: [String], bad: Int) throws {
        let harness = try EndToEndCommandTests.populated()
        defer { harness.cleanUp() }
        let (label, bytes, place, words) = Self.badFiles[bad]
        let name = arguments.contains("--srx") ? "bad.srx" : arguments[0] == "glossary" ? "bad.csv" : "bad.txt"
        try Self.write(harness, name, bytes)
        let result = try harness.run(arguments.map { $0 == "bad" ? name : $0 })
        #expect(result.status == 1, "\(label): \(arguments): \(result)")
        #expect(result.errorLines.count == 1, "\(label): \(arguments): \(result)")
        #expect(result.standardError.contains("\(name):\(place): "), "\(label): \(arguments): \(result)")
        #expect(result.standardError.contains(words), "\(label): \(arguments): \(result)")
        #expect(result.standardOutput.isEmpty, "\(label): \(arguments): \(result)")
    }
}
