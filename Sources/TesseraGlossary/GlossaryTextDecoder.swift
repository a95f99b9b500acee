public import Foundation

/// Decodes glossary files: UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM.
///
/// ```swift
/// try GlossaryTextDecoder.decode(Data([0xEF, 0xBB, 0xBF, 0x61]), file: "a.csv")   // "a"
/// ```
public enum GlossaryTextDecoder {
    /// Decodes `data`, dropping the BOM.
    /// - Throws: ``GlossaryError`` `.unreadable` when the bytes are not valid in the detected encoding.
    public static func decode(_ data: Data, file: String?) throws -> String {
        let bytes = [UInt8](data.prefix(3))
        var text: String?
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            text = String(data: data.dropFirst(2), encoding: .utf16LittleEndian)
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            text = String(data: data.dropFirst(2), encoding: .utf16BigEndian)
        } else if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            text = String(validatingUTF8Bytes: data.dropFirst(3))
        } else {
            text = String(validatingUTF8Bytes: data)
        }
        guard let text else {
            throw GlossaryError(.unreadable, "The file is neither UTF-8 nor UTF-16 with a byte order mark.", file: file)
        }
        return text
    }
}

extension String {
    /// Decodes UTF-8 bytes, `nil` when they are not valid UTF-8.
    init?(validatingUTF8Bytes data: Data) {
        guard let text = String(bytes: data, encoding: .utf8) else { return nil }
        self = text
    }
}
