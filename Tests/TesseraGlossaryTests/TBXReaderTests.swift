import Foundation
import Testing
import TesseraCore
@testable import TesseraGlossary

struct TBXReaderTests {
    @Test(arguments: [
        ("tbx/ibm_tbx.tbx", 5, "c5"),
        ("tbx/oracle_TBX.tbx", 2, "c2"),
        ("tbx/basic-good.tbx", 3, "t3"),
        ("tbx/admin-status.tbx", 2, "s2"),
    ])
    func read_countsConceptsAndLastID(file: String, count: Int, lastID: String) throws {
        let entries = try TBXReader.read(path: FixtureFiles.path(file))
        #expect(entries.count == count)
        #expect(entries.last?.id == lastID)
    }

    @Test func read_keepsDefinitionsStatusesAndNotes() throws {
        let entries = try TBXReader.read(path: FixtureFiles.path("tbx/basic-good.tbx"))
        let first = try #require(entries.first)
        #expect(first.subject == "defence")
        #expect(first.notes[""] == "Used in the NATO Defence Planning Process.")
        #expect(first.definitions["en"] == "A quantified goal for a military capability.")
        let german = first.terms(in: LanguageTag("de")!)
        #expect(german.map(\.text) == ["Fähigkeitsziel", "Fähigkeitsvorgabe"])
        #expect(german.map(\.status) == [.preferred, .deprecated])
        #expect(german[1].note == "Superseded in 2019.")
        #expect(german[0].partOfSpeech == "noun")
        #expect(entries[1].terms.last?.status == .deprecated)  // supersededTerm-admn-sts
    }

    @Test func read_tbx2TigAndNtigWithStatuses() throws {
        let entries = try TBXReader.read(path: FixtureFiles.path("tbx/admin-status.tbx"))
        #expect(entries[0].terms.map(\.text) == ["sanction", "yaptırım", "müeyyide"])
        #expect(entries[0].terms.map(\.status) == [.preferred, .preferred, .deprecated])
        #expect(entries[1].terms.map(\.status) == [.admitted, nil, .forbidden])
    }

    @Test func read_oracleSynonymsAndStandardizedStatus() throws {
        let entries = try TBXReader.read(path: FixtureFiles.path("tbx/oracle_TBX.tbx"))
        let english = entries[0].terms(in: LanguageTag("en")!)
        #expect(english.map(\.text) == ["Provincial Reporting Establishment", "PRE"])
        #expect(entries[0].terms(in: LanguageTag("pt")!).first?.status == .preferred)
        #expect(entries[0].subject == "HR")
    }

    @Test(arguments: [
        ("tbx/basic-bad.tbx", GlossaryError.Kind.malformedTBX, 26),
        ("tbx/not-well-formed.tbx", GlossaryError.Kind.malformedTBX, 9),
    ])
    func read_rejectsBadFileWithLine(file: String, kind: GlossaryError.Kind, line: Int) throws {
        let error = try #require(throws: GlossaryError.self) { try TBXReader.read(path: FixtureFiles.path(file)) }
        #expect(error.kind == kind)
        #expect(error.line == line)
        #expect(error.description.hasPrefix(URL(fileURLWithPath: file).lastPathComponent + ":\(line):"))
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?><tmx version=\"1.4\"/>", GlossaryError.Kind.unknownFormat),
        ("<martif><text><body><termEntry><langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>",
            .malformedTBX),
        ("<martif><text><body><termEntry><langSet xml:lang=\"e n\"><tig><term>x</term></tig></langSet></termEntry></body></text></martif>",
            .malformedTBX),
        ("", .malformedTBX),
    ])
    func read_rejectsStructuralFaults(text: String, kind: GlossaryError.Kind) throws {
        let error = try #require(throws: GlossaryError.self) { try TBXReader.read(bytes: Array(text.utf8), name: "t.tbx") }
        #expect(error.kind == kind)
    }
}
