import SitrepFormats

/// libFuzzer entry point for the decoders. The first byte picks the format, the rest is the file.
/// Beyond "never traps, never hangs": a .jsonl file decoded whole must yield, for every record, the
/// document that decoding its line alone yields (the daemon tails streams line by line and decodes
/// dropped files whole, so the two paths must agree).
@_cdecl("LLVMFuzzerTestOneInput")
public func formatsFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let formats = DocumentFormat.allCases
    let format = formats[Int(data[0]) % formats.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))

    let documents = (try? DocumentDecoder.decode(bytes, format: format)) ?? []

    var linesByRecord: [Int: Document] = [:]
    var lineStart = 0
    var record = 0
    while lineStart < bytes.count {
        let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
        if let document = try? DocumentDecoder.decodeRecord(
            bytes[lineStart..<lineEnd], record: record, offset: lineStart)
        {
            linesByRecord[record] = document
        }
        record += 1
        lineStart = lineEnd + 1
    }

    guard format == .jsonLines else { return 0 }
    for document in documents {
        guard let record = document.record, let offset = document.offset else {
            fuzzFailure("a .jsonl document without record or offset")
        }
        guard let alone = linesByRecord[record] else {
            fuzzFailure("record \(record) decodes in the file but not alone")
        }
        guard
            alone.text == document.text, alone.id == document.id, alone.title == document.title,
            alone.url == document.url, alone.published == document.published, alone.offset == offset
        else {
            fuzzFailure("record \(record) decodes differently in the file and alone")
        }
    }
    if documents.count != linesByRecord.count {
        fuzzFailure("\(documents.count) documents from the file, \(linesByRecord.count) from its lines")
    }
    return 0
}
