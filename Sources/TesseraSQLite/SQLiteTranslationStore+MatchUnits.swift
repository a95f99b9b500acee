import GRDB
import TesseraCore
import TesseraStorage
package import TesseraMatching

extension SQLiteTranslationStore {
    /// Reads the match data (``MatchUnit``) of `units`; units that no longer exist are missing from
    /// the result.
    ///
    /// ```swift
    /// let units = try tm.matchUnits([42, 7])
    /// units[42]?.variants.first?.text
    /// ```
    /// - Complexity: three indexed queries per unit.
    package func matchUnits(_ units: [Int64]) throws -> [Int64: MatchUnit] {
        try read { db in try Self.matchUnits(units, db: db) }
    }

    /// The match data of `units` as the transaction of `db` sees them (``matchUnits(_:)``, and
    /// ``SQLiteMatchIndexSnapshot``).
    static func matchUnits(_ units: some Sequence<Int64>, db: Database) throws -> [Int64: MatchUnit] {
        var result: [Int64: MatchUnit] = [:]
        let unitStatement = try db.cachedStatement(sql: "SELECT tuid, origin, attributes FROM unit WHERE id = ?")
        let variantStatement = try db.cachedStatement(
            sql: "SELECT id, lang, plain, codes FROM variant WHERE unitId = ? ORDER BY position, id")
        let propStatement = try db.cachedStatement(
            sql: "SELECT type, value FROM prop WHERE ownerKind = 'unit' AND ownerId = ? ORDER BY position")
        for unit in Set(units) {
            guard let row = try Row.fetchOne(unitStatement, arguments: [unit]) else { continue }
            let attributes = (try? AttributesJSON.decode(row[2] as String?)) ?? []
            let variants = try Row.fetchAll(variantStatement, arguments: [unit]).compactMap { row -> MatchUnit.Variant? in
                guard let language = LanguageTag(row[1] as String) else { return nil }
                return MatchUnit.Variant(id: row[0], language: language, text: row[2], codes: row[3])
            }
            let props = try Row.fetchAll(propStatement, arguments: [unit]).map { Prop(type: $0[0], value: $0[1]) }
            result[unit] = MatchUnit(
                unit: unit, tuid: row[0], origin: Origin(rawValue: row[1]) ?? .imported,
                created: attributes.first { $0.name == "creationdate" }?.value,
                changed: attributes.first { $0.name == "changedate" }?.value, props: props, variants: variants)
        }
        return result
    }
}
