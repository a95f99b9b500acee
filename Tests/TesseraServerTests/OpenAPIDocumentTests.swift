import Foundation
import Hummingbird
import Testing

@testable import TesseraServer

struct OpenAPIDocumentTests {
    func document() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
    }

    /// Every route the router serves is in the document with its method, and nothing else is
    /// (the web page's files are not API: ``WebPage/routes``).
    @Test func pathsAndRoutesAgree() async throws {
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path.hasSuffix("/") ? String(path.dropLast()) : path)") }
        }
        let service = try ServiceFixture().service
        let routes = service.router().routes
        try await service.shutdown()
        let served = Set(routes.filter { !WebPage.routes.contains($0.path.description) }.map { route in
            "\(route.method) \(route.path.description.replacingOccurrences(of: "{src}/{tgt}/unit/**", with: "{src}/{tgt}/unit/{text}"))"
        })
        #expect(served == documented)
    }

    @Test func declaresBearerAuthAndErrorShape() throws {
        let document = try document()
        #expect(document["openapi"] as? String == "3.1.0")
        let components = try #require(document["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: [String: String]])
        #expect(schemes["bearer"]?["scheme"] == "bearer")
        let schemas = try #require(components["schemas"] as? [String: Any])
        #expect(schemas["Error"] != nil)
        // Every $ref points to a schema or response that exists.
        let refs = OpenAPIDocument.json.matches(of: /"\$ref": "#\/components\/(schemas|responses)\/([A-Za-z]+)"/).map { ($0.1, $0.2) }
        let responses = try #require(components["responses"] as? [String: Any])
        for (kind, name) in refs {
            #expect((kind == "schemas" ? schemas[String(name)] : responses[String(name)]) != nil, "\(name)")
        }
    }
}
