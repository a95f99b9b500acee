import Foundation
import Testing
import TesseraTestSupport
import TesseraIO

/// `FileKind.identify` on magic bytes, and `InputFile`/`OutputFile` on real gzip and zip files
/// (written by our writer, by `gzip` and by `zip` when installed) read back byte for byte.
struct InputFileTests {
    static let kinds: [(bytes: [UInt8], kind: FileKind)] = [
        (Array("<?xml version=\"1.0\"?><tmx/>".utf8), .xml),
        ([0xEF, 0xBB, 0xBF] + Array("\n  <tmx>".utf8), .xml),
        ([0xFF, 0xFE, 0x3C, 0x00, 0x3F, 0x00], .xml),
        ([0xFE, 0xFF, 0x00, 0x3C, 0x00, 0x3F], .xml),
        ([0x3C, 0x00, 0x3F, 0x00], .xml),
        ([0x1F, 0x8B, 0x08, 0x00], .gzip),
        (Array("PK".utf8) + [0x03, 0x04, 0x14], .zip),
        (Array("BZh91AY&SY".utf8), .bzip2),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00], .xz),
        ([0x28, 0xB5, 0x2F, 0xFD], .zstd),
        (Array("SQLite format 3".utf8) + [0, 0x10], .sqlite),
        (Array("%PDF-1.7".utf8), .pdf),
        (Array("en\tde\nhouse\tHaus\n".utf8), .tabSeparatedText),
        (Array("en,de\nhouse,Haus\n".utf8), .commaSeparatedText),
        (Array("Hello world.\n".utf8), .text),
        ([0x00, 0x01, 0x02, 0xFF, 0x10], .binary),
        ([0xC3, 0x28, 0x01, 0x9A, 0x00, 0x7F, 0x10, 0x3C], .binary),
        ([0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00], .text),
        ([], .empty),
    ]

    @Test(arguments: kinds)
    func identify_tellsTheKindFromTheFirstBytes(bytes: [UInt8], kind: FileKind) {
        #expect(FileKind.identify(bytes) == kind)
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A document large enough for several buffers of every stage.
    static let document: [UInt8] = {
        var text = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body>\n"
        for index in 0..<20_000 { text += "<tu tuid=\"\(index)\"><tuv xml:lang=\"en\"><seg>Unit \(index) ü</seg></tuv></tu>\n" }
        return Array((text + "</body></tmx>\n").utf8)
    }()

    static func readAll(_ input: InputFile) throws -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 10_000)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
            if count == 0 { return out }
            out += buffer[..<count]
        }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let out = try OutputFile(path: path)
        try out.write(bytes)
        try out.close()
    }

    @Test(arguments: ["doc.tmx", "doc.tmx.gz", "doc.tmx.zip"])
    func outputThenInput_giveTheSameBytes(name: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Self.write(Self.document, to: path)
        let raw = try Data(contentsOf: URL(fileURLWithPath: path))
        let input = try InputFile(path: path)
        #expect(input.content == .xml)
        #expect(try Self.readAll(input) == Self.document)
        switch name {
        case "doc.tmx.gz":
            #expect(input.container == .gzip)
            #expect(raw.count < Self.document.count / 4)
        case "doc.tmx.zip":
            #expect(input.container == .zip)
            #expect(input.entryName == "doc.tmx")
        default:
            #expect(input.container == nil)
        }
        // No temporary file is left beside a zip.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }

    @Test
    func read_zipMadeByTheZipToolWithADataDescriptor() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.document).write(to: folder.appendingPathComponent("project_save.tmx"))
        // `zip -fd` writes data descriptors after the data, as Java's ZipOutputStream (OmegaT) does.
        try SystemTool.run("zip", ["-q", "-fd", "memory.tmx.zip", "project_save.tmx"], in: folder)
        let input = try InputFile(path: folder.appendingPathComponent("memory.tmx.zip").path)
        #expect(input.entryName == "project_save.tmx")
        #expect(try Self.readAll(input) == Self.document)
    }

    @Test
    func read_concatenatedGzipMembersAsOneStream() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let half = Self.document.count / 2
        try Self.write(Array(Self.document[..<half]), to: folder.appendingPathComponent("a.gz").path)
        try Self.write(Array(Self.document[half...]), to: folder.appendingPathComponent("b.gz").path)
        let joined = try Data(contentsOf: folder.appendingPathComponent("a.gz"))
            + Data(contentsOf: folder.appendingPathComponent("b.gz"))
        let path = folder.appendingPathComponent("joined.gz").path
        try joined.write(to: URL(fileURLWithPath: path))
        #expect(try Self.readAll(InputFile(path: path)) == Self.document)
    }

    @Test
    func read_truncatedGzipSaysTheDataEndsEarly() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole.gz").path
        try Self.write(Self.document, to: whole)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: whole))
        let cut = folder.appendingPathComponent("cut.tmx.gz").path
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
        let input = try InputFile(path: cut)
        #expect(throws: FileError.self) { _ = try Self.readAll(input) }
        #expect(input.failure?.kind == .truncated)
        #expect(input.failure?.description == "\(cut): the gzip data ends early")
    }

    @Test
    func open_zipWithSeveralDocumentsIsRefusedNamingThem() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.document).write(to: folder.appendingPathComponent("a.tmx"))
        try Data(Self.document).write(to: folder.appendingPathComponent("b.tmx"))
        try SystemTool.run("zip", ["-q", "two.zip", "a.tmx", "b.tmx"], in: folder)
        let path = folder.appendingPathComponent("two.zip").path
        #expect {
            _ = try InputFile(path: path, extensions: ["tmx"])
        } throws: { error in
            let error = error as? FileError
            return error?.kind == .archiveContent && error?.message.contains("holds 2 .tmx files (a.tmx, b.tmx)") == true
        }
    }

    static let openFailures: [(name: String, kind: FileError.Kind, message: String)] = [
        ("missing.tmx", .notFound, "no such file"),
        (".", .isDirectory, "is a folder, not a file"),
    ]

    @Test(arguments: openFailures)
    func open_saysWhyAFileCannotBeRead(name: String, kind: FileError.Kind, message: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        #expect {
            _ = try InputFile(path: path)
        } throws: { error in
            (error as? FileError) == FileError(kind: kind, message: message, file: path)
        }
    }
}
