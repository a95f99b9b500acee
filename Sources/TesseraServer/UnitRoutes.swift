import Hummingbird
import TesseraKit
import TesseraStorage

/// `/api/v1/units`: one unit at a time (read scope for `GET`, write scope for the rest), each
/// taking `?memory=NAME` (default `default`).
struct UnitRoutes {
    let gateway: KitGateway
    let work: BlockingWork
    let limits: ServiceLimits

    /// Adds the routes: `GET` behind `read`, `POST`, `PUT` and `DELETE` behind `write`.
    func add(to router: Router<ServerContext>, read: ScopeMiddleware, write: ScopeMiddleware) {
        router.group("/api/v1").add(middleware: read).get("units/:id") { request, context in
            let (id, memory) = try target(request, context)
            let gateway = gateway
            let unit = try await work.run { try gateway.unit(id, memory: memory, key: context.key) }
            return try JSONBody.response(API.UnitResponse(unit: unit))
        }
        let writes = router.group("/api/v1").add(middleware: write)
        writes.post("units") { request, context in
            let memory = try Self.memory(request, limits: limits)
            let body = try await JSONBody.decode(API.UnitRequest.self, from: request, limit: limits.maxBodyBytes)
            let gateway = gateway
            let unit = try await work.run { try gateway.addUnit(body, memory: memory, key: context.key) }
            var response = try JSONBody.response(API.UnitResponse(unit: unit), status: .created)
            response.headers[.location] = "/api/v1/units/\(unit.id)"
            return response
        }
        writes.put("units/:id") { request, context in
            let (id, memory) = try target(request, context)
            let body = try await JSONBody.decode(API.UnitRequest.self, from: request, limit: limits.maxBodyBytes)
            let gateway = gateway
            let unit = try await work.run { try gateway.replaceUnit(id, with: body, memory: memory, key: context.key) }
            return try JSONBody.response(API.UnitResponse(unit: unit))
        }
        writes.delete("units/:id") { request, context in
            let (id, memory) = try target(request, context)
            let gateway = gateway
            try await work.run { try gateway.deleteUnit(id, memory: memory, key: context.key) }
            return Response(status: .noContent)
        }
    }

    /// The unit id of the path and the memory of the query.
    /// - Throws: ``ServiceError`` 400 for an id that is not an integer or a bad query.
    private func target(_ request: Request, _ context: ServerContext) throws -> (id: Int64, memory: MemoryName) {
        let raw = context.parameters.get("id") ?? ""
        guard let id = Int64(raw) else { throw ServiceError.badRequest("the unit id must be an integer, not '\(raw)'") }
        return (id, try Self.memory(request, limits: limits))
    }

    /// The memory the `memory` query parameter names (absent: `default`).
    /// - Throws: ``ServiceError`` 400 for bad percent-encoding or a bad name.
    static func memory(_ request: Request, limits: ServiceLimits) throws -> MemoryName {
        try QueryFields(request, limits: limits).memory()
    }
}
