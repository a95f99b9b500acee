import TesseraCore
import TesseraText

extension MatchIndex {
    /// Finds the entries whose base score against the query reaches `request.minimum`, best first.
    ///
    /// Returns at most `max(4 · limit, 20)` candidates, so that the caller can apply penalties and
    /// still show `limit` of them; ties at the cut are kept in entry order.
    ///
    /// - Complexity: O(P + C · n · b): P postings read for the query's rarest keys, C candidates
    ///   verified with a band of width b around the diagonal. Character-level requests read the
    ///   length buckets of the window instead.
    public func search(_ request: MatchRequest) -> [MatchCandidate] {
        let sources = sourceLanguageIDs(request.sourceLanguage)
        guard !sources.isEmpty else { return [] }
        let targetMask = targetMask(request.targetLanguages)
        guard targetMask != 0 else { return [] }
        var found: [MatchCandidate]
        if request.query.granularity == .character {
            found = searchCharacters(request, sources: sources, targetMask: targetMask)
        } else {
            found = searchTokens(request, sources: sources, targetMask: targetMask)
        }
        found.sort { ($0.base, -$0.distance, -$0.id) > ($1.base, -$1.distance, -$1.id) }
        let keep = max(4 * request.limit, 20)
        if found.count > keep { found.removeSubrange(keep...) }
        return found
    }

    /// Scores every live entry (the reference the index is checked against).
    /// - Complexity: O(N · n · m) over all entries.
    public func exhaustiveSearch(_ request: MatchRequest) -> [MatchCandidate] {
        let sources = sourceLanguageIDs(request.sourceLanguage)
        let targetMask = targetMask(request.targetLanguages)
        var found: [MatchCandidate] = []
        let character = request.query.granularity == .character
        let queryTokens = character ? [] : request.query.words.map { existingTokenID($0) ?? UInt32.max }
        let queryChars = character ? request.query.characterKey : []
        for entry in 0..<entryIDs.count where !removed.contains(UInt32(entry)) {
            guard sources.contains(entryLanguages[entry]), entryUnitMasks[entry] & targetMask != 0 else { continue }
            let distance: Int, length: Int
            if character {
                let chars = characterKey(of: entry)
                distance = EditDistance.distance(queryChars, chars) ?? 0
                length = max(queryChars.count, chars.count)
            } else {
                let candidate = Array(tokens(of: entry))
                distance = EditDistance.distance(queryTokens, candidate) ?? 0
                length = max(queryTokens.count, candidate.count)
            }
            let base = FuzzyScorer.base(distance: distance, length: length)
            if base >= request.minimum {
                found.append(MatchCandidate(id: entryIDs[entry], unit: entryUnits[entry], language: language(ofEntry: entry), base: base, distance: distance))
            }
        }
        found.sort { ($0.base, -$0.distance, -$0.id) > ($1.base, -$1.distance, -$1.id) }
        return found
    }

    /// Ids of the stored languages sharing the primary language of `source`.
    func sourceLanguageIDs(_ source: LanguageTag) -> Set<UInt16> {
        var ids = Set<UInt16>()
        for (id, language) in languages.enumerated() where language.sharesLanguage(with: source) { ids.insert(UInt16(id)) }
        return ids
    }

    /// The unit mask a candidate must intersect: languages sharing a primary language with a target.
    func targetMask(_ targets: [LanguageTag]?) -> UInt64 {
        guard let targets else { return .max }
        var mask: UInt64 = 0
        for (id, language) in languages.enumerated() where targets.contains(where: { $0.sharesLanguage(with: language) }) {
            mask |= Self.bit(UInt16(id))
        }
        return mask
    }

    /// The language of an entry whose language id is known to be valid (it passed the source filter).
    @inline(__always) func language(ofEntry entry: Int) -> LanguageTag {
        let id = Int(entryLanguages[entry])
        return id < languages.count ? languages[id] : languages[0]
    }

    /// The folded words of an entry joined as in ``MatchText/characterKey``.
    func characterKey(of entry: Int) -> [UInt16] {
        let unspaced = language(ofEntry: entry).isWrittenWithoutSpaces
        var out: [UInt16] = []
        var first = true
        for token in tokens(of: entry) {
            if !first && !unspaced { out.append(0x20) }
            first = false
            out.append(contentsOf: tokenText(token).utf16)
        }
        return out
    }

    /// Calls `body` with each UTF-16 unit of the entry's ``characterKey(of:)`` (the same units,
    /// without building strings or arrays).
    @inline(__always) func forEachCharacterUnit(of entry: Int, unspaced: Bool, _ body: (UInt16) -> Void) {
        var first = true
        let all = tokens(of: entry)
        for position in all.startIndex..<all.endIndex {
            if !first && !unspaced { body(0x20) }
            first = false
            forEachUnit(ofToken: tokens[position], body)
        }
    }

