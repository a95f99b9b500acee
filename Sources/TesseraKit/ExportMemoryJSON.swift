import Foundation
import TesseraCore
import TesseraStorage

/// The JSON shape of an exported unit (one object per unit in `json` and `jsonl` exports).
///
/// ```json
/// {"id":1,"tuid":"t1","source":"en-US","origin":"imported","attributes":{"creationdate":"..."},
///  "props":[{"type":"x-domain","value":"UI"}],"notes":[],
///  "variants":[{"lang":"en-US","text":"Press","markup":"Press <ph x=\"1\"/>","codes":1}]}
/// ```
struct ExportMemoryJSON: Encodable {
    struct PropJSON: Encodable {
        var type: String
        var value: String
        var lang: String?
        var encoding: String?
    }
    struct NoteJSON: Encodable {
        var value: String
        var lang: String?
        var encoding: String?
    }
    struct VariantJSON: Encodable {
        var lang: String
        var text: String
        var markup: String?
        var codes: Int
        var attributes: [String: String]?
        var props: [PropJSON]?
        var notes: [NoteJSON]?
    }

    var id: Int64
    var tuid: String?
    var srclang: String?
    var source: String
    var origin: String
    var attributes: [String: String]?
    var props: [PropJSON]?
    var notes: [NoteJSON]?
    var variants: [VariantJSON]

    /// One line of JSON (sorted keys) for a unit; level 2 adds each variant's markup.
    static func encode(_ stored: StoredUnit, unit: TranslationUnit, level: Int) throws -> String {
        func attributes(_ list: [Attribute]) -> [String: String]? {
            list.isEmpty ? nil : Dictionary(list.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        func props(_ list: [Prop]) -> [PropJSON]? {
            list.isEmpty ? nil : list.map { PropJSON(type: $0.type, value: $0.value, lang: $0.language?.description, encoding: $0.encoding) }
        }
        func notes(_ list: [Note]) -> [NoteJSON]? {
            list.isEmpty ? nil : list.map { NoteJSON(value: $0.value, lang: $0.language?.description, encoding: $0.encoding) }
        }
        let value = ExportMemoryJSON(
            id: stored.id, tuid: unit.tuid, srclang: unit.sourceLanguage?.description,
            source: stored.sourceLanguage.description, origin: unit.origin.rawValue,
            attributes: attributes(unit.attributes), props: props(unit.props), notes: notes(unit.notes),
            variants: unit.variants.map { variant in
                VariantJSON(
                    lang: variant.language.description, text: variant.segment.plainText,
                    markup: level == 2 ? variant.segment.tmxMarkup : nil, codes: variant.segment.codeCount,
                    attributes: attributes(variant.attributes), props: props(variant.props), notes: notes(variant.notes))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
