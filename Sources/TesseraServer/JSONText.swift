/// JSON written by hand, in one place: the string rule of the request log (``JSONLogHandler``)
/// and of the responses sent for every lookup (``HandWrittenJSON``), which Foundation's
/// `JSONEncoder` made at a cost of its own on every request (a tree of boxed values, then the
/// bytes). The output is what ``JSONBody/encoder()`` writes: keys in the order given (callers
/// give them sorted), `/` and non-ASCII characters as they are, `"` `\` and control characters
/// escaped.
///
/// ```swift
/// var json = JSONText()
/// json.object { json in
///     json.key("query"); json.string("Open the file")
/// }
/// json.text   // {"query":"Open the file"}
/// ```
struct JSONText {
    /// The JSON written so far.
    private(set) var text = ""
    /// Whether the object or array being written needs a comma before its next member.
    private var needsComma = false

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int = 512) { text.reserveCapacity(capacity) }

    /// Writes `value` as a JSON string.
    mutating func string(_ value: String) {
        separate()
        Self.appendQuoted(value, to: &text)
    }

    /// Writes an integer.
    mutating func integer(_ value: some BinaryInteger) {
        separate()
        text += String(value)
    }

    /// Writes a number as `JSONEncoder` does: a whole number without a fraction (`100`, not `100.0`).
    mutating func number(_ value: Double) {
        separate()
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            text += String(Int64(value))
        } else {
            text += String(value)
        }
    }

    /// Writes a boolean.
    mutating func boolean(_ value: Bool) {
        separate()
        text += value ? "true" : "false"
    }

    /// Writes an object whose members `body` writes (``key(_:)`` then a value, keys sorted).
    mutating func object(_ body: (inout JSONText) -> Void) {
        separate()
        text += "{"
        needsComma = false
        body(&self)
        text += "}"
        needsComma = true
    }

    /// Writes an array with one value per element of `elements`, each written by `body`.
    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONText, S.Element) -> Void) {
        separate()
        text += "["
        needsComma = false
        for element in elements { body(&self, element) }
        text += "]"
        needsComma = true
    }

    /// Writes the key of the next object member.
    mutating func key(_ name: StaticString) {
        separate()
        text += "\""
        text += name.description
        text += "\":"
        needsComma = false
    }

    private mutating func separate() {
        if needsComma { text += "," }
        needsComma = true
    }

    /// Appends `value` as a JSON string to `line`: quotes, backslashes and control characters
    /// escaped (`\n`, `\r`, `\t`, `\b`, `\f`, else `\u00XX`), `/` and non-ASCII characters as they are.
    static func appendQuoted(_ value: String, to line: inout String) {
        line += "\""
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            line += value
        } else {
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": line += "\\\""
                case "\\": line += "\\\\"
                case "\n": line += "\\n"
                case "\r": line += "\\r"
                case "\t": line += "\\t"
                case "\u{08}": line += "\\b"
                case "\u{0C}": line += "\\f"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    line += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: line.unicodeScalars.append(scalar)
                }
            }
        }
        line += "\""
    }
}

/// A response value written with ``JSONText`` instead of `JSONEncoder` (the same JSON, see
/// ``JSONBody/response(_:status:)``): the values every lookup answers with.
protocol HandWrittenJSON: Encodable {
    /// Writes the value.
    func write(to json: inout JSONText)
}

extension HandWrittenJSON {
    /// The value as JSON text.
    var jsonText: String {
        var json = JSONText()
        write(to: &json)
        return json.text
    }
}

extension Array: HandWrittenJSON where Element: HandWrittenJSON {
    /// Writes the elements as a JSON array.
    func write(to json: inout JSONText) {
        json.array(self) { json, element in element.write(to: &json) }
    }
}
