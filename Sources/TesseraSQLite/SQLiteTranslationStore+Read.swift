import GRDB
import TesseraCore
package import TesseraStorage

extension SQLiteTranslationStore {
    /// Up to `limit` units with an id greater than `after` that match `filter`, in id order, read
    /// in one read transaction (one page of ``TranslationStore/forEachUnit(matching:pageSize:_:)``).
    ///
    /// - Complexity: four range queries (units, variants, props, notes) for the page.
    package func unitPage(after: Int64, filter: UnitFilter, limit: Int) throws(StorageError) -> [StoredUnit] {
        try recordPage(after: after, filter: filter, limit: limit).map(\.stored)
    }

    /// Up to `limit` units with an id greater than `after`, in id order, with their variant ids,
    /// read in one read transaction (what a copy reads: ``TranslationStore/unitRecords(after:limit:)``).
    ///
    /// - Complexity: four range queries (units, variants, props, notes) for the page.
    package func unitRecords(after: Int64, limit: Int) throws(StorageError) -> [UnitRecord] {
        try recordPage(after: after, filter: .all, limit: limit)
    }

    /// The one reader of unit pages: units matching `filter` after `after`, with their variant ids.
    private func recordPage(after: Int64, filter: UnitFilter, limit: Int) throws(StorageError) -> [UnitRecord] {
        try read { db in
            let (condition, filterArguments) = filter.sql
            var arguments: StatementArguments = [after]
            arguments += StatementArguments(filterArguments)
            arguments += [limit]
            let unitRows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT id, tuid, srclang, sourceLang, attributes, origin, batchId FROM unit
                    WHERE id > ? AND \(condition) ORDER BY id LIMIT ?
                    """), arguments: arguments)
            guard let first = unitRows.first, let last = unitRows.last else { return [] }
            let low: Int64 = first["id"]
            let high: Int64 = last["id"]

            var variantsByUnit: [Int64: [(id: Int64, variant: Variant)]] = [:]
            var lowVariant = Int64.max
            var highVariant = Int64.min
            let cursor = try Row.fetchCursor(
                db.cachedStatement(sql: """
                    SELECT id, unitId, lang, markup, codes, attributes FROM variant
                    WHERE unitId BETWEEN ? AND ? ORDER BY unitId, position
                    """), arguments: [low, high])
            while let row = try cursor.next() {
                let id: Int64 = row[0]
                let unitID: Int64 = row[1]
                let langText: String = row[2]
                guard let language = LanguageTag(langText) else {
                    throw StorageError(.corruptData, "Variant \(id) has an invalid language tag '\(langText)'.")
                }
                let markup: String = row[3]
                let codes: Int = row[4]
                guard let segment = VariantRow.segment(markup: markup, codes: codes) else {
                    throw StorageError(.corruptData, "Variant \(id) has markup that cannot be read back: \(markup.prefix(80))")
                }
                let variant = Variant(language: language, segment: segment, attributes: try AttributesJSON.decode(row[5]))
                variantsByUnit[unitID, default: []].append((id, variant))
                lowVariant = min(lowVariant, id)
                highVariant = max(highVariant, id)
            }

            let unitProps = try props(db, owner: "unit", low: low, high: high)
            let unitNotes = try notes(db, owner: "unit", low: low, high: high)
            var variantProps: [Int64: [Prop]] = [:]
            var variantNotes: [Int64: [Note]] = [:]
            if lowVariant <= highVariant {
                variantProps = try props(db, owner: "variant", low: lowVariant, high: highVariant)
                variantNotes = try notes(db, owner: "variant", low: lowVariant, high: highVariant)
            }

            return try unitRows.map { row throws(StorageError) -> UnitRecord in
                let id: Int64 = row["id"]
                let sourceText: String = row["sourceLang"]
                guard let source = LanguageTag(sourceText) else {
                    throw StorageError(.corruptData, "Unit \(id) has an invalid source language '\(sourceText)'.")
                }
                let entries = variantsByUnit[id] ?? []
                let variants = entries.map { entry in
                    var variant = entry.variant
                    variant.props = variantProps[entry.id] ?? []
                    variant.notes = variantNotes[entry.id] ?? []
                    return variant
                }
                let unit = TranslationUnit(
                    tuid: row["tuid"], sourceLanguage: (row["srclang"] as String?).flatMap(LanguageTag.init),
                    attributes: try AttributesJSON.decode(row["attributes"]), props: unitProps[id] ?? [],
                    notes: unitNotes[id] ?? [], variants: variants,
                    origin: Origin(rawValue: row["origin"]) ?? .imported)
                return UnitRecord(
                    stored: StoredUnit(id: id, batchID: row["batchId"], sourceLanguage: source, unit: unit),
                    variantIDs: entries.map(\.id))
            }
        }
    }

    private func props(_ db: Database, owner: String, low: Int64, high: Int64) throws -> [Int64: [Prop]] {
        var out: [Int64: [Prop]] = [:]
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT ownerId, type, value, lang, encoding FROM prop
                WHERE ownerKind = ? AND ownerId BETWEEN ? AND ? ORDER BY ownerId, position
                """), arguments: [owner, low, high])
        while let row = try cursor.next() {
            out[row[0], default: []].append(
                Prop(type: row[1], value: row[2], language: (row[3] as String?).flatMap(LanguageTag.init), encoding: row[4]))
        }
        return out
    }

    private func notes(_ db: Database, owner: String, low: Int64, high: Int64) throws -> [Int64: [Note]] {
        var out: [Int64: [Note]] = [:]
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT ownerId, value, lang, encoding FROM note
                WHERE ownerKind = ? AND ownerId BETWEEN ? AND ? ORDER BY ownerId, position
                """), arguments: [owner, low, high])
        while let row = try cursor.next() {
            out[row[0], default: []].append(
                Note(value: row[1], language: (row[2] as String?).flatMap(LanguageTag.init), encoding: row[3]))
        }
        return out
    }
}
