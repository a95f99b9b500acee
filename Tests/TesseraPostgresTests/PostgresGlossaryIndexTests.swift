import Foundation
import PostgresNIO
import Testing
import TesseraCore
import TesseraPostgres
import TesseraStorage
import TesseraTestSupport

/// Every key look-up of the PostgreSQL glossary store can use its index: the plan of each query,
/// on a glossary of 3,000 concepts, names the index.
@Suite(.enabled(if: PostgresTestServer.isAvailable))
struct PostgresGlossaryIndexTests {
    /// 3,000 concepts (English and German terms of several lengths), so that the planner has
    /// statistics to choose by.
    static let glossary = Glossary(name: "g", entries: (0..<3_000).map { index in
        TermEntry(id: "c\(index)", terms: [
            Term(text: "capability\(index) target\(index % 50) " + String(repeating: "x", count: index % 17), language: LanguageTag("en")!),
            Term(text: "Ziel\(index)", language: LanguageTag("de")!),
        ])
    })

    @Test(arguments: [
        ("stemmed", "term_key"), ("prefix", "term_key"), ("containing", "term_words"), ("folded", "term_folded_length"),
    ])
    func lookUpUsesItsIndex(lookup: String, index: String) throws {
        let location = try PostgresLocation(url: try #require(PostgresTestServer.freshURL("gidx")))
        let store = try PostgresGlossaryStore.open(location: location)
        try store.replaceGlossary(Self.glossary, origin: nil)
        let query: PostgresQuery =
            switch lookup {
            case "stemmed": PostgresGlossaryStore.stemmedQuery(language: "en", keys: ["capability12 target12"])
            case "prefix": PostgresGlossaryStore.prefixQuery(language: "en", prefix: "capability12")
            case "containing": PostgresGlossaryStore.containingQuery(language: "en", keys: "target7")
            default: PostgresGlossaryStore.foldedQuery(language: "en", lengths: 10...20, pieces: ["capa", "get"])
            }
        let pool = PostgresPool(location: location)
        let plan = try pool.withConnection { connection in
            try connection.run("ANALYZE term", logger: pool.logger)
            return try connection.run(PostgresQuery(unsafeSQL: "EXPLAIN " + query.sql, binds: query.binds), logger: pool.logger)
                .map { try $0.decode(String.self) }.joined(separator: "\n")
        }
        #expect(plan.contains(index), "\(plan)")
    }
}
