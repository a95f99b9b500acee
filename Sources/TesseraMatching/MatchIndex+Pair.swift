public import TesseraCore

extension MatchIndex {
    /// A test for concordance with a language pair: is a variant of the searched language, in a unit
    /// that also has the other language? Answered from the index (binary search of the variant id,
    /// then the entry's language and its unit's language mask), without reading the database.
    ///
    /// ```swift
    /// let filter = index.pairFilter(language: en, other: de)
    /// filter(42)   // true, false, or nil when the index does not hold variant 42
    /// ```
    /// - Parameters:
    ///   - language: The searched language (same primary language counts).
    ///   - other: The language the unit must also have (same primary language counts).
    /// - Returns: A function of a variant id: `nil` when the index cannot tell (the variant is not
    ///   in the sorted part of the index, or was removed): the caller asks the database then.
    /// - Complexity: O(languages) to build, O(log n) per call.
    public func pairFilter(language: LanguageTag, other: LanguageTag) -> @Sendable (Int64) -> Bool? {
        let sources = sourceLanguageIDs(language)
        let mask = targetMask([other])
        let index = self
        return { id in
            guard let entry = index.sortedEntry(ofVariant: id), !index.removed.contains(UInt32(entry)) else { return nil }
            return sources.contains(index.entryLanguages[entry]) && index.entryUnitMasks[entry] & mask != 0
        }
    }

    /// The entry of a variant id among the first `sortedCount` entries (variant ids grow with unit
    /// ids in an import, so that part is sorted by id too; a miss is reported as `nil`, never as a
    /// wrong entry). The search starts at the position the id would have if ids were evenly spread
    /// (they are nearly consecutive after an import) and gallops outwards, so it reads a few
    /// neighbouring entries instead of about 21 scattered ones for 2M entries.
    /// - Complexity: O(log d) for an id `d` places from its interpolated position.
    func sortedEntry(ofVariant id: Int64) -> Int? {
        let count = min(sortedCount, entryIDs.count)
        guard count > 0 else { return nil }
        let first = entryIDs[0], last = entryIDs[count - 1]
        guard id >= first, id <= last else { return nil }
        var guess = 0
        if last > first {
            let fraction = Double(id - first) / Double(last - first)
            guess = min(max(Int(fraction * Double(count - 1)), 0), count - 1)
        }
        // Bracket the id between `low` (an entry below it, or -1) and `high` (an entry at or above it).
        var low: Int, high: Int
        if entryIDs[guess] < id {
            low = guess
            var step = 1
            high = min(guess + step, count)
            while high < count && entryIDs[high] < id {
                low = high
                step *= 2
                high = min(high + step, count)
            }
        } else {
            high = guess
            var step = 1
            low = guess - step
            while low >= 0 && entryIDs[low] >= id {
                high = low
                step *= 2
                low -= step
            }
            low = max(low, -1)
        }
        // Binary search in (low, high]: the first entry whose id is >= the id.
        var lower = low + 1, upper = high
        while lower < upper {
            let middle = (lower + upper) / 2
            if entryIDs[middle] < id { lower = middle + 1 } else { upper = middle }
        }
        return lower < count && entryIDs[lower] == id ? lower : nil
    }
}
