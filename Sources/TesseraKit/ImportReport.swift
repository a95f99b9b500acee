import Foundation
import TesseraTMX

/// What `tessera import` did, file by file, with totals.
///
/// A file is imported whole or not at all: `imported` false means nothing from it was committed
/// and `error` holds the one-line reason (`FILE:LINE:COLUMN: message` for a malformed TMX file).
public struct ImportReport: Codable, Sendable, Equatable {
    /// A unit left out of a file under `--skip-invalid`: where its `<tu>` began and why.
    public struct SkippedUnit: Codable, Sendable, Equatable, CustomStringConvertible {
        /// The file, as given.
        public var file: String
        /// The line of the `<tu>` start tag.
        public var line: Int
        /// The column of the `<tu>` start tag.
        public var column: Int
        /// Why the unit was invalid.
        public var reason: String
        /// The unit's `tuid`, if it had one.
        public var tuid: String?

        /// A record of `unit`, skipped in `file`.
        init(file: String, unit: TMXSkippedUnit) {
            self.file = file
            line = unit.line
            column = unit.column
            reason = unit.reason
            tuid = unit.tuid
        }

        /// `FILE:LINE:COLUMN: reason`.
        public var description: String { "\(file):\(line):\(column): \(reason)" }
    }

    /// The result of one file.
    public struct FileResult: Codable, Sendable, Equatable {
        /// The path as given.
        public var path: String
        /// Whether the file's units were committed.
        public var imported: Bool = false
        /// The one-line error when the file was not imported.
        public var error: String?
        /// Units read from the file (those of a failed file were rolled back).
        public var unitsRead: Int = 0
        /// Units stored as new.
        public var added: Int = 0
        /// Stored duplicates replaced by the file's unit.
        public var replaced: Int = 0
        /// The file's duplicates skipped (stored unit kept).
        public var duplicatesSkipped: Int = 0
        /// Units skipped, by reason (invalid units under `--skip-invalid`, units without variants).
        public var skipped: [String: Int] = [:]
        /// Each unit skipped as invalid (`--skip-invalid`), in file order.
        public var skippedUnits: [SkippedUnit] = []
        /// Reader warnings by kind.
        public var warnings: [String: Int] = [:]

        /// Creates an empty result for a file.
        package init(path: String) { self.path = path }

        /// Duplicates found (replaced or skipped).
        public var duplicates: Int { replaced + duplicatesSkipped }
    }

    /// Sums over all files.
    public struct Totals: Codable, Sendable, Equatable {
        /// Files given.
        public var files = 0
        /// Files committed.
        public var filesImported = 0
        /// Files that failed (nothing committed from them).
        public var filesFailed = 0
        /// Units read from committed files.
        public var unitsRead = 0
        /// Units stored as new.
        public var added = 0
        /// Stored duplicates replaced.
        public var replaced = 0
        /// Duplicates skipped.
        public var duplicatesSkipped = 0
        /// Skipped units by reason.
        public var skipped: [String: Int] = [:]
        /// Warnings by kind.
        public var warnings: [String: Int] = [:]
    }

    /// The database written.
    public var database: String
    /// The duplicate policy used.
    public var duplicatePolicy: String
    /// One result per file, in the order given.
    public private(set) var files: [FileResult] = []
    /// Sums over ``files``.
    public private(set) var totals = Totals()

    /// Creates an empty report.
    package init(database: String, duplicatePolicy: String) {
        self.database = database
        self.duplicatePolicy = duplicatePolicy
    }

    /// Whether every file was imported.
    public var succeeded: Bool { totals.filesFailed == 0 }

    /// Adds a file's result and updates the totals.
    public mutating func append(_ result: FileResult) {
        files.append(result)
        totals.files += 1
        if result.imported {
            totals.filesImported += 1
            totals.unitsRead += result.unitsRead
            totals.added += result.added
            totals.replaced += result.replaced
            totals.duplicatesSkipped += result.duplicatesSkipped
            totals.skipped.merge(result.skipped, uniquingKeysWith: +)
        } else {
            totals.filesFailed += 1
        }
        totals.warnings.merge(result.warnings, uniquingKeysWith: +)
    }

    /// The same report with the file `path` called `name` (in paths, error lines and skipped
    /// units) and the database called `database`: a server shows the name a client knows, never
    /// its own temporary files and folders.
    package func naming(_ path: String, as name: String, database: String) -> ImportReport {
        var renamed = ImportReport(database: database, duplicatePolicy: duplicatePolicy)
        for var file in files {
            if file.path == path { file.path = name }
            file.error = file.error?.replacingOccurrences(of: path, with: name)
            for index in file.skippedUnits.indices where file.skippedUnits[index].file == path {
                file.skippedUnits[index].file = name
            }
            renamed.append(file)
        }
        return renamed
    }

    /// The human-readable summary (errors are printed separately, on standard error).
    public var summary: String {
        var lines: [String] = []
        lines.append("Files:      \(totals.files) (\(totals.filesImported) imported, \(totals.filesFailed) failed)")
        lines.append("Units read: \(totals.unitsRead)")
        lines.append("Imported:   \(totals.added)")
        lines.append("Duplicates: \(totals.replaced + totals.duplicatesSkipped) (\(totals.replaced) replaced, \(totals.duplicatesSkipped) kept existing; policy \(duplicatePolicy))")
        let skipped = totals.skipped.values.reduce(0, +)
        lines.append("Skipped:    \(skipped)")
        for (reason, count) in totals.skipped.sorted(by: { $0.key < $1.key }) { lines.append("  \(reason): \(count)") }
        for file in files where file.imported {
            for unit in file.skippedUnits { lines.append("  \(unit)") }
        }
        let warnings = totals.warnings.values.reduce(0, +)
        lines.append("Warnings:   \(warnings)")
        for (kind, count) in totals.warnings.sorted(by: { $0.key < $1.key }) { lines.append("  \(kind): \(count)") }
        for file in files where !file.imported {
            lines.append("Not imported: \(file.path)")
        }
        return lines.joined(separator: "\n")
    }
}
