/// Short articles written for these tests (each reports at least one violent event).
enum Fixtures {
    static let attack = """
        Gunmen attack police post near Mosul

        MOSUL, Iraq, 3 March 2021 — Gunmen attacked a police checkpoint south of Mosul on Monday, \
        killing three police officers and wounding five others, officials said.
        """

    static let protest = """
        Thousands of protesters marched through central Nairobi on Tuesday, 9 February 2021, \
        demanding lower fuel prices. Police fired tear gas and arrested 40 people.
        """

    static let bombing = """
        A car bomb exploded at a market in Kabul on 14 June 2020, killing 12 civilians and injuring 30.
        """

    static func record(id: String, text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "\"", with: "\\\""
        )
        .replacingOccurrences(of: "\n", with: "\\n")
        return "{\"id\":\"\(id)\",\"text\":\"\(escaped)\",\"published\":\"2021-03-03\"}"
    }
}
