public import TesseraCore
import TesseraXML

/// Writes a glossary as TBX 3 (ISO 30042:2019, DCA style: `tbx` / `tbxHeader` / `text` / `body` /
/// `conceptEntry` / `langSec` / `termSec`) or TBX 2 (ISO 30042:2008 `martif` / `martifHeader` /
/// `termEntry` / `langSet` / `tig`, the form Translate Toolkit and older tools read), readable by
/// ``TBXReader`` into the same entries.
///
/// Every data category kept at import (``TermEntry/categories``, ``Term/categories``) is written
/// back at its level in its order (at term level the `termNote`s first, as TBX requires); a typed
/// field (subject, definition, notes, part of speech, status) is written from the field only when
/// no kept element of its kind is at that level, which is the case for entries from delimited files.
///
/// A TBX 3 file declares `TBX-Basic` when everything in it fits TBX-Basic (its data categories and
/// picklists, ``TBXDialect``), otherwise `TBX-Core`, so that what is written always passes the
/// reader's checks. A TBX 2 file declares `TBX`. `forbidden` is written as
/// `forbiddenTerm-admn-sts` (TBX has no such value; the reader accepts it outside TBX-Basic).
///
/// ```swift
/// try TBXWriter.write(glossary, to: "defence.tbx")
/// try TBXWriter.write(glossary, to: "defence-martif.tbx", version: .tbx2)
/// ```
///
/// - SeeAlso: [TBX-Basic](https://www.tbxinfo.net/tbx-basic/)
/// - Complexity: O(n) in the glossary size; streams to the file.
public enum TBXWriter {
    /// The TBX version written.
    public enum Version: String, Sendable, Hashable, CaseIterable {
        /// TBX 2 (`martif`, ISO 30042:2008).
        case tbx2 = "2"
        /// TBX 3 (`tbx`, ISO 30042:2019, DCA style).
        case tbx3 = "3"
    }

    /// Writes `glossary` to `path`, replacing the file.
    /// - Throws: ``GlossaryError`` `.unreadable` when the file cannot be written.
    public static func write(_ glossary: Glossary, to path: String, version: Version = .tbx3) throws {
        do {
            let writer = try XMLStreamWriter(path: path, indent: true)
            try writer.startDocument()
            let firstLanguage = glossary.entries.first?.terms.first?.language.description ?? "en"
            let dialect: TBXDialect
            switch version {
            case .tbx2:
                dialect = .tbx2
                try writer.startElement("martif")
                try writer.attribute("type", "TBX")
                try writer.attribute("xml:lang", firstLanguage)
                try writer.startElement("martifHeader")
            case .tbx3:
                dialect = glossary.entries.allSatisfy(fitsBasic) ? .tbx3Basic : .tbx3
                try writer.startElement("tbx")
                try writer.attribute("type", dialect == .tbx3Basic ? "TBX-Basic" : "TBX-Core")
                try writer.attribute("style", "dca")
                try writer.attribute("xml:lang", firstLanguage)
                try writer.attribute("xmlns", "urn:iso:std:iso:30042:ed-2")
                try writer.startElement("tbxHeader")
            }
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
            for entry in glossary.entries { try write(entry, dialect: dialect, writer) }
            try writer.endElement()
            try writer.endElement()
            try writer.endElement()
            try writer.endDocument()
        } catch {
            throw GlossaryError(.unreadable, "Cannot write the TBX file: \(error.message)", file: path)
        }
    }

    /// The kinds of typed field a list of kept data categories already carries.
    struct Carried {
        var subject = false, definition = false, note = false, partOfSpeech = false, status = false

        init(_ categories: [DataCategory]) {
            for category in categories.flatMap(\.flattened) {
                switch (category.element, category.type ?? "") {
                case ("descrip", "subjectField"): subject = true
                case ("descrip", "definition"): definition = true
                case ("note", _): note = true
                case ("termNote", "partOfSpeech"), ("termNote", "grammaticalCategory"): partOfSpeech = true
                case ("termNote", "administrativeStatus"), ("termNote", "normativeAuthorization"), ("termNote", "usageStatus"):
                    status = true
                default: break
                }
            }
        }
    }

