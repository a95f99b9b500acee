import Foundation
import Testing
import TesseraCore
import TesseraXML

struct XMLStreamWriterTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tessera-\(UUID().uuidString)-\(name)").path
    }

    @Test func write_escapesTextAndAttributesAndReadsBack() throws {
        let path = Self.temporaryPath("w.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XMLStreamWriter(path: path, indent: true)
        try writer.startDocument()
        try writer.writeDocType(name: "tmx", systemID: "tmx14.dtd")
        try writer.startElement("tmx")
        try writer.attribute("a", "x\"<&>\t\n\ry")
        try writer.startElement("seg")
        try writer.text("a\r\nb <&> \u{3000}")
        try writer.raw("<ph x=\"1\">&lt;br/&gt;</ph>")
        try writer.endElement()
        try writer.endElement()
        try writer.endDocument()

        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"))
        #expect(written.contains("&#13;"))
        let reader = try XMLStreamReader(path: path)
        var events: [XMLEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(events.first == .startElement(name: "tmx", attributes: [Attribute("a", "x\"<&>\t\n\ry")], isEmpty: false))
        let segment = events.drop { $0 != .startElement(name: "seg", attributes: [], isEmpty: false) }.dropFirst()
        #expect(Array(segment.prefix(4)) == [
            .text("a\r\nb <&> \u{3000}"),
            .startElement(name: "ph", attributes: [Attribute("x", "1")], isEmpty: false),
            .text("<br/>"),
            .endElement(name: "ph"),
        ])
    }

    /// Every character XML 1.0 cannot carry (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE,
    /// U+FFFF), written through each kind of content.
    static let forbidden = String(String.UnicodeScalarView(
        (Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0xFFFE, 0xFFFF]).map { Unicode.Scalar(UInt32($0))! }))

    @Test func write_replacesCharactersXMLCannotCarry() throws {
        let path = Self.temporaryPath("forbidden.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XMLStreamWriter(path: path, indent: false)
        try writer.startDocument()
        try writer.startElement("root")
        try writer.attribute("a", "[\(Self.forbidden)]")
        try writer.text("[\(Self.forbidden)]")
        try writer.raw("<b>[\(Self.forbidden)]</b>")
        try writer.endElement()
        try writer.endDocument()
        #expect(writer.replacedCharacters == 3 * Self.forbidden.unicodeScalars.count)

        let reader = try XMLStreamReader(path: path)
        var events: [XMLEvent] = []
        while let event = try reader.next() { events.append(event) }
        let replaced = "[" + String(repeating: "\u{FFFD}", count: Self.forbidden.unicodeScalars.count) + "]"
        #expect(events.first == .startElement(name: "root", attributes: [Attribute("a", replaced)], isEmpty: false))
        #expect(events.contains(.text(replaced)))
        #expect(events.filter { $0 == .text(replaced) }.count == 2)
    }

    @Test func init_rejectsUnwritablePath() {
        #expect(throws: XMLError.self) { try XMLStreamWriter(path: "/nonexistent/dir/out.xml", indent: false) }
    }
}
