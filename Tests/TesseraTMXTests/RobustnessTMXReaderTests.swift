import Foundation
import Testing
import TesseraCore
import TesseraTMX

/// Bad input never crashes the TMX reader: every truncation of a small valid file, seeded byte
/// flips, random Unicode inside a segment, a 1 MB line and empty input either read or throw a
/// ``TMXError`` that names the file and a position.
struct RobustnessTMXReaderTests {
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

    /// What reading a whole document gave.
    enum Outcome {
        case units([TranslationUnit])
        case error(TMXError)
    }

    /// Reads every unit of `bytes`, or the error that stopped the reader.
    static func readAll(_ bytes: [UInt8], name: String = "fuzz.tmx") -> Outcome {
        do {
            let reader = try TMXReader(bytes: bytes, name: name)
            var units: [TranslationUnit] = []
            while let unit = try reader.next() {
                units.append(unit)
                if units.count > 10_000 { break }  // a runaway reader is a failure below
            }
            return .units(units)
        } catch {
            return .error(error)
        }
    }

    /// A small document with inline codes, notes, props and two units.
    static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="T" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext">
            <prop type="x-client">ACME</prop>
          </header>
          <body>
            <tu tuid="1" creationdate="20250101T120000Z">
              <note>a note &amp; more</note>
              <tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> now.</seg></tuv>
              <tuv xml:lang="de"><seg>Drücken Sie <ph x="2"/>Speichern.</seg></tuv>
            </tu>
            <tu><tuv xml:lang="en"><seg>Two</seg></tuv><tuv xml:lang="fr"><seg>Deux</seg></tuv></tu>
          </body>
        </tmx>

        """

    /// A document whose one English segment is `text` (escaped).
    static func document(segment text: String) -> [UInt8] {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="T" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
            <body><tu><tuv xml:lang="en"><seg>\(escaped)</seg></tuv><tuv xml:lang="de"><seg>x</seg></tuv></tu></body></tmx>
            """
        return Array(xml.utf8)
    }

    /// Whether XML 1.0 allows `scalar` in character data.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    @Test func read_wholeDocumentGivesTwoUnits() {
        guard case .units(let units) = Self.readAll(Array(Self.document.utf8)) else {
            Issue.record("the valid document did not read")
            return
        }
        #expect(units.count == 2)
    }

    @Test func read_everyTruncationReadsOrThrowsWithPosition() {
        let bytes = Array(Self.document.utf8)
        // The last well-formed prefix ends at "</tmx>"; every shorter one must fail with a place.
        let closing = Array("</tmx>".utf8)
        let rootEnd = (0...(bytes.count - closing.count)).last { Array(bytes[$0..<($0 + closing.count)]) == closing } ?? 0
        for end in 0..<bytes.count {
            switch Self.readAll(Array(bytes[0..<end]), name: "cut.tmx") {
            case .units(let units):
                #expect(end >= rootEnd + closing.count, "a prefix of \(end) bytes read as \(units.count) units")
            case .error(let error):
                #expect(error.file == "cut.tmx")
                #expect(!error.description.contains("\n"))
                #expect(error.line >= 1, "no line for a cut at \(end): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func read_randomByteFlipsReadOrThrow(seed: UInt64) {
        var generator = Generator(state: seed)
        let original = Array(Self.document.utf8)
        for _ in 0..<150 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            if case .error(let error) = Self.readAll(bytes) {
                #expect(error.file == "fuzz.tmx")
                #expect(error.line >= 1, "no line: \(error)")
                #expect(!error.description.contains("\n"), "\(error.description.debugDescription)")
            }
        }
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func read_randomUnicodeSegmentReadsOrThrows(seed: UInt64) {
        var generator = Generator(state: seed)
        let pieces: [String] = [
            "a", "Z", " ", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1}", "\u{7F}", "e\u{301}", "\u{301}",
            "\u{05D0}\u{05D1}", "\u{0627}\u{0644}", "\u{202E}", "\u{200F}", "👩‍👩‍👧", "🇹🇷", "İ", "ı",
            "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{10FFFF}", "&", "<", "]]>", "中文", "\u{2028}",
        ]
        for _ in 0..<100 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let valid = text.unicodeScalars.allSatisfy(Self.isXMLCharacter)
            switch Self.readAll(Self.document(segment: text)) {
            case .units(let units):
                #expect(valid, "a segment with characters XML forbids was read: \(text.debugDescription)")
                #expect(units.count == 1)
            case .error(let error):
                #expect(!valid, "a valid segment failed: \(text.debugDescription): \(error)")
                #expect(error.line >= 1)
            }
        }
    }

    /// Regression: libxml2's invalid-UTF-8 message has a second line ("Bytes: 0xB1 ..."); the
    /// error must still print as one line.
    @Test(arguments: [[0xB1] as [UInt8], [0xC3], [0xFF, 0xFE], [0xED, 0xA0, 0x80]])
    func read_invalidUTF8GivesOneLineError(bytes: [UInt8]) {
        var document = Array(Self.document.utf8)
        let at = document.count / 2
        document.insert(contentsOf: bytes, at: at)
        guard case .error(let error) = Self.readAll(document, name: "bad.tmx") else {
            Issue.record("invalid UTF-8 read without an error")
            return
        }
        #expect(error.line >= 1)
        #expect(!error.description.contains("\n"), "\(error.description.debugDescription)")
        #expect(!error.description.contains("\r"))
    }

    @Test func readPath_everyTruncationOfAGzippedFileReadsOrThrows() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("own/gzipped.tmx.gz"))))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-robust-gz-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cut.tmx.gz").path
        for end in 0..<bytes.count {
            try Data(bytes[0..<end]).write(to: URL(fileURLWithPath: path))
            do {
                let reader = try TMXReader(path: path)
                var count = 0
                while try reader.next() != nil, count < 1_000 { count += 1 }
                // gzip's trailer (CRC and size, 8 bytes) may be cut without losing the document.
                #expect(end >= bytes.count - 8, "a gzip prefix of \(end) of \(bytes.count) bytes read")
            } catch {
                #expect(error.file == path)
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func read_oneMegabyteLineReads() {
        let text = String(repeating: "All work and no play makes Jack a dull boy. ", count: 24_000)
        #expect(text.utf8.count > 1_000_000)
        guard case .units(let units) = Self.readAll(Self.document(segment: text)) else {
            Issue.record("a 1 MB segment did not read")
            return
        }
        #expect(units.first?.variants.first?.segment.plainText.utf8.count == text.utf8.count)
    }

    @Test(arguments: ["", " ", "\n", "\u{0}", "<", "<?xml version=\"1.0\"?>", "<tmx/>", "<tmx version=\"1.4\"></tmx>"])
    func read_emptyOrTinyInputThrows(text: String) {
        guard case .error(let error) = Self.readAll(Array(text.utf8), name: "tiny.tmx") else {
            Issue.record("\(text.debugDescription) read as a TMX file")
            return
        }
        #expect(error.file == "tiny.tmx")
        #expect(!error.description.isEmpty)
    }
}
