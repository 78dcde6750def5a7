/// The six Vietnamese tones, named as Vietnamese grammars name them; `ngang` is the unmarked tone.
public enum Tone: Sendable, Equatable, Hashable, CaseIterable {
    /// No mark (thanh ngang): "ma".
    case ngang
    /// Grave accent (thanh huyền): "mà".
    case huyen
    /// Acute accent (thanh sắc): "má".
    case sac
    /// Hook above (thanh hỏi): "mả".
    case hoi
    /// Tilde (thanh ngã): "mã".
    case nga
    /// Dot below (thanh nặng): "mạ".
    case nang

    /// The combining mark that writes the tone (empty for `ngang`).
    var combiningMark: String {
        switch self {
        case .ngang: ""
        case .huyen: "\u{0300}"
        case .sac: "\u{0301}"
        case .hoi: "\u{0309}"
        case .nga: "\u{0303}"
        case .nang: "\u{0323}"
        }
    }
}
