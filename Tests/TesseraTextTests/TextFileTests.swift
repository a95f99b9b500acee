import Foundation
import Testing
@testable import TesseraText

struct TextFileTests {
    /// `text` as UTF-16 code units in bytes, little- or big-endian, without BOM.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test(arguments: [
        ("LF", Array("one\ntwo\n".utf8), ["one", "two"], TextFile.Encoding.utf8, false),
        ("CRLF", Array("one\r\ntwo\r\n".utf8), ["one", "two"], .utf8, false),
        ("CR", Array("one\rtwo\r".utf8), ["one", "two"], .utf8, false),
        ("no final line end", Array("one\ntwo".utf8), ["one", "two"], .utf8, false),
        ("blank lines kept", Array("one\r\n\r\ntwo\n\nthree".utf8), ["one", "", "two", "", "three"], .utf8, false),
        ("mixed ends", Array("a\rb\r\nc\nd".utf8), ["a", "b", "c", "d"], .utf8, false),
        ("UTF-8 BOM + CRLF", utf8BOM + Array("Größe\r\nnext\r\n".utf8), ["Größe", "next"], .utf8, true),
        ("UTF-16LE BOM", [0xFF, 0xFE] + utf16("Größe 😀\r\nnext\n", bigEndian: false), ["Größe 😀", "next"], .utf16LittleEndian, true),
        ("UTF-16BE BOM", [0xFE, 0xFF] + utf16("Größe 😀\rnext", bigEndian: true), ["Größe 😀", "next"], .utf16BigEndian, true),
        ("empty", [], [], .utf8, false),
        ("BOM only", utf8BOM, [], .utf8, true),
        ("one line end", Array("\n".utf8), [""], .utf8, false),
        ("a stray NUL is a character", Array("one\ntwo\u{0}\n".utf8), ["one", "two\u{0}"], .utf8, false),
        ("NUL in UTF-16", [0xFF, 0xFE] + utf16("a\u{0}", bigEndian: false), ["a\u{0}"], .utf16LittleEndian, true),
    ] as [(String, [UInt8], [String], TextFile.Encoding, Bool)])
    func init_decodesAndSplitsLines(
        label: String, bytes: [UInt8], lines: [String], encoding: TextFile.Encoding, bom: Bool
    ) throws {
        let file = try TextFile(bytes: bytes, name: "in.txt")
        #expect(file.lines.map { String($0.text) } == lines, "\(label)")
        #expect(file.lines.map(\.number) == Array(stride(from: 1, through: lines.count, by: 1)), "\(label)")
        #expect(file.encoding == encoding, "\(label)")
        #expect(file.hasByteOrderMark == bom, "\(label)")
        #expect(!file.text.unicodeScalars.contains("\u{FEFF}"), "\(label): the BOM stays in the text")
    }

    @Test(arguments: [
        ("invalid UTF-8 on line 3", Array("one\r\ntwo\r\nab".utf8) + [0xE9, 0x21], TextFileError.Kind.invalidEncoding, 3, 3, "byte 0xE9"),
        ("invalid UTF-8 after CR lines", Array("a\rb\rc".utf8) + [0xFF], .invalidEncoding, 3, 2, "not valid UTF-8"),
        ("UTF-8 encoded surrogate", Array("ok\n".utf8) + [0xED, 0xA0, 0x80], .invalidEncoding, 2, 1, "byte 0xED"),
        ("truncated UTF-8", Array("ok\nx".utf8) + [0xC3], .invalidEncoding, 2, 2, "not valid UTF-8"),
        ("UTF-16LE without BOM", utf16("one\r\ntwo\r\n", bigEndian: false), .unsupportedEncoding, 1, 1, "UTF-16 little-endian without a byte-order mark"),
        ("UTF-16BE without BOM", utf16("one\ntwo\n", bigEndian: true), .unsupportedEncoding, 1, 1, "UTF-16 big-endian without a byte-order mark"),
        ("UTF-16LE without BOM, not ASCII", utf16("Größe\nÜber\n", bigEndian: false), .unsupportedEncoding, 1, 1, "little-endian"),
        ("lone surrogate in UTF-16LE", [0xFF, 0xFE] + utf16("ab\ncd", bigEndian: false) + [0x00, 0xD8, 0x41, 0x00], .invalidEncoding, 2, 3, "lone surrogate"),
        ("odd UTF-16 length", [0xFE, 0xFF] + utf16("a\nb", bigEndian: true) + [0x00], .invalidEncoding, 2, 2, "odd number of bytes"),
        ("UTF-32LE", [0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00], .unsupportedEncoding, 1, 1, "UTF-32"),
    ] as [(String, [UInt8], TextFileError.Kind, Int, Int, String)])
    func init_refusesWithLineAndColumn(
        label: String, bytes: [UInt8], kind: TextFileError.Kind, line: Int, column: Int, message: String
    ) {
        do {
            let file = try TextFile(bytes: bytes, name: "bad.txt")
            Issue.record("\(label): decoded as \(file.text.debugDescription)")
        } catch {
            #expect(error.kind == kind, "\(label): \(error)")
            #expect(error.line == line && error.column == column, "\(label): \(error)")
            #expect(error.description.hasPrefix("bad.txt:\(line):\(column): "), "\(label): \(error)")
            #expect(error.description.contains(message), "\(label): \(error)")
        }
    }

    @Test func init_pathReportsAMissingFile() {
        #expect(throws: TextFileError(.unreadable, "The file does not exist or cannot be read.", file: "/nonexistent/x.txt")) {
            try TextFile(path: "/nonexistent/x.txt")
        }
    }

    @Test func init_pathReadsTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("textfile-\(UUID().uuidString).txt").path
        try Data(Self.utf8BOM + Array("a\r\nb".utf8)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TextFile(path: path).lines.map(\.text) == ["a", "b"])
        #expect(try TextFile(path: path, name: "shown.txt").name == "shown.txt")
    }
}
