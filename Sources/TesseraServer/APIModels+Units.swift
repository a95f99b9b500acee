/// The JSON shapes of `/api/v1/units` and of `POST /api/v1/align` with `"store": true`.
extension API {
    /// A unit as the API shows it (`GET|PUT /api/v1/units/{id}`, `POST /api/v1/units`).
    package struct Unit: Codable, Sendable, Hashable {
        /// The unit id in the memory.
        package var id: Int64
        /// Its segments (plain text), the source first.
        package var variants: [Translation]
        /// Its notes, joined by a line break, if any.
        package var note: String?
        /// Its props by type.
        package var props: [String: String]
        /// `imported` or `aligned`.
        package var origin: String
        /// When it was created (ISO 8601, UTC), if known.
        package var created: String?
        /// When it was last changed (ISO 8601, UTC), if known.
        package var changed: String?
    }

    /// The body of `POST /api/v1/units` and `PUT /api/v1/units/{id}`.
    package struct UnitRequest: Codable, Sendable {
        /// Two segments at least, the source first.
        package var variants: [Translation]
        /// A note on the unit.
        package var note: String?
        /// Props by type.
        package var props: [String: String]?
    }

    /// The answer of the unit routes: `{"unit": {...}}`.
    package struct UnitResponse: Codable, Sendable {
        /// The unit as stored.
        package var unit: Unit
    }
}
