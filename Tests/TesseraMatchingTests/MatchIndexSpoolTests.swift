import Foundation
import Testing
import TesseraTestSupport
import TesseraCore
@testable import TesseraMatching
import TesseraMatchIndex

struct MatchIndexSpoolTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!
    static let ja = LanguageTag("ja")!

    /// Seeded random units: English sentences with repeated words, long sentences (more than 32
    /// tokens), single words, German and Japanese translations, and units without a translation.
    static func randomUnits(seed: UInt64, count: Int) -> [(unit: Int64, variants: [MatchIndex.Entry])] {
        var generator = SeededGenerator(seed: seed)
        let words = (0..<200).map { "w\($0)" } + ["the", "the", "of", "file", "3", "Straße", "İstanbul", "Cafe\u{301}", "café", "ＡＢＣ", "𝒜x"]
        let kana = Array("日本語のファイルを開く保存閉じる")
        var result: [(Int64, [MatchIndex.Entry])] = []
        var id: Int64 = 1
        for unit in 0..<count {
            let length = [1, 2, 5, 9, 14, 40][Int.random(in: 0..<6, using: &generator)]
            let sentence = (0..<length).map { _ in words[Int.random(in: 0..<min(words.count, 1 + Int.random(in: 0..<words.count, using: &generator)), using: &generator)] }
                .joined(separator: " ")
            var variants = [MatchIndex.Entry(id: id, language: en, text: sentence)]
            id += 1
            switch unit % 4 {
            case 0:
                variants.append(.init(id: id, language: de, text: "d" + sentence))
                id += 1
            case 1:
                let text = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in kana.randomElement(using: &generator)! })
                variants.append(.init(id: id, language: ja, text: text))
                id += 1
            default:
                break
            }
            result.append((Int64(unit) * 3 + 1, variants))
        }
        return result
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tessera-spool-\(UUID().uuidString).idx").path
    }

    static func spooled(_ units: [(unit: Int64, variants: [MatchIndex.Entry])], into spool: MatchIndexSpool) throws {
        for (unit, variants) in units {
            try spool.append(unit: unit, variants: variants.map { (id: $0.id, analysis: spool.vocabulary.analyse($0.text, language: $0.language)) })
        }
    }

    static func inMemory(_ units: [(unit: Int64, variants: [MatchIndex.Entry])]) -> MatchIndex {
        var index = MatchIndex()
        index.indexesImmediately = false
        for (unit, variants) in units { index.add(unit: unit, variants: variants) }
        index.finalize()
        return index
    }

    @Test(arguments: [(11 as UInt64, MatchIndexSpool.postingsPerPass), (12, 97), (13, 1)])
    func finish_writesTheBytesOfTheIndexBuiltInMemory(seed: UInt64, postingsPerPass: Int) throws {
        let units = Self.randomUnits(seed: seed, count: 700)
        let spool = try MatchIndexSpool(prefix: Self.temporaryPath())
        try Self.spooled(units, into: spool)
        let path = Self.temporaryPath()
        defer { unlink(path) }
        try spool.finish(writingTo: path, header: [], generation: 7, postingsPerPass: postingsPerPass)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let expected = try IndexFileBytes.written(Self.inMemory(units), generation: 7)
        #expect(written.count == expected.count)
        let same = written == expected
        #expect(same)
        let mapped = try MatchIndex(mapping: MappedRegion(path: path))
        #expect(mapped.entryCount == units.reduce(0) { $0 + $1.variants.count })
    }

    @Test func finish_keepsTheCallersHeaderAndAlignsAfterIt() throws {
        let units = Self.randomUnits(seed: 21, count: 50)
        let spool = try MatchIndexSpool(prefix: Self.temporaryPath())
        try Self.spooled(units, into: spool)
        let path = Self.temporaryPath()
        defer { unlink(path) }
        let header = Array("HEADER24bytes-----------".utf8)
        try spool.finish(writingTo: path, header: header, generation: 2)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(written.prefix(24)) == header)
        let same = try Array(written.dropFirst(24)) == IndexFileBytes.written(Self.inMemory(units), generation: 2)
        #expect(same)
    }

    @Test func continuing_aMappedIndexGivesTheIndexOfAllUnits() throws {
        let units = Self.randomUnits(seed: 31, count: 600)
        let first = Array(units.prefix(350)), rest = Array(units.dropFirst(350))
        let firstPath = Self.temporaryPath()
        defer { unlink(firstPath) }
        try Data(IndexFileBytes.written(Self.inMemory(first), generation: 1)).write(to: URL(fileURLWithPath: firstPath))
        let stored = try MatchIndex(mapping: MappedRegion(path: firstPath))

        let spool = try MatchIndexSpool(prefix: Self.temporaryPath(), continuing: stored)
        try Self.spooled(rest, into: spool)
        let path = Self.temporaryPath()
        defer { unlink(path) }
        try spool.finish(writingTo: path, header: [], generation: 4)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let same = try written == IndexFileBytes.written(Self.inMemory(units), generation: 4)
        #expect(same)
    }

    @Test func removeAndRollback_searchLikeTheIndexOfWhatRemains() throws {
        let units = Self.randomUnits(seed: 41, count: 400)
        let spool = try MatchIndexSpool(prefix: Self.temporaryPath())
        try Self.spooled(units, into: spool)
        // Unit of position 5 is replaced by a new text; position 9 is removed for good.
        let replaced = units[5].unit, dropped = units[9].unit
        let replacement = [MatchIndex.Entry(id: 90_001, language: Self.en, text: "w1 w2 w3 the file"),
                           MatchIndex.Entry(id: 90_002, language: Self.de, text: "die Datei")]
        spool.remove(unit: replaced)
        try Self.spooled([(replaced, replacement)], into: spool)
        spool.remove(unit: dropped)
        // A failed file: appends and a removal undone.
        let mark = spool.mark()
        try Self.spooled([(99_999, [MatchIndex.Entry(id: 99_999, language: Self.en, text: "never stored")])], into: spool)
        spool.remove(unit: units[20].unit)
        try spool.rollback(to: mark)

        let path = Self.temporaryPath()
        defer { unlink(path) }
        try spool.finish(writingTo: path, header: [], generation: 1, postingsPerPass: 50)
        let mapped = try MatchIndex(mapping: MappedRegion(path: path))
        let remaining = units.filter { $0.unit != replaced && $0.unit != dropped } + [(replaced, replacement)]
        let expected = Self.inMemory(remaining)
        #expect(mapped.entryCount == expected.entryCount)
        #expect(Set((0..<mapped.entryCount).map { mapped.entry($0).id }) == Set((0..<expected.entryCount).map { expected.entry($0).id }))
        var generator = SeededGenerator(seed: 42)
        var found = 0
        for query in ["w1 w2 w3 the file", "never stored"] + (0..<60).map({ _ in units.randomElement(using: &generator)!.variants[0].text }) {
            for minimum in [60, 90] {
                let request = MatchRequest(query: MatchText(query, language: Self.en), sourceLanguage: Self.en,
                                           targetLanguages: nil, minimum: minimum, limit: 10_000)
                let got = Set(mapped.search(request).map { "\($0.id):\($0.base)" })
                #expect(got == Set(expected.search(request).map { "\($0.id):\($0.base)" }), "\(query)")
                found += got.count
            }
        }
        #expect(found > 60)
        // The sorted prefix ends where the replacement was appended out of unit order.
        #expect(mapped.sortedCount == expected.sortedCount)
    }

    @Test func spool_leavesNoTemporaryFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let spool = try MatchIndexSpool(prefix: folder.appendingPathComponent("tm.db-match").path)
            try Self.spooled(Self.randomUnits(seed: 5, count: 30), into: spool)
            try spool.finish(writingTo: folder.appendingPathComponent("tm.db-match").path, header: [], generation: 1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tm.db-match"])
    }

    /// The column files are unlinked as soon as they are open: a killed process leaves nothing.
    @Test func spool_keepsNoFileOnDiskWhileItRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try MatchIndexSpool(prefix: folder.appendingPathComponent("tm.db-match").path)
        try Self.spooled(Self.randomUnits(seed: 6, count: 3000), into: spool)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        let path = folder.appendingPathComponent("tm.db-match").path
        try spool.finish(writingTo: path, header: [], generation: 1)
        #expect(try MatchIndex(mapping: MappedRegion(path: path)).entryCount == spool.entryCount)
    }

    /// A new spool removes the files that spools of processes no longer running left behind (older
    /// versions, or a process killed while it wrote an index file), and leaves a running process's
    /// files and other files alone.
    @Test func spool_removesTheLeftoversOfDeadProcesses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-spool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let exited = Process()
        exited.executableURL = URL(fileURLWithPath: "/bin/true")
        try exited.run()
        exited.waitUntilExit()
        let dead = exited.processIdentifier
        let live = getppid()
        let stale = ["tm.db-match.spool-\(dead)-1.ids", "tm.db-match.spool-\(dead)-1.tokens", "tm.db-match.spool-\(dead)-3.out",
                     "tm.db-match.tmp-\(dead)"]
        let kept = ["tm.db-match.spool-\(live)-1.ids", "tm.db-match.tmp-\(live)", "tm.db-match", "tm.db",
                    "other.db-match.spool-\(dead)-1.ids", "tm.db-match.spool-x-1.ids", "tm.db-match.spool-\(dead)"]
        for name in stale + kept {
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data([1])))
        }
        _ = try MatchIndexSpool(prefix: folder.appendingPathComponent("tm.db-match").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == kept.sorted())
    }
}
