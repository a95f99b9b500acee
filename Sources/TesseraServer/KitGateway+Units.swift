import Foundation
import TesseraKit
import TesseraStorage

/// The units API's calls into Kit (``Units``, ``AlignStore``), beside ``KitGateway``'s others.
extension KitGateway {
    /// The unit `id` of memory `memory`.
    /// - Throws: ``ServiceError`` 404 when there is none.
    func unit(_ id: Int64, memory: MemoryName, key: APIKeyRecord?) throws -> API.Unit {
        guard let stored = try Units.get(id, session: session(for: memory, key: key)) else { throw Self.noUnit(id) }
        return Self.apiUnit(stored)
    }

    /// Adds a unit to memory `memory`.
    /// - Throws: ``KitError`` (400) for bad content.
    func addUnit(_ request: API.UnitRequest, memory: MemoryName, key: APIKeyRecord?) throws -> API.Unit {
        let session = try session(for: memory, key: key)
        return Self.apiUnit(try Units.add(Self.content(request), session: session))
    }

    /// Replaces the content of unit `id` of memory `memory`.
    /// - Throws: ``ServiceError`` 404 when there is no unit `id`; ``KitError`` (400) for bad content.
    func replaceUnit(_ id: Int64, with request: API.UnitRequest, memory: MemoryName, key: APIKeyRecord?) throws -> API.Unit {
        let session = try session(for: memory, key: key)
        guard let stored = try Units.replace(id, with: Self.content(request), session: session) else { throw Self.noUnit(id) }
        return Self.apiUnit(stored)
    }

    /// Deletes unit `id` of memory `memory`.
    /// - Throws: ``ServiceError`` 404 when there is no unit `id`.
    func deleteUnit(_ id: Int64, memory: MemoryName, key: APIKeyRecord?) throws {
        guard try Units.delete(id, session: session(for: memory, key: key)) else { throw Self.noUnit(id) }
    }

    /// Aligns two texts and stores the pairs of at least `minimumConfidence` as units of memory
    /// `memory` (``AlignStore``: one batch of kind `aligned`; a pair already stored is kept once).
    /// - Returns: the pairs and the number of units added.
    func alignAndStore(
        source: String, _ sourceLanguage: LanguageTag, target: String, _ targetLanguage: LanguageTag, minimumConfidence: Double,
        memory: MemoryName, key: APIKeyRecord?
    ) throws -> (pairs: [API.AlignedPair], stored: Int) {
        let session = try session(for: memory, key: key)
        let article = AlignArticles.align(
            source: AlignArticles.Input(text: source, language: sourceLanguage),
            targets: [AlignArticles.Input(text: target, language: targetLanguage)], inputIsSentences: false)
        let units = AlignUnits.units(from: article, minimumConfidence: minimumConfidence)
        let report = try AlignStore(database: database).store(units, sourcePath: "", session: session)
        return (Self.pairs(article.first, minimumConfidence: minimumConfidence), report.added)
    }

    /// The minimum confidence of the pairs stored when the request gives none
    /// (``AlignUnits/defaultMinimumConfidence``, as `tessera align --store`).
    static let storedMinimumConfidence = AlignUnits.defaultMinimumConfidence

    /// The pairs of an alignment shown by `POST /api/v1/align` (1-0 and 0-1 beads left out).
    static func pairs(_ article: AlignedArticle?, minimumConfidence: Double) -> [API.AlignedPair] {
        guard let article else { return [] }
        return article.beads(minimumConfidence: minimumConfidence).filter { !$0.shape.isInsertionOrDeletion }.map { bead in
            API.AlignedPair(source: article.sourceText(bead), target: article.targetText(bead), confidence: bead.confidence)
        }
    }

    private static func noUnit(_ id: Int64) -> ServiceError { ServiceError(.notFound, "no unit \(id)") }

    /// Kit's checked content of a request.
    /// - Throws: ``ServiceError`` 400 for a bad language code; ``KitError`` 400 for bad content.
    private static func content(_ request: API.UnitRequest) throws -> Units.Content {
        let variants = try request.variants.enumerated().map { index, variant in
            Variant(
                language: try QueryFields.language(variant.language, field: "variants[\(index)].language"), segment: Segment(text: variant.text))
        }
        return try Units.Content(variants: variants, note: request.note, props: request.props ?? [:])
    }

    /// A stored unit as the API shows it.
    private static func apiUnit(_ stored: StoredUnit) -> API.Unit {
        let content = Units.content(of: stored.unit)
        let date = { (name: String) in stored.unit.attributes.first { $0.name == name }.flatMap { Self.isoDate($0.value) } }
        return API.Unit(
            id: stored.id, variants: content.variants.map { API.Translation(language: $0.language.description, text: $0.segment.plainText) },
            note: content.note, props: content.props, origin: stored.unit.origin.rawValue, created: date("creationdate"),
            changed: date("changedate"))
    }

    /// A TMX date as ISO 8601 (`2026-12-03T14:52:00Z`), `nil` when it is not one.
    static func isoDate(_ tmx: String) -> String? {
        guard let date = TMXDate(tmx) else { return nil }
        let text = Array(date.description)  // YYYYMMDDThhmmssZ
        func part(_ range: Range<Int>) -> String { String(text[range]) }
        return "\(part(0..<4))-\(part(4..<6))-\(part(6..<8))T\(part(9..<11)):\(part(11..<13)):\(part(13..<15))Z"
    }
}
