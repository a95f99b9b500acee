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

    /// The entry of a variant id among the first `sortedCount` entries, found by binary search
    /// (variant ids grow with unit ids in an import, so that part is sorted by id too; a miss is
    /// reported as `nil`, never as a wrong entry).
    func sortedEntry(ofVariant id: Int64) -> Int? {
        var low = 0, high = min(sortedCount, entryIDs.count)
        while low < high {
            let middle = (low + high) / 2
            if entryIDs[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < min(sortedCount, entryIDs.count) && entryIDs[low] == id ? low : nil
    }
}
