import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import TesseraServer

/// A graceful shutdown (what SIGTERM and SIGINT start through `runService`) answers the request in
/// flight before the server stops.
struct GracefulShutdownTests {
    /// The port the server bound, set once it runs.
    actor Port {
        var value: Int?
        func set(_ port: Int) { value = port }
    }

    /// Whether the slow handler has been entered.
    actor Entered {
        var value = false
        func set() { value = true }
    }

    @Test func requestInFlightIsAnsweredThenTheServerStops() async throws {
        let fixture = try ServiceFixture()
        let router = fixture.service.router()
        let entered = Entered()
        router.get("/test-slow") { _, _ in
            await entered.set()
            try await Task.sleep(for: .milliseconds(700))
            return "done"
        }
        var logger = Logger(label: "tessera-test")
        logger.logLevel = .error
        let port = Port()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in await port.set(channel.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let server = Task { try await group.run() }
        var bound: Int?
        for _ in 0..<200 where bound == nil {
            try await Task.sleep(for: .milliseconds(20))
            bound = await port.value
        }
        let portNumber = try #require(bound)
        let request = Task { () -> (Int, String) in
            let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(portNumber)/test-slow")!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }
        // Shut down only once the request is inside the handler (a fixed wait fails on a busy
        // machine, where the client may not even have connected yet).
        for _ in 0..<1_000 where !(await entered.value) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await entered.value)
        await group.triggerGracefulShutdown()
        let (status, body) = try await request.value
        #expect(status == 200 && body == "done")
        try await server.value  // the server stopped without an error
        try await fixture.service.shutdown()
        // And it no longer accepts connections.
        await #expect(throws: (any Error).self) {
            _ = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(portNumber)/health")!)
        }
    }
}
