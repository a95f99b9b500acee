/// The duplicate look-up of a bulk import (a batch written into an empty memory), kept in memory
/// while the SQL indexes are dropped.
///
/// Unit ids of such a batch are dense from the first one, so entries sit in an array; the two maps
/// hold the first unit per content hash and per tuid key, with an overflow list for hash
/// collisions between different units. About 40 bytes per unit plus the maps.
struct BulkIndex {
    /// What the duplicate check and a replacement need about a stored unit.
    struct Entry {
        var changed: Int64?
        var firstVariant: Int64
        var variantCount: Int
        var sourceOffset: Int
        var hash: Int64
        var tuidKey: Int64?
    }

    private(set) var firstUnitID: Int64?
    private var entries: [Entry?] = []
    private var byHash: [Int64: Int64] = [:]
    private var byTuidKey: [Int64: Int64] = [:]
    private var overflow: [Int64: [Int64]] = [:]
    private var tuidOverflow: [Int64: [Int64]] = [:]

    /// The entry of a unit written in this batch.
    func entry(_ unitID: Int64) -> Entry? {
        guard let first = firstUnitID, unitID >= first, unitID - first < Int64(entries.count) else { return nil }
        return entries[Int(unitID - first)]
    }

    /// Units with this content hash.
    func units(hash: Int64) -> [Int64] {
        guard let id = byHash[hash] else { return [] }
        return [id] + (overflow[hash] ?? [])
    }

    /// Units with this tuid key.
    func units(tuidKey: Int64) -> [Int64] {
        guard let id = byTuidKey[tuidKey] else { return [] }
        return [id] + (tuidOverflow[tuidKey] ?? [])
    }

    /// Records (or re-records after a replacement) a unit.
    mutating func record(_ unitID: Int64, _ entry: Entry) {
        if firstUnitID == nil { firstUnitID = unitID }
        guard let first = firstUnitID, unitID >= first else { return }
        let slot = Int(unitID - first)
        if let old = self.entry(unitID) { forget(unitID, old) }
        while entries.count <= slot { entries.append(nil) }
        entries[slot] = entry
        if byHash[entry.hash] == nil { byHash[entry.hash] = unitID } else { overflow[entry.hash, default: []].append(unitID) }
        if let key = entry.tuidKey {
            if byTuidKey[key] == nil { byTuidKey[key] = unitID } else { tuidOverflow[key, default: []].append(unitID) }
        }
    }

    private mutating func forget(_ unitID: Int64, _ entry: Entry) {
        if byHash[entry.hash] == unitID {
            byHash[entry.hash] = overflow[entry.hash]?.first
            if overflow[entry.hash]?.isEmpty == false { overflow[entry.hash]?.removeFirst() }
        } else {
            overflow[entry.hash]?.removeAll { $0 == unitID }
        }
        guard let key = entry.tuidKey else { return }
        if byTuidKey[key] == unitID {
            byTuidKey[key] = tuidOverflow[key]?.first
            if tuidOverflow[key]?.isEmpty == false { tuidOverflow[key]?.removeFirst() }
        } else {
            tuidOverflow[key]?.removeAll { $0 == unitID }
        }
    }
}
