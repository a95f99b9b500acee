import Foundation
package import TesseraCore
package import TesseraStorage
import TesseraMatchIndex
import TesseraTMX

/// Writes aligned units into the translation memory (one transaction, batch kind `aligned`) or
/// into a TMX 1.4b file.
///
/// ```swift
/// let units = AlignUnits.units(from: articles, minimumConfidence: 0.5)
/// let report = try AlignStore(database: StoreLocation(option: "tm.db")).store(units, sourcePath: "article.en.txt")
/// report.added   // units stored; an alignment stored twice adds 0 the second time
/// ```
package struct AlignStore: Sendable {
    /// The translation memory.
    package var database: StoreLocation
    /// What to do with units already stored (the default: keep the stored one, since aligned
    /// units carry no date).
    package var policy: DuplicatePolicy

    /// Creates the use case.
    package init(database: StoreLocation, policy: DuplicatePolicy = .default) {
        self.database = database
        self.policy = policy
    }

    /// Stores `units` in one transaction (created with the database when missing).
    /// - Parameters:
    ///   - units: The aligned units.
    ///   - sourcePath: The source document, recorded on the batch.
    /// - Returns: The counts of what was written.
    /// - Throws: `StorageError` when the database cannot be written (nothing is kept then).
    package func store(_ units: [TranslationUnit], sourcePath: String) throws -> WriteReport {
        let session = try TranslationMemory(location: database)
        defer { session.close() }
        return try store(units, sourcePath: sourcePath, session: session)
    }

    /// Stores `units` in one transaction through an open session (one write of the session at a
    /// time), then brings the match side file up to date.
    /// - Throws: ``KitError`` `closed`; `StorageError` when the database cannot be written.
    package func store(_ units: [TranslationUnit], sourcePath: String, session: TranslationMemory) throws -> WriteReport {
        try session.write { memory, index in
            let report = try memory.write(units: units, batch: ImportBatch(kind: .aligned, filePath: sourcePath), policy: policy)
            index.saveAfterWrite()
            return report
        }
    }

    /// Writes `units` as TMX 1.4b (level 1: the aligned text has no inline codes).
    /// - Parameters:
    ///   - units: The aligned units.
    ///   - path: The output file, `-` for standard output.
    ///   - sourceLanguage: The header's `srclang`.
    /// - Throws: `TMXError` when the file cannot be written.
    package static func writeTMX(_ units: [TranslationUnit], to path: String, sourceLanguage: LanguageTag) throws {
        let header = TMXHeader(version: "1.4", attributes: [
            Attribute("srclang", sourceLanguage.description), Attribute("segtype", "sentence"),
            Attribute("datatype", "plaintext"), Attribute("o-tmf", "tessera-align"),
        ])
        let writer = try TMXWriter(path: path == "-" ? "/dev/stdout" : path, header: header, level: .plainText)
        for unit in units { try writer.write(unit) }
        try writer.finish()
    }
}
