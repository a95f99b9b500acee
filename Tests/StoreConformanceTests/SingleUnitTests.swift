import Foundation
import Testing
import TesseraCore
import TesseraMatching
import TesseraStorage

/// One unit at a time: ``TranslationStore/unit(id:)``, ``TranslationStore/addUnit(_:batch:)``,
/// ``TranslationStore/replaceUnit(id:with:batch:)`` and ``TranslationStore/deleteUnit(id:)``,
/// with the concordance, the counts and the change feed agreeing after each.
struct SingleUnitTests {
    /// A store with its change feed ready and two units.
    static func filled(_ backend: Backend) throws -> (store: any TranslationStore, ids: [Int64]) {
        let store = try backend.makeMemory()
        try store.prepareChangeFeed()
        try store.write(units: [
            unit([("en", "Save the file."), ("de", "Datei speichern.")]),
            unit([("en", "Open the window."), ("de", "Fenster öffnen.")]),
        ], batch: batch(), policy: .add)
        return (store, try store.allUnits().map(\.id))
    }

    /// The hits of a concordance search of `phrase` in `language`, as their texts.
    static func concordance(_ store: any TranslationStore, _ phrase: String, _ language: String) throws -> [String] {
        let query = try #require(ConcordanceQuery(phrase))
        return try store.searchConcordance(query, language: tag(language), otherLanguage: nil, limit: 20, pairFilter: nil).hits.map {
            $0.highlighted.replacingOccurrences(of: ConcordanceHit.highlightStart, with: "").replacingOccurrences(of: ConcordanceHit.highlightEnd, with: "")
        }
    }

    /// The counts a fresh store holding exactly `units` reports (batches left out).
    static func recount(_ units: [TranslationUnit], _ backend: Backend) throws -> MemoryStats {
        let fresh = try backend.makeMemory()
        try fresh.write(units: units, batch: batch(), policy: .add)
        var stats = try fresh.stats()
        stats.batches = []
        return stats
    }

    /// The store's counts with batches left out.
    static func counts(_ store: any TranslationStore) throws -> MemoryStats {
        var stats = try store.stats()
        stats.batches = []
        return stats
    }

    @Test(arguments: Backend.all)
    func unit_readsOneUnitWithEveryDetail(backend: Backend) throws {
        let store = try backend.makeMemory()
        let rich = TranslationStoreWritingTests.richUnit(1, origin: .aligned)
        try store.write(units: [unit([("en", "a"), ("de", "b")]), rich, unit([("en", "c"), ("de", "d")])], batch: batch(), policy: .add)
        let all = try store.allUnits()
        let read = try #require(try store.unit(id: all[1].id))
        #expect(read == all[1])
        #expect(read.unit == rich)
    }

    @Test(arguments: Backend.all, [0, -1, Int64.min, Int64.max, 3])
    func unit_isNilForAnUnknownID(backend: Backend, id: Int64) throws {
        let (store, _) = try Self.filled(backend)
        #expect(try store.unit(id: id) == nil)
    }

