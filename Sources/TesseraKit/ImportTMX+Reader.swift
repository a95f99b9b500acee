extension ImportTMX {
    /// Opens a TMX reader for `path`. (Placeholder until TesseraTMX's `TMXReader` is merged.)
    static func openReader(path: String, skipInvalid: Bool) throws -> any TMXUnitSource {
        throw KitError(.invalidOption, "TMX reading is not available in this build.")
    }
}
