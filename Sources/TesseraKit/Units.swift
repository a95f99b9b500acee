import Foundation
package import TesseraCore
package import TesseraStorage

/// One unit at a time in an open memory: read by id, add, replace its content, delete (the units
/// API of `tessera serve`). Writes go through the session's writer lock, one at a time with
/// imports; the match index and concordance see them on their next read (the store's change feed).
///
/// ```swift
/// let content = try Units.Content(variants: [
///     Variant(language: en, segment: Segment(text: "Save")), Variant(language: de, segment: Segment(text: "Speichern")),
/// ])
/// let stored = try Units.add(content, session: memory)
/// _ = try Units.replace(stored.id, with: edited, session: memory)
/// _ = try Units.delete(stored.id, session: memory)
/// ```
package enum Units {
    /// What a client sets of a unit: its segments, one note, props by type.
    package struct Content: Sendable, Hashable {
        /// The segments, two at least (the first is the source), each with text (plain text:
        /// a client sets no inline codes).
        package let variants: [Variant]
        /// A note on the unit, if any.
        package let note: String?
        /// Props (`<prop type="...">` in TMX), by type.
        package let props: [String: String]

        /// Checks and creates the content.
        /// - Throws: ``KitError`` `invalidOption` for fewer than two segments, a segment with no
        ///   text (white space only counts as none), or a prop with an empty type.
        package init(variants: [Variant], note: String? = nil, props: [String: String] = [:]) throws {
            guard variants.count >= 2 else {
                throw KitError(.invalidOption, "a unit needs at least two segments, not \(variants.count)")
            }
            if let empty = variants.firstIndex(where: { $0.segment.plainText.allSatisfy(\.isWhitespace) }) {
                throw KitError(.invalidOption, "segment \(empty + 1) (\(variants[empty].language)) has no text")
            }
            if props.keys.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
                throw KitError(.invalidOption, "a prop needs a type")
            }
            self.variants = variants
            self.note = note.flatMap { $0.isEmpty ? nil : $0 }
            self.props = props
        }
    }

    /// The unit `id`, or `nil` when the memory holds none.
    /// - Throws: ``KitError`` `closed`; `StorageError`.
    package static func get(_ id: Int64, session: TranslationMemory) throws -> StoredUnit? {
        try session.openStore().unit(id: id)
    }

    /// Adds `content` as a new unit (origin `imported`, created and changed now), in a batch
    /// of kind `edit`.
    /// - Returns: the unit as stored.
    /// - Throws: ``KitError`` `closed`; `StorageError`.
    package static func add(_ content: Content, session: TranslationMemory) throws -> StoredUnit {
        let now = Self.now()
        var unit = TranslationUnit(variants: [])
        unit.attributes = [Attribute("creationdate", now), Attribute("changedate", now)]
        apply(content, to: &unit)
        return try session.write { store, _ in
            let id = try store.addUnit(unit, batch: ImportBatch(kind: .edit, filePath: ""))
            guard let stored = try store.unit(id: id) else { throw KitError(.storage, "The unit \(id) just added cannot be read back.") }
            return stored
        }
    }

    /// Replaces the segments, note and props of the unit `id` with `content`; its id, tuid,
    /// origin and creation date stay, its change date becomes now. A segment whose language and
    /// text are unchanged keeps what the plain text does not show (inline codes, its own props,
    /// notes and attributes).
    /// - Returns: the unit as stored, `nil` when the memory holds no unit `id`.
    /// - Throws: ``KitError`` `closed`; `StorageError`.
    package static func replace(_ id: Int64, with content: Content, session: TranslationMemory) throws -> StoredUnit? {
        try session.write { store, _ in
            guard let stored = try store.unit(id: id) else { return nil }
            var unit = stored.unit
            let old = unit.variants
            apply(content, to: &unit)
            unit.variants = unit.variants.map { new in
                old.first { $0.language == new.language && $0.segment.plainText == new.segment.plainText } ?? new
            }
            if let declared = unit.sourceLanguage, !unit.variants.contains(where: { $0.language == declared }) {
                unit.sourceLanguage = nil
            }
            unit.attributes.removeAll { $0.name == "changedate" }
            unit.attributes.append(Attribute("changedate", Self.now()))
            guard try store.replaceUnit(id: id, with: unit, batch: ImportBatch(kind: .edit, filePath: "")) else { return nil }
            return try store.unit(id: id)
        }
    }

    /// Deletes the unit `id`.
    /// - Returns: `false` when the memory holds no unit `id`.
    /// - Throws: ``KitError`` `closed`; `StorageError`.
    package static func delete(_ id: Int64, session: TranslationMemory) throws -> Bool {
        try session.write { store, _ in try store.deleteUnit(id: id) }
    }

    /// The content of a stored unit as a client sees it: its segments' plain texts, its notes
    /// joined by a line break, its props by type (the first of a repeated type).
    package static func content(of unit: TranslationUnit) -> (variants: [Variant], note: String?, props: [String: String]) {
        var props: [String: String] = [:]
        for prop in unit.props where props[prop.type] == nil { props[prop.type] = prop.value }
        let note = unit.notes.isEmpty ? nil : unit.notes.map(\.value).joined(separator: "\n")
        return (unit.variants.map { Variant(language: $0.language, segment: Segment(text: $0.segment.plainText)) }, note, props)
    }

    /// Sets the segments, note and props of `unit` from `content`.
    private static func apply(_ content: Content, to unit: inout TranslationUnit) {
        unit.variants = content.variants
        unit.notes = content.note.map { [Note(value: $0)] } ?? []
        unit.props = content.props.sorted { $0.key < $1.key }.map { Prop(type: $0.key, value: $0.value) }
    }

    /// The time now as a TMX date (`YYYYMMDDThhmmssZ`).
    private static func now() -> String {
        let text = ISO8601DateFormatter().string(from: Date())
        return TMXDate(text)?.description ?? text
    }
}
