package import TesseraCore

/// One step of a streaming XML read, as returned by ``XMLStreamReader/next()``.
///
/// ```swift
/// // <seg>a&#13;b<ph x="1"/></seg>
/// // .startElement(name: "seg", attributes: [], isEmpty: false), .text("a\rb"),
/// // .startElement(name: "ph", attributes: [Attribute("x", "1")], isEmpty: true),
/// // .endElement(name: "ph"), .endElement(name: "seg")
/// ```
///
/// - SeeAlso: [XML 1.0](https://www.w3.org/TR/xml/)
package enum XMLEvent: Sendable, Equatable {
    /// A start tag, with its attributes in document order under their qualified names
    /// (`xml:lang`). `isEmpty` is true for `<x/>`, which is followed at once by ``endElement(name:)``.
    case startElement(name: String, attributes: [Attribute], isEmpty: Bool)
    /// An end tag (also emitted right after an empty element's start).
    case endElement(name: String)
    /// Character data and CDATA, references decoded, whitespace kept exactly. Long text may come
    /// as several consecutive events.
    case text(String)
    /// Whitespace-only character data (significant or not); callers that keep whitespace (inside
    /// `<seg>`) treat it as text.
    case whitespace(String)
    /// An entity reference that was left unexpanded (entities are never expanded).
    case entityReference(name: String)
    /// A comment.
    case comment(String)
}
