/// One stored API key: its public prefix, the SHA-256 of the whole key, what it may do.
public struct APIKeyRecord: Hashable, Sendable, Codable {
    /// What a key may do. Each scope includes the ones before it: `admin` ⊇ `write` ⊇ `read`.
    public enum Scope: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// Lookups, searches, stats.
        case read
        /// Reading and changing units, imports.
        case write
        /// Everything, including managing keys.
        case admin

        /// Whether this scope allows what `needed` allows.
        public func covers(_ needed: Scope) -> Bool { !(self < needed) }

        /// Orders by power: read < write < admin.
        public static func < (lhs: Scope, rhs: Scope) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The row id (`nil` before it is stored).
    public var id: Int64?
    /// The key's first characters, stored in clear to find the row (not a secret by itself).
    public var prefix: String
    /// The SHA-256 of the whole key, as 64 lower-case hex digits.
    public var hash: String
    /// What the key may do.
    public var scope: Scope
    /// The one memory the key is for; `nil` for every memory.
    public var memory: String?
    /// When the key was made (ISO 8601, UTC); set by the store.
    public var created: String?

    /// Creates a record.
    public init(id: Int64? = nil, prefix: String, hash: String, scope: Scope, memory: String?, created: String? = nil) {
        self.id = id
        self.prefix = prefix
        self.hash = hash
        self.scope = scope
        self.memory = memory
        self.created = created
    }
}
