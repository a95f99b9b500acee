import TesseraStorage

/// The stamp that starts a side file: magic (format version), then the ``ChangePosition`` the
/// index reflects (highest variant id, change-log sequence), little-endian; 24 bytes, so the
/// index after it stays 8-byte aligned. The local unit copy (``MatchUnitFile``) starts with the
/// same stamp under its own magic.
struct SideFileHeader: Equatable {
    /// The format of the side file (header and index).
    static let magic: [UInt8] = Array("TSMIDX02".utf8)
    /// The header's length in bytes.
    static let size = 24

    /// The position the file reflects.
    var position: ChangePosition
    /// The file's format: 8 bytes.
    var magic: [UInt8]

    init(_ position: ChangePosition, magic: [UInt8] = Self.magic) {
        self.position = position
        self.magic = magic
    }

    /// Reads a header; `nil` when the bytes are too short or of another format than `magic`.
    init?(_ bytes: some RandomAccessCollection<UInt8>, magic: [UInt8] = Self.magic) {
        guard bytes.count >= Self.size, bytes.prefix(8).elementsEqual(magic) else { return nil }
        self.magic = magic
        func integer(at offset: Int) -> Int64 {
            let start = bytes.index(bytes.startIndex, offsetBy: offset)
            var value: Int64 = 0
            for (shift, byte) in bytes[start...].prefix(8).enumerated() { value |= Int64(byte) << (8 * Int64(shift)) }
            return value
        }
        position = ChangePosition(maxVariant: integer(at: 8), sequence: integer(at: 16))
    }

    /// The header's bytes.
    var bytes: [UInt8] {
        var bytes = magic
        for value in [position.maxVariant, position.sequence] {
            for shift in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * Int64(shift)))) }
        }
        return bytes
    }
}

extension ChangePosition {
    /// The index's own generation counter (``MatchIndex/generation``): the change-log sequence.
    var counter: UInt64 { UInt64(max(sequence, 0)) }
}
