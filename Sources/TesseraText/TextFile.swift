import Foundation

/// A text file decoded the one way every Tessera command reads text (batch queries, pairs files,
/// articles to align, CSV/TSV glossaries, SRX rules): UTF-8 with or without a byte-order mark, or
/// UTF-16 little- or big-endian with a byte-order mark. Lines end with LF, CR LF or CR.
///
/// Anything else is refused with the line and column of the first bad character: bytes that are
/// not UTF-8 (this includes UTF-8-encoded surrogates, i.e. lone surrogates), a lone surrogate in
/// UTF-16, an odd number of UTF-16 bytes, UTF-16 without a byte-order mark (recognised by its NUL
/// bytes: a NUL in a quarter of the code units, nearly all on one side) and UTF-32. Nothing is
/// replaced: a file is either read exactly or refused. (A stray NUL is a character like the other
/// controls; where text goes into XML, `XMLCharacterPolicy` replaces it.)
///
/// ```swift
/// let file = try TextFile(path: "queries.txt")   // "\u{FEFF}one\r\ntwo\r\n"
/// file.lines.map(\.text)                          // ["one", "two"]
/// file.lines.map(\.number)                        // [1, 2]
/// ```
///
/// - Complexity: O(n) in the size of the file; the failure path decodes a second time to find the
///   position of the first bad character.
public struct TextFile: Sendable, Hashable {
    /// The encodings Tessera reads.
    public enum Encoding: String, Sendable, Hashable {
        /// UTF-8, with or without a byte-order mark.
        case utf8 = "UTF-8"
        /// UTF-16 little-endian, with a byte-order mark.
        case utf16LittleEndian = "UTF-16LE"
        /// UTF-16 big-endian, with a byte-order mark.
        case utf16BigEndian = "UTF-16BE"
    }

    /// One line of the file, without its line end.
    public struct Line: Sendable, Hashable {
        /// The 1-based line number (what an editor shows).
        public var number: Int
        /// The text of the line.
        public var text: Substring
    }

    /// The file as the caller named it (used in error messages).
    public let name: String
    /// The decoded text without the byte-order mark; line ends as they are in the file.
    public let text: String
    /// The encoding the file was read in.
    public let encoding: Encoding
    /// Whether the file started with a byte-order mark.
    public let hasByteOrderMark: Bool

