import Foundation

extension OCFLStorageRoot {
    /// Writes the files of a new storage root; the declaration comes last, so a half-created root
    /// is recognised (and completed) by the next open.
    static func create(at url: URL) throws {
        let layoutURL = url.appendingPathComponent("extensions/\(HashAndIdNTupleLayout.extensionName)", isDirectory: true)
        try DurableFiles.makeFolder(layoutURL)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var config = try encoder.encode(HashAndIdNTupleLayout())
            config.append(0x0A)
            try DurableFiles.replace(layoutURL.appendingPathComponent("config.json"), with: config)
            var layoutFile = try encoder.encode([
                "extension": HashAndIdNTupleLayout.extensionName, "description": HashAndIdNTupleLayout.description,
            ])
            layoutFile.append(0x0A)
            try DurableFiles.replace(url.appendingPathComponent(layoutFileName), with: layoutFile)
        } catch let error as OCFLError {
            throw error
        } catch {
            throw OCFLError.fileSystem(operation: "write layout files in", path: url.path, reason: "\(error)")
        }
        try DurableFiles.replace(url.appendingPathComponent(specificationName), with: Data(specificationPointer.utf8))
        let staging = url.appendingPathComponent("extensions/\(stagingExtension)", isDirectory: true)
        try DurableFiles.makeFolder(staging)
        try DurableFiles.replace(staging.appendingPathComponent("README.md"), with: Data(stagingDescription.utf8))
        try DurableFiles.replace(url.appendingPathComponent(declarationName), with: Data(declarationContent.utf8))
    }

    static func checkDeclaration(_ url: URL) throws {
        let declaration = url.appendingPathComponent(declarationName)
        let content = (try? Data(contentsOf: declaration)).map { String(decoding: $0, as: UTF8.self) }
        if content != declarationContent {
            throw OCFLError.unsupportedStorageRoot(
                path: url.path, reason: "\(declarationName) does not contain 'ocfl_1.1' and a newline; the root may be damaged")
        }
    }

    static func readLayout(_ url: URL) throws -> HashAndIdNTupleLayout {
        let layoutFile = url.appendingPathComponent(layoutFileName)
        guard let data = try? Data(contentsOf: layoutFile),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let name = object["extension"] as? String
        else {
            throw OCFLError.unsupportedStorageRoot(
                path: url.path, reason: "\(layoutFileName) is missing or unreadable, so object folders cannot be found")
        }
        guard name == HashAndIdNTupleLayout.extensionName else {
            throw OCFLError.unsupportedStorageRoot(
                path: url.path,
                reason: "its storage layout is \(name) (declared in \(layoutFileName)); this version of sohoa finds "
                    + "and writes objects with \(HashAndIdNTupleLayout.extensionName) only, so it cannot use this root")
        }
        let configURL = url.appendingPathComponent("extensions/\(name)/config.json")
        var layout = HashAndIdNTupleLayout()
        if FileManager.default.fileExists(atPath: configURL.path) {
            do {
                layout = try JSONDecoder().decode(HashAndIdNTupleLayout.self, from: Data(contentsOf: configURL))
            } catch {
                throw OCFLError.unsupportedStorageRoot(path: url.path, reason: "\(configURL.path) cannot be read (\(error))")
            }
        }
        if let problem = layout.problem() {
            throw OCFLError.unsupportedStorageRoot(path: url.path, reason: "\(configURL.path): \(problem)")
        }
        return layout
    }

    static let specificationPointer = """
        # Oxford Common File Layout Specification 1.1

        This folder is an OCFL 1.1 storage root. The specification it follows is published at
        https://ocfl.io/1.1/spec/ (7 October 2022, licensed CC BY 4.0).

        Storage layout: OCFL community extension 0003-hash-and-id-n-tuple-storage-layout
        (https://ocfl.github.io/extensions/0003-hash-and-id-n-tuple-storage-layout.html), parameters in
        extensions/0003-hash-and-id-n-tuple-storage-layout/config.json: the SHA-256 of the object id (UTF-8,
        lowercase hex) split into 3 folders of 3 characters, then a folder named with the id percent-encoded
        (every UTF-8 byte other than A-Z a-z 0-9 - _ as %xx, lowercase hex); an encoded name longer than
        100 characters is cut to 100 characters followed by "-" and the full digest.

        extensions/sohoa-staging/ is a local extension: see its README.md.

        """

    static let stagingDescription = """
        # sohoa-staging (local storage root extension)

        Used by sohoa to write objects atomically. New objects and new versions are built completely
        under work/<uuid>/ (work/<uuid>/target names the object folder, work/<uuid>/lock is held while
        the write runs) and then renamed into the storage hierarchy. locks/ holds lock files that
        serialize writes to one object. Anything under work/ whose lock is not held is left over from
        an interrupted write and is removed when sohoa next opens the storage root, as is any
        work/.removed-<uuid>/ (a finished write's folder, set aside to be deleted). Nothing here is
        part of any OCFL object.

        """
}
