import Foundation

/// Byte-level checks made before an SRX document reaches Foundation's `XMLParser`, for what
/// libxml2 accepts but the parser's Linux callbacks (swift-corelibs-foundation) crash on: they
/// read a missing C string as a pointer and force-unwrap the UTF-8 decoding of names. Found by
/// fuzzing (`Fuzz/run.sh`, FuzzSRX; see Docs/FUZZING.md).
///
/// - a processing instruction without data, `<?name?>`, anywhere (the data pointer is NULL);
/// - `<!NOTATION` (no public id is NULL) and `<!ATTLIST` (an `#IMPLIED` default is NULL) in a
///   DOCTYPE; SRX files need neither.
///
/// The scan works on the bytes and does not skip comments or CDATA sections: libxml2 ends a comment
/// early at an invalid character and then parses what follows as markup (found by fuzzing), so
/// `<?pi?>` inside a comment is refused too. A UTF-16 or UTF-32 document is scanned with its zero
/// bytes dropped, which leaves its ASCII markup intact.
///
/// - Complexity: O(n) in the document size.
enum SRXByteCheck {
    /// Something the parser would crash on, with its position (1-based; the column counts bytes,
    /// or characters of ASCII markup in UTF-16).
    struct Hazard: Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The single-byte encodings libxml2 converts (lower case): every byte is a character in them.
    static let singleByteEncodings: Set<String> = {
        var names: Set<String> = ["us-ascii", "ascii"]
        for number in 1...16 where number != 12 {
            names.formUnion(["iso-8859-\(number)", "iso8859-\(number)", "iso_8859-\(number)"])
        }
        for number in 1...10 { names.insert("latin\(number)") }
        for number in 1250...1258 {
            names.insert("windows-\(number)")
            names.insert("cp\(number)")
        }
        return names
    }()

    /// The encoding named by the XML declaration (lower case), only when the declaration starts the
    /// way the XML grammar requires (`<?xml` S `version` Eq quoted version S `encoding` Eq quoted
    /// name): libxml2 ignores an encoding it cannot parse there (`encoding=latin1"`, `standalone`
    /// first) and then reads the bytes as UTF-8; `nil` otherwise.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func skipSpaces() -> Bool {
            let start = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            return index > start
        }
        func literal(_ text: String) -> Bool {
            let expected = Array(text.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<(index + expected.count)]) == expected else {
                return false
            }
            index += expected.count
            return true
        }
        /// `S? = S? "value"` or `'value'`, the value made of bytes accepted by `allowed`.
        func quotedValue(_ allowed: (UInt8) -> Bool) -> String? {
            _ = skipSpaces()
            guard literal("=") else { return nil }
            _ = skipSpaces()
            guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { return nil }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote {
                guard allowed(bytes[index]) else { return nil }
                index += 1
            }
            guard index < bytes.count, index > start else { return nil }
            index += 1
            return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
        }
        func isNameByte(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
        guard literal("<?xml"), skipSpaces(), literal("version"),
            quotedValue({ (0x30...0x39).contains($0) || $0 == 0x2E }) != nil, skipSpaces(), literal("encoding"),
            let name = quotedValue(isNameByte)
        else { return nil }
        return name.lowercased()
    }

    /// The first construct of `data` that `XMLParser` cannot read, or `nil`.
    static func hazard(in data: Data) -> Hazard? {
        var bytes = [UInt8](data)
        if bytes.prefix(4).contains(0) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            bytes.removeAll { $0 == 0 }
        }
        var index = 0
        var line = 1
        var lineStart = 0
        func starts(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            return text.withUTF8Buffer { Array($0) == Array(bytes[index..<(index + count)]) }
        }
        func found(_ message: String) -> Hazard { Hazard(message: message, line: line, column: index - lineStart + 1) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            } else if byte == UInt8(ascii: "<") {
                if starts("<!NOTATION") {
                    return found("The document declares a notation (<!NOTATION); SRX files need none, and it is refused.")
                }
                if starts("<!ATTLIST") {
                    return found("The document declares attributes (<!ATTLIST); SRX files need none, and it is refused.")
                }
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") {
                    var end = index + 2
                    while end < bytes.count, isTargetByte(bytes[end]) { end += 1 }
                    if end > index + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "?"), bytes[end + 1] == UInt8(ascii: ">") {
                        let target = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                        return found(
                            "The document has a processing instruction without data (<?\(target)?>), which the XML parser cannot read; it is refused.")
                    }
                }
            }
            index += 1
        }
        return nil
    }

    /// Whether a byte can belong to a processing-instruction target: anything but white space and
    /// the delimiters `<`, `>`, `?`.
    private static func isTargetByte(_ byte: UInt8) -> Bool {
        byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
            && byte != UInt8(ascii: "?")
    }
}
