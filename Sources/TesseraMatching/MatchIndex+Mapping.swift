import TesseraCore

extension MatchIndex {
    /// The first bytes of a serialised index (version 3: aligned sections, readable in place).
    package static let magic: [UInt8] = Array("TSMATCH3".utf8)

    /// The 64-bit FNV-1a hash of a token's UTF-8 bytes (stable across processes, unlike `Hasher`).
    @inline(__always) static func tokenHash(_ token: String) -> UInt64 {
        tokenHash(token.utf8)
    }

    /// The 64-bit FNV-1a hash of UTF-8 bytes.
    @inline(__always) package static func tokenHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Reads an index in place from a mapped side file, starting `offset` bytes into it: nothing
    /// is copied or rebuilt, lookups read the mapped pages (binary search for tokens and repeat
    /// keys). Every read is bounds-checked, so a damaged file gives wrong candidates or an error,
    /// never a crash. The first change (``add(unit:variants:)``, ``remove(unit:)``) copies the
    /// index into memory.
    ///
    /// ```swift
    /// let index = try MatchIndex(mapping: MappedRegion(path: "tm.db-match"), offset: 24)
    /// ```
    /// - Throws: ``MatchingError`` of kind `corruptIndex`.
    /// - Complexity: O(number of sections + languages).
    public init(mapping region: MappedRegion, offset: Int = 0) throws {
        guard offset >= 0, offset <= region.bytes.count else {
            throw MatchingError(.corruptIndex, "The match index file is truncated.")
        }
        try self.init(sections: UnsafeRawBufferPointer(rebasing: region.bytes[offset...]), region: region)
    }

    /// Parses the header and the sections as views of `bytes` (kept alive by `region`, if any).
    init(sections bytes: UnsafeRawBufferPointer, region: MappedRegion?) throws {
        var reader = ByteReader(bytes, region: region)
        guard try reader.bytes(Self.magic.count) == Self.magic else {
            throw MatchingError(.corruptIndex, "The file is not a Tessera match index of this version.")
        }
        self.init()
        generation = try reader.integer()
        let sorted: UInt64 = try reader.integer()
        let languageBytes: MatchIndexColumn<UInt8> = try reader.section()
        let languageText = String(decoding: languageBytes, as: UTF8.self)
        languages = try languageText.isEmpty ? [] : languageText.split(separator: "\n", omittingEmptySubsequences: false).map {
            guard let tag = LanguageTag(String($0)) else { throw MatchingError(.corruptIndex, "Bad language tag \($0) in the index.") }
            return tag
        }
        guard languages.count <= Int(UInt16.max) else { throw MatchingError(.corruptIndex, "Too many languages in the index.") }
        for (id, language) in languages.enumerated() { languageIDs[language] = UInt16(id) }
        let tables = MatchIndexMappedTables(
            tokenOffsets: try reader.section(), tokenBlob: try reader.section(), tokenHashes: try reader.section(),
            tokenHashIDs: try reader.section(), repeatKeys: MatchIndexColumn(), repeatValues: MatchIndexColumn(),
            bucketKeys: MatchIndexColumn(), bucketStarts: MatchIndexColumn(), bucketEntries: MatchIndexColumn())
        var mappedTables = tables
        entryIDs = try reader.section()
        entryUnits = try reader.section()
        entryLanguages = try reader.section()
        entryUnitMasks = try reader.section()
        entryCharLengths = try reader.section()
        entryTokenStarts = try reader.section()
        tokens = try reader.section()
        mappedTables.repeatKeys = try reader.section()
        mappedTables.repeatValues = try reader.section()
        postingStarts = try reader.section()
        postings = try reader.section()
        mappedTables.bucketKeys = try reader.section()
        mappedTables.bucketStarts = try reader.section()
        mappedTables.bucketEntries = try reader.section()
        let count = entryIDs.count
        let tokenCount = mappedTables.tokenHashes.count
        guard entryUnits.count == count, entryLanguages.count == count, entryUnitMasks.count == count,
            entryCharLengths.count == count, entryTokenStarts.count == count + 1,
            Int(entryTokenStarts[count]) == tokens.count, count == 0 || !languages.isEmpty,
            mappedTables.tokenHashIDs.count == tokenCount, mappedTables.tokenOffsets.count == tokenCount + 1,
            Int(mappedTables.tokenOffsets[tokenCount]) == mappedTables.tokenBlob.count,
            mappedTables.repeatKeys.count == mappedTables.repeatValues.count,
            postingStarts.count == tokenCount + mappedTables.repeatKeys.count + 1,
            Int(postingStarts[postingStarts.count - 1]) == postings.count,
            mappedTables.bucketStarts.count == mappedTables.bucketKeys.count + 1,
            Int(mappedTables.bucketStarts[mappedTables.bucketKeys.count]) == mappedTables.bucketEntries.count,
            sorted <= UInt64(count)
        else {
            throw MatchingError(.corruptIndex, "The match index arrays do not agree in length.")
        }
        sortedCount = Int(sorted)
        postedTokenCount = tokenCount
        mapped = mappedTables
    }
}

