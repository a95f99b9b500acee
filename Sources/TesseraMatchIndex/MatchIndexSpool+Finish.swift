#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TesseraMatching

extension MatchIndexSpool {
    /// Writes the index file: `header` (the caller's own bytes, such as a generation stamp), then
    /// the index in the format ``MatchIndex/init(mapping:offset:)`` reads, to a temporary file
    /// renamed over `path` at the end (a reader never sees half a file). Removed entries are left
    /// out; the temporary column files stay until the spool goes away.
    ///
    /// - Parameters:
    ///   - path: The index file.
    ///   - header: Bytes written before the index (a multiple of 8 long keeps sections aligned).
    ///   - generation: The index's generation counter.
    ///   - postingsPerPass: Postings inverted per pass over the token file (memory bound; tests
    ///     use small values to run several passes).
    /// - Throws: ``MatchingError`` `cannotWrite` when a file cannot be read or written.
    /// - Complexity: O(t) in the number of tokens, in ⌈t / ``postingsPerPass``⌉ passes over the
    ///   postings; memory O(vocabulary + ``postingsPerPass``).
    package func finish(
        writingTo path: String, header: [UInt8], generation: UInt64, postingsPerPass: Int = MatchIndexSpool.postingsPerPass
    ) throws {
        let temporary = "\(prefix).out"
        try writeFile(at: temporary, header: header, generation: generation, postingsPerPass: postingsPerPass)
        try Self.moveIntoPlace(temporary, path)
    }

    /// Writes the index file to `temporary` without moving it into place (see
    /// ``finish(writingTo:header:generation:postingsPerPass:)``; ``moveIntoPlace(_:_:)`` does the
    /// rest). On failure nothing is left at `temporary`.
    /// - Throws: ``MatchingError`` `cannotWrite`.
    package func writeFile(
        at temporary: String, header: [UInt8], generation: UInt64, postingsPerPass: Int = MatchIndexSpool.postingsPerPass
    ) throws {
        let output = try IndexOutput(path: temporary)
        do {
            try write(to: output, header: header, generation: generation, postingsPerPass: max(1, postingsPerPass))
            try output.close()
        } catch {
            try? output.close()
            unlink(temporary)
            throw error
        }
    }

