#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import TesseraCore
package import TesseraMatching
package import TesseraStorage

/// A local copy of the match data (``MatchUnit``) of every unit of a store, at one
/// ``ChangePosition``: the file `<side file>-units` beside the match index of a store whose unit
/// reads are round trips (PostgreSQL, ``MatchIndexSource/keepsLocalUnitCopy``). The one owner of
/// its format; ``MatchIndexStore`` decides when it is written and which of its units are stale.
///
/// Format (little-endian), read in place from a private read-only mapping:
///
/// | bytes | content |
/// |---|---|
/// | 24 | magic `TSMUNT01`, then the position: highest variant id, change-log sequence |
/// | … | one record per unit, in increasing unit id |
/// | 0-7 | zero padding to a multiple of 8 |
/// | 8·N | the unit ids, increasing (`Int64`) |
/// | 8·(N+1) | the file offset of each record, then the end of the last (`UInt64`) |
/// | 16 | N, then the offset of the ids |
///
/// A record: origin, tuid, creation date, change date (strings: a `UInt32` byte count, `0xFFFFFFFF`
/// for none, then UTF-8), the props (`UInt32` count; type, value, language, encoding each), the
/// variants (`UInt32` count; id `Int64`, language tag, plain text, inline-code count `UInt32`).
///
/// ```swift
/// let copy = try MatchUnitFile(path: "memory-match-units")
/// copy.position        // where the store stood when it was written
/// copy.unit(42)        // .unit(MatchUnit), .absent or .unreadable
/// ```
/// A damaged file is refused when opened (wrong magic or sizes); damage inside a record makes that
/// record `.unreadable` (or changes that unit's data) and leaves the others intact; nothing is
/// ever read outside the file. There is no checksum: like the side file, the copy is a local
/// cache that is rewritten from the store whenever it is missing, foreign or behind.
package final class MatchUnitFile: Sendable {
    /// The format's magic (its version).
    static let magic: [UInt8] = Array("TSMUNT01".utf8)
    /// Header bytes: magic and position (``SideFileHeader``).
    static let headerSize = SideFileHeader.size
    /// Footer bytes: the count and the offset of the ids.
    static let footerSize = 16

    /// What the file holds for a unit id.
    package enum Entry: Equatable {
        /// The unit's data as it stood at ``position``.
        case unit(MatchUnit)
        /// No such unit at ``position`` (never written, deleted, or without variants).
        case absent
        /// The record cannot be read (a damaged file): read the unit from the store.
        case unreadable
    }

    /// Where the store stood when the file was written.
    package let position: ChangePosition
    /// The number of units held.
    package let count: Int
    private let region: MappedRegion
    private let idsStart: Int
    private let offsetsStart: Int

    /// Maps the file at `path` and checks its header and footer.
    /// - Throws: ``MatchingError`` `corruptIndex` when it is missing, of another format or damaged.
    package init(path: String) throws {
        region = try MappedRegion(path: path)
        let bytes = region.bytes
        guard bytes.count >= Self.headerSize + Self.footerSize, let header = SideFileHeader(bytes, magic: Self.magic) else {
            throw MatchingError(.corruptIndex, "Not a unit copy file.", context: path)
        }
        position = header.position
        let footer = bytes.count - Self.footerSize
        let count = Int(truncatingIfNeeded: Self.integer(bytes, at: footer))
        let idsStart = Int(truncatingIfNeeded: Self.integer(bytes, at: footer + 8))
        guard count >= 0, count < bytes.count / 8, idsStart >= Self.headerSize, idsStart % 8 == 0,
            idsStart + 16 * count + 8 == footer
        else { throw MatchingError(.corruptIndex, "The unit copy file is damaged (sizes do not agree).", context: path) }
        self.count = count
        self.idsStart = idsStart
        offsetsStart = idsStart + 8 * count
    }

    /// The data of unit `id` as it stood at ``position``.
    /// - Complexity: O(log n) to find it, O(size of the record) to decode it.
    package func unit(_ id: Int64) -> Entry {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self.id(at: middle) < id { low = middle + 1 } else { high = middle }
        }
        guard low < count, self.id(at: low) == id else { return .absent }
        let (start, end) = record(at: low)
        guard start >= Self.headerSize, start <= end, end <= idsStart else { return .unreadable }
        var reader = RecordReader(region.bytes, from: start, to: end)
        guard let unit = reader.unit(id: id) else { return .unreadable }
        return .unit(unit)
    }

    /// Calls `body` with every unit id and its record's bytes, in increasing id (a rewrite copies
    /// the records it keeps without decoding them).
    /// - Throws: ``MatchingError`` `corruptIndex` for a damaged record table; `body`'s errors.
    func forEachRecord(_ body: (Int64, UnsafeRawBufferPointer) throws -> Void) throws {
        for index in 0..<count {
            let (start, end) = record(at: index)
            guard start >= Self.headerSize, start <= end, end <= idsStart else {
                throw MatchingError(.corruptIndex, "The unit copy file is damaged (record table).")
            }
            try body(id(at: index), UnsafeRawBufferPointer(rebasing: region.bytes[start..<end]))
        }
    }

    private func id(at index: Int) -> Int64 {
        Int64(littleEndian: region.bytes.load(fromByteOffset: idsStart + 8 * index, as: Int64.self))
    }

    private func record(at index: Int) -> (Int, Int) {
        let offsets = offsetsStart + 8 * index
        return (Int(truncatingIfNeeded: region.bytes.load(fromByteOffset: offsets, as: UInt64.self).littleEndian),
                Int(truncatingIfNeeded: region.bytes.load(fromByteOffset: offsets + 8, as: UInt64.self).littleEndian))
    }

    static func integer(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int64 {
        Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }

    /// Decodes one record, bounds-checked: `nil` when it runs past its end or does not parse.
    private struct RecordReader {
        let bytes: UnsafeRawBufferPointer
        var offset: Int
        let end: Int

        init(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
            self.bytes = bytes
            offset = start
            self.end = end
        }

        mutating func unit(id: Int64) -> MatchUnit? {
            guard let origin = string().flatMap({ $0.flatMap(Origin.init(rawValue:)) }),
                let tuid = string(), let created = string(), let changed = string(), let propCount = count()
            else { return nil }
            var props: [Prop] = []
            props.reserveCapacity(propCount)
            for _ in 0..<propCount {
                guard let type = string().flatMap({ $0 }), let value = string().flatMap({ $0 }),
                    let language = string(), let encoding = string()
                else { return nil }
                props.append(Prop(type: type, value: value, language: language.flatMap(LanguageTag.init), encoding: encoding))
            }
            guard let variantCount = count() else { return nil }
            var variants: [MatchUnit.Variant] = []
            variants.reserveCapacity(variantCount)
            for _ in 0..<variantCount {
                guard let variant = integer(Int64.self), let tag = string().flatMap({ $0 }),
                    let language = LanguageTag(tag), let text = string().flatMap({ $0 }), let codes = integer(UInt32.self)
                else { return nil }
                variants.append(MatchUnit.Variant(id: variant, language: language, text: text, codes: Int(codes)))
            }
            guard offset == end else { return nil }
            return MatchUnit(unit: id, tuid: tuid, origin: origin, created: created, changed: changed, props: props, variants: variants)
        }

        mutating func integer<T: FixedWidthInteger>(_ type: T.Type) -> T? {
            guard end - offset >= MemoryLayout<T>.size else { return nil }
            defer { offset += MemoryLayout<T>.size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }

        /// A count of items, each at least 4 bytes long: `nil` when more than the record can hold.
        mutating func count() -> Int? {
            guard let value = integer(UInt32.self), Int(value) <= (end - offset) / 4 else { return nil }
            return Int(value)
        }

        /// `.some(nil)` for an absent string, `nil` for a damaged one.
        mutating func string() -> String?? {
            guard let length = integer(UInt32.self) else { return nil }
            if length == UInt32.max { return .some(nil) }
            guard Int(length) <= end - offset else { return nil }
            defer { offset += Int(length) }
            return .some(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(length)]), as: UTF8.self))
        }
    }
}