    /// Calls `body` with each UTF-16 unit of a token's text: the bytes of a mapped file are
    /// transcoded in place, ill-formed bytes of a damaged file repaired as `String(decoding:as:)` does.
    /// (Tokens added after the file was mapped follow its table, as in ``tokenText(_:)``.)
    @inline(__always) func forEachUnit(ofToken token: UInt32, _ body: (UInt16) -> Void) {
        var position = Int(token)
        if let mapped {
            if position < mapped.tokenCount {
                let bytes = mapped.tokenBytes(token)
                let input = ColumnBytes(column: bytes.base, position: bytes.startIndex, end: bytes.endIndex)
                _ = transcode(input, from: UTF8.self, to: UTF16.self, stoppingOnError: false, into: body)
                return
            }
            position -= mapped.tokenCount
        }
        if position < tokenTexts.count {
            for unit in tokenTexts[position].utf16 { body(unit) }
        }
    }

    /// The bytes of a column range, read by position.
    struct ColumnBytes: IteratorProtocol {
        let column: MatchIndexColumn<UInt8>
        var position: Int
        let end: Int

        @inline(__always) mutating func next() -> UInt8? {
            guard position < end else { return nil }
            defer { position += 1 }
            return column[position]
        }
    }

    func searchTokens(_ request: MatchRequest, sources: Set<UInt16>, targetMask: UInt64) -> [MatchCandidate] {
        let words = request.query.words
        let n = words.count
        guard n > 0 else { return [] }
        let minimum = request.minimum
        // Query keys with their document frequency; unknown tokens have none.
        var keys: [(token: UInt32, occurrence: Int, frequency: Int)] = []
        var occurrences: [UInt32: Int] = [:]
        var queryTokens: [UInt32] = []
        var unknown = 0
        for word in words {
            guard let token = existingTokenID(word) else {
                unknown += 1
                queryTokens.append(UInt32.max - UInt32(unknown))  // never equal to a stored token
                continue
            }
            queryTokens.append(token)
            let occurrence = (occurrences[token] ?? 0) + 1
            occurrences[token] = occurrence
            let (compressed, recent) = postings(token: token, occurrence: occurrence)
            keys.append((token, occurrence, compressed.count + recent.count))
        }
        // A candidate at >= minimum shares >= t keys; it holds one of the n - t + 1 rarest.
        let shared = minimum == 0 ? 0 : (n * minimum + 99) / 100
        if shared == 0 { return exhaustiveSearch(request) }
        let known = n - unknown
        let prefixLength = known - shared + 1
        guard prefixLength > 0 else { return [] }
        keys.sort { $0.frequency < $1.frequency }
        // Length window in tokens: a shorter candidate needs >= t tokens, a longer one at most n·100/minimum.
        let lowLength = shared, highLength = (n * 100) / minimum
        let filter = EntryFilter(sources: sources, targetMask: targetMask)
        // Postings are read in entry order per key; only the entries of a searched language, in a
        // unit with a wanted target and of a length inside the window are kept, so the sort and
        // the verification see few entries. With the pair's admission table one byte per posting
        // says all three; without it, three columns are read (and counted towards building it).
        let prefix = keys.prefix(prefixLength)
        let pair = MatchIndexAdmissions.Pair(sources: sources.sorted(), targetMask: targetMask)
        var table = usesAdmissionTables ? admissions.table(pair) : nil
        if table == nil, usesAdmissionTables {
            let reads = prefix.reduce(0) { $0 + $1.frequency }
            if admissions.shouldBuild(pair, afterReading: reads, threshold: max(entryCount / MatchIndexAdmissions.slowReadsPerEntry, 1)) {
                let built = MatchIndexAdmissionTable(self, filter)
                admissions.publish(built, for: pair)
                table = built
            }
        }
        var candidates: [UInt32] = []
        for (rank, key) in prefix.enumerated() {
            // Length-aware prefix: the key of rank r is read only for the lengths whose candidates
            // must share more than r keys (see `highLength(rank:)`).
            let high = Self.highLength(rank: rank, known: known, minimum: minimum, window: highLength)
            let (compressed, recent) = postings(token: key.token, occurrence: key.occurrence)
            if let table {
                collect(compressed, recent, table, lowLength, high, into: &candidates)
                continue
            }
            // By position in the column (iterating the slice does not inline its reads).
            for position in compressed.startIndex..<compressed.endIndex {
                let candidate = postings[position]
                if admits(Int(candidate), filter, lowLength, high) { candidates.append(candidate) }
            }
            for candidate in recent where admits(Int(candidate), filter, lowLength, high) {
                candidates.append(candidate)
            }
        }
        candidates.sort()
        let pattern = TokenPattern(queryTokens)
        let checkRemoved = !removed.isEmpty
        var found: [MatchCandidate] = []
        var previous = UInt32.max
        for candidate in candidates where candidate != previous {
            previous = candidate
            let entry = Int(candidate)
            guard checkRemoved == false || !removed.contains(candidate) else { continue }
            let entryTokens = tokens(of: entry)
            let length = max(n, entryTokens.count)
            let limit = FuzzyScorer.maximumDistance(length: length, minimum: minimum)
            let distance: Int?
            if let pattern {
                distance = pattern.distance(to: tokens, entryTokens.startIndex..<entryTokens.endIndex, limit: limit)
            } else {
                distance = EditDistance.distance(queryTokens, Array(entryTokens), limit: limit)
            }
            guard let distance else { continue }
            let base = FuzzyScorer.base(distance: distance, length: length)
            guard base >= minimum else { continue }
            found.append(MatchCandidate(id: entryIDs[entry], unit: entryUnits[entry], language: language(ofEntry: entry), base: base, distance: distance))
        }
        return found
    }

