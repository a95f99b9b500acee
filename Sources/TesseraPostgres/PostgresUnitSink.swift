import Logging
import PostgresNIO
import TesseraCore
import TesseraStorage

/// The PostgreSQL ``UnitWriter``: receives the units of one write inside its transaction (which
/// holds the schema's write lock) and writes them in chunks of ``chunkSize`` units.
///
/// For each chunk:
/// 1. under every policy but `add`, ONE query fetches the stored units whose duplicate key is
///    one of the chunk's (``DuplicateKey``); the chunk's own units are candidates too, in memory,
///    so a file's own duplicates follow the policy exactly as stored ones do;
/// 2. each unit is decided in order (skip, replace, insert), ids are handed out (unit and variant
///    ids above every id ever given: `store_meta` keeps the high-water marks), the counts
///    (``MemoryCountChanges``) and the observer are told;
/// 3. the replaced stored units are deleted (rows of `match_change` record them), and the rows
///    of every unit written are streamed with `COPY` into `unit`, `variant`, `prop`, `note`
///    (one table after the other: one COPY at a time per connection).
///
/// So memory holds one chunk whatever the size of the file, and a chunk costs a handful of round
/// trips. The report's `added`, `replaced` and `skippedDuplicates` move, and the observer hears
/// of the units, when their chunk is decided: when it is full, at the end of the batch, or when
/// the body throws (``abandon()``); `received` moves at once.
final class PostgresUnitSink: UnitWriter, RestoreSink {
    /// Units per chunk (``PostgresTranslationStore/importChunkSize``).
    static var chunkSize: Int { PostgresTranslationStore.importChunkSize }

    /// What has been written so far.
    private(set) var report: WriteReport
    /// Told of every unit written, if any.
    var observer: (any UnitWriteObserver)?

    private let connection: PostgresConnection
    private let logger: Logger
    private let policy: DuplicatePolicy
    private let headerSource: LanguageTag?
    private var counts = MemoryCountChanges()
    private var nextUnitID: Int64
    private var nextVariantID: Int64
    /// The high-water marks when the write began (rewritten by ``finish()`` when they rose).
    private let variantHighWater: Int64
    /// The highest variant id removed by this write.
    private var removedVariantTop: Int64 = 0
    /// The units of a restore waiting to be written (``restore(_:of:)``).
    private var restoring: [Row] = []
    /// The units waiting for the next chunk.
    private var incoming: [(prepared: PreparedUnit, source: String, key: DuplicateKey)] = []

    /// A unit the chunk may find as a duplicate: a stored one, or one written by the chunk.
    private struct Candidate {
        var id: Int64
        var tuid: String?
        var source: String
        var batch: Int64
        var changed: Int64?
        var pairs: [VariantPair]
        /// Whether its rows are in the table (they are deleted when it is replaced).
        var stored: Bool
    }

    /// A unit to write with its ids.
    private struct Row {
        var id: Int64
        /// The batch the unit belongs to (the write's, or a restored unit's own).
        var batch: Int64
        var prepared: PreparedUnit
        var source: String
        var key: Int64
        var variantIDs: [Int64]
    }

    /// Starts a write: reads the ids to hand out and writes the batch row, or none when `batch`
    /// is `nil` (a deletion).
    init(connection: PostgresConnection, logger: Logger, batch: ImportBatch?, policy: DuplicatePolicy) throws {
        self.connection = connection
        self.logger = logger
        self.policy = policy
        headerSource = batch?.header?.sourceLanguage
        let marks = try connection.run(
            """
            SELECT (SELECT max(id) FROM unit), NULL::bigint,
                   (SELECT max(id) FROM variant), (SELECT value::bigint FROM store_meta WHERE key = 'variant_high_water')
            """, logger: logger
        ).map { try $0.decode((Int64?, Int64?, Int64?, Int64?).self) }.first
        variantHighWater = marks?.3 ?? 0
        // Unit ids as SQLite gives them: above the highest stored (a deleted highest unit's id may
        // come again; variant ids never do, the change feed finds new variants by them).
        nextUnitID = (marks?.0 ?? 0) + 1
        nextVariantID = max(marks?.2 ?? 0, variantHighWater) + 1
        if let batch {
            let id = try connection.run(
                """
                INSERT INTO import_batch (id, kind, file_path, file_name, started_at, header)
                VALUES ((SELECT coalesce(max(id), 0) + 1 FROM import_batch), \(batch.kind.rawValue), \(batch.filePath),
                        \(batch.fileName), \(ImportBatch.timestamp()), \(batch.headerJSON))
                RETURNING id
                """, logger: logger
            ).map { try $0.decode(Int64.self) }.first ?? 0
            report = WriteReport(batchID: id)
        } else {
            report = WriteReport(batchID: 0)
        }
    }

