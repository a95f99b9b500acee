/// The name of a translation memory in a store: 1-64 ASCII letters, digits, `-` or `_`, folded to
/// lower case; checked once, where a front end reads it, and handed on typed.
///
/// ``default`` is the memory in the store's own file (`--db`): a database made before named
/// memories existed is the memory `default`, untouched. See ``MemoryCatalog``.
///
/// ```swift
/// MemoryName("Legal")?.description   // "legal"
/// MemoryName("a b")                   // nil
/// ```
public struct MemoryName: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The name, lower case.
    public let description: String

    /// The memory in the store's own file.
    public static let `default` = MemoryName(checked: "default")

    /// The longest name.
    public static let maximumLength = 64

    /// `text` folded to lower case, or `nil` when it is not 1-64 ASCII letters, digits, `-`, `_`.
    public init?(_ text: some StringProtocol) {
        guard (1...Self.maximumLength).contains(text.utf8.count),
            text.utf8.allSatisfy({ byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            })
        else { return nil }
        description = text.lowercased()
    }

    /// `text` as a name.
    /// - Throws: ``KitError`` `invalidOption` naming the rule.
    public init(validating text: some StringProtocol) throws(KitError) {
        guard let name = MemoryName(text) else { throw Self.invalid(String(text)) }
        self = name
    }

    private init(checked: String) { description = checked }

    /// Whether this is ``default``.
    public var isDefault: Bool { self == .default }

    /// The error for a text that is not a name.
    package static func invalid(_ text: String) -> KitError {
        KitError(.invalidOption, "'\(text)' is not a memory name: use 1-\(maximumLength) ASCII letters, digits, '-' or '_'.")
    }

    /// Orders by name.
    public static func < (lhs: MemoryName, rhs: MemoryName) -> Bool { lhs.description < rhs.description }

    /// Decodes a name from a JSON string, refusing one that breaks the rule.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try MemoryName(validating: text)
    }

    /// Encodes the name as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
