/// One TBX data-category element kept as it was read, so that an export writes back what an
/// import read: `descrip`, `admin`, `termNote`, `note`, `ref`, `xref`, `transacGrp` (with its
/// `transac`, `date` and `transacNote`), `descripGrp`, `adminGrp`, `termNoteGrp`, `termCompList`.
///
/// A glossary keeps a list of them, in document order, at each level: concept and language
/// (``TermEntry/categories``) and term (``Term/categories``). The typed fields (``TermEntry/subject``,
/// ``TermEntry/definitions``, ``Term/status``, ...) are derived from these elements when a TBX
/// file is read, so lookups need not walk them.
///
/// ```swift
/// // <transacGrp><transac type="transactionType">creation</transac><date>2010-04-17</date></transacGrp>
/// DataCategory(element: "transacGrp", children: [
///     DataCategory(element: "transac", type: "transactionType", value: "creation"),
///     DataCategory(element: "date", value: "2010-04-17"),
/// ])
/// ```
///
/// - SeeAlso: [TBX (ISO 30042:2019) data categories](https://www.tbxinfo.net/)
public struct DataCategory: Hashable, Sendable, Codable {
    /// The element name without prefix (`descrip`, `termNote`, `transacGrp`).
    public var element: String
    /// The `type` attribute (`subjectField`, `termType`), if any.
    public var type: String?
    /// The text content, white space collapsed; empty for a group.
    public var value: String
    /// The other attributes (`target`, `id`, `xml:lang`, `datatype`), in document order.
    public var attributes: [Attribute]
    /// The members of a group (`descripGrp`, `transacGrp`, ...), in document order.
    public var children: [DataCategory]

    /// Creates a data-category element.
    public init(
        element: String, type: String? = nil, value: String = "", attributes: [Attribute] = [],
        children: [DataCategory] = []
    ) {
        self.element = element
        self.type = type
        self.value = value
        self.attributes = attributes
        self.children = children
    }

    /// This element and, depth first, every element inside it.
    public var flattened: [DataCategory] { [self] + children.flatMap(\.flattened) }
}
