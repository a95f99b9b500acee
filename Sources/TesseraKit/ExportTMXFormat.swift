/// The output formats of `tessera export`.
public enum ExportTMXFormat: String, Sendable, CaseIterable, Codable {
    /// TMX 1.4b (level 1 or 2), streamed through `TMXWriter`.
    case tmx
    /// One `source<TAB>target` line per language pair; tab, line feed, carriage return and
    /// backslash escaped as `\t`, `\n`, `\r`, `\\`.
    case tsv
    /// One JSON document: `{"units": [...]}`.
    case json
    /// JSON Lines: one unit object per line.
    case jsonl

    /// The format an output path implies: `.tmx`, `.tsv`/`.tab`/`.txt`, `.json`,
    /// `.jsonl`/`.ndjson`; `-` (standard output) means TMX. `nil` for any other extension, `.gz`
    /// included: exports are not compressed (write to `-` and pipe through `gzip` instead), so a
    /// `.gz` name never holds plain XML.
    ///
    /// ```swift
    /// ExportTMXFormat.infer(from: "out.jsonl")   // .jsonl
    /// ```
    public static func infer(from path: String) -> ExportTMXFormat? {
        if path == "-" { return .tmx }
        let lower = path.lowercased()
        let table: [(suffix: String, format: ExportTMXFormat)] = [
            (".tmx", .tmx), (".tsv", .tsv), (".tab", .tsv), (".txt", .tsv),
            (".json", .json), (".jsonl", .jsonl), (".ndjson", .jsonl),
        ]
        return table.first { lower.hasSuffix($0.suffix) }?.format
    }
}
