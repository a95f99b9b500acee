import Foundation
import PostgresNIO
import Testing
import TesseraCore
import TesseraPostgres
import TesseraStorage
import TesseraTestSupport

/// Every key look-up of the PostgreSQL glossary store can use its index: the plan of each query,
/// with sequential scans priced out (the test tables are small), names the index.
@Suite(.enabled(if: PostgresTestServer.isAvailable))
struct PostgresGlossaryIndexTests {
    static let glossary = Glossary(name: "g", entries: [
        TermEntry(id: "c1", terms: [Term(text: "capability target", language: LanguageTag("en")!), Term(text: "Ziel", language: LanguageTag("de")!)]),
    ])

    @Test(arguments: [
        ("stemmed", "term_key"), ("prefix", "term_key"), ("containing", "term_words"), ("folded", "term_folded_length"),
    ])
    func lookUpUsesItsIndex(lookup: String, index: String) throws {
        let location = try PostgresLocation(url: try #require(PostgresTestServer.freshURL("gidx")))
        let store = try PostgresGlossaryStore.open(location: location)
        try store.replaceGlossary(Self.glossary, origin: nil)
        let query: PostgresQuery =
            switch lookup {
            case "stemmed": PostgresGlossaryStore.stemmedQuery(language: "en", keys: ["capabiliti target"])
            case "prefix": PostgresGlossaryStore.prefixQuery(language: "en", prefix: "capab")
            case "containing": PostgresGlossaryStore.containingQuery(language: "en", keys: "target")
            default: PostgresGlossaryStore.foldedQuery(language: "en", lengths: 10...20, pieces: ["capa", "get"])
            }
        let pool = PostgresPool(location: location)
        let plan = try pool.withConnection { connection in
            try connection.run("SET enable_seqscan = off", logger: pool.logger)
            return try connection.run(PostgresQuery(unsafeSQL: "EXPLAIN " + query.sql, binds: query.binds), logger: pool.logger)
                .map { try $0.decode(String.self) }.joined(separator: "\n")
        }
        #expect(plan.contains(index), "\(plan)")
    }
}
