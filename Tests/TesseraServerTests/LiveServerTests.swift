import Foundation
import HummingbirdTesting
import Testing

@testable import TesseraServer

/// Over a real socket on a free port.
struct LiveServerTests {
    @Test func concurrentClientsOnARealSocket() async throws {
        try await ServiceFixture().test(.live) { client in
            #expect(client.port != nil)
            let texts = ["Open the file/folder & save it", "Is the upload 100% done?", "Press \"OK\" + Enter to continue", "The translation memory is ready."]
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        let text = texts[index % texts.count]
                        let response = try await client.execute(uri: "/tmserver/en/pt_BR/unit/\(encodeAll(text))", method: .get)
                        let suggestions = try decoded([TMServerRoutes.Suggestion].self, response)
                        return response.status == .ok && suggestions.first?.source == text && suggestions.first?.quality == 100
                    }
                }
                var answered = 0
                for try await ok in group where ok { answered += 1 }
                #expect(answered == 64)
            }
        }
    }

    @Test func badRequestsOnARealSocketKeepTheServerServing() async throws {
        var limits = ServiceLimits()
        limits.maxBodyBytes = 1_000
        try await ServiceFixture(limits: limits).test(.live) { client in
            let big = try await client.execute(
                uri: "/api/v1/segment", method: .post, headers: jsonHeaders,
                body: jsonBody(#"{"language":"en","text":"\#(String(repeating: "x", count: 5_000))"}"#))
            #expect(big.status == .contentTooLarge)
            #expect(try await client.execute(uri: "/tmserver/en/de/unit/%zz", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }
}
