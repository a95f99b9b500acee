import ArgumentParser
import Foundation
import TesseraKit
import TesseraServer

/// `tessera serve [--host 127.0.0.1] [--port 8080] [--db PATH] [--anonymous-read]`: the HTTP
/// service (Docs/SERVICE.md). Logs one JSON line per event on standard error; prints
/// `listening on http://HOST:PORT` on standard output once the port is bound. SIGTERM or SIGINT
/// answer the requests in flight, then exit 0.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the translation memory and glossaries over HTTP (JSON API, tmserver, MyMemory).",
        discussion: "Reading needs an API key (tessera key create) unless --anonymous-read is given. TLS belongs to a reverse proxy.")

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port (0: any free port).")
    var port = 8080

    @OptionGroup var database: DatabaseOptions

    @Option(
        name: .customLong("memory"),
        help: "The memories /tmserver and /get look up, in priority order with penalties: a,b:5 (default: default).",
        transform: MemorySelection.argument)
    var memories: MemorySelection = .default

    @Flag(name: .long, help: "Let anyone read (lookups, searches, stats) without a key.")
    var anonymousRead = false

    @Option(name: .long, help: "Threads for the blocking database work.")
    var threads = 4

    @Option(name: .long, help: "The largest upload to POST /api/v1/import, in bytes or with K, M, G (binary).")
    var maxUpload = ByteCount(2 << 30)

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be from 1 to 256.") }
    }

    func run() async throws {
        TesseraService.bootstrapLogging()
        var configuration = ServerConfiguration(database: database.location)
        configuration.host = host
        configuration.port = port
        configuration.anonymousRead = anonymousRead
        configuration.memories = memories
        configuration.blockingThreads = threads
        configuration.limits.maxUploadBytes = maxUpload.bytes
        let service: TesseraService
        do {
            service = try TesseraService(configuration)
        } catch {
            throw CommandFailure("\(error)")
        }
        let host = host
        try await service.run { port in
            // Unbuffered, so that a script waiting for the port sees it at once.
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
        }
    }
}
