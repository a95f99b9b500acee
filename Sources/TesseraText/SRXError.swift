public import TesseraCore
/// What went wrong loading segmentation rules: an SRX file that is not well-formed XML, not SRX,
/// or holds a pattern that does not compile. Printed as one line with the file position.
///
/// ```swift
/// do { _ = try SRXDocument(data: data) } catch { print(error) }
/// // rules.srx:12:5: invalidPattern: Rule 3 has a pattern that does not compile: ...
/// ```
public typealias SRXError = KindedError<SRXErrorKind>

/// The kinds of ``SRXError``.
public enum SRXErrorKind: String, ErrorKind {
    /// The file is not well-formed XML.
    case malformedXML
    /// The XML is not an SRX document (wrong root element, missing attribute, unsupported version).
    case notSRX
    /// A rule's regular expression does not compile.
    case invalidPattern
    /// A language map names a language rule that does not exist.
    case unknownLanguageRule
    /// The file cannot be read.
    case unreadable
}
