import Foundation
public import TesseraCore
import TesseraIO
import TesseraStorage
import TesseraText

/// The `export` use case: writes a translation memory (or the part with the requested
/// languages) as TMX 1.4b, TSV or JSON, streaming unit by unit.
///
/// Variant choice: the source variant is the best match for `source` (exact tag, then the base
/// language or a regional variant, then a sibling region: `TranslationUnit.bestVariant(for:)`),
/// else the unit's effective source variant; each target is the best match for each requested
/// target, else every other language of the unit. With no language options a TMX export writes
/// every unit whole, so that re-importing it gives identical units.
///
/// ```swift
/// let report = try ExportTMX(database: DatabaseLocation(option: "tm.db"), output: "out.tsv", format: .tsv,
///                            source: LanguageTag("en-US"), targets: [LanguageTag("fr-CA")!]).run()
/// ```
public struct ExportTMX: Sendable {
    /// The memory to read.
    public var database: DatabaseLocation
    /// The output path, `-` for standard output.
    public var output: String
    /// The output format.
    public var format: ExportTMXFormat
    /// The source language, if restricted.
    public var source: LanguageTag?
    /// The target languages, if restricted.
    public var targets: [LanguageTag]
    /// TMX level: 1 (plain text) or 2 (inline codes). Also chooses plain text or markup in TSV.
    public var level: Int

    /// Creates the use case.
    ///
    /// - Parameter level: 1 or 2; `nil` means 2 for TMX and JSON, 1 for TSV.
    public init(
        database: DatabaseLocation, output: String, format: ExportTMXFormat, source: LanguageTag? = nil,
        targets: [LanguageTag] = [], level: Int? = nil
    ) {
        precondition(level == nil || level == 1 || level == 2, "The TMX level must be 1 or 2.")
        self.database = database
        self.output = output
        self.format = format
        self.source = source
        self.targets = targets
        self.level = level ?? (format == .tsv ? 1 : 2)
    }

    /// Writes the export.
    ///
    /// - Returns: what was written.
    /// - Throws: ``KitError`` (no database, output not writable), `StorageError`, `TMXError`/`XMLError`.
    /// - Complexity: O(*n*) in the units of the memory, one page of units in memory at a time.
    public func run() throws -> ExportTMXReport {
        guard database.exists else {
            throw KitError(.noDatabase, "No translation memory at \(database.path).")
        }
        let memory = try TesseraStorage.TranslationMemory.open(path: database.path)
        let filter = UnitFilter(source: source, targets: targets)
        var report = ExportTMXReport(output: output, format: format)
        switch format {
        case .tmx:
            let sourceLanguage = try headerSourceLanguage(memory)
            let writer = try Self.openWriter(path: output, sourceLanguage: sourceLanguage, level: level)
            try memory.forEachUnit(matching: filter) { stored in
                guard let selection = select(stored) else { report.skipped += 1; return }
                try writer.write(selection.unit)
                report.units += 1
                report.pairs += selection.targets.count
            }
            try writer.finish()
        case .tsv, .json, .jsonl:
            let out = try OutputFile(path: output)
            if format == .json { try out.write("{\"units\":[\n") }
            if format == .tsv { try out.write(Self.tsvHeader.joined(separator: "\t") + "\n") }
            var first = true
            try memory.forEachUnit(matching: filter) { stored in
                guard let selection = select(stored) else { report.skipped += 1; return }
                switch format {
                case .tsv:
                    guard !selection.targets.isEmpty else { report.skipped += 1; return }
                    for target in selection.targets {
                        try out.write(
                            "\(selection.source.language)\t\(target.language)\t" + tsvField(selection.source) + "\t" + tsvField(target) + "\n")
                    }
                case .json, .jsonl:
                    let line = try ExportTMXJSON.encode(stored, unit: selection.unit, level: level)
                    try out.write(format == .json ? (first ? "" : ",\n") + line : line + "\n")
                case .tmx:
                    break
                }
                first = false
                report.units += 1
                report.pairs += selection.targets.count
            }
            if format == .json { try out.write("\n]}\n") }
            try out.close()
        }
        if report.units == 0 { report.warnings.append(emptyExportWarning(skipped: report.skipped)) }
        return report
    }

    /// The variants an export writes for one unit, or `nil` when the unit lacks a requested
    /// language.
    func select(_ stored: StoredUnit) -> (unit: TranslationUnit, source: Variant, targets: [Variant])? {
        let unit = stored.unit
        let sourceVariant: Variant?
        if let source, !source.isWildcard {
            sourceVariant = unit.bestVariant(for: source)
        } else {
            sourceVariant = unit.variant(exactly: stored.sourceLanguage) ?? unit.variants.first
        }
        guard let sourceVariant else { return nil }
        var chosen: [Variant] = []
        if targets.isEmpty {
            var seen: Set<LanguageTag> = [sourceVariant.language]
            chosen = unit.variants.filter { seen.insert($0.language).inserted }
        } else {
            for target in targets {
                guard let variant = unit.bestVariant(for: target), variant.language != sourceVariant.language,
                    !chosen.contains(where: { $0.language == variant.language })
                else { continue }
                chosen.append(variant)
            }
            guard !chosen.isEmpty else { return nil }
        }
        if source == nil, targets.isEmpty {
            return (unit, sourceVariant, chosen)
        }
        var narrowed = unit
        narrowed.variants = [sourceVariant] + chosen
        return (narrowed, sourceVariant, chosen)
    }

    /// The header `srclang`: the requested source; else `*all*` when an imported file's header said
    /// so (written back verbatim, not replaced by the language the units happen to start with);
    /// else the one effective source language of all units; else `*all*`.
    private func headerSourceLanguage(_ memory: TesseraStorage.TranslationMemory) throws -> LanguageTag {
        if let source { return source }
        if try memory.headerSourceLanguages().contains(.all) { return .all }
        let counts = try memory.sourceLanguageCounts()
        if counts.count == 1, let only = LanguageTag(counts[0].language) { return only }
        return .all
    }

    /// The columns of a TSV export (its first line): one row per source -> target pair, so that
    /// a multi-target export says which language each row holds.
    public static let tsvHeader = ["source_language", "target_language", "source", "target"]

    /// The warning of an export that wrote no unit: which languages were missing, or that the
    /// memory is empty.
    private func emptyExportWarning(skipped: Int) -> String {
        var wanted: [String] = []
        if let source { wanted.append("source language \(source)") }
        if !targets.isEmpty { wanted.append("target language \(targets.map(\.description).joined(separator: ", "))") }
        if wanted.isEmpty { return "0 units written: the memory is empty." }
        let checked = skipped > 0 ? " (\(skipped) units checked)" : ""
        return "0 units written: no unit has the \(wanted.joined(separator: " and "))\(checked)."
    }

    private func tsvField(_ variant: Variant) -> String {
        TSVField.escape(level == 2 ? variant.segment.tmxMarkup : variant.segment.plainText)
    }
}

/// What the TMX export needs from a TMX writer.
protocol TMXUnitWriter: AnyObject {
    /// Writes one unit.
    func write(_ unit: TranslationUnit) throws
    /// Closes the body and the document.
    func finish() throws
}