    /// Renames a written index file over `path` (atomic: a reader maps either file, never half).
    /// - Throws: ``MatchingError`` `cannotWrite`; the temporary file is removed.
    package static func moveIntoPlace(_ temporary: String, _ path: String) throws {
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw MatchingError(.cannotWrite, "Cannot move the match index file into place.", context: path)
        }
    }

    private func write(to output: IndexOutput, header: [UInt8], generation: UInt64, postingsPerPass: Int) throws {
        // Which entries survive, and how long the prefix sorted by unit is.
        var live = [Bool](repeating: true, count: entryCount)
        var liveCount = 0, sortedCount = 0, sortedSoFar = true
        var lastUnit = Int64.min
        var unitReader = try units.reader()
        for entry in 0..<entryCount {
            guard let unit = unitReader.next() else { throw truncated() }
            if let before = removedBefore[unit], entry < before {
                live[entry] = false
                continue
            }
            liveCount += 1
            if sortedSoFar, unit >= lastUnit { sortedCount += 1 } else { sortedSoFar = false }
            lastUnit = unit
        }

        output.bytes(header)
        output.startIndex()
        output.bytes(MatchIndex.magic)
        output.integer(generation)
        output.integer(UInt64(sortedCount))
        output.section(Array(vocabulary.languages.map(\.description).joined(separator: "\n").utf8))
        try writeTokenTable(to: output)

        try copy(ids, live: live, liveCount: liveCount, to: output)
        try copy(units, live: live, liveCount: liveCount, to: output)
        try copy(languages, live: live, liveCount: liveCount, to: output)
        try copy(masks, live: live, liveCount: liveCount, to: output)
        try copy(lengths, live: live, liveCount: liveCount, to: output)

        // Token starts, and the number of live tokens.
        var countReader = try counts.reader()
        var liveTokens = 0
        output.sectionHeader(count: liveCount + 1, of: UInt32.self)
        output.integer(UInt32(0))
        for entry in 0..<entryCount {
            guard let count = countReader.next() else { throw truncated() }
            if live[entry] {
                liveTokens += Int(count)
                output.integer(UInt32(truncatingIfNeeded: liveTokens))
            }
        }
        output.pad()

        // Tokens, with the posting key of each position (first occurrences are the token id,
        // repeats get rows after the tokens in order of first appearance, as MatchIndex.finalize).
        let keys = try SpoolColumn<UInt32>(path: prefix + ".keys")
        let tokenCount = vocabulary.tokenCount
        var keyCounts = [UInt32](repeating: 0, count: tokenCount + 1)
        var repeatKeys: [UInt64: UInt32] = [:]
        var tokenReader = try tokens.reader()
        countReader = try counts.reader()
        output.sectionHeader(count: liveTokens, of: UInt32.self)
        var entryTokens: [UInt32] = []
        var seen: [UInt32: Int] = [:]
        for entry in 0..<entryCount {
            guard let count = countReader.next() else { throw truncated() }
            entryTokens.removeAll(keepingCapacity: true)
            for _ in 0..<count {
                guard let token = tokenReader.next() else { throw truncated() }
                entryTokens.append(token)
            }
            guard live[entry] else { continue }
            seen.removeAll(keepingCapacity: true)
            for (position, token) in entryTokens.enumerated() {
                output.integer(token)
                var occurrence = 1
                if entryTokens.count > 1 {
                    occurrence = MatchIndex.occurrence(of: token, at: position, in: entryTokens, seen: &seen)
                }
                let keyIndex = MatchIndex.postingRow(token, occurrence, repeatKeys: &repeatKeys, counts: &keyCounts)
                try keys.append(keyIndex)
                keyCounts[Int(keyIndex)] += 1
            }
        }
        output.pad()
        let repeats = repeatKeys.sorted { $0.key < $1.key }
        output.section(repeats.map(\.key))
        output.section(repeats.map(\.value))

        // Posting starts, then the postings in passes over ranges of keys.
        var starts = [UInt32](repeating: 0, count: keyCounts.count)
        var total: UInt32 = 0
        for index in 0..<(keyCounts.count - 1) {
            starts[index] = total
            total &+= keyCounts[index]
        }
        starts[keyCounts.count - 1] = total
        output.section(starts)
        keyCounts = []
        output.sectionHeader(count: Int(total), of: UInt32.self)
        let keyRowCount = starts.count - 1
        var first = 0
        while first < keyRowCount {
            var last = first + 1
            while last < keyRowCount, Int(starts[last + 1] - starts[first]) <= postingsPerPass { last += 1 }
            let base = starts[first]
            var fill = Array(starts[first...last]).map { $0 - base }
            var postings = [UInt32](repeating: 0, count: Int(starts[last] - base))
            var keyReader = try keys.reader()
            countReader = try counts.reader()
            var liveEntry: UInt32 = 0
            for entry in 0..<entryCount {
                guard let count = countReader.next() else { throw truncated() }
                guard live[entry] else { continue }
                for _ in 0..<count {
                    guard let key = keyReader.next() else { throw truncated() }
                    let row = Int(key)
                    if row >= first, row < last {
                        postings[Int(fill[row - first])] = liveEntry
                        fill[row - first] += 1
                    }
                }
                liveEntry += 1
            }
            output.raw(postings)
            first = last
        }
        output.pad()

        // Length buckets of short character keys, by (language << 16) | length.
        var bucketCounts: [UInt32: UInt32] = [:]
        var languageReader = try languages.reader()
        var lengthReader = try lengths.reader()
        for entry in 0..<entryCount {
            guard let language = languageReader.next(), let length = lengthReader.next() else { throw truncated() }
            if live[entry], Int(length) <= MatchIndex.bucketedCharacterLength {
                bucketCounts[(UInt32(language) << 16) | UInt32(length), default: 0] += 1
            }
        }
        let bucketKeys = bucketCounts.keys.sorted()
        var bucketStarts: [UInt32] = [0]
        var bucketRow: [UInt32: Int] = [:]
        for (row, key) in bucketKeys.enumerated() {
            bucketRow[key] = row
            bucketStarts.append(bucketStarts[bucketStarts.count - 1] + (bucketCounts[key] ?? 0))
        }
        var bucketFill = Array(bucketStarts.dropLast())
        var bucketEntries = [UInt32](repeating: 0, count: Int(bucketStarts[bucketStarts.count - 1]))
        languageReader = try languages.reader()
        lengthReader = try lengths.reader()
        var liveEntry: UInt32 = 0
        for entry in 0..<entryCount {
            guard let language = languageReader.next(), let length = lengthReader.next() else { throw truncated() }
            guard live[entry] else { continue }
            if Int(length) <= MatchIndex.bucketedCharacterLength, let row = bucketRow[(UInt32(language) << 16) | UInt32(length)] {
                bucketEntries[Int(bucketFill[row])] = liveEntry
                bucketFill[row] += 1
            }
            liveEntry += 1
        }
        output.section(bucketKeys)
        output.section(bucketStarts)
        output.section(bucketEntries)
        try output.check()
    }

    /// The token table: offsets and UTF-8 blob by id, then FNV-1a hashes sorted with their ids.
    private func writeTokenTable(to output: IndexOutput) throws {
        var hashes = vocabulary.hashes.enumerated().map { ($0.element, UInt32($0.offset)) }
        hashes.sort { $0 < $1 }
        output.section(vocabulary.offsets)
        output.section(vocabulary.blob)
        output.section(hashes.map(\.0))
        output.section(hashes.map(\.1))
    }

    /// Copies the live elements of a column as one section.
    private func copy<T: FixedWidthInteger>(_ column: SpoolColumn<T>, live: [Bool], liveCount: Int, to output: IndexOutput) throws {
        var reader = try column.reader()
        output.sectionHeader(count: liveCount, of: T.self)
        for entry in 0..<entryCount {
            guard let value = reader.next() else { throw truncated() }
            if live[entry] { output.integer(value) }
        }
        output.pad()
    }

    private func truncated() -> MatchingError {
        MatchingError(.cannotWrite, "A temporary file of the match index ended early (disk full?).", context: prefix)
    }
}

