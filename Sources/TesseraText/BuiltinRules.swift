package import TesseraCore

/// Built-in segmentation rules for en, de, fr, es, it, pt, nl, pl, tr, ru, uk, zh and ja, written
/// as SRX-style break and no-break rules (ICU patterns, first match wins).
///
/// Every language gets its own rules first (abbreviation lists, ordinals, language habits such as
/// French `« … »` or Russian `г.`), then the common rules:
///
/// 1. no break after a stop, ellipsis, `?` or `!` when the next word starts in lower case
///    (`e.g. the`, `… and then`, `„Wer?“ fragte er`);
/// 2. no break after an initial or a dotted acronym (`J. R. R. Tolkien`, `U.S. President`) or a
///    single lower-case letter with a stop (`z. B.`, `т. е.`);
/// 3. no break after a numbered-list item at the start of a line (`1. The …`);
/// 4. break after `。！？` (and their ASCII/half-width forms in CJK text) with any closing quotes
///    or brackets, no space needed;
/// 5. break after `.`, `!`, `?`, `…` and their combinations (`?!`, `...`), the Arabic `؟`, Urdu
///    `۔`, Devanagari `।`, Armenian `։` and Ethiopic `።`, with any closing quotes or brackets,
///    when white space follows.
///
/// Before all of these, two break rules end a sentence at a unit or currency after a number when
/// a capital follows (`20 h. Les …`, `65 руб. Власти …`).
///
/// Decimal numbers, times, URLs and e-mail addresses never break because no white space follows
/// their inner stops.
///
/// ```swift
/// BuiltinRules.rules(for: LanguageTag("fr")!).rules.count > 5   // true
/// ```
package enum BuiltinRules {
    /// The primary language subtags with their own rules.
    package static let languages: [String] = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ru", "uk", "zh", "ja"]

    /// Compiled rule sets, built once.
    static let compiled: [String: SegmentationRules] = {
        var table: [String: SegmentationRules] = [:]
        for language in languages + [""] {
            // The built-in patterns are ours and tested; a failure here is a programming error.
            guard let rules = try? SegmentationRules(rules: ruleList(for: language)) else {
                preconditionFailure("Built-in segmentation rules for '\(language)' do not compile.")
            }
            table[language] = rules
        }
        return table
    }()

    /// The compiled built-in rules for `language` (by primary subtag; other languages get the
    /// common rules only).
    /// - Parameter language: Any language tag.
    /// - Returns: Compiled rules.
    package static func rules(for language: LanguageTag) -> SegmentationRules {
        compiled[language.language] ?? compiled[""]!
    }

    /// The rule list for a primary language subtag: its own rules, then the common ones.
    /// - Parameter language: A primary language subtag such as `de`; `""` for the common rules only.
    /// - Returns: Rules in priority order, ICU syntax.
    package static func ruleList(for language: String) -> [SegmentationRules.Rule] {
        [unitBreak, currencyBreak] + specific(language) + common
    }

    // MARK: - Building blocks

    /// Closing quotes and brackets that stay with the sentence they close.
    static let closers = #"["'”’»«“‘)\]}」』）】》〉〕]"#
    /// Sentence-final punctuation of cased scripts.
    /// Also the Arabic question mark, Urdu full stop, Devanagari danda, Armenian and Ethiopic stops.
    static let stops = #"[.!?‼⁇⁈⁉…؟۔।॥։።፧]"#
    /// Closing quotes and brackets after a CJK full stop (`“` and `«` open in Chinese and Japanese).
    static let cjkClosers = #"[”’」』）】》〉〕)\]"']"#
    /// Units and currencies that end a sentence when a capital follows (`20 h. Les …`).
    /// Currency abbreviations that end a sentence when a capital follows (`65 руб. Власти …`).
    static let currencyBreak = breakRule(#"(?<=\b(?:руб|грн|коп|долл|дол))\."#, #"\s+\p{Lu}"#)
    static let unitBreak = breakRule(#"(?<=\d\s?(?:h|km|kg|cm|mm|m|g|t|l|ml|min|s|sec|руб|грн|коп|долл|дол|км|кг|м|ч|хв|год|тыс|тис|млн|млрд))\."#, #"\s+\p{Lu}"#)

    static func noBreak(_ before: String, _ after: String = #"\s"#) -> SegmentationRules.Rule {
        SegmentationRules.Rule(isBreak: false, beforeBreak: before, afterBreak: after)
    }

    static func breakRule(_ before: String, _ after: String = #"\s"#) -> SegmentationRules.Rule {
        SegmentationRules.Rule(isBreak: true, beforeBreak: before, afterBreak: after)
    }

    /// A no-break rule for abbreviations written with a final stop. Each entry is literal text
    /// without its final stop; a space inside an entry matches optional white space
    /// (`"z. B"` matches `z. B.` and `z.B.`).
    static func abbreviations(_ words: [String], after: String = #"\s"#) -> SegmentationRules.Rule {
        var seen = Set<String>()
        let unique = words.filter { seen.insert($0).inserted }
        let alternatives = unique.sorted { $0.count > $1.count }.map { word in
            word.map { character -> String in
                switch character {
                case ".": return #"\."#
                case " ": return #"\s?"#
                case "(", ")", "[", "]", "{", "}", "*", "+", "?", "|", "^", "$", "\\": return "\\\(character)"
                default: return String(character)
                }
            }.joined()
        }
        // Lower-case entries also match with an initial capital (a sentence may start with them).
        let capitalised = alternatives.compactMap { entry -> String? in
            guard let first = entry.first, first.isLowercase else { return nil }
            return first.uppercased() + entry.dropFirst()
        }
        let all = alternatives + capitalised.filter { !alternatives.contains($0) }
        // The stop comes first and the word sits in a bounded look-behind, so ICU only tries the
        // pattern at stops (a leading alternation would be tried at every letter).
        // An abbreviation never follows a dot, `@` or `/` (`www.pzpn.pl.` ends a sentence).
        return noBreak(#"(?<=(?<![.@/])\b(?:"# + all.joined(separator: "|") + #"))\."#, after)
    }

    /// Common rules shared by all languages (after the language's own).
    static let common: [SegmentationRules.Rule] = [
        // 1. Lower-case continuation.
        // A dash before the lower-case word is a speech tag ("„Nie!” – apelował").
        noBreak(stops + "+" + closers + "*", #"\s+(?:[–—-]\s+)?["'“‘„«»(\[]?\p{Ll}"#),
        // 2. Initials, dotted acronyms and single lower-case letters with a stop.
        noBreak(#"(?<=\b[\p{Lu}\p{Lt}])\."#),
        noBreak(#"(?<=\b\p{Ll})\."#),
        // 3. A numbered-list item at the start of a line.
        noBreak(#"(?:^|\n)[ \t]*\d{1,3}\."#),
        // 4. CJK full stops, no space needed.
        breakRule(#"[。！？｡]+[!?！？]*"# + cjkClosers + "*", ""),
        // 5. Western stops followed by white space.
        breakRule(stops + "+" + closers + "*"),
    ]

    /// English words that start sentences after a dotted acronym (`… in the U.S. The …`).
    static let englishStarters =
        "The|It|He|She|They|We|I|In|But|This|That|These|Those|A|An|On|At|Its|Their|There|His|Her|As|After|Meanwhile|However|Officials|Police|And|Some|Many"

    /// Words after which a German number with a stop is an ordinal: definite and indefinite
    /// articles, contracted prepositions, demonstratives, possessives and `kein`, with their
    /// endings, lower case or capitalised ("ein 18. Sanktionspaket", "seiner 3. Amtszeit").
    static let germanOrdinalDeterminers =
        "[dD](?:er|ie|as|em|en|es)|[aA]m|[iI]m|[vV]om|[zZ]um|[zZ]ur|[bB]eim|[iI]ns|[aA]ns|"
        + "(?:[eE]in|[mMdDsSkK]ein|[iI]hr|[uU]nser|[eE]ur|[jJ]ed|[dD]ies|[jJ]en)(?:e|er|em|en|es)?"

    static let germanMonths = "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"

    /// Language-specific rules (placed before the common ones).
    static func specific(_ language: String) -> [SegmentationRules.Rule] {
        switch language {
        case "en":
            return [
                breakRule(#"(?<![\p{L}\p{N}])(?:\p{Lu}\.){2,}"#, #"\s+(?:"# + englishStarters + #")\b"#),
                // "… at 5 p.m. The council …" (but "6 p.m. Thursday" goes on).
                breakRule(#"\b[aApP]\.\s?[mM]\."#, #"\s+(?:"# + englishStarters + #")\b"#),
                abbreviations([
                    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
                    "Cmdr", "Adm", "Maj", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "St", "Mt", "Ft", "Sr",
                    "vs", "approx", "e.g", "i.e", "cf", "viz", "ca",
                ]),
                abbreviations(
                    ["Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                     "p", "pp", "Vol", "vol", "Fig", "fig", "Art", "art", "Ch", "ch", "para"],
                    after: #"\s+\d"#),
            ]
        case "de":
            return [
                abbreviations([
                    "Dr", "Prof", "Hr", "Hrn", "Fr", "Frl", "St", "Dipl", "Ing", "Mag", "Nr", "Str", "Abs", "Art",
                    "Bd", "Jh", "Jhd", "Mio", "Mrd", "Tsd", "ca", "z. B", "d. h", "u. a", "u. U", "v. a", "o. Ä",
                    "s. o", "s. u", "i. d. R", "z. T", "bzw", "vgl", "Gebr", "Kap", "Tel", "Min", "Std", "Sek",
                    "Co", "evtl", "ggf", "inkl", "zzgl", "allg", "ehem", "geb", "gest", "Verf", "Hrsg", "Pkt",
                    "Reg", "Bez", "Landkr", "Gen", "Lt", "Oberstlt", "Präs", "Vors", "Sen", "Abg",
                ]),
                // Ordinals: a number with a stop before a month ("am 3. Juni", "bis 12. März") or
                // after an article, a contracted preposition or a possessive ("der 2. Weltkrieg",
                // "die 3. Liga", "zum 100. Geburtstag"). After any other word a capital starts a
                // new sentence ("Die Zahl stieg auf 12. Danach …"); a lower-case word never does
                // (common rule 1). Not after a score (2:1.) nor before a quotation ("Stufe 3. „…").
                noBreak(#"\b\d{1,2}\.\s?(?:\d{1,2}\.)?"#, #"\s+(?:\#(germanMonths))\b"#),
                noBreak(#"(?<=\b(?:\#(germanOrdinalDeterminers))\s{1,3})\d{1,3}\."#, #"\s+\p{L}"#),
            ]
        case "fr":
            return [
                noBreak(stops, #"\s+[»”]"#),
                noBreak(stops + #"+\s*[»”]"#, #"\s+\p{Ll}"#),
                breakRule(stops + #"+\s*[»”]"#),
                abbreviations([
                    "M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "p. ex", "av. J.-C",
                    "apr. J.-C", "env", "cf", "art", "al", "chap", "vol", "éd", "Gén", "gén", "Col", "Cdt", "Lt",
                    "boul", "bd", "av", "fig", "n°", "p", "pp", "sq", "tél", "c.-à-d",
                ]),
                abbreviations(["lun", "mar", "mer", "jeu", "ven", "sam", "dim", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc"], after: #"\s+\d"#),
            ]
        case "es":
            return [
                noBreak(#"EE\."#, #"\s?UU\."#),
                breakRule(#"EE\.\s?UU\."#, #"\s+(?:El|La|Los|Las|En|Un|Una|Pero|Este|Esta|Según|Además)\b"#),
                abbreviations([
                    "Sr", "Sra", "Srta", "Sres", "Dr", "Dra", "Lic", "Ing", "Prof", "Ud", "Uds", "Vd", "Vds", "D",
                    "Dña", "EE. UU", "p. ej", "pág", "págs", "núm", "nº", "aprox", "Av", "Avda", "Gral", "Cía",
                    "Excmo", "Excma", "Ilmo", "Sto", "Sta", "art", "cap", "vol", "admón", "dcha", "izq", "ss",
                    "tel", "Mons", "Pdte", "Ldo", "Lda",
                ]),
                abbreviations(["lun", "mar", "miér", "mié", "jue", "vie", "sáb", "dom", "ene", "feb", "mar", "abr", "jun", "jul", "ago", "sept", "oct", "nov", "dic"], after: #"\s+\d"#),
            ]
        case "it":
            return [
                abbreviations([
                    "Sig", "Sigg", "Sig.ra", "Sig.na", "Dott", "dott", "Dott.ssa", "dott.ssa", "Prof", "prof",
                    "Prof.ssa", "prof.ssa", "Ing", "ing", "Avv", "avv", "On", "on", "Mons", "Geom", "geom", "Arch",
                    "arch", "Rag", "rag", "Gen", "gen", "Col", "col", "Cap", "cap", "S", "SS", "pag", "pagg",
                    "n", "nn", "art", "artt", "cfr", "es", "p. es", "vol", "fig", "tel", "c.a", "cit",
                    "Spett", "Egr", "Gent", "sen", "Sen",
                ]),
                abbreviations(["lun", "mar", "mer", "gio", "ven", "sab", "dom", "genn", "febbr", "magg", "giu", "lug", "ago", "sett", "ott", "nov", "dic"], after: #"\s+\d"#),
            ]
        case "pt":
            return [
                abbreviations([
                    "Sr", "Sra", "Srta", "Srs", "Dr", "Dra", "Drs", "Prof", "Profa", "Eng", "Exmo", "Exma", "Ilmo",
                    "Sto", "Sta", "Gal", "Cel", "Ten", "Cap", "Dep", "Pe", "D", "V. Exa", "p. ex", "pág", "págs",
                    "nº", "n.º", "núm", "art", "arts", "cap", "vol", "fig", "tel", "Av", "av", "R", "Lda", "Ltda",
                    "aprox", "séc", "Min", "Gov", "Pres", "Sen",
                ]),
                abbreviations(["seg", "ter", "qua", "qui", "sex", "sáb", "dom", "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"], after: #"\s+\d"#),
            ]
        case "nl":
            return [
                abbreviations([
                    "blz", "bijv", "bv", "d.w.z", "dhr", "Dhr", "mevr", "Mevr", "mr", "Mr", "mw", "drs", "Drs", "dr",
                    "Dr", "ir", "Ir", "ing", "Ing", "prof", "Prof", "ca", "nr", "Nr", "jl", "o.a", "t.o.v", "m.b.t",
                    "i.p.v", "m.a.w", "z.g", "incl", "excl", "resp", "vs", "St", "Sr", "wo", "p", "pag", "art",
                    "min", "max", "mln", "mld", "gem", "Burg", "burg", "Kon", "kon", "Pres", "pres",
                ]),
                abbreviations(["ma", "di", "wo", "do", "vr", "za", "zo", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"], after: #"\s+\d"#),
            ]
        case "pl":
            return [
                // "W 2024 r. wyniosły …": the year opens the sentence, no break; "na 2025 r. Deficyt": break.
                noBreak(#"(?<![\p{L}])(?:W|We|Od|Do|Po|Przed|Na|Z|Za|Już|I)\s+\d{4}\s*r\."#),
                breakRule(#"\d\s*r\."#, #"\s+\p{Lu}"#),
                noBreak(#"\bproc\."#, #"\s+\p{Lu}{2,}\b"#),
                breakRule(#"\b(?:zł|proc|mln|mld|tys)\."#, #"\s+\p{Lu}"#),
                abbreviations([
                    "prof", "Prof", "dr", "Dr", "hab", "inż", "mgr", "Mgr", "lek", "ks", "Ks", "gen", "Gen", "płk",
                    "ppłk", "mjr", "kpt", "por", "min", "św", "Św", "im", "ul", "Ul", "al", "Al", "pl", "os", "woj",
                    "pow", "gm", "np", "tzn", "tj", "m.in", "ok", "godz", "nr", "Nr", "str", "s",
                    "wg", "ws", "ds", "red", "ang", "niem", "franc", "łac", "przyp", "tzw", "jw", "pt", "pn",
                    "mies", "dot", "oprac", "wyd", "tab", "rys", "poz", "art", "ust", "pkt",
                ]),
                noBreak(#"(?<![\p{N}:.,/\-])\b\d{1,2}\."#),
                abbreviations(["pon", "wt", "śr", "czw", "pt", "sob", "niedz", "godz"], after: #"\s+\d"#),
            ]
        case "tr":
            return [
                abbreviations([
                    "Dr", "Prof", "Doç", "Yrd", "Av", "Op", "Uzm", "Öğr", "Gör", "Arş", "Sn", "Sayın", "No", "Nr",
                    "Cad", "Sok", "Mah", "Blv", "Bul", "Apt", "Şti", "Ltd", "Org", "Orgeneral", "Korg", "Tümg",
                    "Tuğg", "Alb", "Yzb", "bkz", "vs", "vb", "s", "S", "sy", "Hz", "Gn", "Md", "Müd", "Bşk",
                    "yy", "Ank", "İst", "örn", "age", "a.g.e", "vd", "St", "Tic", "San", "Koop",
                ]),
                // Ordinals: "3. Lig", "2. Dünya Savaşı", "24. Haziran".
                noBreak(#"(?<![\p{N}:.,/\-])\b\d{1,3}\."#),
            ]
        case "ru":
            return [
                // "В 2023 г. Россия …": the year opens the sentence, no break.
                noBreak(#"(?<![\p{L}])(?:В|С|К|До|После|На|За|По|От|Уже|Еще|Ещё|И)\s+\d{4}\s*гг?\."#),
                breakRule(#"\d\s*гг?\."#, #"\s+\p{Lu}"#),
                breakRule(#"(?<![\p{L}])т\.\s?[дп]\."#, #"\s+\p{Lu}"#),
                breakRule(#"(?<![\p{L}])(?:др|пр)\."#, #"\s+\p{Lu}"#),
                abbreviations([
                    "г", "гг", "т. е", "т. к", "т. н", "т. наз", "и. о", "тыс", "млн", "млрд", "руб", "коп", "долл",
                    "им", "ул", "пр-т", "пл", "пер", "просп", "д", "кв", "обл", "р-н", "проф", "акад", "доц", "Проф",
                    "чл.-корр", "ген", "полк", "см", "ср", "рис", "табл", "гл", "ст", "п", "пп", "с", "стр", "т",
                    "вв", "в", "н. э", "до н. э", "англ", "нем", "франц", "лат", "зам", "пред", "нач", "тел",
                    "мин", "сек", "ч", "г-н", "г-жа", "напр", "св",
                ]),
            ]
        case "uk":
            return [
                noBreak(#"(?<![\p{L}])(?:У|В|З|До|Після|На|За|По|Від|Вже|Ще|І)\s+\d{4}\s*рр?\."#),
                breakRule(#"\d\s*рр?\."#, #"\s+\p{Lu}"#),
                breakRule(#"(?<![\p{L}])(?:т\.\s?[дп]|та\s?ін|тощо)\."#, #"\s+\p{Lu}"#),
                abbreviations([
                    "р", "рр", "т. зв", "т. б", "тис", "млн", "млрд", "грн", "коп", "дол", "ім", "вул", "просп",
                    "пл", "пров", "буд", "кв", "обл", "р-н", "м", "с", "смт", "проф", "акад", "доц", "ген", "полк",
                    "див", "рис", "табл", "гл", "ст", "п", "пп", "стор", "т", "ст", "н. е", "до н. е", "англ",
                    "нім", "лат", "заст", "тел", "хв", "год", "пан", "напр", "св",
                ]),
            ]
        case "zh":
            return [
                // An ellipsis before a new Han sentence ends the sentence ("继续下降……专家认为").
                breakRule(#"(?:…{2,}|⋯{2,}|\.{3,})"#, #"[\p{Han}“]"#),
                noBreak(#"[。！？!?][”」』]"#, #"[他她它]?(?:说|表示|称|指出|强调|补充|写道|回答|问)"#),
                // Western stops in Chinese text break even without a following space.
                breakRule(#"(?<=[\p{Han}\p{N}”」』）])[!?！？]+"# + closers + "*", ""),
            ]
        case "ja":
            return [
                noBreak(#"[。！？!?]+[」』）)]"#, #"(?:と|って|との|とし|など|が|を|は|の|に)"#),
                noBreak(#"[。！？!?]+"#, #"[」』）)]"#),
            ]
        default:
            return []
        }
    }
}
