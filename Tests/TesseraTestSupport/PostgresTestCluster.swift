public import Foundation

/// A PostgreSQL cluster of a test's own (`Scripts/postgres.sh` in a temporary folder, on a free
/// port), for the fault tests that stop and restart the server: they must not disturb the shared
/// test server (``PostgresTestServer``) that other tests use at the same time.
///
/// ```swift
/// let cluster = try PostgresTestCluster.start()
/// defer { cluster.stop() }
/// try cluster.stopServer(); try cluster.startServer()   // PostgreSQL down, then back
/// ```
public final class PostgresTestCluster: Sendable {
    /// The URL of the cluster's `postgres` database.
    public let url: String
    /// The cluster's folder.
    public let folder: URL
    /// The port.
    public let port: Int

    /// Why the cluster could not be run.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    private init(url: String, folder: URL, port: Int) {
        self.url = url
        self.folder = folder
        self.port = port
    }

    /// Whether clusters can be made here (PostgreSQL's initdb is installed).
    public static var isAvailable: Bool {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.contains { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
    }

    /// Makes and starts a cluster (a few seconds: initdb).
    /// - Throws: ``Failure`` when the script fails.
    public static func start() throws -> PostgresTestCluster {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tessera-pg-\(UUID().uuidString.prefix(8))")
        let port = Int.random(in: 40000...59000)
        let output = try script(["start", folder.path, String(port)])
        guard let url = output.split(separator: "\n").last.map(String.init), url.hasPrefix("postgres://") else {
            throw Failure(description: "postgres.sh start printed no URL: \(output)")
        }
        return PostgresTestCluster(url: url, folder: folder, port: port)
    }

    /// Stops PostgreSQL (fast shutdown: connections are cut), keeping the data.
    public func stopServer() throws { _ = try Self.script(["stop", folder.path]) }

    /// Starts PostgreSQL again on the same port with the same data.
    public func startServer() throws { _ = try Self.script(["start", folder.path, String(port)]) }

    /// Stops the cluster and removes its folder.
    public func stop() {
        _ = try? Self.script(["stop", folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `Scripts/postgres.sh` with `arguments`; returns what it printed.
    static func script(_ arguments: [String]) throws -> String {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }  // file, TesseraTestSupport, Tests
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("Scripts/postgres.sh").path] + arguments
        // A file, not a pipe: the PostgreSQL server started by the script inherits the
        // descriptors of its parents, so a pipe would never reach its end.
        let log = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tessera-pg-script-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure(description: "postgres.sh \(arguments.joined(separator: " ")) failed: \(output)")
        }
        return output
    }
}
