public import TesseraCore

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
/// fed the same entries in the same order writes the same bytes as ``MatchIndex/serialized(generation:)``.
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
    private(set) var languages: [LanguageTag] = []
    private var languageIDs: [LanguageTag: UInt16] = [:]
    /// Token texts by id.
    private(set) var tokenTexts: [String] = []
    private var tokenIDs: [String: UInt32] = [:]
    /// Language tags as stored (strings), parsed once each.
    private var parsedTags: [String: LanguageTag?] = [:]

    /// An empty vocabulary.
    public init() {}

    /// A vocabulary that continues the tables of `index` (same ids for the same words), so that
    /// a spool seeded with the index's entries can add new ones.
    /// - Complexity: O(number of distinct tokens of the index).
    public init(continuing index: MatchIndex) {
        languages = index.languages
        for (id, language) in languages.enumerated() { languageIDs[language] = UInt16(id) }
        let count = index.tokenCount
        tokenTexts.reserveCapacity(count)
        tokenIDs.reserveCapacity(count)
        for id in 0..<count {
            let text = index.tokenText(UInt32(id))
            tokenTexts.append(text)
            tokenIDs[text] = UInt32(id)
        }
    }

    /// The number of distinct tokens.
    public var tokenCount: Int { tokenTexts.count }

    /// Analyses `text` of `language`, registering new words and the language.
    /// - Complexity: O(n) in the length of the text.
    public func analyse(_ text: String, language: LanguageTag) -> MatchIndexAnalysis {
        let analysed = MatchText(text, language: language)
        var ids: [UInt32] = []
        ids.reserveCapacity(analysed.words.count)
        for word in analysed.words { ids.append(tokenID(word)) }
        return MatchIndexAnalysis(
            language: languageID(language),
            characterLength: UInt16(min(analysed.characterLength, Int(UInt16.max))),
            tokens: ids)
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

    @inline(__always) private func tokenID(_ token: String) -> UInt32 {
        if let id = tokenIDs[token] { return id }
        let id = UInt32(tokenTexts.count)
        tokenTexts.append(token)
        tokenIDs[token] = id
        return id
    }
}
