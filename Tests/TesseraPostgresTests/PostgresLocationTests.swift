import Testing
import TesseraPostgres
import TesseraStorage

/// Parsing of PostgreSQL URLs: no server needed.
struct PostgresLocationTests {
    @Test(arguments: [
        ("postgres://tm:secret@db.example:6543/memory", "db.example", 6543, "tm", "secret", "memory", "tessera", 8),
        ("postgresql://tm@localhost/memory?schema=team_a&pool=3", "localhost", 5432, "tm", nil, "memory", "team_a", 3),
        ("postgres://tm@/memory?host=/var/run/postgresql", "", 5432, "tm", nil, "memory", "tessera", 8),
        ("postgres://u%40x:p%2Fw@h/d", "h", 5432, "u@x", "p/w", "d", "tessera", 8),
    ] as [(String, String, Int, String, String?, String, String, Int)])
    func parses(url: String, host: String, port: Int, user: String, password: String?, database: String, schema: String, pool: Int) throws {
        let location = try PostgresLocation(url: url)
        #expect(location.host == host)
        #expect(location.port == port)
        #expect(location.user == user)
        #expect(location.password == password)
        #expect(location.database == database)
        #expect(location.schema == schema)
        #expect(location.poolSize == pool)
        #expect(!location.description.contains("secret"))
    }

    @Test func socketFolder() throws {
        let location = try PostgresLocation(url: "postgres://tm@/memory?host=/tmp/pg&port=5433")
        #expect(location.socketFolder == "/tmp/pg")
        #expect(location.description.contains("/tmp/pg/.s.PGSQL.5433"))
    }

    @Test(arguments: [
        ("mysql://a@b/c", "expected postgres://"),
        ("postgres://a@b/c?schema=Bad-Name", "schema"),
        ("postgres://a@b/c?schema=1abc", "schema"),
        ("postgres://a@b/c?pool=0", "pool"),
        ("postgres://a@b/c?pool=many", "pool"),
        ("postgres://a@b:99999/c", "port"),
        ("postgres://a@b/c?sslmode=require", "TLS"),
        ("postgres://a@b/c?colour=blue", "unknown parameter 'colour'"),
        ("postgres://a:secret@b/c?colour=blue", "***"),
    ])
    func refuses(url: String, mentioning part: String) {
        #expect {
            _ = try PostgresLocation(url: url)
        } throws: { error in
            guard let error = error as? StorageError else { return false }
            return error.kind == .cannotOpen && error.message.contains(part) && !error.message.contains("secret")
        }
    }
}
