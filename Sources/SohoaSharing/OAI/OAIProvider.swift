import Foundation
import SohoaArchive
import SohoaCatalog
import SohoaCollection

/// The OAI-PMH 2.0 data provider: answers the six verbs from the catalog (and the archived
/// descriptions), honouring access levels — closed items never show metadata, restricted items only
/// when the sharing configuration exposes it — and reporting withdrawn items, and items closed (or
/// hidden) after they were archived, as deleted records dated from that change.
public struct OAIProvider: Sendable {
    public let catalog: Catalog
    public let configuration: SharingConfiguration
    /// The repository's OAI-PMH address, e.g. `https://thuvien.laichau.gov.vn/oai`.
    public let baseURL: String
    /// How long a resumption token is accepted.
    public var tokenLifetime: TimeInterval = 24 * 3600
    let metadata: OAIRecordMetadata
    let identifiers: OAIIdentifier
    /// Signs resumption tokens: the archive's `oai-token` key, or (without an archive) one for this provider only.
    let tokenSecret: ArchiveSecret

    /// A provider for `catalog`, reading archived descriptions from `root` (nil: catalog only).
    /// Record metadata links to item pages at `<site>/items/<item-id>`, `site` being `baseURL`
    /// without its last path component unless given. Resumption tokens are signed with the archive's
    /// key (`extensions/sohoa-work/oai-token.key`, made on first use). `rights` gives MARC records of
    /// items without rights of their own a statement (server.yaml's `rights:`).
    public init(
        catalog: Catalog, configuration: SharingConfiguration, baseURL: String, root: OCFLStorageRoot?,
        siteURL: String? = nil, rights: RightsDefaults = RightsDefaults()
    ) {
        self.catalog = catalog
        self.configuration = configuration
        self.baseURL = baseURL
        let site = PublicAddress.trimmed(
            siteURL ?? (baseURL.range(of: "/", options: .backwards).map { String(baseURL[..<$0.lowerBound]) } ?? baseURL))
        self.metadata = OAIRecordMetadata(root: root, catalog: catalog, rights: rights) { id in
            PublicAddress.itemPage(site: site, itemID: id)
        }
        self.identifiers = OAIIdentifier(repositoryIdentifier: configuration.repositoryIdentifier)
        self.tokenSecret =
            root.flatMap { try? ArchiveSecret.loadOrCreate(named: "oai-token", in: $0.url) } ?? ArchiveSecret.ephemeral()
    }

    /// Access levels harvesters may see (never closed).
    var visibleAccess: Set<AccessLevel> {
        configuration.restricted == .metadata ? [.public, .restricted] : [.public]
    }

    /// The response document for a request's arguments (name → every value given). Protocol errors
    /// are answered in the document; a throw means the catalog failed (an HTTP 500).
    public func response(to arguments: [String: [String]], at now: Date = Date()) throws -> String {
        let request: OAIRequest
        do {
            request = try OAIRequest.parse(arguments)
        } catch {
            return OAIResponse.document(responseDate: now, baseURL: baseURL, arguments: nil, body: OAIResponse.error(error))
        }
        let body: String
        do {
            body = try answer(request, now: now)
        } catch let error as OAIError {
            return OAIResponse.document(
                responseDate: now, baseURL: baseURL, arguments: error.hidesRequestArguments ? nil : request.arguments,
                body: OAIResponse.error(error))
        }
        return OAIResponse.document(responseDate: now, baseURL: baseURL, arguments: request.arguments, body: body)
    }

    private func answer(_ request: OAIRequest, now: Date) throws -> String {
        switch request.verb {
        case .identify: try identify(now: now)
        case .listMetadataFormats: try listMetadataFormats(identifier: request.identifier)
        case .listSets: try listSets(resumptionToken: request.resumptionToken)
        case .getRecord: try getRecord(identifier: request.identifier ?? "", prefix: request.metadataPrefix ?? "")
        case .listIdentifiers, .listRecords: try list(request, now: now)
        }
    }

    // MARK: Identify, ListMetadataFormats, ListSets

    private func identify(now: Date) throws -> String {
        let earliest = try catalog.oaiEarliestDatestamp(access: visibleAccess) ?? now
        var xml = "<Identify>\n"
        xml += OAIXML.element("repositoryName", configuration.repositoryName) + "\n"
        xml += OAIXML.element("baseURL", baseURL) + "\n"
        xml += "<protocolVersion>2.0</protocolVersion>\n"
        xml += OAIXML.element("adminEmail", configuration.adminEmail) + "\n"
        xml += "<earliestDatestamp>\(OAIDatestamp.string(earliest))</earliestDatestamp>\n"
        xml += "<deletedRecord>persistent</deletedRecord>\n"
        xml += "<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>\n"
        if SharingConfiguration.isRepositoryIdentifier(configuration.repositoryIdentifier) {
            xml += """
                <description>
                <oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" \
                xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">
                <scheme>oai</scheme>
                \(OAIXML.element("repositoryIdentifier", configuration.repositoryIdentifier))
                <delimiter>:</delimiter>
                \(OAIXML.element("sampleIdentifier", identifiers.identifier(itemID: "item-1")))
                </oai-identifier>
                </description>

                """
        }
        return xml + "</Identify>"
    }

