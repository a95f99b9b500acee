import Foundation
import Hummingbird
import TesseraCore
import TesseraKit
import TesseraStorage

/// Import and export over HTTP: `POST /api/v1/import` (the body streamed to a file, then a job),
/// `GET /api/v1/jobs/{id}`, `GET /api/v1/export` (streamed, with an `ETag`). See Docs/SERVICE.md.
struct TransferRoutes {
    let gateway: KitGateway
    let work: BlockingWork
    let limits: ServiceLimits
    let jobs: JobRegistry

    /// The formats an import takes, with the extension its upload file gets (the Kit readers
    /// tell a glossary's format by it).
    static let importFormats = ["tmx": "tmx", "tbx": "tbx", "csv": "csv"]
    /// The duplicate policies an import takes: `keep` the stored unit, `replace` it, store `all`
    /// (no duplicate check), or keep the `newest` by date (Kit's default, as `tessera import`).
    static let policies: [String: ImportDuplicatePolicy] = ["keep": .keepExisting, "replace": .overwrite, "all": .add, "newest": .keepNewest]

    /// Adds the routes: the import behind `write`, the job and the export behind `read`.
    func add(to router: Router<ServerContext>, read: ScopeMiddleware, write: ScopeMiddleware) {
        router.group("/api/v1").add(middleware: write).post("import") { request, context in try await startImport(request, key: context.key) }
        let api = router.group("/api/v1").add(middleware: read)
        api.get("jobs/{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let job = await jobs.job(id) else { throw ServiceError(.notFound, "no job \(id)") }
            return try JSONBody.response(["job": job])
        }
        api.get("export") { request, context in try await export(request, key: context.key) }
    }

    /// `POST /api/v1/import`: checks the options, receives the body into a file, starts the job
    /// and answers 202 with it.
    func startImport(_ request: Request, key: APIKeyRecord?) async throws -> Response {
        let query = try QueryFields(request, limits: limits)
        let format = query.fields["format"] ?? "tmx"
        guard let fileExtension = Self.importFormats[format] else {
            throw ServiceError.badRequest("format must be 'tmx', 'tbx' or 'csv', not '\(format)'")
        }
        let memoryName = try query.memory()
        let policyName = query.fields["policy"] ?? "newest"
        guard let policy = Self.policies[policyName] else {
            throw ServiceError.badRequest("policy must be 'keep', 'replace', 'all' or 'newest', not '\(policyName)'")
        }
        let glossary = query.fields["glossary"].flatMap { $0.isEmpty ? nil : $0 }
        if format != "tmx", glossary == nil {
            throw ServiceError.badRequest("a \(format) import needs the query parameter 'glossary' (the glossary's name)")
        }
        let gateway = gateway
        let memory = try await work.run { try gateway.memory(memoryName, key: key) }
        let (spool, bytes) = try await UploadSpool.receive(
            request.body, expectedLength: request.headers[.contentLength].flatMap(Int.init), limit: limits.maxUploadBytes,
            root: gateway.uploadFolder, fileExtension: fileExtension, work: work)
        let name = "upload.\(fileExtension)"
        let work = work
        let job: Job
        do {
            job = try await jobs.start(bytes: bytes) { progress, cancellation in
                defer { spool.remove() }
                do {
                    if let glossary {
                        let report = try await work.run { try gateway.importGlossary(spool.path, name: name, glossary: glossary) }
                        progress.set(report.concepts)
                        return .init(status: .done, report: .glossary(report))
                    }
                    let report = try await work.run {
                        try gateway.importTMX(spool.path, name: name, into: memory, policy: policy, cancellation: cancellation) { progress.set($0) }
                    }
                    progress.set(report.totals.unitsRead)
                    if report.succeeded { return .init(status: .done, report: .tmx(report)) }
                    let error = report.files.compactMap(\.error).first ?? "the import failed"
                    return .init(status: cancellation.isCancelled ? .cancelled : .failed, report: .tmx(report), error: error)
                } catch {
                    return .init(status: cancellation.isCancelled ? .cancelled : .failed, error: "\(error)")
                }
            }
        } catch {
            spool.remove()
            throw error
        }
        var response = try JSONBody.response(["job": job], status: .accepted)
        response.headers[.location] = "/api/v1/jobs/\(job.id)"
        return response
    }

    /// `GET /api/v1/export`: 304 when `If-None-Match` holds the current `ETag`, else the memory
    /// streamed as TMX or TSV.
    func export(_ request: Request, key: APIKeyRecord?) async throws -> Response {
        let query = try QueryFields(request, limits: limits)
        let formatName = query.fields["format"] ?? "tmx"
        guard let format = ExportMemoryFormat(rawValue: formatName), format == .tmx || format == .tsv else {
            throw ServiceError.badRequest("format must be 'tmx' or 'tsv', not '\(formatName)'")
        }
        let source = try query.fields["source"].flatMap { $0.isEmpty ? nil : try QueryFields.language($0, field: "source") }
        let targets = try query.languages("target") ?? []
        let memoryName = try query.memory()
        let gateway = gateway
        let memory = try await work.run { try gateway.memory(memoryName, key: key) }
        let position = try await work.run { try gateway.changePosition(of: memory) }
        let tag = ExportTag(memory: memory.name, position: position, format: format, source: source, targets: targets).value
        var headers = HTTPFields()
        headers[.eTag] = tag
        if let wanted = request.headers[.ifNoneMatch], ExportTag.matches(wanted, tag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = format == .tmx ? "application/x-tmx+xml; charset=utf-8" : "text/tab-separated-values; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(memory.name).\(format.rawValue)\""
        let body = ExportStream.body(work: work) { path in
            try gateway.export(memory, to: path, format: format, source: source, targets: targets)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
