public import Foundation
public import TesseraCore
import TesseraText

/// Reads a glossary file of any supported format, chosen by content and extension: TBX (a file
/// that starts with `<` after the BOM, or `.tbx`/`.xml`), else delimited text (`.csv`: comma or
/// semicolon; `.tsv`, `.tab`, `.txt`: tab; otherwise sniffed).
///
/// ```swift
/// let entries = try GlossaryFileReader.read(path: "defence.csv", languages: nil)
/// ```
public enum GlossaryFileReader {
    /// The formats Tessera reads.
    public enum Format: String, Sendable, Hashable {
        /// TBX 2 or TBX 3.
        case tbx
        /// Comma/semicolon-separated values.
        case csv
        /// Tab-separated values (incl. the OmegaT tab format).
        case tsv
    }

    /// The format of a file.
    public static func format(of path: String, data: Data) -> Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".tbx") { return .tbx }
        var bytes = [UInt8](data.prefix(64)).drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0xFF || $0 == 0xFE || $0 == 0 }
        while let first = bytes.first, first == 0x20 || first == 0x0A || first == 0x0D || first == 0x09 { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "<") { return .tbx }
        if lower.hasSuffix(".csv") { return .csv }
        return .tsv
    }

    /// Reads a glossary file strictly.
    /// - Parameters:
    ///   - path: The file.
    ///   - languages: Source and target for headerless delimited files (OmegaT layout).
    /// - Throws: ``GlossaryError`` with file and line.
    public static func read(path: String, languages: (LanguageTag, LanguageTag)?) throws -> [TermEntry] {
        var warnings: [GlossaryWarning] = []
        var replaced = 0
        return try read(path: path, languages: languages, lenient: false, warnings: &warnings, replacedCharacters: &replaced)
    }

    /// Reads a glossary file, collecting warnings and counting replaced characters.
    ///
    /// Delimited text is decoded by `TextFile` (UTF-8 with or without BOM, UTF-16 with BOM) and
    /// every character XML cannot carry is replaced by U+FFFD (`XMLCharacterPolicy`), so that the
    /// glossary can be exported as TBX; TBX is read by the XML parser, which refuses them.
    /// - Parameters:
    ///   - path: The file.
    ///   - languages: Source and target for headerless delimited files (OmegaT layout).
    ///   - lenient: TBX structure and picklist problems are appended to `warnings` and the data is
    ///     kept instead of throwing.
    ///   - warnings: Receives the problems a lenient read kept.
    ///   - replacedCharacters: Increased by the number of characters replaced.
    /// - Throws: ``GlossaryError`` with file and line.
    public static func read(
        path: String, languages: (LanguageTag, LanguageTag)?, lenient: Bool, warnings: inout [GlossaryWarning],
        replacedCharacters: inout Int
    ) throws -> [TermEntry] {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GlossaryError(.unreadable, "The file does not exist or cannot be read.", file: path)
        }
        let format = format(of: path, data: data)
        if format == .tbx { return try TBXReader.read(bytes: [UInt8](data), name: name, lenient: lenient, warnings: &warnings) }
        var text: String
        do {
            text = try TextFile(bytes: [UInt8](data), name: name).text
        } catch {
            throw GlossaryError(.unreadable, error.message, file: error.file, line: error.line, column: error.column)
        }
        replacedCharacters += XMLCharacterPolicy.sanitize(&text)
        return try DelimitedGlossaryReader.read(
            text: text, file: name, delimiter: format == .tsv ? "\t" : nil, languages: languages)
    }
}
