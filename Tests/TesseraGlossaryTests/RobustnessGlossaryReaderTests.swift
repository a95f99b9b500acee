import Foundation
import Testing
import TesseraCore
import TesseraGlossary

/// Bad input never crashes the glossary readers: every truncation of a TBX file, seeded byte
/// flips, random Unicode text in CSV/TSV (combining marks, RTL, emoji, NUL, lone CR), a 1 MB line
/// and empty input either read or throw a ``GlossaryError`` that names the file and a line.
struct RobustnessGlossaryReaderTests {
    /// SplitMix64: reproducible random inputs.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let languages = (LanguageTag("en")!, LanguageTag("de")!)

    /// Pieces of random text: combining marks, RTL, emoji, controls, delimiters, quotes.
    static let pieces: [String] = [
        "a", "Z", " ", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "\u{0}", "\u{7F}", "e\u{301}",
        "\u{301}", "\u{05E9}\u{05DC}\u{05D5}\u{05DD}", "\u{0645}\u{0631}\u{062D}\u{0628}\u{0627}", "\u{202E}",
        "👩‍👩‍👧", "🇹🇷", "İ", "ı", "\u{FEFF}", "#", "en", "de", "term", "中文", "\u{2028}", "\u{FFFD}",
    ]

    /// Checks the outcome of reading: entries with terms, or a GlossaryError with file and line.
    static func check(_ read: () throws -> [TermEntry], file: String, input: String) {
        do {
            let entries = try read()
            #expect(entries.allSatisfy { !$0.terms.isEmpty }, "an entry without terms from \(input)")
        } catch let error as GlossaryError {
            #expect(error.file.map { URL(fileURLWithPath: $0).lastPathComponent } == URL(fileURLWithPath: file).lastPathComponent, "\(error) from \(input)")
            #expect(!error.message.isEmpty)
            #expect(!error.description.contains("\n"), "a multi-line error: \(error.description.debugDescription)")
        } catch {
            Issue.record("not a GlossaryError: \(error) from \(input)")
        }
    }

