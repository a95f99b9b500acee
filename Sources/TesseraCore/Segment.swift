/// The content of a TMX `<seg>`: text interleaved with inline codes, kept as a tree.
///
/// Whitespace is kept exactly as read (tabs, NBSP, U+3000, line breaks). Inline codes are the
/// TMX 1.4b level-2 elements `bpt`, `ept`, `it`, `ph`, `hi`, `ut` and `sub`, with their
/// attributes and content, so that a round trip through the translation memory is lossless.
///
/// ```swift
/// let segment = Segment([.text("Press "), .element(InlineElement(.ph, [Attribute("x", "1")], [.text("&lt;br/&gt;")])), .text(" now")])
/// segment.plainText   // "Press  now"
/// ```
///
/// - SeeAlso: [TMX 1.4b §3.7, content markup](https://www.gala-global.org/tmx-14b)
public struct Segment: Hashable, Sendable, Codable {
    /// The children of `<seg>` in document order.
    public var nodes: [SegmentNode]

    /// Creates a segment from nodes; adjacent text nodes are merged.
    public init(_ nodes: [SegmentNode]) { self.nodes = SegmentNode.mergingText(nodes) }

    /// Creates a segment holding plain text only.
    public init(text: String) { self.nodes = text.isEmpty ? [] : [.text(text)] }

    /// The translatable text with inline codes removed: text outside codes plus the text of `<hi>`
    /// (which marks up translatable text). The native code inside `bpt`, `ept`, `it`, `ph`, `ut`
    /// and its `sub` flows is not part of it.
    public var plainText: String {
        var out = ""
        func walk(_ nodes: [SegmentNode]) {
            for node in nodes {
                switch node {
                case .text(let text): out += text
                case .element(let element) where element.tag == .hi: walk(element.children)
                case .element: break
                }
            }
        }
        walk(nodes)
        return out
    }

    /// The number of inline code elements (all levels, `hi` and `sub` included).
    public var codeCount: Int {
        func count(_ nodes: [SegmentNode]) -> Int {
            nodes.reduce(0) { sum, node in
                if case .element(let element) = node { return sum + 1 + count(element.children) }
                return sum
            }
        }
        return count(nodes)
    }

    /// Whether the segment holds any inline code.
    public var hasCodes: Bool { nodes.contains { if case .element = $0 { true } else { false } } }

    /// Whether the segment is empty (no text and no codes).
    public var isEmpty: Bool { nodes.isEmpty }

    /// The TMX level-2 markup of the segment content (what goes between `<seg>` and `</seg>`), escaped
    /// for XML: `&`, `<`, `>` as entities, a carriage return as `&#13;` so that it survives parsing.
    /// Attributes are written in their stored order.
    public var tmxMarkup: String {
        var out = ""
        func write(_ nodes: [SegmentNode]) {
            for node in nodes {
                switch node {
                case .text(let text): out += XMLEscaping.text(text)
                case .element(let element):
                    out += "<" + element.tag.rawValue
                    for attribute in element.attributes {
                        out += " " + attribute.name + "=\"" + XMLEscaping.attribute(attribute.value) + "\""
                    }
                    if element.children.isEmpty {
                        out += "/>"
                    } else {
                        out += ">"
                        write(element.children)
                        out += "</" + element.tag.rawValue + ">"
                    }
                }
            }
        }
        write(nodes)
        return out
    }
}

/// One child of a segment or of an inline element: text or an inline element.
public indirect enum SegmentNode: Hashable, Sendable, Codable {
    /// Character data, references decoded.
    case text(String)
    /// An inline code element with its own children.
    case element(InlineElement)

    /// Merges adjacent text nodes and drops empty ones.
    static func mergingText(_ nodes: [SegmentNode]) -> [SegmentNode] {
        var out: [SegmentNode] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            if case .text(let text) = node {
                if text.isEmpty { continue }
                if case .text(let previous) = out.last {
                    out[out.count - 1] = .text(previous + text)
                    continue
                }
            }
            out.append(node)
        }
        return out
    }
}

/// The TMX 1.4b inline elements (content markup).
public enum InlineTag: String, Hashable, Sendable, Codable, CaseIterable {
    /// Begin paired tag: the native code that opens a pair (`i` matches its `ept`).
    case bpt
    /// End paired tag.
    case ept
    /// Isolated tag: a begin or end code whose partner is outside the segment (`pos`).
    case it
    /// Placeholder: a stand-alone native code.
    case ph
    /// Highlight: translatable text with a special meaning (terminology, and so on).
    case hi
    /// Unknown tag (deprecated in TMX 1.4b; read and kept, reported as a warning).
    case ut
    /// Sub-flow: translatable text inside a native code.
    case sub
}

/// An inline element: its tag, attributes in document order and children.
public struct InlineElement: Hashable, Sendable, Codable {
    /// The element name.
    public var tag: InlineTag
    /// The attributes (`i`, `x`, `type`, `pos`, `assoc`, `datatype`, ...), in document order.
    public var attributes: [Attribute]
    /// The content: native code text and `sub` elements for codes, text and codes for `hi`/`sub`.
    public var children: [SegmentNode]

    /// Creates an inline element.
    public init(_ tag: InlineTag, _ attributes: [Attribute] = [], _ children: [SegmentNode] = []) {
        self.tag = tag
        self.attributes = attributes
        self.children = SegmentNode.mergingText(children)
    }
}

/// XML escaping for text and attribute values, the one place Tessera writes markup by hand.
package enum XMLEscaping {
    /// Escapes character data: `&`, `<`, `>` and carriage return (`&#13;`, which parsing would
    /// otherwise turn into a line feed).
    package static func text(_ text: String) -> String {
        ScalarEscaping.escape(text, when: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x0D }, textReplacement)
    }

    /// Escapes an attribute value (double-quoted): also `"`, tab and line feed, which attribute
    /// normalisation would otherwise turn into spaces.
    package static func attribute(_ value: String) -> String {
        ScalarEscaping.escape(value, when: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 <= 0x0D }) { scalar in
            switch scalar {
            case "\"": "&quot;"
            case "\n": "&#10;"
            case "\t": "&#9;"
            default: textReplacement(scalar)
            }
        }
    }

    /// The entity or character reference of a scalar in character data, or `nil` to keep it.
    static func textReplacement(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\r": "&#13;"
        default: nil
        }
    }
}