    private func listMetadataFormats(identifier: String?) throws -> String {
        if let identifier { _ = try visibleRecord(identifier: identifier) }
        let formats = OAIMetadataFormat.allCases.map { format in
            "<metadataFormat>\(OAIXML.element("metadataPrefix", format.rawValue))\(OAIXML.element("schema", format.schema))"
                + "\(OAIXML.element("metadataNamespace", format.namespace))</metadataFormat>\n"
        }
        return "<ListMetadataFormats>\n" + formats.joined() + "</ListMetadataFormats>"
    }

    private func listSets(resumptionToken: String?) throws -> String {
        if resumptionToken != nil {
            throw OAIError(.badResumptionToken, "ListSets is sent whole; this repository issues no token for it.")
        }
        let values = try catalog.oaiSetValues(access: visibleAccess)
        var sets: [(spec: String, name: String)] = [(OAISetSpec.library, "Thư viện (libraries)")]
        sets += grouped(values.libraryCodes) { OAISetSpec.library($0) }.map { ($0.spec, "Thư viện \($0.values.joined(separator: ", "))") }
        if !values.types.isEmpty {
            sets.append((OAISetSpec.type, "Loại tài liệu (item types)"))
            sets += grouped(values.types) { OAISetSpec.type($0) }.map { ($0.spec, $0.values.joined(separator: ", ")) }
        }
        if !values.serials.isEmpty {
            sets.append((OAISetSpec.serial, "Báo, tạp chí (serials)"))
            sets += grouped(Array(values.serials.keys)) { OAISetSpec.serial($0) }.map { group in
                (group.spec, group.values.map { values.serials[$0] ?? $0 }.joined(separator: ", "))
            }
        }
        let xml = sets.map { "<set>\(OAIXML.element("setSpec", $0.spec))\(OAIXML.element("setName", $0.name))</set>\n" }
        return "<ListSets>\n" + xml.joined() + "</ListSets>"
    }

    /// Values grouped by the setSpec they map to (several spellings may share one), in setSpec order.
    private func grouped(_ values: [String], by spec: (String) -> String) -> [(spec: String, values: [String])] {
        Dictionary(grouping: values, by: spec).map { ($0.key, $0.value.sorted()) }.sorted { $0.spec < $1.spec }
    }

    // MARK: GetRecord

    private func getRecord(identifier: String, prefix: String) throws -> String {
        let row = try visibleRecord(identifier: identifier)
        guard let format = OAIMetadataFormat(rawValue: prefix) else { throw cannotDisseminate(prefix) }
        return "<GetRecord>\n" + (try record(row, format: format)) + "</GetRecord>"
    }

    /// The record an identifier names, if harvesters may see it (in full or as deleted); else `idDoesNotExist`.
    private func visibleRecord(identifier: String) throws -> OAIRecordRow {
        guard let itemID = identifiers.itemID(identifier: identifier),
            let row = try catalog.oaiRecord(itemID: itemID), row.isListed(visible: visibleAccess)
        else {
            throw OAIError(.idDoesNotExist, "No record in this repository has the identifier '\(identifier)'.")
        }
        return row
    }

    private func cannotDisseminate(_ prefix: String) -> OAIError {
        OAIError(
            .cannotDisseminateFormat,
            "'\(prefix)' is not a metadata format of this repository; use "
                + OAIMetadataFormat.allCases.map(\.rawValue).joined(separator: " or ") + ".")
    }

    // MARK: ListIdentifiers, ListRecords

