internal import CLibXML2
internal import Foundation
internal import TesseraCore
import TesseraIO

/// A streaming XML reader over libxml2's `xmlTextReader`: one event at a time, constant memory
/// whatever the size of the document.
///
/// Safe by construction: the network is never used (`XML_PARSE_NONET`), no DTD is loaded, no
/// default attribute is added and no entity is substituted. A DOCTYPE whose internal subset
/// declares entities is refused with ``XMLError/Kind-swift.enum/forbiddenDoctype`` (billion
/// laughs, external entities reading local files); a DOCTYPE that only names an external DTD
/// (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`) is accepted and never loaded. Files are opened through
/// TesseraIO's `InputFile`: gzip data and a zip archive's one document are decoded on the fly
/// (whatever the name), and a file that is not XML (bzip2, xz, a database, TSV) is refused with
/// ``XMLError/Kind-swift.enum/notXML`` before anything is parsed. UTF-8 (with or without BOM), UTF-16 with BOM and any encoding the
/// XML declaration names that libxml2 knows (ISO-8859-1, windows-1252, ...) are read.
///
/// ```swift
/// let reader = try XMLStreamReader(path: "memory.tmx")
/// while let event = try reader.next() {
///     if case .startElement(let name, _, _) = event { print(name, reader.line, reader.column) }
/// }
/// ```
///
/// The first fatal error libxml2 reports becomes an ``XMLError`` with its line, column and
/// message ("Opening and ending tag mismatch: seg line 3 and tuv").
///
/// - Complexity: O(n) in the document size; memory O(depth + largest node).
/// - SeeAlso: [libxml2 xmlreader](https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-xmlreader.html)
package final class XMLStreamReader {
    private let reader: xmlTextReaderPtr
    private let name: String
    private let source: Source
    private let sink = ErrorSink()
    @exclusivity(unchecked) private var pendingEnd: String?
    @exclusivity(unchecked) private var stack: [String] = []
    @exclusivity(unchecked) private var startTags = 0
    @exclusivity(unchecked) private var finished = false
    private var keptDocument: xmlDocPtr?
    private var scanner: XMLLocationScanner?
    private let memory: UnsafeMutableBufferPointer<CChar>?
    // Hot state is marked `@exclusivity(unchecked)`: the reader is not reentrant, and the dynamic
    // exclusivity checks cost about 6% of reading a large file.
    /// Element and attribute names as Swift strings, keyed by the address libxml2's dictionary
    /// gives each distinct name (names are interned unless XML_PARSE_NODICT, which we never set),
    /// so a name is decoded once, not once per node.
    @exclusivity(unchecked) private var names = NameCache()

    private enum Source {
        case file(String, extensions: [String])
        case memory([UInt8])
    }

    /// The decoded file libxml2 reads through ``readCallback``, `nil` for a document in memory.
    private let input: InputFile?

    /// Parser options: no network, big line numbers, CDATA as text. Never NOENT, DTDLOAD,
    /// DTDATTR or DTDVALID.
    private static let options: Int32 = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
        | Int32(XML_PARSE_BIG_LINES.rawValue)

    private static let silenced: Bool = {
        cxml_silence_generic_errors()
        return true
    }()

    /// Opens a file for reading: plain, gzip-compressed or a zip archive holding one document.
    ///
    /// - Parameters:
    ///   - path: the file path.
    ///   - extensions: in a zip archive, the extensions of the document to read (`["tmx"]`).
    /// - Throws: ``XMLError`` of kind `cannotOpen` (missing, folder, unreadable), `notXML`
    ///   (another kind of file), `damaged` (a broken archive, or one with several documents).
    package init(path: String, extensions: [String] = InputFile.documentExtensions) throws(XMLError) {
        _ = Self.silenced
        let input: InputFile
        do {
            input = try InputFile(path: path, extensions: extensions)
        } catch {
            throw XMLError(error)
        }
        guard input.content == .xml || input.content == .empty else {
            throw XMLError(
                kind: .notXML, message: "this is \(input.contentDescription), not XML", file: path, detected: input.content)
        }
        guard
            let reader = xmlReaderForIO(
                Self.readCallback, nil, Unmanaged.passUnretained(input).toOpaque(), path, nil, Self.options)
        else {
            throw XMLError(kind: .cannotOpen, message: "Cannot open the file for reading.", file: path)
        }
        self.reader = reader
        self.name = path
        self.source = .file(path, extensions: extensions)
        self.input = input
        self.memory = nil
        installErrorHandler()
    }

    /// libxml2's read callback: the next decoded bytes of the ``InputFile`` given as context, `-1`
    /// on an error (kept in the file's `failure`).
    private static let readCallback: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let input = Unmanaged<InputFile>.fromOpaque(context).takeUnretainedValue()
        do {
            return Int32(try input.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
        } catch {
            return -1
        }
    }

    /// Reads a document held in memory.
    ///
    /// - Parameters:
    ///   - bytes: the document bytes, in any encoding the reader supports.
    ///   - name: the name used in error messages.
    package init(bytes: [UInt8], name: String) throws(XMLError) {
        _ = Self.silenced
        // libxml2 reads the memory lazily, so the reader owns a copy that lives as long as it does.
        let storage = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes.lazy.map { CChar(bitPattern: $0) })
        guard let created = xmlReaderForMemory(storage.baseAddress, Int32(bytes.count), name, nil, Self.options) else {
            storage.deallocate()
            throw XMLError(kind: .cannotOpen, message: "Cannot read the document from memory.", file: name)
        }
        self.memory = storage
        self.reader = created
        self.name = name
        self.source = .memory(bytes)
        self.input = nil
        installErrorHandler()
    }

    deinit {
        xmlFreeTextReader(reader)
        input?.close()
        if let keptDocument { xmlFreeDoc(keptDocument) }
        memory?.deallocate()
    }

    private func installErrorHandler() {
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
            }, Unmanaged.passUnretained(sink).toOpaque())
    }

    // MARK: - Position

    /// The line of the current node: for a start tag, the line of its `<`; for other nodes, that of
    /// the last start tag read (libxml2 keeps no column for nodes; see ``column``).
    package var line: Int { location(ofElement: startTags).line }

    /// The column (1-based, in characters) of the `<` of the last start tag read.
    package var column: Int { location(ofElement: startTags).column }

    /// How many start tags have been read; the ordinal of the current element when the last event
    /// was a start tag. Keep it to ask for an element's position later with
    /// ``location(ofElement:)``.
    package var elementIndex: Int { startTags }

    /// The line and column of the `<` of the `index`-th start tag of the document (1-based), found by
    /// a second, forward-only scan of the bytes; `(0, 0)` when unknown.
    package func location(ofElement index: Int) -> (line: Int, column: Int) {
        guard index > 0 else { return (0, 0) }
        if scanner == nil || (scanner?.scannedStartTags ?? 0) > index {
            if let again = scanner.flatMap({ copy in var copy = copy; return copy.locate(startTag: index) }) {
                return again
            }
            scanner = makeScanner()
        }
        return scanner?.locate(startTag: index) ?? (0, 0)
    }

    private func makeScanner() -> XMLLocationScanner {
        let single: Bool = {
            guard let encoding = encoding?.uppercased() else { return false }
            return encoding.hasPrefix("ISO-8859") || encoding.hasPrefix("WINDOWS-125") || encoding.hasPrefix("CP125")
                || encoding.hasPrefix("LATIN") || encoding == "US-ASCII" || encoding == "ASCII"
        }()
        switch source {
        case .memory(let bytes):
            var given = false
            return XMLLocationScanner(singleByte: single) {
                if given { return nil }
                given = true
                return bytes
            }
        case .file(let path, let extensions):
            let input = try? InputFile(path: path, extensions: extensions)
            return XMLLocationScanner(singleByte: single) { Self.chunk(of: input) }
        }
    }

    /// The encoding libxml2 detected or the document declared (`UTF-8`, `UTF-16`, `ISO-8859-1`).
    package var encoding: String? {
        guard let value = xmlTextReaderConstEncoding(reader) else { return nil }
        return String(cString: value)
    }

    /// When true, whitespace-only text between elements is skipped instead of being returned as
    /// ``XMLEvent/whitespace(_:)`` (no string is made for it). A caller that keeps whitespace in
    /// some elements only (TMX `seg`) turns it off while inside them.
    @exclusivity(unchecked) package var skipsWhitespace = false

    /// The element path of the current node (`["tmx", "body", "tu", "tuv"]`), for errors.
    package var path: [String] { stack }

    // MARK: - Reading

    /// The next event, or `nil` at the end of the document.
    ///
    /// - Throws: ``XMLError`` for a document that is not well-formed, a forbidden DOCTYPE or a
    ///   read failure; after an error the reader stays at the end.
    package func next() throws(XMLError) -> XMLEvent? {
        if let end = pendingEnd {
            pendingEnd = nil
            stack.removeLast()
            return .endElement(name: end)
        }
        while !finished {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                finished = true
                if let failed = input?.failure { throw XMLError(failed) }
                if let error = sink.firstFatal { throw makeError(error) }
                return nil
            }
            if status < 0 {
                finished = true
                throw failure()
            }
            if let event = try currentEvent() { return event }
        }
        return nil
    }

    private func currentEvent() throws(XMLError) -> XMLEvent? {
        let type = xmlTextReaderNodeType(reader)
        switch type {
        case Self.element:
            let name = names.string(xmlTextReaderConstName(reader))
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            var attributes: [Attribute] = []
            let count = xmlTextReaderAttributeCount(reader)
            if count > 0 {
                attributes.reserveCapacity(Int(count))
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    attributes.append(
                        Attribute(names.string(xmlTextReaderConstName(reader)), constString(xmlTextReaderConstValue(reader))))
                }
                xmlTextReaderMoveToElement(reader)
            }
            startTags += 1
            stack.append(name)
            if isEmpty { pendingEnd = name }
            return .startElement(name: name, attributes: attributes, isEmpty: isEmpty)
        case Self.endElement:
            let name = stack.popLast() ?? constString(xmlTextReaderConstName(reader))
            return .endElement(name: name)
        case Self.text, Self.cdata:
            return .text(constString(xmlTextReaderConstValue(reader)))
        case Self.whitespace, Self.significantWhitespace:
            if skipsWhitespace { return nil }
            return .whitespace(constString(xmlTextReaderConstValue(reader)))
        case Self.entityReference:
            return .entityReference(name: constString(xmlTextReaderConstName(reader)))
        case Self.comment:
            return .comment(constString(xmlTextReaderConstValue(reader)))
        case Self.documentType:
            if let node = xmlTextReaderCurrentNode(reader) {
                let dtd = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlDtd.self)
                if dtd.pointee.entities != nil || dtd.pointee.pentities != nil {
                    finished = true
                    throw forbiddenDoctype(detail: nil)
                }
            }
            return nil
        default:
            return nil
        }
    }

    private func constString(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// The next 64 KiB of a second reading of the file, for ``XMLLocationScanner``.
    private static func chunk(of input: InputFile?) -> [UInt8]? {
        guard let input else { return nil }
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = bytes.withUnsafeMutableBytes { (try? input.read(into: $0)) ?? 0 }
        guard count > 0 else { return nil }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The error for a failed read: the input's own failure (compressed data that ends early),
    /// else the first fatal error libxml2 reported, turned into `forbiddenDoctype` when the
    /// internal subset declared entities.
    private func failure() -> XMLError {
        if let failed = input?.failure { return XMLError(failed) }
        let recorded = sink.firstFatal ?? sink.firstError
        if declaresEntities() { return forbiddenDoctype(detail: recorded?.message) }
        if var recorded {
            // In streaming mode libxml2 reports a file that stops early as "Extra content at the
            // end of the document"; say what it means.
            if recorded.code == Int32(XML_ERR_DOCUMENT_END.rawValue) {
                recorded.message =
                    startTags == 0
                    ? "The document has no root element (empty file?)."
                    : "The document ends before all its elements are closed (truncated file?)."
            }
            return makeError(recorded)
        }
        return XMLError(
            kind: .malformed, message: "The XML reader failed without a message.", file: name,
            line: Int(xmlTextReaderGetParserLineNumber(reader)), column: Int(xmlTextReaderGetParserColumnNumber(reader)))
    }

    /// The error for a DOCTYPE declaring entities, at the position of `<!DOCTYPE`.
    private func forbiddenDoctype(detail: String?) -> XMLError {
        var locator = makeScanner()
        _ = locator.locate(startTag: 1)
        return XMLError(
            kind: .forbiddenDoctype,
            message: "The DOCTYPE declares entities in its internal subset; such documents are refused."
                + (detail.map { " (libxml2: " + $0 + ")" } ?? ""),
            file: name, line: locator.doctype?.line ?? 0, column: locator.doctype?.column ?? 0)
    }

    private func declaresEntities() -> Bool {
        guard let document = xmlTextReaderCurrentDoc(reader) else { return false }
        keptDocument = document
        guard let subset = document.pointee.intSubset else { return false }
        return subset.pointee.entities != nil || subset.pointee.pentities != nil
    }

    private func makeError(_ recorded: ErrorSink.Recorded) -> XMLError {
        XMLError(kind: recorded.kind, message: recorded.message, file: name, line: recorded.line, column: recorded.column)
    }

    private static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    private static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
    private static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
    private static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
    private static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
    private static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
    private static let entityReference = Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
    private static let comment = Int32(XML_READER_TYPE_COMMENT.rawValue)
    private static let documentType = Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)
}

