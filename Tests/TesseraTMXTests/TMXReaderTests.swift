import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
import TesseraTMX

struct TMXReaderTests {
    @Test(arguments: Fixtures.valid.map(\.file))
    func read_fixtureGivesReadmeUnitCount(file: String) throws {
        let expected = try #require(Fixtures.valid.first { $0.file == file }?.units)
        let (reader, units) = try Fixtures.readAll(Fixtures.path(file))
        #expect(units.count == expected, "\(file)")
        #expect(reader.unitsRead == expected)
        #expect(units.allSatisfy { $0.variants.allSatisfy { !$0.language.isWildcard } })
    }

    static let sharedSamples = SharedData.root.appendingPathComponent("samples").path

    @Test func read_everySharedSampleGivesReadmeUnitCount() throws {
        guard let readme = try? String(contentsOfFile: Self.sharedSamples + "/README.md", encoding: .utf8) else {
            print("Skipped: \(Self.sharedSamples)/README.md is not on this machine.")
            return
        }
        let rows = SharedData.tmxUnitCounts(readme: readme)
        #expect(rows.count >= 20)
        for row in rows {
            let (_, units) = try Fixtures.readAll(Self.sharedSamples + "/" + row.file)
            #expect(units.count == row.units, "\(row.file)")
        }
    }

    @Test func read_basePartsTogetherGiveBase() throws {
        let folder = Self.sharedSamples + "/tmx/amake+SuperTMXMerge/src/test/resources/org/madlonkay/supertmxmerge/"
        guard FileManager.default.fileExists(atPath: folder + "base.tmx") else {
            print("Skipped: the SuperTMXMerge samples are not on this machine.")
            return
        }
        let base = try Fixtures.readAll(folder + "base.tmx").units
        var parts: [TranslationUnit] = []
        for part in ["base-part1.tmx", "base-part2.tmx", "base-part3.tmx"] { parts += try Fixtures.readAll(folder + part).units }
        #expect(base.count == 31)
        #expect(Set(parts) == Set(base))
        #expect(parts.count == base.count)
    }

    @Test func read_tmx11LangAttributeAndXmlLangWins() throws {
        let (reader, units) = try Fixtures.readAll(Fixtures.path("own/tmx11-lang.tmx"))
        #expect(reader.header.version == "1.1")
        #expect(reader.header.sourceLanguage == LanguageTag("en-US"))
        #expect(units.map { $0.variants.map(\.language.description) } == [["en-US", "fr-FR"], ["en-US", "fr-CA"]])
        #expect(units[1].variants[0].segment.plainText == "Line one\nLine two")
        #expect(units[1].props == [Prop(type: "x-source", value: "menu")])
        #expect(units[1].tuid == "2")
        #expect(units[1].variants.allSatisfy { $0.attributes.isEmpty })
        #expect(reader.warnings.total == 0)
    }

    @Test func read_regionalVariantsAndFallback() throws {
        let (reader, units) = try Fixtures.readAll(Fixtures.path("own/regional-variants.tmx"))
        let english = try #require(LanguageTag("en-US"))
        #expect(units[0].bestVariant(for: english)?.segment.plainText == "entuv")
        #expect(units[1].bestVariant(for: english)?.language == english)
        #expect(units[2].bestVariant(for: english)?.language == LanguageTag("en-GB"))
        #expect(reader.warnings[.singleVariant] == 1)
        #expect(reader.warnings.examples.first { $0.kind == .singleVariant }.map { [$0.line, $0.column] } == [18, 5])
    }

    @Test func read_canonicalisesUpperCaseCodes() throws {
        let (reader, units) = try Fixtures.readAll(Fixtures.path("own/three-languages-upper.tmx"))
        #expect(units.count == 1)
        #expect(units[0].languages.map(\.description) == ["de-DE", "en-US", "cs-CZ"])
        #expect(reader.header.sourceLanguage?.description == "en-US")
    }

    @Test(arguments: [
        ("own/latin1.tmx", "Grüße aus Köln", "Größe"),
        ("own/windows1252.tmx", "Preis: 5 € – „billig“", "“quoted” – €"),
    ])
    func read_declaredSingleByteEncodings(file: String, german: String, note: String) throws {
        let units = try Fixtures.readAll(Fixtures.path(file)).units
        #expect(units.first?.variants.first?.segment.plainText == german)
        #expect(units.first?.notes.first?.value == note)
    }

