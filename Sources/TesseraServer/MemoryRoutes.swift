import Hummingbird
import TesseraKit
import TesseraStorage

/// The memories of the store under `/api/v1/memories`: list and counts (read), create and delete
/// (admin). A key made for one memory sees and deletes only that one and creates none.
struct MemoryRoutes {
    let gateway: KitGateway
    let work: BlockingWork
    let limits: ServiceLimits

    func add(to router: Router<ServerContext>, read: ScopeMiddleware, admin: ScopeMiddleware) {
        let reading = router.group("/api/v1/memories").add(middleware: read)
        reading.get { _, context in
            let gateway = gateway
            return try JSONBody.response(API.MemoryList(memories: try await work.run { try gateway.memoryList(key: context.key) }))
        }
        reading.get(":name") { _, context in
            let name = try Self.name(context)
            let gateway = gateway
            return try JSONBody.response(try await work.run { try gateway.stats(of: name, key: context.key) })
        }
        let administering = router.group("/api/v1/memories").add(middleware: admin)
        administering.post { request, context in
            let body = try await JSONBody.decode(API.MemoryRequest.self, from: request, limit: limits.maxBodyBytes)
            guard let name = MemoryName(body.name) else { throw ServiceError.badRequest(MemoryName.invalid(body.name).message) }
            let gateway = gateway
            let summary = try await work.run { try gateway.createMemory(name, key: context.key) }
            var response = try JSONBody.response(API.MemoryCreated(memory: summary), status: .created)
            response.headers[.location] = "/api/v1/memories/\(name)"
            return response
        }
        administering.delete(":name") { _, context in
            let name = try Self.name(context)
            let gateway = gateway
            try await work.run { try gateway.deleteMemory(name, key: context.key) }
            return Response(status: .noContent)
        }
    }

    /// The `{name}` of the path.
    /// - Throws: ``ServiceError`` 400 for a text that is not a memory name.
    static func name(_ context: ServerContext) throws -> MemoryName {
        let text = context.parameters.get("name") ?? ""
        guard let name = MemoryName(text) else { throw ServiceError.badRequest(MemoryName.invalid(text).message) }
        return name
    }
}
