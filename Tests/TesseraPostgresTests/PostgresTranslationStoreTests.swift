import Foundation
import PostgresNIO
import Testing
import TesseraCore
import TesseraPostgres
import TesseraStorage
import TesseraTestSupport

/// What the PostgreSQL memory adds to the conformance suite: its migrations, the match-index
/// location, imports larger than one chunk, a connection lost in the middle of an import, and
/// writers of several processes (pools) at once.
@Suite(.enabled(if: PostgresTestServer.isAvailable))
struct PostgresTranslationStoreTests {
    func freshLocation() throws -> PostgresLocation {
        try PostgresLocation(url: try #require(PostgresTestServer.freshURL("mem")))
    }

    /// A unit with a tuid and a change date.
    func unit(_ index: Int, _ text: String, changed: String = "20240101T000000Z") -> TranslationUnit {
        TranslationUnit(
            tuid: "t\(index)", attributes: [Attribute("changedate", changed)],
            variants: [Variant(language: LanguageTag("en")!, segment: Segment(text: "Sentence \(index)")),
                       Variant(language: LanguageTag("de")!, segment: Segment(text: text))])
    }

    @Test func open_appliesTheMemoryMigrationsOnce() throws {
        let location = try freshLocation()
        let first = try PostgresTranslationStore.open(location: location)
        let second = try PostgresTranslationStore.open(location: location)
        let applied = try second.appliedMigrations()
        #expect(applied == PostgresTranslationStore.migrations.map(\.name))
        #expect(applied.allSatisfy { $0.hasPrefix("memory v") || !PostgresConcordanceSearch.migrations.isEmpty })
        #expect(try first.storeIdentifier() == second.storeIdentifier())
    }

    @Test func matchIndexLocation_isLocalAndUniqueToTheStore() throws {
        let location = try freshLocation()
        let store = try PostgresTranslationStore.open(location: location)
        let again = try PostgresTranslationStore.open(location: location)
        let other = try PostgresTranslationStore.open(location: try freshLocation())
        #expect(store.matchIndexLocation == again.matchIndexLocation)
        #expect(store.matchIndexLocation != other.matchIndexLocation)
        #expect(store.matchIndexLocation.hasSuffix("/match/\(try store.storeIdentifier())/memory"))
        var isFolder: ObjCBool = false
        let folder = (store.matchIndexLocation as NSString).deletingLastPathComponent
        #expect(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// Duplicates across chunks and inside one: the later chunk finds what the earlier one wrote,
    /// a file's own repeated unit follows the policy, and the counts equal a recount.
    @Test(arguments: [DuplicatePolicy.keepNewest, .overwrite, .keepExisting, .add])
    func importBatch_largerThanAChunk_appliesThePolicyAcrossChunks(policy: DuplicatePolicy) throws {
        let store = try PostgresTranslationStore.open(location: try freshLocation())
        let count = PostgresTranslationStore.importChunkSize + 100
        try store.write(units: (0..<count).map { unit($0, "alt \($0)") }, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: .add)
        // Unit 0 comes back newer in the first chunk and older in the second; unit 1 newer twice.
        let second: [TranslationUnit] = [unit(0, "neu 0", changed: "20250101T000000Z"), unit(1, "neu 1", changed: "20250101T000000Z")]
            + (0..<PostgresTranslationStore.importChunkSize).map { unit(100_000 + $0, "frisch") }
            + [unit(0, "älter 0", changed: "20230101T000000Z"), unit(1, "neuer 1", changed: "20260101T000000Z")]
        let report = try store.write(units: second, batch: ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: policy)
        let texts = Dictionary(uniqueKeysWithValues: try store.allUnits().filter { ["t0", "t1"].contains($0.unit.tuid) }.map {
            ($0.id, $0.unit.variants[1].segment.plainText)
        }).sorted { $0.key < $1.key }.map(\.value)
        switch policy {
        case .keepNewest:
            #expect(texts == ["neu 0", "neuer 1"])
            #expect(report.replaced == 3 && report.skippedDuplicates == 1)
        case .overwrite:
            #expect(texts == ["älter 0", "neuer 1"])
            #expect(report.replaced == 4)
        case .keepExisting:
            #expect(texts == ["alt 0", "alt 1"])
            #expect(report.skippedDuplicates == 4)
        case .add:
            #expect(texts.count == 6)
        }
        #expect(report.received == second.count)
        let stats = try store.stats()
        let all = try store.allUnits()
        #expect(stats.units == all.count)
        #expect(stats.variants == all.reduce(0) { $0 + $1.unit.variants.count })
        #expect(stats.batches.map(\.units).reduce(0, +) == all.count)
        // The variant ids are unique and the change position covers them all.
        try store.withSnapshot { snapshot throws -> Void in
            var ids: [Int64] = []
            try snapshot.forEachUnit { _, variants in ids += variants.map(\.id) }
            #expect(Set(ids).count == ids.count)
            #expect(try snapshot.position.maxVariant >= ids.max() ?? 0)
        }
    }

    /// The connection of an import is killed by the server in the middle of the body: the import
    /// fails as `.unavailable`, nothing of it is committed, and the store works on.
    @Test func importBatch_whoseConnectionIsLost_leavesTheStoreAsItWas() throws {
        let location = try freshLocation()
        let store = try PostgresTranslationStore.open(location: location)
        try store.write(units: [unit(0, "alt")], batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: .add)
        let before = try store.allUnits()
        let statsBefore = try store.stats()
        let position = try store.changePosition()
        let killer = PostgresPool(location: location)
        #expect {
            try store.importBatch(ImportBatch(kind: .tmx, filePath: "b.tmx"), policy: .overwrite) { writer in
                for index in 0..<(PostgresTranslationStore.importChunkSize + 10) { try writer.add(unit(index, "neu \(index)", changed: "20300101T000000Z")) }
                // The first chunk is written; now the server drops this transaction's connection.
                try killer.withConnection { connection in
                    // The backend holding this schema's write lock (an advisory lock on a bigint key
                    // shows as classid = high 32 bits, objid = low 32 bits, objsubid = 1).
                    let key = UInt64(bitPattern: store.writeLockKey)
                    let killed = try connection.run(
                        """
                        SELECT pg_terminate_backend(pid) FROM pg_locks
                        WHERE locktype = 'advisory' AND granted AND objsubid = 1
                          AND classid::bigint = \(Int64(key >> 32)) AND objid::bigint = \(Int64(key & 0xFFFF_FFFF))
                        """, logger: killer.logger
                    ).map { try $0.decode(Bool.self) }
                    #expect(killed == [true])
                }
                for index in 0..<10 { try writer.add(unit(100 + index, "danach")) }
            }
        } throws: { error in
            (error as? StorageError)?.kind == .unavailable
        }
        #expect(try store.allUnits() == before)
        #expect(try store.stats() == statsBefore)
        #expect(try store.changePosition() == position)
        try store.write(units: [unit(1, "wieder")], batch: ImportBatch(kind: .tmx, filePath: "c.tmx"), policy: .add)
        #expect(try store.stats().units == 2)
    }

    /// Writers in several processes (here: several pools) on one schema: the write lock runs them
    /// one at a time, so ids never collide and the counts stay right.
    @Test func importBatch_fromSeveralPoolsAtOnce_neverCollides() throws {
        let location = try freshLocation()
        let stores = try (0..<4).map { _ in try PostgresTranslationStore.open(location: location) }
        let errors = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            do {
                let units = (0..<50).map { unit(index * 1000 + $0, "Satz \(index)") }
                try stores[index % 4].write(units: units, batch: ImportBatch(kind: .tmx, filePath: "\(index).tmx"), policy: .keepNewest)
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let all = try stores[0].allUnits()
        #expect(all.count == 400 && Set(all.map(\.id)).count == 400)
        #expect(try stores[1].stats().units == 400)
        let ids = try stores[2].withSnapshot { snapshot in
            var ids: [Int64] = []
            try snapshot.forEachUnit { _, variants in ids += variants.map(\.id) }
            return ids
        }
        #expect(ids.count == 800 && Set(ids).count == 800)
    }
}