    /// Takes one unit; a unit without variants is skipped and counted in ``WriteReport/skippedEmpty``.
    func add(_ unit: TranslationUnit) throws {
        try add(PreparedUnit(unit, headerSource: headerSource))
    }

    /// Takes one unit prepared in advance (``PreparedUnit``).
    func add(_ prepared: PreparedUnit) throws {
        report.received += 1
        guard let (source, key) = prepared.identity(headerSource: headerSource) else {
            report.skippedEmpty += 1
            return
        }
        incoming.append((prepared, source, key))
        if incoming.count >= Self.chunkSize { try flush() }
    }

    /// Adds `prepared` as a new unit with no duplicate check (``TranslationStore/addUnit(_:batch:)``).
    /// - Returns: its id.
    func insert(_ prepared: PreparedUnit) throws -> Int64 {
        report.received += 1
        guard let (source, key) = prepared.identity(headerSource: headerSource) else {
            preconditionFailure("A unit added on its own must have a variant.")
        }
        let row = insertRow(prepared, source: source, key: key.value)
        try write([row], removing: [])
        return row.id
    }

    /// Replaces the stored unit `id` (``TranslationStore/replaceUnit(id:with:batch:)``).
    /// - Returns: `false` when there is no unit `id`.
    func replace(_ id: Int64, with prepared: PreparedUnit) throws -> Bool {
        guard let stored = try candidates("u.id = ANY($1)", [id]).first?.value.first else { return false }
        report.received += 1
        guard let (source, key) = prepared.identity(headerSource: headerSource) else {
            preconditionFailure("A replacing unit must have a variant.")
        }
        var candidate = stored
        let row = replaceRow(&candidate, with: prepared, source: source, key: key.value)
        try write([row], removing: [id])
        return true
    }

    /// Deletes the stored unit `id` (``TranslationStore/deleteUnit(id:)``).
    /// - Returns: `false` when there is no unit `id`.
    func delete(_ id: Int64) throws -> Bool {
        guard let stored = try candidates("u.id = ANY($1)", [id]).first?.value.first else { return false }
        observer?.unitRemoved(id)
        counts.count(batch: stored.batch, source: stored.source, languages: stored.pairs.map(\.language), sign: -1)
        try write([], removing: [id])
        return true
    }

