/// Strict percent-decoding of URL parts (RFC 3986), which Hummingbird leaves to us for path
/// parameters: `%2F` inside a segment is a slash of the text, not a path separator.
///
/// ```swift
/// try PercentDecoding.decode("a%2Fb%20c")                 // "a/b c"
/// try PercentDecoding.decode("a+b", plusIsSpace: true)    // "a b" (form encoding, MyMemory's `q`)
/// try PercentDecoding.decode("%zz")                       // throws: bad escape
/// ```
package enum PercentDecoding {
    /// Why a text could not be decoded.
    package struct Failure: Error, Equatable, Sendable {
        /// What was wrong, as a sentence.
        package var message: String
    }

    /// Decodes `%XX` escapes (and `+` as a space when `plusIsSpace`).
    /// - Throws: ``Failure`` for a `%` not followed by two hex digits, or bytes that are not UTF-8.
    package static func decode(_ text: some StringProtocol, plusIsSpace: Bool = false) throws(Failure) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.popFirst().flatMap(hexValue), let low = iterator.popFirst().flatMap(hexValue) else {
                    throw Failure(message: "bad percent-encoding: '%' must be followed by two hex digits")
                }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw Failure(message: "bad percent-encoding: the decoded bytes are not UTF-8")
        }
        return decoded
    }

    /// The form fields of a raw query string (`a=1&b=x+y`), each name and value decoded with `+` as
    /// a space; a later field of the same name wins.
    /// - Throws: ``Failure`` for a bad escape.
    package static func formFields(_ query: some StringProtocol) throws(Failure) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0], plusIsSpace: true)
            fields[name] = try decode(parts.count > 1 ? parts[1] : "", plusIsSpace: true)
        }
        return fields
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
