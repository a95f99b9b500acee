public import TesseraCore
internal import TesseraXML

/// Writes TMX 1.4b files unit by unit: UTF-8 without BOM, `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`,
/// valid against the TMX 1.4 DTD.
///
/// ```swift
/// let writer = try TMXWriter(path: "out.tmx", header: reader.header)
/// while let unit = try reader.next() { try writer.write(unit) }
/// try writer.finish()
/// ```
///
/// The header gets the attributes the DTD requires: `creationtool` "Tessera",
/// `creationtoolversion` ``toolVersion``, and `segtype`, `o-tmf`, `adminlang`, `srclang` and
/// `datatype` from the given header or, when missing, `sentence`, `unknown`, `en`, `*all*` and
/// `unknown`. Children follow the DTD order (props and notes before `tuv`, and before `seg`).
/// Level 2 writes the inline codes (`Segment.tmxMarkup`); level 1 writes plain text only.
///
/// Attributes the DTD does not allow on `header`, `tu` or `tuv` are written as
/// `<prop type="x-tessera-attr:NAME">VALUE</prop>`, which ``TMXReader`` turns back into
/// attributes. A unit without variants cannot be valid TMX and is not written (see
/// ``unitsSkipped``). Inline codes are written as stored: a segment read from a file whose inline
/// elements carry attributes the DTD does not allow is written back with them, and that file then
/// does not validate (the content is kept rather than the markup changed).
///
/// - SeeAlso: [TMX 1.4b](https://www.gala-global.org/tmx-14b)
public final class TMXWriter {
    /// The TMX levels.
    public enum Level: Sendable {
        /// Level 1: plain text, inline codes dropped.
        case plainText
        /// Level 2: text and inline codes.
        case inlineCodes
    }

    /// The `creationtoolversion` written in the header.
    public static let toolVersion = TesseraVersion.current

    /// The number of units written.
    public private(set) var unitsWritten = 0
    /// The number of units not written because they had no variant.
    public private(set) var unitsSkipped = 0

    private let writer: XMLStreamWriter
    private let level: Level
    private let path: String
    private var finished = false

    /// Creates the file and writes the XML declaration, DOCTYPE, `<tmx>`, the header and `<body>`.
    ///
    /// - Parameters:
    ///   - path: the output file (replaced).
    ///   - header: the header to write (attributes, props and notes kept).
    ///   - level: level 2 (inline codes, the default) or level 1 (plain text).
    ///   - indent: whether to indent elements (never inside `seg`).
    public init(path: String, header: TMXHeader, level: Level = .inlineCodes, indent: Bool = true) throws(TMXError) {
        do {
            writer = try XMLStreamWriter(path: path, indent: indent)
        } catch {
            throw TMXError(error)
        }
        self.level = level
        self.path = path
        try run { () throws(XMLError) in
            try writer.startDocument()
            try writer.writeDocType(name: "tmx", systemID: "tmx14.dtd")
            try writer.startElement("tmx")
            try writer.attribute("version", "1.4")
            try writeHeader(header)
            try writer.startElement("body")
        }
    }

    /// Writes one unit.
    ///
    /// - Throws: ``TMXError`` of kind `write` when the file cannot be written.
    public func write(_ unit: TranslationUnit) throws(TMXError) {
        precondition(!finished, "TMXWriter.write called after finish().")
        guard !unit.variants.isEmpty else {
            unitsSkipped += 1
            return
        }
        try run { () throws(XMLError) in
            try writer.startElement("tu")
            if let tuid = unit.tuid { try writer.attribute("tuid", tuid) }
            if let source = unit.sourceLanguage { try writer.attribute("srclang", source.description) }
            let vendor = try writeAttributes(unit.attributes, allowed: TMXVocabulary.unitAttributes)
            try writeNotesAndProps(notes: unit.notes, props: unit.props, vendor: vendor)
            for variant in unit.variants {
                try writer.startElement("tuv")
                try writer.attribute("xml:lang", variant.language.description)
                let vendor = try writeAttributes(variant.attributes, allowed: TMXVocabulary.variantAttributes)
                try writeNotesAndProps(notes: variant.notes, props: variant.props, vendor: vendor)
                try writer.startElement("seg")
                switch level {
                case .inlineCodes: try writer.raw(variant.segment.tmxMarkup)
                case .plainText: try writer.text(variant.segment.plainText)
                }
                try writer.endElement()
                try writer.endElement()
            }
            try writer.endElement()
        }
        unitsWritten += 1
    }

