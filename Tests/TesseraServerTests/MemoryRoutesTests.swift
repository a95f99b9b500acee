import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import TesseraKit
import TesseraStorage

@testable import TesseraServer

/// Named memories over HTTP: `/api/v1/memories`, `?memory=` on the unit endpoints, the default
/// list of `/tmserver` and `/get`, keys limited to one memory, a delete while requests run.
struct MemoryRoutesTests {
    static let legal = MemoryName("legal")!
    static let sentence = "The translation memory is ready"

    /// Makes the memory `legal` in the fixture's store holding ``sentence`` → `legal text` (en, pt-BR).
    static func addLegal(_ fixture: ServiceFixture) throws {
        let catalog = MemoryCatalog(database: .sqlite(path: fixture.path))
        let location = try catalog.create(legal)
        let file = URL(fileURLWithPath: fixture.path).deletingLastPathComponent().appendingPathComponent("legal.tmx")
        try Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
            <tu><tuv xml:lang="en"><seg>\(sentence)</seg></tuv><tuv xml:lang="pt-BR"><seg>legal text</seg></tuv></tu>
            </body></tmx>
            """.utf8
        ).write(to: file)
        _ = try ImportTMX(database: location).run(files: [file.path])
    }

    static func bearer(_ key: String) -> HTTPFields { [.authorization: "Bearer \(key)", .contentType: "application/json"] }

    @Test func createListGetDelete() async throws {
        let fixture = try ServiceFixture(anonymousRead: false)
        let admin = Self.bearer(try fixture.key(.admin))
        let read = Self.bearer(try fixture.key(.read))
        try await fixture.test { client in
            let first = try decoded(API.MemoryList.self, try await client.execute(uri: "/api/v1/memories", method: .get, headers: read))
            #expect(first.memories.map(\.name) == [.default])
            #expect(first.memories[0].units > 0 && !first.memories[0].languages.isEmpty)

            let created = try await client.execute(uri: "/api/v1/memories", method: .post, headers: admin, body: jsonBody(#"{"name":"Legal"}"#))
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/memories/legal")
            #expect(try decoded(API.MemoryCreated.self, created).memory.name == Self.legal)
            let again = try await client.execute(uri: "/api/v1/memories", method: .post, headers: admin, body: jsonBody(#"{"name":"legal"}"#))
            #expect(again.status == .conflict)
            for bad in [#"{"name":"a b"}"#, #"{"name":""}"#, #"{"name":"../x"}"#, #"{"nom":"x"}"#] {
                let response = try await client.execute(uri: "/api/v1/memories", method: .post, headers: admin, body: jsonBody(bad))
                #expect(response.status == .badRequest, "\(bad)")
                #expect(errorMessage(response) != nil)
            }
            #expect(try await client.execute(uri: "/api/v1/memories", method: .post, headers: read, body: jsonBody(#"{"name":"x"}"#)).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/memories", method: .post, headers: admin, body: jsonBody(#"{"name":"default"}"#)).status == .conflict)

            let stats = try await client.execute(uri: "/api/v1/memories/legal", method: .get, headers: read)
            #expect(stats.status == .ok)
            #expect(try decoded(MemoryStats.self, stats).units == 0)
            #expect(try await client.execute(uri: "/api/v1/memories/nope", method: .get, headers: read).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/memories/a%20b", method: .get, headers: read).status == .badRequest)
            let listed = try decoded(API.MemoryList.self, try await client.execute(uri: "/api/v1/memories", method: .get, headers: read))
            #expect(listed.memories.map(\.name) == [.default, Self.legal])

            let protected = try await client.execute(uri: "/api/v1/memories/default", method: .delete, headers: admin)
            #expect(protected.status == .conflict)
            #expect(try await client.execute(uri: "/api/v1/memories/legal", method: .delete, headers: read).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/memories/legal", method: .delete, headers: admin).status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/memories/legal", method: .get, headers: read).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/memories/legal", method: .delete, headers: admin).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/stats?memory=legal", method: .get, headers: read).status == .notFound)
            let last = try decoded(API.MemoryList.self, try await client.execute(uri: "/api/v1/memories", method: .get, headers: read))
            #expect(last.memories.map(\.name) == [.default])
            // Made again after the delete: a new, empty memory.
            #expect(try await client.execute(uri: "/api/v1/memories", method: .post, headers: admin, body: jsonBody(#"{"name":"legal"}"#)).status == .created)
        }
    }

    @Test func unitEndpointsTakeTheMemoryAndLookupTheList() async throws {
        let fixture = try ServiceFixture()
        try Self.addLegal(fixture)
        try await fixture.test { client in
            let base = "/api/v1/lookup?q=The+translation+memory+is+ready&source=en&target=pt_BR"
            func matches(_ memory: String) async throws -> [API.Match] {
                let response = try await client.execute(uri: base + "&memory=" + memory, method: .get)
                #expect(response.status == .ok, "\(memory)")
                return try decoded(API.LookupResult.self, response).matches
            }
            #expect(try await matches("legal").map(\.memory) == ["legal"])
            #expect(try await matches("default").allSatisfy { $0.memory == "default" })
            let merged = try await matches("default,legal")
            #expect(merged.first?.memory == "legal" && merged.first?.score == 100 && merged.first?.target == "legal text")
            #expect(try await matches("default,legal:50").first?.memory == "default")
            #expect(try await matches("legal:5").first?.score == 95)
            // Without ?memory: the default memory, as before.
            let plain = try decoded(API.LookupResult.self, try await client.execute(uri: base, method: .get))
            #expect(plain.matches.allSatisfy { $0.memory == "default" })

            let batch = try await client.execute(
                uri: "/api/v1/lookup?memory=default,legal", method: .post, headers: jsonHeaders,
                body: jsonBody(#"{"source":"en","targets":["pt-BR"],"queries":["The translation memory is ready"]}"#))
            #expect(try decoded(API.BatchLookupResponse.self, batch).results.first?.matches.first?.memory == "legal")

            for (uri, status) in [
                (base + "&memory=nope", HTTPResponse.Status.notFound), (base + "&memory=legal:x", .badRequest), (base + "&memory=a+b", .badRequest),
                (base + "&memory=legal,legal", .badRequest), ("/api/v1/stats?memory=nope", .notFound), ("/api/v1/stats?memory=a.b", .badRequest),
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == status, "\(uri)")
                #expect(errorMessage(response) != nil)
            }
            let stats = try decoded(MemoryStats.self, try await client.execute(uri: "/api/v1/stats?memory=legal", method: .get))
            #expect(stats.units == 1)
            let concordance = try await client.execute(uri: "/api/v1/concordance?q=translation&lang=en&memory=legal", method: .get)
            #expect(try decoded(API.ConcordanceResponse.self, concordance).lines.map(\.text) == [Self.sentence])
        }
    }

    @Test func keyForOneMemoryTouchesOnlyThatOne() async throws {
        let fixture = try ServiceFixture(anonymousRead: false)
        try Self.addLegal(fixture)
        let legal = Self.bearer(try fixture.key(.admin, memory: "Legal"))
        try await fixture.test { client in
            let allowed = [
                "/api/v1/lookup?q=ready&source=en&memory=legal", "/api/v1/stats?memory=legal", "/api/v1/memories/legal",
                "/api/v1/concordance?q=translation&lang=en&memory=legal",
            ]
            for uri in allowed {
                #expect(try await client.execute(uri: uri, method: .get, headers: legal).status == .ok, "\(uri)")
            }
            let refused = [
                "/api/v1/lookup?q=ready&source=en", "/api/v1/lookup?q=ready&source=en&memory=legal,default", "/api/v1/stats",
                "/api/v1/memories/default", "/api/v1/concordance?q=translation&lang=en", "/api/v1/keys",
                "/tmserver/en/de/unit/ready", "/get?q=ready&langpair=en|de",
            ]
            for uri in refused {
                let response = try await client.execute(uri: uri, method: .get, headers: legal)
                #expect(response.status == .forbidden, "\(uri)")
                #expect(errorMessage(response)?.contains("legal") == true)
            }
            let listed = try decoded(API.MemoryList.self, try await client.execute(uri: "/api/v1/memories", method: .get, headers: legal))
            #expect(listed.memories.map(\.name) == [Self.legal])
            #expect(try await client.execute(uri: "/api/v1/memories", method: .post, headers: legal, body: jsonBody(#"{"name":"x"}"#)).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/memories/default", method: .delete, headers: legal).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/memories/legal", method: .delete, headers: legal).status == .noContent)
        }
    }

    @Test func tmserverAndMyMemoryUseTheServedList() async throws {
        let fixture = try ServiceFixture()
        try Self.addLegal(fixture)
        try await fixture.service.shutdown()
        var configuration = ServerConfiguration(databasePath: fixture.path)
        configuration.anonymousRead = true
        configuration.memories = try MemorySelection("legal,default:5")
        let service = try TesseraService(configuration)
        let app = Application(router: service.router(), logger: Logger(label: "tessera-test"))
        try await app.test(.router) { client in
            let tm = try await client.execute(uri: "/tmserver/en/pt_BR/unit/\(encodeAll(Self.sentence))", method: .get)
            #expect(try decoded([TMServerRoutes.Suggestion].self, tm).first?.target == "legal text")
            let my = try await client.execute(uri: "/get?q=The+translation+memory+is+ready&langpair=en|pt-BR", method: .get)
            #expect(try decoded(MyMemoryRoutes.Answer.self, my).responseData.translatedText == "legal text")
            let languages = try decoded(TMServerRoutes.Languages.self, try await client.execute(uri: "/tmserver/languages/", method: .get))
            #expect(languages.sourceLanguages.contains("pt_br") && languages.sourceLanguages.contains("de"))
        }
        let legal = try service.gateway.memories.memory(Self.legal).session
        try await service.shutdown()
        #expect(legal.isClosed)
        #expect(throws: KitError.self) { try service.gateway.memories.memory(Self.legal) }

        configuration.memories = try MemorySelection("nope")
        let error = #expect(throws: KitError.self) { try TesseraService(configuration) }
        #expect(error?.kind == .noMemory)
    }

    /// Lookups and stats on a memory while it is deleted: each answers 200 or 404, none fails, and
    /// the service keeps serving.
    @Test func deleteWhileRequestsRun() async throws {
        let fixture = try ServiceFixture()
        try Self.addLegal(fixture)
        try await fixture.test(.live) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for number in 0..<40 {
                    group.addTask {
                        if number == 10 {
                            return try await client.execute(uri: "/api/v1/memories/legal", method: .delete, headers: [.authorization: "Bearer \(try fixture.key(.admin))"]).status
                        }
                        let uri = number.isMultiple(of: 2)
                            ? "/api/v1/lookup?q=The+translation+memory+is+ready&source=en&memory=legal" : "/api/v1/stats?memory=legal"
                        return try await client.execute(uri: uri, method: .get).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { [.ok, .notFound, .noContent].contains($0) }, "\(statuses)")
            #expect(statuses.filter { $0 == .noContent }.count == 1)
            #expect(try await client.execute(uri: "/api/v1/stats?memory=legal", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/stats", method: .get).status == .ok)
        }
    }
}
