import Foundation
import Hummingbird
import HummingbirdTesting
import TesseraCore
import TesseraKit
import TesseraSQLite
import TesseraStorage
import TesseraTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@testable import TesseraServer

/// `POST /api/v1/import`, `GET /api/v1/jobs/{id}` and `GET /api/v1/export` on a real socket.
struct TransferRoutesTests {
    /// A job as the API shows it (the fields the tests read).
    struct JobView: Decodable {
        var id: String
        var kind: String
        var status: String
        var bytes: Int
        var bytesDone: Int
        var units: Int
        var error: String?
    }

    /// `{"job": ...}`.
    struct JobBody: Decodable { var job: JobView }

    /// A TMX of `count` en-de units whose texts carry `marker`.
    static func tmx(_ marker: String, count: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>

            """
        for number in 0..<count {
            text += "<tu><tuv xml:lang=\"en\"><seg>The \(marker) valve number \(number) is open.</seg></tuv>"
            text += "<tuv xml:lang=\"de\"><seg>Das \(marker) Ventil Nummer \(number) ist offen.</seg></tuv></tu>\n"
        }
        return text + "</body></tmx>\n"
    }

    /// The memory's unit count, read straight from the database file.
    static func units(_ fixture: ServiceFixture) throws -> Int {
        try Stats(database: .sqlite(path: fixture.path)).run().units
    }

    /// The files left in the upload folder.
    static func uploads(_ fixture: ServiceFixture) -> [String] {
        (FileManager.default.subpaths(atPath: fixture.service.gateway.uploadFolder) ?? [])
    }

    /// Uploads `body` and returns the response.
    static func upload(
        _ client: any TestClientProtocol, _ body: String, query: String = "format=tmx", key: String
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/import?\(query)", method: .post, headers: [.authorization: "Bearer \(key)", .contentType: "application/x-tmx+xml"],
            body: ByteBuffer(string: body))
    }

    /// Polls the job until it is no longer running.
    static func finished(_ client: any TestClientProtocol, _ id: String) async throws -> JobView {
        for _ in 0..<500 {
            let job = try decoded(JobBody.self, try await client.execute(uri: "/api/v1/jobs/\(id)", method: .get)).job
            if job.status != "running" { return job }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ServiceError(.requestTimeout, "job \(id) still running")
    }

    @Test func importTMX_runsAJobToDoneAndTheUnitsAreFound() async throws {
        let fixture = try ServiceFixture()
        let key = try fixture.key(.write)
        let before = try Self.units(fixture)
        let body = Self.tmx("zebrafish", count: 3)
        try await fixture.test(.live) { client in
            let response = try await Self.upload(client, body, key: key)
            #expect(response.status == .accepted)
            let started = try decoded(JobBody.self, response).job
            #expect(response.headers[.location] == "/api/v1/jobs/\(started.id)")
            #expect(started.kind == "import" && started.bytes == body.utf8.count)
            let job = try await Self.finished(client, started.id)
            #expect(job.status == "done" && job.error == nil && job.units == 3 && job.bytesDone == job.bytes)
            let lookup = try await client.execute(
                uri: "/api/v1/lookup?q=The+zebrafish+valve+number+1+is+open.&source=en&target=de", method: .get)
            let result = try decoded(API.LookupResult.self, lookup)
            #expect(result.matches.first?.target == "Das zebrafish Ventil Nummer 1 ist offen.")
            #expect(result.matches.first?.score == 100)
            #expect(Self.uploads(fixture).isEmpty)
        }
        #expect(try Self.units(fixture) == before + 3)
    }

    /// Issue 11: many clients look up while an import runs through the API: every lookup
    /// answers 200 with the stored match, none errors, and the import commits once (its units are
    /// there exactly once, found by a lookup after the job is done).
    @Test func lookupsWhileAnImportRuns_allAnswer_andTheImportCommitsOnce() async throws {
        let fixture = try ServiceFixture()
        let key = try fixture.key(.write)
        let before = try Self.units(fixture)
        let body = Self.tmx("kingfisher", count: 20_000)
        try await fixture.test(.live) { client in
            let response = try await Self.upload(client, body, key: key)
            #expect(response.status == .accepted)
            let started = try decoded(JobBody.self, response).job
            let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<32 {
                    group.addTask {
                        var good = true
                        for _ in 0..<10 {
                            let lookup = try await client.execute(
                                uri: "/api/v1/lookup?q=The+translation+memory+is+ready.&source=en&target=pt-BR", method: .get,
                                headers: [.authorization: "Bearer \(key)"])
                            let result = try decoded(API.LookupResult.self, lookup)
                            good = good && lookup.status == .ok && result.matches.first?.score == 100
                        }
                        return good
                    }
                }
                var answered = 0
                for try await good in group where good { answered += 1 }
                return answered
            }
            #expect(answered == 32)
            let job = try await Self.finished(client, started.id)
            #expect(job.status == "done" && job.units == 20_000)
            let lookup = try await client.execute(
                uri: "/api/v1/lookup?q=The+kingfisher+valve+number+19999+is+open.&source=en&target=de&limit=5", method: .get,
                headers: [.authorization: "Bearer \(key)"])
            let result = try decoded(API.LookupResult.self, lookup)
            #expect(result.matches.filter { $0.score == 100 }.count == 1)
        }
        #expect(try Self.units(fixture) == before + 20_000)
    }

    @Test func importTBX_storesTheGlossary() async throws {
        let fixture = try ServiceFixture()
        let key = try fixture.key(.write)
        let tbx = try String(contentsOf: SharedData.packageRoot.appendingPathComponent("Glossaries/defence.tbx"), encoding: .utf8)
        try await fixture.test(.live) { client in
            let response = try await Self.upload(client, tbx, query: "format=tbx&glossary=uploaded", key: key)
            #expect(response.status == .accepted)
            let job = try await Self.finished(client, try decoded(JobBody.self, response).job.id)
            #expect(job.status == "done" && job.units > 0)
        }
        let glossaries = try GlossaryList(database: .sqlite(path: fixture.path)).run()
        #expect(glossaries.contains { $0.name == "uploaded" && $0.concepts > 0 })
    }

    @Test func malformedTMX_failsWithItsPositionAndChangesNothing() async throws {
        let fixture = try ServiceFixture()
        let key = try fixture.key(.write)
        let before = try Self.units(fixture)
        // Two good units, then a unit whose <tuv> is never closed: the first two must not stay.
        let body = Self.tmx("broken", count: 2).replacingOccurrences(of: "</body>", with: "<tu><tuv xml:lang=\"en\"><seg>x</seg></tu></body>")
        try await fixture.test(.live) { client in
            let response = try await Self.upload(client, body, key: key)
            #expect(response.status == .accepted)
            let job = try await Self.finished(client, try decoded(JobBody.self, response).job.id)
            #expect(job.status == "failed")
            let error = try #require(job.error)
            #expect(error.wholeMatch(of: /upload\.tmx:\d+:\d+: .+/) != nil, "\(error)")
            #expect(!error.contains(fixture.service.gateway.uploadFolder))
            #expect(Self.uploads(fixture).isEmpty)
        }
        #expect(try Self.units(fixture) == before)
    }

    @Test(arguments: [
        ("format=xliff", HTTPResponse.Status.badRequest),
        ("format=tmx&memory=other", .notFound),
        ("format=tmx&memory=no%20spaces", .badRequest),
        ("format=tmx&policy=sometimes", .badRequest),
        ("format=tbx", .badRequest),
    ])
    func importOptions_areChecked(query: String, status: HTTPResponse.Status) async throws {
        let fixture = try ServiceFixture()
        let key = try fixture.key(.write)
        try await fixture.test(.live) { client in
            let response = try await Self.upload(client, Self.tmx("x", count: 1), query: query, key: key)
            #expect(response.status == status)
            #expect(errorMessage(response) != nil)
        }
    }

    @Test func import_needsTheWriteScope() async throws {
        let fixture = try ServiceFixture()
        let key = try fixture.key(.read)
        try await fixture.test(.live) { client in
            let response = try await Self.upload(client, Self.tmx("x", count: 1), key: key)
            #expect(response.status == .forbidden)
        }
    }

    @Test func uploadOverTheLimit_is413AndLeavesNothing() async throws {
        var limits = ServiceLimits()
        limits.maxUploadBytes = 2_000
        #expect(limits.maxBodyBytes < 1 << 30 && ServiceLimits().maxUploadBytes == 2 << 30)
        let fixture = try ServiceFixture(limits: limits)
        let key = try fixture.key(.write)
        let before = try Self.units(fixture)
        try await fixture.test(.live) { client in
            let small = try await Self.upload(client, Self.tmx("small", count: 1), key: key)
            #expect(small.status == .accepted)
            _ = try await Self.finished(client, try decoded(JobBody.self, small).job.id)
            let response = try await Self.upload(client, Self.tmx("large", count: 40), key: key)
            #expect(response.status == .contentTooLarge)
            #expect(errorMessage(response) == "the upload is larger than 2000 bytes")
        }
        #expect(Self.uploads(fixture).isEmpty)
        #expect(try Self.units(fixture) == before + 1)
    }

    @Test func uploadLargerThanTheJSONBodyLimit_isAccepted() async throws {
        var limits = ServiceLimits()
        limits.maxBodyBytes = 1_000
        let fixture = try ServiceFixture(limits: limits)
        let key = try fixture.key(.write)
        let body = Self.tmx("roomy", count: 200)
        #expect(body.utf8.count > 10 * limits.maxBodyBytes)
        try await fixture.test(.live) { client in
            let response = try await Self.upload(client, body, key: key)
            #expect(response.status == .accepted)
            #expect(try await Self.finished(client, try decoded(JobBody.self, response).job.id).status == "done")
        }
    }

    @Test func clientDisconnectingMidUpload_leavesNoFileNoJobNoUnit() async throws {
        let fixture = try ServiceFixture()
        let key = try fixture.key(.write)
        let before = try Self.units(fixture)
        let body = Array(Self.tmx("halfway", count: 2_000).utf8)
        try await fixture.test(.live) { client in
            let port = try #require(client.port)
            let socket = try RawSocket(port: port)
            try socket.send(
                Array(
                    "POST /api/v1/import?format=tmx HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(key)\r\nContent-Length: \(body.count)\r\n\r\n"
                        .utf8))
            try socket.send(Array(body[..<(body.count / 2)]))
            // The server has begun the file...
            var began = false
            for _ in 0..<100 where !began {
                try await Task.sleep(for: .milliseconds(20))
                began = !Self.uploads(fixture).isEmpty
            }
            #expect(began)
            socket.close()
            // ...and removes it once the connection is gone.
            var left = Self.uploads(fixture)
            for _ in 0..<100 where !left.isEmpty {
                try await Task.sleep(for: .milliseconds(20))
                left = Self.uploads(fixture)
            }
            #expect(left.isEmpty)
            #expect(await fixture.service.jobs.count == 0)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
        #expect(try Self.units(fixture) == before)
    }

    @Test func exportTMX_roundTripsAndCarriesAnETag() async throws {
        let fixture = try ServiceFixture()
        let key = try fixture.key(.write)
        let folder = URL(fileURLWithPath: fixture.path).deletingLastPathComponent()
        try await fixture.test(.live) { client in
            let first = try await client.execute(uri: "/api/v1/export?format=tmx", method: .get)
            #expect(first.status == .ok)
            #expect(first.headers[.contentDisposition] == "attachment; filename=\"default.tmx\"")
            let tag = try #require(first.headers[.eTag])
            // Re-importing the export gives the same units: exporting the copy gives the same bytes.
            let exported = folder.appendingPathComponent("exported.tmx")
            try Data(first.body.readableBytesView).write(to: exported)
            let copy = StoreLocation.sqlite(path: folder.appendingPathComponent("copy.db").path)
            let report = try ImportTMX(database: copy).run(files: [exported.path])
            let stored = try Self.units(fixture)
            #expect(report.succeeded && report.totals.added == stored)
            let again = folder.appendingPathComponent("again.tmx").path
            _ = try ExportMemory(database: copy, output: again, format: .tmx).run()
            #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(first.body.readableBytesView))

            let second = try await client.execute(uri: "/api/v1/export?format=tmx", method: .get)
            #expect(second.headers[.eTag] == tag)
            let unchanged = try await client.execute(uri: "/api/v1/export?format=tmx", method: .get, headers: [.ifNoneMatch: tag])
            #expect(unchanged.status == .notModified && unchanged.body.readableBytes == 0)
            let weak = try await client.execute(uri: "/api/v1/export?format=tmx", method: .get, headers: [.ifNoneMatch: "\"x\", W/\(tag)"])
            #expect(weak.status == .notModified)
            let tsv = try await client.execute(uri: "/api/v1/export?format=tsv&source=en&target=de", method: .get)
            #expect(tsv.status == .ok && tsv.headers[.eTag] != tag)
            #expect(tsv.headers[.contentDisposition] == "attachment; filename=\"default.tsv\"")
            #expect(String(buffer: tsv.body).hasPrefix("source_language\ttarget_language\tsource\ttarget\n"))

            let upload = try await Self.upload(client, Self.tmx("newcomer", count: 1), key: key)
            _ = try await Self.finished(client, try decoded(JobBody.self, upload).job.id)
            let changed = try await client.execute(uri: "/api/v1/export?format=tmx", method: .get, headers: [.ifNoneMatch: tag])
            #expect(changed.status == .ok && changed.headers[.eTag] != tag)
            #expect(String(buffer: changed.body).contains("The newcomer valve number 0 is open."))
        }
    }

    @Test(arguments: [
        ("format=json", HTTPResponse.Status.badRequest),
        ("memory=other", .notFound),
        ("source=not+a+language", .badRequest),
    ])
    func exportOptions_areChecked(query: String, status: HTTPResponse.Status) async throws {
        let fixture = try ServiceFixture()
        try await fixture.test(.live) { client in
            let response = try await client.execute(uri: "/api/v1/export?\(query)", method: .get)
            #expect(response.status == status)
            #expect(errorMessage(response) != nil)
        }
    }

    @Test func unknownJob_is404() async throws {
        let fixture = try ServiceFixture()
        try await fixture.test(.router) { client in
            let response = try await client.execute(uri: "/api/v1/jobs/0123abc", method: .get)
            #expect(response.status == .notFound && errorMessage(response) == "no job 0123abc")
        }
    }
}

/// A blocking TCP client socket, to send half a request and hang up.
final class RawSocket {
    private var descriptor: Int32

    /// Connects to 127.0.0.1:`port`.
    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, connected == 0 else { throw ServiceError(.internalServerError, "cannot connect to port \(port)") }
    }

    /// Sends every byte.
    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw ServiceError(.internalServerError, "cannot send") }
            sent += written
        }
    }

    /// Closes the connection.
    func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}
