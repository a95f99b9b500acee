/// A glossary term found in a sentence: where it stands (UTF-16 offsets, as a CAT tool's
/// glossary pane highlights it), the sentence text there and the glossary answers.
///
/// ```swift
/// // "NATO capability targets" -> TermOccurrence(start: 5, end: 23, text: "capability targets", hits: [...])
/// ```
public struct TermOccurrence: Hashable, Sendable, Codable {
    /// UTF-16 offset of the first character.
    public var start: Int
    /// UTF-16 offset after the last character.
    public var end: Int
    /// The sentence text between `start` and `end`.
    public var text: String
    /// The concepts whose source term matched here.
    public var hits: [TermHit]

    /// Creates an occurrence.
    public init(start: Int, end: Int, text: String, hits: [TermHit]) {
        self.start = start
        self.end = end
        self.text = text
        self.hits = hits
    }

    /// The UTF-16 range `start..<end`.
    public var range: Range<Int> { start..<end }
}
