import Foundation
import TesseraCore
import TesseraIO
import TesseraTMX
public import TesseraStorage
import TesseraMatchIndex

/// The duplicate policy of an import, as the front ends name it.
public typealias ImportDuplicatePolicy = DuplicatePolicy

/// The `import` use case: reads TMX files (`.tmx`, `.tmx.gz`, `.tmx.zip`, told by their content)
/// into a translation memory, one transaction per file.
///
/// A malformed file is reported with one line `FILE:LINE:COLUMN: message` and leaves the memory
/// unchanged; the other files are still imported.
///
/// ```swift
/// let report = try ImportTMX(database: StoreLocation(option: "tm.db")).run(files: ["a.tmx"])
/// print(report.summary)
/// ```
public struct ImportTMX: Sendable {
    /// The memory to write (created when missing).
    public var database: StoreLocation
    /// What to do with duplicates.
    public var policy: DuplicatePolicy
    /// Whether an invalid unit in a well-formed file is skipped (and counted) instead of failing
    /// the file.
    public var skipInvalid: Bool

    /// Whether the match side file is built while the units stream in: `nil` lets the match index
    /// decide by the size of the files (`MatchIndexStore.beginImport(expectedBytes:)`), `true` always, `false` never
    /// (the file is then caught up at the end).
    public var followsWrites: Bool?

    /// Checked while units stream in: once it is cancelled, the file being read fails with
    /// ``KitError`` `cancelled` and its transaction is rolled back (nothing of it is committed);
    /// the files after it fail the same way.
    public var cancellation: ImportCancellation?

    /// Creates the use case.
    public init(
        database: StoreLocation, policy: DuplicatePolicy = .default, skipInvalid: Bool = false, followsWrites: Bool? = nil,
        cancellation: ImportCancellation? = nil
    ) {
        self.database = database
        self.policy = policy
        self.skipInvalid = skipInvalid
        self.followsWrites = followsWrites
        self.cancellation = cancellation
    }

    /// Imports `files` in order.
    ///
    /// Each file is opened (and its header read) before the database is: a missing file, or one
    /// that is not TMX (bzip2, TSV...), is reported without creating anything, and when the
    /// database did not exist and no file could be imported, the new database is removed again,
    /// so a failed import leaves no empty memory behind.
    ///
    /// - Parameters:
    ///   - files: TMX file paths (`.tmx`, `.tmx.gz`, `.tmx.zip`, told by their content).
    ///   - progress: called while units stream in (see ``ImportProgress``); a front end draws it.
    /// - Returns: the report; a failed file does not throw, it is recorded in the report.
    /// - Throws: `StorageError` when the database cannot be opened.
    /// - Complexity: O(*n*) in the units read; memory stays flat (units are streamed).
    public func run(files: [String], progress: ((ImportProgress) -> Void)? = nil) throws -> ImportReport {
        try run(files: files, session: nil, progress: progress)
    }

    /// Imports `files` in order into an open session (one write of the session at a time;
    /// lookups of the session go on meanwhile and see the units once each file commits). The
    /// session's location is the memory written; ``database`` names it in the report.
    /// - Throws: ``KitError`` `closed`; `StorageError` when the database cannot be written.
    public func run(files: [String], session: TranslationMemory, progress: ((ImportProgress) -> Void)? = nil) throws -> ImportReport {
        try run(files: files, session: Optional(session), progress: progress)
    }

    private func run(files: [String], session: TranslationMemory?, progress: ((ImportProgress) -> Void)?) throws -> ImportReport {
        var report = ImportReport(database: database.description, duplicatePolicy: policy.rawValue)
        let unopenable: [String?] = files.map { file in
            do {
                _ = try Self.openReader(path: file, skipInvalid: skipInvalid)
                return nil
            } catch {
                return Self.errorLine(error, file: file)
            }
        }
        if unopenable.allSatisfy({ $0 != nil }) {
            for (file, error) in zip(files, unopenable) { report.append(Self.failed(file, error)) }
            return report
        }
        let created = !database.exists
        var leftovers: [String] = []
        if let session {
            report = try importFiles(files, unopenable: unopenable, into: report, session: session, progress: progress, files: &leftovers)
        } else {
            let session = try TranslationMemory(location: database)
            defer { session.close() }
            report = try importFiles(files, unopenable: unopenable, into: report, session: session, progress: progress, files: &leftovers)
        }
        if created, report.files.allSatisfy({ !$0.imported }) {
            for file in leftovers { try? FileManager.default.removeItem(atPath: file) }
            database.removeIfEmptyOnServer()
        }
        return report
    }

    /// Opens the memory and imports the files that could be opened; `paths` receives the files
    /// that make up the memory (database, WAL, side file), for the caller to remove.
    private func importFiles(
        _ files: [String], unopenable: [String?], into report: ImportReport, session: TranslationMemory,
        progress: ((ImportProgress) -> Void)?, files paths: inout [String]
    ) throws -> ImportReport {
        try session.write { memory, index in
            paths = session.location.localFiles + [index.path]
            return importFiles(files, unopenable: unopenable, into: report, memory: memory, index: index, progress: progress)
        }
    }

