public import TesseraCore
internal import TesseraXML

/// A pull reader for TMX 1.1 to 1.4b files: the header first, then one ``TranslationUnit`` per
/// `<tu>`, streaming, in constant memory whatever the file size (`.tmx.gz` files too).
///
/// ```swift
/// let reader = try TMXReader(path: "memory.tmx")
/// print(reader.header.sourceLanguage ?? "none")
/// while let unit = try reader.next() {
///     print(unit.variants.map { "\($0.language): \($0.segment.plainText)" })
/// }
/// print(reader.warnings.total, "warnings")
/// ```
///
/// Languages come from `xml:lang`, or from the TMX 1.1 `lang` attribute (`xml:lang` wins when
/// both are given), canonicalised with `LanguageTag`. Inline markup (`bpt`, `ept`, `it`, `ph`,
/// `hi`, `ut`, nested `sub`) is kept as structure with attributes in document order; whitespace
/// inside `seg` is kept exactly. Props and notes are kept at header, unit and variant level.
///
/// Structural faults throw a ``TMXError`` with line, column and element path: XML that is not
/// well-formed, a root other than `tmx`, no `body`, a `tuv` without a language or with an
/// invalid one, a `tuv` without `seg`, text where TMX allows only elements. With
/// ``Options/skipInvalid`` a unit with such a fault (in well-formed XML) is skipped and recorded
/// in ``skippedUnits`` instead. Recoverable oddities are counted in ``warnings``.
///
/// Attributes that the TMX 1.4b DTD does not allow come back from the properties
/// `<prop type="x-tessera-attr:NAME">` that ``TMXWriter`` writes for them; see `TMXVocabulary`.
///
/// - Complexity: O(n) in the file size; memory O(largest unit).
/// - SeeAlso: [TMX 1.4b](https://www.gala-global.org/tmx-14b)
public final class TMXReader {
    /// Reading options.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Skip a unit with a structural fault (when the XML itself is well-formed) and record it
        /// in ``TMXReader/skippedUnits`` instead of throwing.
        public static let skipInvalid = Options(rawValue: 1)
    }

    /// The file header, read before the first unit.
    public private(set) var header = TMXHeader()
    /// The warnings met so far, counted by kind.
    public private(set) var warnings = TMXWarningCounts()
    /// The units skipped so far (only with ``Options/skipInvalid``).
    public private(set) var skippedUnits: [TMXSkippedUnit] = []
    /// The number of units returned so far.
    @exclusivity(unchecked) public private(set) var unitsRead = 0
    /// The file path (or in-memory name) used in errors.
    public let file: String

    private let xml: XMLStreamReader
    private let options: Options
    @exclusivity(unchecked) private var inBody = false
    /// Parsed language codes: a TMX file uses a handful of codes millions of times.
    @exclusivity(unchecked) private var languages: [String: (tag: LanguageTag?, wellFormed: Bool)] = [:]

    /// Opens a TMX file and reads its header.
    ///
    /// - Parameters:
    ///   - path: a `.tmx` file, gzip-compressed (`.tmx.gz`) or in a zip archive holding one `.tmx`
    ///     (OmegaT's `.tmx.zip`); told from the content, not the name.
    ///   - options: reading options.
    /// - Throws: ``TMXError`` when the file cannot be opened, is not well-formed, is not TMX or
    ///   has no body.
    public convenience init(path: String, options: Options = []) throws(TMXError) {
        let xml: XMLStreamReader
        do { xml = try XMLStreamReader(path: path, extensions: ["tmx"]) } catch { throw TMXError(error) }
        try self.init(xml: xml, file: path, options: options)
    }

    /// Reads a TMX document held in memory.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - name: the name used in errors.
    ///   - options: reading options.
    public convenience init(bytes: [UInt8], name: String, options: Options = []) throws(TMXError) {
        let xml: XMLStreamReader
        do { xml = try XMLStreamReader(bytes: bytes, name: name) } catch { throw TMXError(error) }
        try self.init(xml: xml, file: name, options: options)
    }

    init(xml: XMLStreamReader, file: String, options: Options) throws(TMXError) {
        self.xml = xml
        self.file = file
        self.options = options
        // Whitespace between structural elements means nothing in TMX; it is kept inside seg,
        // prop and note, where readInline and readText turn it back on.
        xml.skipsWhitespace = true
        try readProlog()
    }

    // MARK: - Units

    /// The next unit, or `nil` after the last one (the rest of the file is then checked for
    /// well-formedness).
    ///
    /// - Throws: ``TMXError`` for a structural fault or XML that is not well-formed.
    public func next() throws(TMXError) -> TranslationUnit? {
        guard inBody else { return nil }
        while let event = try pull() {
            switch event {
            case .startElement(let name, let attributes, _):
                if name == "tu" {
                    let index = xml.elementIndex
                    do {
                        let unit = try readUnit(attributes, at: index)
                        unitsRead += 1
                        return unit
                    } catch {
                        guard options.contains(.skipInvalid), error.isUnitLevel else { throw error }
                        let position = xml.location(ofElement: index)
                        skippedUnits.append(
                            TMXSkippedUnit(
                                reason: error.message, kind: error.kind, tuid: attributes[named: "tuid"],
                                line: position.line, column: position.column))
                        try skip(toDepth: 2)
                    }
                } else {
                    warn(.unknownElement, "Element \(name) is not allowed in body; it is left out.", at: xml.elementIndex)
                    try skipElement()
                }
            case .endElement:
                inBody = false
                try readEpilog()
                return nil
            case .text, .entityReference, .whitespace, .comment:
                try skipFiller(event, in: "body")
            }
        }
        inBody = false
        return nil
    }

    private func readUnit(_ attributes: [Attribute], at index: Int) throws(TMXError) -> TranslationUnit {
        var unit = TranslationUnit()
        unit.variants.reserveCapacity(2)
        var others: [Attribute] = []
        for attribute in attributes {
            switch attribute.name {
            case "tuid": unit.tuid = attribute.value
            case "srclang": unit.sourceLanguage = optionalLanguage(attribute.value, on: "tu", at: index)
            default: others.append(attribute)
            }
        }
        var vendor: [Attribute] = []
        while let event = try pull() {
            switch event {
            case .startElement(let name, let childAttributes, _):
                switch name {
                case "tuv": unit.variants.append(try readVariant(childAttributes, at: xml.elementIndex))
                case "note": unit.notes.append(try readNote(childAttributes))
                case "prop": try readProp(childAttributes, into: &unit.props, vendor: &vendor)
                default:
                    warn(.unknownElement, "Element \(name) is not allowed in tu; it is left out.", at: xml.elementIndex)
                    try skipElement()
                }
            case .endElement:
                unit.attributes = TMXVocabulary.partition(others, allowed: TMXVocabulary.unitAttributes) + vendor
                if unit.variants.isEmpty {
                    warn(.noVariant, "Unit has no tuv.", at: index)
                } else if unit.variants.count == 1 {
                    warn(.singleVariant, "Unit has a single tuv.", at: index)
                }
                return unit
            case .text, .entityReference, .whitespace, .comment:
                try skipFiller(event, in: "tu", at: index)
            }
        }
        throw endOfDocument()
    }

    private func readVariant(_ attributes: [Attribute], at index: Int) throws(TMXError) -> Variant {
        var xmlLang: String?
        var legacyLang: String?
        var others: [Attribute] = []
        for attribute in attributes {
            switch attribute.name {
            case "xml:lang": xmlLang = attribute.value
            case "lang": legacyLang = attribute.value
            default: others.append(attribute)
            }
        }
        guard let code = xmlLang ?? legacyLang else {
            throw failure(.missingLanguage, "Element tuv has no xml:lang (or TMX 1.1 lang) attribute.", at: index)
        }
        let parsed = language(code)
        guard let language = parsed.tag, !language.isWildcard else {
            throw failure(.invalidLanguage, "Element tuv has an invalid language code \"\(code)\".", at: index)
        }
        if !parsed.wellFormed {
            warn(.unknownLanguage, "Language code \"\(code)\" is not a known form; it is kept.", at: index)
        }
        var segment: Segment?
        var props: [Prop] = []
        var notes: [Note] = []
        var vendor: [Attribute] = []
        while let event = try pull() {
            switch event {
            case .startElement(let name, let childAttributes, _):
                switch name {
                case "seg" where segment == nil: segment = try readSegment()
                case "note": notes.append(try readNote(childAttributes))
                case "prop": try readProp(childAttributes, into: &props, vendor: &vendor)
                default:
                    warn(.unknownElement, "Element \(name) is not allowed in tuv; it is left out.", at: xml.elementIndex)
                    try skipElement()
                }
            case .endElement:
                guard let segment else {
                    throw failure(.missingSegment, "Element tuv has no seg element.", at: index)
                }
                let kept = TMXVocabulary.partition(others, allowed: TMXVocabulary.variantAttributes) + vendor
                return Variant(language: language, segment: segment, attributes: kept, props: props, notes: notes)
            case .text, .entityReference, .whitespace, .comment:
                try skipFiller(event, in: "tuv", at: index)
            }
        }
        throw endOfDocument()
    }

    /// Reads the content of `seg` up to its end tag; plain text (the common case) takes a path
    /// that builds no intermediate node array.
    func readSegment() throws(TMXError) -> Segment {
        let skipped = xml.skipsWhitespace
        xml.skipsWhitespace = false
        defer { xml.skipsWhitespace = skipped }
        var text = ""
        while let event = try pull() {
            switch event {
            case .text(let more), .whitespace(let more):
                if text.isEmpty { text = more } else { text += more }
            case .endElement:
                return Segment(text: text)
            case .comment:
                continue
            case .startElement, .entityReference:
                // Markup: continue with the general reader, the text so far first.
                var nodes: [SegmentNode] = text.isEmpty ? [] : [.text(text)]
                nodes += try readInline(startingWith: event)
                return Segment(nodes)
            }
        }
        throw endOfDocument()
    }

    /// Reads the content of `seg` or of an inline element up to its end tag.
    func readInline(startingWith first: XMLEvent? = nil) throws(TMXError) -> [SegmentNode] {
        let skipped = xml.skipsWhitespace
        xml.skipsWhitespace = false
        defer { xml.skipsWhitespace = skipped }
        var nodes: [SegmentNode] = []
        var pending = first
        while true {
            let event: XMLEvent
            if let first = pending {
                event = first
                pending = nil
            } else if let next = try pull() {
                event = next
            } else {
                break
            }
            switch event {
            case .text(let text), .whitespace(let text):
                nodes.append(.text(text))
            case .startElement(let name, let attributes, _):
                if let tag = InlineTag(rawValue: name) {
                    if tag == .ut {
                        warn(.deprecatedUT, "Element ut is deprecated in TMX 1.4; it is kept.", at: xml.elementIndex)
                    }
                    let children = try readInline()
                    nodes.append(.element(InlineElement(tag, attributes, children)))
                } else {
                    warn(.unknownElement, "Element \(name) is not TMX inline markup; it is left out.", at: xml.elementIndex)
                    try skipElement()
                }
            case .entityReference(let name):
                warn(.entityReference, "Entity reference &\(name); is not expanded; it is kept as text.", at: xml.elementIndex)
                nodes.append(.text("&\(name);"))
            case .endElement:
                return nodes
            case .comment:
                continue
            }
        }
        throw endOfDocument()
    }

    // MARK: - Header, props and notes

    private func readProlog() throws(TMXError) {
        while let event = try pull() {
            guard case .startElement(let name, let attributes, _) = event else { continue }
            guard name == "tmx" else {
                throw failure(.notTMX, "The root element is \(name), not tmx.", at: xml.elementIndex)
            }
            header.version = attributes[named: "version"]
            try readTMXChildren()
            return
        }
        throw TMXError(kind: .notTMX, message: "The document has no root element.", file: file)
    }

    private func readTMXChildren() throws(TMXError) {
        var sawHeader = false
        let root = xml.elementIndex
        while let event = try pull() {
            switch event {
            case .startElement(let name, let attributes, _):
                if name == "header" && !sawHeader {
                    sawHeader = true
                    try readHeader(attributes, at: xml.elementIndex)
                } else if name == "body" {
                    if !sawHeader {
                        warn(.headerMissingSrclang, "The file has no header (so no srclang).", at: xml.elementIndex)
                    }
                    inBody = true
                    return
                } else {
                    warn(.unknownElement, "Element \(name) is not allowed in tmx; it is left out.", at: xml.elementIndex)
                    try skipElement()
                }
            case .endElement:
                throw failure(.missingBody, "Element tmx has no body element.", at: root)
            case .text(let text):
                try requireWhitespace(text, in: "tmx", at: root)
            case .whitespace, .comment, .entityReference:
                continue
            }
        }
        throw endOfDocument()
    }

    private func readHeader(_ attributes: [Attribute], at index: Int) throws(TMXError) {
        if let code = attributes[named: "srclang"] {
            if let tag = LanguageTag(code) {
                if !tag.isWellFormed {
                    warn(.unknownLanguage, "Header srclang \"\(code)\" is not a known form; it is kept.", at: index)
                }
            } else {
                warn(.unknownLanguage, "Header srclang \"\(code)\" is not a language tag.", at: index)
            }
        } else {
            warn(.headerMissingSrclang, "Header element is missing the srclang attribute.", at: index)
        }
        var vendor: [Attribute] = []
        while let event = try pull() {
            switch event {
            case .startElement(let name, let childAttributes, _):
                switch name {
                case "note": header.notes.append(try readNote(childAttributes))
                case "prop": try readProp(childAttributes, into: &header.props, vendor: &vendor)
                case "ude":
                    warn(.ude, "Header ude element (user-defined encoding) is skipped.", at: xml.elementIndex)
                    try skipElement()
                default:
                    warn(.unknownElement, "Element \(name) is not allowed in header; it is left out.", at: xml.elementIndex)
                    try skipElement()
                }
            case .endElement:
                header.attributes = TMXVocabulary.partition(attributes, allowed: TMXVocabulary.headerAttributes) + vendor
                return
            case .text(let text):
                try requireWhitespace(text, in: "header", at: index)
            case .whitespace, .comment, .entityReference:
                continue
            }
        }
        throw endOfDocument()
    }

    private func readEpilog() throws(TMXError) {
        while let event = try pull() {
            if case .startElement(let name, _, _) = event {
                warn(.unknownElement, "Element \(name) after body is left out.", at: xml.elementIndex)
                try skipElement()
            }
        }
    }

    private func readProp(_ attributes: [Attribute], into props: inout [Prop], vendor: inout [Attribute]) throws(TMXError) {
        let index = xml.elementIndex
        let type = attributes[named: "type"] ?? ""
        let value = try readText(in: "prop")
        if type.hasPrefix(TMXVocabulary.attributePropPrefix) {
            vendor.append(Attribute(String(type.dropFirst(TMXVocabulary.attributePropPrefix.count)), value))
            return
        }
        let language = (attributes[named: "xml:lang"] ?? attributes[named: "lang"]).flatMap {
            optionalLanguage($0, on: "prop", at: index)
        }
        props.append(Prop(type: type, value: value, language: language, encoding: attributes[named: "o-encoding"]))
    }

    private func readNote(_ attributes: [Attribute]) throws(TMXError) -> Note {
        let index = xml.elementIndex
        let value = try readText(in: "note")
        let language = (attributes[named: "xml:lang"] ?? attributes[named: "lang"]).flatMap {
            optionalLanguage($0, on: "note", at: index)
        }
        return Note(value: value, language: language, encoding: attributes[named: "o-encoding"])
    }

    /// The text content of `prop` or `note`, whitespace kept; child elements are left out.
    private func readText(in element: String) throws(TMXError) -> String {
        let skipped = xml.skipsWhitespace
        xml.skipsWhitespace = false
        defer { xml.skipsWhitespace = skipped }
        var value = ""
        while let event = try pull() {
            switch event {
            case .text(let text), .whitespace(let text): value += text
            case .entityReference(let name):
                warn(.entityReference, "Entity reference &\(name); is not expanded; it is kept as text.", at: xml.elementIndex)
                value += "&\(name);"
            case .startElement(let name, _, _):
                warn(.unknownElement, "Element \(name) is not allowed in \(element); it is left out.", at: xml.elementIndex)
                try skipElement()
            case .endElement: return value
            case .comment: continue
            }
        }
        throw endOfDocument()
    }

    private func language(_ code: String) -> (tag: LanguageTag?, wellFormed: Bool) {
        if let known = languages[code] { return known }
        let tag = LanguageTag(code)
        let parsed = (tag: tag, wellFormed: tag?.isWellFormed ?? false)
        if languages.count < 4096 { languages[code] = parsed }
        return parsed
    }

    private func optionalLanguage(_ code: String, on element: String, at index: Int) -> LanguageTag? {
        let parsed = language(code)
        guard let tag = parsed.tag else {
            warn(.unknownLanguage, "Language code \"\(code)\" on \(element) is not a language tag; it is dropped.", at: index)
            return nil
        }
        if !parsed.wellFormed {
            warn(.unknownLanguage, "Language code \"\(code)\" on \(element) is not a known form; it is kept.", at: index)
        }
        return tag
    }

    // MARK: - Events

    private func pull() throws(TMXError) -> XMLEvent? {
        do {
            return try xml.next()
        } catch {
            var failure = TMXError(error, elementPath: xml.path)
            if failure.kind == .truncated { failure.message += " (after \(unitsRead) units)" }
            throw failure
        }
    }

    /// Skips the rest of the element whose start tag was just read.
    private func skipElement() throws(TMXError) {
        try skip(toDepth: xml.path.count - 1)
    }

    /// Reads events until an end tag leaves the element path `depth` elements deep.
    private func skip(toDepth depth: Int) throws(TMXError) {
        if xml.path.count <= depth { return }
        while let event = try pull() {
            if case .endElement = event, xml.path.count <= depth { return }
        }
    }

    /// The one rule for what stands between the child elements of `body`, `tu` and `tuv`: white
    /// space and comments pass, an entity reference is ignored with a warning, other text is an
    /// error.
    @inline(__always)
    private func skipFiller(_ event: XMLEvent, in element: String, at index: Int? = nil) throws(TMXError) {
        switch event {
        case .text(let text):
            try requireWhitespace(text, in: element, at: index)
        case .entityReference(let name):
            warn(.entityReference, "Entity reference &\(name); in \(element) is ignored.", at: index ?? xml.elementIndex)
        default:
            break
        }
    }

    private func requireWhitespace(_ text: String, in element: String, at index: Int? = nil) throws(TMXError) {
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return }
        var excerpt = String(text.trimmingCharactersAsciiSpace().prefix(20))
        if excerpt.count == 20 { excerpt += "..." }
        throw failure(.unexpectedText, "Text \"\(excerpt)\" is not allowed in \(element).", at: index ?? xml.elementIndex)
    }

    private func warn(_ kind: TMXWarning.Kind, _ message: @autoclosure () -> String, at index: Int) {
        if warnings.wantsExample(of: kind) {
            let position = xml.location(ofElement: index)
            warnings.add(TMXWarning(kind: kind, message: message(), line: position.line, column: position.column))
        } else {
            warnings.count(kind)
        }
    }

    private func failure(_ kind: TMXError.Kind, _ message: String, at index: Int) -> TMXError {
        let position = xml.location(ofElement: index)
        return TMXError(kind: kind, message: message, file: file, line: position.line, column: position.column, elementPath: xml.path)
    }

    private func endOfDocument() -> TMXError {
        TMXError(kind: .malformedXML, message: "The document ends inside an element.", file: file, elementPath: xml.path)
    }
}
