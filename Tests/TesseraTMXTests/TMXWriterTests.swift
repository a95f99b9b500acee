import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
import TesseraTMX

struct TMXWriterTests {
    /// Every valid fixture: ours and the copied samples.
    static let validFiles: [String] = Fixtures.valid.map(\.file)

    static func write(_ units: [TranslationUnit], header: TMXHeader, level: TMXWriter.Level = .inlineCodes, to path: String) throws {
        let writer = try TMXWriter(path: path, header: header, level: level)
        for unit in units { try writer.write(unit) }
        try writer.finish()
    }

    @Test(arguments: validFiles)
    func roundTrip_readWriteReadGivesIdenticalUnitsAndValidTMX(file: String) throws {
        let (reader, units) = try Fixtures.readAll(Fixtures.path(file))
        let output = Fixtures.temporaryPath("roundtrip.tmx")
        defer { try? FileManager.default.removeItem(atPath: output) }
        try Self.write(units, header: reader.header, to: output)

        let (again, reread) = try Fixtures.readAll(output)
        let written = units.filter { !$0.variants.isEmpty }
        #expect(reread == written, "\(file)")
        #expect(again.header.props == reader.header.props)
        #expect(again.header.notes == reader.header.notes)
        #expect(again.header.attributes[named: "creationtool"] == "Tessera")
        #expect(again.header.attributes[named: "srclang"] == (reader.header.attributes[named: "srclang"] ?? "*all*"))

        guard let result = Fixtures.validate(output) else {
            print("Skipped DTD validation: \(Fixtures.xmllint) or \(Fixtures.dtd) is missing.")
            return
        }
        #expect(result.status == 0, "\(file): \(result.output)")
    }

    @Test func roundTrip_everySharedSample() throws {
        guard let readmePath = SharedData.path("samples/README.md"),
            let readme = try? String(contentsOfFile: readmePath, encoding: .utf8)
        else {
            return
        }
        let rows = SharedData.tmxUnitCounts(readme: readme)
        #expect(!rows.isEmpty)
        for row in rows {
            let (reader, units) = try Fixtures.readAll(SharedData.root.appendingPathComponent("samples/" + row.file).path)
            let output = Fixtures.temporaryPath("shared.tmx")
            defer { try? FileManager.default.removeItem(atPath: output) }
            try Self.write(units, header: reader.header, to: output)
            #expect(try Fixtures.readAll(output).units == units.filter { !$0.variants.isEmpty }, "\(row.file)")
            if let result = Fixtures.validate(output) { #expect(result.status == 0, "\(row.file): \(result.output)") }
        }
    }

    @Test func write_keepsVendorAttributesAsPropsAndReadsThemBack() throws {
        let unit = TranslationUnit(
            tuid: "v1", sourceLanguage: LanguageTag("en"),
            attributes: [Attribute("usagecount", "3"), Attribute("segtype", "line"), Attribute("x-score", "0.9")],
            props: [Prop(type: "x-domain", value: "law")],
            variants: [
                Variant(language: LanguageTag("en")!, segment: Segment(text: "a\r\nb"), attributes: [Attribute("x-mt", "yes")]),
                Variant(language: LanguageTag("de")!, segment: Segment(text: "c & <d>")),
            ])
        let output = Fixtures.temporaryPath("vendor.tmx")
        defer { try? FileManager.default.removeItem(atPath: output) }
        try Self.write([unit], header: TMXHeader(attributes: [Attribute("srclang", "en"), Attribute("x-project", "p")]), to: output)

        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"))
        #expect(text.contains("<prop type=\"x-tessera-attr:segtype\">line</prop>"))
        #expect(text.contains("<prop type=\"x-tessera-attr:x-score\">0.9</prop>"))
        #expect(text.contains("<prop type=\"x-tessera-attr:x-project\">p</prop>"))
        #expect(text.contains("a&#13;\nb"))
        let (reader, units) = try Fixtures.readAll(output)
        #expect(units == [unit])
        #expect(reader.header.attributes[named: "x-project"] == "p")
        #expect(reader.warnings.total == 0)
        if let result = Fixtures.validate(output) { #expect(result.status == 0, "\(result.output)") }
    }

    @Test func write_levelOneWritesPlainTextOnly() throws {
        let units = try Fixtures.readAll(Fixtures.path("own/inline.tmx")).units
        let output = Fixtures.temporaryPath("level1.tmx")
        defer { try? FileManager.default.removeItem(atPath: output) }
        try Self.write(units, header: TMXHeader(), level: .plainText, to: output)
        let reread = try Fixtures.readAll(output).units
        #expect(reread.count == 2)
        for (before, after) in zip(units, reread) {
            #expect(after.variants.map(\.segment.plainText) == before.variants.map(\.segment.plainText))
            #expect(after.variants.allSatisfy { !$0.segment.hasCodes })
        }
        if let result = Fixtures.validate(output) { #expect(result.status == 0, "\(result.output)") }
    }

    @Test func write_skipsUnitWithoutVariants() throws {
        let output = Fixtures.temporaryPath("empty.tmx")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let writer = try TMXWriter(path: output, header: TMXHeader())
        try writer.write(TranslationUnit(tuid: "none"))
        try writer.finish()
        #expect(writer.unitsWritten == 0)
        #expect(writer.unitsSkipped == 1)
        let (reader, units) = try Fixtures.readAll(output)
        #expect(units.isEmpty)
        #expect(reader.header.attributes.map(\.name) == [
            "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype",
        ])
    }

    @Test func init_rejectsUnwritablePath() {
        #expect(throws: TMXError.self) { try TMXWriter(path: "/nonexistent/dir/out.tmx", header: TMXHeader()) }
    }
}
