/// Finds the line and column of the n-th start tag of a document by scanning its bytes a second
/// time, because libxml2's reader keeps no column for a node (and only the line of the end of a
/// multi-line start tag).
///
/// The scan moves forward only and resumes where it stopped, so asking for the positions of
/// increasing start tags costs one pass over the document in total. It knows just enough XML to
/// skip comments, CDATA sections, processing instructions, the DOCTYPE and end tags, and counts
/// lines and columns the way libxml2 does (columns in characters, 1-based; CR LF and lone CR are
/// one line break).
///
/// - Complexity: O(n) in the bytes scanned, amortised over all calls.
struct XMLLocationScanner {
    /// How bytes map to characters.
    enum Width { case utf8, utf16LE, utf16BE, singleByte }

    private enum State {
        case text, open, tag(quote: UInt8?), endTag, bang([UInt8]), comment(dashes: Int), cdata(brackets: Int)
        case doctype(depth: Int, quote: UInt8?), processingInstruction(question: Bool)
    }

    private let nextChunk: () -> [UInt8]?
    private var chunk: [UInt8] = []
    private var index = 0
    private var width: Width?
    private let singleByte: Bool
    private var started = false
    private var line = 1
    private var column = 0
    private var afterCR = false
    private var state = State.text
    private var mark = (line: 0, column: 0)
    private var startTags = 0
    /// The position of `<!DOCTYPE`, once scanned.
    private(set) var doctype: (line: Int, column: Int)?
    private var found: [Int: (line: Int, column: Int)] = [:]

    private static let commentOpen: [UInt8] = Array("--".utf8)
    private static let cdataOpen: [UInt8] = Array("[CDATA[".utf8)

    /// Creates a scanner over chunks of raw bytes; `singleByte` says the declared encoding maps one
    /// byte to one character (ISO-8859-x, windows-125x).
    init(singleByte: Bool, nextChunk: @escaping () -> [UInt8]?) {
        self.singleByte = singleByte
        self.nextChunk = nextChunk
    }

    /// The number of start tags scanned so far.
    var scannedStartTags: Int { startTags }

    /// The position of the `<` of the `ordinal`-th start tag (1-based), or `nil` when the document
    /// ends first or the tag lies before the scan position (start a new scanner for that).
    mutating func locate(startTag ordinal: Int) -> (line: Int, column: Int)? {
        if let hit = found[ordinal] { return hit }
        guard ordinal > startTags else { return nil }
        while startTags < ordinal {
            guard let char = nextCharacter() else { return nil }
            step(char)
        }
        return found[ordinal]
    }

    // MARK: - Characters

    private mutating func nextByte() -> UInt8? {
        while index >= chunk.count {
            guard let more = nextChunk(), !more.isEmpty else { return nil }
            chunk = more
            index = 0
        }
        defer { index += 1 }
        return chunk[index]
    }

    /// The next character as its ASCII byte, or 0x80 for any non-ASCII character; updates the
    /// line and column.
    private mutating func nextCharacter() -> UInt8? {
        if !started {
            started = true
            guard let first = nextByte() else { return nil }
            let second = nextByte()
            switch (first, second) {
            case (0xFF, 0xFE): width = .utf16LE
            case (0xFE, 0xFF): width = .utf16BE
            case (0x3C, 0x00): width = .utf16LE; index -= 2
            case (0x00, 0x3C): width = .utf16BE; index -= 2
            case (0xEF, 0xBB):
                width = .utf8
                _ = nextByte()
            default:
                width = singleByte ? .singleByte : .utf8
                index -= second == nil ? 1 : 2
            }
            if index < 0 { index = 0 }
        }
        var value: UInt32
        switch width ?? .utf8 {
        case .singleByte:
            guard let byte = nextByte() else { return nil }
            value = UInt32(byte)
        case .utf8:
            while true {
                guard let byte = nextByte() else { return nil }
                if byte & 0xC0 == 0x80 { continue }
                value = UInt32(byte)
                break
            }
        case .utf16LE, .utf16BE:
            while true {
                guard let a = nextByte(), let b = nextByte() else { return nil }
                let unit = width == .utf16LE ? UInt32(a) | UInt32(b) << 8 : UInt32(a) << 8 | UInt32(b)
                if (0xDC00...0xDFFF).contains(unit) { continue }
                value = unit
                break
            }
        }
        if value == 0x0A {
            if afterCR {
                afterCR = false
                return nextCharacter()
            }
            line += 1
            column = 0
        } else if value == 0x0D {
            afterCR = true
            line += 1
            column = 0
            return 0x0A
        } else {
            afterCR = false
            column += 1
        }
        return value < 0x80 ? UInt8(value) : 0x80
    }

    // MARK: - Markup

    private mutating func step(_ char: UInt8) {
        switch state {
        case .text:
            if char == UInt8(ascii: "<") {
                mark = (line, column)
                state = .open
            }
        case .open:
            switch char {
            case UInt8(ascii: "/"): state = .endTag
            case UInt8(ascii: "!"): state = .bang([])
            case UInt8(ascii: "?"): state = .processingInstruction(question: false)
            default:
                startTags += 1
                found[startTags] = mark
                if found.count > 64 { found = [startTags: mark] }
                state = .tag(quote: nil)
            }
        case .tag(let quote):
            if let quote {
                if char == quote { state = .tag(quote: nil) }
            } else if char == UInt8(ascii: "\"") || char == UInt8(ascii: "'") {
                state = .tag(quote: char)
            } else if char == UInt8(ascii: ">") {
                state = .text
            }
        case .endTag:
            if char == UInt8(ascii: ">") { state = .text }
        case .bang(var buffer):
            buffer.append(char)
            if buffer == Self.commentOpen {
                state = .comment(dashes: 0)
            } else if buffer == Self.cdataOpen {
                state = .cdata(brackets: 0)
            } else if Self.commentOpen.starts(with: buffer) || Self.cdataOpen.starts(with: buffer) {
                state = .bang(buffer)
            } else {
                if doctype == nil { doctype = mark }
                state = .doctype(depth: 0, quote: nil)
                step(char)
            }
        case .comment(let dashes):
            if char == UInt8(ascii: "-") {
                state = .comment(dashes: dashes + 1)
            } else if char == UInt8(ascii: ">") && dashes >= 2 {
                state = .text
            } else {
                state = .comment(dashes: 0)
            }
        case .cdata(let brackets):
            if char == UInt8(ascii: "]") {
                state = .cdata(brackets: brackets + 1)
            } else if char == UInt8(ascii: ">") && brackets >= 2 {
                state = .text
            } else {
                state = .cdata(brackets: 0)
            }
        case .doctype(let depth, let quote):
            if let quote {
                if char == quote { state = .doctype(depth: depth, quote: nil) }
            } else if char == UInt8(ascii: "\"") || char == UInt8(ascii: "'") {
                state = .doctype(depth: depth, quote: char)
            } else if char == UInt8(ascii: "[") {
                state = .doctype(depth: depth + 1, quote: nil)
            } else if char == UInt8(ascii: "]") {
                state = .doctype(depth: max(0, depth - 1), quote: nil)
            } else if char == UInt8(ascii: ">") && depth == 0 {
                state = .text
            }
        case .processingInstruction(let question):
            if char == UInt8(ascii: ">") && question {
                state = .text
            } else {
                state = .processingInstruction(question: char == UInt8(ascii: "?"))
            }
        }
    }
}
