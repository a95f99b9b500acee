import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TesseraKit

/// The web page for translators and terminologists at `/` (Docs/SERVICE.md, "Web page"): one HTML
/// file, its script and its style sheet, kept as the module's resources in `Web/` and served as
/// they are (no build step, no framework). The page uses only the JSON API of the same origin, so
/// the files need no key.
///
/// Each answer carries its content type, `Cache-Control: no-cache` with an `ETag` (a browser
/// revalidates and gets a 304 while the file is unchanged), and a Content-Security-Policy that
/// allows scripts, styles and requests from this origin only and no inline code.
struct WebPage {
    /// One file of the page.
    struct File: Sendable {
        /// The path it is served at.
        let path: String
        /// The resource's name in `Web/`.
        let resource: String
        /// Its `Content-Type`.
        let contentType: String
        /// Its bytes, `nil` when the resource bundle lacks it.
        let data: Data?
        /// A strong ETag: the start of the SHA-256 of the bytes, quoted.
        let etag: String
    }

    /// The paths of the page (not part of the API, so not in the OpenAPI document).
    static let routes: Set<String> = Set(files.map(\.path))

    /// The files, read once from the module's resources.
    static let files: [File] = [
        load(path: "/", resource: "index.html", contentType: "text/html; charset=utf-8"),
        load(path: "/app.js", resource: "app.js", contentType: "text/javascript; charset=utf-8"),
        load(path: "/app.css", resource: "app.css", contentType: "text/css; charset=utf-8"),
    ]

    /// Scripts, styles, requests and images from this origin only (and the page's `data:` icon);
    /// no inline code, no plug-ins, no framing, forms go nowhere.
    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
        "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// Adds a `GET` route for each file.
    func add(to router: Router<ServerContext>) {
        for file in Self.files {
            router.get(RouterPath(file.path)) { request, _ in try Self.response(file, to: request) }
        }
    }

    /// The file, or a 304 when the request's `If-None-Match` names its ETag.
    /// - Throws: ``ServiceError`` 500 when the resource bundle lacks the file (a broken install).
    static func response(_ file: File, to request: Request) throws -> Response {
        guard let data = file.data else {
            throw ServiceError(.internalServerError, "the web page's file \(file.resource) is missing from the installation")
        }
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.cacheControl] = "no-cache"
        headers[.eTag] = file.etag
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if let tags = request.headers[.ifNoneMatch], matches(tags, file.etag) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Whether an `If-None-Match` value (`*` or a comma-separated list of ETags) names `etag`.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    private static func load(path: String, resource: String, contentType: String) -> File {
        let name = (resource as NSString).deletingPathExtension
        let ext = (resource as NSString).pathExtension
        let data = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Web").flatMap { try? Data(contentsOf: $0) }
        let etag = "\"" + SHA256.hex(Array(data ?? Data())).prefix(20) + "\""
        return File(path: path, resource: resource, contentType: contentType, data: data, etag: etag)
    }
}
