import Foundation
import Synchronization
import Testing
import TesseraCore
import TesseraKit

/// A counter shared by test tasks.
final class Counters: Sendable {
    let value = Atomic<Int>(0)
}

/// The session a server holds open: concurrent lookups while one writer imports.
struct TranslationMemorySessionTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!

    /// A TMX file of `count` units whose English texts are `"<tag> sentence number N about <word>"`.
    static func tmx(_ folder: URL, _ name: String, tag: String, count: Int) throws -> (path: String, sources: [String]) {
        let words = ["files", "windows", "printers", "folders", "settings", "networks", "fonts"]
        let sources = (0..<count).map { "\(tag) sentence number \($0) about \(words[$0 % words.count]) today" }
        let body = sources.enumerated().map { number, source in
            "<tu tuid=\"\(tag)\(number)\"><tuv xml:lang=\"en\"><seg>\(source)</seg></tuv><tuv xml:lang=\"de\"><seg>de \(source)</seg></tuv></tu>"
        }.joined(separator: "\n")
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
            \(body)
            </body></tmx>
            """
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (path, sources)
    }

    /// Runs `body` on a thread of its own (the session's calls block: not on the cooperative pool).
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    @Test(arguments: [300, 1500])
    func lookups_whileOneTaskImports_seeTheUnitsOnceCommitted(newUnits: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = StoreLocation(option: folder.appendingPathComponent("tm.db").path)
        let old = try Self.tmx(folder, "old.tmx", tag: "old", count: 400)
        let new = try Self.tmx(folder, "new.tmx", tag: "new", count: newUnits)
        _ = try ImportTMX(database: database).run(files: [old.path])

        let session = try TranslationMemory(location: database)
        defer { session.close() }
        let committed = Counters(), checked = Counters()
        let options = LookupOptions(source: Self.en, targets: [Self.de], minimum: 100, limit: 3)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let report = try await Self.onThread {
                    try ImportTMX(database: database).run(files: [new.path], session: session)
                }
                #expect(report.files.allSatisfy { $0.imported })
                committed.value.store(1, ordering: .sequentiallyConsistent)
            }
            for reader in 0..<8 {
                group.addTask {
                    try await Self.onThread {
                        var round = 0
                        var roundsAfterCommit = 0
                        while roundsAfterCommit < 5 {
                            let after = committed.value.load(ordering: .sequentiallyConsistent) == 1
                            let lookup = try Lookup(session: session)
                            let oldText = old.sources[(reader * 31 + round) % old.sources.count]
                            #expect(try lookup.run(oldText, options: options).first?.source == oldText)
                            let newText = new.sources[(reader * 97 + round * 13) % new.sources.count]
                            let found = try lookup.run(newText, options: options)
                            if after {
                                #expect(found.first?.source == newText, "\(newText)")
                                var exhaustive = options
                                exhaustive.exhaustive = true
                                #expect(try lookup.run(newText, options: exhaustive).map(\.source) == found.map(\.source))
                                checked.value.add(1, ordering: .relaxed)
                                roundsAfterCommit += 1
                            }
                            round += 1
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(checked.value.load(ordering: .relaxed) == 40)
        // Every new unit is found by a session lookup now.
        let lookup = try Lookup(session: session)
        for text in new.sources.prefix(50) { #expect(try lookup.run(text, options: options).first?.source == text) }
    }

    /// Another writer's units are seen once the session's recheck interval has passed (with a
    /// zero interval every lookup asks the store: at once).
    @Test(arguments: [(Duration.zero, 0.0), (.milliseconds(50), 0.06)])
    func lookup_seesTheWritesOfAnotherWriter(recheck: Duration, wait: Double) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = StoreLocation(option: folder.appendingPathComponent("tm.db").path)
        let old = try Self.tmx(folder, "old.tmx", tag: "old", count: 20)
        let new = try Self.tmx(folder, "new.tmx", tag: "new", count: 5)
        _ = try ImportTMX(database: database).run(files: [old.path])
        let session = try TranslationMemory(location: database, recheck: recheck)
        defer { session.close() }
        let options = LookupOptions(source: Self.en, targets: [Self.de], minimum: 100, limit: 3)
        #expect(try Lookup(session: session).run(new.sources[2], options: options).isEmpty)
        // Another writer (its own connections, as another process), not through the session.
        _ = try ImportTMX(database: database).run(files: [new.path])
        Thread.sleep(forTimeInterval: wait)
        #expect(try Lookup(session: session).run(new.sources[2], options: options).first?.source == new.sources[2])
    }

    /// The store's change position is not read for every lookup (a server's lookups all queued
    /// on that read): within the recheck interval another process's write is not seen yet, while
    /// a write through the session is seen by the very next lookup (with everything before it).
    @Test func lookup_withinTheRecheckInterval_seesTheSessionsWritesOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = StoreLocation(option: folder.appendingPathComponent("tm.db").path)
        let old = try Self.tmx(folder, "old.tmx", tag: "old", count: 20)
        let other = try Self.tmx(folder, "other.tmx", tag: "other", count: 5)
        let own = try Self.tmx(folder, "own.tmx", tag: "own", count: 5)
        _ = try ImportTMX(database: database).run(files: [old.path])
        let session = try TranslationMemory(location: database, recheck: .seconds(600))
        defer { session.close() }
        let options = LookupOptions(source: Self.en, targets: [Self.de], minimum: 100, limit: 3)
        #expect(try Lookup(session: session).run(old.sources[1], options: options).first?.source == old.sources[1])

        _ = try ImportTMX(database: database).run(files: [other.path])  // another writer
        #expect(try Lookup(session: session).run(other.sources[2], options: options).isEmpty)

        _ = try ImportTMX(database: database).run(files: [own.path], session: session)
        let lookup = try Lookup(session: session)
        #expect(try lookup.run(own.sources[3], options: options).first?.source == own.sources[3])
        #expect(try lookup.run(other.sources[2], options: options).first?.source == other.sources[2])
    }

    @Test func concordance_ofAPair_seesTheSessionsImport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = StoreLocation(option: folder.appendingPathComponent("tm.db").path)
        let old = try Self.tmx(folder, "old.tmx", tag: "old", count: 20)
        let new = try Self.tmx(folder, "new.tmx", tag: "new", count: 5)
        let session = try TranslationMemory(location: database)
        defer { session.close() }
        _ = try ImportTMX(database: database).run(files: [old.path], session: session)
        #expect(try Concordance.run("new sentence", in: session, language: Self.en, other: Self.de).lines.isEmpty)
        _ = try ImportTMX(database: database).run(files: [new.path], session: session)
        let found = try Concordance.run("new sentence", in: session, language: Self.en, other: Self.de)
        #expect(found.total == 5)
        #expect(Set(found.lines.map(\.text)) == Set(new.sources))
    }

    @Test func close_refusesFurtherUse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try TranslationMemory(path: folder.appendingPathComponent("tm.db").path)
        _ = try Lookup(session: session)
        session.close()
        #expect(session.isClosed)
        #expect(throws: KitError.self) { try Lookup(session: session) }
    }
}
