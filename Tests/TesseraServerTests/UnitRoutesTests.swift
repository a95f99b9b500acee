import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TesseraStorage

@testable import TesseraServer

/// `/api/v1/units` and `POST /api/v1/align` with `"store": true`, on a real socket (`.live`):
/// a unit added, edited or deleted is seen by the next lookup and concordance, the old text never.
struct UnitRoutesTests {
    static let text = "The zebra paints seven purple lanterns."
    static let translation = "Das Zebra malt sieben lila Laternen."

    /// A unit body of an English sentence and its German translation.
    static func body(_ english: String, _ german: String, note: String? = nil) -> String {
        let note = note.map { #", "note": "\#($0)", "props": {"x-domain": "zoo"}"# } ?? ""
        return #"{"variants": [{"language": "en", "text": "\#(english)"}, {"language": "de", "text": "\#(german)"}]\#(note)}"#
    }

    /// The fuzzy matches of `text` (en to de).
    static func lookup(_ client: some TestClientProtocol, _ text: String) async throws -> [API.Match] {
        let response = try await client.execute(uri: "/api/v1/lookup?q=\(encodeAll(text))&source=en&target=de&min=50", method: .get)
        #expect(response.status == .ok)
        return try decoded(API.LookupResult.self, response).matches
    }

    /// The concordance lines of `phrase` in English.
    static func concordance(_ client: some TestClientProtocol, _ phrase: String) async throws -> [API.ConcordanceLine] {
        let response = try await client.execute(uri: "/api/v1/concordance?q=\(encodeAll(phrase))&lang=en", method: .get)
        #expect(response.status == .ok)
        return try decoded(API.ConcordanceResponse.self, response).lines
    }

    /// Sends `body` to `uri` with `key`.
    static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, key: String?, body: String? = nil
    ) async throws -> TestResponse {
        var headers = jsonHeaders
        if let key { headers[.authorization] = "Bearer \(key)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map(jsonBody))
    }

    @Test func addedUnitIsFoundByLookupAndConcordance() async throws {
        let fixture = try ServiceFixture()
        let write = try fixture.key(.write)
        try await fixture.test(.live) { client in
            #expect(try await Self.lookup(client, Self.text).isEmpty)
            let created = try await Self.send(client, .post, "/api/v1/units", key: write, body: Self.body(Self.text, Self.translation, note: "from a test"))
            #expect(created.status == .created)
            let unit = try decoded(API.UnitResponse.self, created).unit
            #expect(created.headers[.location] == "/api/v1/units/\(unit.id)")
            #expect(unit.variants == [API.Translation(language: "en", text: Self.text), API.Translation(language: "de", text: Self.translation)])
            #expect(unit.note == "from a test" && unit.props == ["x-domain": "zoo"] && unit.origin == "imported")
            #expect(unit.created != nil && unit.created == unit.changed)
            let matches = try await Self.lookup(client, Self.text)
            #expect(matches.first?.unit == unit.id && matches.first?.target == Self.translation && matches.first?.score ?? 0 >= 100)
            #expect(try await Self.concordance(client, "purple lanterns").map(\.unit) == [unit.id])
            let read = try await client.execute(uri: "/api/v1/units/\(unit.id)", method: .get)
            #expect(read.status == .ok)
            #expect(try decoded(API.UnitResponse.self, read).unit == unit)
        }
    }

    @Test func editedUnitIsFoundByItsNewTextNeverTheOld() async throws {
        let fixture = try ServiceFixture()
        let write = try fixture.key(.write)
        try await fixture.test(.live) { client in
            let created = try await Self.send(client, .post, "/api/v1/units", key: write, body: Self.body(Self.text, Self.translation))
            let id = try decoded(API.UnitResponse.self, created).unit.id
            #expect(try await Self.lookup(client, Self.text).first?.unit == id)  // the index holds the old text now
            let newText = "The giraffe sings eleven orange songs."
            let newTranslation = "Die Giraffe singt elf orange Lieder."
            let edited = try await Self.send(client, .put, "/api/v1/units/\(id)", key: write, body: Self.body(newText, newTranslation))
            #expect(edited.status == .ok)
            let unit = try decoded(API.UnitResponse.self, edited).unit
            #expect(unit.id == id && unit.variants.map(\.text) == [newText, newTranslation])
            #expect(unit.note == nil && unit.props.isEmpty)
            #expect(try await Self.lookup(client, Self.text).allSatisfy { $0.unit != id })
            let found = try await Self.lookup(client, newText)
            #expect(found.first?.unit == id && found.first?.target == newTranslation)
            #expect(try await Self.concordance(client, "purple lanterns").isEmpty)
            #expect(try await Self.concordance(client, "orange songs").map(\.unit) == [id])
        }
    }

    @Test func deletedUnitIsFoundByNothing() async throws {
        let fixture = try ServiceFixture()
        let write = try fixture.key(.write)
        try await fixture.test(.live) { client in
            let created = try await Self.send(client, .post, "/api/v1/units", key: write, body: Self.body(Self.text, Self.translation))
            let id = try decoded(API.UnitResponse.self, created).unit.id
            #expect(try await Self.lookup(client, Self.text).first?.unit == id)
            let deleted = try await Self.send(client, .delete, "/api/v1/units/\(id)", key: write)
            #expect(deleted.status == .noContent && deleted.body.readableBytes == 0)
            #expect(try await Self.lookup(client, Self.text).allSatisfy { $0.unit != id })
            #expect(try await Self.concordance(client, "purple lanterns").isEmpty)
            #expect(try await client.execute(uri: "/api/v1/units/\(id)", method: .get).status == .notFound)
            #expect(try await Self.send(client, .delete, "/api/v1/units/\(id)", key: write).status == .notFound)
            // A unit added after the deletion takes no id of the deleted one's and is found.
            let again = try await Self.send(client, .post, "/api/v1/units", key: write, body: Self.body("A quiet owl reads maps.", "Eine stille Eule liest Karten."))
            let next = try decoded(API.UnitResponse.self, again).unit.id
            #expect(try await Self.lookup(client, "A quiet owl reads maps.").first?.unit == next)
        }
    }

    /// Writes need the write scope; reading a unit the read scope (anonymous here).
    @Test(arguments: [
        (HTTPRequest.Method.post, "/api/v1/units", "none", HTTPResponse.Status.unauthorized),
        (.post, "/api/v1/units", "read", .forbidden),
        (.put, "/api/v1/units/1", "none", .unauthorized),
        (.put, "/api/v1/units/1", "read", .forbidden),
        (.delete, "/api/v1/units/1", "none", .unauthorized),
        (.delete, "/api/v1/units/1", "read", .forbidden),
        (.get, "/api/v1/units/1", "none", .ok),
        (.post, "/api/v1/units", "write", .created),
        (.delete, "/api/v1/units/1", "admin", .noContent),
    ])
    func writesNeedTheWriteScope(method: HTTPRequest.Method, uri: String, scope: String, status: HTTPResponse.Status) async throws {
        let fixture = try ServiceFixture(anonymousRead: true)
        let scopes: [String: APIKeyRecord.Scope] = ["read": .read, "write": .write, "admin": .admin]
        let key = try scopes[scope].map { try fixture.key($0) }
        try await fixture.test(.live) { client in
            let body = method == .post || method == .put ? Self.body(Self.text, Self.translation) : nil
            let response = try await Self.send(client, method, uri, key: key, body: body)
            #expect(response.status == status, "\(String(buffer: response.body))")
            if status == .unauthorized || status == .forbidden { #expect(errorMessage(response) != nil) }
        }
    }

    /// A body or an address the service cannot use: a 4xx with one sentence, nothing written.
    @Test(arguments: [
        (HTTPRequest.Method.post, "/api/v1/units", #"{"variants": [{"language": "en", "text": "Only one"}]}"#, HTTPResponse.Status.badRequest, "at least two"),
        (.post, "/api/v1/units", #"{"variants": []}"#, .badRequest, "at least two"),
        (.post, "/api/v1/units", #"{"variants": [{"language": "en", "text": "a"}, {"language": "de", "text": ""}]}"#, .badRequest, "no text"),
        (.post, "/api/v1/units", #"{"variants": [{"language": "en", "text": "a"}, {"language": "de", "text": " \n"}]}"#, .badRequest, "no text"),
        (.post, "/api/v1/units", #"{"variants": [{"language": "en", "text": "a"}, {"language": "not a tag!", "text": "b"}]}"#, .badRequest, "not a language code"),
        (.post, "/api/v1/units", #"{"variants": [{"language": "en", "text": "a"}, {"language": "de", "text": "b"}], "props": {"": "x"}}"#, .badRequest, "prop"),
        (.post, "/api/v1/units", #"{"note": "no variants"}"#, .badRequest, "variants"),
        (.post, "/api/v1/units", #"{"variants": "#, .badRequest, "JSON"),
        (.post, "/api/v1/units?memory=legal", #"{"variants": [{"language": "en", "text": "a"}, {"language": "de", "text": "b"}]}"#, .notFound, "no memory named 'legal'"),
        (.post, "/api/v1/units?memory=no%20such!", #"{"variants": [{"language": "en", "text": "a"}, {"language": "de", "text": "b"}]}"#, .badRequest, "memory name"),
        (.put, "/api/v1/units/999999", #"{"variants": [{"language": "en", "text": "a"}, {"language": "de", "text": "b"}]}"#, .notFound, "no unit 999999"),
        (.put, "/api/v1/units/1", #"{"variants": [{"language": "en", "text": "a"}]}"#, .badRequest, "at least two"),
        (.get, "/api/v1/units/999999", "", .notFound, "no unit"),
        (.get, "/api/v1/units/0", "", .notFound, "no unit"),
        (.get, "/api/v1/units/-3", "", .notFound, "no unit"),
        (.get, "/api/v1/units/abc", "", .badRequest, "integer"),
        (.get, "/api/v1/units/1?memory=Legal", "", .notFound, "no memory named 'legal'"),
        (.delete, "/api/v1/units/999999", "", .notFound, "no unit"),
        (.delete, "/api/v1/units/99999999999999999999", "", .badRequest, "integer"),
    ])
    func badRequestsAreRefused(method: HTTPRequest.Method, uri: String, body: String, status: HTTPResponse.Status, message: String) async throws {
        let fixture = try ServiceFixture()
        let write = try fixture.key(.write)
        try await fixture.test(.live) { client in
            let before = try await client.execute(uri: "/api/v1/stats", method: .get)
            let response = try await Self.send(client, method, uri, key: write, body: body.isEmpty ? nil : body)
            #expect(response.status == status)
            #expect(errorMessage(response)?.contains(message) == true, "\(errorMessage(response) ?? "")")
            let after = try await client.execute(uri: "/api/v1/stats", method: .get)
            #expect(String(buffer: after.body) == String(buffer: before.body))
        }
    }

    @Test func alignStoresThePairsWithTheWriteScope() async throws {
        let fixture = try ServiceFixture()
        let read = try fixture.key(.read)
        let write = try fixture.key(.write)
        let body = #"""
            {"source": {"language": "en", "text": "The otter builds a raft. It floats on the river."},
             "target": {"language": "de", "text": "Der Otter baut ein Floß. Es schwimmt auf dem Fluss."}, "store": true}
            """#
        try await fixture.test(.live) { client in
            #expect(try await Self.send(client, .post, "/api/v1/align", key: nil, body: body).status == .unauthorized)
            #expect(try await Self.send(client, .post, "/api/v1/align", key: read, body: body).status == .forbidden)
            #expect(try await Self.send(client, .post, "/api/v1/align?memory=legal", key: write, body: body).status == .notFound)
            let stored = try await Self.send(client, .post, "/api/v1/align", key: write, body: body)
            #expect(stored.status == .ok)
            let response = try decoded(API.AlignResponse.self, stored)
            #expect(response.pairs.count == 2 && response.stored == 2)
            let matches = try await Self.lookup(client, "The otter builds a raft.")
            #expect(matches.first?.target == "Der Otter baut ein Floß." && matches.first?.origin == "aligned")
            // Stored twice: the units are kept once.
            #expect(try decoded(API.AlignResponse.self, try await Self.send(client, .post, "/api/v1/align", key: write, body: body)).stored == 0)
            // Without "store" nothing is stored and no count is given; a read key is enough.
            let plain = try await Self.send(client, .post, "/api/v1/align", key: read, body: body.replacingOccurrences(of: #", "store": true"#, with: ""))
            #expect(plain.status == .ok)
            #expect(try decoded(API.AlignResponse.self, plain).stored == nil)
        }
    }
}
