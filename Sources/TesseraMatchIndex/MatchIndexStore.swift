import Foundation
import TesseraCore
public import TesseraMatching
package import TesseraStorage

/// The fuzzy-match index of one store, kept in a side file (`<location>-match`) and current with
/// the store: the one owner of the side-file format, its generation, its build during an import,
/// its catch-up from the change feed and its crash cleanup.
///
/// The file starts with a header (magic and the ``ChangePosition`` it reflects), then the index
/// in the format ``MatchIndex/init(mapping:offset:)`` reads in place. ``current()`` is what a
/// reader asks for: when the store moved since the index it holds, the units changed since then
/// are removed and added again in memory (O(changes): the mapped file is not copied); the file is
/// rewritten (a temporary file renamed over it, so a concurrent reader never sees half a file)
/// only when the catch-up passes ``rewriteThreshold`` changes; a missing, corrupt or foreign file
/// is rebuilt from the store in bounded memory. A store whose unit reads are round trips
/// (``MatchIndexSource/keepsLocalUnitCopy``: PostgreSQL) also gets a local copy of every unit's
/// match data beside the file (``MatchUnitFile``, `<side file>-units`), kept usable the same way
/// (``refreshUnitCopy(rebuild:inBackground:)``), so that ``matchUnits(_:)`` reads from the store only the units
/// changed since that copy was written. Writers call ``beginImport(expectedBytes:)`` (the file is built
/// while an import writes, when the import is large enough) or ``save()`` at their end.
///
/// Opening removes the temporary files a killed writer left behind (``MatchIndexSpool/removeLeftovers(of:)``).
/// Safe to share between threads: ``current()`` serialises its catch-up; calls are synchronous
/// (an async front end runs them on a thread pool).
///
/// ```swift
/// let store = try MatchIndexStore(source: tm)
/// let index = try store.current()
/// index.search(request)
/// ```
public final class MatchIndexStore: @unchecked Sendable {
    // @unchecked Sendable: `cached` is read and written under `lock`, `unitCopyRewriteRunning`
    // under `rewritingUnitCopy`; the rest is immutable or `Locked`.

    /// What ``bringUpToDate(rebuild:)`` or ``save()`` did.
    public struct Loaded: Sendable {
        /// The index, current with the store snapshot read.
        public var index: MatchIndex
        /// Whether it was built from scratch.
        public var rebuilt: Bool
        /// Units re-indexed from the change feed.
        public var updatedUnits: Int
        /// Size of the side file in bytes after loading.
        public var fileSize: Int
    }

    /// The number of changed units from which ``save()`` rewrites the side file (and a load,
    /// from at least 1% of the entries); fewer changes are re-applied in memory, which costs
    /// O(changes), while a rewrite costs O(size of the index).
    package static let rewriteThreshold = 1000

    /// The store the index mirrors.
    package let source: any MatchIndexSource
    /// The side file.
    package let path: String
    private let lock = NSLock()
    /// The index last handed out by ``current()`` and the position it reflects.
    private var cached: (index: MatchIndex, position: ChangePosition)?
    /// The match data of units lookups met, evicted as the index learns of changes.
    package let unitCache = MatchUnitCache()
    /// The local copy of every unit's match data and the units changed since it was written, for
    /// a source that keeps one (``MatchIndexSource/keepsLocalUnitCopy``); `nil` without one.
    private let unitCopy = Locked<UnitCopy?>(nil)

    /// A ``MatchUnitFile`` and the units changed in the store since its position: those are read
    /// from the store, every other unit from the file.
    private struct UnitCopy: Sendable {
        var file: MatchUnitFile
        var stale: Set<Int64>
    }

    /// Opens the index of `source`: prepares its change feed and removes the temporary files of
    /// writers that were killed. Reads nothing else (the side file is read on first use).
    /// - Throws: `StorageError` when the change feed cannot be prepared.
    package init(source: any MatchIndexSource) throws {
        self.source = source
        path = Self.path(for: source)
        try source.prepareChangeFeed()
        MatchIndexSpool.removeLeftovers(of: path)
    }

    /// The index of `source` when it has a side file, `nil` without one (nothing is created or
    /// migrated): for a reader that has another way to answer (concordance of a pair).
    /// - Throws: `StorageError` when the change feed cannot be prepared.
    package static func existing(source: any MatchIndexSource) throws -> MatchIndexStore? {
        guard FileManager.default.fileExists(atPath: path(for: source)) else { return nil }
        return try MatchIndexStore(source: source)
    }

