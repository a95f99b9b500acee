import Foundation
import Hummingbird
import TesseraKit
import TesseraStorage

/// Checks the `Authorization: Bearer KEY` header of a request against the key store: 401 without
/// a valid key where one is needed, 403 with a key whose scope (or memory) does not allow the
/// request. Reading needs no key when the service runs with `--anonymous-read`.
struct KeyCheck: Sendable {
    /// The key use case of Kit (hashed keys, constant-time comparison).
    let keys: APIKeys
    /// Runs the store's blocking reads.
    let work: BlockingWork
    /// Whether reading is open to anyone.
    let anonymousRead: Bool
    /// The memory this service serves (phase 1: one, called `default`).
    static let memory = "default"

    /// The key record of the request, or `nil` for an anonymous read.
    /// - Throws: ``ServiceError`` 401 or 403.
    func authorize(_ request: Request, needs scope: APIKeyRecord.Scope) async throws -> APIKeyRecord? {
        guard let header = request.headers[.authorization] else {
            if scope == .read, anonymousRead { return nil }
            throw ServiceError(.unauthorized, "this request needs an API key: send 'Authorization: Bearer KEY'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw ServiceError(.unauthorized, "the Authorization header must be 'Bearer KEY'")
        }
        let key = String(parts[1]).trimmingCharacters(in: .whitespaces)
        let keys = keys
        guard let record = try await work.run({ try keys.verify(key) }) else {
            throw ServiceError(.unauthorized, "unknown API key")
        }
        try Self.require(scope, of: record)
        if let memory = record.memory, memory != Self.memory {
            throw ServiceError(.forbidden, "this key is for the memory '\(memory)', not '\(Self.memory)'")
        }
        return record
    }
}

extension KeyCheck {
    /// Refuses a request whose key (checked by ``authorize(_:needs:)``, `nil` for an anonymous
    /// read) lacks `scope`: for a route whose scope depends on its body (`POST /api/v1/align`
    /// with `"store": true`).
    /// - Throws: ``ServiceError`` 401 without a key, 403 with a key of a lesser scope.
    static func require(_ scope: APIKeyRecord.Scope, of key: APIKeyRecord?) throws {
        guard let key else {
            throw ServiceError(.unauthorized, "this request needs an API key: send 'Authorization: Bearer KEY'")
        }
        guard key.scope.covers(scope) else {
            throw ServiceError(.forbidden, "this request needs a key with the '\(scope.rawValue)' scope; this key has '\(key.scope.rawValue)'")
        }
    }
}

/// Lets a request through only with the scope ``KeyCheck`` requires.
struct ScopeMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    /// The check.
    let keys: KeyCheck
    /// The scope the routes behind it need.
    let scope: APIKeyRecord.Scope

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        context.key = try await keys.authorize(request, needs: scope)
        return try await next(request, context)
    }
}
