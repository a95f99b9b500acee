import Hummingbird
import TesseraCore

/// MyMemory's `GET /get?q=TEXT&langpair=SRC|TGT` with the response shape MyMemory documents
/// (`responseData.translatedText`, `matches[]` with `segment`, `translation`, `quality`,
/// `match`, `created-by`, ...). The query is form-encoded: `+` is a space.
struct MyMemoryRoutes {
    let gateway: KitGateway
    let work: BlockingWork
    let limits: ServiceLimits

    /// `responseData`.
    struct ResponseData: Codable, Equatable {
        var translatedText: String
        var match: Double
    }

    /// One entry of `matches`.
    struct Match: Codable, Equatable {
        var id: String
        var segment: String
        var translation: String
        var source: String
        var target: String
        var quality: Int
        var reference: String?
        var usageCount: Int
        var subject: String
        var createdBy: String
        var lastUpdatedBy: String
        var createDate: String
        var lastUpdateDate: String
        var match: Double

        enum CodingKeys: String, CodingKey {
            case id, segment, translation, source, target, quality, reference, subject, match
            case usageCount = "usage-count", createdBy = "created-by", lastUpdatedBy = "last-updated-by"
            case createDate = "create-date", lastUpdateDate = "last-update-date"
        }
    }

    /// The whole answer.
    struct Answer: Codable, Equatable {
        var responseData: ResponseData
        var quotaFinished: Bool
        var responseDetails: String
        var responseStatus: Int
        var matches: [Match]
    }

    func add(to router: Router<ServerContext>, read: ScopeMiddleware) {
        router.group("/get").add(middleware: read).get { request, _ in try await get(request) }
    }

    func get(_ request: Request) async throws -> Response {
        let query = try QueryFields(request, limits: limits)
        let text = try query.text("q")
        let pair = try query.required("langpair").split(separator: "|", omittingEmptySubsequences: false)
        guard pair.count == 2 else { throw ServiceError.badRequest("langpair must be 'SOURCE|TARGET', e.g. 'en|de'") }
        let source = try gateway.requireSource(QueryFields.language(String(pair[0]), field: "langpair"))
        let target = try QueryFields.language(String(pair[1]), field: "langpair")
        let gateway = gateway
        let matches = try await work.run { try gateway.lookup(text, source: source, targets: [target], minimum: 50, limit: 10) }
        let entries = matches.map { match in
            Match(
                id: String(match.unit), segment: match.source, translation: match.target, source: match.sourceLanguage,
                target: match.targetLanguage, quality: min(match.score, 100), reference: nil, usageCount: 0, subject: "",
                createdBy: "tessera", lastUpdatedBy: "tessera", createDate: "", lastUpdateDate: "",
                match: Double(min(match.score, 100)) / 100)
        }
        let best = entries.first
        return try JSONBody.response(
            Answer(
                responseData: ResponseData(translatedText: best?.translation ?? "", match: best?.match ?? 0), quotaFinished: false,
                responseDetails: "", responseStatus: 200, matches: entries))
    }
}
