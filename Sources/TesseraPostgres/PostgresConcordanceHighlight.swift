import TesseraStorage

/// The marks a concordance hit gets on PostgreSQL, placed exactly where SQLite's FTS5
/// `highlight()` places them on the SQLite backend: the tokens of the text (words, or the
/// trigrams of a language written without spaces), the instances of the query's phrases among
/// them, overlapping instances merged, one mark from the start of a range's first token to the end
/// of its last.
///
/// ```swift
/// // "Save the file" with the tokens Save, the, file and the phrase "the file" at token 1:
/// PostgresConcordanceHighlight(text: "Save the file", tokens: [0..<4, 5..<8, 9..<13])
///     .marked(instances: [(start: 1, size: 2)])   // "Save \u{1}the file\u{2}"
/// ```
struct PostgresConcordanceHighlight {
    /// The text, as Unicode scalars (FTS5 counts offsets in bytes of UTF-8; scalars keep the same
    /// boundaries).
    let scalars: [Unicode.Scalar]
    /// The tokens in order, as ranges of ``scalars``.
    let tokens: [Range<Int>]

    /// A text and its tokens.
    init(text: String, tokens: [Range<Int>]) {
        scalars = Array(text.unicodeScalars)
        self.tokens = tokens
    }

    /// The word tokens of `text`: `words` are the texts of its tokens in order (as
    /// `concordance_tokens` returns them), each found after the end of the one before.
    init(text: String, words: [String]) {
        scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var from = 0
        for word in words {
            let needle = Array(word.unicodeScalars)
            guard !needle.isEmpty, let start = Self.firstIndex(of: needle, in: scalars, from: from) else { continue }
            ranges.append(start..<start + needle.count)
            from = start + needle.count
        }
        tokens = ranges
    }

    /// The trigram tokens of `text` (FTS5's `trigram` tokenizer: every three consecutive
    /// characters).
    init(trigramsOf text: String) {
        scalars = Array(text.unicodeScalars)
        tokens = scalars.count < 3 ? [] : (0..<scalars.count - 2).map { $0..<$0 + 3 }
    }

    /// The first index at or after `from` where `needle` occurs in `haystack`.
    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard needle.count <= haystack.count - from else { return nil }
        return (from...(haystack.count - needle.count)).first { start in
            needle.indices.allSatisfy { haystack[start + $0] == needle[$0] }
        }
    }

    /// The text with marks around the instances (the token position where an instance starts and
    /// its number of tokens), as FTS5's `highlight()` writes them: instances that overlap are one
    /// range; a range is closed before the next token that starts after the text written so far.
    func marked(instances: [(start: Int, size: Int)]) -> String {
        let sorted = instances.filter { $0.size > 0 }.sorted { ($0.start, $0.size) < ($1.start, $1.size) }
        var next = 0
        var range = (start: -1, end: -1)
        func advance() {
            range = (-1, -1)
            while next < sorted.count {
                let instance = sorted[next]
                let end = instance.start + instance.size - 1
                if range.start < 0 {
                    range = (instance.start, end)
                } else if instance.start <= range.end {
                    range.end = max(range.end, end)
                } else {
                    break
                }
                next += 1
            }
        }
        advance()
        var out = String.UnicodeScalarView()
        var written = 0
        var open = false
        func append(_ marker: String) { out.append(contentsOf: marker.unicodeScalars) }
        for (position, token) in tokens.enumerated() {
            if open, position <= range.start || range.start < 0, token.lowerBound > written {
                append(ConcordanceHit.highlightEnd)
                open = false
            }
            if position == range.start, !open {
                out.append(contentsOf: scalars[written..<token.lowerBound])
                append(ConcordanceHit.highlightStart)
                written = token.lowerBound
                open = true
            }
            if position == range.end {
                out.append(contentsOf: scalars[written..<max(written, token.upperBound)])
                written = max(written, token.upperBound)
                advance()
            }
        }
        if open { append(ConcordanceHit.highlightEnd) }
        out.append(contentsOf: scalars[written...])
        return String(out)
    }

    /// The instances of `phrases` (each a list of lexemes, a prefix lexeme matching any lexeme
    /// that starts with it, in bytes) among `lexemes`, the folded tokens.
    static func instances(of phrases: [[PostgresConcordanceSearch.Lexeme]], in lexemes: [String]) -> [(start: Int, size: Int)] {
        var found: [(start: Int, size: Int)] = []
        for phrase in phrases where !phrase.isEmpty && phrase.count <= lexemes.count {
            for start in 0...(lexemes.count - phrase.count)
            where phrase.indices.allSatisfy({ phrase[$0].matches(lexemes[start + $0]) }) {
                found.append((start, phrase.count))
            }
        }
        return found
    }

    /// The trigram instances of each of `substrings` (at least three characters) in the text,
    /// compared as FTS5's trigram tokenizer does (case folded).
    func trigramInstances(of substrings: [String]) -> [(start: Int, size: Int)] {
        let folded = scalars.map(Self.fold)
        var found: [(start: Int, size: Int)] = []
        for substring in substrings {
            let needle = substring.unicodeScalars.map(Self.fold)
            guard needle.count >= 3, needle.count <= folded.count else { continue }
            for start in 0...(folded.count - needle.count) where needle.indices.allSatisfy({ folded[start + $0] == needle[$0] }) {
                found.append((start, needle.count - 2))
            }
        }
        return found
    }

    /// A character in lower case when that is one character (the trigram tokenizer's case fold).
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let only = lower.first else { return scalar }
        return only
    }
}
