import Foundation
public import TesseraCore
import TesseraGlossary
import TesseraStorage

/// The `glossary export` use case: writes a stored glossary (or all of them merged) as TBX
/// (`.tbx`, `.xml`; TBX 3 by default, TBX 2 `martif` with `tbxVersion` 2) or
/// long-format CSV (`.csv`), chosen by the output's extension; `-` writes TBX to standard output.
///
/// Concept ids are unique in the output: when glossaries are merged and an id is already taken,
/// the concept is written as `GLOSSARY-ID` (spaces in the name become `_`), and if that is taken
/// too, with `-2`, `-3`, ... appended (``uniqueIDs(_:)``).
///
/// ```swift
/// try GlossaryExport(output: "defence.tbx", name: "defence", database: location).run()
/// ```
public struct GlossaryExport: Sendable {
    /// What was written.
    public struct Report: Hashable, Sendable, Codable {
        /// The output file (`-` for standard output).
        public var output: String
        /// Concepts written.
        public var concepts: Int
        /// Terms written.
        public var terms: Int
    }

    /// The output file (`.tbx`, `.xml` or `.csv`), or `-` for TBX on standard output.
    public var output: String
    /// The glossary to export; `nil` for all glossaries merged.
    public var name: String?
    /// The database.
    public var database: StoreLocation
    /// The TBX version written: 3 (`tbx`, ISO 30042:2019) or 2 (`martif`, ISO 30042:2008).
    public var tbxVersion: Int

    /// The TBX versions ``tbxVersion`` can take.
    public static let tbxVersions = [2, 3]

    /// Creates the use case.
    public init(output: String, name: String?, database: StoreLocation, tbxVersion: Int = 3) {
        self.output = output
        self.name = name
        self.database = database
        self.tbxVersion = tbxVersion
    }

    /// Writes the file.
    /// - Throws: ``KitError`` for a missing database, unknown glossary or extension; `GlossaryError`
    ///   when the file cannot be written.
    public func run() throws -> Report {
        guard database.exists else { throw KitError(.noDatabase, "No database at \(database).") }
        let glossaries = try StoreOpener.glossaryStore(database).load(names: name.map { [$0] }, languages: nil)
        if let name, glossaries.isEmpty { throw KitError(.invalidOption, "No glossary named \"\(name)\".") }
        guard let version = TBXWriter.Version(rawValue: String(tbxVersion)) else {
            throw KitError(.invalidOption, "The TBX version must be 2 or 3, not \(tbxVersion).")
        }
        var merged = Self.uniqueIDs(glossaries)
        if let name { merged.name = name }
        if output == "-" {
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-export-\(UUID().uuidString).tbx").path
            defer { try? FileManager.default.removeItem(atPath: temporary) }
            try TBXWriter.write(merged, to: temporary, version: version)
            guard let data = FileManager.default.contents(atPath: temporary) else {
                throw KitError(.cannotWrite, "Cannot write to standard output.")
            }
            FileHandle.standardOutput.write(data)
        } else {
            try Self.write(merged, to: output, version: version)
        }
        return Report(output: output, concepts: merged.entries.count, terms: merged.termCount)
    }

    /// The glossaries as one, with every concept id unique: the first use of an id keeps it; a
    /// later one becomes `GLOSSARY-ID`, then `GLOSSARY-ID-2`, ... until unused.
    public static func uniqueIDs(_ glossaries: [Glossary]) -> Glossary {
        var used: Set<String> = []
        var entries: [TermEntry] = []
        for glossary in glossaries {
            let prefix = glossary.name.map { $0.isWhitespace ? "_" : $0 }
            for var entry in glossary.entries {
                if used.contains(entry.id) {
                    let base = String(prefix) + "-" + entry.id
                    var candidate = base
                    var counter = 2
                    while used.contains(candidate) {
                        candidate = base + "-" + String(counter)
                        counter += 1
                    }
                    entry.id = candidate
                }
                used.insert(entry.id)
                entries.append(entry)
            }
        }
        return Glossary(name: glossaries.map(\.name).joined(separator: "+"), entries: entries)
    }

    /// Writes `glossary` as TBX or CSV by the extension of `path`.
    static func write(_ glossary: Glossary, to path: String, version: TBXWriter.Version) throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".tbx") || lower.hasSuffix(".xml") {
            try TBXWriter.write(glossary, to: path, version: version)
        } else if lower.hasSuffix(".csv") {
            guard FileManager.default.createFile(atPath: path, contents: Data(GlossaryCSVWriter.csv(for: glossary).utf8)) else {
                throw KitError(.cannotWrite, "Cannot write \(path).")
            }
        } else {
            throw KitError(.invalidOption, "The output must end in .tbx or .csv: \(path).")
        }
    }
}
