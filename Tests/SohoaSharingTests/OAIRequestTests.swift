import SohoaArchive
import XCTest

@testable import SohoaSharing

final class OAIRequestTests: XCTestCase {
    private func code(_ arguments: [String: [String]]) -> OAIError.Code? {
        do {
            _ = try OAIRequest.parse(arguments)
            return nil
        } catch {
            return error.code
        }
    }

    func testVerbMissingRepeatedOrUnknownIsBadVerb() {
        XCTAssertEqual(code([:]), .badVerb)
        XCTAssertEqual(code(["verb": ["Identify", "Identify"]]), .badVerb)
        XCTAssertEqual(code(["verb": ["identify"]]), .badVerb)
        XCTAssertNil(code(["verb": ["Identify"]]))
    }

    func testArgumentsAreCheckedPerVerb() {
        XCTAssertEqual(code(["verb": ["Identify"], "metadataPrefix": ["oai_dc"]]), .badArgument)
        XCTAssertEqual(code(["verb": ["ListRecords"]]), .badArgument, "metadataPrefix is required")
        XCTAssertEqual(code(["verb": ["GetRecord"], "metadataPrefix": ["oai_dc"]]), .badArgument, "identifier is required")
        XCTAssertEqual(code(["verb": ["ListRecords"], "metadataPrefix": ["oai_dc", "mods"]]), .badArgument, "repeated")
        XCTAssertEqual(code(["verb": ["ListRecords"], "metadataPrefix": ["oai_dc"], "colour": ["red"]]), .badArgument)
        XCTAssertEqual(code(["verb": ["ListRecords"], "metadataPrefix": [""]]), .badArgument, "empty value")
        XCTAssertEqual(
            code(["verb": ["ListRecords"], "metadataPrefix": ["oai_dc"], "resumptionToken": ["x"]]), .badArgument,
            "resumptionToken is exclusive")
        XCTAssertEqual(code(["verb": ["GetRecord"], "resumptionToken": ["x"]]), .badArgument)
        XCTAssertNil(code(["verb": ["ListRecords"], "resumptionToken": ["x"]]))
        XCTAssertNil(code(["verb": ["ListMetadataFormats"], "identifier": ["oai:a.b:c"]]))
    }

    func testDatesAtEitherGranularityButNotMixed() throws {
        let request = try OAIRequest.parse([
            "verb": ["ListIdentifiers"], "metadataPrefix": ["oai_dc"], "from": ["2024-02-28"], "until": ["2024-02-29"],
        ])
        XCTAssertEqual(request.from?.granularity, .day)
        XCTAssertEqual(request.until.map { OAIDatestamp.string($0.end) }, "2024-03-01T00:00:00Z")
        let seconds = try OAIRequest.parse([
            "verb": ["ListIdentifiers"], "metadataPrefix": ["oai_dc"], "from": ["2024-02-28T23:59:59Z"],
        ])
        XCTAssertEqual(seconds.from.map { OAIDatestamp.string($0.date) }, "2024-02-28T23:59:59Z")
        XCTAssertEqual(seconds.from.map { OAIDatestamp.string($0.end) }, "2024-02-29T00:00:00Z")

        let base = ["verb": ["ListRecords"], "metadataPrefix": ["oai_dc"]]
        for bad in ["2024-02-30", "2023-13-01", "2024-1-01", "2024-01-01T10:00:00", "2024-01-01T25:00:00Z", "yesterday"] {
            XCTAssertEqual(code(base.merging(["from": [bad]]) { $1 }), .badArgument, bad)
        }
        XCTAssertEqual(
            code(base.merging(["from": ["2024-01-01"], "until": ["2024-01-02T00:00:00Z"]]) { $1 }), .badArgument,
            "mixed granularities")
        XCTAssertEqual(code(base.merging(["from": ["2024-01-02"], "until": ["2024-01-01"]]) { $1 }), .badArgument)
    }

    func testFormArguments() {
        XCTAssertEqual(
            OAIFormArguments.parse("verb=ListRecords&metadataPrefix=oai_dc&set=type%3ASach&from=2024-01-01&verb=x+y"),
            ["verb": ["ListRecords", "x y"], "metadataPrefix": ["oai_dc"], "set": ["type:Sach"], "from": ["2024-01-01"]])
        XCTAssertEqual(OAIFormArguments.parse(""), [:])
    }

    func testIdentifiersRoundTripAndEncodeWhatTheSchemeForbids() {
        let ids = OAIIdentifier(repositoryIdentifier: "thuvien.laichau.gov.vn")
        XCTAssertEqual(ids.identifier(itemID: "bao-lai-chau-1998"), "oai:thuvien.laichau.gov.vn:bao-lai-chau-1998")
        XCTAssertEqual(ids.identifier(itemID: "Địa chí 100%"), "oai:thuvien.laichau.gov.vn:%C4%90%E1%BB%8Ba%20ch%C3%AD%20100%25")
        for id in ["bao-lai-chau-1998", "Địa chí 100%", "a:b;c"] {
            XCTAssertEqual(ids.itemID(identifier: ids.identifier(itemID: id)), id)
        }
        XCTAssertNil(ids.itemID(identifier: "oai:other.org:bao-lai-chau-1998"))
        XCTAssertNil(ids.itemID(identifier: "oai:thuvien.laichau.gov.vn:%C4"))
        XCTAssertNil(ids.itemID(identifier: "oai:thuvien.laichau.gov.vn:"))
        XCTAssertNil(ids.itemID(identifier: "oai:thuvien.laichau.gov.vn:%62ao"), "only the canonical spelling")
    }

