public import TesseraCore

/// Where a batch of units comes from: stored as one `importBatch` row with its units.
///
/// ```swift
/// let batch = ImportBatch(kind: .tmx, filePath: "/data/memory.tmx", header: reader.header)
/// ```
public struct ImportBatch: Hashable, Sendable {
    /// The kind of source.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A TMX file.
        case tmx
        /// Units produced by the sentence aligner.
        case aligned
        /// One unit added or replaced on its own (``TranslationStore/addUnit(_:batch:)``,
        /// ``TranslationStore/replaceUnit(id:with:batch:)``: the units API of `tessera serve`).
        case edit
    }

    /// The kind of source.
    public var kind: Kind
    /// The path of the source file as given (may be empty for in-memory sources).
    public var filePath: String
    /// The TMX header (version, attributes, props and notes), if the source had one.
    public var header: TMXHeader?

    /// Creates a batch description.
    public init(kind: Kind, filePath: String, header: TMXHeader? = nil) {
        self.kind = kind
        self.filePath = filePath
        self.header = header
    }

    /// The last path component of ``filePath``.
    public var fileName: String {
        String(filePath.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }
}
