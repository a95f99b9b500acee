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

    /// Where the store stands: one round trip (the variant high-water mark and two `max()` reads
    /// on primary keys).
    package func changePosition() throws -> ChangePosition {
        try read { connection in try Self.changePosition(connection, logger: pool.logger) }
    }

    /// The position seen by `connection` (its transaction's snapshot, if any).
    static func changePosition(_ connection: PostgresConnection, logger: Logger) throws -> ChangePosition {
        let row = try connection.run(
            """
            SELECT greatest((SELECT max(id) FROM variant), (SELECT value::bigint FROM store_meta WHERE key = 'variant_high_water'), 0),
                   coalesce((SELECT max(seq) FROM match_change), 0)
            """, logger: logger
        ).map { try $0.decode((Int64, Int64).self) }.first
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

    /// The match data (``MatchUnit``) of `ids`; units that no longer exist are left out.
    /// - Complexity: three indexed queries in one snapshot, whatever the number of ids.
    package func matchUnits(_ ids: [Int64]) throws -> [Int64: MatchUnit] {
        let ids = Array(Set(ids))
        guard !ids.isEmpty else { return [:] }
        return try snapshot { connection in
            let logger = pool.logger
            var variants: [Int64: [MatchUnit.Variant]] = [:]
            for row in try connection.run(
                "SELECT unit_id, id, lang, plain, codes FROM variant WHERE unit_id = ANY(\(ids)) ORDER BY unit_id, position, id",
                logger: logger)
            {
                let (unit, id, lang, plain, codes) = try row.decode((Int64, Int64, String, String, Int32).self)
                guard let language = LanguageTag(lang) else { continue }
                variants[unit, default: []].append(MatchUnit.Variant(id: id, language: language, text: plain, codes: Int(codes)))
            }
            let props = try Self.props(connection, logger, owner: "unit", ids)
            var result: [Int64: MatchUnit] = [:]
            for row in try connection.run("SELECT id, tuid, origin, attributes FROM unit WHERE id = ANY(\(ids))", logger: logger) {
                let (id, tuid, origin, attributesText) = try row.decode((Int64, String?, String, String?).self)
                let attributes = (try? AttributesJSON.decode(attributesText)) ?? []
                result[id] = MatchUnit(
                    unit: id, tuid: tuid, origin: Origin(rawValue: origin) ?? .imported,
                    created: attributes.first { $0.name == "creationdate" }?.value,
                    changed: attributes.first { $0.name == "changedate" }?.value,
                    props: (props[id] ?? []).map { Prop(type: $0.type, value: $0.value) }, variants: variants[id] ?? [])
            }
            return result
        }
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
