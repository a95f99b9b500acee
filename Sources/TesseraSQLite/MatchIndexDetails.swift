import GRDB
import TesseraStorage
public import TesseraCore

/// What a lookup shows about a candidate unit, read from the database by id after the index found
/// it: the unit's origin, identifiers, dates and context props, and every variant's plain text.
///
/// ```swift
/// let details = try MatchIndexDetails.fetch(tm, units: [42, 7])
/// details[42]?.variants.first?.text
/// ```
public struct MatchIndexDetails: Sendable, Hashable {
    /// One language version of the unit.
    public struct Variant: Sendable, Hashable {
        /// The variant row id.
        public var id: Int64
        /// Its language.
        public var language: LanguageTag
        /// Its plain text (inline codes removed).
        public var text: String
        /// How many inline codes its segment holds.
        public var codes: Int
    }

    /// The unit row id.
    public var unit: Int64
    /// The unit identifier from the TMX file.
    public var tuid: String?
    /// Where the unit came from.
    public var origin: Origin
    /// `creationdate` of the unit, as written in the file.
    public var created: String?
    /// `changedate` of the unit, as written in the file.
    public var changed: String?
    /// Props of the unit (`x-context`, `x-project`, ...), type and value.
    public var props: [Prop]
    /// The variants in document order.
    public var variants: [Variant]

    /// Reads the details of `units`; units that no longer exist are missing from the result.
    /// - Complexity: three indexed queries per unit.
    public static func fetch(_ tm: SQLiteTranslationStore, units: [Int64]) throws -> [Int64: MatchIndexDetails] {
        try tm.read { db in
            var result: [Int64: MatchIndexDetails] = [:]
            let unitStatement = try db.cachedStatement(sql: "SELECT tuid, origin, attributes FROM unit WHERE id = ?")
            let variantStatement = try db.cachedStatement(
                sql: "SELECT id, lang, plain, codes FROM variant WHERE unitId = ? ORDER BY position, id")
            let propStatement = try db.cachedStatement(
                sql: "SELECT type, value FROM prop WHERE ownerKind = 'unit' AND ownerId = ? ORDER BY position")
            for unit in Set(units) {
                guard let row = try Row.fetchOne(unitStatement, arguments: [unit]) else { continue }
                let attributes = (try? AttributesJSON.decode(row[2] as String?)) ?? []
                let variants = try Row.fetchAll(variantStatement, arguments: [unit]).compactMap { row -> Variant? in
                    guard let language = LanguageTag(row[1] as String) else { return nil }
                    return Variant(id: row[0], language: language, text: row[2], codes: row[3])
                }
                let props = try Row.fetchAll(propStatement, arguments: [unit]).map { Prop(type: $0[0], value: $0[1]) }
                result[unit] = MatchIndexDetails(
                    unit: unit, tuid: row[0], origin: Origin(rawValue: row[1]) ?? .imported,
                    created: attributes.first { $0.name == "creationdate" }?.value,
                    changed: attributes.first { $0.name == "changedate" }?.value, props: props, variants: variants)
            }
            return result
        }
    }
}