/// A direct-mapped cache from interned libxml2 name pointers to Swift strings.
private struct NameCache {
    private static let size = 128
    private var keys = [UnsafePointer<xmlChar>?](repeating: nil, count: size)
    private var values = [String](repeating: "", count: size)

    mutating func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (Self.size - 1)
        if keys[slot] == pointer { return values[slot] }
        let value = String(cString: pointer)
        keys[slot] = pointer
        values[slot] = value
        return value
    }
}

/// Collects libxml2's structured errors; the reader turns the first fatal one into an XMLError.
private final class ErrorSink {
    struct Recorded {
        var kind: XMLError.Kind
        var message: String
        var line: Int
        var column: Int
        var code: Int32
    }

    var firstFatal: Recorded?
    var firstError: Recorded?

    func record(_ error: xmlError) {
        let level = error.level.rawValue
        guard level >= XML_ERR_ERROR.rawValue else { return }
        // Only the first error of each level is kept; a document can make libxml2 report one error
        // per entity reference (10^5 from a few hundred bytes), so the rest cost nothing.
        if level >= XML_ERR_FATAL.rawValue ? firstFatal != nil : firstError != nil { return }
        var message = error.message.map { String(cString: $0) } ?? "Unknown XML error."
        while let last = message.unicodeScalars.last, last == "\n" || last == " " || last == "\r" || last == "\t" {
            message.unicodeScalars.removeLast()
        }
        // Some messages span lines ("Input is not proper UTF-8, indicate encoding !\nBytes: ...");
        // an error is printed as one line.
        message = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
        let code = error.code
        let kind: XMLError.Kind
        if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || code == Int32(XML_ERR_ENTITY_PE_INTERNAL.rawValue) {
            kind = .forbiddenEntity
        } else if error.domain == Int32(XML_FROM_I18N.rawValue) || code == Int32(XML_ERR_UNSUPPORTED_ENCODING.rawValue)
            || code == Int32(XML_ERR_INVALID_CHAR.rawValue) || code == Int32(XML_ERR_INVALID_ENCODING.rawValue)
            || code == Int32(XML_I18N_CONV_FAILED.rawValue)
        {
            kind = .encoding
        } else if error.domain == Int32(XML_FROM_IO.rawValue) {
            kind = .cannotOpen
        } else {
            kind = .malformed
        }
        let recorded = Recorded(kind: kind, message: message, line: Int(error.line), column: Int(error.int2), code: code)
        if level >= XML_ERR_FATAL.rawValue {
            if firstFatal == nil { firstFatal = recorded }
        } else if firstError == nil {
            firstError = recorded
        }
    }
}
