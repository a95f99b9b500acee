public import TesseraCore
import TesseraXML

/// Writes a glossary as TBX 3 Basic (ISO 30042:2019, DCA style): `tbx` / `tbxHeader` / `text` /
/// `body` / `conceptEntry` / `langSec` / `termSec`, readable by ``TBXReader`` into the same
/// entries (apart from ``TermEntry/source``, which TBX-Basic only allows beside a definition).
///
/// Parts of speech outside the TBX-Basic picklist are mapped (`n` -> `noun`, `adj` ->
/// `adjective`) or written as `other`. Concept-level definitions and notes (language `""`) go on
/// the `conceptEntry`, the others on their `langSec`.
///
/// ```swift
/// try TBXWriter.write(glossary, to: "defence.tbx")
/// ```
///
/// - SeeAlso: [TBX-Basic](https://www.tbxinfo.net/tbx-basic/)
/// - Complexity: O(n) in the glossary size; streams to the file.
public enum TBXWriter {
    /// Writes `glossary` to `path`, replacing the file.
    /// - Throws: ``GlossaryError`` `.unreadable` when the file cannot be written.
    public static func write(_ glossary: Glossary, to path: String) throws {
        do {
            let writer = try XMLStreamWriter(path: path, indent: true)
            try writer.startDocument()
            try writer.startElement("tbx")
            try writer.attribute("type", "TBX-Basic")
            try writer.attribute("style", "dca")
            let firstLanguage = glossary.entries.first?.terms.first?.language.description ?? "en"
            try writer.attribute("xml:lang", firstLanguage)
            try writer.attribute("xmlns", "urn:iso:std:iso:30042:ed-2")
            try writer.startElement("tbxHeader")
            try writer.startElement("fileDesc")
            try writer.startElement("titleStmt")
            try element(writer, "title", glossary.name)
            try writer.endElement()
            try writer.startElement("sourceDesc")
            try element(writer, "p", "Exported by Tessera")
            try writer.endElement()
            try writer.endElement()
            try writer.endElement()
            try writer.startElement("text")
            try writer.startElement("body")
            for entry in glossary.entries { try write(entry, writer) }
            try writer.endElement()
            try writer.endElement()
            try writer.endElement()
            try writer.endDocument()
        } catch {
            throw GlossaryError(.unreadable, "Cannot write the TBX file: \(error.message)", file: path)
        }
    }

    static func write(_ entry: TermEntry, _ writer: XMLStreamWriter) throws(XMLError) {
        try writer.startElement("conceptEntry")
        try writer.attribute("id", entry.id)
        if let subject = entry.subject { try element(writer, "descrip", subject, type: "subjectField") }
        if let definition = entry.definitions[""] { try element(writer, "descrip", definition, type: "definition") }
        for note in notes(entry.notes[""]) { try element(writer, "note", note) }
        var languages: [LanguageTag] = []
        for term in entry.terms where !languages.contains(term.language) { languages.append(term.language) }
        for language in languages {
            try writer.startElement("langSec")
            try writer.attribute("xml:lang", language.description)
            if let definition = entry.definitions[language.description] {
                try element(writer, "descrip", definition, type: "definition")
            }
            for note in notes(entry.notes[language.description]) { try element(writer, "note", note) }
            for term in entry.terms where term.language == language {
                try writer.startElement("termSec")
                try element(writer, "term", term.text)
                if let partOfSpeech = term.partOfSpeech {
                    try element(writer, "termNote", basicPartOfSpeech(partOfSpeech), type: "partOfSpeech")
                }
                if let status = term.status {
                    try element(writer, "termNote", status.tbxValue, type: "administrativeStatus")
                }
                for note in notes(term.note) { try element(writer, "note", note) }
                try writer.endElement()
            }
            try writer.endElement()
        }
        try writer.endElement()
    }

    static func notes(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    static func element(_ writer: XMLStreamWriter, _ name: String, _ text: String, type: String? = nil) throws(XMLError) {
        try writer.startElement(name)
        if let type { try writer.attribute("type", type) }
        try writer.text(text)
        try writer.endElement()
    }

    /// A part of speech from the TBX-Basic picklist.
    static func basicPartOfSpeech(_ value: String) -> String {
        if TBXReader.basicPartsOfSpeech.contains(value) { return value }
        switch value.lowercased().filter({ $0.isLetter }) {
        case "noun", "n", "substantive", "nom", "nomen", "substantiv": return "noun"
        case "verb", "v", "verbe": return "verb"
        case "adjective", "adj", "a", "adjectif", "adjektiv": return "adjective"
        case "adverb", "adv", "adverbe": return "adverb"
        case "propernoun", "propn", "nomprope", "eigenname": return "properNoun"
        default: return "other"
        }
    }
}