    @Test(arguments: ["tbx/basic-good.tbx", "tbx/admin-status.tbx", "tbx/oracle_TBX.tbx"])
    func readTBX_everyTruncationReadsOrThrows(fixture: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: FixtureFiles.path(fixture))))
        // Every byte length of the small file, every third of the larger ones.
        let step = bytes.count > 3_000 ? 3 : 1
        for end in stride(from: 0, to: bytes.count, by: step) {
            Self.check({ try TBXReader.read(bytes: Array(bytes[0..<end]), name: "cut.tbx") }, file: "cut.tbx", input: "\(end) bytes")
        }
    }

    @Test func readTBX_cutBeforeTheRootClosesGivesALine() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: FixtureFiles.path("tbx/admin-status.tbx"))))
        for end in [1, bytes.count / 3, bytes.count / 2, bytes.count - 20] {
            let error = try #require(throws: GlossaryError.self) { try TBXReader.read(bytes: Array(bytes[0..<end]), name: "cut.tbx") }
            #expect(error.line != nil, "no line for a cut at \(end): \(error)")
        }
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func readTBX_randomByteFlipsReadOrThrow(seed: UInt64) throws {
        var generator = Generator(state: seed)
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: FixtureFiles.path("tbx/basic-good.tbx"))))
        for _ in 0..<120 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            Self.check({ try TBXReader.read(bytes: bytes, name: "flip.tbx") }, file: "flip.tbx", input: "seed \(seed)")
        }
    }

    @Test(arguments: [41, 42, 43, 44] as [UInt64])
    func readDelimited_randomUnicodeReadsOrThrows(seed: UInt64) {
        var generator = Generator(state: seed)
        let headers = ["", "en,de\n", "en\tde\n", "term,language\n", "concept;en;de\n"]
        for _ in 0..<150 {
            let body = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                Self.pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let text = (headers.randomElement(using: &generator) ?? "") + body
            Self.check(
                { try DelimitedGlossaryReader.read(text: text, file: "random.csv", languages: Self.languages) },
                file: "random.csv", input: text.debugDescription)
        }
    }

    @Test(arguments: ["", "\n", "\r", "\r\r\r", "\u{0}", "\"", ",", "\t\t", "en,de", "en,de\n\"a,b\n"])
    func readDelimited_tinyInputReadsOrThrows(text: String) {
        Self.check(
            { try DelimitedGlossaryReader.read(text: text, file: "tiny.csv", languages: Self.languages) }, file: "tiny.csv",
            input: text.debugDescription)
        Self.check(
            { try DelimitedGlossaryReader.read(text: text, file: "tiny.csv", languages: nil) }, file: "tiny.csv",
            input: text.debugDescription)
    }

    @Test func readDelimited_oneMegabyteLineReads() throws {
        let long = String(repeating: "Schraube mit Mutter ", count: 55_000)
        #expect(long.utf8.count > 1_000_000)
        let entries = try DelimitedGlossaryReader.read(text: "en,de\nbolt,\(long)\n", file: "long.csv", languages: nil)
        #expect(entries.count == 1)
        #expect(entries.first?.terms(in: LanguageTag("de")!).first?.text.utf8.count ?? 0 > 1_000_000)
    }

    @Test(arguments: ["delimited/wide.csv", "delimited/omegat-quoting.csv", "delimited/omegat.tab", "delimited/test01.tsv"])
    func readDelimited_everyTruncationReadsOrThrows(fixture: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: FixtureFiles.path(fixture)))
        let text = try #require(String(data: data, encoding: .utf8))
        let characters = Array(text)
        let languages = fixture.contains("omegat") ? Self.languages : nil
        for end in 0...characters.count {
            let cut = String(characters[0..<end])
            Self.check({ try DelimitedGlossaryReader.read(text: cut, file: "cut.csv", languages: languages) }, file: "cut.csv", input: "\(end) characters")
        }
    }

    @Test(arguments: ["", " ", "\u{0}", "<", "<martif/>", "<tbx/>", "<?xml version=\"1.0\"?>"])
    func readTBX_emptyOrTinyInputReadsOrThrows(text: String) {
        Self.check({ try TBXReader.read(bytes: Array(text.utf8), name: "tiny.tbx") }, file: "tiny.tbx", input: text.debugDescription)
    }

    @Test func readTBX_oneMegabyteTermAndOddCharactersRead() throws {
        let long = String(repeating: "Flügelschraube ", count: 70_000)
        let odd = "e\u{301} \u{05E9}\u{05DC}\u{05D5}\u{05DD} 👩‍👩‍👧 \u{202E}x\r"
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX-Basic" xml:lang="en"><text><body>
            <termEntry id="c1"><langSet xml:lang="en"><tig><term>\(odd)</term></tig></langSet>
            <langSet xml:lang="de"><tig><term>\(long)</term></tig></langSet></termEntry>
            </body></text></martif>
            """
        let entries = try TBXReader.read(bytes: Array(xml.utf8), name: "long.tbx")
        #expect(entries.count == 1)
        #expect(entries.first?.terms(in: LanguageTag("de")!).first?.text.utf8.count ?? 0 > 1_000_000)
        #expect(entries.first?.terms(in: LanguageTag("en")!).first?.text.contains("👩‍👩‍👧") == true)
    }

    @Test(arguments: [51, 52] as [UInt64])
    func readFile_randomBytesReadOrThrow(seed: UInt64) throws {
        var generator = Generator(state: seed)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-robust-\(seed)-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let prefixes: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], Array("<?xml version=\"1.0\"?><tbx".utf8)]
        for index in 0..<40 {
            let prefix = prefixes.randomElement(using: &generator) ?? []
            let bytes = prefix + (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let name = ["g.csv", "g.tsv", "g.tbx", "g.txt"][index % 4]
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            Self.check({ try GlossaryFileReader.read(path: url.path, languages: Self.languages) }, file: url.path, input: "\(bytes.count) random bytes")
        }
    }
}
