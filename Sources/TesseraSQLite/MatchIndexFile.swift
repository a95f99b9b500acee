import Foundation
import GRDB
import TesseraStorage
import TesseraCore
public import TesseraMatching

/// The fuzzy-match index of a translation memory, kept in a side file next to the database
/// (`tessera.db-match`) and brought up to date on every load.
///
/// The file starts with the highest variant id and the highest change-log sequence it reflects
/// (its generation). ``load(_:)`` reads it, then applies what happened since, in one read
/// transaction: units with variants above that id (new) or in the change log after that sequence
/// (edited, deleted) are removed from the mapped index and added again from the database, in memory
/// (the mapped file is not copied: O(changes)). When many units changed (``rewriteThreshold``), the
/// file is rewritten through a ``MatchIndexSpool`` (to a temporary file, then renamed, so a
/// concurrent reader never sees half a file); fewer changes are cheaper to re-apply on each load.
/// A missing, corrupt or foreign file is rebuilt from the database, in bounded memory.
///
/// ```swift
/// let tm = try SQLiteTranslationStore.open(path: "tessera.db")
/// let loaded = try MatchIndexFile.load(tm)
/// loaded.index.search(request)
/// ```
public enum MatchIndexFile {
    /// What ``load(_:)`` did.
    public struct Loaded: Sendable {
        /// The index, current with the database snapshot read.
        public var index: MatchIndex
        /// Whether it was built from scratch.
        public var rebuilt: Bool
        /// Units re-indexed from the change log and new variants.
        public var updatedUnits: Int
        /// Size of the side file in bytes after loading.
        public var fileSize: Int
    }

    static let magic: [UInt8] = Array("TSMIDX02".utf8)

    /// The number of changed units from which ``update(_:)`` rewrites the side file (and a plain
    /// load, from at least 1% of the entries); fewer changes are re-applied in memory on each load,
    /// which costs O(changes), while a rewrite costs O(size of the index).
    public static let rewriteThreshold = 1000

    /// The side file of a database.
    public static func path(for tm: SQLiteTranslationStore) -> String { tm.path + "-match" }

    /// Loads the index of `tm`, building or updating the side file as needed.
    /// - Throws: ``StorageError`` when the database cannot be read or the file cannot be written.
    /// - Complexity: O(size of the file) to read it, plus O(changes); O(size of the memory) to rebuild.
    public static func load(_ tm: SQLiteTranslationStore, rebuild: Bool = false) throws -> Loaded {
        try load(tm, rebuild: rebuild, saveAnyChange: false)
    }

    /// Brings the side file of `tm` up to date after a write (an import, `align --store`): when at
    /// least ``rewriteThreshold`` units changed since the file was written, it is rewritten with
    /// them, so that the next ``load(_:)`` maps it and has nothing to catch up; fewer changes are
    /// left for each load to apply in memory (a few milliseconds). Builds the file when it is missing.
    ///
    /// ```swift
    /// try MatchIndexFile.update(tm)   // at the end of an import
    /// ```
    /// - Throws: ``StorageError`` when the database cannot be read or the file cannot be written.
    /// - Complexity: O(size of the index) to copy and rewrite it, plus O(changes); a build is one
    ///   pass over the variants.
    @discardableResult
    public static func update(_ tm: SQLiteTranslationStore) throws -> Loaded {
        try load(tm, rebuild: false, saveAnyChange: true)
    }

    static func load(_ tm: SQLiteTranslationStore, rebuild: Bool, saveAnyChange: Bool) throws -> Loaded {
        try migrate(tm)
        let file = path(for: tm)
        var stored: (index: MatchIndex, generation: Generation)?
        // Mapped with mmap (MappedRegion), read in place: not Foundation's mapped Data, which
        // corrupted the heap when freed on Linux.
        if !rebuild, FileManager.default.fileExists(atPath: file) {
            stored = try? decode(MappedRegion(path: file))
        }
        enum Outcome {
            case current(Loaded)
            case written(rebuilt: Bool, units: Int)
        }
        let outcome: Outcome = try tm.read { db in try convertingErrors {
            let generation = try Generation.current(db)
            if let (storedIndex, storedGeneration) = stored, storedGeneration.precedes(generation) {
                let units = try changedUnits(since: storedGeneration, db)
                if units.isEmpty {
                    return .current(Loaded(index: storedIndex, rebuilt: false, updatedUnits: 0, fileSize: 0))
                }
                let statement = try db.cachedStatement(sql: "SELECT id, lang, plain FROM variant WHERE unitId = ? ORDER BY id")
                // Rewrite the file only when the catch-up work is worth saving: small deltas are
                // cheaper to apply again on the next load than a rewrite of the whole file.
                let threshold = saveAnyChange ? rewriteThreshold : max(rewriteThreshold, storedIndex.entryCount / 100)
                if units.count >= threshold {
                    let spool = try continuing(storedIndex, changed: units, file: file, db)
                    try spool.finish(writingTo: file, header: generation.header, generation: generation.counter)
                    return .written(rebuilt: false, units: units.count)
                }
                var index = storedIndex
                index.indexesImmediately = true
                for unit in units.sorted() {
                    index.remove(unit: unit)
                    let variants = try Row.fetchAll(statement, arguments: [unit]).compactMap(entry)
                    if !variants.isEmpty { index.add(unit: unit, variants: variants) }
                }
                return .current(Loaded(index: index, rebuilt: false, updatedUnits: units.count, fileSize: 0))
            }
            // A build from the database, streamed through a spool: memory stays bounded.
            let spool = try MatchIndexSpool(prefix: file)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, unitId, lang, plain FROM variant ORDER BY unitId, id")
            var currentUnit: Int64 = -1
            var variants: [(id: Int64, analysis: MatchIndexAnalysis)] = []
            var units = 0
            while let row = try rows.next() {
                let unit: Int64 = row[1]
                if unit != currentUnit {
                    if !variants.isEmpty { try spool.append(unit: currentUnit, variants: variants); units += 1 }
                    variants.removeAll(keepingCapacity: true)
                    currentUnit = unit
                }
                if let analysis = spool.vocabulary.analyse(row[3], languageTag: row[2]) {
                    variants.append((id: row[0], analysis: analysis))
                }
            }
            if !variants.isEmpty { try spool.append(unit: currentUnit, variants: variants); units += 1 }
            try spool.finish(writingTo: file, header: generation.header, generation: generation.counter)
            return .written(rebuilt: true, units: units)
        } }
        var loaded: Loaded
        switch outcome {
        case .current(let current):
            loaded = current
        case .written(let rebuilt, let units):
            let (index, _) = try decode(MappedRegion(path: file))
            loaded = Loaded(index: index, rebuilt: rebuilt, updatedUnits: units, fileSize: 0)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        loaded.fileSize = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        return loaded
    }

    /// Runs `body`, turning a ``MatchingError`` of the side file into a ``StorageError``.
    static func convertingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MatchingError {
            throw StorageError(.cannotOpen, "Cannot write the match index file: \(error.message)" + (error.context.map { " (\($0))" } ?? ""))
        }
    }

