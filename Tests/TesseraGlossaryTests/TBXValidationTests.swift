import Foundation
import Testing
import TesseraCore
@testable import TesseraGlossary

/// Issue 9 item 5: TBX files of every dialect are checked for their core structure and the
/// picklists of known data categories; strict reads fail with the place, lenient reads keep the
/// data with one warning per problem.
struct TBXValidationTests {
    /// A TBX 3 document around `body` (the first line is the XML declaration, the body starts on line 3).
    static func tbx3(_ body: String, type: String = "TBX-Core") -> String {
        "<?xml version=\"1.0\"?>\n<tbx type=\"\(type)\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n"
            + body + "\n</body></text></tbx>\n"
    }

    /// A TBX 2 document around `body` (body starts on line 3).
    static func tbx2(_ body: String, type: String = "TBX") -> String {
        "<?xml version=\"1.0\"?>\n<martif type=\"\(type)\" xml:lang=\"en\"><text><body>\n" + body + "\n</body></text></martif>\n"
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        /// Where the (first) problem is.
        var line: Int
        var message: String
        /// Terms a lenient read keeps.
        var lenientTerms: [String]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "TBX 3 termSec with two terms",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec>\n<term>one</term>\n<term>two</term></termSec></langSec></conceptEntry>"),
            line: 5, message: "second <term>", lenientTerms: ["one", "two"]),
        Case(
            name: "TBX 2 tig with two terms",
            text: tbx2("<termEntry id=\"c1\"><langSet xml:lang=\"en\"><tig>\n<term>one</term>\n<term>two</term></tig></langSet></termEntry>"),
            line: 5, message: "second <term>", lenientTerms: ["one", "two"]),
        Case(
            name: "TBX 2 ntig with two terms in its termGrp",
            text: tbx2("<termEntry id=\"c1\"><langSet xml:lang=\"en\"><ntig><termGrp>\n<term>one</term>\n<term>two</term></termGrp></ntig></langSet></termEntry>"),
            line: 5, message: "second <term>", lenientTerms: ["one", "two"]),
        Case(
            name: "termNote before the term",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec>\n<termNote type=\"partOfSpeech\">noun</termNote><term>one</term></termSec></langSec></conceptEntry>"),
            line: 4, message: "before the <term>", lenientTerms: ["one"]),
        Case(
            name: "termNote after auxiliary data",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>one</term><note>n</note>\n<termNote type=\"partOfSpeech\">noun</termNote></termSec></langSec></conceptEntry>"),
            line: 4, message: "after the auxiliary", lenientTerms: ["one"]),
        Case(
            name: "descrip after the term sections",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>one</term></termSec>\n<descrip type=\"definition\">late</descrip></langSec></conceptEntry>"),
            line: 4, message: "comes after a term section", lenientTerms: ["one"]),
        Case(
            name: "concept data after the language sections",
            text: tbx2("<termEntry id=\"c1\"><langSet xml:lang=\"en\"><tig><term>one</term></tig></langSet>\n<note>late</note></termEntry>"),
            line: 4, message: "comes after a <langSet>", lenientTerms: ["one"]),
        Case(
            name: "term directly in the language section",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\">\n<term>one</term></langSec></conceptEntry>"),
            line: 4, message: "directly in <langSec>", lenientTerms: ["one"]),
        Case(
            name: "termSec without a term",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>one</term></termSec><termSec>\n<note>no term</note></termSec></langSec></conceptEntry>"),
            line: 4, message: "comes before the <term>", lenientTerms: ["one"]),
        Case(
            name: "empty termSec",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>one</term></termSec>\n<termSec></termSec></langSec></conceptEntry>"),
            line: 4, message: "has no <term>", lenientTerms: ["one"]),
        Case(
            name: "TBX 3 element in a martif file",
            text: tbx2("<termEntry id=\"c1\"><langSet xml:lang=\"en\">\n<termSec><term>one</term></termSec></langSet></termEntry>"),
            line: 4, message: "not an element of TBX 2", lenientTerms: ["one"]),
        Case(
            name: "unknown element in a term section",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>one</term>\n<comment>x</comment></termSec></langSec></conceptEntry>"),
            line: 4, message: "not allowed in <termSec>", lenientTerms: ["one"]),
        Case(
            name: "administrativeStatus off the TBX 2 picklist",
            text: tbx2("<termEntry id=\"c1\"><langSet xml:lang=\"en\"><tig><term>one</term>\n<termNote type=\"administrativeStatus\">maybeTerm-admn-sts</termNote></tig></langSet></termEntry>"),
            line: 4, message: "\"maybeTerm-admn-sts\" is not a value", lenientTerms: ["one"]),
        Case(
            name: "termType off the TBX 3 picklist",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>one</term>\n<termNote type=\"termType\">nickname</termNote></termSec></langSec></conceptEntry>"),
            line: 4, message: "\"nickname\" is not a value", lenientTerms: ["one"]),
        Case(
            name: "partOfSpeech off the TBX-Basic picklist",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>one</term>\n<termNote type=\"partOfSpeech\">n</termNote></termSec></langSec></conceptEntry>", type: "TBX-Basic"),
            line: 4, message: "\"n\" is not a value", lenientTerms: ["one"]),
        Case(
            name: "usageStatus off the picklist",
            text: tbx3("<conceptEntry id=\"c1\"><langSec xml:lang=\"en\"><termSec><term>one</term>\n<termNote type=\"usageStatus\">sometimes</termNote></termSec></langSec></conceptEntry>"),
            line: 4, message: "\"sometimes\" is not a value", lenientTerms: ["one"]),
        Case(
            name: "grammaticalGender off the TBX 2 picklist",
            text: tbx2("<termEntry id=\"c1\"><langSet xml:lang=\"de\"><tig><term>eins</term>\n<termNote type=\"grammaticalGender\">f</termNote></tig></langSet></termEntry>"),
            line: 4, message: "\"f\" is not a value", lenientTerms: ["eins"]),
    ]

    @Test(arguments: cases)
    func read_strictRejectsWithPlace(invalid: Case) throws {
        let error = try #require(throws: GlossaryError.self) {
            try TBXReader.read(bytes: Array(invalid.text.utf8), name: "bad.tbx")
        }
        #expect(error.kind == .malformedTBX)
        #expect(error.line == invalid.line, "\(error)")
        #expect(error.column != nil)
        #expect(error.message.contains(invalid.message), "\(error)")
        #expect(error.description.hasPrefix("bad.tbx:\(invalid.line):"))
    }

    @Test(arguments: cases)
    func read_lenientKeepsDataWithOneWarning(invalid: Case) throws {
        var warnings: [GlossaryWarning] = []
        let entries = try TBXReader.read(bytes: Array(invalid.text.utf8), name: "bad.tbx", lenient: true, warnings: &warnings)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.line == invalid.line)
        #expect(warnings.first?.description.hasPrefix("bad.tbx:\(invalid.line):") == true)
        #expect(entries.flatMap(\.terms).map(\.text) == invalid.lenientTerms)
    }

    @Test func read_lenientKeepsOffListValueAsWritten() throws {
        var warnings: [GlossaryWarning] = []
        let text = Self.cases.first { $0.name.hasPrefix("termType") }!.text
        let entries = try TBXReader.read(bytes: Array(text.utf8), name: "bad.tbx", lenient: true, warnings: &warnings)
        #expect(entries.first?.terms.first?.categories == [DataCategory(element: "termNote", type: "termType", value: "nickname")])
    }

    @Test(.enabled(if: FixtureFiles.hasSamples, "needs ../shared/samples (absent on this machine)"), arguments: [
        ("basic_good.tbx", 0), ("basic_bad.tbx", 5),
    ])
    func read_ltacSamples(file: String, lenientWarnings: Int) throws {
        let path = FixtureFiles.samples + "/tbx/LTAC-Global+TBX_test_files/" + file
        var warnings: [GlossaryWarning] = []
        var replaced = 0
        let entries = try GlossaryFileReader.read(
            path: path, languages: nil, lenient: true, warnings: &warnings, replacedCharacters: &replaced)
        #expect(entries.count == 45)
        #expect(warnings.count == lenientWarnings, "\(warnings.map(\.description).joined(separator: "\n"))")
    }
}