    /// The longest candidate (in tokens) that can reach `minimum` without holding any of the
    /// `rank` rarest known query keys, capped at `window` (the length window of the query).
    ///
    /// A candidate of `m` tokens against `n` query tokens reaches `minimum` only if its distance
    /// `d <= floor(L · (100 − minimum) / 100)`, `L = max(n, m)`; every edit operation changes
    /// `max(n, m) − shared` by at most one (a swap of neighbours not at all), so it shares at least
    /// `L − d >= ⌈L · minimum / 100⌉` keys with the query, all among the `known` keys of the query
    /// that the index holds. A candidate missing the `rank` rarest of them shares at most
    /// `known − rank`, so it needs `⌈m · minimum / 100⌉ <= known − rank`, that is
    /// `m <= floor(100 · (known − rank) / minimum)`. The key of rank `r` (from 0) therefore only
    /// has to be read for the candidates of that length or less: the rarest keys cover the whole
    /// window, the later ones shorter and shorter entries, the last one those up to `n` tokens.
    @inline(__always) static func highLength(rank: Int, known: Int, minimum: Int, window: Int) -> Int {
        min(window, (100 * (known - rank)) / minimum)
    }

    /// Appends the entries of a posting list that the pair's admission table admits with a token
    /// count in `low...high` (the count read from the table; from the token starts for 254 and up).
    @inline(__always) func collect(
        _ compressed: Slice<MatchIndexColumn<UInt32>>, _ recent: [UInt32], _ table: MatchIndexAdmissionTable,
        _ low: Int, _ high: Int, into candidates: inout [UInt32]
    ) {
        table.bytes.withUnsafeBufferPointer { bytes in
            @inline(__always) func admitted(_ candidate: UInt32) -> Bool {
                let entry = Int(candidate)
                guard entry < bytes.count else { return false }
                let byte = bytes[entry]
                guard byte != 0 else { return false }
                let length = byte == MatchIndexAdmissionTable.long
                    ? Int(entryTokenStarts[entry + 1]) - Int(entryTokenStarts[entry]) : Int(byte) - 1
                return length >= low && length <= high
            }
            for position in compressed.startIndex..<compressed.endIndex {
                let candidate = postings[position]
                if admitted(candidate) { candidates.append(candidate) }
            }
            for candidate in recent where admitted(candidate) { candidates.append(candidate) }
        }
    }

    /// The searched languages as a bit mask, and the target mask a candidate's unit must meet.
    struct EntryFilter {
        /// Bits of the source language ids (ids above 63 share the last bit, checked in `sources`).
        var sourceMask: UInt64 = 0
        var sources: Set<UInt16>
        var targetMask: UInt64

        init(sources: Set<UInt16>, targetMask: UInt64) {
            self.sources = sources
            self.targetMask = targetMask
            for language in sources { sourceMask |= MatchIndex.bit(language) }
        }
    }

    /// Whether `entry` is of a searched language, in a unit with a wanted target, with a token
    /// count in `low...high` (false for an entry outside the index: a damaged mapped file).
    @inline(__always) func admits(_ entry: Int, _ filter: EntryFilter, _ low: Int, _ high: Int) -> Bool {
        guard entry < entryCount else { return false }
        let language = entryLanguages[entry]
        guard filter.sourceMask & Self.bit(language) != 0, language < 63 || filter.sources.contains(language) else { return false }
        let length = Int(entryTokenStarts[entry + 1]) - Int(entryTokenStarts[entry])
        return length >= low && length <= high && entryUnitMasks[entry] & filter.targetMask != 0
    }

