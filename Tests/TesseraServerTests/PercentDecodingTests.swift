import Testing

@testable import TesseraServer

struct PercentDecodingTests {
    @Test(arguments: [
        ("a%2Fb", false, "a/b"), ("%26%25%3F%22%2B", false, "&%?\"+"), ("a+b", false, "a+b"), ("a+b", true, "a b"),
        ("a%2Bb", true, "a+b"), ("%C3%A7a", false, "ça"), ("%c3%a7", false, "ç"), ("plain", false, "plain"), ("", false, ""),
    ])
    func decodes(input: String, plusIsSpace: Bool, expected: String) throws {
        #expect(try PercentDecoding.decode(input, plusIsSpace: plusIsSpace) == expected)
    }

    @Test(arguments: ["%", "%2", "%zz", "a%g1", "%FF", "%C3", "%C3%28"])
    func refusesBadEncoding(input: String) {
        #expect(throws: PercentDecoding.Failure.self) { try PercentDecoding.decode(input) }
    }

    @Test func formFields() throws {
        let fields = try PercentDecoding.formFields("q=a+b%2Bc&langpair=en%7Cde&empty=&flag")
        #expect(fields == ["q": "a b+c", "langpair": "en|de", "empty": "", "flag": ""])
    }
}
