public import Foundation
public import TesseraCore

/// A parsed SRX (Segmentation Rules eXchange) document: named language rules and the language
/// maps that select them.
///
/// Loading checks the whole file: well-formed XML (parsed with `XMLParser`, external entities not
/// resolved, entity declarations refused), an `srx` root of version 2.0 or 1.0, and every rule's
/// patterns translated from Java syntax (see ``JavaRegex``) and compiled, so a bad rule is
/// reported with its line and column.
///
/// ```swift
/// let srx = try SRXDocument(contentsOf: URL(fileURLWithPath: "defaultRules.srx"))
/// let rules = try srx.rules(for: LanguageTag("de")!)
/// let sentences = Segmenter(rules: rules).segment("Das ist z.B. gut. Ja.")
/// ```
///
/// Language maps are tried in order; a map applies when its `languagepattern` (a Java regular
/// expression) matches the whole language tag, ignoring case. With `cascade="yes"` the rules of
/// every applicable map are concatenated in map order; otherwise only the first applicable map's
/// rules are used. SRX 1.0 files (maps grouped in `maprule` elements, no cascade) use the first
/// `maprule`. Format handles and `segmentsubflows` are recorded but have no effect on plain text.
///
/// - SeeAlso: [SRX 2.0](https://www.gala-global.org/srx-20)
public struct SRXDocument: Sendable, Hashable {
    /// One `languagemap`: a language pattern and the name of the rules it selects.
    public struct LanguageMap: Sendable, Hashable {
        /// The Java regular expression matched against the whole language tag (case ignored).
        public var languagePattern: String
        /// The `languagerulename` it selects.
        public var ruleName: String

        /// Creates a map.
        public init(languagePattern: String, ruleName: String) {
            self.languagePattern = languagePattern
            self.ruleName = ruleName
        }
    }

    /// One named `languagerule`.
    public struct LanguageRule: Sendable, Hashable {
        /// The `languagerulename`.
        public var name: String
        /// Its rules in document order, patterns already translated to ICU syntax.
        public var rules: [SegmentationRules.Rule]

        /// Creates a named rule list.
        public init(name: String, rules: [SegmentationRules.Rule]) {
            self.name = name
            self.rules = rules
        }
    }

    /// The `version` attribute of the root (`2.0` or `1.0`).
    public var version: String
    /// Whether `cascade="yes"` (always `false` for SRX 1.0).
    public var cascade: Bool
    /// Whether `segmentsubflows="yes"` (default `true`).
    public var segmentSubflows: Bool
    /// The language rules in document order.
    public var languageRules: [LanguageRule]
    /// The language maps in document order.
    public var languageMaps: [LanguageMap]

    /// Parses an SRX document.
    /// - Parameters:
    ///   - data: The file's bytes (any encoding `XMLParser` detects).
    ///   - file: A name used in error messages.
    /// - Throws: ``SRXError`` with line and column for malformed XML, a non-SRX document, an
    ///   unknown rule name in a map, or a pattern that does not compile.
    /// - Complexity: O(n) in the file size plus the cost of compiling each rule once.
    public init(data: Data, file: String? = nil) throws(SRXError) {
        let reader = SRXReader(file: file)
        self = try reader.read(data)
    }

    /// Reads and parses an SRX file.
    /// - Parameter url: A file URL.
    /// - Throws: ``SRXError`` (kind `.unreadable` when the file cannot be read).
    public init(contentsOf url: URL) throws(SRXError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SRXError(.unreadable, "Cannot read the file.", file: url.path)
        }
        try self.init(data: data, file: url.lastPathComponent)
    }

    /// Creates a document from parts (used by the reader and by tests).
    public init(
        version: String = "2.0", cascade: Bool, segmentSubflows: Bool = true, languageRules: [LanguageRule],
        languageMaps: [LanguageMap]
    ) {
        self.version = version
        self.cascade = cascade
        self.segmentSubflows = segmentSubflows
        self.languageRules = languageRules
        self.languageMaps = languageMaps
    }

    /// The names of the language rules that apply to `language`, in order.
    /// - Parameter language: The text's language.
    /// - Returns: One name per applicable map (only the first unless ``cascade`` is set).
    public func ruleNames(for language: LanguageTag) -> [String] {
        var names: [String] = []
        for map in languageMaps where Self.matches(pattern: map.languagePattern, language: language) {
            names.append(map.ruleName)
            if !cascade { break }
        }
        return names
    }

    /// The rule list that applies to `language` (see ``ruleNames(for:)``).
    /// - Parameter language: The text's language.
    /// - Returns: Rules in priority order; empty when no map applies.
    public func ruleList(for language: LanguageTag) -> [SegmentationRules.Rule] {
        ruleNames(for: language).flatMap { name in
            languageRules.first { $0.name == name }?.rules ?? []
        }
    }

    /// Compiled rules for `language`.
    /// - Parameter language: The text's language.
    /// - Returns: Rules ready for ``Segmenter/init(rules:paragraphPerLine:)``.
    /// - Throws: ``SRXError`` if a pattern does not compile (cannot happen for a document that
    ///   was loaded from a file, whose patterns were checked).
    public func rules(for language: LanguageTag) throws(SRXError) -> SegmentationRules {
        try SegmentationRules(rules: ruleList(for: language))
    }

    static func matches(pattern: String, language: LanguageTag) -> Bool {
        guard
            let expression = try? NSRegularExpression(
                pattern: "^(?:" + JavaRegex.translate(pattern) + ")$", options: [.caseInsensitive])
        else { return false }
        for candidate in [language.description, language.description.replacingOccurrences(of: "-", with: "_")] {
            let range = NSRange(location: 0, length: candidate.utf16.count)
            if expression.firstMatch(in: candidate, range: range) != nil { return true }
        }
        return false
    }
}

extension SegmentationRules {
    /// Loads the rules an SRX document selects for `language`.
    ///
    /// ```swift
    /// let rules = try SegmentationRules(srx: data, language: LanguageTag("en")!)
    /// ```
    /// - Parameters:
    ///   - srx: The SRX file's bytes.
    ///   - language: The text's language.
    /// - Throws: ``SRXError`` for a malformed or invalid file.
    public init(srx: Data, language: LanguageTag) throws(SRXError) {
        self = try SRXDocument(data: srx).rules(for: language)
    }

    /// Loads the rules an SRX file selects for `language`.
    /// - Parameters:
    ///   - srxPath: Path of an SRX file.
    ///   - language: The text's language.
    /// - Throws: ``SRXError`` for an unreadable, malformed or invalid file.
    public init(srxPath: String, language: LanguageTag) throws(SRXError) {
        self = try SRXDocument(contentsOf: URL(fileURLWithPath: srxPath)).rules(for: language)
    }
}
