import Foundation
import HummingbirdTesting
import Testing

@testable import TesseraServer

struct APIRoutesTests {
    @Test func health() async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(try decoded(API.Health.self, response).status == "ok")
            #expect(response.headers[RequestLogMiddleware.header] != nil)
        }
    }

    @Test func lookupOneQuery() async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/lookup?q=The+translation+memory+is+ready&source=en&target=pt_BR", method: .get)
            #expect(response.status == .ok)
            let result = try decoded(API.LookupResult.self, response)
            #expect(result.query == "The translation memory is ready")
            #expect(result.matches.first?.target == "A memória de tradução está pronta.")
            #expect(result.matches.first?.targetLanguage == "pt-BR")
            #expect((result.matches.first?.score ?? 0) >= 90)
        }
    }

    @Test func lookupKeepsEncodedPlusAndSlash() async throws {
        try await ServiceFixture().test { client in
            let uri = "/api/v1/lookup?q=\(encodeAll("Press \"OK\" + Enter to continue"))&source=en&target=de"
            let result = try decoded(API.LookupResult.self, try await client.execute(uri: uri, method: .get))
            #expect(result.query == "Press \"OK\" + Enter to continue")
            #expect(result.matches.first?.score == 100)
            #expect(result.matches.first?.target == "Drücken Sie \"OK\" + Eingabe, um fortzufahren")
        }
    }

    @Test func batchLookup() async throws {
        try await ServiceFixture().test { client in
            let body = #"{"source":"en","targets":["de"],"queries":["Open the file/folder & save it","Is the upload 100% done?","nothing like this at all"]}"#
            let response = try await client.execute(uri: "/api/v1/lookup", method: .post, headers: jsonHeaders, body: jsonBody(body))
            #expect(response.status == .ok)
            let results = try decoded(API.BatchLookupResponse.self, response).results
            #expect(results.map(\.query) == ["Open the file/folder & save it", "Is the upload 100% done?", "nothing like this at all"])
            #expect(results[0].matches.first?.target == "Datei/Ordner öffnen & speichern")
            #expect(results[1].matches.first?.target == "Ist das Hochladen zu 100 % fertig?")
            #expect(results[2].matches.isEmpty)
            // The JSON keeps `/` unescaped.
            #expect(String(buffer: response.body).contains("Datei/Ordner"))
        }
    }

    @Test func concordance() async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/concordance?q=upload&lang=en&other=de", method: .get)
            #expect(response.status == .ok)
            let result = try decoded(API.ConcordanceResponse.self, response)
            #expect(result.total == 1)
            #expect(result.lines.first?.highlighted == "Is the «upload» 100% done?")
            #expect(result.lines.first?.others.first?.text == "Ist das Hochladen zu 100 % fertig?")
        }
    }

    @Test func termAndTermsIn() async throws {
        try await ServiceFixture().test { client in
            let term = try await client.execute(uri: "/api/v1/term?q=Secretary+General&source=en&target=de", method: .get)
            #expect(term.status == .ok)
            #expect(String(buffer: term.body).contains("Generalsekretär"))
            let termsIn = try await client.execute(uri: "/api/v1/terms-in?q=The+Secretary+General+spoke.&source=en&target=de", method: .get)
            #expect(termsIn.status == .ok)
            let text = String(buffer: termsIn.body)
            #expect(text.contains("\"occurrences\"") && text.contains("Generalsekretär"))
        }
    }

    @Test func check() async throws {
        try await ServiceFixture().test { client in
            let body = #"{"source":"en","target":"de","pairs":[{"source":"The Secretary General spoke.","target":"Der Chef sprach."},{"source":"The Secretary General spoke.","target":"Der Generalsekretär sprach."}]}"#
            let response = try await client.execute(uri: "/api/v1/check", method: .post, headers: jsonHeaders, body: jsonBody(body))
            #expect(response.status == .ok)
            let report = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect(report?["pairs"] as? Int == 2)
            let problems = report?["problems"] as? [[String: Any]] ?? []
            #expect(problems.count == 1 && problems.first?["pair"] as? String == "1")
        }
    }

    @Test func segment() async throws {
        try await ServiceFixture().test { client in
            let body = #"{"language":"en","text":"Dr. Smith arrived. He said hello."}"#
            let response = try await client.execute(uri: "/api/v1/segment", method: .post, headers: jsonHeaders, body: jsonBody(body))
            #expect(response.status == .ok)
            let sentences = try decoded(API.SegmentResponse.self, response).sentences
            #expect(sentences.map(\.text) == ["Dr. Smith arrived.", "He said hello."])
            #expect(sentences.last?.end == 33)
        }
    }

    @Test func align() async throws {
        try await ServiceFixture().test { client in
            let body = #"{"source":{"language":"en","text":"The house is red. The car is blue."},"target":{"language":"de","text":"Das Haus ist rot. Das Auto ist blau."}}"#
            let response = try await client.execute(uri: "/api/v1/align", method: .post, headers: jsonHeaders, body: jsonBody(body))
            #expect(response.status == .ok)
            let pairs = try decoded(API.AlignResponse.self, response).pairs
            #expect(pairs.map(\.source) == ["The house is red.", "The car is blue."])
            #expect(pairs.map(\.target) == ["Das Haus ist rot.", "Das Auto ist blau."])
        }
    }

    @Test func stats() async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: "/api/v1/stats", method: .get)
            #expect(response.status == .ok)
            let stats = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect(stats?["units"] as? Int == 18)
        }
    }

    @Test func openAPIDocumentIsServed() async throws {
        try await ServiceFixture(anonymousRead: false).test { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect(document?["openapi"] as? String == "3.1.0")
        }
    }
}
