import Foundation
import Testing
import TesseraCore
@testable import TesseraGlossary

/// Reads the shared development samples in place (GPL-licensed ones are not copied into the
/// package); skipped with a message on machines without them.
@Suite(.enabled(if: FixtureFiles.hasSamples, "The shared samples folder (../shared/samples or $TESSERA_SHARED/samples) is absent: skipped."))
struct SharedSamplesTests {
    static let en = LanguageTag("en")!
    static let xx = LanguageTag("fr")!

    @Test func read_omegatCSVWithQuoting() throws {
        let path = FixtureFiles.samples + "/glossary/omegat-org+omegat/src/test/resources/data/glossaries/test.csv"
        let entries = try GlossaryFileReader.read(path: path, languages: (Self.en, Self.xx))
        #expect(entries.count == 7)
        #expect(entries.map { $0.terms[0].text }.contains("\"kde\",\"q\""))
        #expect(entries.map { $0.terms[0].text }.contains("\"\"k"))
    }

    @Test func read_omegatTab() throws {
        let path = FixtureFiles.samples + "/glossary/omegat-org+omegat/src/test/resources/data/glossaries/test.tab"
        let entries = try GlossaryFileReader.read(path: path, languages: (Self.en, Self.xx))
        #expect(entries.count == 4)
        #expect(entries[2].notes[""]?.hasPrefix("https://") == true)
    }

    @Test func read_basicGoodLoadsAndBasicBadFailsWithLine() throws {
        let folder = FixtureFiles.samples + "/tbx/LTAC-Global+TBX_test_files/"
        let entries = try GlossaryFileReader.read(path: folder + "basic_good.tbx", languages: nil)
        #expect(entries.count == 45)
        let error = try #require(throws: GlossaryError.self) {
            try GlossaryFileReader.read(path: folder + "basic_bad.tbx", languages: nil)
        }
        #expect((error.line ?? 0) > 0)
    }
}
