package import TesseraAlignment

/// The weights of the aligner's cost (`align --length-weight`, `--lexical-weight`,
/// `--insertion-penalty`), re-exported so that front ends need only TesseraKit.
package typealias AlignmentWeights = LexicalCostModel.Parameters
