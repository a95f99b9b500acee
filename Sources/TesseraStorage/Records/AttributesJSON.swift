import Foundation
import TesseraCore

/// The JSON form of an attribute list stored in `attributes` columns: an array of
/// `[name, value]` pairs in document order, or SQL NULL when the list is empty.
///
/// Encoding is hand-written (no `JSONEncoder` on the import hot path); decoding uses
/// `JSONSerialization` and is only needed on reads.
enum AttributesJSON {
    /// The JSON text, or `nil` for an empty list (stored as NULL).
    static func encode(_ attributes: [Attribute]) -> String? {
        guard !attributes.isEmpty else { return nil }
        var out = "["
        for (index, attribute) in attributes.enumerated() {
            if index > 0 { out += "," }
            out += "["
            appendString(attribute.name, to: &out)
            out += ","
            appendString(attribute.value, to: &out)
            out += "]"
        }
        out += "]"
        return out
    }

    /// The attributes of a stored JSON text; NULL gives an empty list.
    static func decode(_ text: String?) throws(StorageError) -> [Attribute] {
        guard let text, !text.isEmpty else { return [] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            let pairs = object as? [[String]]
        else { throw StorageError(.corruptData, "A stored attribute list is not valid JSON: \(text.prefix(80))") }
        var out: [Attribute] = []
        out.reserveCapacity(pairs.count)
        for pair in pairs {
            guard pair.count == 2 else {
                throw StorageError(.corruptData, "A stored attribute is not a [name, value] pair: \(text.prefix(80))")
            }
            out.append(Attribute(pair[0], pair[1]))
        }
        return out
    }

    /// Appends `text` as a JSON string literal (RFC 8259 §7 escapes).
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
