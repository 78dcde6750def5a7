import Crypto
import Foundation
import SohoaText

/// Writes an item's METS 1.12 document: header, Dublin Core, PREMIS 3 events and agents, files and
/// the physical structure.
public enum METSWriter {
    /// The name METS and PREMIS give the software that wrote the package.
    public static let agentName = "sohoa"

    /// A complete METS document (UTF-8, NFC). File locations are relative URLs: the logical paths,
    /// percent-encoded (RFC 3986), resolved against the `mets.xml` at the object's root. `files` gives
    /// each logical path's size and SHA-256 for the fileSec (and the masters' PREMIS objects).
    public static func document(_ p: ItemPackage, createdAt: Date, files facts: [String: PackageFileFacts] = [:]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:premis="http://www.loc.gov/premis/v3" \
            xmlns:mods="\(MODSWriter.namespace)" \
            xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd \
            http://www.loc.gov/premis/v3 http://www.loc.gov/standards/premis/v3/premis-v3-0.xsd \
            \(MODSWriter.schemaLocation) \(DublinCoreWriter.schemaLocation)" \
            OBJID="\(XMLText.attribute(p.objectID))" LABEL="\(XMLText.attribute(p.dc.title))">

            """
        xml += header(createdAt)
        xml += descriptiveSections(p.dc)
        let files = FileTable(p)
        let provenance = administrative(p, files: files, facts: facts)
        xml += provenance.xml
        xml += fileSection(files, facts: facts, technicalIDs: provenance.technicalIDs)
        xml += structure(p, files: files, eventIDs: provenance.eventIDs)
        xml += logicalStructure(p.structure, title: p.dc.title, pageCount: files.orderedPages.count)
        xml += "</mets:mets>\n"
        return xml
    }

    private static func header(_ createdAt: Date) -> String {
        """
          <mets:metsHdr CREATEDATE="\(OCFLStorageRoot.timestamp(createdAt))">
            <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
              <mets:name>\(agentName)</mets:name>
            </mets:agent>
          </mets:metsHdr>

        """
    }

    /// The amdSec: a techMD (PREMIS object) per master image, then a digiprovMD per PREMIS event and per agent.
    private static func administrative(
        _ p: ItemPackage, files: FileTable, facts: [String: PackageFileFacts]
    ) -> (xml: String, eventIDs: [String], technicalIDs: [Int: String]) {
        var technicalXML = ""
        var technicalIDs: [Int: String] = [:]
        for (rank, page) in files.orderedPages.enumerated() {
            guard let technical = page.page.technical,
                let master = page.page.files.first(where: { $0.use == .master })
            else { continue }
            let id = String(format: "TECH_%04d", rank + 1)
            technicalIDs[page.position] = id
            technicalXML += "    <mets:techMD ID=\"\(id)\">\n      <mets:mdWrap MDTYPE=\"PREMIS:OBJECT\">\n        <mets:xmlData>\n"
            technicalXML += premisObject(
                technical, logicalPath: master.logicalPath, facts: facts[master.logicalPath], indent: "          ")
            technicalXML += "        </mets:xmlData>\n      </mets:mdWrap>\n    </mets:techMD>\n"
        }
        guard !p.events.isEmpty || !technicalXML.isEmpty else { return ("", [], [:]) }
        var agents: [PreservationAgent] = []
        for event in p.events where !agents.contains(event.agent) { agents.append(event.agent) }
        var xml = "  <mets:amdSec ID=\"AMD1\">\n" + technicalXML
        var eventIDs: [String] = []
        for (index, event) in p.events.enumerated() {
            let id = String(format: "EVENT_%04d", index + 1)
            eventIDs.append(id)
            xml += eventSection(event, id: id, objectID: p.objectID)
        }
        for (index, agent) in agents.enumerated() {
            xml += agentSection(agent, id: String(format: "AGENT_%04d", index + 1))
        }
        xml += "  </mets:amdSec>\n"
        return (xml, eventIDs, technicalIDs)
    }

    /// One `digiprovMD` holding a PREMIS event.
    static func eventSection(_ event: PreservationEvent, id: String, objectID: String) -> String {
        var xml = "    <mets:digiprovMD ID=\"\(id)\">\n      <mets:mdWrap MDTYPE=\"PREMIS:EVENT\">\n        <mets:xmlData>\n"
        xml += premisEvent(event, objectID: objectID, indent: "          ")
        xml += "        </mets:xmlData>\n      </mets:mdWrap>\n    </mets:digiprovMD>\n"
        return xml
    }

    /// One `digiprovMD` holding a PREMIS agent.
    static func agentSection(_ agent: PreservationAgent, id: String) -> String {
        var xml = "    <mets:digiprovMD ID=\"\(id)\">\n"
        xml += "      <mets:mdWrap MDTYPE=\"PREMIS:AGENT\">\n        <mets:xmlData>\n"
        let name = XMLText.escape(agent.name)
        xml += """
                      <premis:agent>
                        <premis:agentIdentifier>
                          <premis:agentIdentifierType>local</premis:agentIdentifierType>
                          <premis:agentIdentifierValue>\(name)</premis:agentIdentifierValue>
                        </premis:agentIdentifier>
                        <premis:agentName>\(name)</premis:agentName>
                        <premis:agentType>\(agent.kind.rawValue)</premis:agentType>
                      </premis:agent>

            """
        xml += "        </mets:xmlData>\n      </mets:mdWrap>\n    </mets:digiprovMD>\n"
        return xml
    }

    /// A PREMIS 3 file object describing a master image: identifier, fixity, size, format, and its
    /// technical properties as significant properties.
    private static func premisObject(
        _ technical: PageTechnical, logicalPath: String, facts: PackageFileFacts?, indent: String
    ) -> String {
        var lines = ["<premis:object xsi:type=\"premis:file\">"]
        lines.append("  <premis:objectIdentifier>")
        lines.append("    <premis:objectIdentifierType>logical path</premis:objectIdentifierType>")
        lines.append("    <premis:objectIdentifierValue>\(XMLText.escape(logicalPath))</premis:objectIdentifierValue>")
        lines.append("  </premis:objectIdentifier>")
        for (name, value) in technical.significantProperties {
            lines.append("  <premis:significantProperties>")
            lines.append("    <premis:significantPropertiesType>\(XMLText.escape(name))</premis:significantPropertiesType>")
            lines.append("    <premis:significantPropertiesValue>\(XMLText.escape(value))</premis:significantPropertiesValue>")
            lines.append("  </premis:significantProperties>")
        }
        lines.append("  <premis:objectCharacteristics>")
        lines.append("    <premis:compositionLevel>0</premis:compositionLevel>")
        if let facts {
            lines.append("    <premis:fixity>")
            lines.append("      <premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm>")
            lines.append("      <premis:messageDigest>\(facts.sha256)</premis:messageDigest>")
            lines.append("    </premis:fixity>")
            lines.append("    <premis:size>\(facts.size)</premis:size>")
        }
        lines.append("    <premis:format>")
        lines.append("      <premis:formatDesignation>")
        lines.append("        <premis:formatName>\(XMLText.escape(technical.mimeType))</premis:formatName>")
        if let version = technical.formatVersion {
            lines.append("        <premis:formatVersion>\(XMLText.escape(version))</premis:formatVersion>")
        }
        lines.append("      </premis:formatDesignation>")
        if let puid = technical.pronomID {
            lines.append("      <premis:formatRegistry>")
            lines.append("        <premis:formatRegistryName>PRONOM</premis:formatRegistryName>")
            lines.append("        <premis:formatRegistryKey>\(XMLText.escape(puid))</premis:formatRegistryKey>")
            lines.append("        <premis:formatRegistryRole>specification</premis:formatRegistryRole>")
            lines.append("      </premis:formatRegistry>")
        }
        lines.append("    </premis:format>")
        lines.append("  </premis:objectCharacteristics>")
        lines.append("  <premis:originalName>\(XMLText.escape(String(logicalPath.split(separator: "/").last ?? "")))</premis:originalName>")
        lines.append("</premis:object>")
        return lines.map { indent + $0 + "\n" }.joined()
    }

    private static func premisEvent(_ event: PreservationEvent, objectID: String, indent: String) -> String {
        var lines = ["<premis:event>"]
        lines.append("  <premis:eventIdentifier>")
        if let identifier = event.identifier, !identifier.isEmpty {
            lines.append("    <premis:eventIdentifierType>local</premis:eventIdentifierType>")
            lines.append("    <premis:eventIdentifierValue>\(XMLText.escape(identifier))</premis:eventIdentifierValue>")
        } else {
            lines.append("    <premis:eventIdentifierType>UUID</premis:eventIdentifierType>")
            lines.append("    <premis:eventIdentifierValue>\(derivedUUID(event, objectID: objectID))</premis:eventIdentifierValue>")
        }
        lines.append("  </premis:eventIdentifier>")
        lines.append("  <premis:eventType>\(XMLText.escape(event.type))</premis:eventType>")
        lines.append("  <premis:eventDateTime>\(OCFLStorageRoot.timestamp(event.date))</premis:eventDateTime>")
        if let detail = event.detail, !detail.isEmpty {
            lines.append("  <premis:eventDetailInformation>")
            lines.append("    <premis:eventDetail>\(XMLText.escape(detail))</premis:eventDetail>")
            lines.append("  </premis:eventDetailInformation>")
        }
        lines.append("  <premis:eventOutcomeInformation>")
        lines.append("    <premis:eventOutcome>\(XMLText.escape(event.outcome))</premis:eventOutcome>")
        lines.append("  </premis:eventOutcomeInformation>")
        lines.append("  <premis:linkingAgentIdentifier>")
        lines.append("    <premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType>")
        lines.append("    <premis:linkingAgentIdentifierValue>\(XMLText.escape(event.agent.name))</premis:linkingAgentIdentifierValue>")
        lines.append("  </premis:linkingAgentIdentifier>")
        lines.append("  <premis:linkingObjectIdentifier>")
        lines.append("    <premis:linkingObjectIdentifierType>OCFL object id</premis:linkingObjectIdentifierType>")
        lines.append("    <premis:linkingObjectIdentifierValue>\(XMLText.escape(objectID))</premis:linkingObjectIdentifierValue>")
        lines.append("  </premis:linkingObjectIdentifier>")
        lines.append("</premis:event>")
        return lines.map { indent + $0 + "\n" }.joined()
    }

    /// A UUID (version 8, RFC 9562) derived from the event's content, so re-packaging gives the same METS.
    static func derivedUUID(_ event: PreservationEvent, objectID: String) -> String {
        let key = [
            objectID, event.type, OCFLStorageRoot.timestamp(event.date), event.agent.name, event.outcome,
            event.detail ?? "",
        ].joined(separator: "\u{1F}")
        var bytes = Array(SHA256.hash(data: Data(key.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Hex.string(bytes)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }

    private static func fileSection(
        _ files: FileTable, facts: [String: PackageFileFacts], technicalIDs: [Int: String]
    ) -> String {
        guard !files.entries.isEmpty else { return "" }
        var xml = "  <mets:fileSec>\n"
        for use in PackageFileUse.allCases {
            let group = files.entries.filter { $0.ref.use == use }
            guard !group.isEmpty else { continue }
            xml += "    <mets:fileGrp USE=\"\(use.metsGroup)\">\n"
            for entry in group {
                xml += fileLine(
                    id: entry.id, mimeType: entry.ref.mimeType, facts: facts[entry.ref.logicalPath],
                    admID: use == .master ? entry.page.flatMap { technicalIDs[$0] } : nil)
                xml += "        <mets:FLocat LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"\(href(entry.ref.logicalPath))\"/>\n"
                xml += "      </mets:file>\n"
            }
            xml += "    </mets:fileGrp>\n"
        }
        xml += "  </mets:fileSec>\n"
        return xml
    }

    /// The opening `mets:file` line: ID, MIME type, size and SHA-256 when known, the techMD it refers to.
    static func fileLine(id: String, mimeType: String, facts: PackageFileFacts?, admID: String?) -> String {
        var line = "      <mets:file ID=\"\(id)\" MIMETYPE=\"\(XMLText.attribute(mimeType))\""
        if let facts { line += " SIZE=\"\(facts.size)\" CHECKSUM=\"\(facts.sha256)\" CHECKSUMTYPE=\"SHA-256\"" }
        if let admID, !admID.isEmpty { line += " ADMID=\"\(admID)\"" }
        return line + ">\n"
    }

    private static func structure(_ p: ItemPackage, files: FileTable, eventIDs: [String]) -> String {
        var xml = "  <mets:structMap TYPE=\"PHYSICAL\">\n"
        var attributes = "ID=\"PHYS_0000\" TYPE=\"physSequence\" DMDID=\"DMD1 DMD2\""
        if !eventIDs.isEmpty { attributes += " ADMID=\"\(eventIDs.joined(separator: " "))\"" }
        xml += "    <mets:div \(attributes) LABEL=\"\(XMLText.attribute(p.dc.title))\">\n"
        for entry in files.entries where entry.page == nil {
            xml += "      <mets:fptr FILEID=\"\(entry.id)\"/>\n"
        }
        for (position, page) in files.orderedPages.enumerated() {
            let id = String(format: "PHYS_%04d", position + 1)
            xml +=
                "      <mets:div ID=\"\(id)\" TYPE=\"page\" ORDER=\"\(page.page.sequence)\"\(orderLabel(p.structure, position: position + 1)) LABEL=\"\(XMLText.attribute(page.page.name))\">\n"
            for entry in files.entries where entry.page == page.position {
                xml += "        <mets:fptr FILEID=\"\(entry.id)\"/>\n"
            }
            xml += "      </mets:div>\n"
        }
        xml += "    </mets:div>\n  </mets:structMap>\n"
        return xml
    }

    /// A logical path as a relative URL: unreserved ASCII and `/` kept, everything else percent-encoded.
    static func href(_ logicalPath: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
        let nfc = logicalPath.precomposedStringWithCanonicalMapping
        return nfc.addingPercentEncoding(withAllowedCharacters: allowed) ?? nfc
    }

    /// Every file of the package with its METS ID and the page it belongs to (nil: the whole item).
    struct FileTable {
        struct Entry {
            var id: String
            var ref: PackageFileRef
            var page: Int?
        }

        var entries: [Entry] = []
        var orderedPages: [(position: Int, page: PackagePage)] = []

        init(_ p: ItemPackage) {
            orderedPages = p.pages.enumerated().map { ($0.offset, $0.element) }
                .sorted { ($0.page.sequence, $0.position) < ($1.page.sequence, $1.position) }
            var used = Set<String>()
            func uniqueID(_ base: String) -> String {
                var id = base
                var n = 2
                while !used.insert(id).inserted {
                    id = "\(base)_\(n)"
                    n += 1
                }
                return id
            }
            for (index, ref) in p.itemFiles.enumerated() {
                entries.append(Entry(id: uniqueID(String(format: "FILE_ITEM_%02d_", index + 1) + ref.use.metsGroup), ref: ref, page: nil))
            }
            for (rank, page) in orderedPages.enumerated() {
                for ref in page.page.files {
                    let base = String(format: "FILE_%04d_", rank + 1) + ref.use.metsGroup
                    entries.append(Entry(id: uniqueID(base), ref: ref, page: page.position))
                }
            }
        }
    }
}
