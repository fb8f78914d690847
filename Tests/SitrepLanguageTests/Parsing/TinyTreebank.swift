import SitrepLanguage

/// A small hand-written treebank (UD English conventions) for training and transition tests:
/// one sentence per block, each line "form UPOS XPOS head deprel".
enum TinyTreebank {
    static let text = """
    Gunmen NOUN NNS 2 nsubj
    shot VERB VBD 0 root
    and CCONJ CC 4 cc
    killed VERB VBD 2 conj
    a DET DT 6 det
    shopkeeper NOUN NN 2 obj
    . PUNCT . 2 punct

    Students NOUN NNS 2 nsubj
    rallied VERB VBD 0 root
    in ADP IN 4 case
    Leeds PROPN NNP 2 obl
    against ADP IN 7 case
    the DET DT 7 det
    war NOUN NN 2 obl
    in ADP IN 9 case
    Yemen PROPN NNP 7 nmod
    . PUNCT . 2 punct

    Okafor PROPN NNP 2 nsubj
    said VERB VBD 0 root
    the DET DT 4 det
    village NOUN NN 5 compound
    chief NOUN NN 7 nsubj:pass
    was AUX VBD 7 aux:pass
    abducted VERB VBN 2 ccomp
    on ADP IN 9 case
    Monday PROPN NNP 7 obl
    . PUNCT . 2 punct

    At ADP IN 2 case
    least ADJ JJS 3 nmod
    four NUM CD 4 nummod
    people NOUN NNS 9 nsubj
    , PUNCT , 8 punct
    including VERB VBG 8 case
    a DET DT 8 det
    child NOUN NN 4 nmod
    died VERB VBD 0 root
    . PUNCT . 9 punct

    The DET DT 2 det
    army NOUN NN 3 nsubj
    said VERB VBD 0 root
    it PRON PRP 5 nsubj
    had AUX VBD 3 ccomp
    no DET DT 7 det
    plans NOUN NNS 5 obj
    . PUNCT . 3 punct

    Police NOUN NNS 3 nsubj
    have AUX VBP 3 aux
    arrested VERB VBN 0 root
    the DET DT 5 det
    man NOUN NN 7 nmod:poss
    's PART POS 5 case
    brother NOUN NN 3 obj
    last ADJ JJ 9 amod
    week NOUN NN 3 obl:tmod
    . PUNCT . 3 punct

    A DET DT 2 det
    hearing NOUN NN 4 nsubj:pass
    is AUX VBZ 4 aux:pass
    scheduled VERB VBN 0 root
    on ADP IN 7 case
    the DET DT 7 det
    issue NOUN NN 2 nmod
    today NOUN NN 4 obl:tmod
    . PUNCT . 4 punct

    Rebels NOUN NNS 2 nsubj
    attacked VERB VBD 0 root
    the DET DT 4 det
    town NOUN NN 2 obj
    which PRON WDT 6 nsubj
    lies VERB VBZ 4 acl:relcl
    near ADP IN 8 case
    Goma PROPN NNP 6 obl
    . PUNCT . 2 punct
    """

    static var sentences: [ParserSentence] {
        text.split(separator: "\n\n").map { block in
            var s = ParserSentence(forms: [], upos: [], xpos: [], heads: [], deprels: [])
            for line in block.split(separator: "\n") {
                let c = line.split(separator: " ").map(String.init)
                s.forms.append(c[0]); s.upos.append(c[1]); s.xpos.append(c[2])
                s.heads.append(Int(c[3])!); s.deprels.append(c[4])
            }
            return s
        }
    }
}
