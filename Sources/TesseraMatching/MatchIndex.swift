public import TesseraCore

/// The candidate index of the fuzzy matcher: every indexed segment as a sequence of token ids,
/// postings from `(token, occurrence)` to segments, and language masks per unit.
///
/// Search (``search(_:)``) is a prefix filter: a candidate reaching `minimum` percent shares at
/// least `t = ⌈n · minimum / 100⌉` of the query's `n` tokens (counted with repeats, hence the
/// occurrence in the key), so it holds at least one of the query's `n − t + 1` rarest keys. Only
/// those postings are read; each candidate then passes a length window and a banded edit distance.
/// Single-word queries compare characters; their candidates come from length buckets.
///
/// ```swift
/// var index = MatchIndex()
/// index.add(unit: 1, variants: [.init(id: 10, language: en, text: "Open the file"),
///                                .init(id: 11, language: de, text: "Datei öffnen")])
/// index.finalize()
/// let hits = index.search(MatchRequest(query: MatchText("Open the files", language: en),
///                                     sourceLanguage: en, targetLanguages: [de], minimum: 60, limit: 5))
/// ```
///
/// The index is a value; the side file that `MatchIndexSpool` (TesseraMatchIndex) writes is read
/// in place (memory-mapped) by ``init(mapping:offset:)``.
public struct MatchIndex: Sendable {
    /// One language version of a unit, as given to ``add(unit:variants:)``.
    public struct Entry: Sendable, Hashable {
        /// The variant's own identifier (a row id in the translation memory).
        public var id: Int64
        /// The variant language.
        public var language: LanguageTag
        /// The plain text of the segment.
        public var text: String
        /// Creates an entry.
        public init(id: Int64, language: LanguageTag, text: String) {
            self.id = id
            self.language = language
            self.text = text
        }
    }

    /// A counter of the store the index mirrors (written in the side file).
    public var generation: UInt64 = 0
    /// Languages by id (the id is the position).
    public internal(set) var languages: [LanguageTag] = []
    var languageIDs: [LanguageTag: UInt16] = [:]
    /// Token texts by id, and ids by text: every token of an index built in memory; of a mapped
    /// index, the tokens added since it was mapped (ids from the mapped table's count on).
    var tokenTexts: [String] = []
    var tokenIDs: [String: UInt32] = [:]
    /// The tokens whose first-occurrence postings are in the compressed rows (the rest, added
    /// later, have only recent postings).
    var postedTokenCount = 0

    // Entries (one per indexed variant), parallel arrays.
    package var entryIDs: MatchIndexColumn<Int64> = []
    package var entryUnits: MatchIndexColumn<Int64> = []
    package var entryLanguages: MatchIndexColumn<UInt16> = []
    package var entryUnitMasks: MatchIndexColumn<UInt64> = []
    package var entryCharLengths: MatchIndexColumn<UInt16> = []
    var entryTokenStarts: MatchIndexColumn<UInt32> = [0]
    var tokens: MatchIndexColumn<UInt32> = []
    /// Entries removed since the last ``finalize()``.
    package var removed: Set<UInt32> = []
    /// Entries `0..<sortedCount` were added in increasing unit order (binary search by unit).
    var sortedCount = 0

    // Postings in compressed rows: key index -> entries. Key index = token id for a first
    // occurrence; `repeatKeys[(token << 8) | occurrence]` for repeats.
    var repeatKeys: [UInt64: UInt32] = [:]
    var postingStarts: MatchIndexColumn<UInt32> = [0]
    var postings: MatchIndexColumn<UInt32> = []
    /// Postings of entries added after the last ``finalize()``, by full key.
    var recentPostings: [UInt64: [UInt32]] = [:]
    /// Entries with a short character key, by `(language << 16) | length`, for character search.
    var charBuckets: [UInt32: [UInt32]] = [:]
    /// The token table, repeat keys and length buckets of a mapped side file (then `tokenTexts`,
    /// `tokenIDs` and `charBuckets` hold only what was added since, `repeatKeys` is empty); `nil`
    /// for an index built in memory.
    var mapped: MatchIndexMappedTables?
    /// The admission tables of token search (built lazily per searched pair, shared by the copies
    /// of this value); every change of the entries drops them (``dropAdmissions()``).
    package private(set) var admissions = MatchIndexAdmissions()
    /// Whether token search uses and builds admission tables (`false`: every posting is checked
    /// against the entry columns, as the tables' tests and benchmarks compare).
    package var usesAdmissionTables = true

