import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
@testable import TesseraText

struct SRXDocumentTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("srx")
    static let samples = SharedData.root.appendingPathComponent("samples/srx")

    static func fixture(_ name: String) throws -> SRXDocument {
        try SRXDocument(contentsOf: fixtures.appendingPathComponent(name))
    }

    static func sentences(_ document: SRXDocument, _ language: String, _ text: String) throws -> [String] {
        let rules = try document.rules(for: LanguageTag(language)!)
        return Segmenter(rules: rules).segment(text).map { String(text[$0]) }
    }

    /// Every `.srx` file under the shared samples (empty when they are absent).
    static func sampleFiles() -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "srx" }.sorted { $0.path < $1.path }
    }

    @Test(arguments: [
        "loomchild-default.srx", "loomchild-example.srx", "loomchild-example1.srx", "okapi-Test01.srx",
        "okapi-defaultSegmentation.srx", "okapi-sample20.srx",
    ])
    func load_readsEveryFixture(name: String) throws {
        let document = try Self.fixture(name)
        #expect(!document.languageRules.isEmpty)
        #expect(!document.languageMaps.isEmpty)
        #expect(!document.ruleList(for: LanguageTag("en")!).isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Self.samples.path), "needs ../shared/samples/srx"))
    func load_readsEverySharedSample() throws {
        let files = Self.sampleFiles()
        #expect(files.count >= 9)
        for file in files {
            let document = try SRXDocument(contentsOf: file)
            #expect(!document.languageRules.isEmpty, "\(file.lastPathComponent) has no rules")
            let text = "Mr. Smith arrived at 5 p.m. on 12. Mai. He sat down! Did he?"
            for language in ["en", "de", "fr", "ja"] {
                let sentences = try Self.sentences(document, language, text)
                // Every character lands in one sentence, in order (some test rules break inside words).
                #expect(!sentences.isEmpty && sentences.joined().filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace },
                        "\(file.lastPathComponent) (\(language))")
            }
        }
    }

    /// Okapi-style rules with a `}` that closes no quantifier (a literal in Java).
    @Test func load_acceptsLiteralClosingBraceInRule() throws {
        let xml = #"""
            <srx version="2.0"><body><languagerules><languagerule languagerulename="Codes">
            <rule break="no"><beforebreak>\.</beforebreak><afterbreak>\s&lt;0}</afterbreak></rule>
            <rule break="yes"><beforebreak>&lt;0}</beforebreak><afterbreak>\s</afterbreak></rule>
            <rule break="yes"><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern=".*" languagerulename="Codes"/></maprules></body></srx>
            """#
        let document = try SRXDocument(data: Data(xml.utf8), file: "codes.srx")
        #expect(try Self.sentences(document, "en", "One. <0} Two <0} Three. Four.") == ["One. <0}", "Two <0}", "Three.", "Four."])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Self.samples.appendingPathComponent("omegat-org+omegat").path), "needs ../shared/samples/srx"))
    func omegat_mapsLanguagesAndSegments() throws {
        let url = Self.samples.appendingPathComponent(
            "omegat-org+omegat/src/main/resources/org/omegat/core/segmentation/defaultRules.srx")
        let document = try SRXDocument(contentsOf: url)
        #expect(document.cascade)
        #expect(document.ruleNames(for: LanguageTag("en-US")!) == ["English", "Default", "Text", "HTML"])
        #expect(document.ruleNames(for: LanguageTag("de")!).first == "German")
        #expect(document.ruleNames(for: LanguageTag("ja")!).first == "Japanese")
        #expect(document.ruleNames(for: LanguageTag("tr")!) == ["Default", "Text", "HTML"])
        #expect(try Self.sentences(document, "en", "Mr. Smith arrived. He sat down.") == ["Mr. Smith arrived.", "He sat down."])
        #expect(try Self.sentences(document, "de", "Das ist z. B. gut. Wir gehen.") == ["Das ist z. B. gut.", "Wir gehen."])
        #expect(try Self.sentences(document, "ja", "今日は晴れ。明日は雨です。") == ["今日は晴れ。", "明日は雨です。"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Self.samples.appendingPathComponent("mihnita+okapi").path), "needs ../shared/samples/srx"))
    func okapiAlignerRules_segmentAsIntended() throws {
        let url = Self.samples.appendingPathComponent(
            "mihnita+okapi/okapi/steps/aligner/src/main/resources/net/sf/okapi/steps/gcaligner/default.srx")
        let document = try SRXDocument(contentsOf: url)
        #expect(document.ruleNames(for: LanguageTag("ja")!) == ["cjk", "default"])
        #expect(try Self.sentences(document, "en", "Dr. Smith met Mr. Jones on Jan. 5 at the U.S. embassy. They talked.")
            == ["Dr. Smith met Mr. Jones on Jan. 5 at the U.S. embassy.", "They talked."])
        #expect(try Self.sentences(document, "ja", "今日は晴れ。明日は雨。") == ["今日は晴れ。", "明日は雨。"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Self.samples.appendingPathComponent("amake+SuperTMXMerge").path), "needs ../shared/samples/srx"))
    func superTMXMergeRules_segmentAsIntended() throws {
        let url = Self.samples.appendingPathComponent("amake+SuperTMXMerge/l10n/Segmentation.srx")
        let document = try SRXDocument(contentsOf: url)
        #expect(!document.cascade)
        #expect(try Self.sentences(document, "en", "The U.K. is big. It rains.\nNew line")
            == ["The U.K. is big.", "It rains.", "New line"])
    }

    @Test func loomchildDefault_breaksOnlyBeforeCapitals() throws {
        let document = try Self.fixture("loomchild-default.srx")
        #expect(try Self.sentences(document, "en", "Hello world. This is it. and more.") == ["Hello world.", "This is it. and more."])
    }

    @Test func loomchildExample_usesLanguageExceptionsThenDefault() throws {
        let document = try Self.fixture("loomchild-example.srx")
        #expect(document.ruleNames(for: LanguageTag("en-GB")!) == ["English", "Default"])
        #expect(document.ruleNames(for: LanguageTag("fr")!) == ["French", "Default"])
        #expect(try Self.sentences(document, "en", "Visit the U.K. with Mr. Bean. Then etc. more.")
            == ["Visit the U.K. with Mr. Bean.", "Then etc. more."])
        #expect(try Self.sentences(document, "fr", "Voici Mme. Durand. Elle part.") == ["Voici Mme. Durand.", "Elle part."])
        #expect(try Self.sentences(document, "de", "Hallo Mr. Bean. Hallo.") == ["Hallo Mr.", "Bean.", "Hallo."])
    }

    @Test func loomchildExample1_readsSRX10WithoutCascade() throws {
        let document = try Self.fixture("loomchild-example1.srx")
        #expect(document.version.hasPrefix("1"))
        #expect(!document.cascade)
        #expect(document.ruleNames(for: LanguageTag("en")!).count == 1)
        #expect(try Self.sentences(document, "en", "Hello Mr. Smith. How are you? Fine etc. and you.")
            == ["Hello Mr. Smith.", "How are you?", "Fine etc. and you."])
    }

    @Test func okapiSample20_cascadesEnglishOverDefault() throws {
        let document = try Self.fixture("okapi-sample20.srx")
        let text = "Mr. Holmes is from the U.K. Is Dr. Watson from there too? Yes: both are."
        #expect(try Self.sentences(document, "en", text) == ["Mr. Holmes is from the U.K. Is Dr. Watson from there too? Yes: both are."])
        #expect(try Self.sentences(document, "fr", text) == ["Mr.", "Holmes is from the U.K. Is Dr.", "Watson from there too? Yes: both are."])
    }

    @Test func okapiTest01_keepsAcronymsTogether() throws {
        let document = try Self.fixture("okapi-Test01.srx")
        #expect(!document.cascade)
        #expect(try Self.sentences(document, "en", "He is from the U.K. not the U.S. He left.")
            == ["He is from the U.K. not the U.S. He left."])
        #expect(try Self.sentences(document, "en", "One. Two.") == ["One.", "Two."])
    }

    @Test func okapiDefaultSegmentation_handlesAbbreviationsAndCJK() throws {
        let document = try Self.fixture("okapi-defaultSegmentation.srx")
        #expect(document.ruleNames(for: LanguageTag("th")!) == ["Thai"])
        #expect(try Self.sentences(document, "en", "See Fig. 3 for details. Dr. Jones agreed! Fine.")
            == ["See Fig. 3 for details.", "Dr. Jones agreed!", "Fine."])
        #expect(try Self.sentences(document, "zh", "你好。再见！") == ["你好。", "再见！"])
    }

    @Test(arguments: [
        ("<srx version=\"2.0\"><body><languagerules>", SRXError.Kind.malformedXML),
        ("<notsrx/>", .notSRX),
        ("<srx version=\"3.0\"/>", .notSRX),
        ("""
        <srx version="2.0"><body><languagerules><languagerule languagerulename="A">
        <rule break="yes"><beforebreak>[a-</beforebreak><afterbreak>\\s</afterbreak></rule>
        </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="A"/></maprules></body></srx>
        """, .invalidPattern),
        ("""
        <srx version="2.0"><body><languagerules><languagerule languagerulename="A"/></languagerules>
        <maprules><languagemap languagepattern=".*" languagerulename="B"/></maprules></body></srx>
        """, .unknownLanguageRule),
        ("""
        <?xml version="1.0"?><!DOCTYPE srx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <srx version="2.0"><body><languagerules><languagerule languagerulename="A"><rule><beforebreak>&x;</beforebreak></rule></languagerule></languagerules></body></srx>
        """, .notSRX),
    ])
    func load_rejectsBadDocuments(xml: String, kind: SRXError.Kind) {
        #expect {
            _ = try SRXDocument(data: Data(xml.utf8), file: "bad.srx")
        } throws: { error in
            (error as? SRXError)?.kind == kind
        }
    }

    @Test func load_reportsLineAndColumnOfBadRule() throws {
        let xml = """
            <srx version="2.0"><body><languagerules><languagerule languagerulename="A">
            <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            <rule break="no"><beforebreak>(unclosed</beforebreak></rule>
            </languagerule></languagerules></body></srx>
            """
        do {
            _ = try SRXDocument(data: Data(xml.utf8), file: "bad.srx")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidPattern)
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("bad.srx:3:"))
        }
    }

    @Test func segmentationRules_loadFromSRXData() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("okapi-sample20.srx"))
        let rules = try SegmentationRules(srx: data, language: LanguageTag("en")!)
        #expect(rules.rules.count == 4)
    }
}
