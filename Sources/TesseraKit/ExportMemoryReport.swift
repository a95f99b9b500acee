/// What `tessera export` wrote.
public struct ExportMemoryReport: Codable, Sendable, Equatable {
    /// The output path (`-` for standard output).
    public var output: String
    /// The format written.
    public var format: ExportMemoryFormat
    /// Units written (TMX, JSON) or units that gave at least one pair (TSV).
    public var units: Int = 0
    /// Source -> target pairs written (TSV lines; for TMX and JSON the pairs the units hold).
    public var pairs: Int = 0
    /// Units of the memory left out because they lack the requested languages.
    public var skipped: Int = 0
    /// Warnings, one sentence each: an export that wrote no unit says so and why.
    public var warnings: [String] = []

    /// Creates an empty report.
    package init(output: String, format: ExportMemoryFormat) {
        self.output = output
        self.format = format
    }

    /// The human-readable summary.
    public var summary: String {
        "Exported \(Plural.count(units, "unit")) (\(Plural.count(pairs, "pair"))) as \(format.rawValue) to \(output == "-" ? "standard output" : output)"
            + (skipped > 0 ? "; \(Plural.count(skipped, "unit")) without the requested languages left out." : ".")
    }
}
