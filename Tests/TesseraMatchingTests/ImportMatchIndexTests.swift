import Foundation
import Testing
import TesseraMatchIndex
import TesseraTestSupport
import TesseraCore
import TesseraKit
import TesseraSQLite
import TesseraStorage
@testable import TesseraMatching

/// The side file an import writes while it streams (`MatchIndexImport`) must hold exactly what a
/// build from the database holds, whatever the duplicates policy, failed files and other writers.
struct ImportMatchIndexTests {
    /// Every live entry of an index, by content: variant id, unit, language, unit mask (as
    /// languages), character length and token texts. Two indexes with equal descriptions give
    /// the same search results.
    static func description(_ index: MatchIndex) -> [String] {
        (0..<index.entryCount).filter { !index.removed.contains(UInt32($0)) }.map { entry in
            let (id, unit, language) = index.entry(entry)
            let mask = index.entryUnitMasks[entry]
            let languages = index.languages.enumerated().filter { mask & MatchIndex.bit(UInt16($0.offset)) != 0 }.map(\.element.description)
            let words = index.tokens(of: entry).map { index.tokenText($0) }
            return "\(id)|\(unit)|\(language)|\(languages.sorted())|\(index.entryCharLengths[entry])|\(words)"
        }.sorted()
    }

    /// A TMX file of `count` seeded random units (en plus de or ja), some repeated with a newer
    /// change date so that `keep-newest` and `overwrite` replace stored units.
    static func tmx(_ folder: URL, _ name: String, seed: UInt64, count: Int, repeatsFrom earlier: [String] = [], broken: Bool = false) throws -> (path: String, sources: [String]) {
        var generator = SeededGenerator(seed: seed)
        let words = (0..<150).map { "word\($0)" } + ["the", "file", "open", "3"]
        var body = "", sources: [String] = []
        for unit in 0..<count {
            let source: String
            let date: String
            if !earlier.isEmpty, unit % 5 == 0 {
                source = earlier.randomElement(using: &generator)!
                date = "20250101T000000Z"
            } else if !sources.isEmpty, unit % 7 == 0 {
                source = sources.randomElement(using: &generator)!
                date = "2024\(String(format: "%02d", 1 + unit % 12))01T000000Z"
            } else {
                source = (0..<Int.random(in: 1...12, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
                date = "20240101T000000Z"
            }
            sources.append(source)
            let target = unit % 3 == 0
                ? "<tuv xml:lang=\"ja\"><seg>日本語\(unit % 10)の文</seg></tuv>"
                : "<tuv xml:lang=\"de\"><seg>de \(source)</seg></tuv>"
            body += "<tu tuid=\"u\(seed)-\(unit % 40)\" changedate=\"\(date)\"><tuv xml:lang=\"en\"><seg>\(source)</seg></tuv>\(target)</tu>\n"
        }
        if broken { body += "<tu><tuv xml:lang=\"en\"><seg>cut" }
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
            \(body)\(broken ? "" : "</body></tmx>")
            """
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (path, sources)
    }

    /// The side file as written (with what a load applies on top of it), and as built again from
    /// the database.
    static func written(_ memory: TemporaryMemory, pending: Int = 0) throws -> (index: MatchIndex, rebuilt: MatchIndex, bytes: [UInt8], rebuiltBytes: [UInt8]) {
        let side = MatchIndexStore.path(for: memory.memory)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: side)))
        let loaded = try MatchIndexStore(source: memory.memory).bringUpToDate()
        #expect(!loaded.rebuilt && loaded.updatedUnits == pending, "the write left the side file current")
        let rebuilt = try MatchIndexStore(source: memory.memory).bringUpToDate(rebuild: true)
        let rebuiltBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: side)))
        return (loaded.index, rebuilt.index, bytes, rebuiltBytes)
    }

    @Test func import_ofOneCleanFileWritesTheBytesOfARebuild() throws {
        let memory = try TemporaryMemory([])
        var generator = SeededGenerator(seed: 3)
        let words = (0..<80).map { "w\($0)" }
        let body = (0..<300).map { unit -> String in
            let source = (0..<Int.random(in: 1...9, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            return "<tu><tuv xml:lang=\"en\"><seg>\(source) \(unit)</seg></tuv><tuv xml:lang=\"fr\"><seg>fr \(unit)</seg></tuv></tu>"
        }.joined()
        let path = memory.folder.appendingPathComponent("clean.tmx").path
        try Data("<tmx version=\"1.4\"><header srclang=\"en\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"x\" creationtool=\"t\" creationtoolversion=\"1\"/><body>\(body)</body></tmx>".utf8)
            .write(to: URL(fileURLWithPath: path))
        let report = try ImportTMX(database: memory.location).run(files: [path])
        #expect(report.files.first?.added == 300, "\(report.files.first?.error ?? "")")
        let result = try Self.written(memory)
        let sameBytes = result.bytes == result.rebuiltBytes
        #expect(sameBytes)
        #expect(result.index.entryCount == 600)
    }

    @Test(arguments: [DuplicatePolicy.keepNewest, .overwrite, .keepExisting, .add])
    func import_withDuplicatesAndASecondFileMatchesARebuild(policy: DuplicatePolicy) throws {
        let memory = try TemporaryMemory([])
        let first = try Self.tmx(memory.folder, "a.tmx", seed: 1, count: 400)
        let second = try Self.tmx(memory.folder, "b.tmx", seed: 2, count: 300, repeatsFrom: first.sources)
        // Two files in one run, then a third run into the non-empty memory.
        _ = try ImportTMX(database: memory.location, policy: policy, followsWrites: true).run(files: [first.path])
        var result = try Self.written(memory)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
        let report = try ImportTMX(database: memory.location, policy: policy, followsWrites: true).run(files: [second.path, first.path])
        if policy == .overwrite { #expect(report.files.map(\.replaced).reduce(0, +) > 0) }
        result = try Self.written(memory)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
        #expect(result.index.entryCount > 700)
    }

    @Test func import_aFailedFileLeavesTheIndexOfTheFilesBefore() throws {
        let memory = try TemporaryMemory([])
        let first = try Self.tmx(memory.folder, "a.tmx", seed: 4, count: 200)
        let broken = try Self.tmx(memory.folder, "b.tmx", seed: 5, count: 150, repeatsFrom: first.sources, broken: true)
        let third = try Self.tmx(memory.folder, "c.tmx", seed: 6, count: 100)
        let report = try ImportTMX(database: memory.location, policy: .overwrite, followsWrites: true).run(files: [first.path, broken.path, third.path])
        #expect(report.files.map(\.imported) == [true, false, true])
        let result = try Self.written(memory)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
        let units = try memory.memory.stats().units
        #expect(Set((0..<result.index.entryCount).map { result.index.entry($0).unit }).count == units)
    }

    @Test func import_whoseLastFileFailsKeepsTheIndexOfTheOthers() throws {
        let memory = try TemporaryMemory([])
        let first = try Self.tmx(memory.folder, "a.tmx", seed: 14, count: 200)
        let broken = try Self.tmx(memory.folder, "b.tmx", seed: 15, count: 150, repeatsFrom: first.sources, broken: true)
        let report = try ImportTMX(database: memory.location, policy: .overwrite, followsWrites: true).run(files: [first.path, broken.path])
        #expect(report.files.map(\.imported) == [true, false])
        let result = try Self.written(memory)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: memory.folder.path).filter { $0.contains("match.") || $0.contains("spool") || $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func import_afterAnotherWriterCatchesUpInsteadOfFollowing() throws {
        let memory = try TemporaryMemory([])
        let first = try Self.tmx(memory.folder, "a.tmx", seed: 7, count: 100)
        _ = try ImportTMX(database: memory.location).run(files: [first.path])
        // A write that does not update the side file (as another tool would).
        try memory.memory.write(units: [TemporaryMemory.unit([("en", "Written elsewhere"), ("de", "Anderswo geschrieben")])],
                                batch: ImportBatch(kind: .tmx, filePath: "other.tmx"), policy: .add)
        let second = try Self.tmx(memory.folder, "b.tmx", seed: 8, count: 100)
        _ = try ImportTMX(database: memory.location, followsWrites: true).run(files: [second.path])
        let result = try Self.written(memory)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
        let lookup = try Lookup(database: memory.location)
        let matches = try lookup.run("Written elsewhere", options: LookupOptions(source: LanguageTag("en")!, targets: [LanguageTag("de")!]))
        #expect(matches.first?.target == "Anderswo geschrieben")
    }

    @Test func update_afterASmallWriteLeavesTheChangeToEachLoad() throws {
        let memory = try TemporaryMemory([])
        let first = try Self.tmx(memory.folder, "a.tmx", seed: 9, count: 300)
        _ = try ImportTMX(database: memory.location).run(files: [first.path])
        let before = try Data(contentsOf: URL(fileURLWithPath: MatchIndexStore.path(for: memory.memory)))
        // One new unit and one replaced unit (overwrite): fewer than rewriteThreshold changes.
        try memory.memory.write(units: [TemporaryMemory.unit([("en", "A new sentence"), ("de", "Ein neuer Satz")]),
                                        TemporaryMemory.unit([("en", first.sources[3]), ("ja", "新しい訳")], tuid: "u9-3")],
                                batch: ImportBatch(kind: .aligned, filePath: "x"), policy: .overwrite)
        let updated = try MatchIndexStore(source: memory.memory).save()
        #expect(!updated.rebuilt && updated.updatedUnits >= 1 && updated.index.isMapped)
        #expect(try Data(contentsOf: URL(fileURLWithPath: MatchIndexStore.path(for: memory.memory))) == before)
        let result = try Self.written(memory, pending: updated.updatedUnits)
        #expect(result.index.isMapped)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
        let lookup = try Lookup(database: memory.location)
        let matches = try lookup.run("A new sentence", options: LookupOptions(source: LanguageTag("en")!, targets: [LanguageTag("de")!]))
        #expect(matches.first?.target == "Ein neuer Satz")
    }

    @Test func import_ofAFewUnitsIntoALargerMemoryLeavesThemToTheLoads() throws {
        let memory = try TemporaryMemory([])
        let first = try Self.tmx(memory.folder, "a.tmx", seed: 16, count: 200)
        _ = try ImportTMX(database: memory.location).run(files: [first.path])
        let side = MatchIndexStore.path(for: memory.memory)
        let before = try Data(contentsOf: URL(fileURLWithPath: side))
        let second = try Self.tmx(memory.folder, "b.tmx", seed: 17, count: 5)
        _ = try ImportTMX(database: memory.location).run(files: [second.path])
        #expect(try Data(contentsOf: URL(fileURLWithPath: side)) == before)
        let result = try Self.written(memory, pending: 5)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
    }

    @Test func update_afterManyChangesRewritesTheFile() throws {
        let memory = try TemporaryMemory([])
        let first = try Self.tmx(memory.folder, "a.tmx", seed: 10, count: 100)
        _ = try ImportTMX(database: memory.location).run(files: [first.path])
        let units = (0..<(MatchIndexStore.rewriteThreshold + 5)).map { TemporaryMemory.unit([("en", "Sentence number \($0) here"), ("fr", "Phrase \($0)")]) }
        try memory.memory.write(units: units, batch: ImportBatch(kind: .aligned, filePath: "x"), policy: .add)
        let updated = try MatchIndexStore(source: memory.memory).save()
        #expect(!updated.rebuilt && updated.updatedUnits == units.count)
        let result = try Self.written(memory)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
    }

    @Test func import_intoAMemoryWithPendingChangesContinuesTheSideFile() throws {
        let memory = try TemporaryMemory([])
        let first = try Self.tmx(memory.folder, "a.tmx", seed: 11, count: 120)
        _ = try ImportTMX(database: memory.location).run(files: [first.path])
        try memory.memory.write(units: [TemporaryMemory.unit([("en", "Pending sentence"), ("de", "Ausstehender Satz")])],
                                batch: ImportBatch(kind: .aligned, filePath: "x"), policy: .add)
        _ = try MatchIndexStore(source: memory.memory).save()  // below the threshold: left pending
        let second = try Self.tmx(memory.folder, "b.tmx", seed: 12, count: 80, repeatsFrom: first.sources)
        _ = try ImportTMX(database: memory.location, policy: .overwrite, followsWrites: true).run(files: [second.path])
        let result = try Self.written(memory)
        #expect(Self.description(result.index) == Self.description(result.rebuilt))
    }
}
