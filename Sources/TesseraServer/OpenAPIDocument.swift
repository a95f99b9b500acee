package import Foundation

/// The OpenAPI 3.1 description of the service, served as is at `/api/v1/openapi.json`. It is kept
/// in the repo as the resource `Sources/TesseraServer/openapi.json`, next to the routes;
/// `OpenAPIDocumentTests` checks that its paths and the router's routes are the same set, so the
/// two cannot drift apart.
package enum OpenAPIDocument {
    /// The document's bytes, read once from the module's resource bundle.
    package static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            return Data(#"{"openapi":"3.1.0","info":{"title":"Tessera","version":"1.0.0"},"paths":{}}"#.utf8)
        }
        return data
    }()

    /// The document as text.
    package static var json: String { String(decoding: data, as: UTF8.self) }
}