    /// Reads and decodes a file.
    /// - Parameters:
    ///   - path: The file.
    ///   - name: The name used in error messages; default `path`.
    /// - Throws: ``TextFileError`` for a missing file or bytes that are not text Tessera reads.
    public init(path: String, name: String? = nil) throws(TextFileError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TextFileError(.unreadable, "The file does not exist or cannot be read.", file: name ?? path)
        }
        try self.init(bytes: [UInt8](data), name: name ?? path)
    }

    /// Decodes the bytes of a file.
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - name: The name used in error messages.
    /// - Throws: ``TextFileError`` with the line and column of the first bad character.
    public init(bytes: [UInt8], name: String) throws(TextFileError) {
        self.name = name
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw TextFileError(
                .unsupportedEncoding, "The file is UTF-32; save it as UTF-8 or as UTF-16 with a byte-order mark.", file: name,
                line: 1, column: 1)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            encoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
            hasByteOrderMark = true
            text = try Self.decodeUTF16(bytes[2...], bigEndian: bigEndian, name: name)
        } else {
            encoding = .utf8
            hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            text = try Self.decodeUTF8(bytes[(hasByteOrderMark ? 3 : 0)...], name: name)
        }
    }

    /// The lines of the file, split at LF, CR LF and CR. A line end at the end of the file does not
    /// start another line, so an empty file has no lines and `"a\n"` has one.
    public var lines: [Line] {
        var lines: [Line] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                utf8.formIndex(after: &index)
                continue
            }
            lines.append(Line(number: lines.count + 1, text: text[start..<index]))
            utf8.formIndex(after: &index)
            if byte == 0x0D, index != utf8.endIndex, utf8[index] == 0x0A { utf8.formIndex(after: &index) }
            start = index
        }
        if start != utf8.endIndex { lines.append(Line(number: lines.count + 1, text: text[start...])) }
        return lines
    }

    // MARK: Decoding

    static func decodeUTF8(_ body: ArraySlice<UInt8>, name: String) throws(TextFileError) -> String {
        let text = String(validating: body, as: UTF8.self)
        if let text, !text.utf8.contains(0) { return text }
        if let bigEndian = bomlessUTF16(body) {
            throw TextFileError(
                .unsupportedEncoding,
                "The file looks like UTF-16 \(bigEndian ? "big" : "little")-endian without a byte-order mark; "
                    + "save it as UTF-8, or as UTF-16 with a byte-order mark.",
                file: name, line: 1, column: 1)
        }
        if let text { return text }
        throw firstProblem(in: body, as: UTF8.self, name: name) { offset in
            let byte = body[body.startIndex + offset]
            return "The file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); "
                + "save it as UTF-8 or as UTF-16 with a byte-order mark."
        }
    }

    static func decodeUTF16(_ body: ArraySlice<UInt8>, bigEndian: Bool, name: String) throws(TextFileError) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index + 1 < body.endIndex {
            let first = UInt16(body[index])
            let second = UInt16(body[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        if body.count % 2 == 0, let text = String(validating: units, as: UTF16.self) { return text }
        let advice = "save it as UTF-8 or as UTF-16 with a byte-order mark."
        throw firstProblem(
            in: units, as: UTF16.self, name: name, invalid: { _ in "The file is not valid UTF-16 (a lone surrogate); " + advice },
            atEnd: "The file is not valid UTF-16 (an odd number of bytes); " + advice)
    }

    /// Whether NUL bytes make `body` look like UTF-16 without a byte-order mark: `true` for
    /// big-endian (NULs at even offsets), `false` for little-endian, `nil` when it does not.
    static func bomlessUTF16(_ body: ArraySlice<UInt8>) -> Bool? {
        let sample = body.prefix(4096)
        var zeros = [0, 0]
        for (offset, byte) in sample.enumerated() where byte == 0 { zeros[offset % 2] += 1 }
        // Text in a Latin script has a NUL in at least a quarter of its UTF-16 units, almost all on
        // one side.
        let (many, few) = (max(zeros[0], zeros[1]), min(zeros[0], zeros[1]))
        guard many * 8 >= sample.count, few * 4 < many else { return nil }
        return zeros[0] > zeros[1]
    }

    /// The first undecodable character of `units`, with its line and column.
    /// - Parameters:
    ///   - invalid: The message for an undecodable sequence, given its offset in code units.
    ///   - atEnd: The message when the units hold no fault (the fault is after them).
    static func firstProblem<Codec: UnicodeCodec>(
        in units: some Sequence<Codec.CodeUnit>, as codec: Codec.Type, name: String, invalid: (Int) -> String,
        atEnd: String = "The file ends in the middle of a character."
    ) -> TextFileError {
        var decoder = Codec()
        var iterator = units.makeIterator()
        var line = 1
        var column = 1
        var previousWasCR = false
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" && previousWasCR {
                    previousWasCR = false
                } else if scalar == "\n" || scalar == "\r" {
                    line += 1
                    column = 1
                    previousWasCR = scalar == "\r"
                } else {
                    column += 1
                    previousWasCR = false
                }
                offset += Codec.self == UTF8.self ? UTF8.width(scalar) : UTF16.width(scalar)
            case .error:
                return TextFileError(.invalidEncoding, invalid(offset), file: name, line: line, column: column)
            case .emptyInput:
                return TextFileError(.invalidEncoding, atEnd, file: name, line: line, column: column)
            }
        }
    }
}
