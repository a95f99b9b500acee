import TesseraCore

extension ExportTMX {
    /// Opens a TMX writer. (Placeholder until TesseraTMX's `TMXWriter` is merged.)
    static func openWriter(path: String, sourceLanguage: LanguageTag, level: Int) throws -> any TMXUnitWriter {
        throw KitError(.invalidOption, "TMX writing is not available in this build.")
    }
}
