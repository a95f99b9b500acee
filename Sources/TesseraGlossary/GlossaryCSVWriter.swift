public import TesseraCore

/// Writes a glossary as long-format CSV (RFC 4180), one row per term:
/// `concept,subject,language,term,partOfSpeech,status,definition,note`, which
/// ``DelimitedGlossaryReader`` reads back.
///
/// ```swift
/// GlossaryCSVWriter.csv(for: glossary)   // "concept,subject,language,term,...\r\nc1,defence,en,..."
/// ```
///
/// - SeeAlso: [RFC 4180](https://www.rfc-editor.org/rfc/rfc4180)
/// - Complexity: O(n) in the glossary size.
public enum GlossaryCSVWriter {
    /// The header row.
    public static let header = ["concept", "subject", "language", "term", "partOfSpeech", "status", "definition", "note"]

    /// The CSV text (CRLF line ends, fields quoted when they hold `,`, `"` or a line break).
    public static func csv(for glossary: Glossary) -> String {
        var out = row(header)
        for entry in glossary.entries {
            for term in entry.terms {
                let definition = entry.definitions[term.language.description] ?? ""
                out += row([
                    entry.id, entry.subject ?? "", term.language.description, term.text, term.partOfSpeech ?? "",
                    term.status?.rawValue ?? "", definition, term.note ?? "",
                ])
            }
        }
        return out
    }

    static func row(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when needed.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ")
            || field.hasSuffix(" ")
        else { return field }
        var out = "\""
        for character in field {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out + "\""
    }
}
