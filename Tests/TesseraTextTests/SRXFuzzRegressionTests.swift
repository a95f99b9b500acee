import Foundation
import Testing

import TesseraText

/// Inputs that crashed the SRX reader under coverage-guided fuzzing (Fuzz/run.sh, FuzzSRX): each
/// must now be refused with one clean error, not a trap. Fixtures in Fixtures/fuzz, see its README.
struct SRXFuzzRegressionTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("fuzz")

    @Test(arguments: [
        // A malformed or misplaced encoding declaration is ignored by libxml2, so a byte that is not
        // UTF-8 reached Foundation's XMLParser in an element name, and it trapped.
        ("srx-unquoted-encoding-raw-name.srx", SRXError.Kind.malformedXML, "1:42: malformedXML: The file is not valid UTF-8"),
        ("srx-unclosed-encoding-quote.srx", .malformedXML, "1:42: malformedXML: The file is not valid UTF-8"),
        ("srx-encoding-after-standalone.srx", .malformedXML, "1:60: malformedXML: The file is not valid UTF-8"),
        // Zero bytes near the start made the reader take the document for UTF-16, but libxml2 only
        // detects UTF-16/UCS-4 by a byte-order mark or by "<?" / "<" in a known layout.
        ("srx-zero-bytes-raw-name.srx", .malformedXML, "1:2: malformedXML: The file is not valid UTF-8"),
        // XMLParser reads a missing (NULL) C string as a pointer: a processing instruction without
        // data, a NOTATION without a public id and an ATTLIST without a default value crashed it.
        ("srx-pi-without-data.srx", .notSRX, "1:1: notSRX: The document has a processing instruction without data (<?xm?>)"),
        ("srx-pi-in-internal-subset.srx", .notSRX, "1:16: notSRX: The document has a processing instruction without data (<?pi?>)"),
        ("srx-notation-without-public-id.srx", .notSRX, "1:16: notSRX: The document declares a notation"),
        ("srx-attlist-without-default.srx", .notSRX, "1:16: notSRX: The document declares attributes"),
        // libxml2 ends a comment early at an invalid character (here U+0001) and parses the rest.
        ("srx-pi-after-broken-comment.srx", .notSRX, "1:21: notSRX: The document has a processing instruction without data (<?p?>)"),
    ])
    func fuzzInput_isRefusedWithAnError(name: String, kind: SRXError.Kind, message: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
        do {
            _ = try SRXDocument(data: data, file: name)
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.kind == kind)
            #expect(error.description.hasPrefix("\(name):\(message)"), "\(error.description)")
        }
    }

    @Test func processingInstructionsWithData_areRead() throws {
        let xml = #"<?xml version="1.0"?><?app data?><srx version="2.0"><?app ?><body><!-- note --><languagerules>"#
            + #"<languagerule languagerulename="A"><rule><beforebreak><![CDATA[<\.]]></beforebreak></rule>"#
            + #"</languagerule></languagerules></body></srx>"#
        let document = try SRXDocument(data: Data(xml.utf8), file: "pi.srx")
        #expect(document.languageRules.first?.rules.first?.beforeBreak == #"<\."#)
    }

    @Test(arguments: [
        #"<?xml version="1.0" encoding="ISO-8859-1"?>"#,
        #"<?xml version='1.0' encoding='windows-1252'?>"#,
        "<?xml version=\"1.0\"\n  encoding = \"latin1\" ?>",
    ])
    func declaredSingleByteEncoding_stillReadsItsBytes(declaration: String) throws {
        // "Zürich" in ISO-8859-1 / windows-1252: the byte 0xFC is a character there, not an error.
        var data = Data((declaration + #"<srx version="2.0"><body><languagerules><languagerule languagerulename="Z"#).utf8)
        data.append(0xFC)
        data.append(contentsOf: Array(#"rich"/></languagerules></body></srx>"#.utf8))
        let document = try SRXDocument(data: data, file: "latin1.srx")
        #expect(document.languageRules.map(\.name) == ["Z\u{FC}rich"])
    }
}
