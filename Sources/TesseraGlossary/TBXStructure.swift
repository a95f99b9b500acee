/// Checks the core structure of a TBX body as its elements stream past, one start and end tag
/// at a time, and says what each element is (a concept, a language section, a term, a data
/// category, ...).
///
/// The rules (ISO 30042 core structure; names by ``TBXDialect``):
/// - `body` holds concepts (`conceptEntry` / `termEntry`);
/// - a concept holds auxiliary data categories (`descrip`, `admin`, `note`, `ref`, `xref`,
///   `transacGrp` and the `...Grp` groups), then one or more language sections;
/// - a language section (`langSec` / `langSet`) holds auxiliary data, then one or more term
///   sections;
/// - a term section (`termSec` / `tig`) holds exactly one `term` first, then `termNote`s, then
///   auxiliary data; a TBX 2 `ntig` holds one `termGrp` (`term`, then `termNote`s and
///   `termCompList`s), then auxiliary data.
///
/// Each violation is a sentence in ``Place/problems``; the element still gets the role a lenient
/// reader keeps it under (a second term is a new term, a misplaced data category stays at its
/// level) or ``Role/skipped`` when it has no place.
///
/// ```swift
/// var structure = TBXStructure(dialect: .tbx3Basic)
/// _ = structure.enter("conceptEntry"); _ = structure.enter("langSec"); _ = structure.enter("termSec")
/// structure.enter("termNote").problems   // ["<termNote> comes before the <term> of its <termSec>; ..."]
/// ```
///
/// - Complexity: O(1) per tag.
struct TBXStructure {
    /// What an element is.
    enum Role: Equatable {
        /// Outside any concept (`body`).
        case ignored
        /// Has no place: the reader skips it and everything inside.
        case skipped
        /// A concept entry.
        case concept
        /// A language section.
        case language
        /// A term section (`termSec`, `tig`, `ntig`).
        case termSection
        /// A TBX 2 `termGrp`.
        case termGroup
        /// A `term`; `startsNewTerm` when the section already has one (lenient reading).
        case term(startsNewTerm: Bool)
        /// A data-category element at the current level.
        case category
    }

    /// The role of an element and what is wrong with its place.
    struct Place {
        var role: Role
        var problems: [String] = []
        /// Where the problems are when not at the current tag (an end tag's problems are placed
        /// at the element's start tag).
        var line: Int? = nil
        var column: Int? = nil
    }

    enum Kind { case concept, language, termSection, termGroup }

    struct Frame {
        var kind: Kind
        var name: String
        /// 0: auxiliary data so far; 1: after the first child section or term; 2: after auxiliary
        /// data in a term section.
        var phase = 0
        var children = 0
        /// Whether a problem already said the term is missing (so the end tag does not repeat it).
        var missingTermReported = false
        var line = 0
        var column = 0
    }

    let dialect: TBXDialect
    var stack: [Frame] = []
    /// The place of the start tag being entered.
    var line = 0
    var column = 0

    init(dialect: TBXDialect = .tbx3) { self.dialect = dialect }

    /// The other version's name of a container, for a clear message.
    func foreign(_ name: String) -> Kind? {
        let other: TBXDialect = dialect.isVersion2 ? .tbx3 : .tbx2
        if name == other.conceptElement { return .concept }
        if name == other.languageElement { return .language }
        if other.termSectionElements.contains(name) { return .termSection }
        return nil
    }

    func misnamed(_ name: String, _ kind: Kind) -> String {
        let expected: String
        switch kind {
        case .concept: expected = "<\(dialect.conceptElement)>"
        case .language: expected = "<\(dialect.languageElement)>"
        default: expected = dialect.termSectionElements.sorted().map { "<\($0)>" }.joined(separator: " or ")
        }
        return "<\(name)> is not an element of \(dialect.displayName); it uses \(expected)."
    }

