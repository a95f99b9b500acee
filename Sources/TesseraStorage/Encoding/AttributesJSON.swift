import Foundation
package import TesseraCore

/// The JSON form of an attribute list stored in `attributes` columns: an array of
/// `[name, value]` pairs in document order, or SQL NULL when the list is empty.
///
/// Encoding is hand-written (no `JSONEncoder` on the import hot path); decoding uses
/// `JSONSerialization` and is only needed on reads.
package enum AttributesJSON {
    /// The JSON text, or `nil` for an empty list (stored as NULL).
    package static func encode(_ attributes: [Attribute]) -> String? {
        guard !attributes.isEmpty else { return nil }
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, attribute) in attributes.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            appendString(attribute.name, to: &out)
            out.append(UInt8(ascii: ","))
            appendString(attribute.value, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// The attributes of a stored JSON text; NULL gives an empty list.
    package static func decode(_ text: String?) throws(StorageError) -> [Attribute] {
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

    /// Appends `text` as a JSON string literal (RFC 8259 §7 escapes), as UTF-8.
    package static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
