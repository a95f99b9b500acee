import Foundation
import Testing
import TesseraCore
import TesseraXML

struct XMLStreamReaderTests {
    static func events(_ xml: [UInt8], name: String = "doc.xml") throws -> [XMLEvent] {
        let reader = try XMLStreamReader(bytes: xml, name: name)
        var out: [XMLEvent] = []
        while let event = try reader.next() { out.append(event) }
        return out
    }

    static func events(_ xml: String) throws -> [XMLEvent] { try events(Array(xml.utf8)) }

    static func firstError(_ xml: String, name: String = "doc.xml") -> XMLError? {
        do {
            _ = try events(Array(xml.utf8), name: name)
            return nil
        } catch let error as XMLError {
            return error
        } catch {
            return nil
        }
    }

    @Test func next_reportsElementsTextAndAttributesInOrder() throws {
        let events = try Self.events(
            "<?xml version=\"1.0\"?>\n<seg b=\"2\" xml:lang=\"en\" a=\"1\">a&#13;b &amp; c<ph x=\"1\"/><!--n--> </seg>")
        #expect(
            events == [
                .startElement(name: "seg", attributes: [Attribute("b", "2"), Attribute("xml:lang", "en"), Attribute("a", "1")], isEmpty: false),
                .text("a\rb & c"),
                .startElement(name: "ph", attributes: [Attribute("x", "1")], isEmpty: true),
                .endElement(name: "ph"),
                .comment("n"),
                .whitespace(" "),
                .endElement(name: "seg"),
            ])
    }

    @Test func next_decodesCharacterReferencesAndCDATA() throws {
        let events = try Self.events("<a>&#x3000;x<![CDATA[<b>&amp;]]>&#9;</a>")
        let text = events.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
        #expect(text == "\u{3000}x<b>&amp;\t")
    }

    @Test(arguments: [
        ("<tmx>\n<body>\n<seg>x</tuv>\n</body></tmx>", 3, 13, "Opening and ending tag mismatch: seg line 3 and tuv"),
        ("<tmx><body>", 1, 12, "The document ends before all its elements are closed (truncated file?)."),
        ("<a b='1' b='2'/>", 1, 15, "Attribute b redefined"),
        ("<a>&bogus;</a>", 1, 11, "Entity 'bogus' not defined"),
    ])
    func next_reportsLibxml2PositionOfFatalError(xml: String, line: Int, column: Int, fragment: String) {
        let error = Self.firstError(xml)
        #expect(error?.kind == .malformed)
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("doc.xml:\(line):\(column): ") == true)
    }

    @Test func next_refusesBillionLaughs() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <lolz>&lol9;</lolz>
            """
        #expect(Self.firstError(xml)?.kind == .forbiddenDoctype)
    }

    @Test func next_refusesExternalEntityWithoutReadingIt() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <tmx><seg>&xxe;</seg></tmx>
            """
        let error = Self.firstError(xml)
        #expect(error?.kind == .forbiddenDoctype)
        #expect(error?.line == 2)
        #expect(error?.column == 1)
    }

    @Test func next_acceptsDoctypeWithoutInternalSubsetAndNeverLoadsIt() throws {
        let events = try Self.events("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"http://example.invalid/tmx14.dtd\">\n<tmx version=\"1.4\"/>")
        #expect(events == [.startElement(name: "tmx", attributes: [Attribute("version", "1.4")], isEmpty: true), .endElement(name: "tmx")])
    }

    @Test func next_neverLoadsALocalExternalDTD() throws {
        // /etc/hostname is not a DTD: loading it would be a parse error.
        let events = try Self.events("<!DOCTYPE tmx SYSTEM \"/etc/hostname\">\n<tmx><a/></tmx>")
        #expect(events.count == 4)
    }

    @Test func path_followsTheCurrentElement() throws {
        let reader = try XMLStreamReader(bytes: Array("<a><b><c/></b></a>".utf8), name: "p.xml")
        var paths: [[String]] = []
        while let event = try reader.next() {
            if case .startElement = event { paths.append(reader.path) }
        }
        #expect(paths == [["a"], ["a", "b"], ["a", "b", "c"]])
        #expect(reader.path.isEmpty)
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            out += bigEndian ? pair : pair.reversed()
        }
        return out
    }

    @Test(arguments: [
        ("UTF-8", Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s>Grüße – 日本</s>".utf8)),
        ("UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array("<s>Grüße – 日本</s>".utf8)),
        ("UTF-16LE BOM", utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?><s>Grüße – 日本</s>", bigEndian: false)),
        ("UTF-16BE BOM", utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?><s>Grüße – 日本</s>", bigEndian: true)),
    ])
    func next_decodesUnicodeEncodings(label: String, bytes: [UInt8]) throws {
        let text = try Self.events(bytes).compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
        #expect(text == "Grüße – 日本", "\(label)")
    }

    @Test(arguments: [
        ("ISO-8859-1", [0x47, 0x72, 0xFC, 0xDF, 0x65] as [UInt8], "Grüße"),
        ("windows-1252", [0x93, 0x80, 0x20, 0x96, 0x94] as [UInt8], "\u{201C}€ –\u{201D}"),
    ])
    func next_decodesDeclaredSingleByteEncodings(encoding: String, body: [UInt8], expected: String) throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?><s a=\"".utf8) + body + Array("\">".utf8) + body
            + Array("</s>".utf8)
        let reader = try XMLStreamReader(bytes: bytes, name: "latin.xml")
        var events: [XMLEvent] = []
        while let event = try reader.next() { events.append(event) }
        #expect(events.first == .startElement(name: "s", attributes: [Attribute("a", expected)], isEmpty: false))
        #expect(events.dropFirst().first == .text(expected))
        #expect(reader.encoding?.lowercased() == encoding.lowercased())
    }

    @Test func location_findsStartTagsOnOneLineAndAcrossLines() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- <x> -->\n<a><b/><![CDATA[<c>]]><c\n  k='>'><d/></c>\r\n\t<é/><f/></a>"
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), name: "loc.xml")
        var seen: [String: [Int]] = [:]
        while let event = try reader.next() {
            if case .startElement(let name, _, _) = event { seen[name] = [reader.line, reader.column] }
        }
        #expect(seen == ["a": [3, 1], "b": [3, 4], "c": [3, 23], "d": [4, 9], "é": [5, 2], "f": [5, 6]])
        #expect(reader.location(ofElement: 2) == (3, 4))
    }

    @Test func init_rejectsMissingFile() {
        #expect(throws: XMLError.self) { try XMLStreamReader(path: "/nonexistent/file.tmx") }
    }
}
