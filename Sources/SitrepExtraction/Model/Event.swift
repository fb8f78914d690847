/// One political or conflict event read from a document: the record of `event-schema.md`.
public struct Event: Sendable, Equatable {
    public static let schemaName = "sitrep.event/1"

    public var schema: String
    public var id: String
    public var doc: DocumentReference
    public var type: PLOVERType
    public var mode: String?
    public var context: [String]?
    public var cameo: String?
    public var quadClass: Int?
    public var goldstein: Double?
    public var acled: ACLEDCategory?
    public var date: String?
    public var datePrecision: DatePrecision?
    public var source: [Actor]?
    public var target: [Actor]?
    public var location: Location?
    public var killed: Int?
    public var killedMin: Bool?
    public var injured: Int?
    public var injuredMin: Bool?
    public var quantity: Quantity?
    public var background: Bool?
    public var trigger: String?
    public var sentence: String?
    public var span: [Int]?
    public var confidence: Double?

    public init(
        id: String, doc: DocumentReference, type: PLOVERType, mode: String? = nil, context: [String]? = nil,
        cameo: String? = nil, quadClass: Int? = nil, goldstein: Double? = nil, acled: ACLEDCategory? = nil,
        date: String? = nil, datePrecision: DatePrecision? = nil, source: [Actor]? = nil,
        target: [Actor]? = nil, location: Location? = nil, killed: Int? = nil, killedMin: Bool? = nil,
        injured: Int? = nil, injuredMin: Bool? = nil, quantity: Quantity? = nil, background: Bool? = nil,
        trigger: String? = nil, sentence: String? = nil, span: [Int]? = nil, confidence: Double? = nil
    ) {
        self.schema = Event.schemaName
        self.id = id
        self.doc = doc
        self.type = type
        self.mode = mode
        self.context = context
        self.cameo = cameo
        self.quadClass = quadClass
        self.goldstein = goldstein
        self.acled = acled
        self.date = date
        self.datePrecision = datePrecision
        self.source = source
        self.target = target
        self.location = location
        self.killed = killed
        self.killedMin = killedMin
        self.injured = injured
        self.injuredMin = injuredMin
        self.quantity = quantity
        self.background = background
        self.trigger = trigger
        self.sentence = sentence
        self.span = span
        self.confidence = confidence
    }
}

/// PLOVER (2021) event types.
public enum PLOVERType: String, Sendable, CaseIterable, Equatable {
    case agree = "AGREE"
    case consult = "CONSULT"
    case support = "SUPPORT"
    case cooperate = "COOPERATE"
    case aid = "AID"
    case concede = "CONCEDE"
    case retreat = "RETREAT"
    case investigate = "INVESTIGATE"
    case demand = "DEMAND"
    case disapprove = "DISAPPROVE"
    case reject = "REJECT"
    case threaten = "THREATEN"
    case protest = "PROTEST"
    case mobilize = "MOBILIZE"
    case sanction = "SANCTION"
    case coerce = "COERCE"
    case assault = "ASSAULT"
}

public enum DatePrecision: String, Sendable, Equatable {
    case day, week, month, year
}

/// Where the event came from.
public struct DocumentReference: Sendable, Equatable {
    public var id: String
    public var path: String?
    public var sha256: String
    public var title: String?
    public var url: String?
    public var published: String?
    /// `option` or `file_mtime` when `published` is not the document's own date.
    public var publishedSource: String?
    public var record: Int?
    public var offset: Int?
    /// ISO 639-1 code of the document's language as far as it can be told (`und`: not English, not known).
    public var language: String?

    public init(
        id: String, path: String? = nil, sha256: String, title: String? = nil, url: String? = nil,
        published: String? = nil, record: Int? = nil, offset: Int? = nil, publishedSource: String? = nil,
        language: String? = nil
    ) {
        self.publishedSource = publishedSource
        self.language = language
        self.id = id
        self.path = path
        self.sha256 = sha256
        self.title = title
        self.url = url
        self.published = published
        self.record = record
        self.offset = offset
    }
}

/// A source or target of an event.
public struct Actor: Sendable, Equatable {
    public var text: String
    public var name: String?
    public var country: String?
    public var sector: String?

    public init(text: String, name: String? = nil, country: String? = nil, sector: String? = nil) {
        self.text = text
        self.name = name
        self.country = country
        self.sector = sector
    }
}

/// ACLED event type and sub-event type, spelled as in the ACLED codebook.
public struct ACLEDCategory: Sendable, Equatable {
    public var eventType: String
    public var subEventType: String?

    public init(eventType: String, subEventType: String? = nil) {
        self.eventType = eventType
        self.subEventType = subEventType
    }
}

/// Where the event happened.
public struct Location: Sendable, Equatable {
    public enum Precision: String, Sendable, Equatable {
        case site, city, admin1, country
    }

    public var text: String
    public var name: String?
    public var country: String?
    public var admin1: String?
    public var lat: Double?
    public var lon: Double?
    public var precision: Precision?
    public var geonamesID: Int?

    public init(
        text: String, name: String? = nil, country: String? = nil, admin1: String? = nil, lat: Double? = nil,
        lon: Double? = nil, precision: Precision? = nil, geonamesID: Int? = nil
    ) {
        self.text = text
        self.name = name
        self.country = country
        self.admin1 = admin1
        self.lat = lat
        self.lon = lon
        self.precision = precision
        self.geonamesID = geonamesID
    }
}

/// A counted thing the event involves, e.g. 18 rockets.
public struct Quantity: Sendable, Equatable {
    public var count: Int
    public var what: String?

    public init(count: Int, what: String? = nil) {
        self.count = count
        self.what = what
    }
}
