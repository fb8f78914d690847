/// Lemmas from a table of (lower-case form, XPOS) → lemma learnt from the treebank and verb forms,
/// falling back to suffix rules by Penn tag. The table holds only the pairs the rules get wrong.
public struct Lemmatizer: Sendable {
    var exceptions: [String: String]

    public init(exceptions: [String: String]) { self.exceptions = exceptions }

    static func key(_ lower: String, _ xpos: String) -> String { lower + "\t" + xpos }

    /// Reads `lemmas.tsv`: form, XPOS, lemma per line.
    public init(data: String) throws(LanguageModelError) {
        var exceptions: [String: String] = [:]
        for (number, line) in data.split(separator: "\n").enumerated() where line.first != "#" {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw LanguageModelError(.badData, "lemmas.tsv line \(number + 1): expected form, XPOS and lemma")
            }
            exceptions[Self.key(String(fields[0]), String(fields[1]))] = String(fields[2])
        }
        self.init(exceptions: exceptions)
    }

    public func lemma(form: String, upos: String, xpos: String) -> String {
        let lower = form.lowercased()
        if let known = exceptions[Self.key(lower, xpos)] { return known }
        return Self.rule(form: form, lower: lower, upos: upos, xpos: xpos)
    }

    /// The suffix rules; the trainer stores the treebank's lemmas wherever these differ.
    public static func rule(form: String, lower: String, upos: String, xpos: String) -> String {
        if upos == "PROPN" { return form }
        let w = lower
        func strip(_ n: Int) -> String { String(w.dropLast(n)) }
        switch xpos {
        case "NNS":
            if w.hasSuffix("ies"), w.count > 4 { return strip(3) + "y" }
            if w.hasSuffix("sses") || w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("xes") { return strip(2) }
            if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 2 { return strip(1) }
            return w
        case "VBZ":
            if w.hasSuffix("ies"), w.count > 4 { return strip(3) + "y" }
            if w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("sses") || w.hasSuffix("xes") { return strip(2) }
            if w.hasSuffix("s"), w.count > 2 { return strip(1) }
            return w
        case "VBD", "VBN":
            if w.hasSuffix("ied"), w.count > 4 { return strip(3) + "y" }
            if w.hasSuffix("ed"), w.count > 3 { return strip(2) }
            return w
        case "VBG":
            if w.hasSuffix("ing"), w.count > 4 { return strip(3) }
            return w
        case "JJR", "RBR":
            if w.hasSuffix("er"), w.count > 3 { return strip(2) }
            return w
        case "JJS", "RBS":
            if w.hasSuffix("est"), w.count > 4 { return strip(3) }
            return w
        default:
            return w
        }
    }
}
