import Foundation
import TesseraKit
import TesseraTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `tessera serve` process: SIGTERM while an import runs cancels the import (its
/// transaction rolls back), the server drains and exits 0, and the memory holds nothing of it.
struct ServeProcessTests {
    /// Why the test could not run the process.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `{"job": {"id", "status"}}`.
    struct JobBody: Decodable {
        struct Job: Decodable {
            var id: String
            var status: String
        }
        var job: Job
    }

    /// A TMX of `count` en-de units (~180 bytes each).
    static func writeTMX(_ url: URL, count: Int) throws {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>

            """
        text.reserveCapacity(count * 190)
        for number in 0..<count {
            text += "<tu><tuv xml:lang=\"en\"><seg>Pump \(number) must be checked every week.</seg></tuv>"
            text += "<tuv xml:lang=\"de\"><seg>Pumpe \(number) muss jede Woche geprüft werden.</seg></tuv></tu>\n"
        }
        text += "</body></tmx>\n"
        try Data(text.utf8).write(to: url)
    }

    @Test(.timeLimit(.minutes(3))) func sigtermDuringAnImport_cancelsItAndExitsZero() async throws {
        let executable = try #require(TesseraExecutable.find(), "no built tessera executable: run swift build --build-tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = StoreLocation.sqlite(path: folder.appendingPathComponent("tm.db").path)
        let seed = folder.appendingPathComponent("seed.tmx")
        try Self.writeTMX(seed, count: 5)
        #expect(try ImportTMX(database: database).run(files: [seed.path]).succeeded)
        let key = try APIKeys(location: database).create(scope: .write, memory: nil).key
        let big = folder.appendingPathComponent("big.tmx")
        try Self.writeTMX(big, count: 50_000)

        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--db", folder.appendingPathComponent("tm.db").path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard let url = line.split(separator: "\n").first.flatMap({ $0.hasPrefix("listening on ") ? $0.dropFirst(13) : nil }) else {
            throw Failure(description: "tessera serve printed '\(line)'")
        }

        var request = URLRequest(url: URL(string: "\(url)/api/v1/import?format=tmx")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.upload(for: request, from: try Data(contentsOf: big))
        #expect((response as? HTTPURLResponse)?.statusCode == 202)
        let job = try JSONDecoder().decode(JobBody.self, from: data).job
        let (polled, _) = try await URLSession.shared.data(
            for: { var poll = URLRequest(url: URL(string: "\(url)/api/v1/jobs/\(job.id)")!)
                poll.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
                return poll
            }())
        #expect(try JSONDecoder().decode(JobBody.self, from: polled).job.status == "running")

        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<600 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(try Stats(database: database).run().units == 5)
        let uploads = folder.appendingPathComponent("tm.uploads").path
        #expect((FileManager.default.subpaths(atPath: uploads) ?? []).isEmpty)
    }
}
