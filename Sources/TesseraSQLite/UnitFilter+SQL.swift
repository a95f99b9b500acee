import TesseraStorage

extension UnitFilter {
    /// The SQL condition on `unit` and its arguments: a unit must hold a variant of the source's
    /// primary language and one of a target's (wildcards ask nothing).
    var sql: (condition: String, arguments: [String]) {
        var conditions: [String] = []
        var arguments: [String] = []
        if let source, !source.isWildcard {
            conditions.append("EXISTS (SELECT 1 FROM variant v WHERE v.unitId = unit.id AND v.base = ?)")
            arguments.append(source.language)
        }
        let bases = Array(Set(targets.filter { !$0.isWildcard }.map(\.language))).sorted()
        if !bases.isEmpty {
            let marks = Array(repeating: "?", count: bases.count).joined(separator: ", ")
            conditions.append("EXISTS (SELECT 1 FROM variant v WHERE v.unitId = unit.id AND v.base IN (\(marks)))")
            arguments += bases
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
    }
}
