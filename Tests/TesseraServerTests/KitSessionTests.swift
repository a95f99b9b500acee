import Foundation
import HummingbirdTesting
import Testing
import TesseraKit

@testable import TesseraServer

/// The service serves from one Kit session (``KitGateway``): units another writer imports while
/// it runs are found by the next lookup, and shutting down closes the session.
struct KitSessionTests {
    /// A TMX file with one English–German–Japanese unit the fixture does not hold.
    static func laterTMX() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("later-\(UUID().uuidString).tmx")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/>
              <body>
                <tu>
                  <tuv xml:lang="en"><seg>The glacier moved seven metres overnight</seg></tuv>
                  <tuv xml:lang="de"><seg>Der Gletscher bewegte sich über Nacht sieben Meter</seg></tuv>
                  <tuv xml:lang="ja"><seg>氷河は一晩で七メートル動いた</seg></tuv>
                </tu>
              </body>
            </tmx>
            """.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Imported through Kit in another session (as `tessera import` does) while the service runs
    /// on a real socket: after the recheck interval (``FreshIndex``) `/api/v1/lookup`,
    /// `/tmserver` and MyMemory find the unit, and a
    /// source language that arrived with it is no longer a 404.
    @Test func unitsImportedWhileServingAreFound() async throws {
        let fixture = try ServiceFixture()
        let text = "The glacier moved seven metres overnight"
        let laterFile = try Self.laterTMX()
        try await fixture.test(.live) { client in
            // Served once before the import: the session has read its index.
            let before = try await client.execute(uri: "/api/v1/lookup?q=\(encodeAll(text))&source=en&target=de", method: .get)
            #expect(try decoded(API.LookupResult.self, before).matches.isEmpty)
            #expect(try await client.execute(uri: "/api/v1/lookup?q=x&source=ja", method: .get).status == .notFound)

            let report = try ImportTMX(database: StoreLocation(option: fixture.path, environment: [:])).run(files: [laterFile])
            #expect(report.totals.added == 1)
            // Another writer's units are seen once the session's recheck interval has passed.
            try await Task.sleep(for: FreshIndex.defaultInterval + .milliseconds(20))

            let after = try await client.execute(uri: "/api/v1/lookup?q=\(encodeAll(text))&source=en&target=de", method: .get)
            #expect(try decoded(API.LookupResult.self, after).matches.first?.target == "Der Gletscher bewegte sich über Nacht sieben Meter")
            #expect(try decoded(API.LookupResult.self, after).matches.first?.score == 100)
            let tmserver = try await client.execute(uri: "/tmserver/en/de/unit/\(encodeAll(text))", method: .get)
            #expect(try decoded([TMServerRoutes.Suggestion].self, tmserver).first?.target == "Der Gletscher bewegte sich über Nacht sieben Meter")
            let japanese = try await client.execute(uri: "/api/v1/lookup?q=\(encodeAll("氷河は一晩で七メートル動いた"))&source=ja&target=en", method: .get)
            #expect(japanese.status == .ok)
            #expect(try decoded(API.LookupResult.self, japanese).matches.first?.target == text)
            let stats = try await client.execute(uri: "/api/v1/stats", method: .get)
            #expect(String(buffer: stats.body).contains("\"ja\""))
        }
    }

    @Test func shutdownClosesTheSession() async throws {
        let fixture = try ServiceFixture()
        #expect(!fixture.service.isClosed)
        try await fixture.service.shutdown()
        #expect(fixture.service.isClosed)
    }
}