    /// Writes the units waiting, then the counts, the high-water marks and the batch's finish time.
    func finish() throws {
        try flush()
        try writeRestored()
        let languages = counts.languages.filter { $0.value != 0 }
        if !languages.isEmpty {
            try connection.run(
                """
                INSERT INTO language_count (lang, variants) SELECT * FROM unnest(\(Array(languages.keys)), \(languages.values.map { Int64($0) }))
                ON CONFLICT (lang) DO UPDATE SET variants = language_count.variants + excluded.variants
                """, logger: logger)
            try connection.run("DELETE FROM language_count WHERE variants = 0", logger: logger)
        }
        let pairs = counts.pairs.filter { $0.value != 0 }
        if !pairs.isEmpty {
            try connection.run(
                """
                INSERT INTO pair_count (source_lang, target_lang, units)
                SELECT * FROM unnest(\(pairs.keys.map(\.source)), \(pairs.keys.map(\.target)), \(pairs.values.map { Int64($0) }))
                ON CONFLICT (source_lang, target_lang) DO UPDATE SET units = pair_count.units + excluded.units
                """, logger: logger)
            try connection.run("DELETE FROM pair_count WHERE units = 0", logger: logger)
        }
        let batches = counts.batches.filter { $0.value != 0 }
        if !batches.isEmpty {
            try connection.run(
                """
                UPDATE import_batch SET units = import_batch.units + c.n
                FROM unnest(\(Array(batches.keys)), \(batches.values.map { Int64($0) })) AS c(id, n) WHERE import_batch.id = c.id
                """, logger: logger)
        }
        let variantTop = max(nextVariantID - 1, removedVariantTop)
        for (key, old, new) in [("variant_high_water", variantHighWater, variantTop)] where new > old {
            try connection.run(
                """
                INSERT INTO store_meta (key, value) VALUES (\(key), \(String(new)))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: logger)
        }
        if report.batchID != 0 {
            try connection.run(
                "UPDATE import_batch SET finished_at = \(ImportBatch.timestamp()) WHERE id = \(report.batchID)", logger: logger)
        }
    }

    // MARK: - Restore

    /// Writes a batch read out of another store with its id, times and header; its unit count
    /// starts at 0 and follows the units restored into it.
    func restore(_ batch: StoredBatch) throws {
        try connection.run(
            """
            INSERT INTO import_batch (id, kind, file_path, file_name, started_at, finished_at, header, units)
            VALUES (\(batch.id), \(batch.batch.kind.rawValue), \(batch.batch.filePath), \(batch.fileName), \(batch.startedAt),
                    \(batch.finishedAt), \(batch.batch.headerJSON), 0)
            """, logger: logger)
    }

    /// Writes a unit read out of another store with its ids, batch and effective source language,
    /// with no duplicate check; its duplicate key is made from that source language, as the import
    /// that first wrote it made it. Written by chunk, as an import's units.
    func restore(_ prepared: PreparedUnit, of record: UnitRecord) throws {
        report.received += 1
        let source = record.stored.sourceLanguage.description
        let key = DuplicateKey(tuid: prepared.unit.tuid, source: source, pairs: prepared.pairs, contentHash: prepared.hash)
        let row = Row(
            id: record.stored.id, batch: record.stored.batchID, prepared: prepared, source: source, key: key.value,
            variantIDs: record.variantIDs)
        counts.count(batch: row.batch, source: source, languages: prepared.rows.map(\.language), sign: 1)
        nextUnitID = max(nextUnitID, row.id + 1)
        nextVariantID = max(nextVariantID, (record.variantIDs.max() ?? 0) + 1)
        report.added += 1
        restoring.append(row)
        if restoring.count >= Self.chunkSize { try writeRestored() }
    }

    private func writeRestored() throws {
        guard !restoring.isEmpty else { return }
        try write(restoring, removing: [])
        restoring.removeAll(keepingCapacity: true)
    }

    // MARK: - Chunks

    /// Decides and writes the units waiting.
    private func flush() throws {
        let (rows, removing) = try decide()
        try write(rows, removing: removing)
    }

    /// The batch is being rolled back (its body threw): the units waiting are decided, so the
    /// observer hears of them before it hears of the rollback (as it would have, had their chunk
    /// been full), but nothing is written. A failure of the look-up is ignored: the batch fails.
    func abandon() {
        _ = try? decide()
    }

    /// Decides the units waiting (skip, replace, insert) and empties the chunk: ids handed out,
    /// counts and observer told.
    /// - Returns: the rows to write and the stored units to delete first.
    private func decide() throws -> (rows: [Row], removing: [Int64]) {
        guard !incoming.isEmpty else { return ([], []) }
        let chunk = incoming
        incoming.removeAll(keepingCapacity: true)
        var known: [Int64: [Candidate]] = [:]
        if policy != .add {
            known = try candidates("u.duplicate_key = ANY($1)", Array(Set(chunk.map(\.key.value))))
        }
        var rows: [Row] = []
        var rowIndex: [Int64: Int] = [:]
        var removing: [Int64] = []
        for (prepared, source, key) in chunk {
            if policy != .add, let index = known[key.value]?.firstIndex(where: {
                key.matches(tuid: $0.tuid, sourceLanguage: $0.source, pairs: $0.pairs)
            }) {
                guard policy.replaces(stored: known[key.value]![index].changed, with: prepared.changed) else {
                    report.skippedDuplicates += 1
                    continue
                }
                if known[key.value]![index].stored {
                    known[key.value]![index].stored = false
                    removing.append(known[key.value]![index].id)
                }
                let row = replaceRow(&known[key.value]![index], with: prepared, source: source, key: key.value)
                if let earlier = rowIndex[row.id] { rows[earlier] = row } else {
                    rowIndex[row.id] = rows.count
                    rows.append(row)
                }
                continue
            }
            let row = insertRow(prepared, source: source, key: key.value)
            rowIndex[row.id] = rows.count
            rows.append(row)
            if policy != .add {
                known[key.value, default: []].append(
                    Candidate(id: row.id, tuid: prepared.unit.tuid, source: source, batch: report.batchID,
                              changed: prepared.changed, pairs: prepared.pairs, stored: false))
            }
        }
        return (rows, removing)
    }

    /// A new unit: its ids handed out, counted, the observer told.
    private func insertRow(_ prepared: PreparedUnit, source: String, key: Int64) -> Row {
        let id = nextUnitID
        nextUnitID += 1
        let row = Row(
            id: id, batch: report.batchID, prepared: prepared, source: source, key: key, variantIDs: newVariantIDs(prepared.rows.count))
        counts.count(batch: report.batchID, source: source, languages: prepared.rows.map(\.language), sign: 1)
        observer?.unitAdded(id, variantIDs: row.variantIDs, analyses: prepared.matchAnalyses)
        report.added += 1
        return row
    }

    /// `candidate` replaced by `prepared`: the old content uncounted, the new counted, the observer
    /// told, the candidate updated (a later unit of the chunk may duplicate it).
    private func replaceRow(_ candidate: inout Candidate, with prepared: PreparedUnit, source: String, key: Int64) -> Row {
        observer?.unitRemoved(candidate.id)
        counts.count(batch: candidate.batch, source: candidate.source, languages: candidate.pairs.map(\.language), sign: -1)
        let row = Row(
            id: candidate.id, batch: report.batchID, prepared: prepared, source: source, key: key,
            variantIDs: newVariantIDs(prepared.rows.count))
        counts.count(batch: report.batchID, source: source, languages: prepared.rows.map(\.language), sign: 1)
        observer?.unitAdded(candidate.id, variantIDs: row.variantIDs, analyses: prepared.matchAnalyses)
        candidate = Candidate(
            id: candidate.id, tuid: prepared.unit.tuid, source: source, batch: report.batchID, changed: prepared.changed,
            pairs: prepared.pairs, stored: candidate.stored)
        report.replaced += 1
        return row
    }

    private func newVariantIDs(_ count: Int) -> [Int64] {
        defer { nextVariantID += Int64(count) }
        return (0..<Int64(count)).map { nextVariantID + $0 }
    }

    /// The stored units matching `condition` on `unit u` (`$1` is `values`), by duplicate key,
    /// each in id order with its variant pairs in position order.
    private func candidates(_ condition: String, _ values: [Int64]) throws -> [Int64: [Candidate]] {
        var query = PostgresQuery(unsafeSQL: """
            SELECT u.id, u.duplicate_key, u.tuid, u.source_lang, u.batch_id, u.changedate, v.lang, v.markup
            FROM unit u LEFT JOIN variant v ON v.unit_id = u.id WHERE \(condition) ORDER BY u.id, v.position
            """)
        query.binds.append(values)
        var result: [Int64: [Candidate]] = [:]
        var current: (key: Int64, candidate: Candidate)?
        for row in try connection.run(query, logger: logger) {
            let (id, key, tuid, source, batch, changed, lang, markup) = try row.decode(
                (Int64, Int64, String?, String, Int64, Int64?, String?, String?).self)
            if current?.candidate.id != id {
                if let current { result[current.key, default: []].append(current.candidate) }
                current = (key, Candidate(id: id, tuid: tuid, source: source, batch: batch, changed: changed, pairs: [], stored: true))
            }
            if let lang, let markup { current?.candidate.pairs.append(VariantPair(language: lang, markup: markup)) }
        }
        if let current { result[current.key, default: []].append(current.candidate) }
        return result
    }

    /// Deletes the stored units `removing` (recorded in the change feed), then streams `rows`.
    private func write(_ rows: [Row], removing: [Int64]) throws {
        if !removing.isEmpty {
            for statement in [
                "DELETE FROM prop WHERE owner_kind = 'variant' AND owner_id IN (SELECT id FROM variant WHERE unit_id = ANY($1))",
                "DELETE FROM note WHERE owner_kind = 'variant' AND owner_id IN (SELECT id FROM variant WHERE unit_id = ANY($1))",
                "DELETE FROM prop WHERE owner_kind = 'unit' AND owner_id = ANY($1)",
                "DELETE FROM note WHERE owner_kind = 'unit' AND owner_id = ANY($1)",
                "DELETE FROM unit WHERE id = ANY($1)",
            ] {
                var query = PostgresQuery(unsafeSQL: statement)
                query.binds.append(removing)
                try connection.run(query, logger: logger)
            }
            let top = try connection.run(
                "WITH gone AS (DELETE FROM variant WHERE unit_id = ANY(\(removing)) RETURNING id) SELECT max(id) FROM gone",
                logger: logger
            ).map { try $0.decode(Int64?.self) }.first ?? nil
            removedVariantTop = max(removedVariantTop, top ?? 0)
            try connection.run(
                """
                INSERT INTO match_change (seq, unit_id)
                SELECT s.top + t.n, t.unit FROM unnest(\(removing)) WITH ORDINALITY AS t(unit, n),
                    (SELECT coalesce(max(seq), 0) AS top FROM match_change) AS s
                """, logger: logger)
        }
        guard !rows.isEmpty else { return }
        try copy("unit", ["id", "tuid", "srclang", "source_lang", "attributes", "origin", "batch_id", "changedate", "duplicate_key"]) { copy in
            for row in rows {
                let unit = row.prepared.unit
                try copy.append([
                    .bigint(row.id), .text(unit.tuid), .text(unit.sourceLanguage?.description), .text(row.source),
                    .text(row.prepared.attributes), .text(unit.origin.rawValue), .bigint(row.batch), .bigint(row.prepared.changed),
                    .bigint(row.key),
                ])
            }
        }
        try copy("variant", ["id", "unit_id", "lang", "base", "markup", "plain", "codes", "attributes", "position"]) { copy in
            for row in rows {
                for (position, (variant, id)) in zip(row.prepared.rows, row.variantIDs).enumerated() {
                    try copy.append([
                        .bigint(id), .bigint(row.id), .text(variant.language), .text(variant.base), .text(variant.markup),
                        .text(variant.plain), .integer(Int32(clamping: variant.codes)), .text(variant.attributes),
                        .integer(Int32(clamping: position)),
                    ])
                }
            }
        }
        let props = rows.contains { !$0.prepared.unit.props.isEmpty || $0.prepared.unit.variants.contains { !$0.props.isEmpty } }
        if props {
            try copy("prop", ["owner_kind", "owner_id", "type", "value", "lang", "encoding", "position"]) { copy in
                func append(_ props: [Prop], _ kind: String, _ owner: Int64) throws {
                    for (position, prop) in props.enumerated() {
                        try copy.append([
                            .text(kind), .bigint(owner), .text(prop.type), .text(prop.value), .text(prop.language?.description),
                            .text(prop.encoding), .integer(Int32(clamping: position)),
                        ])
                    }
                }
                for row in rows {
                    try append(row.prepared.unit.props, "unit", row.id)
                    for (variant, id) in zip(row.prepared.unit.variants, row.variantIDs) { try append(variant.props, "variant", id) }
                }
            }
        }
        let notes = rows.contains { !$0.prepared.unit.notes.isEmpty || $0.prepared.unit.variants.contains { !$0.notes.isEmpty } }
        if notes {
            try copy("note", ["owner_kind", "owner_id", "value", "lang", "encoding", "position"]) { copy in
                func append(_ notes: [Note], _ kind: String, _ owner: Int64) throws {
                    for (position, note) in notes.enumerated() {
                        try copy.append([
                            .text(kind), .bigint(owner), .text(note.value), .text(note.language?.description), .text(note.encoding),
                            .integer(Int32(clamping: position)),
                        ])
                    }
                }
                for row in rows {
                    try append(row.prepared.unit.notes, "unit", row.id)
                    for (variant, id) in zip(row.prepared.unit.variants, row.variantIDs) { try append(variant.notes, "variant", id) }
                }
            }
        }
    }

    /// One COPY into `table`, fed by `body`; cancelled when `body` throws.
    private func copy(_ table: String, _ columns: [String], _ body: (PostgresCopy) throws -> Void) throws {
        let copy = PostgresCopy(connection: connection, table: table, columns: columns, logger: logger)
        do {
            try body(copy)
            try copy.finish()
        } catch {
            copy.cancel()
            throw error
        }
    }
}
