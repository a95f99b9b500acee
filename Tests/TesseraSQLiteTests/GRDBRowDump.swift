import GRDB

/// Reads whole tables as text for comparisons in tests.
enum GRDBRowDump {
    /// Every row of `table` ordered by id, each as its description.
    static func rows(_ db: Database, table: String) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map(\.description)
    }
}
