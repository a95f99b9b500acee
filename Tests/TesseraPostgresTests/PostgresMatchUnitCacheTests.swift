import Foundation
import Testing
import TesseraCore
import TesseraMatching
import TesseraPostgres
import TesseraStorage
import TesseraTestSupport

/// The match data a serving process keeps (``PostgresMatchUnitCache``): answered without a round
/// trip once read, and never stale past the next position check when another process (another
/// pool) edits or deletes a unit.
@Suite(.enabled(if: PostgresTestServer.isAvailable))
struct PostgresMatchUnitCacheTests {
    /// Two stores on one fresh schema, each with a pool of its own (two serving processes).
    func twoProcesses() throws -> (reader: PostgresTranslationStore, writer: PostgresTranslationStore) {
        let location = try PostgresLocation(url: try #require(PostgresTestServer.freshURL("cache")))
        return (try PostgresTranslationStore.open(location: location), try PostgresTranslationStore.open(location: location))
    }

    func unit(_ german: String, tuid: String = "t1") -> TranslationUnit {
        TranslationUnit(
            tuid: tuid,
            variants: [Variant(language: LanguageTag("en")!, segment: Segment(text: "The capability targets")),
                       Variant(language: LanguageTag("de")!, segment: Segment(text: german))])
    }

    func german(_ units: [Int64: MatchUnit], _ id: Int64) -> String? {
        units[id]?.variants.first { $0.language == LanguageTag("de")! }?.text
    }

    @Test func matchUnits_readOnce_areKeptAndAnsweredAgain() throws {
        let (reader, writer) = try twoProcesses()
        let id = try writer.addUnit(unit("Die Fähigkeitsziele"), batch: ImportBatch(kind: .edit, filePath: "api"))
        #expect(reader.matchUnitCache.count == 0)
        let first = try reader.matchUnits([id, id, 999])
        #expect(german(first, id) == "Die Fähigkeitsziele")
        #expect(first[999] == nil)
        #expect(reader.matchUnitCache.count == 1)
        #expect(try reader.matchUnits([id]) == first)
    }

    @Test func matchUnits_afterAnotherProcessEditsAUnit_answerTheEditOnceThePositionIsRead() throws {
        let (reader, writer) = try twoProcesses()
        let batch = ImportBatch(kind: .edit, filePath: "api")
        let id = try writer.addUnit(unit("Die Fähigkeitsziele"), batch: batch)
        let other = try writer.addUnit(unit("Andere", tuid: "t2"), batch: batch)
        _ = try reader.matchUnits([id, other])
        #expect(try writer.replaceUnit(id: id, with: unit("Die Planungsziele"), batch: batch))
        _ = try reader.changePosition()
        let after = try reader.matchUnits([id, other])
        #expect(german(after, id) == "Die Planungsziele")
        #expect(german(after, other) == "Andere")
        #expect(try writer.deleteUnit(id: id))
        _ = try reader.changePosition()
        #expect(try reader.matchUnits([id, other]).keys.sorted() == [other])
    }

    @Test func matchUnits_whenNobodyReadsThePosition_checkItThemselvesAfterMaxAge() throws {
        let (reader, writer) = try twoProcesses()
        let batch = ImportBatch(kind: .edit, filePath: "api")
        let id = try writer.addUnit(unit("Die Fähigkeitsziele"), batch: batch)
        _ = try reader.matchUnits([id])
        #expect(try writer.replaceUnit(id: id, with: unit("Die Planungsziele"), batch: batch))
        Thread.sleep(forTimeInterval: Double(PostgresMatchUnitCache.maxAge.components.seconds) + 0.2)
        #expect(german(try reader.matchUnits([id]), id) == "Die Planungsziele")
    }

    /// A read that began before an eviction (its data may predate the change) is not kept.
    @Test func insert_afterAnEvictionSinceTheReadBegan_isDropped() throws {
        let cache = PostgresMatchUnitCache()
        let start = ChangePosition(maxVariant: 2, sequence: 0)
        cache.moved(from: nil, to: start, changed: nil)
        let stale = MatchUnit(unit: 1, tuid: "t1", origin: .imported, created: nil, changed: nil, props: [], variants: [])
        let (_, generation) = cache.units([1])
        cache.moved(from: start, to: ChangePosition(maxVariant: 2, sequence: 1), changed: [1])
        cache.insert([1: stale], generation: generation)
        #expect(cache.count == 0)
        let (_, current) = cache.units([1])
        cache.insert([1: stale], generation: current)
        #expect(cache.count == 1)
        // A check that does not start where the cache stands drops everything.
        cache.moved(from: start, to: ChangePosition(maxVariant: 3, sequence: 1), changed: [])
        #expect(cache.count == 0)
    }
}