    @Test(arguments: Backend.all)
    func addUnit_storesANewUnitEvenWhenItRepeatsOne(backend: Backend) throws {
        let (store, ids) = try Self.filled(backend)
        let repeated = unit([("en", "Save the file."), ("de", "Datei speichern.")])
        let id = try store.addUnit(repeated, batch: ImportBatch(kind: .edit, filePath: ""))
        #expect(!ids.contains(id))
        let stored = try #require(try store.unit(id: id))
        #expect(stored.unit == repeated)
        #expect(try store.stats().batches.last?.kind == "edit")
        #expect(try store.stats().batches.last?.units == 1)
        if backend.hasConcordance { #expect(try Self.concordance(store, "file", "en") == ["Save the file.", "Save the file."]) }
        let all = try store.allUnits().map(\.unit)
        #expect(try Self.counts(store) == Self.recount(all, backend))
    }

    @Test(arguments: Backend.all)
    func replaceUnit_keepsTheIDAndReplacesEverything(backend: Backend) throws {
        let (store, ids) = try Self.filled(backend)
        var edited = unit([("en", "Close the door."), ("fr", "Fermez la porte."), ("de", "Tür schließen.")])
        edited.notes = [Note(value: "checked")]
        edited.props = [Prop(type: "x-domain", value: "home")]
        #expect(try store.replaceUnit(id: ids[0], with: edited, batch: ImportBatch(kind: .edit, filePath: "")))
        let stored = try #require(try store.unit(id: ids[0]))
        #expect(stored.unit == edited)
        #expect(try store.allUnits().map(\.id) == ids)
        // The old text is gone from the full-text index, the new one is in it.
        if backend.hasConcordance {
            #expect(try Self.concordance(store, "file", "en") == [])
            #expect(try Self.concordance(store, "Datei", "de") == [])
            #expect(try Self.concordance(store, "door", "en") == ["Close the door."])
            #expect(try Self.concordance(store, "porte", "fr") == ["Fermez la porte."])
        }
        let all = try store.allUnits().map(\.unit)
        #expect(try Self.counts(store) == Self.recount(all, backend))
    }

    @Test(arguments: Backend.all)
    func replaceUnit_ofAnUnknownIDWritesNothing(backend: Backend) throws {
        let (store, ids) = try Self.filled(backend)
        let before = try store.stats()
        let position = try store.changePosition()
        #expect(try !store.replaceUnit(id: ids.max()! + 10, with: unit([("en", "x"), ("de", "y")]), batch: ImportBatch(kind: .edit, filePath: "")))
        #expect(try store.stats() == before)
        #expect(try store.changePosition() == position)
    }

    @Test(arguments: Backend.all)
    func deleteUnit_removesItFromEveryRead(backend: Backend) throws {
        let (store, ids) = try Self.filled(backend)
        #expect(try store.deleteUnit(id: ids[0]))
        #expect(try store.unit(id: ids[0]) == nil)
        #expect(try store.allUnits().map(\.id) == [ids[1]])
        if backend.hasConcordance { #expect(try Self.concordance(store, "file", "en") == []) }
        #expect(try store.matchUnits([ids[0]]).isEmpty)
        let all = try store.allUnits().map(\.unit)
        #expect(try Self.counts(store) == Self.recount(all, backend))
        #expect(try !store.deleteUnit(id: ids[0]))
        #expect(try store.deleteUnit(id: ids[1]))
        #expect(try Self.counts(store) == Self.recount([], backend))
    }

    /// The change feed reports each edit and deletion, and the variants it reads are the new ones.
    @Test(arguments: Backend.all)
    func changeFeed_reportsEditsAndDeletions(backend: Backend) throws {
        let (store, ids) = try Self.filled(backend)
        let start = try store.changePosition()
        #expect(try store.replaceUnit(id: ids[0], with: unit([("en", "Close the door."), ("de", "Tür schließen.")]), batch: ImportBatch(kind: .edit, filePath: "")))
        let edited = try store.changePosition()
        #expect(start.precedes(edited) && start != edited)
        try store.withSnapshot { (snapshot: any MatchIndexSnapshot) throws -> Void in
            #expect(try snapshot.changedUnits(since: start).contains(ids[0]))
            #expect(try snapshot.variants(ofUnit: ids[0]).map(\.text) == ["Close the door.", "Tür schließen."])
        }
        #expect(try store.deleteUnit(id: ids[1]))
        let deleted = try store.changePosition()
        #expect(edited.precedes(deleted) && edited != deleted)
        try store.withSnapshot { (snapshot: any MatchIndexSnapshot) throws -> Void in
            #expect(try snapshot.changedUnits(since: edited).contains(ids[1]))
            #expect(try snapshot.variants(ofUnit: ids[1]).isEmpty)
        }
    }

    /// A deleted unit holding the highest variant ids: the next unit written (by an import or on
    /// its own) must still be reported by the change feed to a reader that saw the deleted one, and
    /// the position never goes back.
    @Test(arguments: Backend.all, [false, true])
    func changeFeed_reportsAUnitWrittenAfterTheHighestWasDeleted(backend: Backend, byImport: Bool) throws {
        let (store, ids) = try Self.filled(backend)
        let seen = try store.changePosition()
        #expect(try store.deleteUnit(id: ids[1]))
        let afterDelete = try store.changePosition()
        #expect(seen.precedes(afterDelete))
        let fresh = unit([("en", "Print the page."), ("de", "Seite drucken.")])
        let id: Int64
        if byImport {
            try store.write(units: [fresh], batch: batch("later.tmx"), policy: .add)
            id = try #require(try store.allUnits().last?.id)
        } else {
            id = try store.addUnit(fresh, batch: ImportBatch(kind: .edit, filePath: ""))
        }
        let now = try store.changePosition()
        #expect(afterDelete.precedes(now) && seen.precedes(now))
        try store.withSnapshot { (snapshot: any MatchIndexSnapshot) throws -> Void in
            let changed = try snapshot.changedUnits(since: seen)
            #expect(changed.contains(id))
            #expect(changed.contains(ids[1]))
            #expect(try snapshot.variants(ofUnit: id).map(\.text) == ["Print the page.", "Seite drucken."])
        }
    }

    /// A replacement with fewer variants frees the highest id too: a later unit must not take it.
    @Test(arguments: Backend.all)
    func changeFeed_reportsAUnitWrittenAfterTheHighestWasReplaced(backend: Backend) throws {
        let (store, ids) = try Self.filled(backend)
        let seen = try store.changePosition()
        #expect(try store.replaceUnit(id: ids[1], with: unit([("en", "Open."), ("de", "Öffnen.")]), batch: ImportBatch(kind: .edit, filePath: "")))
        #expect(try store.replaceUnit(id: ids[1], with: unit([("en", "Open.")]), batch: ImportBatch(kind: .edit, filePath: "")))
        // One variant: it would take exactly the id the second replacement freed.
        let id = try store.addUnit(unit([("en", "Print.")]), batch: ImportBatch(kind: .edit, filePath: ""))
        #expect(seen.precedes(try store.changePosition()))
        try store.withSnapshot { (snapshot: any MatchIndexSnapshot) throws -> Void in
            #expect(try snapshot.changedUnits(since: seen).contains(id))
        }
    }
}
