public import Hummingbird

/// An error the service answers with: an HTTP status and one sentence, sent as `{"error": message}`.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status (4xx for the client's faults).
    public var status: HTTPResponse.Status
    /// What was wrong, as a sentence.
    public var message: String

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// 400 with `message`.
    static func badRequest(_ message: String) -> ServiceError { ServiceError(.badRequest, message) }
}