    @Test func read_utf16BigEndianWithBOM() throws {
        let units = try Fixtures.readAll(Fixtures.path("own/utf16be.tmx")).units
        #expect(units.first?.variant(exactly: LanguageTag("ja")!)?.segment.plainText == "東京\u{3000}𠮷野家")
    }

    @Test func read_gzippedFileTransparently() throws {
        let zipped = try Fixtures.readAll(Fixtures.path("own/gzipped.tmx.gz")).units
        let plain = try Fixtures.readAll(Fixtures.path("own/three-languages-upper.tmx")).units
        #expect(zipped == plain)
        #expect(!zipped.isEmpty)
    }

    @Test func read_keepsInlineMarkupAttributesAndWhitespace() throws {
        let (reader, units) = try Fixtures.readAll(Fixtures.path("own/inline.tmx"))
        #expect(units.count == 3)
        let header = reader.header
        #expect(header.attributes.map(\.name) == [
            "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype", "x-vendor",
        ])
        #expect(header.sourceLanguage == .all)
        #expect(header.notes == [Note(value: "Header note", language: LanguageTag("en"))])
        #expect(header.props == [Prop(type: "x-client", value: "ACME", encoding: "iso-8859-1")])

        let unit = units[0]
        #expect(unit.tuid == "t1")
        #expect(unit.sourceLanguage == LanguageTag("en-US"))
        #expect(unit.attributes == [
            Attribute("creationdate", "20250101T120000Z"), Attribute("segtype", "phrase"), Attribute("x-vendor", "a"),
            Attribute("x-second", "b"),
        ])
        #expect(unit.notes == [Note(value: "Note de l'unité", language: LanguageTag("fr"), encoding: "utf-8")])
        #expect(unit.props == [Prop(type: "x-domain", value: "IT", language: LanguageTag("en"))])
        let english = unit.variants[0]
        #expect(english.attributes == [Attribute("creationid", "ana"), Attribute("x-tool", "t")])
        #expect(english.props == [Prop(type: "x-context", value: "ctx")])
        #expect(english.notes == [Note(value: "variant note")])
        let sub = InlineElement(
            .sub, [Attribute("type", "alt"), Attribute("datatype", "html")],
            [
                .text("Logo "), .element(InlineElement(.bpt, [Attribute("i", "7")], [.text("<b>")])), .text("x"),
                .element(InlineElement(.ept, [Attribute("i", "7")], [.text("</b>")])),
            ])
        let expected = Segment([
            .text("Press\t"),
            .element(InlineElement(.bpt, [Attribute("i", "1"), Attribute("x", "1"), Attribute("type", "bold")], [.text("<b>")])),
            .text("Save"),
            .element(InlineElement(.ept, [Attribute("i", "1")], [.text("</b>")])),
            .text("\u{00A0}now\u{3000}"),
            .element(InlineElement(.ph, [Attribute("x", "2"), Attribute("type", "lb")], [.text("<br/>")])),
            .element(InlineElement(.it, [Attribute("pos", "begin"), Attribute("x", "3")], [.text("<i>")])),
            .text(" "),
            .element(InlineElement(.hi, [Attribute("type", "term"), Attribute("x", "4")], [
                .text("term "), .element(InlineElement(.ph, [Attribute("x", "5")])),
            ])),
            .text(" "),
            .element(InlineElement(.ph, [Attribute("x", "6")], [.text("<img alt=\""), .element(sub), .text("\"/>")])),
            .element(InlineElement(.ut, [Attribute("x", "8")], [.text("{\\b}")])),
            .text("\rend  "),
        ])
        #expect(english.segment == expected)
        #expect(english.segment.plainText == "Press\tSave\u{00A0}now\u{3000} term  \rend  ")
        #expect(unit.variants[1].segment.plainText == "Appuyez Enregistrer")
        #expect(units[1].variants[0].segment.isEmpty)
        #expect(units[1].variants[1].segment.plainText == "  leading and trailing  ")
        #expect(units[1].variants[1].language.description == "english")
        #expect(units[2].variants.isEmpty)

        let warnings = reader.warnings
        #expect(warnings[.ude] == 1)
        #expect(warnings[.deprecatedUT] == 1)
        #expect(warnings[.unknownElement] == 2)
        #expect(warnings[.unknownLanguage] == 1)
        #expect(warnings[.noVariant] == 1)
        #expect(warnings[.singleVariant] == 0)
        #expect(warnings[.headerMissingSrclang] == 0)
        let positions = warnings.examples.map { "\($0.kind.rawValue)@\($0.line):\($0.column)" }
        #expect(positions.contains("ude@7:5"))
        #expect(positions.contains("noVariant@27:5"))
        #expect(positions.contains("unknownElement@25:7"))
    }

    @Test(arguments: [
        ("own/billion-laughs.tmx", 2, 1),
        ("own/external-entity.tmx", 2, 1),
    ])
    func read_refusesEntityDeclarations(file: String, line: Int, column: Int) throws {
        do {
            _ = try Fixtures.readAll(Fixtures.path(file))
            Issue.record("\(file) was read")
        } catch let error as TMXError {
            #expect(error.kind == .forbiddenXML)
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.description.hasPrefix(Fixtures.path(file) + ":\(line):\(column): "))
        }
    }

    /// The conformance table of malformed inputs: kind, position and a fragment of the message.
    @Test(arguments: [
        ("tag-mismatch.tmx", TMXError.Kind.malformedXML, 6, 42, "Opening and ending tag mismatch: seg line 6 and tuv"),
        ("truncated.tmx", .malformedXML, 7, 35, "The document ends before all its elements are closed (truncated file?)."),
        ("empty.tmx", .malformedXML, 1, 1, "The document has no root element (empty file?)."),
        ("unclosed-tu.tmx", .malformedXML, 8, 12, "Opening and ending tag mismatch: tu line 8 and body"),
        ("tuv-without-lang.tmx", .missingLanguage, 11, 7, "tuv has no xml:lang"),
        ("unknown-root.tmx", .notTMX, 3, 1, "The root element is xliff, not tmx."),
        ("missing-body.tmx", .missingBody, 2, 1, "Element tmx has no body element."),
        ("tuv-without-seg.tmx", .missingSegment, 5, 46, "Element tuv has no seg element."),
        ("text-in-tu.tmx", .unexpectedText, 5, 5, "Text \"stray text\" is not allowed in tu."),
        ("invalid-lang.tmx", .invalidLanguage, 7, 7, "invalid language code \"fr FR\""),
    ])
    func read_reportsMalformedInputWithPosition(file: String, kind: TMXError.Kind, line: Int, column: Int, fragment: String) {
        let path = Fixtures.path("own/malformed/" + file)
        do {
            _ = try Fixtures.readAll(path)
            Issue.record("\(file) was read")
        } catch let error as TMXError {
            #expect(error.kind == kind, "\(error)")
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
            #expect(error.description == "\(path):\(error.line):\(error.column): \(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func read_skipInvalidRecordsSkippedUnitAndContinues() throws {
        let (reader, units) = try Fixtures.readAll(Fixtures.path("own/malformed/tuv-without-lang.tmx"), options: .skipInvalid)
        #expect(units.map(\.tuid) == ["ok", "after"])
        #expect(reader.skippedUnits.count == 1)
        let skipped = try #require(reader.skippedUnits.first)
        #expect(skipped.tuid == "bad")
        #expect(skipped.kind == .missingLanguage)
        #expect(skipped.line == 9 && skipped.column == 5)
        #expect(skipped.description.hasPrefix("9:5: Element tuv has no xml:lang"))
        do {
            _ = try Fixtures.readAll(Fixtures.path("own/malformed/tuv-without-lang.tmx"))
        } catch let error as TMXError {
            #expect(error.elementPath == ["tmx", "body", "tu", "tuv"])
        }
    }

    @Test func read_skipInvalidStillThrowsOnMalformedXML() {
        #expect(throws: TMXError.self) {
            _ = try Fixtures.readAll(Fixtures.path("own/malformed/tag-mismatch.tmx"), options: .skipInvalid)
        }
    }

    @Test func read_warnsWhenHeaderLacksSrclang() throws {
        let xml = "<tmx version=\"1.4\"><header creationtool=\"x\"/><body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu></body></tmx>"
        let reader = try TMXReader(bytes: Array(xml.utf8), name: "mem.tmx")
        while try reader.next() != nil {}
        #expect(reader.warnings[.headerMissingSrclang] == 1)
        #expect(reader.warnings.examples.first.map { [$0.line, $0.column] } == [1, 20])
    }

    @Test func read_keepsUnexpandedEntityReferenceAsTextWithWarning() throws {
        let (reader, units) = try Fixtures.readAll(Fixtures.path("own/entity-reference.tmx"))
        #expect(units.first?.variants.map(\.segment.plainText) == ["a&nbsp;b & \u{A9}", "a&nbsp;b"])
        #expect(reader.warnings[.entityReference] == 2)
    }

    @Test func init_rejectsMissingFile() {
        #expect(throws: TMXError.self) { try TMXReader(path: "/nonexistent/x.tmx") }
    }
}
