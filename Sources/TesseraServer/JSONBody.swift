import Foundation
import Hummingbird
import NIOCore

/// JSON in and out, in one place: responses with sorted keys and unescaped `/`; request bodies
/// read up to the body limit and decoded with clear 4xx errors.
enum JSONBody {
    /// The encoder of every JSON response.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A JSON response with `value`.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder().encode(value)
        return response(data: data, status: status)
    }

    /// A JSON response with `value`, written by hand (the same JSON as the encoder's, without
    /// its cost: the answers of every lookup).
    static func response(_ value: some HandWrittenJSON, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: value.jsonText)))
    }

    /// A JSON response with already encoded bytes.
    static func response(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The headers of every JSON response.
    static let headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]

    /// Reads and decodes the request body.
    /// - Throws: ``ServiceError`` 413 over `limit` bytes, 415 when the content type is not JSON,
    ///   400 for malformed JSON or a missing or mistyped field.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServiceError(.contentTooLarge, "the request body is larger than \(limit) bytes")
        }
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw ServiceError(.unsupportedMediaType, "the request body must be application/json, not \(contentType)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw ServiceError(.contentTooLarge, "the request body is larger than \(limit) bytes")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw ServiceError.badRequest("malformed JSON body: \(describe(error))")
        }
    }

    /// One sentence for a decoding error, naming the field.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "" : " at \(names.joined(separator: "."))"
        }
        switch error {
        case .dataCorrupted(let context): return "not valid JSON\(path(context))"
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)'\(path(context))"
        case .typeMismatch(_, let context): return "wrong type\(path(context)): \(context.debugDescription)"
        case .valueNotFound(_, let context): return "missing value\(path(context))"
        @unknown default: return "cannot decode"
        }
    }
}
