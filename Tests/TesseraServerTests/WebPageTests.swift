import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import TesseraServer

struct WebPageTests {
    /// Each file of the page with its content type and a piece of its text.
    static let files: [(path: String, contentType: String, contains: String)] = [
        ("/", "text/html; charset=utf-8", "<title>Tessera</title>"),
        ("/app.js", "text/javascript; charset=utf-8", "\"use strict\";"),
        ("/app.css", "text/css; charset=utf-8", "@media"),
    ]

    /// The page's text as served.
    func text(_ path: String) async throws -> String {
        try await ServiceFixture().test { client in
            try await client.execute(uri: path, method: .get) { response in String(buffer: response.body) }
        }
    }

    @Test(arguments: files)
    func servesEachFileWithItsTypeAndPolicy(path: String, contentType: String, contains: String) async throws {
        try await ServiceFixture().test { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == contentType)
                #expect(String(buffer: response.body).contains(contains))
                #expect(response.headers[.cacheControl] == "no-cache")
                #expect(response.headers[.eTag]?.hasPrefix("\"") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("script-src 'self'"))
                #expect(policy.contains("connect-src 'self'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("unsafe"))
            }
        }
    }

    /// `If-None-Match` with the file's ETag is a 304 without a body; another ETag gets the file.
    @Test(arguments: files.map(\.path))
    func revalidatesWithTheETag(path: String) async throws {
        try await ServiceFixture().test { client in
            let etag = try await client.execute(uri: path, method: .get) { try #require($0.headers[.eTag]) }
            try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == etag)
            }
            try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"other\", \(etag)"]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes > 0)
            }
        }
    }

    /// The page loads without a key (it asks for one when the API answers 401).
    @Test func pageNeedsNoKeyWhereTheAPIDoes() async throws {
        try await ServiceFixture(anonymousRead: false).test { client in
            for file in Self.files {
                try await client.execute(uri: file.path, method: .get) { #expect($0.status == .ok, "\(file.path)") }
            }
            try await client.execute(uri: "/api/v1/stats", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    /// The Content-Security-Policy forbids inline code, so the page has none: every script is a
    /// file, no `on...=` handler attribute, no `style` attribute or element.
    @Test func htmlHasNoInlineScriptOrStyle() async throws {
        let html = try await text("/")
        #expect(html.matches(of: /<script(?![^>]*\ssrc=)/).isEmpty)
        #expect(html.matches(of: /\son[a-z]+\s*=/).isEmpty)
        #expect(html.matches(of: /\sstyle\s*=|<style/).isEmpty)
        #expect(html.contains(#"<script src="/app.js" defer></script>"#))
    }

    /// Text from the server is only ever set as text: the script never parses HTML.
    @Test func scriptNeverParsesHTML() async throws {
        let script = try await text("/app.js")
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
            #expect(!script.contains(sink), "\(sink)")
        }
    }

    /// Every element the script looks up by id (`$("...")`) is in the page.
    @Test func everyIdTheScriptUsesIsInThePage() async throws {
        let html = try await text("/")
        let script = try await text("/app.js")
        let used = Set(script.matches(of: /\$\("([A-Za-z0-9_-]+)"\)/).map { String($0.1) })
        let defined = Set(html.matches(of: /\sid="([A-Za-z0-9_-]+)"/).map { String($0.1) })
        #expect(used.count > 20)
        #expect(used.subtracting(defined).isEmpty, "\(used.subtracting(defined).sorted())")
    }

    /// Every form control of the page has a label (a `<label for>`, an enclosing label or an
    /// `aria-label`).
    @Test func everyControlHasALabel() async throws {
        let html = try await text("/")
        let labelled = Set(html.matches(of: /<label[^>]*\sfor="([A-Za-z0-9_-]+)"/).map { String($0.1) })
        for control in html.matches(of: /<(input|select|textarea)\b([^>]*)>/) {
            let attributes = String(control.2)
            if attributes.contains("type=\"hidden\"") || attributes.contains("aria-label") { continue }
            let id = attributes.firstMatch(of: /\sid="([A-Za-z0-9_-]+)"/).map { String($0.1) }
            #expect(id.map { labelled.contains($0) } == true, "\(control.0)")
        }
    }
}
