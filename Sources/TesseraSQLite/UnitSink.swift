import Foundation
import GRDB
import TesseraCore
import TesseraStorage

/// Receives the units of one import batch inside its write transaction.
///
/// The SQLite ``UnitWriter``. Made by ``SQLiteTranslationStore/importBatch(_:policy:matchUpdate:_:)``;
/// valid only inside its closure. Each
/// ``add(_:)`` checks for a duplicate (unless the policy is `add`), then inserts or replaces the
/// unit with its variants, props and notes, reusing prepared statements.
final class UnitSink: UnitWriter, RestoreSink {
    /// What has been written so far.
    private(set) var report: WriteReport

    private let db: Database
    private let policy: DuplicatePolicy
    private let headerSource: LanguageTag?

    private let insertUnit: Statement
    private let updateUnit: Statement
    private let insertVariant: Statement
    private let insertProp: Statement
    private let insertNote: Statement
    private let findByKey: Statement
    private let variantPairs: Statement
    private let deleteChildren: [Statement]
    private let variantsOfUnit: Statement
    private let indexText: Statement
    private let indexTrigram: Statement
    private let unindexText: Statement
    private let unindexTrigram: Statement
    /// The largest variant id stored before this batch. Variants written by the batch get larger
    /// ids and are added to the full-text indexes once, by ``finish()``; a smaller id (SQLite
    /// reuses the largest ids after a delete) is indexed at once, so nothing is missed.
    private let fullTextWatermark: Int64
    /// The indexes dropped at the start of a batch into an empty memory, created again by
    /// ``finish()`` (or, under a policy other than `add`, by ``stopDeferring()``).
    private var deferredIndexes: [(name: String, create: String)]
    /// The keys written by a batch into an empty memory (not under `add`) while `unit_duplicateKey`
    /// is deferred: a key not in it has no stored duplicate, so no look-up is needed.
    private var deferredKeys: Set<Int64>?
    /// The keys written by a batch into an empty memory (not under `add`) once the index is back:
    /// a key it never wrote has no stored duplicate, so most units skip the SQL look-ups.
    private var written: BatchKeyFilter?
    /// The most keys ``deferredKeys`` holds (32 MiB of hash table) before the index is created
    /// and the batch goes on with SQL look-ups, so memory stays bounded whatever the file size.
    static let deferredKeyLimit = 2_000_000
    /// This batch's ``deferredKeyLimit`` (tests lower it).
    var deferredKeyLimit = UnitSink.deferredKeyLimit
    /// The batch's changes to the counts that `stats` reads, written by ``finish()``.
    private var counts = MemoryCountChanges()
    /// Told of every unit written (the match index built during an import), if any.
    var observer: (any UnitWriteObserver)?
    /// The id the next variant must take when the highest variant ids were deleted
    /// (``VariantHighWater``), so that no id is given twice; `nil` lets SQLite choose.
    private var nextVariantID: Int64?
    /// The highest variant id ever given (``VariantHighWater``), written by ``finish()`` when
    /// this batch removed the highest variants.
    private var highWater: Int64
    /// Whether ``highWater`` rose in this batch.
    private var highWaterRose = false

