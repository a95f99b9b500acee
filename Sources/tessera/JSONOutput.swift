import Foundation

/// The one JSON encoder of the command line: a `--json` document (pretty-printed, sorted keys) or
/// a JSON Lines record (`--format jsonl`), and the line printers every command uses.
enum JSONOutput {
    /// `value` as one pretty-printed JSON document with sorted keys and a final line feed.
    static func document(_ value: some Encodable) throws -> Data {
        var data = try encoder(pretty: true).encode(value)
        data.append(0x0A)
        return data
    }

    /// `value` as one JSON Lines record: compact, sorted keys, a final line feed.
    static func record(_ value: some Encodable) throws -> Data {
        var data = try encoder(pretty: false).encode(value)
        data.append(0x0A)
        return data
    }

    private static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Prints `value` as one JSON document on standard output.
    static func print(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try document(value))
    }

    /// The document printed on standard output when a `--json` command fails without a report:
    /// `{"error": "the message also printed on standard error", "status": 1}` (2 for a usage error).
    struct Failure: Encodable {
        /// The one-line message.
        var error: String
        /// The exit status.
        var status: Int32
    }

    /// Prints the ``Failure`` document on standard output.
    static func printFailure(_ message: String, status: Int32) {
        if let data = try? document(Failure(error: message, status: status)) {
            FileHandle.standardOutput.write(data)
        }
    }

    /// Prints one line on standard error.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Prints text and a line feed on standard output.
    static func printText(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