    /// Imports the files that could be opened, building the match index as they are written.
    private func importFiles(
        _ files: [String], unopenable: [String?], into report: ImportReport, memory: any TranslationStore,
        index: MatchIndexStore, progress: ((ImportProgress) -> Void)?
    ) -> ImportReport {
        var report = report
        // The match index is built while the units stream in (analysed on the reading thread,
        // appended by the writing one) when the index decides the import is large enough.
        let matchUpdate: MatchIndexImport?
        switch followsWrites {
        case nil: matchUpdate = try? index.beginImport(expectedBytes: Self.expectedBytes(files))
        case true?: matchUpdate = try? index.beginImport()
        case false?: matchUpdate = nil
        }
        for (index, file) in files.enumerated() {
            if let error = unopenable[index] {
                report.append(Self.failed(file, error))
                continue
            }
            // The side file is written while the last file's indexes are built.
            matchUpdate?.writesDuringNextBatch = index == unopenable.lastIndex(where: { $0 == nil })
            report.append(importFile(file, into: memory, matchUpdate: matchUpdate) { units in
                progress?(ImportProgress(file: file, fileIndex: index + 1, fileCount: files.count, units: units))
            })
        }
        if (try? matchUpdate?.finish()) != true {
            index.saveAfterWrite()
        }
        return report
    }

    /// The bytes of TMX `files` hold, for the match index to decide whether the import builds
    /// its side file (``MatchIndexStore/beginImport(expectedBytes:)``): a gzip or zip file is
    /// counted eight times its size, a missing one as empty.
    static func expectedBytes(_ files: [String]) -> Int {
        files.reduce(0) { total, file in
            let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.intValue ?? 0
            let compressed = (try? InputFile.identify(path: file))?.isContainer ?? false
            return total + (compressed ? size * 8 : size)
        }
    }

    /// Imports one file in one transaction.
    func importFile(
        _ file: String, into memory: any TranslationStore, matchUpdate: MatchIndexImport? = nil,
        progress: (Int) -> Void
    ) -> ImportReport.FileResult {
        var result = ImportReport.FileResult(path: file)
        var reader: (any TMXUnitSource)?
        do {
            // Parsing runs on a second thread while this one writes (two cores at once).
            let source = PrefetchingUnitSource(
                try Self.openReader(path: file, skipInvalid: skipInvalid), analysingWith: matchUpdate?.vocabulary)
            reader = source
            var read = 0
            let batch = ImportBatch(kind: .tmx, filePath: file, header: source.header)
            let cancellation = cancellation
            try cancellation?.check()
            let write = try memory.importBatch(batch, policy: policy, observer: matchUpdate) { sink in
                while let unit = try source.nextPrepared() {
                    read += 1
                    try sink.add(unit)
                    if read % 1024 == 0 {
                        // Throwing here rolls the file's transaction back.
                        try cancellation?.check()
                        progress(read)
                    }
                }
                try cancellation?.check()
            }
            result.imported = true
            result.unitsRead = read
            result.added = write.added
            result.replaced = write.replaced
            result.duplicatesSkipped = write.skippedDuplicates
            result.skipped = source.skippedCounts
            result.skippedUnits = source.skippedUnits.map { ImportReport.SkippedUnit(file: file, unit: $0) }
            if write.skippedEmpty > 0 { result.skipped["unit without variants", default: 0] += write.skippedEmpty }
        } catch {
            result.imported = false
            result.error = Self.errorLine(error, file: file)
        }
        if let reader { result.warnings = reader.warningCounts }
        return result
    }

    /// The result of a file that could not be opened.
    private static func failed(_ file: String, _ error: String?) -> ImportReport.FileResult {
        var result = ImportReport.FileResult(path: file)
        result.error = error
        return result
    }

    /// One line for an error: the error's own line when it names the file (a TMX error), else
    /// `FILE: message`.
    static func errorLine(_ error: any Error, file: String) -> String {
        let text = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.hasPrefix(file + ":") ? text : "\(file): \(text)"
    }
}

/// What the import needs from a TMX reader: the header, units one by one, and counts of the
/// warnings and skipped units once the file has been read.
protocol TMXUnitSource: AnyObject {
    /// The file's header.
    var header: TMXHeader { get }
    /// The next unit, or `nil` at the end.
    func next() throws -> TranslationUnit?
    /// Warnings by kind.
    var warningCounts: [String: Int] { get }
    /// Units skipped as invalid, by reason.
    var skippedCounts: [String: Int] { get }
    /// Each unit skipped as invalid, where it began and why.
    var skippedUnits: [TMXSkippedUnit] { get }
}
