import Foundation
import Testing
import TesseraCore
import TesseraKit
import TesseraMatchIndex
import TesseraMatching
import TesseraStorage
import TesseraTestSupport

/// The unit data a serving session keeps for its lookups (``MatchUnitCache`` behind
/// ``MatchIndexStore/matchUnits(_:)``): kept once read, and never served after the index has
/// caught up with an edit or a deletion made through another session (another process), on
/// every backend.
struct MatchUnitCacheTests {
    typealias Backend = ImportExportMemoryTests.Backend

    let en = LanguageTag("en")!
    let de = LanguageTag("de")!

    func unit(_ german: String) -> TranslationUnit {
        TranslationUnit(
            tuid: "t1",
            variants: [Variant(language: en, segment: Segment(text: "The capability targets were agreed")),
                       Variant(language: de, segment: Segment(text: german))])
    }

    func firstGerman(_ session: TranslationMemory) throws -> String? {
        let matches = try Lookup(session: session).run("The capability targets were agreed", options: LookupOptions(source: en, targets: [de]))
        return matches.first?.target
    }

    @Test(arguments: Backend.all)
    func lookups_afterAnotherSessionEditsOrDeletesAUnit_answerTheChange(backend: Backend) throws {
        let location = try backend.location(try ImportExportSupport.temporaryFolder(), "tm.db")
        let writer = try TranslationMemory(location: location, recheck: .zero)
        defer { writer.close() }
        let batch = ImportBatch(kind: .edit, filePath: "api")
        let id = try writer.write { store, _ in try store.addUnit(unit("Die Fähigkeitsziele wurden vereinbart"), batch: batch) }
        let reader = try TranslationMemory(location: location, recheck: .zero)
        defer { reader.close() }
        #expect(try firstGerman(reader) == "Die Fähigkeitsziele wurden vereinbart")
        // Read from the local unit copy where the backend keeps one (PostgreSQL), else from the
        // store, then cached.
        let copied = reader.matchIndex.unitCopyCount
        #expect((copied != nil) == reader.matchIndex.source.keepsLocalUnitCopy)
        #expect(copied == nil ? reader.matchIndex.unitCache.count == 1 : copied == 1 && reader.matchIndex.unitCache.count == 0)
        #expect(try firstGerman(reader) == "Die Fähigkeitsziele wurden vereinbart")

        #expect(try writer.write { store, _ in try store.replaceUnit(id: id, with: unit("Die Planungsziele wurden vereinbart"), batch: batch) })
        #expect(try firstGerman(reader) == "Die Planungsziele wurden vereinbart")
        // The edited unit is stale in the copy: it was read from the store.
        if copied != nil { #expect(reader.matchIndex.unitCopyStaleCount == 1 && reader.matchIndex.unitCache.count == 1) }

        #expect(try writer.write { store, _ in try store.deleteUnit(id: id) })
        #expect(try firstGerman(reader) == nil)
    }

    /// A read that began before an eviction (its data may predate the change) is not kept.
    @Test func insert_afterAnEvictionSinceTheReadBegan_isDropped() {
        let cache = MatchUnitCache()
        let stale = MatchUnit(unit: 1, tuid: "t1", variants: [])
        let (_, generation) = cache.units([1])
        cache.evict([1])
        cache.insert([1: stale], generation: generation)
        #expect(cache.count == 0)
        let (_, current) = cache.units([1])
        cache.insert([1: stale], generation: current)
        #expect(cache.count == 1)
        #expect(cache.units([1, 2]).known.keys.sorted() == [1])
        cache.evict(nil)
        #expect(cache.count == 0)
    }
}
