import Foundation
import Testing
import TesseraCore
import TesseraMatching
import TesseraStorage

/// What a batch tells its ``UnitWriteObserver``: the order of the calls, the unit and variant ids
/// it passes, the positions, and a rolled-back batch.
struct UnitWriteObserverTests {
    @Test(arguments: Backend.all)
    func importBatch_callsTheObserverInOrder_andRollsBackOnThrow(backend: Backend) throws {
        let store = try backend.makeMemory()
        try store.prepareChangeFeed()
        try store.write(units: [unit([("en", "Save"), ("de", "Speichern")], tuid: "1")], batch: batch("a.tmx"), policy: .add)
        let replaced = try #require(try store.allUnits().first?.id)
        let start = try store.changePosition()

        let observer = RecordingObserver()
        let report = try store.importBatch(batch("b.tmx"), policy: .overwrite, observer: observer) { writer in
            try writer.add(unit([("en", "Save"), ("de", "Sichern"), ("fr", "Enregistrer")], tuid: "1"))
            try writer.add(unit([("en", "Open"), ("de", "Öffnen")], tuid: "2"))
        }
        #expect(report.replaced == 1 && report.added == 1)
        let added = try #require(try store.allUnits().last?.id)
        let variants = try store.withSnapshot { snapshot in
            (try snapshot.variants(ofUnit: replaced).map(\.id), try snapshot.variants(ofUnit: added).map(\.id))
        }
        #expect(variants.0.count == 3 && variants.1.count == 2)
        #expect(observer.events == [
            .began(start),
            .removed(replaced), .added(replaced, variants.0),
            .added(added, variants.1),
            .bodyEnded(try store.changePosition()),
            .committed,
        ])

        // A body that throws: the observer hears of the rollback, and nothing is stored.
        let failing = RecordingObserver()
        let before = try store.changePosition()
        let units = try store.allUnits()
        #expect(throws: Interrupted.self) {
            try store.importBatch(batch("c.tmx"), policy: .overwrite, observer: failing) { writer in
                try writer.add(unit([("en", "Save"), ("de", "Gerettet")], tuid: "1"))
                try writer.add(unit([("en", "Close"), ("de", "Schließen")], tuid: "3"))
                throw Interrupted()
            }
        }
        #expect(failing.events.first == .began(before))
        #expect(failing.events.last == .rolledBack)
        #expect(!failing.events.contains(.committed) && !failing.events.contains { if case .bodyEnded = $0 { true } else { false } })
        #expect(failing.events.count == 5)  // began, removed, added, added, rolled back
        #expect(try store.allUnits() == units)
        #expect(try store.changePosition() == before)
        #expect(try store.stats().batches.count == 2)
    }
}

/// An observer that records every call, in order.
final class RecordingObserver: UnitWriteObserver {
    /// One call.
    enum Event: Equatable {
        case began(ChangePosition)
        case added(Int64, [Int64])
        case removed(Int64)
        case bodyEnded(ChangePosition)
        case committed
        case rolledBack
    }

    /// The calls so far.
    private(set) var events: [Event] = []

    /// The units added, in order.
    var addedUnits: [Int64] {
        events.compactMap { if case .added(let unit, _) = $0 { unit } else { nil } }
    }

    func batchBegan(at position: ChangePosition) throws { events.append(.began(position)) }
    func unitAdded(_ unit: Int64, variantIDs: [Int64], analyses: [MatchIndexAnalysis?]?) { events.append(.added(unit, variantIDs)) }
    func unitRemoved(_ unit: Int64) { events.append(.removed(unit)) }
    func batchBodyEnded(at position: ChangePosition) throws { events.append(.bodyEnded(position)) }
    func batchCommitted() { events.append(.committed) }
    func batchRolledBack() { events.append(.rolledBack) }
}
