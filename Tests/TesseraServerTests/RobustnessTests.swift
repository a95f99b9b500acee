import Foundation
import HummingbirdTesting
import Testing

@testable import TesseraServer

struct RobustnessTests {
    /// Bad requests of every kind: each gets a 4xx with a JSON message, and the next request is served.
    @Test(arguments: [
        ("/api/v1/lookup", #"{"source":"en","queries":["a"#, 400),
        ("/api/v1/lookup", #"{"source":"en"}"#, 400),
        ("/api/v1/lookup", #"{"source":"en","queries":"not a list"}"#, 400),
        ("/api/v1/lookup", #"{"source":"xx yy","queries":["a"]}"#, 400),
        ("/api/v1/lookup", #"{"source":"ja","queries":["a"]}"#, 404),
        ("/api/v1/lookup", #"{"source":"en","queries":["a"],"limit":1000}"#, 400),
        ("/api/v1/segment", #"[1,2,3]"#, 400),
        ("/api/v1/align", #"{"source":{"language":"en","text":"a"}}"#, 400),
        ("/api/v1/check", #"{"source":"en","target":"de","pairs":[{"source":"a"}]}"#, 400),
    ])
    func malformedBodies(uri: String, body: String, status: Int) async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: uri, method: .post, headers: jsonHeaders, body: jsonBody(body))
            #expect(Int(response.status.code) == status)
            #expect(errorMessage(response) != nil)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func batchTooLarge() async throws {
        try await ServiceFixture().test { client in
            let queries = (0..<101).map { "\"query \($0)\"" }.joined(separator: ",")
            let response = try await client.execute(uri: "/api/v1/lookup", method: .post, headers: jsonHeaders, body: jsonBody(#"{"source":"en","queries":[\#(queries)]}"#))
            #expect(response.status == .badRequest)
            #expect(errorMessage(response)?.contains("at most 100") == true)
            let hundred = (0..<100).map { "\"query \($0)\"" }.joined(separator: ",")
            #expect(try await client.execute(uri: "/api/v1/lookup", method: .post, headers: jsonHeaders, body: jsonBody(#"{"source":"en","queries":[\#(hundred)]}"#)).status == .ok)
        }
    }

    @Test func oversizedBody() async throws {
        var limits = ServiceLimits()
        limits.maxBodyBytes = 1_000
        try await ServiceFixture(limits: limits).test { client in
            let text = String(repeating: "word ", count: 400)
            let response = try await client.execute(uri: "/api/v1/segment", method: .post, headers: jsonHeaders, body: jsonBody(#"{"language":"en","text":"\#(text)"}"#))
            #expect(response.status == .contentTooLarge)
            #expect(errorMessage(response) != nil)
            #expect(try await client.execute(uri: "/api/v1/segment", method: .post, headers: jsonHeaders, body: jsonBody(#"{"language":"en","text":"Hi."}"#)).status == .ok)
        }
    }

    @Test(arguments: [
        "/api/v1/lookup?q=\(String(repeating: "a", count: 2_001))&source=en",
        "/tmserver/en/de/unit/\(String(repeating: "a", count: 2_001))",
        "/api/v1/lookup?source=en", "/api/v1/lookup?q=a&source=en&min=500", "/api/v1/lookup?q=%&source=en",
        "/api/v1/concordance?q=a&lang=en&mode=fuzzy",
    ])
    func badQueries(uri: String) async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect(errorMessage(response) != nil)
        }
    }

    @Test func unknownRouteIsAJSON404() async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/nothing", method: .get)
            #expect(response.status == .notFound)
            #expect(errorMessage(response) != nil)
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/segment", method: .post, headers: [.contentType: "text/plain"], body: jsonBody(#"{"language":"en","text":"Hi."}"#))
            #expect(response.status == .unsupportedMediaType)
        }
    }
}
