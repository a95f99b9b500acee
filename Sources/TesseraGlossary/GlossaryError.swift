public import TesseraCore
/// The one error type of TesseraGlossary: what was wrong, where, printed as one line.
///
/// ```swift
/// // "basic_bad.tbx:12:5: malformedTBX: conceptEntry is missing its id attribute."
/// ```
public typealias GlossaryError = KindedError<GlossaryErrorKind>

/// The kinds of ``GlossaryError``.
public enum GlossaryErrorKind: String, ErrorKind {
    /// The file could not be read or decoded (missing, not UTF-8/UTF-16).
    case unreadable
    /// The XML is not well formed or the TBX structure is wrong.
    case malformedTBX
    /// A CSV/TSV line is malformed (unterminated quote, unknown header).
    case malformedDelimited
    /// The format of the file could not be recognised.
    case unknownFormat
    /// A language code could not be parsed.
    case badLanguage
}
