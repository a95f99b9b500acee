import TesseraCore
import TesseraTMX

extension ImportTMX {
    /// Opens a streaming `TMXReader` for `path` (`.tmx`, `.tmx.gz` or `.tmx.zip`).
    static func openReader(path: String, skipInvalid: Bool) throws -> any TMXUnitSource {
        try TMXReader(path: path, options: skipInvalid ? [.skipInvalid] : [])
    }
}

extension TMXReader: TMXUnitSource {
    var warningCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: warnings.counts.map { ($0.key.rawValue, $0.value) })
    }

    var skippedCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for unit in skippedUnits { counts["invalid unit: \(unit.kind)", default: 0] += 1 }
        return counts
    }
}
