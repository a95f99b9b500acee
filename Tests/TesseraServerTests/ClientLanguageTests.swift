import Testing

@testable import TesseraServer

struct ClientLanguageTests {
    @Test(arguments: [
        ("pt_br", "pt-BR"), ("pt_BR", "pt-BR"), ("pt-br", "pt-BR"), ("en", "en"), ("sr@latin", "sr-Latn"), ("sr_latn", "sr-Latn"),
        ("sr_RS@latin", "sr-Latn-RS"), ("sr@cyrillic", "sr-Cyrl"), ("ca@valencia", "ca-valencia"), ("zh_Hant", "zh-Hant"), ("DE", "de"),
    ])
    func maps(code: String, tag: String) {
        #expect(ClientLanguage.tag(code)?.description == tag)
    }

    @Test(arguments: ["", "e", "english", "en US", "pt_", "sr@klingon", "12", "en@latin@x", "sr_Latn@latin", "e/n"])
    func refuses(code: String) {
        #expect(ClientLanguage.tag(code) == nil)
    }
}