    /// Whether ``add(unit:variants:)`` makes entries searchable at once (postings in a side table).
    /// A bulk build sets it to `false` and calls ``finalize()`` once at the end, which is faster.
    public var indexesImmediately = true

    /// The longest character key kept in the length buckets of character-level search.
    public static let bucketedCharacterLength = 48

    /// An empty index.
    public init() {}

    /// The number of indexed variants, removed ones included until the next ``finalize()``.
    public var entryCount: Int { entryIDs.count }
    /// The number of variants that are searchable.
    public var liveEntryCount: Int { entryIDs.count - removed.count }
    /// The number of distinct tokens.
    public var tokenCount: Int { (mapped?.tokenCount ?? 0) + tokenTexts.count }
    /// Whether the index reads a memory-mapped side file (nothing copied at load).
    public var isMapped: Bool { mapped != nil }

    /// The id of a language, registering it.
    mutating func languageID(_ language: LanguageTag) -> UInt16 {
        if let id = languageIDs[language] { return id }
        let id = UInt16(languages.count)
        languages.append(language)
        languageIDs[language] = id
        return id
    }

    /// The id of a known token, or `nil`.
    @inline(__always) func existingTokenID(_ token: String) -> UInt32? {
        if let mapped, let id = mapped.tokenID(token) { return id }
        return tokenIDs.isEmpty ? nil : tokenIDs[token]
    }

    /// The text of a token id (empty for an unknown id).
    package func tokenText(_ id: UInt32) -> String {
        var position = Int(id)
        if let mapped {
            if position < mapped.tokenCount { return mapped.tokenText(id) }
            position -= mapped.tokenCount
        }
        return position < tokenTexts.count ? tokenTexts[position] : ""
    }

    /// The entries of a character-length bucket.
    func bucket(_ key: UInt32) -> [UInt32] {
        if let mapped {
            let added = charBuckets[key] ?? []
            return added.isEmpty ? mapped.bucket(key) : mapped.bucket(key) + added
        }
        return charBuckets[key] ?? []
    }

    /// Copies a mapped index into memory so that it can change (the tables become dictionaries again).
    /// - Complexity: O(size of the index).
    public mutating func materialize() {
        guard let mapped else { return }
        tokenTexts = (0..<mapped.tokenCount).map { mapped.tokenText(UInt32($0)) } + tokenTexts
        tokenIDs = [:]
        tokenIDs.reserveCapacity(tokenTexts.count)
        for (id, token) in tokenTexts.enumerated() { tokenIDs[token] = UInt32(id) }
        repeatKeys = mapped.repeatKeyDictionary()
        var buckets = mapped.bucketDictionary()
        for (key, entries) in charBuckets { buckets[key, default: []].append(contentsOf: entries) }
        charBuckets = buckets
        self.mapped = nil
        entryIDs.materialize()
        entryUnits.materialize()
        entryLanguages.materialize()
        entryUnitMasks.materialize()
        entryCharLengths.materialize()
        entryTokenStarts.materialize()
        tokens.materialize()
        postingStarts.materialize()
        postings.materialize()
    }

    /// The id of a token, registering it.
    mutating func tokenID(_ token: String) -> UInt32 {
        if let id = existingTokenID(token) { return id }
        let id = UInt32(tokenCount)
        tokenTexts.append(token)
        tokenIDs[token] = id
        return id
    }

    /// The language bit of a language id (ids above 63 share the last bit).
    @inline(__always) package static func bit(_ language: UInt16) -> UInt64 { 1 << UInt64(min(language, 63)) }

    /// The posting key of the `occurrence`-th (from 1) repeat of `token`.
    @inline(__always) static func key(_ token: UInt32, _ occurrence: Int) -> UInt64 {
        (UInt64(token) << 8) | UInt64(min(occurrence, 255))
    }

    /// How many times `token` occurs in an entry's `tokens` up to and including `position`: a
    /// scan for short entries, a running dictionary (cleared by the caller per entry, fed every
    /// position in order) for long ones.
    @inline(__always) package static func occurrence<Tokens: RandomAccessCollection<UInt32>>(
        of token: UInt32, at position: Int, in tokens: Tokens, seen: inout [UInt32: Int]
    ) -> Int where Tokens.Index == Int {
        if tokens.count <= 32 {
            var occurrence = 1
            for earlier in tokens.startIndex..<position where tokens[earlier] == token { occurrence += 1 }
            return occurrence
        }
        let occurrence = (seen[token] ?? 0) + 1
        seen[token] = occurrence
        return occurrence
    }

