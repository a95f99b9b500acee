import Foundation
package import TesseraCore
package import TesseraKit
package import TesseraStorage

/// Import and export over HTTP: the Kit calls of ``TransferRoutes``.
extension KitGateway {
    /// Memory `name` with its session, for a request made with `key` (see ``session(for:key:)``).
    /// - Throws: ``ServiceError`` 403 when `key` is for another memory, 404 when there is no such memory.
    package func memory(_ name: MemoryName, key: APIKeyRecord?) throws -> (name: String, session: TranslationMemory) {
        (name.description, try session(for: name, key: key))
    }

    /// The folder where uploads are written while they arrive: `<database without extension>.uploads`
    /// next to an SQLite file (the same disk as the memory); for a PostgreSQL store, which has no
    /// local file, `tessera-uploads-<process id>` in the system's temporary folder (`$TMPDIR`),
    /// one per server process, since several servers of one database may share a machine and each
    /// removes its folder when it starts.
    package var uploadFolder: String {
        (try? database.sibling(".uploads"))
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("tessera-uploads-\(getpid())").path
    }

    /// Imports the TMX file `path` into `memory` (one transaction; a failure or a cancellation
    /// leaves the memory as it was); `units` receives the units read so far.
    /// - Returns: Kit's report with the file called `name` and the database called by the memory's name.
    package func importTMX(
        _ path: String, name: String, into memory: (name: String, session: TranslationMemory), policy: ImportDuplicatePolicy,
        cancellation: ImportCancellation, units: @escaping (Int) -> Void
    ) throws -> ImportReport {
        let importer = ImportTMX(database: memory.session.location, policy: policy, cancellation: cancellation)
        let report = try importer.run(files: [path], session: memory.session) { units($0.units) }
        return report.naming(path, as: name, database: memory.name)
    }

    /// Imports the glossary file `path` (TBX, CSV/TSV) as glossary `glossary`, replacing one of
    /// that name (one transaction).
    /// - Throws: the reader's `FILE:LINE:COLUMN` error with the file called `name`.
    package func importGlossary(_ path: String, name: String, glossary: String) throws -> GlossaryImport.Report {
        do {
            var report = try GlossaryImport(files: [path], name: glossary, database: database).run()
            report.files = [name]
            report.warnings = report.warnings.map { $0.replacingOccurrences(of: path, with: name) }
            return report
        } catch {
            throw KitError(.cannotRead, "\(error)".replacingOccurrences(of: path, with: name))
        }
    }

    /// Where `memory` stands in its change feed: it moves when, and only when, a unit is added,
    /// edited or deleted.
    package func changePosition(of memory: (name: String, session: TranslationMemory)) throws -> ChangePosition {
        try memory.session.openStore().changePosition()
    }

    /// Writes `memory` as `format` to `output` (a path; the export route gives a pipe), streaming.
    package func export(
        _ memory: (name: String, session: TranslationMemory), to output: String, format: ExportMemoryFormat, source: LanguageTag?,
        targets: [LanguageTag]
    ) throws {
        _ = try ExportMemory(database: memory.session.location, output: output, format: format, source: source, targets: targets).run()
    }
}
