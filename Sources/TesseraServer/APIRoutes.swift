import Foundation
import Hummingbird
import TesseraCore
import TesseraKit
import TesseraStorage

/// The JSON API under `/api/v1` (see ``OpenAPIDocument``).
struct APIRoutes {
    let gateway: KitGateway
    let work: BlockingWork
    let limits: ServiceLimits

    /// Adds the routes: reads behind `read`, key management behind `admin`.
    func add(to router: Router<ServerContext>, read: ScopeMiddleware, admin: ScopeMiddleware) {
        router.get("/api/v1/openapi.json") { _, _ in JSONBody.response(data: OpenAPIDocument.data) }
        let api = router.group("/api/v1").add(middleware: read)
        api.get("lookup") { request, context in try await lookup(request, key: context.key) }
        api.post("lookup") { request, context in try await batchLookup(request, key: context.key) }
        api.get("concordance") { request, context in try await concordance(request, key: context.key) }
        api.get("term") { request, _ in try await term(request) }
        api.get("terms-in") { request, _ in try await termsIn(request) }
        api.post("check") { request, _ in try await check(request) }
        api.post("segment") { request, _ in try await segment(request) }
        api.post("align") { request, context in try await align(request, key: context.key) }
        api.get("stats") { request, context in
            let memory = try QueryFields(request, limits: limits).memory()
            let gateway = gateway
            return try JSONBody.response(try await work.run { try gateway.stats(of: memory, key: context.key) })
        }
        router.group("/api/v1").add(middleware: admin).get("keys") { _, context in
            try KeyCheck.allow(context.key, memory: .default)  // the keys live in the default memory's file
            let keys = gateway.keys
            let records = try await work.run { try keys.all() }
            return try JSONBody.response(records.map { API.KeyInfo(id: $0.id ?? 0, prefix: $0.prefix, scope: $0.scope.rawValue, memory: $0.memory, created: $0.created) })
        }
    }

    func lookup(_ request: Request, key: APIKeyRecord?) async throws -> Response {
        let query = try QueryFields(request, limits: limits)
        let text = try query.text("q")
        let memories = try query.memories()
        let source = try query.language("source")
        let targets = try query.languages("target")
        let minimum = try query.integer("min", in: 0...101, default: 75)
        let limit = try query.integer("limit", in: 1...limits.maxMatches, default: 5)
        let gateway = gateway
        let matches = try await work.run {
            _ = try gateway.requireSource(source, in: memories, key: key)
            return try gateway.lookup(text, in: memories, key: key, source: source, targets: targets, minimum: minimum, limit: limit)
        }
        return JSONBody.response(API.LookupResult(query: text, matches: matches))
    }

    func batchLookup(_ request: Request, key: APIKeyRecord?) async throws -> Response {
        let memories = try QueryFields(request, limits: limits).memories()
        let batch = try await JSONBody.decode(API.BatchLookupRequest.self, from: request, limit: limits.maxBodyBytes)
        guard batch.queries.count <= limits.maxBatch else {
            throw ServiceError.badRequest("a batch holds at most \(limits.maxBatch) queries, not \(batch.queries.count)")
        }
        for query in batch.queries { try QueryFields.checkLength(query, limits: limits) }
        let source = try QueryFields.language(batch.source, field: "source")
        let targets = try batch.targets.map { try $0.map { try QueryFields.language($0, field: "targets") } }
        let minimum = batch.minimum ?? 75
        let limit = batch.limit ?? 5
        guard (0...101).contains(minimum), (1...limits.maxMatches).contains(limit) else {
            throw ServiceError.badRequest("minimum must be from 0 to 101 and limit from 1 to \(limits.maxMatches)")
        }
        let gateway = gateway
        let results = try await work.run {
            _ = try gateway.requireSource(source, in: memories, key: key)
            return try batch.queries.map { query in
                API.LookupResult(
                    query: query,
                    matches: try gateway.lookup(query, in: memories, key: key, source: source, targets: targets, minimum: minimum, limit: limit))
            }
        }
        return JSONBody.response(API.BatchLookupResponse(results: results))
    }

