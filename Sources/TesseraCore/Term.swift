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
    /// Every TBX data category of the term section as read (`termType`, `geographicalUsage`,
    /// `transacGrp`, ...), in document order; empty for terms from delimited files.
    public var categories: [DataCategory]

    /// Creates a term.
    /// - Parameters:
    ///   - text: The term as written.
    ///   - language: Its language.
    ///   - partOfSpeech: Part of speech, if known.
    ///   - status: Administrative status, if known.
    ///   - note: A note, if any.
    ///   - categories: TBX data categories of the term, in document order.
    public init(
        text: String, language: LanguageTag, partOfSpeech: String? = nil, status: TermStatus? = nil,
        note: String? = nil, categories: [DataCategory] = []
    ) {
        self.text = text
        self.language = language
        self.partOfSpeech = partOfSpeech
        self.status = status
        self.note = note
        self.categories = categories
    }

    enum CodingKeys: String, CodingKey {
        case text, language, partOfSpeech, status, note, categories
    }

    /// Decodes a term; `categories` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        language = try container.decode(LanguageTag.self, forKey: .language)
        partOfSpeech = try container.decodeIfPresent(String.self, forKey: .partOfSpeech)
        status = try container.decodeIfPresent(TermStatus.self, forKey: .status)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        categories = try container.decodeIfPresent([DataCategory].self, forKey: .categories) ?? []
    }

    /// Encodes a term; `categories` only when there are any (JSON output keeps its shape).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(language, forKey: .language)
        try container.encodeIfPresent(partOfSpeech, forKey: .partOfSpeech)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(note, forKey: .note)
        if !categories.isEmpty { try container.encode(categories, forKey: .categories) }
    }
}
