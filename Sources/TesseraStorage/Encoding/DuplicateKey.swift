/// The duplicate rule of the memory (Docs/STORAGE.md, "Duplicates and policies"), and the key
/// stored in `unit.duplicateKey` to find candidates:
///
/// * a unit with a (non-empty) `tuid` duplicates a stored unit with the same tuid, the same
///   effective source language and the same markup of its first variant in that language (the
///   same entry, whose translations the policy decides); its key is the FNV-1a hash of those three;
/// * a unit without a tuid duplicates a stored unit without a tuid that has the same set of
///   `(language, markup)` variant pairs; its key is the content hash (``ContentHash/of(_:)``).
///
/// Units with different tuids are never duplicates, whatever their texts. Equal keys are only
/// candidates: ``matches(tuid:sourceLanguage:pairs:)`` verifies them on the stored rows, so a hash
/// collision never merges two units.
package struct DuplicateKey {
    /// The key stored in `unit.duplicateKey`.
    package let value: Int64
    /// The unit's tuid, `nil` when it has none or an empty one.
    package let tuid: String?
    /// The effective source language.
    package let source: String
    /// The markup of the unit's first variant in the source language.
    package let sourceMarkup: String
    /// The unit's variant pairs, sorted (compared for units without a tuid).
    package let sortedPairs: [VariantPair]

    /// The key of a unit with `pairs` in variant order, effective source language `source` (one of
    /// the pairs' languages) and content hash `contentHash` (``ContentHash/of(_:)`` of `pairs`,
    /// unused when the unit has a tuid).
    package init(tuid: String?, source: String, pairs: [VariantPair], contentHash: @autoclosure () -> Int64) {
        self.tuid = tuid?.isEmpty == false ? tuid : nil
        self.source = source
        sourceMarkup = Self.sourceMarkup(source: source, pairs: pairs)
        if let tuid = self.tuid {
            value = Self.tuidKey(tuid: tuid, source: source, markup: sourceMarkup)
            sortedPairs = []
        } else {
            value = contentHash()
            sortedPairs = pairs.sorted()
        }
    }

    /// Whether a stored unit with this key's value is a duplicate: same tuid, source language and
    /// source markup, or (both without a tuid) the same variant pairs.
    /// - Parameter pairs: the stored unit's variants in position order.
    package func matches(tuid storedTuid: String?, sourceLanguage: String, pairs: [VariantPair]) -> Bool {
        let storedTuid = storedTuid?.isEmpty == false ? storedTuid : nil
        guard storedTuid == tuid else { return false }
        if tuid != nil {
            return sourceLanguage == source && Self.sourceMarkup(source: source, pairs: pairs) == sourceMarkup
        }
        return pairs.sorted() == sortedPairs
    }

    /// The markup of the first pair in `source` (empty when there is none).
    package static func sourceMarkup(source: String, pairs: [VariantPair]) -> String {
        pairs.first { $0.language == source }?.markup ?? ""
    }

    /// The FNV-1a hash of a unit's tuid, effective source language and source markup.
    package static func tuidKey(tuid: String, source: String, markup: String) -> Int64 {
        var hash = ContentHash.offsetBasis
        for part in [tuid, source, markup] {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* ContentHash.prime
            }
            hash ^= 0x1F
            hash = hash &* ContentHash.prime
        }
        return Int64(bitPattern: hash)
    }
}
