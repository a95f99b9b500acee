import Foundation
import Hummingbird
import TesseraKit
import TesseraStorage

/// Checks the `Authorization: Bearer KEY` header of a request against the key store: 401 without
/// a valid key where one is needed, 403 with a key whose scope does not allow the request (the
/// memory a key is limited to is checked where a route names the memory: ``allow(_:memory:)``).
/// Reading needs no key when the service runs with `--anonymous-read`.
struct KeyCheck: Sendable {
    /// The key use case of Kit (hashed keys, constant-time comparison).
    let keys: APIKeys
    /// Runs the store's blocking reads.
    let work: BlockingWork
    /// Whether reading is open to anyone.
    let anonymousRead: Bool

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
        return record
    }

    /// Whether a request made with `key` may read or write memory `name`: an anonymous read, or a
    /// key for every memory or for that one.
    static func mayTouch(_ key: APIKeyRecord?, memory name: MemoryName) -> Bool {
        guard let limited = key?.memory else { return true }
        return MemoryName(limited) == name
    }

    /// Refuses a key made for another memory than `name` (`tessera key create --memory`).
    /// - Throws: ``ServiceError`` 403.
    static func allow(_ key: APIKeyRecord?, memory name: MemoryName) throws {
        guard let limited = key?.memory, !mayTouch(key, memory: name) else { return }
        throw ServiceError(.forbidden, "this key is for the memory '\(MemoryName(limited)?.description ?? limited)', not '\(name)'")
    }

    /// Refuses a key limited to one memory (creating memories is for keys of every memory).
    /// - Throws: ``ServiceError`` 403.
    static func requireEveryMemory(_ key: APIKeyRecord?) throws {
        if let limited = key?.memory {
            throw ServiceError(
                .forbidden, "this key is for the memory '\(MemoryName(limited)?.description ?? limited)' only; this request needs a key for every memory")
        }
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