    /// The side file of a store.
    package static func path(for source: any MatchIndexSource) -> String { source.matchIndexLocation + "-match" }

    // MARK: - Reading

    /// The index, current with the store now: when the store's ``ChangePosition`` has not moved
    /// since the last call, the same index (one cheap position read); else caught up. Changes
    /// are applied to the index in memory; when there are many, a newer side file (an import's)
    /// is mapped first, and the file is rewritten past ``rewriteThreshold``. Never waits for a
    /// writer's transaction.
    /// - Throws: `StorageError` when the store cannot be read or the file cannot be written.
    /// - Complexity: O(1) reads when nothing moved; O(changes) for a small catch-up.
    package func current() throws -> MatchIndex {
        lock.lock()
        defer { lock.unlock() }
        let now = try source.changePosition()
        if let cached, cached.position == now { return cached.index }
        if let (held, position) = cached, position.precedes(now) {
            var index = held
            // Nothing newer on disk than what is held: apply the changes in memory when few.
            let onDisk = Self.header(of: path)
            let fileIsNewer = onDisk.map { $0 != position && position.precedes($0) && $0.precedes(now) } ?? false
            if !fileIsNewer {
                let applied = try source.withSnapshot { snapshot -> (ChangePosition, Set<Int64>)? in
                    let reached = try snapshot.position
                    let units = try snapshot.changedUnits(since: position)
                    guard units.count < Self.rewriteThreshold else { return nil }
                    try Self.apply(units, to: &index, from: snapshot)
                    return (reached, units)
                }
                if let (reached, changed) = applied {
                    adopt(index, at: reached, changed: changed, since: position)
                    // Small catch-ups add up: past its threshold the copy is rewritten here too.
                    if let copy = unitCopy.withLock({ $0 }), copy.stale.count >= Self.unitCopyRewriteThreshold(copy.file.count) {
                        rewriteUnitCopy(copy)
                    }
                    return index
                }
            }
        }
        let loaded = try bringUpToDate(rebuild: false, saveAnyChange: false)
        return loaded.index
    }

