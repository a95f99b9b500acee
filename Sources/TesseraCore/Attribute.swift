/// One XML attribute kept as a name and a value, in document order.
///
/// Units, variants, inline codes and headers keep every attribute they were read with, so that an
/// export writes back what was imported (`creationdate`, `usagecount`, `o-tmf`, vendor extensions).
public struct Attribute: Hashable, Sendable, Codable {
    /// The qualified name, such as `creationdate` or `xml:lang`.
    public var name: String
    /// The attribute value, entity references decoded.
    public var value: String

    /// Creates an attribute.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == Attribute {
    /// The value of the first attribute called `name`.
    public subscript(named name: String) -> String? {
        get { first { $0.name == name }?.value }
        set {
            if let index = firstIndex(where: { $0.name == name }) {
                if let newValue { self[index].value = newValue } else { remove(at: index) }
            } else if let newValue {
                append(Attribute(name, newValue))
            }
        }
    }
}
