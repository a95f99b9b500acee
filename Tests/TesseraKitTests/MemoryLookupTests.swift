import Foundation
import Testing
import TesseraKit

/// Lookups over a priority list of memories: penalties, merge, ties to the earlier memory.
struct MemoryLookupTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!
    static let query = "Open the settings window and save the file"

    /// A store whose memory `main` holds a near match of ``query`` and `legacy` the exact one.
    struct Fixture {
        let folder: URL
        let catalog: MemoryCatalog
        let main = MemoryName("main")!
        let legacy = MemoryName("legacy")!

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-mlookup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            catalog = MemoryCatalog(database: .sqlite(path: folder.appendingPathComponent("tm.db").path))
            try catalog.create(main)
            try catalog.create(legacy)
            try add([("Open the settings window and save the files", "main near"), ("Close the printer queue", "main other")], into: main)
            try add([(MemoryLookupTests.query, "legacy exact")], into: legacy)
        }

        func add(_ pairs: [(String, String)], into name: MemoryName) throws {
            let body = pairs.map { "<tu><tuv xml:lang=\"en\"><seg>\($0.0)</seg></tuv><tuv xml:lang=\"de\"><seg>\($0.1)</seg></tuv></tu>" }
            let text = """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
                \(body.joined(separator: "\n"))
                </body></tmx>
                """
            let file = folder.appendingPathComponent("\(name).tmx")
            try Data(text.utf8).write(to: file)
            _ = try ImportTMX(database: catalog.location(of: name)).run(files: [file.path])
        }

        func run(_ list: String, minimum: Int = 50, limit: Int = 5) throws -> [LookupMatch] {
            try MemoryLookup(MemorySelection(list), in: catalog)
                .run(MemoryLookupTests.query, options: LookupOptions(source: en, targets: [de], minimum: minimum, limit: limit))
        }
    }

    @Test func eachMatchNamesItsMemoryAndLosesItsPenalty() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let near = try #require(try fixture.run("main").first)
        #expect(near.memory == fixture.main && near.memoryPenalty == 0 && near.score < 100)
        let matches = try fixture.run("main,legacy:3")
        let exact = try #require(matches.first { $0.memory == fixture.legacy })
        #expect(exact.score == 97 && exact.memoryPenalty == 3 && exact.target == "legacy exact")
    }

    /// With the near match at `s` in `main`, the exact match of `legacy` (100 - penalty) ranks
    /// below it when the penalty is over 100 - s, above it when under, and ties go to the earlier
    /// memory.
    @Test func penaltyDecidesTheOrderAndTiesGoToTheEarlierMemory() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let near = try #require(try fixture.run("main").first).score
        let gap = 100 - near
        #expect(gap > 1)
        #expect(try fixture.run("main,legacy:\(gap + 1)").first?.memory == fixture.main)
        #expect(try fixture.run("main,legacy:\(gap - 1)").first?.memory == fixture.legacy)
        #expect(try fixture.run("main,legacy:\(gap)").map(\.memory) == [fixture.main, fixture.legacy])
        #expect(try fixture.run("legacy:\(gap),main").map(\.memory) == [fixture.legacy, fixture.main])
    }

    @Test func thresholdAndLimitApplyAfterThePenaltyOverAllMemories() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        #expect(try fixture.run("main,legacy:30", minimum: 75).allSatisfy { $0.memory == fixture.main })
        #expect(try fixture.run("main,legacy", limit: 1).map(\.memory) == [fixture.legacy])
        #expect(try fixture.run("legacy:100", minimum: 0).first?.score == 0)
    }

    @Test func unknownMemoryInTheListFails() throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let error = #expect(throws: KitError.self) { try fixture.run("main,nope") }
        #expect(error?.kind == .noMemory)
    }
}
