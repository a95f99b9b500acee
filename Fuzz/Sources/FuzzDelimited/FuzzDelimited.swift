import Foundation
import TesseraCore
import TesseraGlossary
import TesseraText

/// The languages given for a headerless (OmegaT) file, as `glossary import --source en --target de`.
private let languages = (LanguageTag("en")!, LanguageTag("de")!)

/// libFuzzer entry point: decodes the input as a glossary file (UTF-8, UTF-16 with BOM) and reads
/// it as delimited text twice, as `GlossaryFileReader` does: once with the delimiter sniffed (a
/// `.csv` file) and once as tab-separated (`.tsv`, `.tab`, `.txt`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDelimited(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var text: String
    do {
        text = try TextFile(bytes: Array(UnsafeBufferPointer(start: data, count: size)), name: "fuzz.csv").text
        _ = XMLCharacterPolicy.sanitize(&text)
    } catch {
        _ = String(describing: error)
        return 0
    }
    for delimiter: Unicode.Scalar? in [nil, "\t"] {
        do {
            let entries = try DelimitedGlossaryReader.read(
                text: text, file: "fuzz.csv", delimiter: delimiter, languages: languages)
            _ = entries.reduce(0) { $0 &+ $1.terms.count }
        } catch {
            _ = String(describing: error)
        }
    }
    return 0
}
