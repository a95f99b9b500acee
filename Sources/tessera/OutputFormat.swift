import ArgumentParser

/// What a command prints on standard output: text for people, one JSON document (`--json` or
/// `--format json`), JSON Lines (`--format jsonl`: one record a line, batch modes only) or TSV with
/// a header row (`--format tsv`, batch modes only).
///
/// ``resolve(json:format:allowed:default:)`` is the one place that turns `--json` and `--format`
/// into the format a command prints.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Lines for people.
    case text
    /// One JSON document.
    case json
    /// One JSON object a line.
    case jsonl
    /// Tab-separated values with a header row.
    case tsv

    /// The format `--json` and `--format` ask for.
    ///
    /// ```swift
    /// try OutputFormat.resolve(json: true, format: nil, allowed: [.text, .json], default: .text)   // .json
    /// ```
    /// - Parameters:
    ///   - json: Whether `--json` was given.
    ///   - format: The `--format` given, if any.
    ///   - allowed: The formats of the command's mode.
    ///   - default: The format without either option.
    /// - Throws: `ValidationError` (a usage error) for a format the mode does not offer, or
    ///   `--json` with a format other than `json`.
    static func resolve(json: Bool, format: OutputFormat?, allowed: [OutputFormat], default: OutputFormat) throws -> OutputFormat {
        guard let format else { return json ? .json : `default` }
        guard allowed.contains(format) else {
            throw ValidationError(
                "--format \(format.rawValue) is not offered here; use one of \(allowed.map(\.rawValue).joined(separator: ", ")).")
        }
        if json, format != .json {
            throw ValidationError("--json prints one JSON document; it cannot be combined with --format \(format.rawValue).")
        }
        return format
    }
}