/// Writes a ``MatchUnitFile``: records appended in increasing unit id to a temporary file beside
/// the target (`<index>.spool-PID-uN.units`, removed by ``MatchIndexSpool/removeLeftovers(of:)``
/// when its writer was killed), then the tables, then renamed over the target (a reader maps
/// either file, never half of one).
///
/// ```swift
/// let writer = try MatchUnitFileWriter(path: "memory-match-units", indexPath: "memory-match", position: position)
/// try writer.append(unit)
/// try writer.finish()
/// ```
package final class MatchUnitFileWriter {
    private static let serial = Atomic<Int>(0)

    private let path: String
    private let temporary: String
    private let output: IndexOutput
    private var ids: [Int64] = []
    private var offsets: [UInt64] = []
    private var written = 0
    private var buffer: [UInt8] = []
    private var finished = false

    /// Starts a file for `path` at `position`; `indexPath` is the match index's side file (the
    /// temporary file is named after it, so that its leftovers are found).
    /// - Throws: ``MatchingError`` `cannotWrite`.
    package init(path: String, indexPath: String, position: ChangePosition) throws {
        self.path = path
        temporary = "\(indexPath).spool-\(getpid())-u\(Self.serial.wrappingAdd(1, ordering: .relaxed).newValue).units"
        output = try IndexOutput(path: temporary)
        let header = SideFileHeader(position, magic: MatchUnitFile.magic).bytes
        output.bytes(header)
        written = header.count
    }

    deinit {
        if !finished {
            try? output.close()
            unlink(temporary)
        }
    }

    /// Appends a unit; ids must increase (a unit without variants is left out: the index never
    /// names it).
    /// - Throws: ``MatchingError`` `cannotWrite` when the ids do not increase.
    package func append(_ unit: MatchUnit) throws {
        guard !unit.variants.isEmpty else { return }
        buffer.removeAll(keepingCapacity: true)
        Self.put(unit.origin.rawValue, into: &buffer)
        for text in [unit.tuid, unit.created, unit.changed] { Self.put(text, into: &buffer) }
        Self.put(UInt32(unit.props.count), into: &buffer)
        for prop in unit.props {
            for text in [prop.type, prop.value, prop.language?.description, prop.encoding] { Self.put(text, into: &buffer) }
        }
        Self.put(UInt32(unit.variants.count), into: &buffer)
        for variant in unit.variants {
            Self.put(variant.id, into: &buffer)
            Self.put(variant.language.description, into: &buffer)
            Self.put(variant.text, into: &buffer)
            Self.put(UInt32(clamping: variant.codes), into: &buffer)
        }
        try appendRecord(id: unit.unit, buffer.withUnsafeBytes { $0 })
    }

    /// Appends a record copied from another file (``MatchUnitFile/forEachRecord(_:)``).
    /// - Throws: ``MatchingError`` `cannotWrite` when the ids do not increase.
    func appendRecord(id: Int64, _ record: UnsafeRawBufferPointer) throws {
        if let last = ids.last, id <= last {
            throw MatchingError(.cannotWrite, "Unit copy records out of order (\(id) after \(last)).", context: path)
        }
        ids.append(id)
        offsets.append(UInt64(written))
        output.raw(record)
        written += record.count
    }

    /// Writes the tables and moves the file into place.
    /// - Throws: ``MatchingError`` `cannotWrite` (disk full); the temporary file is removed.
    package func finish() throws {
        finished = true
        do {
            let recordsEnd = written
            while written % 8 != 0 {
                output.integer(UInt8(0))
                written += 1
            }
            let idsStart = written
            output.raw(ids.map(\.littleEndian))
            output.raw((offsets + [UInt64(recordsEnd)]).map(\.littleEndian))
            output.integer(UInt64(ids.count))
            output.integer(UInt64(idsStart))
            try output.close()
        } catch {
            unlink(temporary)
            throw error
        }
        try MatchIndexSpool.moveIntoPlace(temporary, path)
    }

    private static func put<T: FixedWidthInteger>(_ value: T, into buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    private static func put(_ text: String?, into buffer: inout [UInt8]) {
        guard var text else { return put(UInt32.max, into: &buffer) }
        text.withUTF8 { utf8 in
            put(UInt32(utf8.count), into: &buffer)
            buffer.append(contentsOf: utf8)
        }
    }
}
