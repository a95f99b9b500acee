#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import TesseraCore
import TesseraText

/// One text analysed for the match index: its language id, the length of its character key and
/// its token ids, as ``MatchIndex/add(unit:variants:)`` would store them.
public struct MatchIndexAnalysis: Sendable, Hashable {
    /// The id of the text's language in the vocabulary.
    public let language: UInt16
    /// The length of the text's character key (``MatchText/characterLength``), capped.
    public let characterLength: UInt16
    /// The ids of the text's folded words, in order.
    public let tokens: [UInt32]
}

/// The token and language tables of an index being built by a ``MatchIndexSpool``: turns texts
/// into ``MatchIndexAnalysis`` values, registering new words and languages as it goes.
///
/// Ids are given in order of first appearance, exactly as ``MatchIndex`` gives them, so a spool
/// fed the same entries in the same order writes the index ``MatchIndex/add(unit:variants:)`` builds.
///
/// ```swift
/// let vocabulary = MatchIndexVocabulary()
/// let analysis = vocabulary.analyse("Open the file", language: LanguageTag("en")!)
/// analysis.tokens   // [0, 1, 2]
/// ```
///
/// Not thread-safe, by design: one thread analyses (an import's parsing thread); the spool reads
/// the tables only after that thread has finished (``MatchIndexSpool/finish(writingTo:header:generation:)``).
public final class MatchIndexVocabulary: @unchecked Sendable {
    // @unchecked Sendable: handed from the thread that analyses to the thread that finishes the
    // spool after the first has stopped (a happens-before edge through the caller's lock or join).
    /// Languages by id.
    package private(set) var languages: [LanguageTag] = []
    private var languageIDs: [LanguageTag: UInt16] = [:]
    /// Language tags as stored (strings), parsed once each.
    private var parsedTags: [String: LanguageTag?] = [:]
    /// The UTF-8 bytes of every token, one after the other (the side file's token blob).
    package private(set) var blob: [UInt8] = []
    /// Where each token starts in ``blob``, by id, and where the last ends.
    package private(set) var offsets: [UInt32] = [0]
    /// The FNV-1a hash of each token (``MatchIndex/tokenHash(_:)``), by id.
    package private(set) var hashes: [UInt64] = []
    /// An open-addressing table by hash: each slot holds the token's hash in its high 32 bits and
    /// its id plus one in the low 32 (0: empty), so most probes touch one array.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    private var slotShift: UInt64 = 64 - 12

    /// An empty vocabulary.
    public init() {}

    /// A vocabulary that continues the tables of `index` (same ids for the same words), so that
    /// a spool seeded with the index's entries can add new ones.
    /// - Complexity: O(number of distinct tokens of the index).
    public init(continuing index: MatchIndex) {
        languages = index.languages
        for (id, language) in languages.enumerated() { languageIDs[language] = UInt16(id) }
        for id in 0..<index.tokenCount {
            var text = index.tokenText(UInt32(id))
            text.withUTF8 { _ = tokenID($0) }
        }
    }

    /// The number of distinct tokens.
    public var tokenCount: Int { hashes.count }

    /// The text of token `id`.
    func tokenText(_ id: Int) -> String {
        String(decoding: blob[Int(offsets[id])..<Int(offsets[id + 1])], as: UTF8.self)
    }

    /// Analyses `text` of `language`, registering new words and the language: the same tokens
    /// and character length as ``MatchText``, read from the tokenizer's bytes without making a
    /// String per word.
    /// - Complexity: O(n) in the length of the text.
    public func analyse(_ text: String, language: LanguageTag) -> MatchIndexAnalysis {
        var ids: [UInt32] = []
        let length = Self.forEachWord(in: text, language: language) { ids.append(tokenID($0)) }
        return MatchIndexAnalysis(language: languageID(language), characterLength: length, tokens: ids)
    }

    /// The one analysis of an indexed text, shared by ``analyse(_:language:)`` and
    /// ``MatchIndex/add(unit:variants:)``: calls `word` with the UTF-8 bytes of each folded word
    /// (punctuation left out), in order, and returns the length of the text's character key
    /// (``MatchText/characterLength``, capped to 16 bits): the same words and length as ``MatchText``.
    /// - Complexity: O(n) in the length of the text.
    @inline(__always)
    package static func forEachWord(
        in text: String, language: LanguageTag, _ word: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> UInt16 {
        var utf16 = 0, count = 0
        Tokenizer.forEachToken(in: text, language: language) { bytes, kind, _ in
            guard kind != .punctuation else { return }
            word(bytes)
            count += 1
            for byte in bytes where byte & 0xC0 != 0x80 { utf16 += byte >= 0xF0 ? 2 : 1 }
        }
        let length = MatchText.characterLength(utf16Count: utf16, wordCount: count, isUnspaced: language.isWrittenWithoutSpaces)
        return UInt16(min(length, Int(UInt16.max)))
    }

    /// Analyses `text` whose language is given as a stored tag string; `nil` when the tag does
    /// not parse (such a variant is left out of the index, as a rebuild from the database does).
    /// - Complexity: O(n) in the length of the text.
    public func analyse(_ text: String, languageTag: String) -> MatchIndexAnalysis? {
        let language: LanguageTag?
        if let cached = parsedTags[languageTag] {
            language = cached
        } else {
            language = LanguageTag(languageTag)
            parsedTags[languageTag] = language
        }
        return language.map { analyse(text, language: $0) }
    }

    private func languageID(_ language: LanguageTag) -> UInt16 {
        if let id = languageIDs[language] { return id }
        let id = UInt16(min(languages.count, Int(UInt16.max)))
        languages.append(language)
        languageIDs[language] = id
        return id
    }

    /// The id of the token with these UTF-8 bytes, registering it.
    private func tokenID(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = MatchIndex.tokenHash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> slotShift)
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if stored & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(stored & 0xFFFF_FFFF) - 1
                let start = Int(offsets[id]), end = Int(offsets[id + 1])
                if end - start == bytes.count, blob.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 }) {
                    return UInt32(id)
                }
            }
            slot = (slot + 1) & mask
        }
        let id = UInt32(hashes.count)
        blob.append(contentsOf: bytes)
        offsets.append(UInt32(truncatingIfNeeded: blob.count))
        hashes.append(hash)
        slots[slot] = tag | UInt64(id + 1)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// Doubles the slot table and places every id again.
    private func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        slotShift -= 1
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> slotShift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        }
    }
}
