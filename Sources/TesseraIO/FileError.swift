public import TesseraCore

/// The one error type of TesseraIO: a file that cannot be opened, decoded or written, printed as
/// one line `FILE: message` (there is no line or column to give).
///
/// ```swift
/// do { _ = try InputFile(path: "missing.tmx") }
/// catch { print(error) }   // missing.tmx: no such file
/// ```
public struct FileError: LocatedError {
    /// What kind of fault the error reports.
    public enum Kind: String, Sendable, Equatable {
        /// There is no file at the path.
        case notFound
        /// The path is a folder.
        case isDirectory
        /// The file exists but cannot be read (permissions, I/O error).
        case unreadable
        /// The file is not of a kind the reader accepts (bzip2, xz, an SQLite database...): see
        /// ``FileError/detected``.
        case unsupported
        /// Compressed data that stops before its end (a truncated download or copy).
        case truncated
        /// Compressed data or an archive that is damaged (bad checksum, invalid data).
        case corrupt
        /// A zip archive without a document to read, or with several.
        case archiveContent
        /// The output cannot be created or written.
        case write
    }

    /// What kind of fault this is.
    public var kind: Kind
    /// What went wrong, one sentence without the file name.
    public var message: String
    /// The file.
    public var file: String
    /// What the file was identified as, for ``Kind-swift.enum/unsupported`` (and the kind of
    /// the container for ``Kind-swift.enum/truncated`` and ``Kind-swift.enum/corrupt``).
    public var detected: FileKind?

    /// Creates an error.
    public init(kind: Kind, message: String, file: String, detected: FileKind? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.detected = detected
    }

    /// The file (there is no line or column to give): printed `FILE: message`.
    public var location: SourceLocation? { SourceLocation(file: file, line: nil) }
}
