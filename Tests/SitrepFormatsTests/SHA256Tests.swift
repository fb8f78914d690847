import Testing

@testable import SitrepFormats

struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func digestMatchesStandardVectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test func digestOfAMillionAMatchesStandardVector() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(input) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func digestIsTheSameForEveryKindOfSequence() {
        let text = String(repeating: "block boundary ", count: 20)
        let bytes = Array(text.utf8)
        #expect(SHA256.digest(bytes) == SHA256.digest(text.utf8))
        #expect(SHA256.digest(bytes[5...]) == SHA256.digest(Array(bytes[5...])))
        #expect(SHA256.digest(bytes).count == 32)
    }

    /// Byte i of the pattern is (167 i + 13) mod 256, so prefixes end on every offset of a block.
    static let pattern: [UInt8] = (0..<130).map { UInt8((167 * $0 + 13) % 256) }

    /// `sha256sum` of the first n bytes of `pattern`, n = 0...130: every padding case, one and two blocks.
    static let patternPrefixDigests: [String] = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "9d1e0e2d9459d06523ad13e28a4093c2316baafe7aec5b25f30eba2e113599c4",
        "ac4150fe5c10c52db000a2b5c8ec38a06b5f3066bb861429caeea8dd0192a1d9",
        "13c425a746ac9e72be4760dd13b156260d7ad6ea6b8750fbf1c7b0d5a484b852",
        "3ca50c11609595b64693be32e58b46eb35c81dbce77fef6162e9b675e54c7619",
        "0b2efc8144bb0d825a1d8afae908d957ee1cb1a9a933c55a1e121a3d33c33ac8",
        "39ecf6ce33e1f50d1fed7ba6dc6fdb074ab1e0362518cb884a668459e853bbde",
        "c203a078ad61ea701fe3b59157795377099530c374bca00d8515198b64e75dff",
        "f0c621cb705bcc7b4c6b940d4aee13a481804f6ff20640635a33a7dc613f8111",
        "d7d49018f6f0dafcb068f12e57f8dd48a036e83c06553ded4f99e65ade28e6e4",
        "11e88db1776db4313e63084759d44e258f05df254f515284beb2ae54530b1c76",
        "a637bab7c64f733fbe04214b1db659eba54432145e4f50ffe32ce4c61b88c812",
        "41f24dd1b6bba8a99eead9baecb2fbfcb2c1212e206512ee30c4379b1677ba54",
        "632debdecc64eea9a591d4b80f3ba0eeaac4561a134ff2cacc1f21fbff3accce",
        "aab4ab03aec228ce956365e7ebf30ee1c9beb56830c676fd5a50d2743e1946d6",
        "4da00c498b517755271cea35ec91c68544180ae1b4b91be33eaa4719721d71b1",
        "ce141eff2bce3c665db6c8cf602246015a6786ba707d61430d3b1cf43ee9e824",
        "3c8c595a75bc2ec015abec1c214614e773195b21a8fdcc46603588f5d59414dd",
        "38bbd99118257174a3f29328f8fb0834a262533cc6d27a5f11a2de21e581a128",
        "cc0ee2549211b6ee88a76d03cc97bd62afccda188c33569f98b396da070b033a",
        "5593f50c3c902a4dbb934960e027758769dd4991ed68c8c5a0d9ce77334d1704",
        "e447b286f8484f85f19ac5b904b911b9f9c645da6046fc37b79fd27a3df4102a",
        "83a91f7f5a6f097539301377812089cb4d61233adbf92761df3a3ea1f7dbc7ca",
        "0e9ccc7de0cc29a44de4ca37a7be4eae55e1dc03e9d59c1a946cba9519f4d4c2",
        "ee174dce0285a780d55862217b5dbe78a32f155a635b8e306f2888463f2c7122",
        "f38e6cf0e6c93b00b0d2efbee8cc5e012a24b5393c93b28aeb41fe026ef9ef6e",
        "1d7ab78ba63d8348dbadb2cceabbda047a16ee3563df520b385f3fb8ff36a22b",
        "1ab69f9d5f1b275ecdf4dcbd97d665fc91b77b1d65c724b99899b70384e2a635",
        "86447568d1bd278d5f7df52ff0a9539e974e83427b3c35f59b9caea583594074",
        "410e485041e4b9216645fe1bd729c0ddec650f4689879c2ab9c084ddb87f822a",
        "cbf2ac637e659072e0af3d58386345fe1263378ebbd706058b78f7c14b4efc31",
        "e0f1595aeb4ed77b4c5f5c85c81096fa428fca936041d094a0cc2bbada7b9ba9",
        "a0005a1a507e6d6488e4d36992e99f7c693e5c1b68018f8488149346a4a06b23",
        "f456e3e94bd025e42cf609cab6be7081fea007870beb80fe3433c2236ce8a511",
        "89dbffe8618914e059fbec6b2dac81aa9921beac0aa8c61620fe3819171277b1",
        "601456984104fd2b95f368c97a4936fd62ce3638f94116f9013909ab890b11b7",
        "f123e3c628c9e8f2b32cc9a61fcbbedeaed30760f3b13ea02db90fe213f3758b",
        "052bf9f3fbbd7f7def7a3149e946e368288a08951f98df4f50d60d9918b3c277",
        "94060274052bf8abfdc0fe7c27ddf0d5ec940c9e96ed2af9d788e4306caf1917",
        "2108937055f8c731588754324a99f0456a848eb67727637343615c2fcad8ed5f",
        "0c8cd99317c4d88f28731be79805326d5329ecd70ce8cae25ca5496cd890d072",
        "8657f654dacb4974fc9d6177db6c34e9c960f0218594fbda22b7c04664a31786",
        "f08e4c43738ffd5a4a8db2864f2b66f8bd622a6fe6b1b4bcfe492c8d63312dcd",
        "1cb366de1b211835491747c83902fee8b672e3fc38c72c40cba94acf88c0a0ac",
        "6ebba9acc1d3690781c9e6ffd8b7693e7cf72205abe64a5bf45734cbbcf34433",
        "943b0f14ab70d50d5679e23731b42d53c17e9aeb3fae8cda13e01b9052855adb",
        "28edfb4668ab45aa6bc8a2f970fbe675b6f1c3164aa8bd514d486ad85cd91953",
        "1a74f440e56873d224eb8ff11b32b97f8b94448e91c3b2b3f36d21f75ad440c6",
        "3a1f1b38b18f2bccf02f7a11efca31133a35a3ddade893968bc0ba63f7267912",
        "66de5aab0108bf5a809e4c8689d0aeb2a9e37fe4b7acaaa579237d156d4ee4ef",
        "4c55db8015b7e54ff597723794182657d374ab4a0bdd2ea9fced3a37ba54effc",
        "1a6bd48e3c37aff32bbb222c15e5db94a6c12794c61316a529d34b1f6c6c87a2",
        "2afd2a622fe475e29665996b53d8b237b080917b57eabfe6c03c8cb6a5fb2571",
        "b5c404c4e96dcc358bc190e6478ba4b0cb9a218a6852ec59e9337d603789d0e2",
        "5d17705b7f0df5e22eddad8bcefe52e95a9d1006bfae79e828c3c1329d0217ea",
        "b2ca0adc388a66d3a5a7f6541239331d5a867eede554e11262241271faaf36c5",
        "3768eff44f1df02704a832cf708935fbed9bb74d0714fbe75454c266c4e12856",
        "a35b6298adfbc5ec16dc51a8d52145daa2a68f1d66e837d85bed6783d874c5cb",
        "e0f4469743052c88f3077afc03c639fa9a953d8fa6d73afbdd355b9bab908aa8",
        "5f7a47400ea5e41bd7c31682cd717ff82e5024bbb1350553d1f0f22e40b8dc45",
        "f867cac02787eef84fbc9e705a1c5ad99532170fc2006309e3904838f814f33d",
        "66ca6894dac197b079fdf27dd6d53429720254a01a165c914595fb1cd2bec12a",
        "0d3b08f701d8231d3809662ee50118ebd0c6591a6578bf660e02decf7bf93c52",
        "dc06ea9e456da9f9fc2276564018231c36196ff7745bf505fd7f503aec5c67fd",
        "b68fe543b0b5a544e32eb08712e697bfcd3a3cb491563c3b1cba112d378f4bdb",
        "587cdb9ad9be371721f2f84a84eb09f2b698ec19bbe2d7c222179996547a04a6",
        "df8c880195744c9379ddc11b6a7862469de5913621c2f4231ce208a7685ffb22",
        "c24eda61aa3d598e084a47920c97dddae00d5315ac86f7f466a3f7fd9a6a77c0",
        "d4530dae4bbb58fe1a455503b20d1b774de4235a67a5e7367fe7e78bb960c242",
        "66166998f76d81c8eded72e93ffe937b12023eb5fe5b1c984f8da418ecfc3a38",
        "88ca792ead0e03d0e594f96716cdf09eb36a10f7880c93ba878e32142896daf3",
        "7df0a7cab65c44c253f1b47596cf0b255b780d3f309e5d74f7e851eb49e2810e",
        "e66e9c2d98c5b4407b89687d74ad4878f789c753548c3403237f786fc117e583",
        "2afc27ea6df12b6b7f717d257cd65a1a3381e546d9694aaa98abfce2b029cf84",
        "306fbbd71fb0d6c7a5a1bf9f9ed245c88d94b7253797c18f3dfbf744dd6036cf",
        "bdc304eef30db25723fa15e7d600214143d2075b25eef8b7b6863841277141e4",
        "e22a2503dde5a329f6840ab9cd6a1daf8b181b0798368f0a756eac0e4ab50ae6",
        "dc4c20b498847eee6e7735981e4ad9585856d089b8030e9cb87339110990d08a",
        "15bc2000b78806bcfeacafa34c9a617e17f8dd85d5b99917d49a8d02ca9b03c2",
        "5c41256678a6d3d0dbd72b7ab4158b69915bfaf9a330700a352946fd87ef5efc",
        "97a27d9afdd01a62d2991ceb24e5b7e0f7edf6a31b9b34b75cb24cacec43515d",
        "22f7ee5eb0f6305f5266552dd8381bc25694b79d1f8c622127dbf81e9d59ba2d",
        "3c4c6fe194f4062d9c6b3493d4927b022dd43f23541fda8c2d986e59d4680b05",
        "9a942915ca10718333b6b0ad0a4e3c8417498bae7362101e09db15cacd9ef311",
        "1ff21fe7a5d5da9e4843392e6c96ee36f9ddb6c236b7e06e313ebe9e4dd9c2ae",
        "05dac20a2256458df82332da1a275ee80ed2a8128775a57e6fd0ffd143ce67f2",
        "1ac0a62e0c7175af56160d6392380e9c0c75c2b58c7835eaa7d45b7a4b2941f7",
        "cf1220656f4d51ceb0a0502269606461fd7fe17817ee7562c395ba2e1b07e8fb",
        "10c296217362b5fe1604277f178f2c426a56ab0629059c499ffc788df9ef6914",
        "8385a09e2aec27c47c64fdeadb08e4332e3584de26ae68262b828776f41748fa",
        "a90b76932b2f068503c284088ed83654cdef6051393cfa86d89d764e2f2580c7",
        "8ed0c4f28e1ea7c20d9175afc572ef07ec2e579c52032d76e3a13e8d5f5d6cbb",
        "49e43de8ceac8456b21151c126985ef649d652b378eb7adde52bf4bf714f5365",
        "bc86ffb3a9f146650a47c0a21bac10ef5d234a4207151cb06e403c176b91caf4",
        "a4fd5b9bb2b9dc8a264b01c202ff3793542a4a30e47fa0f2d21bd27b0f3d4473",
        "7af12630cc450bb78da210f22014963796e4e8c36d2c310ad48c4026e3cb1a2c",
        "b0335ebe89f2fc1153db3ee9f7f0933069b3e853504d533f0a0ae8a7077c3bda",
        "dc91b1495c1fea4c3456fa0aadd00e023204dd4cc7a4b4bb115f95674b197005",
        "77829eec2e7760fbbb651cdf80715fdf20974b53c5237eaa3f7f9224427a3ac0",
        "5555a14049267647d9680e36e709e46c82b4bc77e842d646cd18243b60987382",
        "2f3e74f3aeb89ea613e396f9abf2a24358df1b06fb85fc84ad02c0ceb4a6dd2a",
        "855deb0088e503888277a3067aaa97c5f4c287d9dc2690a04e0d2a69bf344a87",
        "6cb8ecc77381d5240a8318d686b1be92e2f5d2e70d2aaf725c63b0b87a250005",
        "75f00ac38edbe5294d9166e9c42d74286f9dfc76d693d0d76d908e467af8485c",
        "1a0a7ccea655f86e7c7a5760ef621dd0c6454cc78410a56495afe11cdce96c8b",
        "2245bc2bfb0b81933efd27d3f557790d50451ef66ed8310945b5eb8c3d92d8d4",
        "dcec5cf53285bb043c554c7ea953598d283c910c341fc94eda02c2e1e8e86148",
        "d6802fb9c8cc51c8e0d57251be034de02dc32682fae08bb3c9a89d1feb4d44bd",
        "94112edd6f624adf96103ea6529491e37e2926aeb38547892edd40a2d90e3df2",
        "1424da7dfea68825cc71cf182fc6d2181992f9e3708ad01719b0e27784d2a6ee",
        "785b209cce10bf4785e84ea8533cf065f755ccab39556d24ef7e5d7df67d9495",
        "9905ec11d55cf034f183156b0e03736c10f3374050b17a3c76b50cca3b9be4d0",
        "a11fc5c7ba41fca737a1664f29faebe1dc677f44ae1a4147bad8804d9c981d30",
        "3e37bc2fb8bac1683a55a67eb991deedd8a11dac4826e0cd11ab58a250ad17c6",
        "39995a4b080b621ecc0fa20a68cf53e1ae14558896644264f8a082afb92535a3",
        "c6ef546e12ee56b98c743b3a228c5cb1bfc3f94394e083eecbe94a2a58e5b376",
        "8441248d8a096d5afe5ec1734afc22fe52094b3c3256659c6021bddbe5e584e7",
        "b6cd4e49bf4c95cc921a65b1cbaa1cdc7a82f53ff8dc44630d1d6dc1c3008517",
        "f07f917c111c514e7c082853e2b630918747904429673d18bf35c8d5984c012c",
        "b27b61037be684924f5497ee79c784f09c971d8c8c3136f6270e0fd34775aa1b",
        "00c666e960132985e9c99dc98bf25782df791138d0f1252b69781694ed97d693",
        "59b4904558092282298915cc266fc57bd7fa697c191f4f04b8329dc7d5caf1b5",
        "f2abd38f0e4032ee6a04777e9314d5fbbcfac7a30acc8afc2860e51c31e18493",
        "9cc73b603f9d303472e23daf581ca3e6b5ec71f01e0199bb089f461cdcb01549",
        "72ac56220abce5c4866ec53ae906d5a2dd3dd4a2715c3c59bf71d705d8a77abf",
        "36d435c4eaa9dfa16ee559201735ec017e76ada7d43ef3c789049378444e26d9",
        "690797a85a4ca196af204046919b6f7d5df96b85d28130fb9ee357a24f311f24",
        "805f2702e76ff5d578052c965ded05a689d9293fd86c5584b0db399d33e9745c",
        "cd77acfc16d0964a4c3ef06f0678a5c88d2d610de00f7b997676fea5b4d2ae9e",
        "2c0b373b4a62770395098399a7d08ca18fce440e3b6c35a22e5910eaf515b72c",
        "a8d188692c31c397b7ae11eaa7f0dc6e29d163237d550ed06048ae82a2017f1a",
    ]

    @Test(arguments: 0...130)
    func digestOfEveryLengthAcrossTwoBlocksMatchesReference(length: Int) {
        #expect(SHA256.hex(Self.pattern[..<length]) == Self.patternPrefixDigests[length])
    }

    @Test func digestDoesNotDependOnAlignmentOrContiguity() {
        let shifted = [UInt8](repeating: 0xEE, count: 3) + Self.pattern
        let lazy = (0..<130).lazy.map { UInt8((167 * $0 + 13) % 256) }
        #expect(SHA256.hex(shifted[3...]) == Self.patternPrefixDigests[130])
        #expect(SHA256.hex(lazy) == Self.patternPrefixDigests[130])
    }

    @Test func hexIsTheDigestInLowercaseHex() {
        let text = "Ālbū Kamāl, 26 killed"
        let hex = SHA256.digest(text.utf8).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        #expect(SHA256.hex(text) == hex)
        #expect(SHA256.hex(Array(text.utf8)) == hex)
    }
}