    /// The posting row of the `occurrence`-th (from 1) occurrence of `token` in an entry: the
    /// token id for a first occurrence; for a repeat, a row after the tokens' rows, numbered in
    /// order of first appearance (registered in `repeatKeys`, with a new zero count in `counts`,
    /// whose last element stays the end marker).
    @inline(__always) package static func postingRow(
        _ token: UInt32, _ occurrence: Int, repeatKeys: inout [UInt64: UInt32], counts: inout [UInt32]
    ) -> UInt32 {
        guard occurrence > 1 else { return token }
        let key = key(token, occurrence)
        if let known = repeatKeys[key] { return known }
        let row = UInt32(counts.count - 1)
        repeatKeys[key] = row
        counts.append(0)
        return row
    }

    /// Adds the variants of one unit (call ``remove(unit:)`` first when the unit changed). A
    /// mapped index stays mapped: the new entries go to in-memory tails of its arrays.
    ///
    /// - Parameters:
    ///   - unit: The unit identifier.
    ///   - variants: Its language versions; each becomes a searchable entry.
    /// - Complexity: O(k) in the total length of the texts.
    public mutating func add(unit: Int64, variants: [Entry]) {
        dropAdmissions()
        if mapped != nil { indexesImmediately = true }  // a mapped index has no bulk finalize
        var mask: UInt64 = 0
        // One analysis with the spool's (MatchIndexVocabulary.forEachWord): same words, same length.
        var analysed: [(id: Int64, language: UInt16, characterLength: UInt16, words: [String])] = []
        for variant in variants {
            let language = languageID(variant.language)
            mask |= Self.bit(language)
            var words: [String] = []
            let length = MatchIndexVocabulary.forEachWord(in: variant.text, language: variant.language) {
                words.append(String(decoding: $0, as: UTF8.self))
            }
            analysed.append((variant.id, language, length, words))
        }
        let inOrder = sortedCount == entryIDs.count && (entryUnits.last.map { $0 < unit } ?? true)
        for variant in analysed {
            let entry = UInt32(entryIDs.count)
            entryIDs.append(variant.id)
            entryUnits.append(unit)
            entryLanguages.append(variant.language)
            entryUnitMasks.append(mask)
            let charLength = Int(variant.characterLength)
            let language = variant.language
            entryCharLengths.append(variant.characterLength)
            if indexesImmediately {
                var seen: [UInt32: Int] = [:]
                for word in variant.words {
                    let id = tokenID(word)
                    tokens.append(id)
                    let occurrence = (seen[id] ?? 0) + 1
                    seen[id] = occurrence
                    recentPostings[Self.key(id, occurrence), default: []].append(entry)
                }
            } else {
                // A bulk build: the postings are made by finalize().
                for word in variant.words { tokens.append(tokenID(word)) }
            }
            entryTokenStarts.append(UInt32(tokens.count))
            if indexesImmediately, charLength <= Self.bucketedCharacterLength {
                charBuckets[(UInt32(language) << 16) | UInt32(charLength), default: []].append(entry)
            }
        }
        if inOrder { sortedCount = entryIDs.count }
    }

