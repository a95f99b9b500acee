import Logging
import PostgresNIO
import TesseraCore
package import TesseraMatching
package import TesseraStorage

/// The PostgreSQL side of the match index: the change position, the changed units, the
/// variants of a unit, the full scan and the unit data a match shows.
///
/// The postings live in a local side file of each serving process (``matchIndexLocation``). The
/// database keeps what the side file needs to catch up: `match_change`, a log of the units whose
/// variants were replaced or deleted (written by ``PostgresUnitSink`` in the same transaction),
/// and the variant ids (new variants have ids above every id ever given).
extension PostgresTranslationStore {
    /// Nothing to do: `match_change` is part of the memory's first migration.
    package func prepareChangeFeed() throws {}

    /// `true`: a unit read is a round trip to the server (0.2-0.3 ms on loopback, more across a
    /// network), so each reading process keeps the units' match data beside its side file and a
    /// lookup reads from the database only the units changed since that copy was written.
    package var keepsLocalUnitCopy: Bool { true }

    /// Where the store stands: one round trip (the variant high-water mark and two `max()` reads
    /// on primary keys).
    package func changePosition() throws -> ChangePosition {
        try read { connection in try Self.changePosition(connection, logger: pool.logger) }
    }

    /// The SQL of the position: the highest variant id ever given and the last change-log sequence.
    ///
    /// The highest variant id is the committed `variant_high_water` mark, which every write
    /// (``PostgresUnitSink/finish()``, restores included) raises to the highest id it gave, in its
    /// own transaction; `max(variant.id)` only for a memory without the mark (no variant was ever
    /// written). Not `max(id)` always: while an import's transaction is open, that backward index
    /// scan walks over every entry the import has written so far (not visible, each checked), 60-250
    /// ms per recheck during a 1M-variant import, where the mark is one primary-key read.
    static let positionColumns = """
        greatest(coalesce((SELECT value::bigint FROM store_meta WHERE key = 'variant_high_water'), (SELECT max(id) FROM variant)), 0),
        coalesce((SELECT max(seq) FROM match_change), 0)
        """

    /// The position seen by `connection` (its transaction's snapshot, if any).
    static func changePosition(_ connection: PostgresConnection, logger: Logger) throws -> ChangePosition {
        let row = try connection.run(PostgresQuery(unsafeSQL: "SELECT \(positionColumns)"), logger: logger)
            .map { try $0.decode((Int64, Int64).self) }.first
        return ChangePosition(maxVariant: row?.0 ?? 0, sequence: row?.1 ?? 0)
    }

    /// Runs `body` in one REPEATABLE READ, READ ONLY transaction. Errors of `body` are rethrown
    /// unchanged; server errors become ``StorageError``.
    package func withSnapshot<T>(_ body: (any MatchIndexSnapshot) throws -> T) throws -> T {
        let bodyError = Locked<(any Error)?>(nil)
        do {
            return try snapshot { connection in
                do {
                    return try body(PostgresMatchIndexSnapshot(connection: connection, logger: pool.logger))
                } catch let error as StorageError {
                    throw error
                } catch {
                    bodyError.set(error)
                    throw error
                }
            }
        } catch {
            throw bodyError.withLock { $0 } ?? (error as any Error)
        }
    }

    /// The match data (``MatchUnit``) of `ids`; units that no longer exist are left out. A
    /// serving process asks only for the units its ``MatchIndexStore`` does not hold yet
    /// (``MatchIndexStore/matchUnits(_:)``).
    /// - Complexity: one round trip, one statement (one snapshot), whatever the number of ids; a
    ///   prepared statement (``MatchUnitsStatement``), as it runs once per lookup.
    package func matchUnits(_ ids: [Int64]) throws -> [Int64: MatchUnit] {
        guard !ids.isEmpty else { return [:] }
        return try read { connection in
            try PostgresMatchIndexSnapshot(connection: connection, logger: pool.logger).matchUnits(ids)
        }
    }

    /// The statement of ``matchUnits(_:)``, prepared once per connection: with the extended
    /// protocol PostgreSQL parses and plans it at each call, 0.27 ms of a 0.39 ms call on loopback
    /// (`pgbench -M extended`); prepared, the call takes 0.18 ms (`-M prepared`).
    struct MatchUnitsStatement: PostgresPreparedStatement {
        /// Each unit's row with its variants and props gathered into arrays.
        static let sql = selection + "WHERE u.id = ANY($1)"

        /// The columns and joins of a unit's row, before its `WHERE`.
        static let selection = """
            SELECT u.id, u.tuid, u.origin, u.attributes,
                coalesce(v.ids, '{}'), coalesce(v.langs, '{}'), coalesce(v.plains, '{}'), coalesce(v.codes, '{}'),
                coalesce(p.types, '{}'), coalesce(p.vals, '{}')
            FROM unit u
            LEFT JOIN LATERAL (
                SELECT array_agg(id ORDER BY position, id) AS ids, array_agg(lang ORDER BY position, id) AS langs,
                    array_agg(plain ORDER BY position, id) AS plains, array_agg(codes ORDER BY position, id) AS codes
                FROM variant WHERE unit_id = u.id) v ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(type ORDER BY position) AS types, array_agg(value ORDER BY position) AS vals
                FROM prop WHERE owner_kind = 'unit' AND owner_id = u.id) p ON true

            """
        /// A unit: id, tuid, origin, attributes, then its variants' ids, languages, texts and code
        /// counts, then its props' types and values.
        typealias Row = (Int64, String?, String, String?, [Int64], [String], [String], [Int32], [String], [String])

