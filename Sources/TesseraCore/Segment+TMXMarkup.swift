extension Segment {
    /// Parses TMX level-2 markup as ``tmxMarkup`` writes it back into a segment: the inverse of
    /// ``tmxMarkup``, for stored values (a translation memory keeps segments as this markup).
    ///
    /// It reads exactly what ``tmxMarkup`` writes: text with the entities `&amp;` `&lt;` `&gt;`
    /// `&quot;` `&apos;` and character references, and the TMX inline elements (``InlineTag``) with
    /// double-quoted attributes. It is not an XML parser (TMX files are read by TesseraTMX's
    /// `TMXReader`): anything else gives `nil`.
    ///
    /// ```swift
    /// let segment = Segment(tmxMarkup: "Press <ph x=\"1\">&lt;br/&gt;</ph> now")!
    /// segment.tmxMarkup == "Press <ph x=\"1\">&lt;br/&gt;</ph> now"   // true
    /// Segment(tmxMarkup: "<b>bold</b>")                                 // nil
    /// ```
    ///
    /// - Parameter tmxMarkup: escaped markup, as between `<seg>` and `</seg>`.
    /// - Complexity: O(*n*) in the length of the markup.
    /// - SeeAlso: [TMX 1.4b §3.7, content markup](https://www.gala-global.org/tmx-14b)
    public init?(tmxMarkup: String) {
        var parser = TMXMarkupParser(bytes: Array(tmxMarkup.utf8))
        guard let nodes = parser.nodes(closing: nil), parser.index == parser.bytes.count else { return nil }
        self.init(nodes)
    }
}

/// The reader behind ``Segment/init(tmxMarkup:)``: a recursive descent over the bytes.
private struct TMXMarkupParser {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Nodes up to the end tag `closing` (consumed) or the end of input when `closing` is nil.
    mutating func nodes(closing: InlineTag?) -> [SegmentNode]? {
        var nodes: [SegmentNode] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { nodes.append(.text(String(decoding: text, as: UTF8.self))); text.removeAll() }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                flush()
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                    index += 2
                    guard let name = name(), let closing, name == closing.rawValue, consume(">") else { return nil }
                    return nodes
                }
                index += 1
                guard let element = element() else { return nil }
                nodes.append(.element(element))
            } else if byte == UInt8(ascii: "&") {
                guard let decoded = entity() else { return nil }
                text.append(contentsOf: decoded.utf8)
            } else {
                text.append(byte)
                index += 1
            }
        }
        flush()
        return closing == nil ? nodes : nil
    }

    /// An element after its `<`: name, attributes, then `/>` or children and the end tag.
    mutating func element() -> InlineElement? {
        guard let name = name(), let tag = InlineTag(rawValue: name) else { return nil }
        var attributes: [Attribute] = []
        while true {
            skipSpaces()
            if consume("/>") { return InlineElement(tag, attributes) }
            if consume(">") {
                guard let children = nodes(closing: tag) else { return nil }
                return InlineElement(tag, attributes, children)
            }
            guard let attributeName = self.name(), consume("=\"") else { return nil }
            var value: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "&") {
                    guard let decoded = entity() else { return nil }
                    value.append(contentsOf: decoded.utf8)
                } else {
                    value.append(bytes[index])
                    index += 1
                }
            }
            guard consume("\"") else { return nil }
            attributes.append(Attribute(attributeName, String(decoding: value, as: UTF8.self)))
        }
    }

    /// A name: ASCII letters, digits, `-`, `_`, `:` and `.`.
    mutating func name() -> String? {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isNameByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
            guard isNameByte else { break }
            index += 1
        }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// An entity or character reference after `&`, decoded.
    mutating func entity() -> String? {
        guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ";")), end - index <= 12 else { return nil }
        let body = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        index = end + 1
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let value: UInt32?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                value = UInt32(body.dropFirst(2), radix: 16)
            } else if body.hasPrefix("#") {
                value = UInt32(body.dropFirst())
            } else {
                value = nil
            }
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    }

    mutating func consume(_ literal: String) -> Bool {
        let utf8 = Array(literal.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else { return false }
        index += utf8.count
        return true
    }
}
