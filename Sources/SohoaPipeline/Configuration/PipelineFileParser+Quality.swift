import SohoaImaging

extension PipelineFileParser.Reader {
    /// The `quality:` section: `min-dpi`, `expect`, `max-blur`, `max-clipped`, `page-count`, `on-fail`.
    /// A threshold set to `none` is not checked.
    func qualityGate(_ value: Any) throws(ConfigurationError) -> QualityGate {
        let section = try mapping(value, key: "quality")
        try allowOnly(
            section, keys: ["min-dpi", "expect", "max-blur", "max-clipped", "page-count", "on-fail"], at: "quality")
        var gate = QualityGate()
        if let v = section["min-dpi"] {
            gate.criteria.minimumDPI = try optional(v) { v throws(ConfigurationError) in
                Int(try number(v, key: "quality.min-dpi", range: 50...1200))
            }
        }
        if let v = section["expect"] {
            let text = try string(v, key: "quality.expect")
            if text == "any" {
                gate.criteria.expectedTone = nil
            } else {
                guard let tone = CaptureTone(rawValue: text) else {
                    throw ConfigurationError(
                        file: file, key: "quality.expect", message: "'\(text)' is not allowed; use one of bilevel, gray, colour, any")
                }
                gate.criteria.expectedTone = tone
            }
        }
        if let v = section["max-blur"] {
            gate.criteria.maximumBlur = try optional(v) { v throws(ConfigurationError) in
                try number(v, key: "quality.max-blur", range: 1...20)
            }
        }
        if let v = section["max-clipped"] {
            gate.criteria.maximumClipped = try optional(v) { v throws(ConfigurationError) in
                try number(v, key: "quality.max-clipped", range: 0...1)
            }
        }
        if let v = section["page-count"] { gate.pageCount = try choice(v, key: "quality.page-count", QualityGate.PageCount.self) }
        if let v = section["on-fail"] { gate.onFail = try choice(v, key: "quality.on-fail", QualityGate.OnFail.self) }
        return gate
    }

    /// `nil` for `none`, else the value read by `read`.
    private func optional<T>(_ value: Any, _ read: (Any) throws(ConfigurationError) -> T) throws(ConfigurationError) -> T? {
        if let text = value as? String, text == "none" { return nil }
        return try read(value)
    }
}
