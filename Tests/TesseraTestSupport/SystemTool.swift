public import Foundation

/// Runs a command-line tool of the system (`zip`, `gzip`, `bzip2`, ...) that a test needs to make
/// its input. A missing tool or a failed run throws, so the test fails instead of passing without
/// checking anything; `.ci/run` and `Scripts/quickstart.sh` install the tools the tests use.
public enum SystemTool {
    /// Why a tool could not do its job.
    public struct Failure: Error, CustomStringConvertible {
        /// One line: the tool and what went wrong.
        public var description: String
    }

    /// Runs `tool arguments` in `folder` and waits for it.
    /// - Throws: ``Failure`` when the tool is not in /usr/bin or /bin, or exits with a non-zero status.
    public static func run(_ tool: String, _ arguments: [String], in folder: URL) throws {
        guard let url = ["/usr/bin/", "/bin/"].map({ URL(fileURLWithPath: $0 + tool) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { throw Failure(description: "\(tool) is not installed (apt-get install \(tool))") }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}
