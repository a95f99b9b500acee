import Foundation
import Testing
import TesseraCore
import TesseraPostgres
import TesseraStorage
import TesseraTestSupport

/// Named memories as schemas: the name-to-schema rule, and create, list, drop on the test server.
struct PostgresMemorySchemasTests {
    /// Every memory name has its own schema, a plain identifier, and the name reads back from it.
    @Test(arguments: [
        ("legal", "tessera_m_legal"), ("a-b", "tessera_m_a_db"), ("a_b", "tessera_m_a__b"), ("a__b", "tessera_m_a____b"),
        ("x-", "tessera_m_x_d"), ("_", "tessera_m___"), ("2024", "tessera_m_2024"),
    ])
    func schemaNamesAreDistinctAndReadBack(name: String, schema: String) throws {
        #expect(try PostgresMemorySchemas.schema(base: "tessera", memory: name) == schema)
        #expect(try PostgresLocation(url: "postgres://u@h/db?memory=\(name)").schema == schema)
    }

    @Test(arguments: ["", "Legal", "a b", "é", "a/b", String(repeating: "x", count: 54)])
    func badOrTooLongNamesAreRefused(name: String) {
        #expect(throws: StorageError.self) { try PostgresMemorySchemas.schema(base: "tessera", memory: name) }
    }

    @Test func theLongestNameFitsPostgreSQLsLimit() throws {
        #expect(try PostgresMemorySchemas.schema(base: "tessera", memory: String(repeating: "x", count: 53)).utf8.count == 63)
    }

    @Test(.enabled(if: PostgresTestServer.isAvailable))
    func createListDrop() throws {
        let pool = PostgresPool(location: try PostgresLocation(url: try #require(PostgresTestServer.freshURL("mem"))))
        let memories = PostgresMemorySchemas(pool: pool)
        #expect(try !memories.storeExists())
        #expect(try memories.names() == [])
        #expect(try memories.create("legal-2"))
        #expect(try memories.storeExists())  // the store's own schema came with it
        #expect(try memories.create("a_b"))
        #expect(try !memories.create("legal-2"))
        #expect(try memories.names() == ["a_b", "legal-2"])
        #expect(try memories.contains("legal-2") && !memories.contains("legal"))
        // A table in it goes with it.
        let legal = PostgresPool(location: pool.location.with(schema: try PostgresMemorySchemas.schema(base: memories.base, memory: "legal-2")))
        try PostgresMigrator(pool: legal).apply([PostgresMigration("probe v1", ["CREATE TABLE probe (id bigint)"])])
        #expect(try memories.drop("legal-2"))
        #expect(try !memories.drop("legal-2"))
        #expect(try memories.names() == ["a_b"])
    }

    /// Two processes creating one memory at once: exactly one succeeds.
    @Test(.enabled(if: PostgresTestServer.isAvailable))
    func concurrentCreatesOfOneNameSucceedOnce() throws {
        let location = try PostgresLocation(url: try #require(PostgresTestServer.freshURL("mem")))
        let created = Locked<[Bool]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let outcome = (try? PostgresMemorySchemas(pool: PostgresPool(location: location)).create("shared")) ?? false
            created.withLock { $0.append(outcome) }
        }
        #expect(created.withLock { $0 }.filter { $0 }.count == 1)
    }
}
