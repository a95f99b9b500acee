public import TesseraCore
public import TesseraXML

/// An error that stops reading or writing a TMX file: what was wrong in the input, and where.
///
/// Printed as one stable line, `FILE:LINE:COLUMN: message`; ``elementPath`` gives the element
/// path (`tmx/body/tu/tuv`) for tools that want more context.
///
/// ```swift
/// do { _ = try TMXReader(path: "bad.tmx").next() }
/// catch { print(error) }   // bad.tmx:7:5: Element tuv has no xml:lang (or TMX 1.1 lang) attribute.
/// ```
///
/// - SeeAlso: [TMX 1.4b](https://www.gala-global.org/tmx-14b)
public struct TMXError: LocatedError {
    /// What kind of fault the error reports.
    public enum Kind: Sendable, Equatable, Hashable {
        /// The file cannot be opened, read or created.
        case cannotOpen
        /// The file is not well-formed XML.
        case malformedXML
        /// The file declares entities in its DOCTYPE or uses them unsafely: refused.
        case forbiddenXML
        /// The file's bytes do not match its encoding.
        case encoding
        /// The root element is not `tmx`.
        case notTMX
        /// The `tmx` element has no `body`.
        case missingBody
        /// A `tuv` has neither `xml:lang` nor `lang`.
        case missingLanguage
        /// A `tuv` language attribute is not a language tag.
        case invalidLanguage
        /// A `tuv` has no `seg`.
        case missingSegment
        /// Non-whitespace text where TMX allows only elements (in `body`, `tu`, `tuv`, `header`).
        case unexpectedText
        /// An element where TMX does not allow it and that cannot be skipped.
        case unexpectedElement
        /// The output could not be written.
        case write
        /// The file is not TMX at all (bzip2, xz, a database, TSV...).
        case unsupportedFile
        /// The compressed data ends before its end (a truncated `.tmx.gz` or `.tmx.zip`).
        case truncated
    }

    /// What kind of fault this is.
    public var kind: Kind
    /// What was wrong in the input, one sentence.
    public var message: String
    /// The file (or the name given to in-memory markup).
    public var file: String
    /// The 1-based line, 0 when unknown.
    public var line: Int
    /// The 1-based column, 0 when unknown.
    public var column: Int
    /// The element path where the fault was found (`["tmx", "body", "tu", "tuv"]`).
    public var elementPath: [String]

    /// Creates an error.
    public init(kind: Kind, message: String, file: String, line: Int = 0, column: Int = 0, elementPath: [String] = []) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.elementPath = elementPath
    }

    /// Wraps an XML-level error.
    public init(_ error: XMLError, elementPath: [String] = []) {
        let kind: Kind =
            switch error.kind {
            case .cannotOpen: .cannotOpen
            case .malformed: .malformedXML
            case .forbiddenEntity, .forbiddenDoctype: .forbiddenXML
            case .encoding: .encoding
            case .write: .write
            case .notXML: .unsupportedFile
            case .truncated: .truncated
            case .damaged: .cannotOpen
            }
        var message = error.message
        if error.kind == .notXML, let detected = error.detected {
            message = "this is \(detected.description), not TMX; Tessera reads TMX files (.tmx, .tmx.gz, .tmx.zip)"
                + (detected.advice.map { ": " + $0 } ?? "")
        }
        self.init(
            kind: kind, message: message, file: error.file, line: error.line, column: error.column,
            elementPath: elementPath)
    }

    /// Where the fault was found: printed `FILE:LINE:COLUMN: message`, or `FILE: message` when
    /// the line is unknown (a missing file, a file that is not TMX, compressed data that ends early).
    public var location: SourceLocation? { SourceLocation(file: file, line: line, column: column) }
}
