import TesseraIO

/// The output formats of `tessera export`.
public enum ExportMemoryFormat: String, Sendable, CaseIterable, Codable {
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
    /// `.jsonl`/`.ndjson`, each optionally followed by `.gz` or `.zip` (the output is then
    /// compressed: TesseraIO's `OutputFile`); `-` (standard output) means TMX. `nil` for any other
    /// extension.
    ///
    /// ```swift
    /// ExportMemoryFormat.infer(from: "out.jsonl")   // .jsonl
    /// ExportMemoryFormat.infer(from: "out.tmx.gz")   // .tmx (written as gzip)
    /// ```
    public static func infer(from path: String) -> ExportMemoryFormat? {
        if path == "-" { return .tmx }
        let lower = OutputFile.uncompressedName(path).lowercased()
        let table: [(suffix: String, format: ExportMemoryFormat)] = [
            (".tmx", .tmx), (".tsv", .tsv), (".tab", .tsv), (".txt", .tsv),
            (".json", .json), (".jsonl", .jsonl), (".ndjson", .jsonl),
        ]
        return table.first { lower.hasSuffix($0.suffix) }?.format
    }
}