    /// Closes `body` and `tmx` and flushes the file. Call once, after the last unit.
    public func finish() throws(TMXError) {
        guard !finished else { return }
        finished = true
        try run { () throws(XMLError) in
            try writer.endElement()
            try writer.endElement()
            try writer.endDocument()
        }
    }

    private func run(_ body: () throws(XMLError) -> Void) throws(TMXError) {
        do { try body() } catch { throw TMXError(error) }
    }

    private func writeHeader(_ header: TMXHeader) throws(XMLError) {
        let given = header.attributes
        func value(_ name: String, _ fallback: String) -> String {
            guard let value = given[named: name], !value.isEmpty else { return fallback }
            return value
        }
        let segtype = given[named: "segtype"].flatMap { TMXVocabulary.segmentTypes.contains($0) ? $0 : nil } ?? "sentence"
        var required: [Attribute] = [
            Attribute("creationtool", "Tessera"),
            Attribute("creationtoolversion", Self.toolVersion),
            Attribute("segtype", segtype),
            Attribute("o-tmf", value("o-tmf", "unknown")),
            Attribute("adminlang", value("adminlang", "en")),
            Attribute("srclang", value("srclang", "*all*")),
            Attribute("datatype", value("datatype", "unknown")),
        ]
        let requiredNames = Set(required.map(\.name))
        var vendor: [Attribute] = []
        for attribute in given where !requiredNames.contains(attribute.name) {
            if TMXVocabulary.isAllowed(attribute, in: TMXVocabulary.headerAttributes) {
                required.append(attribute)
            } else {
                vendor.append(attribute)
            }
        }
        try writer.startElement("header")
        for attribute in required { try writer.attribute(attribute.name, attribute.value) }
        try writeNotesAndProps(notes: header.notes, props: header.props, vendor: vendor)
        try writer.endElement()
    }

    /// Writes the DTD attributes and returns the others, to be written as props.
    private func writeAttributes(_ attributes: [Attribute], allowed: Set<String>) throws(XMLError) -> [Attribute] {
        var vendor: [Attribute] = []
        for attribute in attributes {
            if TMXVocabulary.isAllowed(attribute, in: allowed) {
                try writer.attribute(attribute.name, attribute.value)
            } else {
                vendor.append(attribute)
            }
        }
        return vendor
    }

    private func writeNotesAndProps(notes: [Note], props: [Prop], vendor: [Attribute]) throws(XMLError) {
        for note in notes {
            try writer.startElement("note")
            if let encoding = note.encoding { try writer.attribute("o-encoding", encoding) }
            if let language = note.language { try writer.attribute("xml:lang", language.description) }
            try writer.text(note.value)
            try writer.endElement()
        }
        for attribute in vendor {
            try writer.startElement("prop")
            try writer.attribute("type", TMXVocabulary.attributePropPrefix + attribute.name)
            try writer.text(attribute.value)
            try writer.endElement()
        }
        for prop in props {
            try writer.startElement("prop")
            try writer.attribute("type", prop.type)
            if let language = prop.language { try writer.attribute("xml:lang", language.description) }
            if let encoding = prop.encoding { try writer.attribute("o-encoding", encoding) }
            try writer.text(prop.value)
            try writer.endElement()
        }
    }
}