    func searchCharacters(_ request: MatchRequest, sources: Set<UInt16>, targetMask: UInt64) -> [MatchCandidate] {
        let query = request.query.characterKey
        let n = query.count
        let minimum = request.minimum
        let low = (n * minimum + 99) / 100
        let high = minimum == 0 ? Int(UInt16.max) : (n * 100) / minimum
        var entries: [Int] = []
        let bucketed = high <= Self.bucketedCharacterLength
        if bucketed {
            // The buckets of the window are merged into entry order through a bit set, so that the
            // columns are then read in one ascending pass (neighbouring entries share cache lines
            // and pages) instead of one scattered pass per length.
            var present = [UInt64](repeating: 0, count: entryCount / 64 + 1)
            var count = 0
            for language in sources {
                for length in low...max(low, high) {
                    for entry in bucket((UInt32(language) << 16) | UInt32(length)) where Int(entry) < entryCount {
                        present[Int(entry) >> 6] |= 1 << UInt64(entry & 63)
                        count += 1
                    }
                }
            }
            entries.reserveCapacity(count)
            for (word, bits) in present.enumerated() where bits != 0 {
                var rest = bits
                while rest != 0 {
                    entries.append(word << 6 | rest.trailingZeroBitCount)
                    rest &= rest &- 1
                }
            }
        } else {
            for entry in 0..<entryIDs.count where sources.contains(entryLanguages[entry]) {
                let length = Int(entryCharLengths[entry])
                if length >= low && length <= high { entries.append(entry) }
            }
        }
        var found: [MatchCandidate] = []
        // Up to 64 units: bit-parallel distance fed straight from the token bytes (no string or
        // array per entry); longer words build the entry's key and use the banded programme.
        let pattern = TokenPattern(query.map(UInt32.init))
        let unspaced = languages.map(\.isWrittenWithoutSpaces)
        // How many of the query's units each token can match (multiset intersection), computed
        // once per token: an entry's tokens together match at most the sum, so its distance is at
        // least its length minus that sum. Most entries of the length window fail this bound
        // without being read character by character. (-1: not computed yet.)
        var tokenOverlap = [Int8](repeating: -1, count: pattern == nil ? 0 : tokenCount)
        let filter = EntryFilter(sources: sources, targetMask: targetMask)
        let anyTarget = targetMask == .max, checkRemoved = !removed.isEmpty
        for entry in entries {
            // Each test reads a column at a scattered place: the language is known for bucket
            // entries, the unit mask only matters when some target is wanted.
            guard entry < entryCount else { continue }
            if !bucketed {
                let language = entryLanguages[entry]
                guard filter.sourceMask & Self.bit(language) != 0, language < 63 || sources.contains(language) else { continue }
            }
            guard anyTarget || entryUnitMasks[entry] & targetMask != 0, !checkRemoved || !removed.contains(UInt32(entry)) else { continue }
            let distance: Int, length: Int
            if let pattern {
                let longer = max(n, Int(entryCharLengths[entry]))
                var overlap = 0
                let all = tokens(of: entry)
                for position in all.startIndex..<all.endIndex {
                    let token = Int(tokens[position])
                    guard token < tokenOverlap.count else {
                        overlap = n  // a damaged file: no bound
                        break
                    }
                    if tokenOverlap[token] < 0 {
                        var used: UInt64 = 0
                        forEachUnit(ofToken: UInt32(token)) { unit in
                            let free = pattern.mask(UInt32(unit)) & ~used
                            used |= free & (~free &+ 1)  // the lowest free occurrence
                        }
                        tokenOverlap[token] = Int8(used.nonzeroBitCount)
                    }
                    overlap += Int(tokenOverlap[token])
                }
                guard longer - overlap <= FuzzyScorer.maximumDistance(length: longer, minimum: minimum) else { continue }
                var progress = pattern.start()
                var units = 0
                let language = Int(entryLanguages[entry])
                forEachCharacterUnit(of: entry, unspaced: language < unspaced.count && unspaced[language]) { unit in
                    pattern.advance(&progress, UInt32(unit))
                    units += 1
                }
                length = max(n, units)
                guard progress.score <= FuzzyScorer.maximumDistance(length: length, minimum: minimum) else { continue }
                distance = progress.score
            } else {
                let chars = characterKey(of: entry)
                length = max(n, chars.count)
                let limit = FuzzyScorer.maximumDistance(length: length, minimum: minimum)
                guard let banded = EditDistance.distance(query, chars, limit: limit) else { continue }
                distance = banded
            }
            let base = FuzzyScorer.base(distance: distance, length: length)
            guard base >= minimum else { continue }
            found.append(MatchCandidate(id: entryIDs[entry], unit: entryUnits[entry], language: language(ofEntry: entry), base: base, distance: distance))
        }
        return found
    }
}
