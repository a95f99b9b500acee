/// One designation of a concept in one language: the text a translator types, with its grammar
/// and usage status.
///
/// ```swift
/// let term = Term(text: "capability target", language: LanguageTag("en")!, status: .preferred)
/// ```
///
/// - SeeAlso: [TBX termSec / tig](https://www.tbxinfo.net/tbx-basic/)
public struct Term: Hashable, Sendable, Codable {
    /// The term as written (`Capability Targets`).
    public var text: String
    /// The term's language.
    public var language: LanguageTag
    /// Part of speech as given by the source (`noun`, `verb`, `adjective`, ...), if any.
    public var partOfSpeech: String?
    /// Administrative status (preferred, admitted, deprecated, forbidden), if any.
    public var status: TermStatus?
    /// A note on this term (usage, context), if any.
    public var note: String?

    /// Creates a term.
    /// - Parameters:
    ///   - text: The term as written.
    ///   - language: Its language.
    ///   - partOfSpeech: Part of speech, if known.
    ///   - status: Administrative status, if known.
    ///   - note: A note, if any.
    public init(
        text: String, language: LanguageTag, partOfSpeech: String? = nil, status: TermStatus? = nil,
        note: String? = nil
    ) {
        self.text = text
        self.language = language
        self.partOfSpeech = partOfSpeech
        self.status = status
        self.note = note
    }
}
