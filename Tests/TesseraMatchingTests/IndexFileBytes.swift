import Foundation
import TesseraMatchIndex
import TesseraMatching

/// Side-file bytes for tests, written by the one writer (``MatchIndexSpool``): an index built in
/// memory is copied into a spool (`continuing:`) and finished to a temporary file.
enum IndexFileBytes {
    /// The bytes of the index file of `index` (no header before the index).
    static func written(_ index: MatchIndex, generation: UInt64 = 0) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-written-\(UUID().uuidString).idx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let spool = try MatchIndexSpool(prefix: path, continuing: index)
        try spool.finish(writingTo: path, header: [], generation: generation)
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Maps `bytes` written to a temporary file (removed at once: the mapping keeps the pages).
    static func read(_ bytes: [UInt8]) throws -> MatchIndex {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-read-\(UUID().uuidString).idx")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try MatchIndex(mapping: MappedRegion(path: url.path))
    }
}
