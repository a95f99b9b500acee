public import TesseraCore
/// Why a text file could not be read: missing, not UTF-8, UTF-16 without a byte-order mark, a lone
/// surrogate. Printed as one line `FILE:LINE:COLUMN: message`.
///
/// ```swift
/// do { _ = try TextFile(path: "queries.txt") } catch { print(error) }
/// // queries.txt:3:7: The file is not valid UTF-8 (byte 0xE9); save it as UTF-8 or as UTF-16 with a byte-order mark.
/// ```
public typealias TextFileError = KindedError<TextFileErrorKind>

/// The kinds of ``TextFileError``.
public enum TextFileErrorKind: String, ErrorKind {
    /// The file does not exist or cannot be read.
    case unreadable
    /// The bytes are not valid in the detected encoding (invalid UTF-8, a lone UTF-16 surrogate,
    /// an odd number of UTF-16 bytes).
    case invalidEncoding
    /// The encoding is one Tessera does not read: UTF-16 without a byte-order mark, UTF-32.
    case unsupportedEncoding

    /// The message is printed without the kind's name.
    public static var printsLabel: Bool { false }
}
