public import Foundation

/// Decodes text files for segmentation: UTF-8 with or without a byte-order mark, and UTF-16 with
/// a byte-order mark (either byte order).
///
/// ```swift
/// SegmenterInput.decode(Data([0xEF, 0xBB, 0xBF, 0x48, 0x69]))   // "Hi"
/// ```
public enum SegmenterInput {
    /// Decodes `data`.
    /// - Parameter data: The file's bytes.
    /// - Returns: The text without its byte-order mark, or `nil` when the bytes are not valid UTF-8
    ///   (without a UTF-16 BOM) or not valid UTF-16 (with one).
    /// - Complexity: O(n).
    public static func decode(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            guard bytes.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2 - 1)
            var index = 2
            while index + 1 < bytes.count {
                let high = UInt16(bytes[bigEndian ? index : index + 1])
                let low = UInt16(bytes[bigEndian ? index + 1 : index])
                units.append(high << 8 | low)
                index += 2
            }
            var output = ""
            var decoder = UTF16()
            var iterator = units.makeIterator()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): output.unicodeScalars.append(scalar)
                case .emptyInput: break loop
                case .error: return nil
                }
            }
            return output
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return String(validating: body, as: UTF8.self)
    }
}
