import TesseraCore
import TesseraTMX

extension ExportMemory {
    /// Opens a `TMXWriter` (TMX 1.4b) on `path`, `-` meaning standard output.
    static func openWriter(path: String, sourceLanguage: LanguageTag, level: Int) throws -> any TMXUnitWriter {
        let header = TMXHeader(version: "1.4", attributes: [Attribute("srclang", sourceLanguage.description)])
        return try TMXWriter(
            path: path == "-" ? "/dev/stdout" : path, header: header, level: level == 1 ? .plainText : .inlineCodes)
    }
}

extension TMXWriter: TMXUnitWriter {}
