import Foundation
import TesseraKit
import TesseraTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `tessera serve` on PostgreSQL, as real processes: two instances on one memory see each
/// other's writes within a second; PostgreSQL stopped under a running server gives 503s, and the
/// server recovers by itself when PostgreSQL is back; an import cut off by the stop commits
/// nothing.
@Suite(.serialized) struct PostgresServeTests {
    /// Why the test could not run a process.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A running `tessera serve`, stopped when released.
    final class Server {
        let process: Process
        let url: String

        init(database: String) throws {
            let executable = try #require(TesseraExecutable.find(), "no built tessera executable: run swift build --build-tests")
            process = Process()
            process.executableURL = executable
            process.arguments = ["serve", "--db", database, "--port", "0"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            guard let url = line.split(separator: "\n").first.flatMap({ $0.hasPrefix("listening on ") ? $0.dropFirst(13) : nil }) else {
                process.terminate()
                throw Failure(description: "tessera serve printed '\(line)'")
            }
            self.url = String(url)
        }

        deinit {
            // Not waitUntilExit: it spins a run loop that a test thread may not have.
            if process.isRunning { process.terminate() }
            for _ in 0..<100 where process.isRunning { usleep(50_000) }
        }

        /// Sends a request; returns the status, the `Retry-After` header and the body.
        func send(_ method: String, _ path: String, key: String? = nil, body: Data? = nil) async throws -> (Int, String?, Data) {
            var request = URLRequest(url: URL(string: url + path)!)
            request.httpMethod = method
            request.timeoutInterval = 20
            if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
            if let body {
                request.httpBody = body
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            return (http.statusCode, http.value(forHTTPHeaderField: "Retry-After"), data)
        }
    }

    /// `{"matches":[{"target":...}]}` of a lookup, as far as the tests read it.
    struct LookupBody: Decodable {
        struct Match: Decodable {
            var score: Int
        }
        var matches: [Match]
    }

    /// A memory with a few units at `database`, and a write key for it.
    static func seed(_ database: String, folder: URL, units: Int = 5) throws -> String {
        let location = StoreLocation(database)
        let seed = folder.appendingPathComponent("seed.tmx")
        try ServeProcessTests.writeTMX(seed, count: units)
        #expect(try ImportTMX(database: location).run(files: [seed.path]).succeeded)
        return try APIKeys(location: location).create(scope: .write, memory: nil).key
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-pgserve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: PostgresTestServer.isAvailable), .timeLimit(.minutes(3)))
    func unitWrittenThroughOneInstanceIsFoundThroughTheOtherWithinASecond() async throws {
        let database = try #require(PostgresTestServer.freshURL("serve"))
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try Self.seed(database, folder: folder)
        let first = try Server(database: database)
        let second = try Server(database: database)
        let lookup = "/api/v1/lookup?source=en&target=de&q=" + "The hydraulic valve is replaced every spring.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        // The second instance has loaded its index and does not know the sentence yet.
        let (before, _, beforeBody) = try await second.send("GET", lookup, key: key)
        #expect(before == 200)
        #expect(try JSONDecoder().decode(LookupBody.self, from: beforeBody).matches.isEmpty)

        let unit = #"{"variants":[{"language":"en","text":"The hydraulic valve is replaced every spring."},{"language":"de","text":"Das Hydraulikventil wird jeden Frühling ersetzt."}]}"#
        let (created, _, _) = try await first.send("POST", "/api/v1/units", key: key, body: Data(unit.utf8))
        #expect(created == 201)
        let written = Date()
        var found = false
        while !found, Date().timeIntervalSince(written) < 1.0 {
            let (status, _, body) = try await second.send("GET", lookup, key: key)
            found = try status == 200 && (JSONDecoder().decode(LookupBody.self, from: body).matches.first?.score == 100)
            if !found { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(found, "the second instance did not find the unit within 1 s")
    }

    @Test(.enabled(if: PostgresTestServer.isAvailable && PostgresTestCluster.isAvailable), .timeLimit(.minutes(3)))
    func postgresRestartedUnderTheServer_503ThenRecoversWithoutRestart_andTheCutImportCommitsNothing() async throws {
        let cluster = try PostgresTestCluster.start()
        defer { cluster.stop() }
        let database = cluster.url + "?connect_timeout=2"
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try Self.seed(database, folder: folder)
        let server = try Server(database: database)
        let lookup = "/api/v1/lookup?source=en&target=de&q=" + "Pump 3 must be checked every week.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(try await server.send("GET", lookup, key: key).0 == 200)

        // An import big enough to be running when PostgreSQL stops.
        let big = folder.appendingPathComponent("big.tmx")
        try ServeProcessTests.writeTMX(big, count: 60_000)
        let (accepted, _, jobBody) = try await server.send("POST", "/api/v1/import?format=tmx", key: key, body: try Data(contentsOf: big))
        #expect(accepted == 202)
        let job = try JSONDecoder().decode(ServeProcessTests.JobBody.self, from: jobBody).job
        // Stopped at once: the job is reading the upload or writing (or has not connected yet);
        // either way it must fail and commit nothing.
        try cluster.stopServer()
        let (down, retryAfter, _) = try await server.send("GET", lookup, key: key)
        #expect(down == 503)
        #expect(retryAfter == "1")
        // The server keeps serving what needs no database.
        #expect(try await server.send("GET", "/health").0 == 200)

        try cluster.startServer()
        var status = 0
        for _ in 0..<50 where status != 200 {
            status = try await server.send("GET", lookup, key: key).0
            if status != 200 { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(status == 200, "the server did not recover after PostgreSQL came back")

        // The import was cut off: it failed (at the latest after TESSERA_PG_QUERY_TIMEOUT, when its
        // connection went quiet instead of being reset), and the memory holds only the seed.
        var jobStatus = "running"
        for _ in 0..<900 where jobStatus == "running" {
            let (_, _, body) = try await server.send("GET", "/api/v1/jobs/\(job.id)", key: key)
            jobStatus = try JSONDecoder().decode(ServeProcessTests.JobBody.self, from: body).job.status
            if jobStatus == "running" { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(jobStatus == "failed")
        let stats = try Stats(database: StoreLocation(database)).run()
        #expect(stats.units == 5)
    }
}
