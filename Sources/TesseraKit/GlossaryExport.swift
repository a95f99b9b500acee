import Foundation
public import TesseraCore
import TesseraGlossary
import TesseraStorage

/// The `glossary export` use case: writes a stored glossary (or all of them merged) as TBX 3
/// Basic (`.tbx`) or long-format CSV (`.csv`), chosen by the output's extension.
///
/// ```swift
/// try GlossaryExport(output: "defence.tbx", name: "defence", database: location).run()
/// ```
public struct GlossaryExport: Sendable {
    /// What was written.
    public struct Report: Hashable, Sendable, Codable {
        /// The output file.
        public var output: String
        /// Concepts written.
        public var concepts: Int
        /// Terms written.
        public var terms: Int
    }

    /// The output file (`.tbx` or `.csv`).
    public var output: String
    /// The glossary to export; `nil` for all glossaries merged.
    public var name: String?
    /// The database.
    public var database: DatabaseLocation

    /// Creates the use case.
    public init(output: String, name: String?, database: DatabaseLocation) {
        self.output = output
        self.name = name
        self.database = database
    }

    /// Writes the file.
    /// - Throws: ``KitError`` for a missing database, unknown glossary or extension; `GlossaryError`
    ///   when the file cannot be written.
    public func run() throws -> Report {
        guard database.exists else { throw KitError(.noDatabase, "No database at \(database.path).") }
        let glossaries = try GlossaryStore.open(path: database.path).load(names: name.map { [$0] })
        if let name, glossaries.isEmpty { throw KitError(.invalidOption, "No glossary named \"\(name)\".") }
        let merged = Glossary(
            name: name ?? glossaries.map(\.name).joined(separator: "+"), entries: glossaries.flatMap(\.entries))
        try Self.write(merged, to: output)
        return Report(output: output, concepts: merged.entries.count, terms: merged.termCount)
    }

    /// Writes `glossary` as TBX or CSV by the extension of `path`.
    public static func write(_ glossary: Glossary, to path: String) throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") {
            try TBXWriter.write(glossary, to: path)
        } else if lower.hasSuffix(".csv") {
            guard FileManager.default.createFile(atPath: path, contents: Data(GlossaryCSVWriter.csv(for: glossary).utf8)) else {
                throw KitError(.cannotWrite, "Cannot write \(path).")
            }
        } else {
            throw KitError(.invalidOption, "The output must end in .tbx or .csv: \(path).")
        }
    }
}
