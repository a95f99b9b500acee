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

    @Test func init_rejectsUnwritablePath() {
        #expect(throws: XMLError.self) { try XMLStreamWriter(path: "/nonexistent/dir/out.xml", indent: false) }
    }
}
