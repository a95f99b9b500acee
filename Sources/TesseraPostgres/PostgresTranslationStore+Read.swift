import Logging
import PostgresNIO
import TesseraCore
package import TesseraStorage

extension PostgresTranslationStore {
    /// Up to `limit` units with an id greater than `after` that match `filter`, in id order, read
    /// in one snapshot (one page of ``TranslationStore/forEachUnit(matching:pageSize:_:)``).
    ///
    /// Languages match by primary subtag (`variant.base`); a wildcard asks nothing.
    ///
    /// - Complexity: four indexed queries (units, variants, props, notes) for the page.
    package func unitPage(after: Int64, filter: UnitFilter, limit: Int) throws(StorageError) -> [StoredUnit] {
        try recordPage(after: after, filter: filter, limit: limit).map(\.stored)
    }

    /// Up to `limit` units after `after` with their variant ids, in id order, in one snapshot:
    /// what a copy reads (``TranslationStore/unitRecords(after:limit:)``).
    package func unitRecords(after: Int64, limit: Int) throws(StorageError) -> [UnitRecord] {
        try recordPage(after: after, filter: .all, limit: limit)
    }

    /// The one reader of unit pages: units matching `filter` after `after`, with their variant ids.
    private func recordPage(after: Int64, filter: UnitFilter, limit: Int) throws(StorageError) -> [UnitRecord] {
        let source = filter.source.flatMap { $0.isWildcard ? nil : $0.language }
        let targets = Array(Set(filter.targets.filter { !$0.isWildcard }.map(\.language))).sorted()
        return try snapshot { connection in
            let logger = pool.logger
            let units = try connection.run(
                """
                SELECT id, tuid, srclang, source_lang, attributes, origin, batch_id FROM unit
                WHERE id > \(after)
                  AND (\(source)::text IS NULL OR EXISTS (SELECT 1 FROM variant v WHERE v.unit_id = unit.id AND v.base = \(source)))
                  AND (cardinality(\(targets)::text[]) = 0
                       OR EXISTS (SELECT 1 FROM variant v WHERE v.unit_id = unit.id AND v.base = ANY(\(targets))))
                ORDER BY id LIMIT \(Int64(limit))
                """, logger: logger
            ).map { try $0.decode((Int64, String?, String?, String, String?, String, Int64).self) }
            guard !units.isEmpty else { return [] }
            let ids = units.map(\.0)

            var variantsByUnit: [Int64: [(id: Int64, variant: Variant)]] = [:]
            var variantIDs: [Int64] = []
            for row in try connection.run(
                "SELECT id, unit_id, lang, markup, codes, attributes FROM variant WHERE unit_id = ANY(\(ids)) ORDER BY unit_id, position",
                logger: logger)
            {
                let (id, unitID, langText, markup, codes, attributes) = try row.decode((Int64, Int64, String, String, Int32, String?).self)
                guard let language = LanguageTag(langText) else {
                    throw StorageError(.corruptData, "Variant \(id) has an invalid language tag '\(langText)'.")
                }
                guard let segment = VariantRow.segment(markup: markup, codes: Int(codes)) else {
                    throw StorageError(.corruptData, "Variant \(id) has markup that cannot be read back: \(markup.prefix(80))")
                }
                let variant = Variant(language: language, segment: segment, attributes: try AttributesJSON.decode(attributes))
                variantsByUnit[unitID, default: []].append((id, variant))
                variantIDs.append(id)
            }
            let unitProps = try Self.props(connection, logger, owner: "unit", ids)
            let unitNotes = try Self.notes(connection, logger, owner: "unit", ids)
            let variantProps = try Self.props(connection, logger, owner: "variant", variantIDs)
            let variantNotes = try Self.notes(connection, logger, owner: "variant", variantIDs)

            return try units.map { row throws(StorageError) -> UnitRecord in
                let (id, tuid, srclang, sourceText, attributes, origin, batchID) = row
                guard let source = LanguageTag(sourceText) else {
                    throw StorageError(.corruptData, "Unit \(id) has an invalid source language '\(sourceText)'.")
                }
                let variants = (variantsByUnit[id] ?? []).map { entry in
                    var variant = entry.variant
                    variant.props = variantProps[entry.id] ?? []
                    variant.notes = variantNotes[entry.id] ?? []
                    return variant
                }
                let unit = TranslationUnit(
                    tuid: tuid, sourceLanguage: srclang.flatMap(LanguageTag.init), attributes: try AttributesJSON.decode(attributes),
                    props: unitProps[id] ?? [], notes: unitNotes[id] ?? [], variants: variants,
                    origin: Origin(rawValue: origin) ?? .imported)
                return UnitRecord(
                    stored: StoredUnit(id: id, batchID: batchID, sourceLanguage: source, unit: unit),
                    variantIDs: (variantsByUnit[id] ?? []).map(\.id))
            }
        }
    }

    /// The props of the owners `ids` of kind `owner`, in position order.
    static func props(_ connection: PostgresConnection, _ logger: Logger, owner: String, _ ids: [Int64]) throws -> [Int64: [Prop]] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int64: [Prop]] = [:]
        for row in try connection.run(
            """
            SELECT owner_id, type, value, lang, encoding FROM prop
            WHERE owner_kind = \(owner) AND owner_id = ANY(\(ids)) ORDER BY owner_id, position
            """, logger: logger)
        {
            let (id, type, value, lang, encoding) = try row.decode((Int64, String, String, String?, String?).self)
            out[id, default: []].append(Prop(type: type, value: value, language: lang.flatMap(LanguageTag.init), encoding: encoding))
        }
        return out
    }

    /// The notes of the owners `ids` of kind `owner`, in position order.
    static func notes(_ connection: PostgresConnection, _ logger: Logger, owner: String, _ ids: [Int64]) throws -> [Int64: [Note]] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int64: [Note]] = [:]
        for row in try connection.run(
            """
            SELECT owner_id, value, lang, encoding FROM note
            WHERE owner_kind = \(owner) AND owner_id = ANY(\(ids)) ORDER BY owner_id, position
            """, logger: logger)
        {
            let (id, value, lang, encoding) = try row.decode((Int64, String, String?, String?).self)
            out[id, default: []].append(Note(value: value, language: lang.flatMap(LanguageTag.init), encoding: encoding))
        }
        return out
    }
}