    func testSetSpecsUseOnlyCharactersTheSchemaAllows() {
        XCTAssertEqual(OAISetSpec.type("Sách"), "type:Sach")
        XCTAssertEqual(OAISetSpec.type("Công văn"), "type:Cong-van")
        XCTAssertEqual(OAISetSpec.type("Địa chí / Đặc san"), "type:Dia-chi-Dac-san")
        XCTAssertEqual(OAISetSpec.type("書"), "type:~E6~9B~B8")
        XCTAssertEqual(OAISetSpec.library("LCH"), "library:LCH")
        let pattern = /([A-Za-z0-9\-_\.!~\*'\(\)])+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*/
        for value in ["Sách", "Công văn", "書", "  ", "a~b", "Báo (số Tết)"] {
            XCTAssertNotNil(OAISetSpec.type(value).wholeMatch(of: pattern), value)
        }
    }

    func testResumptionTokensRefuseGarbageOtherVerbsAndExpiry() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let secret = ArchiveSecret.ephemeral()
        let token = OAIResumptionToken(
            verb: "ListRecords", metadataPrefix: "oai_dc", set: "type:Sach", from: "2024-01-01", until: nil,
            snapshot: 1_700_000_000_000, after: .init(datestampKey: "2024-01-01 00:00:00.000", itemID: "a"),
            expires: 1_700_000_100)
        let text = token.encoded(signedWith: secret)
        XCTAssertEqual(try OAIResumptionToken.decode(text, verb: .listRecords, now: now, secret: secret), token)
        XCTAssertFalse(text.contains { "+/=".contains($0) })
        func code(_ text: String, _ verb: OAIVerb, _ at: Date, _ key: ArchiveSecret = secret) -> OAIError.Code? {
            do {
                _ = try OAIResumptionToken.decode(text, verb: verb, now: at, secret: key)
                return nil
            } catch { return error.code }
        }
        XCTAssertEqual(code("garbage!", .listRecords, now), .badResumptionToken)
        XCTAssertEqual(code("eyJ2IjoxfQ", .listRecords, now), .badResumptionToken)
        XCTAssertEqual(code(text, .listIdentifiers, now), .badResumptionToken)
        XCTAssertEqual(code(text, .listRecords, now.addingTimeInterval(101)), .badResumptionToken)
    }

    func testATamperedOrForeignResumptionTokenIsRefused() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let secret = ArchiveSecret.ephemeral()
        let token = OAIResumptionToken(
            verb: "ListRecords", metadataPrefix: "oai_dc", set: nil, from: nil, until: nil, snapshot: 1_700_000_000_000,
            after: .init(datestampKey: "2024-01-01 00:00:00.000", itemID: "a"), expires: 1_700_000_100)
        func code(_ text: String, _ key: ArchiveSecret = secret) -> OAIError.Code? {
            do {
                _ = try OAIResumptionToken.decode(text, verb: .listRecords, now: now, secret: key)
                return nil
            } catch { return error.code }
        }
        XCTAssertNil(code(token.encoded(signedWith: secret)))
        // A harvester that edits the token to skip ahead (or widen the snapshot) is refused.
        var edited = token
        edited.after = .init(datestampKey: "2024-01-01 00:00:00.000", itemID: "zzz")
        let signature = token.encoded(signedWith: secret).split(separator: ".")[1]
        let forged = String(edited.encoded(signedWith: ArchiveSecret.ephemeral()).split(separator: ".")[0]) + "." + signature
        XCTAssertEqual(code(forged), .badResumptionToken, "edited body with the old signature")
        XCTAssertEqual(code(String(token.encoded(signedWith: secret).split(separator: ".")[0])), .badResumptionToken, "no signature")
        XCTAssertEqual(code(token.encoded(signedWith: secret), ArchiveSecret.ephemeral()), .badResumptionToken, "another archive's key")
    }

    func testTheArchiveKeyIsMadeOnceAndOnlyItsOwnerCanReadIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("h-versions-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ArchiveSecret.loadOrCreate(named: "oai-token", in: folder)
        let second = try ArchiveSecret.loadOrCreate(named: "oai-token", in: folder)
        let data = Data("x".utf8)
        XCTAssertTrue(second.isValid(first.authenticationCode(for: data), for: data), "the same key is read back")
        let path = folder.appendingPathComponent("extensions/sohoa-work/oai-token.key").path
        let mode = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)
        XCTAssertEqual(mode.intValue & 0o777, 0o600)
    }
}
