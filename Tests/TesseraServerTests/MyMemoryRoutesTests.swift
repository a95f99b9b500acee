import Foundation
import HummingbirdTesting
import Testing

@testable import TesseraServer

struct MyMemoryRoutesTests {
    @Test func plusIsASpaceAndEncodedPlusAPlus() async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: "/get?q=Press+%22OK%22+%2B+Enter+to+continue&langpair=en|de", method: .get)
            #expect(response.status == .ok)
            let answer = try decoded(MyMemoryRoutes.Answer.self, response)
            #expect(answer.responseData.translatedText == "Drücken Sie \"OK\" + Eingabe, um fortzufahren")
            #expect(answer.responseData.match == 1)
            #expect(answer.responseStatus == 200)
            #expect(answer.matches.first?.segment == "Press \"OK\" + Enter to continue")
            #expect(answer.matches.first?.quality == 100)
            let raw = String(buffer: response.body)
            #expect(raw.contains("\"created-by\"") && raw.contains("\"usage-count\""))
        }
    }

    @Test func encodedPipeAndBrazilianPortuguese() async throws {
        try await ServiceFixture().test { client in
            let answer = try decoded(
                MyMemoryRoutes.Answer.self,
                try await client.execute(uri: "/get?q=\(encodeAll("Is the upload 100% done?"))&langpair=en%7Cpt-BR", method: .get))
            #expect(answer.responseData.translatedText == "O envio está 100% concluído?")
        }
    }

    @Test(arguments: ["/get?q=x", "/get?langpair=en|de", "/get?q=x&langpair=en", "/get?q=x&langpair=en|zz%20z", "/get?q=%zz&langpair=en|de"])
    func badQueriesAre400(uri: String) async throws {
        try await ServiceFixture().test { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect(errorMessage(response) != nil)
        }
    }
}
