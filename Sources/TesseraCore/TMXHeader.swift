/// The TMX `<header>`: the file's metadata, kept with its import batch.
///
/// - SeeAlso: [TMX 1.4b §3.2, `<header>`](https://www.gala-global.org/tmx-14b)
public struct TMXHeader: Hashable, Sendable, Codable {
    /// The `version` attribute of `<tmx>` (`1.1`, `1.2`, `1.3`, `1.4`).
    public var version: String?
    /// The header attributes in document order (`creationtool`, `srclang`, `segtype`, ...).
    public var attributes: [Attribute]
    /// Header `<prop>` elements.
    public var props: [Prop]
    /// Header `<note>` elements.
    public var notes: [Note]

    /// Creates a header.
    public init(version: String? = nil, attributes: [Attribute] = [], props: [Prop] = [], notes: [Note] = []) {
        self.version = version
        self.attributes = attributes
        self.props = props
        self.notes = notes
    }

    /// The header source language (`srclang`), possibly `*all*`.
    public var sourceLanguage: LanguageTag? { attributes[named: "srclang"].flatMap(LanguageTag.init) }
}