    /// Removes every entry of `unit` (they are skipped by searches until ``finalize()`` drops
    /// them); returns how many there were. A mapped index stays mapped.
    /// - Complexity: O(log n) for units added in order, O(r) over the entries added out of order.
    @discardableResult
    public mutating func remove(unit: Int64) -> Int {
        dropAdmissions()
        var found: [UInt32] = []
        var low = 0, high = sortedCount
        while low < high {
            let middle = (low + high) / 2
            if entryUnits[middle] < unit { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < sortedCount, entryUnits[index] == unit {
            found.append(UInt32(index))
            index += 1
        }
        for index in sortedCount..<entryUnits.count where entryUnits[index] == unit {
            found.append(UInt32(index))
        }
        var count = 0
        for entry in found where removed.insert(entry).inserted { count += 1 }
        return count
    }

    /// The token ids of an entry.
    @inline(__always) package func tokens(of entry: Int) -> Slice<MatchIndexColumn<UInt32>> {
        let start = min(Int(entryTokenStarts[entry]), tokens.count)
        return tokens[start..<max(start, min(Int(entryTokenStarts[entry + 1]), tokens.count))]
    }

    /// The identifiers of an entry: variant id, unit id and language.
    public func entry(_ index: Int) -> (id: Int64, unit: Int64, language: LanguageTag) {
        (entryIDs[index], entryUnits[index], language(ofEntry: index))
    }

    /// Rebuilds the postings in compressed form, dropping removed entries for good.
    /// - Complexity: O(t) in the total number of tokens.
    public mutating func finalize() {
        dropAdmissions()
        materialize()
        if !removed.isEmpty { compact() }
        repeatKeys = [:]
        var counts = [UInt32](repeating: 0, count: tokenTexts.count + 1)
        var keyOfPosition = [UInt32](repeating: 0, count: tokens.count)
        var seen: [UInt32: Int] = [:]
        for entry in 0..<entryIDs.count {
            let start = Int(entryTokenStarts[entry]), end = Int(entryTokenStarts[entry + 1])
            seen.removeAll(keepingCapacity: true)
            for position in start..<end {
                let token = tokens[position]
                var occurrence = 1
                if end - start > 1 {
                    occurrence = Self.occurrence(of: token, at: position, in: tokens[start..<end], seen: &seen)
                }
                let keyIndex = Self.postingRow(token, occurrence, repeatKeys: &repeatKeys, counts: &counts)
                keyOfPosition[position] = keyIndex
                counts[Int(keyIndex)] += 1
            }
        }
        var starts = [UInt32](repeating: 0, count: counts.count)
        var total: UInt32 = 0
        for index in 0..<(counts.count - 1) {
            starts[index] = total
            total += counts[index]
        }
        starts[counts.count - 1] = total
        var fill = starts
        var flat = [UInt32](repeating: 0, count: Int(total))
        for entry in 0..<entryIDs.count {
            for position in Int(entryTokenStarts[entry])..<Int(entryTokenStarts[entry + 1]) {
                let keyIndex = Int(keyOfPosition[position])
                flat[Int(fill[keyIndex])] = UInt32(entry)
                fill[keyIndex] += 1
            }
        }
        postingStarts = MatchIndexColumn(starts)
        postings = MatchIndexColumn(flat)
        postedTokenCount = tokenTexts.count
        recentPostings = [:]
        charBuckets = [:]
        for entry in 0..<entryIDs.count where Int(entryCharLengths[entry]) <= Self.bucketedCharacterLength {
            charBuckets[(UInt32(entryLanguages[entry]) << 16) | UInt32(entryCharLengths[entry]), default: []]
                .append(UInt32(entry))
        }
    }

    /// Forgets the admission tables and read counts of this value (a copy made before keeps its
    /// own, which still describe its entries): called by every change of the entries.
    mutating func dropAdmissions() {
        if isKnownUniquelyReferenced(&admissions) {
            admissions.reset()
        } else {
            admissions = MatchIndexAdmissions()
        }
    }

    /// Drops removed entries from the arrays (entry numbers change).
    mutating func compact() {
        dropAdmissions()
        var ids: [Int64] = [], units: [Int64] = [], langs: [UInt16] = [], masks: [UInt64] = [], chars: [UInt16] = []
        var starts: [UInt32] = [0], flat: [UInt32] = []
        ids.reserveCapacity(liveEntryCount)
        for entry in 0..<entryIDs.count where !removed.contains(UInt32(entry)) {
            ids.append(entryIDs[entry])
            units.append(entryUnits[entry])
            langs.append(entryLanguages[entry])
            masks.append(entryUnitMasks[entry])
            chars.append(entryCharLengths[entry])
            flat.append(contentsOf: tokens(of: entry))
            starts.append(UInt32(flat.count))
        }
        entryIDs = MatchIndexColumn(ids)
        entryUnits = MatchIndexColumn(units)
        entryLanguages = MatchIndexColumn(langs)
        entryUnitMasks = MatchIndexColumn(masks)
        entryCharLengths = MatchIndexColumn(chars)
        entryTokenStarts = MatchIndexColumn(starts)
        tokens = MatchIndexColumn(flat)
        removed = []
        sortedCount = zip(units, units.dropFirst()).allSatisfy { $0 <= $1 } ? units.count : 0
    }

    /// The entries holding posting key `(token, occurrence)`, compressed part and recent part.
    func postings(token: UInt32, occurrence: Int) -> (Slice<MatchIndexColumn<UInt32>>, [UInt32]) {
        var compressed = postings[0..<0]
        let key = Self.key(token, occurrence)
        let keyIndex: UInt32? = occurrence == 1
            ? (Int(token) < postedTokenCount ? token : nil)
            : (mapped.map { $0.repeatKeyIndex(key) } ?? repeatKeys[key])
        if let keyIndex, Int(keyIndex) + 1 < postingStarts.count {
            let start = min(Int(postingStarts[Int(keyIndex)]), postings.count)
            compressed = postings[start..<max(start, min(Int(postingStarts[Int(keyIndex) + 1]), postings.count))]
        }
        return (compressed, recentPostings[Self.key(token, occurrence)] ?? [])
    }
}
