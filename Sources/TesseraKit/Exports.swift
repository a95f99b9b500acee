// The value types of TesseraCore (LanguageTag, TranslationUnit, Segment, Term...) are part of
// TesseraKit's API: a front end imports TesseraKit alone (Docs/DESIGN.md, "Modules").
@_exported public import TesseraCore
