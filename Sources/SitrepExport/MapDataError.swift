/// A line of the outline data that cannot be read.
public struct MapDataError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public var description: String { "countries.tsv line \(line): \(reason)" }
}
