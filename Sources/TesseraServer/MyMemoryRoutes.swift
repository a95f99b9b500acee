import Hummingbird
import TesseraCore
import TesseraKit
import TesseraStorage

/// MyMemory's `GET /get?q=TEXT&langpair=SRC|TGT` with the response shape MyMemory documents
/// (`responseData.translatedText`, `matches[]` with `segment`, `translation`, `quality`,
/// `match`, `created-by`, ...). The query is form-encoded: `+` is a space.
struct MyMemoryRoutes {
    let gateway: KitGateway
    let work: BlockingWork
    let limits: ServiceLimits
    /// The memories looked up (`tessera serve --memory`).
    let memories: MemorySelection

    /// `responseData`.
    struct ResponseData: Codable, Equatable {
        var translatedText: String
        var match: Double
    }

    /// What a match says: the fields that change from match to match.
    struct Match: Codable, Equatable {
        var id, segment, translation, source, target: String
        var quality: Int
        var match: Double
    }

    /// MyMemory's bookkeeping fields of a match, which Tessera has no value for: the same for
    /// every match, sent so that clients reading them find them.
    struct Bookkeeping: Codable, Equatable {
        var usageCount = 0
        var subject = ""
        var createdBy = "tessera"
        var lastUpdatedBy = "tessera"
        var createDate = ""
        var lastUpdateDate = ""

        enum CodingKeys: String, CodingKey {
            case subject, usageCount = "usage-count", createdBy = "created-by", lastUpdatedBy = "last-updated-by"
            case createDate = "create-date", lastUpdateDate = "last-update-date"
        }
    }

    /// One entry of `matches`: a ``Match`` and the ``Bookkeeping`` fields in one JSON object.
    @dynamicMemberLookup
    struct Entry: Codable, Equatable {
        var fields: Match
        var bookkeeping = Bookkeeping()

        init(_ fields: Match) { self.fields = fields }

        init(from decoder: any Decoder) throws {
            fields = try Match(from: decoder)
            bookkeeping = try Bookkeeping(from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            try fields.encode(to: encoder)
            try bookkeeping.encode(to: encoder)
        }

        subscript<T>(dynamicMember path: KeyPath<Match, T>) -> T { fields[keyPath: path] }
    }

    /// The whole answer.
    struct Answer: Codable, Equatable {
        var responseData: ResponseData
        var quotaFinished: Bool
        var responseDetails: String
        var responseStatus: Int
        var matches: [Entry]
    }

    func add(to router: Router<ServerContext>, read: ScopeMiddleware) {
        router.group("/get").add(middleware: read).get { request, context in try await get(request, key: context.key) }
    }

    func get(_ request: Request, key: APIKeyRecord?) async throws -> Response {
        let query = try QueryFields(request, limits: limits)
        let text = try query.text("q")
        let pair = try query.required("langpair").split(separator: "|", omittingEmptySubsequences: false)
        guard pair.count == 2 else { throw ServiceError.badRequest("langpair must be 'SOURCE|TARGET', e.g. 'en|de'") }
        let source = try QueryFields.language(String(pair[0]), field: "langpair")
        let target = try QueryFields.language(String(pair[1]), field: "langpair")
        let (gateway, memories) = (gateway, memories)
        let matches = try await work.run {
            _ = try gateway.requireSource(source, in: memories, key: key)
            return try gateway.lookup(text, in: memories, key: key, source: source, targets: [target], minimum: 50, limit: 10)
        }
        let entries = matches.map { match in
            Entry(
                Match(
                    id: String(match.unit), segment: match.source, translation: match.target, source: match.sourceLanguage,
                    target: match.targetLanguage, quality: min(match.score, 100), match: Double(min(match.score, 100)) / 100))
        }
        let best = entries.first
        return try JSONBody.response(
            Answer(
                responseData: ResponseData(translatedText: best?.translation ?? "", match: best?.match ?? 0), quotaFinished: false,
                responseDetails: "", responseStatus: 200, matches: entries))
    }
}