/// The tables of a mapped index that an in-memory index keeps as dictionaries, read by binary
/// search instead: token ids by hash, repeat keys, length buckets.
struct MatchIndexMappedTables: Sendable {
    var tokenOffsets: MatchIndexColumn<UInt32>
    var tokenBlob: MatchIndexColumn<UInt8>
    var tokenHashes: MatchIndexColumn<UInt64>
    var tokenHashIDs: MatchIndexColumn<UInt32>
    var repeatKeys: MatchIndexColumn<UInt64>
    var repeatValues: MatchIndexColumn<UInt32>
    var bucketKeys: MatchIndexColumn<UInt32>
    var bucketStarts: MatchIndexColumn<UInt32>
    var bucketEntries: MatchIndexColumn<UInt32>

    var tokenCount: Int { tokenHashes.count }

    /// The UTF-8 bytes of token `id` (empty when out of range).
    func tokenBytes(_ id: UInt32) -> Slice<MatchIndexColumn<UInt8>> {
        let position = Int(id)
        guard position + 1 < tokenOffsets.count else { return tokenBlob[0..<0] }
        let start = min(Int(tokenOffsets[position]), tokenBlob.count)
        return tokenBlob[start..<max(start, min(Int(tokenOffsets[position + 1]), tokenBlob.count))]
    }

    func tokenText(_ id: UInt32) -> String { String(decoding: tokenBytes(id), as: UTF8.self) }

    /// The id of `token`: binary search of its hash, then a comparison of the bytes.
    /// - Complexity: O(log k + length of the token).
    func tokenID(_ token: String) -> UInt32? {
        let hash = MatchIndex.tokenHash(token)
        var position = tokenHashes.lowerBound(hash)
        while position < tokenHashes.count, tokenHashes[position] == hash {
            let id = tokenHashIDs[position]
            if tokenBytes(id).elementsEqual(token.utf8) { return id }
            position += 1
        }
        return nil
    }

    /// The posting row of a repeat key, by binary search.
    func repeatKeyIndex(_ key: UInt64) -> UInt32? {
        let position = repeatKeys.lowerBound(key)
        guard position < repeatKeys.count, repeatKeys[position] == key else { return nil }
        return repeatValues[position]
    }

    /// The entries of a length bucket, by binary search.
    func bucket(_ key: UInt32) -> [UInt32] {
        let position = bucketKeys.lowerBound(key)
        guard position < bucketKeys.count, bucketKeys[position] == key else { return [] }
        let start = min(Int(bucketStarts[position]), bucketEntries.count)
        return Array(bucketEntries[start..<max(start, min(Int(bucketStarts[position + 1]), bucketEntries.count))])
    }

    func repeatKeyDictionary() -> [UInt64: UInt32] {
        var result: [UInt64: UInt32] = [:]
        for position in 0..<repeatKeys.count { result[repeatKeys[position]] = repeatValues[position] }
        return result
    }

    func bucketDictionary() -> [UInt32: [UInt32]] {
        var result: [UInt32: [UInt32]] = [:]
        for position in 0..<bucketKeys.count { result[bucketKeys[position]] = bucket(bucketKeys[position]) }
        return result
    }
}

/// Reads the sections of an index file (written by `MatchIndexSpool` in TesseraMatchIndex) as column views, throwing on truncation.
struct ByteReader {
    let data: UnsafeRawBufferPointer
    let region: MappedRegion?
    var offset = 0

    init(_ data: UnsafeRawBufferPointer, region: MappedRegion?) {
        self.data = data
        self.region = region
    }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= data.count - offset else {
            throw MatchingError(.corruptIndex, "The match index file is truncated.")
        }
        defer { offset += count }
        return Array(data[offset..<(offset + count)])
    }

    mutating func integer<T: FixedWidthInteger>() throws -> T {
        let size = MemoryLayout<T>.size
        guard size <= data.count - offset else { throw MatchingError(.corruptIndex, "The match index file is truncated.") }
        let value = data.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: value)
    }

    /// The next section as a view (not copied).
    mutating func section<T: FixedWidthInteger & Sendable>() throws -> MatchIndexColumn<T> {
        let byteCount64: UInt64 = try integer()
        guard byteCount64 <= UInt64(data.count - offset), Int(byteCount64) % MemoryLayout<T>.size == 0 else {
            throw MatchingError(.corruptIndex, "The match index file is truncated.")
        }
        let byteCount = Int(byteCount64)
        let view = UnsafeRawBufferPointer(rebasing: data[offset..<(offset + byteCount)])
        offset += byteCount
        offset = min(data.count, (offset + 7) / 8 * 8)
        return MatchIndexColumn(view: view, region: region)
    }
}
