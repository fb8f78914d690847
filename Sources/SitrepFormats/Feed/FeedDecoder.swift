/// RSS 2.0 / RSS 1.0 / Atom feeds: one document per item or entry.
enum FeedDecoder {
    static func decode(_ bytes: ArraySlice<UInt8>) throws(DecodeError) -> [Document] {
        throw DecodeError(.invalidFeed, "feeds are not decoded yet")
    }
}
