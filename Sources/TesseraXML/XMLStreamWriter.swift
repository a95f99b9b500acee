internal import CLibXML2
internal import Foundation
internal import TesseraCore
internal import TesseraIO

/// A streaming XML writer over libxml2's `xmlTextWriter`: UTF-8 without BOM, written to the file
/// as it goes, so memory stays flat whatever the size of the output.
///
/// Text is escaped by the writer (`&`, `<`, `>`, and a carriage return as `&#13;` so that it
/// survives the next parse); ``raw(_:)`` writes markup that is already escaped (a stored segment).
/// Characters XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF) are never written: text,
/// attribute values and raw markup pass through `XMLCharacterPolicy`, which replaces them by
/// U+FFFD, and ``replacedCharacters`` counts them, so every document written is well-formed.
///
/// ```swift
/// let writer = try XMLStreamWriter(path: "out.tmx", indent: true)
/// try writer.startDocument()
/// try writer.writeDocType(name: "tmx", systemID: "tmx14.dtd")
/// try writer.startElement("tmx"); try writer.attribute("version", "1.4")
/// try writer.endElement()
/// try writer.endDocument()
/// ```
///
/// - SeeAlso: [libxml2 xmlwriter](https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-xmlwriter.html)
package final class XMLStreamWriter {
    private let writer: xmlTextWriterPtr
    private let output: OutputFile
    private let path: String
    private var closed = false
    /// Characters XML cannot carry that were replaced by U+FFFD so far.
    package private(set) var replacedCharacters = 0

    /// Creates the file (replacing it) and a writer on it.
    ///
    /// - Parameters:
    ///   - path: the output file; a name ending in `.gz` is written gzip-compressed, one ending in
    ///     `.zip` as a zip archive holding the document (TesseraIO's `OutputFile`).
    ///   - indent: whether to indent nested elements (never inside mixed content written with
    ///     ``text(_:)`` or ``raw(_:)``).
    /// - Throws: ``XMLError`` of kind `cannotOpen` when the file cannot be created.
    package init(path: String, indent: Bool) throws(XMLError) {
        // Our own output (TesseraIO's OutputFile, which compresses `.gz` and `.zip` names) and
        // callbacks: libxml2's file output may go through zlib (level 0) and then holds data
        // until the writer is freed.
        let output: OutputFile
        do {
            output = try OutputFile(path: path)
        } catch {
            throw XMLError(kind: .cannotOpen, message: "Cannot create the file for writing (\(error.message)).", file: path)
        }
        guard
            let buffer = xmlOutputBufferCreateIO(
                { context, buffer, length in
                    guard let context, let buffer, length > 0 else { return 0 }
                    let output = Unmanaged<OutputFile>.fromOpaque(context).takeUnretainedValue()
                    do {
                        try output.write(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
                    } catch {
                        return -1
                    }
                    return length
                },
                { _ in 0 }, Unmanaged.passUnretained(output).toOpaque(), nil),
            let writer = xmlNewTextWriter(buffer)
        else {
            try? output.close()
            throw XMLError(kind: .cannotOpen, message: "Cannot create the file for writing.", file: path)
        }
        self.output = output
        self.writer = writer
        self.path = path
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = "  ".withCString { xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        }
    }

    deinit {
        if !closed { xmlTextWriterFlush(writer) }
        xmlFreeTextWriter(writer)
        if !closed { try? output.close() }
    }

    private func check(_ status: Int32, _ what: String) throws(XMLError) {
        if status < 0 {
            throw XMLError(kind: .write, message: "Cannot write \(what) (disk full or file closed?).", file: path)
        }
    }

    /// Writes the XML declaration (`<?xml version="1.0" encoding="UTF-8"?>`).
    package func startDocument() throws(XMLError) {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "the XML declaration")
    }

    /// Closes every open element, ends the document, flushes and closes the file (writing the
    /// gzip trailer or the zip archive).
    package func endDocument() throws(XMLError) {
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        try flush()
        closed = true
        do {
            try output.close()
        } catch {
            throw XMLError(kind: .write, message: "Cannot write the file (\(error.message)).", file: path)
        }
    }

    /// Writes `<!DOCTYPE name SYSTEM "systemID">`.
    package func writeDocType(name: String, systemID: String) throws(XMLError) {
        // Written by hand so that it stays on one line whatever the indentation.
        let quote = systemID.contains("\"") ? "'" : "\""
        try raw("<!DOCTYPE \(name) SYSTEM \(quote)\(systemID)\(quote)>\n")
    }

    /// Opens an element; attributes follow with ``attribute(_:_:)`` before any content.
    package func startElement(_ name: String) throws(XMLError) {
        try check(xmlTextWriterStartElement(writer, name), "element \(name)")
    }

    /// Writes an attribute of the element just opened; the value is escaped (`"`, `&`, `<`, tab,
    /// line feed and carriage return as character references).
    package func attribute(_ name: String, _ value: String) throws(XMLError) {
        try check(xmlTextWriterWriteAttribute(writer, name, allowed(value)), "attribute \(name)")
    }

    /// Writes character data, escaped by the writer (a CR comes out as `&#13;`).
    package func text(_ text: String) throws(XMLError) {
        try check(xmlTextWriterWriteString(writer, allowed(text)), "text")
    }

    /// Writes already-escaped markup as it is.
    package func raw(_ markup: String) throws(XMLError) {
        try check(xmlTextWriterWriteRaw(writer, allowed(markup)), "markup")
    }

    /// `text` with the characters XML cannot carry replaced, counted in ``replacedCharacters``.
    private func allowed(_ text: String) -> String {
        var text = text
        replacedCharacters += XMLCharacterPolicy.sanitize(&text)
        return text
    }

    /// Closes the innermost open element (`<x/>` when it has no content).
    package func endElement() throws(XMLError) {
        try check(xmlTextWriterEndElement(writer), "an end tag")
    }

    /// Pushes buffered output to the file.
    package func flush() throws(XMLError) {
        try check(xmlTextWriterFlush(writer), "buffered output")
    }
}