    private func list(_ request: OAIRequest, now: Date) throws -> String {
        var token: OAIResumptionToken?
        var prefix = request.metadataPrefix ?? ""
        var setSpec = request.set
        var from = request.from
        var until = request.until
        var snapshot = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        if let text = request.resumptionToken {
            let decoded = try OAIResumptionToken.decode(text, verb: request.verb, now: now, secret: tokenSecret)
            token = decoded
            prefix = decoded.metadataPrefix
            setSpec = decoded.set
            from = decoded.from.flatMap(OAIDatestamp.init(argument:))
            until = decoded.until.flatMap(OAIDatestamp.init(argument:))
            snapshot = decoded.snapshot
            if (decoded.from != nil && from == nil) || (decoded.until != nil && until == nil) {
                throw OAIError(.badResumptionToken, "The resumption token is damaged.")
            }
        }
        guard let format = OAIMetadataFormat(rawValue: prefix) else { throw cannotDisseminate(prefix) }
        var query = OAIListQuery(
            access: visibleAccess, from: from?.date, before: until?.end,
            snapshot: Date(timeIntervalSince1970: TimeInterval(snapshot) / 1000), after: token?.after)
        if let setSpec {
            guard let selection = try selection(forSet: setSpec) else {
                throw OAIError(.noRecordsMatch, "This repository has no set '\(setSpec)' (see ListSets).")
            }
            (query.libraryCodes, query.types, query.serials) = selection
        }
        let pageSize = max(1, configuration.pageSize)
        let page = try catalog.oaiPage(query, limit: pageSize + 1)
        let rows = page.records.prefix(pageSize)
        guard let last = rows.last else {
            throw OAIError(.noRecordsMatch, "No records match the request's dates and set.")
        }
        let isListRecords = request.verb == .listRecords
        var xml = "<\(request.verb.rawValue)>\n"
        for row in rows {
            xml += try isListRecords ? record(row, format: format) : header(row) + "\n"
        }
        if page.records.count > pageSize {
            let next = OAIResumptionToken(
                verb: request.verb.rawValue, metadataPrefix: prefix, set: setSpec, from: token?.from ?? request.arguments["from"],
                until: token?.until ?? request.arguments["until"], snapshot: snapshot, after: last.position,
                expires: Int64(now.addingTimeInterval(tokenLifetime).timeIntervalSince1970))
            xml +=
                "<resumptionToken completeListSize=\"\(page.total)\" cursor=\"\(page.before)\" "
                + "expirationDate=\"\(OAIDatestamp.string(next.expirationDate))\">\(next.encoded(signedWith: tokenSecret))</resumptionToken>\n"
        } else if token != nil {
            xml += "<resumptionToken completeListSize=\"\(page.total)\" cursor=\"\(page.before)\"/>\n"
        }
        return xml + "</\(request.verb.rawValue)>"
    }

    /// The libraries, types and serials a setSpec selects (nil for any of them: any), or nil when
    /// there is no such set.
    private func selection(forSet spec: String) throws -> (libraryCodes: [String]?, types: [String]?, serials: [String]?)? {
        let values = try catalog.oaiSetValues(access: visibleAccess)
        let serials = values.serials.keys.sorted()
        if spec == OAISetSpec.library { return (nil, nil, nil) }
        if spec == OAISetSpec.type { return values.types.isEmpty ? nil : (nil, values.types, nil) }
        if spec == OAISetSpec.serial { return serials.isEmpty ? nil : (nil, nil, serials) }
        let libraries = values.libraryCodes.filter { OAISetSpec.library($0) == spec }
        if !libraries.isEmpty { return (libraries, nil, nil) }
        let types = values.types.filter { OAISetSpec.type($0) == spec }
        if !types.isEmpty { return (nil, types, nil) }
        let titles = serials.filter { OAISetSpec.serial($0) == spec }
        if !titles.isEmpty { return (nil, nil, titles) }
        return nil
    }

    // MARK: Records

    /// A `<header>`: deleted for withdrawn items and items harvesters may no longer see.
    func header(_ row: OAIRecordRow) -> String {
        var xml = row.isDeleted(visible: visibleAccess) ? "<header status=\"deleted\">" : "<header>"
        xml += OAIXML.element("identifier", identifiers.identifier(itemID: row.id))
        xml += OAIXML.element("datestamp", OAIDatestamp.string(row.datestamp))
        xml += OAIXML.element("setSpec", OAISetSpec.library(row.libraryCode))
        if let type = row.type, !type.isEmpty { xml += OAIXML.element("setSpec", OAISetSpec.type(type)) }
        if let serial = row.serial { xml += OAIXML.element("setSpec", OAISetSpec.serial(serial)) }
        return xml + "</header>"
    }

    /// A `<record>`: the header, and the metadata unless the record is deleted. Throws when the
    /// metadata cannot be made (the catalog failed).
    func record(_ row: OAIRecordRow, format: OAIMetadataFormat) throws -> String {
        guard !row.isDeleted(visible: visibleAccess) else { return "<record>\(header(row))</record>\n" }
        return
            "<record>\(header(row))\n<metadata>\n\((try metadata.element(for: row, format: format, visible: visibleAccess)))\n</metadata>\n</record>\n"
    }
}
