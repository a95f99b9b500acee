import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an SRX document with Foundation's `XMLParser` (SAX events), checking structure and
/// compiling every rule so errors carry the line and column of the offending element.
///
/// External entities are never resolved and a document that declares entities is refused.
final class SRXReader: NSObject, XMLParserDelegate {
    private let file: String?
    private var version: String?
    private var cascade = false
    private var segmentSubflows = true
    private var languageRules: [SRXDocument.LanguageRule] = []
    private var languageMaps: [SRXDocument.LanguageMap] = []
    private var mapRuleCount = 0
    private var sawRoot = false

    private var currentRuleIsBreak = true
    private var ruleLine = 0
    private var ruleColumn = 0
    private var before = ""
    private var after = ""
    private var capture: String? = nil
    private var text = ""
    private var failure: SRXError?
    private weak var parser: XMLParser?
    private var depth = 0

    /// Whether the bytes contain `<!ENTITY` (in UTF-8/ASCII or UTF-16 either byte order).
    static func declaresEntities(_ data: Data) -> Bool {
        let marker: [UInt8] = Array("<!ENTITY".utf8)
        let utf16LE: [UInt8] = marker.flatMap { (byte: UInt8) -> [UInt8] in [byte, 0] }
        let utf16BE: [UInt8] = marker.flatMap { (byte: UInt8) -> [UInt8] in [0, byte] }
        let bytes = [UInt8](data.prefix(1 << 20))
        let needles: [[UInt8]] = [marker, utf16LE, utf16BE]
        for needle in needles where bytes.count >= needle.count {
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return true }
                index += 1
            }
        }
        return false
    }

    /// Checks the encoding with the one text reader (``TextFile``: UTF-8 with or without BOM,
    /// UTF-16 with BOM, a bad byte reported with its line and column), except for a document whose
    /// well-formed XML declaration names a single-byte encoding that libxml2 converts (ISO-8859-x,
    /// windows-125x: ``SRXByteCheck/declaredEncoding(_:)``). Anything else must pass the reader,
    /// because Foundation's XMLParser traps on a name that is not valid in the encoding it chose.
    static func checkEncoding(_ data: Data, file: String?) throws(SRXError) {
        let bytes = [UInt8](data)
        if let encoding = SRXByteCheck.declaredEncoding(bytes), SRXByteCheck.singleByteEncodings.contains(encoding) {
            return
        }
        do {
            _ = try TextFile(bytes: bytes, name: file ?? "")
        } catch {
            // Foundation's XMLParser traps on a name that is not UTF-8 instead of failing.
            throw SRXError(.malformedXML, error.message, file: file, line: error.line, column: error.column)
        }
    }

    init(file: String?) { self.file = file }

    func read(_ data: Data) throws(SRXError) -> SRXDocument {
        if Self.declaresEntities(data) {
            throw SRXError(.notSRX, "The document declares entities in its DOCTYPE; entity declarations are refused.", file: file, line: 1, column: 1)
        }
        if let hazard = SRXByteCheck.hazard(in: data) {
            throw SRXError(.notSRX, hazard.message, file: file, line: hazard.line, column: hazard.column)
        }
        try Self.checkEncoding(data, file: file)
        let parser = XMLParser(data: data)
        self.parser = parser
        parser.delegate = self
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok {
            let message = parser.parserError.map { "The XML is not well-formed (\(($0 as NSError).code))." }
                ?? "The XML is not well-formed."
            throw SRXError(.malformedXML, message, file: file, line: parser.lineNumber, column: parser.columnNumber)
        }
        if depth != 0 {
            throw SRXError(
                .malformedXML, "The document ends before all elements are closed.", file: file, line: parser.lineNumber,
                column: parser.columnNumber)
        }
        guard sawRoot, let version else {
            throw SRXError(.notSRX, "The document has no srx root element.", file: file, line: 1, column: 1)
        }
        let names = Set(languageRules.map(\.name))
        for map in languageMaps where !names.contains(map.ruleName) {
            throw SRXError(
                .unknownLanguageRule, "The language map \"\(map.languagePattern)\" names an unknown language rule \"\(map.ruleName)\".",
                file: file)
        }
        return SRXDocument(
            version: version, cascade: version.hasPrefix("1") ? false : cascade, segmentSubflows: segmentSubflows,
            languageRules: languageRules, languageMaps: languageMaps)
    }

    private func fail(_ error: SRXError) {
        guard failure == nil else { return }
        failure = error
        parser?.abortParsing()
    }

    private func here(_ kind: SRXError.Kind, _ message: String) -> SRXError {
        SRXError(kind, message, file: file, line: parser?.lineNumber, column: parser?.columnNumber)
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        depth += 1
        guard failure == nil else { return }
        if !sawRoot {
            guard elementName == "srx" else {
                fail(here(.notSRX, "The root element is <\(elementName)>, not <srx>."))
                return
            }
            sawRoot = true
            let version = attributeDict["version"] ?? ""
            guard version.hasPrefix("2") || version.hasPrefix("1") else {
                fail(here(.notSRX, "Unsupported SRX version \"\(version)\" (2.0 and 1.0 are read)."))
                return
            }
            self.version = version
            return
        }
        // Only elements of the SRX vocabulary count; extension elements in other namespaces are skipped.
        if let namespaceURI, !namespaceURI.isEmpty, !namespaceURI.contains("lisa.org/srx") { return }
        switch elementName {
        case "header":
            cascade = attributeDict["cascade"]?.lowercased() == "yes"
            segmentSubflows = attributeDict["segmentsubflows"]?.lowercased() != "no"
        case "languagerule":
            guard let name = attributeDict["languagerulename"] else {
                fail(here(.notSRX, "A languagerule element is missing the languagerulename attribute."))
                return
            }
            languageRules.append(SRXDocument.LanguageRule(name: name, rules: []))
        case "rule":
            currentRuleIsBreak = attributeDict["break"]?.lowercased() != "no"
            ruleLine = parser.lineNumber
            ruleColumn = parser.columnNumber
            before = ""
            after = ""
        case "beforebreak", "afterbreak":
            capture = elementName
            text = ""
        case "maprule":
            mapRuleCount += 1
        case "languagemap":
            guard mapRuleCount <= 1 else { return }
            guard let pattern = attributeDict["languagepattern"], let name = attributeDict["languagerulename"] else {
                fail(here(.notSRX, "A languagemap element is missing languagepattern or languagerulename."))
                return
            }
            if (try? NSRegularExpression(pattern: JavaRegex.translate(pattern))) == nil {
                fail(here(.invalidPattern, "The language pattern \"\(pattern)\" does not compile."))
                return
            }
            languageMaps.append(SRXDocument.LanguageMap(languagePattern: pattern, ruleName: name))
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capture != nil { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if capture != nil { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        guard failure == nil else { return }
        if let namespaceURI, !namespaceURI.isEmpty, !namespaceURI.contains("lisa.org/srx") { return }
        switch elementName {
        case "beforebreak", "afterbreak":
            var pattern = text
            if pattern.contains("\n") { pattern = pattern.trimmingCharacters(in: .whitespacesAndNewlines) }
            if elementName == "beforebreak" { before = pattern } else { after = pattern }
            capture = nil
        case "rule":
            guard !languageRules.isEmpty else {
                fail(SRXError(.notSRX, "A rule element is outside any languagerule.", file: file, line: ruleLine, column: ruleColumn))
                return
            }
            let rule = SegmentationRules.Rule(
                isBreak: currentRuleIsBreak, beforeBreak: JavaRegex.translate(before), afterBreak: JavaRegex.translate(after))
            do {
                _ = try SegmentationRules(rules: [rule])
            } catch {
                fail(
                    SRXError(
                        .invalidPattern,
                        "A rule of \"\(languageRules[languageRules.count - 1].name)\" does not compile: before \"\(before)\", after \"\(after)\".",
                        file: file, line: ruleLine, column: ruleColumn))
                return
            }
            languageRules[languageRules.count - 1].rules.append(rule)
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(here(.notSRX, "The document declares an entity (\(name)); entity declarations are refused."))
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(here(.notSRX, "The document declares an external entity (\(name)); entity declarations are refused."))
    }
}
