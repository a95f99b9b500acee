import Testing
import TesseraKit

struct PluralTests {
    @Test(arguments: [
        (0, "pair", nil, "0 pairs"), (1, "pair", nil, "1 pair"), (2, "pair", nil, "2 pairs"),
        (1, "entry", "entries", "1 entry"), (3, "entry", "entries", "3 entries"),
    ] as [(Int, String, String?, String)])
    func count_usesSingularOnlyForOne(_ count: Int, _ singular: String, _ plural: String?, _ expected: String) {
        #expect(Plural.count(count, singular, plural) == expected)
    }

    @Test func exportSummary_saysOnePair() {
        var report = ExportMemoryReport(output: "out.tsv", format: .tsv)
        report.units = 1
        report.pairs = 1
        report.skipped = 1
        #expect(report.summary == "Exported 1 unit (1 pair) as tsv to out.tsv; 1 unit without the requested languages left out.")
    }
}
