public import TesseraCore
internal import TesseraXML

extension Segment {
    /// Parses stored TMX level-2 markup (what goes between `<seg>` and `</seg>`) back into a
    /// segment: the inverse of `Segment.tmxMarkup`.
    ///
    /// ```swift
    /// let segment = try Segment(tmxMarkup: "Press <ph x=\"1\">&lt;br/&gt;</ph> now")
    /// segment.tmxMarkup == "Press <ph x=\"1\">&lt;br/&gt;</ph> now"   // true
    /// ```
    ///
    /// - Parameter tmxMarkup: escaped markup; elements other than the TMX inline elements are left
    ///   out, entity references other than the XML ones are kept as literal text.
    /// - Throws: ``TMXError`` when the markup is not well-formed (positions count the `<seg>`
    ///   wrapper: column 6 is the first character of the markup).
    /// - SeeAlso: [TMX 1.4b §3.7, content markup](https://www.gala-global.org/tmx-14b)
    public init(tmxMarkup: String) throws(TMXError) {
        let bytes = Array("<seg>".utf8) + Array(tmxMarkup.utf8) + Array("</seg>".utf8)
        let xml: XMLStreamReader
        do { xml = try XMLStreamReader(bytes: bytes, name: "segment") } catch { throw TMXError(error) }
        let reader = try TMXReader(xml: xml, file: "segment", options: [], fragment: true)
        var opened = false
        do {
            opened = try xml.next() != nil
        } catch {
            throw TMXError(error)
        }
        guard opened else { self.init([]); return }
        self.init(try reader.readInline())
        do {
            while try xml.next() != nil {}
        } catch {
            throw TMXError(error)
        }
    }
}
