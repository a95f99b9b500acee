package import TesseraGlossary

/// Text rendering of term hits and occurrences for the terminal (JSON output encodes the values
/// themselves).
package enum TermOutput {
    /// `capability target [en] -> Fähigkeitsziel (preferred), ... — defence / c12: definition`
    package static func text(_ hits: [TermHit]) -> String {
        guard !hits.isEmpty else { return "No term found." }
        return hits.map(line).joined(separator: "\n")
    }

    /// One hit on one line (plus an indented definition line).
    package static func line(_ hit: TermHit) -> String {
        let targets = hit.targets.map { term in
            "\(term.text) [\(term.language)]" + (term.status.map { " (\($0.rawValue))" } ?? "")
        }.joined(separator: "; ")
        var out = "\(hit.source.text) -> \(targets.isEmpty ? "(no target term)" : targets)"
        out += "  {\(hit.glossary) \(hit.conceptID), \(hit.match.rawValue)\(hit.match == .fuzzy ? " \(hit.distance)" : "")}"
        if let definition = hit.definition { out += "\n    " + definition }
        return out
    }

    /// `5..<23 capability targets -> Fähigkeitsziel (preferred)` per occurrence.
    package static func text(_ occurrences: [TermOccurrence]) -> String {
        guard !occurrences.isEmpty else { return "No glossary term in the sentence." }
        return occurrences.map { occurrence in
            let answers = occurrence.hits.map { hit in
                hit.targets.map { $0.text + ($0.status.map { " (\($0.rawValue))" } ?? "") }.joined(separator: "; ")
            }.joined(separator: " | ")
            return "\(occurrence.start)-\(occurrence.end) \(occurrence.text) -> \(answers.isEmpty ? "(no target term)" : answers)"
        }.joined(separator: "\n")
    }
}