    static func write(_ entry: TermEntry, dialect: TBXDialect, _ writer: XMLStreamWriter) throws(XMLError) {
        try writer.startElement(dialect.conceptElement)
        try writer.attribute("id", entry.id)
        let kept = entry.categories[""] ?? []
        let carried = Carried(kept)
        if let subject = entry.subject, !carried.subject { try element(writer, "descrip", subject, type: "subjectField") }
        if let definition = entry.definitions[""], !carried.definition { try element(writer, "descrip", definition, type: "definition") }
        if !carried.note { for note in notes(entry.notes[""]) { try element(writer, "note", note) } }
        for category in kept { try write(category, writer) }
        for language in languages(of: entry) {
            let key = language.description
            try writer.startElement(dialect.languageElement)
            try writer.attribute("xml:lang", key)
            let keptHere = entry.categories[key] ?? []
            let carriedHere = Carried(keptHere)
            if let definition = entry.definitions[key], !carriedHere.definition {
                try element(writer, "descrip", definition, type: "definition")
            }
            if !carriedHere.note { for note in notes(entry.notes[key]) { try element(writer, "note", note) } }
            for category in keptHere { try write(category, writer) }
            for term in entry.terms where term.language == language { try write(term, dialect: dialect, writer) }
            try writer.endElement()
        }
        try writer.endElement()
    }

    static func write(_ term: Term, dialect: TBXDialect, _ writer: XMLStreamWriter) throws(XMLError) {
        try writer.startElement(dialect.isVersion2 ? "tig" : "termSec")
        try element(writer, "term", term.text)
        let carried = Carried(term.categories)
        if let partOfSpeech = term.partOfSpeech, !carried.partOfSpeech {
            try element(writer, "termNote", partOfSpeech, type: "partOfSpeech")
        }
        if let status = term.status, !carried.status {
            try element(writer, "termNote", status.tbxValue, type: "administrativeStatus")
        }
        let isTermNote = { (category: DataCategory) in TBXDialect.termNoteElements.contains(category.element) }
        for category in term.categories where isTermNote(category) { try write(category, writer) }
        for category in term.categories where !isTermNote(category) { try write(category, writer) }
        if !carried.note { for note in notes(term.note) { try element(writer, "note", note) } }
        try writer.endElement()
    }

    /// The languages of an entry's sections: those of its terms in order, then any that only
    /// carry data categories.
    static func languages(of entry: TermEntry) -> [LanguageTag] {
        var languages: [LanguageTag] = []
        for term in entry.terms where !languages.contains(term.language) { languages.append(term.language) }
        for key in entry.categories.keys.sorted() where !key.isEmpty {
            if let tag = LanguageTag(key), !languages.contains(tag) { languages.append(tag) }
        }
        return languages
    }

    /// Writes a kept data-category element with its attributes and members.
    static func write(_ category: DataCategory, _ writer: XMLStreamWriter) throws(XMLError) {
        try writer.startElement(category.element)
        if let type = category.type { try writer.attribute("type", type) }
        for attribute in category.attributes { try writer.attribute(attribute.name, attribute.value) }
        if category.children.isEmpty {
            try writer.text(category.value)
        } else {
            for child in category.children { try write(child, writer) }
        }
        try writer.endElement()
    }

    /// Whether TBX-Basic can carry the entry as it is.
    static func fitsBasic(_ entry: TermEntry) -> Bool {
        let concept = entry.categories[""] ?? []
        if concept.contains(where: { $0.element == "admin" && $0.type == "source" }) { return false }
        guard entry.categories.values.allSatisfy({ $0.allSatisfy(TBXDialect.basicAllows) }) else { return false }
        return entry.terms.allSatisfy { term in
            if let partOfSpeech = term.partOfSpeech, !TBXReader.basicPartsOfSpeech.contains(partOfSpeech) { return false }
            if term.status == .forbidden, !Carried(term.categories).status { return false }
            return term.categories.allSatisfy { TBXDialect.basicAllows($0) && !($0.element == "descrip" && $0.type == "definition") }
        }
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
}
