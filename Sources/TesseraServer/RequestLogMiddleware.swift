import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives each request an id (the client's `X-Request-ID` when it is short and plain, else
/// Hummingbird's), puts it in the logger's metadata and the response's `X-Request-ID`, and logs
/// one line per request with method, path, status and duration.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    static let header = HTTPField.Name("X-Request-ID")!

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        var context = context
        let id = request.headers[Self.header].flatMap { Self.acceptable($0) ? $0 : nil } ?? context.id
        context.logger[metadataKey: "request_id"] = .string(id)
        context.requestID = id
        let started = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[Self.header] = id
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code), "ms": .string(Self.twoDecimals(milliseconds)),
            ])
        return response
    }

    /// `value` with two decimals (`12.30`), as `String(format: "%.2f")` writes it without its
    /// cost (once per request).
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Whether a client's request id may be echoed (1–64 letters, digits, `-`, `_`, `.`).
    static func acceptable(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
