public import TesseraCore

/// The one error type of TesseraKit: a use case that cannot run at all (no database, an output
/// that cannot be written), printed as one line.
///
/// Errors of the layers below (`TMXError`, `StorageError`) are reported with their own line.
public struct KitError: LocatedError {
    /// The kind of failure.
    public enum Kind: String, Sendable, Equatable {
        /// The translation memory file does not exist (for commands that only read it).
        case noDatabase
        /// The output file cannot be created or written.
        case cannotWrite
        /// An option value the use case cannot work with.
        case invalidOption
        /// The database holds no glossary the use case can work with.
        case noGlossary
        /// An input file cannot be read (missing, not text); the message names the file.
        case cannotRead
        /// The database cannot be read or written; the message starts with its path.
        case storage
        /// The ``TranslationMemory`` session was closed.
        case closed
        /// The store holds no memory of that name (see ``MemoryCatalog``).
        case noMemory
        /// A memory of that name exists already, or is still being deleted.
        case memoryExists
        /// The memory `default` (the store's own file) cannot be deleted.
        case defaultMemory
        /// The store holds no API key with that id.
        case noKey
        /// The work was cancelled (``ImportCancellation``); nothing of it was committed.
        case cancelled
    }

    /// The kind of failure.
    public var kind: Kind
    /// What went wrong, as a sentence.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// No place: the line is the message alone.
    public var location: SourceLocation? { nil }
}
