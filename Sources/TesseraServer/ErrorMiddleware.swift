import HTTPTypes
import Hummingbird
import Logging
import TesseraKit
import TesseraStorage

/// Turns every error into a JSON body `{"error": message}`: ``ServiceError`` keeps its status,
/// Hummingbird's own errors (no route: 404, body too large: 413) theirs; a Kit error about the
/// client's input is a 400 (a missing database or a closed session 503, an unknown memory 404, a
/// memory that exists or cannot be deleted 409); a database server that cannot be reached (a
/// `StorageError` `.unavailable`: PostgreSQL down or restarting) a 503 with `Retry-After: 1`;
/// anything else is logged
/// with the request id and answered 500 `{"error": "Internal error (request ID)"}`: the body never
/// shows internals (SQL, paths, types), only the id under which the log holds the details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            return Self.response(error)
        } catch let error as HTTPError {
            return Self.response(ServiceError(error.status, error.body ?? error.status.reasonPhrase.lowercased()))
        } catch let error as any HTTPResponseError {
            return Self.response(ServiceError(error.status, error.status.reasonPhrase.lowercased()))
        } catch let error as KitError {
            return Self.response(ServiceError(Self.status(of: error), error.message))
        } catch let error as StorageError where error.kind == .unavailable {
            // The database server is down or restarting (PostgreSQL): the pool reconnects by itself
            // on a later request, so the client is told to come back, not that we failed.
            context.logger.warning("database unavailable", metadata: ["error": "\(error)"])
            var response = Self.response(ServiceError(.serviceUnavailable, "The database is unavailable; try again shortly."))
            response.headers[.retryAfter] = "1"
            return response
        } catch {
            let id = context.requestID ?? context.id
            context.logger.error("request failed", metadata: ["request_id": .string(id), "error": "\(String(reflecting: error))"])
            return Self.response(ServiceError(.internalServerError, "Internal error (request \(id))"))
        }
    }

    /// The status of a Kit error: 503 for a missing database or a closed session, 404 for an
    /// unknown memory, 409 for a memory that exists or cannot be deleted, else 400 (the input).
    static func status(of error: KitError) -> HTTPResponse.Status {
        switch error.kind {
        case .noDatabase, .closed: .serviceUnavailable
        case .noMemory: .notFound
        case .memoryExists, .defaultMemory: .conflict
        default: .badRequest
        }
    }

    /// The JSON response of `error` (with `WWW-Authenticate` on a 401).
    static func response(_ error: ServiceError) -> Response {
        var response = (try? JSONBody.response(API.ErrorBody(error: error.message), status: error.status))
            ?? Response(status: error.status)
        if error.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
