import Hummingbird
import TesseraCore
import TesseraKit
import TesseraStorage

/// amaGama's tmserver API, as Weblate, Pootle and Virtaal call it:
/// `GET /tmserver/{src}/{tgt}/unit/{text}` and `GET /tmserver/languages/`.
///
/// The text is percent-encoded with no safe characters (`%2F` is a slash of the text), so it is
/// read from the raw path and decoded here; a bad escape is a 400. Languages arrive as the
/// clients write them (`pt_br`, `pt_BR`, `sr@latin`) and are mapped by ``ClientLanguage``.
/// `min_similarity` defaults to 70 and is raised to at least 30; `max_candidates` defaults to 5
/// (amaGama's settings) and is capped at ``ServiceLimits/maxMatches``.
struct TMServerRoutes {
    let gateway: KitGateway
    let work: BlockingWork
    let limits: ServiceLimits
    /// The memories looked up (`tessera serve --memory`).
    let memories: MemorySelection

    /// amaGama's defaults and floor.
    static let defaultMinSimilarity = 70
    static let lowestMinSimilarity = 30
    static let defaultMaxCandidates = 5

    /// One suggestion, in amaGama's shape.
    struct Suggestion: Codable, Equatable {
        var source: String
        var target: String
        var quality: Int
        var rank: Double
    }

    /// amaGama's language list.
    struct Languages: Codable, Equatable {
        var sourceLanguages: [String]
        var targetLanguages: [String]
    }

    func add(to router: Router<ServerContext>, read: ScopeMiddleware) {
        let group = router.group("/tmserver").add(middleware: read)
        group.get("languages") { _, context in
            let (gateway, memories) = (gateway, memories)
            let codes = Self.clientCodes(try await work.run { try gateway.languages(in: memories, key: context.key) })
            return try JSONBody.response(Languages(sourceLanguages: codes, targetLanguages: codes))
        }
        group.get(":src/:tgt/unit/**") { request, context in try await unit(request, key: context.key) }
    }

    /// The codes as amaGama's clients write them: lower case, `_` for `-` (`pt_br`).
    static func clientCodes(_ languages: [LanguageTag]) -> [String] {
        Array(Set(languages.map { $0.description.lowercased().replacingOccurrences(of: "-", with: "_") })).sorted()
    }

    func unit(_ request: Request, key: APIKeyRecord?) async throws -> Response {
        // "/tmserver/SRC/TGT/unit/TEXT" from the raw path: TEXT may hold encoded (or plain) slashes.
        let parts = request.uri.path.split(separator: "/", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { throw ServiceError(.notFound, "no such path") }
        let (rawSource, rawTarget, rawText) = (parts[2], parts[3], parts[5])
        let source: LanguageTag
        let target: LanguageTag
        let text: String
        do {
            source = try QueryFields.language(PercentDecoding.decode(rawSource), field: "source")
            target = try QueryFields.language(PercentDecoding.decode(rawTarget), field: "target")
            text = try PercentDecoding.decode(rawText)
        } catch let failure as PercentDecoding.Failure {
            throw ServiceError.badRequest("path: \(failure.message)")
        }
        guard !text.isEmpty else { throw ServiceError.badRequest("the text to look up is empty") }
        try QueryFields.checkLength(text, limits: limits)
        let query = try QueryFields(request, limits: limits)
        // Like amaGama: a value that is not a positive integer means the default.
        let asked = query.fields["min_similarity"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        let minimum = min(max(asked ?? Self.defaultMinSimilarity, Self.lowestMinSimilarity), 100)
        let candidates = query.fields["max_candidates"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultMaxCandidates
        let limit = min(candidates, limits.maxMatches)
        let (gateway, memories) = (gateway, memories)
        let matches = try await work.run {
            _ = try gateway.requireSource(source, in: memories, key: key)
            return try gateway.lookup(text, in: memories, key: key, source: source, targets: [target], minimum: minimum, limit: limit)
        }
        let suggestions = matches.map { Suggestion(source: $0.source, target: $0.target, quality: min($0.score, 100), rank: Double($0.score)) }
        return JSONBody.response(suggestions)
    }
}

extension TMServerRoutes.Suggestion: HandWrittenJSON {
    func write(to json: inout JSONText) {
        json.object { json in
            json.key("quality")
            json.integer(quality)
            json.key("rank")
            json.number(rank)
            json.key("source")
            json.string(source)
            json.key("target")
            json.string(target)
        }
    }
}
