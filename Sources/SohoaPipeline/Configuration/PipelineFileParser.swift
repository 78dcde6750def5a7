import Foundation
import SohoaCollection
import SohoaImaging

/// Reads a pipeline file strictly: every key is known, every value checked, errors name both.
public enum PipelineFileParser {
    /// Loads and checks the pipeline file at `url`.
    public static func load(_ url: URL) throws(ConfigurationError) -> PipelineConfiguration {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: url.path, message: "cannot read the pipeline file (\(error.localizedDescription))")
        }
        return try parse(text, file: url.path)
    }

    /// Parses pipeline YAML; `file` is used in error messages.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> PipelineConfiguration {
        let root: Any?
        do {
            root = try YAMLText.load(text)
        } catch {
            throw ConfigurationError(file: file, message: "not valid YAML: \(error)")
        }
        guard let map = root as? [String: Any] else {
            throw ConfigurationError(
                file: file, message: "the file must be a YAML mapping of keys (name, languages, normalize, ocr, workers, package)")
        }
        var reader = Reader(file: file)
        return try reader.configuration(map)
    }

    /// Walks the YAML tree with the path of keys, for messages like `normalize.max-skew`.
    struct Reader {
        let file: String

        mutating func configuration(_ map: [String: Any]) throws(ConfigurationError) -> PipelineConfiguration {
            var config = PipelineConfiguration()
            try allowOnly(
                map,
                keys: ["name", "description", "languages", "lossy-masters", "normalize", "ocr", "quality", "workers", "package"],
                at: nil)
            if let value = map["name"] { config.name = try string(value, key: "name") }
            if let value = map["lossy-masters"] { config.lossyMasters = try choice(value, key: "lossy-masters", LossyMasters.self) }
            if let value = map["languages"] { config.languages = try languages(value) }
            if let value = map["quality"] { config.quality = try qualityGate(value) }
            if let value = map["normalize"] {
                let section = try mapping(value, key: "normalize")
                try allowOnly(
                    section,
                    keys: [
                        "orientation", "deskew", "max-skew", "min-dpi", "crop-borders", "even-light", "binarize", "despeckle",
                        "split-spreads",
                    ], at: "normalize")
                if let v = section["orientation"] { config.normalize.orientation = try bool(v, key: "normalize.orientation") }
                if let v = section["deskew"] { config.normalize.deskew = try bool(v, key: "normalize.deskew") }
                if let v = section["crop-borders"] { config.normalize.cropBorders = try bool(v, key: "normalize.crop-borders") }
                if let v = section["even-light"] { config.normalize.evenLight = try bool(v, key: "normalize.even-light") }
                if let v = section["despeckle"] { config.normalize.despeckle = try bool(v, key: "normalize.despeckle") }
                if let v = section["binarize"] {
                    config.normalize.binarize = try choice(v, key: "normalize.binarize", BinarizationMethod.self)
                }
                if let v = section["split-spreads"] {
                    config.normalize.splitSpreads = try choice(v, key: "normalize.split-spreads", SpreadMode.self)
                }
                if let v = section["max-skew"] {
                    config.normalize.maxSkewDegrees = try number(v, key: "normalize.max-skew", range: 0.5...45)
                }
                if let v = section["min-dpi"] {
                    config.normalize.minimumDPI = Int(try number(v, key: "normalize.min-dpi", range: 50...1200))
                }
            }
            if let value = map["ocr"] {
                let section = try mapping(value, key: "ocr")
                try allowOnly(section, keys: ["psm", "outputs"], at: "ocr")
                if let v = section["psm"] {
                    let psm = try string(v, key: "ocr.psm")
                    guard psm == "auto" else {
                        throw ConfigurationError(file: file, key: "ocr.psm", message: "'\(psm)' is not supported; use auto")
                    }
                }
                if let v = section["outputs"] {
                    let allowed = PipelineConfiguration.Output.allCases.map(\.rawValue).joined(separator: ", ")
                    guard let list = v as? [Any] else {
                        throw ConfigurationError(file: file, key: "ocr.outputs", message: "must be a list such as [\(allowed)]")
                    }
                    var outputs = Set<PipelineConfiguration.Output>()
                    for entry in list {
                        let name = try string(entry, key: "ocr.outputs")
                        guard let output = PipelineConfiguration.Output(rawValue: name) else {
                            throw ConfigurationError(
                                file: file, key: "ocr.outputs",
                                message: "unknown output '\(name)'; allowed: \(allowed)")
                        }
                        outputs.insert(output)
                    }
                    config.outputs = outputs
                }
            }
            if let value = map["workers"] {
                let section = try mapping(value, key: "workers")
                try allowOnly(section, keys: ["ingest", "normalize", "ocr", "package"], at: "workers")
                if let v = section["ingest"] { config.workers.ingest = try count(v, key: "workers.ingest") }
                if let v = section["normalize"] { config.workers.normalize = try count(v, key: "workers.normalize") }
                if let v = section["package"] { config.workers.package = try count(v, key: "workers.package") }
                if let v = section["ocr"] {
                    if let text = v as? String, text == "auto" {
                        config.workers.ocr = nil
                    } else {
                        config.workers.ocr = try count(v, key: "workers.ocr")
                    }
                }
            }
            if let value = map["package"] {
                let section = try mapping(value, key: "package")
                try allowOnly(section, keys: ["access-derivative"], at: "package")
                if let v = section["access-derivative"] {
                    let access = try mapping(v, key: "package.access-derivative")
                    try allowOnly(access, keys: ["format", "max-side"], at: "package.access-derivative")
                    if let f = access["format"] {
                        let format = try string(f, key: "package.access-derivative.format")
                        guard format == "png" else {
                            throw ConfigurationError(
                                file: file, key: "package.access-derivative.format",
                                message: "'\(format)' is not supported; use png")
                        }
                    }
                    if let m = access["max-side"] {
                        config.accessDerivative.maxSide = Int(
                            try number(m, key: "package.access-derivative.max-side", range: 200...20000))
                    }
                }
            }
            return config
        }

        func allowOnly(_ map: [String: Any], keys: Set<String>, at section: String?) throws(ConfigurationError) {
            for key in map.keys.sorted() where !keys.contains(key) {
                let path = section.map { "\($0).\(key)" } ?? key
                throw ConfigurationError(
                    file: file, key: path,
                    message: "unknown key; allowed here: \(keys.sorted().joined(separator: ", "))")
            }
        }

        func mapping(_ value: Any, key: String) throws(ConfigurationError) -> [String: Any] {
            guard let map = value as? [String: Any] else {
                throw ConfigurationError(file: file, key: key, message: "must be a mapping of keys, got '\(value)'")
            }
            return map
        }

        func string(_ value: Any, key: String) throws(ConfigurationError) -> String {
            if let text = value as? String { return text }
            throw ConfigurationError(file: file, key: key, message: "must be text, got '\(value)'")
        }

        /// One of an enumeration's raw values; YAML reads a bare `none` as text, `no` / `off` as false.
        func choice<T: RawRepresentable & CaseIterable>(
            _ value: Any, key: String, _ type: T.Type
        ) throws(ConfigurationError) -> T where T.RawValue == String {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            guard let text = value as? String, let parsed = T(rawValue: text) else {
                throw ConfigurationError(file: file, key: key, message: "'\(value)' is not allowed; use one of \(allowed)")
            }
            return parsed
        }

        func bool(_ value: Any, key: String) throws(ConfigurationError) -> Bool {
            if let flag = value as? Bool { return flag }
            throw ConfigurationError(file: file, key: key, message: "must be true or false, got '\(value)'")
        }

        func number(_ value: Any, key: String, range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
            let number: Double
            if let int = value as? Int {
                number = Double(int)
            } else if let double = value as? Double {
                number = double
            } else {
                throw ConfigurationError(file: file, key: key, message: "must be a number, got '\(value)'")
            }
            guard range.contains(number) else {
                throw ConfigurationError(
                    file: file, key: key,
                    message: "\(value) is out of range; allowed \(range.lowerBound.formatted())…\(range.upperBound.formatted())")
            }
            return number
        }

        func count(_ value: Any, key: String) throws(ConfigurationError) -> Int {
            guard let int = value as? Int, (1...64).contains(int) else {
                throw ConfigurationError(file: file, key: key, message: "must be a whole number from 1 to 64, got '\(value)'")
            }
            return int
        }

        func languages(_ value: Any) throws(ConfigurationError) -> [String] {
            let codes: [String]
            if let list = value as? [Any] {
                var collected: [String] = []
                for entry in list { collected.append(contentsOf: OCRLanguage.codes(from: try string(entry, key: "languages"))) }
                codes = collected
            } else {
                codes = OCRLanguage.codes(from: try string(value, key: "languages"))
            }
            for code in codes where code.range(of: "^[a-z_]{2,12}$", options: .regularExpression) == nil {
                throw ConfigurationError(file: file, key: "languages", message: "'\(code)' is not a language code (e.g. vie, eng, none)")
            }
            guard !codes.isEmpty else {
                throw ConfigurationError(file: file, key: "languages", message: "give at least one language code, or none")
            }
            return codes
        }
    }
}
