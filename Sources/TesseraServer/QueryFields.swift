import Hummingbird
import TesseraCore
import TesseraKit

/// The query string of a request read as a form (`+` is a space, `%2B` a plus), with typed,
/// checked accessors whose failures are 400s naming the field.
struct QueryFields {
    /// The decoded fields.
    let fields: [String: String]
    /// The limits (query length).
    let limits: ServiceLimits

    /// Reads the raw query of `request`.
    /// - Throws: ``ServiceError`` 400 for bad percent-encoding.
    init(_ request: Request, limits: ServiceLimits) throws {
        do {
            fields = try PercentDecoding.formFields(request.uri.query ?? "")
        } catch {
            throw ServiceError.badRequest("query string: \(error.message)")
        }
        self.limits = limits
    }

    /// A field that must be there and not empty.
    func required(_ name: String) throws -> String {
        guard let value = fields[name], !value.isEmpty else { throw ServiceError.badRequest("missing query parameter '\(name)'") }
        return value
    }

    /// The query text of field `name`: required, at most `maxQueryLength` characters.
    func text(_ name: String) throws -> String {
        let value = try required(name)
        try Self.checkLength(value, limits: limits)
        return value
    }

    /// A language field: required (unless `optional`), a code as tools write it.
    func language(_ name: String) throws -> LanguageTag {
        try Self.language(required(name), field: name)
    }

    /// An optional, comma-separated list of languages.
    func languages(_ name: String) throws -> [LanguageTag]? {
        guard let value = fields[name], !value.isEmpty else { return nil }
        return try value.split(separator: ",").map { try Self.language(String($0), field: name) }
    }

    /// An integer field in `range`, `fallback` when absent.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws -> Int {
        guard let raw = fields[name], !raw.isEmpty else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            throw ServiceError.badRequest("query parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The `memory` field: one memory name, `default` when absent.
    /// - Throws: ``ServiceError`` 400 for a bad name.
    func memory(_ name: String = "memory") throws -> MemoryName {
        guard let value = fields[name], !value.isEmpty else { return .default }
        guard let memory = MemoryName(value) else { throw ServiceError.badRequest(MemoryName.invalid(value).message) }
        return memory
    }

    /// The `memory` field of a lookup: a priority list `a,b:5` (``MemorySelection``), `fallback`
    /// when absent.
    /// - Throws: ``ServiceError`` 400 for a bad list.
    func memories(_ name: String = "memory", default fallback: MemorySelection = .default) throws -> MemorySelection {
        guard let value = fields[name], !value.isEmpty else { return fallback }
        do {
            return try MemorySelection(value)
        } catch {
            throw ServiceError.badRequest(error.message)
        }
    }

    /// A language code as tools write it (`pt_BR`, `pt-br`, `sr@latin`).
    /// - Throws: ``ServiceError`` 400 for anything else.
    static func language(_ code: String, field: String) throws -> LanguageTag {
        guard let tag = ClientLanguage.tag(code) else { throw ServiceError.badRequest("'\(code)' (\(field)) is not a language code") }
        return tag
    }

    /// Refuses a text longer than the query limit.
    static func checkLength(_ text: String, limits: ServiceLimits) throws {
        guard text.unicodeScalars.count <= limits.maxQueryLength else {
            throw ServiceError.badRequest("the query is longer than \(limits.maxQueryLength) characters")
        }
    }
}