    /// The index when a side file exists (mapped and caught up, as ``current()``), `nil` without
    /// one: nothing is built. For a reader that has another way to answer (concordance of a pair).
    package func currentIfPresent() -> MatchIndex? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try? current()
    }

    /// The match data (``MatchUnit``) of `ids` for a lookup: the units in ``unitCache`` from
    /// there; with a local unit copy (``MatchIndexSource/keepsLocalUnitCopy``), the units that did
    /// not change since it was written from the copy; the others read from the store (and kept
    /// in the cache); units that no longer exist are absent. Data is at least as new as the index
    /// last handed out: the units a catch-up re-indexes leave the cache and join the copy's stale
    /// units (``adopt(_:at:changed:since:)``), and a copy is only used with its stale units
    /// counted from its own position (``refreshUnitCopy(rebuild:inBackground:)``).
    /// - Throws: `StorageError` when the store cannot be read.
    package func matchUnits(_ ids: [Int64]) throws -> [Int64: MatchUnit] {
        var (units, generation) = unitCache.units(ids)
        let copy = unitCopy.withLock { $0 }
        var missing: [Int64] = []
        var seen: Set<Int64> = []
        for id in ids where units[id] == nil && seen.insert(id).inserted {
            if let copy, !copy.stale.contains(id) {
                switch copy.file.unit(id) {
                case .unit(let unit):
                    units[id] = unit
                    continue
                case .absent:
                    continue
                case .unreadable:
                    break
                }
            }
            missing.append(id)
        }
        guard !missing.isEmpty else { return units }
        let read = try source.matchUnits(missing)
        unitCache.insert(read, generation: generation)
        units.merge(read) { _, new in new }
        return units
    }

    /// Makes `index` at `position` the one handed out, and evicts from ``unitCache`` the units
    /// the move changed: `changed`, counted since `from`, when `from` is where the index handed
    /// out before stood; every unit when not (a rebuild, a file another process rewrote, the
    /// first load). The caller holds `lock`.
    private func adopt(_ index: MatchIndex, at position: ChangePosition, changed: Set<Int64>?, since from: ChangePosition?) {
        let previous = cached?.position
        cached = (index, position)
        guard previous != position else { return }
        if let changed, let from, from == previous {
            unitCache.evict(changed)
            if !changed.isEmpty { unitCopy.withLock { $0?.stale.formUnion(changed) } }
        } else {
            unitCache.evict(nil)
        }
    }

    /// Reads the side file and catches it up with the store, rebuilding it when asked or when it
    /// is missing, corrupt or foreign; rewrites it when the catch-up is large (from
    /// ``rewriteThreshold`` units and 1% of the entries).
    /// - Throws: `StorageError` when the store cannot be read or the file cannot be written.
    /// - Complexity: O(size of the file) to map it, plus O(changes); O(size of the store) to rebuild.
    package func bringUpToDate(rebuild: Bool = false) throws -> Loaded {
        lock.lock()
        defer { lock.unlock() }
        return try bringUpToDate(rebuild: rebuild, saveAnyChange: false)
    }

    /// Brings the side file up to date after a write (an import that could not build it while it
    /// wrote, `align --store`): when at least ``rewriteThreshold`` units changed since it was
    /// written, it is rewritten, so that the next reader maps it and has nothing to catch up;
    /// fewer changes are left for readers to apply in memory. Builds the file when it is missing.
    /// - Throws: `StorageError` when the store cannot be read or the file cannot be written.
    @discardableResult
    package func save() throws -> Loaded {
        lock.lock()
        defer { lock.unlock() }
        return try bringUpToDate(rebuild: false, saveAnyChange: true)
    }

    /// Calls ``save()``; a failure only defers the work to the next reader.
    /// - Returns: Whether the side file was brought up to date.
    @discardableResult
    package func saveAfterWrite() -> Bool { (try? save()) != nil }

    /// The catch-up behind ``bringUpToDate(rebuild:)`` and ``save()``; the caller holds `lock`.
    private func bringUpToDate(rebuild: Bool, saveAnyChange: Bool) throws -> Loaded {
        let heldBefore = cached != nil
        var stored: (index: MatchIndex, position: ChangePosition)?
        // Mapped with mmap (MappedRegion), read in place: not Foundation's mapped Data, which
        // corrupted the heap when freed on Linux.
        if !rebuild, FileManager.default.fileExists(atPath: path) {
            stored = try? Self.decode(MappedRegion(path: path))
        }
        enum Outcome {
            case current(MatchIndex, ChangePosition, changed: Set<Int64>)
            case written(rebuilt: Bool, changed: Set<Int64>?, count: Int = 0)
        }
        let file = path
        let outcome: Outcome = try source.withSnapshot { snapshot in
            try Self.convertingErrors {
                let position = try snapshot.position
                if let (storedIndex, storedPosition) = stored, storedPosition.precedes(position) {
                    var index = storedIndex
                    let units = try snapshot.changedUnits(since: storedPosition)
                    if units.isEmpty { return .current(index, position, changed: []) }
                    // Rewrite the file only when the catch-up work is worth saving: small deltas are
                    // cheaper to apply again on the next load than a rewrite of the whole file.
                    let threshold = saveAnyChange ? Self.rewriteThreshold : max(Self.rewriteThreshold, index.entryCount / 100)
                    if units.count >= threshold {
                        let spool = try Self.continuing(index, changed: units, file: file, from: snapshot)
                        try spool.finish(writingTo: file, header: SideFileHeader(position).bytes, generation: position.counter)
                        return .written(rebuilt: false, changed: units)
                    }
                    try Self.apply(units, to: &index, from: snapshot)
                    return .current(index, position, changed: units)
                }
                // A build from the store, streamed through a spool: memory stays bounded.
                let spool = try MatchIndexSpool(prefix: file)
                var units = 0
                try snapshot.forEachUnit { unit, variants in
                    try Self.append(unit: unit, variants: variants, to: spool)
                    units += 1
                }
                try spool.finish(writingTo: file, header: SideFileHeader(position).bytes, generation: position.counter)
                return .written(rebuilt: true, changed: nil, count: units)
            }
        }
        var loaded: Loaded
        let from = stored?.position
        switch outcome {
        case .current(let index, let position, let changed):
            loaded = Loaded(index: index, rebuilt: false, updatedUnits: changed.count, fileSize: 0)
            adopt(index, at: position, changed: changed, since: from)
        case .written(let rebuilt, let changed, let count):
            let (index, position) = try Self.decode(MappedRegion(path: path))
            loaded = Loaded(index: index, rebuilt: rebuilt, updatedUnits: changed?.count ?? count, fileSize: 0)
            adopt(index, at: position, changed: changed, since: from)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        loaded.fileSize = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        refreshUnitCopy(rebuild: rebuild, inBackground: heldBefore)
        return loaded
    }

    // MARK: - The local unit copy

    /// The local unit copy's file: the side file's path plus `-units`.
    package var unitCopyPath: String { path + "-units" }

    /// The units in the local unit copy, `nil` without one.
    package var unitCopyCount: Int? { unitCopy.withLock { $0?.file.count } }

    /// The units read from the store rather than the copy because they changed since it was
    /// written, `nil` without a copy.
    package var unitCopyStaleCount: Int? { unitCopy.withLock { $0?.stale.count } }

    /// The number of changed units from which ``refreshUnitCopy(rebuild:inBackground:)`` rewrites a copy of `count`
    /// units: below it, the changed units are read from the store (one round trip per lookup
    /// that meets one, then cached), which costs less than rewriting the whole file.
    static func unitCopyRewriteThreshold(_ count: Int) -> Int { max(rewriteThreshold, count / 20) }

    /// Makes the local unit copy of a source that keeps one usable with the index just adopted
    /// (the caller holds `lock`), in one snapshot at a position at or after the index's: a copy
    /// written at an earlier position is kept with the units changed since then marked stale; a
    /// copy with too many changed units (``unitCopyRewriteThreshold(_:)``) is rewritten, its
    /// unchanged records copied and the changed units read from the store; a missing, damaged or
    /// foreign copy is written from a full scan (``MatchIndexSnapshot/forEachMatchUnit(_:)``). A
    /// failure leaves no copy: lookups then read every unit from the store, as without one.
    /// With `rebuild`, the copy is written from a full scan whatever its state.
    ///
    /// With `inBackground` (a process that already serves lookups and is catching up), a copy
    /// that needs rewriting is kept with its stale units while a thread rewrites it
    /// (``rewriteUnitCopy(_:)``), so that lookups do not wait for the rewrite; a process loading
    /// its first index writes it at once, as it has nothing to answer with meanwhile.
    /// - Complexity: two reads when the copy is current enough; O(units) to write it.
    private func refreshUnitCopy(rebuild: Bool, inBackground: Bool) {
        guard source.keepsLocalUnitCopy else { return }
        let existing = rebuild ? nil : try? MatchUnitFile(path: unitCopyPath)
        var rewrite: UnitCopy?
        unitCopy.set(try? source.withSnapshot { snapshot -> UnitCopy in
            // Missing, damaged or foreign: written again from a full scan.
            guard let existing, existing.position.precedes(try snapshot.position) else {
                return try writeUnitCopy(from: snapshot, merging: nil)
            }
            let kept = UnitCopy(file: existing, stale: try snapshot.changedUnits(since: existing.position))
            guard kept.stale.count >= Self.unitCopyRewriteThreshold(existing.count) else { return kept }
            guard !inBackground else {
                rewrite = kept
                return kept
            }
            return try writeUnitCopy(from: snapshot, merging: kept)
        })
        if let rewrite { rewriteUnitCopy(rewrite) }
    }

    /// Writes the copy at the position of `snapshot`: `existing` (a copy and the units changed
    /// since its position, read in `snapshot`) merged with those units when they are at most half
    /// of it, else from a full scan.
    private func writeUnitCopy(from snapshot: any MatchIndexSnapshot, merging existing: UnitCopy?) throws -> UnitCopy {
        let writer = try MatchUnitFileWriter(path: unitCopyPath, indexPath: path, position: try snapshot.position)
        if let existing, existing.stale.count <= existing.file.count / 2 {
            try Self.merge(existing.file, changing: existing.stale, from: snapshot, into: writer)
        } else {
            try snapshot.forEachMatchUnit { try writer.append($0) }
        }
        try writer.finish()
        return UnitCopy(file: try MatchUnitFile(path: unitCopyPath), stale: [])
    }

    /// Whether a thread of ``rewriteUnitCopy(_:)`` is running (at most one per store).
    private let rewritingUnitCopy = NSCondition()
    private var unitCopyRewriteRunning = false

    /// Rewrites the copy `current` on a thread of its own, outside `lock`: the file is written
    /// at the position of its own snapshot P; then, under `lock` (so that no catch-up slips in
    /// between), the units changed since P are read (one query) and the new copy replaces the
    /// old one with them as its stale units. Until then lookups read `current` and its stale
    /// units. A failure keeps `current`.
    private func rewriteUnitCopy(_ current: UnitCopy) {
        rewritingUnitCopy.lock()
        defer { rewritingUnitCopy.unlock() }
        guard !unitCopyRewriteRunning else { return }
        unitCopyRewriteRunning = true
        let thread = Thread { [self] in
            let written = try? source.withSnapshot { snapshot in
                try writeUnitCopy(
                    from: snapshot, merging: UnitCopy(file: current.file, stale: try snapshot.changedUnits(since: current.file.position)))
            }
            if let written {
                lock.lock()
                if let stale = try? source.withSnapshot({ try $0.changedUnits(since: written.file.position) }) {
                    unitCopy.set(UnitCopy(file: written.file, stale: stale))
                }
                lock.unlock()
            }
            rewritingUnitCopy.lock()
            unitCopyRewriteRunning = false
            rewritingUnitCopy.broadcast()
            rewritingUnitCopy.unlock()
        }
        thread.name = "tessera.unit-copy"
        thread.start()
    }

    /// Waits until a rewrite of the local unit copy started by a catch-up has ended (for tests).
    package func waitForUnitCopyRewrite() {
        rewritingUnitCopy.lock()
        while unitCopyRewriteRunning { rewritingUnitCopy.wait() }
        rewritingUnitCopy.unlock()
    }

    /// Writes `existing` with the `changed` units read again from `snapshot` (deleted ones left
    /// out), in increasing unit id: unchanged records are copied as they are.
    package static func merge(
        _ existing: MatchUnitFile, changing changed: Set<Int64>, from snapshot: any MatchIndexSnapshot,
        into writer: MatchUnitFileWriter
    ) throws {
        let ids = changed.sorted()
        var fetched = 0
        var fresh: [MatchUnit] = []
        var next = 0
        /// The next changed unit that still exists, read in chunks of 1,000.
        func peek() throws -> MatchUnit? {
            while next == fresh.count, fetched < ids.count {
                let chunk = ids[fetched..<min(fetched + 1000, ids.count)]
                let units = try snapshot.matchUnits(Array(chunk))
                fresh = chunk.compactMap { units[$0] }
                next = 0
                fetched += chunk.count
            }
            return next < fresh.count ? fresh[next] : nil
        }
        try existing.forEachRecord { id, record in
            while let unit = try peek(), unit.unit < id {
                try writer.append(unit)
                next += 1
            }
            if !changed.contains(id) { try writer.appendRecord(id: id, record) }
        }
        while let unit = try peek() {
            try writer.append(unit)
            next += 1
        }
    }

    // MARK: - Writing during an import

    /// Starts building the side file during an import (a ``MatchIndexImport``, the batch's
    /// ``UnitWriteObserver``), continuing the side file (with the units changed since it was
    /// written caught up from the store), or from nothing when the store holds no variants.
    /// `nil` when the file is missing, unreadable or newer than the store: the writer then calls
    /// ``save()`` at its end.
    /// - Throws: `StorageError` when the store cannot be read or the temporary files cannot be created.
    /// - Complexity: O(size of the side file) to copy its columns into the spool, plus O(changes).
    package func beginImport() throws -> MatchIndexImport? {
        try beginImport(expectedBytes: nil)
    }

    /// Starts building the side file during an import of about `expectedBytes` of TMX when that
    /// is worth it (``followsImport(expectedBytes:into:)``), as ``beginImport()`` does; `nil`
    /// also when a small import into a non-empty store should leave its units for readers to
    /// apply in memory (the writer then calls ``save()`` at its end, which leaves them pending).
    /// - Parameter expectedBytes: the bytes of TMX the import reads (a compressed file counted at
    ///   its estimated decompressed size); `nil` to build the file whatever the size.
    /// - Throws: `StorageError` when the store cannot be read or the temporary files cannot be created.
    package func beginImport(expectedBytes: Int?) throws -> MatchIndexImport? {
        let file = path
        return try source.withSnapshot { snapshot -> MatchIndexImport? in
            try Self.convertingErrors {
                let position = try snapshot.position
                if let expectedBytes, !Self.followsImport(expectedBytes: expectedBytes, into: position) { return nil }
                if position.maxVariant == 0 {  // no variants at all
                    return MatchIndexImport(spool: try MatchIndexSpool(prefix: file), file: file, reflected: position)
                }
                guard FileManager.default.fileExists(atPath: file),
                    let (index, stored) = try? Self.decode(MappedRegion(path: file)), stored.precedes(position)
                else { return nil }
                let changed = try snapshot.changedUnits(since: stored)
                let spool = try Self.continuing(index, changed: changed, file: file, from: snapshot)
                return MatchIndexImport(spool: spool, file: file, reflected: position)
            }
        }
    }

    /// The bytes of TMX an import is taken to read per unit, to estimate its units from its size.
    package static let importBytesPerUnit = 250

    /// Whether an import of about `expectedBytes` of TMX into a store at `position` builds the
    /// side file as it writes: always into an empty store; into a non-empty one when it likely
    /// holds at least ``rewriteThreshold`` units (``importBytesPerUnit`` bytes each), since fewer
    /// units are cheaper to apply on each load than a rewrite of the whole side file.
    package static func followsImport(expectedBytes: Int, into position: ChangePosition) -> Bool {
        position.maxVariant == 0 || expectedBytes >= rewriteThreshold * importBytesPerUnit
    }

    // MARK: - Plumbing

    /// Removes the `units` from `index` and adds them again from `snapshot` (deleted ones stay out).
    static func apply(_ units: Set<Int64>, to index: inout MatchIndex, from snapshot: any MatchIndexSnapshot) throws {
        index.indexesImmediately = true
        for unit in units.sorted() {
            index.remove(unit: unit)
            let variants = try snapshot.variants(ofUnit: unit).compactMap(entry)
            if !variants.isEmpty { index.add(unit: unit, variants: variants) }
        }
    }

    /// Runs `body`, turning a ``MatchingError`` of the side file into a `StorageError`.
    static func convertingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MatchingError {
            throw StorageError(.cannotOpen, "Cannot write the match index file: \(error.message)" + (error.context.map { " (\($0))" } ?? ""))
        }
    }

    /// A spool that continues `stored` with the `changed` units removed and added again from the
    /// store (the catch-up of a side file, streamed).
    static func continuing(
        _ stored: MatchIndex, changed: Set<Int64>, file: String, from snapshot: any MatchIndexSnapshot
    ) throws -> MatchIndexSpool {
        let spool = try MatchIndexSpool(prefix: file, continuing: stored)
        for unit in changed.sorted() {
            spool.remove(unit: unit)
            try append(unit: unit, variants: snapshot.variants(ofUnit: unit), to: spool)
        }
        return spool
    }

    /// Appends the variants of one unit to a spool (variants whose tag does not parse are left
    /// out, as everywhere in the index).
    static func append(unit: Int64, variants: [IndexedVariant], to spool: MatchIndexSpool) throws {
        let analysed = variants.compactMap { variant -> (id: Int64, analysis: MatchIndexAnalysis)? in
            spool.vocabulary.analyse(variant.text, languageTag: variant.language).map { (id: variant.id, analysis: $0) }
        }
        try spool.append(unit: unit, variants: analysed)
    }

    /// An index entry from a stored variant (`nil` when its tag does not parse).
    static func entry(_ variant: IndexedVariant) -> MatchIndex.Entry? {
        guard let language = LanguageTag(variant.language) else { return nil }
        return MatchIndex.Entry(id: variant.id, language: language, text: variant.text)
    }

    /// Reads a side file in place: header and index (see ``MatchIndex/init(mapping:offset:)``).
    static func decode(_ region: MappedRegion) throws -> (MatchIndex, ChangePosition) {
        guard let header = SideFileHeader(region.bytes) else {
            throw StorageError(.corruptData, "The match index file has no valid header.")
        }
        let index = try MatchIndex(mapping: region, offset: SideFileHeader.size)
        return (index, header.position)
    }

    /// The position in the header of the side file at `path`, without mapping the index.
    static func header(of path: String) -> ChangePosition? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let bytes = try? handle.read(upToCount: SideFileHeader.size) else { return nil }
        return bytes.withUnsafeBytes { SideFileHeader($0)?.position }
    }
}
