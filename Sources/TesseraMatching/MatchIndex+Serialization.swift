import Foundation
import TesseraCore

extension MatchIndex {
    /// The first bytes of a serialised index.
    static let magic: [UInt8] = Array("TSMATCH2".utf8)

    /// The index as bytes for a side file: a header (magic, `generation`) and the arrays in
    /// little-endian order. The index is finalised first if it has recent changes.
    ///
    /// ```swift
    /// let bytes = index.serialized(generation: 7)
    /// let again = try MatchIndex(serialized: bytes)   // again.generation == 7
    /// ```
    /// - Parameter generation: A counter of the store the index mirrors, read back by ``init(serialized:)``.
    /// - Complexity: O(size of the index).
    public func serialized(generation: UInt64 = 0) -> [UInt8] {
        var index = self
        if !index.recentPostings.isEmpty || !index.removed.isEmpty || index.postingStarts.count != index.tokenTexts.count + 1 + index.repeatKeys.count
        {
            index.finalize()
        }
        var writer = ByteWriter()
        writer.bytes(Self.magic)
        writer.integer(generation)
        writer.strings(index.languages.map(\.description))
        writer.strings(index.tokenTexts)
        writer.array(index.entryIDs)
        writer.array(index.entryUnits)
        writer.array(index.entryLanguages)
        writer.array(index.entryUnitMasks)
        writer.array(index.entryCharLengths)
        writer.array(index.entryTokenStarts)
        writer.array(index.tokens)
        let repeats = index.repeatKeys.sorted { $0.key < $1.key }
        writer.array(repeats.map(\.key))
        writer.array(repeats.map(\.value))
        writer.array(index.postingStarts)
        writer.array(index.postings)
        let buckets = index.charBuckets.sorted { $0.key < $1.key }
        writer.array(buckets.map(\.key))
        writer.array(buckets.map { UInt32($0.value.count) })
        writer.array(buckets.flatMap(\.value))
        return writer.data
    }

    /// Reads an index written by ``serialized(generation:)``.
    /// - Throws: ``MatchingError`` of kind `corruptIndex` for bytes of another version, truncated
    ///   or inconsistent.
    public init(serialized bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try MatchIndex(serializedBuffer: $0) }
    }

    /// Reads an index from memory (for example a memory-mapped side file) without copying the
    /// buffer first; the arrays are copied out of it.
    /// - Throws: ``MatchingError`` of kind `corruptIndex`.
    public init(serializedBuffer bytes: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(bytes)
        guard try reader.bytes(Self.magic.count) == Self.magic else {
            throw MatchingError(.corruptIndex, "The file is not a Tessera match index of this version.")
        }
        self.init()
        generation = try reader.integer()
        let languageNames = try reader.strings()
        languages = try languageNames.map {
            guard let tag = LanguageTag($0) else { throw MatchingError(.corruptIndex, "Bad language tag \($0) in the index.") }
            return tag
        }
        for (id, language) in languages.enumerated() { languageIDs[language] = UInt16(id) }
        tokenTexts = try reader.strings()
        tokenIDs.reserveCapacity(tokenTexts.count)
        for (id, token) in tokenTexts.enumerated() { tokenIDs[token] = UInt32(id) }
        entryIDs = try reader.array()
        entryUnits = try reader.array()
        entryLanguages = try reader.array()
        entryUnitMasks = try reader.array()
        entryCharLengths = try reader.array()
        entryTokenStarts = try reader.array()
        tokens = try reader.array()
        let repeatKeyList: [UInt64] = try reader.array()
        let repeatValues: [UInt32] = try reader.array()
        postingStarts = try reader.array()
        postings = try reader.array()
        let bucketKeys: [UInt32] = try reader.array()
        let bucketCounts: [UInt32] = try reader.array()
        let bucketEntries: [UInt32] = try reader.array()
        let count = entryIDs.count
        guard entryUnits.count == count, entryLanguages.count == count, entryUnitMasks.count == count,
            entryCharLengths.count == count, entryTokenStarts.count == count + 1,
            Int(entryTokenStarts.last ?? 0) == tokens.count, repeatKeyList.count == repeatValues.count,
            postingStarts.count == tokenTexts.count + repeatKeyList.count + 1,
            Int(postingStarts.last ?? 0) == postings.count, bucketKeys.count == bucketCounts.count,
            bucketCounts.reduce(0, { $0 + Int($1) }) == bucketEntries.count,
            tokens.allSatisfy({ Int($0) < tokenTexts.count }), postings.allSatisfy({ Int($0) < count }),
            bucketEntries.allSatisfy({ Int($0) < count }), entryLanguages.allSatisfy({ Int($0) < languages.count }),
            zip(entryTokenStarts, entryTokenStarts.dropFirst()).allSatisfy({ $0 <= $1 }),
            zip(postingStarts, postingStarts.dropFirst()).allSatisfy({ $0 <= $1 })
        else {
            throw MatchingError(.corruptIndex, "The match index arrays do not agree in length.")
        }
        for (key, value) in zip(repeatKeyList, repeatValues) { repeatKeys[key] = value }
        var offset = 0
        for (key, count) in zip(bucketKeys, bucketCounts) {
            charBuckets[key] = Array(bucketEntries[offset..<(offset + Int(count))])
            offset += Int(count)
        }
        sortedCount = zip(entryUnits, entryUnits.dropFirst()).allSatisfy { $0 <= $1 } ? count : 0
    }
}

/// Appends little-endian integers, arrays and strings to a byte buffer.
struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ bytes: [UInt8]) { data.append(contentsOf: bytes) }

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        integer(UInt64(values.count))
        values.withUnsafeBytes { raw in data.append(contentsOf: raw) }  // little-endian hosts only
    }

    mutating func strings(_ values: [String]) {
        var offsets: [UInt32] = [0]
        var blob: [UInt8] = []
        for value in values {
            blob.append(contentsOf: value.utf8)
            offsets.append(UInt32(blob.count))
        }
        array(offsets)
        array(blob)
    }
}

/// Reads what ``ByteWriter`` wrote, throwing on truncation.
struct ByteReader {
    let data: UnsafeRawBufferPointer
    var offset = 0

    init(_ data: UnsafeRawBufferPointer) { self.data = data }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, offset + count <= data.count else {
            throw MatchingError(.corruptIndex, "The match index file is truncated.")
        }
        defer { offset += count }
        return Array(data[offset..<(offset + count)])
    }

    mutating func integer<T: FixedWidthInteger>() throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= data.count else { throw MatchingError(.corruptIndex, "The match index file is truncated.") }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: data[offset..<(offset + size)]))
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func array<T: FixedWidthInteger>() throws -> [T] {
        let count64: UInt64 = try integer()
        let size = MemoryLayout<T>.size
        guard count64 <= UInt64(data.count - offset) / UInt64(size) else {
            throw MatchingError(.corruptIndex, "The match index file is truncated.")
        }
        let count = Int(count64)
        let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: data[offset..<(offset + count * size)]))
            initialized = count
        }
        offset += count * size
        return result
    }

    mutating func strings() throws -> [String] {
        let offsets: [UInt32] = try array()
        let blob: [UInt8] = try array()
        guard let first = offsets.first, first == 0, Int(offsets.last ?? 0) == blob.count,
            zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else { throw MatchingError(.corruptIndex, "The string table of the match index is inconsistent.") }
        var result: [String] = []
        result.reserveCapacity(max(offsets.count - 1, 0))
        for (start, end) in zip(offsets, offsets.dropFirst()) {
            result.append(String(decoding: blob[Int(start)..<Int(end)], as: UTF8.self))
        }
        return result
    }
}