    /// A start tag inside `body`.
    mutating func enter(_ name: String, line: Int = 0, column: Int = 0) -> Place {
        self.line = line
        self.column = column
        let aux = TBXDialect.auxiliaryElements.contains(name)
        let termNote = TBXDialect.termNoteElements.contains(name)
        guard let top = stack.last else {
            if name == "body" { return Place(role: .ignored) }
            if name == dialect.conceptElement { return push(.concept, name) }
            if foreign(name) == .concept { return push(.concept, name, problems: [misnamed(name, .concept)]) }
            return Place(role: .skipped, problems: ["<\(name)> is not allowed in <body>; it holds <\(dialect.conceptElement)> elements."])
        }
        switch top.kind {
        case .concept:
            if aux {
                return category(name, in: top, after: "a <\(dialect.languageElement)>", level: "concept", sections: "language")
            }
            if name == dialect.languageElement || foreign(name) == .language {
                return openSection(.language, name, known: name == dialect.languageElement)
            }
            return Place(role: .skipped, problems: ["<\(name)> is not allowed in <\(top.name)>; it holds data categories, then <\(dialect.languageElement)> elements."])
        case .language:
            if aux {
                return category(name, in: top, after: "a term section", level: "language", sections: "term")
            }
            if dialect.termSectionElements.contains(name) || foreign(name) == .termSection {
                return openSection(.termSection, name, known: dialect.termSectionElements.contains(name))
            }
            if name == "term" {
                stack[stack.count - 1].children += 1
                return Place(role: .term(startsNewTerm: true), problems: [
                    "<term> is directly in <\(top.name)>; a term belongs in a \(dialect.termSectionElements.sorted().map { "<\($0)>" }.joined(separator: " or ")).",
                ])
            }
            return Place(role: .skipped, problems: ["<\(name)> is not allowed in <\(top.name)>."])
        case .termSection:
            let ntig = top.name == "ntig"
            if name == "termGrp", ntig {
                stack[stack.count - 1].phase = max(top.phase, 1)
                return push(.termGroup, name, problems: top.phase == 0 ? [] : ["<ntig> has a second <termGrp>; it holds one."])
            }
            if name == "term" { return term(in: stack.count - 1, ntig ? ["<term> is directly in <ntig>; it belongs in its <termGrp>."] : []) }
            if termNote {
                var problems: [String] = []
                if ntig { problems.append("<\(name)> is directly in <ntig>; it belongs in its <termGrp> after the <term>.") }
                else if top.children == 0 {
                    if !top.missingTermReported { problems.append("<\(name)> comes before the <term> of its <\(top.name)>; the term comes first.") }
                    stack[stack.count - 1].missingTermReported = true
                }
                else if top.phase == 2 { problems.append("<\(name)> comes after the auxiliary data categories of its <\(top.name)>; term notes follow the <term> directly.") }
                return Place(role: .category, problems: problems)
            }
            if aux {
                let problems = top.children == 0 && !top.missingTermReported
                    ? ["<\(name)> comes before the <term> of its <\(top.name)>; the term comes first."] : []
                if top.children == 0 { stack[stack.count - 1].missingTermReported = true }
                stack[stack.count - 1].phase = 2
                return Place(role: .category, problems: problems)
            }
            return Place(role: .skipped, problems: ["<\(name)> is not allowed in <\(top.name)>."])
        case .termGroup:
            let section = stack.count - 2
            if name == "term" { return term(in: section, []) }
            if termNote {
                let problems = stack[section].children == 0 ? ["<\(name)> comes before the <term> of its <termGrp>; the term comes first."] : []
                return Place(role: .category, problems: problems)
            }
            if aux { return Place(role: .category, problems: ["<\(name)> is not allowed in <termGrp>; put it in the <ntig> after the <termGrp>."]) }
            return Place(role: .skipped, problems: ["<\(name)> is not allowed in <termGrp>."])
        }
    }

    /// A data category of a concept or language section: in place before its first child section
    /// (`phase` 0), a problem after one.
    func category(_ name: String, in top: Frame, after child: String, level: String, sections: String) -> Place {
        guard top.phase > 0 else { return Place(role: .category) }
        return Place(role: .category, problems: [
            "<\(name)> comes after \(child) in <\(top.name)>; \(level)-level data categories come before the \(sections) sections.",
        ])
    }

    /// Enters the first or a further child section of the element on top; `known` is false for
    /// the other TBX version's name of it.
    mutating func openSection(_ kind: Kind, _ name: String, known: Bool) -> Place {
        stack[stack.count - 1].phase = 1
        stack[stack.count - 1].children += 1
        return push(kind, name, problems: known ? [] : [misnamed(name, kind)])
    }

    mutating func term(in section: Int, _ problems: [String]) -> Place {
        let frame = stack[section]
        stack[section].children += 1
        stack[section].phase = max(frame.phase, 1)
        if frame.children > 0 {
            return Place(role: .term(startsNewTerm: true), problems: problems + [
                "<\(frame.name)> has a second <term>; TBX allows exactly one term per term section.",
            ])
        }
        return Place(role: .term(startsNewTerm: false), problems: problems)
    }

    mutating func push(_ kind: Kind, _ name: String, problems: [String] = []) -> Place {
        stack.append(Frame(kind: kind, name: name, line: line, column: column))
        let role: Role
        switch kind {
        case .concept: role = .concept
        case .language: role = .language
        case .termSection: role = .termSection
        case .termGroup: role = .termGroup
        }
        return Place(role: role, problems: problems)
    }

    /// An end tag inside `body` (of an element whose start was ``enter(_:)``ed as a container).
    mutating func leave(_ name: String) -> Place {
        guard let top = stack.last, top.name == name else { return Place(role: .ignored) }
        stack.removeLast()
        var place = leavePlace(top, name)
        place.line = top.line
        place.column = top.column
        return place
    }

    func leavePlace(_ top: Frame, _ name: String) -> Place {
        switch top.kind {
        case .concept:
            return Place(role: .concept, problems: top.children == 0 ? ["<\(name)> has no <\(dialect.languageElement)>."] : [])
        case .language:
            return Place(role: .language, problems: top.children == 0 ? ["<\(name)> has no term section."] : [])
        case .termSection:
            return Place(role: .termSection, problems: top.children == 0 && !top.missingTermReported ? ["<\(name)> has no <term>."] : [])
        case .termGroup:
            return Place(role: .termGroup)
        }
    }
}