    /// Starts a batch: writes its `importBatch` row, or none when `batch` is `nil` (a deletion,
    /// which adds no unit).
    init(db: Database, batch: ImportBatch?, policy: DuplicatePolicy) throws {
        self.db = db
        self.policy = policy
        self.headerSource = batch?.header?.sourceLanguage
        if let batch {
            try db.execute(
                sql: "INSERT INTO importBatch (kind, filePath, fileName, startedAt, header) VALUES (?, ?, ?, ?, ?)",
                arguments: [batch.kind.rawValue, batch.filePath, batch.fileName, ImportBatch.timestamp(), batch.headerJSON])
            report = WriteReport(batchID: db.lastInsertedRowID)
        } else {
            report = WriteReport(batchID: 0)
        }
        fullTextWatermark = try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(id), 0) FROM variant") ?? 0
        highWater = try VariantHighWater.read(db)
        nextVariantID = highWater > fullTextWatermark ? highWater + 1 : nil
        if try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM unit)") == true {
            deferredIndexes = Schema.deferredIndexes(policy: policy)
            deferredKeys = policy == .add ? nil : []
            for index in deferredIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
        } else {
            deferredIndexes = []
        }
        insertUnit = try db.cachedStatement(sql: """
            INSERT INTO unit (tuid, srclang, sourceLang, attributes, origin, batchId, changedate, duplicateKey, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        updateUnit = try db.cachedStatement(sql: """
            UPDATE unit SET tuid = ?, srclang = ?, sourceLang = ?, attributes = ?, origin = ?, batchId = ?,
            changedate = ?, duplicateKey = ? WHERE id = ?
            """)
        insertVariant = try db.cachedStatement(sql: """
            INSERT INTO variant (id, unitId, lang, base, markup, plain, codes, attributes, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertProp = try db.cachedStatement(sql: """
            INSERT INTO prop (ownerKind, ownerId, type, value, lang, encoding, position) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertNote = try db.cachedStatement(sql: """
            INSERT INTO note (ownerKind, ownerId, value, lang, encoding, position) VALUES (?, ?, ?, ?, ?, ?)
            """)
        findByKey = try db.cachedStatement(
            sql: "SELECT id, changedate, tuid, sourceLang, batchId FROM unit WHERE duplicateKey = ? ORDER BY id")
        variantPairs = try db.cachedStatement(sql: "SELECT lang, markup FROM variant WHERE unitId = ? ORDER BY position")
        variantsOfUnit = try db.cachedStatement(sql: "SELECT id, base, plain, lang FROM variant WHERE unitId = ?")
        indexText = try db.cachedStatement(sql: "INSERT INTO variantText(rowid, plain) VALUES (?, ?)")
        indexTrigram = try db.cachedStatement(sql: "INSERT INTO variantTrigram(rowid, plain) VALUES (?, ?)")
        unindexText = try db.cachedStatement(
            sql: "INSERT INTO variantText(variantText, rowid, plain) VALUES ('delete', ?, ?)")
        unindexTrigram = try db.cachedStatement(
            sql: "INSERT INTO variantTrigram(variantTrigram, rowid, plain) VALUES ('delete', ?, ?)")
        deleteChildren = try [
            "DELETE FROM prop WHERE ownerKind = 'variant' AND ownerId IN (SELECT id FROM variant WHERE unitId = ?)",
            "DELETE FROM note WHERE ownerKind = 'variant' AND ownerId IN (SELECT id FROM variant WHERE unitId = ?)",
            "DELETE FROM prop WHERE ownerKind = 'unit' AND ownerId = ?",
            "DELETE FROM note WHERE ownerKind = 'unit' AND ownerId = ?",
            "DELETE FROM variant WHERE unitId = ?",
        ].map { try db.cachedStatement(sql: $0) }
    }

    /// Writes one unit according to the batch's duplicate policy.
    ///
    /// A unit without variants is skipped and counted in ``WriteReport/skippedEmpty``.
    ///
    /// - Parameter unit: the unit; its ``TranslationUnit/origin`` is stored as is.
    /// - Throws: a GRDB `DatabaseError` (turned into ``StorageError`` by the caller).
    func add(_ unit: TranslationUnit) throws {
        try add(PreparedUnit(unit, headerSource: headerSource))
    }

    /// Writes one unit prepared in advance (see ``PreparedUnit``), according to the batch's
    /// duplicate policy; the same as ``add(_:)-(TranslationUnit)``.
    func add(_ prepared: PreparedUnit) throws {
        report.received += 1
        // The source language and key were resolved with the header the unit was prepared for.
        guard let (source, key) = identity(of: prepared) else {
            report.skippedEmpty += 1
            return
        }
        let changed = prepared.changed

        if policy != .add, let existing = try duplicate(of: key) {
            if policy.replaces(stored: existing.changed, with: changed) {
                try replaceStored(existing.id, batch: existing.batch, source: existing.source, with: prepared, identity: (source, key))
                remember(key.value)
            } else {
                report.skippedDuplicates += 1
            }
            return
        }
        _ = try insert(prepared, identity: (source, key))
        remember(key.value)
    }

    /// Adds `prepared` as a new unit, with no duplicate check (``TranslationStore/addUnit(_:batch:)``).
    /// - Returns: the new unit's id.
    func insert(_ prepared: PreparedUnit) throws -> Int64 {
        report.received += 1
        guard let identity = identity(of: prepared) else { preconditionFailure("A unit added on its own must have a variant.") }
        return try insert(prepared, identity: identity)
    }

    /// Replaces the stored unit `id` with `prepared` (``TranslationStore/replaceUnit(id:with:batch:)``).
    /// - Returns: `false` when there is no unit `id`.
    func replace(_ id: Int64, with prepared: PreparedUnit) throws -> Bool {
        guard let stored = try Row.fetchOne(db, sql: "SELECT sourceLang, batchId FROM unit WHERE id = ?", arguments: [id]) else {
            return false
        }
        report.received += 1
        guard let identity = identity(of: prepared) else { preconditionFailure("A replacing unit must have a variant.") }
        try replaceStored(id, batch: stored[1], source: stored[0], with: prepared, identity: identity)
        return true
    }

    /// Deletes the stored unit `id` with its variants, props, notes and full-text rows
    /// (``TranslationStore/deleteUnit(id:)``); no later variant takes its ids
    /// (``removeVariants(of:)``).
    /// - Returns: `false` when there is no unit `id`.
    func delete(_ id: Int64) throws -> Bool {
        guard let stored = try Row.fetchOne(db, sql: "SELECT sourceLang, batchId FROM unit WHERE id = ?", arguments: [id]) else {
            return false
        }
        observer?.unitRemoved(id)
        counts.count(batch: stored[1], source: stored[0], languages: try removeVariants(of: id), sign: -1)
        for statement in deleteChildren { try statement.execute(arguments: [id]) }
        try db.execute(sql: "DELETE FROM unit WHERE id = ?", arguments: [id])
        return true
    }

    /// The source language and duplicate key of `prepared` in this batch (`nil` without variants).
    private func identity(of prepared: PreparedUnit) -> (source: String, key: DuplicateKey)? {
        prepared.identity(headerSource: headerSource)
    }

    /// Replaces the stored unit `id` (of batch `batch`, source language `source`) with `prepared`,
    /// keeping the counts, the full-text indexes and the observer in step.
    private func replaceStored(
        _ id: Int64, batch: Int64, source: String, with prepared: PreparedUnit, identity: (source: String, key: DuplicateKey)
    ) throws {
        observer?.unitRemoved(id)
        counts.count(batch: batch, source: source, languages: try removeVariants(of: id), sign: -1)
        let ids = try replaceUnit(id: id, with: prepared, key: identity.key.value, source: identity.source, changed: prepared.changed)
        counts.count(batch: report.batchID, source: identity.source, languages: prepared.rows.map(\.language), sign: 1)
        observer?.unitAdded(id, variantIDs: ids, analyses: prepared.matchAnalyses)
        report.replaced += 1
    }

    /// Inserts `prepared` as a new unit of this batch; returns its id.
    private func insert(_ prepared: PreparedUnit, identity: (source: String, key: DuplicateKey)) throws -> Int64 {
        try insert(prepared, identity: identity, batch: report.batchID, id: nil, variantIDs: nil)
    }

    /// Inserts `prepared` as a unit of `batch`, with the unit id `id` and the variant ids
    /// `variantIDs` when given (a restore), else ids SQLite chooses; returns the unit id.
    private func insert(
        _ prepared: PreparedUnit, identity: (source: String, key: DuplicateKey), batch: Int64, id: Int64?, variantIDs: [Int64]?
    ) throws -> Int64 {
        let unit = prepared.unit
        let (source, key) = identity
        let rows = prepared.rows
        let changed = prepared.changed
        insertUnit.bind(unit.tuid, at: 1)
        insertUnit.bind(unit.sourceLanguage?.description, at: 2)
        insertUnit.bind(source, at: 3)
        insertUnit.bind(prepared.attributes, at: 4)
        insertUnit.bind(unit.origin.rawValue, at: 5)
        insertUnit.bind(batch, at: 6)
        insertUnit.bind(changed, at: 7)
        insertUnit.bind(key.value, at: 8)
        insertUnit.bind(id, at: 9)  // NULL: SQLite gives the next id
        try insertUnit.runBound(in: db)
        let unitID = db.lastInsertedRowID
        let ids = try insertChildren(of: unit, unitID: unitID, rows: rows, variantIDs: variantIDs)
        counts.count(batch: batch, source: source, languages: rows.map(\.language), sign: 1)
        observer?.unitAdded(unitID, variantIDs: ids, analyses: prepared.matchAnalyses)
        report.added += 1
        return unitID
    }

    /// Writes a batch read out of another store with its id, times and header
    /// (``UnitRestorer/add(_:)-(StoredBatch)``); its unit count starts at 0 and follows the units.
    func restore(_ batch: StoredBatch) throws {
        try db.execute(
            sql: """
                INSERT INTO importBatch (id, kind, filePath, fileName, startedAt, finishedAt, header, units)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                """,
            arguments: [
                batch.id, batch.batch.kind.rawValue, batch.batch.filePath, batch.fileName, batch.startedAt, batch.finishedAt,
                batch.batch.headerJSON,
            ])
    }

    /// Writes a unit read out of another store with its ids, batch and effective source language
    /// (``UnitRestorer/add(_:)-(UnitRecord)``); the duplicate key is made from that source
    /// language, as the import that first wrote the unit made it. The record has one id per
    /// variant and at least one variant.
    func restore(_ prepared: PreparedUnit, of record: UnitRecord) throws {
        report.received += 1
        let source = record.stored.sourceLanguage.description
        let key = DuplicateKey(tuid: prepared.unit.tuid, source: source, pairs: prepared.pairs, contentHash: prepared.hash)
        _ = try insert(
            prepared, identity: (source, key), batch: record.stored.batchID, id: record.stored.id, variantIDs: record.variantIDs)
    }

    /// Adds the batch's variants to the full-text indexes, creates the deferred indexes again, adds
    /// the batch's changes to the kept counts and stamps the batch's finish time.
    func finish() throws {
        deferredKeys = nil  // no unit follows: freed before the full-text build and the index sorts
        let cjk = Schema.trigramLanguages.map { "'\($0)'" }.joined(separator: ",")
        try db.execute(
            sql: "INSERT INTO variantText(rowid, plain) SELECT id, plain FROM variant WHERE id > ?",
            arguments: [fullTextWatermark])
        try db.execute(
            sql: "INSERT INTO variantTrigram(rowid, plain) SELECT id, plain FROM variant WHERE id > ? AND base IN (\(cjk))",
            arguments: [fullTextWatermark])
        for index in deferredIndexes { try db.execute(sql: index.create) }
        try counts.write(db)
        if highWaterRose { try VariantHighWater.write(highWater, db) }
        try db.execute(
            sql: "UPDATE importBatch SET finishedAt = ? WHERE id = ?", arguments: [ImportBatch.timestamp(), report.batchID])
    }

    // MARK: - Private

    private func unitArguments(_ prepared: PreparedUnit, key: Int64, source: String, changed: Int64?) -> StatementArguments {
        let unit = prepared.unit
        return [
            unit.tuid, unit.sourceLanguage?.description, source, prepared.attributes,
            unit.origin.rawValue, report.batchID, changed, key,
        ]
    }

    /// The stored unit that `key` duplicates (``DuplicateKey``), if any: the candidates with the
    /// same key value, verified on their rows. In a batch into an empty memory, a key the batch
    /// never wrote has no candidate and skips the look-up.
    private func duplicate(of key: DuplicateKey) throws -> (id: Int64, changed: Int64?, source: String, batch: Int64)? {
        if let deferredKeys {
            if !deferredKeys.contains(key.value) && deferredKeys.count < deferredKeyLimit { return nil }
            try stopDeferring()
        }
        if let written, !written.mayContain(key.value) { return nil }
        for candidate in try Row.fetchAll(findByKey, arguments: [key.value]) {
            let id: Int64 = candidate[0]
            let stored = try Row.fetchAll(variantPairs, arguments: [id]).map { VariantPair(language: $0[0], markup: $0[1]) }
            if key.matches(tuid: candidate[2], sourceLanguage: candidate[3], pairs: stored) {
                return (id, candidate[1], candidate[3], candidate[4])
            }
        }
        return nil
    }

    /// Notes a key the batch wrote, for the duplicate checks of the units after it.
    private func remember(_ key: Int64) {
        if deferredKeys != nil {
            deferredKeys?.insert(key)
        } else {
            written?.insert(key)
        }
    }

    /// Creates the deferred indexes now (a key was seen twice, or too many are held) and moves the
    /// batch's keys into the Bloom filter of the SQL look-ups.
    private func stopDeferring() throws {
        guard let keys = deferredKeys else { return }
        deferredKeys = nil
        var filter = BatchKeyFilter()
        for key in keys { filter.insert(key) }
        written = filter
        for index in deferredIndexes { try db.execute(sql: index.create) }
        deferredIndexes = []
    }

    /// Removes a stored unit's variants from the full-text indexes; returns their languages.
    ///
    /// When they hold the highest variant id, SQLite would give that id again to the next variant
    /// inserted, which may be another unit's: a match index that saw the old variant would never
    /// see the new one in the change feed (it reads ids above the highest it saw). So the id is
    /// kept as the high-water mark and the next variant is given the id after it.
    private func removeVariants(of id: Int64) throws -> [String] {
        var languages: [String] = []
        let rows = try Row.fetchAll(variantsOfUnit, arguments: [id])
        if let top = rows.map({ $0[0] as Int64 }).max(), top > highWater,
            top >= (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM variant") ?? 0)
        {
            highWater = top
            highWaterRose = true
            nextVariantID = top + 1
        }
        for row in rows {
            languages.append(row[3])
            let variantID: Int64 = row[0]
            // A variant above the watermark is not in the full-text indexes yet.
            guard variantID <= fullTextWatermark else { continue }
            let plain: String = row[2]
            try unindexText.execute(arguments: [variantID, plain])
            if Schema.trigramLanguages.contains(row[1]) { try unindexTrigram.execute(arguments: [variantID, plain]) }
        }
        return languages
    }

    /// Replaces a stored unit whose variants ``removeVariants(of:)`` took out of the full-text
    /// indexes; returns the ids of its new variants.
    private func replaceUnit(
        id: Int64, with prepared: PreparedUnit, key: Int64, source: String, changed: Int64?
    ) throws -> [Int64] {
        for statement in deleteChildren { try statement.execute(arguments: [id]) }
        var arguments = unitArguments(prepared, key: key, source: source, changed: changed)
        arguments += [id]
        try updateUnit.execute(arguments: arguments)
        return try insertChildren(of: prepared.unit, unitID: id, rows: prepared.rows, variantIDs: nil)
    }

    /// Inserts props, notes and variants of a unit, the variants with `variantIDs` when given (a
    /// restore), else the ids SQLite chooses; returns the variant ids in order.
    private func insertChildren(of unit: TranslationUnit, unitID: Int64, rows: [VariantRow], variantIDs: [Int64]?) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(rows.count)
        try insertProps(unit.props, owner: "unit", ownerID: unitID)
        try insertNotes(unit.notes, owner: "unit", ownerID: unitID)
        for (position, (variant, row)) in zip(unit.variants, rows).enumerated() {
            insertVariant.bind(variantIDs?[position] ?? nextVariantID, at: 1)  // NULL: SQLite gives the next id
            insertVariant.bind(unitID, at: 2)
            insertVariant.bind(row.language, at: 3)
            insertVariant.bind(row.base, at: 4)
            insertVariant.bind(row.markup, at: 5)
            insertVariant.bind(row.plain, at: 6)
            insertVariant.bind(Int64(row.codes), at: 7)
            insertVariant.bind(row.attributes, at: 8)
            insertVariant.bind(Int64(position), at: 9)
            try insertVariant.runBound(in: db)
            nextVariantID = nil
            let variantID = db.lastInsertedRowID
            ids.append(variantID)
            let index = variantID > fullTextWatermark ? [] : row.isTrigramIndexed ? [indexText, indexTrigram] : [indexText]
            for statement in index {
                statement.bind(variantID, at: 1)
                statement.bind(row.plain, at: 2)
                try statement.runBound(in: db)
            }
            if !variant.props.isEmpty || !variant.notes.isEmpty {
                try insertProps(variant.props, owner: "variant", ownerID: variantID)
                try insertNotes(variant.notes, owner: "variant", ownerID: variantID)
            }
        }
        return ids
    }

    private func insertProps(_ props: [Prop], owner: String, ownerID: Int64) throws {
        for (position, prop) in props.enumerated() {
            insertProp.bind(owner, at: 1)
            insertProp.bind(ownerID, at: 2)
            insertProp.bind(prop.type, at: 3)
            insertProp.bind(prop.value, at: 4)
            insertProp.bind(prop.language?.description, at: 5)
            insertProp.bind(prop.encoding, at: 6)
            insertProp.bind(Int64(position), at: 7)
            try insertProp.runBound(in: db)
        }
    }

    private func insertNotes(_ notes: [Note], owner: String, ownerID: Int64) throws {
        for (position, note) in notes.enumerated() {
            insertNote.bind(owner, at: 1)
            insertNote.bind(ownerID, at: 2)
            insertNote.bind(note.value, at: 3)
            insertNote.bind(note.language?.description, at: 4)
            insertNote.bind(note.encoding, at: 5)
            insertNote.bind(Int64(position), at: 6)
            try insertNote.runBound(in: db)
        }
    }
}
