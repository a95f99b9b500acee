import Foundation
import Testing
import TesseraCore
import TesseraMatching
import TesseraStorage

/// The change feed and unit data a match index reads (``MatchIndexSource``,
/// ``MatchIndexSnapshot``), through the protocols only: positions, changed units, variants, the
/// full scan, snapshot isolation against a concurrent writer, and match units.
struct MatchIndexSourceTests {
    /// A store with its change feed ready.
    static func store(_ backend: Backend) throws -> any TranslationStore {
        let store = try backend.makeMemory()
        try store.prepareChangeFeed()
        return store
    }

    /// The ids of the stored units, in id order.
    static func unitIDs(_ store: any TranslationStore) throws -> [Int64] {
        try store.allUnits().map(\.id)
    }

    @Test(arguments: Backend.all)
    func changePosition_advancesOnEveryWrite(backend: Backend) throws {
        let store = try Self.store(backend)
        #expect(try store.changePosition() == .origin)
        try store.write(units: [unit([("en", "Save"), ("de", "Speichern")], tuid: "1"), unit([("en", "Open"), ("de", "Öffnen")], tuid: "2")],
                        batch: batch("a.tmx"), policy: .add)
        let inserted = try store.changePosition()
        #expect(inserted.maxVariant >= 4 && inserted.sequence == 0)
        // An overwrite replaces the variants of a stored unit: the sequence moves.
        try store.write(units: [unit([("en", "Save"), ("de", "Sichern")], tuid: "1")], batch: batch("b.tmx"), policy: .overwrite)
        let overwritten = try store.changePosition()
        #expect(overwritten.sequence > inserted.sequence && inserted.precedes(overwritten))
        // A replacement with fewer variants deletes one: the sequence moves again.
        try store.write(units: [unit([("en", "Open")], tuid: "2")], batch: batch("c.tmx"), policy: .overwrite)
        let deleted = try store.changePosition()
        #expect(deleted.sequence > overwritten.sequence && overwritten.precedes(deleted))
        // A new unit moves the highest variant.
        try store.write(units: [unit([("en", "Close"), ("de", "Schließen")])], batch: batch("d.tmx"), policy: .add)
        let added = try store.changePosition()
        #expect(added.maxVariant > deleted.maxVariant && added.sequence == deleted.sequence)
        #expect(try store.withSnapshot { try $0.position } == added)
    }

    @Test(arguments: Backend.all)
    func changedUnits_sinceAPosition_areExactlyTheEditedUnits(backend: Backend) throws {
        let store = try Self.store(backend)
        try store.write(units: (1...4).map { unit([("en", "Sentence \($0)"), ("de", "Satz \($0)")], tuid: "\($0)") },
                        batch: batch("a.tmx"), policy: .add)
        let ids = try Self.unitIDs(store)
        let before = try store.changePosition()
        #expect(try store.withSnapshot { try $0.changedUnits(since: before) }.isEmpty)
        try store.write(units: [unit([("en", "Sentence 2"), ("de", "Neuer Satz 2")], tuid: "2")], batch: batch("b.tmx"), policy: .overwrite)
        try store.write(units: [unit([("en", "Sentence 5"), ("de", "Satz 5")], tuid: "5")], batch: batch("c.tmx"), policy: .add)
        let added = try #require(try Self.unitIDs(store).last)
        #expect(!ids.contains(added))
        let changed = try store.withSnapshot { try $0.changedUnits(since: before) }
        #expect(changed == [ids[1], added])
        // From the origin: every unit.
        #expect(try store.withSnapshot { try $0.changedUnits(since: .origin) } == Set(ids + [added]))
    }