        /// The units to read.
        var ids: [Int64]

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(ids)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode(Row.self)
        }
    }

    /// A page of ``MatchUnitsStatement``'s rows in increasing unit id: the units after `after`,
    /// at most `limit` (the full scan of ``PostgresMatchIndexSnapshot/forEachMatchUnit(_:)``).
    struct MatchUnitPageStatement: PostgresPreparedStatement {
        static let sql = MatchUnitsStatement.selection + "WHERE u.id > $1 ORDER BY u.id LIMIT $2"
        typealias Row = MatchUnitsStatement.Row

        /// The last unit of the page before.
        var after: Int64
        /// Units per page.
        var limit: Int64

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(after)
            bindings.append(limit)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode(Row.self)
        }
    }

    /// The match units of the rows of ``MatchUnitsStatement``.
    static func matchUnits(rows: [MatchUnitsStatement.Row]) -> [Int64: MatchUnit] {
        var result: [Int64: MatchUnit] = [:]
        for (id, tuid, origin, attributesText, variantIDs, langs, plains, codes, propTypes, propValues) in rows {
            var variants: [MatchUnit.Variant] = []
            variants.reserveCapacity(variantIDs.count)
            for index in variantIDs.indices where index < langs.count && index < plains.count && index < codes.count {
                guard let language = LanguageTag(langs[index]) else { continue }
                variants.append(
                    MatchUnit.Variant(id: variantIDs[index], language: language, text: plains[index], codes: Int(codes[index])))
            }
            let attributes = (try? AttributesJSON.decode(attributesText)) ?? []
            result[id] = MatchUnit(
                unit: id, tuid: tuid, origin: Origin(rawValue: origin) ?? .imported,
                created: attributes.first { $0.name == "creationdate" }?.value,
                changed: attributes.first { $0.name == "changedate" }?.value,
                props: zip(propTypes, propValues).map { Prop(type: $0, value: $1) }, variants: variants)
        }
        return result
    }
}

/// A REPEATABLE READ transaction of a PostgreSQL memory seen as a ``MatchIndexSnapshot``.
struct PostgresMatchIndexSnapshot: MatchIndexSnapshot {
    let connection: PostgresConnection
    let logger: Logger

    /// Variant rows per page of ``forEachUnit(_:)``.
    static let pageSize: Int64 = 20_000

    var position: ChangePosition {
        get throws { try PostgresTranslationStore.changePosition(connection, logger: logger) }
    }

    func changedUnits(since position: ChangePosition) throws -> Set<Int64> {
        Set(
            try connection.run(
                """
                SELECT unit_id FROM match_change WHERE seq > \(position.sequence)
                UNION ALL SELECT unit_id FROM variant WHERE id > \(position.maxVariant)
                """, logger: logger
            ).map { try $0.decode(Int64.self) })
    }

    func matchUnits(_ ids: [Int64]) throws -> [Int64: MatchUnit] {
        let ids = Array(Set(ids))
        guard !ids.isEmpty else { return [:] }
        return PostgresTranslationStore.matchUnits(
            rows: try connection.run(prepared: PostgresTranslationStore.MatchUnitsStatement(ids: ids), logger: logger))
    }

    /// Units per page of ``forEachMatchUnit(_:)``.
    static let unitPageSize: Int64 = 10_000

    /// Pages of ``unitPageSize`` units by id, each one statement (about 8 µs a unit on the
    /// server once its pages are cached).
    func forEachMatchUnit(_ body: (MatchUnit) throws -> Void) throws {
        var after = Int64.min
        while true {
            let rows = try connection.run(
                prepared: PostgresTranslationStore.MatchUnitPageStatement(after: after, limit: Self.unitPageSize), logger: logger)
            let units = PostgresTranslationStore.matchUnits(rows: rows)
            for row in rows {
                if let unit = units[row.0], !unit.variants.isEmpty { try body(unit) }
            }
            guard rows.count == Self.unitPageSize, let last = rows.last?.0 else { return }
            after = last
        }
    }

    func variants(ofUnit unit: Int64) throws -> [IndexedVariant] {
        try connection.run("SELECT id, lang, plain FROM variant WHERE unit_id = \(unit) ORDER BY id", logger: logger).map { row in
            let (id, lang, plain) = try row.decode((Int64, String, String).self)
            return IndexedVariant(id: id, language: lang, text: plain)
        }
    }

    /// Reads the variants in pages of ``pageSize`` rows by `(unit_id, id)`, so memory stays
    /// bounded; a unit split between two pages is passed on whole.
    func forEachUnit(_ body: (Int64, [IndexedVariant]) throws -> Void) throws {
        var after = (unit: Int64.min, id: Int64.min)
        var currentUnit: Int64 = -1
        var variants: [IndexedVariant] = []
        while true {
            let rows = try connection.run(
                """
                SELECT unit_id, id, lang, plain FROM variant WHERE (unit_id, id) > (\(after.unit), \(after.id))
                ORDER BY unit_id, id LIMIT \(Self.pageSize)
                """, logger: logger
            ).map { try $0.decode((Int64, Int64, String, String).self) }
            for (unit, id, lang, plain) in rows {
                if unit != currentUnit {
                    if !variants.isEmpty { try body(currentUnit, variants) }
                    variants.removeAll(keepingCapacity: true)
                    currentUnit = unit
                }
                variants.append(IndexedVariant(id: id, language: lang, text: plain))
                after = (unit, id)
            }
            if rows.count < Self.pageSize { break }
        }
        if !variants.isEmpty { try body(currentUnit, variants) }
    }
}
