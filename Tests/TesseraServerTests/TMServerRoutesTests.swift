import Foundation
import HummingbirdTesting
import Testing

@testable import TesseraServer

struct TMServerRoutesTests {
    typealias Suggestion = TMServerRoutes.Suggestion

    /// Texts with every character a URL escapes, sent as Weblate sends them (no safe characters).
    @Test(arguments: [
        ("Open the file/folder & save it", "Abra o arquivo/pasta & salve-o"),
        ("Is the upload 100% done?", "O envio está 100% concluído?"),
        ("Press \"OK\" + Enter to continue", "Pressione \"OK\" + Enter para continuar"),
    ])
    func encodedTextsToPortugueseOfBrazil(text: String, expected: String) async throws {
        try await ServiceFixture().test { client in
            for target in ["pt_br", "pt_BR", "pt-BR"] {
                let response = try await client.execute(uri: "/tmserver/en/\(target)/unit/\(encodeAll(text))", method: .get)
                #expect(response.status == .ok)
                let suggestions = try decoded([Suggestion].self, response)
                #expect(suggestions.first == Suggestion(source: text, target: expected, quality: 100, rank: 100), "\(target)")
            }
        }
    }

    @Test func serbianLatinAsWeblateAndGettextWriteIt() async throws {
        try await ServiceFixture().test { client in
            for target in ["sr_latn", "sr@latin"] {
                let response = try await client.execute(uri: "/tmserver/en/\(encodeAll(target))/unit/\(encodeAll("Open the file/folder & save it"))", method: .get)
                #expect(try decoded([Suggestion].self, response).first?.target == "Otvorite datoteku/fasciklu i sačuvajte je")
            }
        }
    }

    @Test func languagesAsClientsWriteThem() async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: "/tmserver/languages/", method: .get)
            #expect(response.status == .ok)
            let languages = try decoded(TMServerRoutes.Languages.self, response)
            #expect(languages.sourceLanguages == ["de", "en", "fr", "pt_br", "sr_latn", "tr"])
            #expect(languages.targetLanguages == languages.sourceLanguages)
        }
    }

    @Test func amaGamaDefaultsAndCaps() async throws {
        try await ServiceFixture().test { client in
            let text = encodeAll("Open the file and save it")
            // Default 70: the near match (about 80%) is there; 95 drops it; 10 is raised to 30.
            let near = try decoded([Suggestion].self, try await client.execute(uri: "/tmserver/en/de/unit/\(text)", method: .get))
            #expect(near.count == 1 && (70..<100).contains(near[0].quality))
            let strict = try decoded([Suggestion].self, try await client.execute(uri: "/tmserver/en/de/unit/\(text)?min_similarity=95", method: .get))
            #expect(strict.isEmpty)
            let bad = try await client.execute(uri: "/tmserver/en/de/unit/\(text)?min_similarity=abc&max_candidates=-3", method: .get)
            #expect(try decoded([Suggestion].self, bad) == near)
            let one = try decoded([Suggestion].self, try await client.execute(uri: "/tmserver/en/de/unit/\(encodeAll("the"))?min_similarity=10&max_candidates=1", method: .get))
            #expect(one.count <= 1)
        }
    }

    @Test(arguments: [
        ("/tmserver/en/de/unit/abc%zz", 400), ("/tmserver/en/de/unit/%C3%28", 400), ("/tmserver/en/xx%20yy/unit/abc", 400),
        ("/tmserver/klingon/de/unit/abc", 400), ("/tmserver/ja/de/unit/abc", 404),
    ])
    func badRequestsGetAJSONError(uri: String, status: Int) async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(Int(response.status.code) == status)
            #expect(errorMessage(response) != nil)
            #expect(try await client.execute(uri: "/tmserver/languages/", method: .get).status == .ok)
        }
    }
}