    @Test(arguments: Backend.all)
    func variants_ofADeletedUnit_areEmpty(backend: Backend) throws {
        let store = try Self.store(backend)
        try store.write(units: [unit([("en", "Kept"), ("de", "Behalten")])], batch: batch("a.tmx"), policy: .add)
        // A unit whose batch is rolled back is deleted with it.
        let observer = RecordingObserver()
        #expect(throws: Interrupted.self) {
            try store.importBatch(batch("b.tmx"), policy: .add, observer: observer) { writer in
                try writer.add(unit([("en", "Gone"), ("de", "Weg")]))
                throw Interrupted()
            }
        }
        let deleted = try #require(observer.addedUnits.first)
        let kept = try #require(try Self.unitIDs(store).first)
        try store.withSnapshot { snapshot throws -> Void in
            #expect(try snapshot.variants(ofUnit: deleted).isEmpty)
            #expect(try snapshot.variants(ofUnit: 987_654).isEmpty)
            #expect(try snapshot.variants(ofUnit: kept).map(\.text) == ["Kept", "Behalten"])
            #expect(try snapshot.variants(ofUnit: kept).map(\.language) == ["en", "de"])
        }
    }

    @Test(arguments: Backend.all)
    func forEachUnit_inSnapshot_isInUnitOrderWithVariantsByID(backend: Backend) throws {
        let store = try Self.store(backend)
        try store.write(units: (1...3).map { unit([("en", "Sentence \($0)"), ("de", "Satz \($0)"), ("fr", "Phrase \($0)")], tuid: "\($0)") },
                        batch: batch("a.tmx"), policy: .add)
        // Unit 1 is replaced: its variants now have the highest ids, after those of units 2 and 3.
        try store.write(units: [unit([("en", "Sentence 1"), ("ja", "文 1"), ("de", "Neuer Satz 1")], tuid: "1")], batch: batch("b.tmx"), policy: .overwrite)
        var seen: [(Int64, [IndexedVariant])] = []
        try store.withSnapshot { snapshot throws -> Void in
            try snapshot.forEachUnit { seen.append(($0, $1)) }
            for (unit, variants) in seen { #expect(try snapshot.variants(ofUnit: unit) == variants) }
        }
        #expect(seen.map(\.0) == (try Self.unitIDs(store)))
        for (_, variants) in seen { #expect(variants.map(\.id) == variants.map(\.id).sorted()) }
        #expect(seen.first?.1.map(\.text) == ["Sentence 1", "文 1", "Neuer Satz 1"])
        #expect(seen.map(\.1.count) == [3, 3, 3])
    }

    @Test(arguments: Backend.all)
    func withSnapshot_positionAndDataAgree_whileAWriterCommits(backend: Backend) throws {
        let store = try Self.store(backend)
        try store.write(units: [unit([("en", "First"), ("de", "Erster")])], batch: batch("a.tmx"), policy: .add)
        let writer = BackgroundWrite(store: store)
        let (start, end, units, changed) = try store.withSnapshot { snapshot in
            let start = try snapshot.position
            #expect(writer.run() == .success)  // another thread commits while the snapshot is open
            var units = 0
            try snapshot.forEachUnit { _, _ in units += 1 }
            return (start, try snapshot.position, units, try snapshot.changedUnits(since: start))
        }
        #expect(writer.error == nil)
        #expect(end == start && units == 1 && changed.isEmpty)
        let now = try store.changePosition()
        #expect(now != start && start.precedes(now))
        #expect(try store.withSnapshot { try $0.changedUnits(since: start) }.count == 2)
    }

    @Test(arguments: Backend.all)
    func matchUnits_areThoseOfTheIDsAsked_missingOnesLeftOut(backend: Backend) throws {
        let store = try Self.store(backend)
        try store.write(units: (1...3).map { unit([("en", "Sentence \($0)"), ("de", "Satz \($0)")], tuid: "t\($0)") },
                        batch: batch("a.tmx"), policy: .add)
        let ids = try Self.unitIDs(store)
        let found = try store.matchUnits([ids[2], 987_654, ids[0]])
        #expect(Set(found.keys) == [ids[0], ids[2]])
        for (id, text) in [(ids[0], "1"), (ids[2], "3")] {
            let match = try #require(found[id])
            #expect(match.unit == id && match.tuid == "t\(text)")
            #expect(match.variants.map(\.text) == ["Sentence \(text)", "Satz \(text)"])
            #expect(match.variants.map(\.language) == [tag("en"), tag("de")])
        }
        #expect(try store.matchUnits([]).isEmpty)
    }

    /// What a local unit copy is written from (``MatchIndexSnapshot/forEachMatchUnit(_:)``) and
    /// caught up with (``MatchIndexSnapshot/matchUnits(_:)``) is exactly what a lookup would read
    /// from the store: every unit with variants, in increasing id, props and dates included.
    @Test(arguments: Backend.all)
    func snapshotMatchUnits_areTheStoresOwn_inUnitOrder(backend: Backend) throws {
        let store = try Self.store(backend)
        var units = (1...25).map { unit([("en", "Sentence \($0)"), ("de", "Satz \($0)")], tuid: "t\($0)", changed: "20240101T00000\($0 % 10)Z") }
        units[3].props = [Prop(type: "x-context", value: "menu"), Prop(type: "x-project", value: "Ω 7")]
        units[4].variants.append(Variant(language: tag("ja"), segment: Segment(text: "文 5")))
        try store.write(units: units, batch: batch("a.tmx"), policy: .add)
        try store.write(units: [unit([("en", "Sentence 2"), ("de", "Neuer Satz 2")], tuid: "t2")], batch: batch("b.tmx"), policy: .overwrite)
        let ids = try Self.unitIDs(store)
        let expected = try store.matchUnits(ids)
        #expect(expected.count == 25)
        var scanned: [MatchUnit] = []
        let asked = try store.withSnapshot { snapshot in
            try snapshot.forEachMatchUnit { scanned.append($0) }
            return try snapshot.matchUnits([ids[3], ids[1], 987_654])
        }
        #expect(scanned.map(\.unit) == ids)
        #expect(scanned == ids.compactMap { expected[$0] })
        #expect(asked == [ids[1]: expected[ids[1]]!, ids[3]: expected[ids[3]]!])
        #expect(asked[ids[3]]?.props.map(\.value) == ["menu", "Ω 7"])
        #expect(expected[ids[1]]?.variants.map(\.text) == ["Sentence 2", "Neuer Satz 2"])
        #expect(try store.withSnapshot { try $0.matchUnits([]) }.isEmpty)
    }
}

/// A write of two units on another thread, waited for with a timeout (a backend whose snapshot
/// blocked writers would time out instead of hanging).
final class BackgroundWrite: @unchecked Sendable {
    // @unchecked Sendable: `error` is written by the writing thread before `done` is signalled
    // and read by the waiting thread after it.
    let store: any TranslationStore
    private let done = DispatchSemaphore(value: 0)
    /// The writer's error, if any (read after ``run()``).
    private(set) var error: (any Error)?

    init(store: any TranslationStore) { self.store = store }

    /// Starts the write and waits for its commit (at most 20 seconds).
    func run() -> DispatchTimeoutResult {
        Thread.detachNewThread { [self] in
            do {
                try store.write(units: [unit([("en", "Second"), ("de", "Zweiter")]), unit([("en", "Third"), ("de", "Dritter")])],
                                batch: batch("b.tmx"), policy: .add)
            } catch {
                self.error = error
            }
            done.signal()
        }
        return done.wait(timeout: .now() + 20)
    }
}
