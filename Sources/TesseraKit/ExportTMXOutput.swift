import Foundation

/// A buffered text output to a file or standard output (`-`), for the TSV and JSON exports.
final class ExportTMXOutput {
    private let handle: FileHandle
    private let closes: Bool
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    /// Opens (creating or truncating) `path`, or standard output for `-`.
    init(path: String) throws {
        if path == "-" {
            handle = FileHandle.standardOutput
            closes = false
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                let handle = FileHandle(forWritingAtPath: path)
            else { throw KitError(.cannotWrite, "Cannot create the output file \(path).") }
            self.handle = handle
            closes = true
        }
        buffer.reserveCapacity(Self.flushSize * 2)
    }

    /// Appends text.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes the buffer out.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw KitError(.cannotWrite, "Cannot write the output: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    func close() throws {
        try flush()
        if closes { try? handle.close() }
    }
}