    /// A spool that continues `stored` with the `changed` units removed and added again from the
    /// database (the catch-up of a side file, streamed).
    static func continuing(_ stored: MatchIndex, changed: Set<Int64>, file: String, _ db: Database) throws -> MatchIndexSpool {
        let spool = try MatchIndexSpool(prefix: file, continuing: stored)
        let statement = try db.cachedStatement(sql: "SELECT id, lang, plain FROM variant WHERE unitId = ? ORDER BY id")
        for unit in changed.sorted() {
            spool.remove(unit: unit)
            try append(unit: unit, rows: Row.fetchAll(statement, arguments: [unit]), to: spool)
        }
        return spool
    }

    /// The units changed in the database since a side file of `generation`.
    static func changedUnits(since generation: Generation, _ db: Database) throws -> Set<Int64> {
        // No DISTINCT: it would make SQLite walk the whole unitId index instead of the rowid range.
        var units = Set(try Int64.fetchAll(db, sql: #"SELECT unitId FROM "match-change" WHERE seq > ?"#, arguments: [generation.sequence]))
        units.formUnion(try Int64.fetchAll(db, sql: "SELECT unitId FROM variant WHERE id > ?", arguments: [generation.maxVariant]))
        return units
    }

    /// Adds the match tables (change log and triggers) to the database if they are missing.
    static func migrate(_ tm: SQLiteTranslationStore) throws {
        do {
            let migrator = MatchIndexSchema.migrator
            if try !tm.pool.read(migrator.hasCompletedMigrations) {
                try migrator.migrate(tm.pool)
            }
        } catch {
            throw StorageError(.migration, "Cannot add the match tables to \(tm.path): \(error).")
        }
    }

    /// Appends the `(id, lang, plain)` rows of one unit to a spool (rows whose tag does not parse
    /// are left out, as everywhere in the index).
    static func append(unit: Int64, rows: [Row], to spool: MatchIndexSpool) throws {
        let variants = rows.compactMap { row -> (id: Int64, analysis: MatchIndexAnalysis)? in
            spool.vocabulary.analyse(row[2], languageTag: row[1]).map { (id: row[0], analysis: $0) }
        }
        try spool.append(unit: unit, variants: variants)
    }

    /// The database state a side file reflects: the highest variant id and the highest
    /// change-log sequence (variants above the one, log rows after the other are not in it).
    struct Generation: Equatable {
        var maxVariant: Int64
        var sequence: Int64

        /// The database's state now.
        static func current(_ db: Database) throws -> Generation {
            Generation(
                maxVariant: try Int64.fetchOne(db, sql: "SELECT max(id) FROM variant") ?? 0,
                sequence: try Int64.fetchOne(db, sql: #"SELECT max(seq) FROM "match-change""#) ?? 0)
        }

        /// Whether a side file of this generation can be caught up to `later` (neither counter
        /// went back: the file is not newer than the database).
        func precedes(_ later: Generation) -> Bool {
            maxVariant <= later.maxVariant && sequence <= later.sequence
        }

        /// The stamp that starts a side file: magic, highest variant id, change-log sequence.
        var header: [UInt8] {
            var bytes = magic
            for value in [maxVariant, sequence] {
                for shift in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * Int64(shift)))) }
            }
            return bytes
        }

        /// The index's own generation counter (``MatchIndex/generation``).
        var counter: UInt64 { UInt64(max(sequence, 0)) }
    }

    /// An index entry from a `(id, lang, plain)` row.
    static func entry(_ row: Row) -> MatchIndex.Entry? {
        guard let language = LanguageTag(row[1] as String) else { return nil }
        return MatchIndex.Entry(id: row[0], language: language, text: row[2])
    }

    /// Reads a side file in place: generation header and index (see ``MatchIndex/init(mapping:offset:)``).
    static func decode(_ region: MappedRegion) throws -> (MatchIndex, Generation) {
        let bytes = region.bytes
        guard bytes.count > 24, Array(bytes[0..<8]) == magic else {
            throw StorageError(.corruptData, "The match index file has no valid header.")
        }
        func integer(at offset: Int) -> Int64 {
            var value: Int64 = 0
            for index in 0..<8 { value |= Int64(bytes[offset + index]) << (8 * Int64(index)) }
            return value
        }
        let index = try MatchIndex(mapping: region, offset: 24)
        return (index, Generation(maxVariant: integer(at: 8), sequence: integer(at: 16)))
    }
}