    func concordance(_ request: Request, key: APIKeyRecord?) async throws -> Response {
        let query = try QueryFields(request, limits: limits)
        let text = try query.text("q")
        let memory = try query.memory()
        let language = try query.language("lang")
        let other = try query.languages("other")?.first
        let mode = query.fields["mode"] ?? "phrase"
        guard mode == "phrase" || mode == "words" else { throw ServiceError.badRequest("mode must be 'phrase' or 'words'") }
        let limit = try query.integer("limit", in: 1...200, default: 20)
        let gateway = gateway
        let result = try await work.run {
            _ = try gateway.requireSource(language, in: MemorySelection([.init(memory)]), key: key)
            return try gateway.concordance(text, in: memory, key: key, language: language, other: other, allWords: mode == "words", limit: limit)
        }
        return try JSONBody.response(result)
    }

    func term(_ request: Request) async throws -> Response {
        let query = try QueryFields(request, limits: limits)
        let text = try query.text("q")
        let source = try query.language("source")
        let targets = try query.languages("target") ?? []
        let limit = try query.integer("limit", in: 1...limits.maxMatches, default: 10)
        let gateway = gateway
        let hits = try await work.run { try gateway.term(text, source: source, targets: targets, limit: limit) }
        return try JSONBody.response(["hits": hits])
    }

    func termsIn(_ request: Request) async throws -> Response {
        let query = try QueryFields(request, limits: limits)
        let text = try query.text("q")
        let source = try query.language("source")
        let targets = try query.languages("target") ?? []
        let gateway = gateway
        let occurrences = try await work.run { try gateway.termsIn(text, source: source, targets: targets) }
        return try JSONBody.response(["occurrences": occurrences])
    }

    func check(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.CheckRequest.self, from: request, limit: limits.maxBodyBytes)
        guard body.pairs.count <= limits.maxBatch else {
            throw ServiceError.badRequest("a check holds at most \(limits.maxBatch) pairs, not \(body.pairs.count)")
        }
        let source = try QueryFields.language(body.source, field: "source")
        let target = try QueryFields.language(body.target, field: "target")
        let gateway = gateway
        let report = try await work.run { try gateway.check(body.pairs, source: source, target: target) }
        return try JSONBody.response(report)
    }

    func segment(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.SegmentRequest.self, from: request, limit: limits.maxBodyBytes)
        let language = try QueryFields.language(body.language, field: "language")
        let gateway = gateway
        let sentences = try await work.run { gateway.segment(body.text, language: language) }
        return try JSONBody.response(API.SegmentResponse(sentences: sentences))
    }

    func align(_ request: Request, key: APIKeyRecord?) async throws -> Response {
        let body = try await JSONBody.decode(API.AlignRequest.self, from: request, limit: limits.maxBodyBytes)
        let sourceLanguage = try QueryFields.language(body.source.language, field: "source.language")
        let targetLanguage = try QueryFields.language(body.target.language, field: "target.language")
        let store = body.store ?? false
        let minimum = body.minimumConfidence ?? (store ? KitGateway.storedMinimumConfidence : 0)
        guard (0...1).contains(minimum) else { throw ServiceError.badRequest("minimumConfidence must be from 0 to 1") }
        let gateway = gateway
        guard store else {
            let pairs = try await work.run {
                gateway.align(source: body.source.text, sourceLanguage, target: body.target.text, targetLanguage, minimumConfidence: minimum)
            }
            return try JSONBody.response(API.AlignResponse(pairs: pairs))
        }
        try KeyCheck.require(.write, of: key)
        let memory = try UnitRoutes.memory(request, limits: limits)
        let result = try await work.run {
            try gateway.alignAndStore(
                source: body.source.text, sourceLanguage, target: body.target.text, targetLanguage, minimumConfidence: minimum, memory: memory, key: key)
        }
        return try JSONBody.response(API.AlignResponse(pairs: result.pairs, stored: result.stored))
    }
}