/// A buffered writer of the index file format: little-endian integers and sections padded to
/// 8 bytes, through C stdio. Write errors are collected and reported by ``check()``.
final class IndexOutput {
    private var file: UnsafeMutablePointer<FILE>?
    private let path: String
    private var written = 0
    private var origin = 0
    private var failed = false

    init(path: String) throws {
        self.path = path
        file = fopen(path, "wb")
        guard file != nil else {
            throw MatchingError(.cannotWrite, "Cannot create the match index file.", context: path)
        }
        setvbuf(file, nil, _IOFBF, 1 << 20)
    }

    deinit { if let file { fclose(file) } }

    private func put(_ pointer: UnsafeRawPointer, _ count: Int) {
        guard count > 0, let file else { return }
        if fwrite(pointer, 1, count, file) != count { failed = true }
        written += count
    }

    func bytes(_ bytes: [UInt8]) { bytes.withUnsafeBytes { put($0.baseAddress!, $0.count) } }

    func raw<T: FixedWidthInteger>(_ values: [T]) {
        values.withUnsafeBytes { raw in if let base = raw.baseAddress { put(base, raw.count) } }
    }

    func raw(_ bytes: UnsafeRawBufferPointer) {
        if let base = bytes.baseAddress { put(base, bytes.count) }
    }

    @inline(__always) func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { put($0.baseAddress!, $0.count) }
    }

    /// The byte count of a section of `count` elements (its elements follow, then ``pad()``).
    func sectionHeader<T: FixedWidthInteger>(count: Int, of type: T.Type) {
        integer(UInt64(count * MemoryLayout<T>.size))
    }

    /// Marks where the index starts: sections are padded relative to it.
    func startIndex() { origin = written }

    /// Zero bytes up to a multiple of 8 from the start of the index.
    func pad() {
        while (written - origin) % 8 != 0 { integer(UInt8(0)) }
    }

    /// A whole section.
    func section<T: FixedWidthInteger>(_ values: [T]) {
        sectionHeader(count: values.count, of: T.self)
        raw(values)
        pad()
    }

    /// Throws when a write failed.
    func check() throws {
        if failed || (file.map { ferror($0) != 0 } ?? true) {
            throw MatchingError(.cannotWrite, "Cannot write the match index file (disk full?).", context: path)
        }
    }

    /// Flushes and closes the file; throws when anything failed.
    func close() throws {
        guard let file else { return }
        self.file = nil
        let flushed = fflush(file) == 0
        let closed = fclose(file) == 0
        if failed || !flushed || !closed {
            throw MatchingError(.cannotWrite, "Cannot write the match index file (disk full?).", context: path)
        }
    }
}
