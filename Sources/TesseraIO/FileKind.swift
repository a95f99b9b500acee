/// What a file holds, told from its first bytes (its "magic number"), never from its name.
///
/// The one place that identifies input files: ``InputFile`` opens gzip and zip containers and
/// decodes them; every other kind that is not a document is refused with one sentence that says
/// what the file is (``description``) and what to do (``advice``).
///
/// ```swift
/// FileKind.identify(Array("BZh91AY&SY".utf8))   // .bzip2
/// FileKind.identify(Array("<?xml version=".utf8))   // .xml
/// FileKind.identify(Array("en\tde\nhouse\tHaus\n".utf8))   // .tabSeparatedText
/// ```
///
/// - SeeAlso: [gzip, RFC 1952 §2.3.1](https://www.rfc-editor.org/rfc/rfc1952),
///   [ZIP APPNOTE §4.3.7](https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT)
public enum FileKind: String, Sendable, Equatable, CaseIterable {
    /// XML (UTF-8 with or without BOM, UTF-16 or UTF-32): starts with `<` after white space.
    case xml
    /// gzip-compressed data (`1F 8B`).
    case gzip
    /// A zip archive (`PK\3\4`, or `PK\5\6` when empty).
    case zip
    /// bzip2-compressed data (`BZh`).
    case bzip2
    /// xz-compressed data (`FD 37 7A 58 5A 00`).
    case xz
    /// Zstandard-compressed data (`28 B5 2F FD`).
    case zstd
    /// A 7-Zip archive (`37 7A BC AF 27 1C`).
    case sevenZip
    /// A RAR archive (`Rar!`).
    case rar
    /// An SQLite database (`SQLite format 3`), such as a Tessera memory.
    case sqlite
    /// A PDF document (`%PDF-`).
    case pdf
    /// Text whose first line holds a tab: a TSV file.
    case tabSeparatedText
    /// Text whose first line holds a comma or a semicolon and no tab: a CSV file.
    case commaSeparatedText
    /// Other text (no markup at the start).
    case text
    /// Bytes that are none of the above and not text.
    case binary
    /// A file of zero bytes.
    case empty

    /// How many leading bytes ``identify(_:)`` looks at at most.
    public static let prefixLength = 512

    /// Identifies a file from its first bytes (up to ``prefixLength``; fewer when the file is
    /// shorter).
    public static func identify(_ prefix: [UInt8]) -> FileKind {
        if prefix.isEmpty { return .empty }
        func starts(_ magic: [UInt8]) -> Bool { prefix.starts(with: magic) }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0x42, 0x5A, 0x68]) { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        if starts(Array("Rar!".utf8)) { return .rar }
        if starts(Array("SQLite format 3".utf8) + [0]) { return .sqlite }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        guard let first = firstCharacter(prefix) else { return .binary }
        if first.character == UInt8(ascii: "<") { return .xml }
        return first.width > 1 ? .text : textKind(prefix)
    }

    /// The first non-white-space character of the prefix as an ASCII byte (decoding UTF-16 and
    /// UTF-32 by their byte order mark or their zero bytes), `0` for a non-ASCII character, with
    /// the width of a code unit; `nil` when the bytes are not text.
    private static func firstCharacter(_ bytes: [UInt8]) -> (character: UInt8, width: Int)? {
        var body = bytes[...]
        var width = 1
        var bigEndian = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = bytes.dropFirst(3)
        } else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            (width, bigEndian, body) = (4, true, bytes.dropFirst(4))
        } else if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            (width, bigEndian, body) = (4, false, bytes.dropFirst(4))
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (width, bigEndian, body) = (2, true, bytes.dropFirst(2))
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            (width, bigEndian, body) = (2, false, bytes.dropFirst(2))
        } else if bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) {
            (width, bigEndian) = (4, true)
        } else if bytes.starts(with: [0x3C, 0x00, 0x00, 0x00]) {
            (width, bigEndian) = (4, false)
        } else if bytes.starts(with: [0x00, 0x3C]) {
            (width, bigEndian) = (2, true)
        } else if bytes.starts(with: [0x3C, 0x00]) {
            (width, bigEndian) = (2, false)
        }
        var index = body.startIndex
        while index + width <= body.endIndex {
            var value = 0
            for offset in 0..<width {
                value = value << 8 | Int(body[index + (bigEndian ? offset : width - 1 - offset)])
            }
            index += width
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case 0..<0x20, 0x7F: return nil
            case 0x80...: return (0, width)
            default: return (UInt8(value), width)
            }
        }
        return nil
    }

    /// Text, TSV or CSV, from the first line; `binary` when the prefix holds control bytes.
    private static func textKind(_ prefix: [UInt8]) -> FileKind {
        if prefix.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }) {
            return .binary
        }
        let firstLine = prefix.prefix { $0 != 0x0A && $0 != 0x0D }
        if firstLine.contains(0x09) { return .tabSeparatedText }
        if firstLine.contains(UInt8(ascii: ",")) || firstLine.contains(UInt8(ascii: ";")) { return .commaSeparatedText }
        return .text
    }

    /// Whether ``InputFile`` decodes this kind (gzip, zip) rather than reading it as it is.
    public var isContainer: Bool { self == .gzip || self == .zip }

    /// What the file is, as words that follow "this is": "a bzip2-compressed file".
    public var description: String {
        switch self {
        case .xml: "an XML document"
        case .gzip: "a gzip-compressed file"
        case .zip: "a zip archive"
        case .bzip2: "a bzip2-compressed file"
        case .xz: "an xz-compressed file"
        case .zstd: "a Zstandard-compressed file"
        case .sevenZip: "a 7-Zip archive"
        case .rar: "a RAR archive"
        case .sqlite: "an SQLite database"
        case .pdf: "a PDF document"
        case .tabSeparatedText: "tab-separated text (TSV)"
        case .commaSeparatedText: "comma-separated text (CSV)"
        case .text: "plain text"
        case .binary: "binary data"
        case .empty: "an empty file"
        }
    }

    /// What to do with a file of this kind when a document was expected, or `nil`.
    public var advice: String? {
        switch self {
        case .bzip2: "decompress it first (bunzip2 -k FILE)"
        case .xz: "decompress it first (unxz -k FILE)"
        case .zstd: "decompress it first (unzstd FILE)"
        case .sevenZip, .rar: "extract it first"
        case .sqlite: "a Tessera memory is opened with --db, not imported"
        default: nil
        }
    }
}
