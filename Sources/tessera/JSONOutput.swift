import Foundation

/// Printing of `--json` results and of error lines.
enum JSONOutput {
    /// Prints `value` as one pretty-printed JSON document (sorted keys) on standard output (or
    /// standard error when standard output carries the command's data).
    static func print(_ value: some Encodable, toStandardError: Bool = false) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        (toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(data)
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
