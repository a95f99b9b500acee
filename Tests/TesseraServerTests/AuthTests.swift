import Foundation
import HummingbirdTesting
import Testing

@testable import TesseraServer

struct AuthTests {
    static let readURIs = ["/api/v1/lookup?q=ready&source=en", "/api/v1/stats", "/tmserver/languages/", "/get?q=ready&langpair=en|de"]

    @Test(arguments: readURIs)
    func readingNeedsAKeyWithoutAnonymousRead(uri: String) async throws {
        let fixture = try ServiceFixture(anonymousRead: false)
        let key = try fixture.key(.read)
        try await fixture.test { client in
            let none = try await client.execute(uri: uri, method: .get)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            #expect(errorMessage(none)?.contains("API key") == true)
            let wrong = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer tsr_" + String(repeating: "0", count: 64)])
            #expect(wrong.status == .unauthorized)
            let basic = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Basic dXNlcjpwYXNz"])
            #expect(basic.status == .unauthorized)
            let good = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(key)"])
            #expect(good.status == .ok)
        }
    }

    @Test func anonymousReadOpensReadingButNotAdmin() async throws {
        try await ServiceFixture(anonymousRead: true).test { client in
            let stats = try await client.execute(uri: "/api/v1/stats", method: .get)
            #expect(stats.status == .ok)
            let keys = try await client.execute(uri: "/api/v1/keys", method: .get)
            #expect(keys.status == .unauthorized)
        }
    }

    @Test func wrongScopeOrMemoryIs403() async throws {
        let fixture = try ServiceFixture(anonymousRead: false)
        let read = try fixture.key(.read)
        let write = try fixture.key(.write)
        let admin = try fixture.key(.admin)
        let otherMemory = try fixture.key(.admin, memory: "legal")
        let ownMemory = try fixture.key(.read, memory: "default")
        try await fixture.test { client in
            for key in [read, write] {
                let response = try await client.execute(uri: "/api/v1/keys", method: .get, headers: [.authorization: "Bearer \(key)"])
                #expect(response.status == .forbidden)
                #expect(errorMessage(response)?.contains("admin") == true)
            }
            let listed = try await client.execute(uri: "/api/v1/keys", method: .get, headers: [.authorization: "Bearer \(admin)"])
            #expect(listed.status == .ok)
            let keys = try decoded([API.KeyInfo].self, listed)
            #expect(keys.count == 5 && !String(buffer: listed.body).contains(String(admin.dropFirst(12))))
            let foreign = try await client.execute(uri: "/api/v1/stats", method: .get, headers: [.authorization: "Bearer \(otherMemory)"])
            #expect(foreign.status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/stats", method: .get, headers: [.authorization: "Bearer \(ownMemory)"]).status == .ok)
        }
    }
}
