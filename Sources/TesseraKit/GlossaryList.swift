public import TesseraStorage

/// The `glossary list` use case: the stored glossaries with their sizes and languages.
///
/// ```swift
/// try GlossaryList(database: location).run().map(\.name)   // ["defence"]
/// ```
public struct GlossaryList: Sendable {
    /// A stored glossary.
    public typealias Summary = GlossarySummary

    /// The database.
    public var database: StoreLocation

    /// Creates the use case.
    public init(database: StoreLocation) { self.database = database }

    /// The summaries.
    /// - Throws: ``KitError`` `.noDatabase` when the database does not exist (as the other
    ///   reading commands do); `StorageError`.
    public func run() throws -> [Summary] {
        guard database.exists else { throw KitError(.noDatabase, "No database at \(database).") }
        return try StoreOpener.glossaryStore(database).summaries()
    }

    /// The summaries of the glossaries of an open session (a server), through its glossary store.
    /// - Throws: ``KitError`` `.closed`; `StorageError`.
    public static func run(in session: TranslationMemory) throws -> [Summary] {
        try session.glossaryStore().summaries()
    }
}
